"""Timelines for the export tests: a hostile title, every kind of date, and the options."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from conftest import ACTORS, entry

from timeline.check.registry import load_registry
from timeline.collection import Timeline, build_timeline
from timeline.entry import read_entry
from timeline.exports import ExportOptions, render_exports

REGISTRY, _ = load_registry(ACTORS.encode(), "actors.yml")

# markup, an ampersand, both quotes, Korean and an accent: must come out of every export as written
HOSTILE = """<script>alert("x")</script> & 'single' "double" 북한군 파병 — Ñ"""
HOSTILE_PLACE = 'Kursk & <img src=x onerror="alert(1)">, 쿠르스크'

OPTIONS = ExportOptions(
    title="Test timeline",
    site_url="https://example.org/test/",
    description="A test of the exports.",
)


def quoted(text: str) -> str:
    """Text as a YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


ENTRIES = {
    "events/2024/2024-10-31-hostile.md": entry(
        title=quoted(HOSTILE),
        date="2024-10-31",
        actors="[north-korea, russia]",
        summary=quoted("Summary with <b>markup</b> & 'quotes'."),
        extra=f"""
        end: 2024-11-02
        status: confirmed
        location: {quoted(HOSTILE_PLACE)}
        tags: [troops, diplomacy]
        added: 2024-11-03
        updates:
          - date: 2024-11-05
            note: Corrected the place.
        """,
        sources="""
  - publisher: CNN & Co
    title: A source
    url: https://edition.cnn.com/x?a=1&b=2
    published: 2024-10-31
    archived: https://web.archive.org/web/2024/https://edition.cnn.com/x
  - publisher: AP
    url: https://apnews.com/article/x
""",
    ),
    "events/2024/2024-10-month.md": entry(title="Month only", date="2024-10"),
    "events/2024/2024-year.md": entry(title="Year only", date="2024", extra="circa: true"),
    "events/2024/2024-06-19-treaty.md": entry(
        title="Treaty signed", date="2024-06-19", actors="[russia, north-korea]"
    ),
    "events/2024/2024-10-30-timed.md": entry(
        title="Timed", date="2024-10-30T22:15-04:00", actors="[lloyd-austin]"
    ),
    "events/2024/2024-11-04-span.md": entry(
        title="Timed span",
        date="2024-11-04T09:00Z",
        extra="end: 2024-11-04T17:30+01:00",
        actors="[nis]",
    ),
    "events/2024/2024-12-01-circa.md": entry(
        title="Circa day", date="2024-12-01", extra="circa: true\nend: 2025-01"
    ),
}

# when git says each file was added (the hostile entry has `added:` in its front matter)
GIT_DATES = {
    "events/2024/2024-10-31-hostile.md": datetime(2024, 12, 20, 8, 0, tzinfo=UTC),
    "events/2024/2024-06-19-treaty.md": datetime(2024, 11, 10, 12, 0, tzinfo=UTC),
    "events/2024/2024-10-30-timed.md": datetime(2024, 11, 10, 12, 0, tzinfo=UTC),
}


def timeline_of(entries: dict[str, str]) -> Timeline:
    results = []
    for rel_path, text in entries.items():
        event, problems = read_entry(text.encode(), rel_path, rel_path, REGISTRY)
        assert event is not None, problems
        results.append((rel_path, event, problems))
    return build_timeline(results, REGISTRY, git_dates=GIT_DATES)


def exports(options: ExportOptions = OPTIONS, entries: dict[str, str] = ENTRIES) -> dict:
    return render_exports(timeline_of(entries), options)
