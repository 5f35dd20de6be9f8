"""Front matter to a validated `Event`, collecting every problem with its file, line and field."""

from __future__ import annotations

from ..dates import ends_before, sort_key
from ..model import Event, EventImage, Problem, Source, Update
from ..read.frontmatter import Document, closest
from .body import write_up_problems
from .links import ContentFiles
from .registry import Registry
from .rules import Context, check_fields
from .schema import EVENT_FIELDS
from .secondhand import second_hand_notes


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
    ctx = Context(path, doc.positions, doc.key_positions, registry, ends=doc.ends)
    ctx.draft = isinstance(doc.data, dict) and doc.data.get("draft") is True
    values = check_fields(doc.data, EVENT_FIELDS, ctx)
    start, end = values.get("date"), values.get("end")
    if start is not None and end is not None and ends_before(end, start):
        ctx.report(("end",), f"ends ({end.iso()}) before it starts ({start.iso()})")
    for line, column, message in write_up_problems(doc.body, doc.body_line, rel_path, content):
        ctx.problems.append(Problem(path, line, column, "body", message))
    ctx.problems.sort(key=lambda p: (p.line, p.column))
    if ctx.incomplete or any(p.severity == "error" for p in ctx.problems):
        return None, ctx.problems
    values["sources"] = tuple(Source(**record) for record in values["sources"])
    for index, message in second_hand_notes([s.url for s in values["sources"]]):
        at = closest(doc.positions, ("sources", index, "url"))
        ctx.problems.append(Problem(path, *at, f"sources[{index}].url", message, "notice"))
    if values["image"] is not None:  # where its `src` is, for the file's problems
        at = closest(doc.positions, ("image", "src"))
        values["image"] = EventImage(**values["image"], at=at)
    updates = (Update(**record) for record in values["updates"])
    values["updates"] = tuple(sorted(updates, key=lambda u: sort_key(u.date), reverse=True))
    # every field is in `values`: its value, or its default (check_fields)
    event_id = rel_path.rsplit("/", 1)[-1].removesuffix(".md")
    event = Event(id=event_id, path=rel_path, body=doc.body, body_line=doc.body_line, **values)
    return event, ctx.problems
