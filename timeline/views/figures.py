"""Figures as readers see them: each stated figure as a sentence with its source, and a
measure's chart as geometry computed at build time (the template draws the SVG from these
numbers; nothing is measured in the browser).

A chart has one series per actor who stated figures, never merged or averaged: a point per
value, a band per range, a step line through the series, the qualifier beside each point
(≥ at least, > more than, ≤ up to, ~ about) and the eras shaded behind.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..dates import PartialDate
from ..model import Era, Event, Figure, Measure
from ..words import N_, _, active, count, full_stop

WIDTH, HEIGHT = 640, 260  # the drawing, in viewBox units
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 24, 30  # room for the axes' labels
BAND = 8  # a range's band, wide
SERIES_CLASSES = 6
"""Series are told apart by a colour and a shape each (`tl-series-0`…`5`), never colour alone."""
SHAPES = ("circle", "square", "diamond", "triangle")
"""A series' mark: with its colour (one of `SERIES_CLASSES`), told apart for up to 24 sources."""
QUALIFIER_MARKS = {"about": "~", "at least": "≥", "more than": ">", "up to": "≤"}
QUALIFIER_WORDS = {
    "about": N_("about %(amount)s"),
    "at least": N_("at least %(amount)s"),
    "more than": N_("more than %(amount)s"),
    "up to": N_("up to %(amount)s"),
}
"""A qualifier as a sentence says it, in the site's language."""
DAY = timedelta(days=1)


def amount(figure: Figure) -> str:
    """'about 11,000' or '11,000–12,000', as a sentence says it."""
    if figure.value is not None:
        shown = _number(figure.value)
    else:
        shown = f"{_number(figure.low)}–{_number(figure.high)}"
    if figure.qualifier in QUALIFIER_WORDS:
        return _(QUALIFIER_WORDS[figure.qualifier]) % {"amount": shown}
    return f"{figure.qualifier} {shown}" if figure.qualifier else shown


def _number(value: int | float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6f}".rstrip("0").rstrip(".")


def figure_date(figure: Figure, event: Event) -> PartialDate:
    """The date a figure refers to: its `as_of`, else its event's date."""
    return figure.as_of or event.date


@dataclass(frozen=True, slots=True)
class Sentence:
    """A figure as an event page says it: '{who}: {said}{rest}', e.g. 'National Intelligence
    Service: about 11,000 troops in Russia, as of October 2024 (note)'; `said` links to the
    measure's page."""

    who: str
    said: str
    rest: str

    def __str__(self) -> str:
        return f"{self.who}: {self.said}{self.rest}"


def sentence(figure: Figure, names: Mapping[str, str], measure: Measure) -> Sentence:
    rest = ""
    if figure.as_of is not None:
        rest = _(", as of %(date)s") % {"date": active().date(figure.as_of)}
    if figure.note:
        rest += f" ({figure.note})"
    return Sentence(names[figure.by], f"{amount(figure)} {measure.unit}", rest)


@dataclass(frozen=True, slots=True)
class Stated:
    """One figure with its event, as a chart's table and the exports list it."""

    figure: Figure
    event: Event
    date: PartialDate
    by: str  # the actor's name


def stated(events: Iterable[Event], names: Mapping[str, str]) -> dict[str, list[Stated]]:
    """Measure id -> its figures in order of the date they refer to (then timeline order)."""
    found: dict[str, list[Stated]] = {}
    for event in events:
        for figure in event.figures:
            item = Stated(figure, event, figure_date(figure, event), names[figure.by])
            found.setdefault(figure.measure, []).append(item)
    for items in found.values():
        items.sort(key=lambda s: s.date.start())  # stable: timeline order among equals
    return found


@dataclass(frozen=True, slots=True)
class Point:
    """A figure drawn: at `x` for its date, `y` for its value (or `y_low`..`y_high` for a
    range, its band), the qualifier's mark and what a screen reader says of it."""

    x: float
    y: float
    y_low: float | None
    y_high: float | None
    mark: str
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Series:
    actor: str  # id
    name: str
    css: str  # tl-series-N
    shape: str
    points: tuple[Point, ...]
    steps: str  # an SVG path: the value holds until the actor revises it

    @property
    def dots(self) -> str:
        """Every point as one SVG path of small squares: what a small chart draws (no links,
        no labels: the index of every measure stays small however many figures there are)."""
        return "".join(f"M{p.x - 2:.1f},{p.y - 2:.1f}h4v4h-4z" for p in self.points)


@dataclass(frozen=True, slots=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True, slots=True)
class EraBand:
    title: str
    x: float
    width: float
    label: str
    shade: int  # 0 or 1: neighbouring eras are told apart


