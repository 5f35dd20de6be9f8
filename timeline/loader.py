"""Files to events: read each entry once, parse, validate, and keep every problem found."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from .collection import Timeline, build_timeline
from .frontmatter import FrontMatterError, load
from .model import Event, Problem
from .parallel import fork_map
from .paths import entry_path_problem, sort_folder
from .registry import Registry, load_registry
from .validate import validate


def read_entry(
    raw: bytes, path: str, rel_path: str, registry: Registry
) -> tuple[Event | None, list[Problem]]:
    """Parse and validate one entry's bytes. `path` is shown in problems; `rel_path` is the
    entry's path inside the content folder ('events/2024/2024-10-31-x.md')."""
    if message := entry_path_problem(rel_path):
        return None, [Problem(path, 1, 1, "file", message)]
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
    except FileNotFoundError:
        return Registry(), [registry_missing(shown)]
    except OSError as error:
        return Registry(), [
            Problem(shown, 1, 1, "registry", f"cannot read the actor registry ({error.strerror})")
        ]
    return load_registry(raw, shown)


def registry_missing(shown: str) -> Problem:
    """A site without its actor registry (the command and the plugin say the same)."""
    missing = "the actor registry file is missing; create it (see CONTRIBUTING.md)"
    return Problem(shown, 1, 1, "registry", missing)


def iter_entry_files(content_dir: str, folder: str = "events") -> Iterator[str]:
    """Every Markdown file under content_dir/folder (also one misnamed, which is then reported),
    as a '/'-separated path inside content_dir, sorted (nothing depends on the file system)."""
    return iter(
        sort_folder(folder_files(content_dir, folder), os.path.join(content_dir, folder))[0]
    )


def refused_results(refused: Iterable[tuple[str, str]], shown) -> list[tuple[str, None, list]]:
    """Files of the events folder that are not read, as invalid results: counted, and named."""
    return [(path, None, [Problem(shown(path), 1, 1, "file", why)]) for path, why in refused]


def folder_files(content_dir: str, folder: str) -> dict[str, str]:
    """content path -> path on disk of every file in the events folder, as MkDocs finds them
    (following links, leaving out hidden files and folders)."""
    found = {}
    for directory, subdirs, files in os.walk(os.path.join(content_dir, folder), followlinks=True):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        inside = os.path.relpath(directory, content_dir).replace(os.sep, "/")
        for name in files:
            if not name.startswith("."):
                found[f"{inside}/{name}"] = os.path.join(directory, name)
    return found


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
    results, rel_paths = [], list(only or ())
    if only is None:
        root = os.path.join(content_dir, folder)
        rel_paths, refused = sort_folder(folder_files(content_dir, folder), root)
        results += refused_results(refused, shown)

    def read_file(rel_path: str) -> tuple[str, Event | None, list[Problem]]:
        try:
            with open(os.path.join(content_dir, rel_path), "rb") as handle:
                raw = handle.read()
        except OSError as error:
            problem = Problem(shown(rel_path), 1, 1, "file", error.strerror or "unreadable")
            return rel_path, None, [problem]
        return rel_path, *read_entry(raw, shown(rel_path), rel_path, registry)

    results += fork_map(read_file, rel_paths)  # in several processes when there are many
    return build_timeline(results, registry, registry_problems, shown)
