"""In a real browser, on the repository's own site: the first screen and the web fonts, TimelineJS
fed our export in another site, embeds in another site's frame, and the timeline in Korean,
Ukrainian and Arabic (right to left)."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import urllib.request
from urllib.parse import urlsplit

import pytest
from browsing import SHOWN, Visit, axe_violations, open_filters, served
from conftest import ROOT
from htmlparse import parse
from playwright.sync_api import Page
from sample_site import built_in

pytestmark = pytest.mark.browser


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


@pytest.fixture(scope="module")
def host(tmp_path_factory, real_site):
    """Another site, on another port (another origin): a newsroom's pages with TimelineJS's own
    files and a copy of the real site's timelinejs.json, as "Use this data" tells it to do."""

    root = tmp_path_factory.mktemp("host")
    shutil.copytree(TIMELINEJS, root / "timelinejs")
    (root / "timelinejs.json").write_bytes(fetch(real_site + "timelinejs.json"))
    with served(root) as url:
        yield root, url


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


# --- the languages: right to left, and each language's own words --------------------------------


@pytest.fixture(scope="module")
def languages_url(language_root):
    """The sample site in Korean, Ukrainian and Arabic (`sample_site.built_in`, the builds
    test_languages.py reads too), served from one folder: /ar/site/timeline/ and so on."""

    for language in ("ko", "uk", "ar"):
        built_in(language, language_root)
    with served(language_root) as url:
        yield url


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
