"""The benchmark cannot rot silently: its generator is deterministic and valid, and it runs."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT

from bench.generate import generate
from bench.measure import Run
from bench.report import ratio_lines, targets
from bench.sites import as_blog_post, write_content
from timeline.loader import load_timeline
from timeline.timing import PHASES


def test_the_generator_gives_the_same_bytes_every_time():
    assert generate(40) == generate(40)
    assert generate(40) != generate(41)


@pytest.mark.e2e
def test_generated_entries_pass_the_checker_and_look_like_a_newsroom_timeline(tmp_path):
    corpus = generate(300)
    write_content(corpus, tmp_path / "content")
    timeline = load_timeline(str(tmp_path / "content"), shown_root=str(tmp_path))
    assert timeline.problems == ()
    assert len(timeline.events) == 300
    assert 200 <= len(timeline.registry) <= 400
    precisions = {event.date.precision.name for event in timeline.events}
    assert precisions == {"YEAR", "MONTH", "DAY", "TIME"}
    assert any(event.end for event in timeline.events)
    assert any(len(event.sources) > 1 for event in timeline.events)
    words = [len(event.body.split()) for event in timeline.events]
    assert 280 <= min(words) and max(words) <= 650
    counts = sorted((len(v) for v in timeline.by_actor.values()), reverse=True)
    assert counts[0] > 10 * counts[len(counts) // 2]  # a few actors in most events


def test_blog_posts_get_a_full_date_and_a_slug_and_nothing_else_changes():
    text = "---\ntitle: x\ndate: 2024-10\nupdates:\n  - date: 2024-11-01\n---\n\nOne.\n\nTwo.\n"
    post = as_blog_post("events/2024/2024-10-x.md", text)
    assert post == (
        "---\ntitle: x\ndate: 2024-10-01\nslug: 2024-10-x\nupdates:\n  - date: 2024-11-01\n"
        "---\n\nOne.\n\nTwo.\n"
    )


@pytest.mark.e2e
def test_the_plugin_writes_its_phase_timings_where_the_bench_asks(site, tmp_path, monkeypatch):
    site.event("2024/2024-10-31-a.md", title="Timed")
    phases = tmp_path / "phases.json"
    monkeypatch.setenv("TIMELINE_PHASES_FILE", str(phases))
    assert site.build().returncode == 0
    seconds = json.loads(phases.read_text())
    assert seconds.pop("parallel") == {}  # a small site renders everything in one process
    assert set(PHASES) <= set(seconds)
    assert all(value >= 0 for value in seconds.values())
    assert seconds["load+validate"] > 0 and seconds["event pages"] > 0
    assert seconds["exports"] > 0  # feeds and data files


@pytest.mark.e2e
def test_the_bench_runs_end_to_end_at_a_tiny_size(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--n", "20", "--rounds", "1", "--check-n", "30"]
        + ["--out", str(tmp_path), "--preview-edits", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for kind in ("ours", "blog", "floor"):
        assert re.search(rf"^\s+20 {kind} +\d+\.\d\d ", out, re.MULTILINE), out
    assert re.search(r"^ratio ours/blog: \d+\.\d\d$", out, re.MULTILINE), out
    assert re.search(r"^ratio ours/floor: \d+\.\d\d$", out, re.MULTILINE), out
    assert re.search(r"^timeline check, 30 entries: \d+\.\d\d s", out, re.MULTILINE), out
    rebuild = r"^mkdocs serve, N=20, one entry edited: .* \(1 parsed, 19 reused\)"
    assert re.search(rebuild, out, re.MULTILINE), out
    # the real `mkdocs serve --dirty`, each edit seen at its page's address
    row = r"^\| 20 \| (\d+\.\d\d s \| ){4}\d+\.\d\d s / \d+\.\d\d s \| \d+ → \d+ MB \|"
    assert re.search(row, out, re.MULTILINE), out
    results = json.loads((tmp_path / "results.json").read_text())
    ours = next(r for r in results if r["kind"] == "ours")
    assert ours["pages"] > 20 and ours["phases"]["load+validate"] > 0


@pytest.mark.e2e
def test_past_its_size_the_blog_is_built_only_when_asked(tmp_path, monkeypatch, capsys):
    """mkdocs-material's blog plugin takes hours at N = 50,000: `make bench` leaves it out there
    (and says so), so that the run at that size completes; `--kinds` still builds it."""
    from bench import cli

    monkeypatch.setattr(cli, "BLOG_UP_TO", 10)
    common = ["--n", "12", "--rounds", "1", "--check-n", "0", "--no-rebuild"]
    common += ["--preview-edits", "-1", "--out", str(tmp_path)]
    assert cli.main(common) == 0
    kinds = {r["kind"] for r in json.loads((tmp_path / "results.json").read_text())}
    assert kinds == {"ours", "floor"}
    assert "blog plugin left out" in capsys.readouterr().err
    assert cli.main([*common, "--kinds", "ours,blog"]) == 0
    kinds = {r["kind"] for r in json.loads((tmp_path / "results.json").read_text())}
    assert kinds == {"ours", "blog"}


def test_ratios_use_the_fastest_run_of_each_kind_and_targets_are_judged_at_their_size():
    runs = [
        Run("ours", 5000, 30.0, 29.0, 300, phases={"load+validate": 1.0}),
        Run("ours", 5000, 20.0, 19.0, 300, phases={"load+validate": 1.0}),
        Run("floor", 5000, 16.0, 16.0, 200),
        Run("blog", 5000, 100.0, 99.0, 400),
        Run("floor", 1000, 4.0, 4.0, 60),
        Run("ours", 1000, 8.0, 8.0, 80, phases={"load+validate": 0.2}),
    ]
    assert ratio_lines(runs, 5000)[1:3] == ["ratio ours/blog: 0.20", "ratio ours/floor: 1.25"]
    judged = targets(runs, [1000, 5000], [])
    assert "  [ info ] N=1000: build at most 1.3x the floor: 2.00" in judged
    assert "  [  ok  ] N=5000: build at most 1.3x the floor: 1.25" in judged
    assert "  [  ok  ] N=1000: plugin phases under 10% of the build: 2%" in judged
    assert any(line.startswith("  [  ok  ] per-entry cost at N=5000") for line in judged)
