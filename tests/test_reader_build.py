"""End to end (real `mkdocs build`): year pages, the overview chart, filters' markup, event and
actor page extras, home-page markers and <head> metadata."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT
from htmlparse import parse

pytestmark = pytest.mark.e2e


def configure(site, **options) -> None:
    """Give the plugin options in the test site's mkdocs.yml."""
    config = (site.root / "mkdocs.yml").read_text()
    lines = "".join(f"\n      {key}: {value}" for key, value in options.items())
    (site.root / "mkdocs.yml").write_text(
        config.replace("  - timeline\n", f"  - timeline:{lines}\n")
    )


def social(head: str) -> tuple[dict[str, str], dict[str, str]]:
    """OpenGraph (`property`) and Twitter (`name`) meta tags of a <head>, by name."""
    metas = parse(head).find_all("meta")
    og = {m.attrs["property"]: m.attrs["content"] for m in metas if "property" in m.attrs}
    tw = {m.attrs["name"]: m.attrs["content"] for m in metas if "name" in m.attrs}
    return og, tw


def titles(doc) -> list[str]:
    return [li.find("h4").text() for li in doc.find_all("li", cls="tl-event")]


def test_past_the_threshold_the_timeline_links_one_page_per_year(site):
    configure(site, year_pages_after=4, main_page_events=2)
    for date, title in [
        ("2024-06-19", "Treaty"),
        ("2024-10-08", "October one"),
        ("2024-10-31", "October two"),
        ("2025-01-12", "January"),
        ("2025-04-28", "April"),
    ]:
        site.event(f"{date[:4]}/{date}-x.md", title=title, date=date)
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout

    main = parse(site.html("timeline/"))
    assert titles(main) == ["January", "April"]
    assert "The latest 2 of 5 events" in main.find("p", cls="tl-intro").text()
    years = main.find("nav", cls="tl-years")
    assert [(a.text(), a.attrs["href"]) for a in years.find_all("a")] == [
        ("Latest", "./"),
        ("2024", "2024/"),
        ("2025", "2025/"),
    ]
    # the chart covers every month; months wholly on this page link here, others to their year
    hrefs = {b.attrs["data-month"]: b.attrs["href"] for b in main.find_all("a", cls="tl-bar")}
    assert hrefs == {
        "month-2024-06": "2024/#month-2024-06",
        "month-2024-10": "2024/#month-2024-10",
        "month-2025-01": "#month-2025-01",
        "month-2025-04": "#month-2025-04",
    }

    page_2024 = parse(site.html("timeline/2024/"))
    assert page_2024.find("h1").text() == "Timeline: 2024"
    assert titles(page_2024) == ["Treaty", "October one", "October two"]
    assert page_2024.find("a", **{"aria-current": "page"}).text() == "2024"
    bars = page_2024.find_all("a", cls="tl-bar")
    assert [b.attrs["href"] for b in bars] == ["#month-2024-06", "#month-2024-10"]
    assert titles(parse(site.html("timeline/2025/"))) == ["January", "April"]

    # an event's "see it on the timeline" link goes to its year page
    event = parse(site.html("events/2024/2024-10-31-x/"))
    link = event.find("span", cls="tl-position").find("a")
    assert link.attrs["href"] == "../../../timeline/2024/#2024-10-31-x"  # the event's own item
    # year pages are in the sitemap, not in the navigation
    assert (
        "https://example.org/test/timeline/2024/</loc>"
        in (site.root / "site/sitemap.xml").read_text()
    )
    nav = parse(site.html("")).find("nav", cls="md-nav--primary")
    assert "2024" not in nav.text()


def test_a_small_timeline_has_no_year_pages(site):
    site.event("2024/2024-10-31-a.md", title="A", date="2024-10-31")
    site.event("2025/2025-01-12-b.md", title="B", date="2025-01-12")
    assert site.build(strict=True).returncode == 0
    assert not (site.root / "site/timeline/2024").exists()
    doc = parse(site.html("timeline/"))
    assert doc.find("nav", cls="tl-years") is None
    assert titles(doc) == ["A", "B"]


