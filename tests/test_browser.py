"""In a real browser (Debian's Chromium through Playwright): filters, the URL state, instant
navigation, the page without JavaScript, the overview's links, requests, console errors and
accessibility (axe-core). One realistic site is built per session and served on 127.0.0.1. Last,
the contributor's preview: under the real `mkdocs serve` every page shows the content's problems
(copied by the script from their one page), linked to the files in the repository, until they
are fixed."""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import EPOCH, MKDOCS, ROOT
from htmlparse import parse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect, sync_playwright
from sample_site import built_in, write_sample_site
from test_serve import Server

from bench.filter import CHROMIUM, CHROMIUM_ARGS  # one launch recipe (docs/testing.md)

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ACTOR = "kim-jong-un"


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """An HTTP server on 127.0.0.1 for the built site; bound first, because mkdocs-material's
    instant navigation only follows links whose URL (with the port) is in the sitemap, which
    comes from site_url."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    root = tmp_path_factory.mktemp("browser") / "site"
    served = root / "site"
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(served))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def built(server) -> Path:
    """The sample site (50 events), large enough for year pages: the main page lists the 15
    latest events and links /timeline/2024/ and /timeline/2025/."""
    root, url = server
    site = write_sample_site(root, year_pages_after=40, main_page_events=15, site_url=url)
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout
    return root / "site"


@pytest.fixture(scope="session")
def base_url(server, built) -> str:
    return server[1]


@pytest.fixture(scope="session")
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


def test_timeline_renders_in_order(page, base_url, built):
    page.goto(base_url + "timeline/2024/")
    items = built_items(built, "timeline/2024")
    assert len(items) == 30
    dates = page.locator("li.tl-event time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates == [li.find("time").attrs["datetime"] for li in items]
    starts = [d[:10] for d in dates]
    assert starts == sorted(starts, key=lambda d: d.ljust(10, "-"))  # a year before its months
    assert page.locator("[data-tl-count]").inner_text() == "30 events."
    assert page.locator("form[data-tl-filters]").is_visible()


def test_choosing_an_actor_filters_the_list_and_updates_the_url(page, base_url, built):
    page.goto(base_url + "timeline/2024/")
    page.select_option("#tl-filter-actor", ACTOR)
    expected = [
        li.find("h4").text()
        for li in built_items(built, "timeline/2024")
        if ACTOR in li.attrs["data-actors"].split()
    ]
    assert 0 < len(expected) < 30
    assert shown_titles(page) == expected
    assert parse_qs(urlsplit(page.url).query) == {"actor": [ACTOR]}
    count = page.locator("[data-tl-count]").inner_text()
    assert count == f"Showing {len(expected)} of 30 events."
    # months without a matching event are hidden, and their bars dimmed
    for section in page.locator("section.tl-month").all():
        visible = section.locator("li.tl-event").evaluate_all(
            SHOWN + "; return lis.filter(shown).length }"
        )
        assert section.evaluate("s => !s.hidden") == (visible > 0)
        month = section.get_attribute("id")
        bar = page.locator(f'a.tl-bar[data-month="{month}"]')
        if bar.count():
            assert ("tl-bar--dim" in bar.get_attribute("class")) == (visible == 0)
    # several filters at once
    page.select_option("#tl-filter-status", "reported")
    both = [
        li.find("h4").text()
        for li in built_items(built, "timeline/2024")
        if ACTOR in li.attrs["data-actors"].split() and li.attrs["data-status"] == "reported"
    ]
    assert shown_titles(page) == both
    assert parse_qs(urlsplit(page.url).query) == {"actor": [ACTOR], "status": ["reported"]}


def test_a_tag_with_spaces_filters_too(page, base_url, built):
    page.goto(base_url + "timeline/2024/")
    page.select_option("#tl-filter-tag", "prisoners of war")
    expected = [
        li.find("h4").text()
        for li in built_items(built, "timeline/2024")
        if "prisoners of war" in json.loads(li.attrs.get("data-tags", "[]"))
    ]
    assert expected and shown_titles(page) == expected
    assert "tag=prisoners+of+war" in page.url


def test_reloading_the_url_restores_the_filter(page, base_url):
    page.goto(base_url + f"timeline/2024/?actor={ACTOR}&order=newest")
    assert page.locator("#tl-filter-actor").input_value() == ACTOR
    assert page.locator("input[name=order][value=newest]").is_checked()
    filtered = shown_titles(page)
    page.reload()
    assert page.locator("#tl-filter-actor").input_value() == ACTOR
    assert shown_titles(page) == filtered
    page.goto(base_url + "timeline/2024/")
    oldest_first = [t for t in shown_titles(page) if t in filtered]
    assert filtered == list(reversed(oldest_first))


def test_order_toggle_reverses_the_list_and_is_kept_in_the_url(page, base_url):
    page.goto(base_url + "timeline/2024/")
    before = shown_titles(page)
    page.check("input[name=order][value=newest]")
    assert shown_titles(page) == list(reversed(before))
    assert "order=newest" in page.url
    headings = page.locator("section.tl-month h3").evaluate_all(
        SHOWN + "; return lis.filter(shown).map(h => h.textContent) }"
    )
    assert headings[0].startswith("December") and headings[-1] == "2024: month not known"
    page.click("form[data-tl-filters] button[type=reset]")
    page.wait_for_function("() => !location.search")
    assert shown_titles(page) == before


def test_an_unknown_value_in_the_url_is_kept_and_matches_nothing(page, base_url):
    page.goto(base_url + "timeline/2024/?actor=nobody")
    assert page.locator("#tl-filter-actor").input_value() == "nobody"
    assert shown_titles(page) == []
    assert page.locator("[data-tl-empty]").is_visible()


def test_instant_navigation_to_an_event_and_back_keeps_the_filters_working(page, base_url):
    page.goto(base_url + "timeline/2024/")
    page.select_option("#tl-filter-actor", ACTOR)
    filtered = shown_titles(page)
    page.evaluate("() => { window.__sameDocument = true; }")
    page.get_by_role("link", name=filtered[0], exact=True).click()
    page.wait_for_url("**/events/**")
    assert page.locator("header.tl-header h1").inner_text() == filtered[0]
    # mkdocs-material swapped the page in place: no new document was loaded
    assert page.evaluate("() => window.__sameDocument") is True
    page.go_back()
    page.wait_for_url(f"**/timeline/2024/?actor={ACTOR}")
    page.wait_for_function(
        "() => { const f = document.querySelector('form[data-tl-filters]'); return f && !f.hidden }"
    )
    assert page.evaluate("() => window.__sameDocument") is True
    assert page.locator("#tl-filter-actor").input_value() == ACTOR
    assert shown_titles(page) == filtered
    page.select_option("#tl-filter-actor", "vladimir-putin")
    assert "actor=vladimir-putin" in page.url
    assert shown_titles(page) != filtered and shown_titles(page)
    # to another timeline page by instant navigation: the filters work there too
    page.locator("nav.tl-years a", has_text="2025").click()
    page.wait_for_url("**/timeline/2025/?actor=vladimir-putin")
    assert page.evaluate("() => window.__sameDocument") is True
    assert page.locator("#tl-filter-actor").input_value() == "vladimir-putin"
    texts = page.locator("li.tl-event").evaluate_all(
        SHOWN + "; return lis.filter(shown).map(li => li.dataset.actors) }"
    )
    assert texts and all("vladimir-putin" in t.split() for t in texts)


def test_the_page_reads_in_full_without_javascript(visit, base_url, built):
    page = visit(java_script_enabled=False, viewport={"width": 390, "height": 800}).page
    page.goto(base_url + f"timeline/2024/?actor={ACTOR}")
    assert not page.locator("form[data-tl-filters]").is_visible()
    expected = [li.find("h4").text() for li in built_items(built, "timeline/2024")]
    assert shown_titles(page) == expected
    assert page.locator("[data-tl-count]").inner_text() == "30 events."
    bar = page.locator("a.tl-bar").first
    month = bar.get_attribute("data-month")
    bar.click()
    page.wait_for_url(f"**#{month}")
    assert page.locator(f"section#{month}").is_visible()


def test_the_overview_has_one_bar_per_month_and_a_bar_lands_on_its_month(page, base_url, built):
    page.goto(base_url + "timeline/2024/")
    months = {
        section.attrs["id"]
        for section in parse((built / "timeline/2024/index.html").read_text()).find_all(
            "section", cls="tl-month"
        )
        if section.attrs["id"].startswith("month-")
    }
    bars = page.locator("a.tl-bar")
    assert sorted(bars.evaluate_all("bs => bs.map(b => b.dataset.month)")) == sorted(months)
    bar = page.get_by_role("link", name="October 2024:")
    label = bar.locator(".tl-visually-hidden").inner_text()
    count = len(page.locator("section#month-2024-10 li.tl-event").all())
    assert label.startswith(f"October 2024: {count} event")
    bar.click()
    page.wait_for_url("**#month-2024-10")
    heading = page.locator("section#month-2024-10 h3")
    expect(heading).to_be_in_viewport()
    top = heading.evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= top < 200  # scrolled to, below the sticky header


def test_main_page_links_earlier_months_to_their_year_page(page, base_url):
    page.goto(base_url + "timeline/")
    assert page.locator("li.tl-event").count() == 15
    first = page.locator("a.tl-bar").first
    assert first.evaluate("a => a.pathname + a.hash").startswith("/timeline/2024/#month-2024-")
    page.select_option("#tl-filter-actor", ACTOR)
    # months not listed on this page cannot be filtered here: their bars are dimmed
    assert "tl-bar--dim" in first.get_attribute("class")
    assert "none match the filters here" in first.inner_text()
    assert first.locator(".tl-bar__fill").evaluate("f => f.style.height") == "0%"
    first.click()
    page.wait_for_url("**/timeline/2024/#month-2024-*")
    expect(page.locator("h1")).to_have_text("Timeline: 2024")


PAGES = [
    "",
    "timeline/",
    "timeline/2024/",
    "actors/",
    "actors/kim-jong-un/",
    "actors/north-korea/",  # more events than year_pages_after: the latest and links by year
    "actors/north-korea/2024/",
    "tags/",
    "tags/prisoners-of-war/",
    "places/",
    "places/kursk-oblast/",
    "figures/",
    "figures/troops/",
]


def test_no_request_goes_to_another_host(visit, base_url, built):
    v = visit(viewport={"width": 1280, "height": 900})
    event = next((built / "events/2024").iterdir()).name
    for path in [*PAGES, f"events/2024/{event}/"]:
        v.page.goto(base_url + path)
        v.page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).hostname for url in v.requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, sorted(set(v.requests))
    assert any(url.endswith("/assets/timeline/timeline.js") for url in v.requests)
    assert any(url.endswith("/assets/timeline/favicon.svg") for url in v.requests)
    # the web fonts come from the site itself
    fonts = {url.rsplit("/", 1)[1] for url in v.requests if "/assets/timeline/fonts/" in url}
    assert fonts == {"serif-400.woff2", "serif-700.woff2", "sans-400.woff2", "sans-700.woff2"}
    # the search worker and its index were loaded too, from this host
    assert any(url.endswith("/search/search_index.json") for url in v.requests)


def axe_violations(page: Page) -> list[tuple[str, str, list]]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        (v["id"], v["impact"], [(n["target"], n["failureSummary"]) for n in v["nodes"]][:3])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_no_serious_accessibility_violations(visit, base_url, built, scheme, width):
    # colours measured at rest: the theme's transitions (a search result's highlight fades in)
    # stop under reduced motion; mid-fade, axe once read a contrast of 4.23 under load
    options = {"color_scheme": scheme, "reduced_motion": "reduce"}
    page = visit(viewport={"width": width, "height": 900}, **options).page
    event = sorted((built / "events/2024").iterdir())[2].name
    found = {}
    for path in [*PAGES, "about/", f"events/2024/{event}/"]:
        page.goto(base_url + path)
        if path.startswith("timeline/"):
            open_filters(page)
            page.select_option("#tl-filter-actor", ACTOR)  # with the form shown and in use
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    # the search dialog, open with results
    page.goto(base_url + "timeline/")
    open_search(page, "Event")
    page.mouse.move(2, 898)  # away from the results: a hovered result has another background
    if violations := axe_violations(page):
        found["search"] = violations
    assert found == {}


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


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The repository's own site (content/, 48 real events with their real lengths), built and
    served: the first screen is measured on what readers get, not on short generated text."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    out = tmp_path_factory.mktemp("real") / "site"
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(out))
    )
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "SITE_URL": url}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield url
    httpd.shutdown()
    httpd.server_close()


def header_bottom(page: Page) -> float:
    return page.locator("header.md-header").evaluate("h => h.getBoundingClientRect().bottom")


def test_the_first_screen_of_the_timeline_shows_three_events_on_a_desktop(visit, real_site):
    page = visit(viewport={"width": 1366, "height": 900}).page
    page.goto(real_site + "timeline/")
    page.wait_for_load_state("networkidle")  # the web fonts in place
    boxes = page.locator("li.tl-event").evaluate_all(
        "lis => lis.slice(0, 4).map(li => li.getBoundingClientRect().toJSON())"
    )
    inside = [b for b in boxes if b["top"] >= 0 and b["bottom"] <= 900]
    assert len(inside) >= 3, boxes
    # the standfirst and its Updated line come first
    assert page.locator(".tl-standfirst__text").is_visible()
    assert page.locator(".tl-updated").inner_text().startswith("Updated ")


def test_a_phone_shows_the_first_events_title_without_scrolling(visit, real_site):
    page = visit(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).page
    page.goto(real_site + "timeline/")
    page.wait_for_load_state("networkidle")
    title = page.locator("li.tl-event .tl-event__title").first
    box = title.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box
    # the header's title is whole (two lines, no ellipsis)
    topic = page.locator(".md-header__topic .md-ellipsis").first
    assert topic.evaluate(
        "e => e.scrollHeight <= e.clientHeight + 4 && e.scrollWidth <= e.clientWidth"
    )
    # controls a thumb can hit, with text iOS does not zoom
    open_filters(page)
    for control in page.locator("form[data-tl-filters] select, form[data-tl-filters] button").all():
        height, size = control.evaluate(
            "c => [c.getBoundingClientRect().height, parseFloat(getComputedStyle(c).fontSize)]"
        )
        assert height >= 44 and size >= 16
    # the home page leads with the key events
    page.goto(real_site)
    key = page.locator(".tl-events--key li.tl-event").first
    assert key.bounding_box()["y"] < 2 * 844


TYPE_BOXES = """() => [".tl-standfirst__text", ".tl-updated", "li.tl-event", ".tl-event__title",
  ".tl-event__summary", ".md-typeset h1", ".md-header__title"].map(s => {
  const e = document.querySelector(s); if (!e) return [s, null];
  const r = e.getBoundingClientRect(); return [s, [r.top, r.height]] })"""


@pytest.mark.parametrize(
    "path", ["timeline/", "events/2024/2024-10-17-zelensky-says-north-korea-preparing-troops/"]
)
@pytest.mark.parametrize("width, height", [(1366, 900), (390, 844)])
def test_the_web_fonts_swap_in_without_moving_the_page(
    browser, visit, real_site, path, width, height
):
    """The first frame is drawn in fallback faces drawn to the web fonts' metrics; the web fonts
    are asked for after it. Where they never arrive, the page is laid out as where they did:
    every line at the same height (a line's own width may differ a little)."""
    blocked = browser.new_context(viewport={"width": width, "height": height})
    page = blocked.new_page()
    page.route("**/*.woff2", lambda route: route.abort())
    page.goto(real_site + path)
    page.wait_for_load_state("networkidle")
    fallback = dict(page.evaluate(TYPE_BOXES))
    assert page.evaluate(
        "[...document.fonts].some(f => f.family === 'Source Serif 4' && f.status === 'error')"
    )
    blocked.close()
    v = visit(viewport={"width": width, "height": height})
    v.page.goto(real_site + path)
    v.page.wait_for_load_state("networkidle")
    assert v.page.evaluate("document.documentElement.classList.contains('tl-fonts')")
    loaded = v.page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert {"Source Serif 4", "Source Sans 3"} <= set(loaded)
    web = dict(v.page.evaluate(TYPE_BOXES))
    assert fallback.keys() == web.keys()
    for selector, box in web.items():
        if box is None:
            assert fallback[selector] is None
            continue
        # an event item's top, and each line's top and height; within an item, a line of the
        # sources may wrap one word sooner or later (the items below the first screen move)
        compared = 1 if selector == "li.tl-event" else 2
        close = [abs(a - b) <= 3 for a, b in zip(fallback[selector], box)][:compared]
        assert all(close), (selector, fallback[selector], box)


def test_without_javascript_the_web_fonts_are_asked_for_at_once(visit, real_site):
    page = visit(viewport={"width": 390, "height": 844}, java_script_enabled=False).page
    page.goto(real_site + "timeline/")
    family = page.locator(".tl-standfirst__text").evaluate("e => getComputedStyle(e).fontFamily")
    assert family.startswith('"Source Serif 4"'), family


@pytest.mark.parametrize("path", ["timeline/", "timeline/2024/"])
def test_a_first_click_on_every_bar_lands_on_its_month(visit, base_url, path):
    v = visit(viewport={"width": 1366, "height": 900})
    page = v.page
    page.goto(base_url + path)
    bars = page.locator("a.tl-bar").evaluate_all("bs => bs.map(b => b.dataset.month)")
    assert bars and "navigation.instant" in page.evaluate(
        "() => __md_scope && document.querySelector('#__config').textContent"
    )
    for month in bars:
        page.goto(base_url + path)  # a fresh load each time, clicked once the scripts ran
        page.wait_for_function("() => document.querySelector('form[data-tl-filters]').tlReady")
        page.locator(f'a.tl-bar[data-month="{month}"]').click()
        page.wait_for_url(f"**#{month}")
        heading = page.locator(f"section#{month} > h3")
        # at the top, below the sticky header (±20 px), unless the page ends before that
        page.wait_for_function(
            "([m, below]) => { const h = document.querySelector('section#' + m + ' > h3');"
            " if (!h) return false;"  # the bar's page may still be loading
            " const top = h.getBoundingClientRect().top;"
            " const end = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;"
            " return Math.abs(top - below) <= 20 || (end && top > below) }",
            arg=[month, header_bottom(page)],
            timeout=3000,
        )
        expect(heading).to_be_in_viewport()


def test_see_it_on_the_timeline_lands_on_the_event_and_marks_it(page, base_url, built):
    event = sorted((built / "events/2024").iterdir())[20].name
    page.goto(base_url + f"events/2024/{event}/")
    page.evaluate("() => { window.__sameDocument = true; }")
    page.get_by_role("link", name="see it on the timeline").click()
    page.wait_for_url("**/timeline/**#*")
    assert page.evaluate("() => window.__sameDocument") is True  # instant navigation
    anchor = page.url.split("#", 1)[1]
    item = page.locator(f'li.tl-event[id="{anchor}"]')
    expect(item).to_be_in_viewport()
    expect(item).to_have_class(re.compile(r"\btl-event--target\b"))
    assert item.locator(".tl-event__title a").get_attribute("href").rstrip("/").endswith(event)
    # a fresh load of the same link lands there too
    page.reload()
    expect(item).to_be_in_viewport()
    top = item.evaluate("li => li.getBoundingClientRect().top")
    assert abs(top - header_bottom(page)) <= 40


def option_counts(page: Page, name: str) -> dict[str, int]:
    """Each option of a filter with the count its label offers ('Kim Jong Un (5)')."""
    return {
        value: int(text.rsplit("(", 1)[1].rstrip(")"))
        for value, text in page.locator(f"#tl-filter-{name} option[data-label]").evaluate_all(
            "os => os.map(o => [o.value, o.textContent])"
        )
    }


def test_live_option_counts_match_the_events_each_value_shows(page, base_url):
    page.goto(base_url + "timeline/2024/")
    names = ["actor", "tag", "status"]
    offered = {name: option_counts(page, name) for name in names}
    for name in names:
        for value, count in offered[name].items():
            page.select_option(f"#tl-filter-{name}", value)
            assert len(shown_titles(page)) == count, (name, value)
            # every other filter's options now count within this one, and the empty are disabled
            for other in names:
                if other == name:
                    continue
                for option_value, n in option_counts(page, other).items():
                    disabled = page.locator(
                        f'#tl-filter-{other} option[value="{option_value}"]'
                    ).evaluate("o => o.disabled")
                    assert disabled == (n == 0)
            page.select_option(f"#tl-filter-{name}", "")
    # a reader filtering by an actor is offered only what the actor has
    page.select_option("#tl-filter-actor", ACTOR)
    for status, n in option_counts(page, "status").items():
        page.select_option("#tl-filter-status", status) if n else None
        if n:
            assert len(shown_titles(page)) == n
    # actors are grouped by kind
    groups = page.locator("#tl-filter-actor optgroup").evaluate_all("gs => gs.map(g => g.label)")
    assert groups[:2] == ["People", "Countries"]


def test_back_undoes_the_last_filter_change(page, base_url):
    page.goto(base_url + "timeline/2024/")
    everything = shown_titles(page)
    page.select_option("#tl-filter-actor", ACTOR)
    by_actor = shown_titles(page)
    page.select_option("#tl-filter-status", "reported")
    both = shown_titles(page)
    assert everything != by_actor != both
    page.go_back()
    page.wait_for_function("() => !location.search.includes('status')")
    assert page.locator("#tl-filter-status").input_value() == ""
    assert page.locator("#tl-filter-actor").input_value() == ACTOR
    assert shown_titles(page) == by_actor
    page.go_back()
    page.wait_for_function("() => !location.search")
    assert shown_titles(page) == everything
    page.go_forward()
    page.wait_for_function("() => location.search.includes('actor')")
    assert shown_titles(page) == by_actor


def test_the_chart_redraws_to_the_filtered_counts(page, base_url):
    page.goto(base_url + "timeline/2024/")
    page.select_option("#tl-filter-actor", ACTOR)
    for bar in page.locator("a.tl-bar").all():
        month = bar.get_attribute("data-month")
        shown = page.locator(f"section#{month} li.tl-event").evaluate_all(
            SHOWN + "; return lis.filter(shown).length }"
        )
        assert bar.locator(".tl-bar__value").inner_text() == str(shown)
        whole = float(bar.locator(".tl-bar__total").evaluate("e => parseFloat(e.style.height)"))
        fill = float(bar.locator(".tl-bar__fill").evaluate("e => parseFloat(e.style.height)"))
        assert fill == pytest.approx(whole * shown / int(bar.get_attribute("data-count")), abs=0.01)


def test_a_filtered_link_without_javascript_says_it_shows_everything(visit, base_url):
    page = visit(java_script_enabled=False).page
    page.goto(base_url + f"timeline/?actor={ACTOR}")
    assert "Filters need JavaScript" in page.locator(".tl-noscript").inner_text()


def test_every_control_shows_a_focus_ring(page, base_url):
    page.goto(base_url + "timeline/2024/")
    page.locator("#tl-filter-status").focus()
    for _ in range(3):  # to the order radios and the reset button
        page.keyboard.press("Tab")
        style = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth] }"
        )
        assert style[1] != "none" and style[2] != "0px", style
    # skip links lead past the header and the chart to the filters and to the events
    page.goto(base_url + "timeline/2024/")
    skips = page.locator("a.tl-skip")
    assert skips.evaluate_all("as => as.map(a => a.hash)") == ["#tl-filters", "#tl-events"]
    for _presses in range(1, 15):  # the first links of the page: the header's, then these
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('tl-skip')"):
            break
    assert _presses < 14
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "tl-filter-actor"


