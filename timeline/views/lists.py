"""What readers' pages show besides the layout: filter choices, key events and the latest
additions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..check.registry import Registry
from ..collection import Timeline
from ..dates import PartialDate
from ..model import STATUSES, Event, page_url, tag_page
from ..ordering import period
from ..words import status_label


@dataclass(frozen=True, slots=True)
class Choice:
    """One value a reader can filter by: what the URL carries, what the reader sees, how many."""

    value: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class FilterChoices:
    actors: tuple[Choice, ...]
    tags: tuple[Choice, ...]
    statuses: tuple[Choice, ...]
    years: tuple[Choice, ...]
    places: tuple[Choice, ...] = ()


def filter_choices(events: Sequence[Event], registry: Registry) -> FilterChoices:
    """The values present among `events` for each filter, with their counts: actors and tags
    by name, statuses in their order of certainty, years in order."""
    actors = Counter(a for e in events for a in e.actors)
    tags = Counter(t for e in events for t in e.tags)
    statuses = Counter(e.status for e in events)
    years = Counter(period(e)[0] for e in events)
    named = Counter(p for e in events for p in e.places)
    gazetteer = registry.places
    return FilterChoices(
        actors=tuple(
            Choice(a, registry[a].name, n)
            for a, n in sorted(actors.items(), key=lambda i: (registry[i[0]].name.casefold(), i[0]))
        ),
        tags=tuple(
            Choice(t, t, n) for t, n in sorted(tags.items(), key=lambda i: (i[0].casefold(), i[0]))
        ),
        statuses=tuple(Choice(s, status_label(s), statuses[s]) for s in STATUSES if statuses[s]),
        years=tuple(Choice(str(y), str(y), n) for y, n in sorted(years.items())),
        places=tuple(
            Choice(p, gazetteer[p].name, n)
            for p, n in sorted(named.items(), key=lambda i: (gazetteer[i[0]].name.casefold(), i[0]))
        ),
    )


def key_events(events: Sequence[Event]) -> list[Event]:
    """The events marked `key: true`, in timeline order."""
    return [event for event in events if event.key]


def latest_additions(timeline: Timeline, limit: int) -> list[tuple[Event, PartialDate | None]]:
    """The `limit` most recently added events, newest first, by the same rule as the feeds
    (`Timeline.added`), each with the day it was added when that is known."""
    return [
        (entry.event, timeline.added_on.get(entry.event.id)) for entry in timeline.latest(limit)
    ]


TAG_INDEX_EVENTS = 20
"""The tags index lists a tag's events itself up to this many; past it, only the link to the
tag's own page (mkdocs-material's listing names every page under every tag: unbounded)."""


def tag_entry(timeline: Timeline, slugs, tag: str, mappings: Sequence, src_uri) -> dict:
    """For mkdocs-material's tags index, one tag's entry: the tag's page, its number of events,
    and the pages to list there (its events only when few); `src_uri(mapping)` is a listed
    page's path."""
    tagged = timeline.by_tag[tag]
    paths = {event.path for event in tagged}
    few = len(paths) <= TAG_INDEX_EVENTS
    return {
        "url": page_url(tag_page(slugs[tag])),
        "count": len(paths),
        "events": list(tagged) if few else [],  # in timeline order, with date and status
        "items": [m for m in mappings if src_uri(m) not in paths],  # other pages
    }
