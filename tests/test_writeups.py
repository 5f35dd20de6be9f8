"""The core's checks of an event's write-up beyond its limits: snippets (file inclusion), links
(control characters, missing files and anchors) and images from other hosts, each reported at
its line and column, and none of them on the repository's own entries."""

from __future__ import annotations

import time

import pytest
from conftest import ACTORS, ROOT, entry

from timeline.check.anchors import anchor_ids
from timeline.check.body import write_up_problems
from timeline.check.links import ContentFiles, link_problems, loads_from_elsewhere
from timeline.check.registry import load_registry
from timeline.check.validate import validate
from timeline.entry import read_entry
from timeline.read.frontmatter import load

HERE = "events/2024/2024-10-31-here.md"
FILES = ContentFiles(
    frozenset(
        {
            HERE,
            "events/2024/2024-10-24-state-duma.md",
            "events/2024/map.png",
            "events/2025/2025-01-11-captured.md",
            "about.md",
            "index.md",
        }
    )
)


def problems(body: str, content: ContentFiles | None = FILES) -> list[str]:
    """'line:column: message' of each problem of a write-up starting on line 10."""
    return [
        f"{line}:{column}: {message}"
        for line, column, message in write_up_problems(body, 10, HERE, content)
    ]


# --- snippets -----------------------------------------------------------------------------------

SCISSORS = "includes another file; the write-up must be written out here"


@pytest.mark.parametrize(
    ("line", "column", "shown"),
    [
        ('--8<-- ".git/config"', 1, "--8<--"),
        ("--8<-- '.git/config'", 1, "--8<--"),
        ('-8<- ".git/config"', 1, "-8<-"),
        ('------8<------ ".git/config"', 1, "------8<------"),
        ('    --8<-- ".git/config"', 5, "--8<--"),  # indented: in a code block, still included
        ('\t--8<-- ".git/config"', 2, "--8<--"),
        ('--8<-- ".git/config:1:3"', 1, "--8<--"),  # line ranges
        ('--8<-- ".git/config:core"', 1, "--8<--"),  # a section
        ('--8<-- "https://example.com/x.md"', 1, "--8<--"),  # a URL (url_download)
        (';--8<-- ".git/config"', 2, "--8<--"),  # escaped once: shown, but ';;' includes
        ("Text --8<-- [start:core] more", 6, "--8<--"),  # a section marker, anywhere
        ("--8<--", 1, "--8<--"),  # a block of paths until the next one
        ("-" * 30 + "8<" + "-" * 30 + ' "x"', 1, "--8<--"),  # shown short
    ],
)
def test_every_snippet_syntax_is_refused_at_its_line_and_column(line, column, shown):
    assert problems(f"\nIntro.\n\n{line}\n") == [f"13:{column}: '{shown}' {SCISSORS}"]


def test_a_snippet_block_is_one_problem_a_line_and_many_are_counted():
    body = "--8<--\n.git/config\n--8<--\n\n" + '--8<-- "CONTRIBUTING.md"\n\n' * 199
    found = problems(body)
    assert found[:3] == [f"10:1: '--8<--' {SCISSORS}", f"12:1: '--8<--' {SCISSORS}"] + [
        f"14:1: '--8<--' {SCISSORS}"
    ]
    assert len(found) == 11 and found[-1] == "30:1: and 191 more problems like the above"


def test_scissors_that_are_not_a_snippet_pass():
    assert problems("Cut here: 8<- or -8 < and 8<-- without a dash before.\n") == []


def test_finding_scissors_is_linear():
    body = ("-" * 7000 + "8<\n\n") * 12 + "-8<-" * 1900  # one line of 1,900 snippets
    started = time.process_time()  # CPU seconds: a busy machine (parallel tests) does not count
    found = write_up_problems(body, 1, HERE)
    assert time.process_time() - started < 1
    assert [(line, column) for line, column, _ in found] == [(25, 1)]
    assert "'-8<--' includes another file" in found[0][2]


# --- lists nested on one line -------------------------------------------------------------------


