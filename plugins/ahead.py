"""Work done ahead in a forked process, on a second CPU, while MkDocs goes on in this one.

MkDocs builds on one CPU. During `mkdocs build` of a large timeline the plugin starts one child
process (fork: it shares everything built so far, nothing is sent to it) that renders the event
pages' fragments while this process converts the Markdown of every page; the results come back
as one pickled dict of strings when they are needed. The child runs the very same code as this
process would, so the site is the same byte for byte, and anything that goes wrong in it only
means the work is done here after all.

Only where fork is safe and pays: Linux, more than one CPU available, and a process that runs no
other thread (`mkdocs serve` does; it never forks here).
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any


def available() -> bool:
    """Whether work can go to a forked process here."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    return len(os.sched_getaffinity(0)) > 1 and threading.active_count() == 1


class Ahead:
    """One forked process computing `work()`; `result()` waits for it and returns its value."""

    def __init__(self, work: Callable[[], Any]):
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns into the parent's code
            os.close(read_end)
            _run_child(work, write_end)
        os.close(write_end)
        self._read_end = read_end
        self.cpu_seconds = 0.0
        self.failure: str | None = None

    def result(self) -> Any | None:
        """The child's value, or None when it failed (then `failure` says why)."""
        chunks = []
        while chunk := os.read(self._read_end, 1 << 22):
            chunks.append(chunk)
        os.close(self._read_end)
        _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not chunks:
            self.failure = f"the worker process ended with status {status}"
            return None
        ok, value, self.cpu_seconds = pickle.loads(b"".join(chunks))
        if not ok:
            self.failure = value
            return None
        return value

    def cancel(self) -> None:
        """Stop the child (the build failed before its result was needed)."""
        try:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
            os.close(self._read_end)
        except OSError:
            pass


def _run_child(work: Callable[[], Any], write_end: int) -> None:
    status = 1
    try:
        start = time.process_time()
        try:
            payload = (True, work(), 0.0)
        except Exception:
            payload = (False, traceback.format_exc(), 0.0)
        payload = (*payload[:2], time.process_time() - start)
        data = memoryview(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
        while data:
            data = data[os.write(write_end, data) :]
        status = 0
    finally:
        os._exit(status)  # no atexit handlers, no flushing of the parent's buffers
