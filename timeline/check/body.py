"""Checks on an entry's Markdown body (the write-up below the front matter).

The body is rendered by MkDocs, not by us, so the core only bounds what it can cost: its length
(every reader downloads the search index, which holds every body), the length of a paragraph
(Python-Markdown's inline parsing is quadratic in it) and characters that no page may carry.
"""

from __future__ import annotations

from ..text import control_character
from .schema import BODY_MAX_CHARS, PARAGRAPH_MAX_BRACKETS, PARAGRAPH_MAX_CHARS


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
