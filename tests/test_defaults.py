"""Defaults are declared once, on the field: the checker fills them in, and the JSON Schema, the
docs table and the `timeline new` template show the same value."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import ACTORS, entry

from timeline.check import field_docs
from timeline.check.entry_schema import entry_schema
from timeline.check.registry import load_registry
from timeline.check.schema import EVENT_FIELDS, FIELDS_BY_NAME, Field, default_text, defaults
from timeline.check.template import render_entry
from timeline.check.validate import validate
from timeline.model import Event
from timeline.read.frontmatter import loads

REGISTRY, _ = load_registry(ACTORS.encode(), "content/actors.yml")
DECLARED = {
    "status": "reported",
    "circa": False,
    "key": False,
    "draft": False,
    "tags": (),
    "updates": (),
    "places": (),
    "figures": (),
    "follows": (),
}


def minimal_event(text: str | None = None) -> Event:
    event, problems = validate(
        loads(text or entry()), "x.md", "events/2024/2024-10-31-x.md", REGISTRY
    )
    assert problems == []
    return event


def test_the_declared_defaults_are_the_ones_an_entry_that_leaves_them_out_gets():
    assert {f.name: f.default for f in EVENT_FIELDS if f.default is not None} == DECLARED
    event = minimal_event()
    for name, value in DECLARED.items():
        assert getattr(event, name) == value, name
    assert (event.end, event.location, event.added) == (None, None, None)


def test_an_empty_optional_field_gets_its_default_too():
    event = minimal_event(entry(extra="status:\ncirca:\ntags:\nupdates:"))
    assert (event.status, event.circa, event.tags, event.updates) == ("reported", False, (), ())


def test_the_event_has_no_default_of_its_own():
    """Every value comes from the checker; a default on the dataclass would be a second one."""
    for field in dataclasses.fields(Event):
        assert field.default is dataclasses.MISSING, field.name
        assert field.default_factory is dataclasses.MISSING, field.name


def test_an_event_built_in_code_starts_from_the_field_defaults():
    assert defaults(EVENT_FIELDS) == {
        **DECLARED,
        "end": None,
        "location": None,
        "added": None,
        "image": None,
    }


def test_the_schema_the_docs_and_the_template_show_each_default_from_its_field():
    properties = entry_schema()["properties"]
    table = field_docs.field_table()
    template = render_entry({})
    for field in EVENT_FIELDS:
        if field.default is None:
            assert "default" not in properties[field.name], field.name
            continue
        assert properties[field.name]["default"] == (
            list(field.default) if isinstance(field.default, tuple) else field.default
        )
        if (text := default_text(field)) is not None:
            assert f"; default `{text}` |" in table, field.name
            assert f"Default: {text}." in template, field.name
    assert (
        "| `status` | no | one of `confirmed`, `reported`, `claimed`, `disputed`, `denied`; "
        "default `reported` |" in table
    )


@pytest.fixture
def status_default_claimed():
    """The status field's default changed in the table, and only there."""
    field = FIELDS_BY_NAME["status"]
    object.__setattr__(field, "default", "claimed")
    yield field
    object.__setattr__(field, "default", "reported")


def test_changing_a_default_on_the_field_changes_it_everywhere(status_default_claimed):
    assert minimal_event().status == "claimed"
    assert entry_schema()["properties"]["status"]["default"] == "claimed"
    assert "; default `claimed` |" in field_docs.field_table()
    assert "Default: claimed." in render_entry({})


def test_no_default_is_said_for_a_field_without_one():
    assert default_text(Field("x", "line")) is None
    assert default_text(Field("x", "tags", default=())) is None
    assert default_text(Field("x", "bool", default=True)) == "true"
