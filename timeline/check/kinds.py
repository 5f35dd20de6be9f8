"""The kinds of value a field can hold, one entry each: the rule that checks a value, its JSON
Schema, and how the docs table and the `timeline new` template show it.

Adding a kind is one entry in `KINDS` (and its rule in `rules.py`); a field names its kind, and
every consumer of the field table (checker, JSON Schemas, docs, template) looks it up here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import coordinates, images, quantities, rules
from .date_pattern import YEAR_RANGE, date_pattern

if TYPE_CHECKING:
    from .schema import Field

Rule = Callable[[Any, "rules.Context", tuple, "Field"], Any]
"""A kind's check of one value: returns the value to keep, raises `rules.Invalid` with a message
saying how to fix it, or reports problems of its items through the context."""

LINE_MAX_CHARS = 500
"""A title, place, publisher, headline, tag, actor's name or alias longer than this is not one
line of a timeline."""
ID_MAX_CHARS = 100
"""An actor's id names its page file (actors/<id>.md) and link: file systems refuse a name past
255 bytes, and no one reads a link that long."""


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of value, as every consumer of the field table needs it."""

    rule: Rule
    schema: Callable[[Field], dict[str, Any]]
    """Its JSON Schema, as far as a schema can say the rule (a field's limits included)."""
    shown: str
    """What the docs table says it is; '{choices}' stands for the field's choices."""
    max_chars: int | None = None
    """The longest text a field of this kind holds unless the field says otherwise."""
    empty: str = ""
    """What `timeline new` writes for a field left empty (`[]` says a list is wanted)."""
    folded: bool = False
    """Whether `timeline new` writes a value as a folded block (long text)."""
    definition: Callable[[], dict[str, Any]] | None = None
    """A schema written once under the document's `definitions`, named after the kind, for a
    fragment too long to repeat at every field (`{"$ref": "#/definitions/<kind>"}`)."""


# --- JSON Schema fragments ---------------------------------------------------------------------

_NOT_BLANK = "\\S"
# an editor reads `title: 1914` or `tags: [2024]` as a number; the checker keeps the text as written
_TEXT = ["string", "number"]
# after stripping, no line break (rules.line): a value may only begin or end with whitespace
_ONE_LINE = "^\\s*\\S(?:[^\\n]*\\S)?\\s*$"
# rules.url: http or https, a host, and no whitespace inside the link
_LINK = "^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+(?:[/?#]\\S*)?\\s*$"


def _length(field: Field) -> dict[str, Any]:
    """The field's longest text (the checker counts after tidying white space, so an editor may
    count a few characters more)."""
    return {} if field.max_chars is None else {"maxLength": field.max_chars}


def _line(field: Field) -> dict[str, Any]:
    return {"type": _TEXT, "pattern": _ONE_LINE, **_length(field)}


