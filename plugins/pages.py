"""The site map of generated pages and the fragment each page gets (event header and footer,
timeline, actor index, actor pages)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from mkdocs.structure.pages import Page

from timeline.collection import Timeline
from timeline.model import ACTORS_PAGE, TIMELINE_PAGE, Event, actor_page, page_url
from timeline.registry import group_by_kind
from timeline.sanitize import clean_html

from .config import TimelineConfig
from .lists import EventLists
from .reader import ReaderViews
from .render import Renderer

KIND_LABELS = {
    "person": "People",
    "country": "Countries",
    "organization": "Organizations",
    "group": "Groups",
}


class SitePages:
    """Which pages the timeline adds, their metadata, and how each one's HTML is completed."""

    def __init__(
        self, timeline: Timeline, config: TimelineConfig, git_dates: Mapping[str, datetime]
    ):
        self.timeline, self.config = timeline, config
        self.events = {event.path: event for event in timeline.events}
        self.actors = {actor_page(actor.id): actor for actor in timeline.registry}
        self.nav_uris = {TIMELINE_PAGE, ACTORS_PAGE}
        self.reader = ReaderViews(timeline, config, git_dates)
        self.lists = EventLists(timeline, config)
        self._contexts: dict[str, dict] = {}

    def uris(self) -> list[str]:
        return [TIMELINE_PAGE, ACTORS_PAGE, *self.actors, *self.reader.uris(), *self.lists.uris()]

    def phase(self, uri: str) -> str:
        """The plugin phase (timing.PHASES) a page's work is counted under."""
        if uri in self.events:
            return "event pages"
        if uri in self.actors or uri == ACTORS_PAGE or uri in self.lists:
            return "actor pages"  # and tag pages
        if self.reader.is_timeline_page(uri):
            return "timeline pages"
        return "other pages"

    def meta(self, uri: str) -> dict | None:
        if event := self.events.get(uri):
            return {
                "title": event.title,
                "description": event.summary,
                "template": "timeline/event.html",
                "tags": list(event.tags),
            }
        if actor := self.actors.get(uri):
            return {
                "title": actor.name,
                "description": actor.description,
                "template": "timeline/page.html",
            }
        if uri == TIMELINE_PAGE:
            # a listing of what the event pages say: search would only find every word twice
            return {"title": "Timeline", "search": {"exclude": True}}
        if uri == ACTORS_PAGE:
            return {"title": "Actors"}
        if uri in self.lists:
            return self.lists.meta(uri)
        meta = self.reader.meta(uri)
        if meta is not None and self.reader.is_timeline_page(uri):  # a year page: as above
            meta["search"] = {"exclude": True}
        return meta

    def render(self, page: Page, html: str, renderer: Renderer) -> str:
        uri = page.file.src_uri
        common = {"registry": self.timeline.registry, "actor_url": actor_url}
        html = self.reader.markers(html, page, renderer, **common)
        if event := self.events.get(uri):
            header = renderer.render("event-header.html", page, **self._event_context(event))
            return header + clean_html(html)  # the write-up is contributor HTML
        if actor := self.actors.get(uri):
            events = self.timeline.by_actor[actor.id]
            extra = self.reader.actor_context(actor)
            return html + renderer.render(
                "actor.html", page, actor=actor, events=events, **extra, **common
            )
        if uri in self.lists:  # a tag's page, an actor's year or month
            return html + self.lists.render(uri, page, renderer, heading=False)
        if self.reader.is_timeline_page(uri):
            return html + self.reader.timeline_page(page, renderer, **common)
        if uri == ACTORS_PAGE:
            return html + renderer.render(
                "actors.html",
                page,
                groups=[
                    (KIND_LABELS[k], members)
                    for k, members in group_by_kind(self.timeline.registry)
                ],
                by_actor=self.timeline.by_actor,
                **common,
            )
        return html

    def after_content(self, page: Page, renderer: Renderer) -> str:
        """What the page template puts after the content, out of the search index: an event's
        sources, updates, related events and neighbours; an actor's events. (Search parses every
        page's content; indexing these listings again on every page cost more than the rest of
        the plugin together, and a search hit on a neighbour's title is noise.)"""
        uri = page.file.src_uri
        if event := self.events.get(uri):
            return renderer.render("event-footer.html", page, **self._event_context(event))
        if uri in self.actors:
            return self.lists.render(uri, page, renderer, heading=True)
        return ""

    def _event_context(self, event: Event) -> dict:
        """Shared by the event's header and footer; the footer is rendered last and takes it."""
        if (context := self._contexts.pop(event.id, None)) is not None:
            return context
        before, after = self.timeline.neighbours(event)
        context = {
            "registry": self.timeline.registry,
            "actor_url": actor_url,
            "event": event,
            "previous": before,
            "next": after,
        }
        context.update(self.reader.event_context(event))
        self._contexts[event.id] = context
        return context

    def head(self, page: Page, renderer: Renderer, site=None) -> str:
        """Extra <head> elements for any page of the site (empty when there are none)."""
        event = self.events.get(page.file.src_uri)
        meta = self.reader.head_context(page, event, site) if site is not None else {}
        return renderer.render("head.html", page, event=event, **meta).strip()


def actor_url(actor_id: str) -> str:
    return page_url(actor_page(actor_id))