def test_lists_nested_hundreds_deep_on_one_line_are_refused():
    # Python-Markdown parses each level by recursion: 500 raise RecursionError in the build
    body = "Intro.\n\n" + "- " * 3000 + "x\n\n" + "1. * + " * 17 + "y\n"
    assert problems(body) == [
        "12:1: this line opens 3,000 lists one inside the other (at most 50); "
        "the site's Markdown cannot render that, write it flat",
        "14:1: this line opens 51 lists one inside the other (at most 50); "
        "the site's Markdown cannot render that, write it flat",
    ]


def test_ordinary_lists_and_dashes_pass():
    body = "- a\n- - b\n    1. c\n\nIn 2024. 1) first - * second - - third\n" + "- " * 50 + "x\n"
    assert problems(body) == []


# --- links: control characters and line breaks ---------------------------------------------------

ENCODED = "is an encoded control character or line break"


def test_an_encoded_newline_cannot_forge_a_log_line():
    body = "See [x](x%0A::error%20file=forged.py,line=1::boom).\n"
    assert problems(body) == [
        f"10:10: '%0A' {ENCODED} (U+000A); no link may carry one: remove it",
    ]


@pytest.mark.parametrize(
    ("encoded", "code"),
    [
        ("%00", "0000"),
        ("%0d", "000D"),
        ("%1F", "001F"),
        ("%7f", "007F"),
        ("%C2%85", "0085"),
        ("%c2%9b", "009B"),
        ("%E2%80%A8", "2028"),
        ("%e2%80%a9", "2029"),
    ],
)
def test_every_encoded_control_or_separator_is_refused(encoded, code):
    for body in (
        f"[x](a{encoded}b.md)",
        f"[x](a b{encoded}.md)",  # Python-Markdown keeps the space in the target
        f"![x](a{encoded}.png)",
        f"[x][r]\n\n[r]: https://a/{encoded}",
        f"<https://a/{encoded}>",
    ):
        (found,) = problems(body)
        assert f"'{encoded}' {ENCODED} (U+{code})" in found


def test_an_encoded_control_that_is_no_link_target_is_text():
    # in prose, in code, in raw HTML (MkDocs never quotes that one) or in a definition not used
    body = "Up 5%0A, `[x](a%0A.md)`, <a href='a%0A'>x</a>\n\n[r]: https://a/%0A\n"
    assert problems(body) == []


def test_ordinary_percent_encoding_passes():
    assert problems("[x](https://example.com/a%20b%2Fc%C3%A9?q=%3D) 50% of %ZZ\n") == []


def test_a_raw_line_separator_is_refused_in_a_link_not_in_prose():
    assert problems("Text\u2028more, [x](a\u2029b.md) and [y](<c\u2028d.md>)\n") == [
        "10:16: this link's target contains the paragraph separator U+2029; remove it"
    ]
    duma = "2024-10-24-state-duma.md"
    assert problems(f"Text\u2028more [x]({duma}\u2028) [y]({duma}\u2029'title')\n") == []


def test_a_link_target_over_a_line_break_is_refused():
    # Python-Markdown keeps the break in the href, and MkDocs quotes the href in its warning
    body = "Intro.\n\nSee [y](a\n::error::boom.md) here.\n"
    assert problems(body) == [
        "12:9: this link's target is split over two lines; write it on one line"
    ]


def test_a_title_or_a_wrapped_link_text_on_the_next_line_passes():
    body = '[x](2024-10-24-state-duma.md\n"Title") and [a long\ntext](https://example.com/)\n'
    assert problems(body) == []


# --- links: files and anchors -------------------------------------------------------------------


def test_a_relative_link_to_a_missing_entry_is_reported_with_a_suggestion():
    body = "Intro.\n\nThe Duma [voted](2024-10-24-state-dumaa.md) first.\n"
    assert problems(body) == [
        "12:18: the link '2024-10-24-state-dumaa.md' leads to "
        "'events/2024/2024-10-24-state-dumaa.md', which does not exist; "
        "did you mean '2024-10-24-state-duma.md'?"
    ]
    assert problems(body, content=None) == []  # no files given: not checked


