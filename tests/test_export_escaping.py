"""Any text a title, summary or place can hold comes out of every export exactly as written."""

from __future__ import annotations

import csv
import html
import io
import json
from xml.etree import ElementTree as ET

from conftest import examples
from exportcase import OPTIONS, REGISTRY
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from timeline.check.schema import EVENT_FIELDS, defaults
from timeline.collection import build_timeline
from timeline.dates import PartialDate
from timeline.exports import render_exports
from timeline.model import Event, Source

# what front matter can carry: YAML refuses control characters, surrogates and U+FFFE/U+FFFF
# (XML 1.0 refuses the same), and a one-line field has no line break and no outer spaces
characters = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
one_line = st.text(characters, min_size=1, max_size=40).map(str.strip).filter(bool)
ATOM = "{http://www.w3.org/2005/Atom}"


def single_event(title: str, summary: str, place: str) -> dict[str, bytes]:
    event = Event(
        **defaults(EVENT_FIELDS) | {"location": place},
        id="e",
        path="events/e.md",
        title=title,
        date=PartialDate(2024, 10, 31),
        actors=("north-korea",),
        summary=summary,
        sources=(Source("AP", "https://apnews.com/x"),),
        body="",
        body_line=1,
    )
    return render_exports(build_timeline([(event.path, event, [])], REGISTRY), OPTIONS)


@settings(max_examples=examples(60), deadline=None)
@given(one_line, one_line, one_line)
def test_text_round_trips_through_every_export(title, summary, place):
    files = single_event(title, summary, place)

    entry = ET.fromstring(files["feed.xml"]).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == title
    assert entry.find(f"{ATOM}summary").text == summary

    item = json.loads(files["feed.json"])["items"][0]
    assert (item["title"], item["summary"], item["_timeline"]["location"]) == (
        title,
        summary,
        place,
    )

    event = json.loads(files["timeline.json"])["events"][0]
    assert (event["title"], event["summary"], event["location"]) == (title, summary, place)

    vevent = Calendar.from_ical(files["timeline.ics"]).walk("VEVENT")[0]
    assert vevent.errors == []
    assert (str(vevent["summary"]), str(vevent["location"])) == (title, place)
    assert summary in str(vevent["description"])

    (row,) = csv.DictReader(io.StringIO(files["timeline.csv"].decode("utf-8-sig"), newline=""))
    shown = (
        row["title"][1:] if row["title"].startswith("'") and title[0] in "=+-@" else row["title"]
    )
    assert shown == title

    slide = json.loads(files["timelinejs.json"])["events"][0]
    headline = slide["text"]["headline"]
    assert "<" not in headline and html.unescape(headline) == title

    for name in ("feed.json", "timeline.json", "timelinejs.json"):
        assert b"<" not in files[name]
