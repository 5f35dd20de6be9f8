"""Run one build (or one `timeline check`) in a fresh process and measure it.

Wall time around the child process, its own peak memory from `wait4` (not the sum over
children), and what it wrote: HTML pages, total size, the largest page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PHASES_FILE = "phases.json"
# every timestamp MkDocs writes comes from here, as in the Makefile; no banner in the log
BASE_ENV = {"SOURCE_DATE_EPOCH": "1730332800", "NO_MKDOCS_2_WARNING": "1"}


class BenchError(RuntimeError):
    """A build the benchmark ran failed; the message has the end of its log."""


@dataclass(frozen=True)
class Run:
    """One measured process."""

    kind: str
    n: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    pages: int = 0
    site_bytes: int = 0
    largest_bytes: int = 0
    largest_page: str = ""
    largest_entry_bytes: int = 0  # the largest page of one event (or blog post)
    phases: dict[str, float] = field(default_factory=dict)
    # CPU seconds of the plugin's work in its forked process (render_ahead_after), by phase: on
    # another CPU, so not in `phases`; `cpu_seconds` includes it
    parallel: dict[str, float] = field(default_factory=dict)


def _run(
    command: list[str], cwd: Path, log: Path, env: dict[str, str]
) -> tuple[float, float, float]:
    """Run to completion; (wall seconds, CPU seconds, peak resident MB of that process)."""
    with open(log, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"{' '.join(command)} in {cwd} exited {process.returncode}:\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def build(kind: str, n: int, site: Path) -> Run:
    """`mkdocs build` of a site written by `sites.write_site`."""
    output = site / "site"
    shutil.rmtree(output, ignore_errors=True)
    phases_file = site / PHASES_FILE
    phases_file.unlink(missing_ok=True)
    env = dict(os.environ, **BASE_ENV)
    if kind == "ours":
        env["TIMELINE_PHASES_FILE"] = str(phases_file)
    seconds, cpu, peak = _run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site"],
        site,
        site / "build.log",
        env,
    )
    if kind == "ours":
        log = (site / "build.log").read_text(encoding="utf-8")
        expected = f"timeline: {n} events published, 0 drafts, 0 invalid"
        if expected not in log:
            raise BenchError(f"{site}: expected '{expected}' in the build log:\n{log[-3000:]}")
    phases = json.loads(phases_file.read_text()) if phases_file.exists() else {}
    parallel = phases.pop("parallel", {})
    pages, total, largest, largest_path, largest_entry = 0, 0, 0, "", 0
    for directory, _, names in os.walk(output):
        for name in names:
            size = os.path.getsize(os.path.join(directory, name))
            total += size
            if name.endswith(".html"):
                pages += 1
                path = os.path.relpath(os.path.join(directory, name), output)
                if size > largest:
                    largest, largest_path = size, path
                if _is_entry_page(path):
                    largest_entry = max(largest_entry, size)
    return Run(
        kind,
        n,
        seconds,
        cpu,
        peak,
        pages,
        total,
        largest,
        largest_path,
        largest_entry,
        phases,
        parallel,
    )


def _is_entry_page(path: str) -> bool:
    """An event's own page (ours, floor) or a post's (blog: blog/YYYY/MM/DD/slug/)."""
    parts = path.split(os.sep)
    return parts[0] == "events" or (parts[0] == "blog" and parts[1][:1].isdigit())


def check(n: int, content: Path) -> Run:
    """`timeline check` over a content folder (the CLI as contributors and CI run it)."""
    env = dict(os.environ, **BASE_ENV)
    seconds, cpu, peak = _run(
        [sys.executable, "-m", "timeline", "check", "--content", str(content)],
        content.parent,
        content.parent / "check.log",
        env,
    )
    log = (content.parent / "check.log").read_text(encoding="utf-8")
    expected = f"timeline: {n} events published, 0 drafts, 0 invalid"
    if expected not in log:
        raise BenchError(f"{content}: expected '{expected}' from timeline check:\n{log[-3000:]}")
    return Run("check", n, seconds, cpu, peak)


def serve_rebuild(site: Path) -> dict:
    """Two builds with one plugin object and one entry edited between them (bench.rebuild)."""
    env = dict(os.environ, **BASE_ENV)
    log = site / "rebuild.log"
    with open(log, "wb") as err:
        result = subprocess.run(
            [sys.executable, "-m", "bench.rebuild", str(site)],
            cwd=Path(__file__).resolve().parent.parent,
            stdout=subprocess.PIPE,
            stderr=err,
            env=env,
        )
    if result.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"bench.rebuild {site} exited {result.returncode}:\n{tail}")
    return json.loads(result.stdout.decode().strip().splitlines()[-1])
