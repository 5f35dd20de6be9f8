"""figures.csv: one row per stated figure, for spreadsheets; written as timeline.csv is (UTF-8
with a byte-order mark, CRLF line ends, every cell a spreadsheet would run as a formula made
text). Rows follow the timeline's order, then each event's figures in the order written."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import datetime

from ..collection import Timeline
from .csvfile import neutralise
from .options import ExportOptions

PATH = "figures.csv"
COLUMNS = ("date", "as_of", "measure", "value", "low", "high", "qualifier", "by", "event", "url")


def render(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in timeline.events:
        for figure in event.figures:
            row = [
                event.date.iso(),
                figure.as_of.iso() if figure.as_of else "",
                figure.measure,
                _number(figure.value),
                _number(figure.low),
                _number(figure.high),
                figure.qualifier or "",
                figure.by,
                event.id,
                options.event_link(event),
            ]
            writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def _number(value: int | float | None) -> str:
    return "" if value is None else str(value)
