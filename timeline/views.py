"""What readers' pages show: which events each timeline page lists (the main page, one page per
year once the timeline is large, and one page per month of a year with many events), where an
event stands, filter choices, key events and the latest additions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from .dates import PartialDate
from .exports.entries import latest
from .history import published
from .model import STATUSES, TIMELINE_PAGE, Event
from .naming import slugify
from .ordering import group_by_month, group_by_year, period
from .registry import Registry


def year_page(year: int, root: str = "timeline") -> str:
    """The content path of a year's page: 'timeline/2024/index.md' (or 'actors/x/2024/...')."""
    return f"{root}/{year}/index.md"


def month_page_path(year: int, month: int, root: str = "timeline") -> str:
    """The content path of a month's page: 'timeline/2024/10/index.md'."""
    return f"{root}/{year}/{month:02d}/index.md"


def month_anchor(year: int, month: int | None) -> str:
    """The id of a month's group on a timeline page (year-precision events have their own)."""
    return f"month-{year}-{month:02d}" if month else f"year-{year}-undated"


@dataclass(frozen=True)
class Layout:
    """The timeline pages: the main page's events, the year pages (none for a small timeline) and
    the month pages of years with many events.

    Past `year_pages_after` events the main page lists only the latest ones, so that no page grows
    without bound; every event is then on its year's page, which is where links to it point.
    A year with more than `month_pages_after` events has a page per month instead: its year page
    lists its months (with links) and only its events dated to the year alone, which belong to no
    month; every other event of that year is on its month's page, where links to it point.

    The same layout bounds the list of any subset of the events (an actor's, a tag's): its main
    page is then `main_path`, and its year and month pages are under `root`.
    """

    main: tuple[Event, ...]
    years: tuple[tuple[int, tuple[Event, ...]], ...] = ()
    months: tuple[tuple[int, int, tuple[Event, ...]], ...] = ()
    _main_months: frozenset[tuple[int, int | None]] = field(default=frozenset(), repr=False)
    main_path: str = TIMELINE_PAGE
    root: str = "timeline"

    @property
    def split(self) -> bool:
        return bool(self.years)

    @cached_property
    def _years_by_month(self) -> frozenset[int]:
        return frozenset(year for year, _, _ in self.months)

    def by_month(self, year: int) -> bool:
        """Whether a year's events are on month pages."""
        return year in self._years_by_month

    def pages(self) -> list[tuple[str, int | None, int | None, tuple[Event, ...]]]:
        """(content path, year or None for the main page, month or None, events listed) for
        every page; a year page by month lists only the year's events of unknown month."""
        root = self.root
        found: list[tuple[str, int | None, int | None, tuple[Event, ...]]] = [
            (self.main_path, None, None, self.main)
        ]
        for year, events in self.years:
            if self.by_month(year):
                undated = tuple(e for e in events if period(e)[1] is None)
                found.append((year_page(year, root), year, None, undated))
                found += [
                    (month_page_path(y, m, root), y, m, items)
                    for y, m, items in self.months
                    if y == year
                ]
            else:
                found.append((year_page(year, root), year, None, events))
        return found

    @cached_property
    def _by_year(self) -> dict[int, tuple[Event, ...]]:
        return dict(self.years)

    def year_events(self, year: int) -> tuple[Event, ...]:
        """Every event of a year that has a page (also those listed on its month pages)."""
        return self._by_year.get(year, ())

    def year_list(self) -> list[tuple[int, str, int]]:
        """(year, content path, number of events) of each year page."""
        return [(year, year_page(year, self.root), len(items)) for year, items in self.years]

    def month_list(self, year: int) -> list[tuple[int, str, int]]:
        """(month, content path, number of events) of each month page of a year."""
        return [
            (m, month_page_path(y, m, self.root), len(items))
            for y, m, items in self.months
            if y == year
        ]

    def page_of(self, event: Event) -> str:
        """The page that is an event's home in this layout."""
        return self.month_page(*period(event)) if self.split else self.main_path

    def month_page(self, year: int, month: int | None, here: str | None = None) -> str:
        """The page a link to a month's group should go to: the main page while there are no
        year pages, or when linking from the main page and it lists the whole month; otherwise
        the month's own page if its year has month pages, else the month's year page."""
        if not self.split or (here == self.main_path and (year, month) in self._main_months):
            return self.main_path
        if month is not None and self.by_month(year):
            return month_page_path(year, month, self.root)
        return year_page(year, self.root)


