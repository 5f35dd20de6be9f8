"""The actor registry's JSON Schema, generated from `schema.ACTOR_FIELDS`: committed copy, published
copy, `timeline schema --registry`, the editors' line, and agreement with the checker on good and
bad registries (validated with the `jsonschema` package, as tests/test_entry_schema.py does)."""

from __future__ import annotations

import json

import pytest
from conftest import ACTORS, ROOT
from jsonschema import Draft7Validator
from schemacase import assert_committed, assert_rejected_alike, rejected_fields

from timeline.check.entry_schema import (
    REGISTRY_SCHEMA_PATH,
    registry_dumps,
    registry_schema,
    schema_files,
)
from timeline.check.registry import load_registry
from timeline.check.schema import ACTOR_FIELDS
from timeline.check.template import schema_comment, schema_link
from timeline.cli import main
from timeline.read.frontmatter import decode, parse_yaml

VALIDATOR = Draft7Validator(registry_schema())


def checker_errors(text: str) -> set[str]:
    """The fields the checker reports errors on, as it names them ('aliases[0]')."""
    _, problems = load_registry(text.encode(), "content/actors.yml")
    assert all(p.severity == "error" for p in problems)
    return {p.field for p in problems}


def schema_errors(text: str) -> set[str]:
    """The fields the schema rejects, named as the checker names them: without the actor's
    index, and 'registry' for the registry or an actor as a whole."""
    data, *_ = parse_yaml(decode(text.encode()))
    return rejected_fields(VALIDATOR, data, skip=1, whole="registry")


def actor(**fields: str) -> str:
    """One actor block, the fields given over a minimal valid one (None leaves one out)."""
    values = {"id": "kim-jong-un", "name": "Kim Jong Un", "kind": "person", **fields}
    lines = [f"{name}: {value}" for name, value in values.items() if value is not None]
    return "- " + "\n  ".join(lines) + "\n"


def test_committed_schema_is_the_generated_one():
    command = f"timeline schema --registry -o {REGISTRY_SCHEMA_PATH}"
    assert_committed(REGISTRY_SCHEMA_PATH, registry_dumps(), command)


def test_schema_is_valid_draft_07_and_lists_every_field():
    schema = registry_schema()
    Draft7Validator.check_schema(schema)
    assert schema["type"] == "array"
    item = schema["items"]
    assert list(item["properties"]) == [field.name for field in ACTOR_FIELDS]
    assert item["required"] == ["id", "name", "kind"]
    assert item["properties"]["kind"]["enum"] == ["person", "country", "organization", "group"]
    assert item["properties"]["aliases"]["maxItems"] == 20
    assert item["properties"]["aliases"]["default"] == []
    assert item["properties"]["id"]["maxLength"] == 100


def test_timeline_schema_registry_prints_it(capsys):
    assert main(["schema", "--registry"]) == 0
    assert capsys.readouterr().out == registry_dumps()
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Timeline event entry"


def test_the_schemas_are_published_side_by_side():
    assert list(schema_files()) == [
        "schema/entry.json",
        "schema/actors.json",
        "schema/places.json",
        "schema/measures.json",
        "schema/eras.json",
    ]
    assert schema_files()[REGISTRY_SCHEMA_PATH] == registry_dumps()


def test_the_editors_line_of_a_registry_points_at_the_repositorys_copy():
    line = schema_comment(schema_link("actors.yml", REGISTRY_SCHEMA_PATH))
    assert line == "# yaml-language-server: $schema=../schema/actors.json"
    assert (ROOT / "content" / "../schema/actors.json").resolve() == ROOT / REGISTRY_SCHEMA_PATH
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert line in guide and "timeline schema --registry -o schema/actors.json" in guide
    template = ROOT / "timeline/cli/site_template/content/actors.yml"
    assert template.read_text(encoding="utf-8").startswith("$registry_schema_line\n")


