"""`timeline new`: the template from the field table, the file name from the date, and the
draft from an article (`--from`), each checked with the real `timeline check`."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from htmlparse import parse

from timeline.check.registry import load_registry
from timeline.check.schema import EVENT_FIELDS
from timeline.cli import main
from timeline.cli.draft import draft_from_text, is_boilerplate, propose_actors, quoted_excerpt
from timeline.read.frontmatter import loads

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = FIXTURES / "founding-article.txt"
FOUNDING_ACTORS = (FIXTURES / "founding-actors.yml").read_text(encoding="utf-8")
FOUNDING_REGISTRY, _ = load_registry(FOUNDING_ACTORS.encode(), "actors.yml")
TITLE = "Austin says North Korean troops will join the fight 'in the coming days'"


@pytest.fixture
def run(site, monkeypatch, capsys):
    """Run `timeline ARGS` in the site's folder: (exit status, stdout, stderr)."""
    monkeypatch.chdir(site.root)

    def run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_with_every_required_option_the_entry_passes_check(site, run):
    status, out, _ = run(
        "new",
        TITLE,
        "--date",
        "2024-10-31",
        "--actor",
        "Austin",  # an alias: written as its id
        "--actor",
        "north-korea",
        "--summary",
        "Austin said about 8,000 North Korean soldiers were in Kursk Oblast.",
        "--source",
        "https://edition.cnn.com/2024/10/31/politics/us-north-korean-troops-combat-ukraine",
        "--publisher",
        "CNN",
    )
    assert status == 0
    path = "content/events/2024/2024-10-31-austin-says-north-korean-troops-will-join-the.md"
    assert out == f"{path}\n"
    data = loads((site.root / path).read_text(encoding="utf-8")).data
    assert data["title"] == TITLE
    assert data["actors"] == ["lloyd-austin", "north-korea"]
    assert data["sources"][0]["publisher"] == "CNN"
    assert run("check") == (0, "timeline: 1 event published, 0 drafts, 0 invalid\n", "")
    assert site.build(strict=True).returncode == 0


def test_without_them_the_only_problems_are_the_fields_left_to_fill_in(site, run):
    status, out, _ = run("new", "Treaty ratified", "--date", "2024-11")
    assert status == 0 and out == "content/events/2024/2024-11-treaty-ratified.md\n"
    status, out, _ = run("check")
    assert status == 1
    path = "content/events/2024/2024-11-treaty-ratified.md"
    assert out.splitlines() == [
        f"{path}:7:1: actors: needs at least one actor id from the registry",
        # written empty: found at the empty value
        f"{path}:8:9: summary: is required but missing; add it, e.g. summary: Lloyd Austin said "
        "North Korean troops in Russia would join the fight within days.",
        f"{path}:10:15: sources[0].publisher: is required but missing; add it, e.g. publisher: CNN",
        f"{path}:11:9: sources[0].url: is required but missing; add it, "
        "e.g. url: https://www.example.com/story",
        "timeline: 0 events published, 0 drafts, 1 invalid",
    ]


def test_template_lists_every_field_of_the_table_in_order(site, run):
    run("new", "Anything", "--date", "2024")
    text = (site.content / "events/2024/2024-anything.md").read_text(encoding="utf-8")
    lines = text.split("---\n")[1].splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../../schema/entry.json"
    top_level = [line.split(":")[0] for line in lines[1:] if line[:1].isalpha()]
    assert top_level == [field.name for field in EVENT_FIELDS]
    for field in EVENT_FIELDS:  # what to write is said beside each empty field
        if field.name not in ("title", "date", "sources"):
            assert f"{field.name}: " in text and field.description in text, field.name


def test_schema_line_points_at_the_repository_copy(site, run):
    run("new", "Anything", "--date", "2024-10-31")
    entry = site.content / "events/2024/2024-10-31-anything.md"
    relative = entry.read_text(encoding="utf-8").splitlines()[1].split("$schema=")[1]
    assert (entry.parent / relative).resolve() == (site.root / "schema/entry.json").resolve()


