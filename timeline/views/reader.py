"""What a reader sees first and around each entry: the standfirst and when the timeline last
changed, the status legend, the source line under an entry, and the filter's actors by kind.
Pure data, decided here so that templates only print it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..collection import Timeline
from ..dates import PartialDate
from ..model import ACTOR_KINDS, STATUSES, Event, Source
from ..words import N_, Wording, _, status_label
from .lists import Choice

STATUS_MEANINGS = {
    "confirmed": N_("an official statement or act on the record"),
    "reported": N_("an assessment passed on by the media"),
    "claimed": N_("asserted by a party to the war, unconfirmed"),
    "disputed": N_("contested by another party"),
    "denied": N_("denied by the party concerned"),
}
"""One line each, as the About page defines the statuses (the legend links to it)."""

SOURCES_SHOWN = 2
"""How many of an entry's sources its line on a listing names (as newsrooms credit: 'CNN, AP')."""
ACTORS_SHOWN = 3
"""How many of an entry's actors its line on a listing names; its page names them all."""

KIND_GROUPS = {
    "person": N_("People"),
    "country": N_("Countries"),
    "organization": N_("Organisations"),
    "group": N_("Groups"),
}


@dataclass(frozen=True, slots=True)
class LegendItem:
    status: str
    label: str
    meaning: str


def status_legend(statuses: Sequence[str] = STATUSES) -> tuple[LegendItem, ...]:
    """Each status in order of certainty with what it means; only those given (e.g. the ones
    present on a page), so a legend never explains a badge the reader cannot see."""
    present = set(statuses)
    return tuple(
        LegendItem(s, status_label(s), _(STATUS_MEANINGS[s])) for s in STATUSES if s in present
    )


def script_words(words: Wording) -> str | None:
    """The words timeline.js writes, in the site's language, as JSON for the page's <head>
    (None in English: the script has them)."""
    if words.english:
        return None
    said = {
        "lang": words.tag,
        "count": words.plural_forms("%(num)d event.", "%(num)d events."),
        "showing": words.plural_forms(
            "Showing %(shown)d of %(num)d event.", "Showing %(shown)d of %(num)d events."
        ),
        "none_match": words.gettext(" (none match the filters here)"),
        "shown": words.gettext(" (%(num)d shown)"),
        "none_here": words.gettext(" (none on this page)"),
        "tags_of": words.gettext("Tags of %(title)s"),
        "this_result": words.gettext("this result"),
    }
    return json.dumps(said, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


@dataclass(frozen=True, slots=True)
class SourceLine:
    """The first sources of an entry, and how many more its page lists."""

    sources: tuple[Source, ...]
    more: int


def source_line(event: Event, shown: int = SOURCES_SHOWN) -> SourceLine:
    """The publishers an entry's line credits: its first `shown` sources (the entry's own order
    is the editors' order of importance), with the number of the others."""
    first = event.sources[:shown]
    return SourceLine(tuple(first), len(event.sources) - len(first))


@dataclass(frozen=True, slots=True)
class ActorLine:
    """The first actors of an entry (ids), and how many more its page names."""

    actors: tuple[str, ...]
    more: int


def actor_line(event: Event, shown: int = ACTORS_SHOWN) -> ActorLine:
    """The actors an entry's line on a listing names: the first `shown`, in the entry's order
    (the editors': who acted first), and the number of the others. One more is named rather
    than 'and 1 more', which would take as much room."""
    first = event.actors if len(event.actors) <= shown + 1 else event.actors[:shown]
    return ActorLine(tuple(first), len(event.actors) - len(first))


def latest_change(timeline: Timeline) -> PartialDate | None:
    """When the timeline last changed: the latest day an event was added (`Timeline.added`),
    or the latest dated update of an entry, whichever is later. None for an empty timeline."""
    found: PartialDate | None = None
    for event in timeline.events:
        when = timeline.added.get(event.id)
        candidates = [u.date for u in event.updates]
        if when is not None:
            candidates.append(PartialDate(when.year, when.month, when.day))
        for day in candidates:
            if found is None or day.start() > found.start():
                found = day
    return found


@dataclass(frozen=True, slots=True)
class Standfirst:
    """The lines above a timeline: what we know (the site's own text), how many events over
    which span, and when the timeline last changed."""

    text: str
    count: int
    first: Event | None
    last: Event | None
    updated: PartialDate | None


def standfirst(timeline: Timeline, text: str) -> Standfirst:
    events = timeline.events
    return Standfirst(
        text=text.strip(),
        count=len(events),
        first=events[0] if events else None,
        last=events[-1] if events else None,
        updated=latest_change(timeline),
    )


def actor_groups(
    choices: Sequence[Choice], kinds: dict[str, str]
) -> tuple[tuple[str, tuple[Choice, ...]], ...]:
    """The filter's actors grouped by kind (people, countries, organisations, groups), each
    group in the choices' order; `kinds` maps an actor id to its kind."""
    groups = []
    for kind in ACTOR_KINDS:
        members = tuple(c for c in choices if kinds.get(c.value) == kind)
        if members:
            groups.append(
                (_(KIND_GROUPS[kind]) if kind in KIND_GROUPS else kind.capitalize(), members)
            )
    return tuple(groups)
