"""Parse results kept between builds of one process (`mkdocs serve`), so an edit re-reads one file.

An entry's result depends only on its bytes, the path shown in problems, its path in the content
folder and the registry; the cache compares all of them, so a hit is exactly what `read_entry`
would return. Results are immutable (frozen events, tuples of problems) and safe to share.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable

from .check.places import Places, load_places
from .check.registry import Registry, load_registry
from .entry import read_entry
from .model import Event, Problem
from .parallel import fork_map

Result = tuple[str, Event | None, list[Problem]]
RECENT_NS = 2_000_000_000
"""A file changed this recently is read again at the next call: the file system's clock ticks
every few milliseconds, so a second save within one tick could leave its times as they were
(as git does for its "racily clean" files)."""


class EntryCache:
    """`read_entry` over many files, reusing the previous call's results for unchanged files.
    `keep`: keep them for a next call at all (not in a one-off build, which would hold every
    entry's bytes to the end for nothing)."""

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self._registry_key: object = None
        self._kept: dict[str, tuple[bytes, str, Event | None, tuple[Problem, ...]]] = {}
        self.reused = 0
        self.parsed = 0
        self._registry_source: tuple[bytes, str] | None = None
        self._registry: tuple[Registry, tuple[Problem, ...]] = (Registry(), ())
        self._places: tuple[object, Places, tuple[Problem, ...]] = (None, Places(), ())
        self._files: dict[str, tuple[tuple[int, ...] | None, bytes, str]] = {}
        self._shown_as: str | None = None
        self.linking: dict[str, bool] = {}
        """A write-up -> whether it links to another page of the site (`loader.cross_links`)."""
        self.images: dict[tuple, object] = {}
        """(entry, src, the file's size, time and inode) -> its check (`loader.checked_images`):
        an image file is decoded once while it does not change."""

    def registry(
        self, raw: bytes | None, path: str, missing: Problem | None = None
    ) -> tuple[Registry, list[Problem]]:
        """`load_registry`, parsed again only when the registry's bytes or shown path change;
        no bytes: an empty registry and the problem `missing` says why."""
        if raw is None:
            return Registry(), [missing] if missing else []
        if self._registry_source != (raw, path):
            registry, problems = load_registry(raw, path)
            self._registry_source, self._registry = (raw, path), (registry, tuple(problems))
        return self._registry[0], list(self._registry[1])

    def places(self, raw: bytes | None, path: str) -> tuple[Places, list[Problem]]:
        """`load_places`, parsed again only when the file's bytes or shown path change; no
        file: no places (the registry is optional)."""
        if raw is None:
            return Places(), []
        if self._places[0] != (raw, path):
            places, problems = load_places(raw, path)
            self._places = ((raw, path), places, tuple(problems))
        return self._places[1], list(self._places[2])

    def contents(
        self, content_dir: str, rel_paths: Iterable[str], shown: Callable[[str], str]
    ) -> tuple[list[tuple[bytes, str, str]], list[tuple[str, str, OSError]]]:
        """Each file's (bytes, shown path, content path), and (content path, shown path,
        error) for those that cannot be read. A kept file whose size, times and inode are as
        they were is not opened again: a save changes its change time (`st_ctime_ns`), which no
        program can set back (5,000 files read on every save in a preview, 50,000 at 50,000)."""
        seen = self._files if self.keep and self._shown_as == shown(".") else {}
        files: dict[str, tuple[tuple[int, ...] | None, bytes, str]] = {}
        settled = time.time_ns() - RECENT_NS
        readable, unreadable = [], []
        for rel_path in rel_paths:
            where = os.path.join(content_dir, rel_path)
            try:
                stamp = _stamp(where) if self.keep else ()
                kept = seen.get(rel_path)
                if kept is not None and kept[0] == stamp:
                    raw, path = kept[1], kept[2]
                else:
                    with open(where, "rb") as handle:
                        raw, path = handle.read(), shown(rel_path)
            except OSError as error:
                unreadable.append((rel_path, shown(rel_path), error))
                continue
            if self.keep:
                files[rel_path] = (stamp if stamp[2] < settled else None, raw, path)
            readable.append((raw, path, rel_path))
        self._files, self._shown_as = files, shown(".") if self.keep else None
        return readable, unreadable

    def read_all(
        self, entries: Iterable[tuple[bytes, str, str]], registry: Registry, registry_key: object
    ) -> list[Result]:
        """(raw bytes, shown path, content path) per file -> (content path, event, problems).

        `registry_key` identifies the registry's content (its bytes): when it changes, every
        entry is validated again. Files not given here are forgotten, so the cache never grows
        beyond the current content.
        """
        kept = self._kept if registry_key == self._registry_key else {}
        entries = list(entries)
        hits = [_unchanged(kept, *entry) for entry in entries]
        missed = [entry for entry, hit in zip(entries, hits) if hit is None]
        # many files (the first build) are read in several processes where that is safe
        read = iter(fork_map(lambda entry: read_entry(*entry, registry), missed))
        fresh: dict[str, tuple[bytes, str, Event | None, tuple[Problem, ...]]] = {}
        results: list[Result] = []
        for (raw, path, rel_path), hit in zip(entries, hits):
            if hit is None:
                event, found = next(read)
                problems = tuple(found)
            else:
                event, problems = hit[2], hit[3]
            if self.keep:
                fresh[rel_path] = (raw, path, event, problems)
            results.append((rel_path, event, list(problems)))
        self.parsed, self.reused = len(missed), len(entries) - len(missed)
        self._kept, self._registry_key = fresh, registry_key
        return results


def _stamp(path: str) -> tuple[int, ...]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def _unchanged(kept: dict, raw: bytes, path: str, rel_path: str) -> tuple | None:
    """The kept result of a file whose bytes and shown path are as they were, else None."""
    hit = kept.get(rel_path)
    return hit if hit is not None and hit[0] == raw and hit[1] == path else None
