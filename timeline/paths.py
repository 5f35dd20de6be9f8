"""Which files in the events folder are entries, and which names can become an event's id and URL.

An entry's file name is its id and its URL (SPEC §3: `YYYY-MM-DD-short-slug.md`), and ids travel
into links, feeds and calendars; so a name must be a plain slug. A file that looks like Markdown but
is named otherwise (`.markdown`, `.MD`, spaces, `#`) is reported rather than silently left out, and
so is anything else MkDocs would copy into the site as it is, but images.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import cache

# the names MkDocs renders as Markdown, and case variants of them that it would copy as they are
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# what else the events folder may publish: images a write-up shows. Not SVG, which can carry
# scripts, nor HTML or anything else MkDocs would copy to the site as it is
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_URL_SAFE = re.compile(r"^[A-Za-z0-9._-]+$")  # RFC 3986 unreserved characters, less '~'


def looks_like_entry(name: str) -> bool:
    """True for a file a contributor meant as an entry: any Markdown suffix, in any case."""
    base = name.rsplit("/", 1)[-1]
    return not base.startswith(".") and base.lower().endswith(MARKDOWN_SUFFIXES)


def entry_path_problem(rel_path: str) -> str | None:
    """Why a '/'-separated content path cannot be an entry's path, or None if it can."""
    *folders, name = rel_path.split("/")
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix}" != ".md":
        return f"an entry's file name must end in '.md'; rename '{name}' to '{stem or name}.md'"
    if not _SLUG.match(stem):
        return (
            f"'{name}' cannot be an event id: name the file like 2024-10-31-short-slug.md "
            "(lowercase letters, digits and hyphens)"
        )
    for folder in folders:
        if not _URL_SAFE.match(folder):
            return (
                f"the folder name '{folder}' cannot be part of a link; use letters, digits and "
                "hyphens (e.g. the year)"
            )
    return None


def stray_file_problem(rel_path: str) -> str | None:
    """Why a file in the events folder that is not an entry may not be published, or None.

    MkDocs copies any other file into the site as it is: an `.html` or `.svg` file from a pull
    request would be live markup on the site's own address.
    """
    name = rel_path.rsplit("/", 1)[-1]
    if name.startswith(".") or looks_like_entry(name) or name.lower().endswith(IMAGE_SUFFIXES):
        return None
    return (
        f"'{name}' is not published: the events folder holds entries (.md) and the images they "
        f"show ({', '.join(IMAGE_SUFFIXES)})"
    )


def outside_problem(full_path: str, folder_root: str) -> str | None:
    """Why a file (a symbolic link) that resolves outside the events folder is refused, or None.

    MkDocs follows links: a committed link to `~/.ssh/id_rsa` named `map.png` would publish the
    build machine's file.
    """
    return _outside(full_path, os.path.realpath(folder_root))


_OUTSIDE = "is a link to a file outside the events folder; commit the file itself"


def _outside(full_path: str, real_root: str) -> str | None:
    directory, name = os.path.split(full_path)
    # only a link resolves elsewhere: resolve a folder once, and a file only if it is a link
    real = os.path.realpath(full_path) if os.path.islink(full_path) else None
    real = real or os.path.join(_real_folder(directory), name)
    if real.startswith(real_root + os.sep):  # both are real paths: inside, as commonpath says
        return None
    return _OUTSIDE if os.path.commonpath([real, real_root]) != real_root else None


@cache
def _real_folder(directory: str) -> str:
    return os.path.realpath(directory)


def sort_folder(
    files: Mapping[str, str | None], folder_root: str
) -> tuple[list[str], list[tuple[str, str]]]:
    """Split the events folder's files (content path -> path on disk, None if made in memory)
    into entries to read and (path, why) for files refused, both sorted; images stay as they are.
    The command and the plugin both call this, so they always agree."""
    _real_folder.cache_clear()  # links may have changed since the last build
    real_root = os.path.realpath(folder_root)
    entries, refused = [], []
    for rel_path in sorted(files):
        full = files[rel_path]
        if full is not None and (why := _outside(full, real_root)):
            refused.append((rel_path, why))
        elif looks_like_entry(rel_path):
            entries.append(rel_path)
        elif why := stray_file_problem(rel_path):
            refused.append((rel_path, why))
    return entries, refused
