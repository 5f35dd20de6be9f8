"""Machine-readable page metadata: schema.org JSON-LD for an event, and OpenGraph and Twitter
card tags for any page, as plain data (templates print them, escaped)."""

from __future__ import annotations

import json
from typing import Any

from ..model import Event
from ..words import _, status_word
from .pages import PageInfo, SiteOptions


def event_jsonld(event: Event, url: str | None = None) -> dict[str, Any]:
    """A schema.org `Event`: dates at their precision (ISO 8601), the place, and the sources as
    `citation` (each a `CreativeWork` with its publisher, date and archived copy)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.date.iso(),
    }
    if event.end is not None:
        data["endDate"] = event.end.iso()
    if event.location:
        data["location"] = {"@type": "Place", "name": event.location}
    if url:
        data["url"] = url
    data["citation"] = [_citation(source) for source in event.sources]
    return data


def _citation(source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": source.url}
    if source.title:
        work["name"] = source.title
    work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published is not None:
        work["datePublished"] = source.published.iso()
    if source.archived:
        work["archivedAt"] = source.archived
    return work


def script_json(data: Any) -> str:
    """JSON that is safe inside an HTML `<script>` element: `<`, `>` and `&` are written as
    Unicode escapes, so no value can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


CARDS = "assets/cards"
"""Where the social cards are in the site (`exports.cards` draws them)."""
HOME_CARD = f"{CARDS}/home.png"
TIMELINE_CARD = f"{CARDS}/timeline.png"
CARD_SIZE = (1200, 630)


def card_path(event: Event) -> str:
    """The site path of an event's social card."""
    return f"{CARDS}/{event.id}.png"


def card_alt(title: str, footer: str = "", status: str = "") -> str:
    """What a card shows, as its `og:image:alt`."""
    return ", ".join(part for part in (title, footer, status) if part)


def social_tags(
    *,
    title: str,
    description: str,
    site_name: str,
    url: str | None = None,
    kind: str = "website",
    image: str | None = None,
    image_alt: str = "",
) -> list[tuple[str, str, str]]:
    """OpenGraph and Twitter card tags as (attribute, name, content): the attribute is `property`
    for OpenGraph and `name` for Twitter, as each protocol specifies. With an `image` (the
    page's social card, an absolute URL), a large image card; without, a text card."""
    tags = [
        ("property", "og:type", kind),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
    ]
    if description:
        tags.append(("property", "og:description", description))
    if url:
        tags.append(("property", "og:url", url))
    if image:
        width, height = CARD_SIZE
        tags += [("property", "og:image", image), ("property", "og:image:type", "image/png")]
        tags += [("property", "og:image:width", str(width))]
        tags += [("property", "og:image:height", str(height))]
        tags += [("property", "og:image:alt", image_alt)]
    card = "summary_large_image" if image else "summary"
    tags += [("name", "twitter:card", card), ("name", "twitter:title", title)]
    if description:
        tags.append(("name", "twitter:description", description))
    if image:
        tags += [("name", "twitter:image", image), ("name", "twitter:image:alt", image_alt)]
    return tags


def page_social(
    event: Event | None, page: PageInfo, site: SiteOptions, timeline: bool = False
) -> list[tuple[str, str, str]]:
    """A page's OpenGraph and Twitter tags: an event's own title, summary and card; the home
    page titled by the site, with its card; the timeline's card on the timeline page."""
    card = None
    if event is not None:
        title, description = event.title, event.summary
        card = (
            card_path(event),
            card_alt(event.title, event.display_date, status_word(event.status)),
        )
    else:
        title = site.site_name if page.home else (page.title() or site.site_name)
        description = page.description() or site.description
        if page.home:
            card = HOME_CARD, card_alt(site.site_name, site.description)
        elif timeline:
            card = TIMELINE_CARD, card_alt(_("%(site)s: the timeline") % {"site": site.site_name})
    image = (site.site_url or "/").rstrip("/") + "/" + card[0] if card else None
    return social_tags(
        title=title,
        description=description,
        site_name=site.site_name,
        url=page.url,
        kind="article" if event is not None else "website",
        image=image,
        image_alt=card[1] if card else "",
    )
