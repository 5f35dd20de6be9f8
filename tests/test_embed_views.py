"""The embed pages and the "Use this data" section, decided by the core (`views/embed.py`):
which pages exist, what each holds, where they lead, and the snippets' addresses."""

from __future__ import annotations

from unittest import mock

from conftest import entry
from test_ordering import timeline_of

from timeline.views import embed
from timeline.views.pages import PageInfo, SiteOptions
from timeline.views.site import SiteMap

EVENTS = {
    "events/a.md": entry(title="A", date="2024-06-19", actors="[russia, north-korea]"),
    "events/b.md": entry(title="B", date="2024-10-31", extra="tags: [Kursk, diplomacy]"),
    "events/c.md": entry(title="C", date="2025-01-12", actors="[nis]", extra="tags: [Kursk]"),
    "events/d.md": entry(title="D", date="2025-01-13", extra="status: claimed"),
}


def sitemap(site_url: str | None = "https://example.org/t/", **options) -> SiteMap:
    return SiteMap(timeline_of(EVENTS), SiteOptions(site_name="T", site_url=site_url, **options))


def test_an_embed_page_for_the_timeline_and_for_each_actor_and_tag_with_events():
    embeds = sitemap().embeds
    assert sorted(embeds.uris()) == [
        "embed/actors/nis.md",
        "embed/actors/north-korea.md",
        "embed/actors/russia.md",
        "embed/index.md",
        "embed/tags/diplomacy/index.md",
        "embed/tags/kursk/index.md",
    ]  # the registry's actors without events get none
    assert set(embeds.uris()) <= set(sitemap().uris())
    meta = sitemap().meta("embed/actors/nis.md")
    assert meta["template"] == "timeline/embed-page.html"
    assert meta["search"] == {"exclude": True}
    assert meta["title"] == "National Intelligence Service: latest events"


def test_an_embed_page_holds_the_latest_events_of_its_scope_in_timeline_order():
    with mock.patch.object(embed, "EMBED_EVENTS", 2):
        fragment = sitemap().parts("embed/index.md").after
    assert fragment.template == "embed.html"
    context = fragment.context
    assert [e.title for e in context["events"]] == ["C", "D"]
    assert (context["count"], context["total"]) == (2, 4)
    assert context["full_url"] == "timeline/"
    tag = sitemap().parts("embed/tags/kursk/index.md").after.context
    assert [e.title for e in tag["events"]] == ["B", "C"]
    assert (tag["kind"], tag["value"], tag["full_url"]) == ("tag", "Kursk", "timeline/?tag=Kursk")
    assert tag["pages"] is None  # only /embed/ sends a query on to another page


def test_the_timeline_s_embed_page_knows_where_each_actor_and_tag_has_its_own():
    pages = sitemap().parts("embed/index.md").after.context["pages"]
    assert pages["actor"]["north-korea"] == ["embed/actors/north-korea/", 3]
    assert pages["tag"]["Kursk"] == ["embed/tags/kursk/", 2]
    assert set(pages["actor"]) == {"nis", "north-korea", "russia"}


def test_an_embed_page_s_head_gets_no_font_feed_or_sharing_tags():
    info = PageInfo("https://example.org/t/embed/", False, lambda: "x", lambda: "y")
    assert sitemap().head("embed/index.md", info) == {"embed": True}
    assert "social" in sitemap().head("timeline/index.md", info)


def test_the_embeds_section_gives_the_published_address_and_the_viewer_only_when_public():
    context = sitemap().section("embeds", None, "data.md").context
    assert context["embed_url"] == "https://example.org/t/embed/"
    assert context["origin"] == "https://example.org"
    assert context["data_url"] == "https://example.org/t/timelinejs.json"
    assert context["viewer"] == (
        "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html"
        "?source=https%3A%2F%2Fexample.org%2Ft%2Ftimelinejs.json"
    )
    assert context["example"].id == "north-korea"  # the actor with the most events
    local = sitemap("http://127.0.0.1:8000/").section("embeds", None, "data.md").context
    assert local["viewer"] is None  # Knight Lab's page cannot read the reader's own machine
    assert local["origin"] == "http://127.0.0.1:8000"
    bare = sitemap(None).section("embeds", None, "data.md").context
    assert (bare["embed_url"], bare["origin"], bare["viewer"]) == ("embed/", None, None)
    assert bare["data_url"] == "timelinejs.json"


def test_an_empty_timeline_has_one_embed_page_and_no_example():
    empty = SiteMap(timeline_of({}), SiteOptions())
    assert empty.embeds.uris() == ["embed/index.md"]
    assert empty.section("embeds", None, "data.md").context["example"] is None
