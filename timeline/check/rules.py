"""Checking a mapping against a table of fields: each kind's rule for one value, and
`check_fields`, which applies them and reports unknown and missing fields with their positions.

The same machinery checks an event's front matter (`validate.py`) and each actor of the registry
(`registry.py`); which rule goes with which kind is the table in `kinds.py`.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..dates import DateError, PartialDate
from ..model import ACTORS_PAGE, Problem, actor_page
from ..read.frontmatter import closest
from ..text import control_character
from .dateparse import parse_date
from .examples import missing_message

if TYPE_CHECKING:
    from .registry import Registry
    from .schema import Field

_SPACE = re.compile(r"\s")  # the same characters as str.isspace, found in C
# a link that `_checked_link` accepts, recognised without urlsplit: http(s), a host of letters,
# digits, dots and hyphens, a port below 10000 and no white space (most links are like this)
_PLAIN_LINK = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(?::[0-9]{1,4})?(?:[/?#]\S*)?")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""An actor's id, matched whole: lowercase words joined by hyphens (it names a page and a link)."""
SITE_PAGES = {ACTORS_PAGE: "the page listing every actor"}
"""The site's own pages where an actor's page could be (actor_page): an actor with id 'index'
would replace the Actors page. An actor's year and month pages are under its own folder,
actors/<id>/, which no other page uses."""


class Invalid(ValueError):
    """A value that breaks its field's rule; the message says how to fix it."""


class Context:
    """Per-file state shared by the rules: where to report, and the registry for actors.

    `positions`, `key_positions` and `ends` map a path into the data to its (line, column), as
    the reader gives them (`read.frontmatter.Document`). A problem's field is named from its
    path, less the first `skip` parts (the registry's problems name the field of an actor, not
    the actor's index); `whole` names the data itself.
    """

    __slots__ = (
        "path",
        "positions",
        "key_positions",
        "ends",
        "registry",
        "skip",
        "whole",
        "problems",
        "draft",
        "incomplete",
    )

    def __init__(
        self,
        path: str,
        positions: dict,
        key_positions: dict,
        registry: Registry | None = None,
        skip: int = 0,
        whole: str = "front matter",
        ends: dict | None = None,
    ):
        self.path, self.positions, self.key_positions = path, positions, key_positions
        self.ends = ends or {}
        self.registry, self.skip, self.whole = registry, skip, whole
        self.problems: list[Problem] = []
        # a draft may be incomplete: what is left to fill in is a notice until `draft: true` goes
        self.draft, self.incomplete = False, False

    def unfilled(self) -> str:
        """The severity of a required field missing or left empty: an error, or a notice in a
        draft (which is then kept out, as incomplete)."""
        self.incomplete = True
        return "notice" if self.draft else "error"

    def report(
        self, where: tuple, message: str, severity: str = "error", key: bool = False
    ) -> None:
        line, column = (key and self.key_positions.get(where)) or closest(self.positions, where)
        name = field_name(where[self.skip :]) or self.whole
        self.problems.append(Problem(self.path, line, column, name, message, severity))

    def report_missing(self, where: tuple, message: str) -> None:
        """A required field: at its value when written empty, else where it belongs (the line
        after the lines of its parent, `Document.ends`)."""
        severity = self.unfilled()
        if where in self.positions or where[:-1] not in self.ends:
            self.report(where, message, severity)
            return
        line, column = self.ends[where[:-1]]
        name = field_name(where[self.skip :]) or self.whole
        self.problems.append(Problem(self.path, line, column, name, message, severity))


def field_name(where: tuple) -> str:
    """('sources', 0, 'url') -> 'sources[0].url', as a problem names its field."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def check_fields(
    data: dict, fields: tuple[Field, ...], ctx: Context, where: tuple = ()
) -> dict[str, Any]:
    """Apply each field's rule; report unknown and missing fields. Returns the good values,
    and each absent optional field's default (None unless the field declares one)."""
    known = {f.name: f for f in fields}
    for key in data:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(known)}"
            ctx.report(where + (key,), f"unknown field '{key}'{hint}", key=True)
    values: dict[str, Any] = {}
    for field in fields:
        value = data.get(field.name)
        if value is None:  # an empty value is an absent one
            if field.required:
                ctx.report_missing(where + (field.name,), missing_message(field, ctx.registry))
            else:
                values[field.name] = field.default
            continue
        try:
            values[field.name] = field.rule(value, ctx, where + (field.name,), field)
        except Invalid as error:
            empty = value == [] or (isinstance(value, str) and not value.strip())
            ctx.report(where + (field.name,), str(error), ctx.unfilled() if empty else "error")
    return values


def quoted(value: Any) -> str:
    """A value as a message quotes it: its repr, cut to 40 characters."""
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


# --- rules: one per kind of value (kinds.py pairs each with its JSON Schema and its docs) -------


