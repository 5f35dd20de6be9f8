"""Rendering ahead in `mkdocs build` (`timeline.views.render.Ahead`): the exports' files exist,
empty, from `on_files`; the child starts at `on_nav`, once every page exists and none is read;
at `on_env`, before any page is searched or written, its results complete the pages and fill
the exports' files."""

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
        self.files = {path: File.generated(config, path, content=b"") for path in export_paths()}

    def finish(self) -> dict[str, bytes]:
        exports = super().finish()
        for path, file in self.files.items():
            file.content_bytes = exports[path]
        return exports


def exports_renderer(config: MkDocsConfig, plugin, timeline: Timeline, each: bool = False):
    """The exports' renderer for this site: called in the build, ahead in another process, or
    after the build, one file at a time (`each`: the preview)."""
    if not config.site_url:  # `mkdocs serve` sets it; a build for publishing must
        log.warning(SITE_URL_MISSING)
    options = ExportOptions.chosen(plugin, config)
    return lambda: (each_export if each else render_exports)(timeline, options)
