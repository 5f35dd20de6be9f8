"""Markers: `<!-- timeline:NAME [N] -->` in a maintainers' page, replaced by a generated section.

The syntax lives here, not in the plugin, so that `timeline check` and the build find the same
markers and report the same problems; the plugin only renders them. A number is read only when it
is short: `int()` refuses more than 4,300 digits, and a page asking for a million entries is a
mistake either way. Event write-ups may not use markers at all (see `body.py`): a section of the
whole timeline on an event page lets one entry make every page it adds large.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Problem
from ..where import Positions

MARKERS = ("embeds", "key-events", "latest", "overview", "standfirst")
LATEST_DEFAULT = 5
LATEST_MAX = 100
_NUMBER_DIGITS = 3  # enough for LATEST_MAX; longer numbers are refused before int()

# where a marker starts: ASCII white space only (what the plugin always matched), any case of
# letters in the name is kept as written so that 'timeline:Latest' is named in the problem
_START = re.compile(r"<!--\s*timeline:", re.ASCII)
_INSIDE = re.compile(r"([A-Za-z0-9_-]*)(?:\s+(\S+))?\s*", re.ASCII)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
_SHOWN_MAX = 40  # characters of a hostile marker quoted in a problem


@dataclass(frozen=True, slots=True)
class Marker:
    """One `<!-- timeline:... -->` comment: where it is in the text, what it asks for, and, if it
    cannot be rendered, why (then it is left as it is)."""

    start: int
    end: int
    name: str
    number: int | None = None
    problem: str | None = None

    @property
    def limit(self) -> int:
        """How many entries a `latest` marker lists."""
        return self.number if self.number is not None else LATEST_DEFAULT


def find_markers(text: str) -> Iterator[Marker]:
    """Every complete marker comment in `text` (Markdown or the HTML it renders to), in order.
    Linear in the text: a comment ends at the first '-->' (comments do not nest)."""
    if "timeline:" not in text:
        return
    position = 0
    while match := _START.search(text, position):
        close = text.find("-->", match.end())
        if close < 0:
            return  # an unclosed comment: no marker can follow it
        yield _marker(match.start(), close + 3, text[match.end() : close])
        position = close + 3


def _marker(start: int, end: int, inside: str) -> Marker:
    parsed = _INSIDE.fullmatch(inside)
    if parsed is None or not parsed[1]:
        shown = _shown(inside)
        return Marker(start, end, shown, problem=f"'timeline:{shown}' is not a marker; {_USE}")
    name, argument = parsed[1], parsed[2]
    if name not in MARKERS:
        return Marker(start, end, name, problem=f"unknown marker 'timeline:{_shown(name)}'; {_USE}")
    if argument is None:
        return Marker(start, end, name)
    if name != "latest":
        return Marker(
            start, end, name, problem=f"'timeline:{name}' takes no number; write it alone"
        )
    if not (argument.isascii() and argument.isdigit()):
        problem = f"'timeline:latest {_shown(argument)}': the number must be written in digits"
        return Marker(start, end, name, problem=problem)
    if len(argument) > _NUMBER_DIGITS:
        problem = (
            f"'timeline:latest' takes a number from 1 to {LATEST_MAX}, "
            f"not one of {len(argument):,} digits"
        )
        return Marker(start, end, name, problem=problem)
    if not 1 <= int(argument) <= LATEST_MAX:
        problem = f"'timeline:latest {argument}': give a number from 1 to {LATEST_MAX}"
        return Marker(start, end, name, problem=problem)
    return Marker(start, end, name, int(argument))


_USE = "use " + ", ".join(MARKERS)


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def marker_problems(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """Warnings for the markers of a maintainers' page that cannot be rendered (unknown name,
    absurd number), at their line and column; `path` is the page as shown in problems
    ('content/index.md'), `first_line` the line `text` starts on. Markers shown as code (in a
    fenced block or between backticks) are examples, not markers, and are left alone."""
    problems = []
    fenced: list[tuple[int, int]] | None = None
    where = Positions(text, first_line)
    for marker in find_markers(text):
        if marker.problem is None:
            continue
        if fenced is None:
            fenced = _fenced_blocks(text)
        if _in_code(text, marker.start, fenced):
            continue
        line, column = where(marker.start)
        problems.append(Problem(path, line, column, "marker", marker.problem, "warning"))
    return problems


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each fenced code block: from an opening ``` or ~~~ line to the closing
    fence of the same character and at least the same length (or the end of the text)."""
    blocks = []
    scan = 0
    while opening := _FENCE.search(text, scan):
        fence = opening[1]
        closing = re.compile(rf"^ {{0,3}}{fence[0]}{{{len(fence)},}}[ \t]*$", re.MULTILINE)
        after = text.find("\n", opening.end())
        end_match = closing.search(text, after + 1) if after >= 0 else None
        end = end_match.end() if end_match else len(text)
        blocks.append((opening.start(), end))
        scan = end
    return blocks


def _in_code(text: str, offset: int, fenced: list[tuple[int, int]]) -> bool:
    block = bisect_right(fenced, (offset, len(text) + 1)) - 1
    if block >= 0 and fenced[block][0] <= offset < fenced[block][1]:
        return True
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("`", line_start, offset) % 2 == 1  # inside an inline code span
