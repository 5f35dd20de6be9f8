"""The contributor's preview, `mkdocs serve --dirty` (`make serve`): after an edit, only the
pages whose view changed (`timeline.views.changes`) are rendered again; MkDocs keeps the others
from the last build. The exports follow, written by a forked process once the pages are served."""

from __future__ import annotations

import contextlib
import logging
import os

import jinja2
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from timeline.exports.aside import stop_aside, wait_aside, write_aside
from timeline.views.changes import Built, Changes, changes, merged_index
from timeline.views.site import SiteMap

log = get_plugin_logger("timeline")


class Made(File):
    """A page the plugin makes: rendered again unless the preview keeps it from the last build."""

    kept = False

    def is_modified(self) -> bool:
        return not self.kept


class Preview:
    """State kept across `mkdocs serve --dirty` rebuilds: the last build's views, the pages
    rendered now, and the exports being written."""

    def __init__(self) -> None:
        self.last: Built | None = None
        self.now: Built | None = None
        self.changes: Changes | None = None
        self.rendered: set[str] = set()  # URLs of the pages rendered by this build
        self.pages: list[str] = []  # every page's URL, in the order MkDocs builds them
        self.files: dict[str, Made] = {}  # the pages the plugin makes, by content path
        self.last_files: dict[str, Made] = {}
        self.tags: dict = {}  # mkdocs-material's tags index: page URL -> its entry (a Mapping)
        self.exports: int | None = None  # the process writing them
        self.images: dict[str, str] = {}  # the cards and image sizes in the site: their cache file
        self.compiled = Compiled()  # templates compile once per preview, not once per build
        logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)  # once

    def begin(self, site: SiteMap, files: Files, site_dir: str, env: jinja2.Environment) -> Changes:
        """Which pages this build renders; real pages with the timeline's sections (or a tags
        index) are rendered again after any change; pages gone are removed."""
        self.stop()  # the last build's exports: this build writes them again
        self.last_files, self.files = self.files, {}
        env.bytecode_cache = self.compiled
        self.now, self.rendered = Built(site), set()
        found = self.changes = changes(self.last, self.now)
        if found.every:
            log.info(f"preview: every page rendered ({found.every})")
        else:
            log.info(
                f"preview: {len(found.pages)} pages rendered again, {len(found.removed)} removed"
            )
        for file in files.documentation_pages():
            if found.every or (found.listings and _lists_entries(file)):
                with contextlib.suppress(FileNotFoundError):
                    os.utime(file.abs_dest_path, (0, 0))  # older than its source: built again
        for uri in found.removed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(File(uri, None, site_dir, True).abs_dest_path)
        return found

    def placed(self, images, site_dir: str) -> dict[str, str]:
        """The cards and image sizes MkDocs should know of: all of them in a first build; after
        it, none (`cards.placed` has put them in the site's folder already, and MkDocs would
        only look at 6,000 files to copy none). Those of the last build not made now are
        removed from the site."""
        for path in self.images.keys() - images.kept.keys():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(os.path.join(site_dir, path))
        first, self.images = self.last is None, dict(images.kept)
        return images.files if first else {}

    def keeps(self, uri: str) -> bool:
        return self.last is not None and self.changes is not None and uri not in self.changes.pages

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
        self.pages = [f.page.url for f in files.documentation_pages() if f.page]
        self.files = {f.src_uri: f for f in files if isinstance(f, Made)}
        tags = _tags_plugin(config)
        if tags is None:
            return
        data, kept = tags.mappings.data, self.tags if self.last is not None else {}
        for file in files.documentation_pages():
            if file.page and file.page.url in kept and not file.is_modified():
                data[file.page.url] = kept[file.page.url]
        order = {url: i for i, url in enumerate(self.pages)}
        tags.mappings.data = dict(sorted(data.items(), key=lambda m: order.get(m[0], len(order))))
        self.tags = tags.mappings.data

    def finish(self, config, exports) -> None:
        """The search index completed, the exports on their way; this build is now the last."""
        search = next((p for p in config.plugins.values() if hasattr(p, "search_index")), None)
        last, now = (
            getattr(search, "search_index_prev", None),
            getattr(search, "search_index", None),
        )
        if last is not None and now is not None:  # mkdocs-material merges one page only
            now.entries = merged_index(last.entries, now.entries, self.pages, self.rendered)
            search.search_index_prev = None
        self.write_later(exports, config.site_dir)
        self.done(True)

    def write_later(self, render, site_dir: str) -> None:
        """The exports, written by a forked process once the pages are served (`write_aside`);
        a newer build stops it and starts its own after its pages."""
        self.stop()
        self.exports = write_aside(render, site_dir)
        if self.exports is None:
            log.info("preview: exports written here: no process could be started")

    def stop(self) -> None:
        """Stop the exports still being written (this build writes them all again)."""
        stop_aside(self.exports)
        self.exports = None

    def wait(self) -> None:
        """Wait for the exports to be written."""
        wait_aside(self.exports)
        self.exports = None

    def done(self, ok: bool) -> None:
        self.last, self.now = (self.now, None) if ok else (None, None)


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave stale links: this one leaves none (tested)."""
    return "'dirty' build" not in record.getMessage()


def _tags_plugin(config):
    """mkdocs-material's tags plugin, if the site has it."""
    for plugin in config.plugins.values():
        if isinstance(getattr(getattr(plugin, "mappings", None), "data", None), dict):
            return plugin
    return None


def _lists_entries(file: File) -> bool:
    """A maintainers' page with the timeline's sections, or a tags index."""
    if file.generated_by or not file.abs_src_path:
        return False
    with open(file.abs_src_path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    return "timeline:" in text or "material/tags" in text


class Compiled(jinja2.BytecodeCache):
    """Compiled templates kept in memory; Jinja checks each against its source's checksum."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.store.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
