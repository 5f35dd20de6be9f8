"""Checks on an entry's Markdown body (the write-up below the front matter).

The body is rendered by MkDocs, not by us, so the core only bounds what it can cost: its length
(every reader downloads the search index, which holds every body), the length of a paragraph
(Python-Markdown's inline parsing is quadratic in it) and characters that no page may carry.
"""

from __future__ import annotations

from .schema import BODY_MAX_CHARS, PARAGRAPH_MAX_CHARS
from .text import control_character


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
    if len(body) <= PARAGRAPH_MAX_CHARS:
        return problems  # no paragraph can be too long
    start, size = first_line, 0
    for number, text in enumerate(body.split("\n"), first_line):
        if text.strip():
            if not size:
                start = number
            size += len(text) + 1
            continue
        if size > PARAGRAPH_MAX_CHARS:
            problems.append((start, _too_long(size)))
        size = 0
    if size > PARAGRAPH_MAX_CHARS:
        problems.append((start, _too_long(size)))
    return problems


def _too_long(size: int) -> str:
    return (
        f"this paragraph is {size:,} characters long (at most {PARAGRAPH_MAX_CHARS:,}); "
        "split it with blank lines"
    )
