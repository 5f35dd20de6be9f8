"""A content folder to a `Timeline`: the one pipeline that `timeline check` and the MkDocs plugin
both run, so that they cannot disagree on any file's fate.

Every file of the events folder is accounted for: published, a draft, invalid (with its
problems), an image published as it is, or a hidden file named in a notice.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from .cache import EntryCache
from .collection import Timeline, build_timeline
from .entry import read_registry_bytes
from .model import Problem
from .paths import FolderScan, scan_folder


def load_timeline(
    content_dir: str,
    folder: str = "events",
    registry_name: str = "actors.yml",
    shown_root: str | None = None,
    only: Iterable[str] | None = None,
    cache: EntryCache | None = None,
) -> Timeline:
    """Load a whole content folder. Paths in problems are shown relative to `shown_root`
    (default: the current directory). `only` limits the entries to these content paths.
    `cache` keeps parse results between calls (`mkdocs serve`): an edit re-reads one file."""
    base = os.path.relpath(content_dir, shown_root or os.getcwd())

    def shown(rel_path: str) -> str:  # relpath per file would cost two getcwd() and abspath()s
        return os.path.normpath(os.path.join(base, rel_path)).replace(os.sep, "/")

    cache = cache or EntryCache()
    raw, missing = read_registry_bytes(
        os.path.join(content_dir, registry_name), shown(registry_name)
    )
    registry, registry_problems = cache.registry(raw, shown(registry_name), missing)
    scan = scan_folder(content_dir, folder) if only is None else FolderScan(tuple(only))
    notices = [
        Problem(shown(p), 1, 1, "file", why, "notice")
        for p, why, level in scan.refused
        if level == "notice"
    ]
    results = [
        (path, None, [Problem(shown(path), 1, 1, "file", why)])
        for path, why, level in scan.refused
        if level != "notice"
    ]
    unreadable, readable = [], []
    for rel_path in scan.entries:
        try:
            with open(os.path.join(content_dir, rel_path), "rb") as handle:
                readable.append((handle.read(), shown(rel_path), rel_path))
        except OSError as error:
            problem = Problem(shown(rel_path), 1, 1, "file", error.strerror or "unreadable")
            unreadable.append((rel_path, None, [problem]))
    results += unreadable + cache.read_all(readable, registry, raw)
    return build_timeline(
        results, registry, [*registry_problems, *notices], shown, images=scan.images
    )
