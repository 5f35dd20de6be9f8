"""The JSON Schema generated from the field table: committed copy, published copy, and agreement
with the checker on good and bad entries (validated with the `jsonschema` package)."""

from __future__ import annotations

import json

import pytest
from conftest import ACTORS, entry
from jsonschema import Draft7Validator
from schemacase import assert_committed, assert_rejected_alike, rejected_fields

from timeline.check.entry_schema import SCHEMA_PATH, dumps, entry_schema
from timeline.check.registry import load_registry
from timeline.check.schema import EVENT_FIELDS
from timeline.check.validate import validate
from timeline.read.frontmatter import loads

REGISTRY, _ = load_registry(ACTORS.encode(), "content/actors.yml")
VALIDATOR = Draft7Validator(entry_schema(), format_checker=Draft7Validator.FORMAT_CHECKER)


def checker_errors(text: str) -> set[str]:
    """The fields the checker reports errors on (same date as the file name: no warning)."""
    _, problems = validate(loads(text), "x.md", "events/2024/2024-10-31-x.md", REGISTRY)
    return {p.field for p in problems if p.severity == "error"}


def schema_errors(text: str) -> set[str]:
    """The fields the schema rejects, named as the checker names them."""
    return rejected_fields(VALIDATOR, loads(text).data)


def test_committed_schema_is_the_generated_one():
    assert_committed(SCHEMA_PATH, dumps(), f"timeline schema -o {SCHEMA_PATH}")


def test_schema_is_valid_draft_07_and_lists_every_field():
    schema = entry_schema()
    Draft7Validator.check_schema(schema)
    assert list(schema["properties"]) == [field.name for field in EVENT_FIELDS]
    assert schema["required"] == [field.name for field in EVENT_FIELDS if field.required]
    assert schema["properties"]["status"]["enum"][:-1] == [
        "confirmed",
        "reported",
        "claimed",
        "disputed",
        "denied",
    ]


FULL_SOURCES = """
  - publisher: CNN
    title: "US says: troops in Kursk"
    url: https://edition.cnn.com/2024/10/31/politics/x
    published: 2024-10-31
    archived: https://web.archive.org/web/2024/https://edition.cnn.com/x
  - publisher: Yonhap
    url: HTTPS://en.yna.co.kr/view?id=1&x=2#top
"""

GOOD = {
    "minimal": entry(),
    "every field": entry(
        title="'Austin: troops \"in the coming days\"'",
        actors="[Austin, DPRK, russia]",
        summary=">\n  Two sentences. Folded over\n  two lines.",
        extra="""
        end: 2024-11-02
        circa: true
        status: confirmed
        location: US State Department, Washington, D.C.
        tags: [north-korean-troops, diplomacy]
        key: true
        draft: false
        added: 2024-11-05
        updates:
          - date: 2024-11-03
            note: Corrected the place.
        """,
        sources=FULL_SOURCES,
    ),
    "empty optional fields": entry(
        extra="end:\ncirca:\nstatus:\nlocation:\ntags:\nkey:\ndraft:\nupdates:\nadded:",
        sources="\n  - publisher: AP\n    url: https://apnews.com/x\n    title:\n    archived:",
    ),
    "year as a number": entry(date="2024"),
    "month": entry(date="2024-10"),
    "time with offset": entry(date="2024-10-31T14:30-04:00"),
    "written date": entry(date="31 October 2024"),
    "written month": entry(date="October 2024"),
    "numeric day first": entry(date="31/10/2024"),
    "numeric title": entry(title="1914"),
    "numbers as written": entry(
        title="0x10", summary="1914", extra="location: 007\ntags: [2024, 017]"
    ),
    "as many items as allowed": entry(
        extra=f"tags: [{', '.join(f't{i}' for i in range(20))}]",
        sources="\n  - publisher: AP\n    url: https://apnews.com/x" * 30,
    ),
}


@pytest.mark.parametrize("name", GOOD)
def test_schema_accepts_what_the_checker_accepts(name):
    text = GOOD[name]
    assert checker_errors(text) == set()
    assert schema_errors(text) == set()


