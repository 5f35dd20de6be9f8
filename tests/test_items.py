"""An event's item, kept across the preview's rebuilds (`timeline/views/items.py`), is the item
the macro renders on that page, byte for byte, whatever the entry holds; a changed event, actor
name, claim or template renders it again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import jinja2
from conftest import ACTORS

from timeline import words
from timeline.check.registry import load_registry
from timeline.check.schema import EVENT_FIELDS, defaults
from timeline.dates import PartialDate
from timeline.model import Event, EventImage, Source
from timeline.views.figure_pages import outcome_words
from timeline.views.items import MACROS, Items
from timeline.views.pictures import thumbnail
from timeline.views.reader import actor_line, source_line
from timeline.views.render import Renderer
from timeline.views.urls import actor_url, relative_to

TEMPLATES = Path(__file__).parent.parent / "plugins" / "templates"
REGISTRY = load_registry(ACTORS.encode(), "actors.yml")[0]
PAGES = ["", "timeline/", "timeline/2024/10/", "embed/actors/nis/", "index.html", "a/b/c/d/"]


def event(event_id: str, title: str = "An event", path: str | None = None, **fields) -> Event:
    given = {
        "summary": "Something <b>happened</b> & “more”.",
        "actors": ("lloyd-austin", "antony-blinken"),
        "sources": (Source("AP", "https://apnews.com/x?a=1&b='2'"),),
        **fields,
    }
    return Event(
        **{**defaults(EVENT_FIELDS), **given},
        id=event_id,
        path=path or f"events/2024/{event_id}.md",
        title=title,
        date=PartialDate(2024, 10, 31),
        body="",
        body_line=1,
    )


IMAGE = EventImage("a.png", "", "Credit", path="events/2024/a.png", digest="d1", width=800,
                   height=600)  # fmt: skip
HOSTILE = [
    event("plain"),
    event("with-image", image=IMAGE, key=True, tags=("a tag", 'q"uote'), places=("kyiv",)),
    event("odd-path", path="events/2024/a&b'\"<x> y.md"),
    event("markup", title="</a><script>alert(1)</script>\"'&amp;"),
    event("markers", title="\ue000" + "0" * 16 + "\ue001 evil \ue002\ue003 url(x)"),
    event("long", title="x" * 20_000, summary="y" * 50_000),
]


def item(renderer: Renderer, items: Items, page: str, e: Event, **options) -> str:
    macro = renderer.env.get_template(MACROS).module.event_item
    later = {e.id: [("confirms", HOSTILE[0])]} if options.pop("outcomes", False) else None
    return items(macro, e, REGISTRY, relative_to(page), actor_url, source_line, actor_line,
                 "about/#what-each-status-means", outcomes=later, outcome_words=outcome_words,
                 **options)  # fmt: skip


def renderer(items: Items | None = None, loader: jinja2.BaseLoader | None = None) -> Renderer:
    words.use("en")
    return Renderer(loader or jinja2.FileSystemLoader(str(TEMPLATES)), items)


def test_a_kept_item_is_the_item_the_macro_renders_on_each_page():
    kept, direct = Items(keep=True), Items()
    with_kept, plain = renderer(kept), renderer(direct)
    variants = [{}, {"level": 2}, {"level": 3, "thumb": thumbnail, "outcomes": True}]
    for page in PAGES:
        for e in HOSTILE:
            for options in variants:
                got = item(with_kept, kept, page, e, **dict(options))
                assert got == item(plain, direct, page, e, **dict(options)), (page, e.id, options)
    assert kept.made == len(HOSTILE) * len(variants)  # once each, then only its links
    assert kept.reused == (len(PAGES) - 1) * len(HOSTILE) * len(variants)
    assert direct.store == {} and direct.made == 0  # a build outside the preview keeps none
    assert "<script>" not in item(with_kept, kept, "", HOSTILE[3])


def test_what_an_item_shows_changing_renders_it_again():
    items = Items(keep=True)
    r = renderer(items)
    first = item(r, items, "timeline/", HOSTILE[0])
    assert item(r, items, "timeline/", HOSTILE[0]) == first and items.made == 1
    retitled = replace(HOSTILE[0], title="A new title")
    assert "A new title" in item(r, items, "timeline/", retitled) and items.made == 2
    renamed = load_registry(ACTORS.replace("Lloyd J. Austin III", "Lloyd Austin").encode(), "a")[0]
    macro = r.env.get_template(MACROS).module.event_item
    again = items(macro, retitled, renamed, relative_to("x/"), actor_url, source_line, actor_line)
    assert "Lloyd Austin<" in again and items.made == 3
    answered = item(r, items, "timeline/", retitled, outcomes=True)  # a claim answered since
    assert "tl-outcome--confirms" in answered and items.made == 4
    assert len(items.store) == 2  # one per event and kind of item: edits do not pile up


def test_another_macros_html_or_language_starts_afresh():
    items = Items(keep=True)
    item(renderer(items), items, "", HOSTILE[0])
    renderer(items)  # the next build, the same templates
    assert len(items.store) == 1
    source = (TEMPLATES / "timeline" / "macros.html").read_text(encoding="utf-8")
    edited = jinja2.DictLoader({MACROS: source.replace("tl-event__title", "tl-event__name")})
    r = renderer(items, edited)
    assert items.store == {}
    assert "tl-event__name" in item(r, items, "", HOSTILE[0])
    words.use("pl")
    Renderer(edited, items)
    assert items.store == {}  # dates and words in another language
    words.use("en")


def test_an_item_whose_links_change_after_they_are_made_is_never_kept():
    source = (TEMPLATES / "timeline" / "macros.html").read_text(encoding="utf-8")
    for changed in ["{{ (url(event.url) | upper) }}", "{% set u = url(event.url) %}{{ u }}#{{ u }}",
                    "{% set unused = url(event.url) %}"]:  # fmt: skip
        loader = jinja2.DictLoader({MACROS: source.replace("{{ url(event.url) }}", changed, 1)})
        kept, direct = Items(keep=True), Items()
        got = item(renderer(kept, loader), kept, "timeline/", HOSTILE[2])
        assert got == item(renderer(direct, loader), direct, "timeline/", HOSTILE[2]), changed
        assert kept.store == {} and kept.made == 0, changed
