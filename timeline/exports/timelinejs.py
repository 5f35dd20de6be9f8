"""timelinejs.json: the timeline in Knight Lab TimelineJS3's JSON format, so a newsroom can embed
the interactive TimelineJS view (`new TL.Timeline(id, ".../timelinejs.json")`).

Rows ("groups"): TimelineJS gives each group a row of its time-nav, and the time-nav's height
grows with the rows; past about four, its standard 650 px frame (and a phone) pushes the time-nav
out of view. So by default there are none (`timelinejs_group: none`); `tag` or `actor` make rows
of the most frequent first tags or first actors, at most `MAX_ROWS`, the rest under "Other".
Every slide, the title's too, has a `unique_id` (the event's id), which TimelineJS puts in the
address as `#event-<id>` for bookmarks.

TimelineJS reads `text.headline` and `text.text` as HTML, so they are escaped HTML here. It reads
`group` and `display_date` as HTML to strip markup, then shows the result as HTML again, so those
are escaped twice; either way a reader sees exactly the text of the entry.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime

from markupsafe import Markup, escape

from ..collection import Timeline
from ..dates import PartialDate, Precision
from ..model import Era, Event
from ..words import N_, _
from . import jsontext
from .entries import status_label
from .options import ExportOptions

PATH = "timelinejs.json"
MAX_ROWS = 4
"""Rows of TimelineJS's time-nav at most, "Other" included: four fit its standard 650 px frame
and a 390 px phone with the slide's arrows and the time-nav in view (tested in the real client)."""
OTHER = N_("Other")
TITLE_ID = "title"  # the title slide's unique_id: an event id starts with its date, never this


def render(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> bytes:
    names = {actor.id: actor.name for actor in timeline.registry}
    title_text = {"headline": str(escape(options.title))}
    if options.description:
        title_text["text"] = str(Markup("<p>{}</p>").format(options.description))
    slides = [_slide(event, names, options) for event in timeline.events]
    rows = groups(timeline.events, names, options.timelinejs_group, timeline.eras)
    for slide, row in zip(slides, rows, strict=True):
        if row is not None:
            slide["group"] = twice_escaped(row)
    data = {
        "title": {"unique_id": TITLE_ID, "text": title_text},
        "events": slides,
        "scale": "human",
    }
    if timeline.eras:
        data["eras"] = [_era(era, timeline) for era in timeline.eras]
    return jsontext.dump(data)


def _era(era: Era, timeline: Timeline) -> dict:
    """An era as a TimelineJS era: it needs an end, so an open era ends with the timeline's
    last event (or where it starts, when it has none)."""
    end = era.end
    if end is None:
        last = timeline.events[-1].date if timeline.events else era.start
        end = max(last, era.start, key=lambda d: d.start())
    text = {"headline": str(escape(era.title))}
    if era.description:
        text["text"] = str(Markup("<p>{}</p>").format(era.description))
    return {"start_date": date_object(era.start), "end_date": date_object(end), "text": text}


def _slide(event: Event, names: Mapping[str, str], options: ExportOptions) -> dict:
    slide: dict = {"unique_id": event.id, "start_date": date_object(event.date)}
    if event.end is not None:
        slide["end_date"] = date_object(event.end)
    slide["display_date"] = twice_escaped(event.display_date)
    details = [status_label(event.status), ", ".join(names[a] for a in event.actors)]
    if event.location:
        details.append(event.location)
    slide["text"] = {
        "headline": str(escape(event.title)),
        "text": str(
            Markup('<p>{}</p><p>{}</p><p><a href="{}">Sources and details</a></p>').format(
                event.summary, " · ".join(details), options.event_link(event)
            )
        ),
    }
    return slide


def date_object(value: PartialDate) -> dict:
    """A TimelineJS date at the precision known. A time is given in UTC, so that TimelineJS,
    which reads every date in one time zone, keeps the timeline's order; `display_date`
    shows it as written."""
    if value.precision == Precision.TIME:
        instant = value.start()
        return {
            "year": instant.year,
            "month": instant.month,
            "day": instant.day,
            "hour": instant.hour,
            "minute": instant.minute,
        }
    parts = {"year": value.year, "month": value.month, "day": value.day}
    return {name: number for name, number in parts.items() if number is not None}


def groups(
    events: Sequence[Event], names: Mapping[str, str], grouping: str, eras: Sequence[Era] = ()
) -> list[str | None]:
    """Each event's row (None: no rows at all). With `era`, `tag` or `actor`, the title of the
    era its date falls in, its first tag or its first actor, when that is one of the `MAX_ROWS`
    most frequent (ties by name), else "Other"; past `MAX_ROWS` values, the most frequent
    `MAX_ROWS - 1` keep a row and the rest share "Other", as do events without one."""
    if grouping not in ("era", "tag", "actor"):
        return [None] * len(events)
    if grouping == "era":
        first = [era_of(event, eras) for event in events]
    else:
        first = [group_of(event, names, grouping) for event in events]
    counts = Counter(value for value in first if value is not None)
    ranked = sorted(counts, key=lambda value: (-counts[value], value))
    fits = len(ranked) <= MAX_ROWS and None not in first
    kept = set(ranked if fits else ranked[: MAX_ROWS - 1])
    other = _(OTHER)
    return [value if value in kept else other for value in first]


def era_of(event: Event, eras: Sequence[Era]) -> str | None:
    """The title of the last era that has started by the event's date and not ended before it."""
    day = event.date.start()
    inside = [
        e
        for e in eras
        if e.start.start() <= day and (e.end is None or day.date() <= e.end.last_day())
    ]
    return inside[-1].title if inside else None


def group_of(event: Event, names: Mapping[str, str], grouping: str) -> str | None:
    """An event's first tag (None without tags), or its first actor's name."""
    if grouping == "tag":
        return event.tags[0] if event.tags else None
    return names[event.actors[0]]


def twice_escaped(text: str) -> str:
    return str(escape(str(escape(text))))
