"""The JSON Schemas for editors, generated from the field tables in `schema.py`: an event's front
matter (`schema/entry.json`) and the actor registry (`schema/actors.json`).

Published on every site under `/schema/` and committed in `schema/` (`timeline schema -o
schema/entry.json` and `timeline schema --registry -o schema/actors.json` regenerate them). They
check what a schema can: fields, kinds, required values, lengths, numbers of items, choices, link
schemes, date forms and id forms. What needs the rest of the site (a known actor, `end` after
`date`, the file name, ids unique across the registry) is left to `timeline check`.
"""

from __future__ import annotations

import json
from typing import Any

from .kinds import definitions, object_schema
from .schema import ACTOR_FIELDS, ERA_FIELDS, EVENT_FIELDS, MEASURE_FIELDS, PLACE_FIELDS

SCHEMA_PATH = "schema/entry.json"
"""Where the entry's schema lives, both in a repository and on a published site."""
REGISTRY_SCHEMA_PATH = "schema/actors.json"
"""Where the registry's schema lives, beside the entry's."""
PLACES_SCHEMA_PATH = "schema/places.json"
"""Where the place registry's schema lives, beside the others."""
_DRAFT = "http://json-schema.org/draft-07/schema#"  # the draft editors' YAML extensions support


def entry_schema() -> dict[str, Any]:
    """The JSON Schema of one entry's front matter."""
    return {
        "$schema": _DRAFT,
        "title": "Timeline event entry",
        "description": (
            "The YAML front matter of one event file (content/events/YYYY/...). "
            "`timeline check` is the authority; it also checks actors against the registry, "
            "that `end` does not precede `date`, and the file name."
        ),
        **object_schema(EVENT_FIELDS),
        "definitions": definitions(EVENT_FIELDS),
    }


def registry_schema() -> dict[str, Any]:
    """The JSON Schema of the actor registry, `content/actors.yml`."""
    return {
        "$schema": _DRAFT,
        "title": "Timeline actor registry",
        "description": (
            "The actor registry (content/actors.yml): a list of actors, one '- id: ...' block "
            "each. `timeline check` is the authority; it also checks that every id is unique, "
            "that a name or alias belongs to one actor only, and that an affiliation is the id "
            "of an actor of the registry."
        ),
        "type": "array",
        "items": object_schema(ACTOR_FIELDS),
        **({"definitions": found} if (found := definitions(ACTOR_FIELDS)) else {}),
    }


def places_schema() -> dict[str, Any]:
    """The JSON Schema of the place registry, `content/places.yml`."""
    return {
        "$schema": _DRAFT,
        "title": "Timeline place registry",
        "description": (
            "The place registry (content/places.yml): a list of places, one '- id: ...' block "
            "each, with WGS 84 coordinates. `timeline check` is the authority; it also checks "
            "that every id is unique, that a name or alias belongs to one place only, and that "
            "`within` is the id of another place of the registry."
        ),
        "type": "array",
        "items": object_schema(PLACE_FIELDS),
        **({"definitions": found} if (found := definitions(PLACE_FIELDS)) else {}),
    }


def _text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def dumps() -> str:
    """The entry's schema as the text written to `schema/entry.json` and published."""
    return _text(entry_schema())


def registry_dumps() -> str:
    """The registry's schema as the text written to `schema/actors.json` and published."""
    return _text(registry_schema())


def places_dumps() -> str:
    """The place registry's schema as the text written to `schema/places.json` and published."""
    return _text(places_schema())


def list_schema(fields: tuple, title: str, description: str) -> dict[str, Any]:
    """The JSON Schema of a registry that is a list of items checked against `fields`
    (`content/measures.yml`, `content/eras.yml`)."""
    return {
        "$schema": _DRAFT,
        "title": title,
        "description": description,
        "type": "array",
        "items": object_schema(fields),
        **({"definitions": found} if (found := definitions(fields)) else {}),
    }


LIST_SCHEMAS = {
    "schema/measures.json": (
        MEASURE_FIELDS,
        "Timeline measures",
        "What stated figures count (content/measures.yml). `timeline check` is the authority; "
        "it also checks that every id is unique and that each figure names a measure.",
    ),
    "schema/eras.json": (
        ERA_FIELDS,
        "Timeline eras",
        "Named periods (content/eras.yml). `timeline check` is the authority; it also checks "
        "that an era does not end before it starts.",
    ),
}


def schema_files() -> dict[str, str]:
    """Each schema's path (in a repository and on a site) and text."""
    lists = {path: _text(list_schema(*about)) for path, about in LIST_SCHEMAS.items()}
    return {
        SCHEMA_PATH: dumps(),
        REGISTRY_SCHEMA_PATH: registry_dumps(),
        PLACES_SCHEMA_PATH: places_dumps(),
        **lists,
    }
