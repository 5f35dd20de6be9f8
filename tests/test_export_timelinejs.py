"""timelinejs.json: TimelineJS3's JSON format (checked against its documented fields), with every
text shown exactly as written by TimelineJS's way of reading each field."""

from __future__ import annotations

import json
from dataclasses import replace

from conftest import entry
from exportcase import HOSTILE, HOSTILE_PLACE, OPTIONS, exports, quoted
from htmlparse import parse as parse_html
from jsonschema import Draft202012Validator
from timelinejs_format import TIMELINE

from timeline.exports.timelinejs import MAX_ROWS


def timelinejs(options=OPTIONS, **kwargs) -> dict:
    return json.loads(exports(options, **kwargs)["timelinejs.json"])


def format_errors(document: dict) -> list[str]:
    validator = Draft202012Validator(TIMELINE)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def shown_as_html(value: str) -> str:
    """What a reader sees of a field TimelineJS inserts as HTML (headline, text): its text, and
    it must hold none but our own elements."""
    html = parse_html(value)
    assert {e.tag for e in html.iter()} <= {"p", "a"}, value
    return html.text()


def shown_after_strip_markup(value: str) -> str:
    """What a reader sees of `group` or `display_date`: TimelineJS takes the text content of the
    value read as HTML (stripMarkup), then inserts that as HTML (innerHTML)."""
    stripped = parse_html(value).text()
    shown = parse_html(stripped)
    assert list(shown.iter()) == [], f"{value!r} becomes markup: {stripped!r}"
    return shown.text()


def test_the_format_check_catches_what_it_should():
    assert format_errors({"events": []}) == []
    assert format_errors({"events": [{"text": {"headline": "no date"}}]})
    assert format_errors({"events": [{"start_date": {"month": 10}}]})  # no year
    assert format_errors({"events": [{"start_date": {"year": 2024, "month": 13}}]})
    assert format_errors({"events": [], "scale": "geological"})


def test_timelinejs_json_has_the_fields_timelinejs_requires():
    document = timelinejs()
    assert format_errors(document) == []
    assert len(document["events"]) == 7
    ids = [slide["unique_id"] for slide in document["events"]]
    assert len(set(ids)) == len(ids)
    assert shown_as_html(document["title"]["text"]["headline"]) == "Test timeline"


def test_dates_at_their_precision_with_display_dates():
    slides = {shown_as_html(s["text"]["headline"]): s for s in timelinejs()["events"]}
    assert slides["Year only"]["start_date"] == {"year": 2024}
    assert slides["Year only"]["display_date"] == "c. 2024"
    assert slides["Month only"]["start_date"] == {"year": 2024, "month": 10}
    hostile = slides[HOSTILE]
    assert hostile["start_date"] == {"year": 2024, "month": 10, "day": 31}
    assert hostile["end_date"] == {"year": 2024, "month": 11, "day": 2}
    assert shown_after_strip_markup(hostile["display_date"]) == "31 October – 2 November 2024"
    # a time in UTC, so TimelineJS keeps the timeline's order; shown as written
    assert slides["Timed"]["start_date"] == {
        "year": 2024,
        "month": 10,
        "day": 31,
        "hour": 2,
        "minute": 15,
    }
    assert slides["Timed"]["display_date"] == "30 October 2024, 22:15 UTC−04:00"


def test_hostile_title_and_place_are_shown_as_text_never_markup():
    hostile = next(s for s in timelinejs()["events"] if s["unique_id"] == "2024-10-31-hostile")
    assert shown_as_html(hostile["text"]["headline"]) == HOSTILE
    body = parse_html(hostile["text"]["text"])
    assert [p.text() for p in body.find_all("p")] == [
        "Summary with <b>markup</b> & 'quotes'.",
        f"Confirmed · North Korea, Russia · {HOSTILE_PLACE}",
        "Sources and details",
    ]
    assert body.find("a").attrs["href"] == (
        "https://example.org/test/events/2024/2024-10-31-hostile/"
    )
    shown_as_html(hostile["text"]["text"])


def test_no_rows_by_default_and_every_slide_the_title_s_too_has_a_unique_id():
    document = timelinejs()
    assert OPTIONS.timelinejs_group == "none"
    assert [s for s in document["events"] if "group" in s] == []
    assert document["title"]["unique_id"] == "title"
    ids = [document["title"]["unique_id"], *(s["unique_id"] for s in document["events"])]
    assert len(set(ids)) == len(ids)


def test_groups_by_first_actor_or_first_tag_and_survive_strip_markup():
    by_actor = timelinejs(replace(OPTIONS, timelinejs_group="actor"))["events"]
    rows = {s["unique_id"]: s.get("group") for s in by_actor}
    assert shown_after_strip_markup(rows["2024-10-31-hostile"]) == "North Korea"
    assert shown_after_strip_markup(rows["2024-10-30-timed"]) == "Lloyd J. Austin III"
    tag = "<b>Troops</b> & co"
    entries = {
        "events/a.md": entry(title="Tagged", extra=f"tags: [{quoted(tag)}, other]"),
        "events/b.md": entry(title="Untagged", date="2024-11-01"),
    }
    by_tag = timelinejs(replace(OPTIONS, timelinejs_group="tag"), entries=entries)["events"]
    assert format_errors({"events": by_tag}) == []
    assert shown_after_strip_markup(by_tag[0]["group"]) == tag
    assert by_tag[1]["group"] == "Other"  # an event without a tag: not a row of its own


def test_rows_are_capped_the_most_frequent_kept_and_the_rest_under_other():
    tags = ["a", "a", "a", "b", "b", "c", "c", "d", "e", "f"]  # six values: three rows + Other
    entries = {
        f"events/e{i}.md": entry(title=f"E{i}", date=f"2024-10-{i + 1:02d}", extra=f"tags: [{t}]")
        for i, t in enumerate(tags)
    }
    slides = timelinejs(replace(OPTIONS, timelinejs_group="tag"), entries=entries)["events"]
    assert [s["group"] for s in slides] == [*"aaabbcc", "Other", "Other", "Other"]
    assert len({s["group"] for s in slides}) == MAX_ROWS
    few = {k: v for k, v in entries.items() if k in ("events/e0.md", "events/e3.md")}
    slides = timelinejs(replace(OPTIONS, timelinejs_group="tag"), entries=few)["events"]
    assert [s["group"] for s in slides] == ["a", "b"]  # no "Other" when every value fits


def test_file_holds_no_raw_angle_bracket():
    assert b"<" not in exports()["timelinejs.json"]


def test_era_rows_follow_the_era_each_event_falls_in():
    from exportcase import timeline_of

    from timeline.check.dateparse import parse_date
    from timeline.exports.timelinejs import groups
    from timeline.model import Era

    entries = {
        f"events/e{i}.md": entry(title=f"E{i}", date=day)
        for i, day in enumerate(["2024-06-01", "2024-10-05", "2024-11-20", "2025-03-01"])
    }
    events = timeline_of(entries).events
    eras = [
        Era("Treaty", parse_date("2024-06"), parse_date("2024-10-31"), ""),
        Era("Kursk", parse_date("2024-11"), None, ""),  # still open
    ]
    assert groups(events, {}, "era", eras) == ["Treaty", "Treaty", "Kursk", "Kursk"]
    before = [Era("Later", parse_date("2024-07"), None, "")]  # the first event precedes it
    assert groups(events, {}, "era", before) == ["Other", "Later", "Later", "Later"]
    assert groups(events, {}, "none", eras) == [None] * 4
