"""Renders what the core's `SiteMap` decides each page shows (Jinja fragments, autoescaped, from
the theme's template folders: a site's custom_dir can override `timeline/*.html`), and puts it
in the page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import jinja2
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from timeline import words
from timeline.exports import FEEDS
from timeline.model import STATUSES
from timeline.views.layout import month_anchor
from timeline.views.pages import Fragment, PageInfo
from timeline.views.sanitize import clean_html
from timeline.views.site import SiteMap
from timeline.views.urls import relative_to


class MadePage(Page):
    """A page made whole by the plugin (an actor's, a year's): no Markdown to convert (setting up
    a converter per page was 1 s of a build at 5,000 events)."""

    def render(self, config, files) -> None:
        self.content, self.toc, self.present_anchor_ids = "", get_toc([]), set()


class Renderer:
    """One autoescaping environment per build on the theme's loader; templates compile once."""

    def __init__(self, theme_env: jinja2.Environment, config):
        self.env = jinja2.Environment(
            loader=theme_env.loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
            auto_reload=False,
        )  # fmt: skip
        names = words.template_names()  # in the site's language (words.use, at build start)
        self.env.filters.update(names["filters"], timeline_anchor=month_anchor)
        globals_ = {**names["globals"], "config": config, "timeline_feeds": FEEDS}
        self.env.globals.update(globals_, statuses=STATUSES)

    def render(self, name: str, page: Page, **context) -> str:
        template = self.env.get_template(f"timeline/{name}")
        return template.render(page=page, url=relative_to(page.url), **context)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A page's parts as HTML (`timeline.views.site.PageParts`), and an event page's <head>."""

    before: str = ""
    after: str = ""
    outside: str = ""
    head: str | None = None  # None: rendered last, once MkDocs has read the page


class SitePages:
    """One build's pages: their parts rendered once each, now or ahead in another process."""

    def __init__(self, sitemap: SiteMap, renderer: Renderer):
        self.map, self.renderer = sitemap, renderer
        self.rendered: dict[str, Rendered] = {}
        self.deferred: list[Page] | None = None  # while rendering ahead: pages left to complete

    def _html(self, fragment: Fragment | None, page: Page) -> str:
        return self.renderer.render(fragment.template, page, **fragment.context) if fragment else ""

    def render(self, page: Page) -> Rendered:
        """A page's parts, from the timeline alone: never from the page's own title, metadata,
        table of contents or content, which a process rendering ahead does not have yet."""
        uri, parts = page.file.src_uri, self.map.parts(page.file.src_uri)
        html = [self._html(f, page) for f in (parts.before, parts.after, parts.outside)]
        return Rendered(*html, head=self._head(page) if uri in self.map.events else None)

    def _rendered(self, page: Page) -> Rendered:
        uri = page.file.src_uri
        if (rendered := self.rendered.get(uri)) is None:
            rendered = self.rendered[uri] = self.render(page)
        return rendered

    def content(self, page: Page, html: str) -> str:
        """A page's content: a contributor's write-up sanitised, a maintainers' page's markers
        replaced, and the parts before and after it (now, or in `complete` when ahead)."""
        if page.file.src_uri in self.map.events:
            html = clean_html(html)  # contributor HTML; markers there are refused by the core
        elif "timeline:" in html:
            html = self.map.with_sections(html, page.file.src_uri, lambda f: self._html(f, page))
        if self.deferred is not None:
            self.deferred.append(page)
            return html
        rendered = self._rendered(page)
        return rendered.before + html + rendered.after

    def after_content(self, page: Page) -> str:
        """What the page template puts after the content, out of the search index."""
        return self._rendered(page).outside

    def head(self, page: Page) -> str:
        """Extra <head> elements (feeds, OpenGraph, JSON-LD): the last part a page uses."""
        rendered = self.rendered.pop(page.file.src_uri, None)
        return rendered.head if rendered and rendered.head is not None else self._head(page)

    def _head(self, page: Page) -> str:
        info = PageInfo(
            page.canonical_url, page.is_homepage, lambda: page.title,
            lambda: (page.meta or {}).get("description"),
        )  # fmt: skip
        return self.renderer.render(
            "head.html", page, **self.map.head(page.file.src_uri, info)
        ).strip()

    # --- rendering ahead (ahead.RenderAhead) ------------------------------------------------------

    def render_all(self, pages: list[Page]) -> dict[str, Rendered]:
        """Every page's parts: the work a process rendering ahead does."""
        return {page.file.src_uri: self.render(page) for page in pages}

    def complete(self, rendered: Mapping[str, Rendered] | None) -> None:
        """Take the parts rendered ahead (None: render them here) and complete the content of
        every page left waiting for them."""
        waiting, self.deferred = self.deferred or [], None
        self.rendered.update(rendered or {})
        for page in waiting:
            parts = self._rendered(page)
            page.content = parts.before + (page.content or "") + parts.after
