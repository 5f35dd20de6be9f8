"""Turn measured runs into the benchmark's text: one table, the ratio lines, the targets."""

from __future__ import annotations

from collections.abc import Sequence

from .measure import Run

PHASE_COLUMNS = (
    ("load+validate", "load+val"),
    ("order+group", "order"),
    ("timeline pages", "timeline"),
    ("actor pages", "actors"),
    ("event pages", "events"),
    ("page heads", "heads"),
    ("exports", "exports"),
    ("rendered ahead", "ahead"),
)
LEGEND = """\
  ours   this repository's timeline plugin: event, timeline and actor pages
  blog   the same entries as mkdocs-material blog posts (blog plugin defaults; partial dates
         rounded to the day they start; no excerpt marker, so listings show whole posts)
  floor  the same entries as plain mkdocs-material pages kept out of the nav, no plugin of ours:
         what MkDocs and the theme cost by themselves
  All three: material theme as in mkdocs.yml, search and tags plugins, a tags page.
  build s   wall clock of a fresh `mkdocs build` process (interpreter start included), the
            minimum over the interleaved rounds; the other columns come from that same run
  cpu s     CPU seconds (user + system) of that process: less sensitive to other load
  ms/entry  build s / N
  load+val … exports   seconds inside the plugin by phase (its own clock, TIMELINE_PHASES_FILE);
            plugin = their sum and its share of the build
  ahead     starting the plugin's second process and taking its results (render_ahead_after)
  worker s  CPU seconds of the plugin's work done meanwhile in that process, on another CPU
            (pages' parts and the exports): not in plugin, included in cpu s
  peak MB   peak resident memory of the build process; site MB = everything written to site/
  entry pg  the largest page of one event (blog: of one post); largest page: of any kind"""


def best(runs: Sequence[Run], kind: str, n: int) -> Run | None:
    """The fastest run of this kind at this N (the figure the issue asks for)."""
    mine = [r for r in runs if r.kind == kind and r.n == n]
    return min(mine, key=lambda r: r.seconds) if mine else None


def _row(run: Run) -> str:
    cells = [
        f"{run.n:>6}",
        f"{run.kind:<5}",
        f"{run.seconds:8.2f}",
        f"{run.cpu_seconds:6.2f}",
        f"{run.seconds / run.n * 1000:8.2f}",
    ]
    if run.phases:
        cells += [f"{run.phases.get(name, 0.0):{len(label)}.2f}" for name, label in PHASE_COLUMNS]
        plugin = sum(run.phases.values())
        cells.append(f"{plugin:6.2f} ({plugin / run.seconds:4.0%})")
        cells.append(f"{sum(run.parallel.values()):8.2f}")
    else:
        cells += [f"{'-':>{len(label)}}" for _, label in PHASE_COLUMNS]
        cells += [f"{'-':>13}", f"{'-':>8}"]
    cells += [
        f"{run.peak_mb:7.0f}",
        f"{run.pages:6}",
        f"{run.site_bytes / 1e6:7.1f}",
        f"{run.largest_entry_bytes / 1e3:6.0f} KB",
        f"{run.largest_bytes / 1e3:6.0f} KB {run.largest_page}",
    ]
    return " ".join(cells)


def table(runs: Sequence[Run], ns: Sequence[int], kinds: Sequence[str]) -> str:
    header = " ".join(
        [f"{'N':>6}", f"{'kind':<5}", f"{'build s':>8}", f"{'cpu s':>6}", f"{'ms/entry':>8}"]
        + [label for _, label in PHASE_COLUMNS]
        + [f"{'plugin (share)':>13}", f"{'worker s':>8}", f"{'peak MB':>7}", f"{'pages':>6}"]
        + [f"{'site MB':>7}"]
        + [f"{'entry pg':>9}", "largest page"]
    )
    lines = [header, "-" * len(header)]
    for n in ns:
        for kind in kinds:
            if (run := best(runs, kind, n)) is not None:
                lines.append(_row(run))
    return "\n".join(lines)


