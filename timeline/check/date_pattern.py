"""The date forms `dateparse.parse_date` accepts, as one regular expression for the JSON Schema.

Editors check front matter with this pattern while contributors type; `timeline check` stays the
authority. For the ISO and all-numeric forms the pattern accepts exactly what `parse_date` accepts
(tests/test_date_pattern.py checks the two against each other over generated dates). Written forms
('31 October 2024', 'Oct 31, 2024') are read by python-dateutil, which no pattern can mirror: the
pattern accepts their usual shapes and leaves the rest (for example '30 February 2024') to the
checker. The syntax is the subset shared by ECMA 262 (editors) and Python's `re` (jsonschema).
"""

from __future__ import annotations

from ..dates import month_name

_SEP = "[/.-]"
_YEAR = "(?!0000)[0-9]{4}"  # parse_date takes years 1-9999 written with four digits
# years divisible by 4, except centuries not divisible by 400 (0000 is excluded by the lookahead)
_LEAP = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTHS_31 = (1, 3, 5, 7, 8, 10, 12)
_MONTHS_30 = (4, 6, 9, 11)


def _alternatives(parts: list[str]) -> str:
    return "(?:" + "|".join(parts) + ")"


def _number(values: range | tuple[int, ...] | list[int], width: int) -> str:
    """Any of `values` written with one to `width` digits (leading zeros allowed), as int() reads
    them: `_number(range(1, 13), 2)` matches '1', '01' and '12' but not '00' or '13'."""
    groups: dict[tuple[int, str], list[str]] = {}
    for value in values:  # numbers sharing all but their last digit become one class: 1[0-9]
        text = str(value)
        groups.setdefault((len(text), text[:-1]), []).append(text[-1])
    parts = []
    for (length, head), lasts in groups.items():
        pad = width - length
        zeros = f"0{{0,{pad}}}" if pad > 1 else "0?" if pad == 1 else ""
        parts.append(zeros + head + _digit_class(lasts))
    return _alternatives(parts)


def _digit_class(digits: list[str]) -> str:
    if len(digits) == 1:
        return digits[0]
    low, high = digits[0], digits[-1]
    if int(high) - int(low) + 1 == len(digits):  # consecutive
        return f"[{low}-{high}]"
    return "[" + "".join(digits) + "]"


def _month_day(
    month_width: int,
    day_width: int,
    sep: str,
    days: range = range(1, 32),
    day_first: bool = False,
) -> str:
    """A month and a day of it from `days`, month first unless `day_first` (February 29 needs
    a leap year, so callers add it with `_LEAP`)."""
    groups = []
    for months, last in ((_MONTHS_31, 31), (_MONTHS_30, 30), ((2,), 28)):
        allowed = [d for d in days if d <= last]
        if allowed:
            month, day = _number(months, month_width), _number(allowed, day_width)
            groups.append(f"{day}{sep}{month}" if day_first else f"{month}{sep}{day}")
    return _alternatives(groups)


def _iso() -> str:
    """YYYY, YYYY-MM, YYYY-MM-DD and a date-time with a UTC offset (dateparse._ISO and _checked)."""
    day = _alternatives(
        [f"{_YEAR}-{_month_day(2, 2, '-')}", f"{_LEAP}-{_number((2,), 2)}-{_number((29,), 2)}"]
    )
    clock = "(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.][0-9]+)?)?"
    offset = "(?:[Zz]|[+-](?:(?:0[0-9]|1[0-3])(?::?[0-5][0-9])?|14(?::?00)?))"  # at most ±14:00
    month = f"{_YEAR}-{_number(range(1, 13), 2)}"
    return _alternatives([f"{day}(?:[Tt ]{clock}\\s*{offset})?", month, _YEAR])


def _numeric() -> str:
    """All-numeric forms read one way only (dateparse._from_numeric): year first with any day width
    up to four digits, or day and month before a four-digit year when only one reading is valid
    (a day above 12, or the same number twice)."""
    year_first = _alternatives(
        [
            f"{_YEAR}{_SEP}{_month_day(2, 4, _SEP)}",
            f"{_LEAP}{_SEP}{_number((2,), 2)}{_SEP}{_number((29,), 4)}",
        ]
    )
    big = range(13, 32)
    day_first = _alternatives(
        [
            f"{_month_day(2, 3, _SEP, big, day_first=True)}{_SEP}{_YEAR}",
            f"{_number((29,), 3)}{_SEP}{_number((2,), 2)}{_SEP}{_LEAP}",
        ]
    )
    month_first = _alternatives(
        [
            f"{_month_day(3, 2, _SEP, big)}{_SEP}{_YEAR}",
            f"{_number((2,), 3)}{_SEP}{_number((29,), 2)}{_SEP}{_LEAP}",
        ]
    )
    same = _alternatives([f"{_number((n,), 3)}{_SEP}{_number((n,), 2)}" for n in range(1, 13)])
    return _alternatives([year_first, day_first, month_first, f"{same}{_SEP}{_YEAR}"])


def _written() -> str:
    """The usual written shapes: '31 October 2024', 'October 31, 2024', 'Oct 2024'."""
    names = []
    for month in range(1, 13):
        name = month_name(month)
        rest = name[3:]
        short = f"[{name[0]}{name[0].lower()}]{name[1:3]}"
        names.append(f"{short}(?:{rest})?" if rest else short)
    names.append("[Ss]ept")
    month = "(?:" + "|".join(names) + ")[.]?"
    day = "(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
    return _alternatives([f"{day}\\s+{month},?\\s+{_YEAR}", f"{month}\\s+(?:{day},?\\s+)?{_YEAR}"])


def date_pattern() -> str:
    """One anchored pattern for a front-matter date written as text."""
    return f"^\\s*{_alternatives([_iso(), _numeric(), _written()])}\\s*$"


YEAR_RANGE = (1000, 9999)
"""A date given as a bare YAML number (`date: 2024`): a year of four digits."""
