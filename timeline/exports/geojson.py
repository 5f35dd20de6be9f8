"""timeline.geojson: the events and places with coordinates as GeoJSON (RFC 7946), for maps.

A Feature per place of the registry (a Point) and per event that names places (a Point, or a
MultiPoint for several), its properties those of the event in timeline.json. Coordinates are
WGS 84 longitude, latitude, as RFC 7946 orders them; `feature` says which of the two each is.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from ..collection import Timeline
from ..model import Place
from . import data, jsontext
from .options import ExportOptions

PATH = "timeline.geojson"
MEDIA_TYPE = "application/geo+json"


def _position(place: Place) -> list[float]:
    return [place.lon, place.lat]


def render(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> bytes:
    places = timeline.places
    features = []
    for event in timeline.events:
        if not event.places:
            continue
        points = [_position(places[place_id]) for place_id in event.places]
        geometry = (
            {"type": "Point", "coordinates": points[0]}
            if len(points) == 1
            else {"type": "MultiPoint", "coordinates": points}
        )
        properties = data.event(event, timeline, options, published[event.id])
        features.append(_feature(event.id, geometry, {"feature": "event", **properties}))
    counts = timeline.by_place
    for place in sorted(places, key=lambda p: p.id):
        properties = {"feature": "place", **data.place(place, options)}
        properties["events"] = len(counts[place.id])
        geometry = {"type": "Point", "coordinates": _position(place)}
        features.append(_feature(f"place:{place.id}", geometry, properties))
    return jsontext.dump({"type": "FeatureCollection", "features": features})


def _feature(feature_id: str, geometry: dict, properties: dict) -> dict:
    return {"type": "Feature", "id": feature_id, "geometry": geometry, "properties": properties}
