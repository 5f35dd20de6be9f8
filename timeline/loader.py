"""A content folder to a `Timeline`: the one pipeline that `timeline check` and the MkDocs plugin
both run, so that they cannot disagree on any file's fate.

Every file of the events folder is accounted for: published, a draft, invalid (with its
problems), an image published as it is, or a hidden file named in a notice.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from .cache import EntryCache
from .check.anchors import anchor_ids
from .check.catalogues import load_eras, load_measures
from .check.claims import claim_problems
from .check.images import image_file, target
from .check.links import ContentFiles, link_problems
from .check.markers import marker_problems
from .collection import ERAS, MEASURES, Timeline, build_timeline
from .entry import read_registry_bytes
from .model import Problem
from .parallel import fork_map
from .read.history import added_dates
from .read.paths import FolderScan, scan_folder


def load_timeline(
    content_dir: str,
    folder: str = "events",
    registry_name: str = "actors.yml",
    shown_root: str | None = None,
    only: Iterable[str] | None = None,
    cache: EntryCache | None = None,
    history: bool = False,
    places_name: str = "places.yml",
) -> Timeline:
    """Load a whole content folder. Paths in problems are shown relative to `shown_root`
    (default: the current directory). `only` limits the entries to these content paths.
    `cache` keeps parse results between calls (`mkdocs serve`): an edit re-reads one file.
    `history`: date the entries' additions by the git history (one `git log`) as well.
    `places_name`: the place registry, read when it exists (a site may have none)."""
    base = os.path.relpath(content_dir, shown_root or os.getcwd())

    def shown(rel_path: str) -> str:  # relpath per file would cost two getcwd() and abspath()s
        return os.path.normpath(os.path.join(base, rel_path)).replace(os.sep, "/")

    cache = cache or EntryCache(keep=False)
    raw, missing = read_registry_bytes(
        os.path.join(content_dir, registry_name), shown(registry_name)
    )
    registry, registry_problems = cache.registry(raw, shown(registry_name), missing)
    places_raw, unread = _optional(os.path.join(content_dir, places_name), shown(places_name))
    places, place_problems = cache.places(places_raw, shown(places_name))
    registry = replace(registry, places=places)
    registry_problems += place_problems + unread
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
    readable, failed = cache.contents(content_dir, scan.entries, shown)
    unreadable = [
        (rel_path, None, [Problem(path, 1, 1, "file", error.strerror or "unreadable")])
        for rel_path, path, error in failed
    ]
    results += unreadable + cache.read_all(readable, registry, (raw, places_raw))
    problems = [*registry_problems, *notices]
    published = set(scan.images) if only is None else None
    results = checked_images(results, content_dir, folder, published, shown, cache.images)
    if only is None:  # the maintainers' pages, walked once: links lead to them, markers checked
        pages = site_files(content_dir, folder)
        results = cross_links(results, pages | set(scan.images), shown, cache.linking)
        problems += page_problems(content_dir, sorted(pages), shown)
    measures_raw, unread_measures = _optional(os.path.join(content_dir, MEASURES), shown(MEASURES))
    eras_raw, unread_eras = _optional(os.path.join(content_dir, ERAS), shown(ERAS))
    measures, measure_problems = load_measures(measures_raw, shown(MEASURES))
    eras, era_problems = load_eras(eras_raw, shown(ERAS))
    results = claim_problems(results, measures, shown, whole=only is None)
    problems += unread_measures + unread_eras + measure_problems + era_problems
    git_dates = added_dates(content_dir, folder) if history else None
    timeline = build_timeline(results, registry, problems, shown, scan.images, git_dates)
    shown_as = base.replace(os.sep, "/")
    return replace(
        timeline, folder=folder, registry_path=registry_name, places_path=places_name,
        content_shown=shown_as, measures=measures, eras=eras,
    )  # fmt: skip


def _optional(path: str, shown: str) -> tuple[bytes | None, list[Problem]]:
    """An optional file's bytes (None when it does not exist), or why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read(), []
    except FileNotFoundError:
        return None, []
    except OSError as error:
        return None, [Problem(shown, 1, 1, "file", f"cannot be read ({error.strerror})")]


