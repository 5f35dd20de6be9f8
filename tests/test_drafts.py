"""A draft is checked but never published, and may be unfinished: the fields it still lacks are
notices, which fail neither `timeline check` nor the strict build, until `draft: true` goes."""

from __future__ import annotations

import pytest
from conftest import ACTORS, entry

from timeline.check.registry import load_registry
from timeline.check.validate import validate
from timeline.cli import main
from timeline.collection import build_timeline
from timeline.read.frontmatter import loads

REGISTRY, _ = load_registry(ACTORS.encode(), "content/actors.yml")
PATH = "content/events/2024/2024-10-31-x.md"
REL = "events/2024/2024-10-31-x.md"
# what `timeline new --from` writes before the source is filled in
UNFINISHED = """\
---
title: "Austin says North Korean troops will fight"
date: 2024-10-31
actors: []
summary:
sources:
  - publisher:
    url:
draft: true
---

> The article's text, to rewrite.
"""


def severities(text: str) -> list[tuple[str, str]]:
    _, problems = validate(loads(text), PATH, REL, REGISTRY)
    return [(p.field, p.severity) for p in problems]


def test_what_an_unfinished_draft_lacks_is_a_notice():
    assert severities(UNFINISHED) == [
        ("actors", "notice"),
        ("summary", "notice"),
        ("sources[0].publisher", "notice"),
        ("sources[0].url", "notice"),
    ]
    event, _ = validate(loads(UNFINISHED), PATH, REL, REGISTRY)
    assert event is None  # nothing to publish, nor to build a page from


def test_the_same_lacks_are_errors_once_draft_true_is_removed():
    finished = UNFINISHED.replace("draft: true\n", "")
    assert {severity for _, severity in severities(finished)} == {"error"}
    assert len(severities(finished)) == 4
    empty = UNFINISHED.replace("draft: true", "draft: false").replace("summary:", "summary: ''")
    assert ("summary", "error") in severities(empty)


def test_a_wrong_value_in_a_draft_is_still_an_error():
    text = entry(date="2024-02-30", extra="draft: true")
    assert severities(text) == [("date", "error")]
    wrong = UNFINISHED.replace("url:", "url: ftp://example.org/x")
    assert ("sources[0].url", "error") in severities(wrong)


def test_an_unfinished_draft_counts_as_a_draft_not_as_invalid():
    event, problems = validate(loads(UNFINISHED), PATH, REL, REGISTRY)
    timeline = build_timeline([(REL, event, problems)], REGISTRY)
    assert timeline.unfinished == (REL,) and timeline.invalid == ()
    assert timeline.fates() == {REL: "draft"}
    assert timeline.summary() == "0 events published, 1 draft, 0 invalid"
    assert ("draft", "notice") in [(p.field, p.severity) for p in timeline.problems]
    assert {p.severity for p in timeline.problems} == {"notice"}


@pytest.fixture
def checked(site, monkeypatch, capsys):
    monkeypatch.chdir(site.root)

    def run() -> tuple[int, str]:
        status = main(["check"])
        return status, capsys.readouterr().out

    return run


def test_an_unfinished_draft_can_be_committed_and_built(site, checked):
    path = site.write("events/2024/2024-10-31-x.md", UNFINISHED)
    site.event("2024/2024-10-30-real.md", title="Real", date="2024-10-30")
    status, out = checked()
    assert status == 0
    assert out.splitlines() == [
        f"{PATH}:1:1: draft: checked, but kept out of the published site",
        f"{PATH}:4:1: actors: needs at least one actor id from the registry",
        f"{PATH}:5:9: summary: is required but missing; add it, e.g. summary: Lloyd Austin said "
        "North Korean troops in Russia would join the fight within days.",
        f"{PATH}:7:15: sources[0].publisher: is required but missing; add it, e.g. publisher: CNN",
        f"{PATH}:8:9: sources[0].url: is required but missing; add it, "
        "e.g. url: https://www.example.com/story",
        "timeline: 1 event published, 1 draft, 0 invalid",
    ]
    path.write_text(UNFINISHED.replace("draft: true\n", ""), encoding="utf-8")
    status, out = checked()
    assert status == 1 and out.endswith("timeline: 1 event published, 0 drafts, 1 invalid\n")


@pytest.mark.e2e
def test_the_strict_build_passes_with_an_unfinished_draft_and_publishes_nothing_of_it(site):
    site.write("events/2024/2024-10-31-x.md", UNFINISHED)
    site.event("2024/2024-10-30-real.md", title="Real", date="2024-10-30")
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout
    assert "timeline: 1 event published, 1 draft, 0 invalid" in result.stdout
    assert not (site.root / "site/events/2024/2024-10-31-x").exists()
