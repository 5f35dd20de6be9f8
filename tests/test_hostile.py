"""Hostile and careless input through `timeline check` and the real `mkdocs build`.

One site holds every case of `hostile.py` at once (a few builds, not one per case): each bad file
is reported by file, line, column and field, nothing prints a traceback, `--strict` fails, the
good entries are still published, and nothing from content becomes live markup.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest
from conftest import ACTORS, Site, entry
from hostile import (
    CASES,
    HTML,
    IMAGE,
    INVALID,
    LINKS,
    NOTICE_FILES,
    ODD_FILES,
    PLACE_PROBLEMS,
    PLACES,
    REAL_IMAGE,
    REGISTRY,
    REGISTRY_PROBLEMS,
    RTL,
    STRAY_PROBLEM,
    STRAYS,
    make_site,
    timeline_check,
)
from safety import parse_html, site_findings, squash, text_of

pytestmark = pytest.mark.e2e

SUMMARY = re.compile(r"timeline: (\d+) events? published, (\d+) drafts?, (\d+) invalid")


@dataclass
class Run:
    site: Site
    check: subprocess.CompletedProcess
    build: subprocess.CompletedProcess
    strict: subprocess.CompletedProcess

    def page(self, url: str):
        return parse_html(self.site.html(url))


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    site = make_site(tmp_path_factory.mktemp("hostile"), ACTORS + REGISTRY)
    site.write("places.yml", PLACES)
    for case in CASES:
        site.write(f"events/{case.path}", case.content)
    for path, content in [*STRAYS.items(), IMAGE, REAL_IMAGE]:
        site.write(f"events/{path}", content)
    # links committed into the folder: to files outside it (never read nor published), and
    # one inside it (published like its target)
    outside = site.root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-TLX")
    (outside / "entry.md").write_text(entry(title="Linked from outside"))
    events = site.content / "events/2024"
    (events / LINKS[0]).symlink_to("../../../outside/secret.txt")
    (events / LINKS[1]).symlink_to(outside / "entry.md")
    (events / "map-copy.png").symlink_to("map.png")
    for path, (content, _) in ODD_FILES.items():
        if content.startswith("->"):
            (site.content / "events" / path).symlink_to(content[2:])
        else:
            site.write(f"events/{path}", content)
    for path in NOTICE_FILES:
        site.write(f"events/{path}", "")
    strict = site.build(strict=True)  # first, so that site/ holds the lenient build's output
    check = timeline_check(site)
    # its report ends with the count: kept apart, so that the rest is the problems alone
    *problems, check.summary = check.stdout.splitlines(keepends=True)
    check.stdout = "".join(problems)
    return Run(site, check, site.build(), strict)


PROBLEM_LINE = re.compile(r"^(?:WARNING|INFO) +-  timeline: (content/.+?:\d+:\d+: .*)$")


def warnings(output: str) -> set[str]:
    """The problems a build logged: warnings, and notices (at info)."""
    return {m[1] for line in output.splitlines() if (m := PROBLEM_LINE.match(line))}


@pytest.mark.parametrize("case", [c for c in INVALID if not c.valid], ids=lambda c: c.name)
def test_each_bad_file_is_reported_by_file_line_column_and_field(run, case):
    for fragment in case.problems:
        expected = f"content/events/{case.path}:{fragment}"
        assert expected in run.check.stdout, (expected, run.check.stdout)
        assert expected in run.build.stdout, (expected, run.build.stdout)
        assert expected in run.strict.stdout
    page = run.site.root / "site" / "events" / case.path.rsplit(".", 1)[0]
    assert not page.exists()


def test_check_and_build_report_exactly_the_same_problems(run):
    reported = set(run.check.stdout.splitlines())
    assert reported == warnings(run.build.stdout)
    expected = sum(len(c.problems) for c in CASES) + len(STRAYS) + len(LINKS) + len(ODD_FILES)
    drafts = 1
    registries = len(REGISTRY_PROBLEMS) + len(PLACE_PROBLEMS)
    assert len(reported) == expected + len(NOTICE_FILES) + registries + drafts


@pytest.mark.parametrize("path", sorted(ODD_FILES) + sorted(NOTICE_FILES))
def test_a_file_mkdocs_would_drop_or_crash_on_is_named_by_check_and_build(run, path):
    problem = {**{p: f for p, (_, f) in ODD_FILES.items()}, **NOTICE_FILES}[path]
    expected = f"content/events/{path}:{problem}"
    for output in (run.check.stdout, run.build.stdout, run.strict.stdout):
        assert expected in output, (expected, output)
    assert not (run.site.root / "site/events" / path).exists()
    assert not (run.site.root / "site/events" / path.removesuffix(".md") / "index.html").exists()


def test_check_and_build_agree_on_every_file_s_fate(run):
    """Published (a page), draft, invalid (named), image (copied): the same in both."""
    events = run.site.content / "events"
    files = sorted(
        p.relative_to(run.site.content).as_posix()
        for p in events.rglob("*")
        if p.is_symlink() or p.is_file()
    )
    check_named = {line.split(":", 1)[0] for line in run.check.stdout.splitlines()}
    build_named = {line.split(":", 1)[0] for line in warnings(run.build.stdout)}
    site = run.site.root / "site"
    for path in files:
        shown = f"content/{path}"
        page = site / path.removesuffix(".md") / "index.html"
        published = page.exists() or (path.endswith(".png") and (site / path).exists())
        assert published != (shown in check_named), path  # published, or named by check
        assert (shown in check_named) == (shown in build_named), path


def test_a_link_to_a_file_outside_the_folder_is_reported_and_never_read(run):
    for name in LINKS:
        expected = f"content/events/2024/{name}:1:1: file: is a link to a file outside the events"
        assert expected in run.check.stdout and expected in run.build.stdout
        assert not (run.site.root / "site/events/2024" / name).exists()
    output = run.check.stdout + run.build.stdout
    assert "SECRET-TLX" not in output and "Linked from outside" not in output
    assert not any("SECRET-TLX" in p.read_text(errors="replace") for p in output_files(run))
    copy = run.site.root / "site/events/2024/map-copy.png"
    assert copy.read_bytes() == IMAGE[1]


def output_files(run):
    return [p for p in (run.site.root / "site").rglob("*") if p.is_file()]


def test_a_file_that_is_neither_entry_nor_image_is_reported_and_never_copied(run):
    for path in STRAYS:
        expected = f"content/events/{path}:" + STRAY_PROBLEM.format(name=path.rsplit("/")[-1])
        assert expected in run.check.stdout and expected in run.build.stdout
        assert not (run.site.root / "site/events" / path).exists()
    assert (run.site.root / "site/events" / IMAGE[0]).read_bytes() == IMAGE[1]


def test_nothing_prints_a_traceback_and_only_the_strict_build_fails(run):
    for result in (run.check, run.build, run.strict):
        assert "Traceback" not in result.stdout + (result.stderr or "")
    assert run.check.returncode == 1
    assert run.build.returncode == 0
    assert run.strict.returncode == 1 and "Aborted with" in run.strict.stdout


def test_a_yaml_tag_never_runs_anything(run):
    assert "!!python/object/apply:os.system" in run.check.stdout
    assert not (run.site.root / "tlx-pwned").exists()


def test_every_event_file_is_counted_published_draft_or_invalid(run):
    files = [p for p in (run.site.content / "events").rglob("*") if not p.is_dir()]
    images = [p for p in (run.site.root / "site/events").rglob("*") if p.suffix == ".png"]
    assert len(images) == 3  # the images and the link to one, published as they are
    odd = len(ODD_FILES) - 1  # the link to a folder is one
    assert len(files) == len(CASES) + len(STRAYS) + len(LINKS) + len(images) + odd + 1
    for output in (run.build.stdout, run.check.summary):
        published, drafts, invalid = map(int, SUMMARY.search(output).groups())
        hidden = len(NOTICE_FILES)  # named in a notice, not invalid
        assert published + drafts + invalid + len(images) + hidden == len(files) + 1, output
        assert drafts == 1
        assert published == sum(1 for c in CASES if c.title)
    assert "(listed above)" in run.build.stdout


def test_the_good_and_the_odd_but_valid_entries_are_published_in_order(run):
    items = run.page("timeline/").iter("li")
    titles = [text_of(li.find(".//h4/a")) for li in items if "tl-event" in li.get("class", "")]
    expected = [c.title for c in CASES if c.title]
    assert sorted(titles) == sorted(squash(t) for t in expected)
    assert titles[0] == "Year one" and titles[-1] == "Year 9999"  # the edges of the calendar
    assert "A draft" not in titles


def test_no_page_or_data_file_has_live_markup_from_content(run):
    assert site_findings(run.site.root / "site", "example.org") == []


def tag_names(page) -> list[str]:
    """The tags mkdocs-material shows on a page (links when a tags index exists)."""
    return [text_of(e) for e in page.iter() if "md-tag" in str(e.get("class", "")).split()]


def _one(root, tag: str, cls: str):
    found = [e for e in root.iter(tag) if cls in e.get("class", "").split()]
    assert len(found) == 1, (tag, cls, found)
    return found[0]


def test_html_in_every_text_field_reads_back_as_the_same_text(run):
    page = run.page("events/2024/2024-11-03-html/")
    head = page.find("head")
    assert text_of(head.find("title")).startswith(squash("Title " + HTML) + " - ")
    description = [m for m in head.iter("meta") if m.get("name") == "description"][0]
    assert description.get("content") == squash("Summary " + HTML)
    header = _one(page, "header", "tl-header")
    assert text_of(header.find("h1")) == squash("Title " + HTML)
    assert text_of(_one(header, "p", "tl-summary")) == squash("Summary " + HTML)
    assert text_of(_one(header, "span", "tl-place")) == squash("Place " + HTML)
    actor = [a for a in header.iter("a") if "tl-actor" in a.get("class", "")][0]
    assert text_of(actor) == squash("Name " + HTML)
    sources = _one(page, "section", "tl-sources")
    assert text_of(_one(sources, "span", "tl-publisher")) == squash("Publisher " + HTML)
    link, archived = list(sources.iter("a"))
    assert text_of(link) == squash("Headline " + HTML)
    assert link.get("href") == 'https://example.com/?q="><tlx>&a=1'
    assert archived.get("href") == "https://web.archive.org/web/2024/https://example.com/<tlx>"
    assert squash("Note " + HTML) in text_of(_one(page, "section", "tl-updates"))
    tags = tag_names(page)
    assert sorted(tags) == sorted([squash("tag " + HTML), "plain"])

    actor_page = run.page("actors/html-actor/")
    assert text_of(actor_page.find(".//article//h1")) == squash("Name " + HTML)
    assert text_of(actor_page.find("head/title")).startswith(squash("Name " + HTML))
    facts = [text_of(dd) for dd in actor_page.iter("dd")]
    assert squash("Description " + HTML) in facts and squash("Alias " + HTML) in facts


def test_search_index_and_tags_export_carry_the_text_escaped(run):
    # the theme inserts these strings as HTML: unescaping them must give the text back
    index = json.loads((run.site.root / "site/search/search_index.json").read_text())
    page = [d for d in index["docs"] if d["location"] == "events/2024/2024-11-03-html/"][0]
    assert html.unescape(page["title"]) == "Title " + HTML
    assert [html.unescape(t) for t in page["tags"]] == ["tag " + HTML, "plain"]
    tags = json.loads((run.site.root / "site/tags.json").read_text())
    names = {html.unescape(t) for m in tags["mappings"] for t in m["tags"]}
    assert "tag " + HTML in names


def test_the_write_up_keeps_its_text_but_loses_everything_that_could_run(run):
    page = run.page("events/2024/2024-11-03-html/")
    article = page.find(".//article")
    assert "Heading" in text_of(article.find(".//h2"))
    assert "div" in text_of(article)
    assert not list(article.iter("iframe")) and not list(article.iter("form"))
    links = {text_of(a): a for a in article.iter("a")}
    assert links["out"].get("href") == "https://example.com/out"
    assert "noopener" in links["out"].get("rel").split()
    assert links["link"].get("href") is None  # the javascript: URL is gone, the text stays


def test_right_to_left_and_emoji_text_is_published_as_written(run):
    page = run.page("events/2024/2024-11-05-rtl/")
    assert text_of(page.find(".//header/h1")) == squash(RTL)
    assert text_of(page.find("head/title")).startswith(squash(RTL))
    tags = tag_names(page)
    assert sorted(tags) == sorted(["كوريا", "🇰🇵"])


def test_an_alias_claimed_by_two_actors_is_reported_and_both_actors_stay(run):
    registry = ACTORS + REGISTRY
    line = registry[: registry.rindex("aliases: [Kim]")].count("\n") + 1
    expected = f"content/actors.yml:{line}:13: aliases[0]: 'Kim' already names actor 'kim-one'"
    assert expected in run.check.stdout and expected in run.build.stdout
    for actor in ("kim-one", "kim-two"):
        assert (run.site.root / f"site/actors/{actor}/index.html").exists()


def test_registry_problems_are_reported_and_an_actor_cannot_replace_the_actors_page(run):
    for fragment in REGISTRY_PROBLEMS:
        found = [line for line in run.check.stdout.splitlines() if fragment in line]
        assert len(found) == 1 and found[0].startswith("content/actors.yml:"), fragment
        assert found[0] in warnings(run.build.stdout)
    # the actor 'index' is left out: its page would have been actors/index.md
    actors = run.page("actors/")
    assert text_of(actors.find(".//article//h1")) == "Actors"
    links = {a.get("href") for a in actors.iter("a")}
    assert "kim-one/" in links and "north-korea/" in links


def test_place_registry_problems_are_reported_and_the_place_left_out(run):
    for fragment in PLACE_PROBLEMS:
        found = [line for line in run.check.stdout.splitlines() if fragment in line]
        assert len(found) == 1 and found[0].startswith("content/places.yml:"), fragment
        assert found[0] in warnings(run.build.stdout)
    assert not (run.site.root / "site/places/not-a-number").exists()
    assert (run.site.root / "site/places/html-place/index.html").exists()


def test_a_hostile_value_cannot_forge_a_line_in_the_ci_log(run):
    # a newline in a value would start a line GitHub reads as a workflow command
    for output in (run.check.stdout, run.build.stdout):
        assert not [line for line in output.splitlines() if line.startswith("::")]
    github = subprocess.run(
        [sys.executable, "-m", "timeline", "check", "--format", "github"],
        cwd=run.site.root,
        capture_output=True,
        text=True,
    )
    assert github.returncode == 1
    lines = github.stdout.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert len(lines) == len(run.check.stdout.splitlines())


# --- the registry itself ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("registry", "expected"),
    [
        (
            "north-korea: {name: North Korea, kind: country}\n",
            "content/actors.yml:1:1: registry: the actor registry must be a list of actors",
        ),
        (None, "content/actors.yml:1:1: registry: the actor registry file is missing"),
        (
            "- id: north-korea\n  name: North Korea\n  kind: country\n  aliases: "
            + "[" * 600
            + "]" * 600,
            "content/actors.yml:4:31: registry: lists and 'field: value' sets nested more than 20 "
            "deep are not allowed",
        ),
        (
            "- id: north-korea\n  name: North Korea\u2028  kind: person\n  kind: country\n",
            "content/actors.yml:2:20: registry: the character U+2028 (line separator) is not "
            "allowed",
        ),
    ],
    ids=["not a list", "missing", "nested 600 deep", "a line separator"],
)
def test_a_broken_registry_is_reported_and_the_build_survives(tmp_path, registry, expected):
    site = make_site(tmp_path, registry)
    site.event("2024/2024-10-31-a.md", title="Needs an actor")
    check = timeline_check(site)
    strict = site.build(strict=True)
    build = site.build()
    assert check.returncode == 1 and build.returncode == 0 and strict.returncode == 1
    unknown = "content/events/2024/2024-10-31-a.md:4:10: actors[0]: unknown actor 'north-korea'"
    for output in (check.stdout, build.stdout, strict.stdout):
        assert "Traceback" not in output
        assert unknown in output
    assert expected in check.stdout and expected in build.stdout
    assert "timeline: 0 events published, 0 drafts, 1 invalid" in build.stdout
    assert (site.root / "site/timeline/index.html").exists()


def test_a_registry_that_is_not_utf8_names_its_line(tmp_path):
    site = make_site(tmp_path, None)
    site.write("actors.yml", "- id: a\n  name: Andr\u00e9\n  kind: person\n".encode("latin-1"))
    site.write("events/2024/2024-10-31-a.md", entry(actors="[a]"))
    check = timeline_check(site)
    assert "content/actors.yml:2:13: registry: the file is not UTF-8" in check.stdout
    assert "Traceback" not in check.stdout + check.stderr
