"""The model of the pages the timeline adds: what a site chooses (`SiteOptions`), what a page is
given (`Fragment`s in `PageParts`), what its <head> may read of it (`PageInfo`), and one page of
an actor's or a tag's events (`ListPage`). `site.SiteMap` fills them in."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from ..model import Event
from ..options import DEFAULTS
from ..words import _, active, count, full_stop
from .layout import Layout


@dataclass(frozen=True, slots=True)
class SiteOptions:
    """What a site chooses about its pages (the plugin's options of the same names)."""

    year_pages_after: int = DEFAULTS["year_pages_after"]
    main_page_events: int = DEFAULTS["main_page_events"]
    month_pages_after: int = DEFAULTS["month_pages_after"]
    order: str = DEFAULTS["order"]
    site_name: str = ""
    description: str = ""
    preview: bool = False
    """The contributor's preview (`mkdocs serve`): every page shows the content's problems."""
    repo_url: str | None = None
    edit_uri: str | None = None
    """Where the content's files are in the repository (mkdocs.yml's keys of the same names)."""
    standfirst: str = ""
    """What we know, in two to four lines: the site's own text, shown above the timeline and
    where a page asks for it (`<!-- timeline:standfirst -->`)."""
    site_url: str | None = None
    """Where the site is published (mkdocs.yml's `site_url`): the embed snippets' addresses,
    and the absolute links of link previews' images."""
    status_help: str = ""
    """The page (and anchor) that defines the statuses, e.g. 'about.md#what-each-status-means':
    every status badge and the legend link there."""
    language: str = "en"
    """The language of the timeline's own words (`timeline.words`): one per site."""

    @classmethod
    def chosen(
        cls, plugin: Mapping[str, Any], site: Mapping[str, Any], preview: bool = False
    ) -> SiteOptions:
        """From the plugin's options of the same names and the site's configuration (the
        keys of mkdocs.yml: `site_name`, `site_description`, `repo_url`, `edit_uri`)."""
        options = {f.name: plugin[f.name] for f in fields(cls) if f.name in plugin}
        return cls(
            **options,
            site_name=site.get("site_name") or "",
            description=site.get("site_description") or "",
            preview=preview,
            repo_url=site.get("repo_url"),
            edit_uri=site.get("edit_uri"),
            site_url=site.get("site_url") or None,
        )


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What the <head> of a page may use of the page itself: its address, whether it is the
    home page, and (read only for pages other than events) its title and description."""

    url: str | None
    home: bool
    title: Callable[[], str | None]
    description: Callable[[], str | None]


@dataclass(frozen=True, slots=True)
class Fragment:
    """HTML the plugin adds to a page: `template` (in the templates' `timeline/` folder) rendered
    with `context`, plus the page's own relative-link maker."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PageParts:
    """What a page gets: `before` and `after` its own content (searched like it), and `outside`,
    after the content but out of the search index (an event's sources, neighbours and related
    events; an actor's list of events: indexing those again on every page cost more than the
    rest of the plugin together, and a hit on a neighbour's title is noise)."""

    before: Fragment | None = None
    after: Fragment | None = None
    outside: Fragment | None = None


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of an actor's or a tag's events: its main page (year None) or a year or month."""

    kind: str  # "actor", "tag" or "place"
    name: str  # the actor's or place's name, or the tag
    layout: Layout
    year: int | None
    month: int | None
    events: tuple[Event, ...]  # listed on this page
    every: Sequence[Event]  # all of the actor's or the tag's events
    value: str = ""  # what the timeline's filter takes: the actor's id, or the tag

    @property
    def title(self) -> str:
        what = _("Tag: %(tag)s") % {"tag": self.name} if self.kind == "tag" else self.name
        if self.year is None:
            return what
        return _("%(name)s, %(period)s") % {"name": what, "period": when(self.year, self.month)}

    @property
    def count(self) -> int:
        """How many events the page stands for: all of them on the main page, the whole year
        on a year page (also when they are on its month pages), else those listed."""
        if self.year is None:
            return len(self.every)
        if self.month is None:
            return len(self.layout.year_events(self.year))
        return len(self.events)

    @property
    def description(self) -> str:
        n, name = self.count, self.name
        if self.kind == "actor":
            what = count(
                n, "%(num)d event naming %(name)s", "%(num)d events naming %(name)s", name=name
            )
        elif self.kind == "place":
            what = count(n, "%(num)d event at %(name)s", "%(num)d events at %(name)s", name=name)
        else:
            what = count(
                n, "%(num)d event tagged “%(name)s”", "%(num)d events tagged “%(name)s”", name=name
            )
        if self.year is None:
            return what + "."
        period = when(self.year, self.month)
        return _("%(name)s, %(period)s") % {"name": what, "period": period} + full_stop(period)


def when(year: int, month: int | None) -> str:
    return active().month_year(month, year)
