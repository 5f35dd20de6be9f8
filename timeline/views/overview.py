"""The visual overview: events per month as bar-chart geometry, computed at build time.

Templates draw the SVG from these numbers; nothing is measured in the browser. The chart runs
over every month from the first with events to the last, so gaps in time show as gaps; each month
with events is one bar. Events dated only to a year are counted apart (`undated`). A timeline
large enough for year pages draws `MONTHS_DRAWN` months at most, its latest (the earlier events
are counted apart, `earlier`), so that a page's chart stays bounded whatever the timeline's age;
a smaller one has a bar per month with events, so never more bars than events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from ..model import Event
from ..ordering import period
from ..words import _, active, count

SLOT = 10  # width of one month in viewBox units
BAR = 8  # width of a bar (the rest of the slot is the gap)
HEIGHT = 50  # the drawing's height
MARK = 6  # room kept at the top for the key-event mark
MIN_BAR = 2  # a month with one event still shows a bar
MIN_PERCENT = 4.0  # the same, in percent of the plot's height (the HTML chart)
EVERY_MONTH_UP_TO = 24  # months in the span up to which every month is named on the axis
QUARTERS_UP_TO = 72  # then every quarter's first month; past it, only each January
MONTHS_DRAWN = 120  # the most months one chart draws: ten years, its latest


@dataclass(frozen=True, slots=True)
class MonthCount:
    year: int
    month: int
    count: int
    key_count: int


def month_counts(events: Iterable[Event]) -> list[MonthCount]:
    """Events and key events per (year, month), in order, for ordered events of known month."""
    counts = []
    dated = (e for e in events if e.date.month is not None)
    for (year, month), items in groupby(dated, key=period):
        items = list(items)
        counts.append(MonthCount(year, month, len(items), sum(1 for e in items if e.key)))
    return counts


@dataclass(frozen=True, slots=True)
class Bar:
    """One month's bar: where it is drawn and what a screen reader says of it."""

    year: int
    month: int
    count: int
    key_count: int
    x: float
    y: float
    width: float
    height: float
    label: str
    left: float  # where the month's slot starts, in percent of the chart's width
    share: float  # the slot's width, in percent of the chart's width
    percent: float = 0.0  # the bar's height in percent of the plot (the busiest month: 100)

    @property
    def key(self) -> bool:
        return self.key_count > 0


@dataclass(frozen=True, slots=True)
class YearMark:
    """A year's label, at `left` percent of the chart's width (where its first month starts)."""

    year: int
    left: float


@dataclass(frozen=True, slots=True)
class Tick:
    """A month named on the axis: at `left` percent, its short name, and its year when it is
    the first tick or a January (where a reader needs the year)."""

    left: float
    share: float
    month: str
    year: int | None
    initial: int = 1  # how much of `month` a phone shows: 'O' of 'Oct'; all of '10월'


def ticks(first: int, slots: int) -> tuple[Tick, ...]:
    """The months named under a chart of `slots` months from month index `first` (year * 12 +
    month - 1): every month of a short span, every quarter of a longer one, else each January."""
    step = 1 if slots <= EVERY_MONTH_UP_TO else 3 if slots <= QUARTERS_UP_TO else 12
    found, words = [], active()
    for index in range(slots):
        year, month = divmod(first + index, 12)
        if month % step:
            continue
        left, share = round(100 * index / slots, 3), round(100 * step / slots, 3)
        shown_year = year if not found or month == 0 else None
        found.append(
            Tick(
                left,
                min(share, round(100 - left, 3)),
                words.month_short(month + 1),
                shown_year,
                words.month_initial(month + 1),
            )
        )
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Overview:
    width: int
    height: int
    bars: tuple[Bar, ...]
    years: tuple[YearMark, ...]
    undated: int  # events dated only to a year, not drawn
    slot: int = SLOT
    mark: int = MARK
    ticks: tuple[Tick, ...] = ()
    top: int = 0  # the most events in one month: the scale's 100 %
    earlier: int = 0  # events before the months drawn (past MONTHS_DRAWN), not drawn

    @property
    def caption(self) -> str:
        first, last = self.bars[0], self.bars[-1]
        words = active()
        span = words.month_year(first.month, first.year)
        if (first.year, first.month) != (last.year, last.month):
            span = _("%(first)s to %(last)s") % {
                "first": span, "last": words.month_year(last.month, last.year),
            }  # fmt: skip
        total = sum(b.count for b in self.bars)
        text = _("Events per month, %(span)s: %(events)s") % {
            "span": span, "events": count(total, "%(num)d event", "%(num)d events"),
        }  # fmt: skip
        if self.undated:
            text += count(
                self.undated,
                ", and %(num)d event dated only to a year",
                ", and %(num)d events dated only to a year",
            )
        return text + "."


def overview(events: Iterable[Event], months: int | None = None) -> Overview | None:
    """The chart of ordered `events` (over at most `months` months, the latest), or None when no
    event has a known month."""
    events = list(events)
    counts = month_counts(events)
    if not counts:
        return None
    undated = sum(1 for e in events if e.date.month is None)
    earlier = 0
    if months is not None:  # from month index `start` (year * 12 + month - 1) on
        start = counts[-1].year * 12 + counts[-1].month - months
        drawn = [c for c in counts if c.year * 12 + c.month - 1 >= start]
        earlier, counts = sum(c.count for c in counts) - sum(c.count for c in drawn), drawn
    first = counts[0].year * 12 + counts[0].month - 1
    slots = counts[-1].year * 12 + counts[-1].month - first
    width = slots * SLOT
    top = max(c.count for c in counts)
    room = HEIGHT - MARK
    bars, words = [], active()
    for c in counts:
        index = c.year * 12 + c.month - 1 - first
        height = max(MIN_BAR, round(room * c.count / top, 2))
        label = words.month_year(c.month, c.year) + ": "
        label += count(c.count, "%(num)d event", "%(num)d events")
        if c.key_count:
            label += ", " + count(c.key_count, "%(num)d key event", "%(num)d key events")
        x = index * SLOT + (SLOT - BAR) / 2
        left, share = round(100 * index * SLOT / width, 3), round(100 * SLOT / width, 3)
        bars.append(
            Bar(
                c.year,
                c.month,
                c.count,
                c.key_count,
                x=x,
                y=HEIGHT - height,
                width=BAR,
                height=height,
                label=label,
                left=left,
                share=share,
                percent=max(MIN_PERCENT, round(100 * c.count / top, 1)),
            )
        )
    years = []
    for year in range(counts[0].year, counts[-1].year + 1):
        index = max(0, year * 12 - first)
        years.append(YearMark(year, round(100 * index * SLOT / width, 3)))
    return Overview(
        width, HEIGHT, tuple(bars), tuple(years), undated, ticks=ticks(first, slots), top=top,
        earlier=earlier,
    )  # fmt: skip
