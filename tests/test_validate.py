import pytest
from conftest import ACTORS, entry, examples
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from timeline.check.registry import load_registry
from timeline.check.rules import _PLAIN_LINK, Invalid, _checked_link
from timeline.check.schema import EVENT_FIELDS, FIELDS_BY_NAME
from timeline.check.validate import validate
from timeline.read.frontmatter import loads
from timeline.text import control_character

REGISTRY, _ = load_registry(ACTORS.encode(), "content/actors.yml")
PATH = "content/events/2024/2024-10-31-x.md"


def check(text: str):
    return validate(loads(text), PATH, "events/2024/2024-10-31-x.md", REGISTRY)


def messages(text: str) -> list[str]:
    return [str(p) for p in check(text)[1]]


def test_a_valid_entry_becomes_an_event():
    event, problems = check(entry(actors="[Austin, DPRK]", extra="status: confirmed\nkey: true"))
    assert problems == []
    assert event.actors == ("lloyd-austin", "north-korea")  # aliases resolve to ids
    assert event.status == "confirmed" and event.key
    assert event.id == "2024-10-31-x"
    assert event.url == "events/2024/2024-10-31-x/"


def test_problem_names_file_line_column_and_field():
    assert messages(entry(date="2024-02-30")) == [
        f"{PATH}:3:7: date: '2024-02-30' is not a date (February 2024 has 29 days); "
        "write e.g. 2024-02-29, or 2024-02, 2024 or 2024-02-29T14:30-04:00"
    ]


def test_every_problem_of_a_file_is_reported():
    found = messages(
        "---\ntitle: ''\ndate: 2024-13\nactors: [lloyd-austen]\nstatus: rumour\ncolour: red\n---\n"
    )
    fields = [m.split(": ")[0].rsplit(":", 3)[-1] for m in found]
    assert len(found) == 7, found
    joined = "\n".join(found)
    for expected in [
        ":2:8: title: is empty",
        ":3:7: date: '2024-13' is not a date (month 13; months run 1–12); "
        "write e.g. 2024-12, or 2024",
        ":4:10: actors[0]: unknown actor 'lloyd-austen'; did you mean 'lloyd-austin'?",
        ":5:9: status: 'rumour' is not a status",
        ":6:1: colour: unknown field 'colour'",
        ":7:1: summary: is required but missing; add it, e.g. summary: ",
        ":7:1: sources: is required but missing; add at least one, e.g. sources: [{publisher: ",
    ]:
        assert expected in joined, (expected, joined)
    assert fields


def test_unknown_field_suggests_the_known_one():
    (message,) = messages(entry(extra="locaton: Seoul"))
    assert "unknown field 'locaton'; did you mean 'location'?" in message


def test_source_url_must_be_http():
    for bad in ("javascript:alert(1)", "data:text/html,x", "www.example.com/x"):
        sources = f"\n  - publisher: X\n    url: '{bad}'\n"
        (message,) = messages(entry(sources=sources))
        assert "sources[0].url" in message and "not allowed" in message


def test_source_needs_a_publisher():
    assert messages(entry(sources="\n  - url: https://example.com/\n")) == [
        f"{PATH}:8:5: sources[0].publisher: is required but missing; add it, e.g. publisher: CNN"
    ]


def test_a_field_left_out_is_reported_above_the_closing_line_with_an_example():
    text = "---\ntitle: T\ndate: 2024-10-31\nactors: [russia]\nsummary: S\n# a comment\n\n---\n"
    assert messages(text) == [
        f"{PATH}:8:1: sources: is required but missing; add at least one, "
        "e.g. sources: [{publisher: CNN, url: https://www.example.com/story}]"
    ]


def test_a_field_left_out_of_a_list_item_is_reported_below_its_last_line():
    sources = (
        "\n  - url: https://example.com/\n    title: >-\n      A long\n      headline\n"
        "  - publisher: AP\n    url: https://apnews.com/x\n"
        "  - {url: https://example.org/}\n"
    )
    found = messages(entry(sources=sources, extra="updates:\n  -   date: 2024-11-01"))
    assert [m.split(": is required")[0] for m in found] == [
        # at the item's indentation, however far its first field is from the '-'
        f"{PATH}:8:7: updates[0].note",
        f"{PATH}:13:5: sources[0].publisher",  # below the folded title's last line
        f"{PATH}:15:31: sources[2].publisher",  # at the closing brace
    ]


def test_a_missing_actor_is_shown_with_an_id_of_the_sites_registry():
    text = entry(actors="").replace("actors: \n", "")
    assert messages(text) == [
        f"{PATH}:8:1: actors: is required but missing; add at least one, "
        "e.g. actors: [lloyd-austin]"
    ]


def test_end_must_not_precede_date():
    (message,) = messages(entry(date="2024-11-02", extra="end: 2024-10-31"))
    assert "end: ends (2024-10-31) before it starts (2024-11-02)" in message


