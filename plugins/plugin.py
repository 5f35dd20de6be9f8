"""The MkDocs plugin: maps MkDocs events onto the `timeline` core and its results onto pages."""

from __future__ import annotations

import logging
import os

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from timeline.cache import EntryCache
from timeline.collection import build_timeline
from timeline.model import Problem
from timeline.registry import Registry

from .config import TimelineConfig
from .pages import SitePages
from .render import Renderer
from .timing import Phases

log = get_plugin_logger("timeline")
summary_log = logging.getLogger("mkdocs.plugins.timeline.summary")
HERE = os.path.dirname(os.path.abspath(__file__))
CSS = "assets/timeline/timeline.css"


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Collects event entries, validates them, and adds the timeline, event and actor pages."""

    def __init__(self) -> None:
        super().__init__()
        # the one state kept across `mkdocs serve` rebuilds: immutable parse results
        self.entry_cache = EntryCache()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this plugin object (and its cache) across rebuilds."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # per-build state lives here: `mkdocs serve` rebuilds with the same plugin object
        self.timeline = None
        self.site: SitePages | None = None
        self.renderer: Renderer | None = None
        self.phases = Phases()
        if not self.config.enabled:
            return config
        config.theme.dirs.append(os.path.join(HERE, "templates"))
        config.extra_css.append(CSS)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        shown_root = os.path.dirname(config.config_file_path or config.docs_dir)
        base = os.path.relpath(config.docs_dir, shown_root)

        def shown(uri: str) -> str:  # relpath per file would cost two getcwd() and abspath()s
            return os.path.normpath(os.path.join(base, uri)).replace(os.sep, "/")

        with self.phases.time("load+validate"):
            registry, registry_problems, registry_key = self._registry(files, shown)
            prefix = self.config.folder.strip("/") + "/"
            entries = [f for f in files.documentation_pages() if f.src_uri.startswith(prefix)]
            results = self.entry_cache.read_all(
                ((f.content_bytes, shown(f.src_uri), f.src_uri) for f in entries),
                registry,
                registry_key,
            )
        log.debug(
            f"entries: {self.entry_cache.parsed} parsed, "
            f"{self.entry_cache.reused} unchanged since the last build"
        )
        with self.phases.time("order+group"):
            self.timeline = build_timeline(results, registry, registry_problems, shown)
        for problem in self.timeline.problems:
            (log.warning if problem.severity != "notice" else log.info)(str(problem))
        for draft in self.timeline.drafts:
            log.info(f"{shown(draft.path)}: draft, not published")
        summary_log.info(
            f"timeline: {len(self.timeline.events)} events published, "
            f"{len(self.timeline.drafts)} drafts, {len(self.timeline.invalid)} invalid"
            + (" (listed above)" if self.timeline.invalid else "")
        )

        self.site = SitePages(self.timeline, self.config)
        # pages are rendered before `on_env`, so the fragments get their own environment now
        self.renderer = Renderer(config.theme.get_env(), config)
        published = {event.path: event for event in self.timeline.events}
        with self.phases.time("event pages"):
            for file in entries:
                files.remove(file)
                event = published.get(file.src_uri)
                if event is not None:  # the body only: MkDocs need not parse the front matter
                    files.append(_generated(config, file.src_uri, "\n" + event.body))
        for uri in self.site.uris():
            with self.phases.time(self.site.phase(uri)):
                files.append(_generated(config, uri, "\n", in_nav=uri in self.site.nav_uris))
        files.append(
            File.generated(config, CSS, abs_src_path=os.path.join(HERE, "assets", "timeline.css"))
        )
        return files

    def _registry(self, files: Files, shown) -> tuple[Registry, list[Problem], bytes | None]:
        """The registry, its problems, and its bytes (which key the entry cache)."""
        file = files.get_file_from_path(self.config.registry)
        if file is None:
            missing = "the actor registry file is missing; create it (see CONTRIBUTING.md)"
            problem = Problem(shown(self.config.registry), 1, 1, "registry", missing)
            return Registry(), [problem], None
        files.remove(file)  # read, never published as a raw file
        raw = file.content_bytes
        return *self.entry_cache.registry(raw, shown(file.src_uri)), raw

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
                }
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.site is None or self.renderer is None:
            return html
        with self.phases.time(self.site.phase(page.file.src_uri)):
            return self.site.render(page, html, self.renderer)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # the page templates (timeline/page.html) call this after the page's content
        env.globals["timeline_after_content"] = self._after_content
        return env

    def _after_content(self, page: Page) -> Markup:
        if self.site is None or self.renderer is None:
            return Markup("")
        with self.phases.time(self.site.phase(page.file.src_uri)):
            return Markup(self.site.after_content(page, self.renderer))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # the theme offers no hook for plugins in <head>; feed links and metadata go here
        if self.site is None or self.renderer is None:
            return output
        with self.phases.time("page heads"):
            head = self.site.head(page, self.renderer)
            return output.replace("</head>", head + "</head>", 1) if head else output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is not None:
            self.phases.report(log)


def _generated(config: MkDocsConfig, uri: str, content: str, in_nav: bool = False) -> File:
    """A page made in memory; pages outside the nav say so, or MkDocs lists each one."""
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    return File.generated(config, uri, content=content, inclusion=inclusion)