# --- month pages ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def month_site(tmp_path_factory):
    """(site/ folder, base URL) of the sample site with a page per month of 2024 and 2025 (more
    than 10 events each): the filters on a month page act on the events that page lists."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    root = tmp_path_factory.mktemp("months")
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root / "site"))
    )
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    site = write_sample_site(root, year_pages_after=40, main_page_events=15, site_url=url)
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(
        config.replace(
            "main_page_events: 15\n", "main_page_events: 15\n      month_pages_after: 10\n"
        )
    )
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root / "site", url
    httpd.shutdown()
    httpd.server_close()


def test_filters_on_a_month_page_act_on_its_events(page, month_site):
    built, url = month_site
    # the month of 2024 with the most events, and its most frequent actor
    pages = sorted(Path(built, "timeline/2024").glob("[01]*/index.html"))
    assert pages
    items = {p: parse(p.read_text()).find_all("li", cls="tl-event") for p in pages}
    path = max(pages, key=lambda p: len(items[p]))
    actors = Counter(a for li in items[path] for a in li.attrs["data-actors"].split())
    actor = next(a for a, n in actors.most_common() if n < len(items[path]))
    expected = [
        li.find("h4").text() for li in items[path] if actor in li.attrs["data-actors"].split()
    ]
    month_url = url + str(path.parent.relative_to(built)) + "/"

    page.goto(month_url)
    assert page.locator("form[data-tl-filters]").is_visible()
    assert len(shown_titles(page)) == len(items[path])
    page.select_option("#tl-filter-actor", actor)
    assert 0 < len(expected) < len(items[path])
    assert shown_titles(page) == expected
    assert parse_qs(urlsplit(page.url).query) == {"actor": [actor]}
    total = len(items[path])
    assert (
        page.locator("[data-tl-count]").inner_text()
        == f"Showing {len(expected)} of {total} events."
    )


# --- the contributor's preview (mkdocs serve) ----------------------------------------------------

PREVIEW_REPO = (
    "https://git.example.org/newsroom/timeline"  # not GitHub: the theme would ask its API
)
PREVIEW_BAD = "content/events/2024/2024-10-02-bad.md"
PREVIEW_CONFIG = f"""\
repo_url: {PREVIEW_REPO}
edit_uri: edit/main/content/
theme:
  name: material
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
"""


def preview_goto(page, url: str) -> None:
    """Open a page of the preview. Live reload reloads an open page after each rebuild, which
    can abort a navigation begun at that moment: then it is begun again."""
    for attempt in range(3):
        try:
            page.goto(url, wait_until="domcontentloaded", timeout=30_000)
            return
        except PlaywrightError as error:
            if "ERR_ABORTED" not in str(error) or attempt == 2:
                raise


PREVIEW_MISNAMED = "events/2024/2024-10-03-misnamed/"  # a warning: published, with a page


def test_the_preview_shows_each_problem_until_it_is_fixed(site, visit, tmp_path):
    """Every page's slot is filled from the problems' page by the script: each problem, linked
    to its file and to its event's page, which says "this page" there; gone once fixed."""
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "theme:\n  name: material\n  font: false\n", ""
    )
    config.write_text(text + PREVIEW_CONFIG, encoding="utf-8")
    site.event("2024/2024-10-01-good.md", title="Good entry", date="2024-10-01")
    site.event("2024/2024-10-02-bad.md", title="Bad entry", date="2024-02-30")
    site.event("2024/2024-10-03-misnamed.md", title="Misnamed entry", date="2024-10-04")
    server = Server(site.root)
    root = f"http://127.0.0.1:{server.port}/test/"
    opened = []
    try:
        server.wait_for(lambda: server.get("")[0] == 200, "the first page")
        for scheme in ("light", "dark"):
            opened.append(visit(viewport={"width": 1000, "height": 700}, color_scheme=scheme))
            page = opened[-1].page
            for path in ("", "timeline/", "events/2024/2024-10-01-good/"):
                preview_goto(page, root + path)
                banner = page.locator(".tl-preview-slot section.tl-preview")
                expect(banner).to_be_visible()
                expect(banner.locator("h2")).to_have_text("Preview: 2 problems to fix")
                item = banner.locator("li")
                expect(item).to_have_count(2)
                message = "date: '2024-02-30' is not a date (February 2024 has 29 days)"
                expect(item.first).to_contain_text(f"{PREVIEW_BAD}:3:7: {message}")
                link = item.first.locator("a")
                expect(link).to_have_attribute("href", f"{PREVIEW_REPO}/edit/main/{PREVIEW_BAD}")
                its_page = item.nth(1).locator("a.tl-preview__page")
                expect(its_page).to_have_attribute("href", root + PREVIEW_MISNAMED)
            assert axe_violations(page) == [], scheme
            shot = tmp_path / f"preview-problems-{scheme}.png"
            preview_goto(page, root)
            expect(page.locator(".tl-preview-slot section.tl-preview")).to_be_visible()
            page.screenshot(path=str(shot), clip={"x": 0, "y": 0, "width": 1000, "height": 380})
            if folder := os.environ.get("TIMELINE_SCREENSHOTS"):  # to update docs/screenshots/
                shutil.copy(shot, os.path.join(folder, shot.name))

        # from an event page, the link to the misnamed entry's page, where it is "this page"
        page = opened[0].page
        preview_goto(page, root + "events/2024/2024-10-01-good/")
        page.locator(".tl-preview a.tl-preview__page").click()
        expect(page.locator("article h1")).to_have_text("Misnamed entry")
        here = page.locator(".tl-preview-slot li").nth(1)
        expect(here).to_contain_text("(this page)")
        expect(here.locator("a.tl-preview__page")).to_have_count(0)
        assert page.url == root + PREVIEW_MISNAMED
        assert axe_violations(page) == []
        preview_goto(page, root + "preview/problems/")  # the list's own page, without the script
        listed = page.locator("article section.tl-preview")
        expect(listed.locator("a.tl-preview__page")).to_have_attribute(
            "href", "../../" + PREVIEW_MISNAMED
        )
        assert axe_violations(page) == []
        for name, path in (("event", PREVIEW_MISNAMED), ("page", "preview/problems/")):
            preview_goto(page, root + path)
            expect(page.locator(".tl-preview")).to_be_visible()
            for width in (1366, 390):  # an event page of the preview, and the problems' page
                page.set_viewport_size({"width": width, "height": 900})
                shot = tmp_path / f"preview-{name}-{width}.png"
                page.screenshot(path=str(shot))
                if folder := os.environ.get("TIMELINE_SCREENSHOTS"):
                    shutil.copy(shot, os.path.join(folder, shot.name))

        # the contributor fixes both, the open page reloads itself: no banner any more
        site.event("2024/2024-10-03-misnamed.md", title="Misnamed entry", date="2024-10-03")
        site.event("2024/2024-10-02-bad.md", title="Bad entry, fixed", date="2024-10-02")
        expect(page.locator("section.tl-preview")).to_have_count(0, timeout=60_000)
        server.wait_for(
            lambda: "Bad entry, fixed" in server.get("events/2024/2024-10-02-bad/")[1], "the fix"
        )
        for path in ("events/2024/2024-10-02-bad/", "timeline/", "preview/problems/"):
            preview_goto(page, root + path)
            expect(page.locator("article h1")).to_be_visible()
            expect(page.locator("section.tl-preview")).to_have_count(0)
            expect(page.locator(".tl-preview-slot")).to_be_hidden()
        expect(page.locator("article")).to_contain_text("No problems to fix")
        preview_goto(page, root + "timeline/")
        expect(page.locator("article")).to_contain_text("Bad entry, fixed")  # now listed
        assert axe_violations(page) == []
    finally:
        for v in opened:  # before the server goes: live reload would log its lost connection
            v.page.close()
        server.stop()
    assert "Traceback" not in server.log