def plan_pages(
    events: Sequence[Event],
    year_pages_after: int,
    main_page_events: int,
    month_pages_after: int | None = None,
    main_path: str = TIMELINE_PAGE,
    root: str = "timeline",
) -> Layout:
    """Lay out the ordered events on the main page, on year pages once they are too many, and on
    month pages for a year of more than `month_pages_after` events (None: never). The main page
    is `main_path`; year and month pages are under `root`."""
    if len(events) <= year_pages_after:
        return Layout(main=tuple(events), main_path=main_path, root=root)
    main = tuple(events[len(events) - main_page_events :]) if main_page_events > 0 else ()
    cut = len(events) - len(main)
    # a month is wholly on the main page when none of its events was cut off
    partial = {period(e) for e in events[:cut]}
    whole = frozenset(period(e) for e in main) - partial
    years = tuple((year, tuple(items)) for year, items in group_by_year(events))
    months = tuple(
        (year, month, tuple(items))
        for year, in_year in years
        if month_pages_after is not None and len(in_year) > month_pages_after
        for month, items in group_by_month(in_year)
        if month is not None
    )
    return Layout(
        main=main,
        years=years,
        months=months,
        _main_months=whole,
        main_path=main_path,
        root=root,
    )


def tag_slugs(tags: Sequence[str]) -> dict[str, str]:
    """Tag -> the slug of its page ('Kursk offensive' -> 'kursk-offensive'), unique: tags that
    read the same in ASCII get '-2', '-3' in the order given."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for tag in tags:
        base = slugify(tag, max_words=20, fallback="tag")
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        slugs[tag] = slug
        taken.add(slug)
    return slugs


@dataclass(frozen=True, slots=True)
class Position:
    """Where an event stands: the k-th of n events, and the k-th of n in its year."""

    index: int
    total: int
    year: int
    index_in_year: int
    year_total: int


def positions(events: Sequence[Event]) -> dict[str, Position]:
    """Event id -> its position, for an ordered list of events (one pass per year)."""
    found: dict[str, Position] = {}
    index = 0
    for year, items in group_by_year(events):
        for in_year, event in enumerate(items, start=1):
            index += 1
            found[event.id] = Position(index, len(events), year, in_year, len(items))
    return found


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


def filter_choices(events: Sequence[Event], registry: Registry) -> FilterChoices:
    """The values present among `events` for each filter, with their counts: actors and tags
    by name, statuses in their order of certainty, years in order."""
    actors = Counter(a for e in events for a in e.actors)
    tags = Counter(t for e in events for t in e.tags)
    statuses = Counter(e.status for e in events)
    years = Counter(period(e)[0] for e in events)
    return FilterChoices(
        actors=tuple(
            Choice(a, registry[a].name, n)
            for a, n in sorted(actors.items(), key=lambda i: (registry[i[0]].name.casefold(), i[0]))
        ),
        tags=tuple(
            Choice(t, t, n) for t, n in sorted(tags.items(), key=lambda i: (i[0].casefold(), i[0]))
        ),
        statuses=tuple(Choice(s, s.capitalize(), statuses[s]) for s in STATUSES if statuses[s]),
        years=tuple(Choice(str(y), str(y), n) for y, n in sorted(years.items())),
    )


def key_events(events: Sequence[Event]) -> list[Event]:
    """The events marked `key: true`, in timeline order."""
    return [event for event in events if event.key]


def latest_additions(
    events: Sequence[Event],
    limit: int,
    git_dates: Mapping[str, datetime] | None = None,
) -> list[tuple[Event, PartialDate | None]]:
    """The `limit` most recently added events, newest first, by the same rule as the feeds
    (`history.published`: front matter `added`, else the commit that added the file, else the
    event's own date), each with the day it was added when that is known."""
    git_dates = git_dates or {}
    when = {event.id: published(event, git_dates) for event in events}
    result = []
    for entry in latest(events, when, limit):
        event = entry.event
        known = event.added or (_day(git_dates[event.path]) if event.path in git_dates else None)
        result.append((event, known))
    return result


def _day(when: datetime) -> PartialDate:
    return PartialDate(when.year, when.month, when.day)
