"""Render the plugin's Jinja fragments with autoescape on, from the theme's template folders
(so a site's custom_dir can override `timeline/*.html`)."""

from __future__ import annotations

import jinja2
from mkdocs.structure.pages import Page

from timeline import dates
from timeline.exports import FEEDS
from timeline.model import STATUSES
from timeline.views.layout import month_anchor
from timeline.views.urls import relative_to


class Renderer:
    """One autoescaping environment per build on the theme's loader; templates compile once."""

    def __init__(self, theme_env: jinja2.Environment, config):
        self.env = jinja2.Environment(
            loader=theme_env.loader,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        self.env.filters.update(
            timeline_date=dates.format_date,
            timeline_month=dates.month_name,
            timeline_anchor=month_anchor,
        )
        self.env.globals.update(config=config, statuses=STATUSES)
        self.env.globals.update(timeline_feeds=FEEDS)

    def render(self, name: str, page: Page, **context) -> str:
        template = self.env.get_template(f"timeline/{name}")
        return template.render(page=page, url=relative_to(page.url), **context)
