"""Markers (`<!-- timeline:latest 5 -->`): the core's syntax, the problems of a maintainers' page,
and the refusal of any marker in an event's write-up."""

from __future__ import annotations

import time

import pytest

from timeline.check.body import write_up_problems
from timeline.check.markers import LATEST_DEFAULT, LATEST_MAX, find_markers, marker_problems


def test_the_three_markers_are_found_with_their_number():
    text = "<!-- timeline:overview -->\n<!--timeline:key-events-->\n<!--\n timeline:latest 7\n-->"
    found = list(find_markers(text))
    assert [(m.name, m.number, m.problem) for m in found] == [
        ("overview", None, None),
        ("key-events", None, None),
        ("latest", 7, None),
    ]
    assert text[found[1].start : found[1].end] == "<!--timeline:key-events-->"
    assert found[0].limit == LATEST_DEFAULT and found[2].limit == 7


@pytest.mark.parametrize(
    ("marker", "problem"),
    [
        (
            "timeline:keyevents",
            "unknown marker 'timeline:keyevents'; "
            "use embeds, key-events, latest, overview, standfirst",
        ),
        (
            "timeline:",
            "'timeline:' is not a marker; use embeds, key-events, latest, overview, standfirst",
        ),
        ("timeline:latest 5 6", "'timeline:latest 5 6' is not a marker; use embeds, key-events"),
        ("timeline:overview 3", "'timeline:overview' takes no number; write it alone"),
        ("timeline:latest five", "'timeline:latest five': the number must be written in digits"),
        ("timeline:latest ٥", "'timeline:latest ٥': the number must be written in digits"),
        ("timeline:latest 0", f"'timeline:latest 0': give a number from 1 to {LATEST_MAX}"),
        ("timeline:latest 101", f"'timeline:latest 101': give a number from 1 to {LATEST_MAX}"),
        (
            "timeline:latest " + "5" * 5000,
            f"'timeline:latest' takes a number from 1 to {LATEST_MAX}, not one of 5,000 digits",
        ),
    ],
)
def test_a_marker_that_cannot_be_rendered_says_why(marker, problem):
    (found,) = find_markers(f"<!-- {marker} -->")
    assert found.problem is not None and found.problem.startswith(problem)
    assert len(found.problem) < 200  # a hostile name is shortened


def test_five_thousand_digits_are_never_read_as_a_number():
    # int() refuses more than 4,300 digits: this crashed the build
    (found,) = find_markers("<!-- timeline:latest " + "9" * 100_000 + " -->")
    assert found.number is None and found.problem


def test_finding_markers_is_linear_in_the_text():
    # comments do not nest: each search resumes after the '-->' that closed the last one
    text = "<!-- timeline:x " * 50_000 + "-->" + "<!-- timeline:latest 1 -->" * 20_000
    started = time.perf_counter()
    found = list(find_markers(text))
    # linear: a fraction of a second; a search from each opener to the end (50,000 times over a
    # million characters) would take minutes. The bound only tells those apart, on a busy machine
    assert time.perf_counter() - started < 20
    assert len(found) == 20_001
    assert list(find_markers("<!-- timeline:latest 5")) == []  # never closed


def test_a_maintainers_page_gets_a_warning_per_bad_marker_at_its_line_and_column():
    text = (
        "---\ntitle: Home\n---\n# Home\n\n<!-- timeline:key-events -->\n\n"
        "Text <!-- timeline:keyevents --> and <!-- timeline:latest 500 -->\n"
    )
    problems = marker_problems(text, "content/index.md")
    assert [str(p) for p in problems] == [
        "content/index.md:8:6: marker: unknown marker 'timeline:keyevents'; "
        "use embeds, key-events, latest, overview, standfirst",
        f"content/index.md:8:38: marker: 'timeline:latest 500': give a number from 1 to "
        f"{LATEST_MAX}",
    ]
    assert {p.severity for p in problems} == {"warning"}
    assert marker_problems(text, "x.md", first_line=10)[0].line == 17


def test_markers_shown_as_code_on_a_maintainers_page_are_examples():
    text = (
        "Write `<!-- timeline:latest N -->` where the list goes.\n\n"
        "```html\n<!-- timeline:whatever -->\n```\n\n"
        "~~~~\n<!-- timeline:other -->\n~~~\nstill code\n~~~~\n\n"
        "<!-- timeline:wrong -->\n"
    )
    assert [(p.line, p.message) for p in marker_problems(text, "p.md")] == [
        (
            13,
            "unknown marker 'timeline:wrong'; use embeds, key-events, latest, overview, standfirst",
        )
    ]


def test_a_write_up_may_not_use_any_marker():
    body = "\nText.\n\n<!-- timeline:latest 5 -->\n\n`<!-- timeline:overview -->`\n"
    assert write_up_problems(body, 10) == [
        (
            13,
            1,
            "'<!-- timeline:latest 5 -->' is a marker for the site's own pages; "
            "a write-up cannot use one: remove it",
        ),
        (
            15,
            2,
            "'<!-- timeline:overview -->' is a marker for the site's own pages; "
            "a write-up cannot use one: remove it",
        ),
    ]


def test_a_thousand_markers_in_a_write_up_are_counted_not_listed():
    body = "<!-- timeline:latest 5 -->\n\n" * 1000  # the page it made was 18.9 MB
    problems = write_up_problems(body, 1)
    assert len(problems) == 11
    assert problems[-1] == (21, 1, "and 990 more problems like the above")


def test_a_write_up_with_a_huge_number_in_a_marker_is_an_error_not_a_crash():
    body = "<!-- timeline:latest " + "5" * 5000 + " -->\n"
    ((line, column, message),) = write_up_problems(body, 7)
    assert (line, column) == (7, 1)
    assert message.startswith("'<!-- timeline:latest -->' is a marker for the site's own pages")