def test_overview_has_one_labelled_bar_per_month_linking_to_its_group(site):
    site.event("2024/2024-10-01-a.md", title="A", date="2024-10-01", extra="key: true")
    site.event("2024/2024-10-31-b.md", title="B", date="2024-10-31")
    site.event("2025/2025-01-12-c.md", title="C", date="2025-01-12")
    site.event("2024/2024-d.md", title="Year only", date="2024")
    assert site.build(strict=True).returncode == 0
    doc = parse(site.html("timeline/"))
    figure = doc.find("figure", cls="tl-overview")
    bars = figure.find_all("a", cls="tl-bar")
    labels = [b.find("span", cls="tl-visually-hidden").text() for b in bars]
    assert labels == ["October 2024: 2 events, 1 key event", "January 2025: 1 event"]
    assert [b.attrs["title"] for b in bars] == labels
    # each bar shows its number, and the axis names the months (the year where it changes)
    assert [b.find("span", cls="tl-bar__value").text() for b in bars] == ["2", "1"]
    axis = figure.find("ol", cls="tl-overview__axis")
    assert axis.attrs["aria-hidden"] == "true"
    ticks = [li.text().replace(" ", "") for li in axis.find_all("li")]
    assert ticks == ["Oct2024", "Nov", "Dec", "Jan2025"]
    assert "tl-bar--key" in bars[0].classes and "tl-bar--key" not in bars[1].classes
    for bar in bars:
        target = bar.attrs["href"].removeprefix("#")
        assert doc.find("section", id=target) is not None
    caption = figure.find("figcaption")
    assert caption.attrs["id"] == figure.attrs["aria-labelledby"]
    assert "3 events, and 1 event dated only to a year" in caption.text()
    # the bar heights follow the counts
    heights = [b.find("span", cls="tl-bar__total").attrs["style"] for b in bars]
    assert heights == ["height: 100.0%", "height: 50.0%"]
    assert [
        li.attrs["style"] for li in figure.find("ol", cls="tl-overview__links").find_all("li")
    ] == [
        "left: 0.0%; width: 25.0%",
        "left: 75.0%; width: 25.0%",
    ]


def test_filter_form_offers_what_the_page_holds_and_is_hidden_without_script(site):
    site.event(
        "2024/2024-10-01-a.md",
        title="A",
        date="2024-10-01",
        actors="[north-korea, russia]",
        extra="""tags: ['prisoners of war', 'say "hi" & <go>']\nstatus: confirmed""",
    )
    site.event("2025/2025-01-12-c.md", title="C", date="2025-01-12", extra="status: denied")
    assert site.build(strict=True).returncode == 0
    doc = parse(site.html("timeline/"))
    form = doc.find("form", cls="tl-filters")
    # hidden by the stylesheet unless the page's head marked the page as running scripts
    assert "hidden" not in form.attrs
    assert 'classList.add("tl-js")' in site.html("timeline/").split("</head>")[0]
    css = (site.root / "site/assets/timeline/timeline.css").read_text()
    assert ".md-typeset .tl-filters { display: none;" in css
    assert ".tl-js .md-typeset .tl-filters { display: block; }" in css
    options = {
        select.attrs["name"]: [(o.attrs["value"], o.text()) for o in select.find_all("option")]
        for select in form.find_all("select")
    }
    assert options == {
        "actor": [("", "All actors"), ("north-korea", "North Korea (2)"), ("russia", "Russia (1)")],
        "tag": [
            ("", "All tags"),
            ("prisoners of war", "prisoners of war (1)"),
            ('say "hi" & <go>', 'say "hi" & <go> (1)'),
        ],
        "status": [("", "Any status"), ("confirmed", "Confirmed (1)"), ("denied", "Denied (1)")],
        "year": [("", "All years"), ("2024", "2024 (1)"), ("2025", "2025 (1)")],
    }
    first = doc.find_all("li", cls="tl-event")[0]
    assert json.loads(first.attrs["data-tags"]) == ["prisoners of war", 'say "hi" & <go>']
    assert first.attrs["data-actors"] == "north-korea russia"
    assert first.attrs["data-status"] == "confirmed"
    assert doc.find("section", cls="tl-year", id="year-2024").attrs["data-year"] == "2024"
    # the status is text, with its name for screen readers, not a colour alone
    when = first.find("p", cls="tl-event__when")
    assert when.text() == "1 October 2024 Status: Confirmed"
    assert doc.find("p", cls="tl-count").text() == "2 events."
    assert doc.find("div", cls="tl-timeline").attrs["data-order"] == "oldest"