# --- embeds: this site's embed page in another site's frame, and TimelineJS ------------------

TIMELINEJS = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
ARTICLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A newsroom's article</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
</head><body><main><h1>A newsroom's article</h1><p>The article's text, then the timeline.</p>
{snippet}
<p>The rest of the article.</p></main></body></html>
"""
TIMELINEJS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<link rel="stylesheet" href="timelinejs/css/timeline.css">
<script src="timelinejs/js/timeline.js"></script><style>body {{ margin: 0 }}</style>
</head><body>
<div id="timeline-embed" style="width: 100%; height: 650px"></div>
<script>
  window.tl = new TL.Timeline("timeline-embed", "{data}", {{
    script_path: new URL("timelinejs/js/", location.href).href,
    font: null
  }});
  window.tl.on("loaded", function () {{ window.tlLoaded = true; }});
</script></body></html>
"""


@pytest.fixture(scope="session")
def host(tmp_path_factory, real_site):
    """Another site, on another port (another origin): a newsroom's pages with TimelineJS's own
    files and a copy of the real site's timelinejs.json, as "Use this data" tells it to do."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    root = tmp_path_factory.mktemp("host")
    shutil.copytree(TIMELINEJS, root / "timelinejs")
    (root / "timelinejs.json").write_bytes(fetch(real_site + "timelinejs.json"))
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def timelinejs_geometry(page: Page) -> dict:
    return page.evaluate(
        """() => ({
          min: tl._timenav.getMinimumHeight(),
          errors: tl.config.getErrors(),
          frame: document.getElementById('timeline-embed').getBoundingClientRect().toJSON(),
          nav: document.querySelector('.tl-timenav').getBoundingClientRect().toJSON(),
          next: document.querySelector('.tl-slidenav-next').getBoundingClientRect().toJSON()
        })"""
    )


def fits(geometry: dict) -> bool:
    """TimelineJS's time-nav whole inside its frame, as tall as it needs, the arrows inside."""
    frame, nav, after = geometry["frame"], geometry["nav"], geometry["next"]
    return (
        frame["top"] <= nav["top"]
        and nav["bottom"] <= frame["bottom"] + 1
        and nav["height"] >= geometry["min"]
        and frame["left"] <= after["left"]
        and after["right"] <= frame["right"]
        and after["bottom"] <= nav["top"]
    )


