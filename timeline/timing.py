"""Seconds the plugin spends in each phase of one build, for the benchmark (`make bench`).

Logged at debug level after the build, and written as JSON to the file named by the environment
variable `TIMELINE_PHASES_FILE` when it is set (`make bench` sets it). Costs two clock reads a call.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter

ENV_FILE = "TIMELINE_PHASES_FILE"
PARALLEL_KEY = "parallel"  # in the JSON: {phase: CPU seconds in the forked process}
PHASES = (
    "load+validate",
    "order+group",
    "timeline pages",
    "actor pages",
    "event pages",
    "page heads",
    "exports",  # feeds and data files: wrap their writing in `self.phases.time("exports")`
    "rendered ahead",  # starting the worker that renders ahead, then taking its results
)


class Phases:
    """Accumulated seconds per named phase; every phase in PHASES is reported, even at 0."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(PHASES, 0.0)
        # CPU seconds of work done meanwhile in a forked process (rendering ahead), by phase:
        # not part of this process's time, reported beside it
        self.parallel: dict[str, float] = {}

    @contextmanager
    def time(self, phase: str) -> Iterator[None]:
        start = perf_counter()
        try:
            yield
        finally:
            self.seconds[phase] = self.seconds.get(phase, 0.0) + perf_counter() - start

    def report(self, log: logging.Logger | logging.LoggerAdapter) -> None:
        total = sum(self.seconds.values())
        log.debug(
            f"plugin phases: {total:.3f} s in all; "
            + ", ".join(f"{name} {seconds:.3f} s" for name, seconds in self.seconds.items())
            + "".join(f"; in parallel: {n} {s:.3f} s CPU" for n, s in self.parallel.items())
        )
        path = os.environ.get(ENV_FILE)
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                json.dump({**self.seconds, PARALLEL_KEY: self.parallel}, handle, indent=2)
