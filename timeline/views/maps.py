"""Maps drawn at build time: countries from Natural Earth's 1:110m boundaries (the `world-atlas`
TopoJSON kept in `world/`, public domain; see world/README.md), projected, clipped to a frame
around the places shown and simplified to the pixel, with a marker per place.

What is drawn is decided here as numbers and short path strings (`Map`); the template writes the
SVG, escaping every name. Projection: equirectangular, its longitude scaled by the cosine of the
frame's middle latitude (near-true shapes at a region's scale, and a marker's position is two
lines of arithmetic: `Frame.project`).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

WORLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "world", "countries-110m.json")
LAT_LIMITS = (-60.0, 84.0)
"""What a map may show of the latitudes: Antarctica and the far north are left out."""


@dataclass(frozen=True, slots=True)
class Frame:
    """The part of the world a map shows (degrees), and its size in pixels."""

    west: float
    south: float
    east: float
    north: float
    width: int
    height: int

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """A point's position on the map, in pixels from its top left corner."""
        x = (lon - self.west) / (self.east - self.west) * self.width
        y = (self.north - lat) / (self.north - self.south) * self.height
        return round(x, 1), round(y, 1)


@dataclass(frozen=True, slots=True)
class Marker:
    x: float
    y: float
    r: float
    label: str
    href: str = ""
    count: int = 0
    labelled: bool = False
    """Whether the map writes the label beside the marker (a locator of a few places)."""


@dataclass(frozen=True, slots=True)
class Map:
    """An SVG map: its size, the countries' paths and the markers, largest first."""

    width: int
    height: int
    paths: tuple[str, ...]
    markers: tuple[Marker, ...]


# --- the boundaries --------------------------------------------------------------------------


@cache
def _countries() -> tuple[tuple[tuple[float, float, float, float], tuple], ...]:
    """Every country as (its bounding box, its rings of (lon, lat)), from the TopoJSON."""
    with open(WORLD, encoding="utf-8") as handle:
        topology = json.load(handle)
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:  # delta-encoded, quantised positions
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> tuple:
        points: list = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        return tuple(points)

    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = tuple(ring(r) for polygon in polygons for r in polygon)
        if any(abs(a[0] - b[0]) > 180 for r in rings for a, b in zip(r, r[1:])):
            # across the antimeridian (Russia's far east, Fiji): drawn whole east of 180°,
            # and again 360° to the west, so that each side of the map shows its part
            east = tuple(
                tuple((lon + 360 if lon < 0 else lon, lat) for lon, lat in r) for r in rings
            )
            west = tuple(tuple((lon - 360, lat) for lon, lat in r) for r in east)
            countries += [_with_box(east), _with_box(west)]
        elif rings:
            countries.append(_with_box(rings))
    return tuple(countries)


def _with_box(rings: tuple) -> tuple:
    lons = [p[0] for r in rings for p in r]
    lats = [p[1] for r in rings for p in r]
    return (min(lons), min(lats), max(lons), max(lats)), rings


# --- frames ----------------------------------------------------------------------------------


def frame_around(
    points: Sequence[tuple[float, float]], width: int, height: int, min_span: float = 36.0
) -> Frame:
    """The frame that shows every (lon, lat) point with a margin, at least `min_span` degrees
    of longitude wide, its shape that of the map (the world's when the points span it)."""
    lons, lats = [p[0] for p in points] or [0.0], [p[1] for p in points] or [0.0]
    mid_lat = (min(lats) + max(lats)) / 2
    squash = max(math.cos(math.radians(mid_lat)), 0.2)
    span_lon = max(min_span, (max(lons) - min(lons)) * 1.3)
    span_lat = max((max(lats) - min(lats)) * 1.3, 4.0)
    span_lon = max(span_lon, span_lat / squash * width / height)  # keep the map's shape
    if span_lon >= 300:  # the world: all of it, plainly
        low, high = LAT_LIMITS
        return Frame(-180.0, low, 180.0, high, width, round(width * (high - low) / 360))
    span_lat = span_lon * squash * height / width
    mid_lon = (min(lons) + max(lons)) / 2
    west = min(max(mid_lon - span_lon / 2, -180.0), 180.0 - span_lon)
    south = min(max(mid_lat - span_lat / 2, -90.0), 90.0 - span_lat)
    frame = (west, south, west + span_lon, south + span_lat)
    return Frame(*(round(v, 4) for v in frame), width, height)


# --- drawing ---------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def country_paths(frame: Frame) -> tuple[str, ...]:
    """The countries inside the frame, each an SVG path in whole pixels (clipped to the frame,
    points closer than a pixel to the line through their neighbours left out)."""
    paths = []
    for (west, south, east, north), rings in _countries():
        if east < frame.west or west > frame.east or north < frame.south or south > frame.north:
            continue
        parts = []
        for ring in rings:
            points = _clip([frame.project(lon, lat) for lon, lat in ring], frame)
            points = _simplify(points, 0.9)
            if len(points) >= 3 and _extent(points) >= 3:  # a speck of an island: left out
                parts.append(_path(points))
        if parts:
            paths.append("".join(parts))
    return tuple(paths)


def _clip(points: list, frame: Frame) -> list:
    """A ring clipped to the frame, one pixel beyond its edges (Sutherland-Hodgman)."""
    edges = ((0, -1.0, 1), (0, frame.width + 1.0, -1), (1, -1.0, 1), (1, frame.height + 1.0, -1))
    for axis, limit, side in edges:
        if not points:
            break
        kept = []
        previous = points[-1]
        for point in points:
            inside, was_inside = (
                (point[axis] - limit) * side >= 0,
                (previous[axis] - limit) * side >= 0,
            )
            if inside != was_inside:
                t = (limit - previous[axis]) / (point[axis] - previous[axis])
                kept.append(tuple(previous[i] + t * (point[i] - previous[i]) for i in (0, 1)))
            if inside:
                kept.append(point)
            previous = point
        points = kept
    return points


def _simplify(points: list, tolerance: float) -> list:
    """Whole pixels, each point kept only when it moves the line by more than `tolerance`."""
    kept: list = []
    for x, y in points:
        point = (round(x), round(y))
        if kept and point == kept[-1]:
            continue
        if len(kept) >= 2 and _distance(kept[-2], kept[-1], point) < tolerance:
            kept[-1] = point  # the middle point was on the way: replace it
            continue
        kept.append(point)
    return kept


def _extent(points: list) -> int:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def _distance(a: tuple, b: tuple, c: tuple) -> float:
    """How far b is from the line a-c."""
    (ax, ay), (bx, by), (cx, cy) = a, b, c
    length = math.hypot(cx - ax, cy - ay)
    if length == 0:
        return math.hypot(bx - ax, by - ay)
    return abs((cx - ax) * (ay - by) - (ax - bx) * (cy - ay)) / length


def _path(points: list) -> str:
    """'M x y' then relative steps, closed: the shortest text of a ring in whole pixels."""
    (x, y), steps = points[0], []
    for px, py in points[1:]:
        steps.append(f"{px - x} {py - y}")
        x, y = px, py
    return f"M{points[0][0]} {points[0][1]}l" + " ".join(steps) + "z"


def draw(frame: Frame, markers: Sequence[Marker]) -> Map:
    """The map of a frame with its markers, the largest drawn first (small ones stay on top)."""
    ordered = sorted(markers, key=lambda m: (-m.r, m.label, m.x, m.y))
    return Map(frame.width, frame.height, country_paths(frame), tuple(ordered))