def open_timelinejs(visit, host, width: int, data: str = "timelinejs.json") -> Visit:
    root, url = host
    name = f"timelinejs-{data.removesuffix('.json')}.html"
    (root / name).write_text(TIMELINEJS_PAGE.format(data=data), encoding="utf-8")
    v = visit(viewport={"width": width, "height": 800})
    v.page.goto(url + name)
    v.page.wait_for_function("window.tlLoaded === true")
    return v


@pytest.mark.parametrize("width", [650, 390])
def test_timelinejs_fits_its_standard_frame_and_next_reaches_every_slide(
    visit, host, width, tmp_path
):
    data = json.loads((host[0] / "timelinejs.json").read_text(encoding="utf-8"))
    v = open_timelinejs(visit, host, width)
    page = v.page
    geometry = timelinejs_geometry(page)
    assert geometry["errors"] == []
    assert fits(geometry), geometry
    shot = tmp_path / f"timelinejs-{width}.png"
    page.screenshot(path=str(shot))
    if folder := os.environ.get("TIMELINE_SCREENSHOTS"):
        shutil.copy(shot, os.path.join(folder, shot.name))
    seen = [page.evaluate("tl.current_id")]
    following = page.locator(".tl-slidenav-next")
    while following.is_visible() and len(seen) <= len(data["events"]):
        following.click()
        page.wait_for_function("id => tl.current_id !== id", arg=seen[-1])
        seen.append(page.evaluate("tl.current_id"))
    assert seen == [data["title"]["unique_id"], *(e["unique_id"] for e in data["events"])]
    assert {urlsplit(u).hostname for u in v.requests} == {"127.0.0.1"}, set(v.requests)


