"""The sample site built in Korean, Ukrainian and Arabic (`theme.language`): none of the
timeline's own English words is left on its pages (compared with the English catalogue, the
content's own text set aside), dates and counts are CLDR's through Babel, `html[lang]` and the
direction are the language's, and the exports use it in their human fields only. One build per
language for the session (`sample_site.built_in`)."""

from __future__ import annotations

import functools
import json
import re
from datetime import date
from pathlib import Path

import feedparser
import icalendar
import pytest
from babel.dates import format_date
from babel.messages.pofile import read_po
from htmlparse import parse
from sample_site import built_in

from timeline import words
from timeline.check.dateparse import parse_date
from timeline.loader import load_timeline

pytestmark = pytest.mark.e2e

LANGUAGES = ("ko", "uk", "ar")
PAGES = {
    "timeline": "timeline/",
    "event": "events/2024/2024-06-13-event-20/",
    "actor": "actors/kim-jong-un/",
    "figures": "figures/",
    "figure": "figures/troops/",
}
KEPT = {"natural", "earth", "javascript"}
"""English words a translation keeps: the name of the maps' data, and JavaScript."""
MONTHS = {m.lower() for m in ("January February March April May June July August September "
                              "October November December").split()}  # fmt: skip


def english_words() -> set[str]:
    """Every word of three letters or more in the timeline's English messages."""
    with (words.LOCALE_DIR / "timeline.pot").open("rb") as pot:
        catalog = read_po(pot)
    found = set()
    for message in catalog:
        for text in (message.id,) if isinstance(message.id, str) else message.id:
            text = re.sub(r"%\(\w+\)[ds]|&\w+;", " ", text)
            found.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
    return (found | MONTHS) - KEPT


@functools.cache
def content_strings(src: Path) -> list[str]:
    """The content's own text (entries, registries, the site's name and standfirst), longest
    first: it stays as written whatever the language."""
    timeline = load_timeline(str(src / "content"), "events", "actors.yml")
    found = {"Sample timeline", "What the sample timeline knows, in one line."}
    for event in timeline.events:
        found.update((event.title, event.summary, event.body.strip(), event.location or ""))
        found.update(event.tags)
        for source in event.sources:
            found.update((source.publisher, source.title or "", source.url))
        if event.image:
            image = event.image
            found.update((image.alt, image.caption or "", image.credit or "", image.license or ""))
    for actor in timeline.registry:
        found.update((actor.name, actor.description or "", *actor.aliases))
    for place in timeline.places:
        found.update((place.name, *place.aliases))
    for measure in timeline.measures.values():
        found.update((measure.name, measure.unit, measure.description or ""))
    for era in timeline.eras:
        found.update((era.title, era.description or ""))
    return sorted((s for s in found if s), key=len, reverse=True)


def our_text(html: str, content: list[str]) -> str:
    """The text of a page's <main> and its labels (title, aria-label), without the theme's
    sidebars (the site's navigation, its own words) and scripts, the content's own text taken
    out."""
    parts: list[str] = []

    def walk(element) -> None:
        if element.tag in ("script", "style") or "md-sidebar" in element.classes:
            return
        parts.extend(element.attrs[a] for a in ("title", "aria-label") if a in element.attrs)
        for child in element.children:
            parts.append(child) if isinstance(child, str) else walk(child)

    walk(parse(html).find("main"))
    text = " ".join(" ".join(parts).split())
    for string in content:
        text = text.replace(" ".join(string.split()), " ")
    return text


@pytest.fixture(scope="module")
def english() -> set[str]:
    return english_words()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_english_word_of_ours_is_left(language_root, english, language, page):
    built = built_in(language, language_root)
    content = content_strings(built.parent)
    text = our_text((built / PAGES[page] / "index.html").read_text(encoding="utf-8"), content)
    left = sorted({w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in english})
    assert left == [], text
    assert ".." not in text  # a date ending in 'р.' ends the sentence too
    assert len(text.split()) > 20  # the page's own words are there, in the language


