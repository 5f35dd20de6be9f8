"""The MkDocs plugin: maps MkDocs events onto the `timeline` core and its results onto pages."""

from __future__ import annotations

import logging
import os

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from timeline.cache import EntryCache
from timeline.check.entry_schema import schema_files
from timeline.collection import Timeline
from timeline.exports import FEEDS, unpublishable
from timeline.exports.cards import site_images
from timeline.loader import load_timeline
from timeline.process import notified
from timeline.timing import Phases
from timeline.views.pages import SiteOptions
from timeline.views.render import Ahead, Renderer, SitePages, for_theme
from timeline.views.site import SiteMap

from .ahead import RenderAhead, exports_renderer
from .config import ASSET_DIR, ASSETS, TimelineConfig, add_to_site
from .pages import add_pages
from .preview import Preview

log = get_plugin_logger("timeline")
summary_log = logging.getLogger("mkdocs.plugins.timeline.summary")


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Collects event entries, validates them, and adds the timeline, event and actor pages."""

    def __init__(self) -> None:
        super().__init__()
        # the one state kept across `mkdocs serve` rebuilds: immutable parse results
        self.entry_cache = EntryCache()
        self.command: str | None = None  # from on_startup: "build", "serve", "gh-deploy"
        self.preview: Preview | None = None  # `mkdocs serve --dirty`: renders what changed

    def on_startup(self, *, command: str, dirty: bool) -> None:  # MkDocs then keeps this object
        self.command, self.entry_cache.keep = command, command == "serve"
        self.preview = Preview() if command == "serve" and dirty else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # per-build state lives here: `mkdocs serve` rebuilds with the same plugin object
        self.timeline: Timeline | None = None
        self.site: SitePages | None = None
        self.ahead: RenderAhead | None = None
        self.phases = Phases()
        if self.config.publish and (why := unpublishable(config.site_url)):
            raise PluginError(why)  # never publish links to the preview's machine
        self.config.language = self.config.language or config.theme.get("language") or "en"
        if self.config.enabled:  # templates, style, script; mkdocs-material's fixes
            add_to_site(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        root = os.path.dirname(config.config_file_path or config.docs_dir)
        with self.phases.time("load+validate"):
            self.timeline = timeline = load_timeline(
                config.docs_dir, self.config.folder, self.config.registry, root,
                cache=self.entry_cache, history=True,
            )  # fmt: skip
        for problem in timeline.problems:  # errors and warnings fail `--strict`, notices do not
            (log.warning if problem.severity != "notice" else log.info)(str(problem))
        summary_log.info(
            f"timeline: {timeline.summary()}" + " (listed above)" * bool(timeline.invalid)
        )
        for file in [f for f in files if not timeline.publishes_as_is(f.src_uri)]:
            files.remove(file)
        preview = self.command == "serve"  # the contributor's preview shows the problems
        sitemap = SiteMap(timeline, SiteOptions.chosen(self.config, config, preview=preview))
        loader, items = config.theme.get_env().loader, self.preview and self.preview.items
        renderer = Renderer(loader, items, config=config, timeline_feeds=FEEDS)
        self.site = SitePages(sitemap, renderer)  # before on_env
        if self.preview:
            self.preview.begin(sitemap, files, config.site_dir, self.site.renderer.env)
        add_pages(files, config, sitemap, self.preview)
        return self._add_files(files, config, timeline)

    def _add_files(self, files: Files, config: MkDocsConfig, timeline: Timeline) -> Files:
        """The exports (rendered ahead, or now), the editors' schema and the assets."""
        exports = exports_renderer(config, self.config, timeline, each=bool(self.preview))
        if self.preview:  # written once the pages are served (on_post_build)
            self.exports, made = exports, []
        elif self.command in ("build", "gh-deploy") and Ahead.wanted(
            len(timeline.events), self.config.render_ahead_after
        ):
            self.ahead = RenderAhead(self.site, exports, config, self.phases)
            made = self.ahead.files
        else:
            with self.phases.time("exports"):
                made = [File.generated(config, p, content=c) for p, c in exports().items()]
        with self.phases.time("cards+images"):  # made once, kept by their content in .cache/
            fonts, before = os.path.join(ASSET_DIR, "fonts"), self.preview and self.preview.images
            images = site_images(timeline, config, fonts, before or None)
        summary_log.info(images.summary())
        for file in made:
            files.append(file)
        for path, text in schema_files().items():  # /schema/entry.json, /schema/actors.json
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=text))
        ours = {f"assets/timeline/{name}": os.path.join(ASSET_DIR, name) for name in ASSETS}
        placed = self.preview.placed(images, config.site_dir) if self.preview else images.files
        for path, source in {**placed, **ours}.items():  # style, script, fonts, favicon
            files.append(File.generated(config, path, abs_src_path=source))
        return files

    @event_priority(-100)  # the site's navigation, as other plugins leave it
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        # every page exists now: what the plugin adds to them, and the exports, are rendered
        # in a forked process, on another CPU, while this one converts every page's Markdown
        if self.ahead is not None:
            self.ahead.nav = nav  # for `_on_env_last`
            self.ahead.start([f.page for f in files.documentation_pages() if f.page])
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.site and (meta := for_theme(self.site.map.meta(page.file.src_uri))):
            page.meta = meta
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.site is None:
            return html
        with self.phases.time(self.site.map.phase(page.file.src_uri)):
            return self.site.content(page, html)

    @event_priority(150)  # before the tags plugin's on_env (100), which renders the tags index
    def _on_env_first(self, env, *, config: MkDocsConfig, files: Files):
        if self.ahead is not None:
            self.ahead.finish()
        if self.preview and self.site:  # the kept pages' tags, for the tags index
            self.preview.read_kept(env, config, files)
        if (site := self.site) is not None:  # for timeline/page.html and the tags index
            env.globals["timeline_after_content"] = lambda page: Markup(site.after_content(page))
            env.globals["timeline_tag_listing"] = lambda listing: site.map.tag_listing(
                str(listing.tag.name), listing.mappings, lambda m: m.item.file.src_uri
            )
        return env

    @event_priority(-100)  # every page read: a second process renders pages as MkDocs writes them
    def _on_env_last(self, env, *, config: MkDocsConfig, files: Files):
        return self.ahead.write(config, files, env) if self.ahead is not None else env

    on_env = CombinedEvent(_on_env_first, _on_env_last)

    @event_priority(100)  # before search reads the page
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.site is not None:
            self.site.compose(page)  # rendered ahead: its parts, read now
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # the theme offers no hook for plugins in <head>; feed links and metadata go here
        if self.site is None:
            return output
        if self.preview:
            self.preview.rendered.add(page.url)
        with self.phases.time("page heads"):
            return self.site.written(page, output)

    @event_priority(50)  # before mkdocs-material's search writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.ahead is not None:
            self.ahead.close()
        if self.site is not None:
            self.phases.report(log)
        if self.preview and self.site is not None:
            self.preview.finish(config, self.exports)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.preview:  # saved files heard of at once, not by listing every folder twice a second
            log.info(
                "preview: files watched by " + ("notifications" if notified(server) else "polling")
            )
        return server

    def on_build_error(self, *, error: Exception) -> None:
        if self.ahead is not None:
            self.ahead.cancel()
        if self.preview:
            self.preview.done(False)
