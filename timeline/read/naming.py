"""Where an event's file belongs: `<folder>/YYYY/<date as written>-<slug>.md` (CONTRIBUTING.md).

`timeline new` names files with `entry_path`; the checker compares every entry's path with it,
so a file whose name disagrees with its date is reported with the name it should have.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..dates import PartialDate
from ..model import Event, Problem

# a leading date in a file name: 2024, 2024-10 or 2024-10-31, then '-'
_NAME_DATE = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:-|$)")
SLUG_WORDS = 8


def date_prefix(value: PartialDate) -> str:
    """The date as a file name writes it: '2024', '2024-10' or '2024-10-31' (a time is dropped)."""
    text = f"{value.year:04d}"
    if value.month is not None:
        text += f"-{value.month:02d}"
    if value.day is not None:
        text += f"-{value.day:02d}"
    return text


def slugify(title: str, max_words: int = SLUG_WORDS, fallback: str = "event") -> str:
    """'Austin says 8,000 troops are in Kursk' -> 'austin-says-8000-troops-are-in-kursk'."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=\d)[,.](?=\d)", "", ascii_text)  # 8,000 -> 8000
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or fallback


def entry_path(folder: str, date: PartialDate, slug: str) -> str:
    """The content path of an entry: 'events/2024/2024-10-31-austin-in-washington.md'."""
    name = f"{date_prefix(date)}-{slug}" if slug else date_prefix(date)
    return f"{folder.strip('/')}/{date.year:04d}/{name}.md"


def split_name(stem: str) -> tuple[str | None, str]:
    """A file name without '.md' -> (its leading date as written, or None; the rest, the slug)."""
    match = _NAME_DATE.match(stem)
    if match is None:
        return None, stem
    return match.group(1), stem[match.end() :]


def expected_path(rel_path: str, date: PartialDate) -> str:
    """The path an entry at `rel_path` (inside the content folder) should have for its date;
    its events folder is the first folder of the path, its slug the rest of its name."""
    parts = rel_path.split("/")
    folder = parts[0] if len(parts) > 1 else ""
    _, slug = split_name(parts[-1].removesuffix(".md"))
    return entry_path(folder, date, slug)


def file_name_problem(event: Event, shown: Callable[[str], str] = str) -> Problem | None:
    """A warning when an event's file name or year folder disagrees with its date; `shown`
    turns a content path into the path printed for the contributor."""
    parts = event.path.split("/")
    name_date, _ = split_name(parts[-1].removesuffix(".md"))
    prefix, year = date_prefix(event.date), f"{event.date.year:04d}"
    in_year = len(parts) > 2 and parts[-2] == year
    if name_date == prefix and in_year:
        return None
    if name_date is None:
        wrong = f"the file name does not start with the date ({prefix})"
    elif name_date != prefix:
        wrong = f"the file name says {name_date} but the date is {event.date.iso()}"
    else:
        wrong = f"the file is not in the folder of its year ({year})"
    return Problem(
        shown(event.path),
        1,
        1,
        "file name",
        f"{wrong}; rename it to {shown(expected_path(event.path, event.date))}",
        "warning",
    )