@pytest.mark.parametrize(("language", "direction"), [("ko", "ltr"), ("uk", "ltr"), ("ar", "rtl")])
def test_html_lang_and_the_direction_are_the_languages(language_root, language, direction):
    built = built_in(language, language_root)
    for path in PAGES.values():
        page = parse((built / path / "index.html").read_text(encoding="utf-8"))
        assert page.find("html").attrs["lang"] == language
        assert page.find("body").attrs["dir"] == direction
    embed = parse((built / "embed/index.html").read_text(encoding="utf-8")).find("html")
    assert embed.attrs["lang"] == language
    assert embed.attrs.get("dir", "ltr") == direction


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_date_on_the_timeline_is_cldrs(language_root, language):
    """Each single date on the timeline page is Babel's CLDR pattern at its precision: the long
    date for a day, `yMMMM` for a month, `y` for a year."""
    from babel.dates import format_skeleton

    built = built_in(language, language_root)
    page = parse((built / "timeline/index.html").read_text(encoding="utf-8"))
    seen = set()
    for when in page.find_all("p", cls="tl-event__when"):
        time = when.find("time")
        value, shown = time.attrs["datetime"], "".join(time.children)  # spaces as written
        if "T" in value or "circa" in when.attrs.get("class", ""):
            continue
        parsed = parse_date(value)
        day = date(parsed.year, parsed.month or 1, parsed.day or 1)
        if parsed.day is not None:
            expected = format_date(day, "long", locale=language)
        elif parsed.month is not None:
            expected = format_skeleton("yMMMM", day, locale=language)
        else:
            expected = format_skeleton("y", day, locale=language)
        if shown != expected:  # a span: the event has an end
            assert parsed.day is not None and "–" in shown or "~" in shown, (value, shown)
            continue
        seen.add(parsed.precision)
    assert len(seen) == 3  # day, month and year precision are all on the page


EXPECTED_COUNT = {"ko": "사건 50건.", "uk": "50 подій.", "ar": "50 حدثًا."}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_count_follows_the_languages_plural_rules(language_root, language):
    built = built_in(language, language_root)
    page = parse((built / "timeline/index.html").read_text(encoding="utf-8"))
    assert page.find("p", cls="tl-count").text() == EXPECTED_COUNT[language]
    head = json.loads(page.find("script", id="tl-words").text())  # the script's words
    assert head["lang"] == language
    if language == "uk":  # one, few, many as CLDR's categories
        assert head["count"] == {
            "one": "%(num)d подія.", "few": "%(num)d події.", "many": "%(num)d подій.",
        }  # fmt: skip


def test_feeds_and_calendar_keep_machine_fields_and_word_human_ones(language_root):
    built = built_in("uk", language_root)
    atom = feedparser.parse((built / "feed.xml").read_bytes())
    assert not atom.bozo, atom.bozo_exception
    assert atom.feed.language == "uk"
    assert atom.entries[0].tags[-1].term in (
        "confirmed",
        "reported",
        "claimed",
        "disputed",
        "denied",
    )
    assert atom.entries[0].tags[-1].label.startswith("Статус: ")
    feed = json.loads((built / "feed.json").read_text(encoding="utf-8"))
    assert feed["language"] == "uk"
    item = feed["items"][0]["_timeline"]
    assert item["status"] in ("confirmed", "reported", "claimed", "disputed", "denied")
    assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", item["date"][:10].rstrip("T"))
    data = json.loads((built / "timeline.json").read_text(encoding="utf-8"))
    event = next(e for e in data["events"] if e["date"]["precision"] == "day" and not e["end"])
    day = date.fromisoformat(event["date"]["iso"])
    assert event["display_date"] == format_date(day, "long", locale="uk")
    assert event["status"] in ("confirmed", "reported", "claimed", "disputed", "denied")
    calendar = icalendar.Calendar.from_ical((built / "timeline.ics").read_bytes())
    described = [str(c["DESCRIPTION"]) for c in calendar.walk("VEVENT")]
    assert described and all("Учасники: " in d and "Actors:" not in d for d in described)