def test_empty_actor_list_is_an_error():
    (message,) = messages(entry(actors="[]"))
    assert "actors: needs at least one actor" in message


def test_updates_are_kept_newest_first():
    event, _ = check(
        entry(
            extra="updates:\n  - date: 2024-11-01\n    note: first\n"
            "  - date: 2024-11-05\n    note: second"
        )
    )
    assert [u.note for u in event.updates] == ["second", "first"]


def test_booleans_must_be_true_or_false():
    (message,) = messages(entry(extra="key: maybe"))
    assert "key: 'maybe' is not true or false" in message


def test_source_url_with_white_space_inside_is_not_a_complete_link():
    for bad in (
        "https://example.com/a b",
        "https://example.com/a\u00a0b",
        "https://ex\tample.com/",
    ):
        sources = f'\n  - publisher: X\n    url: "{bad.encode("unicode_escape").decode()}"\n'
        (message,) = messages(entry(sources=sources))
        assert "sources[0].url" in message
        # a tab is refused earlier, as a control character; either way the entry is left out
        assert "is not a complete link" in message or "control character U+0009" in message


@settings(max_examples=examples(500))
@given(st.from_regex(_PLAIN_LINK, fullmatch=True))
def test_a_link_taken_without_urlsplit_is_one_that_urlsplit_accepts(link):
    # _url takes a plain link after refusing control characters, without the full check
    assume(control_character(link) is None)
    assert _checked_link(link) == link


def test_links_that_are_not_plain_get_the_full_check():
    for link in ("https://a.example:65536/", "https://[::1/", "https://user@a.example/x y"):
        assert not _PLAIN_LINK.fullmatch(link)
        with pytest.raises(Invalid):
            _checked_link(link)
    assert _checked_link("HTTPS://user@[::1]:65535/x") == "HTTPS://user@[::1]:65535/x"


def test_text_fields_keep_numbers_as_written():
    event, problems = check(
        entry(title="0x10", extra="location: 007\ntags: [017, 1.0e+3, 2024]", date="2024")
    )
    assert problems == []
    assert (event.title, event.location, event.tags) == ("0x10", "007", ("017", "1.0e+3", "2024"))
    assert event.date.iso() == "2024"


def test_a_number_is_not_true_or_false():
    assert messages(entry(extra="key: 1\ndraft: 0")) == [
        f"{PATH}:6:6: key: '1' is not true or false",
        f"{PATH}:7:8: draft: '0' is not true or false",
    ]


def test_a_number_too_long_for_python_to_print_is_a_long_title_not_a_crash():
    (message,) = messages(entry(title="0x" + "f" * 4000))
    assert message == (
        f"{PATH}:2:8: title: is 4,002 characters long; keep it to one line of at most "
        "500 characters"
    )


def test_a_list_longer_than_its_field_allows_is_one_problem_naming_the_limit():
    tags = ", ".join(f"t{i}" for i in range(2000))
    assert messages(entry(extra=f"tags: [{tags}]")) == [
        f"{PATH}:6:1: tags: has 2,000 tags; at most 20"
    ]
    actors = ", ".join(["north-korea"] * 31)
    sources = "\n  - publisher: AP\n    url: https://apnews.com/x" * 31
    updates = "\n  - date: 2024-11-01\n    note: x" * 51
    assert messages(entry(actors=f"[{actors}]", sources=sources, extra=f"updates:{updates}")) == [
        f"{PATH}:4:1: actors: has 31 actors; at most 30",
        f"{PATH}:6:1: updates: has 51 updates; at most 50",
        f"{PATH}:109:1: sources: has 31 sources; at most 30",
    ]


def test_a_list_as_long_as_its_field_allows_is_valid():
    tags = ", ".join(f"t{i}" for i in range(20))
    sources = "\n  - publisher: AP\n    url: https://apnews.com/x" * 30
    event, problems = check(entry(extra=f"tags: [{tags}]", sources=sources))
    assert problems == [] and len(event.tags) == 20 and len(event.sources) == 30


def test_limits_are_declared_on_the_fields():
    assert {f.name: f.max_items for f in EVENT_FIELDS if f.max_items} == {
        "actors": 30,
        "sources": 30,
        "tags": 20,
        "updates": 50,
        "places": 20,
        "figures": 30,
        "follows": 20,
    }
    assert FIELDS_BY_NAME["summary"].max_chars == 800
    assert FIELDS_BY_NAME["title"].max_chars == FIELDS_BY_NAME["tags"].max_chars == 500


def test_the_summary_limit_comes_from_its_field():
    (message,) = messages(entry(summary="x" * 801))
    assert message == (
        f"{PATH}:5:10: summary: is 801 characters long; keep it to at most 800 characters "
        "and put the rest in the body"
    )
    assert messages(entry(summary="x" * 800)) == []
    # the note of an update is text too, with no limit of its own
    assert messages(entry(extra=f"updates:\n  - date: 2024-11-01\n    note: {'x' * 900}")) == []
