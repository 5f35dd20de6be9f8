"""timeline.json: every published event as data, in the versioned format of `schema.SCHEMA`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from ..collection import Timeline
from ..dates import PartialDate, edtf
from ..model import (
    TIMELINE_PAGE,
    Actor,
    Era,
    Event,
    Figure,
    Measure,
    Place,
    Source,
    figure_page,
    page_url,
)  # fmt: skip
from . import jsontext, schema
from .entries import rfc3339
from .options import ExportOptions

PATH = "timeline.json"


def render(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> bytes:
    return jsontext.dump(document(timeline, options, published))


def document(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> dict:
    actors = timeline.registry
    return {
        "$schema": options.link(schema.PATH),
        "version": schema.VERSION,
        "title": options.title,
        "description": options.description,
        "url": options.link(page_url(TIMELINE_PAGE, options.directory_urls)),
        "events": [event(e, timeline, options, published[e.id]) for e in timeline.events],
        "actors": [_actor(actors[actor_id], options) for actor_id in sorted(actors.actors)],
        "places": [place(p, options) for p in sorted(timeline.places, key=lambda p: p.id)],
        "measures": [_measure(m, options) for m in timeline.measures.values()],
        "eras": [_era(era) for era in timeline.eras],
    }


def event(event: Event, timeline: Timeline, options: ExportOptions, added: datetime) -> dict:
    return {
        "id": event.id,
        "url": options.event_link(event),
        "title": event.title,
        "date": _date(event.date, event.circa),
        "end": _date(event.end, event.circa) if event.end else None,
        "circa": event.circa,
        "display_date": event.display_date,
        "edtf": event.edtf,
        "status": event.status,
        "key": event.key,
        "summary": event.summary,
        "location": event.location,
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind}
            for a in (timeline.registry[actor_id] for actor_id in event.actors)
        ],
        "tags": list(event.tags),
        "sources": [_source(source) for source in event.sources],
        "updates": [{"date": _date(u.date), "note": u.note} for u in event.updates],
        "added": rfc3339(added),
        "places": [place_ref(timeline.places[place_id]) for place_id in event.places],
        "figures": [_figure(figure) for figure in event.figures],
        "follows": [{"event": f.event, "as": f.outcome} for f in event.follows],
    }


def _date(value: PartialDate, circa: bool = False) -> dict:
    return {
        "iso": value.iso(),
        "precision": value.precision.name.lower(),
        "start": rfc3339(value.start()),
        "edtf": edtf(value, circa=circa),
    }


def _source(source: Source) -> dict:
    return {
        "publisher": source.publisher,
        "url": source.url,
        "title": source.title,
        "published": _date(source.published) if source.published else None,
        "archived": source.archived,
    }


def place_ref(place: Place) -> dict:
    """A place as an event names it: id, name, kind and WGS 84 coordinates."""
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "lat": place.lat,
        "lon": place.lon,
    }


def place(place: Place, options: ExportOptions) -> dict:
    """A place of the registry, with its page."""
    return {
        **place_ref(place),
        "aliases": list(place.aliases),
        "within": place.within,
        "url": options.place_link(place.id),
    }


def _actor(actor: Actor, options: ExportOptions) -> dict:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "description": actor.description,
        "affiliation": actor.affiliation,
        "url": options.actor_link(actor.id),
    }


def _figure(figure: Figure) -> dict:
    return {
        "measure": figure.measure,
        "value": figure.value,
        "low": figure.low,
        "high": figure.high,
        "qualifier": figure.qualifier,
        "by": figure.by,
        "as_of": _date(figure.as_of) if figure.as_of else None,
        "note": figure.note,
    }


def _measure(measure: Measure, options: ExportOptions) -> dict:
    return {
        "id": measure.id,
        "name": measure.name,
        "unit": measure.unit,
        "description": measure.description,
        "url": options.link(page_url(figure_page(measure.id), options.directory_urls)),
    }


def _era(era: Era) -> dict:
    return {
        "title": era.title,
        "start": _date(era.start),
        "end": _date(era.end) if era.end else None,
        "description": era.description,
    }
