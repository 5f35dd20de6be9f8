"""In a real browser: every kind of page passes axe-core (light and dark, desktop and phone,
the search dialog open) and asks nothing of another host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browsing import ACTOR, axe_violations, open_filters, open_search

pytestmark = pytest.mark.browser


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
