"""Core rules for values a careless or hostile contributor may write: small inputs."""

from __future__ import annotations

import os

import markdown
import pytest
from conftest import ACTORS, entry, examples
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.check.body import body_problems
from timeline.check.dateparse import parse_date
from timeline.check.registry import load_registry
from timeline.check.schema import BODY_MAX_CHARS, PARAGRAPH_MAX_CHARS
from timeline.dates import DateError, ends_before
from timeline.entry import read_entry
from timeline.model import Problem
from timeline.read.frontmatter import FrontMatterError, loads
from timeline.read.paths import (
    entry_path_problem,
    looks_like_entry,
    scan_folder,
    stray_file_problem,
)
from timeline.text import control_character, visible
from timeline.views.sanitize import clean_html

REGISTRY, _ = load_registry(ACTORS.encode(), "content/actors.yml")
REL = "events/2024/2024-10-31-x.md"


def problems(text: str, rel_path: str = REL) -> list[str]:
    return [str(p) for p in read_entry(text.encode(), "x.md", rel_path, REGISTRY)[1]]


# --- text that ends up in pages, feeds and logs -----------------------------------------------


def test_a_problem_is_one_log_line_whatever_its_values_hold():
    problem = Problem("a\nb.md", 1, 1, "actors[0]", "unknown actor 'x\n::error::forged\x1b[31m'")
    assert str(problem) == "a\\nb.md:1:1: actors[0]: unknown actor 'x\\n::error::forged\\x1b[31m'"
    assert visible("left \u202eright\u2028") == "left \\u202eright\\u2028"


def test_right_to_left_text_emoji_and_joiners_are_not_control_characters():
    text = "كيم جونغ أون \u200f👩🏽\u200d⚕️ שלום"
    assert control_character(text) is None
    assert visible(text) == text
    assert control_character("a\x07b") == (1, "U+0007")
    assert control_character("\x85") == (0, "U+0085")
    assert control_character("\uffff") == (0, "U+FFFF")
    assert control_character("a\tb\n", allow="\t\n") is None


def forbidden(char: str, allow: str) -> bool:
    """The rule of text.py, character by character."""
    code = ord(char)
    return (
        (code < 0x20 and char not in allow)
        or 0x7F <= code <= 0x9F
        or 0xD800 <= code <= 0xDFFF
        or code in (0xFFFE, 0xFFFF)
    )


EDGES = "\x00\t\n\x1f \x7e\x7f\x80\x9f\xa0\xbf\ud7ff\ud800\udfff\ue000\ufeff\ufffd\ufffe\uffff"
LONG = ["x" * 70, "é" * 70, "\u00a0" * 70, "\uffef" * 70, "\ud7ff" * 70, "\U0001f600" * 70]


@settings(max_examples=examples(500))
@given(
    st.sampled_from(["", *LONG]),
    st.text(st.sampled_from(EDGES) | st.characters(blacklist_categories=())),
    st.sampled_from(["", *EDGES]),
    st.text(st.sampled_from(EDGES) | st.characters(blacklist_categories=())),
    st.sampled_from(["", "\t\n"]),
)
def test_control_characters_are_found_in_short_and_long_text_alike(prefix, a, edge, b, allow):
    text = prefix + a + edge + b  # a long text is first looked at byte by byte
    first = next((i for i, char in enumerate(text) if forbidden(char, allow)), None)
    expected = None if first is None else (first, f"U+{ord(text[first]):04X}")
    assert control_character(text, allow) == expected


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('location: "a\\x07b"', "x.md:6:11: location: contains the control character U+0007"),
        ('tags: ["a\\x1b[31m"]', "x.md:6:8: tags[0]: the tag contains the control character"),
        ('tags: ["two\\nlines"]', "x.md:6:8: tags[0]: the tag must be one line"),
        ("location: " + "x" * 501, "x.md:6:11: location: is 501 characters long"),
        (
            'updates: [{date: 2024-11-01, note: "a\\x00b"}]',
            "x.md:6:36: updates[0].note: contains the control character U+0000",
        ),
    ],
)
def test_text_fields_refuse_control_characters_and_overlong_lines(extra, expected):
    found = problems(entry(extra=extra))
    assert any(p.startswith(expected) for p in found), found


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("'http://[::1/x'", "is not a link (Invalid IPv6 URL)"),
        ("'https://example.com:99999/'", "is not a link (Port out of range 0-65535)"),
        ('"https://example.com/\\x07"', "contains the control character U+0007"),
        ("www.example.com", "a link without https:// is not allowed"),
    ],
)
def test_a_url_that_urllib_cannot_read_is_a_problem_not_a_crash(url, reason):
    (found,) = problems(entry(sources=f"\n  - publisher: X\n    url: {url}\n"))
    assert "x.md:8:10: sources[0].url: " in found and reason in found