@dataclass(frozen=True, slots=True)
class Chart:
    measure: Measure
    series: tuple[Series, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    eras: tuple[EraBand, ...]
    caption: str
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    right_edge: int = WIDTH - RIGHT
    bottom_edge: int = HEIGHT - BOTTOM
    band: int = BAND


class Scale:
    """Dates to x and values to y in the drawing: whole months from the first figure's month
    to the month after the last; from 0 to a round number above the largest value."""

    def __init__(self, dates: Sequence[datetime], top: float):
        first, last = min(dates), max(dates)
        self.start = datetime(first.year, first.month, 1, tzinfo=UTC)
        year, month = divmod(last.year * 12 + last.month, 12)  # the month after the last
        self.end = datetime(year, month + 1, 1, tzinfo=UTC)
        self.top = nice_ceiling(top)

    def x(self, when: datetime) -> float:
        span = (self.end - self.start) / DAY
        return round(LEFT + (WIDTH - LEFT - RIGHT) * ((when - self.start) / DAY) / span, 2)

    def y(self, value: float) -> float:
        return round(HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * value / self.top, 2)

    def months(self) -> list[datetime]:
        found, when = [], self.start
        while when < self.end:
            found.append(when)
            year, month = divmod(when.year * 12 + when.month, 12)
            when = datetime(year, month + 1, 1, tzinfo=UTC)
        return found


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten not below `value` (1 for 0)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def chart(
    measure: Measure,
    items: Sequence[Stated],
    eras: Sequence[Era],
    url_of,
    colours: Mapping[str, int] | None = None,
) -> Chart | None:
    """The chart of one measure's figures (None without any); `url_of(event)` links a point;
    `colours` (actor id -> number) keeps an actor's colour and shape the same on every chart."""
    if not items:
        return None
    values = [s.figure.value if s.figure.value is not None else s.figure.high for s in items]
    scale = Scale([s.date.start() for s in items], max(values))
    by_actor: dict[str, list[Stated]] = {}
    for item in items:
        by_actor.setdefault(item.figure.by, []).append(item)
    series = []
    for number, (actor_id, stated_by) in enumerate(by_actor.items()):
        number = colours.get(actor_id, number) if colours else number
        points = tuple(_point(s, scale, url_of, measure) for s in stated_by)
        steps = ""
        for index, point in enumerate(points):
            level = point.y
            steps += f"M{point.x},{level}" if index == 0 else f"H{point.x}V{level}"
        css, shape = number % SERIES_CLASSES, SHAPES[(number + number // SERIES_CLASSES) % 4]
        series.append(Series(actor_id, stated_by[0].by, f"tl-series-{css}", shape, points, steps))
    return Chart(
        measure,
        tuple(series),
        _x_ticks(scale),
        tuple(Tick(scale.y(v), _number(_tidy(v))) for v in _y_values(scale.top)),
        era_bands(eras, scale),
        _caption(measure, items, by_actor),
    )


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _point(item: Stated, scale: Scale, url_of, measure: Measure) -> Point:
    figure, when = item.figure, item.date.start()
    if figure.value is not None:
        y, low, high = scale.y(figure.value), None, None
    else:
        low, high = scale.y(figure.low), scale.y(figure.high)
        y = round((low + high) / 2, 2)
    label = f"{item.by}: {amount(figure)} {measure.unit}, {active().date(item.date)}"
    mark = QUALIFIER_MARKS.get(figure.qualifier or "", "")
    return Point(scale.x(when), y, low, high, mark, label, url_of(item.event))


def _y_values(top: float) -> list[float]:
    return [top * i / 4 for i in range(5)]


def _x_ticks(scale: Scale) -> tuple[Tick, ...]:
    """Month starts, thinned to at most 8 labels; the year where it changes."""
    months = scale.months()
    step = max(1, math.ceil(len(months) / 8))
    ticks, last_year = [], None
    for when in months[::step]:
        label = active().month_short(when.month)
        if when.year != last_year:
            label, last_year = f"{label} {when.year}", when.year
        ticks.append(Tick(scale.x(when), label))
    return tuple(ticks)


def era_bands(eras: Sequence[Era], scale: Scale) -> tuple[EraBand, ...]:
    """The eras that overlap the chart's span, clipped to it."""
    bands = []
    for number, era in enumerate(eras):
        start = max(era.start.start(), scale.start)
        end = scale.end if era.end is None else min(_after(era.end), scale.end)
        if end <= start:
            continue
        x = scale.x(start)
        label = f"{era.title}: {era_span(era)}"
        bands.append(EraBand(era.title, x, round(scale.x(end) - x, 2), label, number % 2))
    return tuple(bands)


def _after(value: PartialDate) -> datetime:
    """The instant after the last day a date covers (an era ending in October covers it)."""
    last = value.last_day()
    return datetime(last.year, last.month, last.day, tzinfo=UTC) + DAY


def era_span(era: Era) -> str:
    """'October 2024 – April 2025' or 'from September 2025'."""
    words = active()
    if era.end is None:
        return _("from %(date)s") % {"date": words.date(era.start)}
    return _("%(start)s – %(end)s") % {"start": words.date(era.start), "end": words.date(era.end)}


def _caption(measure: Measure, items: Sequence[Stated], by_actor: Mapping) -> str:
    first, last = items[0].date, items[-1].date
    words = active()
    span = words.date(first)
    if first != last:
        span = _("%(first)s to %(last)s") % {"first": span, "last": words.date(last)}
    sources = len(by_actor)
    figures = count(len(items), "%(num)d stated figure", "%(num)d stated figures")
    if sources == 1:
        said = _("%(figures)s from one source") % {"figures": figures}
    else:
        said = count(
            sources, "%(figures)s from %(num)d source", "%(figures)s from %(num)d sources",
            figures=figures,
        )  # fmt: skip
    return f"{measure.name}: {said}, {span}{full_stop(span)} " + _(
        "Each source is drawn apart; figures are never merged or averaged."
    )