def test_newest_first_order_option_reverses_the_list(site):
    configure(site, order="newest")
    site.event("2024/2024-10-01-a.md", title="A", date="2024-10-01")
    site.event("2025/2025-01-12-c.md", title="C", date="2025-01-12")
    assert site.build(strict=True).returncode == 0
    doc = parse(site.html("timeline/"))
    assert titles(doc) == ["C", "A"]
    assert doc.find("input", value="newest").attrs.get("checked") is not None


HOSTILE = 'Troops & </script><script>alert(1)</script> "advisers"'


def test_event_page_related_events_position_and_sources(site):
    site.event(
        "2024/2024-10-31-a.md",
        title="Subject",
        date="2024-10-31",
        actors="[austin, blinken, nis]",
        sources="""
  - publisher: CNN
    title: US says troops in Kursk
    url: https://edition.cnn.com/x
    published: 2024-10-31
""",
    )
    site.event(
        "2024/2024-01-01-b.md", title="Two shared", date="2024-01-01", actors="[austin, nis]"
    )
    site.event("2024/2024-11-01-c.md", title="One shared", date="2024-11-01", actors="[blinken]")
    site.event("2024/2024-11-02-d.md", title="None shared", date="2024-11-02", actors="[russia]")
    assert site.build(strict=True).returncode == 0
    doc = parse(site.html("events/2024/2024-10-31-a/"))
    related = doc.find("section", cls="tl-related")
    items = related.find_all("li")
    assert [li.find("a").text() for li in items] == ["Two shared", "One shared"]
    assert items[0].find("a").attrs["href"] == "../2024-01-01-b/"
    assert "(shares Lloyd J. Austin III, National Intelligence Service)" in items[0].text()
    position = doc.find("span", cls="tl-position")
    assert position.text() == "See it on the timeline ."  # no count (text() joins with spaces)
    assert position.find("a").attrs["href"] == "../../../timeline/#2024-10-31-a"
    source = doc.find("section", cls="tl-sources").find("li")
    assert source.find("span", cls="tl-publisher").text() == "CNN"
    assert source.find("time").attrs["datetime"] == "2024-10-31"
    assert source.find("a").attrs["target"] == "_blank"


def test_event_page_head_has_json_ld_and_social_tags_escaped(site):
    site.event(
        "2024/2024-10-31-a.md",
        title=f"'{HOSTILE}'",
        date="2024-10-31",
        extra="location: Kursk Oblast\nend: 2024-11-02",
    )
    assert site.build(strict=True).returncode == 0
    html = site.html("events/2024/2024-10-31-a/")
    head = html[: html.index("</head>")]
    assert "<script>alert(1)" not in html
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "Event" and data["name"] == HOSTILE
    assert (data["startDate"], data["endDate"]) == ("2024-10-31", "2024-11-02")
    assert data["location"]["name"] == "Kursk Oblast"
    assert data["url"] == "https://example.org/test/events/2024/2024-10-31-a/"
    assert data["citation"][0]["publisher"]["name"] == "AP"
    og, tw = social(head)
    assert og["og:title"] == HOSTILE and og["og:type"] == "article"
    assert og["og:site_name"] == "Test timeline"
    assert og["og:url"] == "https://example.org/test/events/2024/2024-10-31-a/"
    assert tw["twitter:card"] == "summary_large_image" and tw["twitter:title"] == HOSTILE
    card = "https://example.org/test/assets/cards/2024-10-31-a.png"
    assert og["og:image"] == tw["twitter:image"] == card
    assert og["og:image:alt"].startswith(HOSTILE) and tw["twitter:image:alt"] == og["og:image:alt"]
    assert tw["twitter:description"] == "Something happened."


