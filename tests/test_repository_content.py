"""The repository's own timeline: it builds strictly, and every entry meets the editorial bar.

These and `test_editorial_rules.py` (the editorial rules a machine can check, without a build)
are the tests of the entries in `content/` themselves, so a content change shows here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from htmlparse import parse

from timeline.loader import load_timeline
from timeline.read.naming import date_prefix

pytestmark = pytest.mark.e2e

CONTENT = ROOT / "content"


@pytest.fixture(scope="module")
def timeline():
    return load_timeline(str(CONTENT), shown_root=str(ROOT))


@pytest.fixture(scope="module")
def built(fresh_clone, repository_site) -> Path:
    """The repository's site, built by `make site` (`mkdocs build --strict`) in a fresh clone,
    once per session (conftest: shared with the valid-HTML and publishing tests)."""
    result = repository_site
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    # every page MkDocs finds is in the nav (or kept out of it by the plugin): `make serve`
    # names the others on every start
    assert 'not included in the "nav"' not in output, output
    return fresh_clone / "site"


def test_every_entry_is_valid_and_published(timeline):
    assert [str(p) for p in timeline.problems] == []
    on_disk = {
        path.relative_to(CONTENT).as_posix()
        for path in (CONTENT / "events").rglob("*")
        if not path.is_dir()
    }
    assert set(timeline.fates()) == on_disk  # hidden files too: every file is accounted for
    assert set(timeline.fates().values()) <= {"published", "image"}


def test_every_event_has_a_source_with_a_url_and_known_actors(timeline):
    for event in timeline.events:
        assert event.sources, event.path
        assert all(s.url.startswith(("https://", "http://")) for s in event.sources), event.path
        assert all(a in timeline.registry for a in event.actors), event.path


def test_no_two_events_share_a_title_and_date(timeline):
    seen = set()
    for event in timeline.events:
        key = (event.title.casefold(), event.date.iso())
        assert key not in seen, event.path
        seen.add(key)


def test_file_names_start_with_the_date_as_written(timeline):
    for event in timeline.events:  # a timed event's file name has its day: naming.date_prefix
        folder, name = event.path.split("/")[-2:]
        assert name.startswith(date_prefix(event.date) + "-"), event.path
        assert folder == f"{event.date.year:04d}", event.path


def test_timeline_page_shows_every_event_in_order_from_june_2024(built, timeline):
    doc = parse((built / "timeline/index.html").read_text(encoding="utf-8"))
    items = doc.find_all("li", cls="tl-event")
    assert len(items) == len(timeline.events) >= 34
    datetimes = [li.find("time").attrs["datetime"] for li in items]
    assert datetimes[0] == "2024-06-19"
    assert datetimes[-1].startswith("2025-12")
    titles = [li.find("h4").find("a").text() for li in items]
    assert titles == [e.title for e in timeline.events]
    keys = [li.find("h4").text() for li in items if "tl-event--key" in li.classes]
    assert len(keys) >= 4


def test_founding_event_attributes_each_statement_and_cites_the_founding_article(timeline):
    (founding,) = [
        e for e in timeline.events if e.date.iso() == "2024-10-31" and "lloyd-austin" in e.actors
    ][:1]
    assert founding.key
    publishers = " ".join(s.publisher for s in founding.sources)
    assert "Defence Connect" in publishers
    assert "CNN" in publishers and "dpa-AFX" in publishers
    text = founding.body
    assert "Blinken" in text and "Austin" in text and "coming days" in text