def test_links_to_files_that_exist_or_are_not_checked_pass():
    body = (
        "[a](2024-10-24-state-duma.md) [b](../2025/2025-01-11-captured.md#x) "
        "[c](../../about.md) ![map](map.png) [d](../2025/) [e](/about/) "
        "[f](https://example.com/x.md) [g](mailto:a@example.org) [h](../../actors/kim.md) "
        "[i](../../timeline/index.md) [j](../../tags/x/index.md) [k](../../feed.xml) "
        "[l](2024-10-24-state-duma.md?x=1#y) `[m](missing.md)`\n\n"
        "    [n](indented-code.md)\n\n```\n[o](fenced.md)\n```\n"
    )
    assert problems(body) == []


@pytest.mark.parametrize(
    ("link", "where", "target"),
    [
        ("[x](../../../x.md)", "10:5", "../x.md"),  # above the content folder
        ("[x](missing.md#a)", "10:5", "events/2024/missing.md"),
        ("![x](missing.png)", "10:6", "events/2024/missing.png"),  # an image of the events folder
        ("[x](../2023/a%20b.md)", "10:5", "events/2023/a b.md"),  # decoded, as MkDocs does
        ("[x][ref]\n\n[ref]: <missing.md>", "12:8", "events/2024/missing.md"),
    ],
)
def test_each_kind_of_missing_target_is_reported(link, where, target):
    (found,) = problems(link + "\n")
    assert found.startswith(f"{where}: the link ")
    assert f"leads to '{target}', which does not exist" in found


def test_a_same_page_anchor_must_name_a_heading_or_an_id():
    body = (
        "## Background\n\nText.\n\n## Background\n\n## The *big* `one` [here](x.md)\n\n"
        "Setext heading\n--------------\n\n## Closed ##\n\n"
        "<a name=\"raw\"></a> <span id='other'></span> Para {: #attr }\n\n"
        "[a](#background) [b](#background_1) [c](#the-big-one-here) [d](#setext-heading) "
        "[e](#closed) [f](#raw) [g](#other) [h](#attr) [i](#fn:1) [j](#fnref:1)\n"
        "[k](?q=1#background)"
    )
    assert problems(body, content=None) == []
    assert problems(body + "\n\n[bad](#backround) `[code](#nope)`\n", content=None) == [
        "28:7: the link '#backround' leads to no heading or anchor of this page; "
        "did you mean '#background'?"
    ]


def test_a_heading_id_the_expressions_cannot_guess_is_taken_from_the_rendering():
    # toc's id for a heading of entities, HTML and escapes is not what a quick slug gives
    body = "## R&amp;D <em>and</em> \\*stars\\* &#169; 2024\n\n[x](#rd-and-stars-2024)\n"
    assert problems(body, content=None) == []
    ids = anchor_ids(body)
    assert "rd-and-stars-2024" in ids


def test_anchors_into_another_entry_are_checked_when_its_anchors_are_known():
    anchors = {"events/2024/2024-10-24-state-duma.md": anchor_ids("## The vote\n")}
    content = ContentFiles(FILES.paths, anchors.get)
    body = "[a](2024-10-24-state-duma.md#the-vote) [b](../../about.md#anything)\n"
    assert problems(body, content) == []
    assert problems("[a](2024-10-24-state-duma.md#vote)\n", content) == [
        "10:5: the link's anchor '#vote' is no heading or anchor of "
        "'events/2024/2024-10-24-state-duma.md'"
    ]


def test_checking_links_stays_fast_on_a_hostile_write_up():
    paragraph = ("[x](a.md) ![y](b.png) ]( ](<c> " * 60)[:7000]
    body = "\n\n".join([paragraph] * 14)  # just under the length limit
    started = time.process_time()  # CPU seconds: under 1 s; its wall time was 2.9 s when busy
    link_problems(body, 1, HERE, FILES)
    assert time.process_time() - started < 2


def test_the_repository_entries_have_no_link_problems():
    content = ROOT / "content"
    paths = {p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()}
    bodies = {
        path: load((content / path).read_bytes())
        for path in paths
        if path.startswith("events/") and path.endswith(".md")
    }
    assert len(bodies) >= 48
    files = ContentFiles(
        frozenset(paths), lambda p: anchor_ids(bodies[p].body) if p in bodies else None
    )
    for path, doc in bodies.items():
        assert write_up_problems(doc.body, doc.body_line, path, files) == [], path


