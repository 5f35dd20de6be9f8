"""What a reader sees first and around each entry (timeline.views.reader), the chart's axis, and
the parts of SiteMap that carry them to the pages: standfirst, the latest change, status legend,
source and actor lines, actors by kind, event anchors and where 'see it on the timeline' leads."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import entry
from test_ordering import timeline_of

from timeline.dates import PartialDate
from timeline.views.lists import filter_choices
from timeline.views.overview import overview, ticks
from timeline.views.pages import SiteOptions
from timeline.views.reader import (
    actor_groups,
    actor_line,
    latest_change,
    source_line,
    standfirst,
    status_legend,
)
from timeline.views.site import SiteMap
from timeline.views.urls import help_url

SOURCES = "".join(f"\n  - publisher: P{n}\n    url: https://example.org/{n}\n" for n in range(1, 5))
EVENTS = {
    "events/a.md": entry(title="A", date="2024-06-19", actors="[russia, north-korea]"),
    "events/b.md": entry(
        title="B",
        date="2024-10-31",
        actors="[lloyd-austin, antony-blinken, united-states, north-korea, russia]",
        sources=SOURCES,
        extra="status: confirmed\nkey: true",
    ),
    "events/c.md": entry(
        title="C",
        date="2025-01",
        actors="[nis]",
        extra="status: claimed\nupdates:\n  - date: 2025-03-02\n    note: Corrected.",
    ),
}


def test_the_legend_explains_the_statuses_shown_in_order_of_certainty():
    legend = status_legend(["denied", "confirmed"])
    assert [(i.status, i.label) for i in legend] == [
        ("confirmed", "Confirmed"),
        ("denied", "Denied"),
    ]
    assert all(i.meaning for i in legend)
    assert len(status_legend()) == 5


def test_an_entry_line_credits_its_first_two_sources_and_counts_the_others():
    b = timeline_of(EVENTS).events[1]
    line = source_line(b)
    assert [s.publisher for s in line.sources] == ["P1", "P2"] and line.more == 2
    a = timeline_of(EVENTS).events[0]
    assert [s.publisher for s in source_line(a).sources] == ["AP"] and source_line(a).more == 0


def test_an_entry_line_names_three_actors_or_all_four():
    b = timeline_of(EVENTS).events[1]
    line = actor_line(b)
    assert line.actors == ("lloyd-austin", "antony-blinken", "united-states") and line.more == 2
    assert actor_line(b, shown=4).actors == b.actors and actor_line(b, shown=4).more == 0


def test_the_latest_change_is_the_latest_addition_or_dated_update():
    events = timeline_of(EVENTS)
    assert latest_change(events) == PartialDate(2025, 3, 2)  # the update of C
    later = {"events/a.md": datetime(2025, 5, 1, 9, 30, tzinfo=UTC)}
    assert latest_change(timeline_of(EVENTS, git_dates=later)) == PartialDate(2025, 5, 1)
    assert latest_change(timeline_of({})) is None


def test_the_standfirst_is_the_sites_text_with_count_span_and_update():
    lead = standfirst(timeline_of(EVENTS), "  What we know.\n")
    assert lead.text == "What we know." and lead.count == 3
    assert (lead.first.title, lead.last.title) == ("A", "C")
    assert lead.updated == PartialDate(2025, 3, 2)


def test_the_filters_actors_are_grouped_by_kind():
    timeline = timeline_of(EVENTS)
    choices = filter_choices(timeline.events, timeline.registry)
    kinds = {a.id: a.kind for a in timeline.registry}
    groups = actor_groups(choices.actors, kinds)
    assert [label for label, _ in groups] == ["People", "Countries", "Organisations"]
    assert [c.value for c in groups[0][1]] == ["antony-blinken", "lloyd-austin"]
    assert sum(len(members) for _, members in groups) == len(choices.actors)


def test_the_axis_names_every_month_of_a_short_span_and_the_year_where_it_changes():
    marks = ticks(2024 * 12 + 5, 8)  # June 2024 to January 2025
    assert [t.month for t in marks] == ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan"]
    assert [t.year for t in marks] == [2024, None, None, None, None, None, None, 2025]
    assert marks[1].left == 12.5
    quarters = ticks(2020 * 12, 48)
    assert [t.month for t in quarters[:3]] == ["Jan", "Apr", "Jul"]
    assert [t.month for t in ticks(2000 * 12, 120)] == ["Jan"] * 10


def test_bars_carry_their_height_in_percent_of_the_busiest_month():
    chart = overview(timeline_of(EVENTS).events)
    assert [b.percent for b in chart.bars] == [100.0, 100.0, 100.0]
    assert chart.top == 1 and chart.ticks[0].month == "Jun"


def test_see_it_on_the_timeline_leads_to_the_events_own_item():
    sitemap = SiteMap(timeline_of(EVENTS))
    b = sitemap.timeline.events[1]
    assert sitemap.event_context(b)["timeline_link"] == "timeline/#" + b.id
    split = SiteMap(timeline_of(EVENTS), SiteOptions(year_pages_after=2, main_page_events=1))
    assert split.timeline_href(b) == "timeline/2024/#" + b.id


def test_the_timeline_page_gets_the_standfirst_legend_and_actor_groups():
    sitemap = SiteMap(
        timeline_of(EVENTS),
        SiteOptions(standfirst="What we know.", status_help="about.md#statuses"),
    )
    context = sitemap.timeline_context("timeline/index.md")
    assert context["standfirst"].text == "What we know."
    assert [i.status for i in context["legend"]] == ["confirmed", "reported", "claimed"]
    assert context["status_help"] == "about/#statuses"
    assert [label for label, _ in context["actor_groups"]][0] == "People"
    assert sitemap.meta("timeline/index.md")["hide"] == ["navigation", "toc"]
    section = sitemap.section("standfirst", None, "index.md")
    assert section.template == "standfirst.html" and section.context["standfirst"].count == 3
    assert SiteMap(timeline_of(EVENTS)).timeline_context("timeline/index.md")["standfirst"] is None


def test_help_urls_keep_their_anchor():
    assert help_url("about.md#what-each-status-means") == "about/#what-each-status-means"
    assert help_url("data.md") == "data/"
    assert help_url("") == ""


def test_the_tags_index_lists_a_tags_events_in_timeline_order():
    events = {
        "events/z.md": entry(title="Z", date="2024-01-02", extra="tags: [kursk]"),
        "events/a.md": entry(title="A", date="2024-05-02", extra="tags: [kursk]"),
    }
    sitemap = SiteMap(timeline_of(events))
    found = sitemap.tag_listing("kursk", ["events/a.md", "events/z.md", "about.md"], str)
    assert [e.title for e in found["events"]] == ["Z", "A"]
    assert found["items"] == ["about.md"] and found["count"] == 2


def test_only_a_page_of_more_than_twenty_events_lays_out_its_months_lazily():
    few = SiteMap(timeline_of(EVENTS))
    assert few.timeline_context("timeline/index.md")["lazy"] is False
    many = {
        f"events/e{n}.md": entry(title=f"E{n}", date=f"2024-{1 + n % 12:02d}-{1 + n:02d}")
        for n in range(21)
    }
    assert SiteMap(timeline_of(many)).timeline_context("timeline/index.md")["lazy"] is True
