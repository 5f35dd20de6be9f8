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

from ..model import STATUSES
from .date_pattern import YEAR_RANGE, date_pattern
from .schema import EVENT_FIELDS, Field

SCHEMA_PATH = "schema/entry.json"
"""Where the schema lives, both in a repository and on a published site."""

_NOT_BLANK = "\\S"
# an editor reads `title: 1914` or `tags: [2024]` as a number; the checker keeps the text as written
_TEXT = ["string", "number"]
# after stripping, no line break (validate._line): a value may only begin or end with whitespace
_ONE_LINE = "^\\s*\\S(?:[^\\n]*\\S)?\\s*$"
# validate._url: http or https, a host, and no whitespace inside the link
_LINK = "^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+(?:[/?#]\\S*)?\\s*$"


def _kind(field: Field) -> dict[str, Any]:
    """The schema of one kind of value (the rules of `validate.RULES`, as far as JSON Schema
    can say them)."""
    kind = field.kind
    if kind == "line":
        return {"type": _TEXT, "pattern": _ONE_LINE, **_length(field)}
    if kind == "text":
        return {"type": _TEXT, "pattern": _NOT_BLANK, **_length(field)}
    if kind == "date":  # one long pattern, written once under "definitions"
        return {"$ref": "#/definitions/date"}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "url":
        # no "format": "uri": RFC 3986 refuses links the checker accepts (non-ASCII paths)
        return {"type": "string", "pattern": _LINK}
    if kind == "status":
        return {"enum": list(STATUSES)}
    if kind in ("tags", "actors"):
        item = {"type": _TEXT, "pattern": _NOT_BLANK, **_length(field)}
        return _array(field, item)
    if kind == "records":
        return _array(field, _object(field.items))
    raise ValueError(f"no JSON Schema for the field kind {kind!r} (field {field.name!r})")


def _length(field: Field) -> dict[str, Any]:
    """The field's longest text (the checker counts after tidying white space, so an editor may
    count a few characters more)."""
    return {} if field.max_chars is None else {"maxLength": field.max_chars}


def _array(field: Field, items: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": items}
    if field.required:
        schema["minItems"] = 1
    if field.max_items is not None:
        schema["maxItems"] = field.max_items
    return schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """The same schema, also accepting an empty value (YAML null)."""
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return {**schema, "type": [*types, "null"]}


def _property(field: Field) -> dict[str, Any]:
    schema = _kind(field)
    if not field.required:  # the checker reads an empty optional field as absent
        schema = _nullable(schema)
    elif "$ref" in schema:  # in draft-07 a $ref hides its siblings, such as the description
        schema = {"allOf": [schema]}
    described: dict[str, Any] = {"description": field.description} if field.description else {}
    if field.example is not None:
        described["examples"] = [field.example]
    return {**described, **schema}


def _object(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {field.name: _property(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,  # unknown fields are errors: usually typos
    }


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
        **_object(EVENT_FIELDS),
        "definitions": {"date": _date()},
    }


def _date() -> dict[str, Any]:
    low, high = YEAR_RANGE
    return {
        "description": "A date at the precision known, or a bare year",
        "anyOf": [
            {"type": "string", "pattern": date_pattern()},
            {"type": "integer", "minimum": low, "maximum": high},
        ],
    }


def dumps() -> str:
    """The schema as the text written to `schema/entry.json` and published on the site."""
    return json.dumps(entry_schema(), indent=2, ensure_ascii=False) + "\n"
