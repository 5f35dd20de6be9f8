"""The table of kinds: each kind of value is one entry, and the checker, the JSON Schema, the docs
table and the `timeline new` template all take it from there."""

from __future__ import annotations

import pytest

from timeline.check import field_docs, kinds
from timeline.check.kinds import KINDS, Kind, object_schema
from timeline.check.rules import Context, Invalid, check_fields
from timeline.check.schema import EVENT_FIELDS, Field
from timeline.check.template import render_entry


def every_field(fields: tuple[Field, ...]):
    for field in fields:
        yield field
        yield from every_field(field.items)


def test_every_field_names_a_kind_of_the_table_and_takes_its_rule():
    for field in every_field(EVENT_FIELDS):
        assert field.rule is KINDS[field.kind].rule, field.name


def test_a_field_of_an_unknown_kind_is_refused_when_declared():
    with pytest.raises(ValueError, match="unknown kind 'lnie'"):
        Field("title", "lnie")


def test_a_line_takes_its_longest_value_from_its_kind_unless_the_field_says():
    assert Field("x", "line").max_chars == kinds.LINE_MAX_CHARS
    assert Field("x", "line", max_chars=80).max_chars == 80
    assert Field("x", "text").max_chars is None


def _even(value, ctx, where, field):
    if not isinstance(value, int) or value % 2:
        raise Invalid(f"{value!r} is not an even number")
    return value


def test_adding_a_kind_is_one_entry_in_the_table(monkeypatch):
    """A new kind, declared once, is checked, published in the JSON Schema, named in the docs
    table and left empty in the template."""
    even = Kind(_even, lambda f: {"type": "integer", "multipleOf": 2}, "an even number", empty="0")
    monkeypatch.setitem(KINDS, "even", even)
    fields = (Field("pairs", "even", True, "How many pairs."),)
    ctx = Context("x.md", {("pairs",): (2, 8)}, {})
    assert check_fields({"pairs": 4}, fields, ctx) == {"pairs": 4}
    check_fields({"pairs": 3}, fields, ctx)
    assert [str(p) for p in ctx.problems] == ["x.md:2:8: pairs: 3 is not an even number"]
    assert object_schema(fields)["properties"]["pairs"] == {
        "description": "How many pairs.",
        "type": "integer",
        "multipleOf": 2,
    }
    assert "| `pairs` | yes | an even number | How many pairs. |" in field_docs._rows(fields)
    monkeypatch.setattr("timeline.check.template.EVENT_FIELDS", fields)
    assert "pairs: 0  # How many pairs." in render_entry({})


def test_a_choice_names_its_field_and_the_closest_choice():
    fields = (Field("status", "choice", choices=("confirmed", "reported")),)
    ctx = Context("x.md", {}, {})
    check_fields({"status": "reportd"}, fields, ctx)
    assert [p.message for p in ctx.problems] == [
        "'reportd' is not a status; use one of confirmed, reported; did you mean 'reported'?"
    ]


def test_a_long_value_is_quoted_short_in_a_message():
    fields = (Field("status", "choice", choices=("confirmed",)),)
    ctx = Context("x.md", {}, {})
    check_fields({"status": "x" * 4000}, fields, ctx)
    (problem,) = ctx.problems
    assert problem.message.startswith("'" + "x" * 38 + "… is not a status")
    assert len(problem.message) < 100


def test_the_docs_table_lists_the_choices():
    assert (
        "| `status` | no | one of `confirmed`, `reported`, `claimed`, `disputed`, `denied`; "
        in field_docs.field_table()
    )
