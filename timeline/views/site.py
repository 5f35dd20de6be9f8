"""Every page the timeline adds to a site, and what each one shows, decided from the `Timeline`
alone: titles, descriptions, counts, layouts, links back, chart coverage. The plugin only renders
each `Fragment` with its template and registers the pages, so all of this is tested without MkDocs.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from .. import words
from ..check.markers import LATEST_DEFAULT, find_markers
from ..check.registry import group_by_kind
from ..collection import Timeline
from ..model import (
    ACTORS_PAGE,
    FIGURES_PAGE,
    PLACES_PAGE,
    TIMELINE_PAGE,
    Event,
    actor_page,
    page_url,
    tag_page,
)  # fmt: skip
from ..ordering import group_by_year_and_month, period
from ..words import N_, _
from .embed import Embeds
from .figure_pages import FigurePages, era_headings, outcome_words, overview_eras
from .layout import event_anchor, month_anchor, plan_pages, tag_slugs
from .lists import filter_choices, key_events, latest_additions, tag_entry
from .metadata import event_jsonld, page_social, script_json
from .overview import MONTHS_DRAWN, overview
from .pages import Fragment, ListPage, PageInfo, PageParts, SiteOptions, when
from .pictures import figure, thumbnail
from .places import PlacePages, place_page, place_url
from .preview import Preview
from .reader import actor_groups, actor_line, script_words, source_line, standfirst, status_legend
from .related import Relations, companions
from .urls import actor_url, help_url

KIND_LABELS = {
    "person": N_("People"),
    "country": N_("Countries"),
    "organization": N_("Organizations"),
    "group": N_("Groups"),
}
WIDE = ["navigation", "toc"]
"""mkdocs-material's `hide`: the plugin's pages use the whole width (the site's sections are in
the header's tabs; these pages have no table of contents worth a column)."""
LAZY_AFTER = 20
"""A timeline page of more events than this lets the browser skip laying out its months off
screen (CSS content-visibility) until they are needed: drawing and filtering a long page then
costs the months in view, not all of them."""


class SiteMap:
    """The pages of one build and the parts of each, from one timeline."""

    def __init__(self, timeline: Timeline, options: SiteOptions | None = None):
        options = options or SiteOptions()
        self.timeline, self.options = timeline, options
        self.script_words = script_words(words.use(options.language))
        self.layout = plan_pages(
            timeline.events,
            options.year_pages_after,
            max(0, options.main_page_events),
            options.month_pages_after,
        )
        self.timeline_pages = {uri: (y, m, events) for uri, y, m, events in self.layout.pages()}
        self.months = MONTHS_DRAWN if self.layout.split else None  # the charts' bound
        self.events = {event.path: event for event in timeline.events}
        self.actors = {actor_page(actor.id): actor for actor in timeline.registry}
        self.slugs = tag_slugs(list(timeline.by_tag))
        self.lists: dict[str, ListPage] = {}
        for actor in timeline.registry:
            events = timeline.by_actor[actor.id]
            self._add_list("actor", actor.name, events, actor_page(actor.id), actor.id)
        for tag, events in timeline.by_tag.items():
            self._add_list("tag", tag, events, tag_page(self.slugs[tag]), tag)
        self.places = PlacePages(timeline)
        for place in timeline.places:
            events = timeline.by_place[place.id]
            self._add_list("place", place.name, events, place_page(place.id), place.id)
        self.relations = Relations(timeline.events, timeline.by_actor)
        self.figures = FigurePages(  # figures, claims and eras
            timeline, options.year_pages_after, options.main_page_events
        )
        self.common = {
            "registry": timeline.registry,
            "actor_url": actor_url,
            "timeline_href": self.timeline_href,
            "source_line": source_line,
            "actor_line": actor_line,
            "place_url": place_url,
            "thumbnail": thumbnail,
            "status_help": help_url(options.status_help),
            "followed_by": timeline.followed_by,
            "outcome_words": outcome_words,
        }
        self.embeds = Embeds(timeline, self.slugs, self.common, options)  # /embed/, for iframes
        # mkdocs-material's tags index sees a tag as the page metadata gave it: escaped text
        self._by_shown_tag = {html.escape(tag, quote=False): tag for tag in self.slugs}
        self.preview = Preview(timeline, self.events, options)  # `mkdocs serve` only
        self._kept_parts: dict[str, PageParts] = {}

    def _add_list(
        self, kind: str, name: str, events: Sequence[Event], main: str, value: str
    ) -> None:
        options = self.options
        layout = plan_pages(
            events,
            options.year_pages_after,
            max(0, options.main_page_events),
            options.month_pages_after,
            main_path=main,
            root=main.removesuffix(".md").removesuffix("/index"),
        )
        for uri, year, month, listed in layout.pages():
            self.lists[uri] = ListPage(kind, name, layout, year, month, listed, events, value)

    # --- which pages, and how MkDocs should treat them -----------------------------------------

    def uris(self) -> list[str]:
        """The pages to generate (event pages come from their entries)."""
        lists = [u for u, p in self.lists.items() if p.kind == "tag" or p.year is not None]
        return [
            *self.timeline_pages, ACTORS_PAGE, *self.actors, *lists,
            *self.places.uris(), *self.figures.uris(), *self.embeds.uris(), *self.preview.uris(),
        ]  # fmt: skip

    nav_uris = frozenset({TIMELINE_PAGE, ACTORS_PAGE, PLACES_PAGE, FIGURES_PAGE})

    def phase(self, uri: str) -> str:
        """The plugin phase (for the benchmark's timings) a page's work is counted under."""
        if uri in self.events:
            return "event pages"
        if uri in self.actors or uri == ACTORS_PAGE or uri in self.lists:
            return "actor pages"  # and tag and place pages
        if uri == PLACES_PAGE:
            return "place pages"
        if uri in self.timeline_pages:
            return "timeline pages"
        return "other pages"

    def meta(self, uri: str) -> dict[str, Any] | None:
        """A generated or event page's metadata, as MkDocs reads it from front matter. Listings
        are left out of the search index: each event is found on its own page."""
        if event := self.events.get(uri):
            return {
                "title": event.title,
                "description": event.summary,
                "template": "timeline/event.html",
                "tags": list(event.tags),
                "hide": WIDE,
            }
        if actor := self.actors.get(uri):
            return {
                "title": actor.name,
                "description": actor.description,
                "template": "timeline/page.html",
                "hide": WIDE,
            }
        if uri in self.timeline_pages:
            year, month, _events = self.timeline_pages[uri]
            if year is None:
                return {"title": _("Timeline"), "search": {"exclude": True}, "hide": WIDE}
            period_name = when(year, month)
            return {
                "title": _("Timeline: %(period)s") % {"period": period_name},
                "description": _("Every event of %(period)s.") % {"period": period_name},
                "search": {"exclude": True},
                "hide": WIDE,
            }
        if uri == ACTORS_PAGE:
            return {"title": _("Actors"), "hide": WIDE}
        if uri in self.embeds:
            return self.embeds.meta(uri)
        if (preview := self.preview.meta(uri)) is not None:
            return {**preview, "hide": WIDE}
        if place_meta := self.places.meta(uri):
            return {**place_meta, "template": "timeline/page.html", "hide": WIDE}
        if (figures := self.figures.meta(uri)) is not None:
            return {**figures, "hide": WIDE}
        if listed := self.lists.get(uri):
            return {
                "title": listed.title,
                "description": listed.description,
                "template": "timeline/page.html",
                "search": {"exclude": True},
                "hide": WIDE,
            }
        return None

    # --- what each page shows -------------------------------------------------------------------

    def parts(self, uri: str, keep: bool = False) -> PageParts:
        """Everything the plugin adds to a page, from the timeline alone (never from the page's
        own content, title or metadata, so it can be rendered ahead in another process); in the
        preview, the slot for the content's problems first (`preview.Preview`). `keep`: asked
        again soon (the preview compares a page, then renders it): kept until then."""
        if (kept := self._kept_parts.pop(uri, None)) is not None:
            return kept
        parts = self.preview.parts(uri, self._parts(uri))
        if keep:
            self._kept_parts[uri] = parts
        return parts

    def _parts(self, uri: str) -> PageParts:
        if event := self.events.get(uri):
            context = {**self.common, **self.event_context(event)}
            return PageParts(
                before=Fragment("event-header.html", context),
                outside=Fragment("event-footer.html", context),
            )
        if actor := self.actors.get(uri):
            context = {
                **self.common,
                "actor": actor,
                "events": self.timeline.by_actor[actor.id],
                "companions": companions(
                    actor.id, self.timeline.by_actor, self.timeline.registry.actors
                ),
            }
            return PageParts(
                after=Fragment("actor.html", context),
                outside=Fragment("event-list.html", self.list_context(uri, heading=True)),
            )
        if uri in self.places.pages:
            context = {**self.common, **self.places.place_context(uri)}
            return PageParts(
                after=Fragment("place.html", context),
                outside=Fragment("event-list.html", self.list_context(uri, heading=True)),
            )
        if uri == PLACES_PAGE:
            return PageParts(after=Fragment("places.html", self.places.index_context()))
        if uri in self.lists:  # a tag's page, an actor's year or month
            return PageParts(after=Fragment("event-list.html", self.list_context(uri)))
        if uri in self.timeline_pages:
            return PageParts(after=Fragment("timeline.html", self.timeline_context(uri)))
        if uri in self.embeds:
            return PageParts(after=self.embeds.fragment(uri))
        if uri == ACTORS_PAGE:
            groups = [(_(KIND_LABELS[k]), m) for k, m in group_by_kind(self.timeline.registry)]
            context = {**self.common, "groups": groups, "by_actor": self.timeline.by_actor}
            return PageParts(after=Fragment("actors.html", context))
        return self.figures.parts(uri, self.common) or PageParts()

    def event_context(self, event: Event) -> dict[str, Any]:
        """An event page's neighbours, related events and link back to the timeline: to its own
        item on the page that lists it. Nothing about the events far from it (no count, no
        position among them): adding or moving one leaves this page as it is."""
        before, after = self.timeline.neighbours(event)
        return {
            "event": event,
            "previous": before,
            "next": after,
            "related": self.relations.related(event),
            "timeline_link": self.timeline_href(event),
            "figure": figure(event.image) if event.image else None,
            "places": self.places.event_places(event),
            "locator": self.places.locator(self.places.event_places(event)),
            **self.figures.event_context(event),
        }

    def timeline_href(self, event: Event) -> str:
        """Where an event is on the timeline: its item, on the page that lists it."""
        year, month = period(event)
        month = month if event.date.month is not None else None
        return page_url(self.layout.month_page(year, month)) + "#" + event_anchor(event)

    def timeline_context(self, uri: str) -> dict[str, Any]:
        """A timeline page: its events grouped by year and month, the chart (the whole timeline
        on the main page, the whole year on a year page, the month on a month page), the links
        to the other pages and the filters' choices."""
        year, month, events = self.timeline_pages[uri]
        layout, newest = self.layout, self.options.order == "newest"
        whole_year = (layout.year_events(year) or events) if month is None else events
        choices = filter_choices(events, self.timeline.registry)
        kinds = {a.id: a.kind for a in self.timeline.registry}
        lead = self.options.standfirst and year is None
        chart = overview(self.timeline.events if year is None else whole_year, self.months)
        return {
            **self.common,
            "groups": group_by_year_and_month(reversed(events) if newest else events),
            "count": len(events),
            "total": len(self.timeline.events),
            "year": year,
            "month": month,
            "month_list": [
                (m, page_url(u), n) for m, u, n in layout.month_list(year or 0) if not month
            ],
            "year_count": len(whole_year),
            "split": layout.split,
            "years": [(y, page_url(u), n) for y, u, n in layout.year_list()],
            "main_url": page_url(TIMELINE_PAGE),
            "chart": chart,
            "era_bands": overview_eras(chart, self.timeline.eras),
            "era_headings": era_headings(events, self.timeline.eras),
            "month_href": self.month_href(uri),
            "choices": choices,
            "actor_groups": actor_groups(choices.actors, kinds),
            "legend": status_legend([c.value for c in choices.statuses]),
            "standfirst": standfirst(self.timeline, self.options.standfirst) if lead else None,
            "order": "newest" if newest else "oldest",
            "lazy": len(events) > LAZY_AFTER,
        }

    def list_context(self, uri: str, heading: bool = False) -> dict[str, Any]:
        """An actor's or a tag's list of events, with the links to its other pages."""
        listed = self.lists[uri]
        layout, every = listed.layout, listed.every
        whole_year = layout.year_events(listed.year) if listed.year else ()
        query = urlencode({listed.kind: listed.value})
        return {
            **self.common,
            "listed": listed,
            "filtered_url": f"{page_url(TIMELINE_PAGE)}?{query}",  # the timeline, filtered
            "heading": heading,
            "events": listed.events,
            "count": len(listed.events),
            "total": len(every),
            "first": every[0] if every else None,
            "last": every[-1] if every else None,
            "year_count": len(whole_year),
            "split": layout.split,
            "main_url": page_url(layout.main_path),
            "years": [(y, page_url(u), n) for y, u, n in layout.year_list()],
            "month_list": [
                (m, page_url(u), n)
                for m, u, n in (layout.month_list(listed.year) if listed.year else ())
                if listed.month is None
            ],
        }

    def month_href(self, here: str) -> Callable[[int, int | None], str]:
        """Where a month's bar or link on the page `here` leads: '#anchor' on this page, else
        the site URL of the page that lists the month, with the anchor."""

        def href(year: int, month: int | None) -> str:
            target = self.layout.month_page(year, month, here)
            anchor = "#" + month_anchor(year, month)
            return anchor if target == here else page_url(target) + anchor

        return href

    # --- sections for the maintainers' pages (markers) and every page's <head> -----------------

    def section(self, name: str, number: int | None, here: str) -> Fragment | None:
        """The section a marker stands for on the page `here` (None: nothing to show)."""
        if name == "overview":
            chart = overview(self.timeline.events, self.months)
            if chart is None:
                return None
            bands = overview_eras(chart, self.timeline.eras)
            context = {"chart": chart, "month_href": self.month_href(here), "era_bands": bands}
            return Fragment("overview.html", context)
        if name == "key-events":
            items = [(event, None) for event in key_events(self.timeline.events)]
            return Fragment("home-key-events.html", {**self.common, "items": items})
        if name == "embeds":
            return self.embeds.howto()
        if name == "standfirst":
            lead = standfirst(self.timeline, self.options.standfirst)
            return Fragment("standfirst.html", {**self.common, "standfirst": lead})
        limit = LATEST_DEFAULT if number is None else number  # how many additions to list
        items = latest_additions(self.timeline, limit)
        return Fragment("home-latest.html", {**self.common, "items": items})

    def tag_listing(self, shown_tag: str, mappings: Sequence[Any], src_uri) -> dict | None:
        """For mkdocs-material's tags index, one tag's entry (`lists.tag_entry`); `shown_tag`
        is the tag as the index shows it (escaped text)."""
        tag = self._by_shown_tag.get(shown_tag)
        return None if tag is None else tag_entry(self.timeline, self.slugs, tag, mappings, src_uri)

    def with_sections(self, text: str, here: str, render: Callable[[Fragment], str]) -> str:
        """A maintainers' page's HTML with each marker replaced by its section, rendered by
        `render`; one that cannot be rendered is left as it is (`timeline check` names it)."""
        out, end = [], 0
        for marker in find_markers(text):
            if marker.problem is None:
                section = self.section(marker.name, marker.number, here)
                out += [text[end : marker.start], render(section) if section else ""]
                end = marker.end
        return "".join(out) + text[end:]

    def head(self, uri: str, page: PageInfo) -> dict[str, Any]:
        """OpenGraph and Twitter tags for any page, JSON-LD for an event page. An event's title
        and description are the event's (its page's own are not read: they may not exist yet,
        when rendering ahead); the home page is titled by the site."""
        if uri in self.embeds:  # a page for another site's iframe: its own <head> is enough
            return {"embed": True}
        event = self.events.get(uri)
        social = page_social(event, page, self.options, uri == TIMELINE_PAGE)
        jsonld = script_json(event_jsonld(event, page.url)) if event is not None else None
        return {"event": event, "social": social, "jsonld": jsonld, "words": self.script_words}
