"""The core's checks of an event's write-up beyond its limits: snippets (file inclusion), each
reported at its line and column."""

from __future__ import annotations

import time

import pytest

from timeline.body import write_up_problems


def problems(body: str) -> list[str]:
    """'line:column: message' of each problem of a write-up starting on line 10."""
    return [f"{line}:{column}: {message}" for line, column, message in write_up_problems(body, 10)]


# --- snippets -----------------------------------------------------------------------------------

SCISSORS = "includes another file; the write-up must be written out here"


@pytest.mark.parametrize(
    ("line", "column", "shown"),
    [
        ('--8<-- ".git/config"', 1, "--8<--"),
        ("--8<-- '.git/config'", 1, "--8<--"),
        ('-8<- ".git/config"', 1, "-8<-"),
        ('------8<------ ".git/config"', 1, "------8<------"),
        ('    --8<-- ".git/config"', 5, "--8<--"),  # indented: in a code block, still included
        ('\t--8<-- ".git/config"', 2, "--8<--"),
        ('--8<-- ".git/config:1:3"', 1, "--8<--"),  # line ranges
        ('--8<-- ".git/config:core"', 1, "--8<--"),  # a section
        ('--8<-- "https://example.com/x.md"', 1, "--8<--"),  # a URL (url_download)
        (';--8<-- ".git/config"', 2, "--8<--"),  # escaped once: shown, but ';;' includes
        ("Text --8<-- [start:core] more", 6, "--8<--"),  # a section marker, anywhere
        ("--8<--", 1, "--8<--"),  # a block of paths until the next one
        ("-" * 30 + "8<" + "-" * 30 + ' "x"', 1, "--8<--"),  # shown short
    ],
)
def test_every_snippet_syntax_is_refused_at_its_line_and_column(line, column, shown):
    assert problems(f"\nIntro.\n\n{line}\n") == [f"13:{column}: '{shown}' {SCISSORS}"]


def test_a_snippet_block_is_one_problem_a_line_and_many_are_counted():
    body = "--8<--\n.git/config\n--8<--\n\n" + '--8<-- "CONTRIBUTING.md"\n\n' * 199
    found = problems(body)
    assert found[:3] == [f"10:1: '--8<--' {SCISSORS}", f"12:1: '--8<--' {SCISSORS}"] + [
        f"14:1: '--8<--' {SCISSORS}"
    ]
    assert len(found) == 11 and found[-1] == "30:1: and 191 more problems like the above"


def test_scissors_that_are_not_a_snippet_pass():
    assert problems("Cut here: 8<- or -8 < and 8<-- without a dash before.\n") == []


def test_finding_scissors_is_linear():
    body = ("-" * 7000 + "8<\n\n") * 12 + "-8<-" * 1900  # one line of 1,900 snippets
    started = time.perf_counter()
    found = write_up_problems(body, 1)
    assert time.perf_counter() - started < 1
    assert [(line, column) for line, column, _ in found] == [(25, 1)]
    assert "'-8<--' includes another file" in found[0][2]
