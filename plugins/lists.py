"""Actor and tag pages, bounded like the timeline: an actor or a tag with many events lists the
latest on its own page and the rest on a page per year (and per month for a busy year), laid
out by the same rule as the timeline (`timeline.views.plan_pages`)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs.structure.pages import Page

from timeline.collection import Timeline
from timeline.dates import month_name
from timeline.model import Event, actor_page, page_url, tag_page
from timeline.views import Layout, plan_pages, tag_slugs

from .config import TimelineConfig
from .render import Renderer

# the tags index lists a tag's events itself up to this many; past it, only the link to the
# tag's own page (mkdocs-material's listing names every page under every tag: unbounded)
TAG_INDEX_EVENTS = 20


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of an actor's or a tag's events: its main page (year None) or a year or month."""

    kind: str  # "actor" or "tag"
    name: str  # the actor's name, or the tag
    layout: Layout
    year: int | None
    month: int | None
    events: tuple[Event, ...]  # listed on this page
    every: Sequence[Event]  # all of the actor's or the tag's events

    @property
    def title(self) -> str:
        what = self.name if self.kind == "actor" else f"Tag: {self.name}"
        if self.year is None:
            return what
        when = f"{month_name(self.month)} {self.year}" if self.month else str(self.year)
        return f"{what}, {when}"


class EventLists:
    """Every actor's and every tag's pages of events, for one build."""

    def __init__(self, timeline: Timeline, config: TimelineConfig):
        self.timeline = timeline
        self.pages: dict[str, ListPage] = {}
        self.slugs = tag_slugs(list(timeline.by_tag))
        for actor in timeline.registry:
            self._add(
                "actor", actor.name, timeline.by_actor[actor.id], actor_page(actor.id), config
            )
        for tag, events in timeline.by_tag.items():
            self._add("tag", tag, events, tag_page(self.slugs[tag]), config)
        # the tags plugin's listing sees a tag as the page metadata gave it: escaped as text
        self._by_shown_tag = {html.escape(tag, quote=False): tag for tag in self.slugs}

    def _add(self, kind: str, name: str, events, main: str, config: TimelineConfig) -> None:
        root = main.removesuffix(".md").removesuffix("/index")
        layout = plan_pages(
            events,
            config.year_pages_after,
            max(0, config.main_page_events),
            config.month_pages_after,
            main_path=main,
            root=root,
        )
        for uri, year, month, listed in layout.pages():
            self.pages[uri] = ListPage(kind, name, layout, year, month, listed, events)

    def uris(self) -> list[str]:
        """The pages to generate: every tag page, and the year and month pages of actors (their
        main pages are the actor pages)."""
        return [uri for uri, p in self.pages.items() if p.kind == "tag" or p.year is not None]

    def __contains__(self, uri: str) -> bool:
        return uri in self.pages

    def meta(self, uri: str) -> dict | None:
        """Title and description of a generated list page (an actor's main page has its own).
        Left out of the search index: each event is found on its own page."""
        page = self.pages.get(uri)
        if page is None or (page.kind == "actor" and page.year is None):
            return None
        if page.year is None:
            count = len(page.every)
        elif page.month is None:  # the whole year, also when its events are on month pages
            count = len(page.layout.year_events(page.year))
        else:
            count = len(page.events)
        what = f"{count} event{'' if count == 1 else 's'}"
        what += f" naming {page.name}" if page.kind == "actor" else f" tagged “{page.name}”"
        if page.year is not None:
            what += f", {month_name(page.month)} {page.year}" if page.month else f", {page.year}"
        return {
            "title": page.title,
            "description": what + ".",
            "template": "timeline/page.html",
            "search": {"exclude": True},
        }

    def render(self, uri: str, page: Page, renderer: Renderer, heading: bool) -> str:
        """The list of events of a list page, with the links to its other pages."""
        listed = self.pages[uri]
        layout = listed.layout
        whole_year = layout.year_events(listed.year) if listed.year else ()
        every = listed.every
        return renderer.render(
            "event-list.html",
            page,
            listed=listed,
            heading=heading,
            events=listed.events,
            count=len(listed.events),
            total=len(every),
            first=every[0] if every else None,
            last=every[-1] if every else None,
            year_count=len(whole_year),
            split=layout.split,
            main_url=page_url(layout.main_path),
            years=[(y, page_url(u), n) for y, u, n in layout.year_list()],
            month_list=[
                (m, page_url(u), n)
                for m, u, n in (layout.month_list(listed.year) if listed.year else ())
                if listed.month is None
            ],
        )

    def tag_listing(self, listing) -> dict | None:
        """For the tags index (mkdocs-material's listing of one tag): the tag's page and its
        number of events, and the pages to list there: the others, and its events if few."""
        tag = self._by_shown_tag.get(str(listing.tag.name))
        if tag is None:
            return None
        events = {event.path for event in self.timeline.by_tag[tag]}
        few = len(events) <= TAG_INDEX_EVENTS
        items = [m for m in listing.mappings if few or m.item.file.src_uri not in events]
        return {"url": page_url(tag_page(self.slugs[tag])), "count": len(events), "items": items}
