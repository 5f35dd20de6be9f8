"""What only the whole site shows about figures and claims: a figure's measure is in the
registry, and an event `follows` another published event that comes no later than itself.

An entry that breaks one of these is an error, left out like any invalid entry; leaving it out
can break an entry that follows it, so the check runs until nothing changes.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping

from ..model import Event, Measure, Problem


def claim_problems(
    results: list, measures: Mapping[str, Measure], shown: Callable[[str], str], whole: bool
) -> list:
    """(content path, event, problems) per file, with each event whose figures name an
    unknown measure, or whose `follows` lead nowhere, a draft, itself or later, turned into an
    invalid entry with its problems. `whole`: every entry is read (not `timeline check PATH`),
    so `follows` can be checked."""
    results = [_measures(r, measures, shown) for r in results]
    files = {path.rsplit("/", 1)[-1].removesuffix(".md") for path, _, _ in results}
    while whole:
        events = {e.id: e for _, e, _ in results if e is not None and not e.draft}
        drafts = {e.id for _, e, _ in results if e is not None and e.draft}
        checked = [_follows(r, events, drafts, files, shown) for r in results]
        if all(a[1] is b[1] for a, b in zip(results, checked)):
            return checked
        results = checked
    return results


def _problem(path: str, at: tuple[int, int], field: str, message: str) -> Problem:
    return Problem(path, at[0], at[1], field, message)


def _hint(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=2, cutoff=0.6)
    return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""


def _measures(result: tuple, measures: Mapping[str, Measure], shown) -> tuple:
    path, event, problems = result
    if event is None or not event.figures:
        return result
    found = [
        _problem(
            shown(path),
            figure.at,
            f"figures[{index}].measure",
            f"unknown measure '{figure.measure}'{_hint(figure.measure, measures)}; "
            "measures are listed in measures.yml",
        )
        for index, figure in enumerate(event.figures)
        if figure.measure not in measures
    ]
    return (path, None, problems + found) if found else result


def _follows(
    result: tuple, events: Mapping[str, Event], drafts: set[str], files: set[str], shown
) -> tuple:
    path, event, problems = result
    if event is None or not event.follows:
        return result
    found = []
    for index, follow in enumerate(event.follows):
        field, target = f"follows[{index}].event", events.get(follow.event)
        if follow.event == event.id:
            message = "an event cannot follow itself; name the earlier event it answers"
        elif follow.event in drafts:
            message = f"'{follow.event}' is a draft; follow a published event"
        elif target is None and follow.event in files:
            message = f"'{follow.event}' is not published: it has problems of its own; fix them"
        elif target is None:
            hint = _hint(follow.event, events)
            message = f"'{follow.event}' is not a published event's id{hint}"
        elif target.date.start() > event.date.start():
            message = (
                f"'{follow.event}' ({target.date.iso()}) comes after this event "
                f"({event.date.iso()}); an event follows an earlier one"
            )
        else:
            continue
        found.append(_problem(shown(path), follow.at, field, message))
    return (path, None, problems + found) if found else result
