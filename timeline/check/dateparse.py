"""How contributors may write a date: every parsing rule lives here.

ISO forms at each precision; unambiguous written forms through python-dateutil; all-numeric forms
only when they read one way; and a refusal, with how to write it instead, for what python-dateutil
would misread (two dates in one value, a zone name with an offset, a two-digit year, a number
taken for a time of day).
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime
from datetime import tzinfo as TzInfo
from functools import lru_cache
from itertools import islice

from dateutil import parser as dateutil_parser
from dateutil import tz

from ..dates import _MONTH_NAMES, HINT, MAX_YEAR, MIN_YEAR, DateError, PartialDate, format_offset

_ISO = re.compile(
    r"""^(?P<year>[+-]?\d{1,6})
        (?:-(?P<month>\d{1,2})
          (?:-(?P<day>\d{1,2})
            (?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?
              \s*(?P<offset>Z|[+-]\d{2}(?::?\d{2})?)?
            )?
          )?
        )?$""",
    re.VERBOSE | re.IGNORECASE,
)
_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")
# what YAML would read as a decimal number ('2024.10', '1e3'): python-dateutil would read
# '2024.10' as the year 2024
_DECIMAL = re.compile(r"[+-]?(?=\.?[0-9])[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9]+)?")
# between two dates: a slash, a dash or 'to' (python-dateutil reads '2024-10-31/2024-11-02' as
# 20:24 at UTC-02:00)
_SPAN = re.compile(r"/|–|—|\s+(?:-|to|until)\s+", re.IGNORECASE)
# a zone's name with an offset: python-dateutil reads 'GMT+3' the POSIX way, as UTC-03:00
_ZONE_OFFSET = re.compile(r"(?<![A-Za-z])([A-Za-z]{1,5})\s*([+-])\s*([0-9]{1,2})(?::?([0-9]{2}))?")
_NOT_ZONES = frozenset(
    word.lower()
    for group in (*dateutil_parser.parserinfo.MONTHS, *dateutil_parser.parserinfo.WEEKDAYS)
    for word in group
) | {"am", "pm", "a", "p"}
_CLOCK = re.compile(r"[0-9]\s*:\s*[0-9]|[0-9]\s*[AaPp]\.?\s*[Mm]\b")
_DIGITS = re.compile(r"[0-9]+")
DATE_MAX_CHARS = 100
"""'Thursday, 31 October 2024, 14:30 -04:00' is 39 characters; anything much longer is not a
date, and python-dateutil takes time over it (and a message would quote it all)."""
MAX_OFFSET_MINUTES = 14 * 60
"""The widest offset in use is UTC+14:00 (Kiribati); beyond ±14:00 a value is a typing mistake."""
OFFSET_HINT = "write it as +HH:MM or -HH:MM, e.g. 2024-10-31T14:30-04:00"


def parse_date(value: object) -> PartialDate:
    """Parse a front-matter date value (text as written) into a `PartialDate`.

    Raises `DateError` with a message that says what is wrong and how to write it instead, and
    no other exception, whatever the text.
    """
    if isinstance(value, bool) or value is None:
        raise DateError(f"{_show(value)} is not a date; {HINT}")
    if isinstance(value, float):
        raise DateError(f"{value!r} is a number, not a date; {HINT}")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise DateError(f"expected a date as text, got a {type(value).__name__}; {HINT}")
    return _parse_text(value)


@lru_cache(maxsize=8192)
def _parse_text(value: str) -> PartialDate:
    """`parse_date` of text, remembered: a timeline's entries and sources share their dates
    (10,000 generated entries have 33,000 dates, 4,800 different). A refusal is not kept."""
    text = value.strip()
    if not text:
        raise DateError(f"the date is empty; {HINT}")
    if len(text) > DATE_MAX_CHARS:
        raise DateError(
            f"{_show(text[:30] + '…')} is {len(text):,} characters long; a date is at most "
            f"{DATE_MAX_CHARS} characters; {HINT}"
        )
    return _read(text, spans=True)


def _read(text: str, spans: bool) -> PartialDate:
    """Text (stripped) to a date; `spans`: refuse text that is two dates (not when reading one
    side of such text)."""
    if match := _ISO.match(text):
        return _from_iso(text, match)
    if match := _NUMERIC.match(text):
        return _from_numeric(text, match)
    if text.isdigit() or _DECIMAL.fullmatch(text):
        raise DateError(f"{_show(text)} is a number, not a date; {HINT}")
    if spans:
        _refuse_span(text)
    return _from_words(text)


def _show(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _from_iso(text: str, m: re.Match[str]) -> PartialDate:
    if len(m["year"]) != 4 or not m["year"].isdigit():
        raise DateError(f"{_show(text)}: the year must have four digits (1–9999); {HINT}")
    parts = [int(g) if g else None for g in (m["year"], m["month"], m["day"])]
    if m["hour"] is not None and m["offset"] is None:
        raise DateError(
            f"{_show(text)} has a time but no UTC offset; add one, e.g. {text}-04:00 or {text}Z"
        )
    offset = _parse_offset(text, m["offset"]) if m["offset"] else None
    time = [int(g) if g else None for g in (m["hour"], m["minute"], m["second"])]
    return _checked(text, *parts, *time, offset)


def _parse_offset(text: str, raw: str) -> int:
    if raw.upper() == "Z":
        return 0
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if minutes > 59 or hours * 60 + minutes > MAX_OFFSET_MINUTES:
        raise DateError(f"{_show(text)}: {raw} is not a UTC offset (at most ±14:00); {OFFSET_HINT}")
    return sign * (hours * 60 + minutes)


def _checked(
    text: str,
    year: int,
    month: int | None,
    day: int | None,
    hour: int | None = None,
    minute: int | None = None,
    second: int | None = None,
    offset: int | None = None,
) -> PartialDate:
    """Build a PartialDate after checking every part, naming the part that is wrong."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"{_show(text)} is not a date (year {year}; years run 1–9999); {HINT}")
    if month is not None and not 1 <= month <= 12:
        raise DateError(
            f"{_show(text)} is not a date (month {month}; months run 1–12); "
            + _nearest(year, month, day)
        )
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(
                f"{_show(text)} is not a date ({_MONTH_NAMES[month]} {year} has {last} days); "
                + _nearest(year, month, day)
            )
    if hour is not None:
        if hour > 23 or (minute or 0) > 59 or (second or 0) > 59:
            raise DateError(f"{_show(text)} is not a time of day; write HH:MM from 00:00 to 23:59")
    value = PartialDate(year, month, day, hour, minute, second, offset)
    if hour is not None:
        try:  # 0001-01-01T00:30+01:00 is a valid local time, but its UTC instant is in year 0
            value.start()
        except OverflowError:
            raise DateError(
                f"{_show(text)} falls outside the years 1–9999 in UTC, so it cannot be ordered; "
                f"write the day alone, e.g. {PartialDate(year, month, day).iso()}"
            ) from None
    return value


