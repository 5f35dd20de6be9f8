"""End to end: the real `mkdocs build` (and `mkdocs serve`) publishes every export, advertises
the feeds in every page, dates feeds from git, and gives the same bytes twice."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from posixpath import normpath
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from conftest import MKDOCS
from exportcase import HOSTILE, quoted
from htmlparse import parse
from icalendar import Calendar
from jsonfeed_spec import FEED
from jsonschema import Draft202012Validator
from test_history import Repo
from timelinejs_format import TIMELINE

from timeline.exports import SITE_URL_MISSING, schema

pytestmark = pytest.mark.e2e

EXPORTS = (
    "feed.xml",
    "feed.json",
    "timeline.json",
    "timeline.ics",
    "timeline.csv",
    "timelinejs.json",
    "schema/timeline.json",
)


def hostile_site(site):
    site.event(
        "2024/2024-10-31-hostile.md",
        title=quoted(HOSTILE),
        actors="[north-korea, russia]",
        extra="location: Kursk",
    )
    site.event("2024/2024-10-month.md", title="Month only", date="2024-10")
    site.event("2024/2024-06-19-treaty.md", title="Treaty", date="2024-06-19")
    return site


def read(site, path: str) -> bytes:
    return (site.root / "site" / path).read_bytes()


def test_every_export_is_published_and_parses_with_the_hostile_title_intact(site):
    result = hostile_site(site).build(strict=True)
    assert result.returncode == 0, result.stdout

    atom = feedparser.parse(read(site, "feed.xml"))
    assert not atom.bozo and HOSTILE in [e.title for e in atom.entries]

    feed = json.loads(read(site, "feed.json"))
    validator = Draft202012Validator(FEED, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(feed)) == []
    assert HOSTILE in [item["title"] for item in feed["items"]]

    data = json.loads(read(site, "timeline.json"))
    published_schema = json.loads(read(site, "schema/timeline.json"))
    assert published_schema == schema.SCHEMA
    checker = Draft202012Validator.FORMAT_CHECKER
    assert (
        list(Draft202012Validator(published_schema, format_checker=checker).iter_errors(data)) == []
    )
    assert [e["title"] for e in data["events"]] == ["Treaty", "Month only", HOSTILE]

    calendar = Calendar.from_ical(read(site, "timeline.ics"))
    assert [c.errors for c in calendar.walk()] == [[]] * len(calendar.walk())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Treaty", HOSTILE]

    rows = list(csv.DictReader(io.StringIO(read(site, "timeline.csv").decode("utf-8-sig"))))
    assert [r["title"] for r in rows] == ["Treaty", "Month only", HOSTILE]
    assert rows[2]["url"] == "https://example.org/test/events/2024/2024-10-31-hostile/"

    timelinejs = json.loads(read(site, "timelinejs.json"))
    assert list(Draft202012Validator(TIMELINE).iter_errors(timelinejs)) == []

    for path in ("feed.json", "timeline.json", "timelinejs.json"):
        assert b"<script" not in read(site, path)
    assert b"<script" not in read(site, "feed.xml")


def test_every_page_advertises_both_feeds_with_links_that_resolve(one_event_site):
    site = one_event_site  # built once, shared (conftest)
    for page in ("", "timeline/", "actors/north-korea/", "events/2024/2024-10-31-a/"):
        head = parse(site.html(page)).find("head")
        links = head.find_all("link", rel="alternate")
        found = {link.attrs["type"]: link.attrs["href"] for link in links}
        assert set(found) == {"application/atom+xml", "application/feed+json"}, page
        for media_type, target in (
            ("application/atom+xml", "/feed.xml"),
            ("application/feed+json", "/feed.json"),
        ):
            resolved = urlsplit(urljoin(f"http://h/{page}", found[media_type])).path
            assert normpath(resolved) == target, (page, found)
        assert links[0].attrs["title"] == "Test timeline (Atom)"


def test_two_builds_give_byte_identical_exports(site):
    hostile_site(site)
    assert site.build().returncode == 0
    first = {path: read(site, path) for path in EXPORTS}
    assert site.build(fresh=True).returncode == 0  # another process: another hash seed
    assert {path: read(site, path) for path in EXPORTS} == first


def test_feeds_are_dated_by_the_commit_that_added_each_file(site):
    repo = Repo(site.root)
    site.event("2024/2024-06-19-old.md", title="Old news", date="2024-06-19")
    repo.commit("2024-11-20T09:30:00Z")
    site.event("2024/2024-10-31-new.md", title="Uncommitted", date="2024-10-31")
    site.event(
        "2024/2024-10-01-dated.md", title="Dated", date="2024-10-01", extra="added: 2024-12-24"
    )
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout
    entries = {e.title: e.published for e in feedparser.parse(read(site, "feed.xml")).entries}
    assert entries == {
        "Dated": "2024-12-24T00:00:00Z",
        "Old news": "2024-11-20T09:30:00Z",
        "Uncommitted": "2024-10-31T00:00:00Z",
    }
    status = subprocess.run(
        ["git", "status", "--porcelain", "--", "content/events"],
        cwd=site.root,
        capture_output=True,
        text=True,
        check=True,
    )
    assert status.stdout.splitlines() == [
        "?? content/events/2024/2024-10-01-dated.md",
        "?? content/events/2024/2024-10-31-new.md",
    ]


def test_without_site_url_a_warning_once_and_relative_links(site):
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://example.org/test/\n", ""))
    site.event("2024/2024-10-31-a.md", title="An event")
    result = site.build()
    assert result.returncode == 0, result.stdout
    assert result.stdout.count(SITE_URL_MISSING) == 1
    feed = json.loads(read(site, "feed.json"))
    assert feed["items"][0]["url"] == "events/2024/2024-10-31-a/"
    atom = feedparser.parse(read(site, "feed.xml"))
    assert not atom.bozo and atom.entries[0].id.startswith("urn:uuid:")
    strict = site.build(strict=True)
    assert strict.returncode != 0 and SITE_URL_MISSING in strict.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_mkdocs_serve_serves_the_exports(site):
    site.event("2024/2024-10-31-a.md", title="Served event")
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=site.root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # serve mounts the site at site_url's path and makes site_url its own address
        base = f"http://127.0.0.1:{port}/test/"
        deadline = time.monotonic() + 120
        body = None
        while body is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(base + "feed.xml", timeout=5) as response:
                    body = response.read()
            except urllib.error.HTTPError:
                raise
            except OSError:  # not listening yet
                assert server.poll() is None, "mkdocs serve stopped"
                time.sleep(0.5)
        assert body is not None, "mkdocs serve did not answer"
        feed = feedparser.parse(body)
        assert [e.title for e in feed.entries] == ["Served event"]
        assert feed.entries[0].link == base + "events/2024/2024-10-31-a/"
        with urllib.request.urlopen(base + "schema/timeline.json", timeout=5) as r:
            assert json.loads(r.read()) == schema.SCHEMA
    finally:
        server.terminate()
        server.wait(timeout=30)
