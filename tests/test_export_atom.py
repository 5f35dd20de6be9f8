"""feed.xml: a valid Atom 1.0 feed, read back with feedparser and checked element by element."""

from __future__ import annotations

from dataclasses import replace
from xml.etree import ElementTree as ET

import feedparser
from exportcase import HOSTILE, HOSTILE_PLACE, OPTIONS, exports
from htmlparse import parse as parse_html

NS = {"a": "http://www.w3.org/2005/Atom"}
NEWEST_FIRST = ["Circa day", "Timed", "Treaty signed", "Timed span", HOSTILE, "Month only"]


def atom(options=OPTIONS) -> bytes:
    return exports(options)["feed.xml"]


def test_feedparser_reads_an_atom_1_0_feed_without_complaint():
    feed = feedparser.parse(atom())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Test timeline"
    assert feed.feed.subtitle == "A test of the exports."
    assert feed.feed.id == "https://example.org/test/feed.xml"
    links = {link["rel"]: link["href"] for link in feed.feed.links}
    assert links == {
        "self": "https://example.org/test/feed.xml",
        "alternate": "https://example.org/test/timeline/",
    }


def test_every_element_rfc_4287_requires_is_present():
    # feedparser does not flag a missing required element, so check them here
    root = ET.fromstring(atom())
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for tag in ("id", "title", "updated"):
        assert len(root.findall(f"a:{tag}", NS)) == 1, tag
    assert root.find("a:author/a:name", NS).text == "Test timeline"
    entries = root.findall("a:entry", NS)
    assert entries
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"a:{tag}", NS)) == 1, tag
        alternate = entry.findall("a:link[@rel='alternate']", NS)
        assert len(alternate) == 1 and alternate[0].get("href").startswith("https://")
        assert entry.find("a:summary", NS) is not None or entry.find("a:content", NS) is not None


def test_entries_are_the_latest_additions_newest_first_up_to_the_limit():
    feed = feedparser.parse(atom())
    assert [e.title for e in feed.entries] == [*NEWEST_FIRST, "Year only"]
    limited = feedparser.parse(atom(replace(OPTIONS, feed_limit=3)))
    assert [e.title for e in limited.entries] == NEWEST_FIRST[:3]


def test_published_comes_from_front_matter_then_git_then_the_event_date():
    entries = {e.title: e for e in feedparser.parse(atom()).entries}
    assert entries[HOSTILE].published == "2024-11-03T00:00:00Z"  # `added:` beats git
    assert entries[HOSTILE].updated == "2024-11-05T00:00:00Z"  # its correction
    assert entries["Treaty signed"].published == "2024-11-10T12:00:00Z"  # git
    assert entries["Month only"].published == "2024-10-01T00:00:00Z"  # its own date
    assert feedparser.parse(atom()).feed.updated == "2024-12-01T00:00:00Z"


def test_entry_has_link_summary_actors_as_categories_and_status():
    entry = next(e for e in feedparser.parse(atom()).entries if e.title == HOSTILE)
    assert entry.id == entry.link == "https://example.org/test/events/2024/2024-10-31-hostile/"
    assert entry.summary == "Summary with <b>markup</b> & 'quotes'."
    assert entry.summary_detail.type == "text/plain"
    terms = [(t.term, t.label, t.scheme) for t in entry.tags]
    assert terms == [
        ("north-korea", "North Korea", "https://example.org/test/actors/"),
        ("russia", "Russia", "https://example.org/test/actors/"),
        (
            "confirmed",
            "Status: Confirmed",
            "https://example.org/test/schema/timeline.json#/$defs/status",
        ),
    ]


def test_hostile_title_round_trips_and_is_never_markup():
    raw = atom()
    assert b"<script" not in raw and b"<img" not in raw
    entry = next(e for e in feedparser.parse(raw).entries if e.title == HOSTILE)
    assert entry.title_detail.type == "text/plain"
    xml_entry = next(
        e
        for e in ET.fromstring(raw).findall("a:entry", NS)
        if e.find("a:title", NS).text == HOSTILE
    )
    assert len(xml_entry.find("a:title", NS)) == 0  # text only: no child elements
    # the HTML content, once unwrapped from XML, is escaped text inside our own paragraphs
    html = parse_html(xml_entry.find("a:content", NS).text)
    assert {e.tag for e in html.iter()} == {"p", "strong", "a"}
    assert f"Place: {HOSTILE_PLACE}" in [p.text() for p in html.find_all("p")]
    assert html.find("a").attrs["href"] == "https://edition.cnn.com/x?a=1&b=2"


def test_without_site_url_links_are_relative_and_ids_stay_absolute():
    raw = atom(replace(OPTIONS, site_url=None))
    feed = feedparser.parse(raw)
    assert not feed.bozo
    root = ET.fromstring(raw)
    assert root.find("a:link[@rel='self']", NS).get("href") == "feed.xml"
    entry = root.find("a:entry", NS)
    assert entry.find("a:link", NS).get("href") == "events/2024/2024-12-01-circa/"
    ids = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}id")]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == len(ids)
    assert ids == [
        e.text
        for e in ET.fromstring(atom(replace(OPTIONS, site_url=None))).iter(
            "{http://www.w3.org/2005/Atom}id"
        )
    ]


def test_an_empty_timeline_is_still_a_valid_feed_with_a_fixed_date():
    raw = exports(entries={})["feed.xml"]
    root = ET.fromstring(raw)
    assert root.find("a:updated", NS).text == "1970-01-01T00:00:00Z"
    assert root.findall("a:entry", NS) == []
    assert not feedparser.parse(raw).bozo
