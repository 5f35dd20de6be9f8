"""The parts of `timeline links` that need no server: the pacing per host, Retry-After, which
addresses are refused, verdicts, the cache and its ages, the order of work, the progress bar."""

from __future__ import annotations

import io
import json

import pytest

from timeline.cli.link_cache import LinkCache, parse_age
from timeline.cli.link_check import (
    Checker,
    HostPacer,
    Outcome,
    Refused,
    Settings,
    public_addresses,
    retry_after,
    verdict,
)
from timeline.cli.link_pool import Progress, by_host_in_turn


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def test_requests_to_one_host_take_the_next_free_slot_each():
    clock = FakeClock()
    pacer = HostPacer(1.0, clock, clock.sleep)
    for _ in range(3):
        pacer.wait("a.example:")
    pacer.wait("b.example:")
    assert clock.slept == [1.0, 2.0], "the first request to a host never waits"


def test_a_pause_asked_for_by_a_server_holds_back_that_host():
    clock = FakeClock()
    pacer = HostPacer(0.0, clock, clock.sleep)
    pacer.hold("a.example:", 5.0)
    pacer.wait("a.example:")
    pacer.wait("b.example:")
    assert clock.slept == [5.0]


def test_retry_after_in_seconds_or_as_a_date():
    assert retry_after("0") == 0.0
    assert retry_after(" 120 ") == 120.0
    now = 1730332800.0  # Thu, 31 Oct 2024 00:00:00 GMT
    assert retry_after("Thu, 31 Oct 2024 00:00:30 GMT", lambda: now) == 30.0
    assert retry_after("Wed, 30 Oct 2024 00:00:00 GMT", lambda: now) == 0.0
    assert retry_after("soon") is None
    assert retry_after(None) is None


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "0.0.0.0"]
)
def test_local_and_private_addresses_are_refused(address):
    with pytest.raises(Refused, match="local or private address"):
        public_addresses(address, 80, allow_private=False)
    assert public_addresses(address, 80, allow_private=True) == [address]


@pytest.mark.parametrize(
    "url, why",
    [
        ("mailto:someone@example.org", "not an http(s) link"),
        ("https:///no-host", "not an http(s) link"),
        ("http://[::1/x", "not a valid link"),
        ("https://example.org:99999/x", "not a valid link"),
        ("https://example.org:port/x", "not a valid link"),
    ],
)
def test_what_is_not_a_web_link_is_not_asked(url, why):
    checker = Checker(Settings(timeout=0.1, host_delay=0))
    outcome = checker.check(url)
    assert outcome.kind == "skipped" and why in outcome.detail
    assert by_host_in_turn([url, url]) == [url, url]


def test_a_public_address_is_asked():
    assert public_addresses("93.184.215.14", 443, allow_private=False) == ["93.184.215.14"]


@pytest.mark.parametrize(
    "status, permanent, kind, detail",
    [
        (200, "", "ok", "200 OK"),
        (204, "301 Moved Permanently", "moved", "301 Moved Permanently"),
        (404, "", "dead", "404 Not Found"),
        (410, "308 Permanent Redirect", "dead", "410 Gone at https://b.example/"),
        (401, "", "unknown", "401 Unauthorized"),
        (500, "", "unknown", "500 Internal Server Error"),
    ],
)
def test_verdict_of_the_last_answer(status, permanent, kind, detail):
    from http import HTTPStatus

    reason = HTTPStatus(status).phrase
    final = "https://a.example/" if not permanent else "https://b.example/"
    outcome = verdict(status, reason, final, "https://a.example/", permanent)
    assert (outcome.kind, outcome.detail) == (kind, detail)


def test_the_cache_trusts_a_verdict_until_max_age():
    clock = FakeClock()
    cache = LinkCache(None, max_age=3600, now=clock)
    cache.remember("https://a.example/", Outcome("dead", "404 Not Found", "https://a.example/"))
    cache.remember("https://b.example/", Outcome("unknown", "rate limited"))
    clock.now += 3600
    assert cache.outcome("https://a.example/") == Outcome(
        "dead", "404 Not Found", "https://a.example/"
    )
    assert cache.outcome("https://b.example/") is None, "no verdict, nothing kept"
    clock.now += 1
    assert cache.outcome("https://a.example/") is None


def test_the_cache_file_round_trips_sorted_and_drops_what_is_stale(tmp_path):
    path = str(tmp_path / "cache.json")
    clock = FakeClock()
    cache = LinkCache(path, max_age=60, now=clock)
    cache.remember("https://z.example/", Outcome("ok", "200 OK", "https://z.example/"))
    cache.remember("https://a.example/", Outcome("moved", "301", "https://b.example/"))
    cache.remember_snapshot("https://api/?url=x", None)
    cache.save()
    data = json.loads(open(path, encoding="utf-8").read())
    assert list(data["links"]) == ["https://a.example/", "https://z.example/"]
    assert data["snapshots"] == {
        "https://api/?url=x": {"checked": "1970-01-01T00:01:40Z", "snapshot": None}
    }
    clock.now += 30
    again = LinkCache(path, max_age=60, now=clock)
    assert again.outcome("https://a.example/") == Outcome("moved", "301", "https://b.example/")
    assert again.snapshot("https://api/?url=x") == (True, None)
    clock.now += 60
    again.remember("https://new.example/", Outcome("ok", "200 OK"))
    again.save()
    assert list(json.loads(open(path, encoding="utf-8").read())["links"]) == [
        "https://new.example/"
    ]


@pytest.mark.parametrize("text", ["not json", '{"version": 99}', "[1, 2]"])
def test_an_unreadable_cache_is_ignored_and_said_so(tmp_path, text):
    path = tmp_path / "cache.json"
    path.write_text(text, encoding="utf-8")
    cache = LinkCache(str(path), max_age=60)
    assert cache.links == {} and "not used" in cache.note


def test_ages():
    assert parse_age("1d") == 86400
    assert parse_age("12h") == 43200
    assert parse_age("30m") == 1800
    assert parse_age("90") == parse_age("90s") == 90
    for bad in ("", "soon", "-1h", "nan"):
        with pytest.raises(ValueError):
            parse_age(bad)


def test_work_takes_one_host_at_a_time_in_turn():
    urls = ["https://a.example/1", "https://a.example/2", "https://a.example/3"]
    urls += ["https://b.example/1", "http://c.example:8080/1", "https://b.example/2"]
    assert by_host_in_turn(urls) == [
        "https://a.example/1",
        "https://b.example/1",
        "http://c.example:8080/1",
        "https://a.example/2",
        "https://b.example/2",
        "https://a.example/3",
    ]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_nothing_elsewhere():
    terminal = Terminal()
    progress = Progress(terminal)
    progress.start("checking links", 4)
    for _ in range(4):
        progress.step()
    progress.done()
    text = terminal.getvalue()
    assert "\rchecking links [" + "#" * 15 + "." * 15 + "] 2/4" in text
    assert text.endswith("] 4/4\r\x1b[K")
    log = io.StringIO()
    progress = Progress(log)
    progress.start("checking links", 4)
    progress.step()
    progress.done()
    assert log.getvalue() == ""
