"""End to end (real `mkdocs build`): actor and tag pages are bounded like the timeline. An actor
or a tag with many events lists the latest on its page and links a page per year (and per month
of a busy year); every one of its events is on exactly one of those pages. The tags index of
mkdocs-material links each tag's page and lists a tag's events itself only when they are few."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from htmlparse import parse
from test_reader_build import configure

from timeline.views.layout import tag_slugs

pytestmark = pytest.mark.e2e

BASE = "https://example.org/test/"
EVENTS = [  # (date, title, tags); all name north-korea, the last two russia too
    ("2024", "Year only", "[drones]"),
    ("2024-06-19", "Treaty", "[drones]"),
    ("2024-10-08", "October one", "[drones]"),
    ("2024-10-31", "October two", "[drones]"),
    ("2025-01-12", "January", "[drones]"),
    ("2025-04-28", "April", "[Kursk offensive]"),
]
TAGS_PAGE = "# Tags\n\n<!-- material/tags -->\n"


def build(site, events=EVENTS, **options):
    configure(
        site, **{"year_pages_after": 5, "main_page_events": 2, "month_pages_after": 3, **options}
    )
    for n, (date, title, tags) in enumerate(events):
        actors = "[north-korea, russia]" if n >= len(events) - 2 else "[north-korea]"
        site.event(
            f"{date[:4]}/{date}-{n}.md",
            title=title,
            date=date,
            actors=actors,
            extra=f"tags: {tags}",
        )
    site.write("tags.md", TAGS_PAGE)
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout


def listed(doc) -> list[str]:
    return [
        li.find("a", cls="tl-title").text() for li in doc.find_all("li", cls="tl-event--compact")
    ]


def resolve(site, page: str, href: str):
    url = urlsplit(urljoin(BASE + page, href))
    assert url.path.startswith("/test/") and url.path.endswith("/"), href
    return parse(site.html(url.path.removeprefix("/test/")))


def test_an_actor_with_many_events_gets_a_page_per_year_and_per_month_of_a_busy_year(site):
    build(site)
    actor = parse(site.html("actors/north-korea/"))
    assert listed(actor) == ["January", "April"]  # the latest two
    intro = actor.find("p", cls="tl-intro").text()
    assert "The latest 2 of 6 events" in intro
    years = actor.find("nav", cls="tl-years")
    links = {a.text(): a.attrs["href"] for a in years.find_all("a")}
    assert links == {"Latest": "./", "2024": "2024/", "2025": "2025/"}

    year = resolve(site, "actors/north-korea/", links["2024"])
    assert year.find("h1").text() == "North Korea, 2024"
    assert listed(year) == ["Year only"]  # 4 events in 2024: by month; year-only ones stay here
    months = {a.text(): a.attrs["href"] for a in year.find("nav", cls="tl-months").find_all("a")}
    assert months == {"June 2024": "06/", "October 2024": "10/"}
    october = resolve(site, "actors/north-korea/2024/", months["October 2024"])
    assert october.find("h1").text() == "North Korea, October 2024"
    assert listed(october) == ["October one", "October two"]
    back = october.find("p", cls="tl-intro")
    assert back.text().startswith("Events naming North Korea")  # text() spaces its parts
    back = back.find("a")
    assert resolve(site, "actors/north-korea/2024/10/", back.attrs["href"]).find("h1").text() == (
        "North Korea"
    )

    pages = ["2024/", "2024/06/", "2024/10/", "2025/"]
    everywhere = [t for p in pages for t in listed(parse(site.html(f"actors/north-korea/{p}")))]
    assert sorted(everywhere) == sorted(title for _, title, _ in EVENTS)  # each exactly once

    small = parse(site.html("actors/russia/"))  # two events: one page, no year links
    assert listed(small) == ["January", "April"] and small.find("nav", cls="tl-years") is None
    assert not (site.root / "site/actors/russia/2025").exists()


def test_each_tag_has_a_page_of_its_events_bounded_the_same_way(site):
    build(site)
    tag = parse(site.html("tags/kursk-offensive/"))
    assert tag.find("h1").text() == "Tag: Kursk offensive"
    assert listed(tag) == ["April"]
    assert "1 event tagged “Kursk offensive”, 28 April 2025." in tag.text()

    drones = parse(site.html("tags/drones/"))  # 5 events: not more than year_pages_after
    assert listed(drones) == ["Year only", "Treaty", "October one", "October two", "January"]
    assert "from 2024 to 12 January 2025" in drones.find("p", cls="tl-intro").text()


def test_the_tags_index_links_each_tags_page_and_lists_few_events_itself(site):
    many = [
        (f"2024-10-{d:02d}", f"Day {d}", "[drones, rare]" if d == 1 else "[drones]")
        for d in range(1, 23)
    ]
    build(site, events=many, year_pages_after=100, month_pages_after=100)
    index = parse(site.html("tags/"))
    links = {
        a.text(): a.attrs["href"]
        for a in index.find_all("p", cls="tl-tag-link")
        for a in [a.find("a")]
    }
    assert links == {
        "22 events tagged “drones”, by date": "drones/",
        "1 event tagged “rare”, by date": "rare/",
    }
    # 22 drones events are more than the index lists itself; the one rare event is listed
    article = index.find("article")
    items = [li.find("a").text() for li in article.find_all("li", cls="tl-event--compact")]
    assert items == ["Day 1"]
    assert article.find("li", cls="tl-event--compact").find("time").text() == "1 October 2024"
    assert len(listed(parse(site.html("tags/drones/")))) == 22


def test_tag_slugs_are_unique_and_never_empty():
    slugs = tag_slugs(["Kursk offensive", "kursk-offensive", "Курск", "북한", "drones"])
    assert slugs == {
        "Kursk offensive": "kursk-offensive",
        "kursk-offensive": "kursk-offensive-2",
        "Курск": "tag",
        "북한": "tag-2",
        "drones": "drones",
    }


def test_list_pages_describe_themselves_for_search_engines_and_link_previews(site):
    build(site, year_pages_after=2, main_page_events=1)
    descriptions = {
        page: parse(site.html(page)).find("meta", name="description").attrs["content"]
        for page in ("tags/drones/", "tags/drones/2024/", "actors/north-korea/2024/10/")
    }
    assert descriptions == {
        "tags/drones/": "5 events tagged “drones”.",  # all of them, not the latest listed
        "tags/drones/2024/": "4 events tagged “drones”, 2024.",
        "actors/north-korea/2024/10/": "2 events naming North Korea, October 2024.",
    }
