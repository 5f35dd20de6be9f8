"""`[function(item) for item in items]` spread over forked processes, for reading many entries.

A forked child shares the parent's memory, so the items cost nothing to hand over; its results
come back pickled through a pipe. Forking is used only where it is safe and pays: on Linux, with
two CPUs or more, in a process of one thread (a fork beside other threads, such as `mkdocs
serve`'s server, can leave the child waiting forever on a lock) and for `minimum` items or more.
Otherwise, and for the share of any child that fails, the items are read in this process: the
results, their order and any exception are those of the plain loop.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import mmap
import os
import pickle
import select
import signal
import struct
import sys
import tempfile
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
        self.pid, pipe = _fork(lambda end: _child(function, end))
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


def _fork(child: Callable[[int], None]) -> tuple[int, int]:
    """A forked child that runs `child(the pipe's end to write)` and never returns; here, its
    pid and the pipe's end to read."""
    pipe, child_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(pipe)
        os.close(child_end)
        raise
    if pid == 0:  # the child: never returns, whatever happens
        os.close(pipe)
        child(child_end)
    os.close(child_end)
    return pid, pipe


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


class Alongside:
    """`work(i)` for every i in `range(count)`, taken in order by this process (`take`), while a
    forked child does items a little ahead of it. For work that must happen in this process for
    every item anyway (MkDocs writes every page here), of which one part can move: the child
    does that part of the items it gets to first, this process takes its results, and does the
    part itself for any item the child has not claimed when it gets there. The child stays at
    least `LEAD` items ahead, jumping forward when this process catches up, so that this
    process rarely waits: the two share the moving part in whatever proportion their speeds
    allow, and finish together.

    In memory both share: how far this process has come, and a byte per item that the child
    sets before it starts the item; an item the child claims in the instant this process takes
    it is done by both, which costs time, never a result. The child writes each result (a
    `str`) to temporary files and its place to a pipe, so it never waits for this process to
    read, and this process holds none it has not taken; a file is removed once this process has
    passed it, and the child waits rather than get `AHEAD` items ahead, so that those files
    stay small whatever the count (at 50,000 pages, 1.5 GB otherwise).

    An item the child claimed but did not finish is done here: one that raised (the child then
    stops, and the exception is raised here, by the plain code), one during which something
    was logged at INFO or above (this process does it again and says it; after `SAID` such
    items in a row the child stops, as this process would only wait for it to give up), and
    every one left when the child was lost."""

    LEAD, AHEAD, SAID = 2, 1000, 10
    FILE = 32 << 20  # the child starts a new file past this many bytes
    _RECORD = struct.Struct("qqq")  # item, file << 40 | offset, length; length -1: not done
    # item -1: ended, then the child's CPU time in microseconds and how many items it did

    def __init__(self, count: int, work: Callable[[int], str]):
        self.count, self.results, self.ended = count, {}, False
        self.cpu_seconds, self.done = 0.0, 0  # the child's, once it has ended
        self.finished = False  # the child ended by itself (and said how much it did)
        self.shared = mmap.mmap(-1, 8 + count)  # this process's item, then the child's claims
        self._folder = tempfile.TemporaryDirectory(prefix="timeline-alongside-")
        self.folder, self._file = self._folder.name, (-1, -1)  # (number, descriptor) open here
        try:
            self.pid, pipe = _fork(lambda end: _alongside_child(self, work, end))
        except OSError:
            self._folder.cleanup()
            raise
        os.set_blocking(pipe, False)
        self._pipe: int | None = pipe
        self._unread = b""

    def _claimed(self, item: int) -> bool:
        return self.shared[8 + item] != 0

    def take(self, i: int) -> str | None:
        """The child's result for item i, or None: do it here. Items are taken in order."""
        struct.pack_into("q", self.shared, 0, i)
        if self._claimed(i):  # the child claimed it: its result, or word that it failed
            while i not in self.results and not self.ended:
                self._drain(wait=True)
        self._drain(wait=False)  # places only: the pipe never fills
        where = self.results.pop(i, None)
        if where is None or where[1] < 0:
            return None
        number, offset = where[0] >> 40, where[0] & ((1 << 40) - 1)
        if number != self._file[0]:  # the child's next file: the last is passed
            self._close_file()
            self._file = (number, os.open(self.path(number), os.O_RDONLY))
        return os.pread(self._file[1], where[1], offset).decode("utf-8", "surrogatepass")

    def path(self, number: int) -> str:
        return os.path.join(self.folder, str(number))

    def _close_file(self) -> None:
        number, descriptor = self._file
        if number >= 0:
            os.close(descriptor)
            for earlier in range(number + 1):  # and any the child wrote but nothing needed
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.path(earlier))
        self._file = (-1, -1)

    def _drain(self, wait: bool) -> None:
        """The places of the results the child has written since; `wait`: at least one."""
        if self._pipe is None:
            return
        if wait:
            select.select([self._pipe], [], [])
        try:
            data = os.read(self._pipe, 1 << 16)
        except BlockingIOError:
            return
        if not data:  # the child has ended, or was lost: what it did not write is done here
            self._close()
            return
        data, size = self._unread + data, self._RECORD.size
        whole = len(data) - len(data) % size
        self._unread = data[whole:]
        for item, offset, length in self._RECORD.iter_unpack(data[:whole]):
            if item < 0:
                self.cpu_seconds, self.done, self.finished = offset / 1e6, length, True
                self._close()
            else:
                self.results[item] = (offset, length)

    def _close(self) -> None:
        self.ended = True
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
            os.waitpid(self.pid, 0)

    def close(self, wait: float = 0.0) -> None:
        """Let go of the child's results; a child still at work is given `wait` seconds to end
        (once every item is taken it ends after the one it is doing, and says what it did),
        then stopped."""
        deadline = time.monotonic() + wait
        while self._pipe is not None and (left := deadline - time.monotonic()) > 0:
            if select.select([self._pipe], [], [], left)[0]:
                self._drain(wait=False)
        if self._pipe is not None:
            os.kill(self.pid, signal.SIGKILL)
            self._close()
        self.results.clear()
        self._close_file()
        self._folder.cleanup()
        self.shared.close()


