import pickle
import re
import warnings
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from timeline.check.dateparse import OFFSET_HINT, parse_date
from timeline.dates import DateError, PartialDate, Precision, edtf, format_date, format_span


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("2024", "2024", Precision.YEAR),
        ("2024-10", "2024-10", Precision.MONTH),
        ("2024-10-31", "2024-10-31", Precision.DAY),
        ("2024-10-31T14:30-04:00", "2024-10-31T14:30-04:00", Precision.TIME),
        ("2024-10-31T14:30Z", "2024-10-31T14:30Z", Precision.TIME),
        ("31 October 2024", "2024-10-31", Precision.DAY),
        ("October 2024", "2024-10", Precision.MONTH),
        ("Oct 31, 2024", "2024-10-31", Precision.DAY),
        ("31/10/2024", "2024-10-31", Precision.DAY),
        ("2024/10/31", "2024-10-31", Precision.DAY),
        (2024, "2024", Precision.YEAR),
    ],
)
def test_accepted_forms_keep_their_precision(text, iso, precision):
    value = parse_date(text)
    assert value.iso() == iso
    assert value.precision == precision


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024-02-30", "February 2024 has 29 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("2024-13", "month 13"),
        ("2024-13-01", "month 13"),
        ("03/04/2024", "ambiguous"),
        ("3/4/24", "two-digit year"),
        ("2024-10-31T14:30", "no UTC offset"),
        ("2024-10-31 14:30:00", "no UTC offset"),
        ("0000", "year 0"),
        ("10000", "four digits"),
        ("20241031", "a number"),
        (2024.5, "a number"),
        ("Thursday", "no year"),
        ("yesterday-ish", "not a date"),
        ("", "empty"),
        (True, "not a date"),
    ],
)
def test_rejected_forms_say_why(text, reason):
    with pytest.raises(DateError, match=reason):
        parse_date(text)


REFUSED = [
    "2024-02-30",
    "2024-13",
    "03/04/2024",
    "3/4/24",
    "2024-10-31T14:30",
    "0000",
    "20241031",
    2024.5,
    "Thursday",
    "yesterday-ish",
    "",
    True,
    "2024-10-31/2024-11-02",
    "2024-10-31T25:00Z",
    "14:30 GMT+3, 31 October 2024",
    "14:30 EST 31 October 2024",
    "Oct 31, 24",
    "31 October 2024 1430",
    "2024-10-31T14:30+14:59",
    "0001-01-01T00:30+01:00",
    "x" * 101,
]


@pytest.mark.parametrize("text", REFUSED)
def test_every_refusal_says_what_to_write_instead(text):
    with pytest.raises(DateError) as error:
        parse_date(text)
    message = str(error.value)
    assert "\n" not in message
    assert "; write" in message or "e.g. " in message, message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "2024-02-30",
            "'2024-02-30' is not a date (February 2024 has 29 days); "
            "write e.g. 2024-02-29, or 2024-02, 2024 or 2024-02-29T14:30-04:00",
        ),
        (
            "2023-02-29T10:00Z",
            "'2023-02-29T10:00Z' is not a date (February 2023 has 28 days); "
            "write e.g. 2023-02-28, or 2023-02, 2023 or 2023-02-28T14:30-04:00",
        ),
        (
            "2024-13-01",
            "'2024-13-01' is not a date (month 13; months run 1–12); "
            "write e.g. 2024-12-01, or 2024-12, 2024 or 2024-12-01T14:30-04:00",
        ),
        (
            "2024-00",
            "'2024-00' is not a date (month 0; months run 1–12); write e.g. 2024-01, or 2024",
        ),
        (
            "03/04/2024",
            "'03/04/2024' is ambiguous: it could be 3 April or 4 March 2024; "
            "write 2024-04-03 or 2024-03-04",
        ),
        (
            "0001-01-01T00:30+01:00",
            "'0001-01-01T00:30+01:00' falls outside the years 1–9999 in UTC, so it cannot be "
            "ordered; write the day alone, e.g. 0001-01-01",
        ),
    ],
)
def test_a_date_that_does_not_exist_is_shown_with_the_nearest_that_does(text, message):
    with pytest.raises(DateError) as error:
        parse_date(text)
    assert str(error.value) == message


def test_a_date_read_again_is_the_same_and_a_refused_one_is_refused_again():
    # parse_date remembers the dates it has read (entries share them)
    for _ in range(2):
        assert parse_date(" 2024-10-31 ") == parse_date("2024-10-31") == PartialDate(2024, 10, 31)
        assert parse_date(2024) == parse_date("2024") == PartialDate(2024)
        with pytest.raises(DateError, match="month 13"):
            parse_date("2024-13-01")