def test_refuses_to_overwrite(site, run):
    assert run("new", "Once", "--date", "2024-10-31")[0] == 0
    path = site.content / "events/2024/2024-10-31-once.md"
    path.write_text("edited", encoding="utf-8")
    status, out, err = run("new", "Once", "--date", "2024-10-31", "--summary", "Other.")
    assert status == 1 and out == ""
    assert "content/events/2024/2024-10-31-once.md already exists" in err
    assert path.read_text(encoding="utf-8") == "edited"


def test_bad_date_and_unknown_actor_write_nothing(site, run):
    status, _, err = run("new", "X", "--date", "03/04/2024")
    assert status == 2 and "--date: '03/04/2024' is ambiguous" in err
    status, _, err = run("new", "X", "--date", "2024-10-31", "--actor", "lloyd-austen")
    assert status == 2
    assert "unknown actor 'lloyd-austen'; did you mean 'lloyd-austin'?" in err
    assert not (site.content / "events").exists()


def test_a_time_keeps_the_day_in_the_file_name_and_slug_is_cleaned(site, run):
    status, out, _ = run(
        "new", "Ça va: 10,000 troops!", "--date", "2024-10-31T14:30-04:00", "--slug", "My Slug"
    )
    assert status == 0 and out == "content/events/2024/2024-10-31-my-slug.md\n"
    status, out, _ = run("new", "Ça va: 10,000 troops!", "--date", "31 October 2024")
    assert out == "content/events/2024/2024-10-31-ca-va-10000-troops.md\n"
    data = loads((site.root / out.strip()).read_text(encoding="utf-8")).data
    assert data["title"] == "Ça va: 10,000 troops!" and data["date"] == "2024-10-31"


# --- drafting from the founding article --------------------------------------------------------


@pytest.fixture
def founding_site(site):
    site.write("actors.yml", FOUNDING_ACTORS)
    return site


def test_from_the_founding_article_proposes_its_actors_and_drops_boilerplate(founding_site, run):
    status, out, err = run("new", TITLE, "--date", "2024-10-31", "--from", str(ARTICLE))
    assert status == 0
    path = founding_site.root / out.strip()
    text = path.read_text(encoding="utf-8")
    data = loads(text).data
    assert data["actors"] == [
        "ukraine",
        "united-states",  # the alias US, as a whole word
        "lloyd-austin",
        "antony-blinken",
        "cho-tae-yul",
        "kim-yong-hyun",
        "north-korea",
        "russia",
        "vladimir-putin",
    ]
    for absent in ("south-korea", "kim-jong-un", "volodymyr-zelensky", "nis"):
        assert absent not in data["actors"]  # 'South Korean', 'Kim', ... are not their names
    assert data["summary"] == (
        "North Korean soldiers will join the fight against Ukraine in the coming days, "
        "according to US Secretary of Defense Lloyd J. Austin III."
    )
    assert data["draft"] is True
    assert "To continue reading" not in text and "Create free account" not in text
    assert "dropped as boilerplate: To continue reading the rest of this article" in err
    assert "dropped as boilerplate: Create free account to get unlimited news" in err
    # every other line of the article is kept, quoted, in order
    kept = [
        " ".join(line.split())
        for line in ARTICLE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith(("To continue", "Create free"))
    ]
    quoted = [line[2:] for line in text.split("---\n", 2)[2].splitlines() if line.startswith("> ")]
    assert quoted == kept and len(kept) == 13
    # what is left to do is named, the source, in notices: a draft can be committed as it is
    status, out, _ = run("check")
    assert status == 0
    assert [line.split(": ")[1] for line in out.splitlines()[:-1]] == [
        "draft",
        "sources[0].publisher",
        "sources[0].url",
    ]
    assert out.splitlines()[-1] == "timeline: 0 events published, 1 draft, 0 invalid"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft:"), "utf-8")
    status, out, _ = run("check")  # no longer a draft: what it lacks is an error
    assert status == 1 and out.endswith("timeline: 0 events published, 0 drafts, 1 invalid\n")


