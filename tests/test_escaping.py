"""Property-based escaping (hypothesis): arbitrary text in every text field never becomes live
markup in any page, feed or data file, and comes back as the same text.

The core-level properties run many examples; the build-level one runs a few real `mkdocs build`s,
each with several events and actors whose every field is drawn at once. Export files (feeds,
`timeline.json`, `.ics`, `.csv`) are checked by extension whenever the build writes them.
"""

from __future__ import annotations

import csv
import html
import io
import json
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest
import yaml
from conftest import examples
from hostile import HTML, RTL, make_site
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from safety import (
    FORMULA_START,
    HTML_JSON_KEYS,
    fragment_findings,
    json_strings,
    output_files,
    parse_html,
    site_findings,
    squash,
    text_of,
)

from timeline.model import Problem
from timeline.read.frontmatter import loads
from timeline.views.sanitize import clean_html

# pieces that break out of text, attributes, comments, CDATA, templates, Markdown or spreadsheets
FRAGMENTS = [
    "<tlx>",
    "</tlx>",
    "<script>tlx()</script>",
    "<img src=x onerror=tlx()>",
    "<a href='javascript:tlx()'>",
    '"',
    "'",
    "&",
    "&amp;",
    "&lt;tlx&gt;",
    "&#60;tlx&#62;",
    "<",
    ">",
    '" tlx="1',
    "' tlx='1",
    "]]>",
    "<![CDATA[",
    "<!--",
    "-->",
    "</title>",
    "</textarea>",
    "</script>",
    "{{ tlx }}",
    "{% raw %}",
    "javascript:tlx()",
    '=HYPERLINK("tlx")',
    "@tlx",
    "\\",
    "`",
    "*",
    "_",
    "[",
    "](",
    "#",
    "%",
    ";",
    ",",
    ":",
    "\u202e",
    "\u200f",
    "\u2028",
    "\u00a0",
    "🇰🇵",
    "👩🏽\u200d⚕️",
    "كيم",
    "שלום",
]
# any character a YAML file and every output format can carry (control characters are refused
# by the core: see test_bad_values.py)
CHARACTERS = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff")
PIECES = st.one_of(st.sampled_from(FRAGMENTS), st.text(CHARACTERS, min_size=1, max_size=8))
TEXT = st.lists(PIECES, min_size=1, max_size=6).map("".join)
LINE = TEXT.map(str.strip).filter(lambda t: 0 < len(t) <= 500)


