"""What earlier `timeline links` runs learnt, by URL, so that a rerun within `max_age` asks
nothing again: link verdicts and Wayback Machine lookups, in one JSON file.

Only verdicts are kept (ok, moved, dead): a link that was rate limited or answered oddly is
asked again next time. The file is a local memo, not content: unreadable or of another version,
it is ignored (and rewritten), never an error.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from .link_check import Outcome

VERSION = 1
KEPT = ("ok", "moved", "dead")
DEFAULT_PATH = ".timeline-links.json"


def _stamp(seconds: float) -> str:
    return datetime.fromtimestamp(int(seconds), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _seconds(stamp: Any) -> float | None:
    try:
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()
    except (TypeError, ValueError):
        return None


class LinkCache:
    """`{"version": 1, "links": {url: {"checked", "kind", "detail", "final"}},
    "snapshots": {"url timestamp": {"checked", "snapshot"}}}`, times in UTC to the second."""

    def __init__(
        self, path: str | None, max_age: float, now: Callable[[], float] = time.time
    ) -> None:
        self.path, self.max_age, self.now = path, max_age, now
        self.links: dict[str, dict[str, Any]] = {}
        self.snapshots: dict[str, dict[str, Any]] = {}
        self.note = ""  # why an existing file was not used, for the summary
        self._written: set[tuple[str, str]] = set()  # kept whatever max_age says
        if path:
            self._load(path)

    def _load(self, path: str) -> None:
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            self.note = f"{path} not used ({type(error).__name__}); it will be rewritten"
            return
        if not isinstance(data, dict) or data.get("version") != VERSION:
            self.note = f"{path} not used (another version); it will be rewritten"
            return
        for name in ("links", "snapshots"):
            kept = data.get(name)
            if isinstance(kept, dict):
                getattr(self, name).update(
                    (key, value)
                    for key, value in kept.items()
                    if isinstance(key, str) and isinstance(value, dict)
                )

    def _fresh(self, record: dict[str, Any]) -> bool:
        checked = _seconds(record.get("checked"))
        return checked is not None and 0 <= self.now() - checked <= self.max_age

    def outcome(self, url: str) -> Outcome | None:
        """The verdict on url from a run within max_age, or None."""
        record = self.links.get(url)
        if record is None or not self._fresh(record) or record.get("kind") not in KEPT:
            return None
        final = record.get("final")
        detail = record.get("detail")
        return Outcome(
            record["kind"],
            detail if isinstance(detail, str) else "",
            final if isinstance(final, str) else None,
        )

    def remember(self, url: str, outcome: Outcome) -> None:
        if outcome.kind in KEPT:
            self._written.add(("links", url))
            self.links[url] = {
                "checked": _stamp(self.now()),
                "kind": outcome.kind,
                "detail": outcome.detail,
                "final": outcome.final,
            }

    def snapshot(self, key: str) -> tuple[bool, str | None]:
        """(known, snapshot URL or None) of a lookup within max_age."""
        record = self.snapshots.get(key)
        if record is None or not self._fresh(record):
            return False, None
        snapshot = record.get("snapshot")
        return True, snapshot if isinstance(snapshot, str) else None

    def remember_snapshot(self, key: str, snapshot: str | None) -> None:
        self._written.add(("snapshots", key))
        self.snapshots[key] = {"checked": _stamp(self.now()), "snapshot": snapshot}

    def save(self) -> None:
        """Write what this run learnt and what is still fresh, sorted, atomically (a reader
        never sees half a file)."""
        if not self.path:
            return
        document: dict[str, Any] = {"version": VERSION}
        for name in ("links", "snapshots"):
            records = getattr(self, name)
            document[name] = {
                key: record
                for key, record in sorted(records.items())
                if (name, key) in self._written or self._fresh(record)
            }
        folder = os.path.dirname(os.path.abspath(self.path))
        handle, temporary = tempfile.mkstemp(prefix=".timeline-links.", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(document, out, indent=1, ensure_ascii=False)
                out.write("\n")
            os.replace(temporary, self.path)
        except BaseException:
            os.unlink(temporary)
            raise


def parse_age(text: str) -> float:
    """'1d', '12h', '30m', '90s' or plain seconds ('3600') -> seconds; ValueError otherwise."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = text.strip().lower()
    factor = units.get(text[-1:], None)
    number = float(text[:-1] if factor else text)
    if number < 0 or number != number:  # NaN
        raise ValueError(text)
    return number * (factor or 1)
