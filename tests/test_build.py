"""End to end: real `mkdocs build` of small sites, asserting on the generated HTML."""

from __future__ import annotations

import re

import pytest
from htmlparse import parse

pytestmark = pytest.mark.e2e


def event_titles(html: str) -> list[str]:
    """The titles of a page's listed events (a timeline's items, or a list's compact ones)."""
    items = parse(html).find_all("li", cls="tl-event")
    return [(li.find("a", cls="tl-title") or li.find("h4").find("a")).text() for li in items]


def test_timeline_lists_events_in_order_grouped_by_year_and_month(site):
    site.event("2024/2024-10-31-austin.md", title="Austin speaks", date="2024-10-31")
    site.event("2024/2024-10-treaty.md", title="Month event", date="2024-10")
    site.event("2024/2024-06-19-treaty.md", title="Treaty signed", date="2024-06-19")
    site.event("2025/2025-01-12-pows.md", title="Prisoners", date="2025-01-12")
    site.event("2024/2024-10-31-later.md", title="Same day, later title", date="2024-10-31")
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout

    html = site.html("timeline/")
    assert event_titles(html) == [
        "Treaty signed",
        "Month event",
        "Austin speaks",
        "Same day, later title",
        "Prisoners",
    ]
    doc = parse(html)
    assert [h.text() for h in doc.find_all("h2")] == ["2024", "2025"]
    assert [h.text() for h in doc.find_all("h3")] == ["June 2024", "October 2024", "January 2025"]
    times = [t.attrs["datetime"] for t in doc.find_all("time")]
    assert times == ["2024-06-19", "2024-10", "2024-10-31", "2024-10-31", "2025-01-12"]
    assert "October 2024" in [t.text() for t in doc.find_all("time")]
    link = doc.find("a", href="../events/2024/2024-10-31-austin/")
    assert link is not None and link.text() == "Austin speaks"
    assert "timeline: 5 events published, 0 drafts, 0 invalid" in result.stdout


def test_event_page_header_sources_and_neighbours(site):
    site.event(
        "2024/2024-10-31-austin.md",
        title="Austin speaks",
        actors="[Austin, antony-blinken]",
        extra="""
        location: US State Department, Washington
        status: confirmed
        key: true
        end: 2024-11-02
        updates:
          - date: 2024-11-03
            note: Corrected the place.
        """,
        sources="""
  - publisher: CNN
    title: US says it expects troops in combat
    url: https://edition.cnn.com/x
    published: 2024-10-31
    archived: https://web.archive.org/web/2024/https://edition.cnn.com/x
""",
    )
    site.event("2024/2024-10-01-before.md", title="Before", date="2024-10-01")
    site.event("2024/2024-12-01-after.md", title="After", date="2024-12-01")
    assert site.build(strict=True).returncode == 0

    doc = parse(site.html("events/2024/2024-10-31-austin/"))
    header = doc.find("header", cls="tl-header")
    assert header.find("h1").text() == "Austin speaks"
    assert header.find("time").attrs["datetime"] == "2024-10-31"
    assert header.find("time").text() == "31 October – 2 November 2024"
    assert header.find("span", cls="tl-status").text() == "Confirmed"
    actors = [(a.text(), a.attrs["href"]) for a in header.find_all("a", cls="tl-actor")]
    assert actors == [
        ("Lloyd J. Austin III", "../../../actors/lloyd-austin/"),
        ("Antony J. Blinken", "../../../actors/antony-blinken/"),
    ]
    assert "US State Department, Washington" in header.text()
    source = doc.find("section", cls="tl-sources").find("a")
    assert source.attrs["href"] == "https://edition.cnn.com/x"
    assert "noopener" in source.attrs["rel"]
    assert "web.archive.org" in doc.find("section", cls="tl-sources").find_all("a")[1].attrs["href"]
    assert "Corrected the place." in doc.find("section", cls="tl-updates").text()
    pager = doc.find("nav", cls="tl-pager")
    assert pager.find("a", rel="prev").attrs["href"] == "../2024-10-01-before/"
    assert pager.find("a", rel="next").attrs["href"] == "../2024-12-01-after/"
    assert doc.find("title").text().startswith("Austin speaks")


