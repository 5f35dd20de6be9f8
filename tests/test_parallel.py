"""Reading in forked processes (parallel.py) gives exactly what reading in one process gives:
the same results in the same order, the same problems, the same exceptions."""

from __future__ import annotations

import os

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
