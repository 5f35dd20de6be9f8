"""Renders what the core's `SiteMap` decides each page shows, and puts it in the page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs.structure.pages import Page

from timeline.check.markers import find_markers
from timeline.views.sanitize import clean_html
from timeline.views.site import Fragment, SiteMap

from .render import Renderer


@dataclass(frozen=True, slots=True)
class Rendered:
    """A page's parts as HTML (see `timeline.sitemap.PageParts`); `head` is None for a page
    whose <head> needs its title and metadata, known only once MkDocs has read it."""

    before: str = ""
    after: str = ""
    outside: str = ""
    head: str | None = None


class SitePages:
    """One build's pages: their parts rendered once each, now or ahead in another process."""

    def __init__(self, sitemap: SiteMap, renderer: Renderer, site_name: str, description: str):
        self.map, self.renderer = sitemap, renderer
        self.site_name, self.description = site_name, description
        self.rendered: dict[str, Rendered] = {}
        self.deferred: list[Page] | None = None  # while rendering ahead: pages left to complete

    def _fragment(self, fragment: Fragment | None, page: Page) -> str:
        if fragment is None:
            return ""
        return self.renderer.render(fragment.template, page, **fragment.context)

    def render(self, page: Page) -> Rendered:
        """A page's parts, from the timeline alone: never from the page's own title, metadata,
        table of contents or content, which a process rendering ahead does not have yet."""
        uri = page.file.src_uri
        parts = self.map.parts(uri)
        event_head = self._head(page) if uri in self.map.events else None
        return Rendered(
            before=self._fragment(parts.before, page),
            after=self._fragment(parts.after, page),
            outside=self._fragment(parts.outside, page),
            head=event_head,
        )

    def _rendered(self, page: Page) -> Rendered:
        uri = page.file.src_uri
        if (rendered := self.rendered.get(uri)) is None:
            rendered = self.rendered[uri] = self.render(page)
        return rendered

    def content(self, page: Page, html: str) -> str:
        """A page's content: markers replaced, a contributor's write-up sanitised, and the
        parts before and after it (now, or in `complete` while they are rendered ahead)."""
        uri = page.file.src_uri
        if uri in self.map.events:
            html = clean_html(html)  # the write-up is contributor HTML; its markers are refused
        elif "timeline:" in html:
            html = self._sections(page, html)
        if self.deferred is not None:
            self.deferred.append(page)
            return html
        rendered = self._rendered(page)
        return rendered.before + html + rendered.after

    def _sections(self, page: Page, html: str) -> str:
        """Each `<!-- timeline:NAME [N] -->` of a maintainers' page replaced by its section
        (an unknown one is left as it is: the core reports it)."""
        out, end = [], 0
        for marker in find_markers(html):
            if marker.problem is not None:
                continue
            section = self.map.section(marker.name, marker.number, page.file.src_uri)
            out += [html[end : marker.start], self._fragment(section, page)]
            end = marker.end
        return "".join(out) + html[end:]

    def after_content(self, page: Page) -> str:
        """What the page template puts after the content, out of the search index."""
        return self._rendered(page).outside

    def head(self, page: Page) -> str:
        """Extra <head> elements (feeds, OpenGraph, JSON-LD): the last part a page uses."""
        rendered = self.rendered.pop(page.file.src_uri, None)
        if rendered is not None and rendered.head is not None:
            return rendered.head
        return self._head(page)

    def _head(self, page: Page) -> str:
        uri, title, description = page.file.src_uri, "", ""
        if uri not in self.map.events:  # an event's come from the event, ahead of reading
            title = self.site_name if page.is_homepage else (page.title or self.site_name)
            description = (page.meta or {}).get("description") or self.description
        meta = self.map.head(
            uri, title=title, description=description, url=page.canonical_url,
            site_name=self.site_name,
        )  # fmt: skip
        return self.renderer.render("head.html", page, **meta).strip()

    # --- rendering ahead (ahead.RenderAhead) ------------------------------------------------------

    def render_all(self, pages: list[Page]) -> dict[str, Rendered]:
        """Every page's parts: the work a process rendering ahead does."""
        return {page.file.src_uri: self.render(page) for page in pages}

    def complete(self, rendered: Mapping[str, Rendered] | None) -> None:
        """Take the parts rendered ahead (None: they are rendered here) and complete the
        content of every page left waiting for them."""
        waiting, self.deferred = self.deferred or [], None
        self.rendered.update(rendered or {})
        for page in waiting:
            parts = self._rendered(page)
            page.content = parts.before + (page.content or "") + parts.after
