"""The rules of the place registry's kinds of value (`content/places.yml`) and of an entry's
`places:`: ids, coordinates in degrees, and places named by id or alias.

Front matter keeps numbers as the text written, so a coordinate is read from its text here:
a plain decimal number of degrees, nothing else (no `.nan`, `inf`, `1e309`, hexadecimal or
sexagesimal forms), within its range.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..model import PLACES_PAGE, place_page
from .rules import Context, Invalid, _strings, quoted, registry_id

if TYPE_CHECKING:
    from .schema import Field

DEGREES = re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{1,8})?")
"""Decimal degrees as written: up to eight decimals (about a millimetre), no exponent."""
PLACE_PAGES = {PLACES_PAGE: "the page listing every place"}


def _degrees(value: Any, limit: int, what: str) -> float:
    text = value.strip() if isinstance(value, str) else None
    if text is None or not DEGREES.fullmatch(text):
        raise Invalid(
            f"{quoted(value)} is not a {what}; write decimal degrees such as 51.73 "
            f"(between -{limit} and {limit}, south and west negative)"
        )
    degrees = float(text)
    if not -limit <= degrees <= limit:
        raise Invalid(f"{text} is out of range; a {what} is between -{limit} and {limit} degrees")
    return degrees + 0.0  # -0.0 is 0.0


def latitude(value: Any, ctx: Context, where: tuple, field: Field) -> float:
    return _degrees(value, 90, "latitude")


def longitude(value: Any, ctx: Context, where: tuple, field: Field) -> float:
    return _degrees(value, 180, "longitude")


def place_id(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    """A place's own id: a slug, not too long for a file name, naming no page of the site."""
    page = place_page(value) if isinstance(value, str) else None
    return registry_id(value, field, "kursk-oblast", "a place's", page, PLACE_PAGES)


def places(value: Any, ctx: Context, where: tuple, field: Field) -> tuple[str, ...]:
    """An entry's places: ids or aliases of the place registry, each kept once."""
    gazetteer = getattr(ctx.registry, "places", None)
    ids: list[str] = []
    for index, name in enumerate(_strings(value, "place ids", field)):
        if not isinstance(name, str) or not name.strip():
            ctx.report(where + (index,), "a place must be an id or alias from content/places.yml")
            continue
        place = gazetteer.resolve(name) if gazetteer is not None else None
        if place is None:
            close = gazetteer.suggest(name) if gazetteer is not None else []
            hint = "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""
            ctx.report(where + (index,), f"unknown place {quoted(name)}{hint}")
        elif place in ids:
            ctx.report(where + (index,), f"'{name}' is listed twice (as '{place}')", "warning")
        else:
            ids.append(place)
    return tuple(ids)
