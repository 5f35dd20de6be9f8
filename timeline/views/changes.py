"""What an edit changes: which pages' views differ between two builds of one site, so that the
contributor's preview (`mkdocs serve --dirty`) renders those again and keeps every other page.

Exact by construction rather than by a list of rules: a page is rendered again when what the
`SiteMap` gives its templates (its fragments' contexts and its metadata) differs from the last
build's, in what the page shows of it (`_differ`: no list shows an entry's write-up; an event
page shows of the events it links their address, title and date). Only the candidates are
compared. An event page shows its own entry, its neighbours, its related events (found within
`RELATED_WINDOW` places of it in its actors' lists) and the claims it answers or that answer
it, so its candidates are those events around every entry that changed, in the old and the new
timeline. Made pages are compared, except those that cannot list a changed entry: timeline
pages that list none while no entry came, went or moved; the lists of other actors, tags and
places; the figures' pages while no changed entry states figures or answers a claim. Changes
that reach every page (the registries, the site's options, the timeline's page plan) are not
bounded: `every` says why, and every page is rendered again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from ..model import Event
from .pages import ListPage
from .related import RELATED_WINDOW
from .site import SiteMap


@dataclass(frozen=True, slots=True)
class Changes:
    """The pages (content paths) to render again, the pages gone, and the entries that changed
    (`listed`: those that changed beyond their write-up, or came or went); `every`: why every
    page must be rendered again (None: the change is bounded)."""

    pages: frozenset[str]
    removed: frozenset[str]
    entries: frozenset[str]
    every: str | None = None
    listed: frozenset[str] = frozenset()

    @property
    def listings(self) -> bool:
        """Whether pages that list entries (the home page's sections, the tags index) may show
        something new: an entry changed beyond its write-up (which no list shows), came or
        went."""
        return bool(self.listed) or self.every is not None

    def summary(self) -> str:
        if self.every:
            return f"every page rendered ({self.every})"
        return f"{len(self.pages)} pages rendered again, {len(self.removed)} removed"


def everything(site: SiteMap, why: str, removed: frozenset[str] = frozenset()) -> Changes:
    """Every page of `site`, for a change that cannot be bounded (or a first build)."""
    pages = frozenset(site.events) | frozenset(site.uris())
    return Changes(pages, removed, frozenset(site.events), why)


class Built:
    """One build's `SiteMap`, with the views compared so far: the next build compares its own
    with these, so each view is computed once per build."""

    def __init__(self, site: SiteMap):
        self.site = site
        self.made = site.uris()
        self._views: dict[str, Any] = {}

    def view(self, uri: str) -> Any:
        if uri not in self._views:
            site = self.site
            self._views[uri] = (
                _event_view(site, uri) if uri in site.events else _page_view(site, uri)
            )
        return self._views[uri]


def _differ(last: Built, now: Built, uri: str) -> bool:
    """Whether a page shows something else: what its templates are given differs, beyond the
    write-ups of the events it lists (no list, chart or index shows those) and, on an event
    page, beyond the address, title and date of the events it links."""
    before, after = last.view(uri), now.view(uri)
    own = uri if uri in now.site.events else None
    return before != after and not _same(before, after, own)


def _same(a: Any, b: Any, own: str | None) -> bool:
    if a is b:
        return True
    if isinstance(a, Event) and isinstance(b, Event):
        if a == b:
            return True
        if own is None:  # a made page: all but the write-up
            return replace(a, body="") == replace(b, body="")
        if a.path == own:
            return False
        return (a.url, a.title, a.date, a.display_date) == (b.url, b.title, b.date, b.display_date)
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y, own) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k], own) for k in a)
    if is_dataclass(a) and hasattr(a, "event"):
        return all(_same(getattr(a, f.name), getattr(b, f.name), own) for f in fields(a))
    return a == b


def changes(last: Built | None, now: Built) -> Changes:
    """The pages whose view differs from the `last` build's to `now`."""
    before, after = (last.site if last else None), now.site
    if before is None or last is None:
        return everything(after, "first build")
    old, new = before.events, after.events
    removed = (frozenset(old) | frozenset(last.made)) - frozenset(new) - frozenset(now.made)
    if why := _unbounded(before, after):
        return everything(after, why, removed)
    entries = frozenset(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))
    dated = {p for p in new if _added(before, old.get(p)) != _added(after, new[p])}
    entries |= dated
    shown = frozenset({p for p in entries if _listed(old.get(p)) != _listed(new.get(p))} | dated)
    candidates = _candidates(before, after, entries)
    pages = {p for p in candidates if _differ(last, now, p)}
    # made pages show no write-up: only the entries changed beyond theirs can change them
    moved, made_before = _moved(before, after, shown), set(last.made)
    touched = _values(before, after, shown)
    figure_pages = set(after.figures.uris()) | set(before.figures.uris())
    figures = any(
        e is not None and (e.figures or e.follows)
        for site in (before, after)
        for e in (site.events.get(p) for p in shown)
    )
    for uri in now.made:
        if not shown and uri in made_before:
            continue
        if uri in after.timeline_pages and not moved and not _lists_any(after, uri, shown):
            continue  # a timeline page that lists none of them, while none came, went or moved
        listed = after.lists.get(uri)
        if listed is not None and (listed.kind, listed.value) not in touched:
            continue  # an actor's, a tag's or a place's page, none of whose entries changed
        if uri in figure_pages and not figures:
            continue  # figures' pages list only entries with figures or claims
        if uri not in made_before or _differ(last, now, uri):
            pages.add(uri)
    return Changes(frozenset(pages), removed, entries, listed=shown)