def checked_images(
    results: list, content_dir: str, folder: str, published, shown, known: dict | None = None
) -> list:
    """Each event's image file read and checked (`check.images.image_file`): its size and hash
    kept on the event, or the problem at its `src`, and the event left out. `published`: the
    events folder's images, or None for those on disk (when only some entries are checked).
    `known`: checks kept from earlier calls, by file and its size, time and inode."""

    def read(rel_path: str) -> bytes:
        with open(os.path.join(content_dir, rel_path), "rb") as handle:
            return handle.read()

    wanted = [(path, event.image.src) for path, event, _ in results if event and event.image]
    if wanted and published is None:  # only some entries read: the folder's images, once
        published = set(scan_folder(content_dir, folder).images)
    known = {} if known is None else known
    keys = {w: _image_key(content_dir, *w, published) for w in wanted}
    missing = [w for w in wanted if keys[w] is None or keys[w] not in known]
    # each file is decoded whole: on every CPU, past a few dozen
    found_all = fork_map(lambda w: image_file(*w, folder, published, read), missing, minimum=32)
    found_by = {w: known[keys[w]] for w in wanted if w not in missing}
    for w, found in zip(missing, found_all):
        found_by[w] = found
        if keys[w] is not None:
            known[keys[w]] = found
    checked = []
    for path, event, problems in results:
        if event is not None and event.image is not None:
            found = found_by[path, event.image.src]
            if isinstance(found, str):
                at = event.image.at
                problems, event = [*problems, Problem(shown(path), *at, "image.src", found)], None
            else:
                image = replace(event.image, path=found.path, digest=found.digest,
                                width=found.width, height=found.height)  # fmt: skip
                event = replace(event, image=image)
        checked.append((path, event, problems))
    return checked


def page_problems(content_dir: str, pages: list[str], shown) -> list[Problem]:
    """Problems of the maintainers' own pages (`site_files`' Markdown): markers that cannot be
    rendered."""
    problems = []
    for rel_path in pages:
        if not rel_path.lower().endswith(".md"):
            continue
        try:
            with open(os.path.join(content_dir, rel_path), encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            continue  # MkDocs reports a page it cannot read
        problems += marker_problems(text, shown(rel_path))
    return problems


def site_files(content_dir: str, folder: str) -> set[str]:
    """Every file of the content folder MkDocs publishes outside the events folder (hidden
    ones aside); entries join them in `cross_links` once read (a draft has no page)."""
    events = folder.strip("/")
    files: set[str] = set()
    for directory, subdirs, names in os.walk(content_dir):
        inside = os.path.relpath(directory, content_dir).replace(os.sep, "/")
        inside = "" if inside == "." else inside + "/"
        subdirs[:] = [d for d in subdirs if not d.startswith(".") and inside + d != events]
        files.update(inside + name for name in names if not name.startswith("."))
    return files


# a link or reference whose target is neither another site's (a scheme), nor this page's
# (`#anchor`), nor absolute: only those can lead to a missing page of this site
_NOT_HERE = r"\s*+<?+(?![A-Za-z][A-Za-z0-9+.-]*:|#|/)"  # possessive: no backtracking
# Two patterns, each tried only when its literal occurs: one alternation with `^` was tried at
# every position of every write-up (0.8 s at 5,000 entries, against 0.05 s).
_INLINE = re.compile(rf"\]\({_NOT_HERE}")
_REFERENCE = re.compile(rf"^ {{0,3}}\[[^\]\n]*\]:{_NOT_HERE}", re.MULTILINE)


def _relative_link(body: str) -> bool:
    return bool(
        ("](" in body and _INLINE.search(body)) or ("]:" in body and _REFERENCE.search(body))
    )


def cross_links(
    results: list, files: set[str], shown, known: dict[str, bool] | None = None
) -> list:
    """The write-ups' links to other pages of the site, checked once every entry is read: a
    link to a page that is missing (or a draft, or invalid), or to an anchor it does not have,
    is an error, as it is in MkDocs' strict build. `known`: whether each write-up has such a
    link, kept from the last call (a preview's) and updated to this one's write-ups."""
    events = {path: event for path, event, _ in results if event is not None and not event.draft}
    content = ContentFiles(files | set(events), _anchors(events))
    last, now = known if known is not None else {}, {}
    for _path, event, _ in results:
        if event is not None:  # a string keeps its hash: an unchanged write-up is found at once
            found = last.get(event.body)
            now[event.body] = _relative_link(event.body) if found is None else found
    if known is not None:  # what this call's write-ups link to, and nothing more
        known.clear()
        known.update(now)
    checked = []
    for path, event, problems in results:
        if event is not None and now[event.body]:
            alone = set(link_problems(event.body, event.body_line, path))
            found = [p for p in link_problems(event.body, event.body_line, path, content)
                     if p not in alone]  # fmt: skip
            if found:
                shown_path = shown(path)
                problems = problems + [
                    Problem(shown_path, *where, "body", m) for *where, m in found
                ]
                event = None
        checked.append((path, event, problems))
    return checked


def _anchors(events: dict):
    @cache
    def anchors_of(path: str) -> frozenset[str] | None:
        event = events.get(path)
        return anchor_ids(event.body) if event is not None else None

    return anchors_of


def _image_key(content_dir: str, path: str, src: str, published) -> tuple | None:
    """What an image's check depends on: the entry, its `src`, and the file it names (None: no
    such file, checked every time)."""
    try:
        info = os.stat(os.path.join(content_dir, target(path, src)))
    except (OSError, ValueError):
        return None
    listed = published is None or target(path, src) in published
    return path, src, listed, info.st_size, info.st_mtime_ns, info.st_ino
