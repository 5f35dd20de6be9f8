"""Places: the registry's checks, an entry's places, the maps' projection, the exports'
coordinates (GeoJSON read back against the GeoJSON schema and by the `geojson` library), and
the pages a real build makes of them."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import geojson
import icalendar
import jsonschema
import pytest
from conftest import ROOT, entry
from referencing import Registry as SchemaRegistry
from referencing import Resource

from timeline.check.places import load_places
from timeline.check.registry import load_registry
from timeline.entry import read_entry
from timeline.views.maps import Frame, country_paths, frame_around
from timeline.views.places import LOCATOR

PLACES = """\
- id: kursk-oblast
  name: Kursk Oblast
  kind: region
  lat: 51.72
  lon: 36.18
  aliases: [Kursk region]
  within: russia
- id: russia
  name: Russia
  kind: country
  lat: 55.76
  lon: 37.62
- id: pyongyang
  name: Pyongyang
  kind: city
  lat: 39.02
  lon: 125.74
- id: washington
  name: Washington, D.C.
  kind: city
  lat: 38.90
  lon: -77.02
"""
ACTORS = "- id: north-korea\n  name: North Korea\n  kind: country\n"
PATH = "content/places.yml"


def problems_of(text: str) -> list[str]:
    return [str(p) for p in load_places(text.encode(), PATH)[1]]


def place(lat: str = "51.72", lon: str = "36.18", extra: str = "") -> str:
    return f"- id: here\n  name: Here\n  kind: city\n  lat: {lat}\n  lon: {lon}\n{extra}"


def test_a_good_registry_gives_its_places_with_their_coordinates():
    places, problems = load_places(PLACES.encode(), PATH)
    assert problems == []
    assert places["kursk-oblast"].lat == 51.72 and places["washington"].lon == -77.02
    assert places.resolve("kursk REGION") == "kursk-oblast"
    assert places["kursk-oblast"].within == "russia"


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        ("91", "0", "4:8: lat: 91 is out of range; a latitude is between -90 and 90 degrees"),
        ("0", "-180.5", "5:8: lon: -180.5 is out of range; a longitude is between -180 and 180"),
        (".nan", "0", "4:8: lat: '.nan' is not a latitude"),
        ("0", "1e309", "5:8: lon: '1e309' is not a longitude"),
        ("inf", "0", "4:8: lat: 'inf' is not a latitude"),
        ("0x10", "0", "4:8: lat: '0x10' is not a latitude"),
        ("51°43′N", "0", "4:8: lat: '51°43′N' is not a latitude"),
        ("[1, 2]", "0", "lat: ['1', '2'] is not a latitude"),
        ("0", "1" * 400, "is not a longitude"),
    ],
)
def test_coordinates_out_of_range_or_not_plain_degrees_are_reported(lat, lon, expected):
    problems = problems_of(place(lat, lon))
    assert len(problems) == 1 and expected in problems[0], problems
    assert problems[0].startswith(PATH + ":")


def test_the_ends_of_the_ranges_and_negative_zero_are_coordinates():
    places, problems = load_places(place("-90", "180").encode(), PATH)
    assert problems == [] and (places["here"].lat, places["here"].lon) == (-90.0, 180.0)
    places, _ = load_places(place("-0.0", "-0").encode(), PATH)
    assert str(places["here"].lat) == "0.0"


def test_registry_problems_name_the_line_and_suggest_ids():
    text = PLACES + place(extra="  within: rusia\n") + place().replace("id: here", "id: Here!")
    text += "- id: index\n  name: Index\n  kind: site\n  lat: 1\n  lon: 1\n"
    text += "- id: russia\n  name: Russia again\n  kind: country\n  lat: 1\n  lon: 1\n"
    text += "- id: other\n  name: Other\n  kind: town\n  lat: 1\n  lon: 1\n"
    text += "- id: moskva\n  name: Moskva\n  kind: city\n  lat: 1\n  lon: 1\n  aliases: [Russia]\n"
    problems = problems_of(text)
    assert any("within: 'rusia' is not a place id in the registry; did you mean 'russia'?" in p
               for p in problems)  # fmt: skip
    assert any("id: 'Here!' is not an id" in p for p in problems)
    assert any("id: 'index' is reserved: a place's page would be places/index.md" in p
               for p in problems)  # fmt: skip
    assert any("id: duplicate id 'russia'" in p for p in problems)
    assert any("kind: 'town' is not a kind; use one of country, region, city, site" in p
               for p in problems)  # fmt: skip
    assert any("'Russia' already names place 'russia'" in p for p in problems)
    assert all(re.match(r"content/places\.yml:\d+:\d+: ", p) for p in problems)


def test_a_place_within_itself_is_reported_not_followed_for_ever():
    text = place(extra="  within: there\n") + place(extra="  within: here\n").replace(
        "id: here", "id: there"
    ).replace("name: Here", "name: There")
    problems = problems_of(text)
    assert any("ends up within itself" in p for p in problems)


def test_an_empty_or_odd_registry_is_not_a_crash():
    assert problems_of("") == []
    assert problems_of("- just text\n") == [
        f"{PATH}:1:3: places: each place must be a set of 'field: value' lines"
    ]
    assert "must be a list of places" in problems_of("id: x\n")[0]


def read(front: str):
    registry, _ = load_registry(ACTORS.encode(), "content/actors.yml")
    places, _ = load_places(PLACES.encode(), PATH)
    registry = type(registry)(registry.actors, registry.names, places)
    text = entry(actors="[north-korea]", extra=front).encode()
    return read_entry(text, "content/events/2024/2024-10-31-x.md", "events/2024/2024-10-31-x.md",
                      registry)  # fmt: skip


def test_an_entry_names_places_by_id_or_alias():
    event, problems = read("places: [Kursk region, pyongyang]")
    assert problems == [] and event.places == ("kursk-oblast", "pyongyang")


def test_an_unknown_place_gets_did_you_mean_and_a_repeat_a_warning():
    event, problems = read("places: [pyongyan]")
    assert event is None
    assert [str(p) for p in problems] == [
        "content/events/2024/2024-10-31-x.md:6:10: places[0]: unknown place 'pyongyan'; "
        "did you mean 'pyongyang'?"
    ]
    event, problems = read("places: [russia, Russia]")
    assert event is not None and event.places == ("russia",)
    assert [p.severity for p in problems] == ["warning"]


def test_a_site_without_a_place_registry_knows_no_place():
    registry, _ = load_registry(ACTORS.encode(), "content/actors.yml")
    text = entry(extra="places: [kursk]").encode()
    event, problems = read_entry(text, "e.md", "events/2024/2024-10-31-x.md", registry)
    assert event is None and "unknown place 'kursk'" in str(problems[0])


# --- maps --------------------------------------------------------------------------------------


def test_a_frame_projects_its_corners_and_centre():
    frame = Frame(30.0, 40.0, 50.0, 50.0, 200, 100)
    assert frame.project(30, 50) == (0, 0)
    assert frame.project(50, 40) == (200, 100)
    assert frame.project(40, 45) == (100, 50)


def test_a_locator_frame_holds_its_places_and_keeps_its_shape():
    frame = frame_around([(36.18, 51.72), (30.52, 50.45)], *LOCATOR)
    for lon, lat in [(36.18, 51.72), (30.52, 50.45)]:
        x, y = frame.project(lon, lat)
        assert 0 < x < frame.width and 0 < y < frame.height
    assert frame.east - frame.west >= 36


def test_a_locator_of_a_region_is_a_few_kilobytes_of_paths():
    paths = country_paths(frame_around([(36.18, 51.72)], *LOCATOR))
    assert 3 <= len(paths) and sum(map(len, paths)) < 4000
    assert all(re.fullmatch(r"(M-?\d+ -?\d+l[-\d ]+z)+", p) for p in paths)


def test_places_on_both_sides_of_the_world_get_the_whole_world():
    frame = frame_around([(-77.02, 38.9), (125.74, 39.02), (178.44, -18.14)], 960, 420)
    assert (frame.west, frame.east) == (-180.0, 180.0)
    # countries across the antimeridian are drawn on each side, never as a line across:
    # a step of more than half the map runs along its edge (a ring clipped there), if any
    for path in country_paths(frame):
        for ring in re.findall(r"M(-?\d+) (-?\d+)l([-\d ]+)z", path):
            x, y, steps = int(ring[0]), int(ring[1]), [int(n) for n in ring[2].split()]
            for dx, dy in zip(steps[::2], steps[1::2]):
                if abs(dx) > frame.width / 2:
                    assert dy == 0 and not 0 < y < frame.height, path[:80]
                x, y = x + dx, y + dy


# --- a real build ------------------------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(html: str) -> ET.Element:
    found = re.search(r"<svg class=\"tl-map\".*?</svg>", html, re.S)
    assert found, "no map on the page"
    return ET.fromstring(found.group(0).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import ACTORS as TEST_ACTORS
    from conftest import MKDOCS_YML, Site

    site = Site(tmp_path_factory.mktemp("places"))
    (site.root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    site.write("index.md", "# Test timeline\n")
    site.write("actors.yml", TEST_ACTORS)
    site.write("places.yml", PLACES)
    site.event("2024/2024-10-31-kursk.md", title="In Kursk", extra="places: [kursk-oblast]")
    two = "places: [pyongyang, washington]\nlocation: Pyongyang and Washington"
    site.event("2024/2024-11-01-two.md", date="2024-11-01", title="Two", extra=two)
    site.event("2024/2024-11-02-none.md", date="2024-11-02", title="Nowhere")
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout
    return site


@pytest.mark.e2e
def test_a_locator_map_marks_its_place_at_its_projected_position(built):
    svg = svg_of(built.html("events/2024/2024-10-31-kursk/"))
    circles = svg.findall(f".//{SVG}circle")
    assert len(circles) == 1
    frame = frame_around([(36.18, 51.72)], *LOCATOR)
    assert svg.get("viewBox") == f"0 0 {frame.width} {frame.height}"
    x, y = frame.project(36.18, 51.72)
    assert (float(circles[0].get("cx")), float(circles[0].get("cy"))) == (x, y)
    assert svg.get("role") == "img" and "Kursk Oblast" in svg.get("aria-label")
    assert "Kursk Oblast" in [t.text for t in svg.iter(f"{SVG}text")]
    assert (
        len(built.html("events/2024/2024-10-31-kursk/").encode())
        - len(built.html("events/2024/2024-11-02-none/").encode())
        < 6000
    )  # the map's weight on the page


@pytest.mark.e2e
def test_the_places_page_maps_each_place_sized_by_its_events_and_lists_them(built):
    html = built.html("places/")
    svg = svg_of(html)
    circles = {(c.get("cx"), c.get("cy")): float(c.get("r")) for c in svg.iter(f"{SVG}circle")}
    assert len(circles) == 3  # the places with events; Russia has none
    assert sorted(circles.values()) == [5.5, 5.5, 5.5]  # one event each: 3 + 2.5 * sqrt(1)
    links = re.findall(r'<a href="([^"]+)" tabindex="-1" title="([^"]+)"', html)
    assert sorted(links) == [
        ("kursk-oblast/", "Kursk Oblast (1 event)"),
        ("pyongyang/", "Pyongyang (1 event)"),
        ("washington/", "Washington, D.C. (1 event)"),
    ]
    assert '<div class="tl-map__links" aria-hidden="true">' in html  # the list has the links
    for name in ("Kursk Oblast", "Pyongyang", "Washington, D.C.", "Russia"):
        assert f">{name}</a>" in html  # the text alternative: every place, linked
    assert 'Russia</a> <span class="tl-muted">(0 events)' in html


@pytest.mark.e2e
def test_a_place_page_lists_its_events_and_links_the_filtered_timeline(built):
    html = built.html("places/pyongyang/")
    assert "Two</a>" in html and "In Kursk</a>" not in html
    assert "timeline/?place=pyongyang" in html
    timeline = built.html("timeline/")
    assert 'data-places="pyongyang washington"' in timeline
    assert '<option value="pyongyang" data-label="Pyongyang">Pyongyang (1)</option>' in timeline
    kursk = built.html("places/kursk-oblast/")
    assert 'href="../russia/"' in kursk  # within


def geojson_schema():
    folder = ROOT / "node_modules" / "geojson-schema"
    schemas = {
        p.name: json.loads(p.read_text()) for p in folder.glob("*.json") if p.name[0].isupper()
    }
    registry = SchemaRegistry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas.values()
    )
    return schemas["FeatureCollection.json"], registry


@pytest.mark.e2e
def test_the_geojson_is_valid_and_read_by_a_geojson_library(built):
    raw = (built.root / "site" / "timeline.geojson").read_text(encoding="utf-8")
    schema, registry = geojson_schema()
    jsonschema.validate(json.loads(raw), schema, registry=registry)
    collection = geojson.loads(raw)
    assert collection.is_valid, collection.errors()
    events = [f for f in collection["features"] if f["properties"]["feature"] == "event"]
    assert [f["id"] for f in events] == ["2024-10-31-kursk", "2024-11-01-two"]  # none: left out
    assert events[0]["geometry"]["coordinates"] == [36.18, 51.72]  # longitude first
    assert events[1]["geometry"]["type"] == "MultiPoint"
    assert events[1]["properties"]["title"] == "Two"
    places = {f["id"]: f for f in collection["features"] if f["properties"]["feature"] == "place"}
    assert places["place:russia"]["properties"]["events"] == 0


@pytest.mark.e2e
def test_timeline_json_and_the_calendar_carry_the_places(built):
    data = json.loads((built.root / "site" / "timeline.json").read_text(encoding="utf-8"))
    assert data["version"] == "1.1"
    schema = json.loads((built.root / "site" / "schema" / "timeline.json").read_text())
    jsonschema.validate(data, schema)
    assert data["events"][0]["places"] == [
        {"id": "kursk-oblast", "name": "Kursk Oblast", "kind": "region", "lat": 51.72, "lon": 36.18}
    ]
    assert data["events"][2]["places"] == []
    assert [p["id"] for p in data["places"]] == [
        "kursk-oblast",
        "pyongyang",
        "russia",
        "washington",
    ]
    calendar = icalendar.Calendar.from_ical((built.root / "site" / "timeline.ics").read_bytes())
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert str(events["In Kursk"]["LOCATION"]) == "Kursk Oblast"
    assert events["In Kursk"]["GEO"].latitude == 51.72
    assert events["Two"]["GEO"].longitude == 125.74
    assert str(events["Two"]["LOCATION"]) == "Pyongyang and Washington"
    assert "GEO" not in events["Nowhere"] and "LOCATION" not in events["Nowhere"]
