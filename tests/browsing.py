"""What the browser tests share (Debian's Chromium through Playwright): a served sample site,
the browser, a visit that fails the test on any page error, and helpers. Every fixture here is
per module: its server threads end with the module, so a later module in the same process can
fork safely (timeline/parallel.py forks only in a process of one thread)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EPOCH, MKDOCS, ROOT
from htmlparse import parse
from playwright.sync_api import Page, sync_playwright
from sample_site import write_sample_site

from bench.filter import CHROMIUM, CHROMIUM_ARGS  # one launch recipe (docs/testing.md)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ACTOR = "kim-jong-un"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(directory: Path) -> Iterator[str]:
    """`directory` served on 127.0.0.1 (a port of its own, bound at once, so that a site can be
    built with its address; the folder may not exist yet): its base URL, until the block ends."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An HTTP server on 127.0.0.1 for the built site; bound first, because mkdocs-material's
    instant navigation only follows links whose URL (with the port) is in the sitemap, which
    comes from site_url."""

    root = tmp_path_factory.mktemp("browser") / "site"
    with served(root / "site") as url:
        yield root, url


@pytest.fixture(scope="module")
def built(server) -> Path:
    """The sample site (50 events), large enough for year pages: the main page lists the 15
    latest events and links /timeline/2024/ and /timeline/2025/."""
    root, url = server
    site = write_sample_site(root, year_pages_after=40, main_page_events=15, site_url=url)
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout
    return root / "site"


@pytest.fixture(scope="module")
def base_url(server, built) -> str:
    return server[1]


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "install Debian's chromium (make browser-deps)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Visit:
    """A browser page that records every request and every console error."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(**options)
        self.context.set_default_timeout(10_000)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page: Page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on(
            "response",
            lambda r: self.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
        )
        self.page.on(
            "console",
            lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None,
        )


@pytest.fixture
def visit(browser):
    """Open pages with `visit(...)`; after the test, no page may have logged an error."""
    opened: list[Visit] = []

    def open_visit(**options) -> Visit:
        opened.append(Visit(browser, **options))
        return opened[-1]

    yield open_visit
    errors = [error for v in opened for error in v.errors]
    for v in opened:
        v.context.close()
    assert errors == [], errors


@pytest.fixture
def page(visit) -> Page:
    return visit(viewport={"width": 1280, "height": 900}).page


def shown_titles(page: Page) -> list[str]:
    """Titles of the events not hidden by the filters. (Not Playwright's `:visible`: months off
    screen are skipped by `content-visibility: auto` until scrolled to, yet are on the page.)"""
    return page.locator("li.tl-event").evaluate_all(
        SHOWN + "; return lis.filter(shown).map(li => li.querySelector('h4').textContent.trim()) }"
    )


SHOWN = "lis => { const shown = el => !el.closest('[hidden]')"


def built_items(built: Path, path: str):
    """The event items of a built page, as the HTML has them (independent of the script)."""
    return parse((built / path / "index.html").read_text()).find_all("li", cls="tl-event")


def axe_violations(page: Page) -> list[tuple[str, str, list]]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        (v["id"], v["impact"], [(n["target"], n["failureSummary"]) for n in v["nodes"]][:3])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def open_filters(page: Page) -> None:
    """On a phone the filters are folded under a button: unfold them."""
    toggle = page.locator("[data-tl-toggle]")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()


def open_search(page: Page, query: str) -> None:
    button = page.locator("label.md-header__button[for=__search]")
    (button if button.is_visible() else page.locator("input.md-search__input")).click()
    page.locator("input.md-search__input").press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for()


# --- what a reader depends on: geometry, landing, live counts, history ------------------------


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    """The repository's own site (content/, 48 real events with their real lengths), built and
    served: the first screen is measured on what readers get, not on short generated text."""

    out = tmp_path_factory.mktemp("real") / "site"
    with served(out) as url:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
        result = subprocess.run(
            [*MKDOCS, "build", "--strict", "--site-dir", str(out)],
            cwd=ROOT, env={**env, "SITE_URL": url}, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        yield url


def header_bottom(page: Page) -> float:
    return page.locator("header.md-header").evaluate("h => h.getBoundingClientRect().bottom")
