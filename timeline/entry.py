"""One entry's bytes to an event and its problems, and the actor registry's file to a registry."""

from __future__ import annotations

from .check.registry import Registry, load_registry
from .check.validate import validate
from .model import Event, Problem
from .read.frontmatter import FrontMatterError, load
from .read.paths import entry_path_problem


def read_entry(
    raw: bytes, path: str, rel_path: str, registry: Registry
) -> tuple[Event | None, list[Problem]]:
    """Parse and validate one entry's bytes. `path` is shown in problems; `rel_path` is the
    entry's path inside the content folder ('events/2024/2024-10-31-x.md').

    Never raises for what a file holds: a value that still finds a bug in the checks refuses
    this file, named, instead of stopping the build of every other one."""
    if message := entry_path_problem(rel_path):
        return None, [Problem(path, 1, 1, "file", message)]
    try:
        doc = load(raw)
    except FrontMatterError as error:
        return None, [Problem(path, error.line, error.column, error.field, error.message)]
    except (ValueError, RecursionError, MemoryError) as error:
        return None, [_unexpected(path, error)]
    try:
        return validate(doc, path, rel_path, registry)
    except (ValueError, TypeError, RecursionError, OverflowError, MemoryError) as error:
        return None, [_unexpected(path, error)]


def _unexpected(path: str, error: BaseException) -> Problem:
    message = (
        f"this file could not be checked ({type(error).__name__}: {str(error)[:200]}); "
        "simplify the front matter, and report it as a bug of the timeline tool"
    )
    return Problem(path, 1, 1, "file", message)


def read_registry(path: str, shown: str) -> tuple[Registry, list[Problem]]:
    """Load the actor registry file; a missing file is one problem, not a crash."""
    raw, problem = read_registry_bytes(path, shown)
    return (Registry(), [problem]) if raw is None else load_registry(raw, shown)


def read_registry_bytes(path: str, shown: str) -> tuple[bytes | None, Problem | None]:
    """The registry file's bytes, or why there are none (missing, unreadable)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(), None
    except FileNotFoundError:
        missing = "the actor registry file is missing; create it (see CONTRIBUTING.md)"
        return None, Problem(shown, 1, 1, "registry", missing)
    except OSError as error:
        message = f"cannot read the actor registry ({error.strerror})"
        return None, Problem(shown, 1, 1, "registry", message)
