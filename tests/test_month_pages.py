"""End to end (real `mkdocs build`): a year of many events gets a page per month, and every link
to an event's place on the timeline goes to the page that lists it."""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

import pytest
from htmlparse import parse
from test_reader_build import configure, titles

pytestmark = pytest.mark.e2e

BASE = "https://example.org/test/"
EVENTS = [  # in timeline order; 2024 has 4 events (more than 3): month pages
    ("2024", "Year only"),
    ("2024-06-19", "Treaty"),
    ("2024-10-08", "October one"),
    ("2024-10-31", "October two"),
    ("2025-01-12", "January"),
    ("2025-04-28", "April"),
]
PAGES = ["timeline/2024/", "timeline/2024/06/", "timeline/2024/10/", "timeline/2025/"]


def build(site):
    configure(site, year_pages_after=5, main_page_events=2, month_pages_after=3)
    for n, (date, title) in enumerate(EVENTS):
        site.event(f"{date[:4]}/{date}-{n}.md", title=title, date=date)
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout


def resolve(site, page: str, href: str):
    """The parsed page a link on `page` goes to, and the fragment it names."""
    url = urlsplit(urljoin(BASE + page, href))
    assert url.path.startswith("/test/") and url.path.endswith("/"), href
    return parse(site.html(url.path.removeprefix("/test/"))), url.fragment


def test_a_year_of_many_events_lists_its_months_and_each_month_has_a_page(site):
    build(site)
    october = parse(site.html("timeline/2024/10/"))
    assert october.find("h1").text() == "Timeline: October 2024"
    assert titles(october) == ["October one", "October two"]
    assert "The 2 events of October 2024, out of 6" in october.find("p", cls="tl-intro").text()
    assert october.find("form", cls="tl-filters") is not None  # filters act here too
    assert titles(parse(site.html("timeline/2024/06/"))) == ["Treaty"]

    year = parse(site.html("timeline/2024/"))
    assert year.find("h1").text() == "Timeline: 2024"
    assert titles(year) == ["Year only"]  # dated only to the year: on the year page itself
    months = year.find("nav", cls="tl-months")
    assert [(a.text(), a.attrs["href"]) for a in months.find_all("a")] == [
        ("June 2024", "06/"),
        ("October 2024", "10/"),
    ]
    assert "(2 events)" in months.text()
    assert titles(parse(site.html("timeline/2025/"))) == ["January", "April"]  # 2 events: whole

    # every event is listed on exactly one of the year and month pages
    listed = [title for page in PAGES for title in titles(parse(site.html(page)))]
    assert sorted(listed) == sorted(title for _, title in EVENTS)

    # month pages are kept out of the search index, like year pages
    docs = json.loads((site.root / "site/search/search_index.json").read_text())["docs"]
    assert not [d for d in docs if d["location"].startswith("timeline/2024/")]


def test_links_to_an_event_on_the_timeline_go_to_the_page_that_lists_it(site):
    build(site)
    for n, (date, title) in enumerate(EVENTS):
        page = f"events/{date[:4]}/{date}-{n}/"
        link = parse(site.html(page)).find("span", cls="tl-position").find("a")
        target, fragment = resolve(site, page, link.attrs["href"])
        assert title in titles(target), (title, link.attrs["href"])
        item = target.find("li", id=fragment)  # the event's own item
        assert item.find("h4").text() == title

    for page in ["timeline/", "timeline/2024/", "timeline/2024/10/"]:
        bars = parse(site.html(page)).find_all("a", cls="tl-bar")
        assert bars
        for bar in bars:
            target, fragment = resolve(site, page, bar.attrs["href"])
            month = target.find("section", id=bar.attrs["data-month"])
            assert fragment == bar.attrs["data-month"] and month is not None, bar.attrs["href"]
            assert titles(month), bar.attrs["href"]
    bars = parse(site.html("timeline/2024/")).find_all("a", cls="tl-bar")
    assert [b.attrs["href"] for b in bars] == ["06/#month-2024-06", "10/#month-2024-10"]
