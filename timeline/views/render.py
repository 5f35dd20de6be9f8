"""Renders what `SiteMap` decides each page shows: its Fragments as HTML, with Jinja (autoescaped)
on a template loader; in MkDocs the theme's, so that a site's custom_dir can override
`timeline/*.html`.

A page here is MkDocs' `Page` or anything shaped like it: `url` and `file.src_uri`; for its
<head>, `canonical_url`, `is_homepage`, `title` and `meta`. A page's parts come from the timeline
alone, never from the page's own title, metadata, table of contents or content: that is what lets
a forked process render them ahead (`Ahead`) before any page has been read (tested: in the child
those are poisoned)."""

from __future__ import annotations

import html
import os
import pickle
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import IO, Any

import jinja2
from markupsafe import Markup, escape

from .. import words
from ..model import STATUSES
from ..parallel import Alongside, Forked, can_fork, cpus
from ..timing import Phases
from .items import Items
from .layout import month_anchor
from .pages import Fragment, PageInfo
from .sanitize import clean_html
from .site import SiteMap
from .urls import relative_to

Exports = Callable[[], dict[str, bytes]]  # the exports' renderer: path -> content
_TOKEN = secrets.token_hex(8)  # no page can hold these: drawn once per process
LATE = (f"<!--tl-parts-before-{_TOKEN}-->", f"<!--tl-parts-after-{_TOKEN}-->")


class Renderer:
    """One autoescaping environment per build; templates compile once. `names`: what every
    template may use besides the site's words (in MkDocs: `config`, the feeds); `items`: the
    events' items kept from the last build (the preview's), or none kept."""

    def __init__(self, loader: jinja2.BaseLoader, items: Items | None = None, **names: Any):
        self.env = jinja2.Environment(
            loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
            auto_reload=False,
        )  # fmt: skip
        catalogue = words.template_names()  # in the site's language (words.use, at build start)
        self.env.filters.update(catalogue["filters"], timeline_anchor=month_anchor)
        self.env.globals.update(catalogue["globals"], statuses=STATUSES, **names)
        self.items = items or Items()
        self.items.begin(self.env)
        self.env.globals["kept_item"] = self.items

    def render(self, name: str, page, **context) -> str:
        template = self.env.get_template(f"timeline/{name}")
        return template.render(page=page, url=relative_to(page.url), **context)


