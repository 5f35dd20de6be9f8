"""When each entry was added to the timeline: front matter `added:`, else git, else its date.

The git history is read with one `git log` for the whole events folder, so the answer depends only
on the repository (never on the clock of the build) and costs one process however many entries.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from datetime import UTC, datetime

from ..dates import PartialDate
from ..model import Event

# the statuses of `git log --name-status` that name one path, and those that name two (from, to)
_ONE_PATH = set("AMDTUXB")
_TWO_PATHS = set("RC")
_COMMIT = "commit "


def added_dates(content_dir: str, folder: str = "events", git: str = "git") -> dict[str, datetime]:
    """{path inside content_dir: when the commit that added it was made (UTC)} for every file
    under content_dir/folder that git knows, following renames.

    Without git, outside a repository, or for untracked files, paths are simply missing.
    """
    command = [
        git,
        "--literal-pathspecs",  # a folder name is a name, never pathspec magic
        "-c",
        "log.showSignature=false",
        "log",
        "--reverse",  # oldest first: a rename carries the date its old path was added
        "--find-renames",
        "--name-status",
        "-z",
        "--relative",  # paths relative to the working folder: content_dir
        f"--format={_COMMIT}%ct",
        "--",
        folder,
    ]
    try:
        result = subprocess.run(
            command, cwd=content_dir, capture_output=True, timeout=120, check=False
        )
    except (OSError, subprocess.SubprocessError):  # no git, or no such folder
        return {}
    if result.returncode != 0:  # not a repository, or no commit yet
        return {}
    return parse_log(result.stdout)


def parse_log(output: bytes) -> dict[str, datetime]:
    """The dates of additions in `git log --reverse --name-status -z` output (see added_dates)."""
    tokens = [t.decode("utf-8", "surrogateescape").strip("\n") for t in output.split(b"\0")]
    added: dict[str, datetime] = {}
    when: datetime | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.startswith(_COMMIT):
            when = datetime.fromtimestamp(int(token[len(_COMMIT) :]), UTC)
        elif token and token[0] in _TWO_PATHS and when is not None:
            old, new = tokens[index], tokens[index + 1]
            index += 2
            if token[0] == "R":
                added[new] = added.pop(old, when)
            else:  # a copy is a new entry, added now
                added[new] = when
        elif token and token[0] in _ONE_PATH and when is not None:
            path = tokens[index]
            index += 1
            if token[0] == "A":
                added[path] = when
            elif token[0] == "D":
                added.pop(path, None)
    return added


def published(event: Event, git_dates: Mapping[str, datetime]) -> datetime:
    """When the event was added to the timeline, as a UTC instant: front matter `added:` if
    given, else the commit that added its file, else the start of the event's own date."""
    if event.added is not None:
        return event.added.start()
    if (when := git_dates.get(event.path)) is not None:
        return when
    return event.date.start()


def added_day(event: Event, git_dates: Mapping[str, datetime]) -> PartialDate | None:
    """The day the event was added, where known: front matter `added:`, else git's (UTC) day."""
    if event.added is not None:
        return event.added
    if (when := git_dates.get(event.path)) is not None:
        return PartialDate(when.year, when.month, when.day)
    return None
