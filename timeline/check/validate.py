"""Front matter to a validated `Event`, collecting every problem with its file, line and field."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from ..dates import DateError, PartialDate, ends_before, sort_key
from ..model import STATUSES, Event, Problem, Source, Update
from ..read.frontmatter import Document
from ..text import control_character
from .body import write_up_problems
from .dateparse import parse_date
from .links import ContentFiles
from .registry import Registry
from .schema import EVENT_FIELDS, Field

_SPACE = re.compile(r"\s")  # the same characters as str.isspace, found in C
# a link that `_checked_link` accepts, recognised without urlsplit: http(s), a host of letters,
# digits, dots and hyphens, a port below 10000 and no white space (most links are like this)
_PLAIN_LINK = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(?::[0-9]{1,4})?(?:[/?#]\S*)?")


class Invalid(ValueError):
    """A value that breaks its field's rule; the message says how to fix it."""


class _Context:
    """Per-file state shared by the rules: where to report, and the registry for actors."""

    def __init__(self, doc: Document, path: str, registry: Registry):
        self.doc, self.path, self.registry = doc, path, registry
        self.problems: list[Problem] = []
        # a draft may be incomplete: what is left to fill in is a notice until `draft: true` goes
        self.draft = isinstance(doc.data, dict) and doc.data.get("draft") is True
        self.incomplete = False

    def unfilled(self) -> str:
        """The severity of a field left empty: an error, or a notice in a draft."""
        self.incomplete = True
        return "notice" if self.draft else "error"

    def report(
        self, where: tuple, message: str, severity: str = "error", key: bool = False
    ) -> None:
        line, column = (key and self.doc.key_positions.get(where)) or self.doc.position(*where)
        self.problems.append(Problem(self.path, line, column, _name(where), message, severity))


def _name(where: tuple) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "front matter"


# --- rules: one per kind of value -------------------------------------------------------------


def _line(value: Any, ctx: _Context, where: tuple, field: Field) -> str:
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


def _text(value: Any, ctx: _Context, where: tuple, field: Field) -> str:
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


def _date(value: Any, ctx: _Context, where: tuple, field: Field) -> PartialDate:
    try:
        return parse_date(value)
    except DateError as error:
        raise Invalid(str(error)) from None


def _bool(value: Any, ctx: _Context, where: tuple, field: Field) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"{value!r} is not true or false")
    return value


def _url(value: Any, ctx: _Context, where: tuple, field: Field) -> str:
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


def _status(value: Any, ctx: _Context, where: tuple, field: Field) -> str:
    if value not in STATUSES:
        close = difflib.get_close_matches(str(value), STATUSES, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise Invalid(f"{value!r} is not a status; use one of {', '.join(STATUSES)}{hint}")
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


def _tags(value: Any, ctx: _Context, where: tuple, field: Field) -> tuple[str, ...]:
    tags: list[str] = []
    for index, tag in enumerate(_strings(value, "tags", field)):
        if not isinstance(tag, str) or not tag.strip():
            ctx.report(where + (index,), "a tag must be a non-empty word or phrase")
            continue
        try:
            tag = _line(tag, ctx, where + (index,), field)
        except Invalid as error:
            ctx.report(where + (index,), f"the tag {error}")
            continue
        if tag not in tags:
            tags.append(tag)
    return tuple(tags)


def _actors(value: Any, ctx: _Context, where: tuple, field: Field) -> tuple[str, ...]:
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


def _records(value: Any, ctx: _Context, where: tuple, field: Field) -> list[dict]:
    if not isinstance(value, list):
        raise Invalid("must be a list of entries, each starting with '- '")
    if field.required and not value:
        raise Invalid("needs at least one entry")
    _bounded(value, field)
    records = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            ctx.report(where + (index,), "each entry must be a set of 'field: value' lines")
            continue
        records.append(_check_fields(item, field.items, ctx, where + (index,)))
    return records


RULES: dict[str, Callable[[Any, _Context, tuple, Field], Any]] = {
    "line": _line,
    "text": _text,
    "date": _date,
    "bool": _bool,
    "url": _url,
    "status": _status,
    "tags": _tags,
    "actors": _actors,
    "records": _records,
}


def _check_fields(
    data: dict, fields: tuple[Field, ...], ctx: _Context, where: tuple = ()
) -> dict[str, Any]:
    """Apply each field's rule; report unknown and missing fields. Returns the good values."""
    known = {f.name: f for f in fields}
    for key in data:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(known)}"
            ctx.report(where + (key,), f"unknown field '{key}'{hint}", key=True)
    values: dict[str, Any] = {}
    for field in fields:
        if data.get(field.name) is None:
            if field.required:
                line, column = ctx.doc.position(*where, field.name)
                where_name = _name(where + (field.name,))
                severity = ctx.unfilled()
                ctx.problems.append(
                    Problem(ctx.path, line, column, where_name, "is required but missing", severity)
                )
            continue
        value = data[field.name]
        try:
            values[field.name] = RULES[field.kind](value, ctx, where + (field.name,), field)
        except Invalid as error:
            empty = value == [] or (isinstance(value, str) and not value.strip())
            ctx.report(where + (field.name,), str(error), ctx.unfilled() if empty else "error")
    return values


def validate(
    doc: Document,
    path: str,
    rel_path: str,
    registry: Registry,
    content: ContentFiles | None = None,
) -> tuple[Event | None, list[Problem]]:
    """Check a parsed entry against the schema. `path` is shown in problems; `rel_path` is
    the entry's path inside the content folder (it gives the event's id and URL); `content`,
    the site's files, lets the write-up's links to other files be checked (skipped without)."""
    ctx = _Context(doc, path, registry)
    values = _check_fields(doc.data, EVENT_FIELDS, ctx)
    start, end = values.get("date"), values.get("end")
    if start is not None and end is not None and ends_before(end, start):
        ctx.report(("end",), f"ends ({end.iso()}) before it starts ({start.iso()})")
    for line, column, message in write_up_problems(doc.body, doc.body_line, rel_path, content):
        ctx.problems.append(Problem(path, line, column, "body", message))
    ctx.problems.sort(key=lambda p: (p.line, p.column))
    if ctx.incomplete or any(p.severity == "error" for p in ctx.problems):
        return None, ctx.problems
    event = Event(
        id=rel_path.rsplit("/", 1)[-1].removesuffix(".md"),
        path=rel_path,
        title=values["title"],
        date=start,
        end=end,
        circa=values.get("circa", False),
        actors=values["actors"],
        summary=values["summary"],
        sources=tuple(Source(**record) for record in values["sources"]),
        status=values.get("status", "reported"),
        location=values.get("location"),
        tags=values.get("tags", ()),
        key=values.get("key", False),
        draft=values.get("draft", False),
        updates=tuple(
            sorted(
                (Update(**record) for record in values.get("updates", [])),
                key=lambda u: sort_key(u.date),
                reverse=True,
            )
        ),
        added=values.get("added"),
        body=doc.body,
        body_line=doc.body_line,
    )
    return event, ctx.problems
