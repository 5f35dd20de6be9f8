"""Reading in forked processes (parallel.py) gives exactly what reading in one process gives:
the same results in the same order, the same problems, the same exceptions."""

from __future__ import annotations

import logging
import os
import signal
import time

import pytest
from conftest import ACTORS
from hostile import CASES, REGISTRY, STRAYS, make_site

from timeline import parallel
from timeline.cache import EntryCache
from timeline.check.registry import load_registry
from timeline.entry import read_entry
from timeline.loader import load_timeline

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not parallel.can_fork(), reason="forks only on Linux, one thread"),
]


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """The pid of every child forked, with the threshold lowered so that a few items fork."""
    started: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            started.append(pid)
        return pid

    assert parallel.can_fork(), "another thread runs in this process: nothing would fork"
    monkeypatch.setattr(parallel.os, "fork", counted)
    monkeypatch.setattr(parallel, "MINIMUM", 2)
    return started


def with_pid(item: int) -> tuple[int, int]:
    return item, os.getpid()


def test_results_keep_the_order_of_the_items_across_processes(forks):
    results = parallel.fork_map(with_pid, range(50), processes=3)
    assert [item for item, _ in results] == list(range(50))
    assert len({pid for _, pid in results}) == 3 and len(forks) == 2


def test_below_the_threshold_nothing_is_forked(forks):
    assert parallel.fork_map(with_pid, range(50), minimum=51) == [
        (i, os.getpid()) for i in range(50)
    ]
    assert parallel.fork_map(with_pid, [7], processes=2) == [(7, os.getpid())]
    assert forks == []


def test_the_share_of_a_failing_child_is_read_again_in_this_process(forks):
    parent = os.getpid()

    def fails_in_a_child(item: int) -> int:
        if os.getpid() != parent and item == 40:
            raise RuntimeError("only in the child")
        return item * 2

    assert parallel.fork_map(fails_in_a_child, range(50), processes=2) == list(range(0, 100, 2))


@pytest.mark.parametrize("failing", [(30, 45), (5, 45)], ids=["in a child", "in this process"])
def test_an_item_that_fails_raises_as_in_one_process(forks, failing):
    def fails(item: int) -> int:
        if item in failing:
            raise ValueError(f"item {item}")
        return item

    for processes in (2, 3):
        with pytest.raises(ValueError, match=f"item {failing[0]}$"):
            parallel.fork_map(fails, range(50), processes=processes)
    assert len(forks) == 3
    for pid in forks:  # every child was waited for (the tests' build server is one of ours too)
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def hostile_site(root):
    site = make_site(root, ACTORS + REGISTRY)
    for case in CASES:
        site.write(f"events/{case.path}", case.content)
    for path, content in STRAYS.items():
        site.write(f"events/{path}", content)
    # an entry that cannot be read: a link to a file that is not there
    (site.content / "events/2024/2024-10-01-gone.md").symlink_to("2024-10-01-missing.md")
    return site


def test_a_folder_read_in_several_processes_gives_the_same_timeline(tmp_path, forks, monkeypatch):
    site = hostile_site(tmp_path)
    forked = load_timeline(str(site.content), shown_root=str(tmp_path))
    assert forks, "the folder was read in one process"
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    alone = load_timeline(str(site.content), shown_root=str(tmp_path))
    assert forked.invalid and forked.problems and forked.events  # every kind of result is there
    assert "content/events/2024/2024-10-01-gone.md" in {p.path for p in forked.problems}
    for name in ("events", "drafts", "invalid", "problems"):
        assert getattr(forked, name) == getattr(alone, name), name


def test_the_entry_cache_reads_many_new_files_in_several_processes(tmp_path, forks):
    registry, _ = load_registry((ACTORS + REGISTRY).encode(), "content/actors.yml")
    entries = [(c.content, f"content/events/{c.path}", f"events/{c.path}") for c in CASES]
    results = EntryCache().read_all(entries, registry, b"r1")
    assert forks
    assert results == [(rel, *read_entry(raw, path, rel, registry)) for raw, path, rel in entries]


# `Alongside`: items taken in order here, while a forked child does some ahead.

ODD = "\ud800 lone surrogate, \x00 NUL, \u202e right-to-left, 🕊️ emoji, é, "


def text(item: int) -> str:
    """An item's result: odd Unicode that must come back as it was, and some of it large."""
    return f"item {item}: " + ODD * (item % 7) + "x" * (100_000 if item % 10 == 3 else item)


