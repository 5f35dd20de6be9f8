"""timelinejs.json: the timeline in Knight Lab TimelineJS3's JSON format, so a newsroom can embed
the interactive TimelineJS view (`new TL.Timeline(id, ".../timelinejs.json")`).

TimelineJS reads `text.headline` and `text.text` as HTML, so they are escaped HTML here. It reads
`group` and `display_date` as HTML to strip markup, then shows the result as HTML again, so those
are escaped twice; either way a reader sees exactly the text of the entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from markupsafe import Markup, escape

from ..collection import Timeline
from ..dates import PartialDate, Precision
from ..model import Era, Event
from . import jsontext
from .entries import status_label
from .options import ExportOptions

PATH = "timelinejs.json"
GROUPINGS = ("actor", "tag")


def render(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> bytes:
    names = {actor.id: actor.name for actor in timeline.registry}
    title_text = {"headline": str(escape(options.title))}
    if options.description:
        title_text["text"] = str(Markup("<p>{}</p>").format(options.description))
    data = {
        "title": {"text": title_text},
        "events": [_slide(event, names, options) for event in timeline.events],
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
    group = group_of(event, names, options.timelinejs_group)
    if group is not None:
        slide["group"] = twice_escaped(group)
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


def group_of(event: Event, names: Mapping[str, str], grouping: str) -> str | None:
    """The row an event goes in: its first actor's name, or its first tag (none without tags)."""
    if grouping == "tag":
        return event.tags[0] if event.tags else None
    return names[event.actors[0]]


def twice_escaped(text: str) -> str:
    return str(escape(str(escape(text))))