def test_registry_names_aliases_and_descriptions_refuse_control_characters():
    _, found = load_registry(
        b'- id: a\n  name: "A\\x07"\n  kind: person\n'
        b'- id: b\n  name: B\n  kind: person\n  aliases: ["x\\ny"]\n'
        b'- id: c\n  name: C\n  kind: person\n  description: "\\x1b[2J"\n',
        "actors.yml",
    )
    assert [str(p) for p in found] == [
        "actors.yml:2:9: name: contains the control character U+0007; remove it",
        "actors.yml:7:13: aliases[0]: the alias must be one line; remove the line break",
        "actors.yml:11:16: description: contains the control character U+001B; remove it",
    ]


# --- dates at the edges of the calendar -------------------------------------------------------


@pytest.mark.parametrize("text", ["0001-01-01T00:30+01:00", "9999-12-31T23:30-01:00"])
def test_a_time_whose_utc_instant_leaves_the_calendar_is_refused(text):
    with pytest.raises(DateError, match="outside the years 1–9999 in UTC"):
        parse_date(text)


def test_the_first_and_last_instants_of_the_calendar_are_dates():
    assert parse_date("0001-01-01T00:00Z").start().year == 1
    assert parse_date("9999-12-31T23:59Z").start().year == 9999


@pytest.mark.parametrize(
    ("start", "end", "before"),
    [
        ("2024-10-17", "2024-10-16", True),
        ("2024-10-15", "2024-10", False),  # October covers the 15th
        ("2024-10-31T14:30-04:00", "2024-10-31", False),  # that UTC day covers 18:30 UTC
        ("2024-10-31T22:30-04:00", "2024-10-31", True),  # 02:30 UTC on 1 November
        ("2024", "2024-12-31", False),
        ("2024-10-31T14:30Z", "2024-10-31T14:29Z", True),
        ("9999-12-31T23:59+14:00", "9999-12-31", False),
    ],
)
def test_an_end_precedes_its_start_only_when_all_of_it_is_earlier(start, end, before):
    assert ends_before(parse_date(end), parse_date(start)) is before


# --- file names, bodies and YAML --------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel_path", "reason"),
    [
        ("events/2024/2024-10-31-x.md", None),
        ("events/2024/2024_10_31_x.md", None),
        ("events/2024/x.markdown", "must end in '.md'; rename 'x.markdown' to 'x.md'"),
        ("events/2024/X.MD", "must end in '.md'"),
        ("events/2024/Austin Speaks.md", "cannot be an event id"),
        ("events/2024/a#b.md", "cannot be an event id"),
        ("events/2024?/a.md", "the folder name '2024?' cannot be part of a link"),
    ],
)
def test_an_entry_file_name_must_be_a_slug_ending_in_md(rel_path, reason):
    found = entry_path_problem(rel_path)
    assert found is None if reason is None else reason in found


def test_markdown_looking_names_are_entries_and_hidden_files_are_not():
    assert looks_like_entry("events/2024/a.md") and looks_like_entry("a.MARKDOWN")
    assert not looks_like_entry("events/.a.md") and not looks_like_entry("events/map.png")


def test_a_misnamed_entry_is_one_problem_at_line_one():
    assert problems(entry(), "events/2024/a b.md") == [
        "x.md:1:1: file: 'a b.md' cannot be an event id: name the file like "
        "2024-10-31-short-slug.md (lowercase letters, digits and hyphens)"
    ]