def test_ambiguous_numeric_date_names_both_readings():
    with pytest.raises(DateError) as error:
        parse_date("03/04/2024")
    assert "3 April" in str(error.value) and "4 March" in str(error.value)


def test_leap_day_is_a_date():
    assert parse_date("2024-02-29").iso() == "2024-02-29"


def test_time_is_compared_as_a_utc_instant():
    evening_in_new_york = parse_date("2024-10-31T22:30-04:00")
    assert evening_in_new_york.start() == datetime(2024, 11, 1, 2, 30, tzinfo=UTC)
    assert parse_date("2024-11-01") < evening_in_new_york


def test_display_at_precision():
    assert format_date(parse_date("2024-10-31")) == "31 October 2024"
    assert format_date(parse_date("2024-10")) == "October 2024"
    assert format_date(parse_date("2024")) == "2024"
    assert format_date(parse_date("2024-10"), circa=True) == "c. October 2024"


def test_spans_are_shown_in_their_shortest_clear_form():
    d = parse_date
    assert format_span(d("2024-10-31"), d("2024-11-02")) == "31 October – 2 November 2024"
    assert format_span(d("2024-11-04"), d("2024-11-05")) == "4–5 November 2024"
    assert format_span(d("2024-12-30"), d("2025-01-02")) == "30 December 2024 – 2 January 2025"
    assert format_span(d("2024-10"), d("2024-12")) == "October – December 2024"
    assert format_span(d("2024-10-31"), None) == "31 October 2024"


def test_edtf_strings():
    d = parse_date
    assert edtf(d("2024-10")) == "2024-10"
    assert edtf(d("2024-10"), circa=True) == "2024-10~"
    assert edtf(d("2024-10-31"), d("2024-11-02")) == "2024-10-31/2024-11-02"


def test_edtf_times_have_seconds_and_spans_or_circa_of_times_fall_back_to_days():
    d = parse_date
    assert edtf(d("2024-10-31T14:30-04:00")) == "2024-10-31T14:30:00-04:00"
    assert edtf(d("2024-10-31T14:30Z")) == "2024-10-31T14:30:00Z"
    assert edtf(d("2024-10-31T14:30Z"), circa=True) == "2024-10-31~"
    assert edtf(d("2024-10-31T23:30-04:00"), d("2024-11-02")) == "2024-10-31/2024-11-02"
    assert edtf(d("2024"), d("2025-06"), circa=True) == "2024~/2025-06~"


def test_a_named_time_zone_is_a_date_error_not_a_printed_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # dateutil would warn, then give a naive time
        with pytest.raises(DateError, match="a time zone is named, not given; write a UTC offset"):
            parse_date("31 October 2024 14:30 EST")
        assert parse_date("31 October 2024 14:30 -04:00").iso() == "2024-10-31T14:30-04:00"


# --- written forms python-dateutil would misread ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2024-10-31/2024-11-02",  # dateutil: 31 October 2024, 20:24 UTC-02:00
        "2024-10-31/2024-10-30",  # dateutil: ValueError (offset of -2010 hours)
        "Oct 2024/Nov 2024",
        "2024–2025",
        "2024-10-31 - 2024-11-02",
        "31 October 2024 to 2 November 2024",
    ],
)
def test_two_dates_in_one_value_are_a_span_to_write_with_end(text):
    with pytest.raises(DateError) as error:
        parse_date(text)
    assert str(error.value) == (
        f"{text!r} looks like a span; write the first date in `date:` and the last in `end:`"
    )


@pytest.mark.parametrize("text", ["2024/10", "10/2024", "31 Oct/2024", "2024-10-31/x"])
def test_a_slash_outside_a_day_month_and_year_is_refused(text):
    with pytest.raises(DateError, match="'/' is read only between a day, a month and a four-dig"):
        parse_date(text)
    assert parse_date("31/10/2024") == parse_date("2024/10/31") == PartialDate(2024, 10, 31)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31 Oct 2024 14:30 +99:00", "the UTC offset is out of range (at most ±14:00)"),
        ("31 Oct 2024 14:30 -2400", "the UTC offset is out of range (at most ±14:00)"),
        ("31 Oct 2024 14:30 -1500", "-15:00 is not a UTC offset (at most ±14:00)"),
        ("31 Oct 2024 14:30 +1401", "+14:01 is not a UTC offset (at most ±14:00)"),
        ("2024-10-31T14:30+14:59", "+14:59 is not a UTC offset (at most ±14:00)"),
    ],
)
def test_an_offset_beyond_14_hours_is_a_date_error(text, reason):
    with pytest.raises(DateError) as error:
        parse_date(text)
    assert str(error.value) == f"{text!r}: {reason}; {OFFSET_HINT}"