class Compiled(jinja2.BytecodeCache):
    """Compiled templates kept in memory across builds (the preview's); Jinja checks each against
    its source's checksum."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.store.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def for_theme(meta: dict[str, Any] | None) -> dict[str, Any] | None:
    """A page's metadata (`SiteMap.meta`) as the theme reads it: it prints the title, the
    description and the tags as raw HTML, so they are escaped here, once; tags as text (quotes
    stay as they are, so that tag slugs keep them out: "kims-visit")."""
    if meta is None:
        return None
    tags = [Markup(html.escape(tag, quote=False)) for tag in meta.get("tags", ())]
    title, description = escape(meta["title"]), escape(meta.get("description", ""))
    return {**meta, "title": title, "description": description, "tags": tags}


@dataclass(frozen=True, slots=True)
class Rendered:
    """A page's parts as HTML (`site.PageParts`), and an event page's <head>."""

    before: str = ""
    after: str = ""
    outside: str = ""
    head: str | None = None  # None: rendered last, once the page has been read


class SitePages:
    """One build's pages: their parts rendered once each, now or ahead in another process."""

    def __init__(self, sitemap: SiteMap, renderer: Renderer):
        self.map, self.renderer = sitemap, renderer
        self.rendered: dict[str, Rendered] = {}
        self.deferred: list | None = None  # while rendering ahead: pages left to complete
        self.waiting: set[str] = set()  # rendered ahead: pages completed when each is built
        self.stored: Stored | None = None  # rendered ahead: every page's parts, in a file
        self.late: dict[str, tuple[Rendered, tuple[str, str]]] = {}  # parts put in as written
        self.alongside: Written | None = None  # pages' HTML rendered in two processes

    def _html(self, fragment: Fragment | None, page) -> str:
        return self.renderer.render(fragment.template, page, **fragment.context) if fragment else ""

    def render(self, page) -> Rendered:
        """A page's parts, from the timeline alone (see the module's docstring)."""
        uri, parts = page.file.src_uri, self.map.parts(page.file.src_uri)
        html = [self._html(f, page) for f in (parts.before, parts.after, parts.outside)]
        return Rendered(*html, head=self._head(page) if uri in self.map.events else None)

    def _rendered(self, page) -> Rendered:
        uri = page.file.src_uri
        if (rendered := self.rendered.get(uri)) is None:
            rendered = (self.stored and self.stored.take(uri)) or self.render(page)
            self.rendered[uri] = rendered
        return rendered

    def content(self, page, html: str) -> str:
        """A page's content: a contributor's write-up sanitised, a maintainers' page's markers
        replaced, and the parts before and after it (now, or in `complete` when ahead)."""
        if page.file.src_uri in self.map.events:
            html = clean_html(html)  # contributor HTML; markers there are refused by the core
        elif "timeline:" in html:
            html = self.map.with_sections(html, page.file.src_uri, lambda f: self._html(f, page))
        if self.deferred is not None:
            self.deferred.append(page)
            return html
        return self._around(page, html, self._rendered(page))

    def _around(self, page, html: str, rendered: Rendered) -> str:
        """The page's content with its parts around it; on a page search leaves out (the
        timeline's, the lists'), markers that hold their places until it is written
        (`written`): mkdocs-material's search runs a regular expression over every page's
        content, excluded or not, and those parts are most of the site's HTML."""
        search = (page.meta or {}).get("search") or {}
        if isinstance(search, dict) and search.get("exclude"):
            # the theme writes the page's title as its <h1> when its content has none
            h1 = "<h1" in rendered.before or "<h1" in rendered.after
            marks = (LATE[0][:-3] + " <h1-->", LATE[1]) if h1 else LATE
            self.late[page.file.src_uri] = (rendered, marks)
            return marks[0] + html + marks[1]
        return rendered.before + html + rendered.after

    def after_content(self, page) -> str:
        """What the page template puts after the content, out of the search index."""
        return self._rendered(page).outside

    def written(self, page, output: str) -> str:
        """A page's HTML as it is written: its <head> additions, and the parts held back."""
        late = self.late.pop(page.file.src_uri, None)
        if head := self.head(page):
            output = output.replace("</head>", head + "</head>", 1)
        if late is not None:
            (parts, (before, after)) = late
            output = output.replace(before, parts.before, 1).replace(after, parts.after, 1)
        return output

    def let_go(self, page) -> None:
        """What a page's rendering left that only its writing uses (`written`, `head`): for the
        process rendering pages alongside (`Written`), which writes none (at 50,000 events it
        grew by 1.2 GB)."""
        uri = page.file.src_uri
        self.rendered.pop(uri, None)
        self.late.pop(uri, None)
        if uri in self.map.events:
            page.content = None

    def head(self, page) -> str:
        """Extra <head> elements (feeds, OpenGraph, JSON-LD): the last part a page uses. The
        page is written next, and MkDocs would keep its content until the build ends: an event
        page's is let go here, for what the build does last (the search index) to reuse."""
        uri = page.file.src_uri
        rendered = self.rendered.pop(uri, None) or (self.stored and self.stored.take(uri))
        head = rendered.head if rendered and rendered.head is not None else self._head(page)
        if uri in self.map.events:
            page.content = None  # nothing reads it after; search keeps a copy of its own
        return head

    def _head(self, page) -> str:
        info = PageInfo(
            page.canonical_url, page.is_homepage, lambda: page.title,
            lambda: (page.meta or {}).get("description"),
        )  # fmt: skip
        context = self.map.head(page.file.src_uri, info)
        return self.renderer.render("head.html", page, **context).strip()

    def render_all(self, pages: list, out: IO[bytes]) -> dict[str, tuple[int, int]]:
        """Every page's parts (the work a process rendering ahead does), pickled one after
        another into `out`: where each page's are (offset, length)."""
        index = {}
        for page in pages:
            data = pickle.dumps(self.render(page), pickle.HIGHEST_PROTOCOL)
            index[page.file.src_uri] = (out.tell(), len(data))
            out.write(data)
        out.flush()
        return index

    def complete(self, stored: Stored | None) -> None:
        """Take the parts rendered ahead (None: render them here): each page left waiting for
        them is completed when it is built (`compose`), so that the build never holds every
        page's parts and their completed content at once."""
        waiting, self.deferred = self.deferred or [], None
        self.waiting, self.stored = {page.file.src_uri for page in waiting}, stored

    def compose(self, page) -> None:
        """A page left waiting for its parts, completed: the last step before it is searched and
        written (in MkDocs: `on_page_context`); its metadata as it was (`Written`)."""
        if self.alongside is not None:
            self.alongside.as_it_was(page)
        if (uri := page.file.src_uri) in self.waiting:
            self.waiting.discard(uri)
            parts = self._rendered(page)
            page.content = self._around(page, page.content or "", parts)
            self.rendered[uri] = replace(parts, before="", after="")


