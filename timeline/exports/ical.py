"""timeline.ics: events as an iCalendar (RFC 5545) calendar, written with `icalendar`.

Events known to the day are all-day entries (a span covers all its days); timed events keep their
instant, in UTC. Events known only to a month or a year have no place in a calendar: they are
left out, and the calendar's description says so and how many.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from icalendar import Calendar, vText
from icalendar import Event as CalendarEvent

from ..collection import Timeline
from ..dates import Precision
from ..model import TIMELINE_PAGE, Event, page_url
from .entries import last_change, status_label
from .options import ExportOptions

PATH = "timeline.ics"
MEDIA_TYPE = "text/calendar"
PRODID = "-//news-timeline//timeline export//EN"


def render(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> bytes:
    names = {actor.id: actor.name for actor in timeline.registry}
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # icalendar escapes only the properties it knows as text: say so for the others
    calendar.add("name", vText(options.title))  # RFC 7986
    calendar.add("x-wr-calname", vText(options.title))  # the same, for older clients
    left_out = [e for e in timeline.events if when(e) is None]
    description = describe(options, len(left_out))
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", vText(description))
    if options.base:
        calendar.add("url", options.link(page_url(TIMELINE_PAGE, options.directory_urls)))
    for event in timeline.events:
        span = when(event)
        if span is None:
            continue
        item = CalendarEvent()
        item.add("uid", options.event_id(event))
        # DTSTAMP is required; the entry's own last change keeps it reproducible
        item.add("dtstamp", last_change(event, published[event.id]))
        item.add("dtstart", span[0])
        if isinstance(span[1], timedelta):
            item.add("duration", span[1])
        elif span[1] is not None:
            item.add("dtend", span[1])
        item.add("summary", event.title)
        item.add("description", _details(event, names, options))
        if event.location:
            item.add("location", event.location)
        if options.base:
            item.add("url", options.event_link(event))
        item.add("categories", [names[actor_id] for actor_id in event.actors])
        item.add("transp", "TRANSPARENT")  # news, not the subscriber's busy time
        calendar.add_component(item)
    return calendar.to_ical()


def when(event: Event) -> tuple[date | datetime, date | datetime | timedelta | None] | None:
    """(DTSTART, DTEND) of an event: UTC instants for a timed event (with a timed end or none),
    else all-day dates with an exclusive end; None for month or year precision. An all-day event
    that ends on 31 December 9999 has no day after it: its end is given as a DURATION."""
    start, end = event.date, event.end
    if start.precision < Precision.DAY:
        return None
    if start.precision == Precision.TIME and (end is None or end.precision == Precision.TIME):
        # DTEND must be later than DTSTART; an end at the same instant adds nothing
        later = end is not None and end.start() > start.start()
        return start.start(), end.start() if later else None
    first = date(start.year, start.month, start.day)  # the day as written, not the UTC day
    last = max(end.last_day(), first) if end is not None else first
    if last == date.max:
        return first, last - first + timedelta(days=1)
    return first, last + timedelta(days=1)


def describe(options: ExportOptions, left_out: int) -> str:
    what = options.description.strip()
    rule = (
        "Events known only to the month or the year are not in this calendar "
        f"({left_out} at present); the timeline lists them"
    )
    if options.base:
        rule += f": {options.link(page_url(TIMELINE_PAGE, options.directory_urls))}"
    return f"{what}\n\n{rule}." if what else f"{rule}."


def _details(event: Event, names: Mapping[str, str], options: ExportOptions) -> str:
    lines = [
        f"{event.display_date} · {status_label(event.status)}",
        "",
        event.summary,
        "",
        "Actors: " + ", ".join(names[actor_id] for actor_id in event.actors),
    ]
    if event.location:
        lines.append(f"Place: {event.location}")
    lines.extend(f"Source: {source.publisher} {source.url}" for source in event.sources)
    if options.base:  # a relative link means nothing inside a calendar application
        lines.extend(["", options.event_link(event)])
    return "\n".join(lines)