def _alongside_child(alongside: Alongside, work: Callable[[int], str], pipe: int) -> None:
    status = 1
    try:
        gc.freeze()  # collections never touch (and so copy) the parent's objects
        said, shared, start = _Said.listen(), alongside.shared, time.process_time()
        number, offset, item, count, parent, said_in_a_row = 0, 0, -1, 0, os.getppid(), 0
        file = open(alongside.path(number), "wb")  # noqa: SIM115 (one file after another)
        with open(pipe, "wb") as out:
            while True:
                mine = struct.unpack_from("q", shared, 0)[0]
                item = max(item + 1, mine + Alongside.LEAD)
                if item >= alongside.count:
                    break
                if item - mine > Alongside.AHEAD:  # far enough ahead: wait for the parent
                    if os.getppid() != parent:
                        break
                    time.sleep(0.005)
                    item -= 1
                    continue
                shared[8 + item] = 1
                said.anything, data = False, None
                try:
                    data = work(item).encode("utf-8", "surrogatepass")
                    if not said.anything:
                        if offset and offset + len(data) > Alongside.FILE:
                            file.close()
                            number, offset = number + 1, 0
                            file = open(alongside.path(number), "wb")  # noqa: SIM115
                        file.write(data)
                        file.flush()
                except Exception:  # raised again where the parent does the item; a full disk
                    data = None
                done = data is not None and not said.anything
                place = number << 40 | offset
                out.write(Alongside._RECORD.pack(item, place, len(data) if done else -1))
                out.flush()
                said_in_a_row = said_in_a_row + 1 if said.anything else 0
                if data is None or said_in_a_row >= Alongside.SAID:
                    break
                offset, count = offset + (len(data) if done else 0), count + done
            cpu = round((time.process_time() - start) * 1e6)
            out.write(Alongside._RECORD.pack(-1, cpu, count))
        status = 0
    finally:
        os._exit(status)


class _Said(logging.Handler):
    """In the child: whether anything was logged at INFO or above, said nowhere (the parent
    says it, doing the item again); it replaces the handlers of every logger that has some."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.anything = False

    def emit(self, record: logging.LogRecord) -> None:
        self.anything = True

    @classmethod
    def listen(cls) -> _Said:
        said = cls()
        loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
        for logger in loggers:
            if isinstance(logger, logging.Logger) and logger.handlers:
                logger.handlers = [said]
        return said