def _listed(event: Event | None) -> Event | None:
    """An entry as lists show it: all but its write-up."""
    return None if event is None else replace(event, body="", body_line=0)


def _values(before: SiteMap, after: SiteMap, entries: frozenset[str]) -> set[tuple[str, str]]:
    """The lists (kind, value) the changed entries are in or were in."""
    found: set[tuple[str, str]] = set()
    for site in (before, after):
        for path in entries:
            if (event := site.events.get(path)) is not None:
                found.update(("actor", a) for a in event.actors)
                found.update(("tag", t) for t in event.tags)
                found.update(("place", p) for p in event.places)
    return found


def _unbounded(before: SiteMap, after: SiteMap) -> str | None:
    """Why a change reaches every page, if it does."""
    b, a = before.timeline, after.timeline
    if before.options != after.options:
        return "the site's options changed"
    if b.registry != a.registry or b.places != a.places:
        return "the actors or places changed"  # named on every page that lists an event
    if b.measures != a.measures or b.eras != a.eras:
        return "the measures or eras changed"
    if _plan(before) != _plan(after):
        return "the timeline's pages changed (a year or month page came or went)"
    if any(after.slugs.get(tag, slug) != slug for tag, slug in before.slugs.items()):
        return "a tag's address changed"
    return None


def _plan(site: SiteMap) -> list[tuple[str, Any, Any]]:
    return [(uri, year, month) for uri, (year, month, _) in site.timeline_pages.items()]


def _added(site: SiteMap, event: Event | None) -> Any:
    if event is None:
        return None
    return site.timeline.added.get(event.id), site.timeline.added_on.get(event.id)


def _candidates(before: SiteMap, after: SiteMap, entries: Iterable[str]) -> set[str]:
    """Event pages (content paths, published now) that may show one of the changed entries:
    the entries, their neighbours, events near them in their actors' lists, and the claims
    they answer or that answer them; in both timelines."""
    found: set[str] = set()
    for site in (before, after):
        timeline = site.timeline
        for path in entries:
            event = site.events.get(path)
            if event is None:
                continue
            found.add(path)
            found.update(e.path for e in timeline.neighbours(event) if e is not None)
            for actor in event.actors:
                listed = timeline.by_actor.get(actor, ())
                at = next((i for i, e in enumerate(listed) if e.id == event.id), 0)
                reach = RELATED_WINDOW + 1
                found.update(e.path for e in listed[max(0, at - reach) : at + reach + 1])
            by_id = {e.id: e for e in timeline.events} if event.follows else {}
            found.update(by_id[f.event].path for f in event.follows if f.event in by_id)
            found.update(later.path for _, later in timeline.followed_by.get(event.id, ()))
    return found & after.events.keys()


def _event_view(site: SiteMap, path: str) -> Any:
    event = site.events.get(path)
    if event is None:
        return None
    return site.event_context(event), site.meta(path), _added(site, event)


def _page_view(site: SiteMap, uri: str) -> Any:
    """What a made page's templates are given: its fragments' contexts (less what every page
    shares, compared once in `_unbounded`) and its metadata."""
    parts = site.parts(uri, keep=True)  # rendered next, if it differs
    shown = []
    for fragment in (parts.before, parts.after, parts.outside):
        if fragment is not None:
            context = {
                k: v
                for k, v in fragment.context.items()
                if k not in site.common and not callable(v)
            }
            listed = context.get("listed")
            if isinstance(listed, ListPage):  # all of the list's events are counted, not shown
                context["listed"] = (listed.title, listed.kind, listed.name, listed.year,
                                     listed.month, listed.events, listed.value)  # fmt: skip
            shown.append((fragment.template, context))
    return shown, site.meta(uri)


