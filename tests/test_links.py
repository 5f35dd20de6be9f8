"""`timeline links` against a local web server (tests/linkserver.py), never the internet: each
answer a link can get, reported at its path:line:column; HEAD then GET; redirects; retries; the
cache; the bounds on concurrency and on the rate per host; and `--archive` writing one line."""

from __future__ import annotations

import json
import time
from pathlib import Path

import linkserver
import pytest
from conftest import entry

from timeline.cli import links as links_module
from timeline.cli import main
from timeline.cli.link_check import Checker, Outcome, Settings

pytestmark = pytest.mark.e2e

E = "content/events/2024"
TIMEOUT = "1"  # short, yet long enough for a loaded machine to answer the quick paths


@pytest.fixture
def server():
    made, thread = linkserver.start()
    yield made
    made.shutdown()
    made.server_close()
    thread.join(5)


@pytest.fixture
def links(site, server, monkeypatch, capsys, tmp_path):
    """Run `timeline links ARGS` in the site's folder against the local server, without
    a rate limit unless asked: (exit status, stdout, stderr)."""
    monkeypatch.chdir(site.root)

    def run(*args: str, private: bool = True) -> tuple[int, str, str]:
        options = [
            "--timeout",
            TIMEOUT,
            "--host-delay",
            "0",
            "--cache",
            str(tmp_path / "links-cache.json"),
            "--archive-api",
            server.url("/wayback/available"),
        ]
        status = main(["links", *options, *(["--allow-private"] if private else []), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def sources(server, *paths: str, extra: str = "") -> str:
    """A `sources:` list, one source per path on the local server; each url on its own line:
    the url of source i is on line 8 + 2i at column 10 (see conftest.entry)."""
    return "\n" + "".join(
        f"  - publisher: P{i}\n    url: {server.url(path)}\n{extra}" for i, path in enumerate(paths)
    )


PATHS = [
    "/ok",
    "/old",
    "/temporary",
    "/missing",
    "/gone",
    "/busy-once",
    "/busy",
    "/slow",
    "/no-head",
    "/old-then-missing",
    "/loop",
    "/to-file",
]


def test_each_answer_is_reported_at_its_link_with_its_verdict(site, server, links):
    site.event("2024/2024-10-31-links.md", sources=sources(server, *PATHS))
    status, out, err = links()
    u = server.url
    at = [f"{E}/2024-10-31-links.md:{8 + 2 * i}:10: sources[{i}].url: " for i in range(12)]
    assert out.splitlines() == [
        at[1] + f"{u('/old')} has moved to {u('/ok/new')} (301 Moved Permanently); update the link",
        at[3] + f"{u('/missing')} is dead (404 Not Found); replace it, or add an archived copy "
        "(timeline links --archive)",
        at[4] + f"{u('/gone')} is dead (410 Gone); replace it, or add an archived copy "
        "(timeline links --archive)",
        at[6] + f"{u('/busy')}: unknown (rate limited: 429 Too Many Requests)",
        at[7] + f"{u('/slow')} is dead (no answer within 1 s); replace it, or add an "
        "archived copy (timeline links --archive)",
        at[9] + f"{u('/old-then-missing')} is dead (404 Not Found at {u('/missing')}); "
        "replace it, or add an archived copy (timeline links --archive)",
        at[10] + f"{u('/loop')} is dead (more than 10 redirects); replace it, or add an "
        "archived copy (timeline links --archive)",
        at[11] + f"{u('/to-file')} is dead (redirects to a non-http(s) address "
        "file:///etc/passwd); replace it, or add an archived copy (timeline links --archive)",
    ]
    assert status == 1
    assert err == (
        "timeline links: 12 links (12 asked, 0 from the cache): 4 ok, 1 moved, 6 dead, 1 unknown\n"
    ), "one summary line when standard error is not a terminal"


def test_a_refused_head_is_asked_again_with_get(site, server, links):
    site.event("2024/2024-10-31-links.md", sources=sources(server, "/no-head"))
    status, out, _ = links()
    assert (status, out) == (0, "")
    assert [(r.method, r.path) for r in server.record.requests][:2] == [
        ("HEAD", "/no-head"),
        ("GET", "/no-head"),
    ]


def test_redirects_are_followed_to_the_final_address(site, server, links):
    site.event("2024/2024-10-31-links.md", sources=sources(server, "/old", "/temporary"))
    status, out, _ = links()
    assert status == 0
    assert f"has moved to {server.url('/ok/new')}" in out
    assert "/temporary" not in out, "a temporary redirect to a good page is a good link"
    assert sorted(server.record.paths("HEAD")) == ["/ok/elsewhere", "/ok/new", "/old", "/temporary"]


def test_rate_limited_links_are_retried_after_the_servers_retry_after(site, server, links):
    site.event("2024/2024-10-31-links.md", sources=sources(server, "/busy-once", "/busy"))
    status, out, _ = links("--retries", "2")
    assert status == 0
    assert server.record.paths().count("/busy-once") == 2  # 429, then 200
    assert server.record.paths().count("/busy") == 3  # 429 three times: unknown
    assert out.endswith(
        "sources[1].url: " + server.url("/busy") + ": unknown (rate limited: "
        "429 Too Many Requests)\n"
    )
    assert "busy-once" not in out


def test_a_rerun_within_max_age_asks_nothing_again(site, server, links, tmp_path):
    site.event("2024/2024-10-31-a.md", sources=sources(server, "/ok", "/old", "/missing"))
    site.event("2024/2024-10-30-b.md", sources=sources(server, "/ok", "/gone"))
    first = links()
    assert len(server.record.requests) == 5  # /ok once for both files, /old then /ok/new
    server.record.requests.clear()
    second = links()
    assert server.record.requests == []
    assert second[:2] == first[:2]
    assert "(0 asked, 4 from the cache)" in second[2]
    cache = json.loads((tmp_path / "links-cache.json").read_text(encoding="utf-8"))
    assert cache["version"] == 1
    assert cache["links"][server.url("/missing")]["kind"] == "dead"
    links("--max-age", "0")
    assert len(server.record.requests) == 5, "--max-age 0 asks everything again"


def test_output_is_in_file_then_line_order(site, server, links):
    site.event("2024/2024-10-31-b.md", sources=sources(server, "/gone", "/missing"))
    site.event("2024/2024-10-30-a.md", sources=sources(server, "/missing"))
    _, out, _ = links("--concurrency", "3")
    assert [line.split(": ")[0] for line in out.splitlines()] == [
        f"{E}/2024-10-30-a.md:8:10",
        f"{E}/2024-10-31-b.md:8:10",
        f"{E}/2024-10-31-b.md:10:10",
    ]


def test_no_more_requests_at_once_than_the_concurrency(site, server, links):
    paths = [f"/hold/{i}" for i in range(12)]
    site.event("2024/2024-10-31-links.md", sources=sources(server, *paths))
    assert links("--concurrency", "3")[0] == 0
    assert len(server.record.requests) == 12
    assert 2 <= server.record.peak <= 3


def test_requests_to_one_host_are_spaced_by_the_host_delay(site, server, links):
    site.event("2024/2024-10-31-links.md", sources=sources(server, *[f"/ok/{i}" for i in range(4)]))
    start = time.monotonic()
    assert links("--concurrency", "4", "--host-delay", "0.25")[0] == 0
    times = sorted(r.at for r in server.record.requests)
    assert len(times) == 4
    # the k-th request cannot reach the server before k delays have passed (a bound that the
    # scheduling of threads on a busy machine can only make later, never earlier)
    assert all(at - start >= 0.25 * k for k, at in enumerate(times)), [t - start for t in times]


def test_a_server_answering_a_byte_at_a_time_is_cut_off_at_the_deadline(server):
    # each byte comes 0.1 s after the last, for 10 s: every read is quick, the whole is not. A
    # timeout of 1 s leaves the server's thread room to send its first byte on a busy machine
    # (0.3 s once did not, under the parallel tests), so the cut is the deadline's: 3 timeouts
    checker = Checker(Settings(timeout=1.0, host_delay=0, allow_private=True))
    start = time.monotonic()
    outcome = checker.check(server.url("/drip"))
    assert time.monotonic() - start < 6.0
    assert outcome == Outcome("dead", "no complete answer within 3 s", server.url("/drip"))


def test_requests_name_the_tool(site, server, links):
    site.event("2024/2024-10-31-links.md", sources=sources(server, "/ok"))
    links()
    (request,) = server.record.requests
    assert request.user_agent.startswith("timeline-links/")


def test_private_addresses_are_not_asked_unless_allowed(site, server, links):
    site.event("2024/2024-10-31-links.md", sources=sources(server, "/missing"))
    status, out, _ = links(private=False)
    assert status == 0 and server.record.requests == []
    assert out == (
        f"{E}/2024-10-31-links.md:8:10: sources[0].url: {server.url('/missing')}: not checked: "
        "127.0.0.1 is a local or private address (127.0.0.1); not asked (--allow-private asks "
        "such hosts)\n"
    )


def test_links_other_than_http_are_not_asked(site, server, links):
    site.event("2024/2024-10-31-links.md", sources="\n  - publisher: P\n    url: ftp://x/y\n")
    status, out, _ = links()
    assert status == 0 and server.record.requests == []
    assert out.endswith("sources[0].url: ftp://x/y: not checked: not an http(s) link\n")


def test_github_and_json_formats(site, server, links):
    site.event("2024/2024-10-31-links.md", sources=sources(server, "/old", "/missing"))
    _, out, _ = links("--format", "github")
    lines = out.splitlines()
    assert lines[0].startswith(f"::warning file={E}/2024-10-31-links.md,line=8,col=10,")
    assert lines[1].startswith(f"::error file={E}/2024-10-31-links.md,line=10,col=10,")
    _, out, _ = links("--format", "json")
    report = json.loads(out)
    assert [(p["line"], p["field"], p["severity"]) for p in report["problems"]] == [
        (8, "sources[0].url", "warning"),
        (10, "sources[1].url", "error"),
    ]
    assert report["summary"]["moved"] == 1 and report["summary"]["dead"] == 1


# --- --archive ----------------------------------------------------------------------------------

ARCHIVE_ENTRY = (
    "---\r\n"
    "# an entry written on Windows, with comments and quotes\r\n"
    'title: "Seoul says troops moved"   # keep this comment\r\n'
    "date: 2024-10-31\r\n"
    "actors: [north-korea]\r\n"
    "summary: >\r\n"
    "  Something happened.\r\n"
    "sources:\r\n"
    "  - publisher: 'Gone Daily'\r\n"
    "    url: {missing}   # dead since November\r\n"
    "    published: 31 October 2024\r\n"
    "  -   url: {ok}\r\n"
    "      publisher: Still Here\r\n"
    "---\r\n"
    "\r\n"
    "Body text.\r\n"
)


def test_archive_writes_one_line_into_the_file_and_changes_nothing_else(site, server, links):
    text = ARCHIVE_ENTRY.format(missing=server.url("/missing"), ok=server.url("/ok"))
    path = site.write("events/2024/2024-10-31-links.md", text.encode("utf-8"))
    before = path.read_bytes()
    status, out, err = links("--archive")
    after = path.read_bytes()
    snapshot = f"https://web.archive.org/web/20241031000000/{server.url('/missing')}"
    inserted = f"    archived: {snapshot}\r\n".encode()
    lines = before.splitlines(keepends=True)
    assert after == b"".join(lines[:10]) + inserted + b"".join(lines[10:])
    assert status == 0, "a dead link with an archived copy fails nothing"
    assert out == (
        f"{E}/2024-10-31-links.md:10:10: sources[0].url: {server.url('/missing')} is dead "
        f"(404 Not Found); archived copy added: {snapshot}\n"
    )
    assert "1 archived copy written" in err
    (query,) = [p for p in server.record.paths() if p.startswith("/wayback/")]
    assert "timestamp=20241031" in query
    # a second run knows the archived copy and asks the archive nothing
    server.record.requests.clear()
    status, out, _ = links("--archive")
    assert status == 0 and server.record.requests == []
    assert out.endswith("is dead (404 Not Found); readers get its archived copy\n")
    assert path.read_bytes() == after


def test_archive_leaves_a_source_on_one_line_for_the_contributor(site, server, links):
    missing = server.url("/missing")
    text = entry(sources=f"\n  - {{publisher: P, url: '{missing}'}}\n")
    path = site.write("events/2024/2024-10-31-links.md", text)
    status, out, _ = links("--archive")
    assert path.read_text(encoding="utf-8") == text
    assert status == 1
    assert "add `archived: https://web.archive.org/web/" in out
    assert "the source is written on one line" in out


def test_archive_writes_no_address_but_http(site, server, links):
    path = site.event(
        "2024/2024-10-31-links.md",
        sources=sources(server, "/missing?hostile-archive", "/missing?never-archived"),
    )
    before = path.read_bytes()
    status, out, _ = links("--archive")
    assert path.read_bytes() == before
    assert status == 1
    assert out.count("; the Wayback Machine has no snapshot of it\n") == 2


def test_archive_api_can_be_set_by_the_environment(site, server, links, monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_ARCHIVE_API", server.url("/wayback/available"))
    path = site.event("2024/2024-10-31-links.md", sources=sources(server, "/gone"))
    status = main(["links", "--allow-private", "--host-delay", "0", "--cache", "", "--archive"])
    assert status == 0
    assert "archived: https://web.archive.org/web/" in path.read_text(encoding="utf-8")
    assert not Path(".timeline-links.json").exists(), "--cache '' writes no file"


def test_a_file_edited_while_its_links_were_checked_is_not_written(
    site, server, links, monkeypatch
):
    path = site.event("2024/2024-10-31-links.md", sources=sources(server, "/missing"))
    checked = links_module.check_links

    def check_then_edit(*args, **kwargs):
        result = checked(*args, **kwargs)
        path.write_text(path.read_text(encoding="utf-8") + "Edited meanwhile.\n", "utf-8")
        return result

    monkeypatch.setattr(links_module, "check_links", check_then_edit)
    status, out, _ = links("--archive")
    edited = path.read_bytes()
    assert edited.endswith(b"Edited meanwhile.\n") and b"archived:" not in edited
    assert status == 1
    assert "by hand (the file changed while the links were checked; run again)" in out


def test_entries_that_cannot_be_read_are_counted_and_left_to_timeline_check(site, server, links):
    site.write("events/2024/2024-10-31-broken.md", "---\ntitle: [\n---\n")
    site.event("2024/2024-10-30-good.md", sources=sources(server, "/ok"))
    status, out, err = links()
    assert (status, out) == (0, "")
    assert err == (
        "timeline links: 1 link (1 asked, 0 from the cache): 1 ok; 1 file not read "
        "(see timeline check)\n"
    )