def test_timelinejs_s_frame_overflows_with_a_row_per_first_actor(visit, host):
    """The check above can fail: the export as it was (a row per first actor, 22 rows on the
    real site) pushes the time-nav out of the 650 px frame."""
    root, _ = host
    data = json.loads((root / "timelinejs.json").read_text(encoding="utf-8"))
    for n, slide in enumerate(data["events"]):
        slide["group"] = f"Row {n % 22}"
    (root / "rows.json").write_text(json.dumps(data), encoding="utf-8")
    page = open_timelinejs(visit, host, 650, "rows.json").page
    assert not fits(timelinejs_geometry(page))


def write_article(host, name: str, query: str, site: str) -> str:
    """A newsroom's article with the embed snippet exactly as "Use this data" gives it, asking
    for `query`; its address on the host."""
    data_page = fetch(site + "data/").decode("utf-8")
    code = re.search(r'<pre class="tl-snippet"><code>(.*?)</code></pre>', data_page, re.DOTALL)
    snippet = html.unescape(code[1])  # as a reader copies it, line breaks and all
    assert f'src="{site}embed/?limit=5"' in snippet
    text = ARTICLE.format(snippet=snippet.replace("embed/?limit=5", "embed/" + query))
    (host[0] / name).write_text(text, encoding="utf-8")
    return host[1] + name


