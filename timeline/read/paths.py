"""Which files in the events folder are entries, and which names can become an event's id and URL.

An entry's file name is its id and its URL (`YYYY-MM-DD-short-slug.md`), and ids travel
into links, feeds and calendars; so a name must be a plain slug. A file that looks like Markdown but
is named otherwise (`.markdown`, `.MD`, spaces, `#`, a leading '.') is reported rather than silently
left out, and so is anything else MkDocs would copy into the site as it is, but images; so is a link
that leads out of the folder or nowhere.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

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
    if stem == "index":  # its page would be the folder's own, and take another page's place
        return "'index.md' cannot be an event id: name the file like 2024-10-31-short-slug.md"
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


_OUTSIDE = "is a link to a file outside the events folder; commit the file itself"
_BROKEN = "is a link to nothing (its target is missing, or it links to itself); commit the file"
_FOLDER_LINK = "is a link to a folder; commit the folder's files themselves"
_SPECIAL = "is not a regular file (a pipe, socket or device); remove it"


@dataclass(frozen=True, slots=True)
class FolderScan:
    """Every file of the events folder, sorted by content path, with its fate: an entry to
    read, an image to publish as it is, or refused with why (`error`: counted as invalid;
    `notice`: a hidden file such as `.gitkeep`, named but failing nothing)."""

    entries: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    refused: tuple[tuple[str, str, str], ...] = ()


def scan_folder(content_dir: str, folder: str) -> FolderScan:
    """Walk the events folder on disk: hidden files and folders too (MkDocs leaves them out,
    so they are named here rather than lost), never following a link to a folder (a link to
    its own parent would walk forever), and resolving a link to a file only to check that it
    stays inside the folder (MkDocs would publish whatever a committed link points at)."""
    folder = folder.strip("/")
    root = os.path.join(content_dir, folder)
    real_root = os.path.realpath(root) + os.sep
    entries: list[str] = []
    images: list[str] = []
    refused: list[tuple[str, str, str]] = []
    pending = [(root, folder, False)]  # (folder on disk, its content path, hidden)
    while pending:
        directory, inside, hidden = pending.pop()
        try:
            items = list(os.scandir(directory))
        except OSError as error:
            refused.append((inside, f"the folder cannot be read ({error.strerror})", "error"))
            continue
        for item in items:
            rel_path, secret = f"{inside}/{item.name}", hidden or item.name.startswith(".")
            try:
                why = _link_problem(item, real_root)
                if why is None and item.is_dir(follow_symlinks=False):
                    pending.append((item.path, rel_path, secret))
                    continue
                if why is None and not item.is_file():
                    why = _SPECIAL
            except OSError as error:  # gone or unreadable since it was listed
                why = f"cannot be read ({error.strerror})"
            if why is not None:
                refused.append((rel_path, why, "error"))
            elif secret:
                refused.append(_hidden(rel_path))
            elif looks_like_entry(rel_path):
                entries.append(rel_path)
            elif why := stray_file_problem(rel_path):
                refused.append((rel_path, why, "error"))
            else:
                images.append(rel_path)
    return FolderScan(tuple(sorted(entries)), tuple(sorted(images)), tuple(sorted(refused)))


def _link_problem(item: os.DirEntry, real_root: str) -> str | None:
    """Why a symbolic link in the folder is refused, or None (also for what is not a link)."""
    if not item.is_symlink():
        return None
    if not os.path.exists(item.path):  # a missing target, or a loop (ELOOP)
        return _BROKEN
    if item.is_dir():
        return _FOLDER_LINK
    return None if os.path.realpath(item.path).startswith(real_root) else _OUTSIDE


def _hidden(rel_path: str) -> tuple[str, str, str]:
    """A hidden file is never published: an entry (any Markdown name) is an error, so that no
    event silently disappears; anything else (`.gitkeep`, `.DS_Store`) a notice."""
    name = rel_path.rsplit("/", 1)[-1]
    hidden = [part for part in rel_path.split("/") if part.startswith(".")]
    where = (
        "its name starts with '.'" if hidden[-1] == name else f"the folder '{hidden[0]}' is hidden"
    )
    if name.lower().endswith(MARKDOWN_SUFFIXES):
        fix = "rename it without the leading '.'" if hidden[-1] == name else "move it out"
        return rel_path, f"'{name}' is never published: {where}; {fix}", "error"
    return rel_path, f"'{name}' is not published: {where}", "notice"
