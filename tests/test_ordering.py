import random

from conftest import ACTORS, entry

from timeline.check.registry import load_registry
from timeline.collection import build_timeline
from timeline.entry import read_entry

REGISTRY, _ = load_registry(ACTORS.encode(), "actors.yml")


def timeline_of(entries: dict[str, str], git_dates=None):
    results = []
    for rel_path, text in entries.items():
        event, problems = read_entry(text.encode(), rel_path, rel_path, REGISTRY)
        assert problems == [], problems
        results.append((rel_path, event, problems))
    return build_timeline(results, REGISTRY, git_dates=git_dates)


ENTRIES = {
    "events/b.md": entry(title="Day", date="2024-10-01"),
    "events/a.md": entry(title="Month", date="2024-10"),
    "events/c.md": entry(title="Year", date="2024"),
    "events/d.md": entry(title="Time", date="2024-10-01T00:00Z"),
    "events/e.md": entry(title="Another day", date="2024-10-01"),
    "events/f.md": entry(title="Late evening in New York", date="2024-09-30T22:00-04:00"),
    "events/g.md": entry(title="Early", date="2024-06-19"),
}


def test_order_is_instant_then_precision_then_title_then_path():
    titles = [e.title for e in timeline_of(ENTRIES).events]
    assert titles == [
        "Year",
        "Early",
        "Month",
        "Another day",
        "Day",
        "Time",
        "Late evening in New York",  # 02:00 UTC on 1 October
    ]


def test_order_does_not_depend_on_file_order():
    items = list(ENTRIES.items())
    expected = [e.path for e in timeline_of(ENTRIES).events]
    for seed in range(5):
        random.Random(seed).shuffle(items)
        assert [e.path for e in timeline_of(dict(items)).events] == expected


def test_same_title_and_date_break_ties_by_path():
    timeline = timeline_of({"events/z.md": entry(title="Same"), "events/y.md": entry(title="Same")})
    assert [e.path for e in timeline.events] == ["events/y.md", "events/z.md"]


def test_groups_by_year_and_month():
    timeline = timeline_of(ENTRIES)
    groups = [(y, [(m, len(es)) for m, es in months]) for y, months in timeline.groups()]
    assert groups == [(2024, [(None, 1), (6, 1), (10, 5)])]


def test_neighbours_follow_timeline_order():
    timeline = timeline_of(ENTRIES)
    month = next(e for e in timeline.events if e.title == "Month")
    before, after = timeline.neighbours(month)
    assert (before.title, after.title) == ("Early", "Another day")


def test_drafts_and_duplicate_ids_are_kept_apart():
    timeline = build_timeline(
        [
            ("events/2024/x.md", *read_entry(entry().encode(), "x", "events/2024/x.md", REGISTRY)),
            ("events/2025/x.md", *read_entry(entry().encode(), "y", "events/2025/x.md", REGISTRY)),
            (
                "events/d.md",
                *read_entry(entry(extra="draft: true").encode(), "d", "events/d.md", REGISTRY),
            ),
        ],
        REGISTRY,
    )
    assert [e.path for e in timeline.events] == ["events/2024/x.md"]
    assert [e.path for e in timeline.drafts] == ["events/d.md"]
    assert timeline.invalid == ("events/2025/x.md",)
    errors = [p for p in timeline.problems if p.severity == "error"]
    assert "already used by" in errors[0].message