def _array(field: Field, items: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": items}
    if field.required:
        schema["minItems"] = 1
    if field.max_items is not None:
        schema["maxItems"] = field.max_items
    return schema


def _slug(field: Field) -> dict[str, Any]:
    """An actor's id, as rules.ID_PATTERN (an editor reads `id: 007` as a number)."""
    # matched whole: Python's `$` (the jsonschema package) also matches before a final line
    # break; `(?![\s\S])`, "nothing follows", is the end in every regex engine
    pattern = f"^{rules.ID_PATTERN.pattern}(?![\\s\\S])"
    return {"type": ["string", "integer"], "minimum": 0, "pattern": pattern, **_length(field)}


def _id(field: Field) -> dict[str, Any]:
    """rules.actor_id: a slug whose page is none of the site's own."""
    reserved = [page.removeprefix("actors/").removesuffix(".md") for page in rules.SITE_PAGES]
    return {**_slug(field), "not": {"enum": reserved}}


def _degrees(limit: int) -> dict[str, Any]:
    """coordinates.degrees: a plain decimal number within ±limit (an editor reads it as a number;
    the checker reads the text as written)."""
    pattern = f"^{coordinates.DEGREES.pattern}(?![\\s\\S])"
    return {
        "anyOf": [
            {"type": "number", "minimum": -limit, "maximum": limit},
            {"type": "string", "pattern": pattern},
        ]
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


def property_schema(field: Field) -> dict[str, Any]:
    """One field's schema: its kind's, what it means, an example, its default."""
    schema = KINDS[field.kind].schema(field)
    if not field.required:  # the checker reads an empty optional field as absent
        schema = _nullable(schema)
    elif "$ref" in schema:  # in draft-07 a $ref hides its siblings, such as the description
        schema = {"allOf": [schema]}
    described: dict[str, Any] = {"description": field.description} if field.description else {}
    if field.example is not None:
        described["examples"] = [field.example]
    if field.default is not None:
        default = field.default
        described["default"] = list(default) if isinstance(default, tuple) else default
    return {**described, **schema}


def object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    """The schema of a set of 'field: value' lines checked by `rules.check_fields`."""
    return {
        "type": "object",
        "properties": {field.name: property_schema(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,  # unknown fields are errors: usually typos
    }


def definitions(fields: tuple[Field, ...]) -> dict[str, Any]:
    """The `definitions` that the fields' schemas refer to, each written once."""
    found: dict[str, Any] = {}

    def visit(fields: tuple[Field, ...]) -> None:
        for field in fields:
            kind = KINDS[field.kind]
            if kind.definition is not None and field.kind not in found:
                found[field.kind] = kind.definition()
            visit(field.items)

    visit(fields)
    return found


# --- the table ---------------------------------------------------------------------------------

KINDS: dict[str, Kind] = {
    "line": Kind(rules.line, _line, "text, one line", LINE_MAX_CHARS),
    "text": Kind(
        rules.text,
        lambda f: {"type": _TEXT, "pattern": _NOT_BLANK, **_length(f)},
        "text",
        folded=True,
    ),
    "date": Kind(rules.date, lambda f: {"$ref": "#/definitions/date"}, "date", definition=_date),
    "bool": Kind(rules.boolean, lambda f: {"type": "boolean"}, "`true` or `false`"),
    # no "format": "uri": RFC 3986 refuses links the checker accepts (non-ASCII paths)
    "url": Kind(rules.url, lambda f: {"type": "string", "pattern": _LINK}, "link (`http`/`https`)"),
    "choice": Kind(rules.choice, lambda f: {"enum": list(f.choices)}, "one of {choices}"),
    "tags": Kind(rules.tags, lambda f: _array(f, _line(f)), "list of words", LINE_MAX_CHARS),
    "actors": Kind(
        rules.actors,
        lambda f: _array(f, {"type": _TEXT, "pattern": _NOT_BLANK, **_length(f)}),
        "list of actor ids or aliases",
        empty="[]",
    ),
    "records": Kind(rules.records, lambda f: _array(f, object_schema(f.items)), "list"),
    # the actor registry's
    "actor-id": Kind(rules.actor_id, _id, "lowercase words joined by hyphens", ID_MAX_CHARS),
    "aliases": Kind(rules.aliases, lambda f: _array(f, _line(f)), "list of names", LINE_MAX_CHARS),
    # whether that actor exists is known once the whole registry is read (registry.py)
    "actor-ref": Kind(rules.actor_ref, _slug, "another actor's id", ID_MAX_CHARS),
    # the place registry's (content/places.yml), and an entry's list of places
    "places": Kind(
        coordinates.places,
        lambda f: _array(f, {"type": _TEXT, "pattern": _NOT_BLANK, **_length(f)}),
        "list of place ids or aliases",
        LINE_MAX_CHARS,
    ),
    "place-id": Kind(
        coordinates.place_id, _slug, "lowercase words joined by hyphens", ID_MAX_CHARS
    ),
    "latitude": Kind(coordinates.latitude, lambda f: _degrees(90), "decimal degrees, -90 to 90"),
    "longitude": Kind(
        coordinates.longitude, lambda f: _degrees(180), "decimal degrees, -180 to 180"
    ),
    "place-ref": Kind(rules.actor_ref, _slug, "another place's id", ID_MAX_CHARS),
    # an event's image: one set of fields, its `src` a file of the repository
    "image": Kind(images.record, lambda f: object_schema(f.items), "`src`, `alt`, `credit`…"),
    "image-src": Kind(
        images.src,
        lambda f: {"type": "string", "pattern": images.SRC_PATTERN, **_length(f)},
        "path of an image file",
        images.SRC_MAX_CHARS,
    ),
    # figures and the claims that follow earlier events (quantities.py)
    "number": Kind(
        quantities.number,
        lambda f: {"type": "number", "minimum": 0, "maximum": 10**quantities.NUMBER_MAX_DIGITS},
        "a number (digits, no separators)",
    ),
    "actor": Kind(
        quantities.actor,
        lambda f: {"type": _TEXT, "pattern": _NOT_BLANK, **_length(f)},
        "an actor id or alias",
        LINE_MAX_CHARS,
    ),
    "ref": Kind(
        quantities.reference, _slug, "an id (lowercase words joined by hyphens)", ID_MAX_CHARS
    ),
    "measure-id": Kind(
        quantities.measure_id,
        lambda f: {**_slug(f), "not": {"enum": ["index"]}},
        "lowercase words joined by hyphens",
        ID_MAX_CHARS,
    ),
    "figures": Kind(quantities.figures, lambda f: _array(f, object_schema(f.items)), "list"),
    "follows": Kind(quantities.follows, lambda f: _array(f, object_schema(f.items)), "list"),
}
