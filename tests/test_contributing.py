"""CONTRIBUTING.md: its field table, statuses and template are the generated ones, and the
README links to it."""

from __future__ import annotations

from conftest import ROOT

from timeline.check import field_docs
from timeline.check.schema import ACTOR_FIELDS, EVENT_FIELDS
from timeline.model import STATUSES

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def generated_part(text: str) -> str:
    start = text.index(field_docs.BEGIN)
    end = text.index(field_docs.END) + len(field_docs.END) + 1
    return text[start:end]


def test_generated_part_of_contributing_is_up_to_date():
    assert generated_part(GUIDE) == field_docs.markdown(), (
        "CONTRIBUTING.md is out of date with timeline/check/schema.py; print the new text with "
        "`timeline schema --format markdown` and paste it over the generated part"
    )


def test_every_field_and_status_is_documented():
    table = field_docs.field_table()
    for field in EVENT_FIELDS:
        assert f"| `{field.name}` |" in table
        one = "." if field.kind == "image" else "[]."  # one set of fields, or a list of them
        for item in field.items:
            assert f"| `{field.name}{one}{item.name}` |" in table
    assert tuple(field_docs.STATUS_MEANINGS) == STATUSES
    for status in STATUSES:
        assert f"- **{status}**: " in GUIDE


def test_contributing_explains_the_steps_and_is_linked_from_the_readme():
    for command in ("timeline new", "timeline check", "make serve", "--from", "pre-commit"):
        assert command in GUIDE, command
    assert "[CONTRIBUTING.md](CONTRIBUTING.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_field_table_gives_each_limit_the_checker_applies():
    table = field_docs.field_table()
    for field in EVENT_FIELDS:
        if field.max_items:
            assert f"| `{field.name}` | {'yes' if field.required else 'no'} | " in table
            assert f", at most {field.max_items} |" in table
    assert "| `tags` | no | list of words, at most 20 |" in table
    assert "| `summary` | yes | text, at most 800 characters |" in table


def test_the_actor_registrys_fields_are_documented_with_their_limits():
    table = field_docs.field_table(ACTOR_FIELDS)
    assert table in GUIDE
    for field in ACTOR_FIELDS:
        assert f"| `{field.name}` | {'yes' if field.required else 'no'} | " in table
    assert "| `aliases` | no | list of names, at most 20 |" in table
    assert "| `kind` | yes | one of `person`, `country`, `organization`, `group` |" in table
