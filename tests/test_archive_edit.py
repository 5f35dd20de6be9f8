"""`--archive`'s edit of an entry: one `archived:` line inserted where the source's url is, with
its indentation and line ending, and every other byte of the file kept; refused, untouched, when
that cannot be done; and what is taken from the availability API's answer."""

from __future__ import annotations

import json

import pytest

from timeline.cli.archive import (
    Addition,
    EditError,
    add_archived,
    availability_query,
    snapshot_url,
    write_if_unchanged,
)

SNAP = "https://web.archive.org/web/20241031000000/https://a.example/x"

ENTRY = """\
---
title: "Quoted: title"  # a comment
date: 2024-10-31
actors: [north-korea]
summary: Something happened.
sources:
  # the wire copy first
  - publisher: AP
    url: 'https://a.example/x'   # dead
    published: 2024-10-31
  - url: https://b.example/y
    publisher: Reuters
---

Body.
"""


def inserted(text: str, after_line: int, line: str) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(lines[:after_line]) + line + "".join(lines[after_line:])


def test_one_line_is_inserted_after_the_url_at_the_keys_indentation():
    edited = add_archived(ENTRY.encode(), [Addition(0, SNAP)])
    assert edited.decode() == inserted(ENTRY, 9, f"    archived: {SNAP}\n")


def test_a_url_that_is_the_first_key_of_its_source():
    edited = add_archived(ENTRY.encode(), [Addition(1, SNAP)])
    assert edited.decode() == inserted(ENTRY, 11, f"    archived: {SNAP}\n")


def test_two_sources_of_one_file_at_once():
    edited = add_archived(ENTRY.encode(), [Addition(1, SNAP), Addition(0, SNAP + "2")])
    expected = inserted(ENTRY, 11, f"    archived: {SNAP}\n")
    assert edited.decode() == inserted(expected, 9, f"    archived: {SNAP}2\n")


def test_windows_line_endings_and_a_byte_order_mark_are_kept():
    raw = b"\xef\xbb\xbf" + ENTRY.replace("\n", "\r\n").encode()
    edited = add_archived(raw, [Addition(0, SNAP)])
    lines = raw.splitlines(keepends=True)
    assert edited == b"".join(lines[:9]) + f"    archived: {SNAP}\r\n".encode() + b"".join(
        lines[9:]
    )


def test_a_url_continued_on_the_next_line_gets_the_field_after_its_last_line():
    text = ENTRY.replace(
        "    url: 'https://a.example/x'   # dead\n",
        "    url: https://a.example/a-very-long-path\n      /continued-here\n",
    )
    edited = add_archived(text.encode(), [Addition(0, SNAP)])
    assert edited.decode() == inserted(text, 10, f"    archived: {SNAP}\n")


def test_an_address_yaml_would_misread_is_quoted():
    edited = add_archived(ENTRY.encode(), [Addition(0, "https://a.example/x:")])
    assert edited.decode() == inserted(ENTRY, 9, '    archived: "https://a.example/x:"\n')


@pytest.mark.parametrize(
    "text, why",
    [
        (
            ENTRY.replace(
                "  - url: https://b.example/y\n    publisher: Reuters\n",
                "  - {url: https://b.example/y, publisher: Reuters}\n",
            ),
            "written on one line",
        ),
        (
            ENTRY.replace(
                "  - url: https://b.example/y\n    publisher: Reuters\n",
                "  - {publisher: Reuters,\n     url: https://b.example/y}\n",
            ),
            "would not read back",
        ),
        (
            ENTRY.replace("    publisher: Reuters\n", "    publisher: Reuters\n    archived: x\n"),
            "already an archived copy",
        ),
        ("---\ntitle: [\n---\n", "cannot be read"),
    ],
)
def test_an_edit_that_could_touch_anything_else_is_refused(text, why):
    with pytest.raises(EditError, match=why):
        add_archived(text.encode(), [Addition(1, SNAP)])


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path):
    path = tmp_path / "entry.md"
    path.write_bytes(b"changed by the contributor")
    assert not write_if_unchanged(str(path), ENTRY.encode(), b"edited")
    assert path.read_bytes() == b"changed by the contributor"
    path.write_bytes(ENTRY.encode())
    path.chmod(0o640)
    assert write_if_unchanged(str(path), ENTRY.encode(), b"edited")
    assert path.read_bytes() == b"edited"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["entry.md"]


@pytest.mark.parametrize(
    "published, timestamp",
    [
        ("2024-10-31", "&timestamp=20241031"),
        ("2024-10", "&timestamp=202410"),
        ("31 October 2024", "&timestamp=20241031"),
        ("2024-10-31T14:30-04:00", "&timestamp=20241031"),
        ("not a date", ""),
        (None, ""),
    ],
)
def test_the_snapshot_asked_for_is_the_one_nearest_the_date_published(published, timestamp):
    query = availability_query(
        "https://archive.org/wayback/available", "https://a.example/x?y=1", published
    )
    assert query == (
        "https://archive.org/wayback/available?url=https%3A%2F%2Fa.example%2Fx%3Fy%3D1" + timestamp
    )


def answer(**closest) -> bytes:
    snapshot = {"status": "200", "available": True, "url": SNAP, "timestamp": "20241031000000"}
    return json.dumps({"archived_snapshots": {"closest": {**snapshot, **closest}}}).encode()


def test_only_an_available_http_snapshot_of_a_success_is_taken():
    assert snapshot_url(answer()) == SNAP
    assert snapshot_url(answer(url=SNAP.replace("https:", "http:", 1))) == SNAP
    assert snapshot_url(answer(url="http://other.example/x")) == "http://other.example/x"
    for bad in (
        answer(url="javascript:alert(1)"),
        answer(url="file:///etc/passwd"),
        answer(url="https://web.archive.org/web/1/x y"),
        answer(url="https://web.archive.org/web/1/x\n::error::forged"),
        answer(available=False),
        answer(status="404"),
        answer(url=None),
        b'{"archived_snapshots": {}}',
        b"<html>busy</html>",
        b"[]",
        None,
    ):
        assert snapshot_url(bad) is None, bad