class Stored:
    """Pages' parts rendered ahead, pickled into one file; each is read back when its page takes
    it, so that the build's memory holds one page's parts at a time, not every page's."""

    def __init__(self, file: IO[bytes], index: dict[str, tuple[int, int]]):
        self.file, self.index = file, index

    def take(self, uri: str) -> Rendered | None:
        if (where := self.index.pop(uri, None)) is None:
            return None
        offset, length = where
        return pickle.loads(os.pread(self.file.fileno(), length, offset))


class Ahead:
    """Rendering ahead: every page's parts and the exports computed by a forked process, on
    another CPU, while this one goes on (in MkDocs: converts every page's Markdown). Started once
    every page exists and none has been read; `finish` takes the results, or computes them here
    when the child failed or could not start, and says so (`say`). The child writes the exports'
    files into `folder` (`path`) and every page's parts into one file (`Stored`), so that the
    build's own process never holds them all; `close` removes both once the build is done."""

    PHASE = "rendered ahead"
    WRITTEN = "pages written alongside"

    def __init__(self, site: SitePages, exports: Exports, phases: Phases, say: Callable):
        self.site, self.exports, self.phases, self.say = site, exports, phases, say
        self.child: Forked | None = None
        # removed by `close`, or when the process exits (an interrupted build); never by the
        # child, which ends without running finalizers
        self._folder = tempfile.TemporaryDirectory(prefix="timeline-exports-")
        self.folder = self._folder.name
        self.store: IO[bytes] | None = None

    @staticmethod
    def wanted(events: int, after: int) -> bool:
        """`after` events or more (-1: never), forking safely and on a second CPU."""
        return 0 <= after <= events and can_fork() and cpus() > 1

    def path(self, export: str) -> str:
        """Where an export's file is once `finish` has returned."""
        return os.path.join(self.folder, export)

    def start(self, pages: list) -> None:
        """Fork the child; from now on pages wait for their parts until `finish`."""
        site, exports, write = self.site, self.exports, self._write
        with self.phases.time(self.PHASE):
            try:
                self.store = store = tempfile.TemporaryFile(prefix="timeline-parts-")
                self.child = Forked(lambda: (site.render_all(pages, store), write(exports())))
            except OSError as error:
                self.say(f"rendering here: no process could be started ({error})")
                return
            site.deferred = []

    def _write(self, exports: dict[str, bytes]) -> None:
        for path, content in exports.items():
            os.makedirs(os.path.dirname(self.path(path)), exist_ok=True)
            with open(self.path(path), "wb") as handle:
                handle.write(content)

    def finish(self) -> None:
        """Give the waiting pages what the child rendered (waiting for it if need be), or have
        their parts rendered here; the exports' files, from the child or written here."""
        child, self.child = self.child, None
        with self.phases.time(self.PHASE):
            done = child is not None and child.wait()
            stored = Stored(self.store, child.value[0]) if done and self.store else None
            self.site.complete(stored)
        if child is not None:
            self.phases.parallel[self.PHASE] = child.cpu_seconds
            if not done:
                why = (child.failure or "").strip().splitlines()[-1:] or ["no reason given"]
                self.say(f"pages and exports rendered here: the worker failed: {why[0]}")
        if not done:
            with self.phases.time("exports"):
                self._write(self.exports())

    def cancel(self) -> None:
        if self.child is not None:
            self.child.cancel()
            self.child = None
        if self.site.alongside is not None:
            self.site.alongside.close()
        self.close()

    def close(self) -> None:
        """Remove the temporary files (once the build has copied the exports); stop the process
        rendering pages alongside (`Written`)."""
        if (written := self.site.alongside) is not None:
            written.close(wait=5.0)  # every page is written: the child is ending
            if written.alongside is not None and written.alongside.finished:
                self.phases.parallel[self.WRITTEN] = written.alongside.cpu_seconds
            self.site.alongside = None
        if self.store is not None:
            self.store.close()
            self.store = None
        self._folder.cleanup()


