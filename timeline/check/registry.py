"""The actor registry: loading `actors.yml`, resolving ids and aliases, suggestions.

Each actor is checked against `schema.ACTOR_FIELDS` by the machinery that checks an entry
(`rules.check_fields`); what needs the whole registry (unique ids, an alias owned by one actor,
an affiliation that exists) is a second pass here.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import ACTOR_KINDS, Actor, Problem
from ..read.frontmatter import FrontMatterError, decode, parse_yaml
from .rules import Context, check_fields, quoted
from .schema import ACTOR_FIELDS

if TYPE_CHECKING:
    from .places import Places


@dataclass(frozen=True)
class Registry:
    """Actors by id, and every id and alias (case-insensitive) pointing to its actor's id."""

    actors: dict[str, Actor] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    places: Places | None = None
    """The place registry (`content/places.yml`), which entries' `places:` name; None: none."""

    def resolve(self, name: str) -> str | None:
        """The actor id for an id or alias, or None."""
        return self.names.get(name.strip().casefold())

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """The closest known ids for an unknown name (by id, name or alias)."""
        return suggest(self.names, name, limit)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def __iter__(self):
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)


def suggest(names: dict[str, str], name: str, limit: int = 3) -> list[str]:
    """The ids of the closest known names (casefolded name -> id) to an unknown one."""
    candidates = difflib.get_close_matches(name.casefold(), names, n=limit * 3, cutoff=0.6)
    ids: list[str] = []
    for candidate in candidates:
        if names[candidate] not in ids:
            ids.append(names[candidate])
    return ids[:limit]


def load_registry(raw: bytes, path: str) -> tuple[Registry, list[Problem]]:
    """Parse `actors.yml` bytes; return the registry of valid actors and every problem found."""
    try:
        data, positions, key_positions, ends = parse_yaml(decode(raw))
    except FrontMatterError as error:
        return Registry(), [Problem(path, error.line, error.column, "registry", error.message)]
    return build_registry(data, positions, path, key_positions, ends)


def build_registry(
    data: Any,
    positions: dict,
    path: str,
    key_positions: dict | None = None,
    ends: dict | None = None,
) -> tuple[Registry, list[Problem]]:
    """The registry of the actors in parsed YAML that pass every check, and every problem; an
    actor with a problem of its own is left out (an entry naming it then says so)."""
    # problems name an actor's field ('name', 'aliases[1]'), the line says which actor
    ctx = Context(path, positions, key_positions or {}, skip=1, whole="registry", ends=ends)
    if not isinstance(data, list):
        ctx.report((), "the actor registry must be a list of actors ('- id: ...')")
        return Registry(), ctx.problems
    actors: dict[str, Actor] = {}
    names: dict[str, str] = {}
    affiliations: list[tuple[int, str]] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            ctx.report((index,), "each actor must be a set of 'field: value' lines")
            continue
        found = len(ctx.problems)
        values = check_fields(item, ACTOR_FIELDS, ctx, (index,))
        if values.get("affiliation") is not None:
            affiliations.append((index, values["affiliation"]))
        if len(ctx.problems) == found:  # every problem of the registry is an error
            _add(Actor(**values), index, actors, names, ctx)
    registry = Registry(actors, names)
    for index, target in affiliations:  # once every actor is known
        if target not in registry:
            close = registry.suggest(target)
            hint = "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""
            ctx.report(
                (index, "affiliation"), f"{quoted(target)} is not an actor id in the registry{hint}"
            )
    ctx.problems.sort(key=lambda p: (p.line, p.column))
    return registry, ctx.problems


def _add(actor: Actor, index: int, actors: dict, names: dict, ctx: Context) -> None:
    """Add an actor, and its id, name and aliases as names of it; a taken id or name is a
    problem at the later one."""
    if actor.id in actors:
        ctx.report((index, "id"), f"duplicate id '{actor.id}'; ids must be unique")
        return
    actors[actor.id] = actor
    named = [(("id",), actor.id), (("name",), actor.name)]
    named += [(("aliases", number), alias) for number, alias in enumerate(actor.aliases)]
    for where, name in named:
        owner = names.setdefault(name.casefold(), actor.id)
        if owner != actor.id:
            ctx.report(
                (index, *where),
                f"'{name}' already names actor '{owner}'; an alias may belong to one actor only",
            )


def group_by_kind(registry: Registry) -> list[tuple[str, list[Actor]]]:
    """Actors by kind in ACTOR_KINDS order, each group sorted by name (then id)."""
    groups = []
    for kind in ACTOR_KINDS:
        members = sorted(
            (a for a in registry if a.kind == kind), key=lambda a: (a.name.casefold(), a.id)
        )
        if members:
            groups.append((kind, members))
    return groups
