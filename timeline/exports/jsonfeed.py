"""The JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the latest events."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from .. import words
from ..collection import Timeline
from ..model import TIMELINE_PAGE, page_url
from . import jsontext
from .entries import content_html, latest, rfc3339
from .options import ExportOptions

PATH = "feed.json"
MEDIA_TYPE = "application/feed+json"
VERSION = "https://jsonfeed.org/version/1.1"
EXTENSION = "_timeline"  # JSON Feed's custom objects start with an underscore


def render(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> bytes:
    names = {actor.id: actor.name for actor in timeline.registry}
    feed: dict = {"version": VERSION, "title": options.title, "language": words.active().tag}
    if options.base:  # both exist to locate the feed, so only absolute URLs make sense
        feed["home_page_url"] = options.link(page_url(TIMELINE_PAGE, options.directory_urls))
        feed["feed_url"] = options.link(PATH)
    if options.description:
        feed["description"] = options.description
    feed["authors"] = [{"name": options.author or options.title}]
    feed["items"] = [
        {
            "id": options.event_id(entry.event),
            "url": options.event_link(entry.event),
            "title": entry.event.title,
            "content_html": content_html(entry.event, names, timeline.measures),
            "summary": entry.event.summary,
            "date_published": rfc3339(entry.published),
            "date_modified": rfc3339(entry.updated),
            "tags": [names[actor_id] for actor_id in entry.event.actors],
            EXTENSION: {
                "date": entry.event.date.iso(),
                "end": entry.event.end.iso() if entry.event.end else None,
                "display_date": entry.event.display_date,
                "edtf": entry.event.edtf,
                "status": entry.event.status,
                "actors": list(entry.event.actors),
                "location": entry.event.location,
            },
        }
        for entry in latest(timeline.events, published, options.feed_limit)
    ]
    return jsontext.dump(feed)