def test_founding_article_draft_renders_as_a_quotation(founding_site, run):
    _, out, _ = run(
        "new",
        TITLE,
        "--date",
        "2024-10-31",
        "--from",
        str(ARTICLE),
        "--source",
        "https://defenceconnect.com.au/geopolitics-and-policy/15041-north-korean-troops-to-fight-in-ukraine-within-days-says-us-secretary-of-defense",
        "--publisher",
        "Defence Connect",
    )
    path = founding_site.root / out.strip()
    status, out, _ = run("check")  # complete, but still a draft: a notice, nothing fails
    notice, summary = out.splitlines()[-2:]
    assert status == 0 and notice.endswith(": draft: checked, but kept out of the published site")
    assert summary == "timeline: 0 events published, 1 draft, 0 invalid"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft:"), "utf-8")
    assert run("check") == (0, "timeline: 1 event published, 0 drafts, 0 invalid\n", "")
    assert founding_site.build(strict=True).returncode == 0
    html = founding_site.html(
        "events/2024/2024-10-31-austin-says-north-korean-troops-will-join-the/"
    )
    quote = parse(html).find("blockquote")
    assert quote is not None and "Cho Tae-yul" in quote.text()


def test_boilerplate_lines():
    for line in (
        "To continue reading the rest of this article, please log in.",
        "Create free account to get unlimited news articles and more!",
        "Already a subscriber? Sign in",
        "Subscribe now for full access",
        "Advertisement",
        "Sign in to read more",
    ):
        assert is_boilerplate(line), line
    for line in (
        "Russia will register the soldiers as contract servicemen, the ministry said.",
        "Putin signed in Moscow the law ratifying the treaty.",
        "Subscribers to the treaty pledged mutual assistance.",
        "Readers can continue reading coverage of the summit below, he said, and the "
        "ministry declined to log in to the briefing portal. " * 3,
    ):
        assert not is_boilerplate(line), line


def test_actors_are_found_as_whole_words_as_written():
    found = propose_actors(
        "The us delegation met North Korean and South Korean officials; Kim spoke. DPRK, USA.",
        FOUNDING_REGISTRY,
    )
    assert found == ("north-korea", "united-states")  # by DPRK and USA only
    assert propose_actors("Putin’s war", FOUNDING_REGISTRY) == ("vladimir-putin",)


def test_long_lede_is_cut_at_a_sentence():
    lede = "First sentence is here. " + "Second sentence goes on. " * 60
    draft = draft_from_text(lede + "\nNext paragraph.", FOUNDING_REGISTRY)
    assert len(draft.summary) <= 800
    assert draft.summary.startswith("First sentence is here.") and draft.summary.endswith(".")
    assert draft.paragraphs[-1] == "Next paragraph."


def test_excerpt_shows_the_text_literally():
    excerpt = quoted_excerpt(
        ("# Not a heading", "- not a list", "1. not a list", "<script>alert(1)</script>", "A & B")
    )
    html = markdown.markdown(excerpt)
    doc = parse(html)
    assert doc.find("h1") is None and doc.find("ul") is None and doc.find("ol") is None
    assert doc.find("script") is None
    text = doc.find("blockquote").text()
    for shown in ("# Not a heading", "- not a list", "1. not a list", "<script>", "A & B"):
        assert shown in text, (shown, text)


def test_from_without_a_registry_says_why_nothing_is_proposed(site, run):
    (site.content / "actors.yml").unlink()
    status, _, err = run("new", "X", "--date", "2024", "--from", str(ARTICLE))
    assert status == 0
    assert "proposed actors: none: the actor registry file is missing" in err
