"""The place registry: loading `places.yml`, resolving ids and aliases, suggestions.

Each place is checked against `schema.PLACE_FIELDS` by the machinery that checks an entry and
an actor (`rules.check_fields`); what needs every place (unique ids, an alias owned by one
place, a `within` that exists and does not lead back to the place) is a second pass here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Place, Problem
from ..read.frontmatter import FrontMatterError, decode, parse_yaml
from .registry import suggest
from .rules import Context, check_fields, quoted
from .schema import PLACE_FIELDS

MAX_PLACES = 5_000
"""Each place is a page and a marker on the map of every place: a registry of more is refused
before its places are checked."""


@dataclass(frozen=True)
class Places:
    """Places by id, and every id, name and alias (case-insensitive) pointing to its place."""

    places: dict[str, Place] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str) -> str | None:
        """The place id for an id or alias, or None."""
        return self.names.get(name.strip().casefold())

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        return suggest(self.names, name, limit)

    def __getitem__(self, place_id: str) -> Place:
        return self.places[place_id]

    def __iter__(self):
        return iter(self.places.values())

    def __len__(self) -> int:
        return len(self.places)


def load_places(raw: bytes, path: str) -> tuple[Places, list[Problem]]:
    """Parse `places.yml` bytes; return the registry of valid places and every problem found."""
    try:
        data, positions, key_positions, ends = parse_yaml(decode(raw))
    except FrontMatterError as error:
        return Places(), [Problem(path, error.line, error.column, "places", error.message)]
    ctx = Context(path, positions, key_positions, skip=1, whole="places", ends=ends)
    if data is None:
        return Places(), []
    if not isinstance(data, list):
        ctx.report((), "the place registry must be a list of places ('- id: ...')")
        return Places(), ctx.problems
    if len(data) > MAX_PLACES:
        ctx.report((), f"has {len(data):,} places; at most {MAX_PLACES:,}")
        return Places(), ctx.problems
    places: dict[str, Place] = {}
    names: dict[str, str] = {}
    inside: list[tuple[int, str, str]] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            ctx.report((index,), "each place must be a set of 'field: value' lines")
            continue
        found = len(ctx.problems)
        values = check_fields(item, PLACE_FIELDS, ctx, (index,))
        if len(ctx.problems) == found and _add(Place(**values), index, places, names, ctx):
            if values["within"] is not None:
                inside.append((index, values["id"], values["within"]))
    for index, place_id, target in inside:  # once every place is known
        _check_within(Places(places, names), index, place_id, target, ctx)
    ctx.problems.sort(key=lambda p: (p.line, p.column))
    return Places(places, names), ctx.problems


def _add(place: Place, index: int, places: dict, names: dict, ctx: Context) -> bool:
    if place.id in places:
        ctx.report((index, "id"), f"duplicate id '{place.id}'; ids must be unique")
        return False
    places[place.id] = place
    named = [(("id",), place.id), (("name",), place.name)]
    named += [(("aliases", number), alias) for number, alias in enumerate(place.aliases)]
    for where, name in named:
        owner = names.setdefault(name.casefold(), place.id)
        if owner != place.id:
            ctx.report(
                (index, *where),
                f"'{name}' already names place '{owner}'; an alias may belong to one place only",
            )
    return True


def _check_within(places: Places, index: int, place_id: str, target: str, ctx: Context) -> None:
    if target not in places.places:
        close = places.suggest(target)
        hint = "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""
        message = f"{quoted(target)} is not a place id in the registry{hint}"
        ctx.report((index, "within"), message)
        return
    seen, current = {place_id}, target
    while current is not None and current in places.places:
        if current in seen:
            ctx.report((index, "within"), f"'{place_id}' ends up within itself; break the circle")
            return
        seen.add(current)
        current = places[current].within
