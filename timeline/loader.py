"""Files to events: read each entry once, parse, validate, and keep every problem found."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from .collection import Timeline, build_timeline
from .frontmatter import FrontMatterError, load
from .model import Event, Problem
from .registry import Registry, load_registry
from .validate import validate


def read_entry(
    raw: bytes, path: str, rel_path: str, registry: Registry
) -> tuple[Event | None, list[Problem]]:
    """Parse and validate one entry's bytes. `path` is shown in problems; `rel_path` is the
    entry's path inside the content folder ('events/2024/2024-10-31-x.md')."""
    try:
        doc = load(raw)
    except FrontMatterError as error:
        return None, [Problem(path, error.line, error.column, error.field, error.message)]
    return validate(doc, path, rel_path, registry)


def read_registry(path: str, shown: str) -> tuple[Registry, list[Problem]]:
    """Load the actor registry file; a missing file is one problem, not a crash."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        reason = "not found" if isinstance(error, FileNotFoundError) else error.strerror
        return Registry(), [
            Problem(shown, 1, 1, "registry", f"cannot read the actor registry ({reason})")
        ]
    return load_registry(raw, shown)


def iter_entry_files(content_dir: str, folder: str = "events") -> Iterator[str]:
    """Every Markdown file under content_dir/folder, as a '/'-separated path inside content_dir,
    in sorted order (so nothing depends on the file system's order)."""
    root = os.path.join(content_dir, folder)
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        for name in files:
            if name.endswith(".md") and not name.startswith("."):
                full = os.path.join(directory, name)
                found.append(os.path.relpath(full, content_dir).replace(os.sep, "/"))
    return iter(sorted(found))


def load_timeline(
    content_dir: str,
    folder: str = "events",
    registry_name: str = "actors.yml",
    shown_root: str | None = None,
    only: Iterable[str] | None = None,
) -> Timeline:
    """Load a whole content folder. Paths in problems are shown relative to `shown_root`
    (default: the current directory). `only` limits the entries to these content paths."""

    base = os.path.relpath(content_dir, shown_root or os.getcwd())

    def shown(rel_path: str) -> str:  # relpath per file would cost two getcwd() and abspath()s
        return os.path.normpath(os.path.join(base, rel_path)).replace(os.sep, "/")

    registry, registry_problems = read_registry(
        os.path.join(content_dir, registry_name), shown(registry_name)
    )
    rel_paths = list(only) if only is not None else list(iter_entry_files(content_dir, folder))
    results = []
    for rel_path in rel_paths:
        try:
            with open(os.path.join(content_dir, rel_path), "rb") as handle:
                raw = handle.read()
        except OSError as error:
            results.append(
                (
                    rel_path,
                    None,
                    [Problem(shown(rel_path), 1, 1, "file", error.strerror or "unreadable")],
                )
            )
            continue
        event, problems = read_entry(raw, shown(rel_path), rel_path, registry)
        results.append((rel_path, event, problems))
    return build_timeline(results, registry, registry_problems, shown)
