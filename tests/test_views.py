"""Page layout (main page and year pages), what an event page does not depend on, filter
choices and home-page lists."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import entry
from test_ordering import REGISTRY, timeline_of

from timeline.ordering import period
from timeline.views.layout import month_anchor, month_page_path, plan_pages, year_page
from timeline.views.lists import filter_choices, key_events, latest_additions
from timeline.views.site import SiteMap


def home(layout, event) -> str:
    """The page that lists an event: its month's link target (the main page while unsplit)."""
    return layout.month_page(*period(event))


SPREAD = {
    "events/a.md": entry(title="A", date="2024"),
    "events/b.md": entry(title="B", date="2024-06-19", actors="[russia, north-korea]"),
    "events/c.md": entry(title="C", date="2024-10", extra="key: true\nstatus: confirmed"),
    "events/d.md": entry(title="D", date="2024-10-31", extra="tags: [Kursk, diplomacy]"),
    "events/e.md": entry(title="E", date="2025-01-12", actors="[nis]", extra="tags: [Kursk]"),
    "events/f.md": entry(title="F", date="2025-01-13", extra="status: claimed"),
}


def titles(events):
    return [e.title for e in events]


def test_a_small_timeline_is_one_page():
    events = timeline_of(SPREAD).events
    layout = plan_pages(events, year_pages_after=6, main_page_events=2)
    assert not layout.split
    assert titles(layout.main) == ["A", "B", "C", "D", "E", "F"]
    assert [uri for uri, _, _, _ in layout.pages()] == ["timeline/index.md"]
    assert home(layout, events[-1]) == "timeline/index.md"
    assert layout.month_page(2024, 10, "index.md") == "timeline/index.md"


def test_past_the_threshold_the_main_page_lists_the_latest_and_each_year_has_a_page():
    events = timeline_of(SPREAD).events
    layout = plan_pages(events, year_pages_after=5, main_page_events=3)
    assert layout.split
    assert titles(layout.main) == ["D", "E", "F"]
    pages = layout.pages()
    assert [(uri, year, titles(items)) for uri, year, _, items in pages] == [
        ("timeline/index.md", None, ["D", "E", "F"]),
        ("timeline/2024/index.md", 2024, ["A", "B", "C", "D"]),
        ("timeline/2025/index.md", 2025, ["E", "F"]),
    ]
    assert home(layout, events[0]) == "timeline/2024/index.md"
    # January 2025 is wholly on the main page; October 2024 is cut (C is only on 2024's page)
    assert layout.month_page(2025, 1, "timeline/index.md") == "timeline/index.md"
    assert layout.month_page(2024, 10, "timeline/index.md") == "timeline/2024/index.md"
    assert layout.month_page(2025, 1, "index.md") == "timeline/2025/index.md"
    assert layout.month_page(2025, 1, "timeline/2025/index.md") == "timeline/2025/index.md"


def test_year_page_paths_and_month_anchors():
    assert year_page(2024) == "timeline/2024/index.md"
    assert month_anchor(2024, 3) == "month-2024-03"
    assert month_anchor(2024, None) == "year-2024-undated"


def test_an_event_page_is_unchanged_by_an_event_added_or_moved_far_from_it():
    """An event page shows nothing of the events far from it (no count, no position among
    them): `mkdocs serve --dirty` can leave it as it is when another one changes."""
    near = {
        "events/a.md": entry(title="A", date="2024-06-19", actors="[russia]"),
        "events/b.md": entry(title="B", date="2024-10-31"),
        "events/c.md": entry(title="C", date="2024-12-02", actors="[russia]"),
        "events/d.md": entry(title="D", date="2025-05-01", actors="[nis]"),
    }
    far = entry(title="Z", date="2031-01-01", actors="[united-states]")
    changed = {
        "added later": {**near, "events/z.md": far},
        "added earlier": {**near, "events/z.md": far.replace("2031-01-01", "2001-01-01")},
        "moved": {**near, "events/d.md": near["events/d.md"].replace("2025-05-01", "2029-03")},
    }

    def context(entries: dict[str, str], path: str) -> dict:
        sitemap = SiteMap(timeline_of(entries))
        return sitemap.event_context(sitemap.events[path])

    for how, entries in changed.items():
        assert context(entries, "events/b.md") == context(near, "events/b.md"), how
    # the neighbours' pages do change (the previous/next link): the comparison can tell
    assert context(changed["added later"], "events/d.md") != context(near, "events/d.md")