def line(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    if not isinstance(value, str):
        raise Invalid("must be text on one line")
    value = value.strip()
    if not value:
        raise Invalid("is empty")
    if "\n" in value:
        raise Invalid("must be one line; remove the line break")
    _no_control(value)
    if len(value) > field.max_chars:
        raise Invalid(
            f"is {len(value):,} characters long; keep it to one line of at most "
            f"{field.max_chars:,} characters"
        )
    return value


def _no_control(value: str) -> None:
    if found := control_character(value):
        raise Invalid(f"contains the control character {found[1]}; remove it")


def text(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("is empty" if isinstance(value, str) or value is None else "must be text")
    value = " ".join(value.split())
    _no_control(value)
    if field.max_chars is not None and len(value) > field.max_chars:
        raise Invalid(
            f"is {len(value):,} characters long; keep it to at most {field.max_chars:,} "
            "characters and put the rest in the body"
        )
    return value


def date(value: Any, ctx: Context, where: tuple, field: Field) -> PartialDate:
    try:
        return parse_date(value)
    except DateError as error:
        raise Invalid(str(error)) from None


def boolean(value: Any, ctx: Context, where: tuple, field: Field) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"{value!r} is not true or false")
    return value


def url(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("must be a link starting with https:// or http://")
    value = value.strip()
    _no_control(value)
    if _PLAIN_LINK.fullmatch(value):
        return value
    return _checked_link(value)


def _checked_link(value: str) -> str:
    """The full check of a link, stripped and free of control characters."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number below 65536
    except ValueError as error:
        raise Invalid(f"{value!r} is not a link ({error}); write https://host/path"[:200]) from None
    if parts.scheme.lower() not in ("http", "https"):
        kind = f"'{parts.scheme}:' links are" if parts.scheme else "a link without https:// is"
        message = f"{kind} not allowed; only http and https links are: {value!r}"
        raise Invalid(message[:200])
    if not parts.netloc or _SPACE.search(value):
        raise Invalid(f"{value!r} is not a complete link; write https://host/path"[:200])
    return value


def choice(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    if value not in field.choices:
        close = difflib.get_close_matches(str(value), field.choices, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise Invalid(
            f"{quoted(value)} is not a {field.name}; use one of {', '.join(field.choices)}{hint}"
        )
    return value


def _strings(value: Any, what: str, field: Field) -> list[str]:
    if isinstance(value, str):
        raise Invalid(f"must be a list, e.g. [{value}]")
    if not isinstance(value, list):
        raise Invalid(f"must be a list of {what}")
    return _bounded(value, field)


def _bounded(value: list, field: Field) -> list:
    """The list, if it is no longer than its field allows (checked before any of its items)."""
    if field.max_items is not None and len(value) > field.max_items:
        raise Invalid(f"has {len(value):,} {field.name}; at most {field.max_items:,}")
    return value


def _lines(
    value: Any, ctx: Context, where: tuple, field: Field, what: str, one: str, blank: str
) -> tuple[str, ...]:
    """A list of one-line texts (tags, aliases), each checked as a line and kept once."""
    found: list[str] = []
    for index, item in enumerate(_strings(value, what, field)):
        if not isinstance(item, str) or not item.strip():
            ctx.report(where + (index,), blank)
            continue
        try:
            item = line(item, ctx, where + (index,), field)
        except Invalid as error:
            ctx.report(where + (index,), f"{one} {error}")
            continue
        if item not in found:
            found.append(item)
    return tuple(found)


def tags(value: Any, ctx: Context, where: tuple, field: Field) -> tuple[str, ...]:
    return _lines(
        value, ctx, where, field, "tags", "the tag", "a tag must be a non-empty word or phrase"
    )


def aliases(value: Any, ctx: Context, where: tuple, field: Field) -> tuple[str, ...]:
    return _lines(
        value, ctx, where, field, "names", "the alias", "an alias must be a non-empty name"
    )


def actors(value: Any, ctx: Context, where: tuple, field: Field) -> tuple[str, ...]:
    names = _strings(value, "actor ids", field)
    if not names:
        raise Invalid("needs at least one actor id from the registry")
    ids: list[str] = []
    for index, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            ctx.report(where + (index,), "an actor must be an id or alias from the registry")
            continue
        actor_id = ctx.registry.resolve(name)
        if actor_id is None:
            close = ctx.registry.suggest(name)
            hint = "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""
            ctx.report(where + (index,), f"unknown actor '{name}'{hint}")
        elif actor_id in ids:
            ctx.report(where + (index,), f"'{name}' is listed twice (as '{actor_id}')", "warning")
        else:
            ids.append(actor_id)
    return tuple(ids)


def records(value: Any, ctx: Context, where: tuple, field: Field) -> list[dict]:
    if not isinstance(value, list):
        raise Invalid("must be a list of entries, each starting with '- '")
    if field.required and not value:
        raise Invalid("needs at least one entry")
    _bounded(value, field)
    found = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            ctx.report(where + (index,), "each entry must be a set of 'field: value' lines")
            continue
        found.append(check_fields(item, field.items, ctx, where + (index,)))
    return found


def actor_id(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    """An actor's own id: a slug, not too long for a file name, naming no page of the site."""
    return registry_id(value, field, "lloyd-austin", "an actor's", actor_page(value), SITE_PAGES)


def registry_id(value: Any, field: Field, example: str, whose: str, page, reserved) -> str:
    """A registry item's own id (an actor's, a place's): a slug, at most `field.max_chars`,
    whose page (`page`, computed by the caller) is none of the `reserved` pages."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise Invalid(f"{quoted(value)} is not an id; use a lowercase slug like '{example}'")
    if len(value) > field.max_chars:
        raise Invalid(
            f"'{value[:20]}…' is {len(value):,} characters long; an id is at most {field.max_chars}"
        )
    if page in reserved:
        raise Invalid(
            f"'{value}' is reserved: {whose} page would be {page}, which is "
            f"{reserved[page]}; choose another id"
        )
    return value


def actor_ref(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    """Another actor's id; whether that actor exists is known once the whole registry is read
    (`registry.build_registry`)."""
    if not isinstance(value, str) or not value.strip():
        raise Invalid("must be another actor's id")
    if len(value) > field.max_chars:
        raise Invalid(f"is {len(value):,} characters long; an id is at most {field.max_chars}")
    return value