def dump(data: dict) -> str:
    """Front matter as PyYAML itself writes it (the reference emitter for any string). It writes
    U+2028 and U+2029 raw inside single quotes, where the front matter refuses them (an editor
    shows no line break, YAML reads one); in double quotes it escapes them, so such text still
    reaches every page and export."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    if "\u2028" in text or "\u2029" in text:
        text = yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False, width=10**6, default_style='"'
        )
    return text


# --- core level: many examples, no build ------------------------------------------------------


@settings(max_examples=examples(300))
@given(st.dictionaries(st.text(CHARACTERS, min_size=1), st.one_of(TEXT, st.lists(TEXT))))
def test_any_text_survives_front_matter_as_written(data):
    text = "---\n" + dump(data) + "---\nbody\n"
    assert loads(text).data == data


@settings(max_examples=examples(300))
@given(st.lists(st.one_of(PIECES, st.sampled_from(["\n\n", "<p>", "</p>", "<a href='x'>"]))))
def test_sanitised_html_never_has_live_markup(pieces):
    assert fragment_findings(clean_html("".join(pieces)), "fragment", "example.org") == []


@settings(max_examples=examples(300))
@given(st.text(), st.text(), st.text())
def test_a_problem_is_always_one_line(path, field, message):
    assert len(str(Problem(path, 1, 1, field, message)).splitlines()) == 1


# --- build level: a few real builds -----------------------------------------------------------


# the edges of the calendar too: exports that compute the day after must cope with 9999-12-31
DATES = st.sampled_from(
    ["0001-01-01", "9999-12-31", "2024-10-31T23:30-04:00", "2024-02-29", "2024", "2024-10"]
)
URL_PATHS = st.text(
    st.characters(
        exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp"), exclude_characters="\ufffe\uffff"
    ),
    max_size=12,
)


@st.composite
def sites(draw):
    """Two actors and two events (one with an update and tags), every text field drawn."""
    actors = [
        {
            "id": f"hostile-{n}",
            "name": draw(LINE),
            "kind": "group",
            "aliases": [draw(LINE)],
            "description": draw(LINE),
        }
        for n in ("a", "b")
    ]
    names = [n.casefold() for a in actors for n in (a["id"], a["name"], *a["aliases"])]
    assume(len(set(names)) == len(names))  # an alias shared by two actors is another test
    events = []
    for n, date in enumerate(draw(st.lists(DATES, min_size=2, max_size=2))):
        events.append(
            {
                "title": draw(LINE),
                "date": date,
                "actors": ["hostile-a", "hostile-b"][: n + 1],
                "summary": draw(TEXT.filter(lambda t: t.strip() and len(squash(t)) <= 800)),
                "location": draw(LINE),
                "tags": draw(st.lists(LINE, max_size=2, unique=True)),
                "sources": [
                    {
                        "publisher": draw(LINE),
                        "title": draw(LINE),
                        "url": "https://example.com/" + draw(URL_PATHS),
                    }
                ],
                "updates": [{"date": "2024-11-01", "note": draw(TEXT.filter(str.strip))}],
            }
        )
    body = "\n\n".join(draw(st.lists(TEXT, max_size=4)))
    return actors, events, body


WORST = (
    [
        {
            "id": "hostile-a",
            "name": "Name " + HTML,
            "kind": "group",
            "aliases": [RTL],
            "description": "Description " + HTML,
        },
        {
            "id": "hostile-b",
            "name": RTL,
            "kind": "group",
            "aliases": ["Alias " + HTML],
            "description": RTL,
        },
    ],
    [
        {
            "title": "Title " + HTML,
            "date": "9999-12-31",
            "actors": ["hostile-a"],
            "summary": "Summary " + HTML,
            "location": RTL,
            "tags": ["Tag " + HTML, RTL],
            "sources": [{"publisher": HTML, "title": RTL, "url": 'https://example.com/"<tlx>'}],
            "updates": [{"date": "2024-11-01", "note": "Note " + HTML}],
        },
        {
            "title": RTL,
            "date": "0001-01-01",
            "actors": ["hostile-a", "hostile-b"],
            "summary": '=HYPERLINK("tlx")',
            "location": "Place " + HTML,
            "tags": [],
            "sources": [{"publisher": RTL, "title": HTML, "url": "https://example.com/x"}],
            "updates": [{"date": "2024-11-01", "note": RTL}],
        },
    ],
    HTML + "\n\n<div onclick='tlx()'>x</div>",
)


@pytest.mark.e2e
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@example(WORST)
@given(sites())
def test_arbitrary_text_in_every_field_is_never_live_and_reads_back(drawn):
    actors, events, body = drawn
    with tempfile.TemporaryDirectory() as folder:
        site = make_site(Path(folder), dump(actors))
        for n, event in enumerate(events):
            text = "---\n" + dump(event) + "---\n\n" + body + "\n"
            site.write(f"events/2024/2024-10-0{n + 1}-e.md", text)
        result = site.build()
        assert "Traceback" not in result.stdout
        assert f"timeline: {len(events)} events published, 0 drafts, 0 invalid" in result.stdout
        root = site.root / "site"
        assert site_findings(root, "example.org") == []
        for n, event in enumerate(events):
            reads_back_on_its_page(site, f"events/2024/2024-10-0{n + 1}-e/", event)
        for actor in actors:
            page = parse_html(site.html(f"actors/{actor['id']}/"))
            assert text_of(page.find(".//article//h1")) == squash(actor["name"])
            facts = [text_of(dd) for dd in page.iter("dd")]
            assert squash(actor["description"]) in facts
            assert squash(actor["aliases"][0]) in facts
        titles = {f"2024-10-0{n + 1}-e": e["title"].strip() for n, e in enumerate(events)}
        reads_back_in_data_files(root, titles)


def reads_back_on_its_page(site, url: str, event: dict) -> None:
    page = parse_html(site.html(url))
    header = page.find(".//header[@class='tl-header']")
    assert text_of(header.find("h1")) == squash(event["title"])
    assert text_of(page.find("head/title")).startswith(squash(event["title"]) + " - ")
    meta = [m for m in page.iter("meta") if m.get("name") == "description"]
    assert meta[0].get("content") == squash(event["summary"])
    assert text_of(header.find("p[@class='tl-summary']")) == squash(event["summary"])
    assert text_of(header.find(".//span[@class='tl-place']")) == squash(event["location"])
    source = event["sources"][0]
    section = page.find(".//section[@class='tl-sources']")
    assert text_of(section.find(".//span[@class='tl-publisher']")) == squash(source["publisher"])
    link = section.find(".//a")
    assert link.get("href") == source["url"]
    assert text_of(link) == squash(source["title"])
    updates = text_of(page.find(".//section[@class='tl-updates']"))
    assert squash(event["updates"][0]["note"]) in updates
    shown = sorted(text_of(e) for e in page.iter() if "md-tag" in str(e.get("class", "")).split())
    assert shown == sorted(squash(t) for t in event["tags"])


def reads_back_in_data_files(root: Path, titles: dict[str, str]) -> None:
    """Each title (by event id) exactly as written in every export that names the event (a feed,
    timeline.json, the calendar, the CSV); escaped in the theme's HTML-bearing JSON."""
    index = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))
    indexed = {html.unescape(d["title"]) for d in index["docs"]}
    assert set(titles.values()) <= indexed
    for path in output_files(root):
        name = path.relative_to(root).as_posix()
        if (
            name in ("search/search_index.json", "tags.json", "sitemap.xml")
            or path.suffix == ".html"
        ):
            continue
        text = path.read_text(encoding="utf-8")
        found = EXPORT_STRINGS[path.suffix](text)
        if name in HTML_JSON_KEYS:  # HTML-bearing JSON: the text as a reader will see it
            found = found | {html.unescape(value) for value in found}
        for event_id, title in titles.items():
            if event_id in text:  # the file names the event (its link, id or uid)
                assert title in found, (name, title)