def _lists_any(site: SiteMap, uri: str, entries: frozenset[str]) -> bool:
    return any(e.path in entries for e in site.timeline_pages[uri][2])


def _moved(before: SiteMap, after: SiteMap, entries: frozenset[str]) -> bool:
    """Whether an entry came, went or changed its date (the timeline pages' counts and order)."""
    for path in entries:
        old, new = before.events.get(path), after.events.get(path)
        if old is None or new is None or old.date != new.date:
            return True
    return False


def merged_index(
    last: list[dict], now: list[dict], pages: Iterable[str], rendered: set[str]
) -> list[dict]:
    """The search index's entries after a build that rendered only the pages `rendered` (their
    URLs): each page's entries from this build if it was rendered, else from the last one, in
    the order of `pages` (every page's URL, as a whole build indexes them), so that the index
    is the one a whole build makes. Entries are mkdocs-material's: `location` is the page's URL,
    then '#' and an anchor for each section."""
    by_page: dict[str, list[dict]] = {}
    for entry in last:
        by_page.setdefault(entry["location"].partition("#")[0], []).append(entry)
    for url in rendered:
        by_page.pop(url, None)
    for entry in now:
        by_page.setdefault(entry["location"].partition("#")[0], []).append(entry)
    return [entry for url in pages for entry in by_page.get(url, ())]


class Builds:
    """What the preview keeps from one build to the next: the last build's views, what changed
    since, the pages rendered now and every page in build order (for the search index), and the
    cards and image sizes in the site's folder."""

    def __init__(self) -> None:
        self.last: Built | None = None
        self.now: Built | None = None
        self.changes: Changes | None = None
        self.rendered: set[str] = set()  # URLs of the pages rendered by this build
        self.pages: list[str] = []  # every page's URL, in the order a whole build reads them
        self.images = None  # the last build's cards and image sizes (`cards.Made`)
        self.tags: dict = {}  # mkdocs-material's tags index: page URL -> its entry

    def begin(self, site: SiteMap) -> Changes:
        self.now, self.rendered = Built(site), set()
        self.changes = changes(self.last, self.now)
        return self.changes

    def keeps(self, uri: str) -> bool:
        """Whether a page stays as the last build wrote it."""
        return self.last is not None and self.changes is not None and uri not in self.changes.pages

    def placed(self, images, site_dir: str) -> dict[str, str]:
        """The cards and image sizes (`cards.Made`) MkDocs should know of: all of them in a first
        build; after it, none (`cards.placed` has put them in the site's folder already, and
        MkDocs would only look at 6,000 files to copy none). Those of the last build not made
        now are removed from the site."""
        first, last = self.last is None, self.images.kept if self.images else {}
        gone, self.images = last.keys() - images.kept.keys(), images
        removed(os.path.join(site_dir, path) for path in gone)
        return images.files if first else {}

    def tags_index(self, found: dict, kept: set[str]) -> dict:
        """mkdocs-material's tags index (page URL -> its entry) as a whole build makes it: the
        entries of pages read now, the last build's of the pages kept (`kept`: their URLs), in
        the order a whole build reads pages."""
        last = self.tags if self.last is not None else {}
        found = {**found, **{url: last[url] for url in kept if url in last}}
        order = {url: i for i, url in enumerate(self.pages)}
        self.tags = dict(sorted(found.items(), key=lambda m: order.get(m[0], len(order))))
        return self.tags

    def search_index(self, last: list[dict], now: list[dict]) -> list[dict]:
        """The search index a whole build would make (`merged_index`)."""
        return merged_index(last, now, self.pages, self.rendered)

    def done(self, ok: bool) -> None:
        """This build is now the last (or, failed, none is: the next renders every page)."""
        self.last, self.now = (self.now, None) if ok else (None, None)


def lists_entries(path: str) -> bool:
    """Whether a maintainers' page (its source file) has the timeline's sections, or is a tags
    index: what it shows changes with the entries."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    return "timeline:" in text or "material/tags" in text


def outdated(paths: Iterable[str]) -> None:
    """Files of the site made older than any source, so that MkDocs' dirty build makes them
    again."""
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            os.utime(path, (0, 0))


def removed(paths: Iterable[str]) -> None:
    """Files of the site removed (pages gone), if they are there."""
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
