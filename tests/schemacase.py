"""Shared by the tests of the two JSON Schemas for editors (an entry's, the registry's): the
committed copy's check, and the fields a schema rejects, named as the checker names them."""

from __future__ import annotations

import re
from typing import Any

from conftest import ROOT
from jsonschema import Draft7Validator


def assert_committed(path: str, generated: str, command: str) -> None:
    """The repository's copy of a schema is the one the code generates."""
    committed = (ROOT / path).read_text(encoding="utf-8")
    assert committed == generated, (
        f"{path} is out of date with timeline/check/schema.py; regenerate it with: {command}"
    )


def _field(path: list) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def rejected_fields(validator: Draft7Validator, data: Any, skip: int = 0, whole: str = "") -> set:
    """The fields the schema rejects in `data`, named as the checker names them: 'sources[0].url'
    (less the first `skip` parts of the path: the registry names an actor's field without the
    actor's index; `whole` for the data itself, or an item of it)."""
    fields = set()
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)[skip:]
        if error.validator == "required":
            path.append(re.match(r"'(.+)' is a required property", error.message).group(1))
        elif error.validator == "additionalProperties":
            path.append(re.search(r"\('(.+)' was unexpected\)", error.message).group(1))
        fields.add(_field(path) or whole)
    return fields


def assert_rejected_alike(from_checker: set, from_schema: set, field: str | None) -> None:
    """The checker and the schema both refuse a text, on the same fields (on `field` alone, when
    it is given)."""
    assert from_checker, "the checker accepts it"
    assert from_schema, "the schema accepts it"
    assert from_schema == from_checker
    if field is not None:
        assert from_checker == {field}
