"""timeline.ics: read back with icalendar (errors included); day events all-day, timed events in
UTC, month and year events left out and said so."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from conftest import entry, examples
from exportcase import HOSTILE, HOSTILE_PLACE, OPTIONS, exports, timeline_of
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, vText
from icalendar.parser import Contentline

from timeline.exports.ical import fold, text, when


def calendar(options=OPTIONS) -> Calendar:
    return Calendar.from_ical(exports(options)["timeline.ics"])


def events_by_title(cal: Calendar) -> dict:
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_icalendar_reads_it_without_errors_and_required_properties_are_there():
    raw = exports()["timeline.ics"]
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded, RFC 5545 §3.1
    cal = Calendar.from_ical(raw)
    assert cal.errors == []
    assert str(cal["version"]) == "2.0" and str(cal["prodid"])
    for component in cal.walk():
        assert component.errors == [], (component.name, component.errors)
    for event in cal.walk("VEVENT"):
        for name in ("uid", "dtstamp", "dtstart", "summary"):
            assert name in event, name
    uids = [str(e["uid"]) for e in cal.walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_day_events_are_all_day_with_an_exclusive_end():
    events = events_by_title(calendar())
    treaty = events["Treaty signed"]
    assert treaty.decoded("dtstart") == date(2024, 6, 19)
    assert treaty.decoded("dtend") == date(2024, 6, 20)
    hostile = events[HOSTILE]  # 31 October – 2 November
    assert (hostile.decoded("dtstart"), hostile.decoded("dtend")) == (
        date(2024, 10, 31),
        date(2024, 11, 3),
    )
    circa = events["Circa day"]  # 1 December 2024 to January 2025
    assert circa.decoded("dtend") == date(2025, 2, 1)


def test_timed_events_keep_their_instant_in_utc():
    events = events_by_title(calendar())
    timed = events["Timed"]  # 22:15 at UTC-4
    assert timed.decoded("dtstart") == datetime(2024, 10, 31, 2, 15, tzinfo=UTC)
    assert "dtend" not in timed
    span = events["Timed span"]  # 09:00Z to 17:30+01:00
    assert span.decoded("dtstart") == datetime(2024, 11, 4, 9, 0, tzinfo=UTC)
    assert span.decoded("dtend") == datetime(2024, 11, 4, 16, 30, tzinfo=UTC)
    assert b"DTSTART:20241031T021500Z" in exports()["timeline.ics"]


def test_month_and_year_events_are_left_out_and_the_description_says_so():
    cal = calendar()
    titles = set(events_by_title(cal))
    assert "Month only" not in titles and "Year only" not in titles
    assert len(titles) == 5
    description = str(cal["description"])
    assert description.startswith("A test of the exports.\n\n")
    assert "known only to the month or the year are not in this calendar (2 at present)" in (
        description
    )
    assert "https://example.org/test/timeline/" in description
    # icalendar reads unknown X- properties raw: compare them as escaped TEXT values
    assert cal["x-wr-caldesc"].to_ical() == vText(description).to_ical()
    assert cal["x-wr-calname"].to_ical() == vText("Test timeline").to_ical()


def test_event_details_uid_url_and_categories():
    event = events_by_title(calendar())[HOSTILE]
    page = "https://example.org/test/events/2024/2024-10-31-hostile/"
    assert str(event["uid"]) == page and str(event["url"]) == page
    assert str(event["location"]) == HOSTILE_PLACE
    assert [str(c) for c in event["categories"].cats] == ["North Korea", "Russia"]
    assert event.decoded("dtstamp") == datetime(2024, 11, 5, tzinfo=UTC)  # its last correction
    assert str(event["transp"]) == "TRANSPARENT"
    description = str(event["description"])
    assert description.startswith("31 October – 2 November 2024 · Confirmed\n\n")
    assert "Source: CNN & Co https://edition.cnn.com/x?a=1&b=2" in description


def test_hostile_title_round_trips():
    assert HOSTILE in events_by_title(calendar())


def test_without_site_url_there_are_no_relative_links():
    cal = calendar(replace(OPTIONS, site_url=None))
    assert "url" not in cal
    for event in cal.walk("VEVENT"):
        assert "url" not in event and str(event["uid"]).startswith("urn:uuid:")
        assert "events/" not in str(event["description"])


def test_calendar_name_with_commas_and_semicolons_is_escaped_text():
    title = "Kim, Putin; and the \\ war"
    raw = exports(replace(OPTIONS, title=title))["timeline.ics"]
    assert b"X-WR-CALNAME:Kim\\, Putin\\; and the \\\\ war\r\n" in raw
    assert Calendar.from_ical(raw)["name"].to_ical() == vText(title).to_ical()


def test_an_all_day_event_on_the_last_representable_day_gets_a_duration():
    timeline = timeline_of({"events/end.md": entry(title="Last day", date="9999-12-31")})
    (event,) = timeline.events
    assert when(event) == (date(9999, 12, 31), timedelta(days=1))


# --- the serializer against icalendar's own ------------------------------------------------------

LINE_TEXT = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
        max_size=400,
    ),
    # where folding can go wrong: escapes, and characters of two to four octets
    st.text(alphabet=st.sampled_from("a \\^,;é€😀"), min_size=60, max_size=300),
)


@settings(max_examples=examples(300), deadline=None)
@given(LINE_TEXT)
def test_folding_is_icalendars_folding(value):
    line = "SUMMARY:" + value
    assert fold(line).encode() == Contentline(line).to_ical()
    assert all(len(piece.encode()) <= 75 for piece in fold(line).split("\r\n"))


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_text_values_read_back_as_written(value):
    """Whatever a title holds comes back from icalendar's parser, line breaks as `\\n`."""
    folded = fold("SUMMARY:" + text(value))
    raw = f"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{folded}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    event = Calendar.from_ical(raw).walk("VEVENT")[0]
    expected = value.replace("\r\n", "\n").replace("\r", "\n")
    assert str(event["summary"]) == expected
