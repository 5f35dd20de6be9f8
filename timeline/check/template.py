"""The text of a new entry, written from the field table (`schema.EVENT_FIELDS`).

Every field appears in the table's order: the values given are filled in, the rest are left
empty with the field's description as a comment, so `timeline check` names each one still to
fill in. The front matter starts with a `yaml-language-server` line pointing at the JSON Schema.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from ..dates import PartialDate
from .entry_schema import SCHEMA_PATH
from .examples import YAML_WORDS
from .kinds import KINDS
from .schema import EVENT_FIELDS, Field, default_text

WIDTH = 100
NEW_BODY = (
    "<!-- Write the event here: what happened, who said it and where, with every figure\n"
    "     attributed to its source. This comment does not show on the site. -->\n"
)
_PLAIN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # ids and slugs need no quotes unless YAML
# reads them as something else (YAML_WORDS)


def schema_link(rel_path: str, schema: str = SCHEMA_PATH) -> str:
    """The schema's path relative to a file at `rel_path` inside the content folder, for a
    site laid out as README's Layout has it: `schema/entry.json` (or `schema/actors.json` for the
    registry) beside `content/`."""
    return "../" * (rel_path.count("/") + 1) + schema


def schema_comment(schema_ref: str) -> str:
    """The line that tells the YAML language server (VS Code's YAML extension) which schema
    checks this front matter; `schema_ref` is a path relative to the file, or a URL."""
    return f"# yaml-language-server: $schema={schema_ref}"


def _scalar(value: Any, in_list: bool = False) -> str:
    """One YAML value on one line: text double-quoted (JSON strings are valid YAML), ids in a
    list plain, dates as written in ISO 8601 (kept as text by the loader), lists in flow style."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(item, in_list=True) for item in value) + "]"
    text = str(value)
    if in_list and _PLAIN.match(text) and not text.isdigit() and text not in YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _folded(name: str, text: str, indent: str) -> list[str]:
    """Long text as a folded block (`>-`), wrapped so it reads well in an editor."""
    body = textwrap.wrap(" ".join(text.split()), WIDTH - len(indent) - 2) or [""]
    return [f"{indent}{name}: >-"] + [f"{indent}  {line}" for line in body]


def _note(field: Field) -> str:
    """What the comment beside an empty field says: what to write, the choices, the default."""
    parts = [field.description] if field.description else []
    if field.choices:
        parts.append(f"One of: {', '.join(field.choices)}.")
    if (default := default_text(field)) is not None:
        parts.append(f"Default: {default}.")
    return " ".join(parts)


def _empty(name: str, field: Field, indent: str) -> str:
    line = f"{indent}{name}: {KINDS[field.kind].empty}".rstrip()
    note = _note(field)
    return f"{line}  # {note}" if note else line


def _lines(fields: Sequence[Field], values: Mapping[str, Any], indent: str = "") -> list[str]:
    lines: list[str] = []
    for field in fields:
        value = values.get(field.name)
        if field.items:
            records = list(value or ())
            if not records and field.required:  # one empty record, its fields to fill in
                records = [{}]
            if not records:
                lines.append(_empty(field.name, field, indent))
                continue
            header = f"{indent}{field.name}:"
            lines.append(f"{header}  # {_note(field)}" if value is None else header)
            for record in records:
                item = _lines(field.items, record, indent + "    ")
                item[0] = f"{indent}  - {item[0].lstrip()}"
                lines.extend(item)
        elif value is None or value == () or value == []:
            lines.append(_empty(field.name, field, indent))
        elif KINDS[field.kind].folded:
            lines.extend(_folded(field.name, str(value), indent))
        else:
            lines.append(f"{indent}{field.name}: {_scalar(value)}")
    return lines


def render_entry(values: Mapping[str, Any], body: str = NEW_BODY, schema: str | None = None) -> str:
    """The whole file: front matter for `values` (field name -> value; `sources` and `updates`
    are lists of field -> value mappings), then the body."""
    head = [schema_comment(schema)] if schema else []
    front = "\n".join(["---", *head, *_lines(EVENT_FIELDS, values), "---"])
    return f"{front}\n\n{body}"
