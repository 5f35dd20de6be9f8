"""The contributor's preview (`mkdocs serve`) shows the content's problems on one page, and every
other page carries the same slot for them: which ones, in what order, with which links; pages
that do not change with a typo; never in a build for publishing."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ACTORS, entry
from htmlparse import parse

from timeline import words
from timeline.loader import load_timeline
from timeline.model import Problem
from timeline.views.preview import PROBLEMS_PAGE, banner, content_path, file_url
from timeline.views.site import SiteMap, SiteOptions

REPO = "https://github.com/example/timeline"


@pytest.fixture
def timeline(tmp_path, monkeypatch):
    """A content folder with a good event, an invalid one, a misnamed (published) one and a
    draft, loaded as the plugin loads it: paths shown from the site's folder."""
    content = tmp_path / "content"
    events = content / "events/2024"
    events.mkdir(parents=True)
    (content / "actors.yml").write_text(ACTORS, encoding="utf-8")
    (events / "2024-10-01-good.md").write_text(entry(date="2024-10-01"), encoding="utf-8")
    (events / "2024-10-02-bad.md").write_text(entry(date="2024-02-30"), encoding="utf-8")
    (events / "2024-10-03-misnamed.md").write_text(entry(date="2024-10-04"), encoding="utf-8")
    (events / "2024-10-05-draft.md").write_text(
        entry(date="2024-10-05", extra="draft: true"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return load_timeline("content")


def test_the_preview_lists_errors_and_warnings_in_file_order_with_links(timeline):
    published = {"events/2024/2024-10-03-misnamed.md"}
    where = (timeline.content_shown, published, REPO, "edit/main/content/")
    shown = banner(list(timeline.problems), *where)
    assert shown["heading"] == "2 problems to fix"
    bad, misnamed = shown["failing"]
    assert (bad.where, bad.severity) == ("content/events/2024/2024-10-02-bad.md:3:7", "error")
    assert bad.what.startswith("date: '2024-02-30' is not a date (February 2024 has 29 days)")
    assert bad.file_url == f"{REPO}/edit/main/content/events/2024/2024-10-02-bad.md"
    assert bad.page is None  # an invalid entry has no page
    assert misnamed.severity == "warning" and misnamed.page == "events/2024/2024-10-03-misnamed/"
    assert [n.what for n in shown["notices"]] == [
        "draft: checked, but kept out of the published site"
    ]


def test_nothing_failing_means_no_banner(timeline):
    notices = [p for p in timeline.problems if p.severity == "notice"]
    assert notices and banner(notices, "content", set()) is None


def test_a_file_link_is_made_as_mkdocs_makes_edit_links():
    assert (
        file_url(REPO, "edit/main/content/", "actors.yml") == f"{REPO}/edit/main/content/actors.yml"
    )
    assert file_url(REPO + "/", "blob/main/content", "a.md") == f"{REPO}/blob/main/content/a.md"
    assert file_url(None, "https://git.example.org/t/src/content/", "a.md") == (
        "https://git.example.org/t/src/content/a.md"
    )
    assert file_url(REPO, None, "a.md") is None  # no edit_uri: the path is shown as text
    assert file_url(None, "edit/main/content/", "a.md") is None


def test_a_problem_s_path_is_read_inside_the_content_folder():
    assert content_path("content/events/a.md", "content") == "events/a.md"
    assert content_path("docs/content/a.md", "docs/content") == "a.md"
    assert content_path("events/a.md", ".") == "events/a.md"
    assert content_path("mkdocs.yml", "content") is None


def test_a_problem_cannot_forge_a_line_or_markup_in_the_banner():
    hostile = Problem("content/events/a.md", 2, 8, "title", "'x\n<script>' is wrong")
    (shown,) = banner([hostile], "content", set())["failing"]
    assert shown.what == "title: 'x\\n<script>' is wrong"  # one line; escaped when rendered


def test_site_options_come_from_the_plugin_and_the_site_configuration():
    plugin = {"order": "newest", "folder": "events", "feed_limit": 9}
    site = {"site_name": "T", "site_description": None, "repo_url": REPO, "edit_uri": "e/"}
    options = SiteOptions.chosen(plugin, site, preview=True)
    assert (options.order, options.site_name, options.description) == ("newest", "T", "")
    assert (options.preview, options.repo_url, options.edit_uri) == (True, REPO, "e/")
    assert SiteOptions.chosen({}, {}).preview is False


def test_every_page_of_the_preview_starts_with_the_same_slot_then_its_own_first_part(timeline):
    preview = SiteMap(timeline, SiteOptions(preview=True, repo_url=REPO, edit_uri="e/"))
    home = preview.parts("index.md").before
    assert home.template == "preview-slot.html" and home.context["preview_then"] == ""
    event = preview.parts("events/2024/2024-10-03-misnamed.md").before
    assert event.template == "preview-slot.html"
    assert event.context["preview_then"] == "event-header.html"
    assert event.context["event"].title == "An event"  # the header's own context, kept
    assert "preview_problems" not in event.context  # the slot is the same whatever they are
    assert home.context["preview_problems_url"] == "preview/problems/"
    published = SiteMap(timeline, SiteOptions())
    assert published.parts("index.md").before is None
    assert published.parts("events/2024/2024-10-03-misnamed.md").before.template == (
        "event-header.html"
    )


def test_the_problems_have_one_page_in_the_preview_only(timeline):
    preview = SiteMap(timeline, SiteOptions(preview=True, repo_url=REPO, edit_uri="e/"))
    assert PROBLEMS_PAGE in preview.uris() and PROBLEMS_PAGE not in preview.nav_uris
    meta = preview.meta(PROBLEMS_PAGE)
    assert meta["search"] == {"exclude": True} and meta["title"]
    parts = preview.parts(PROBLEMS_PAGE)
    assert parts.before is None and parts.after.template == "preview.html"
    shown = parts.after.context["preview_problems"]
    assert shown["heading"] == "2 problems to fix"
    assert shown["failing"][1].page == "events/2024/2024-10-03-misnamed/"
    published = SiteMap(timeline, SiteOptions())
    assert PROBLEMS_PAGE not in published.uris() and published.meta(PROBLEMS_PAGE) is None


@pytest.mark.e2e
def test_a_build_never_shows_the_banner(site):
    site.event("2024/2024-10-02-bad.md", date="2024-02-30")
    site.event("2024/2024-10-01-good.md", date="2024-10-01")
    assert site.build().returncode == 0
    for page in ("", "timeline/", "events/2024/2024-10-01-good/"):
        assert parse(site.html(page)).find("section", cls="tl-preview") is None
        assert "tl-preview-slot" not in site.html(page)
    assert not (site.root / "site/preview").exists()  # no problems' page either


@pytest.mark.parametrize(
    ("language", "heading"), [("uk", "2 проблеми, які треба виправити"), ("ko", "고칠 문제 2건")]
)
def test_the_preview_heading_is_in_the_sites_language(timeline, language, heading):
    words.use(language)
    try:
        where = (timeline.content_shown, set(), REPO, "edit/main/content/")
        assert banner(list(timeline.problems), *where)["heading"] == heading
    finally:
        words.use("en")


def preview_build(site, folder: str) -> dict[str, bytes]:
    """Build the site as `mkdocs serve` does (in this process, command "serve") into `folder`;
    every page's HTML, by its path in the site."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = site.root / folder
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.html"))}


SLOT = re.compile(rb'<div class="tl-preview-slot"[^>]*></div>')


@pytest.mark.e2e
def test_a_typo_changes_the_problems_page_and_no_other(site):
    site.event("2024/2024-10-01-a.md", title="First", date="2024-10-01")
    site.event("2024/2024-10-02-b.md", title="Second", date="2024-10-02", actors="[nis]")
    site.event("2025/2025-03-01-c.md", title="Far", date="2025-03-01", actors="[russia]")
    clean = preview_build(site, "clean")
    problems = "preview/problems/index.html"
    assert b"No problems to fix" in clean[problems]
    first, second = (clean[f"events/2024/2024-10-0{n}/index.html"] for n in ("1-a", "2-b"))
    slots = [SLOT.findall(first), SLOT.findall(second)]
    assert slots[0] == slots[1] and len(slots[0]) == 1  # the same slot on both pages
    assert b'data-tl-problems="../../../preview/problems/"' in slots[0][0]
    assert b"tl-preview-slot" not in clean[problems]  # the page itself is the list

    # the typo: an actor listed twice (a warning; the entry is still published, as it was)
    site.event("2025/2025-03-01-c.md", title="Far", date="2025-03-01", actors="[russia, russia]")
    typo = preview_build(site, "typo")
    assert set(typo) == set(clean)
    changed = sorted(path for path in clean if clean[path] != typo[path])
    assert changed == [problems]
    listed = parse(typo[problems].decode()).find("section", cls="tl-preview")
    assert "'russia' is listed twice" in listed.text()
    link = listed.find("a", cls="tl-preview__page")
    assert link.attrs["href"] == "../../events/2025/2025-03-01-c/"  # from the problems' page
    index = json.loads((site.root / "typo/search/search_index.json").read_text())
    assert not [d for d in index["docs"] if d["location"].startswith("preview/")]
