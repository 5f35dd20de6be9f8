"""The whole timeline: published events in order, drafts, invalid files, and indexes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from .check.places import Places
from .check.registry import Registry
from .dates import PartialDate
from .model import Era, Event, Measure, Problem
from .ordering import event_key, group_by_year_and_month, order_events
from .read.history import added_day, published
from .read.naming import file_name_problem
from .text import plural

MEASURES, ERAS = "measures.yml", "eras.yml"
"""The registries of measures and eras, beside the actors' in the content folder (optional)."""


@dataclass(frozen=True)
class Timeline:
    """Every entry accounted for: `events` (published, in order) + `drafts` + `unfinished` +
    `invalid` paths."""

    events: tuple[Event, ...]
    registry: Registry
    drafts: tuple[Event, ...] = ()
    invalid: tuple[str, ...] = ()
    unfinished: tuple[str, ...] = ()
    """Drafts with fields still to fill in (content paths): named in notices, never failing."""
    problems: tuple[Problem, ...] = ()
    images: tuple[str, ...] = ()
    """Files of the events folder published as they are (content paths)."""
    added: Mapping[str, datetime] = field(default_factory=dict)
    """Event id -> when it was added to the timeline (`history.published`), for every event."""
    added_on: Mapping[str, PartialDate] = field(default_factory=dict)
    """Event id -> the day it was added, where that is known (front matter or git)."""
    folder: str = "events"
    registry_path: str = "actors.yml"
    places_path: str = "places.yml"
    """The events folder and the registries, in the content folder."""
    content_shown: str = "."
    """The content folder as problems' paths show it ('content': they start 'content/')."""
    measures: Mapping[str, Measure] = field(default_factory=dict)
    """The registry of what figures count (`measures.yml`), by id, in the file's order."""
    eras: tuple[Era, ...] = ()
    """Named periods (`eras.yml`), in order of their start."""

    def publishes_as_is(self, path: str) -> bool:
        """Whether a file of the content folder goes to the site as it is: not the registry,
        and nothing of the events folder but its images (event pages are made from entries)."""
        if path in (self.registry_path, self.places_path, MEASURES, ERAS):
            return False
        return not path.startswith(self.folder.strip("/") + "/") or path in self._images

    @cached_property
    def _images(self) -> frozenset[str]:
        """`images` to look up: asked of every file of the site, 50,000 at 50,000 events (a
        tuple made that 1.7 s of each build and rebuild there)."""
        return frozenset(self.images)

    def fates(self) -> dict[str, str]:
        """Content path -> 'published', 'draft', 'invalid' or 'image', for every file the
        timeline accounts for (hidden files are named in notices)."""
        fates = {path: "invalid" for path in self.invalid}
        fates.update((path, "image") for path in self.images)
        fates.update((path, "draft") for path in self.unfinished)
        fates.update((event.path, "draft") for event in self.drafts)
        fates.update((event.path, "published") for event in self.events)
        return dict(sorted(fates.items()))

    def latest(self, limit: int) -> list[FeedEntry]:
        """The `limit` most recently added events (`added`), newest first."""
        return latest(self.events, self.added, limit)

    def summary(self) -> str:
        """'N events published, D drafts, I invalid': every entry file accounted for."""
        events = plural(len(self.events), "event")
        drafts = plural(len(self.drafts) + len(self.unfinished), "draft")
        return f"{events} published, {drafts}, {len(self.invalid)} invalid"

    @cached_property
    def position(self) -> dict[str, int]:
        """Event id -> index in `events`."""
        return {event.id: index for index, event in enumerate(self.events)}

    def neighbours(self, event: Event) -> tuple[Event | None, Event | None]:
        """The previous and next event in timeline order."""
        index = self.position[event.id]
        before = self.events[index - 1] if index > 0 else None
        after = self.events[index + 1] if index + 1 < len(self.events) else None
        return before, after

    @cached_property
    def by_actor(self) -> dict[str, list[Event]]:
        """Actor id -> that actor's events in timeline order (every registered actor present)."""
        index: dict[str, list[Event]] = {actor.id: [] for actor in self.registry}
        for event in self.events:
            for actor_id in event.actors:
                index[actor_id].append(event)
        return index

    @cached_property
    def by_tag(self) -> dict[str, list[Event]]:
        """Tag -> its events in timeline order, tags in order of name."""
        index: dict[str, list[Event]] = {}
        for event in self.events:
            for tag in event.tags:
                index.setdefault(tag, []).append(event)
        return dict(sorted(index.items(), key=lambda item: (item[0].casefold(), item[0])))

    @cached_property
    def by_place(self) -> dict[str, list[Event]]:
        """Place id -> its events in timeline order (every registered place present)."""
        index: dict[str, list[Event]] = {place.id: [] for place in self.places}
        for event in self.events:
            for place_id in event.places:
                index[place_id].append(event)
        return index

    @property
    def places(self) -> Places:
        """The place registry (empty when the site has none)."""
        return self.registry.places or Places()

    @cached_property
    def followed_by(self) -> dict[str, list[tuple[str, Event]]]:
        """Event id -> (outcome, later event) for each published event that follows it, in
        timeline order."""
        index: dict[str, list[tuple[str, Event]]] = {}
        for event in self.events:
            for follow in event.follows:
                index.setdefault(follow.event, []).append((follow.outcome, event))
        return index

    def groups(self, newest_first: bool = False) -> list:
        """Events grouped by year, then month, in timeline order (or reversed)."""
        events = reversed(self.events) if newest_first else self.events
        return group_by_year_and_month(events)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """An event as a feed lists it: when it was added, and when it last changed."""

    event: Event
    published: datetime
    updated: datetime


