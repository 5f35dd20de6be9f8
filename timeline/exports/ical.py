"""timeline.ics: events as an iCalendar (RFC 5545) calendar, written here (the
`icalendar` library's serializer cost most of the exports' time; the tests read it back with it).

Events known to the day are all-day entries (a span covers all its days); timed events keep their
instant, in UTC. Events known only to a month or a year have no place in a calendar: they are
left out, and the calendar's description says so and how many.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from ..collection import Timeline
from ..dates import Precision
from ..model import TIMELINE_PAGE, Event, page_url
from ..words import _
from .entries import last_change, status_label
from .options import ExportOptions

PATH = "timeline.ics"
MEDIA_TYPE = "text/calendar"
PRODID = "-//news-timeline//timeline export//EN"
FOLD_OCTETS = 74  # a content line's octets before its CRLF: 75 at most, as icalendar folds
ESCAPES = b"\\^"  # TEXT (backslash) and parameter (RFC 6868 caret) escapes


def render(timeline: Timeline, options: ExportOptions, published: Mapping[str, datetime]) -> bytes:
    names = {actor.id: actor.name for actor in timeline.registry}
    left_out = sum(1 for event in timeline.events if when(event) is None)
    description = describe(options, left_out)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:" + text(PRODID),
        "CALSCALE:GREGORIAN",
        "NAME:" + text(options.title),  # RFC 7986
        "X-WR-CALNAME:" + text(options.title),  # the same, for older clients
        "DESCRIPTION:" + text(description),
        "X-WR-CALDESC:" + text(description),
    ]
    if options.base:
        lines.append("URL:" + options.link(page_url(TIMELINE_PAGE, options.directory_urls)))
    for event in timeline.events:
        span = when(event)
        if span is None:
            continue
        start, end = span
        lines += [
            "BEGIN:VEVENT",
            "UID:" + text(options.event_id(event)),
            # DTSTAMP is required; the entry's own last change keeps it reproducible
            "DTSTAMP:" + _instant(last_change(event, published[event.id])),
            "DTSTART" + _value(start),
        ]
        if isinstance(end, timedelta):
            lines.append(f"DURATION:P{end.days}D")
        elif end is not None:
            lines.append("DTEND" + _value(end))
        lines += [
            "SUMMARY:" + text(event.title),
            "DESCRIPTION:" + text(_details(event, names, options)),
        ]
        places = [timeline.places[place_id] for place_id in event.places]
        if event.location or places:  # the text as written, else the places' names
            lines.append("LOCATION:" + text(event.location or "; ".join(p.name for p in places)))
        if places:  # RFC 5545 §3.8.1.6: the first place's latitude;longitude
            lines.append(f"GEO:{places[0].lat:.6f};{places[0].lon:.6f}")
        if options.base:
            lines.append("URL:" + options.event_link(event))
        lines += [
            "CATEGORIES:" + ",".join(text(names[actor_id]) for actor_id in event.actors),
            "TRANSP:TRANSPARENT",  # news, not the subscriber's busy time
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode()


def text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as
    `\\n` (a lone CR too, so that no raw line break can end the content line)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str, limit: int = FOLD_OCTETS) -> str:
    """A content line folded (RFC 5545 §3.1) into pieces of at most `limit` octets, never inside
    a UTF-8 sequence; continuation lines start with a space. As `icalendar` does, a piece does
    not end on a backslash (some clients unescape before unfolding)."""
    raw = line.encode()
    if len(raw) <= limit:
        return line
    pieces = []
    at = 0
    while len(raw) - at > limit:
        cut = at + limit
        while raw[cut] & 0xC0 == 0x80:  # inside a character: cut before it
            cut -= 1
        if raw[cut - 1] in ESCAPES and cut - 1 > at:  # never a lone escape character
            cut -= 1
        pieces.append(raw[at:cut])
        at = cut
    pieces.append(raw[at:])
    return b"\r\n ".join(pieces).decode()


def _instant(when: datetime) -> str:
    t = when.astimezone(UTC)
    return f"{t.year:04d}{t.month:02d}{t.day:02d}T{t.hour:02d}{t.minute:02d}{t.second:02d}Z"


def _value(when: date | datetime) -> str:
    """The rest of a DTSTART/DTEND line: a UTC instant, or an all-day date."""
    if isinstance(when, datetime):
        return ":" + _instant(when)
    return f";VALUE=DATE:{when.year:04d}{when.month:02d}{when.day:02d}"


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
    rule = _(
        "Events known only to the month or the year are not in this calendar "
        "(%(num)d at present); the timeline lists them"
    ) % {"num": left_out}
    if options.base:
        rule += f": {options.link(page_url(TIMELINE_PAGE, options.directory_urls))}"
    return f"{what}\n\n{rule}." if what else f"{rule}."


def _details(event: Event, names: Mapping[str, str], options: ExportOptions) -> str:
    lines = [
        f"{event.display_date} · {status_label(event.status)}",
        "",
        event.summary,
        "",
        _("Actors: %(actors)s") % {"actors": _(", ").join(names[a] for a in event.actors)},
    ]
    if event.location:
        lines.append(_("Place: %(place)s") % {"place": event.location})
    lines.extend(
        _("Source: %(publisher)s %(url)s") % {"publisher": source.publisher, "url": source.url}
        for source in event.sources
    )
    if options.base:  # a relative link means nothing inside a calendar application
        lines.extend(["", options.event_link(event)])
    return "\n".join(lines)
