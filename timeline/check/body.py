"""Checks on an entry's Markdown body (the write-up below the front matter).

The body is rendered by MkDocs, not by us, so the core bounds what it can cost: its length
(every reader downloads the search index, which holds every body), the length of a paragraph
(Python-Markdown's inline parsing is quadratic in it), the depth of lists nested on one line (its
block parsing recurses once a level) and characters that no page may carry. And it refuses what
the site's Markdown would do beyond showing the contributor's text: include another file of the
build machine (pymdownx.snippets, which the maintainers' pages use), expand a marker into a
section of the whole timeline, or link and load what it should not (`links.py`).
"""

from __future__ import annotations

import re

from ..text import control_character
from ..where import Positions
from .links import ContentFiles, link_problems
from .markers import find_markers
from .schema import BODY_MAX_CHARS, PARAGRAPH_MAX_BRACKETS, PARAGRAPH_MAX_CHARS

# the scissors of pymdownx.snippets (`-{1,}8<-{1,}`), found from their '8<-' and a '-' before:
# a line `--8<-- "file"`, a block between two `--8<--` lines, a `--8<-- [start:name]` section,
# each with any number of dashes and also escaped with ';' (one more ';' and it is live again)
_SCISSORS = re.compile(r"(?<=-)8<-")
# a line that starts with list markers one after another ('- - - x' is a list in a list in a
# list): Python-Markdown parses each level by recursion, and 500 on one line crash the build.
# The search starts from a newline, a literal: several times faster than any other start
_TWO_MARKERS = r"[ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+(?:[-*+]|[0-9]{1,9}[.)])[ \t]"
_NESTED_FIRST = re.compile(_TWO_MARKERS)
_NESTED_NEXT = re.compile("\n" + _TWO_MARKERS)
_MARKER = re.compile(r"[ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]")
NESTING_MAX = 50
_SHOWN_SCISSORS = 16
REPORTED_MAX = 10  # problems of one kind listed for one write-up; the rest are counted


def write_up_problems(
    body: str, first_line: int = 1, rel_path: str = "", content: ContentFiles | None = None
) -> list[tuple[int, int, str]]:
    """(line, column, message) for everything wrong with a write-up: its limits (`body_problems`),
    lists nested too deep, a snippet, a marker, and its links and images (`links.link_problems`).
    `rel_path` is the entry's path in the content folder; `content` the site's files, to check
    links to them (without it, links to other files are not checked)."""
    limits = body_problems(body, first_line)
    problems = [(line, 1, message) for line, message in limits]
    if len(body) > BODY_MAX_CHARS:
        return problems  # nothing else is read in a text that long
    problems += _capped(_nesting(body, first_line))
    if "<" in body:  # both a snippet's '8<' and a marker's '<!--' (one character: fast)
        problems += _capped(_snippets(body, first_line))
        problems += _capped(_markers(body, first_line))
    problems += _capped(link_problems(body, first_line, rel_path, content))
    return sorted(problems)


def _snippets(body: str, first_line: int) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    if "8<-" not in body:
        return found
    last_line, where = None, Positions(body, first_line)
    for match in _SCISSORS.finditer(body):
        start = match.start() - 1
        while start > 0 and body[start - 1] == "-":
            start -= 1
        end = match.end()
        while end < len(body) and body[end] == "-":
            end += 1
        line, column = where(start)
        if line == last_line:
            continue  # one problem a line
        last_line = line
        scissors = body[start:end] if end - start <= _SHOWN_SCISSORS else "--8<--"
        found.append(
            (
                line,
                column,
                f"'{scissors}' includes another file; the write-up must be written out here",
            )
        )
    return found


def _nesting(body: str, first_line: int) -> list[tuple[int, int, str]]:
    """Lines that open lists inside lists, one marker after another, deeper than NESTING_MAX."""
    starts = [0] if _NESTED_FIRST.match(body) else []
    starts += [match.start() + 1 for match in _NESTED_NEXT.finditer(body)]
    found: list[tuple[int, int, str]] = []
    where = Positions(body, first_line)
    for start in starts:
        depth, position = 0, start
        while match := _MARKER.match(body, position):
            depth, position = depth + 1, match.end()
        if depth > NESTING_MAX:
            found.append(
                (
                    where(start)[0],
                    1,
                    f"this line opens {depth:,} lists one inside the other (at most "
                    f"{NESTING_MAX}); the site's Markdown cannot render that, write it flat",
                )
            )
    return found


def _markers(body: str, first_line: int) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    if "timeline:" not in body:
        return found
    where = Positions(body, first_line)
    for marker in find_markers(body):
        line, column = where(marker.start)
        shown = marker.name if marker.number is None else f"{marker.name} {marker.number}"
        found.append(
            (
                line,
                column,
                f"'<!-- timeline:{shown} -->' is a marker for the site's own pages; "
                "a write-up cannot use one: remove it",
            )
        )
    return found


def _capped(problems: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first REPORTED_MAX problems of a kind, and then how many more there are."""
    if len(problems) <= REPORTED_MAX + 1:
        return problems
    line, column, _ = problems[REPORTED_MAX]
    more = len(problems) - REPORTED_MAX
    return [*problems[:REPORTED_MAX], (line, column, f"and {more:,} more problems like the above")]


def body_problems(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, message) for each way the body breaks a limit; `first_line` is the body's line
    in the file. An empty list means the body is fine."""
    if len(body) > BODY_MAX_CHARS:
        return [
            (
                first_line,
                f"the write-up is {len(body):,} characters long; keep it under "
                f"{BODY_MAX_CHARS:,} (about 15,000 words) and link to the sources for the rest",
            )
        ]
    problems = []
    if found := control_character(body, allow="\t\n"):  # CR was normalised on reading
        line = first_line + body.count("\n", 0, found[0])
        problems.append((line, f"contains the control character {found[1]}; remove it"))
    if len(body) <= PARAGRAPH_MAX_CHARS and body.count("[") <= PARAGRAPH_MAX_BRACKETS:
        return problems  # no paragraph can break a limit
    paragraphs: list[tuple[int, int, int]] = []  # first line, characters, '[' characters
    for number, text in enumerate(body.split("\n"), first_line):
        if not text.strip():
            paragraphs.append((number + 1, 0, 0))
        elif not paragraphs:
            paragraphs.append((number, len(text) + 1, text.count("[")))
        else:
            start, size, brackets = paragraphs[-1]
            paragraphs[-1] = (start, size + len(text) + 1, brackets + text.count("["))
    for start, size, brackets in paragraphs:
        if size > PARAGRAPH_MAX_CHARS:
            problems.append((start, _too_long(size)))
        elif brackets > PARAGRAPH_MAX_BRACKETS:
            problems.append(
                (
                    start,
                    f"this paragraph has {brackets:,} '[' (at most {PARAGRAPH_MAX_BRACKETS}, "
                    "about one a link); split it with blank lines or link less",
                )
            )
    return problems


def _too_long(size: int) -> str:
    return (
        f"this paragraph is {size:,} characters long (at most {PARAGRAPH_MAX_CHARS:,}); "
        "split it with blank lines"
    )
