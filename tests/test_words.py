"""The timeline's own words in a language (`timeline.words`): dates at each precision and spans
as CLDR has them through Babel, counts by CLDR's plural rules, English exactly as before, the
catalogues complete and in step with the code, and a missing message in English and listed."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from timeline import dates, words
from timeline.cli.main import main
from timeline.cli.scaffold import init_site
from timeline.dates import PartialDate
from timeline.views.reader import script_words

LANGUAGES = ("ko", "uk", "ar")
EVENT = ("%(num)d event", "%(num)d events")


@pytest.fixture(autouse=True)
def english_again():
    """Each test leaves the process in English, as every other test expects."""
    yield
    words.use("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_day_is_the_languages_long_date(language):
    day = date(2024, 10, 31)
    said = words.Wording(language).date(PartialDate(2024, 10, 31))
    assert said == format_date(day, "long", locale=language)


def test_dates_at_each_precision_read_as_a_newsroom_writes_them():
    ko, uk = words.Wording("ko"), words.Wording("uk")
    assert ko.date(PartialDate(2024, 10, 31)) == "2024년 10월 31일"
    assert ko.date(PartialDate(2024, 10)) == "2024년 10월"
    assert ko.date(PartialDate(2024)) == "2024년"
    assert uk.date(PartialDate(2024, 10)) == "жовтень 2024\u202fр."
    assert uk.date(PartialDate(2024, 10, 31)) == "31 жовтня 2024\u202fр."


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_month_and_a_year_are_cldrs_skeletons(language):
    day = date(2025, 3, 1)
    wording = words.Wording(language)
    assert wording.date(PartialDate(2025, 3)) == format_skeleton("yMMMM", day, locale=language)
    assert wording.date(PartialDate(2025)) == format_skeleton("y", day, locale=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_span_of_months_is_cldrs_interval(language):
    start, end = PartialDate(2024, 10), PartialDate(2024, 12)
    expected = format_interval(date(2024, 10, 1), date(2024, 12, 1), "yMMMM", locale=language)
    assert words.Wording(language).span(start, end) == expected


def test_a_span_of_days_gives_the_months_full_name():
    """CLDR has day spans with the month abbreviated (`yMMMd`); widened to its full name."""
    uk = words.Wording("uk")
    assert (
        uk.span(PartialDate(2024, 11, 4), PartialDate(2024, 11, 5)) == "4–5 листопада 2024\u202fр."
    )
    assert (
        uk.span(PartialDate(2024, 10, 31), PartialDate(2024, 11, 2))
        == "31 жовтня – 2 листопада 2024\u202fр."
    )
    assert words.Wording("ko").span(PartialDate(2024, 11, 4), PartialDate(2024, 11, 5)) == (
        "2024년 11월 4일~5일"
    )


def test_an_approximate_date_and_a_time_use_the_catalogues_patterns():
    ko, uk = words.Wording("ko"), words.Wording("uk")
    assert ko.date(PartialDate(2024, 10), circa=True) == "2024년 10월경"
    assert uk.date(PartialDate(2024, 10), circa=True) == "бл. жовтень 2024\u202fр."
    timed = PartialDate(2024, 10, 31, 14, 30, 0, -240)
    assert ko.date(timed) == "2024년 10월 31일 14:30 UTC−04:00"


DATES = st.builds(
    PartialDate,
    st.integers(1900, 2100),
    st.one_of(st.none(), st.integers(1, 12)),
).map(lambda d: d if d.month is None else PartialDate(d.year, d.month, (d.year % 28) + 1))


@given(DATES, st.one_of(st.none(), DATES), st.booleans())
def test_english_is_the_house_style_it_always_was(start, end, circa):
    english = words.Wording("en")
    assert english.date(start, circa) == dates.format_date(start, circa)
    assert english.span(start, end, circa) == dates.format_span(start, end, circa)
    assert english.month_short(10) == "Oct"


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_follow_cldrs_plural_rules(language):
    """Every count from 0 to 200 takes the catalogue's form for its CLDR plural category, the
    same form for every number of one category."""
    wording, rule = words.Wording(language), Locale.parse(language).plural_form
    by_category: dict[str, set[str]] = {}
    for n in range(201):
        form = wording.ngettext(*EVENT, n)
        by_category.setdefault(rule(n), set()).add(form)
    assert all(len(forms) == 1 for forms in by_category.values()), by_category
    assert len(set().union(*by_category.values())) == len(by_category)  # told apart


def test_ukrainian_counts_read_as_written():
    uk = words.Wording("uk")
    said = [uk.count(n, *EVENT) for n in (1, 3, 5, 11, 21, 22, 25)]
    assert said == ["1 подія", "3 події", "5 подій", "11 подій", "21 подія", "22 події", "25 подій"]
    assert words.Wording("ko").count(5, *EVENT) == "사건 5건"


def test_the_script_gets_each_plural_category_of_the_language():
    uk = json.loads(script_words(words.Wording("uk")))
    assert uk["count"] == {
        "one": "%(num)d подія.",
        "few": "%(num)d події.",
        "many": "%(num)d подій.",
    }
    assert uk["lang"] == "uk" and uk["shown"] == " (показано: %(num)d)"
    assert script_words(words.Wording("en")) is None  # timeline.js has the English


@pytest.mark.parametrize("language", ["xx", "zz_ZZ", 'ko"><script>', "", None])
def test_a_language_cldr_does_not_know_is_worded_in_english(language):
    wording = words.Wording(language)
    assert wording.english and wording.date(PartialDate(2024, 10, 31)) == "31 October 2024"
    assert wording.gettext("Key event") == "Key event" and not wording.rtl
    assert wording.tag in ("xx", "zz-ZZ", "en")  # never markup in xml:lang or a feed


def test_a_right_to_left_language_is_known():
    assert words.Wording("ar").rtl and words.Wording("he").rtl
    assert not words.Wording("uk").rtl and not words.Wording("en").rtl


def test_the_template_holds_every_message_of_the_code():
    """timeline.pot is what `pybabel extract` (README.md, Languages) finds now."""
    method_map, options = _babel_config()
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    keywords |= {"count": (2, 3), "plural_forms": (1, 2)}
    found = {m[2] for m in extract_from_dir(ROOT, method_map, options, keywords)}
    with (words.LOCALE_DIR / "timeline.pot").open("rb") as pot:
        template = {m.id for m in read_po(pot) if m.id}
    assert found == template


def _babel_config():
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        return parse_mapping_cfg(cfg)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalogue_is_complete_and_keeps_the_placeholders(language):
    assert words.missing(language) == []
    path = words.LOCALE_DIR / language / "LC_MESSAGES" / "timeline.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=language)
    problems = [(m.id, errors) for m, errors in catalog.check()]
    assert problems == []  # Babel's checks: the same %(name)s in every form, plural forms


def test_a_missing_message_is_english_and_listed(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "locale"
    shutil.copytree(words.LOCALE_DIR, folder)
    po = folder / "uk" / "LC_MESSAGES" / "timeline.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Ключова подія"', 'msgstr ""'), encoding="utf-8")
    monkeypatch.setattr(words, "LOCALE_DIR", folder)
    words._catalogue.cache_clear()
    words._wording.cache_clear()
    words._template.cache_clear()
    try:
        uk = words.use("uk")
        assert uk.gettext("Key event") == "Key event"
        assert uk.gettext("Timeline") == "Хронологія"
        assert words.missing("uk") == ["Key event"]
        assert main(["messages", "uk"]) == 1
        assert "uk: not translated: 'Key event'" in capsys.readouterr().out
    finally:
        words._catalogue.cache_clear()
        words._wording.cache_clear()
        words._template.cache_clear()


def test_messages_takes_the_sites_language_from_mkdocs_yml(tmp_path, capsys):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_url: !ENV [SITE_URL, 'x']\ntheme:\n  name: material\n  language: ko\n",
        encoding="utf-8",
    )
    assert main(["messages", "--config", str(config)]) == 0
    assert "ko: all" in capsys.readouterr().out
    config.write_text("theme: {name: material, language: pl}\n", encoding="utf-8")
    assert main(["messages", "--config", str(config)]) == 1  # no Polish catalogue: all English


def test_init_writes_a_site_in_its_language(tmp_path):
    written = init_site(tmp_path / "site", "Хроніка", source="0.1.0", language="uk")
    site = tmp_path / "site"
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  name: material\n  language: uk\n" in config
    assert "  - Хронологія: timeline/index.md" in config
    about = (site / "content/about.md").read_text(encoding="utf-8")
    assert "**Підтверджено** (`confirmed`)" in about
    assert "# Хроніка" in (site / "content/index.md").read_text(encoding="utf-8")
    example = next(site / p for p in written if p.startswith("content/events/"))
    assert 'title: "Хронологію розпочато"' in example.read_text(encoding="utf-8")
    assert "name: Наша редакція" in (site / "content/actors.yml").read_text(encoding="utf-8")


def test_init_in_a_language_without_templates_writes_english_pages(tmp_path):
    init_site(tmp_path / "site", "Kronika", source="0.1.0", language="pl")
    config = (tmp_path / "site/mkdocs.yml").read_text(encoding="utf-8")
    assert "  language: pl\n" in config and "  - Timeline: timeline/index.md" in config


def test_init_refuses_a_language_that_is_not_a_tag(tmp_path):
    from timeline.cli.scaffold import InitError

    with pytest.raises(InitError, match="--language must be a language tag"):
        init_site(tmp_path / "site", "X", source="0.1.0", language="ko\n  evil: yes")


GLOSSARY = ROOT / "docs" / "glossary.md"


def glossary() -> dict[str, dict[str, tuple[str, str, str]]]:
    """docs/glossary.md's tables: language -> status code -> (name, legend, definition)."""
    found: dict[str, dict[str, tuple[str, str, str]]] = {}
    language = None
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("## ") and "(`" in line:
            language = line.split("(`")[1].split("`")[0]
        elif language and line.startswith("| `"):
            code, name, legend, definition = (c.strip() for c in line.strip("|").split(" | "))
            found.setdefault(language, {})[code.strip("`")] = (name, legend, definition)
    return found


@pytest.mark.parametrize("language", ("en", *LANGUAGES))
def test_the_glossary_names_each_status_as_the_catalogue_and_the_about_page_do(language):
    from timeline.check.field_docs import STATUS_MEANINGS
    from timeline.views.reader import status_legend

    table = glossary()[language]
    wording = words.use(language)
    legend = {item.status: (item.label, item.meaning) for item in status_legend()}
    assert sorted(table) == sorted(legend)
    about = ROOT / "timeline/cli/site_template/languages" / f"{language}.about.md"
    for code, (name, meaning, definition) in table.items():
        assert legend[code] == (name, meaning)
        assert wording.gettext(code) == words.status_word(code) != ""
        if language == "en":
            assert definition.lower() == STATUS_MEANINGS[code].lower()
        else:  # the About page a new site gets says the same (after a colon, in lower case)
            said = " ".join(about.read_text(encoding="utf-8").split()).lower()
            assert f"**{name}** (`{code}`): {definition}".lower() in said
