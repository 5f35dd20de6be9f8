"""The editorial rules a machine can check, on the repository's own entries (CONTRIBUTING.md,
"Editorial rules"): no second-hand source beside others, every figure stated in its write-up,
every corrected entry with its correction logged. They read `content/` only: no build."""

from __future__ import annotations

import datetime
import re

import pytest
from conftest import ROOT

from timeline.check.secondhand import second_hand, second_hand_notes
from timeline.loader import load_timeline

pytestmark = pytest.mark.unit

# Entries whose published facts (a figure, a quotation's source, an attribution, an actor, a
# status) were corrected after publication, with what changed. Each must log it in `updates`.
# Add an entry here when you correct one; never remove one.
CORRECTED = {
    "2024-06-19-putin-kim-sign-partnership-treaty": "Kim's words rested on a library-proxy copy",
    "2024-10-08-seoul-says-north-korean-casualties-likely": "status: reported to confirmed",
    "2024-10-18-nis-reports-first-troop-transfer": "status: reported to confirmed",
    "2024-10-21-austin-visits-kyiv": "Umerov was an actor; no source says they met",
    "2024-11-04-pentagon-10000-in-kursk": "wrongly called the source of '11,000 to 12,000'",
    "2024-11-04-ukraine-reports-first-clashes": "a claim rested on an aggregator only",
    "2024-12-27-captured-soldier-dies-nis": "status: reported to confirmed",
    "2024-12-27-kirby-mass-casualties": "status: reported to confirmed",
    "2025-01-13-nis-300-dead-2700-wounded": "'more than tripled' was wrong",
    "2025-02-27-nis-more-troops-kursk": "status: reported to confirmed",
    "2025-04-28-north-korea-confirms-deployment": "quotes rested on a page that cannot be found",
    "2025-09-02-nis-2000-dead-engineers": "a link to Shoigu's announcement no source makes",
}

NUMBER_WORDS = {1000: ("a thousand", "one thousand")}


@pytest.fixture(scope="module")
def timeline():
    return load_timeline(str(ROOT / "content"), shown_root=str(ROOT))


def spellings(number: float) -> set[str]:
    """How a write-up may give a figure: 11,000 or 11000 (or 'a thousand' for 1000)."""
    n = int(number) if float(number).is_integer() else number
    return {f"{n:,}", str(n), *NUMBER_WORDS.get(n, ())}


def stated(number: float, text: str) -> bool:
    """`number` in one of its spellings, not as part of a longer number (1,000 in 11,000)."""
    edges = r"(?<!\d)(?<!\d,)(?<!\d\.)", r"(?!\d|,\d|\.\d)"
    return any(re.search(edges[0] + re.escape(s) + edges[1], text) for s in spellings(number))


def test_the_rules_can_fail():
    assert second_hand("https://www.devdiscourse.com/article/x") == "an aggregator"
    assert second_hand("https://www-scmp-com.libproxy1.nus.edu.sg/news/x") == "a library proxy"
    assert second_hand("https://devdiscourse.com.example.org/x") is None
    assert second_hand_notes(["https://a.example/x", "https://news.az/y"])[0][0] == 1
    assert second_hand_notes(["https://news.az/y"]) == []  # the only source: allowed
    assert stated(11000, "closer to 11,000–12,000") and stated(3000, "at least 3000 soldiers")
    assert not stated(1000, "about 11,000 troops") and not stated(300, "3,000 casualties")
    assert not stated(100, "1.005 per cent") and stated(1000, "with a thousand killed")
    assert stated(3000, "casualties had passed 3,000, including") and not stated(700, "2,700")


def test_no_second_hand_source_beside_another(timeline):
    """An aggregator or a library proxy only when nothing else could be found."""
    offending = [
        (event.id, note)
        for event in timeline.events
        for _, note in second_hand_notes([source.url for source in event.sources])
    ]
    assert offending == []


def test_every_figure_is_stated_in_its_write_up(timeline):
    """Each number of `figures:` appears in the title, summary or body, as digits (with or
    without thousands commas): a figure the text does not give, or gives differently, fails."""
    missing = []
    for event in timeline.events:
        text = " ".join((event.title, event.summary, event.body))
        for figure in event.figures:
            for number in (figure.value, figure.low, figure.high):
                if number is not None and not stated(number, text):
                    missing.append((event.id, figure.measure, number))
    assert missing == []


def test_every_corrected_entry_logs_its_correction(timeline):
    events = {event.id: event for event in timeline.events}
    assert set(CORRECTED) <= set(events)
    assert [i for i in CORRECTED if not events[i].updates] == []


def test_corrections_are_dated_after_the_event_and_not_in_the_future(timeline):
    today = datetime.date.today().isoformat()
    for event in timeline.events:
        for update in event.updates:
            assert event.date.iso()[:10] <= update.date.iso() <= today, event.id
            assert update.note.strip(), event.id