def embed_items(frame) -> list[tuple[str, str]]:
    """(title, date) of the events an embed page shows."""
    return frame.locator("li.tl-event").evaluate_all(
        "lis => lis.filter(li => !li.hidden).map(li => [li.querySelector('h2').textContent.trim(),"
        " li.querySelector('time').getAttribute('datetime')])"
    )


def timeline_items(page: Page, site: str, query: str) -> list[tuple[str, str]]:
    """(title, date) of the events the timeline page shows for `query`."""
    page.goto(site + "timeline/" + query)
    return page.locator("li.tl-event").evaluate_all(
        SHOWN + "; return lis.filter(shown).map(li => [li.querySelector('h4').textContent.trim(),"
        " li.querySelector('time').getAttribute('datetime')]) }"
    )


@pytest.mark.parametrize(
    ("query", "timeline_query", "landing"),
    [
        ("?actor=kim-jong-un&status=confirmed", "?actor=kim-jong-un&status=confirmed",
         "embed/actors/kim-jong-un/"),
        ("?tag=combat", "?tag=combat", "embed/tags/combat/"),
        ("?actor=kim-jong-un&from=2024-11&to=2025-04-26&limit=4", "?actor=kim-jong-un",
         "embed/actors/kim-jong-un/"),
    ],
)  # fmt: skip
def test_an_embed_in_another_site_s_frame_fits_and_shows_what_the_timeline_shows(
    visit, host, real_site, query, timeline_query, landing
):
    article = write_article(host, f"article-{abs(hash(query))}.html", query, real_site)
    v = visit(viewport={"width": 390, "height": 844})
    page = v.page
    page.goto(article)
    page.wait_for_function("() => document.querySelector('iframe').style.height !== '600px'")
    frame = next(f for f in page.frames if f.url.startswith(real_site + landing))
    assert urlsplit(frame.url).query == query[1:]  # the query kept, on the actor's own page
    tall = wait_until_the_frame_fits(page, frame)
    shown = embed_items(frame)
    expected = timeline_items(visit(viewport={"width": 1280, "height": 900}).page, real_site,
                              timeline_query)  # fmt: skip
    if "from=" in query:  # the timeline page has no dates filter: the same rule, here
        expected = [e for e in expected if "2024-11" <= e[1][:10] and e[1][:10] <= "2025-04-26"]
        expected = expected[-4:]
    assert shown and shown == expected
    # narrower or wider, the frame follows its content
    assert abs(tall - 600) > 1  # not the snippet's first height
    page.set_viewport_size({"width": 650, "height": 844})
    assert wait_until_the_frame_fits(page, frame) < tall
    assert {urlsplit(u).hostname for u in v.requests} == {"127.0.0.1"}, set(v.requests)
    ports = {urlsplit(u).port for u in v.requests}
    assert ports == {urlsplit(real_site).port, urlsplit(host[1]).port}


