"""The places' pages and maps: the index of every place (`/places/`, a map with a marker per
place sized by its number of events), a page per place, and an event page's locator map.

Every map has its text alternative beside it: the list of the places it shows, each a link.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from .. import words
from ..collection import Timeline
from ..model import PLACE_KINDS, PLACES_PAGE, Event, Place, page_url, place_page
from ..words import N_, _
from .maps import Frame, Map, Marker, draw, frame_around

KIND_LABELS = {
    "country": N_("Countries"),
    "region": N_("Regions"),
    "city": N_("Cities"),
    "site": N_("Sites"),
}
LOCATOR = (320, 200)
"""A locator map's size in pixels (it is drawn to scale down on a phone)."""
LABELLED = 3
"""A locator of at most this many places names each beside its marker (more would overlap)."""
OVERVIEW_WIDTH = 960
OVERVIEW_HEIGHT = 420


def place_url(place_id: str) -> str:
    return page_url(place_page(place_id))


class PlacePages:
    """Which pages the places add, and what each shows, from the timeline alone."""

    def __init__(self, timeline: Timeline):
        self.timeline = timeline
        self.places = timeline.places
        self.pages = {place_page(place.id): place for place in self.places}

    def uris(self) -> list[str]:
        return [PLACES_PAGE, *self.pages] if len(self.places) else []

    def meta(self, uri: str) -> dict[str, Any] | None:
        if uri == PLACES_PAGE and len(self.places):
            return {"title": _("Places"), "description": _("Where the events happened, on a map.")}
        if place := self.pages.get(uri):
            count = len(self.timeline.by_place[place.id])
            where = self._within_name(place)
            return {
                "title": place.name,
                "description": words.count(
                    count,
                    "%(num)d event at %(name)s",
                    "%(num)d events at %(name)s",
                    name=place.name,
                )
                + (f", {where}." if where else "."),
            }
        return None

    def _within_name(self, place: Place) -> str | None:
        within = place.within
        return self.places[within].name if within and within in self.places.places else None

    def index_context(self) -> dict[str, Any]:
        """`/places/`: the map of every place with events, and every place by kind."""
        by_place = self.timeline.by_place
        shown = [p for p in self.places if by_place[p.id]]
        frame = frame_around([(p.lon, p.lat) for p in shown], OVERVIEW_WIDTH, OVERVIEW_HEIGHT)
        markers = [self._marker(frame, p, len(by_place[p.id]), linked=True) for p in shown]
        groups = []
        for kind in PLACE_KINDS:
            members = sorted(
                (p for p in self.places if p.kind == kind), key=lambda p: (p.name.casefold(), p.id)
            )
            if members:
                groups.append((_(KIND_LABELS[kind]), members))
        return {
            "map": draw(frame, markers) if shown else None,
            "groups": groups,
            "by_place": by_place,
            "place_url": place_url,
        }

    def place_context(self, uri: str) -> dict[str, Any]:
        """A place's page: what it is, where (its map), and what it is within."""
        place = self.pages[uri]
        events = self.timeline.by_place[place.id]
        within = place.within if place.within in self.places.places else None
        return {
            "place": place,
            "events": events,
            "within": self.places[within] if within else None,
            "inside": sorted(
                (p for p in self.places if p.within == place.id), key=lambda p: p.name.casefold()
            ),
            "map": self.locator([place]),
            "place_url": place_url,
        }

    def event_places(self, event: Event) -> list[Place]:
        return [self.places[place_id] for place_id in event.places]

    def locator(self, places: Sequence[Place]) -> Map | None:
        """A small map of these places, each marked (None: no place)."""
        if not places:
            return None
        frame = frame_around([(p.lon, p.lat) for p in places], *LOCATOR)
        labelled = len(places) <= LABELLED
        return draw(frame, [self._marker(frame, p, 0, labelled=labelled) for p in places])

    def _marker(
        self, frame: Frame, place: Place, count: int, linked: bool = False, labelled: bool = False
    ) -> Marker:
        x, y = frame.project(place.lon, place.lat)
        radius = round(3 + 2.5 * math.sqrt(count), 1) if count else 5.0
        href = place_url(place.id) if linked else ""
        return Marker(x, y, min(radius, 30.0), place.name, href, count, labelled)
