"""Where events are listed: the main timeline page, one page per year once the timeline is large,
and one page per month of a busy year; the same rule bounds an actor's or a tag's list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..model import TIMELINE_PAGE, Event
from ..ordering import group_by_month, group_by_year, period
from ..read.naming import slugify


def year_page(year: int, root: str = "timeline") -> str:
    """The content path of a year's page: 'timeline/2024/index.md' (or 'actors/x/2024/...')."""
    return f"{root}/{year}/index.md"


def month_page_path(year: int, month: int, root: str = "timeline") -> str:
    """The content path of a month's page: 'timeline/2024/10/index.md'."""
    return f"{root}/{year}/{month:02d}/index.md"


def month_anchor(year: int, month: int | None) -> str:
    """The id of a month's group on a timeline page (year-precision events have their own)."""
    return f"month-{year}-{month:02d}" if month else f"year-{year}-undated"


def event_anchor(event: Event) -> str:
    """The id of an event's item on a timeline page: its id ('2024-10-31-austin-visits-seoul')."""
    return event.id


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
