"""Feeds and data exports (README): pure functions from a `Timeline` to the bytes of each file.

`render_exports` gives {site path: bytes} for the Atom and JSON feeds, timeline.json and its JSON
Schema, the iCalendar file, the CSV files (events, figures), the TimelineJS data and the GeoJSON
of the places. Nothing here reads the clock: two builds of the same content and history give the
same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime

from .. import words
from ..address import unpublishable
from ..collection import Timeline
from . import atom, csvfile, data, figurescsv, geojson, ical, jsonfeed, schema, timelinejs
from .options import ExportOptions

Renderer = Callable[[Timeline, ExportOptions, Mapping[str, datetime]], bytes]

EXPORTS: dict[str, Renderer] = {
    atom.PATH: atom.render,
    jsonfeed.PATH: jsonfeed.render,
    data.PATH: data.render,
    ical.PATH: ical.render,
    csvfile.PATH: csvfile.render,
    timelinejs.PATH: timelinejs.render,
    geojson.PATH: geojson.render,
    figurescsv.PATH: figurescsv.render,
}

FEEDS = (
    (atom.PATH, atom.MEDIA_TYPE, "Atom"),
    (jsonfeed.PATH, jsonfeed.MEDIA_TYPE, "JSON Feed"),
)
"""(site path, media type, name) of each feed, for <link rel="alternate"> in every page."""

SITE_URL_MISSING = (
    "site_url is not set: feeds and data exports link to the site with relative URLs and feed "
    "ids are provisional; set site_url to the address the site is published at"
)


def export_paths() -> list[str]:
    """The path inside the site of every file `render_exports` returns, in its order."""
    return [*EXPORTS, schema.PATH]


def render_exports(timeline: Timeline, options: ExportOptions) -> dict[str, bytes]:
    """Every export as {path inside the site: content}; feeds list the latest additions by
    `Timeline.added`."""
    return dict(each_export(timeline, options))


def each_export(timeline: Timeline, options: ExportOptions) -> Iterator[tuple[str, bytes]]:
    """`render_exports` one file at a time: the preview writes each as soon as it is made, and
    stops between two when a newer build wants them."""
    words.use(options.language)
    for path, render in EXPORTS.items():
        yield path, render(timeline, options, timeline.added)
    yield schema.PATH, schema.render()


__all__ = [
    "EXPORTS",
    "FEEDS",
    "SITE_URL_MISSING",
    "ExportOptions",
    "each_export",
    "export_paths",
    "render_exports",
    "unpublishable",
]
