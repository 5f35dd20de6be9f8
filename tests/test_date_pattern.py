"""The JSON Schema's date pattern against `parse_date`: the same answer for every ISO and
all-numeric form, and the usual written forms accepted."""

from __future__ import annotations

import re

import pytest
from conftest import examples
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.check import dateparse
from timeline.check.date_pattern import date_pattern
from timeline.check.dateparse import parse_date
from timeline.dates import DateError

PATTERN = re.compile(date_pattern())


def accepted_by_checker(text: str) -> bool:
    try:
        parse_date(text)
    except DateError:
        return False
    return True


def number(max_value: int, max_digits: int) -> st.SearchStrategy[str]:
    """A number as text, sometimes zero-padded: '7', '07', '007'."""
    return st.builds(
        lambda n, width: str(n).zfill(width),
        st.integers(0, max_value),
        st.integers(1, max_digits),
    )


separators = st.sampled_from(["-", "/", "."])
years = st.one_of(number(9999, 4), st.integers(0, 99999).map(str))
offsets = st.one_of(
    st.sampled_from(["", "Z", "z", "+00:00", "-04:00", "+0530", "+14", "+14:59", "-15:00"]),
    st.builds(
        lambda s, h, m: f"{s}{h:02d}:{m:02d}",
        st.sampled_from("+-"),
        st.integers(0, 16),
        st.integers(0, 61),
    ),
)
times = st.builds(
    lambda sep, h, m, s, frac, space, offset: f"{sep}{h:02d}:{m:02d}{s}{frac}{space}{offset}",
    st.sampled_from(["T", "t", " "]),
    st.integers(0, 25),
    st.integers(0, 61),
    st.sampled_from(["", ":00", ":59", ":60"]),
    st.sampled_from(["", ".5"]),
    st.sampled_from(["", " "]),
    offsets,
)
iso_dates = st.one_of(
    years,
    st.builds(lambda y, m: f"{y}-{m}", years, number(15, 2)),
    st.builds(lambda y, m, d: f"{y}-{m}-{d}", years, number(15, 2), number(35, 2)),
    st.builds(lambda y, m, d, t: f"{y}-{m}-{d}{t}", years, number(13, 2), number(32, 2), times),
)
numeric_dates = st.builds(
    lambda a, s1, b, s2, c: f"{a}{s1}{b}{s2}{c}",
    st.one_of(number(40, 3), number(9999, 4)),
    separators,
    number(40, 2),
    separators,
    st.one_of(number(40, 4), number(9999, 4), years),
)


@settings(max_examples=examples(1500))
@given(st.one_of(iso_dates, numeric_dates))
@example("2024-02-29")
@example("2023-02-29")
@example("1900-02-29")
@example("2000-02-29")
@example("29/02/2024")
@example("02/29/2023")
@example("03/04/2024")
@example("03/03/2024")
@example("2024-10-31T14:30")
@example("0000-01-01")
@example("2024-10-0031")
@example("0001-1-1T00:00+0530")
def test_pattern_accepts_exactly_what_the_checker_accepts(text):
    # only the forms parse_date reads itself: anything else goes to python-dateutil
    if dateparse._ISO.match(text) or dateparse._NUMERIC.match(text) or text.isdigit():
        if outside_utc_years(text):
            return  # a pattern cannot add an offset to a time: only the checker sees this
        assert bool(PATTERN.match(text)) == accepted_by_checker(text), text


def outside_utc_years(text: str) -> bool:
    """'0001-01-01T00:00+05:30': a valid local time whose UTC instant is in the year 0."""
    try:
        parse_date(text)
    except DateError as error:
        return "in UTC" in str(error)
    return False


@pytest.mark.parametrize(
    "text",
    [
        "31 October 2024",
        "31st October 2024",
        "October 2024",
        "october 2024",
        "Oct 2024",
        "Oct. 31, 2024",
        "October 31, 2024",
        "1 Sept 2025",
        " 2024-10-31 ",
    ],
)
def test_usual_written_forms_pass_both(text):
    assert PATTERN.match(text)
    assert accepted_by_checker(text)


@pytest.mark.parametrize("text", ["2024-13", "13/13/2024", "sometime in 2024", "2024-10-31T25:00Z"])
def test_what_both_refuse(text):
    assert not PATTERN.match(text)
    assert not accepted_by_checker(text)


def test_pattern_uses_only_syntax_editors_understand():
    """ECMA 262 (the YAML language server) has no lookbehind, named groups or inline flags."""
    source = date_pattern()
    for construct in ("(?<", "(?P", "(?i", "\\A", "\\Z", "\\d"):
        assert construct not in source
