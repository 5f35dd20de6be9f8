"""What the search index holds: each event's own words, not listings and neighbours repeated.

Search parses every page's content; sources, previous/next and listings are placed after the
content by the page template, so they are shown but not indexed (the plugin's cost)."""

from __future__ import annotations

import json

import pytest
from htmlparse import parse

pytestmark = pytest.mark.e2e


def index_of(site) -> dict[str, str]:
    """Page URL -> all indexed text of that page (title and text of every section)."""
    docs = json.loads((site.root / "site/search/search_index.json").read_text())["docs"]
    pages: dict[str, str] = {}
    for doc in docs:
        page = doc["location"].split("#")[0]
        pages[page] = pages.get(page, "") + " " + doc["title"] + " " + doc["text"]
    return pages


def test_event_pages_index_their_header_and_body_but_not_sources_or_neighbours(site):
    site.event(
        "2024/2024-10-01-a.md",
        title="Alpha arrives",
        date="2024-10-01",
        summary="Summary words of alpha.",
        body="Body words of alpha.",
        sources="\n  - publisher: Zebra Gazette\n    url: https://example.com/z\n",
    )
    site.event("2024/2024-10-02-b.md", title="Bravo leaves", date="2024-10-02")
    assert site.build(strict=True).returncode == 0

    alpha = index_of(site)["events/2024/2024-10-01-a/"]
    assert "Summary words of alpha." in alpha and "Body words of alpha." in alpha
    assert "North Korea" in alpha  # the actors in the header
    assert "Zebra Gazette" not in alpha and "Bravo leaves" not in alpha
    page = parse(site.html("events/2024/2024-10-01-a/"))  # but the reader still sees them
    assert page.find("section", cls="tl-sources").find("span").text() == "Zebra Gazette"
    assert page.find("nav", cls="tl-pager").find("a", rel="next").attrs["href"] == (
        "../2024-10-02-b/"
    )
    article = page.find("article")
    assert [h.text() for h in article.find_all("h1")] == ["Alpha arrives"]


def test_listings_are_shown_but_not_indexed(site):
    site.event("2024/2024-10-31-a.md", title="Alpha arrives", actors="[nis]")
    assert site.build(strict=True).returncode == 0

    pages = index_of(site)
    assert "timeline/" not in pages
    assert "National Intelligence Service" in pages["actors/nis/"]
    assert "South Korea's intelligence agency" in pages["actors/nis/"]
    assert "Alpha arrives" not in pages["actors/nis/"]
    listing = parse(site.html("actors/nis/")).find("ol", cls="tl-events")
    assert listing.find("a", cls="tl-title").text() == "Alpha arrives"
    assert listing.find("time").attrs["datetime"] == "2024-10-31"
    assert listing.find("span", cls="tl-status").text() == "Reported"


def test_pages_search_leaves_out_get_their_parts_as_they_are_written(site):
    """The timeline's and the lists' parts are put in after mkdocs-material's search has read
    the page (it runs a regular expression over every page's content, excluded or not): in
    their place then, and no marker left on any page, whatever an entry writes."""
    from timeline.views.render import LATE

    site.event("2024/2024-10-31-a.md", title="Alpha <!--tl-parts-before--> arrives",
               extra="tags: [x]")  # fmt: skip
    site.event(
        "2024/2024-10-30-b.md", title="Bravo", date="2024-10-30", body="<!--tl-parts-after-0123-->"
    )
    assert site.build(strict=True).returncode == 0

    for path in (site.root / "site").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<!--tl-parts-" not in text and LATE[0] not in text, path
    timeline = parse(site.html("timeline/"))
    assert len(timeline.find_all("h1")) == 1  # ours: the theme adds none where the parts have one
    titles = [h.find("a").text() for h in timeline.find_all("h4", cls="tl-event__title")]
    assert titles == ["Bravo", "Alpha <!--tl-parts-before--> arrives"]
    tag = parse(site.html("tags/x/"))
    assert tag.find("a", cls="tl-title").text() == "Alpha <!--tl-parts-before--> arrives"
    assert tag.find("h1").text() == "Tag: x"  # its heading, then its list
    assert "timeline/" not in index_of(site)