def wait_until_the_frame_fits(page: Page, frame) -> float:
    """The host page's iframe as tall as the embed page in it says it is (it is on another
    origin: its height is read in the frame, the iframe's on the host page)."""
    inner = frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
    page.wait_for_function(
        "h => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 1",
        arg=inner,
    )
    return inner


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 650])
def test_embed_pages_pass_axe_and_load_nothing_from_elsewhere(
    visit, real_site, scheme, width, tmp_path
):
    v = visit(viewport={"width": width, "height": 844}, color_scheme=scheme)
    page = v.page
    found = {}
    for path in ("embed/", "embed/actors/kim-jong-un/?limit=3", "embed/tags/combat/"):
        page.goto(real_site + path)
        page.wait_for_load_state("networkidle")
        if violations := axe_violations(page):
            found[path] = violations
    assert found == {}
    assert {urlsplit(u).hostname for u in v.requests} == {"127.0.0.1"}, set(v.requests)
    assert not [u for u in v.requests if "/fonts/" in u or "timeline.js" in u]  # light
    page.goto(real_site + "embed/actors/kim-jong-un/?limit=3")
    shot = tmp_path / f"embed-{width}{'-dark' if scheme == 'dark' else ''}.png"
    page.screenshot(path=str(shot))
    if folder := os.environ.get("TIMELINE_SCREENSHOTS"):
        shutil.copy(shot, os.path.join(folder, shot.name))


