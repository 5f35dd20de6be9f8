"""The front-matter schema and the actor registry's, declared once as data.

The validator (`validate.py`), the JSON Schema, the `timeline new` template and the docs table are
all derived from `EVENT_FIELDS`, and the registry's checker, JSON Schema and docs table from
`ACTOR_FIELDS`; what a kind of value means to each of them is `kinds.KINDS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as attribute
from typing import Any

from ..model import ACTOR_KINDS, OUTCOMES, PLACE_KINDS, QUALIFIERS, STATUSES
from .kinds import KINDS, Rule


@dataclass(frozen=True, slots=True)
class Field:
    """One field of an entry's front matter or of an actor: its name, kind of value, whether
    required, and what it means.

    The validator's messages, the JSON Schema and the docs table take the limits from here.
    """

    name: str
    kind: str
    """A key of `kinds.KINDS`."""
    required: bool = False
    description: str = ""
    example: object = None
    items: tuple[Field, ...] = ()  # for kind "records": the fields of each item
    max_items: int | None = None
    """For a list: the most items one entry may give. Every actor and tag of an event is a link
    and has its own pages (one 13 KB entry with 2,000 tags added 2,120 pages to the site), and
    every source and update is shown on the event's page, so none may grow without bound. Each
    bound is several times what an entry needs (the largest entry here names 11 actors, 4 tags
    and 7 sources): 30 actors (a summit or a sanctions package), 20 tags, 30 sources, and 50
    updates (a correction log kept over years)."""
    max_chars: int | None = None
    """For text: the longest value, counted after white space is tidied. A line, and each tag,
    is at most kinds.LINE_MAX_CHARS unless the field says otherwise (the kind's `max_chars`)."""
    choices: tuple[str, ...] = ()
    """For kind "choice": the values allowed, in the order the docs list them."""
    default: object = None
    """The value of an optional field left out or empty, declared only here: the checker fills
    it in, the JSON Schema and the docs table show it. None: the field has no value then."""
    rule: Rule = attribute(init=False, repr=False, compare=False)
    """The kind's rule, looked up once here rather than for every value checked."""

    def __post_init__(self) -> None:
        kind = KINDS.get(self.kind)
        if kind is None:
            raise ValueError(f"field {self.name!r}: unknown kind {self.kind!r}; see kinds.KINDS")
        if self.max_chars is None:
            object.__setattr__(self, "max_chars", kind.max_chars)
        object.__setattr__(self, "rule", kind.rule)


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
    Field("note", "text", True, "What changed and why.", "Corrected the date of the meeting."),
)

IMAGE_FIELDS = (
    Field(
        "src",
        "image-src",
        True,
        "The image file, relative to this entry: next to it or in an images folder beside it "
        "(PNG, JPEG, GIF or WebP, at most 20 MB and 40 megapixels). Never a link to another site.",
        "kursk-map.png",
    ),
    Field(
        "alt", "line", True, "What the image shows, for readers who cannot see it.", max_chars=300
    ),
    Field("caption", "text", False, "A caption shown under it.", max_chars=500),
    Field(
        "credit", "line", True, "Who made it (photographer, agency), as they ask to be credited."
    ),
    Field("license", "line", False, "Its licence, e.g. CC BY 4.0."),
    Field("source", "url", False, "Where it was published, if anywhere."),
)
"""An event's image: every field is shown or linked with it; `alt` and `credit` are required
(an image no one may describe or credit is not published)."""
FIGURE_FIELDS = (
    Field(
        "measure",
        "ref",
        True,
        "What is counted: a measure's id from content/measures.yml.",
        "troops-in-russia",
    ),
    Field("value", "number", False, "The figure stated, as digits (or give low and high).", 11000),
    Field("low", "number", False, "For a range: its low end.", 11000),
    Field("high", "number", False, "For a range: its high end.", 12000),
    Field("qualifier", "choice", False, "How the figure was hedged.", "about", choices=QUALIFIERS),
    Field("by", "actor", True, "Who stated it: an actor id or alias.", "nis"),
    Field(
        "as_of",
        "date",
        False,
        "The date the figure refers to, at its precision, when it is not the event's date.",
        "2024-10",
    ),
    Field("note", "line", False, "What the figure covers, in a few words.", max_chars=300),
)
"""One stated quantity: never merged or averaged with another source's."""

