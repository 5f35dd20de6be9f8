"""TimelineJS3's JSON format as a JSON Schema, transcribed for the tests from its documentation
(website/docs/json-format.njk in NUKnightLab/TimelineJS3): which fields are required, and what
each one holds. TimelineJS publishes no schema of its own."""

from __future__ import annotations

_NUMBER = {"type": "integer"}
DATE = {
    "type": "object",
    "required": ["year"],  # "Yes": every date needs its year
    "properties": {
        "year": _NUMBER,
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer", "minimum": 0, "maximum": 23},
        "minute": {"type": "integer", "minimum": 0, "maximum": 59},
        "second": {"type": "integer", "minimum": 0, "maximum": 59},
        "millisecond": _NUMBER,
        "display_date": {"type": "string"},
        "format": {"type": "string"},
    },
    "additionalProperties": False,
}
TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
MEDIA = {
    "type": "object",
    "required": ["url"],
    "properties": {
        name: {"type": "string"}
        for name in ("url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target")
    },
    "additionalProperties": False,
}
_SLIDE_PROPERTIES = {
    "start_date": DATE,
    "end_date": DATE,
    "text": TEXT,
    "media": MEDIA,
    "group": {"type": "string"},
    "display_date": {"type": "string"},
    "background": {"type": "object"},
    "autolink": {"type": "boolean"},
    "unique_id": {"type": "string"},
}
SLIDE = {
    "type": "object",
    "required": ["start_date"],  # "Yes, except for title slides"
    "properties": _SLIDE_PROPERTIES,
    "additionalProperties": False,
}
TITLE_SLIDE = {"type": "object", "properties": _SLIDE_PROPERTIES, "additionalProperties": False}
ERA = {
    "type": "object",
    "required": ["start_date", "end_date"],
    "properties": {"start_date": DATE, "end_date": DATE, "text": TEXT},
    "additionalProperties": False,
}
TIMELINE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["events"],
    "properties": {
        "events": {"type": "array", "items": SLIDE},
        "title": TITLE_SLIDE,
        "eras": {"type": "array", "items": ERA},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
}
