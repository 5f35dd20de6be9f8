"""The actor registry: loading `actors.yml`, resolving ids and aliases, suggestions."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import ACTOR_KINDS, ACTORS_PAGE, Actor, Problem, actor_page
from ..read.frontmatter import FrontMatterError, decode, parse_yaml
from ..text import control_character

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX_CHARS = 100
"""An id names its actor's page file (actors/<id>.md) and link: file systems refuse a name past
255 bytes, and no one reads a link that long."""
SITE_PAGES = {ACTORS_PAGE: "the page listing every actor"}
"""The site's own pages where an actor's page could be (actor_page): an actor with id 'index'
would replace the Actors page. An actor's year and month pages are under its own folder,
actors/<id>/, which no other page uses."""
_FIELDS = ("id", "name", "kind", "aliases", "description", "affiliation")


@dataclass(frozen=True)
class Registry:
    """Actors by id, and every id and alias (case-insensitive) pointing to its actor's id."""

    actors: dict[str, Actor] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str) -> str | None:
        """The actor id for an id or alias, or None."""
        return self.names.get(name.strip().casefold())

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """The closest known ids for an unknown name (by id, name or alias)."""
        candidates = difflib.get_close_matches(name.casefold(), self.names, n=limit * 3, cutoff=0.6)
        ids: list[str] = []
        for candidate in candidates:
            actor_id = self.names[candidate]
            if actor_id not in ids:
                ids.append(actor_id)
        return ids[:limit]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def __iter__(self):
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)


def load_registry(raw: bytes, path: str) -> tuple[Registry, list[Problem]]:
    """Parse `actors.yml` bytes; return the registry of valid actors and every problem found."""
    try:
        data, positions = parse_yaml(decode(raw))
    except FrontMatterError as error:
        return Registry(), [Problem(path, error.line, error.column, "registry", error.message)]
    return build_registry(data, positions, path)


def build_registry(data: Any, positions: dict, path: str) -> tuple[Registry, list[Problem]]:
    problems: list[Problem] = []

    def problem(where: tuple, fieldname: str, message: str) -> None:
        line, column = _closest(positions, where)
        problems.append(Problem(path, line, column, fieldname, message))

    if not isinstance(data, list):
        problem((), "registry", "the actor registry must be a list of actors ('- id: ...')")
        return Registry(), problems
    actors: dict[str, Actor] = {}
    names: dict[str, str] = {}
    for index, item in enumerate(data):
        actor = _actor(item, index, problem)
        if actor is None:
            continue
        if actor.id in actors:
            problem((index, "id"), "id", f"duplicate id '{actor.id}'; ids must be unique")
            continue
        actors[actor.id] = actor
        for name_index, name in enumerate((actor.id, actor.name, *actor.aliases)):
            folded = name.strip().casefold()
            owner = names.get(folded)
            if owner is not None and owner != actor.id:
                where = (index, "aliases", name_index - 2) if name_index >= 2 else (index, "name")
                problem(
                    where,
                    "aliases" if name_index >= 2 else "name",
                    f"'{name}' already names actor '{owner}'; "
                    "an alias may belong to one actor only",
                )
            elif owner is None:
                names[folded] = actor.id
    for index, item in enumerate(data):
        if isinstance(item, dict) and item.get("affiliation") is not None:
            target = item["affiliation"]
            if isinstance(target, str) and target not in actors:
                hint = _hint(difflib.get_close_matches(target, actors, n=3))
                problem(
                    (index, "affiliation"),
                    "affiliation",
                    f"'{target}' is not an actor id in the registry{hint}",
                )
    return Registry(actors, names), problems


def _actor(item: Any, index: int, problem) -> Actor | None:
    if not isinstance(item, dict):
        problem((index,), "registry", "each actor must be a set of 'field: value' lines")
        return None
    ok = True
    for key in item:
        if key not in _FIELDS:
            hint = _hint(difflib.get_close_matches(key, _FIELDS, n=1))
            problem((index, key), key, f"unknown field '{key}'{hint}")
            ok = False
    actor_id, name, kind = item.get("id"), item.get("name"), item.get("kind")
    if why := _id_problem(actor_id):
        problem((index, "id"), "id", why)
        ok = False
    if not isinstance(name, str) or not name.strip():
        problem((index, "name"), "name", "every actor needs a name")
        ok = False
    elif bad := _unprintable(name):
        problem((index, "name"), "name", f"the name {bad}")
        ok = False
    if kind not in ACTOR_KINDS:
        problem(
            (index, "kind"), "kind", f"{kind!r} is not a kind; use one of {', '.join(ACTOR_KINDS)}"
        )
        ok = False
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problem((index, "aliases"), "aliases", "aliases must be a list of names")
        ok = False
    else:
        for alias_index, alias in enumerate(aliases):
            if bad := _unprintable(alias):
                problem((index, "aliases", alias_index), "aliases", f"the alias {bad}")
                ok = False
    description = item.get("description") or ""
    if not isinstance(description, str) or "\n" in description.strip():
        problem((index, "description"), "description", "the description must be one line of text")
        ok = False
    elif bad := _unprintable(description.strip()):
        problem((index, "description"), "description", f"the description {bad}")
        ok = False
    affiliation = item.get("affiliation")
    if affiliation is not None and not isinstance(affiliation, str):
        problem((index, "affiliation"), "affiliation", "affiliation must be another actor's id")
        ok = False
    if not ok:
        return None
    return Actor(actor_id, name.strip(), kind, tuple(aliases), description.strip(), affiliation)


def _id_problem(actor_id: Any) -> str | None:
    """Why a value cannot be an actor's id, or None."""
    if not isinstance(actor_id, str) or not ID_PATTERN.match(actor_id):
        shown = repr(actor_id)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        return f"{shown} is not an id; use a lowercase slug like 'lloyd-austin'"
    if len(actor_id) > ID_MAX_CHARS:
        return (
            f"'{actor_id[:20]}…' is {len(actor_id):,} characters long; "
            f"an id is at most {ID_MAX_CHARS}"
        )
    if (page := actor_page(actor_id)) in SITE_PAGES:
        return (
            f"'{actor_id}' is reserved: an actor's page would be {page}, which is "
            f"{SITE_PAGES[page]}; choose another id"
        )
    return None


def _unprintable(text: str) -> str | None:
    """Why a name cannot be shown on one line of a page, a feed or a log; None if it can."""
    if "\n" in text.strip():
        return "must be one line"
    if found := control_character(text.strip()):
        return f"contains the control character {found[1]}; remove it"
    return None


def _closest(positions: dict, path: tuple) -> tuple[int, int]:
    while path:
        if path in positions:
            return positions[path]
        path = path[:-1]
    return positions.get((), (1, 1))


def _hint(matches: list[str]) -> str:
    if not matches:
        return ""
    return "; did you mean " + " or ".join(f"'{m}'" for m in matches) + "?"


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
