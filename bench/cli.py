"""`python -m bench` (`make bench`): generate, build three ways interleaved, print the figures."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
import sys
import time
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

from . import measure, preview, report
from .generate import generate
from .sites import KINDS, write_content, write_site

DEFAULT_OUT = Path(__file__).resolve().parent / "out"
# mkdocs-material's blog plugin had not written one page after 89 minutes at N = 50,000 (on 2 CPUs;
# 104 s at 5,000): past this size it is left out unless --kinds asks for it
BLOG_UP_TO = 20_000


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.replace(",", " ").split()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--n", type=_sizes, default=[1000, 5000], help="entry counts, e.g. '1000 5000' (default)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument(
        "--kinds",
        default=None,
        help=f"which builds: ours,blog,floor (default: all; the blog up to N = {BLOG_UP_TO:,})",
    )
    parser.add_argument(
        "--check-n", type=int, default=10000, help="entries for `timeline check` (0: skip)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="work folder (bench/out)")
    parser.add_argument(
        "--no-rebuild",
        dest="rebuild",
        action="store_false",
        help="skip timing a `mkdocs serve` rebuild after one edit (at the smallest N)",
    )
    parser.add_argument(
        "--preview-edits",
        type=int,
        default=50,
        help="body edits in the `make serve` preview, for its memory (-1: skip the preview)",
    )
    return parser


def machine() -> str:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs, load average {load}; Python {platform.python_version()}, "
        f"mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}"
    )


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    chosen = args.kinds.split(",") if args.kinds else list(KINDS)
    kinds = [k for k in KINDS if k in chosen]
    started = machine()
    runs: list[measure.Run] = []
    checks: list[measure.Run] = []
    rebuild: dict | None = None
    previews: list[tuple[int, dict]] = []
    try:
        for n in args.n:
            root = args.out / f"n{n}"
            shutil.rmtree(root, ignore_errors=True)
            these = [k for k in kinds if args.kinds or k != "blog" or n <= BLOG_UP_TO]
            if these != kinds:
                say(f"N={n}: the blog plugin left out (over {BLOG_UP_TO:,} entries it takes hours;"
                    " --kinds ours,blog,floor to build it)")  # fmt: skip
            say(f"N={n}: generating and writing {len(these)} sites under {root}")
            corpus = generate(n)
            sites = {kind: write_site(kind, corpus, root) for kind in these}
            for round_index in range(args.rounds):
                # rotate the order so that no kind always runs first (or after the slowest)
                turn = these[round_index % len(these) :] + these[: round_index % len(these)]
                for kind in turn:
                    run = measure.build(kind, n, sites[kind])
                    runs.append(run)
                    say(f"  round {round_index + 1}/{args.rounds} {kind:<5} {run.seconds:7.2f} s")
            if args.rebuild and "ours" in kinds and n == min(args.n):
                say(f"  serve rebuild after editing one entry (N={n})")
                rebuild = dict(measure.serve_rebuild(sites["ours"]), n=n)
            if args.preview_edits >= 0 and "ours" in kinds:
                say("  make serve (mkdocs serve --dirty): saving an entry until its page shows it")
                previews.append((n, preview.measure(n, args.preview_edits, root / "preview")))
        if args.check_n:
            root = args.out / f"check{args.check_n}"
            shutil.rmtree(root, ignore_errors=True)
            say(f"timeline check: writing {args.check_n} entries under {root}")
            write_content(generate(args.check_n), root / "content")
            timed = []
            for round_index in range(args.rounds):
                timed.append(measure.check(args.check_n, root / "content"))
                say(f"  round {round_index + 1}/{args.rounds} check {timed[-1].seconds:7.2f} s")
            checks.append(min(timed, key=lambda r: r.seconds))
    except measure.BenchError as error:
        say(f"bench: {error}")
        return 1
    print(render(args, kinds, runs, checks, rebuild, started, machine()))
    if previews:
        print("\nmake serve: seconds from saving an entry to its new page being served\n")
        print(preview.table(previews, args.preview_edits))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(
        json.dumps([dataclasses.asdict(r) for r in runs + checks], indent=2), encoding="utf-8"
    )
    return 0


def render(args, kinds, runs, checks, rebuild, started: str, ended: str) -> str:
    lines = [
        f"Timeline benchmark: N generated entries built three ways, interleaved in "
        f"{args.rounds} round(s); {time.strftime('%Y-%m-%d %H:%M')}",
        f"machine at start: {started}",
        f"machine at end:   {ended}",
        report.LEGEND,
        "",
        report.table(runs, args.n, kinds),
        "",
    ]
    for n in args.n:
        lines += report.ratio_lines(runs, n)
    for run in checks:
        lines.append(
            f"timeline check, {run.n} entries: {run.seconds:.2f} s "
            f"(minimum of {args.rounds}; peak {run.peak_mb:.0f} MB)"
        )
    if rebuild is not None:
        lines.append(report.rebuild_line(rebuild))
    heading = "performance targets (README, Performance; info: a size the target is not set for):"
    lines += ["", heading, *report.targets(runs, args.n, checks)]
    return "\n".join(lines)
