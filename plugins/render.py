"""Render the plugin's Jinja fragments with autoescape on, from the theme's template folders
(so a site's custom_dir can override `timeline/*.html`)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from functools import lru_cache

import jinja2
from mkdocs.structure.pages import Page

from timeline import dates
from timeline.exports import FEEDS
from timeline.model import STATUSES
from timeline.views import month_anchor


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


def relative_to(base: str) -> Callable[[str], str]:
    """`url -> mkdocs.utils.get_relative_url(url, base)`, for the many links of one page: the
    page's own path is split once, and every target's once per build (actor and event URLs
    recur on thousands of pages)."""
    dirname, _, basename = base.rpartition("/")
    base_parts = _parts(dirname if "." in basename else base)

    def url(target: str) -> str:
        parts = _parts(target)
        common = 0
        for mine, theirs in zip(base_parts, parts):
            if mine != theirs:
                break
            common += 1
        relative = "/".join(("..",) * (len(base_parts) - common) + parts[common:]) or "."
        return relative + "/" if target.endswith("/") else relative

    return url


@lru_cache(maxsize=1 << 16)
def _parts(path: str) -> tuple[str, ...]:
    """A URL path's segments, normalised as MkDocs does ('..' never above the root)."""
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return tuple(path.split("/")) if path else ()