FOLLOW_FIELDS = (
    Field(
        "event",
        "ref",
        True,
        "The earlier event's id: its file name without .md.",
        "2025-01-11-zelensky-says-two-soldiers-captured",
    ),
    Field(
        "as",
        "choice",
        True,
        "What this event does to the earlier one.",
        "confirms",
        choices=OUTCOMES,
    ),
)

EVENT_FIELDS = (
    Field(
        "title",
        "line",
        True,
        "What happened, neutrally, in one line.",
        "Austin says North Korean troops will join the fight within days",
    ),
    Field(
        "date",
        "date",
        True,
        "When it happened, at the precision known: 2024, 2024-10, 2024-10-31 or "
        "2024-10-31T14:30-04:00. Written forms such as '31 October 2024' also work.",
        "2024-10-31",
    ),
    Field("end", "date", False, "For a span: when it ended (not before `date`)."),
    Field(
        "circa", "bool", False, "true when the date is approximate; shown as 'c.'.", default=False
    ),
    Field(
        "actors",
        "actors",
        True,
        "Who acted: ids or aliases from content/actors.yml (at least one).",
        ["north-korea"],
        max_items=30,
    ),
    Field(
        "summary",
        "text",
        True,
        "One to three sentences shown on the timeline.",
        "Lloyd Austin said North Korean troops in Russia would join the fight within days.",
        max_chars=800,
    ),
    Field(
        "sources",
        "records",
        True,
        "Where it is reported (at least one).",
        items=SOURCE_FIELDS,
        max_items=30,
    ),
    Field(
        "status",
        "choice",
        False,
        "How certain it is.",
        "confirmed",
        choices=STATUSES,
        default="reported",
    ),
    Field("location", "line", False, "Where it happened, as free text."),
    Field(
        "places",
        "places",
        False,
        "Where it happened, on the maps: ids or aliases from content/places.yml.",
        ["kursk-oblast"],
        max_items=20,
        default=(),
    ),
    Field("tags", "tags", False, "Topics, as a list of short words.", max_items=20, default=()),
    Field(
        "key", "bool", False, "true marks a key event, highlighted on the timeline.", default=False
    ),
    Field("draft", "bool", False, "true keeps it out of the published site.", default=False),
    Field(
        "image",
        "image",
        False,
        "A picture for the event page, its timeline entry and its link preview.",
        items=IMAGE_FIELDS,
    ),
    Field(
        "updates",
        "records",
        False,
        "Corrections log, newest first.",
        items=UPDATE_FIELDS,
        max_items=50,
        default=(),
    ),
    Field(
        "added",
        "date",
        False,
        "When the entry was added to the timeline (for feeds); defaults to the git history.",
    ),
    Field(
        "figures",
        "figures",
        False,
        "Quantities actors stated in this event, each attributed (see content/measures.yml).",
        items=FIGURE_FIELDS,
        max_items=30,
        default=(),
    ),
    Field(
        "follows",
        "follows",
        False,
        "Earlier events this one confirms, denies, disputes, corrects or updates.",
        items=FOLLOW_FIELDS,
        max_items=20,
        default=(),
    ),
)

