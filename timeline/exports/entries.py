"""What the feeds say about events: the latest N by when they were added, and their dates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from markupsafe import Markup

from .. import words
from ..collection import FeedEntry, last_change, latest
from ..model import Event, Measure
from ..views.figures import sentence
from ..words import _

# a feed must say when it last changed; an empty timeline has no date of its own, and the build's
# clock would make two builds differ
EMPTY_FEED_UPDATED = datetime(1970, 1, 1, tzinfo=UTC)


def feed_updated(entries: Sequence[FeedEntry]) -> datetime:
    return max((entry.updated for entry in entries), default=EMPTY_FEED_UPDATED)


def rfc3339(when: datetime) -> str:
    """'2024-10-31T14:30:00Z': UTC, whole seconds, as Atom and JSON Feed write instants."""
    text = when.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat()
    return text + "Z"


def status_label(status: str) -> str:
    """'reported' -> 'Reported', as the site shows it (in its language)."""
    return words.status_label(status)


def content_html(
    event: Event, names: Mapping[str, str], measures: Mapping[str, Measure] | None = None
) -> str:
    """The entry's body for feed readers, as escaped HTML: date and status, summary, actors,
    place, the figures stated (each with who stated it) and sources. `names` maps actor ids to
    names. Every value goes through markupsafe."""
    comma, actors = _(", "), [names[a] for a in event.actors]
    parts = [
        Markup("<p><strong>{}</strong> · {}</p>").format(
            event.display_date, status_label(event.status)
        ),
        Markup("<p>{}</p>").format(event.summary),
        Markup("<p>{}</p>").format(_("Actors: %(actors)s") % {"actors": comma.join(actors)}),
    ]
    if event.location:
        parts.append(Markup("<p>{}</p>").format(_("Place: %(place)s") % {"place": event.location}))
    if event.figures and measures:
        said = _("; ").join(str(sentence(f, names, measures[f.measure])) for f in event.figures)
        said = _("Figures: %(figures)s") % {"figures": said}
        parts.append(Markup("<p>{}{}</p>").format(said, words.full_stop(said)))
    links = Markup(comma).join(
        Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(source.url, source.publisher)
        for source in event.sources
    )
    parts.append(Markup("<p>{}</p>").format(Markup(_("Sources: %(sources)s")) % {"sources": links}))
    return str(Markup("\n").join(parts))


__all__ = ["FeedEntry", "content_html", "feed_updated", "last_change", "latest", "rfc3339"]