def take_all(alongside, work, count, pause=0.002):
    """What the build does: every item in order, the child's result or the item done here (a
    little slowly, so that the child gets ahead); which came from the child."""
    results, from_child = [], []
    try:
        for item in range(count):
            got = alongside.take(item)
            if got is None:
                time.sleep(pause)
                got = work(item)
            else:
                from_child.append(item)
            results.append(got)
    finally:
        alongside.close(wait=5)  # every item taken: the child ends by itself
    return results, from_child


def test_items_done_alongside_are_those_of_the_plain_loop(forks):
    alongside = parallel.Alongside(200, text)
    results, from_child = take_all(alongside, text, 200)
    assert results == [text(item) for item in range(200)]
    assert len(from_child) > 100 and 0 not in from_child  # the child stays ahead
    assert alongside.finished and alongside.done >= len(from_child) and alongside.cpu_seconds > 0
    assert len(forks) == 1
    with pytest.raises(ChildProcessError):  # waited for
        os.waitpid(forks[0], os.WNOHANG)


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_few_items_or_none(forks, count):
    results, _ = take_all(parallel.Alongside(count, text), text, count)
    assert results == [text(item) for item in range(count)]


def test_an_item_that_fails_in_the_child_is_done_here_and_so_is_the_rest(forks):
    parent = os.getpid()

    def fails_in_the_child(item: int) -> str:
        if item == 20 and os.getpid() != parent:
            raise RuntimeError("only in the child")
        return text(item)

    results, from_child = take_all(parallel.Alongside(60, fails_in_the_child), text, 60, 0.02)
    assert results == [text(item) for item in range(60)]
    assert from_child and max(from_child) < 20  # the child stopped there


def test_an_item_during_which_something_is_said_is_done_here_and_said_once(forks, caplog):
    said = logging.getLogger("mkdocs.plugins.timeline")

    def says(item: int) -> str:
        if item == 10:
            said.info("item %d has something to say", item)
        return text(item)

    with caplog.at_level(logging.INFO):
        results, from_child = take_all(parallel.Alongside(60, says), says, 60, 0.02)
    assert results == [text(item) for item in range(60)]
    assert 10 not in from_child and [i for i in from_child if i > 10]  # and it went on
    assert [r.getMessage() for r in caplog.records] == ["item 10 has something to say"]


def test_a_child_that_has_something_to_say_at_every_item_stops(forks, caplog):
    """Else this process would wait for it to give up on each item, then do the item itself."""
    said = logging.getLogger("mkdocs.plugins.timeline")

    def says(item: int) -> str:
        if item >= 20:
            said.info("item %d has something to say", item)
        return text(item)

    with caplog.at_level(logging.INFO):  # before the fork: the child's logging is as it was
        alongside = parallel.Alongside(200, says)
        results, from_child = take_all(alongside, says, 200, 0.02)
    assert results == [text(item) for item in range(200)]
    assert max(from_child) < 20 and alongside.done < 20
    assert len(caplog.records) == 180  # each said once, here


def test_a_child_lost_midway_leaves_the_rest_to_this_process(forks):
    alongside, results = parallel.Alongside(100, text), []
    for item in range(100):
        if item == 5:
            os.kill(alongside.pid, signal.SIGKILL)
        results.append(alongside.take(item) or text(item))
    alongside.close()
    assert results == [text(item) for item in range(100)]


def test_closing_stops_a_child_still_at_work(forks):
    slow = lambda item: time.sleep(0.05) or text(item)  # noqa: E731
    alongside = parallel.Alongside(10_000, slow)
    assert alongside.take(0) is None
    alongside.close()  # not waited for
    assert not alongside.finished
    with pytest.raises(ChildProcessError):
        os.waitpid(forks[0], os.WNOHANG)
    assert not os.path.exists(alongside.folder)


def test_the_child_stays_a_bounded_way_ahead_and_its_files_go_once_passed(forks, monkeypatch):
    """Whatever the count, the results waiting to be taken stay few: the child waits rather
    than get `AHEAD` items ahead, and each file it wrote is removed once this process is past."""
    monkeypatch.setattr(parallel.Alongside, "FILE", 1)  # a file for each result
    monkeypatch.setattr(parallel.Alongside, "AHEAD", 5)
    alongside, results, files = parallel.Alongside(300, text), [], []
    for item in range(300):
        got = alongside.take(item)
        results.append(got or text(item))
        files.append(len(os.listdir(alongside.folder)))
        time.sleep(0.001 if item % 50 else 0.2)  # now and then, time enough to get far ahead
    alongside.close()
    assert results == [text(item) for item in range(300)]
    assert alongside.done > 100 and max(files) <= 5 + 2