ACTOR_FIELDS = (
    Field(
        "id",
        "actor-id",
        True,
        "How entries name the actor, unique; also the address of its page.",
        "lloyd-austin",
    ),
    Field("name", "line", True, "The name the site shows.", "Lloyd J. Austin III"),
    Field("kind", "choice", True, "What the actor is.", "person", choices=ACTOR_KINDS),
    Field(
        "aliases",
        "aliases",
        False,
        "Other names entries may use (any case); an alias may belong to one actor only.",
        ["Lloyd Austin"],
        max_items=20,
        default=(),
    ),
    Field("description", "line", False, "Who or what the actor is, in one line.", default=""),
    Field(
        "affiliation",
        "actor-ref",
        False,
        "The id of the actor it belongs to, such as a minister's country.",
        "united-states",
    ),
)
"""One actor of the registry (`content/actors.yml`). An actor's aliases are bounded as
an entry's lists are: each is a name `timeline new --from` looks for in an article, and the
largest actor here has 4 (spellings and transliterations), so 20 is plenty."""

PLACE_FIELDS = (
    Field(
        "id",
        "place-id",
        True,
        "How entries name the place, unique; also the address of its page.",
        "kursk-oblast",
    ),
    Field("name", "line", True, "The name the site shows.", "Kursk Oblast"),
    Field("kind", "choice", True, "What the place is.", "region", choices=PLACE_KINDS),
    Field("lat", "latitude", True, "Latitude in degrees north (WGS 84), -90 to 90.", "51.73"),
    Field("lon", "longitude", True, "Longitude in degrees east (WGS 84), -180 to 180.", "36.19"),
    Field(
        "aliases",
        "aliases",
        False,
        "Other names entries may use (any case); an alias may belong to one place only.",
        ["Kursk region"],
        max_items=20,
        default=(),
    ),
    Field(
        "within",
        "place-ref",
        False,
        "The id of the place it is in, such as a city's country.",
        "russia",
    ),
)
"""One place of the registry (`content/places.yml`), checked by the same machinery as an actor.
An event names at most 20 places: each is a marker on its map and a link to a page."""
MEASURE_FIELDS = (
    Field(
        "id",
        "measure-id",
        True,
        "How figures name the measure; also the address of its page.",
        "troops-in-russia",
    ),
    Field(
        "name",
        "line",
        True,
        "What is counted, as the site shows it.",
        "North Korean troops in Russia",
    ),
    Field("unit", "line", True, "What follows the number in a sentence.", "troops in Russia"),
    Field("description", "line", False, "What the measure covers, in one line.", default=""),
)
"""One measure of the registry `content/measures.yml`."""

ERA_FIELDS = (
    Field("title", "line", True, "The period's name.", "Deployment"),
    Field("start", "date", True, "When it starts.", "2024-10"),
    Field("end", "date", False, "When it ends; leave out for a period still open."),
    Field("description", "line", False, "What marks the period, in one line.", default=""),
)
"""One era of `content/eras.yml`."""

FIELDS_BY_NAME = {f.name: f for f in EVENT_FIELDS}


def defaults(fields: tuple[Field, ...]) -> dict[str, Any]:
    """Every optional field's value when it is left out, as the checker fills it in: to build an
    `Event` in code (`Event(**defaults(EVENT_FIELDS), title=...)`)."""
    return {field.name: field.default for field in fields if not field.required}


def default_text(field: Field) -> str | None:
    """The field's default as a contributor writes it ('reported', 'false') for the docs and
    the template, or None when there is none to say (no value, or an empty list)."""
    if field.default is None or field.default == () or field.default == "":
        return None
    if isinstance(field.default, bool):
        return "true" if field.default else "false"
    return str(field.default)


SUMMARY_MAX_CHARS: int = FIELDS_BY_NAME["summary"].max_chars
"""What `timeline new --from` cuts a lede to (draft.py), declared on the field."""
BODY_MAX_CHARS = 100_000
"""About 15,000 words. Every reader downloads the search index, which holds every body."""
PARAGRAPH_MAX_CHARS = 8_000
PARAGRAPH_MAX_BRACKETS = 100
"""Python-Markdown's inline parsing is quadratic in a paragraph (each '[' scans ahead for its
link; 8,000 '[' take 9 s, 100,000 minutes), so a paragraph's length and its '[' are bounded: a
hostile write-up then costs seconds, not hours."""
