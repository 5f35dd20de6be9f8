"""A field's minimal valid value, written as YAML on one line from the field table: what a
"missing" message shows (`rules.check_fields`), one log line however nested the field."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from ..dates import PartialDate

if TYPE_CHECKING:
    from .registry import Registry
    from .schema import Field

YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"})
"""Plain words YAML reads as something other than text: written quoted."""
# text YAML reads back as the same text, plain even inside [ ] and { }: no indicator first, no
# flow punctuation, quotes, comment or ': ' inside, no space or ':' last
_PLAIN = re.compile(r"[A-Za-z0-9][^,\[\]{}#'\"\n]*(?<![\s:])")
NO_EXAMPLE = "…"


def flow(value: Any) -> str:
    """A value as YAML on one line: lists and mappings in flow style, text plain when it reads
    back as itself, else double-quoted (a JSON string is valid YAML)."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {flow(item)}" for key, item in value.items()) + "}"
    text = str(value)
    if _PLAIN.fullmatch(text) and ": " not in text and text.lower() not in YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def example(field: Field, registry: Registry | None = None) -> Any:
    """The field's smallest valid value: its example; for a list of records, one record of its
    required fields; for actors, the first of the site's own registry when it has one."""
    if field.items:
        return [{item.name: example(item, registry) for item in field.items if item.required}]
    if field.kind == "actors" and registry:
        return [next(iter(registry)).id]
    return NO_EXAMPLE if field.example is None else field.example


def missing_message(field: Field, registry: Registry | None = None) -> str:
    """What a required field left out says: add it, and a minimal example of it."""
    value = example(field, registry)
    how = "at least one" if isinstance(value, list) else "it"
    choices = f" (one of {', '.join(field.choices)})" if field.choices else ""
    return f"is required but missing; add {how}, e.g. {field.name}: {flow(value)}{choices}"
