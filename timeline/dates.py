"""Dates at the precision they are known: the value, ordering instants, display and EDTF.

A date is a year, a month, a day or a date-time with a UTC offset; how contributors may write one
is `check/dateparse.py`'s business.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from enum import IntEnum

_MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MIN_YEAR, MAX_YEAR = 1, 9999
HINT = "write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM"


class Precision(IntEnum):
    """How much of a date is known; the order is the timeline's tie-break order."""

    YEAR = 0
    MONTH = 1
    DAY = 2
    TIME = 3


class DateError(ValueError):
    """A value that is not a date this project accepts; the message says why and how to fix it."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to year, month, day or minute precision (a time always has a UTC offset)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    offset_minutes: int | None = None
    _start: datetime | None = field(default=None, init=False, repr=False, compare=False)
    """`start()`, kept once asked for: a site's plan asks for it some 80,000 times at 5,000
    events."""

    @property
    def precision(self) -> Precision:
        if self.hour is not None:
            return Precision.TIME
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def tzinfo(self) -> timezone | None:
        if self.offset_minutes is None:
            return None
        return timezone(timedelta(minutes=self.offset_minutes))

    def start(self) -> datetime:
        """The UTC instant the date starts: a plain date starts at 00:00 UTC of that day."""
        found = self._start
        if found is None:
            found = self._starts()
            object.__setattr__(self, "_start", found)  # frozen, but the same value every time
        return found

    def _starts(self) -> datetime:
        if self.hour is not None:
            local = datetime(
                self.year,
                self.month,
                self.day,
                self.hour,
                self.minute or 0,
                self.second or 0,
                tzinfo=self.tzinfo,
            )
            return local.astimezone(UTC)
        return datetime(self.year, self.month or 1, self.day or 1, tzinfo=UTC)

    def last_day(self) -> date:
        """The last calendar day the date covers (itself for a day or a time)."""
        if self.day is not None:
            return date(self.year, self.month, self.day)
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def iso(self) -> str:
        """The date as written in ISO 8601 at its precision; also the `<time datetime>` value."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
            if self.second:
                text += f":{self.second:02d}"
            text += format_offset(self.offset_minutes)
        return text

    def __str__(self) -> str:
        return self.iso()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return sort_key(self) < sort_key(other)


def sort_key(value: PartialDate) -> tuple[datetime, int]:
    """Order by starting instant, then coarser precision first."""
    return (value.start(), int(value.precision))


def ends_before(end: PartialDate, start: PartialDate) -> bool:
    """True when a span's `end` precedes its `start`: the last moment `end` covers comes before
    `start` begins. An end of '2024-10' covers all of October, so it does not precede
    '2024-10-15'; a plain day is a UTC day."""
    if end.hour is not None:
        return end.start() < start.start()
    return end.last_day() < start.start().date()


def format_offset(minutes: int | None) -> str:
    if minutes is None:
        return ""
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


# --- display ---------------------------------------------------------------------------------


def format_date(value: PartialDate, circa: bool = False) -> str:
    """'31 October 2024', 'October 2024', '2024', 'c. October 2024', with a time if known."""
    text = _format_parts(value, with_year=True)
    return f"c. {text}" if circa else text


def _format_parts(value: PartialDate, *, with_year: bool, with_month: bool = True) -> str:
    parts = []
    if value.day is not None:
        parts.append(str(value.day))
    if value.month is not None and with_month:
        parts.append(_MONTH_NAMES[value.month])
    if with_year:
        parts.append(str(value.year))
    text = " ".join(parts)
    if value.hour is not None:
        clock = f"{value.hour:02d}:{value.minute:02d}"
        offset = "UTC" if value.offset_minutes == 0 else "UTC" + format_offset(value.offset_minutes)
        text += f", {clock} {offset.replace('-', '−')}"
    return text


def format_span(start: PartialDate, end: PartialDate | None, circa: bool = False) -> str:
    """A date or a span, shortest clear form: '4–5 November 2024', '31 October – 2 November'."""
    if end is None:
        return format_date(start, circa)
    prefix = "c. " if circa else ""
    untimed = start.hour is None and end.hour is None
    same_precision = start.precision == end.precision
    if untimed and same_precision and start.year == end.year:
        if start.precision == Precision.DAY and start.month == end.month:
            if start.day == end.day:
                return prefix + format_date(start)
            return f"{prefix}{start.day}–{format_date(end)}"
        if start.precision >= Precision.MONTH:
            return f"{prefix}{_format_parts(start, with_year=False)} – {format_date(end)}"
    sep = "–" if untimed and start.precision == Precision.YEAR == end.precision else " – "
    return f"{prefix}{format_date(start)}{sep}{format_date(end)}"


def month_name(month: int) -> str:
    return _MONTH_NAMES[month]


def edtf(start: PartialDate, end: PartialDate | None = None, circa: bool = False) -> str:
    """The Library of Congress Extended Date/Time Format string: '2024-10', '2024-10~', 'a/b'.

    EDTF writes a time with seconds ('T14:30:00-04:00'), and qualifies ('~') and spans only
    dates, so an approximate or spanning date-time is given as its day (as written, not UTC).
    """
    mark = "~" if circa else ""
    if end is None and not circa and start.hour is not None:
        return f"{_edtf_day(start)}T{start.hour:02d}:{start.minute:02d}:{start.second or 0:02d}" + (
            format_offset(start.offset_minutes)
        )
    if end is None:
        return _edtf_day(start) + mark
    return f"{_edtf_day(start)}{mark}/{_edtf_day(end)}{mark}"


def _edtf_day(value: PartialDate) -> str:
    """The date part at its precision, without a time."""
    return PartialDate(value.year, value.month, value.day).iso()
