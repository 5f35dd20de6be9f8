"""Machine-readable page metadata: schema.org JSON-LD for an event, and OpenGraph and Twitter
card tags for any page, as plain data (templates print them, escaped)."""

from __future__ import annotations

import json
from typing import Any

from ..model import Event


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


def social_tags(
    *,
    title: str,
    description: str,
    site_name: str,
    url: str | None = None,
    kind: str = "website",
) -> list[tuple[str, str, str]]:
    """OpenGraph and Twitter card tags as (attribute, name, content): the attribute is `property`
    for OpenGraph and `name` for Twitter, as each protocol specifies. No image: a text card."""
    tags = [
        ("property", "og:type", kind),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
    ]
    if description:
        tags.append(("property", "og:description", description))
    if url:
        tags.append(("property", "og:url", url))
    tags += [("name", "twitter:card", "summary"), ("name", "twitter:title", title)]
    if description:
        tags.append(("name", "twitter:description", description))
    return tags
