"""Figures, claims and eras in a real build: the figure pages and their charts (each point's x
for its date and y for its value, read back from the SVG), the event pages' figures and
backlinks, the timeline's outcome markers and era headings, and the data files."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import feedparser
import pytest
from htmlparse import parse
from jsonschema import Draft202012Validator

pytestmark = pytest.mark.e2e

MEASURES = """\
- id: troops-in-russia
  name: North Korean troops sent to Russia
  unit: troops sent to Russia
  description: How many had been sent in all
- id: killed
  name: Soldiers killed
  unit: killed
"""
ERAS = """\
- title: Deployment
  start: 2024-10-18
  end: 2024-11-30
  description: The first reports
- title: Combat
  start: 2024-12-16
"""


@pytest.fixture
def built(site):
    site.write("measures.yml", MEASURES)
    site.write("eras.yml", ERAS)
    site.event("2024/2024-10-01-before.md", title="Before any era", date="2024-10-01")
    site.event(
        "2024/2024-10-18-nis-first.md",
        title="NIS says troops are being sent",
        date="2024-10-18",
        actors="[nis]",
        extra="figures:\n  - {measure: troops-in-russia, value: 1500, qualifier: about, by: nis}",
    )
    site.event(
        "2024/2024-11-04-pentagon.md",
        title="Pentagon gives a range",
        date="2024-11-04",
        actors="[united-states]",
        extra="figures:\n  - {measure: troops-in-russia, low: 11000, high: 12000, by: US}",
    )
    site.event(
        "2024/2024-11-30-nis-later.md",
        title="NIS raises its estimate",
        date="2024-11-30",
        actors="[nis]",
        extra="figures:\n  - {measure: troops-in-russia, value: 3000, qualifier: at least, by: nis,"
        " as_of: 2024-10-23}\nfollows:\n  - {event: 2024-10-18-nis-first, as: confirms}",
    )
    site.event("2024/2024-12-20-combat.md", title="Combat begins", date="2024-12-20")
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout
    return site


def test_a_measure_s_chart_puts_each_point_at_its_date_and_value(built):
    page = parse(built.html("figures/troops-in-russia/"))
    [svg] = [s for s in page.find_all("svg") if s.attrs.get("data-measure") == "troops-in-russia"]
    left, right = float(svg.attrs["data-x-left"]), float(svg.attrs["data-x-right"])
    top, bottom = float(svg.attrs["data-y-top"]), float(svg.attrs["data-y-bottom"])
    y_labels = [t.text() for t in svg.find_all("text", cls="tl-fc__y")]
    assert y_labels == ["0", "5,000", "10,000", "15,000", "20,000"]
    scale_top = 20000
    first, last = date(2024, 10, 1), date(2024, 12, 1)  # whole months around the figures

    def x_of(day: date) -> float:
        return round(left + (right - left) * (day - first).days / (last - first).days, 2)

    def y_of(value: float) -> float:
        return round(bottom - (bottom - top) * value / scale_top, 2)

    points = {
        p.attrs["xlink:href"]: p for p in svg.find_all("a", cls="tl-fc__point")
    }  # links to the events, relative to the page
    nis_first = points["../../events/2024/2024-10-18-nis-first/"]
    mark = nis_first.find("circle")
    assert (float(mark.attrs["cx"]), float(mark.attrs["cy"])) == (
        x_of(date(2024, 10, 18)),
        y_of(1500),
    )
    later = points["../../events/2024/2024-11-30-nis-later/"]  # drawn at its as_of
    assert float(later.attrs["data-x"]) == x_of(date(2024, 10, 23))
    assert float(later.attrs["data-y"]) == y_of(3000)
    assert later.find("text", cls="tl-fc__qualifier").text() == "≥"
    ranged = points["../../events/2024/2024-11-04-pentagon/"]
    band = ranged.find("rect", cls="tl-fc__band")
    assert float(band.attrs["y"]) == y_of(12000)
    assert round(float(band.attrs["y"]) + float(band.attrs["height"]), 2) == y_of(11000)
    series = [g.attrs["data-actor"] for g in svg.find_all("g", cls="tl-fc__series")]
    assert series == ["nis", "united-states"]  # one series per source, never merged
    [era] = svg.find_all("rect", cls="tl-fc__era")
    assert float(era.attrs["x"]) == x_of(date(2024, 10, 18))
    assert round(float(era.attrs["x"]) + float(era.attrs["width"]), 2) == x_of(date(2024, 12, 1))

    rows = [[c.text() for c in row.find_all("td")] for row in page.find("tbody").find_all("tr")]
    assert rows == [
        ["18 October 2024", "about 1,500 troops sent to Russia", "National Intelligence Service",
         "NIS says troops are being sent"],
        ["23 October 2024 (said 30 November 2024 )", "at least 3,000 troops sent to Russia",
         "National Intelligence Service", "NIS raises its estimate"],
        ["4 November 2024", "11,000–12,000 troops sent to Russia", "United States",
         "Pentagon gives a range"],
    ]  # fmt: skip


def test_the_figures_index_lists_every_measure_with_a_small_chart(built):
    page = parse(built.html("figures/"))
    headings = [h.text() for h in page.find("ul", cls="tl-figures-list").find_all("h2")]
    assert headings == ["North Korean troops sent to Russia", "Soldiers killed"]
    assert len(page.find_all("figure", cls="tl-figure-chart--small")) == 1
    assert "No figure of this measure" in built.html("figures/killed/")


def test_a_measure_of_many_figures_has_a_page_per_year_linked_from_its_page(built):
    config = built.root / "mkdocs.yml"
    option = "  - timeline:\n      year_pages_after: 2\n      main_page_events: 1\n"
    config.write_text(config.read_text().replace("  - timeline\n", option, 1))
    result = built.build(strict=True)
    assert result.returncode == 0, result.stdout
    main = parse(built.html("figures/troops-in-russia/"))
    [nav] = main.find_all("nav", cls="tl-years")
    links = [(a.attrs["href"], a.text()) for a in nav.find_all("a")]
    assert links == [("./", "Latest"), ("2024/", "2024")]
    assert len(main.find("tbody").find_all("tr")) == 1  # the latest one
    assert "The latest 1 of 3 stated figures." in main.find("p", cls="tl-intro").text()
    year = parse(built.html("figures/troops-in-russia/2024/"))
    assert [len(year.find("tbody").find_all("tr"))] == [3]
    assert year.find("h1").text() == "North Korean troops sent to Russia, 2024"
    [svg] = [s for s in year.find_all("svg") if s.attrs.get("data-measure") == "troops-in-russia"]
    assert len(svg.find_all("a", cls="tl-fc__point")) == 3
    index = built.html("figures/")
    assert "Charted: the latest 1." in index


def test_event_pages_show_their_figures_and_what_became_of_a_claim(built):
    claim = parse(built.html("events/2024/2024-10-18-nis-first/"))
    [later] = claim.find_all("p", cls="tl-answer--later")
    assert later.text() == "Later confirmed by NIS raises its estimate , 30 November 2024 ."
    assert later.find("a").attrs["href"] == "../2024-11-30-nis-later/"
    stated = claim.find("div", cls="tl-stated")
    assert stated.find("li").text() == (
        "National Intelligence Service: about 1,500 troops sent to Russia ."
    )
    answer = parse(built.html("events/2024/2024-11-30-nis-later/"))
    assert answer.find("p", cls="tl-answer").text().startswith("Confirms NIS says troops")
    assert "as of 23 October 2024" in answer.find("div", cls="tl-stated").text()


def test_the_timeline_marks_outcomes_and_heads_each_era_where_it_starts(built):
    page = parse(built.html("timeline/"))
    [marker] = page.find_all("a", cls="tl-outcome")
    assert marker.text() == "Later confirmed"
    assert marker.parent.parent.attrs["id"] == "2024-10-18-nis-first"
    eras = page.find_all("li", cls="tl-era-start")
    assert [e.find("h3").text() for e in eras] == ["Era: Deployment", "Era: Combat"]
    items = [li for li in page.find_all("li") if {"tl-era-start", "tl-event"} & set(li.classes)]
    order = [li.attrs.get("id") or li.find("h3").text() for li in items]
    assert order.index("Era: Deployment") == order.index("2024-10-18-nis-first") - 1
    assert order.index("Era: Combat") == order.index("2024-12-20-combat") - 1
    bands = page.find_all("span", cls="tl-era-band")
    assert [b.attrs["title"] for b in bands] == [
        "Deployment: 18 October 2024 – 30 November 2024",
        "Combat: from 16 December 2024",
    ]


def test_the_data_files_carry_figures_follows_measures_and_eras(built):
    data = json.loads((built.root / "site" / "timeline.json").read_bytes())
    published = json.loads((built.root / "site" / "schema" / "timeline.json").read_bytes())
    checker = Draft202012Validator.FORMAT_CHECKER
    assert list(Draft202012Validator(published, format_checker=checker).iter_errors(data)) == []
    assert data["version"] == "1.1"
    assert [m["id"] for m in data["measures"]] == ["troops-in-russia", "killed"]
    assert data["measures"][0]["url"] == "https://example.org/test/figures/troops-in-russia/"
    assert [(e["title"], e["end"]) for e in data["eras"]][1] == ("Combat", None)
    later = next(e for e in data["events"] if e["id"] == "2024-11-30-nis-later")
    assert later["follows"] == [{"event": "2024-10-18-nis-first", "as": "confirms"}]
    [figure] = later["figures"]
    assert (figure["value"], figure["qualifier"], figure["as_of"]["iso"]) == (
        3000,
        "at least",
        "2024-10-23",
    )

    raw = (built.root / "site" / "figures.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [(r["date"], r["as_of"], r["value"], r["low"], r["high"], r["by"]) for r in rows] == [
        ("2024-10-18", "", "1500", "", "", "nis"),
        ("2024-11-04", "", "", "11000", "12000", "united-states"),
        ("2024-11-30", "2024-10-23", "3000", "", "", "nis"),
    ]
    assert rows[0]["url"] == "https://example.org/test/events/2024/2024-10-18-nis-first/"

    feed = feedparser.parse((built.root / "site" / "feed.xml").read_bytes())
    entry = next(e for e in feed.entries if e.title == "NIS says troops are being sent")
    assert "Figures: National Intelligence Service: about 1,500 troops sent to Russia." in (
        entry.content[0].value
    )
    tljs = json.loads((built.root / "site" / "timelinejs.json").read_bytes())
    assert [(e["text"]["headline"], e["end_date"]) for e in tljs["eras"]] == [
        ("Deployment", {"year": 2024, "month": 11, "day": 30}),
        ("Combat", {"year": 2024, "month": 12, "day": 20}),
    ]
