"""The embed pages as built by the real `mkdocs build`: documents of their own (no theme, no web
font, no feed or sharing tags, not indexed), each event as on the timeline, and the embeds
section of a maintainers' page with the site's published address."""

from __future__ import annotations

import json

import pytest
from htmlparse import parse

pytestmark = pytest.mark.e2e


def test_embed_pages_are_their_own_documents_with_the_timeline_s_items(site):
    site.event("2024/2024-10-31-a.md", title="Troops & <b>tanks</b>", extra="tags: [Kursk]")
    site.event("2024/2024-11-02-b.md", title="B", date="2024-11-02", actors="[nis]")
    site.write("data.md", "# Use this data\n\n<!-- timeline:embeds -->\n")
    assert site.build(strict=True).returncode == 0
    page = site.html("embed/")
    doc = parse(page)
    assert doc.find(cls="md-header") is None and "search" not in page.lower().split("<body")[1]
    assert doc.find("meta", name="robots").attrs["content"] == "noindex"
    assert "woff2" not in page and "og:title" not in page and "feed.xml" not in page
    assert [s.attrs["src"] for s in doc.find_all("script") if "src" in s.attrs] == [
        "../assets/timeline/embed.js"
    ]
    assert (site.root / "site/assets/timeline/embed.css").is_file()
    items = doc.find_all("li", cls="tl-event")
    assert [li.find("h2").text().strip() for li in items] == ["Troops & <b>tanks</b>", "B"]
    assert items[0].find(cls="tl-status--reported") is not None  # the status, as on the timeline
    assert "AP" in items[0].find("p", cls="tl-event__meta").text()  # and the sources
    pages = json.loads(doc.find("script", id="tl-embed-pages").text())
    assert pages["tag"] == {"Kursk": ["embed/tags/kursk/", 1]}
    actor = parse(site.html("embed/actors/nis/"))
    assert [li.find("h2").text().strip() for li in actor.find_all("li", cls="tl-event")] == ["B"]
    assert actor.find("script", id="tl-embed-pages") is None
    head = actor.find("h1")
    assert head.find("a").attrs["href"] == "../../../timeline/?actor=nis"
    # the embeds section: the published address in the snippets, the live preview framed here
    data = site.html("data/")
    assert 'src="https://example.org/test/embed/?limit=5"' in data
    assert 'event.origin !== "https://example.org"' in data
    assert parse(data).find("iframe").attrs["src"] == "../embed/?limit=3"
    assert "https://example.org/test/timelinejs.json" in data


def test_embed_pages_are_left_out_of_the_search_index_and_the_navigation(one_event_site):
    site = one_event_site  # built once, shared (conftest)
    index = json.loads((site.root / "site/search/search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("embed/")]
    assert "embed/" not in site.html("")  # not in the navigation of every page