def ratio_lines(runs: Sequence[Run], n: int) -> list[str]:
    """'N=1000: …' then `ratio ours/blog: 0.23` and `ratio ours/floor: 1.31` (minimum runs)."""
    ours, blog, floor = (best(runs, kind, n) for kind in ("ours", "blog", "floor"))
    if ours is None:
        return []
    rounds = {
        kind: sorted(r.seconds for r in runs if r.kind == kind and r.n == n)
        for kind in ("ours", "blog", "floor")
    }
    every = "; ".join(
        f"{kind} " + " ".join(f"{s:.1f}" for s in seconds)
        for kind, seconds in rounds.items()
        if seconds
    )
    lines = [f"N={n} (every round, seconds: {every})"]
    if blog is not None:
        lines.append(f"ratio ours/blog: {ours.seconds / blog.seconds:.2f}")
    if floor is not None:
        lines.append(f"ratio ours/floor: {ours.seconds / floor.seconds:.2f}")
    cpu = {
        k: min(r.cpu_seconds for r in runs if r.kind == k and r.n == n) for k in rounds if rounds[k]
    }
    if len(cpu) > 1:
        lines.append(
            "  same ratios in CPU seconds (minimum per kind): "
            + ", ".join(
                f"ours/{k} {cpu['ours'] / cpu[k]:.2f}" for k in ("blog", "floor") if k in cpu
            )
        )
    return lines


# The sizes at which each performance target is set (README, Performance); at other sizes the
# figure is shown for information only. The largest page has a target at every N.
TARGET_SIZES = {"blog": (5000,), "floor": (5000,), "plugin": (1000, 5000), "memory": (5000,)}


def targets(runs: Sequence[Run], ns: Sequence[int], checks: Sequence[Run]) -> list[str]:
    """Each performance target that these runs can judge, marked ok or MISSED
    (or info, at a size the target is not set for)."""
    lines: list[str] = []

    def judge(ok: bool, text: str, target: str = "", n: int = 0) -> None:
        mark = "ok" if ok else "MISSED"
        if target and n not in TARGET_SIZES[target]:
            mark = "info"
        lines.append(f"  [{mark:^6}] {text}")

    for n in ns:
        ours, blog, floor = (best(runs, kind, n) for kind in ("ours", "blog", "floor"))
        if ours is None:
            continue
        if blog is not None:
            ratio = ours.seconds / blog.seconds
            text = f"N={n}: build at most 0.25x the blog plugin's: {ratio:.2f}"
            judge(ratio <= 0.25, text, "blog", n)
        if floor is not None:
            ratio = ours.seconds / floor.seconds
            judge(ratio <= 1.3, f"N={n}: build at most 1.3x the floor: {ratio:.2f}", "floor", n)
        if ours.phases:
            share = sum(ours.phases.values()) / ours.seconds
            text = f"N={n}: plugin phases under 10% of the build: {share:.0%}"
            judge(share < 0.10, text, "plugin", n)
        judge(
            ours.largest_bytes < 300_000,
            f"N={n}: largest HTML page under 300 KB: {ours.largest_bytes / 1e3:.0f} KB "
            f"({ours.largest_page})",
        )
        text = f"N={n}: peak memory under 1 GB: {ours.peak_mb:.0f} MB"
        judge(ours.peak_mb < 1024, text, "memory", n)
    measured = [n for n in ns if best(runs, "ours", n) is not None]
    if len(measured) >= 2:
        small, large = best(runs, "ours", min(measured)), best(runs, "ours", max(measured))
        growth = (large.seconds / large.n) / (small.seconds / small.n)
        judge(
            growth <= 1.2,
            f"per-entry cost at N={large.n} within 1.2x of N={small.n}: {growth:.2f}x "
            f"({large.seconds / large.n * 1000:.2f} vs {small.seconds / small.n * 1000:.2f} ms)",
        )
    for run in checks:
        judge(run.seconds < 3, f"timeline check of {run.n} entries under 3 s: {run.seconds:.2f} s")
    return lines


def rebuild_line(rebuild: dict) -> str:
    """The `mkdocs serve` case: a second build with the same plugin object after one edit."""
    first, second = rebuild["first"], rebuild["second"]
    load = "load+validate"
    return (
        f"mkdocs serve, N={rebuild['n']}, one entry edited: load+validate "
        f"{first['phases'][load]:.2f} s -> {second['phases'][load]:.3f} s "
        f"({second['parsed']} parsed, {second['reused']} reused); whole build in one process "
        f"{first['seconds']:.1f} s -> {second['seconds']:.1f} s"
        + ("" if rebuild["same_plugin"] else " (WARNING: MkDocs made a new plugin object)")
    )
