"""The site map of generated pages and the fragment each page gets (event header and footer,
timeline, actor index, actor pages)."""

from __future__ import annotations

from mkdocs.structure.pages import Page

from timeline.collection import Timeline
from timeline.model import ACTORS_PAGE, TIMELINE_PAGE, Event, actor_page, page_url
from timeline.registry import group_by_kind

from .config import TimelineConfig
from .render import Renderer

KIND_LABELS = {
    "person": "People",
    "country": "Countries",
    "organization": "Organizations",
    "group": "Groups",
}


class SitePages:
    """Which pages the timeline adds, their metadata, and how each one's HTML is completed."""

    def __init__(self, timeline: Timeline, config: TimelineConfig):
        self.timeline, self.config = timeline, config
        self.events = {event.path: event for event in timeline.events}
        self.actors = {actor_page(actor.id): actor for actor in timeline.registry}
        self.nav_uris = {TIMELINE_PAGE, ACTORS_PAGE}

    def uris(self) -> list[str]:
        return [TIMELINE_PAGE, ACTORS_PAGE, *self.actors]

    def phase(self, uri: str) -> str:
        """The plugin phase (timing.PHASES) a page's work is counted under."""
        if uri in self.events:
            return "event pages"
        if uri in self.actors or uri == ACTORS_PAGE:
            return "actor pages"
        if uri == TIMELINE_PAGE:
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
        return None

    def render(self, page: Page, html: str, renderer: Renderer) -> str:
        uri = page.file.src_uri
        common = {"registry": self.timeline.registry, "actor_url": actor_url}
        if event := self.events.get(uri):
            return renderer.render("event-header.html", page, **self._event_context(event)) + html
        if actor := self.actors.get(uri):
            return html + renderer.render("actor.html", page, actor=actor, **common)
        if uri == TIMELINE_PAGE:
            newest = self.config.order == "newest"
            return html + renderer.render(
                "timeline.html",
                page,
                groups=self.timeline.groups(newest_first=newest),
                count=len(self.timeline.events),
                **common,
            )
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
        sources, updates and neighbours; an actor's events. (Search parses every page's
        content; indexing these listings again on every page cost more than the rest of the
        plugin together, and a search hit on a neighbour's title is noise.)"""
        uri = page.file.src_uri
        if event := self.events.get(uri):
            return renderer.render("event-footer.html", page, **self._event_context(event))
        if actor := self.actors.get(uri):
            events = self.timeline.by_actor[actor.id]
            return renderer.render("actor-events.html", page, events=events)
        return ""

    def _event_context(self, event: Event) -> dict:
        before, after = self.timeline.neighbours(event)
        return {
            "registry": self.timeline.registry,
            "actor_url": actor_url,
            "event": event,
            "previous": before,
            "next": after,
        }

    def head(self, page: Page, renderer: Renderer) -> str:
        """Extra <head> elements for any page of the site (empty when there are none)."""
        event = self.events.get(page.file.src_uri)
        return renderer.render("head.html", page, event=event).strip()


def actor_url(actor_id: str) -> str:
    return page_url(actor_page(actor_id))
