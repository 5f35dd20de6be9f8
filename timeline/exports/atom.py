"""The Atom 1.0 feed (RFC 4287) of the latest events, written with the standard library's
ElementTree, which escapes every text and attribute value it serialises."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from xml.etree import ElementTree as ET

from .. import words
from ..collection import Timeline
from ..model import TIMELINE_PAGE, page_url
from ..words import _
from .entries import content_html, feed_updated, latest, rfc3339, status_label
from .options import ExportOptions

PATH = "feed.xml"
MEDIA_TYPE = "application/atom+xml"
ATOM_NS = "http://www.w3.org/2005/Atom"
ACTORS_SCHEME = "actors/"
STATUS_SCHEME = "schema/timeline.json#/$defs/status"


def render(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> bytes:
    entries = latest(timeline.events, published, options.feed_limit)
    names = {actor.id: actor.name for actor in timeline.registry}
    # the namespace as a plain attribute: no prefix to register in ElementTree's global table
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": words.active().tag})
    _add(feed, "id", options.permanent_id(PATH))
    _add(feed, "title", options.title, type="text")
    if options.description:
        _add(feed, "subtitle", options.description, type="text")
    _add(feed, "updated", rfc3339(feed_updated(entries)))
    _add(feed, "link", rel="self", type=MEDIA_TYPE, href=options.link(PATH))
    timeline_page = page_url(TIMELINE_PAGE, options.directory_urls)
    _add(feed, "link", rel="alternate", type="text/html", href=options.link(timeline_page))
    author = _add(feed, "author")
    _add(author, "name", options.author or options.title)
    _add(feed, "generator", "news-timeline")
    for entry in entries:
        event = entry.event
        item = _add(feed, "entry")
        _add(item, "id", options.event_id(event))
        _add(item, "title", event.title, type="text")
        _add(item, "link", rel="alternate", type="text/html", href=options.event_link(event))
        _add(item, "published", rfc3339(entry.published))
        _add(item, "updated", rfc3339(entry.updated))
        _add(item, "summary", event.summary, type="text")
        _add(item, "content", content_html(event, names, timeline.measures), type="html")
        for actor_id in event.actors:
            scheme = options.link(ACTORS_SCHEME)
            _add(item, "category", term=actor_id, label=names[actor_id], scheme=scheme)
        _add(
            item,
            "category",
            term=event.status,
            label=_("Status: %(status)s") % {"status": status_label(event.status)},
            scheme=options.link(STATUS_SCHEME),
        )
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element