def _nearest(year: int, month: int, day: int | None) -> str:
    """How to write the valid date nearest to a month or day out of range, at each precision:
    'write e.g. 2024-02-29, or 2024-02, 2024 or 2024-02-29T14:30-04:00'."""
    month = min(max(month, 1), 12)
    forms = [f"{year:04d}-{month:02d}", f"{year:04d}"]
    if day is None:
        return f"write e.g. {forms[0]}, or {forms[1]}"
    day = min(max(day, 1), calendar.monthrange(year, month)[1])
    iso = f"{forms[0]}-{day:02d}"
    return f"write e.g. {iso}, or {forms[0]}, {forms[1]} or {iso}T14:30-04:00"


def _from_numeric(text: str, m: re.Match[str]) -> PartialDate:
    """All-numeric day/month forms: accepted only when they can be read one way."""
    a, b, c = m.groups()
    if len(a) == 4:  # 2024/10/31: year first is never read day-first
        return _checked(text, int(a), int(b), int(c))
    if len(c) != 4:
        raise DateError(
            f"{_show(text)} is ambiguous: a two-digit year could be any century; write YYYY-MM-DD"
        )
    first, second, year = int(a), int(b), int(c)
    readings = set()
    for day, month in ((first, second), (second, first)):
        try:
            readings.add(_checked(text, year, month, day))
        except DateError:
            pass
    if len(readings) == 1:
        return readings.pop()
    if not readings:
        raise DateError(f"{_show(text)} is not a date; {HINT}")
    raise DateError(
        f"{_show(text)} is ambiguous: it could be {first} {_MONTH_NAMES[second]} or "
        f"{second} {_MONTH_NAMES[first]} {year}; write {year:04d}-{second:02d}-{first:02d} or "
        f"{year:04d}-{first:02d}-{second:02d}"
    )


