"""Many link jobs at once: a pool of threads, work taken one host at a time in turn, and a
progress bar on a terminal."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from itertools import zip_longest
from typing import Any, TextIO

from .link_check import host_of


def by_host_in_turn(urls: Iterable[str]) -> list[str]:
    """URLs reordered to take one host at a time in turn, so that threads waiting on one busy
    host's rate limit do not hold up every other host."""
    hosts: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        hosts[host_of(url)].append(url)
    return [url for turn in zip_longest(*hosts.values()) for url in turn if url is not None]


class Progress:
    """A counter on a terminal's standard error; nothing elsewhere (CI logs get the summary)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = stream.isatty()
        self.label, self.total, self.count = "", 0, 0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.count = label, total, 0
        self._draw()

    def step(self) -> None:
        self.count += 1
        self._draw()

    def done(self) -> None:
        if self.shown and self.total:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def _draw(self) -> None:
        if not self.shown or not self.total:
            return
        filled = 30 * self.count // self.total
        bar = "#" * filled + "." * (30 - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self.count}/{self.total}")
        self.stream.flush()


def run_pool(
    jobs: Sequence[str],
    work: Callable[[str], Any],
    workers: int,
    progress: Progress,
    label: str,
) -> dict[str, Any]:
    """work(job) for every job, at most `workers` at a time; results by job."""
    results: dict[str, Any] = {}
    progress.start(label, len(jobs))
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="links")
    try:
        futures = {pool.submit(work, job): job for job in jobs}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            progress.step()
    finally:  # on Ctrl-C, drop the jobs not started (those running end within their timeout)
        pool.shutdown(wait=True, cancel_futures=True)
        progress.done()
    return results
