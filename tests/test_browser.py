"""In a real browser (Debian's Chromium through Playwright): filters, the URL state, instant
navigation, the page without JavaScript, the overview's and the chart's links, month pages.
Last, the contributor's preview: under the real `mkdocs serve` every page shows the content's
problems (copied by the script from their one page), linked to the files in the repository,
until they are fixed."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browsing import (
    ACTOR,
    SHOWN,
    axe_violations,
    built_items,
    header_bottom,
    served,
    shown_titles,
)
from htmlparse import parse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect
from sample_site import write_sample_site
from test_serve import Server

pytestmark = pytest.mark.browser


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

    root = tmp_path_factory.mktemp("months")
    with served(root / "site") as url:
        site = write_sample_site(root, year_pages_after=40, main_page_events=15, site_url=url)
        config = (root / "mkdocs.yml").read_text()
        (root / "mkdocs.yml").write_text(
            config.replace(
                "main_page_events: 15\n", "main_page_events: 15\n      month_pages_after: 10\n"
            )
        )
        result = site.build(strict=True)
        assert result.returncode == 0, result.stdout
        yield root / "site", url


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