def test_the_widest_offsets_are_dates():
    assert parse_date("31 Oct 2024 14:30 +14:00").offset_minutes == 14 * 60
    assert parse_date("2024-10-31T14:30-14:00").offset_minutes == -14 * 60


@pytest.mark.parametrize(
    ("text", "written", "offset"),
    [
        ("31 Oct 2024 14:30 GMT+3", "GMT+3", "+03:00"),  # dateutil: UTC-03:00 (POSIX)
        ("31 Oct 2024 14:30 UTC+3", "UTC+3", "+03:00"),
        ("31 Oct 2024 14:30 UTC -3", "UTC-3", "-03:00"),  # dateutil: UTC, the -3 dropped
        ("31 Oct 2024 14:30 GMT-03:30", "GMT-03:30", "-03:30"),
        ("31 Oct 2024 14:30 EST+5", "EST+5", "+05:00"),
    ],
)
def test_a_zone_name_with_an_offset_is_ambiguous(text, written, offset):
    with pytest.raises(DateError) as error:
        parse_date(text)
    assert str(error.value) == (
        f"{text!r} is ambiguous: {written} means UTC{offset} to some software and the opposite "
        f"to others; write the offset alone, e.g. 14:30 {offset}"
    )


def test_offsets_alone_and_utc_by_name_are_read_as_written():
    assert parse_date("31 Oct 2024 14:30 +03:00").iso() == "2024-10-31T14:30+03:00"
    assert parse_date("31 Oct 2024 2 PM -04:00").iso() == "2024-10-31T14:00-04:00"
    for name in ("UTC", "GMT", "Z"):
        assert parse_date(f"31 Oct 2024 14:30 {name}").iso() == "2024-10-31T14:30Z"
    assert parse_date("31-OCT-2024").iso() == "2024-10-31"  # a month name is not a zone


def test_a_zone_name_means_the_same_on_every_machine(monkeypatch):
    # dateutil reads a name this machine's zone uses as the local zone (so "EST" in New York)
    monkeypatch.setattr("time.tzname", ("EST", "EDT"))
    with pytest.raises(DateError, match="a time zone is named, not given"):
        parse_date("31 October 2024 14:30 EST")
    monkeypatch.setattr("time.tzname", ("UTC", "UTC"))
    assert parse_date("1 November 2024 14:30 UTC").iso() == "2024-11-01T14:30Z"


@pytest.mark.parametrize("text", ["Oct 31, 24", "31 Oct 24", "31 October 999"])
def test_a_written_date_needs_a_four_digit_year(text):
    with pytest.raises(DateError) as error:
        parse_date(text)
    assert str(error.value) == (
        f"{text!r} has no four-digit year (a two-digit year could be any century); "
        "write the year in full, e.g. 31 October 2024"
    )


def test_a_number_read_as_a_time_of_day_is_refused():
    with pytest.raises(DateError, match="has a number that would be read as a time of day"):
        parse_date("Oct 31 2024 2025")  # dateutil: 20:25


@pytest.mark.parametrize("text", ["2024.10", "10.2024", "1e3", "1_000", ".5"])
def test_decimal_numbers_are_numbers_not_dates(text):
    # dateutil reads '2024.10' as the year 2024
    with pytest.raises(DateError, match=f"^{re.escape(repr(text))} is a number, not a date"):
        parse_date(text)


def test_a_long_value_is_not_a_date_and_its_message_stays_short():
    with pytest.raises(DateError) as error:
        parse_date("31 October 2024 " + "1 " * 50_000)
    assert len(
        str(error.value)
    ) < 200 and "is 100,015 characters long; a date is at most 100 characters" in str(error.value)


def test_a_date_s_start_kept_once_asked_for_changes_nothing_else_about_it():
    late = parse_date("2024-09-30T23:30-04:00")
    asked, fresh = parse_date("2024-09-30T23:30-04:00"), parse_date("2024-09-30T23:30-04:00")
    assert asked.start() is asked.start()  # kept
    assert asked == fresh and hash(asked) == hash(fresh) and repr(asked) == repr(fresh)
    assert asked.start() == fresh.start() == late.start()
    assert pickle.loads(pickle.dumps(asked)) == asked
    moved = replace(asked, day=29)  # not the kept start of the date it came from
    assert moved.start() == parse_date("2024-09-29T23:30-04:00").start() != asked.start()
