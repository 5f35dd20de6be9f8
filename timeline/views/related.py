"""Events related to an event, and actors that appear together, found through the actor index.

Nothing here compares every event with every other one: candidates for an event's related list
come from the `window` nearest events (in timeline order) on each side of it in each of its
actors' lists (`Timeline.by_actor`), so the cost per event stays flat as the timeline grows.
An actor with few events has its whole list inside the window, so a far-off event that shares a
rare actor is still found; only events that share nothing but very common actors and lie far
away in time are left out, and those are the least related anyway. Among the candidates the
ranking is exact: most shared actors first, then nearest in time, then timeline order.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Actor, Event

RELATED_LIMIT = 5
RELATED_WINDOW = 25  # events looked at on each side of the event in each of its actors' lists
COMPANIONS_LIMIT = 8


@dataclass(frozen=True, slots=True)
class Related:
    """An event related to another, and the actors (ids, in the first event's order) they share."""

    event: Event
    shared: tuple[str, ...]


class Relations:
    """Related events over one ordered timeline. Built once per build: positions, starting
    instants and actor sets are computed here once, so each query is a few slices and lookups."""

    def __init__(self, events: Sequence[Event], by_actor: Mapping[str, Sequence[Event]]):
        self.events = events
        self.index = {event.id: i for i, event in enumerate(events)}
        self.starts = [event.date.start().timestamp() for event in events]
        self.actors = [frozenset(event.actors) for event in events]
        # each actor's events as positions in `events`, ascending (the lists are in timeline order)
        self.lists = {a: [self.index[e.id] for e in items] for a, items in by_actor.items()}

    def related(
        self, event: Event, limit: int = RELATED_LIMIT, window: int = RELATED_WINDOW
    ) -> list[Related]:
        """Up to `limit` events sharing the most actors with `event`, nearest in time first."""
        me = self.index[event.id]
        candidates: set[int] = set()
        for actor_id in event.actors:
            positions = self.lists.get(actor_id, ())
            at = bisect_left(positions, me)  # where the event sits in this actor's list
            candidates.update(positions[max(0, at - window) : at + window + 1])
        candidates.discard(me)
        mine, start = self.actors[me], self.starts[me]
        best = heapq.nsmallest(
            limit,
            candidates,
            key=lambda j: (-len(mine & self.actors[j]), abs(self.starts[j] - start), j),
        )
        found = []
        for j in best:
            theirs = self.actors[j]
            found.append(Related(self.events[j], tuple(a for a in event.actors if a in theirs)))
        return found


@dataclass(frozen=True, slots=True)
class Companion:
    """An actor that appears with another, and in how many of that actor's events."""

    actor: Actor
    count: int


def companions(
    actor_id: str,
    by_actor: Mapping[str, Sequence[Event]],
    actors: Mapping[str, Actor],
    limit: int = COMPANIONS_LIMIT,
) -> list[Companion]:
    """The actors that most often appear in the same events as `actor_id`; ties by name."""
    counts = Counter(
        other for event in by_actor.get(actor_id, ()) for other in event.actors if other != actor_id
    )
    ranked = sorted(counts.items(), key=lambda c: (-c[1], actors[c[0]].name.casefold(), c[0]))
    return [Companion(actors[other], count) for other, count in ranked[:limit]]
