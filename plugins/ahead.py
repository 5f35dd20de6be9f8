"""Rendering ahead in `mkdocs build` (`timeline.views.render.Ahead`): the exports' files are
known from `on_files` (in a temporary folder); the child starts at `on_nav`, once every page
exists and none is read; at `on_env` its results are taken (the exports' files written), and
each page is completed with its parts at `on_page_context`, before it is searched or written;
then a second child renders pages' HTML just ahead of MkDocs writing them (`write`)."""

from __future__ import annotations

from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from timeline.collection import Timeline
from timeline.exports import (
    SITE_URL_MISSING,
    ExportOptions,
    each_export,
    export_paths,
    render_exports,
)
from timeline.timing import Phases
from timeline.views.render import Ahead, Exports, SitePages, Written

log = get_plugin_logger("timeline")


class RenderAhead(Ahead):
    def __init__(self, site: SitePages, exports: Exports, config: MkDocsConfig, phases: Phases):
        super().__init__(site, exports, phases, say=log.info)
        self.files = [
            File.generated(config, path, abs_src_path=self.path(path)) for path in export_paths()
        ]  # their files are written by `finish`, before MkDocs copies them
        self.nav = None  # the site's, as MkDocs renders pages with it

    def write(self, config: MkDocsConfig, files: Files, env):
        """Pages' HTML also rendered by a second process, with the context MkDocs' `_build_page`
        gives a page's template (mkdocs/commands/build.py)."""
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        nav, site = self.nav, self.site
        context = lambda page: config.plugins.on_page_context(  # noqa: E731
            get_context(nav, doc_files, config, page), page=page, config=config, nav=nav
        )
        site.alongside = Written([f.page for f in doc_files], context, env, self.say, site.let_go)
        return env


def exports_renderer(config: MkDocsConfig, plugin, timeline: Timeline, each: bool = False):
    """The exports' renderer for this site: called in the build, ahead in another process, or
    after the build, one file at a time (`each`: the preview)."""
    if not config.site_url:  # `mkdocs serve` sets it; a build for publishing must
        log.warning(SITE_URL_MISSING)
    options = ExportOptions.chosen(plugin, config)
    return lambda: (each_export if each else render_exports)(timeline, options)