def _refuse_span(text: str) -> None:
    """Two dates in one value are a span, which has a field for its end; and a '/' anywhere but
    in a day/month/year (handled before) would be read by python-dateutil as something else."""
    for match in islice(_SPAN.finditer(text), 4):
        first, last = text[: match.start()].strip(), text[match.end() :].strip()
        if first and last and _is_date(first) and _is_date(last):
            raise DateError(
                f"{_show(text)} looks like a span; write the first date in `date:` "
                "and the last in `end:`"
            )
    if "/" in text:
        raise DateError(
            f"{_show(text)} is not a date: '/' is read only between a day, a month and a "
            "four-digit year (31/10/2024); for a span, write the first date in `date:` and the "
            "last in `end:`"
        )


def _is_date(text: str) -> bool:
    try:
        _read(text, spans=False)
    except DateError:
        return False
    return True


def _refuse_zone_with_offset(text: str) -> None:
    """'14:30 GMT+3' means UTC+03:00 to most people and UTC-03:00 to POSIX and python-dateutil;
    'UTC +3' is read as UTC. Only a bare offset is read one way."""
    for match in _ZONE_OFFSET.finditer(text):
        word, sign, hours, minutes = match.groups()
        zone_like = word.isupper() or word.lower() in ("utc", "gmt", "z")
        if zone_like and word.lower() not in _NOT_ZONES:
            written = "".join(match.group().split())
            offset = f"{sign}{int(hours):02d}:{minutes or '00'}"
            raise DateError(
                f"{_show(text)} is ambiguous: {written} means UTC{offset} to some software and "
                f"the opposite to others; write the offset alone, e.g. 14:30 {offset}"
            )


_DEFAULTS = (datetime(1, 1, 1, 0, 0, 0), datetime(2, 2, 2, 1, 1, 1))


class _NamedZone(Exception):
    """A time zone given by name only ('14:30 EST'): which offset it means depends on the date
    and on who reads it."""


def _zone(name: str | None, offset: int | None) -> TzInfo | None:
    """python-dateutil's `tzinfos`: a written offset, or UTC by name; nothing else. Without it,
    a name is read as this machine's local zone when the machine uses that name."""
    if offset is not None:
        return tz.UTC if offset == 0 else tz.tzoffset(None, offset)
    if name is not None:
        raise _NamedZone(name)
    return None


def _from_words(text: str) -> PartialDate:
    """Written forms such as '31 October 2024' or 'October 2024', through python-dateutil."""
    _refuse_zone_with_offset(text)
    try:
        one, two = (dateutil_parser.parse(text, default=d, tzinfos=_zone) for d in _DEFAULTS)
        utc_offset = one.utcoffset()  # python-dateutil keeps any offset; datetime checks it here
    except _NamedZone:
        raise DateError(
            f"{_show(text)}: a time zone is named, not given; write a UTC offset instead, "
            "e.g. 31 October 2024 14:30 -04:00"
        ) from None
    except Exception as error:  # python-dateutil on any text: whatever it raises is a refusal
        if isinstance(error, ValueError) and "offset" in str(error):
            raise DateError(
                f"{_show(text)}: the UTC offset is out of range (at most ±14:00); {OFFSET_HINT}"
            ) from None
        raise DateError(f"{_show(text)} is not a date; {HINT}") from None
    given = {
        name: getattr(one, name) == getattr(two, name)
        for name in ("year", "month", "day", "hour", "minute")
    }
    if not given["year"]:
        raise DateError(f"{_show(text)} has no year; {HINT}")
    if not any(len(d) == 4 and int(d) == one.year for d in _DIGITS.findall(text)):
        raise DateError(
            f"{_show(text)} has no four-digit year (a two-digit year could be any century); "
            "write the year in full, e.g. 31 October 2024"
        )
    if given["day"] and not given["month"]:
        raise DateError(f"{_show(text)} has a day but no month; {HINT}")
    if given["hour"] or given["minute"]:
        if not _CLOCK.search(text):
            raise DateError(
                f"{_show(text)} has a number that would be read as a time of day; write a time "
                "as HH:MM with a UTC offset, e.g. 31 October 2024 14:30 -04:00"
            )
        if utc_offset is None:
            raise DateError(f"{_show(text)} has a time but no UTC offset; write e.g. 14:30-04:00")
        offset = int(utc_offset.total_seconds() // 60)
        if abs(offset) > MAX_OFFSET_MINUTES:
            raise DateError(
                f"{_show(text)}: {format_offset(offset)} is not a UTC offset "
                f"(at most ±14:00); {OFFSET_HINT}"
            )
        return _checked(text, one.year, one.month, one.day, one.hour, one.minute, 0, offset)
    return _checked(
        text,
        one.year,
        one.month if given["month"] else None,
        one.day if given["day"] else None,
    )
