"""Rendering ahead in `mkdocs build` (`timeline.views.render.Ahead`): the exports' files are
known from `on_files` (in a temporary folder); the child starts at `on_nav`, once every page
exists and none is read; at `on_env` its results are taken (the exports' files written), and
each page is completed with its parts at `on_page_context`, before it is searched or written."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from timeline.collection import Timeline
from timeline.exports import (
    SITE_URL_MISSING,
    ExportOptions,
    each_export,
    export_paths,
    render_exports,
)
from timeline.timing import Phases
from timeline.views.render import Ahead, Exports, SitePages

log = get_plugin_logger("timeline")


class RenderAhead(Ahead):
    def __init__(self, site: SitePages, exports: Exports, config: MkDocsConfig, phases: Phases):
        super().__init__(site, exports, phases, say=log.info)
        self.files = [
            File.generated(config, path, abs_src_path=self.path(path)) for path in export_paths()
        ]  # their files are written by `finish`, before MkDocs copies them


def exports_renderer(config: MkDocsConfig, plugin, timeline: Timeline, each: bool = False):
    """The exports' renderer for this site: called in the build, ahead in another process, or
    after the build, one file at a time (`each`: the preview)."""
    if not config.site_url:  # `mkdocs serve` sets it; a build for publishing must
        log.warning(SITE_URL_MISSING)
    options = ExportOptions.chosen(plugin, config)
    return lambda: (each_export if each else render_exports)(timeline, options)
