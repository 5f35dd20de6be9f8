"""The figures' pages (`/figures/` and a page per measure), what an event page says of its
figures and of the claims it answers or that answer it, and where eras are shown on the
timeline and its chart; `site.SiteMap` asks this for all of it.

A measure of more than `year_pages_after` stated figures gets a page per year, as the timeline
does: its page then charts and lists the latest `main_page_events`, and links the years; each
year's page charts and lists that year's. So no figures page grows without bound.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import words
from ..collection import Timeline
from ..model import FIGURES_PAGE, Era, Event, Measure, figure_page, page_url
from ..words import N_, _
from .figures import Stated, amount, chart, era_span, sentence, stated
from .layout import year_page
from .overview import Overview
from .pages import Fragment, PageParts

LATER_BY = {
    "confirms": N_("Later confirmed by"),
    "denies": N_("Later denied by"),
    "disputes": N_("Later disputed by"),
    "corrects": N_("Later corrected by"),
    "updates": N_("Later updated by"),
}
"""What a later event did to an earlier one, as the earlier one's page says it ("Later
confirmed by ...")."""
LATER = {
    "confirms": N_("Later confirmed"),
    "denies": N_("Later denied"),
    "disputes": N_("Later disputed"),
    "corrects": N_("Later corrected"),
    "updates": N_("Later updated"),
}
"""The same as a claim's marker on the timeline."""
ANSWERS = {
    "confirms": N_("Confirms"),
    "denies": N_("Denies"),
    "disputes": N_("Disputes"),
    "corrects": N_("Corrects"),
    "updates": N_("Updates"),
}
"""What an event does to the earlier claim it follows, as its page says it."""


@dataclass(frozen=True, slots=True)
class Answer:
    """A link between a claim and an event that answers it, as one page shows it."""

    outcome: str  # confirms, denies...
    said: str  # "Later confirmed by" / "Confirms"
    event: Event


@dataclass(frozen=True, slots=True)
class EraHeading:
    era: Era
    span: str


