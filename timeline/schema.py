"""The front-matter schema, declared once as data (SPEC §3).

The validator (`validate.py`), the JSON Schema, the `timeline new` template and the docs table are
all derived from `EVENT_FIELDS`; a rule for a kind of value lives in `validate.RULES`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import STATUSES


@dataclass(frozen=True, slots=True)
class Field:
    """One front-matter field: its name, kind of value, whether required, and what it means."""

    name: str
    kind: str
    required: bool = False
    description: str = ""
    example: object = None
    items: tuple[Field, ...] = ()  # for kind "records": the fields of each item


SOURCE_FIELDS = (
    Field("publisher", "line", True, "Who published it (outlet, agency or government).", "CNN"),
    Field(
        "url", "url", True, "Link to the source (http or https).", "https://www.example.com/story"
    ),
    Field("title", "line", False, "The source's headline, exactly as published."),
    Field("published", "date", False, "When the source was published.", "2024-10-31"),
    Field("archived", "url", False, "An archive copy's URL, e.g. a Wayback Machine snapshot."),
)

UPDATE_FIELDS = (
    Field("date", "date", True, "When the correction or update was made.", "2024-11-02"),
    Field("note", "text", True, "What changed and why."),
)

EVENT_FIELDS = (
    Field("title", "line", True, "What happened, neutrally, in one line."),
    Field(
        "date",
        "date",
        True,
        "When it happened, at the precision known: 2024, 2024-10, 2024-10-31 or "
        "2024-10-31T14:30-04:00. Written forms such as '31 October 2024' also work.",
        "2024-10-31",
    ),
    Field("end", "date", False, "For a span: when it ended (not before `date`)."),
    Field("circa", "bool", False, "true when the date is approximate; shown as 'c.'."),
    Field(
        "actors",
        "actors",
        True,
        "Who acted: ids or aliases from content/actors.yml (at least one).",
        ["north-korea"],
    ),
    Field("summary", "text", True, "One to three sentences shown on the timeline."),
    Field("sources", "records", True, "Where it is reported (at least one).", items=SOURCE_FIELDS),
    Field(
        "status",
        "status",
        False,
        "How certain it is: " + ", ".join(STATUSES) + " (default reported).",
        "reported",
    ),
    Field("location", "line", False, "Where it happened, as free text."),
    Field("tags", "tags", False, "Topics, as a list of short words."),
    Field("key", "bool", False, "true marks a key event, highlighted on the timeline."),
    Field("draft", "bool", False, "true keeps it out of the published site."),
    Field("updates", "records", False, "Corrections log, newest first.", items=UPDATE_FIELDS),
    Field(
        "added",
        "date",
        False,
        "When the entry was added to the timeline (for feeds); defaults to the git history.",
    ),
)

FIELDS_BY_NAME = {f.name: f for f in EVENT_FIELDS}
SUMMARY_MAX_CHARS = 800
LINE_MAX_CHARS = 500
"""A title, place, publisher or headline longer than this is not one line of a timeline."""
BODY_MAX_CHARS = 100_000
"""About 15,000 words. Every reader downloads the search index, which holds every body."""
PARAGRAPH_MAX_CHARS = 8_000
PARAGRAPH_MAX_BRACKETS = 100
"""Python-Markdown's inline parsing is quadratic in a paragraph (each '[' scans ahead for its
link; 8,000 '[' take 9 s, 100,000 minutes), so a paragraph's length and its '[' are bounded: a
hostile write-up then costs seconds, not hours."""
