"""The incremental preview (`mkdocs serve --dirty`, plugins/preview.py): after each kind of edit,
the site it leaves is byte for byte the site a whole preview build of the same content makes,
and an edit to one entry renders a few pages again, not all of them.

Each session runs in a forked child: MkDocs keeps one plugin object per process (for
`mkdocs serve`), and the child's builds are the serve command's own calls, with the same
`on_startup(command="serve", dirty=True)`, one configuration loaded per build, the serve URL.
The whole builds it compares with run in their own forked children, as a fresh `mkdocs serve`
(not dirty) would build."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import traceback
from pathlib import Path

import pytest
from sample_site import write_sample_site

pytestmark = pytest.mark.e2e

URL = "http://127.0.0.1:8000/"


def _config(root: Path, site_dir: Path):
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.site_url = URL
    return config


def _build(root: Path, site_dir: Path, dirty: bool) -> dict:
    from mkdocs.commands.build import build

    config = _config(root, site_dir)
    build(config, serve_url=URL, dirty=dirty)
    plugin = config.plugins["timeline"]
    if plugin.preview is None:
        return {}
    plugin.preview.aside.wait()  # the exports, written after the pages
    found, items = plugin.preview.changes, plugin.preview.items
    search = next(p for p in config.plugins.values() if hasattr(p, "search_index"))
    tags = next(p for p in config.plugins.values() if hasattr(p, "mappings"))
    return {
        # mkdocs-material was told not to write its search index and tags.json: written aside
        "index aside": not search.config.enabled and not tags.config.export,
        "pages": len(found.pages), "every": found.every, "removed": len(found.removed),
        "listings": found.listings, "items made": items.made, "items kept": items.reused,
    }  # fmt: skip


def _whole(root: Path, site_dir: Path) -> None:
    """A whole preview build, in a child of its own (a fresh plugin object)."""
    shutil.rmtree(site_dir, ignore_errors=True)
    _forked(lambda: (_config(root, site_dir).plugins.on_startup(command="serve", dirty=False),
                     _build(root, site_dir, dirty=False)))  # fmt: skip


def _forked(work) -> None:
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            work()
        except BaseException:  # noqa: BLE001 - reported by the exit status and on stderr
            traceback.print_exc()
            status = 1
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert status == 0, "a forked build failed (its traceback is above)"


def _differences(one: Path, other: Path) -> list[str]:
    found = []
    for folder, _, names in os.walk(one):
        for name in names:
            path = Path(folder, name)
            twin = other / path.relative_to(one)
            if not twin.exists() or not filecmp.cmp(path, twin, shallow=False):
                found.append(str(path.relative_to(one)))
    for folder, _, names in os.walk(other):
        for name in names:
            if not (one / Path(folder, name).relative_to(other)).exists():
                found.append(
                    "only in the whole build: " + str(Path(folder, name).relative_to(other))
                )
    return sorted(found)


def _session(root: Path, edits, out: Path) -> list[dict]:
    """Build, then for each edit: edit, rebuild incrementally, build whole, compare."""
    results = out / "results.json"

    def run() -> None:
        os.environ.update({"SOURCE_DATE_EPOCH": "1730332800", "NO_MKDOCS_2_WARNING": "1"})
        served = out / "served"
        _config(root, served).plugins.on_startup(command="serve", dirty=True)
        steps = [{"edit": "first build", **_build(root, served, dirty=True)}]
        for name, edit in edits:
            edit()
            step = {"edit": name, **_build(root, served, dirty=True)}
            _whole(root, out / "whole")
            step["differ"] = _differences(served, out / "whole")
            steps.append(step)
        results.write_text(json.dumps(steps), encoding="utf-8")

    _forked(run)
    return json.loads(results.read_text(encoding="utf-8"))


def _events(root: Path) -> list[Path]:
    return sorted((root / "content" / "events").rglob("*.md"))


def test_every_kind_of_edit_leaves_the_site_a_whole_build_makes(tmp_path: Path):
    site = write_sample_site(tmp_path / "site", events=40)
    root = site.root
    entries = _events(root)
    edited, moved = entries[len(entries) // 2], entries[len(entries) // 3]
    text = edited.read_text(encoding="utf-8")
    actors = root / "content" / "actors.yml"

    def move() -> None:  # to another month, the file renamed as `timeline check` asks
        old = moved.read_text(encoding="utf-8")
        day = re.search(r"^date: (\d{4})-(\d\d)-\d\d$", old, re.M)
        new_day = f"{day[1]}-{int(day[2]) % 12 + 1:02d}-01"
        moved.unlink()
        moved.with_name(new_day + moved.name[10:]).write_text(
            re.sub(r"^end: .*\n", "", old.replace(day[0], "date: " + new_day), flags=re.M),
            encoding="utf-8",
        )

    added = edited.with_name(edited.name[:10] + "-a-new-entry.md")
    edits = [
        ("nothing", lambda: None),
        ("body", lambda: edited.write_text(text + "\nOne more sentence.\n", encoding="utf-8")),
        (
            "title",
            lambda: edited.write_text(
                re.sub(r"^title: (.*)$", r"title: \1, edited", text, count=1, flags=re.M),
                encoding="utf-8",
            ),
        ),  # fmt: skip
        ("date moved", move),
        (
            "new entry",
            lambda: added.write_text(
                re.sub(r"^title: (.*)$", "title: A new entry", text, count=1, flags=re.M),
                encoding="utf-8",
            ),
        ),  # fmt: skip
        ("entry removed", added.unlink),
        ("typo", lambda: edited.write_text(text.replace("date:", "dat:", 1), encoding="utf-8")),
        ("typo fixed", lambda: edited.write_text(text, encoding="utf-8")),
        (
            "actors.yml",
            lambda: actors.write_text(
                actors.read_text(encoding="utf-8").replace(
                    "name: Antony J. Blinken", "name: Antony Blinken"
                ),
                encoding="utf-8",
            ),
        ),  # fmt: skip
    ]
    steps = _session(root, edits, tmp_path)
    for step in steps[1:]:
        assert step["differ"] == [], step  # the search index written aside included
    assert all(step["index aside"] for step in steps)
    by_edit = {step["edit"]: step for step in steps}
    assert by_edit["first build"]["every"] == "first build"
    assert by_edit["nothing"]["pages"] == 0 and by_edit["nothing"]["every"] is None
    every = by_edit["first build"]["pages"]  # the plugin's pages, events' and made
    for bounded, share in [("body", 1 / 5), ("title", 1 / 5), ("date moved", 1 / 2),
                           ("new entry", 1 / 2), ("entry removed", 1 / 2)]:  # fmt: skip
        assert by_edit[bounded]["every"] is None, by_edit[bounded]
        assert 0 < by_edit[bounded]["pages"] < every * share, (by_edit[bounded], every)
    assert by_edit["entry removed"]["removed"] >= 1
    # the timeline page, rendered again for a new entry, reused the other events' items
    assert by_edit["new entry"]["items kept"] >= 30 and by_edit["new entry"]["items made"] <= 8
    # nothing lists a write-up: after a body edit, the home page and tags index are kept
    assert not by_edit["body"]["listings"] and by_edit["title"]["listings"]
    assert by_edit["actors.yml"]["every"]  # every page names actors: not bounded, said so
