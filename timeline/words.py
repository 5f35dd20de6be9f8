"""The timeline's own words in the site's language: messages, dates and counts.

One language per site (`theme.language`, or the plugin's `language` option): the build calls
`use(language)` once before anything is worded, and every view, template and export then asks
this module (`_`, `count`, `active()`; templates `markup_gettext` and `markup_ngettext`).
Messages come from the gettext catalogue `locale/<lang>/LC_MESSAGES/timeline.po`, read and
compiled in memory once per process (12–26 ms: no compiled `.mo` file to keep current); a
message the catalogue lacks is the English one, and `missing(language)` lists them. Dates follow
the language's CLDR patterns through Babel at each precision (the long date, `yMMMM`, `y`, and
CLDR's interval formats for spans); counts use its plural rules (the catalogue's
`Plural-Forms`, which Babel derives from CLDR). docs/design.md, Languages, says why.

English keeps the house style the site always had ('31 October 2024', '4–5 November 2024')
with no Babel call at all, so an English site is byte for byte what it was.
"""

from __future__ import annotations

import gettext
import io
import re
from datetime import date, time
from functools import cache
from pathlib import Path

from markupsafe import Markup

from . import dates
from .dates import PartialDate, Precision

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "timeline"
ENGLISH = "en"
RTL = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "ckb", "dv", "sd", "ug"})
"""Languages written right to left (CLDR's character order), as mkdocs-material's own list."""


SHORT_MONTH = 5
"""The longest short month name a chart's axis takes ('жовт.'); longer ones give the number."""


