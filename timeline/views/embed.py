"""The embed pages: the timeline made for another site's iframe (`/embed/`), without the site's
header, menus or search, with a small header linking to the full timeline.

Each page is complete without JavaScript: `/embed/` holds the latest `EMBED_EVENTS` events of the
whole timeline, `/embed/actors/<id>/` and `/embed/tags/<slug>/` the latest of each actor and tag.
The page's script (`assets/timeline/embed.js`) narrows what a page holds by the address's query,
with the timeline page's filters (`actor`, `tag`, `status`, `year`, `order`) and three of its own:
`from` and `to` (a year, month or day: `2024`, `2024-10`, `2024-10-31`) and `limit` (the latest
so many). Asked for an actor or a tag, `/embed/` goes to that actor's or tag's own page first, so
that the latest events are that actor's, not the site's. It reports the page's height to the
host page (`postMessage`) so the iframe can fit it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from ..address import origin, unpublishable
from ..collection import Timeline
from ..model import TIMELINE_PAGE, Event, actor_page, page_url, tag_page
from .pages import Fragment, SiteOptions

EMBED_ROOT = "embed/"
EMBED_PAGE = "embed/index.md"
EMBED_EVENTS = 50
"""The latest events an embed page holds: enough for an article's needs, and light on a phone."""
HEIGHT_MESSAGE = "news-timeline:height"
"""The `type` of the message an embed page posts to its host page: {type, height} in CSS px."""
PREVIEW_QUERY = "?limit=3"
"""What the "Use this data" page's live preview of the embed asks for."""
KNIGHT_LAB_VIEWER = "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html"
"""Knight Lab's own page for a TimelineJS timeline: given a public JSON file's address (`source`),
it shows it. Only linked to (a reader's choice), never loaded by this site."""


class Embeds:
    """The embed pages of one build: which exist, their metadata, and what each shows."""

    def __init__(
        self,
        timeline: Timeline,
        slugs: Mapping[str, str],
        common: Mapping[str, Any],
        options: SiteOptions,
    ):
        self.timeline, self.common, self.options = timeline, common, options
        self.scopes: dict[str, tuple[str, str, str, Sequence[Event]]] = {
            EMBED_PAGE: ("all", "", "", timeline.events)
        }  # uri: (kind, value the filter takes, name, every event of it)
        for actor in timeline.registry:
            if events := timeline.by_actor.get(actor.id):
                self.scopes[EMBED_ROOT + actor_page(actor.id)] = (
                    "actor",
                    actor.id,
                    actor.name,
                    events,
                )
        for tag, events in timeline.by_tag.items():
            self.scopes[EMBED_ROOT + tag_page(slugs[tag])] = ("tag", tag, tag, events)

    def __contains__(self, uri: str) -> bool:
        return uri in self.scopes

    def uris(self) -> list[str]:
        return list(self.scopes)

    def meta(self, uri: str) -> dict[str, Any]:
        kind, _, name, events = self.scopes[uri]
        what = "the timeline" if kind == "all" else name
        return {
            "title": "Latest events" if kind == "all" else f"{name}: latest events",
            "description": f"The latest events of {what}, for embedding in another page.",
            "template": "timeline/embed-page.html",
            "search": {"exclude": True},
        }

    def fragment(self, uri: str) -> Fragment:
        kind, value, name, every = self.scopes[uri]
        held = list(every[-EMBED_EVENTS:])
        query = f"?{urlencode({kind: value})}" if kind != "all" else ""
        context = {
            **self.common,
            "kind": kind,
            "value": value,
            "scope_name": name,
            "events": held,
            "count": len(held),
            "total": len(every),
            "full_url": page_url(TIMELINE_PAGE) + query,
            "height_message": HEIGHT_MESSAGE,
            "pages": self.pages() if kind == "all" else None,
        }
        return Fragment("embed.html", context)

    def pages(self) -> dict[str, dict[str, list]]:
        """For the script of `/embed/`: each actor's and tag's embed page (its address from the
        site's root) and number of events, to go to when the query asks for one."""
        found: dict[str, dict[str, list]] = {"actor": {}, "tag": {}}
        for uri, (kind, value, _, events) in self.scopes.items():
            if kind != "all":
                found[kind][value] = [page_url(uri), len(events)]
        return found

    def howto(self) -> Fragment:
        """The `<!-- timeline:embeds -->` section (the "Use this data" page): both embeds, each
        with its snippet, at the site's published address when it has one."""
        site_url = self.options.site_url
        base = site_url.rstrip("/") + "/" if origin(site_url) else ""
        by_actor = self.timeline.by_actor
        example = max(self.timeline.registry, key=lambda a: len(by_actor[a.id]), default=None)
        public = base and unpublishable(site_url) is None
        data_url = base + "timelinejs.json"
        return Fragment(
            "embeds.html",
            {
                "site_name": self.options.site_name,
                "embed_url": base + EMBED_ROOT,
                "preview_src": EMBED_ROOT + PREVIEW_QUERY,
                "preview_query": PREVIEW_QUERY,
                "example": example if example and by_actor[example.id] else None,
                "origin": origin(site_url),
                "height_message": HEIGHT_MESSAGE,
                "data_url": data_url,
                "viewer": f"{KNIGHT_LAB_VIEWER}?{urlencode({'source': data_url})}"
                if public
                else None,
                "embed_events": EMBED_EVENTS,
            },
        )