def test_other_pages_get_social_tags_but_no_json_ld(one_event_site):
    site = one_event_site  # built once, shared (conftest)
    html = site.html("timeline/")
    og, _ = social(html[: html.index("</head>")])
    assert og["og:title"] == "Timeline" and og["og:type"] == "website"
    assert og["og:url"] == "https://example.org/test/timeline/"
    assert "application/ld+json" not in html


def test_actor_page_lists_kind_affiliation_span_and_companions(site):
    site.event(
        "2024/2024-10-01-a.md", title="A", date="2024-10-01", actors="[austin, blinken, nis]"
    )
    site.event("2024/2024-10-02-b.md", title="B", date="2024-10-02", actors="[austin, blinken]")
    site.event("2024/2024-12-03-c.md", title="C", date="2024-12-03", actors="[austin, russia]")
    assert site.build(strict=True).returncode == 0
    doc = parse(site.html("actors/lloyd-austin/"))
    facts = doc.find("dl", cls="tl-facts")
    pairs = dict(
        zip([dt.text() for dt in facts.find_all("dt")], [dd.text() for dd in facts.find_all("dd")])
    )
    assert pairs["Kind"] == "Person"
    assert pairs["About"] == "US Secretary of Defense"
    assert pairs["Affiliation"] == "United States"
    assert pairs["On the timeline"] == "3 events, from 1 October 2024 to 3 December 2024"
    companions = doc.find("section", cls="tl-companions").find_all("li")
    assert [li.text() for li in companions] == [
        "Antony J. Blinken (2 events together)",
        "National Intelligence Service (1 event together)",
        "Russia (1 event together)",
    ]
    assert companions[0].find("a").attrs["href"] == "../antony-blinken/"
    listing = doc.find("ol", cls="tl-events")
    items = listing.find_all("li", cls="tl-event")
    assert [li.find("a", cls="tl-title").text() for li in items] == ["A", "B", "C"]
    # each date leads to the event on the timeline
    assert items[0].find("a", cls="tl-when").attrs["href"] == "../../timeline/#2024-10-01-a"


HOME = """\
# Home

<!-- timeline:key-events -->

## Latest additions

<!-- timeline:latest 2 -->
"""


def test_home_page_markers_become_key_events_and_latest_additions(site):
    site.write("index.md", HOME)
    site.event("2024/2024-06-19-a.md", title="Treaty", date="2024-06-19", extra="key: true")
    site.event("2024/2024-10-31-b.md", title="Kursk", date="2024-10-31", extra="key: true")
    site.event("2025/2025-01-12-c.md", title="Prisoners", date="2025-01-12")
    site.event(
        "2024/2024-07-01-d.md", title="Added late", date="2024-07-01", extra="added: 2025-02-01"
    )
    assert site.build(strict=True).returncode == 0
    html = site.html("")
    assert "timeline:" not in html
    doc = parse(html)
    key = doc.find("ol", cls="tl-events--key")
    links = [li.find("h3").find("a") for li in key.find_all("li", cls="tl-event")]
    assert [a.text() for a in links] == ["Treaty", "Kursk"]
    assert links[0].attrs["href"] == "events/2024/2024-06-19-a/"
    latest = doc.find("ul", cls="tl-brief--latest").find_all("li")
    assert [li.find("a").text() for li in latest] == ["Added late", "Prisoners"]
    assert "(added 1 February 2025" in latest[0].text()
    assert latest[0].find("span", cls="tl-muted").find("time").attrs["datetime"] == "2025-02-01"


def test_an_unknown_marker_is_named_by_check_and_build_and_fails_a_strict_build(site):
    site.write("index.md", "# Home\n\n<!-- timeline:keyevents -->\n")
    site.event("2024/2024-10-31-a.md")
    result = site.build(strict=True)
    assert result.returncode != 0
    expected = (
        "content/index.md:3:1: marker: unknown marker 'timeline:keyevents'; "
        "use embeds, key-events, latest, overview, standfirst"
    )
    assert expected in result.stdout
    check = subprocess.run(
        [sys.executable, "-m", "timeline", "check"], cwd=site.root, capture_output=True, text=True
    )
    assert check.returncode == 1 and expected in check.stdout