class FigurePages:
    """Every figure page of a build and the figures' parts of the other pages."""

    def __init__(self, timeline: Timeline, year_pages_after: int = 200, latest: int = 50):
        self.timeline = timeline
        self.names = {actor.id: actor.name for actor in timeline.registry}
        self.stated = stated(timeline.events, self.names)
        self.pages = {figure_page(m): measure for m, measure in timeline.measures.items()}
        self.by_id = {event.id: event for event in timeline.events}
        sources = dict.fromkeys(f.by for e in timeline.events for f in e.figures)
        self.colours = {actor_id: number for number, actor_id in enumerate(sources)}
        """Each source's series keeps one colour and shape on every chart."""
        self.latest = max(1, latest)
        self.years: dict[str, list[tuple[int, str, int]]] = {}
        """Measure id -> (year, content path, figures) of each of its year pages, if it has any."""
        self.year_pages: dict[str, tuple[Measure, int]] = {}
        self.by_year: dict[tuple[str, int], list[Stated]] = {}
        for measure_id, rows in self.stated.items():
            if len(rows) > year_pages_after and measure_id in timeline.measures:
                root = figure_page(measure_id).removesuffix(".md")
                for row in rows:  # in date order: the years come in order
                    self.by_year.setdefault((measure_id, row.date.year), []).append(row)
                years = sorted({row.date.year for row in rows})
                self.years[measure_id] = [
                    (y, year_page(y, root), len(self.by_year[measure_id, y])) for y in years
                ]
                for year in years:
                    self.year_pages[year_page(year, root)] = (timeline.measures[measure_id], year)

    def uris(self) -> list[str]:
        return [FIGURES_PAGE, *self.pages, *self.year_pages] if self.pages else []

    def rows(self, measure: Measure, year: int | None = None) -> list[Stated]:
        """The figures a measure's page lists: all of them, or with year pages the latest on
        its own page and a year's on that year's."""
        if year is not None:
            return self.by_year[measure.id, year]
        rows = self.stated.get(measure.id, [])
        return rows[-self.latest :] if measure.id in self.years else rows

    def _measure(self, uri: str) -> tuple[Measure, int | None] | None:
        """The measure a page charts, and the year for a year's page."""
        if (measure := self.pages.get(uri)) is not None:
            return measure, None
        return self.year_pages.get(uri)

    def chart(self, measure: Measure, year: int | None = None):
        eras = self.timeline.eras
        rows = self.rows(measure, year)
        return chart(measure, rows, eras, lambda event: event.url, self.colours)

    def meta(self, uri: str) -> dict[str, Any] | None:
        if uri == FIGURES_PAGE and self.pages:
            return {"title": _("Figures"), "description": _("Every stated figure, by measure.")}
        if (found := self._measure(uri)) is None:
            return None
        measure, year = found
        title = measure.name if year is None else _("%(name)s, %(period)s") % {
            "name": measure.name, "period": str(year),
        }  # fmt: skip
        count = (
            len(self.stated.get(measure.id, [])) if year is None else len(self.rows(measure, year))
        )
        said = words.count(count, "%(num)d stated figure", "%(num)d stated figures")
        return {"title": title, "description": f"{title}: {said}."}

    def parts(self, uri: str, common: dict[str, Any]) -> PageParts | None:
        if uri == FIGURES_PAGE and self.pages:
            measures = [
                (m, page_url(figure_page(m.id)), self.chart(m), len(self.stated.get(m.id, [])))
                for m in self.timeline.measures.values()
            ]
            context = {**common, "measures": measures, "latest": self.latest, "split": self.years}
            return PageParts(after=Fragment("figures.html", context))
        if (found := self._measure(uri)) is None:
            return None
        measure, year = found
        rows = self.rows(measure, year)
        context = {
            **common,
            "measure": measure,
            "chart": self.chart(measure, year),
            "rows": rows,
            "amount": amount,
            "index_url": page_url(FIGURES_PAGE),
            "main_url": page_url(figure_page(measure.id)),
            "year": year,
            "years": [(y, page_url(u), n) for y, u, n in self.years.get(measure.id, [])],
            "total": len(self.stated.get(measure.id, [])),
        }
        return PageParts(after=Fragment("figure.html", context))

    def event_context(self, event: Event) -> dict[str, Any]:
        """An event page's figures as sentences (each linked to its measure's page), the
        earlier claims it answers, and the later events that answer it."""
        measures = self.timeline.measures
        figures = [
            (sentence(f, self.names, measures[f.measure]), page_url(figure_page(f.measure)))
            for f in event.figures
        ]
        answers = [
            Answer(f.outcome, _(ANSWERS[f.outcome]), self.by_id[f.event])
            for f in event.follows
            if f.event in self.by_id
        ]
        answered = [
            Answer(outcome, _(LATER_BY[outcome]), later)
            for outcome, later in self.timeline.followed_by.get(event.id, [])
        ]
        return {"figures": figures, "answers": answers, "answered": answered}


def outcome_words(outcome: str) -> str:
    """'confirms' -> 'Later confirmed' (a claim's marker on the timeline)."""
    return _(LATER[outcome])


def era_headings(events: Sequence[Event], eras: Sequence[Era]) -> dict[str, list[EraHeading]]:
    """Event id -> the eras whose heading the timeline shows just before it: the first listed
    event on or after the era's start, unless that is the page's first event (the chart above
    the list names the era the page starts in, and the first screen stays the events')."""
    found: dict[str, list[EraHeading]] = {}
    for era in eras:
        begin = era.start.start()
        first = next((e for e in events if e.date.start() >= begin), None)
        if first is None or first is events[0]:
            continue
        if era.end is None or first.date.start().date() <= era.end.last_day():
            found.setdefault(first.id, []).append(EraHeading(era, era_span(era)))
    return found


@dataclass(frozen=True, slots=True)
class OverviewEra:
    title: str
    label: str
    left: float  # percent of the chart's width
    share: float
    shade: int  # 0 or 1: neighbouring eras are told apart


def overview_eras(chart: Overview | None, eras: Sequence[Era]) -> list[OverviewEra]:
    """The eras as bands behind the events-per-month chart, on its month slots."""
    if chart is None or not chart.bars:
        return []
    first = chart.bars[0].year * 12 + chart.bars[0].month - 1
    slots = chart.width // chart.slot
    bands = []
    for number, era in enumerate(eras):
        start = max(0, era.start.year * 12 + (era.start.month or 1) - 1 - first)
        if era.end is None:
            stop = slots
        else:
            stop = min(slots, era.end.year * 12 + (era.end.month or 12) - first)
        if stop <= start:
            continue
        left, share = round(100 * start / slots, 3), round(100 * (stop - start) / slots, 3)
        label = f"{era.title}: {era_span(era)}"
        bands.append(OverviewEra(era.title, label, left, share, number % 2))
    return bands
