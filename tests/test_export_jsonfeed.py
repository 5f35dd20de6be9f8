"""feed.json: JSON Feed 1.1, parsed with `json` and checked against the spec's required fields.

feedparser 6.0 reads only XML feeds, so the spec's rules are checked with jsonschema instead.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from exportcase import HOSTILE, HOSTILE_PLACE, OPTIONS, exports
from htmlparse import parse as parse_html
from jsonfeed_spec import FEED
from jsonschema import Draft202012Validator


def feed(options=OPTIONS) -> dict:
    return json.loads(exports(options)["feed.json"])


def spec_errors(document: dict) -> list[str]:
    validator = Draft202012Validator(FEED, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_the_spec_check_catches_what_it_should():
    good = {"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []}
    assert spec_errors(good) == []
    assert spec_errors({**good, "version": "https://jsonfeed.org/version/1"})
    assert spec_errors({k: v for k, v in good.items() if k != "title"})
    assert spec_errors({**good, "items": [{"id": "x"}]})  # no content
    assert spec_errors({**good, "items": [{"id": 1, "content_text": "x"}]})  # id not a string
    assert spec_errors({**good, "items": [{"id": "x", "content_text": "", "date_published": "x"}]})
    assert spec_errors({**good, "timeline": {}})  # extensions need a leading underscore


def test_feed_json_meets_json_feed_1_1():
    document = feed()
    assert spec_errors(document) == []
    assert document["home_page_url"] == "https://example.org/test/timeline/"
    assert document["feed_url"] == "https://example.org/test/feed.json"
    assert document["authors"] == [{"name": "Test timeline"}]
    for item in document["items"]:
        assert item["id"] == item["url"] and item["url"].startswith("https://example.org/test/")
        datetime.fromisoformat(item["date_published"])


def test_items_are_the_latest_additions_with_actors_as_tags_and_status():
    items = feed()["items"]
    assert [i["title"] for i in items][:3] == ["Circa day", "Timed", "Treaty signed"]
    hostile = next(i for i in items if i["title"] == HOSTILE)
    assert hostile["tags"] == ["North Korea", "Russia"]
    assert hostile["date_published"] == "2024-11-03T00:00:00Z"
    assert hostile["date_modified"] == "2024-11-05T00:00:00Z"
    assert hostile["_timeline"] == {
        "date": "2024-10-31",
        "end": "2024-11-02",
        "display_date": "31 October – 2 November 2024",
        "edtf": "2024-10-31/2024-11-02",
        "status": "confirmed",
        "actors": ["north-korea", "russia"],
        "location": HOSTILE_PLACE,
    }
    assert len(feed(replace(OPTIONS, feed_limit=2))["items"]) == 2


def test_hostile_title_round_trips_and_is_never_markup():
    raw = exports()["feed.json"]
    assert b"<" not in raw  # even inlined in a <script> element, nothing can close it
    hostile = next(i for i in json.loads(raw)["items"] if i["title"] == HOSTILE)
    html = parse_html(hostile["content_html"])
    assert {e.tag for e in html.iter()} == {"p", "strong", "a"}
    assert "Summary with <b>markup</b> & 'quotes'." in [p.text() for p in html.find_all("p")]
    assert hostile["summary"] == "Summary with <b>markup</b> & 'quotes'."


def test_without_site_url_there_are_no_feed_addresses_and_links_are_relative():
    document = feed(replace(OPTIONS, site_url=None))
    assert spec_errors(document) == []
    assert "feed_url" not in document and "home_page_url" not in document
    assert document["items"][0]["url"] == "events/2024/2024-12-01-circa/"
    assert document["items"][0]["id"].startswith("urn:uuid:")
