"""One total, deterministic order of events and grouping by year and month."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from .dates import sort_key
from .model import Event


def event_key(event: Event) -> tuple:
    """Starting UTC instant, then coarser precision first, then title, then file path."""
    return (*sort_key(event.date), event.title, event.path)


def order_events(events: Iterable[Event], newest_first: bool = False) -> list[Event]:
    return sorted(events, key=event_key, reverse=newest_first)


def period(event: Event) -> tuple[int, int | None]:
    """The (year, month) an event is filed under: that of its starting UTC instant, so that
    groups follow the order (a time late on 30 September at UTC-4 is filed under October).
    Year-precision events have month None and come first in their year."""
    start = event.date.start()
    return start.year, (start.month if event.date.month is not None else None)


def group_by_year(events: Iterable[Event]) -> list[tuple[int, list[Event]]]:
    return [(year, list(items)) for year, items in groupby(events, key=lambda e: period(e)[0])]


def group_by_month(events: Iterable[Event]) -> list[tuple[int | None, list[Event]]]:
    """Consecutive events of one year by month; year-precision events form a group of None."""
    return [(month, list(items)) for month, items in groupby(events, key=lambda e: period(e)[1])]


def group_by_year_and_month(
    events: Iterable[Event],
) -> list[tuple[int, list[tuple[int | None, list[Event]]]]]:
    """[(2024, [(None, [...]), (10, [...]), ...]), ...] from an ordered list of events."""
    return [(year, group_by_month(items)) for year, items in group_by_year(events)]
