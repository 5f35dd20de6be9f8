"""The JSON Schema of timeline.json, defined once here; `schema/timeline.json` in the repository
and on the site is this, written out. Regenerate the committed copy with:

    python -m timeline.exports > schema/timeline.json
"""

from __future__ import annotations

from ..dates import Precision
from ..model import ACTOR_KINDS, OUTCOMES, PLACE_KINDS, QUALIFIERS, STATUSES
from . import jsontext

VERSION = "1.1"
"""The version of timeline.json's format: the minor number grows when fields are added, the
major number when a field is removed or changes meaning."""

PATH = "schema/timeline.json"

_TEXT = {"type": "string", "minLength": 1}
_OPTIONAL_TEXT = {"type": ["string", "null"]}
_SITE_LINK = {
    "type": "string",
    "format": "uri-reference",
    "description": "Absolute when the site's address is configured, else relative to the site.",
}
_WEB_LINK = {"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"}
_ISO = r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?)?)?$"


def _object(properties: dict, required: tuple[str, ...] | None = None, **extra) -> dict:
    """A closed object: every property listed, all required unless said otherwise."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties if required is None else required),
        "additionalProperties": False,
        **extra,
    }


SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": f"timeline.json, version {VERSION}",
    "description": (
        "Every published event of a news timeline with all its fields, actors resolved, dates "
        "at their precision (also as EDTF strings) and sources."
    ),
    **_object(
        {
            "$schema": {"type": "string", "format": "uri-reference"},
            "version": {"const": VERSION},
            "title": _TEXT,
            "description": {"type": "string"},
            "url": {**_SITE_LINK, "description": "The timeline page."},
            "events": {
                "type": "array",
                "items": {"$ref": "#/$defs/event"},
                "description": "Published events in timeline order (oldest first).",
            },
            "actors": {
                "type": "array",
                "items": {"$ref": "#/$defs/actor"},
                "description": "The whole actor registry, sorted by id.",
            },
            "places": {
                "type": "array",
                "items": {"$ref": "#/$defs/place"},
                "description": "The whole place registry, sorted by id (added in 1.1).",
            },
            "measures": {
                "type": "array",
                "items": {"$ref": "#/$defs/measure"},
                "description": "What figures count (since 1.1), in the registry's order.",
            },
            "eras": {
                "type": "array",
                "items": {"$ref": "#/$defs/era"},
                "description": "Named periods (since 1.1), in order of their start.",
            },
        },
        required=("$schema", "version", "title", "description", "url", "events", "actors"),
    ),
    "$defs": {
        "date": _object(
            {
                "iso": {
                    "type": "string",
                    "pattern": _ISO,
                    "description": "ISO 8601 at the precision known, as written.",
                },
                "precision": {"enum": [p.name.lower() for p in Precision]},
                "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "The UTC instant the date starts (a day starts at 00:00 UTC).",
                },
                "edtf": {
                    "type": "string",
                    "minLength": 4,
                    "description": "Library of Congress Extended Date/Time Format.",
                },
            },
            description="A date known to a year, a month, a day or a time with a UTC offset.",
        ),
        "status": {
            "enum": list(STATUSES),
            "description": "How certain the event is.",
        },
        "actor": _object(
            {
                "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                "name": _TEXT,
                "kind": {"enum": list(ACTOR_KINDS)},
                "aliases": {"type": "array", "items": _TEXT},
                "description": {"type": "string"},
                "affiliation": {
                    "type": ["string", "null"],
                    "description": "Another actor's id.",
                },
                "url": {**_SITE_LINK, "description": "The actor's page."},
            }
        ),
        "place_ref": _object(
            {
                "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                "name": _TEXT,
                "kind": {"enum": list(PLACE_KINDS)},
                "lat": {"type": "number", "minimum": -90, "maximum": 90},
                "lon": {"type": "number", "minimum": -180, "maximum": 180},
            },
            description="A place, its coordinates in WGS 84 degrees.",
        ),
        "place": _object(
            {
                "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                "name": _TEXT,
                "kind": {"enum": list(PLACE_KINDS)},
                "lat": {"type": "number", "minimum": -90, "maximum": 90},
                "lon": {"type": "number", "minimum": -180, "maximum": 180},
                "aliases": {"type": "array", "items": _TEXT},
                "within": {"type": ["string", "null"], "description": "Another place's id."},
                "url": {**_SITE_LINK, "description": "The place's page."},
            }
        ),
        "actor_ref": _object(
            {
                "id": {"type": "string"},
                "name": _TEXT,
                "kind": {"enum": list(ACTOR_KINDS)},
            }
        ),
        "source": _object(
            {
                "publisher": _TEXT,
                "url": _WEB_LINK,
                "title": _OPTIONAL_TEXT,
                "published": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                "archived": {"anyOf": [_WEB_LINK, {"type": "null"}]},
            }
        ),
        "update": _object({"date": {"$ref": "#/$defs/date"}, "note": _TEXT}),
        "number": {"type": ["number", "null"], "minimum": 0},
        "figure": _object(
            {
                "measure": {"type": "string", "description": "A measure's id."},
                "value": {"$ref": "#/$defs/number"},
                "low": {"$ref": "#/$defs/number"},
                "high": {"$ref": "#/$defs/number"},
                "qualifier": {"enum": [*QUALIFIERS, None]},
                "by": {"type": "string", "description": "The id of the actor who stated it."},
                "as_of": {
                    "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}],
                    "description": "The date the figure refers to, when not the event's.",
                },
                "note": _OPTIONAL_TEXT,
            },
            description="A quantity stated by one actor: a value, or a range low..high. "
            "Figures from different actors are never merged.",
        ),
        "follow": _object(
            {
                "event": {"type": "string", "description": "An earlier event's id."},
                "as": {"enum": list(OUTCOMES)},
            },
            description="What this event does to an earlier one.",
        ),
        "measure": _object(
            {
                "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                "name": _TEXT,
                "unit": _TEXT,
                "description": {"type": "string"},
                "url": {**_SITE_LINK, "description": "The measure's page, with its chart."},
            }
        ),
        "era": _object(
            {
                "title": _TEXT,
                "start": {"$ref": "#/$defs/date"},
                "end": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                "description": {"type": "string"},
            },
            description="A named period; no end: still open.",
        ),
        "event": _object(
            {
                "id": {"type": "string", "description": "The entry's file name without .md."},
                "url": {**_SITE_LINK, "description": "The event's page."},
                "title": _TEXT,
                "date": {"$ref": "#/$defs/date"},
                "end": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                "circa": {"type": "boolean"},
                "display_date": {"type": "string", "description": "The date as the site shows it."},
                "edtf": {"type": "string", "description": "Date or span, in EDTF."},
                "status": {"$ref": "#/$defs/status"},
                "key": {"type": "boolean", "description": "A key event."},
                "summary": _TEXT,
                "location": _OPTIONAL_TEXT,
                "actors": {"type": "array", "items": {"$ref": "#/$defs/actor_ref"}, "minItems": 1},
                "tags": {"type": "array", "items": _TEXT},
                "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}, "minItems": 1},
                "updates": {
                    "type": "array",
                    "items": {"$ref": "#/$defs/update"},
                    "description": "Corrections log, newest first.",
                },
                "added": {
                    "type": "string",
                    "format": "date-time",
                    "description": (
                        "When the event was added to the timeline: the entry's `added` field, "
                        "else the git commit that added its file, else its own date."
                    ),
                },
                "places": {
                    "type": "array",
                    "items": {"$ref": "#/$defs/place_ref"},
                    "description": "Where it happened, from the place registry (added in 1.1).",
                },
                "figures": {
                    "type": "array",
                    "items": {"$ref": "#/$defs/figure"},
                    "description": "Figures stated in this event (since 1.1).",
                },
                "follows": {
                    "type": "array",
                    "items": {"$ref": "#/$defs/follow"},
                    "description": "Earlier events this one confirms, denies... (since 1.1).",
                },
            },
            required=(
                "id",
                "url",
                "title",
                "date",
                "end",
                "circa",
                "display_date",
                "edtf",
                "status",
                "key",
                "summary",
                "location",
                "actors",
                "tags",
                "sources",
                "updates",
                "added",
            ),
        ),
    },
}


def render() -> bytes:
    return jsontext.dump(SCHEMA, indent=2)
