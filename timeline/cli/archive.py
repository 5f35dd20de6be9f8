"""`timeline links --archive`: find a Wayback Machine snapshot of a source and write it into the
entry as the source's `archived:` field, changing nothing else in the file.

The edit is one inserted line, `archived: <url>`, after the line(s) of the source's `url:`
value, indented like the `url:` key and ended like the line before it ('\\n' or '\\r\\n'). The
result is parsed again with the core's front-matter reader, and written only if it reads as the
same front matter and body with that one field added; otherwise the file is left alone and the
contributor told to add the line by hand.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from copy import deepcopy
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from ..check.dateparse import parse_date
from ..dates import DateError
from ..read.frontmatter import Document, FrontMatterError, load

AVAILABILITY_API = "https://archive.org/wayback/available"
API_ENVIRONMENT = "TIMELINE_ARCHIVE_API"
# what can be written as a plain YAML scalar after 'archived: ': no spaces, quotes, '#' after a
# space, or ': ' (a URL has none of these), and no ':' at the end, where YAML sees a new key
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*[^:]")
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)?")


class EditError(ValueError):
    """The file cannot be edited safely; the message says why."""


def availability_query(api: str, url: str, published: object = None) -> str:
    """The availability API's address for url, asking for the snapshot closest to the date the
    source was published (when it has a readable one)."""
    query = {"url": url}
    if isinstance(published, str):
        try:
            date = parse_date(published)
        except DateError:
            date = None
        if date is not None:
            month = f"{date.month:02d}" if date.month else ""
            day = f"{date.day:02d}" if date.day and month else ""
            query["timestamp"] = f"{date.year:04d}{month}{day}"
    return f"{api}?{urlencode(query)}"


def snapshot_url(body: bytes | None) -> str | None:
    """The snapshot URL in an availability API answer: only a capture that is available and
    was a success, only http(s), and http://web.archive.org made https."""
    if not body:
        return None
    try:
        closest = json.loads(body)["archived_snapshots"]["closest"]
        available, url = closest["available"], closest["url"]
        status = str(closest.get("status", "200"))
    except (ValueError, TypeError, KeyError):
        return None
    if available is not True or not isinstance(url, str) or not status.startswith("2"):
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if not url.isprintable() or any(c.isspace() for c in url) or len(url) > 2000:
        return None
    if parts.scheme == "http" and parts.hostname == "web.archive.org":
        url = "https" + url[4:]
    return url


@dataclass(frozen=True, slots=True)
class Addition:
    """`archived: snapshot` to add to the source numbered `index` (0-based) of an entry."""

    index: int
    snapshot: str


def yaml_scalar(url: str) -> str:
    """url as a YAML scalar: plain when that reads back as itself, else double-quoted."""
    if _PLAIN_URL.fullmatch(url):
        return url
    return json.dumps(url)  # a JSON string is a YAML double-quoted scalar


def add_archived(raw: bytes, additions: list[Addition]) -> bytes:
    """The file's bytes with an `archived:` line inserted for each addition; `EditError` when
    that cannot be done without touching anything else."""
    try:
        doc = load(raw)
    except FrontMatterError as error:
        raise EditError(f"the front matter cannot be read ({error.message})") from None
    lines = _LINE.findall(raw)[:-1]  # the pattern also matches the empty end
    expected = deepcopy(doc.data)
    edits: list[tuple[int, bytes]] = []
    for addition in additions:
        sources = expected.get("sources")
        if not isinstance(sources, list) or not 0 <= addition.index < len(sources):
            raise EditError(f"there is no source {addition.index} to add to")
        source = sources[addition.index]
        if not isinstance(source, dict) or "archived" in source or "url" not in source:
            raise EditError(f"sources[{addition.index}] has no url or already an archived copy")
        source["archived"] = addition.snapshot
        edits.append(_insertion(doc, lines, addition))
    for after, line in sorted(edits, reverse=True):
        lines.insert(after, line)
    edited = b"".join(lines)
    try:
        again = load(edited)
    except FrontMatterError as error:
        raise EditError(f"the edit would not read back ({error.message})") from None
    if again.data != expected or again.body != doc.body:
        raise EditError("the edit would change more than the archived field")
    return edited


def _insertion(doc: Document, lines: list[bytes], addition: Addition) -> tuple[int, bytes]:
    """(index in lines to insert at, the line) for one addition."""
    key = ("sources", addition.index, "url")
    key_line, key_column = doc.key_positions[key]
    value_line = doc.positions.get(key, (key_line, key_column))[0]
    first = lines[key_line - 1]
    indent = first[: key_column - 1]
    if indent.strip(b" -"):  # flow style: `- {publisher: ..., url: ...}`
        raise EditError("the source is written on one line ({...}); add archived: by hand")
    # a value may continue on lines indented deeper than its key (a long plain or quoted URL)
    after = value_line
    while after < len(lines) and _deeper(lines[after], key_column - 1):
        after += 1
    ending = re.search(rb"(\r\n|\r|\n)$", lines[after - 1])
    newline = ending.group() if ending else b"\n"
    text = f"archived: {yaml_scalar(addition.snapshot)}".encode()
    return after, b" " * (key_column - 1) + text + newline


def _deeper(line: bytes, indent: int) -> bool:
    stripped = line.rstrip(b"\r\n")
    width = len(stripped) - len(stripped.lstrip(b" "))
    return bool(stripped.strip()) and width > indent


def write_if_unchanged(path: str, before: bytes, after: bytes) -> bool:
    """Replace the file's bytes with `after` if they are still `before` (re-read just now);
    atomically, keeping its permissions. False if the file changed since it was read."""
    try:
        with open(path, "rb") as handle:
            if handle.read() != before:
                return False
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        return False
    folder = os.path.dirname(os.path.abspath(path))
    handle_fd, temporary = tempfile.mkstemp(prefix=".archived.", dir=folder)
    try:
        with os.fdopen(handle_fd, "wb") as out:
            out.write(after)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return True
