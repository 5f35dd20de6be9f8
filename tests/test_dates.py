import warnings
from datetime import UTC, datetime

import pytest

from timeline.dates import (
    DateError,
    PartialDate,
    Precision,
    edtf,
    format_date,
    format_span,
    parse_date,
)


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
