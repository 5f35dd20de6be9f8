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


def fork_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    processes: int | None = None,
    minimum: int | None = None,
) -> list[Result]:
    """`[function(item) for item in items]`, in `processes` processes (default: as many as this
    process has CPUs to run on) if there are `minimum` items (default `MINIMUM`) or more.
    `function` must not change what a later item or the caller reads: a child's changes stay
    in the child."""
    if len(items) < max(MINIMUM if minimum is None else minimum, 2) or not can_fork():
        return [function(item) for item in items]
    count = len(os.sched_getaffinity(0)) if processes is None else processes
    if count < 2:
        return [function(item) for item in items]
    size = -(-len(items) // count)  # contiguous shares: the results keep the items' order
    shares = [items[start : start + size] for start in range(0, len(items), size)]
    pending: dict[int, int] = {}  # pid -> pipe of each child not yet waited for
    try:
        pids = [_start(function, share, pending) for share in shares[1:]]
        results = [function(item) for item in shares[0]]
        for share, pid in zip(shares[1:], pids):
            received = None if pid is None else _receive(pid, pending.pop(pid))
            results += [function(item) for item in share] if received is None else received
        return results
    finally:
        for pid, pipe in pending.items():  # after an exception here: their results are not wanted
            os.close(pipe)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _start(function: Callable, share: Sequence, pending: dict[int, int]) -> int | None:
    """Fork a child that writes the pickled results of its share to a pipe; its pid, or None if
    no child could be started (the share is then read in this process)."""
    try:
        pipe, child_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(pipe)
        os.close(child_end)
        return None
    if pid == 0:  # the child: never returns, whatever happens
        status = 1
        try:
            os.close(pipe)
            gc.disable()  # it lives for one share; collecting would only copy the parent's pages
            data = pickle.dumps([function(item) for item in share], pickle.HIGHEST_PROTOCOL)
            with open(child_end, "wb") as output:
                output.write(data)
            status = 0
        finally:
            os._exit(status)  # no atexit handlers, no flushing of the parent's buffered output
    os.close(child_end)
    pending[pid] = pipe
    return pid


def _receive(pid: int, pipe: int) -> list | None:
    """A child's results, or None if it failed (its share is then read again in this process)."""
    try:
        with open(pipe, "rb") as source:
            data = source.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    enabled = gc.isenabled()
    gc.disable()  # thousands of new objects would start collection after collection
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()
