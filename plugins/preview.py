"""The contributor's preview, `mkdocs serve --dirty` (`make serve`): after an edit, only the
pages whose view changed (`timeline.views.changes`) are rendered again; MkDocs keeps the others
from the last build. The exports follow, written by a forked process once the pages are served."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import jinja2
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from timeline.exports.aside import Aside
from timeline.process import Collector
from timeline.views.changes import Builds, Changes, lists_entries, outdated, removed
from timeline.views.items import Items
from timeline.views.render import Compiled
from timeline.views.site import SiteMap

from .pages import Made

log = get_plugin_logger("timeline")
INDEX = "search/search_index.json"


class Preview(Builds):
    """`Builds`, and what MkDocs needs kept across rebuilds: the pages' files, the compiled
    templates, the process writing the exports."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, Made] = {}  # the pages the plugin makes, by content path
        self.last_files: dict[str, Made] = {}
        self.tags_file = None  # its tags plugin, when it would write tags.json in this build
        self.aside = Aside()  # the exports
        self.compiled = Compiled()  # templates compile once per preview, not once per build
        self.items = Items(keep=True)  # and each event's item renders once, while unchanged
        self.collector = Collector()
        logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)  # once

    def begin(self, site: SiteMap, files: Files, site_dir: str, env: jinja2.Environment) -> Changes:
        """Which pages this build renders; real pages with the timeline's sections (or a tags
        index) are rendered again after any change; pages gone are removed."""
        self.aside.stop()  # the last build's exports: this build writes them again
        self.collector.hold()
        self.last_files, self.files = self.files, {}
        env.bytecode_cache = self.compiled
        found = super().begin(site)
        log.info(f"preview: {found.summary()}")
        pages = files.documentation_pages()
        if not found.every:  # only the maintainers' pages that list entries, if any may change
            mine = [f for f in pages if not f.generated_by and f.abs_src_path]
            pages = [f for f in mine if found.listings and lists_entries(f.abs_src_path)]
        outdated([f.abs_dest_path for f in pages])
        removed([File(uri, None, site_dir, True).abs_dest_path for uri in found.removed])
        return found

    def kept_file(self, uri: str) -> Made | None:
        """The last build's file of a page kept, with its page: MkDocs need not make either
        again (at 5,000 events, 0.6 s of a rebuild)."""
        file = self.last_files.get(uri) if self.keeps(uri) else None
        if file is not None:
            file.kept = True
        return file

    def read_kept(self, env: jinja2.Environment, config, files: Files) -> None:
        """mkdocs-material's tags index lists every page's tags, read as each page is: a page kept
        from the last build keeps its entry there (the last build's, which names it as it is),
        in the order a whole build reads them."""
        env.bytecode_cache = self.compiled
        pages = files.documentation_pages()  # one pass over 59,000 files at 50,000 events
        self.pages = [f.page.url for f in pages if f.page]
        self.files = {f.src_uri: f for f in files if isinstance(f, Made)}
        tags = next((p for p in config.plugins.values() if hasattr(p, "mappings")), None)
        if tags is None or not isinstance(getattr(tags.mappings, "data", None), dict):
            return
        if getattr(tags.config, "export", False):  # its tags.json: written aside, with the index
            self.tags_file, tags.config.export = tags, False
        kept = {f.page.url for f in pages if f.page and not f.is_modified()}
        tags.mappings.data = self.tags_index(tags.mappings.data, kept)

    def finish(self, config, exports) -> None:
        """The search index completed, and written aside with the exports once the page is served
        (mkdocs-material's search, next, is told not to); this build is now the last."""
        search = next((p for p in config.plugins.values() if hasattr(p, "search_index")), None)
        last, now = (getattr(search, f"search_index{s}", None) for s in ("_prev", ""))
        if last is not None and now is not None:  # mkdocs-material merges one page only
            now.entries = self.search_index(last.entries, now.entries)
        index = now if hasattr(search, "search_index_prev") and search.config.enabled else None
        if index is not None:  # as mkdocs-material's `on_post_build`, aside
            search.search_index_prev, search.config.enabled = index, False
        tags, self.tags_file = self.tags_file, None
        files = lambda: [*written(index, tags), *exports()]  # noqa: E731
        if not self.aside.start(files, config.site_dir):
            log.info("preview: exports written here: no process could be started")
        self.done(True)
        self.collector.after()


def written(index, tags) -> list[tuple[str, bytes]]:
    """mkdocs-material's search index and tags.json as it writes them (its search's
    `on_post_build`, its tags' `on_env`), for those this build left to be written aside."""
    found = [] if index is None else [(INDEX, index.generate_search_index(None).encode("utf-8"))]
    if tags is not None:
        from material.plugins.tags.structure.mapping.storage import MappingStorage

        with tempfile.TemporaryDirectory() as folder:
            MappingStorage(tags.config).save(path := os.path.join(folder, "t"), tags.mappings)
            found.append((os.path.normpath(tags.config.export_file), Path(path).read_bytes()))
    return found


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave stale links: this one leaves none (tested)."""
    return "'dirty' build" not in record.getMessage()
