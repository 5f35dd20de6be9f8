"""`timeline check`: every kind of mistake named by file, line, column and field, in the text,
GitHub and JSON formats, with the exit status each severity gives."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import entry

from timeline.cli import main

E = "content/events/2024"


@pytest.fixture
def checked(site, monkeypatch, capsys):
    """Run `timeline check ARGS` in the site's folder: (exit status, stdout, stderr)."""
    monkeypatch.chdir(site.root)

    def run(*args: str) -> tuple[int, str, str]:
        status = main(["check", *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


# one file per kind of front-matter mistake: (file, text, expected line)
MISTAKES = [
    (
        "2024-10-31-bad-date.md",
        entry(date="2024-02-30"),
        "3:7: date: '2024-02-30' is not a date (February 2024 has 29 days); "
        "write e.g. 2024-02-29, or 2024-02, 2024 or 2024-02-29T14:30-04:00",
    ),
    (
        "2024-10-31-ambiguous.md",
        entry(date="03/04/2024"),
        "3:7: date: '03/04/2024' is ambiguous: it could be 3 April or 4 March 2024; "
        "write 2024-04-03 or 2024-03-04",
    ),
    (
        "2024-10-31-no-offset.md",
        entry(date="2024-10-31T14:30"),
        "3:7: date: '2024-10-31T14:30' has a time but no UTC offset",
    ),
    (
        "2024-10-31-end.md",
        entry(extra="end: 2024-10-30"),
        "6:6: end: ends (2024-10-30) before it starts (2024-10-31)",
    ),
    (
        "2024-10-31-actor.md",
        entry(actors="[north-korea, lloyd-austen]"),
        "4:23: actors[1]: unknown actor 'lloyd-austen'; did you mean 'lloyd-austin'?",
    ),
    (
        "2024-10-31-no-actor.md",
        entry(actors="[]"),
        "4:1: actors: needs at least one actor id from the registry",
    ),
    (
        "2024-10-31-no-summary.md",
        "---\ntitle: T\ndate: 2024-10-31\nactors: [russia]\nsources: [{publisher: AP, url: https://a.b/}]\n---\n",
        # left out: at the closing '---', where it belongs
        "6:1: summary: is required but missing; add it, e.g. summary: Lloyd Austin said North "
        "Korean troops in Russia would join the fight within days.",
    ),
    (
        "2024-10-31-url.md",
        entry(sources="\n  - publisher: X\n    url: 'javascript:alert(1)'\n"),
        "8:10: sources[0].url: 'javascript:' links are not allowed",
    ),
    (
        "2024-10-31-publisher.md",
        entry(sources="\n  - url: https://example.org/\n"),
        # below the source's last line, at its indentation
        "8:5: sources[0].publisher: is required but missing; add it, e.g. publisher: CNN",
    ),
    (
        "2024-10-31-status.md",
        entry(extra="status: confimed"),
        "6:9: status: 'confimed' is not a status; use one of confirmed, reported, claimed, "
        "disputed, denied; did you mean 'confirmed'?",
    ),
    (
        "2024-10-31-field.md",
        entry(extra="locaton: Seoul"),
        "6:1: locaton: unknown field 'locaton'; did you mean 'location'?",
    ),
    (
        "2024-10-31-circa.md",
        entry(extra="circa: maybe"),
        "6:8: circa: 'maybe' is not true or false",
    ),
    (
        "2024-10-31-list.md",
        "---\n- title\n- date\n---\n",
        "2:1: front matter: the front matter is a list, not a set of 'field: value' lines",
    ),
    (
        "2024-10-31-twice.md",
        entry(extra="title: Again"),
        "6:1: title: 'title' is given twice; keep one",
    ),
    (
        "2024-10-31-alias.md",
        "---\ntitle: &t T\ndate: 2024-10-31\nactors: [russia]\nsummary: *t\n---\n",
        "summary: YAML aliases (*name) are not allowed",
    ),
    (
        "2024-10-31-tab.md",
        "---\ntitle: T\n\tdate: 2024-10-31\n---\n",
        "3:1: front matter: YAML error: found a tab character",
    ),
    ("2024-10-31-latin1.md", "---\ntitle: caf\xe9\n---\n".encode("latin-1"), "2:11: encoding"),
    ("2024-10-31-empty.md", "", "1:1: front matter: the file is empty"),
]


def test_every_kind_of_mistake_is_named_by_file_line_column_and_field(site, checked):
    for name, text, _ in MISTAKES:
        site.write(f"events/2024/{name}", text)
    status, out, err = checked()
    assert status == 1
    assert "Traceback" not in out + err
    *lines, summary = out.splitlines()
    for name, _, expected in MISTAKES:
        mine = [line for line in lines if line.startswith(f"{E}/{name}:")]
        assert mine, f"nothing reported for {name}:\n{out}"
        assert any(expected in line for line in mine), (expected, mine)
    for line in lines:  # path:line:col: field: message, every one
        assert re.match(r"^[^:]+\.md:\d+:\d+: [^:]+: .+$", line), line
    assert summary == f"timeline: 0 events published, 0 drafts, {len(MISTAKES)} invalid"


def test_a_clean_site_prints_one_summary_line_and_exits_0(site, checked):
    site.event("2024/2024-10-31-good.md")
    site.event("2025/2025-08-month.md", date="2025-08")
    site.event("2024/2024-10-31-timed.md", date="2024-10-31T14:30-04:00")
    assert checked() == (0, "timeline: 3 events published, 0 drafts, 0 invalid\n", "")
    site.write("events/2024/2024-10-31-timed.md", "")
    site.write("events/2025/2025-08-month.md", "")
    assert checked()[1].endswith("timeline: 1 event published, 0 drafts, 2 invalid\n")


def test_a_draft_is_a_notice_that_does_not_fail(site, checked):
    site.event("2024/2024-10-31-draft.md", extra="draft: true")
    status, out, _ = checked()
    assert status == 0
    notice = "draft: checked, but kept out of the published site"
    summary = "timeline: 0 events published, 1 draft, 0 invalid"
    assert out == f"{E}/2024-10-31-draft.md:1:1: {notice}\n{summary}\n"


@pytest.mark.parametrize(
    ("path", "date", "message"),
    [
        (
            "2024/2024-10-30-x.md",
            "2024-10-31",
            "the file name says 2024-10-30 but the date is 2024-10-31; "
            f"rename it to {E}/2024-10-31-x.md",
        ),
        (
            "2024/2024-10-31-x.md",
            "2024-10",
            f"the file name says 2024-10-31 but the date is 2024-10; rename it to {E}/2024-10-x.md",
        ),
        (
            "2023/2024-10-31-x.md",
            "2024-10-31",
            f"the file is not in the folder of its year (2024); rename it to {E}/2024-10-31-x.md",
        ),
        (
            "2024/austin.md",
            "2024-10-31T09:00Z",
            "the file name does not start with the date (2024-10-31); "
            f"rename it to {E}/2024-10-31-austin.md",
        ),
    ],
)
def test_a_file_name_that_disagrees_with_the_date_is_a_warning_with_the_right_name(
    site, checked, path, date, message
):
    site.event(path, date=date)
    status, out, _ = checked()
    assert status == 1  # warnings fail: the site builds strictly
    assert out.splitlines() == [
        f"content/events/{path}:1:1: file name: {message}",
        "timeline: 1 event published, 0 drafts, 0 invalid",
    ]


@pytest.mark.e2e
def test_a_misnamed_entry_is_published_but_fails_the_strict_build(site):
    site.event("2024/2024-10-30-x.md", date="2024-10-31")
    assert site.build().returncode == 0
    assert (site.root / "site/events/2024/2024-10-30-x/index.html").exists()
    strict = site.build(strict=True)
    assert strict.returncode != 0
    assert "2024-10-30-x.md:1:1: file name: the file name says 2024-10-30" in strict.stdout


def test_registry_mistakes_duplicate_ids_and_aliases(site, checked):
    site.write(
        "actors.yml",
        "- id: russia\n  name: Russia\n  kind: country\n"
        "- id: russia\n  name: Russian Federation\n  kind: country\n"
        "- id: north-korea\n  name: North Korea\n  kind: country\n  aliases: [DPRK]\n"
        "- id: dprk-army\n  name: Korean People's Army\n  kind: group\n  aliases: [DPRK]\n"
        "- id: Bad Id\n  name: X\n  kind: place\n",
    )
    site.event("2024/2024-10-31-a.md", actors="[russia]")
    status, out, _ = checked()
    assert status == 1
    assert out.splitlines() == [
        "content/actors.yml:4:7: id: duplicate id 'russia'; ids must be unique",
        "content/actors.yml:14:13: aliases[0]: 'DPRK' already names actor 'north-korea'; "
        "an alias may belong to one actor only",
        "content/actors.yml:15:7: id: 'Bad Id' is not an id; use a lowercase slug like "
        "'lloyd-austin'",
        "content/actors.yml:17:9: kind: 'place' is not a kind; use one of person, country, "
        "organization, group",
        "timeline: 1 event published, 0 drafts, 0 invalid",
    ]


def test_duplicate_event_ids_across_years(site, checked):
    site.event("2024/2024-10-31-a.md")
    site.write("events/2025/2024-10-31-a.md", entry())
    status, out, _ = checked()
    assert status == 1
    assert (
        "content/events/2025/2024-10-31-a.md:1:1: id: event id '2024-10-31-a' is already used by "
        "content/events/2024/2024-10-31-a.md; rename one of the files" in out
    )


def test_paths_limit_the_check_and_the_registry_checks_everything(site, checked):
    site.event("2024/2024-10-31-good.md")
    site.event("2024/2024-10-31-bad.md", date="2024-13")
    assert checked(f"{E}/2024-10-31-good.md")[0] == 0
    status, out, _ = checked(f"{E}/2024-10-31-bad.md")
    assert status == 1 and "2024-10-31-bad.md:3:7: date:" in out
    assert checked("content/events/2024")[0] == 1
    status, out, _ = checked("content/actors.yml")  # a registry change can break any entry
    assert status == 1 and "2024-10-31-bad.md:3:7: date:" in out
    status, out, err = checked("content/index.md", f"{E}/2024-10-31-good.md")
    assert status == 0 and out == "timeline: 1 event published, 0 drafts, 0 invalid\n"
    assert "content/index.md: skipped, not an entry in content/events/" in err
    status, out, _ = checked(f"{E}/2024-10-31-missing.md")
    assert status == 1 and "2024-10-31-missing.md:1:1: file: No such file or directory" in out


def parse_annotations(text: str) -> list[dict]:
    """GitHub workflow commands back into their parts (unescaping as the runner does)."""

    def unescape(value: str) -> str:
        for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            value = value.replace(code, char)
        return value

    found = []
    for line in text.splitlines():
        match = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
        assert match, line
        properties = dict(part.split("=", 1) for part in match.group(2).split(","))
        found.append(
            {
                "level": match.group(1),
                **{key: unescape(value) for key, value in properties.items()},
                "message": unescape(match.group(3)),
            }
        )
    return found


def test_github_format_annotates_file_line_and_field(site, checked):
    site.event("2024/2024-10-31-a,b.md", actors="[lloyd-austen]")  # a comma to escape
    site.event("2024/2024-10-30-x.md", date="2024-10-31")  # warning
    site.event("2024/2024-10-29-draft.md", date="2024-10-29", extra="draft: true")  # notice
    site.event("2024/2024-10-27-key.md", date="2024-10-27", extra="'100%: sure,': x")
    status, text_out, _ = checked()
    status_github, out, err = checked("--format", "github")
    assert status_github == status == 1
    assert "%25" in out and "%3A" in out and "%2C" in out  # escaped, then read back below
    annotations = parse_annotations(out)
    assert [(a["level"], a["file"], a["line"], a["col"], a["title"]) for a in annotations] == [
        ("error", f"{E}/2024-10-27-key.md", "6", "1", "100%: sure,"),
        ("notice", f"{E}/2024-10-29-draft.md", "1", "1", "draft"),
        ("warning", f"{E}/2024-10-30-x.md", "1", "1", "file name"),
        ("error", f"{E}/2024-10-31-a,b.md", "1", "1", "file"),
    ]
    # the same problems as the text format, word for word
    assert [
        f"{a['file']}:{a['line']}:{a['col']}: {a['message']}" for a in annotations
    ] == text_out.splitlines()[:-1]
    assert err == "timeline: 1 event published, 1 draft, 2 invalid\n"  # stdout is for GitHub


def test_json_format_for_tools(site, checked):
    site.event("2024/2024-10-31-a.md", date="2024-02-30")
    site.event("2024/2024-10-30-x.md", date="2024-10-31")
    site.event("2024/2024-10-29-d.md", date="2024-10-29", extra="draft: true")
    site.event("2024/2024-10-28-ok.md", date="2024-10-28")
    status, out, _ = checked("--format", "json")
    assert status == 1
    document = json.loads(out)
    assert document["version"] == 1
    assert document["summary"] == {
        "events": 2,
        "drafts": 1,
        "invalid": 1,
        "errors": 1,
        "warnings": 1,
        "notices": 1,
    }
    assert document["problems"] == [
        {
            "path": f"{E}/2024-10-29-d.md",
            "line": 1,
            "column": 1,
            "field": "draft",
            "message": "checked, but kept out of the published site",
            "severity": "notice",
        },
        {
            "path": f"{E}/2024-10-30-x.md",
            "line": 1,
            "column": 1,
            "field": "file name",
            "message": "the file name says 2024-10-30 but the date is 2024-10-31; "
            f"rename it to {E}/2024-10-31-x.md",
            "severity": "warning",
        },
        {
            "path": f"{E}/2024-10-31-a.md",
            "line": 3,
            "column": 7,
            "field": "date",
            "message": "'2024-02-30' is not a date (February 2024 has 29 days); "
            "write e.g. 2024-02-29, or 2024-02, 2024 or 2024-02-29T14:30-04:00",
            "severity": "error",
        },
    ]


@pytest.mark.e2e
def test_the_installed_command_runs_as_a_program(site):
    """The `timeline` entry point itself, as CI and pre-commit run it."""
    site.event("2024/2024-10-31-a.md", date="2024-13")
    command = [os.path.join(os.path.dirname(sys.executable), "timeline"), "check"]
    result = subprocess.run(command, cwd=site.root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{E}/2024-10-31-a.md:3:7: date: '2024-13' is not a date")
    assert result.stdout.endswith("\ntimeline: 0 events published, 0 drafts, 1 invalid\n")
    assert result.stderr == ""