GOOD = {
    "the tests' registry": ACTORS,
    "minimal": actor(),
    "every field": (
        "- {id: north-korea, name: North Korea, kind: country}\n"
        + actor(
            aliases='[Kim Jong-un, "Kim Chong-un", 김정은]',
            description='Leader of North Korea; "Supreme Leader"',
            affiliation="north-korea",
        )
    ),
    "empty optional fields": actor(aliases="", description="", affiliation=""),
    "numbers as written": "- {id: 007, name: 1914, kind: person, aliases: [0x10]}\n",
    "as many aliases as allowed": actor(aliases=f"[{', '.join(f'a{i}' for i in range(20))}]"),
    "the longest id and name": actor(id="a" * 100, name="n" * 500),
    "an id close to a reserved one": actor(id="indexes"),
    "every kind": "".join(
        actor(id=kind, kind=kind, name=kind.title())
        for kind in ("person", "country", "organization", "group")
    ),
}


@pytest.mark.parametrize("name", GOOD)
def test_schema_accepts_what_the_checker_accepts(name):
    text = GOOD[name]
    assert checker_errors(text) == set()
    assert schema_errors(text) == set()


# every mistake of one actor that a schema can see, and the field the checker names
BAD = {
    "not a list": ("north-korea: North Korea\n", "registry"),
    "an actor that is not a mapping": ("- north-korea\n", "registry"),
    "id not a slug": (actor(id="'Kim Jong Un'"), "id"),
    "id with a trailing line break": (actor(id='"kim\\n"'), "id"),
    "id too long": (actor(id="a" * 101), "id"),
    "id reserved": (actor(id="index"), "id"),
    "id missing": (actor(id=None), "id"),
    "name missing": (actor(name=None), "name"),
    "name empty": (actor(name="''"), "name"),
    "name on two lines": (actor(name='"Kim\\nJong Un"'), "name"),
    "name too long": (actor(name="n" * 501), "name"),
    "kind unknown": (actor(kind="alien"), "kind"),
    "kind missing": (actor(kind=None), "kind"),
    "aliases not a list": (actor(aliases="Kim"), "aliases"),
    "alias blank": (actor(aliases="['']"), "aliases[0]"),
    "alias on two lines": (actor(aliases='[Kim, "Jong\\nUn"]'), "aliases[1]"),
    "alias too long": (actor(aliases=f"[{'a' * 501}]"), "aliases[0]"),
    "too many aliases": (actor(aliases=f"[{', '.join(f'a{i}' for i in range(21))}]"), "aliases"),
    "description on two lines": (actor(description='"one\\ntwo"'), "description"),
    "description too long": (actor(description="d" * 501), "description"),
    "description not text": (actor(description="[a, b]"), "description"),
    "affiliation not text": (actor(affiliation="[north-korea]"), "affiliation"),
    "affiliation a name, not an id": (actor(affiliation="North Korea"), "affiliation"),
    "unknown field": (actor(colour="red"), "colour"),
    "misspelt field": (actor(name=None, nmae="Kim"), None),
}


@pytest.mark.parametrize("name", BAD)
def test_schema_rejects_what_the_checker_rejects_on_the_same_field(name):
    text, field = BAD[name]
    assert_rejected_alike(checker_errors(text), schema_errors(text), field)


@pytest.mark.parametrize(
    "text",
    [
        actor() + actor(name="Other"),  # a duplicate id
        actor() + actor(id="other", aliases="[Kim Jong Un]"),  # a name owned twice
        actor(affiliation="nobody"),  # an affiliation to no actor
    ],
)
def test_what_needs_the_whole_registry_is_left_to_the_checker_and_said_so(text):
    assert checker_errors(text) and not schema_errors(text)
    description = registry_schema()["description"]
    assert "unique" in description and "one actor only" in description
    assert "affiliation" in description


@pytest.mark.e2e
def test_site_publishes_the_generated_registry_schema(site):
    site.event("2024/2024-10-31-a.md")
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout
    published = (site.root / "site" / REGISTRY_SCHEMA_PATH).read_text(encoding="utf-8")
    assert published == registry_dumps()
    assert json.loads(published)["title"] == "Timeline actor registry"
