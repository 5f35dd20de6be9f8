"""timeline.json: valid against its own JSON Schema (checked with jsonschema, formats included),
the committed schema equal to the code's, and every EDTF string read by an EDTF parser."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from edtf import parse_edtf
from exportcase import HOSTILE, HOSTILE_PLACE, OPTIONS, exports
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from timeline.dates import PartialDate, edtf
from timeline.exports import schema

COMMITTED = Path(__file__).resolve().parent.parent / "schema" / "timeline.json"


def validator() -> Draft202012Validator:
    return Draft202012Validator(schema.SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def data(options=OPTIONS) -> dict:
    return json.loads(exports(options)["timeline.json"])


def test_the_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(schema.SCHEMA)


def test_committed_schema_is_the_one_defined_in_code():
    assert COMMITTED.read_bytes() == schema.render(), (
        "schema/timeline.json is out of date; regenerate it with "
        "`.venv/bin/python -m timeline.exports > schema/timeline.json`"
    )


def test_the_site_publishes_the_same_schema():
    assert exports()["schema/timeline.json"] == COMMITTED.read_bytes()


@pytest.mark.parametrize("site_url", ["https://example.org/test/", None])
def test_timeline_json_is_valid_against_its_schema(site_url):
    document = data(replace(OPTIONS, site_url=site_url))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(document)]
    assert errors == []


def test_the_schema_rejects_what_it_should():
    document = data()
    event = document["events"][0]
    bad = [
        {**document, "version": "2.0"},
        {**document, "events": [{**event, "status": "rumoured"}]},
        {**document, "events": [{**event, "sources": [{**event["sources"][0], "url": "ftp://x"}]}]},
        {**document, "events": [{**event, "added": "yesterday"}]},
        {**document, "events": [{**event, "date": {**event["date"], "iso": "2024-13-45x"}}]},
        {**document, "events": [{**event, "extra": 1}]},
    ]
    for case in bad:
        assert not validator().is_valid(case)


def test_every_published_event_with_its_fields_actors_and_sources():
    document = data()
    assert document["version"] == schema.VERSION
    assert document["$schema"] == "https://example.org/test/schema/timeline.json"
    titles = [e["title"] for e in document["events"]]
    assert titles == [
        "Year only",
        "Treaty signed",
        "Month only",
        HOSTILE,
        "Timed",  # 22:15 at UTC-4 on 30 October is after midnight UTC on the 31st
        "Timed span",
        "Circa day",
    ]
    event = document["events"][3]
    assert event["id"] == "2024-10-31-hostile"
    assert event["url"] == "https://example.org/test/events/2024/2024-10-31-hostile/"
    assert event["date"] == {
        "iso": "2024-10-31",
        "precision": "day",
        "start": "2024-10-31T00:00:00Z",
        "edtf": "2024-10-31",
    }
    assert event["end"]["iso"] == "2024-11-02"
    assert event["edtf"] == "2024-10-31/2024-11-02"
    assert event["location"] == HOSTILE_PLACE
    assert event["actors"] == [
        {"id": "north-korea", "name": "North Korea", "kind": "country"},
        {"id": "russia", "name": "Russia", "kind": "country"},
    ]
    assert event["tags"] == ["troops", "diplomacy"]
    assert event["sources"][0]["publisher"] == "CNN & Co"
    assert event["sources"][0]["url"] == "https://edition.cnn.com/x?a=1&b=2"
    assert event["sources"][0]["published"]["iso"] == "2024-10-31"
    assert event["sources"][1]["title"] is None
    assert event["updates"] == [
        {
            "date": {
                "iso": "2024-11-05",
                "precision": "day",
                "start": "2024-11-05T00:00:00Z",
                "edtf": "2024-11-05",
            },
            "note": "Corrected the place.",
        }
    ]
    assert event["added"] == "2024-11-03T00:00:00Z"
    circa = document["events"][6]
    assert (circa["circa"], circa["edtf"], circa["date"]["edtf"]) == (
        True,
        "2024-12-01~/2025-01~",
        "2024-12-01~",
    )
    assert [a["id"] for a in document["actors"]] == sorted(a["id"] for a in document["actors"])
    austin = next(a for a in document["actors"] if a["id"] == "lloyd-austin")
    assert austin["affiliation"] == "united-states"
    assert austin["url"] == "https://example.org/test/actors/lloyd-austin/"


def test_every_edtf_string_is_read_by_an_edtf_parser():
    document = data()
    strings = [e["edtf"] for e in document["events"]]
    strings += [e["date"]["edtf"] for e in document["events"]]
    strings += [e["end"]["edtf"] for e in document["events"] if e["end"]]
    for text in strings:
        assert str(parse_edtf(text)) == text


def test_hostile_title_round_trips_and_is_never_markup():
    raw = exports()["timeline.json"]
    assert b"<" not in raw
    assert json.loads(raw)["events"][3]["title"] == HOSTILE


days = st.dates(min_value=PartialDate(1000).start().date())
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60)


@st.composite
def partial_dates(draw) -> PartialDate:
    day = draw(days)
    precision = draw(st.sampled_from(["year", "month", "day", "time"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    if precision == "day":
        return PartialDate(day.year, day.month, day.day)
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    return PartialDate(day.year, day.month, day.day, hour, minute, 0, draw(offsets))


@given(partial_dates(), partial_dates(), st.booleans(), st.booleans())
def test_edtf_of_any_date_or_span_parses(start, end, circa, spans):
    text = edtf(start, end if spans else None, circa)
    assert str(parse_edtf(text)) == text
