"""The JSON Schema of an event's front matter, generated from the field table in `schema.py`.

Published on every site as `/schema/entry.json` and committed as `schema/entry.json` for editors
(`timeline schema -o schema/entry.json` regenerates it). It checks what a schema can: fields,
kinds, required values, lengths, numbers of items, statuses, link schemes and date forms. What
needs the rest of the site (a known actor, `end` after `date`, the file name) is left to
`timeline check`.
"""

from __future__ import annotations

import json
from typing import Any

from .kinds import definitions, object_schema
from .schema import EVENT_FIELDS

SCHEMA_PATH = "schema/entry.json"
"""Where the schema lives, both in a repository and on a published site."""


def entry_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07, which editors' YAML extensions support) of one entry."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Timeline event entry",
        "description": (
            "The YAML front matter of one event file (content/events/YYYY/...). "
            "`timeline check` is the authority; it also checks actors against the registry, "
            "that `end` does not precede `date`, and the file name."
        ),
        **object_schema(EVENT_FIELDS),
        "definitions": definitions(EVENT_FIELDS),
    }


def dumps() -> str:
    """The schema as the text written to `schema/entry.json` and published on the site."""
    return json.dumps(entry_schema(), indent=2, ensure_ascii=False) + "\n"
