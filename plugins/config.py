"""The plugin's options, validated by MkDocs, and what it changes in the site's configuration."""

from __future__ import annotations

import os

from mkdocs.config import base
from mkdocs.config import config_options as c

from timeline.exports.timelinejs import GROUPINGS


class TimelineConfig(base.Config):
    enabled = c.Type(bool, default=True)
    publish = c.Type(bool, default=False)
    """A build for publishing: fails unless site_url is a public address (not the preview's)."""
    folder = c.Type(str, default="events")
    """Folder inside docs_dir that holds the event entries."""
    registry = c.Type(str, default="actors.yml")
    """The actor registry, inside docs_dir; it is read, never published as a file."""
    standfirst = c.Type(str, default="")
    """What we know, two to four lines of the site's own text, above the timeline."""
    status_help = c.Type(str, default="")
    """The page defining the statuses ('about.md#what-each-status-means'): badges link there."""
    order = c.Choice(("oldest", "newest"), default="oldest")
    """Order of the timeline page when a reader has not chosen one."""
    feed_limit = c.Type(int, default=50)
    """How many of the latest additions the Atom and JSON feeds carry."""
    timelinejs_group = c.Choice(GROUPINGS, default="none")
    """Rows of the TimelineJS view (timelinejs.json): none, or the most frequent first tags or
    first actors (four rows at most, the rest under "Other")."""
    year_pages_after = c.Type(int, default=200)
    """Past this many published events, /timeline/ lists only the latest ones and links one page
    per year (/timeline/2024/), so that no page grows without bound."""
    main_page_events = c.Type(int, default=50)
    """How many of the latest events /timeline/ lists once there are year pages."""
    month_pages_after = c.Type(int, default=250)
    """A year of more than this many events gets one page per month (/timeline/2024/10/); its
    year page then lists its months, and the events dated only to the year."""
    language = c.Type(str, default="")
    """The language of the timeline's own words, dates and counts (a catalogue in
    timeline/locale/); empty: mkdocs-material's `theme.language`, else English."""
    render_ahead_after = c.Type(int, default=1000)
    """Past this many published events, `mkdocs build` renders the event pages' header, footer
    and <head> additions in a second process (forked, on another CPU) while MkDocs converts the
    Markdown, then pages' HTML in another while MkDocs writes them: Linux with two or more CPUs
    only; the site is the same either way. -1: never."""


MATERIAL_FAVICON = "assets/images/favicon.png"
HERE = os.path.dirname(os.path.abspath(__file__))
ASSET_DIR = os.path.join(HERE, "assets")  # copied to the site's assets/timeline/: style, script,
ASSETS = sorted(
    os.path.relpath(f"{d}/{n}", ASSET_DIR) for d, _, ns in os.walk(ASSET_DIR) for n in ns
)


def add_to_site(config, here: str = HERE) -> None:
    """The plugin's templates, style and script; for mkdocs-material, our favicon unless the
    site chose one, and `overrides/` (fixes) ahead of the theme's partials, after a site's
    custom_dir: every site gets them, and can override."""
    config.theme.dirs.append(os.path.join(here, "templates"))
    config.extra_css.append("assets/timeline/timeline.css")
    config.extra_javascript.append(c.ExtraScriptValue("assets/timeline/timeline.js"))
    config.extra_javascript[-1].defer = True  # as the theme's bundle (overrides/main.html)
    if config.theme.name != "material":
        return
    if config.theme["favicon"] == MATERIAL_FAVICON:
        config.theme["favicon"] = "assets/timeline/favicon.svg"
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, os.path.join(here, "overrides"))
