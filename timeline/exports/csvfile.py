"""timeline.csv: one row per event for spreadsheets, written with the `csv` module.

UTF-8 with a byte-order mark (without one, Excel reads UTF-8 as a legacy code page and garbles
non-Latin text), CRLF line ends (RFC 4180), and every cell safe to open: a cell that a spreadsheet
would run as a formula is prefixed with an apostrophe (OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import datetime

from ..collection import Timeline
from ..model import Event
from .options import ExportOptions

PATH = "timeline.csv"
MEDIA_TYPE = "text/csv"
COLUMNS = (
    "date",
    "end",
    "precision",
    "circa",
    "title",
    "actors",
    "status",
    "location",
    "source",
    "source_url",
    "url",
)
# what starts a formula in Excel, LibreOffice or Google Sheets (tab and CR too, per OWASP)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> bytes:
    names = {actor.id: actor.name for actor in timeline.registry}
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in timeline.events:
        writer.writerow([neutralise(cell) for cell in _row(event, names, options)])
    return out.getvalue().encode("utf-8-sig")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would evaluate ('=HYPERLINK(…)', '+1', '-1', '@SUM(…)') as text."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _row(event: Event, names: Mapping[str, str], options: ExportOptions) -> list[str]:
    first = event.sources[0]
    return [
        event.date.iso(),
        event.end.iso() if event.end else "",
        event.date.precision.name.lower(),
        "yes" if event.circa else "",
        event.title,
        "; ".join(names[actor_id] for actor_id in event.actors),
        event.status,
        event.location or "",
        first.publisher,
        first.url,
        options.event_link(event),
    ]