def last_change(event: Event, published: datetime) -> datetime:
    """When the entry last changed, as far as its content says: its newest update, if later."""
    return max([published, *(update.date.start() for update in event.updates)])


def latest(
    events: Sequence[Event], published: Mapping[str, datetime], limit: int
) -> list[FeedEntry]:
    """The `limit` most recently added events, newest first; ties go newest in timeline order
    first, so the choice and the order never depend on anything but the content."""
    entries = [FeedEntry(e, published[e.id], last_change(e, published[e.id])) for e in events]
    entries.sort(key=lambda entry: (entry.published, event_key(entry.event)), reverse=True)
    return entries[: max(limit, 0)]


DRAFT_NOTICE = "checked, but kept out of the published site"


def build_timeline(
    results: Iterable[tuple[str, Event | None, list[Problem]]],
    registry: Registry,
    registry_problems: Iterable[Problem] = (),
    shown: Callable[[str], str] = str,
    images: Iterable[str] = (),
    git_dates: Mapping[str, datetime] | None = None,
) -> Timeline:
    """From (content path, event or None, problems) per file to a `Timeline`.

    `git_dates` ({content path: when its file was added}, `history.added_dates`) dates the
    events whose front matter gives no `added`. Also reports what only the whole set shows:
    two files with the same event id; and an entry whose file name disagrees with its date (a
    warning: the entry is still published). An entry with no event and no error is a draft with
    fields still to fill in (the validator's notices): unfinished, not invalid.
    """
    problems = list(registry_problems)
    public, drafts, invalid, unfinished = [], [], [], []
    first_path: dict[str, str] = {}
    for rel_path, event, entry_problems in sorted(results, key=lambda r: r[0]):
        problems.extend(entry_problems)
        if event is not None and event.id in first_path:
            problems.append(
                Problem(
                    shown(rel_path),
                    1,
                    1,
                    "id",
                    f"event id '{event.id}' is already used by {shown(first_path[event.id])}; "
                    "rename one of the files",
                )
            )
            invalid.append(rel_path)
            continue
        if event is None:
            if any(p.severity == "error" for p in entry_problems):
                invalid.append(rel_path)
            else:  # a draft with fields still to fill in: its problems are notices
                unfinished.append(rel_path)
                problems.append(Problem(shown(rel_path), 1, 1, "draft", DRAFT_NOTICE, "notice"))
            continue
        first_path[event.id] = rel_path
        if misnamed := file_name_problem(event, shown):
            problems.append(misnamed)
        if event.draft:
            drafts.append(event)
            problems.append(Problem(shown(rel_path), 1, 1, "draft", DRAFT_NOTICE, "notice"))
        else:
            public.append(event)
    git_dates = git_dates or {}
    everyone = [*public, *drafts]
    return Timeline(
        events=tuple(order_events(public)),
        registry=registry,
        drafts=tuple(order_events(drafts)),
        invalid=tuple(invalid),
        unfinished=tuple(unfinished),
        problems=tuple(problems),
        images=tuple(images),
        added={e.id: published(e, git_dates) for e in everyone},
        added_on={e.id: day for e in everyone if (day := added_day(e, git_dates)) is not None},
    )
