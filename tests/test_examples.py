"""A required field left out is shown with a minimal example, written from the field table on
one line of YAML that the checker itself accepts."""

from __future__ import annotations

import pytest
from conftest import ACTORS

from timeline.check.examples import NO_EXAMPLE, flow, missing_message
from timeline.check.registry import load_registry
from timeline.check.rules import Context, check_fields
from timeline.check.schema import ACTOR_FIELDS, EVENT_FIELDS, Field
from timeline.read.frontmatter import parse_yaml

REGISTRY, _ = load_registry(ACTORS.encode(), "content/actors.yml")
REQUIRED = [
    (table, field) for table in (EVENT_FIELDS, ACTOR_FIELDS) for field in table if field.required
]


@pytest.mark.parametrize(("table", "field"), REQUIRED, ids=[f.name for _, f in REQUIRED])
@pytest.mark.parametrize("registry", [REGISTRY, None], ids=["registry", "no-registry"])
def test_every_required_field_shows_a_short_example_the_checker_accepts(table, field, registry):
    message = missing_message(field, registry)
    assert len(message) < 160 and "\n" not in message and NO_EXAMPLE not in message
    example = message.split("e.g. ", 1)[1].split(" (one of ")[0]
    data, positions, key_positions, _ = parse_yaml(example)
    ctx = Context("x.md", positions, key_positions, REGISTRY)
    values = check_fields(data, (field,), ctx)
    assert ctx.problems == [] and values[field.name] is not None


def test_each_item_of_a_required_list_shows_its_own_required_fields():
    sources = next(f for f in EVENT_FIELDS if f.name == "sources")
    assert missing_message(sources) == (
        "is required but missing; add at least one, e.g. "
        "sources: [{publisher: CNN, url: https://www.example.com/story}]"
    )


def test_actors_come_from_the_sites_registry_else_the_fields_example():
    actors = next(f for f in EVENT_FIELDS if f.name == "actors")
    assert missing_message(actors, REGISTRY).endswith("e.g. actors: [lloyd-austin]")
    assert missing_message(actors).endswith("e.g. actors: [north-korea]")


def test_a_choice_names_every_choice():
    assert missing_message(Field("kind", "choice", True, example="a", choices=("a", "b"))) == (
        "is required but missing; add it, e.g. kind: a (one of a, b)"
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("CNN", "CNN"),
        ("https://a.b/c?x=1", "https://a.b/c?x=1"),
        ("yes", '"yes"'),
        ("a, b", '"a, b"'),
        ("key: value", '"key: value"'),
        ("#tag", '"#tag"'),
        ("ends with:", '"ends with:"'),
        (["a", True], "[a, true]"),
        ({"k": ["v"]}, "{k: [v]}"),
    ],
)
def test_flow_writes_plain_text_only_when_yaml_reads_it_back(value, written):
    assert flow(value) == written
    assert parse_yaml(f"x: {written}")[0] == {"x": value}
