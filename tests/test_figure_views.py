"""What the figures' views decide: the sentences, the chart's geometry (a point's x for its date
and y for its value), the eras' places on the charts and the timeline, the claims' answers."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import ACTORS

from timeline.check.registry import load_registry
from timeline.check.schema import EVENT_FIELDS, defaults
from timeline.collection import Timeline
from timeline.dates import PartialDate
from timeline.model import Era, Event, Figure, Follow, Measure, Source
from timeline.views import figures as fv
from timeline.views.figure_pages import FigurePages, era_headings, overview_eras
from timeline.views.overview import overview

TROOPS = Measure("troops", "Troops sent", "troops sent", "")
NAMES = {"nis": "NIS", "pentagon": "Pentagon"}


def event(event_id: str, day: PartialDate, *figures: Figure, follows=()) -> Event:
    return Event(
        **{
            **defaults(EVENT_FIELDS),
            "figures": figures,
            "follows": tuple(follows),
        },
        id=event_id,
        path=f"events/{day.year}/{event_id}.md",
        title=f"Event {event_id}",
        date=day,
        actors=("nis",),
        summary="Something.",
        sources=(Source("AP", "https://apnews.com/x"),),
        body="",
        body_line=1,
    )


def test_a_figure_reads_as_an_attributed_sentence():
    figure = Figure("troops", "nis", value=11000, qualifier="about", as_of=PartialDate(2024, 10))
    line = fv.sentence(figure, NAMES, TROOPS)
    assert str(line) == "NIS: about 11,000 troops sent, as of October 2024"
    assert line.said == "about 11,000 troops sent"
    ranged = Figure("troops", "pentagon", low=11000, high=12000, note="a range")
    assert (
        str(fv.sentence(ranged, NAMES, TROOPS)) == "Pentagon: 11,000–12,000 troops sent (a range)"
    )
    assert fv.amount(Figure("troops", "nis", value=2.5)) == "2.5"


def test_the_scale_runs_over_whole_months_from_zero_to_a_round_top():
    assert [fv.nice_ceiling(v) for v in (0, 3, 11, 12000, 15000, 2600)] == [
        1,
        5,
        20,
        20000,
        20000,
        5000,
    ]
    scale = fv.Scale([datetime(2024, 10, 18, tzinfo=UTC), datetime(2024, 11, 4, tzinfo=UTC)], 15000)
    assert scale.start == datetime(2024, 10, 1, tzinfo=UTC)
    assert scale.end == datetime(2024, 12, 1, tzinfo=UTC)
    assert scale.x(scale.start) == fv.LEFT and scale.x(scale.end) == fv.WIDTH - fv.RIGHT
    assert scale.y(0) == fv.HEIGHT - fv.BOTTOM and scale.y(20000) == fv.TOP


def test_each_point_is_at_its_date_and_value_one_series_per_source():
    items = fv.stated(
        [
            event("a", PartialDate(2024, 10, 18), Figure("troops", "nis", value=1500)),
            event(
                "b", PartialDate(2024, 11, 4), Figure("troops", "pentagon", low=11000, high=12000)
            ),
            event(
                "c",
                PartialDate(2024, 11, 30),
                Figure(
                    "troops",
                    "nis",
                    value=3000,
                    qualifier="at least",
                    as_of=PartialDate(2024, 10, 23),
                ),
            ),
        ],
        NAMES,
    )["troops"]
    assert [s.event.id for s in items] == ["a", "c", "b"]  # by the date each refers to
    chart = fv.chart(TROOPS, items, (), lambda e: e.url)
    span = 61  # days of October and November 2024
    plot_w, plot_h = fv.WIDTH - fv.LEFT - fv.RIGHT, fv.HEIGHT - fv.TOP - fv.BOTTOM
    nis, pentagon = chart.series
    assert (nis.name, pentagon.name) == ("NIS", "Pentagon") and nis.css != pentagon.css
    first, second = nis.points
    assert first.x == round(fv.LEFT + plot_w * 17 / span, 2)
    assert first.y == round(fv.HEIGHT - fv.BOTTOM - plot_h * 1500 / 20000, 2)
    assert second.x == round(fv.LEFT + plot_w * 22 / span, 2)  # its as_of, 23 October
    assert second.mark == "≥" and first.mark == ""
    assert nis.steps == f"M{first.x},{first.y}H{second.x}V{second.y}"
    [band] = pentagon.points
    assert band.y_low == round(fv.HEIGHT - fv.BOTTOM - plot_h * 11000 / 20000, 2)
    assert band.y_high == round(fv.HEIGHT - fv.BOTTOM - plot_h * 12000 / 20000, 2)
    assert band.url == "events/2024/b/" and "11,000–12,000 troops sent" in band.label
    assert [t.label for t in chart.y_ticks] == ["0", "5,000", "10,000", "15,000", "20,000"]
    assert [t.label for t in chart.x_ticks] == ["Oct 2024", "Nov"]
    assert chart.caption.startswith("Troops sent: 3 stated figures from 2 sources")
    assert fv.chart(TROOPS, [], (), str) is None


def test_eras_are_shaded_where_they_overlap_the_chart():
    scale = fv.Scale([datetime(2024, 10, 1, tzinfo=UTC), datetime(2024, 12, 5, tzinfo=UTC)], 10)
    eras = (
        Era("Before", PartialDate(2024, 1), PartialDate(2024, 6), ""),
        Era("Kursk", PartialDate(2024, 10, 31), PartialDate(2024, 11), ""),
        Era("Open", PartialDate(2024, 12, 16), None, ""),
    )
    kursk, still = fv.era_bands(eras, scale)
    assert kursk.x == scale.x(datetime(2024, 10, 31, tzinfo=UTC))
    assert kursk.x + kursk.width == scale.x(datetime(2024, 12, 1, tzinfo=UTC))  # all November
    assert still.x + still.width == fv.WIDTH - fv.RIGHT and "from 16 December 2024" in still.label
    assert (kursk.shade, still.shade) == (1, 0)


def test_an_era_heading_goes_before_its_first_event_and_bands_on_the_month_chart():
    events = [
        event("a", PartialDate(2024, 10, 1)),
        event("b", PartialDate(2024, 10, 31)),
        event("c", PartialDate(2025, 1, 5)),
    ]
    eras = (
        Era("Kursk", PartialDate(2024, 10, 31), PartialDate(2024, 12), ""),
        Era("Gap", PartialDate(2024, 11, 15), PartialDate(2024, 12, 1), ""),
        Era("Open", PartialDate(2025, 1), None, ""),
    )
    headings = era_headings(events, eras)
    assert {k: [h.era.title for h in v] for k, v in headings.items()} == {
        "b": ["Kursk"],
        "c": ["Open"],
    }
    assert era_headings(events[1:], eras) == {"c": headings["c"]}  # not before a page's first
    bands = overview_eras(overview(events), eras)
    assert [(b.title, b.left, b.share) for b in bands] == [
        ("Kursk", 0.0, 75.0),
        ("Gap", 25.0, 50.0),
        ("Open", 75.0, 25.0),
    ]


def test_a_claim_shows_what_became_of_it_and_the_answer_what_it_answers():
    claim = event("2025-01-11-claim", PartialDate(2025, 1, 11))
    answer = event(
        "2025-01-12-answer",
        PartialDate(2025, 1, 12),
        Figure("troops", "nis", value=2),
        follows=[Follow("2025-01-11-claim", "confirms")],
    )
    timeline = Timeline(events=(claim, answer), registry=_registry(), measures={"troops": TROOPS})
    pages = FigurePages(timeline)
    said = pages.event_context(claim)["answered"]
    assert [(a.said, a.event.id) for a in said] == [("Later confirmed by", "2025-01-12-answer")]
    context = pages.event_context(answer)
    assert [(a.said, a.event.id) for a in context["answers"]] == [("Confirms", "2025-01-11-claim")]
    [(line, link)] = context["figures"]
    assert str(line) == "National Intelligence Service: 2 troops sent" and link == "figures/troops/"
    assert pages.uris() == ["figures/index.md", "figures/troops.md"]
    assert pages.meta("figures/troops.md")["description"] == "Troops sent: 1 stated figure."
    assert pages.parts("figures/troops.md", {}).after.template == "figure.html"
    assert FigurePages(Timeline(events=(), registry=_registry())).uris() == []


def _registry():
    return load_registry(ACTORS.encode(), "actors.yml")[0]


def test_a_source_keeps_its_colour_and_shape_on_every_chart():
    killed = Measure("killed", "Killed", "killed", "")
    events = (
        event("a", PartialDate(2024, 10, 1), Figure("troops", "lloyd-austin", value=1)),
        event("b", PartialDate(2024, 10, 2), Figure("killed", "nis", value=1)),
        event("c", PartialDate(2024, 10, 3), Figure("troops", "nis", value=2)),
    )
    measures = {"troops": TROOPS, "killed": killed}
    pages = FigurePages(Timeline(events=events, registry=_registry(), measures=measures))
    troops, dead = pages.chart(TROOPS), pages.chart(killed)
    assert [(s.actor, s.css, s.shape) for s in troops.series] == [
        ("lloyd-austin", "tl-series-0", "circle"),
        ("nis", "tl-series-1", "square"),
    ]
    assert [(s.actor, s.css, s.shape) for s in dead.series] == [("nis", "tl-series-1", "square")]


def test_more_sources_than_colours_still_differ_in_colour_or_shape():
    from timeline.views.figures import Stated, chart

    ids = ["a", "b", "c", "d", "e", "f", "g", "h"]  # eight sources, six colours
    items = []
    for i, who in enumerate(ids):
        day, figure = PartialDate(2024, 10, i + 1), Figure("troops", who, value=i + 1)
        items.append(Stated(figure, event(who, day, figure), day, who))
    drawn = chart(TROOPS, items, (), lambda e: "")
    marks = [(s.css, s.shape) for s in drawn.series]
    assert len(set(marks)) == len(ids), marks


def test_a_measure_of_many_figures_gets_a_page_per_year_and_no_page_lists_them_all():
    """Past `year_pages_after` figures, a measure's page charts and lists the latest ones and
    links a page per year, which charts and lists that year's: every figure is on one year's
    page, and no page grows with the measure."""
    days = [PartialDate(year, month, 1) for year in (2023, 2024, 2025) for month in range(1, 13)]
    events = tuple(
        event(f"{d.year}-{d.month:02d}-01-e{i}", d, Figure("troops", "nis", value=i + 1))
        for i, d in enumerate(days)
    )
    timeline = Timeline(events=events, registry=_registry(), measures={"troops": TROOPS})
    small = FigurePages(timeline, year_pages_after=36)
    assert small.uris() == ["figures/index.md", "figures/troops.md"]
    assert len(small.parts("figures/troops.md", {}).after.context["rows"]) == 36

    pages = FigurePages(timeline, year_pages_after=20, latest=5)
    years = ["figures/troops/2023/index.md", "figures/troops/2024/index.md"]
    years.append("figures/troops/2025/index.md")
    assert pages.uris() == ["figures/index.md", "figures/troops.md", *years]
    main = pages.parts("figures/troops.md", {}).after.context
    assert [row.event.id for row in main["rows"]] == [e.id for e in events[-5:]]
    assert len(main["chart"].series[0].points) == 5 and main["total"] == 36
    assert main["year"] is None
    assert main["years"] == [(y, f"figures/troops/{y}/", 12) for y in (2023, 2024, 2025)]
    listed = []
    for uri in years:
        context = pages.parts(uri, {}).after.context
        assert {row.date.year for row in context["rows"]} == {context["year"]}
        assert len(context["chart"].series[0].points) == 12
        listed += [row.event.id for row in context["rows"]]
    assert listed == [e.id for e in events]
    assert pages.meta(years[1]) == {
        "title": "Troops sent, 2024",
        "description": "Troops sent, 2024: 12 stated figures.",
    }
    assert pages.meta("figures/troops.md")["description"] == "Troops sent: 36 stated figures."
    index = pages.parts("figures/index.md", {}).after.context
    [(_measure, _url, chart, count)] = index["measures"]
    assert len(chart.series[0].points) == 5 and count == 36 and "troops" in index["split"]
