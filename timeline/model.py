"""The timeline's value objects: events, their sources and updates, actors, and problems."""

from __future__ import annotations

from dataclasses import dataclass

from . import words
from .dates import PartialDate, edtf
from .text import visible

STATUSES = ("confirmed", "reported", "claimed", "disputed", "denied")
QUALIFIERS = ("about", "at least", "up to", "more than")
"""How a stated figure is hedged (`figures[].qualifier`)."""
OUTCOMES = ("confirms", "denies", "disputes", "corrects", "updates")
"""What a later event does to an earlier one (`follows[].as`)."""
ACTOR_KINDS = ("person", "country", "organization", "group")
PLACE_KINDS = ("country", "region", "city", "site")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file, where it is and how to fix it."""

    path: str
    line: int
    column: int
    field: str
    message: str
    # "error" keeps the entry out; "warning" publishes it but fails `mkdocs build --strict`;
    # "notice" is information (drafts)
    severity: str = "error"

    def __str__(self) -> str:
        # one line whatever the values quoted in it: a hostile newline must not start a new
        # log line (GitHub reads `::command::` lines from a job's output)
        text = f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"
        return visible(text)


@dataclass(frozen=True, slots=True)
class Source:
    publisher: str
    url: str
    title: str | None = None
    published: PartialDate | None = None
    archived: str | None = None


@dataclass(frozen=True, slots=True)
class Update:
    date: PartialDate
    note: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity stated by an actor: a `value`, or a range `low`..`high` (one end may be
    missing), of a measure of the registry (`content/measures.yml`), as of a date. `at` is the
    (line, column) of its `measure` in the entry, for problems found once the whole site is read."""

    measure: str
    by: str
    value: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    qualifier: str | None = None
    as_of: PartialDate | None = None
    note: str | None = None
    at: tuple[int, int] = (1, 1)


@dataclass(frozen=True, slots=True)
class Follow:
    """This event `as` (confirms, denies...) the earlier event `event` (its id); `at` is the
    position of `event` in the entry, as a figure's."""

    event: str
    outcome: str
    at: tuple[int, int] = (1, 1)


@dataclass(frozen=True, slots=True)
class Measure:
    """A quantity figures are stated in (`content/measures.yml`)."""

    id: str
    name: str
    unit: str
    description: str


@dataclass(frozen=True, slots=True)
class Era:
    """A named period (`content/eras.yml`): from `start` to `end`, or still open."""

    title: str
    start: PartialDate
    end: PartialDate | None
    description: str


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of the registry; every value, a default included, comes from its checker
    (`check.schema.ACTOR_FIELDS`)."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    description: str
    affiliation: str | None


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the registry (`content/places.yml`); every value, a default included, comes
    from its checker (`check.schema.PLACE_FIELDS`). `lat` and `lon` are WGS 84 degrees."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    aliases: tuple[str, ...]
    within: str | None


@dataclass(frozen=True, slots=True)
class EventImage:
    """An event's image as its front matter gives it (`check.schema.IMAGE_FIELDS`), where `src`
    is written (for problems found when the file is read), and, once read, the file: its path
    in the content folder, content hash and size in pixels."""

    src: str
    alt: str
    credit: str
    caption: str | None = None
    license: str | None = None
    source: str | None = None
    at: tuple[int, int] = (1, 1)
    path: str = ""
    digest: str = ""
    width: int = 0
    height: int = 0


@dataclass(frozen=True, slots=True)
class Event:
    """A validated event entry. `path` is relative to the content folder, with '/' separators.

    No field has a default here: the checker gives every one, an optional field its default
    from the field table (`check.schema.EVENT_FIELDS`); code that builds an event starts from
    `check.schema.defaults(EVENT_FIELDS)`."""

    id: str
    path: str
    title: str
    date: PartialDate
    actors: tuple[str, ...]
    summary: str
    sources: tuple[Source, ...]
    body: str
    end: PartialDate | None
    circa: bool
    status: str
    location: str | None
    tags: tuple[str, ...]
    key: bool
    draft: bool
    updates: tuple[Update, ...]
    added: PartialDate | None
    places: tuple[str, ...]
    image: EventImage | None
    figures: tuple[Figure, ...]
    follows: tuple[Follow, ...]
    body_line: int  # the line of the file the body starts on, for problems found later

    @property
    def display_date(self) -> str:
        return words.active().span(self.date, self.end, self.circa)

    @property
    def edtf(self) -> str:
        return edtf(self.date, self.end, self.circa)

    @property
    def url(self) -> str:
        """Site-relative URL of the event's page (directory URLs)."""
        return page_url(self.path)


def page_url(path: str, directory_urls: bool = True) -> str:
    """'events/2024/x.md' -> 'events/2024/x/' (or 'events/2024/x.html'), as MkDocs names pages."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/" if directory_urls else f"{stem}.html"


def actor_page(actor_id: str) -> str:
    """The content path of an actor's generated page: 'actors/<id>.md'."""
    return f"actors/{actor_id}.md"


def tag_page(slug: str) -> str:
    """The content path of a tag's generated page: 'tags/<slug>/index.md'."""
    return f"tags/{slug}/index.md"


def place_page(place_id: str) -> str:
    """The content path of a place's generated page: 'places/<id>.md'."""
    return f"places/{place_id}.md"


TIMELINE_PAGE = "timeline/index.md"
ACTORS_PAGE = "actors/index.md"
PLACES_PAGE = "places/index.md"
FIGURES_PAGE = "figures/index.md"


def figure_page(measure_id: str) -> str:
    """The content path of a measure's generated page: 'figures/<id>.md'."""
    return f"figures/{measure_id}.md"
