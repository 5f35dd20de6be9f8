"""Render the plugin's Jinja fragments with autoescape on, from the theme's template folders
(so a site's custom_dir can override `timeline/*.html`)."""

from __future__ import annotations

import jinja2
from mkdocs.structure.pages import Page

from timeline import words
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
        # the core words everything in the site's language (timeline.words.use, at build start);
        # `_('…', name=value)` and `ngettext` as Jinja's i18n extension calls them (newstyle)
        self.env.globals.update(_=words.markup_gettext, ngettext=words.markup_ngettext)
        self.env.filters.update(
            timeline_date=lambda value: words.active().date(value),
            timeline_month_year=lambda year, month: words.active().month_year(month, year),
            timeline_status=words.status_label,
            timeline_status_word=words.status_word,
            timeline_kind=words.kind_name,
            timeline_stop=words.full_stop,
            timeline_anchor=month_anchor,
        )
        self.env.globals.update(config=config, statuses=STATUSES)
        self.env.globals.update(timeline_feeds=FEEDS)

    def render(self, name: str, page: Page, **context) -> str:
        template = self.env.get_template(f"timeline/{name}")
        return template.render(page=page, url=relative_to(page.url), **context)
