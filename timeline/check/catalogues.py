"""The site's two small registries beside the actors': measures (`content/measures.yml`, what
figures count) and eras (`content/eras.yml`, named periods). Each item is checked against its
field table (`schema.MEASURE_FIELDS`, `schema.ERA_FIELDS`) by `rules.check_fields`, as an actor
is; both files are optional (a site without figures or eras needs neither).
"""

from __future__ import annotations

from typing import Any

from ..dates import ends_before, sort_key
from ..model import Era, Measure, Problem
from ..read.frontmatter import FrontMatterError, decode, parse_yaml
from .rules import Context, check_fields
from .schema import ERA_FIELDS, MEASURE_FIELDS, Field

MAX_ITEMS = 500
"""Each measure and era is drawn on every chart or has a page of its own: a registry of more
is a mistake (or an attack), not a timeline."""


def _items(raw: bytes, path: str, fields: tuple[Field, ...], what: str):
    """The checked values of each item of a registry file, and the context holding its
    problems; an item with a problem of its own is left out."""
    try:
        data, positions, key_positions, ends = parse_yaml(decode(raw))
    except FrontMatterError as error:
        ctx = Context(path, {}, {}, skip=1, whole=what)
        ctx.problems.append(Problem(path, error.line, error.column, what, error.message))
        return [], ctx
    ctx = Context(path, positions, key_positions, skip=1, whole=what, ends=ends)
    if data is None:
        return [], ctx
    if not isinstance(data, list):
        ctx.report((), f"the {what} file must be a list ('- {fields[0].name}: ...')")
        return [], ctx
    if len(data) > MAX_ITEMS:
        ctx.report((), f"has {len(data):,} items; at most {MAX_ITEMS}")
        return [], ctx
    found: list[tuple[int, dict[str, Any]]] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            ctx.report((index,), "each item must be a set of 'field: value' lines")
            continue
        before = len(ctx.problems)
        values = check_fields(item, fields, ctx, (index,))
        if len(ctx.problems) == before:
            found.append((index, values))
    return found, ctx


def load_measures(raw: bytes | None, path: str) -> tuple[dict[str, Measure], list[Problem]]:
    """Measures by id (in the file's order) and every problem; no file: none."""
    if raw is None:
        return {}, []
    found, ctx = _items(raw, path, MEASURE_FIELDS, "measures")
    measures: dict[str, Measure] = {}
    for index, values in found:
        if values["id"] in measures:
            ctx.report((index, "id"), f"duplicate id '{values['id']}'; ids must be unique")
            continue
        measures[values["id"]] = Measure(**values)
    return measures, sorted(ctx.problems, key=lambda p: (p.line, p.column))


def load_eras(raw: bytes | None, path: str) -> tuple[tuple[Era, ...], list[Problem]]:
    """Eras in order of their start (then title), and every problem; no file: none."""
    if raw is None:
        return (), []
    found, ctx = _items(raw, path, ERA_FIELDS, "eras")
    eras = []
    for index, values in found:
        if values["end"] is not None and ends_before(values["end"], values["start"]):
            message = f"ends ({values['end'].iso()}) before it starts ({values['start'].iso()})"
            ctx.report((index, "end"), message)
            continue
        eras.append(Era(**values))
    eras.sort(key=lambda era: (sort_key(era.start), era.title))
    return tuple(eras), sorted(ctx.problems, key=lambda p: (p.line, p.column))