class Written:
    """Pages' HTML rendered by two processes in `mkdocs build` (`parallel.Alongside`): the theme's
    template fills most of a page's writing time, and this process must still do the rest for
    every page (plugins' hooks, the search index, writing the file). Every page is given the
    template `timeline/written.html`, which asks here for its HTML (`html`): the child's, or its
    own template rendered here with the same context. `context(page)` must give what the build
    gives a page's template (in MkDocs: every plugin's `on_page_context` applied), and `close`
    must be called once every page is written."""

    TEMPLATE = "timeline/written.html"

    def __init__(
        self,
        pages: list,
        context: Callable[[Any], dict],
        env: jinja2.Environment,
        say: Callable,
        let_go: Callable = lambda page: None,
    ):
        self.index = {page.file.src_uri: i for i, page in enumerate(pages)}
        self.templates = [page.meta.get("template") for page in pages]  # None: the theme's
        for page in pages:
            page.meta["template"] = self.TEMPLATE
        env.globals["timeline_written"] = self.html

        def alone(i: int) -> str:  # in the child: a page, with its metadata as it was
            page, template = pages[i], self.as_it_was(pages[i], i)
            page.active = True  # as the build marks the page it renders
            try:
                return env.get_template(template).render(context(page))
            finally:
                page.active = False
                let_go(page)  # what only its writing would use: the child writes nothing

        self.alongside: Alongside | None = None
        if not can_fork():  # a plugin started a thread since the build began
            say("pages written here alone: another thread runs in this process")
            return
        try:
            self.alongside = Alongside(len(pages), alone)
        except OSError as error:
            say(f"pages written here alone: no process could be started ({error})")

    def as_it_was(self, page, i: int | None = None) -> str:
        """The page's metadata as it was, once MkDocs has chosen its template (at the latest as
        it renders it); the name of its own template."""
        if i is None and (i := self.index.get(page.file.src_uri)) is None:
            return page.meta.get("template") or "main.html"  # not one of the pages written
        if (template := self.templates[i]) is None:
            page.meta.pop("template", None)
            return "main.html"  # MkDocs' default
        page.meta["template"] = template
        return template

    @jinja2.pass_context
    def html(self, context: jinja2.runtime.Context, page) -> Markup:
        i = self.index[page.file.src_uri]
        template = self.as_it_was(page, i)
        html = self.alongside.take(i) if self.alongside else None
        if html is None:
            html = context.environment.get_template(template).render(context.get_all())
        return Markup(html)

    def close(self, wait: float = 0.0) -> None:
        if self.alongside is not None:
            self.alongside.close(wait)
