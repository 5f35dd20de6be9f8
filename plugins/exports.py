"""The site's feeds and data exports as MkDocs files, from the core's `render_exports`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from timeline.collection import Timeline
from timeline.exports import SITE_URL_MISSING, ExportOptions, render_exports

from .config import TimelineConfig

log = get_plugin_logger("timeline")


def export_options(config: MkDocsConfig, options: TimelineConfig) -> ExportOptions:
    if not config.site_url:  # `mkdocs serve` sets it; a build for publishing must
        log.warning(SITE_URL_MISSING)
    return ExportOptions(
        title=config.site_name,
        site_url=config.site_url or None,
        description=config.site_description or "",
        author=config.site_author or None,
        feed_limit=options.feed_limit,
        directory_urls=config.use_directory_urls,
        timelinejs_group=options.timelinejs_group,
    )


def export_files(
    timeline: Timeline,
    config: MkDocsConfig,
    options: ExportOptions,
    git_dates: Mapping[str, datetime],
) -> list[File]:
    """/feed.xml, /feed.json, /timeline.json, /timeline.ics, /timeline.csv, /timelinejs.json and
    /schema/timeline.json, as generated files that MkDocs copies and `mkdocs serve` serves."""
    exports = render_exports(timeline, options, git_dates)
    return [File.generated(config, path, content=content) for path, content in exports.items()]
