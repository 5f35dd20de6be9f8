"""The events-per-month chart's numbers."""

from __future__ import annotations

from conftest import entry
from test_ordering import timeline_of

from timeline.views.overview import HEIGHT, MONTHS_DRAWN, SLOT, month_counts, overview

EVENTS = {
    "events/y.md": entry(title="Year only", date="2024"),
    "events/a.md": entry(title="A", date="2024-10-01", extra="key: true"),
    "events/b.md": entry(title="B", date="2024-10-31"),
    "events/c.md": entry(title="C", date="2024-10"),
    "events/d.md": entry(title="D", date="2024-12-02"),
    "events/e.md": entry(title="E", date="2025-01-12"),
    # late on 31 December in New York is January 2025 in UTC, and filed there
    "events/f.md": entry(title="F", date="2024-12-31T22:00-05:00"),
}


def test_month_counts_follow_the_filing_month_and_skip_year_only_events():
    counts = month_counts(timeline_of(EVENTS).events)
    assert [(c.year, c.month, c.count, c.key_count) for c in counts] == [
        (2024, 10, 3, 1),
        (2024, 12, 1, 0),
        (2025, 1, 2, 0),
    ]


def test_one_bar_per_month_with_events_on_a_continuous_month_axis():
    chart = overview(timeline_of(EVENTS).events)
    assert chart.width == 4 * SLOT  # October 2024 to January 2025
    assert [(b.year, b.month) for b in chart.bars] == [(2024, 10), (2024, 12), (2025, 1)]
    assert [b.x for b in chart.bars] == [1.0, 21.0, 31.0]  # November is a gap
    assert [(b.left, b.share) for b in chart.bars] == [(0.0, 25.0), (50.0, 25.0), (75.0, 25.0)]
    tallest = chart.bars[0]
    assert tallest.y + tallest.height == HEIGHT and tallest.y == chart.mark
    assert chart.bars[1].height < chart.bars[2].height < tallest.height
    assert [b.label for b in chart.bars] == [
        "October 2024: 3 events, 1 key event",
        "December 2024: 1 event",
        "January 2025: 2 events",
    ]
    assert [b.key for b in chart.bars] == [True, False, False]
    assert [(m.year, m.left) for m in chart.years] == [(2024, 0.0), (2025, 75.0)]
    assert chart.undated == 1
    assert chart.caption == (
        "Events per month, October 2024 to January 2025: 6 events, "
        "and 1 event dated only to a year."
    )


def test_no_chart_without_a_month():
    assert overview(timeline_of({"events/y.md": entry(date="2024")}).events) is None
    assert overview([]) is None


def test_a_long_span_is_drawn_from_its_latest_months_and_counts_the_rest():
    chart = overview(timeline_of(EVENTS).events, months=3)  # November 2024 to January 2025
    assert chart.width == 2 * SLOT  # from the first of those months with events, as always
    assert [(b.year, b.month) for b in chart.bars] == [(2024, 12), (2025, 1)]
    assert chart.earlier == 3 and chart.undated == 1  # October's three, and the year-only one
    assert chart.caption.startswith("Events per month, December 2024 to January 2025: 3 events")
    assert overview(timeline_of(EVENTS).events, months=4).earlier == 0
    years = {f"events/{y}.md": entry(title=str(y), date=f"{y}-06-01") for y in range(1990, 2026)}
    assert overview(timeline_of(years).events).earlier == 0  # unbounded: a bar per event at most
    whole = overview(timeline_of(years).events, MONTHS_DRAWN)  # 36 years: the last ten
    assert [b.year for b in whole.bars] == list(range(2016, 2026)) and whole.earlier == 26
    assert whole.width == 109 * SLOT  # June 2016 to June 2025
    far = {"events/a.md": entry(date="1975-01-01"), "events/b.md": entry(date="2025-01-01")}
    assert [b.year for b in overview(timeline_of(far).events).bars] == [1975, 2025]
