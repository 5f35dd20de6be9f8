"""`[function(item) for item in items]` spread over forked processes, for reading many entries.

A forked child shares the parent's memory, so the items cost nothing to hand over; its results
come back pickled through a pipe. Forking is used only where it is safe and pays: on Linux, with
two CPUs or more, in a process of one thread (a fork beside other threads, such as `mkdocs
serve`'s server, can leave the child waiting forever on a lock) and for `minimum` items or more.
Otherwise, and for the share of any child that fails, the items are read in this process: the
results, their order and any exception are those of the plain loop.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MINIMUM = 1000
"""Below this many entries forking saves under 0.05 s, and it costs time when other programs keep
the CPUs busy (the children's work is the same, plus pickling)."""


def can_fork() -> bool:
    """Whether forking is available and safe here: Linux, and no other thread in this process."""
    return sys.platform == "linux" and threading.active_count() == 1


def cpus() -> int:
    """How many CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


class Forked:
    """`function()` computed in a forked child, while this process goes on; `wait()` for it.

    The child runs the very code this process would, on the memory it had when forked, and
    sends back the pickled value (or the traceback of what went wrong) through a pipe.
    """

    def __init__(self, function: Callable[[], Result]):
        self.value: Result | None = None
        self.failure: str | None = None  # why the child gave no value
        self.cpu_seconds = 0.0  # the child's own
        pipe, child_end = os.pipe()
        try:
            self.pid = os.fork()
        except OSError:
            os.close(pipe)
            os.close(child_end)
            raise
        if self.pid == 0:  # the child: never returns, whatever happens
            os.close(pipe)
            _child(function, child_end)
        os.close(child_end)
        self._pipe: int | None = pipe

    def wait(self) -> bool:
        """Wait for the child; True if it gave its value (`value`), else False (`failure`)."""
        if self._pipe is None:
            return self.failure is None
        enabled, outcome = gc.isenabled(), None
        gc.disable()  # thousands of new objects would start collection after collection
        try:
            with open(self._pipe, "rb") as source:  # read as it comes, never whole in memory
                outcome = pickle.load(source)
        except Exception:  # nothing, or a part: the child failed; its status says so
            outcome = None
        finally:
            if enabled:
                gc.enable()
            self._pipe = None
            _, status = os.waitpid(self.pid, 0)
        if status != 0 or outcome is None:
            self.failure = f"the child process ended with status {status}"
            return False
        ok, value, self.cpu_seconds = outcome
        if not ok:
            self.failure = value
            return False
        self.value = value
        return True

    def cancel(self) -> None:
        """Stop the child if it is still wanted (its result is not); nothing once waited for."""
        if self._pipe is None:
            return
        os.close(self._pipe)
        self._pipe = None
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def _child(function: Callable, pipe: int) -> None:
    status = 1
    try:
        gc.disable()  # it lives for one task; collecting would only copy the parent's pages
        start = time.process_time()
        try:
            outcome = (True, function())
        except Exception:
            outcome = (False, traceback.format_exc())
        with open(pipe, "wb") as output:  # written as it is pickled, never whole in memory
            value = (*outcome, time.process_time() - start)
            pickle.dump(value, output, pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)  # no atexit handlers, no flushing of the parent's buffered output


def fork_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    processes: int | None = None,
    minimum: int | None = None,
) -> list[Result]:
    """`[function(item) for item in items]`, in `processes` processes (default: as many as this
    process has CPUs to run on) if there are `minimum` items (default `MINIMUM`) or more.
    `function` must not change what a later item or the caller reads: a child's changes stay
    in the child. The share of a child that fails is read again here, so an item's exception
    is raised as in one process."""
    if len(items) < max(MINIMUM if minimum is None else minimum, 2) or not can_fork():
        return [function(item) for item in items]
    count = cpus() if processes is None else processes
    if count < 2:
        return [function(item) for item in items]
    size = -(-len(items) // count)  # contiguous shares: the results keep the items' order
    shares = [items[start : start + size] for start in range(0, len(items), size)]
    children: list[Forked | None] = []
    try:
        for share in shares[1:]:
            children.append(_start(lambda share=share: [function(item) for item in share]))
        results = [function(item) for item in shares[0]]
        for share, child in zip(shares[1:], children):
            if child is not None and child.wait():
                results += child.value
            else:
                results += [function(item) for item in share]
        return results
    finally:
        for child in children:  # after an exception here: their results are not wanted
            if child is not None:
                child.cancel()


def _start(function: Callable[[], Result]) -> Forked | None:
    """A child computing `function()`, or None if none could be started (then the work is done
    in this process)."""
    try:
        return Forked(function)
    except OSError:
        return None
