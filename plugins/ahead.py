"""Rendering ahead: while MkDocs converts every page's Markdown on one CPU, a forked process on
another renders everything the plugin adds to pages, and the exports.

Safe because a page's parts come from the timeline alone, never from the page's own title,
metadata, table of contents or content (tested: the child sees them poisoned), so the child,
forked once every page exists but none is read (`on_nav`), computes what this process would.
Only for `mkdocs build` of a large timeline (one thread, two CPUs); a child that fails or
cannot start means the same work is done here, said in the log."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from timeline.collection import Timeline
from timeline.exports import (
    SITE_URL_MISSING,
    ExportOptions,
    each_export,
    export_paths,
    render_exports,
)
from timeline.parallel import Forked, can_fork, cpus
from timeline.timing import Phases

from .pages import SitePages

log = get_plugin_logger("timeline")
PHASE = "rendered ahead"
Exports = Callable[[], dict[str, bytes]]  # the exports' renderer: path -> content


class RenderAhead:
    """One build's rendering ahead: placeholders for the exports at `on_files`, the child at
    `on_nav`, its results taken at `on_env` (before any page is searched or written)."""

    def __init__(self, site: SitePages, exports: Exports, config: MkDocsConfig, phases: Phases):
        self.site, self.exports, self.phases = site, exports, phases
        # filled at `finish`; MkDocs copies them after `on_env`
        self.files = {path: File.generated(config, path, content=b"") for path in export_paths()}
        self.child: Forked | None = None

    @staticmethod
    def wanted(command: str | None, events: int, after: int) -> bool:
        """Only `mkdocs build` of `after` events or more (-1: never), forking safely and on a
        second CPU."""
        return (
            command in ("build", "gh-deploy") and 0 <= after <= events and can_fork() and cpus() > 1
        )

    def start(self, pages: list[Page]) -> None:
        """Fork the child; from now on pages wait for their parts until `finish`."""
        site, exports = self.site, self.exports
        with self.phases.time(PHASE):
            try:
                self.child = Forked(lambda: (site.render_all(pages), exports()))
            except OSError as error:
                log.info(f"rendering here: no process could be started ({error})")
                return
            site.deferred = []

    def finish(self) -> None:
        """Take what the child rendered (waiting for it if need be), or render it here."""
        child, self.child = self.child, None
        with self.phases.time(PHASE):
            done = child is not None and child.wait()
            parts, exports = child.value if done else (None, None)
            self.site.complete(parts)
        if child is not None:
            self.phases.parallel[PHASE] = child.cpu_seconds
            if not done:
                why = (child.failure or "").strip().splitlines()[-1:] or ["no reason given"]
                log.info(f"pages and exports rendered here: the worker failed: {why[0]}")
        if not done:
            with self.phases.time("exports"):
                exports = self.exports()
        for path, file in self.files.items():
            file.content_bytes = exports[path]

    def cancel(self) -> None:
        if self.child is not None:
            self.child.cancel()
            self.child = None


def exports_renderer(config: MkDocsConfig, plugin, timeline: Timeline, each: bool = False):
    """The exports' renderer for this site: called in the build, ahead in another process, or
    after the build, one file at a time (`each`: the preview)."""
    if not config.site_url:  # `mkdocs serve` sets it; a build for publishing must
        log.warning(SITE_URL_MISSING)
    options = ExportOptions.chosen(plugin, config)
    return lambda: (each_export if each else render_exports)(timeline, options)
