"""The plugin's options (`plugins:` → `timeline:` in mkdocs.yml), declared once: the MkDocs
adapter makes its validated configuration from this table (`plugins/config.py`), and the core's
option classes (`views.pages.SiteOptions`, `exports.options.ExportOptions`) take their defaults
from it. A base module: it imports nothing of the project."""

from __future__ import annotations

from dataclasses import dataclass

GROUPINGS = ("none", "era", "tag", "actor")  # TimelineJS's rows (`exports.timelinejs`)


@dataclass(frozen=True)
class Option:
    name: str
    default: bool | int | str  # its type is the option's
    doc: str
    choices: tuple[str, ...] = ()  # when set, the only values allowed


OPTIONS = (
    Option("enabled", True, "Whether the plugin does anything."),
    Option(
        "publish", False,
        "A build for publishing: fails unless site_url is a public address (not the preview's).",
    ),
    Option("folder", "events", "Folder inside docs_dir that holds the event entries."),
    Option(
        "registry", "actors.yml",
        "The actor registry, inside docs_dir; it is read, never published as a file.",
    ),
    Option(
        "standfirst", "",
        "What we know, two to four lines of the site's own text, above the timeline.",
    ),
    Option(
        "status_help", "",
        "The page defining the statuses ('about.md#what-each-status-means'): badges link there.",
    ),
    Option(
        "order", "oldest", "Order of the timeline page when a reader has not chosen one.",
        ("oldest", "newest"),
    ),
    Option("feed_limit", 50, "How many of the latest additions the Atom and JSON feeds carry."),
    Option(
        "timelinejs_group", "none",
        "Rows of the TimelineJS view (timelinejs.json): none, or the most frequent first tags or"
        ' first actors (four rows at most, the rest under "Other").',
        GROUPINGS,
    ),
    Option(
        "year_pages_after", 200,
        "Past this many published events, /timeline/ lists only the latest ones and links one"
        " page per year (/timeline/2024/), so that no page grows without bound.",
    ),
    Option(
        "main_page_events", 50,
        "How many of the latest events /timeline/ lists once there are year pages.",
    ),
    Option(
        "month_pages_after", 250,
        "A year of more than this many events gets one page per month (/timeline/2024/10/); its"
        " year page then lists its months, and the events dated only to the year.",
    ),
    Option(
        "language", "",
        "The language of the timeline's own words, dates and counts (a catalogue in"
        " timeline/locale/); empty: mkdocs-material's `theme.language`, else English.",
    ),
    Option(
        "render_ahead_after", 1000,
        "Past this many published events, `mkdocs build` renders the event pages' header,"
        " footer and <head> additions in a second process (forked, on another CPU) while MkDocs"
        " converts the Markdown, then pages' HTML in another while MkDocs writes them: Linux"
        " with two or more CPUs only; the site is the same either way. -1: never.",
    ),
)  # fmt: skip

DEFAULTS = {option.name: option.default for option in OPTIONS}
