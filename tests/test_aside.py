"""Exports written aside (timeline/exports/aside.py): by a forked child, each file whole."""

from __future__ import annotations

import os
import time

import pytest

from timeline.exports.aside import stop_aside, wait_aside, write_aside

pytestmark = pytest.mark.unit


def test_the_child_writes_every_file_readable_by_all(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    pid = write_aside(lambda: iter([("a.json", b"{}"), ("b.ics", b"BEGIN")]), str(site))
    assert pid is not None
    wait_aside(pid)
    assert (site / "a.json").read_bytes() == b"{}" and (site / "b.ics").read_bytes() == b"BEGIN"
    assert os.stat(site / "a.json").st_mode & 0o777 == 0o644


def test_a_stopped_child_leaves_no_file_half_written_in_the_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()

    def slow():
        yield "first.json", b"1"
        time.sleep(30)
        yield "second.json", b"2"

    pid = write_aside(slow, str(site))
    for _ in range(500):  # the first file is there: the child is sleeping
        if (site / "first.json").exists():
            break
        time.sleep(0.01)
    stop_aside(pid)
    assert sorted(os.listdir(site)) == ["first.json"]
    assert (site / "first.json").read_bytes() == b"1"
