"""`python -m bench.profile`: where one build's time goes, by function (cProfile).

Builds a generated site in this process under the profiler and prints the functions with the
most time, so a slow phase can be traced to its cause. Not timed against anything. The plugin
renders everything in this process here (`render_ahead_after: -1`), so that all of it shows.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from .cli import DEFAULT_OUT
from .generate import generate
from .measure import BASE_ENV
from .sites import KINDS, write_site


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--kind", choices=KINDS, default="ours")
    parser.add_argument("--sort", choices=("tottime", "cumulative"), default="cumulative")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--warm", action="store_true", help="build once unprofiled first (cards)")
    args = parser.parse_args(argv)

    from mkdocs.commands.build import build

    root = args.out / f"profile-n{args.n}"
    shutil.rmtree(root, ignore_errors=True)
    site = write_site(args.kind, generate(args.n), root)
    os.environ.update(BASE_ENV)
    if args.warm:  # the social cards and image sizes kept in .cache/ are reused, as in CI
        build(_config(site))
    config = _config(site)
    profiler = cProfile.Profile()
    profiler.enable()
    build(config)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats(args.sort).print_stats(args.limit)
    return 0


def _config(site: Path):
    from mkdocs.config import load_config

    config = load_config(str(site / "mkdocs.yml"), site_dir=str(site / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    if "timeline" in config.plugins:  # all of the plugin's work in this process, profiled
        config.plugins["timeline"].config.render_ahead_after = -1
    return config


if __name__ == "__main__":
    sys.exit(main())