def normalise(language: str | None) -> str:
    """'pt-BR' -> 'pt_BR'; '' or None -> 'en'."""
    return (language or ENGLISH).strip().replace("-", "_") or ENGLISH


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    """The language's catalogue compiled in memory (English: none, the messages are English)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for candidate in (language, language.split("_")[0]):
        path = LOCALE_DIR / candidate / "LC_MESSAGES" / f"{DOMAIN}.po"
        if candidate != ENGLISH and path.is_file():
            with path.open("rb") as po:
                catalog = read_po(po, locale=candidate, domain=DOMAIN)
            buffer = io.BytesIO()
            write_mo(buffer, catalog)
            buffer.seek(0)
            return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


@cache
def _template():
    from babel.messages.pofile import read_po

    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as pot:
        return read_po(pot)


def message_count() -> int:
    """How many messages the timeline has (its catalogue template, `timeline.pot`)."""
    return sum(1 for message in _template() if message.id)


def missing(language: str) -> list[str]:
    """The messages of the template (`timeline.pot`) the language's catalogue does not translate:
    those fall back to English."""
    from babel.messages.pofile import read_po

    language = normalise(language)
    template = _template()
    if language.split("_")[0] == ENGLISH:
        return []
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        path = LOCALE_DIR / language.split("_")[0] / "LC_MESSAGES" / f"{DOMAIN}.po"
    translated: dict = {}
    if path.is_file():
        with path.open("rb") as po:
            translated = {m.id: m for m in read_po(po) if m.id}
    gaps = []
    for message in template:
        if not message.id:
            continue
        have = translated.get(message.id)
        strings = have.string if have is not None else ""
        done = all(strings) if isinstance(strings, (list, tuple)) else bool(strings)
        if have is None or have.fuzzy or not done:
            gaps.append(message.id if isinstance(message.id, str) else message.id[0])
    return gaps


@cache
def _known(language: str) -> bool:
    """Whether CLDR (Babel's data) knows the language."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(language)
    except (ValueError, LookupError, UnknownLocaleError):
        return False
    return True


class Wording:
    """Messages, dates and counts in one language; formatted patterns are cached."""

    def __init__(self, language: str | None = None):
        self.language = normalise(language)
        # a language CLDR does not know (a typo in mkdocs.yml) is worded in English
        self.english = self.language.split("_")[0] == ENGLISH or not _known(self.language)
        self.translations = _catalogue(self.language)
        self.rtl = self.language.split("_")[0] in RTL
        tag = self.language.replace("_", "-")  # for xml:lang, a feed's language, Intl
        self.tag = tag if re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", tag) else ENGLISH
        self._locale = None
        self._dates: dict[tuple, str] = {}
        self._markup: dict[str, Markup] = {}

    @property
    def locale(self):
        if self._locale is None:
            from babel import Locale

            self._locale = Locale.parse(ENGLISH if self.english else self.language)
        return self._locale

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def markup(self, message: str) -> Markup:
        """The message as template markup (the catalogues are ours), looked up once."""
        if (text := self._markup.get(message)) is None:
            text = self._markup[message] = Markup(self.translations.gettext(message))
        return text

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def plural_forms(self, singular: str, plural: str) -> dict[str, str]:
        """A count's message by CLDR plural category ('one', 'few', 'many', 'other'), for a
        script that chooses with `Intl.PluralRules`: each category's form is the catalogue's for
        the first whole number of that category."""
        forms: dict[str, str] = {}
        rule = self.locale.plural_form
        for n in range(200):
            forms.setdefault(rule(n), self.ngettext(singular, plural, n))
        return forms

    def count(self, n: int, singular: str, plural: str, **values: object) -> str:
        """'1 event', '5 events'; the messages hold `%(num)d` and any of `values`."""
        return self.ngettext(singular, plural, n) % {"num": n, **values}

    # --- dates -----------------------------------------------------------------------------

    def date(self, value: PartialDate, circa: bool = False) -> str:
        """A date at its precision: '31 October 2024', '2024년 10월 31일', 'жовтень 2024 р.'."""
        if self.english:
            return dates.format_date(value, circa)
        key = (value, circa)
        if (text := self._dates.get(key)) is None:
            text = self._dates[key] = self._circa(self._plain(value), circa)
        return text

    def span(self, start: PartialDate, end: PartialDate | None, circa: bool = False) -> str:
        """A date or a span, in CLDR's interval format when both ends share a precision."""
        if self.english:
            return dates.format_span(start, end, circa)
        if end is None:
            return self.date(start, circa)
        key = (start, end, circa)
        if (text := self._dates.get(key)) is None:
            text = self._dates[key] = self._circa(self._interval(start, end), circa)
        return text

    def month_short(self, month: int) -> str:
        """The month's short name on a chart's axis ('Oct', '10월', 'жовт.'); its number where
        CLDR's short names are long (Arabic's are the full names, too wide for a month's bar)."""
        if self.english:
            return dates.month_name(month)[:3]
        names = self.locale.months["stand-alone"]["abbreviated"]
        if max(len(name) for name in names.values()) > SHORT_MONTH:
            from babel.numbers import format_decimal

            return format_decimal(month, locale=self.locale)
        return names[month]

    def month_initial(self, month: int) -> int:
        """How much of `month_short` a phone's axis shows: its first letter when that is the
        month's narrow name ('O', 'ж'), else all of it ('10월', '10')."""
        short = self.month_short(month)
        narrow = "" if self.english else self.locale.months["stand-alone"]["narrow"][month]
        if self.english or narrow.casefold() == short[:1].casefold() != short.casefold():
            return 1
        return len(short)

    def month_year(self, month: int | None, year: int) -> str:
        """'October 2024', '2024년 10월'; the year alone without a month."""
        if month is None:
            return self.date(PartialDate(year))
        if self.english:
            return f"{dates.month_name(month)} {year}"
        return self.date(PartialDate(year, month))

    def _circa(self, text: str, circa: bool) -> str:
        return self.gettext("c. %(date)s") % {"date": text} if circa else text

    def _plain(self, value: PartialDate) -> str:
        from babel.dates import format_date, format_skeleton, format_time

        day = date(value.year, value.month or 1, value.day or 1)
        if value.precision == Precision.YEAR:
            text = format_skeleton("y", day, locale=self.locale)
        elif value.precision == Precision.MONTH:
            text = format_skeleton("yMMMM", day, locale=self.locale)
        else:  # CLDR's long date: the month's full name ('31 жовтня 2024 р.')
            text = format_date(day, "long", locale=self.locale)
        if value.hour is None:
            return text
        clock = format_time(time(value.hour, value.minute or 0), "HH:mm", locale=self.locale)
        zone = (
            "UTC"
            if value.offset_minutes == 0
            else "UTC" + dates.format_offset(value.offset_minutes)
        )
        return self.gettext("%(date)s, %(time)s %(zone)s") % {
            "date": text, "time": clock, "zone": zone.replace("-", "−"),
        }  # fmt: skip

    def _interval(self, start: PartialDate, end: PartialDate) -> str:
        """CLDR's interval format ('4–5 листопада 2024 р.', '2024년 10월 ~ 12월') when both ends
        are untimed dates of one precision; else the two dates around a dash."""
        from babel.dates import parse_pattern

        first = date(start.year, start.month or 1, start.day or 1)
        last = date(end.year, end.month or 1, end.day or 1)
        same = start.precision == end.precision and start.hour is None and end.hour is None
        if same and first == last:
            return self._plain(start)
        field = "y" if first.year != last.year else "M" if first.month != last.month else "d"
        skeleton = {Precision.YEAR: "y", Precision.MONTH: "yMMMM"}.get(start.precision, "yMMMd")
        pieces = self.locale.interval_formats.get(skeleton, {}).get(field) if same else None
        if not pieces:
            return self.gettext("%(start)s – %(end)s") % {
                "start": self._plain(start), "end": self._plain(end),
            }  # fmt: skip
        # CLDR has day spans with the month abbreviated ('yMMMd'): widened to its full name, as
        # UTS #35 adjusts a matched pattern's field widths to the skeleton asked for
        wide = [_MONTH_ABBREVIATED.sub(r"\1\1\1\1", piece) for piece in pieces]
        return "".join(parse_pattern(p).apply(d, self.locale) for p, d in zip(wide, (first, last)))


_MONTH_ABBREVIATED = re.compile(r"(?<![ML])([ML])\1\1(?![ML])")
"""'MMM' or 'LLL' alone in a date pattern (the quoted text of CLDR's patterns has neither)."""


_active = Wording(ENGLISH)


@cache
def _wording(language: str) -> Wording:
    return Wording(language)


def use(language: str | None) -> Wording:
    """Word everything in `language` from now on (one language per site and build)."""
    global _active
    _active = _wording(normalise(language))
    return _active


def active() -> Wording:
    return _active


def _(message: str) -> str:
    """The message in the site's language (English when its catalogue lacks it)."""
    return _active.translations.gettext(message)


def markup_gettext(message: str, **values: object) -> Markup:
    """`_('Updated %(date)s', date=…)` in a template, as Jinja's i18n extension has it
    (newstyle): the message as markup, each value escaped into it."""
    text = _active.markup(message)
    return text % values if values else text


def markup_ngettext(singular: str, plural: str, n: int, **values: object) -> Markup:
    """`ngettext('%(num)d event', '%(num)d events', n)` in a template; `num` is `n` unless given."""
    values.setdefault("num", n)
    return Markup(_active.translations.ngettext(singular, plural, n)) % values


def count(n: int, singular: str, plural: str, **values: object) -> str:
    """'1 event', '5 events', '5 подій': the messages hold `%(num)d` and any of `values`."""
    return _active.count(n, singular, plural, **values)


def full_stop(text: str) -> str:
    """The full stop after `text`, unless it ends with one: a Ukrainian date ends with the
    abbreviation 'р.' ('жовтень 2024 р.'), which also ends the sentence."""
    return "" if text.endswith(".") else "."


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is written; `_` translates it where shown."""
    return message


STATUS_LABELS = {
    "confirmed": N_("Confirmed"),
    "reported": N_("Reported"),
    "claimed": N_("Claimed"),
    "disputed": N_("Disputed"),
    "denied": N_("Denied"),
}


STATUS_WORDS = {
    "confirmed": N_("confirmed"),
    "reported": N_("reported"),
    "claimed": N_("claimed"),
    "disputed": N_("disputed"),
    "denied": N_("denied"),
}
"""The same, within a sentence or a list ('Title, 31 October 2024, confirmed')."""


def status_word(status: str) -> str:
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def status_label(status: str) -> str:
    """A status code's name as the reader sees it ('confirmed' -> 'Confirmed', '확인')."""
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else status.capitalize()


KIND_NAMES = {
    "person": N_("Person"),
    "country": N_("Country"),
    "organization": N_("Organization"),
    "group": N_("Group"),
    "region": N_("Region"),
    "city": N_("City"),
    "site": N_("Site"),
}
"""An actor's or a place's kind, as its page names it."""


def kind_name(kind: str) -> str:
    return _(KIND_NAMES[kind]) if kind in KIND_NAMES else kind.capitalize()


def template_names() -> dict[str, dict]:
    """What the plugin's Jinja templates word things with, in the site's language: `_('…',
    name=value)` and `ngettext` as Jinja's i18n extension calls them (newstyle), and filters."""
    return {
        "globals": {"_": markup_gettext, "ngettext": markup_ngettext},
        "filters": {
            "timeline_date": lambda value: active().date(value),
            "timeline_month_year": lambda year, month: active().month_year(month, year),
            "timeline_status": status_label,
            "timeline_status_word": status_word,
            "timeline_kind": kind_name,
            "timeline_stop": full_stop,
        },
    }
