"""Readers' views on the site: timeline, year and month pages with filters and the overview
chart, event and actor page extras, home-page sections from markers, and <head> metadata.
Decisions come from the core (`timeline.views`, `.related`, `.overview`, `.metadata`); this
module only renders them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from timeline.collection import Timeline
from timeline.dates import month_name
from timeline.markers import Marker, find_markers, marker_problems
from timeline.metadata import event_jsonld, script_json, social_tags
from timeline.model import TIMELINE_PAGE, Actor, Event, page_url
from timeline.ordering import group_by_year_and_month, period
from timeline.overview import overview
from timeline.related import Relations, companions
from timeline.views import (
    filter_choices,
    key_events,
    latest_additions,
    month_anchor,
    plan_pages,
    positions,
)

from .config import TimelineConfig
from .render import Renderer, relative_to

log = get_plugin_logger("timeline")

# `<!-- timeline:latest 5 -->` in a maintainers' page is replaced by the generated section (the
# syntax and its problems are the core's: `timeline.markers`)
TEMPLATES = {"key-events": "home-key-events.html", "latest": "home-latest.html"}


class ReaderViews:
    """Per-build views over one timeline; built in `on_files` with the rest of the site."""

    def __init__(
        self, timeline: Timeline, config: TimelineConfig, git_dates: Mapping[str, datetime]
    ):
        self.timeline, self.config, self.git_dates = timeline, config, git_dates
        self.layout = plan_pages(
            timeline.events,
            config.year_pages_after,
            max(0, config.main_page_events),
            config.month_pages_after,
        )
        self.pages = {
            uri: (year, month, events) for uri, year, month, events in self.layout.pages()
        }
        self.positions = positions(timeline.events)
        self.event_paths = frozenset(event.path for event in timeline.events)
        self.relations = Relations(timeline.events, timeline.by_actor)

    def uris(self) -> list[str]:
        """The year and month pages (the main timeline page is the site's own)."""
        return [uri for uri in self.pages if uri != TIMELINE_PAGE]

    def meta(self, uri: str) -> dict | None:
        if uri in self.pages and uri != TIMELINE_PAGE:
            year, month = self.pages[uri][:2]
            when = f"{month_name(month)} {year}" if month else str(year)
            return {"title": f"Timeline: {when}", "description": f"Every event of {when}."}
        return None

    def is_timeline_page(self, uri: str) -> bool:
        return uri in self.pages

    # --- timeline pages ----------------------------------------------------------------------

    def timeline_page(self, page: Page, renderer: Renderer, **common) -> str:
        uri = page.file.src_uri
        year, month, events = self.pages[uri]
        newest = self.config.order == "newest"
        groups = group_by_year_and_month(reversed(events) if newest else events)
        # a year page by month draws the whole year, its bars linking to the month pages
        whole_year = (self.layout.year_events(year) or events) if month is None else events
        chart_events = self.timeline.events if year is None else whole_year
        return renderer.render(
            "timeline.html",
            page,
            groups=groups,
            count=len(events),
            total=len(self.timeline.events),
            year=year,
            month=month,
            month_list=[
                (m, page_url(u), n) for m, u, n in self.layout.month_list(year or 0) if not month
            ],
            year_count=len(whole_year),
            split=self.layout.split,
            years=[(y, page_url(u), n) for y, u, n in self.layout.year_list()],
            main_url=page_url(TIMELINE_PAGE),
            chart=overview(chart_events),
            month_href=self._month_href(page),
            choices=filter_choices(events, self.timeline.registry),
            order="newest" if newest else "oldest",
            **common,
        )

    def _month_href(self, page: Page):
        here, url = page.file.src_uri, relative_to(page.url)

        def month_href(year: int, month: int | None) -> str:
            target = self.layout.month_page(year, month, here)
            anchor = "#" + month_anchor(year, month)
            return anchor if target == here else url(page_url(target)) + anchor

        return month_href

    # --- event and actor pages -----------------------------------------------------------------

    def event_context(self, event: Event) -> dict:
        year, month = period(event)
        month = month if event.date.month is not None else None
        target = self.layout.month_page(year, month)
        return {
            "related": self.relations.related(event),
            "position": self.positions[event.id],
            "timeline_link": page_url(target) + "#" + month_anchor(year, month),
        }

    def actor_context(self, actor: Actor) -> dict:
        return {
            "companions": companions(
                actor.id, self.timeline.by_actor, self.timeline.registry.actors
            )
        }

    # --- sections generated into any page --------------------------------------------------

    def markers(self, html: str, page: Page, renderer: Renderer, **common) -> str:
        """Replace the `<!-- timeline:NAME [N] -->` markers of a maintainers' page with generated
        sections, and warn of those that cannot be (left as they are). An event's write-up may
        not use one (the core refuses it), and its page never expands one."""
        if "timeline:" not in html or page.file.src_uri in self.event_paths:
            return html
        self._warn_of_markers(page, renderer)
        parts, done = [], 0
        for marker in find_markers(html):
            if marker.problem is not None:
                continue
            parts += [html[done : marker.start], self._section(marker, page, renderer, common)]
            done = marker.end
        return "".join(parts) + html[done:] if parts else html

    def _section(self, marker: Marker, page: Page, renderer: Renderer, common: dict) -> str:
        if marker.name == "overview":
            chart = overview(self.timeline.events)
            if chart is None:
                return ""
            href = self._month_href(page)
            return renderer.render("overview.html", page, chart=chart, month_href=href)
        if marker.name == "key-events":
            items = [(event, None) for event in key_events(self.timeline.events)]
        else:
            items = latest_additions(self.timeline.events, marker.limit, self.git_dates)
        return renderer.render(TEMPLATES[marker.name], page, items=items, **common)

    def _warn_of_markers(self, page: Page, renderer: Renderer) -> None:
        """The page's marker problems, found by the core in its Markdown file as `timeline check`
        finds them, with the path shown as every problem's (from the mkdocs.yml folder)."""
        if page.file.abs_src_path is None:  # made in memory: the plugin's own pages
            return
        try:
            text = page.file.content_string
        except (OSError, UnicodeDecodeError):
            return  # MkDocs has read it already; it reports its own errors
        config = renderer.env.globals["config"]
        root = os.path.dirname(config.config_file_path or config.docs_dir)
        shown = os.path.relpath(page.file.abs_src_path, root).replace(os.sep, "/")
        for problem in marker_problems(text, shown):
            log.warning(str(problem))

    # --- <head> ------------------------------------------------------------------------------

    def head_context(self, page: Page, event: Event | None, site) -> dict:
        """OpenGraph and Twitter tags for every page, and JSON-LD for an event page."""
        url = page.canonical_url
        if event is not None:
            title, description, kind = event.title, event.summary, "article"
        else:
            home = page.is_homepage
            title = site.site_name if home else (page.title or site.site_name)
            description = (page.meta or {}).get("description") or site.site_description or ""
            kind = "website"
        return {
            "social": social_tags(
                title=title,
                description=description,
                site_name=site.site_name,
                url=url,
                kind=kind,
            ),
            "jsonld": script_json(event_jsonld(event, url)) if event is not None else None,
        }
