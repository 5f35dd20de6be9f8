"""The MkDocs plugin: maps MkDocs events onto the `timeline` core and its results onto pages."""

from __future__ import annotations

import html
import logging
import os

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from timeline.cache import EntryCache
from timeline.collection import Timeline
from timeline.entry_schema import SCHEMA_PATH
from timeline.entry_schema import dumps as schema_json
from timeline.exports import export_paths, render_exports
from timeline.history import added_dates
from timeline.loader import load_timeline
from timeline.parallel import Forked, can_fork, cpus

from .config import TimelineConfig
from .exports import export_files, export_options
from .pages import SitePages
from .render import Renderer
from .timing import Phases

log = get_plugin_logger("timeline")
summary_log = logging.getLogger("mkdocs.plugins.timeline.summary")
HERE = os.path.dirname(os.path.abspath(__file__))
CSS = "assets/timeline/timeline.css"
JS = "assets/timeline/timeline.js"
FAVICON = "assets/timeline/favicon.svg"
MATERIAL_FAVICON = "assets/images/favicon.png"


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Collects event entries, validates them, and adds the timeline, event and actor pages."""

    def __init__(self) -> None:
        super().__init__()
        # the one state kept across `mkdocs serve` rebuilds: immutable parse results
        self.entry_cache = EntryCache()
        self.command: str | None = None  # from on_startup: "build", "serve", "gh-deploy"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this plugin object (and its cache) across rebuilds."""
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # per-build state lives here: `mkdocs serve` rebuilds with the same plugin object
        self.timeline = None
        self.site: SitePages | None = None
        self.renderer: Renderer | None = None
        self.ahead: Forked | None = None  # the worker rendering ahead, from on_nav to on_env
        self._exports: dict[str, File] | None = None  # their content comes from the worker
        self.phases = Phases()
        if not self.config.enabled:
            return config
        config.theme.dirs.append(os.path.join(HERE, "templates"))
        config.extra_css.append(CSS)
        config.extra_javascript.append(JS)
        _theme_fixes(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        root = os.path.dirname(config.config_file_path or config.docs_dir)
        folder, registry = self.config.folder, self.config.registry
        with self.phases.time("load+validate"):
            self.timeline = timeline = load_timeline(
                config.docs_dir, folder, registry, root, cache=self.entry_cache
            )
        _report(timeline, root, config.docs_dir)
        # the events folder is published only as the core decided: its pages and its images
        prefix, images = folder.strip("/") + "/", set(timeline.images)
        for file in [f for f in files if f.src_uri.startswith(prefix) or f.src_uri == registry]:
            if file.src_uri not in images:
                files.remove(file)
        # when each entry was added (feeds, latest additions): one `git log` for the folder
        with self.phases.time("exports"):
            git_dates = added_dates(config.docs_dir, folder)
        # pages are rendered before `on_env`, so the fragments get their own environment now
        self.renderer = Renderer(config.theme.get_env(), config)
        self.site = SitePages(timeline, self.config, git_dates, self.renderer, config)
        with self.phases.time("event pages"):
            for event in timeline.events:  # the body only: MkDocs need not parse front matter
                files.append(_generated(config, event.path, "\n" + event.body))
        for uri in self.site.uris():
            with self.phases.time(self.site.phase(uri)):
                files.append(_generated(config, uri, "\n", in_nav=uri in self.site.nav_uris))
        files.append(
            File.generated(config, CSS, abs_src_path=os.path.join(HERE, "assets", "timeline.css"))
        )
        options = export_options(config, self.config)
        self._render_exports = lambda: render_exports(self.timeline, options, git_dates)
        with self.phases.time("exports"):
            if self._ahead_wanted():  # written by the worker: placeholders until `on_env`
                self._exports = {p: File.generated(config, p, content=b"") for p in export_paths()}
                made = list(self._exports.values())
            else:
                made = export_files(self.timeline, config, options, git_dates)
            for file in made:
                files.append(file)
        if files.get_file_from_path(SCHEMA_PATH) is None:  # editors' schema, /schema/entry.json
            files.append(File.generated(config, SCHEMA_PATH, content=schema_json()))
        for uri in (JS, FAVICON):
            asset = os.path.join(HERE, "assets", os.path.basename(uri))
            files.append(File.generated(config, uri, abs_src_path=asset))
        return files

    def _ahead_wanted(self) -> bool:
        """Whether this build renders what the plugin adds to pages, and the exports, ahead:
        in a forked process on another CPU while MkDocs, which builds on one, converts every
        page's Markdown (on_nav to on_env). Only for `mkdocs build` of a large timeline, where
        a fork is safe (no other thread: `serve` runs a server) and pays (two CPUs or more).
        The child runs the same code on the same data, so the site is the same byte for byte."""
        if self.timeline is None or self.command not in ("build", "gh-deploy"):
            return False
        threshold = self.config.render_ahead_after
        return 0 <= threshold <= len(self.timeline.events) and can_fork() and cpus() > 1

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        # every page exists now: what the plugin adds to them and the exports are rendered in a
        # forked process, on another CPU, while this one converts every page's Markdown
        if self.site is None or self._exports is None:
            return nav
        with self.phases.time("rendered ahead"):
            site, pages = self.site, [f.page for f in files.documentation_pages() if f.page]
            try:
                self.ahead = Forked(lambda: (site.render_all(pages), self._render_exports()))
            except OSError as error:  # no fork today: everything is rendered here, as usual
                log.debug(f"rendering here: no process could be started ({error})")
                return nav
            site.wait_for(self.ahead)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.site is None:
            return markdown
        with self.phases.time(self.site.phase(page.file.src_uri)):
            meta = self.site.meta(page.file.src_uri)
            if meta is not None:
                # escaped once here: the theme prints the title and description as raw HTML
                page.meta = {
                    **meta,
                    "title": escape(meta["title"]),
                    "description": escape(meta.get("description", "")),
                    # the tags plugin prints names raw in pages and search results, as text:
                    # quotes stay as they are, so that tag slugs keep them out ("kims-visit")
                    "tags": [Markup(html.escape(t, quote=False)) for t in meta.get("tags", ())],
                }
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.site is None or self.renderer is None:
            return html
        with self.phases.time(self.site.phase(page.file.src_uri)):
            return self.site.render(page, html)

    @event_priority(150)  # before the tags plugin's on_env (100), which renders the tags index
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.site is not None and self._exports is not None:  # rendering ahead
            self._finish_ahead(self.ahead, self.site)
        # the page templates (timeline/page.html) call this after the page's content
        env.globals["timeline_after_content"] = self._after_content
        # the tags index (overrides/fragments/tags/default/listing.html) links the tag pages
        if self.site is not None:
            env.globals["timeline_tag_listing"] = self.site.lists.tag_listing
        return env

    def _finish_ahead(self, ahead: Forked | None, site: SitePages) -> None:
        """Every page has been read and converted: take what the worker rendered meanwhile
        (waiting for it if need be); if it failed, or none could start, the same is rendered
        here."""
        self.ahead = None
        with self.phases.time("rendered ahead"):
            done = ahead is not None and ahead.wait()
            fragments, exports = ahead.value if done else (None, None)
            site.finish_ahead(fragments)
        if ahead is not None:
            self.phases.parallel["rendered ahead"] = ahead.cpu_seconds
            if not done:
                log.debug(f"pages and exports rendered here: the worker failed: {ahead.failure}")
        if not done:
            with self.phases.time("exports"):
                exports = self._render_exports()
        for path, file in (self._exports or {}).items():
            file.content_bytes = exports[path]
        self._exports = None

    def _after_content(self, page: Page) -> Markup:
        if self.site is None or self.renderer is None:
            return Markup("")
        with self.phases.time(self.site.phase(page.file.src_uri)):
            return Markup(self.site.after_content(page))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # the theme offers no hook for plugins in <head>; feed links and metadata go here
        if self.site is None or self.renderer is None:
            return output
        with self.phases.time("page heads"):
            head = self.site.head(page)
            return output.replace("</head>", head + "</head>", 1) if head else output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is not None:
            self.phases.report(log)

    def on_build_error(self, *, error: Exception) -> None:
        if self.ahead is not None:
            self.ahead.cancel()
            self.ahead = None


def _report(timeline: Timeline, root: str, docs_dir: str) -> None:
    """Every problem in the build log: errors and warnings fail `--strict`, notices do not."""
    for problem in timeline.problems:
        (log.warning if problem.severity != "notice" else log.info)(str(problem))
    base = os.path.relpath(docs_dir, root)
    for draft in timeline.drafts:
        shown = os.path.normpath(os.path.join(base, draft.path)).replace(os.sep, "/")
        log.info(f"{shown}: draft, not published")
    listed = " (listed above)" if timeline.invalid else ""
    summary_log.info(f"timeline: {timeline.summary()}{listed}")


def _theme_fixes(config: MkDocsConfig) -> None:
    """For mkdocs-material: our favicon unless the site chose one, and the partials in
    `overrides/` (accessibility fixes) ahead of the theme's own but after a site's custom_dir,
    so that every site using the plugin gets them and a site can still override them."""
    if config.theme.name != "material":
        return
    if config.theme["favicon"] == MATERIAL_FAVICON:
        config.theme["favicon"] = FAVICON
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, os.path.join(HERE, "overrides"))


def _generated(config: MkDocsConfig, uri: str, content: str, in_nav: bool = False) -> File:
    """A page made in memory; pages outside the nav say so, or MkDocs lists each one."""
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    return File.generated(config, uri, content=content, inclusion=inclusion)