def test_an_embed_page_lists_what_it_holds_without_javascript(visit, real_site):
    page = visit(viewport={"width": 390, "height": 844}, java_script_enabled=False).page
    held = parse(fetch(real_site + "embed/actors/kim-jong-un/").decode("utf-8"))
    titles = [li.find("h2").text().strip() for li in held.find_all("li", cls="tl-event")]
    page.goto(real_site + "embed/actors/kim-jong-un/?limit=1")
    assert embed_items(page) and [t for t, _ in embed_items(page)] == titles  # no narrowing
    timeline = timeline_items(visit().page, real_site, "?actor=kim-jong-un")
    assert titles == [t for t, _ in timeline]  # an actor of fewer events than a page holds
    assert page.locator("a[href$='timeline/?actor=kim-jong-un']").count() == 2


def test_a_chart_s_points_lead_to_their_events_under_instant_navigation(visit, base_url, built):
    """The chart's links are SVG links (`xlink:href`): the theme's instant navigation, which
    rewrites every `[href]` of a new page, must neither break on them nor break them."""
    page = visit(viewport={"width": 1280, "height": 900}).page
    page.goto(base_url + "figures/")
    page.get_by_role("link", name="Troops sent").click()  # swapped in by instant navigation
    page.wait_for_url("**/figures/troops/")
    point = page.locator("svg[data-measure=troops] a.tl-fc__point").first
    expect(point).to_be_visible()
    target = point.get_attribute("xlink:href") or ""
    assert "events/" in target
    point.locator(".tl-fc__mark").click()
    page.wait_for_url("**/events/**")
    expect(page.locator("h1")).to_be_visible()
    # the table under the chart says the same, in date order, with who said it
    page.go_back()
    page.wait_for_url("**/figures/troops/")
    assert page.locator("table.tl-figure-table tbody tr").count() == 10


# --- the languages: right to left, and each language's own words --------------------------------


@pytest.fixture(scope="session")
def languages_url(language_root):
    """The sample site in Korean, Ukrainian and Arabic (`sample_site.built_in`, the builds
    test_languages.py reads too), served from one folder: /ar/site/timeline/ and so on."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    for language in ("ko", "uk", "ar"):
        built_in(language, language_root)
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(language_root))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


WHERE = """li => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.right]; };
  return { when: box(li.querySelector('.tl-event__when')), item: box(li),
           title: box(li.querySelector('.tl-event__title')) };
}"""


@pytest.mark.parametrize("width, height", [(1366, 900), (390, 844)])
def test_the_arabic_timeline_reads_right_to_left_and_its_filters_work(
    visit, languages_url, width, height, tmp_path
):
    page = visit(viewport={"width": width, "height": height}).page
    page.goto(languages_url + "ar/site/timeline/")
    page.wait_for_load_state("networkidle")
    shot = tmp_path / f"timeline-ar-{width}.png"
    page.screenshot(path=str(shot))
    if folder := os.environ.get("TIMELINE_SCREENSHOTS"):
        shutil.copy(shot, os.path.join(folder, shot.name))
    first = page.locator("li.tl-event").first.evaluate(WHERE)
    if width > 900:  # the date column is right of the rule, the title left of it
        assert first["when"][0] >= first["item"][1] - 1, first
        assert first["title"][1] <= first["item"][1], first
    else:  # on a phone the date line starts where the title does: at the right
        assert abs(first["when"][1] - first["title"][1]) <= 2, first
        assert first["when"][1] > width / 2, first
    open_filters(page)
    page.select_option("#tl-filter-status", "denied")
    said = page.locator("[data-tl-count]").text_content()
    statuses = page.locator("li.tl-event").evaluate_all(
        SHOWN + "; return lis.filter(shown).map(li => li.dataset.status) }"
    )
    assert statuses and set(statuses) == {"denied"}
    assert said == f"المعروض {len(statuses)} من أصل 50."  # the catalogue's words, in the script
    assert page.locator("#tl-filter-status option:checked").text_content().startswith("منفي")


@pytest.mark.parametrize("language", ["ko", "uk", "ar"])
def test_each_language_passes_axe(visit, languages_url, language):
    page = visit(viewport={"width": 1366, "height": 900}, reduced_motion="reduce").page
    found = {}
    for path in (
        "timeline/",
        "events/2024/2024-06-13-event-20/",
        "actors/kim-jong-un/",
        "figures/",
    ):
        page.goto(f"{languages_url}{language}/site/{path}")
        if violations := axe_violations(page):
            found[path] = violations
    assert found == {}