def test_body_limits_name_the_line_of_the_paragraph():
    ok = "Para one.\n\n" + "word " * 1000 + "\n\nPara three.\n"
    assert body_problems(ok, 10) == []
    long_paragraph = "Intro.\n\n" + ("x" * 100 + "\n") * (PARAGRAPH_MAX_CHARS // 100 + 1)
    ((line, message),) = body_problems(long_paragraph, 10)
    assert line == 12 and "this paragraph is 8,181 characters long (at most 8,000)" in message
    ((line, message),) = body_problems("x" * (BODY_MAX_CHARS + 1), 10)
    assert line == 10 and "the write-up is 100,001 characters long" in message
    ((line, message),) = body_problems("a\n\nb\x00c\n", 10)
    assert line == 12 and "control character U+0000" in message
    links = "See [a](https://a.example) and [b](https://b.example).\n" * 50  # 100 links
    assert body_problems(links, 10) == []
    ((line, message),) = body_problems("x\n\n\n" + links + "[", 10)
    assert line == 13 and "this paragraph has 101 '[' (at most 100" in message


def test_an_alias_is_reported_where_it_is_used():
    with pytest.raises(FrontMatterError) as error:
        loads("---\na: &x [1]\nb:\n  - 2\n  - *x\n---\n")
    assert (error.value.line, error.value.column, error.value.field) == (5, 5, "b[1]")


def test_a_tagged_field_name_is_refused():
    with pytest.raises(FrontMatterError, match="a field name must be plain text"):
        loads("---\n!!python/object:os.system x: 1\n---\n")


def test_a_tab_gets_a_hint_from_either_yaml_parser():
    with pytest.raises(FrontMatterError, match="indent with spaces, not tabs"):
        loads("---\ntitle: x\n\tdate: 2024\n---\n")


# --- the write-up's HTML ----------------------------------------------------------------------


def test_clean_html_keeps_what_markdown_writes():
    source = (
        "## Heading\n\nText[^1] with `code` and **bold**.\n\n"
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n!!! note\n    Careful.\n\n[^1]: A footnote.\n"
    )
    rendered = markdown.markdown(
        source,
        extensions=["tables", "footnotes", "admonition", "toc"],
        extension_configs={"toc": {"permalink": True}},
    )
    cleaned = clean_html(rendered)
    for kept in (
        '<h2 id="heading">',
        'class="headerlink" href="#heading"',
        '<td style="text-align:left">1</td>',
        '<div class="admonition note">',
        'href="#fn:1"',
        '<li id="fn:1">',
        "<code>code</code>",
    ):
        assert kept in cleaned, (kept, cleaned)


def test_clean_html_removes_everything_that_could_run_or_take_over_the_page():
    dirty = (
        '<p onclick="x()" style="position:fixed" id="__drawer">a<script>alert(1)</script>'
        '<a href="javascript:alert(1)">j</a><a href="https://example.com" target="_blank">e</a>'
        '<img src="data:image/png;base64,AA" onerror="x()"></p><iframe src="https://e"></iframe>'
        '<form action="https://e"><input name="password"></form><style>*{}</style>'
        '<svg><script>alert(2)</script></svg><base href="https://evil/">'
    )
    assert clean_html(dirty) == (
        '<p>a<a rel="noopener noreferrer">j</a>'
        '<a href="https://example.com" rel="noopener noreferrer">e</a><img></p>'
    )


@pytest.mark.parametrize(
    ("rel_path", "published"),
    [
        ("events/2024/map.png", True),
        ("events/2024/photo.JPEG", True),
        ("events/2024/x.md", True),  # an entry: reported as one if it is bad
        ("events/2024/.DS_Store", True),  # hidden: MkDocs leaves it out by itself
        ("events/2024/page.html", False),
        ("events/2024/icon.svg", False),
        ("events/2024/script.js", False),
    ],
)
def test_only_entries_and_images_may_be_published_from_the_events_folder(rel_path, published):
    assert (stray_file_problem(rel_path) is None) is published


def test_every_file_of_the_events_folder_gets_a_fate(tmp_path):
    root = tmp_path / "events"
    (root / "2024").mkdir(parents=True)
    (root / ".x" / "2024").mkdir(parents=True)
    (tmp_path / "secret").write_text("x")
    (root / "a.md").write_text("x")
    (root / "map.png").write_text("x")
    (root / "page.html").write_text("x")
    (root / "out.png").symlink_to(tmp_path / "secret")
    (tmp_path / "events2").mkdir()  # its path starts like the folder's, but it is not inside
    (tmp_path / "events2" / "b.md").write_text("x")
    (root / "sibling.md").symlink_to(tmp_path / "events2" / "b.md")
    (root / "in.png").symlink_to(root / "map.png")
    (root / "self.md").symlink_to("self.md")  # a loop
    (root / "gone.png").symlink_to("nowhere.png")
    (root / "2024" / "up").symlink_to("..")  # a folder link: walking it would never end
    (root / "..md").write_text("x")
    (root / ".2024-12-01-x.md").write_text("x")
    (root / ".x" / "2024" / "2024-12-01-y.md").write_text("x")
    (root / "2024" / ".gitkeep").write_text("")
    os.mkfifo(root / "pipe.md")  # reading it would wait forever
    scan = scan_folder(str(tmp_path), "events")
    assert scan.entries == ("events/a.md",)
    assert scan.images == ("events/in.png", "events/map.png")
    refused = {path: (why, level) for path, why, level in scan.refused}
    assert sorted(refused) == [
        "events/..md",
        "events/.2024-12-01-x.md",
        "events/.x/2024/2024-12-01-y.md",
        "events/2024/.gitkeep",
        "events/2024/up",
        "events/gone.png",
        "events/out.png",
        "events/page.html",
        "events/pipe.md",
        "events/self.md",
        "events/sibling.md",
    ]
    assert refused["events/2024/.gitkeep"][1] == "notice"
    assert all(level == "error" for path, (_, level) in refused.items() if "gitkeep" not in path)
    assert "outside the events folder" in refused["events/out.png"][0]
    assert "outside the events folder" in refused["events/sibling.md"][0]
    assert "links to itself" in refused["events/self.md"][0]
    assert "link to a folder" in refused["events/2024/up"][0]
    assert "the folder '.x' is hidden" in refused["events/.x/2024/2024-12-01-y.md"][0]
    assert "starts with '.'" in refused["events/..md"][0]
    assert "not a regular file" in refused["events/pipe.md"][0]


def test_an_entry_named_index_is_refused_it_would_take_its_folder_s_page():
    assert "cannot be an event id" in entry_path_problem("events/2024/index.md")
