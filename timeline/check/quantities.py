"""The rules of the values a figure or a claim's link is made of: numbers, one actor, an id of
another registry or entry, and the `figures` and `follows` lists, each item checked field by field
(`rules.check_fields`) and then as a whole (a value or a range, not both).

Whether a measure exists, and whether a followed event exists and comes earlier, is known only
once the whole site is read: `check/claims.py`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..model import Figure, Follow
from ..read.frontmatter import closest
from .rules import ID_PATTERN, Context, Invalid, _bounded, check_fields, quoted

if TYPE_CHECKING:
    from .schema import Field

NUMBER_MAX_DIGITS = 15
"""A stated figure is a count of people, vehicles or money: 15 digits (a thousand trillion) is
more than any, and every such number is exact in a float (JSON, JavaScript)."""
_NUMBER = re.compile(rf"[0-9]{{1,{NUMBER_MAX_DIGITS}}}(?:\.[0-9]{{1,6}})?")
_GROUPED = re.compile(r"[0-9]{1,3}(?:[,  _][0-9]{3})+(?:\.[0-9]+)?")


def number(value: Any, ctx: Context, where: tuple, field: Field) -> int | float:
    """A figure as written (the reader keeps numbers as text): digits, with a decimal part at
    most; never NaN, infinite, negative, in exponent form or longer than 15 digits."""
    if isinstance(value, bool) or not isinstance(value, str):
        raise Invalid("must be a number, e.g. 11000")
    text = value.strip()
    if _GROUPED.fullmatch(text):
        plain = re.sub(r"[,  _]", "", text)
        raise Invalid(f"{quoted(text)}: write the number without separators, e.g. {plain}")
    if text.startswith("-"):
        raise Invalid(f"{quoted(text)} is negative; a stated figure is 0 or more")
    if not _NUMBER.fullmatch(text):
        raise Invalid(
            f"{quoted(text)} is not a number; write digits (at most {NUMBER_MAX_DIGITS}), "
            "e.g. 11000 or 2.5"
        )
    return float(text) if "." in text else int(text)


def actor(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    """One actor, by id or alias, resolved to its id (did you mean... for an unknown one)."""
    if not isinstance(value, str) or not value.strip():
        raise Invalid("must be an actor id or alias from the registry")
    actor_id = ctx.registry.resolve(value) if ctx.registry is not None else None
    if actor_id is None:
        close = ctx.registry.suggest(value) if ctx.registry is not None else []
        hint = "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""
        raise Invalid(f"unknown actor {quoted(value)}{hint}")
    return actor_id


def reference(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    """An id of a registry or of an entry (lowercase words joined by hyphens); whether it
    exists is checked once the site is read (`claims.py`)."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value.strip()):
        raise Invalid(f"{quoted(value)} is not an id; ids are lowercase words joined by hyphens")
    if len(value.strip()) > field.max_chars:
        raise Invalid(f"is {len(value):,} characters long; an id is at most {field.max_chars}")
    return value.strip()


def measure_id(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    """A measure's own id: it names the measure's page, figures/<id>/, beside the index."""
    value = reference(value, ctx, where, field)
    if value == "index":
        raise Invalid("'index' is reserved: the page figures/index.md lists every measure")
    return value


def _items(value: Any, ctx: Context, where: tuple, field: Field):
    """Each item of a list of records, checked field by field: (index, good values, whether
    the item had no problem of its own)."""
    if not isinstance(value, list):
        raise Invalid("must be a list of entries, each starting with '- '")
    _bounded(value, field)
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            ctx.report(where + (index,), "each entry must be a set of 'field: value' lines")
            continue
        found = len(ctx.problems)
        values = check_fields(item, field.items, ctx, where + (index,))
        yield index, values, len(ctx.problems) == found


def figures(value: Any, ctx: Context, where: tuple, field: Field) -> tuple[Figure, ...]:
    """Stated figures: each a `value`, or a range `low`..`high` (both, low not above high)."""
    found = []
    for index, values, clean in _items(value, ctx, where, field):
        if clean and (problem := _shape(values)) is not None:
            ctx.report(where + (index, *problem[0]), problem[1])
        elif clean:
            at = closest(ctx.positions, where + (index, "measure"))
            found.append(Figure(**values, at=at))
    return tuple(found)


def _shape(values: dict) -> tuple[tuple, str] | None:
    """What is wrong with a figure as a whole (where, message), if anything."""
    single, low, high = values["value"], values["low"], values["high"]
    if single is not None and (low is not None or high is not None):
        return ("value",), "give a value or a range (low and high), not both"
    if single is None and low is None and high is None:
        return (), "needs a value (value: 11000) or a range (low: 11000 and high: 12000)"
    if single is None and (low is None or high is None):
        given, missing = ("low", "high") if high is None else ("high", "low")
        return (given,), f"a range needs both low and high; add {missing}"
    if single is None and low > high:
        return ("low",), f"the range runs backwards: low {low} is above high {high}"
    return None


def follows(value: Any, ctx: Context, where: tuple, field: Field) -> tuple[Follow, ...]:
    """Earlier events this one confirms, denies, disputes, corrects or updates; an event
    followed twice is refused."""
    found: list[Follow] = []
    for index, values, clean in _items(value, ctx, where, field):
        if not clean:
            continue
        if any(f.event == values["event"] for f in found):
            message = f"'{values['event']}' is already followed above; follow an event once"
            ctx.report(where + (index, "event"), message)
            continue
        at = closest(ctx.positions, where + (index, "event"))
        found.append(Follow(values["event"], values["as"], at))
    return tuple(found)