def test_actor_pages(site):
    site.event("2024/2024-10-31-a.md", title="Second", actors="[lloyd-austin]", date="2024-10-31")
    site.event("2024/2024-10-30-b.md", title="First", actors="[Austin, nis]", date="2024-10-30")
    assert site.build(strict=True).returncode == 0

    index = parse(site.html("actors/"))
    assert [h.text() for h in index.find_all("h2")] == ["People", "Countries", "Organizations"]
    assert index.find("a", href="lloyd-austin/").text() == "Lloyd J. Austin III"

    page = parse(site.html("actors/lloyd-austin/"))
    assert page.find("h1").text() == "Lloyd J. Austin III"
    assert event_titles(site.html("actors/lloyd-austin/")) == ["First", "Second"]
    assert page.find("a", href="../united-states/").text() == "United States"


def test_bad_entry_is_named_left_out_and_fails_strict(site):
    site.event("2024/2024-10-31-good.md", title="Good")
    site.event("2024/2024-02-30-bad.md", title="Bad", date="2024-02-30")
    site.event("2024/2024-10-01-who.md", title="Who", actors="[lloyd-austen]")
    site.write("events/2024/2024-10-02-nosources.md", "---\ntitle: x\ndate: 2024-10-02\n---\n")

    result = site.build()
    assert result.returncode == 0
    assert "Traceback" not in result.stdout
    out = result.stdout
    assert re.search(
        r"content/events/2024/2024-02-30-bad\.md:3:7: date: '2024-02-30' is not a date", out
    ), out
    assert (
        "content/events/2024/2024-10-01-who.md:4:10: actors[0]: "
        "unknown actor 'lloyd-austen'; did you mean 'lloyd-austin'?" in out
    )
    assert (
        "2024-10-02-nosources.md:4:1: sources: is required but missing; add at least one, "
        "e.g. sources: [{publisher: CNN, url: https://www.example.com/story}]" in out
    )
    assert "timeline: 1 event published, 0 drafts, 3 invalid (listed above)" in out
    assert event_titles(site.html("timeline/")) == ["Good"]
    assert not (site.root / "site/events/2024/2024-02-30-bad").exists()

    strict = site.build(strict=True)
    assert strict.returncode != 0
    assert "2024-02-30-bad.md:3:7: date:" in strict.stdout
    assert "Traceback" not in strict.stdout


def test_drafts_are_checked_but_not_published(site):
    site.event("2024/2024-10-31-draft.md", title="Draft", extra="draft: true")
    site.event("2024/2024-10-30-real.md", title="Real", date="2024-10-30")
    result = site.build(strict=True)
    assert result.returncode == 0
    assert "2024-10-31-draft.md:1:1: draft: checked, but kept out of the published site" in (
        result.stdout
    )
    assert event_titles(site.html("timeline/")) == ["Real"]


def test_registry_is_not_published_and_event_pages_stay_out_of_the_nav(one_event_site):
    site = one_event_site  # built once, shared (conftest)
    assert not (site.root / "site/actors.yml").exists()
    nav = parse(site.html("")).find("nav", cls="md-nav--primary")
    assert "Only event" not in nav.text()
    assert [a.text() for a in nav.find_all("a", cls="md-nav__link")][:3] == [
        "Home",
        "Timeline",
        "Actors",
    ]


def test_generated_pages_are_in_search_and_sitemap(one_event_site):
    site = one_event_site  # built once, shared (conftest)
    index = (site.root / "site/search/search_index.json").read_text()
    assert "Unique body words." in index and "events/2024/2024-10-31-a/" in index
    sitemap = (site.root / "site/sitemap.xml").read_text()
    for url in ("timeline/", "actors/", "actors/north-korea/", "events/2024/2024-10-31-a/"):
        assert f"https://example.org/test/{url}</loc>" in sitemap


def test_two_builds_give_the_same_timeline_html(site):
    for day in range(1, 6):
        site.event(f"2024/2024-10-0{day}-e.md", title=f"Event {day}", date=f"2024-10-0{day}")
    assert site.build().returncode == 0
    first = site.html("timeline/")
    assert site.build(fresh=True).returncode == 0  # another process: another hash seed
    assert site.html("timeline/") == first


def test_content_folder_is_untouched_by_a_build(site):
    site.event("2024/2024-10-31-a.md")
    before = sorted(p.relative_to(site.content) for p in site.content.rglob("*"))
    assert site.build().returncode == 0
    assert sorted(p.relative_to(site.content) for p in site.content.rglob("*")) == before


def test_missing_registry_is_reported_not_crashed(site):
    (site.content / "actors.yml").unlink()
    site.event("2024/2024-10-31-a.md")
    result = site.build()
    assert "Traceback" not in result.stdout
    assert "content/actors.yml:1:1: registry: the actor registry file is missing" in result.stdout
    assert "unknown actor 'north-korea'" in result.stdout