# --- images from other hosts --------------------------------------------------------------------

FROM_ELSEWHERE = "would be loaded from another host; images must come from the repository"


@pytest.mark.parametrize(
    ("image", "column"),
    [
        ("![map](https://example.com/map.png)", 8),
        ("![map](//example.com/map.png)", 8),
        ("![map](&#47;&#47;example.com/map.png)", 8),
        ("![map](HTTP://example.com/map.png 'Title')", 8),
        ('<img src="https://example.com/map.png">', 11),
        ("<IMG SRC=//example.com/map.png>", 10),
        ("<img/src='https://example.com/map.png'>", 11),
        ("<img alt='x' src=' /\\example.com/map.png'>", 19),
        ('<img src="x.png" srcset="x.png 1x, https://example.com/x2.png 2x">', 26),
    ],
)
def test_an_image_from_another_host_is_refused(image, column):
    (found,) = problems(f"Intro.\n\n{image}\n")
    assert found.startswith(f"12:{column}: the image '") and FROM_ELSEWHERE in found


def test_a_reference_image_from_another_host_is_refused():
    body = "![map][m] and ![m]\n\n[m]: https://example.com/map.png\n"
    assert [f.split(": ")[0] for f in problems(body)] == ["10:1", "10:15"]


@pytest.mark.parametrize(
    "element",
    [
        '<video src="https://example.com/v.mp4" poster="https://example.com/p.png"></video>',
        '<audio src="//example.com/a.mp3"></audio>',
        '<iframe src="https://example.com/"></iframe>',
        '<picture><source srcset="https://example.com/a.webp"></picture>',
    ],
)
def test_other_media_are_left_to_the_sanitiser_which_drops_them(element):
    # never on a page (test_sanitize_remote.py); the hostile catalogue publishes an iframe's text
    assert problems(element + "\n") == []


def test_images_of_the_repository_and_links_to_other_hosts_pass():
    body = (
        "![map](map.png) <img src='map.png' alt=x> [a story](https://example.com/x.png) "
        '<a href="https://example.com/">x</a> <img src="/assets/x.png">\n'
    )
    assert problems(body) == []


@pytest.mark.parametrize(
    ("url", "elsewhere"),
    [
        ("https://example.com/x.png", True),
        ("//example.com/x.png", True),
        ("/\\example.com/x.png", True),
        ("\\\\example.com/x.png", True),
        (" \t//example.com/x.png", True),
        ("/\t/example.com/x.png", True),
        ("/\n/example.com/x.png", True),
        ("data:image/png;base64,AAAA", True),
        ("JavaScript:x", True),
        ("map.png", False),
        ("../2024/map.png", False),
        ("/assets/map.png", False),
        ("map.png?x=//y", False),
        ("", False),
    ],
)
def test_what_loads_from_elsewhere_is_read_as_a_browser_reads_it(url, elsewhere):
    assert loads_from_elsewhere(url) is elsewhere


# --- as problems of the entry -------------------------------------------------------------------


def test_write_up_problems_are_problems_of_the_body_with_line_and_column():
    registry, _ = load_registry(ACTORS.encode(), "content/actors.yml")
    body = 'Intro.\n\n--8<-- ".git/config"\n\n![x](https://example.com/x.png)\n'
    path = "content/events/2024/2024-10-31-x.md"
    event, found = read_entry(entry(body=body).encode(), path, HERE, registry)
    assert event is None
    assert [str(p) for p in found] == [
        f"{path}:13:1: body: '--8<--' {SCISSORS}",
        f"{path}:15:6: body: the image 'https://example.com/x.png' {FROM_ELSEWHERE}: "
        "add the file next to the entry and use its name",
    ]


def test_validate_checks_links_to_other_files_only_when_given_them():
    registry, _ = load_registry(ACTORS.encode(), "content/actors.yml")
    doc = load(entry(body="[x](missing.md)").encode())
    assert validate(doc, "p.md", HERE, registry)[0] is not None
    event, found = validate(doc, "p.md", HERE, registry, FILES)
    assert event is None
    assert str(found[0]).startswith("p.md:11:5: body: the link 'missing.md' leads to")