def _json(text: str) -> set[str]:
    return {value for _, value in json_strings(json.loads(text))}


def _xml(text: str) -> set[str]:
    strings = set()
    for element in ET.fromstring(text).iter():
        value = element.text or ""
        # Atom's type="html" (and RSS's description) hold HTML: the text a reader sees is unescaped
        is_html = element.get("type") == "html" or element.tag.endswith("description")
        strings.add(html.unescape(value) if is_html else value)
    return strings


def _ics(text: str) -> set[str]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(c.get("SUMMARY")) for c in calendar.walk("VEVENT")}


def _csv(text: str) -> set[str]:
    # a cell a spreadsheet would run as a formula may carry a leading apostrophe (OWASP)
    return {cell for row in csv.reader(io.StringIO(text)) for cell in row} | {
        cell[1:]
        for row in csv.reader(io.StringIO(text))
        for cell in row
        if cell.startswith("'") and cell[1:].startswith(FORMULA_START)
    }


EXPORT_STRINGS = {".json": _json, ".xml": _xml, ".ics": _ics, ".csv": _csv}


@pytest.mark.e2e
def test_the_export_round_trip_check_reads_every_format(tmp_path):
    # the exports are written on another branch: prove the check above reads each format
    title = 'Kim & "Putin" <tlx> \u00e9'
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(
        json.dumps({"docs": [{"title": html.escape(title)}]})
    )
    (tmp_path / "timeline.json").write_text(json.dumps([{"id": "e1", "title": title}]))
    (tmp_path / "schema.json").write_text('{"title": "Entry"}')  # names no event: skipped
    (tmp_path / "feed.xml").write_text(
        f"<feed><entry><id>e1</id><title>{html.escape(title)}</title></entry></feed>"
    )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//test//")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", "e1")
    event.add("summary", title)
    calendar.add_component(event)
    (tmp_path / "timeline.ics").write_bytes(calendar.to_ical())
    rows = io.StringIO()
    csv.writer(rows).writerows([["id", "title"], ["e1", title]])
    (tmp_path / "timeline.csv").write_text(rows.getvalue())
    reads_back_in_data_files(tmp_path, {"e1": title})

    # escaped twice: a reader would see '&amp;' and '&lt;tlx&gt;'
    twice = html.escape(html.escape(title))
    (tmp_path / "feed.xml").write_text(
        f"<feed><entry><id>e1</id><title>{twice}</title></entry></feed>"
    )
    with pytest.raises(AssertionError, match="feed.xml"):
        reads_back_in_data_files(tmp_path, {"e1": title})
    (tmp_path / "feed.xml").unlink()
    (tmp_path / "timeline.json").write_text(json.dumps([{"id": "e1", "title": html.escape(title)}]))
    with pytest.raises(AssertionError, match="timeline.json"):
        reads_back_in_data_files(tmp_path, {"e1": title})