def test_theme_fixes_favicon_search_dialog_name_and_script(one_event_site):
    site = one_event_site  # built once, shared (conftest)
    doc = parse(site.html("timeline/"))
    assert doc.find("link", rel="icon").attrs["href"] == "../assets/timeline/favicon.svg"
    assert (site.root / "site/assets/timeline/favicon.svg").read_text().startswith("<svg")
    dialog = doc.find("div", cls="md-search")
    assert dialog.attrs["role"] == "dialog" and dialog.attrs["aria-label"] == "Search"
    scripts = [s.attrs.get("src", "") for s in doc.find_all("script")]
    assert "../assets/timeline/timeline.js" in scripts
    assert (site.root / "site/assets/timeline/timeline.js").exists()


def test_a_sites_own_favicon_and_custom_dir_still_win(site):
    config = (site.root / "mkdocs.yml").read_text()
    config = config.replace(
        "  font: false\n", "  font: false\n  favicon: own.png\n  custom_dir: overrides\n"
    )
    (site.root / "mkdocs.yml").write_text(config)
    site.write("own.png", b"\x89PNG")
    partial = site.root / "overrides/partials/search.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<div class="md-search" role="dialog" aria-label="Own search"></div>')
    site.event("2024/2024-10-31-a.md")
    assert site.build(strict=True).returncode == 0
    doc = parse(site.html(""))
    assert doc.find("link", rel="icon").attrs["href"] == "own.png"
    assert doc.find("div", cls="md-search").attrs["aria-label"] == "Own search"


def test_related_events_name_at_most_three_shared_actors(site):
    actors = "[austin, blinken, nis, russia, north-korea]"
    site.event("2024/2024-10-31-a.md", title="Subject", date="2024-10-31", actors=actors)
    site.event("2024/2024-11-01-b.md", title="All five", date="2024-11-01", actors=actors)
    assert site.build(strict=True).returncode == 0
    item = (
        parse(site.html("events/2024/2024-10-31-a/")).find("section", cls="tl-related").find("li")
    )
    assert item.find("span", cls="tl-muted").text() == (
        "(shares Lloyd J. Austin III, Antony J. Blinken, National Intelligence Service and 2 more)"
    )


def test_the_repository_site_loads_no_fonts_or_scripts_from_other_hosts():

    class Tolerant(yaml.SafeLoader):
        pass  # mkdocs.yml may use !!python/name tags; they are not what is checked here

    Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Tolerant)
    assert config["theme"]["font"] is False
    for key in ("extra_css", "extra_javascript"):
        for item in config.get(key) or []:
            path = item if isinstance(item, str) else item.get("path", "")
            assert "//" not in path, f"{key}: {path} is loaded from another host"


def test_latest_additions_follow_the_git_history_like_the_feeds(site):
    """The home page's latest additions use the commit that added each file, as the feeds do."""

    def git(*args: str, date: str | None = None) -> None:
        env = dict(os.environ, GIT_AUTHOR_DATE=date or "", GIT_COMMITTER_DATE=date or "")
        subprocess.run(["git", *args], cwd=site.root, env=env, check=True, capture_output=True)

    site.write("index.md", "# Home\n\n<!-- timeline:latest 2 -->\n")
    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "T")
    site.event("2025/2025-01-12-new.md", title="Newest event, added first", date="2025-01-12")
    git("add", "-A")
    git("commit", "-qm", "first", date="2025-01-13T10:00:00Z")
    site.event("2024/2024-06-19-old.md", title="Old event, added last", date="2024-06-19")
    git("add", "-A")
    git("commit", "-qm", "second", date="2025-03-01T10:00:00Z")
    assert site.build(strict=True).returncode == 0
    latest = parse(site.html("")).find("ul", cls="tl-brief--latest").find_all("li")
    assert [li.find("a").text() for li in latest] == [
        "Old event, added last",
        "Newest event, added first",
    ]
    assert "(added 1 March 2025" in latest[0].text()