def test_filter_choices_list_what_is_present_with_counts():
    choices = filter_choices(timeline_of(SPREAD).events, REGISTRY)
    assert [(c.value, c.label, c.count) for c in choices.actors] == [
        ("nis", "National Intelligence Service", 1),
        ("north-korea", "North Korea", 5),
        ("russia", "Russia", 1),
    ]
    assert [(c.value, c.count) for c in choices.tags] == [("diplomacy", 1), ("Kursk", 2)]
    assert [(c.value, c.label, c.count) for c in choices.statuses] == [
        ("confirmed", "Confirmed", 1),
        ("reported", "Reported", 4),
        ("claimed", "Claimed", 1),
    ]
    assert [(c.value, c.count) for c in choices.years] == [("2024", 4), ("2025", 2)]


def test_key_events_in_order():
    assert titles(key_events(timeline_of(SPREAD).events)) == ["C"]


def test_latest_additions_use_the_added_date_then_the_event_date():
    entries = {
        "events/old.md": entry(
            title="Old event added late", date="2024-06-19", extra="added: 2025-02-01"
        ),
        "events/new.md": entry(title="Newest event", date="2025-01-13"),
        "events/mid.md": entry(title="Middle event", date="2024-10-31"),
    }
    latest = latest_additions(timeline_of(entries), limit=2)
    assert [(e.title, str(when) if when else None) for e, when in latest] == [
        ("Old event added late", "2025-02-01"),
        ("Newest event", None),
    ]
    # a mapping of added dates (e.g. from the git history) counts where the entry has none
    mapping = {"events/mid.md": datetime(2025, 3, 1, 12, 0, tzinfo=UTC)}
    latest = latest_additions(timeline_of(entries, mapping), limit=3)
    assert titles(e for e, _ in latest) == ["Middle event", "Old event added late", "Newest event"]
    assert str(latest[0][1]) == "2025-03-01"


def test_a_year_of_many_events_has_a_page_per_month():
    events = timeline_of(SPREAD).events
    # 2024 has 4 events (more than 3): month pages; 2025 has 2: a year page as before
    layout = plan_pages(events, year_pages_after=5, main_page_events=2, month_pages_after=3)
    assert [(uri, year, month, titles(items)) for uri, year, month, items in layout.pages()] == [
        ("timeline/index.md", None, None, ["E", "F"]),
        ("timeline/2024/index.md", 2024, None, ["A"]),  # dated only to 2024: on its year page
        ("timeline/2024/06/index.md", 2024, 6, ["B"]),
        ("timeline/2024/10/index.md", 2024, 10, ["C", "D"]),
        ("timeline/2025/index.md", 2025, None, ["E", "F"]),
    ]
    assert layout.month_list(2024) == [
        (6, "timeline/2024/06/index.md", 1),
        (10, "timeline/2024/10/index.md", 2),
    ]
    assert layout.month_list(2025) == []
    # every event's home is the one page that lists it
    listed = {e.id: uri for uri, year, _, items in layout.pages() if year for e in items}
    assert {e.id: home(layout, e) for e in events} == listed
    assert layout.month_page(2024, 10) == "timeline/2024/10/index.md"
    assert layout.month_page(2024, 10, "timeline/index.md") == "timeline/2024/10/index.md"
    assert layout.month_page(2024, None) == "timeline/2024/index.md"
    assert layout.month_page(2025, 1) == "timeline/2025/index.md"
    assert layout.month_page(2025, 1, "timeline/index.md") == "timeline/index.md"


def test_month_pages_only_once_there_are_year_pages():
    events = timeline_of(SPREAD).events
    layout = plan_pages(events, year_pages_after=6, main_page_events=2, month_pages_after=1)
    assert not layout.months and home(layout, events[2]) == "timeline/index.md"
    layout = plan_pages(events, year_pages_after=5, main_page_events=2, month_pages_after=4)
    assert not layout.months  # no year has more than 4 events
    assert month_page_path(2024, 3) == "timeline/2024/03/index.md"
