"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a JSON Schema, transcribed from the
spec's text for the tests: what is required, each field's type, and that any other key is a
custom extension (an underscore, then a letter). No official schema is published."""

from __future__ import annotations

_URL = {"type": "string", "format": "uri"}
_DATE = {"type": "string", "format": "date-time"}  # RFC 3339
_EXTENSIONS = {"^_[A-Za-z]": {}}
_AUTHOR = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "url": _URL, "avatar": _URL},
    "minProperties": 1,  # "must include at least one"
    "additionalProperties": False,
    "patternProperties": _EXTENSIONS,
}

ITEM = {
    "type": "object",
    "required": ["id"],
    "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
    "properties": {
        "id": {"type": "string"},
        "url": {"type": "string"},
        "external_url": {"type": "string"},
        "title": {"type": "string"},
        "content_html": {"type": "string"},
        "content_text": {"type": "string"},
        "summary": {"type": "string"},
        "image": {"type": "string"},
        "banner_image": {"type": "string"},
        "date_published": _DATE,
        "date_modified": _DATE,
        "authors": {"type": "array", "items": _AUTHOR},
        "tags": {"type": "array", "items": {"type": "string"}},
        "language": {"type": "string"},
        "attachments": {"type": "array"},
    },
    "additionalProperties": False,
    "patternProperties": _EXTENSIONS,
}

FEED = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": _URL,
        "feed_url": _URL,
        "description": {"type": "string"},
        "user_comment": {"type": "string"},
        "next_url": _URL,
        "icon": _URL,
        "favicon": _URL,
        "authors": {"type": "array", "items": _AUTHOR},
        "language": {"type": "string"},
        "expired": {"type": "boolean"},
        "hubs": {"type": "array"},
        "items": {"type": "array", "items": ITEM},
    },
    "additionalProperties": False,
    "patternProperties": _EXTENSIONS,
}
