"""Related events and co-occurring actors, computed through the actor index."""

from __future__ import annotations

from conftest import entry
from test_ordering import REGISTRY, timeline_of

from timeline.views.related import Relations, companions


def by_title(timeline, title):
    return next(e for e in timeline.events if e.title == title)


def test_related_events_rank_shared_actors_first_then_nearness_in_time():
    timeline = timeline_of(
        {
            "events/a.md": entry(
                title="Subject", date="2024-10-31", actors="[austin, blinken, nis]"
            ),
            "events/b.md": entry(
                title="Two shared, far", date="2024-01-01", actors="[austin, nis]"
            ),
            "events/c.md": entry(title="One shared, near", date="2024-11-01", actors="[blinken]"),
            "events/d.md": entry(title="One shared, nearer", date="2024-10-30", actors="[nis]"),
            "events/e.md": entry(title="Nothing shared", date="2024-10-31", actors="[russia]"),
            "events/f.md": entry(
                title="All shared", date="2025-06-01", actors="[nis, blinken, austin]"
            ),
        }
    )
    subject = by_title(timeline, "Subject")
    related = Relations(timeline.events, timeline.by_actor).related(subject)
    assert [r.event.title for r in related] == [
        "All shared",
        "Two shared, far",
        "One shared, nearer",
        "One shared, near",
    ]
    # shared actors are listed in the subject's own order
    assert related[0].shared == ("lloyd-austin", "antony-blinken", "nis")
    assert related[1].shared == ("lloyd-austin", "nis")


def test_related_events_are_at_most_the_limit_and_never_the_event_itself():
    entries = {
        f"events/{day:02d}.md": entry(title=f"Day {day}", date=f"2024-10-{day:02d}")
        for day in range(1, 21)
    }
    timeline = timeline_of(entries)
    subject = by_title(timeline, "Day 10")
    related = Relations(timeline.events, timeline.by_actor).related(subject)
    assert len(related) == 5
    assert subject not in [r.event for r in related]
    # all share the one actor, so nearness decides: days 9 and 11, then 8 and 12, then 7
    assert [r.event.title for r in related] == ["Day 9", "Day 11", "Day 8", "Day 12", "Day 7"]


def test_candidates_come_from_a_window_of_each_actors_list():
    entries = {
        f"events/{day:02d}.md": entry(title=f"Day {day}", date=f"2024-10-{day:02d}")
        for day in range(1, 31)
    }
    entries["events/rare.md"] = entry(
        title="Far, shares a rare actor", date="2020-01-01", actors="[north-korea, nis]"
    )
    entries["events/subject.md"] = entry(
        title="Subject", date="2024-10-30T12:00Z", actors="[north-korea, nis]"
    )
    timeline = timeline_of(entries)
    subject = by_title(timeline, "Subject")
    # with a window of 3, only the 3 nearest North Korea events on each side are candidates
    related = Relations(timeline.events, timeline.by_actor).related(subject, limit=10, window=3)
    assert [r.event.title for r in related] == [
        "Far, shares a rare actor",  # found through the short list of 'nis'
        "Day 30",
        "Day 29",
        "Day 28",
    ]


def test_companions_count_co_occurrences_and_break_ties_by_name():
    timeline = timeline_of(
        {
            "events/a.md": entry(title="A", date="2024-10-01", actors="[austin, blinken, russia]"),
            "events/b.md": entry(title="B", date="2024-10-02", actors="[austin, blinken]"),
            "events/c.md": entry(title="C", date="2024-10-03", actors="[austin, nis]"),
            "events/d.md": entry(title="D", date="2024-10-04", actors="[blinken, nis]"),
        }
    )
    found = companions("lloyd-austin", timeline.by_actor, REGISTRY.actors)
    assert [(c.actor.id, c.count) for c in found] == [
        ("antony-blinken", 2),
        ("nis", 1),  # "National Intelligence Service" sorts before "Russia"
        ("russia", 1),
    ]
    assert companions("united-states", timeline.by_actor, REGISTRY.actors) == []
    assert len(companions("lloyd-austin", timeline.by_actor, REGISTRY.actors, limit=1)) == 1
