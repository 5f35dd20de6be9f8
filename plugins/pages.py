"""The site map of generated pages and the fragment each page gets (event header and footer,
timeline, actor index, actor pages)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from timeline.collection import Timeline
from timeline.model import ACTORS_PAGE, TIMELINE_PAGE, Event, actor_page, page_url
from timeline.parallel import Forked
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
        self,
        timeline: Timeline,
        config: TimelineConfig,
        git_dates: Mapping[str, datetime],
        renderer: Renderer,
        site: MkDocsConfig,
    ):
        self.timeline, self.config, self.renderer, self.site = timeline, config, renderer, site
        self.events = {event.path: event for event in timeline.events}
        self.actors = {actor_page(actor.id): actor for actor in timeline.registry}
        self.nav_uris = {TIMELINE_PAGE, ACTORS_PAGE}
        self.reader = ReaderViews(timeline, config, git_dates)
        self.lists = EventLists(timeline, config)
        self._common = {"registry": timeline.registry, "actor_url": actor_url}
        # page -> what the plugin adds to it, from the first part needed to the last
        self.fragments: dict[str, Fragments] = {}
        self.ahead: Forked | None = None
        self._waiting: list[Page] = []  # pages whose fragments are being rendered ahead

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

    def render(self, page: Page, html: str) -> str:
        """A page's content: markers replaced, an event's write-up sanitised, and the plugin's
        parts before and after it (now, or in `finish_ahead` while they are rendered ahead)."""
        uri = page.file.src_uri
        html = self.reader.markers(html, page, self.renderer, **self._common)
        if uri in self.events:
            html = clean_html(html)  # the write-up is contributor HTML
        if self.ahead is not None:
            self._waiting.append(page)
            return html
        fragments = self._fragments(page)
        return fragments.before + html + fragments.after

    def after_content(self, page: Page) -> str:
        """What the page template puts after the content, out of the search index: an event's
        sources, updates, related events and neighbours; an actor's events. (Search parses every
        page's content; indexing these listings again on every page cost more than the rest of
        the plugin together, and a search hit on a neighbour's title is noise.)"""
        return self._fragments(page).outside

    def head(self, page: Page) -> str:
        """Extra <head> elements for any page of the site (empty when there are none); the last
        of a page's fragments to be used."""
        uri = page.file.src_uri
        fragments = self.fragments.pop(uri, None)
        if fragments is not None and fragments.head is not None:
            return fragments.head
        return self._head(page, self.events.get(uri))

    def page_fragments(self, page: Page) -> Fragments:
        """Everything the plugin adds to one page, rendered from the timeline alone (never from
        the page's own content): what `render`, `after_content` and `head` put in place."""
        uri, renderer, common = page.file.src_uri, self.renderer, self._common
        if event := self.events.get(uri):
            before, after = self.timeline.neighbours(event)
            context = {
                **common,
                "event": event,
                "previous": before,
                "next": after,
                **self.reader.event_context(event),
            }
            return Fragments(
                before=renderer.render("event-header.html", page, **context),
                outside=renderer.render("event-footer.html", page, **context),
                head=self._head(page, event),
            )
        after = outside = ""
        if actor := self.actors.get(uri):
            events = self.timeline.by_actor[actor.id]
            extra = self.reader.actor_context(actor)
            after = renderer.render(
                "actor.html", page, actor=actor, events=events, **extra, **common
            )
            outside = self.lists.render(uri, page, renderer, heading=True)
        elif uri in self.lists:  # a tag's page, an actor's year or month
            after = self.lists.render(uri, page, renderer, heading=False)
        elif self.reader.is_timeline_page(uri):
            after = self.reader.timeline_page(page, renderer, **common)
        elif uri == ACTORS_PAGE:
            after = renderer.render(
                "actors.html",
                page,
                groups=[
                    (KIND_LABELS[k], members)
                    for k, members in group_by_kind(self.timeline.registry)
                ],
                by_actor=self.timeline.by_actor,
                **common,
            )
        # the head of any other page needs its title and metadata, known only once it is read
        return Fragments(after=after, outside=outside)

    def _head(self, page: Page, event: Event | None) -> str:
        meta = self.reader.head_context(page, event, self.site)
        return self.renderer.render("head.html", page, event=event, **meta).strip()

    def _fragments(self, page: Page) -> Fragments:
        uri = page.file.src_uri
        if (fragments := self.fragments.get(uri)) is None:
            fragments = self.fragments[uri] = self.page_fragments(page)
        return fragments

    # --- rendering ahead (TimelinePlugin._ahead_wanted) -----------------------------------------

    def render_all(self, pages: list[Page]) -> dict[str, Fragments]:
        """Every page's fragments: the work a forked process does ahead."""
        return {page.file.src_uri: self.page_fragments(page) for page in pages}

    def wait_for(self, ahead: Forked) -> None:
        """From now until `finish_ahead`, pages get their fragments from `ahead`."""
        self.ahead = ahead

    def finish_ahead(self, rendered: Mapping[str, Fragments] | None) -> None:
        """Take the fragments rendered ahead (None: the worker failed, so they are rendered
        here) and complete the content of every page left waiting for them."""
        self.ahead = None
        self.fragments.update(rendered or {})
        for page in self._waiting:
            fragments = self._fragments(page)
            page.content = fragments.before + (page.content or "") + fragments.after
        self._waiting.clear()


@dataclass(frozen=True, slots=True)
class Fragments:
    """What the plugin adds to a page: HTML `before` and `after` its own content (searched, like
    the content), HTML `outside` the content (after it, not searched) and <head> elements (an
    event page's; any other page's are rendered last, from its title and metadata)."""

    before: str = ""
    after: str = ""
    outside: str = ""
    head: str | None = None  # None: rendered when the page is written


def actor_url(actor_id: str) -> str:
    return page_url(actor_page(actor_id))