# every kind of front-matter mistake the schema can see, and the field the checker names
BAD = {
    "missing title": ("---\ndate: 2024\nactors: [russia]\nsummary: x\nsources: []\n---\n", None),
    "empty title": (entry(title="''"), "title"),
    "title on two lines": (entry(title='"one\\ntwo"'), "title"),
    "impossible day": (entry(date="2024-02-30"), "date"),
    "month 13": (entry(date="2024-13"), "date"),
    "ambiguous numeric date": (entry(date="03/04/2024"), "date"),
    "time without offset": (entry(date="2024-10-31T14:30"), "date"),
    "two-digit year": (entry(date="10/31/24"), "date"),
    "bad end": (entry(extra="end: 2024-11-31"), "end"),
    "circa not a boolean": (entry(extra="circa: maybe"), "circa"),
    "actors empty": (entry(actors="[]"), "actors"),
    "actors not a list": (entry(actors="north-korea"), "actors"),
    "actor blank": (entry(actors="['']"), "actors[0]"),
    "summary empty": (entry(summary="''"), "summary"),
    "sources empty": (entry(sources=" []"), "sources"),
    "source without publisher": (entry(sources="\n  - url: https://x.org/\n"), None),
    "javascript link": (
        entry(sources="\n  - publisher: X\n    url: 'javascript:alert(1)'\n"),
        "sources[0].url",
    ),
    "link without a host": (
        entry(sources="\n  - publisher: X\n    url: 'https:///path'\n"),
        "sources[0].url",
    ),
    "archived ftp link": (
        entry(sources="\n  - publisher: X\n    url: https://x.org/\n    archived: ftp://x.org/"),
        "sources[0].archived",
    ),
    "published not a date": (
        entry(sources="\n  - publisher: X\n    url: https://x.org/\n    published: soon"),
        "sources[0].published",
    ),
    "source field misspelt": (
        entry(sources="\n  - publisher: X\n    url: https://x.org/\n    titel: T"),
        "sources[0].titel",
    ),
    "source not a mapping": (entry(sources="\n  - https://x.org/\n"), "sources[0]"),
    "status unknown": (entry(extra="status: rumour"), "status"),
    "tags not a list": (entry(extra="tags: diplomacy"), "tags"),
    "tag on two lines": (entry(extra='tags: ["one\\ntwo"]'), "tags[0]"),
    "key not a boolean": (entry(extra="key: maybe"), "key"),
    "draft not a boolean": (entry(extra="draft: 1"), "draft"),
    "update without note": (entry(extra="updates:\n  - date: 2024-11-01"), None),
    "unknown field": (entry(extra="colour: red"), "colour"),
    "misspelt field": (entry(extra="locaton: Seoul"), "locaton"),
    "too many tags": (entry(extra=f"tags: [{', '.join(f't{i}' for i in range(21))}]"), "tags"),
    "too many sources": (
        entry(sources="\n  - publisher: AP\n    url: https://apnews.com/x" * 31),
        "sources",
    ),
    "summary too long": (entry(summary="x" * 801), "summary"),
    "title too long": (entry(title="x" * 501), "title"),
}


@pytest.mark.parametrize("name", BAD)
def test_schema_rejects_what_the_checker_rejects_on_the_same_field(name):
    text, field = BAD[name]
    assert_rejected_alike(checker_errors(text), schema_errors(text), field)


def test_schema_rejects_front_matter_that_is_not_a_mapping():
    assert not VALIDATOR.is_valid(["title", "date"])


def test_checks_the_schema_leaves_to_the_checker_are_said_in_its_description():
    """An unknown actor or an end before the date pass the schema; its description says so."""
    unknown_actor = entry(actors="[nobody]")
    assert checker_errors(unknown_actor) == {"actors[0]"}
    assert schema_errors(unknown_actor) == set()
    description = entry_schema()["description"]
    assert "registry" in description and "`end`" in description


@pytest.mark.e2e
def test_site_publishes_the_generated_schema(one_event_site):
    site = one_event_site  # built once, shared (conftest)
    published = (site.root / "site" / SCHEMA_PATH).read_text(encoding="utf-8")
    assert published == dumps()
    assert json.loads(published)["title"] == "Timeline event entry"


def test_limits_come_from_the_field_table():
    properties = entry_schema()["properties"]
    for field in EVENT_FIELDS:
        schema = properties[field.name]
        assert schema.get("maxItems") == field.max_items, field.name
        if field.kind in ("line", "text"):
            assert schema.get("maxLength") == field.max_chars, field.name
    assert properties["tags"]["maxItems"] == 20
    assert properties["tags"]["items"]["maxLength"] == 500
    assert properties["summary"]["maxLength"] == 800
