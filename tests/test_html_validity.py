"""Valid HTML: the Nu HTML checker (npm `vnu-jar`, run on Java) finds no error on the site's
pages, the theme's included. Two of the theme's errors are fixed by copies of its templates in
plugins/overrides/ (`autocomplete` on its checkbox toggles; a label for a toggle a page outside
the navigation does not have); each copy must differ from the installed theme's file by its fix
alone, so that a new theme version is not silently hidden behind an old copy."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import material
import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "plugins" / "overrides"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"


def _own_part(path: Path) -> str:
    """An override without its leading comment (ours), to compare with the theme's file."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("{#-"), path
    return text[text.index("-#}\n") + 4 :]


def _theme(name: str) -> str:
    text = (THEME / name).read_text(encoding="utf-8")
    assert text.startswith(GENERATED)
    return text.removeprefix(GENERATED)


def test_the_base_override_is_the_theme_s_without_autocomplete_on_its_toggles():
    theme, ours = _theme("base.html"), _own_part(OVERRIDES / "base.html")
    assert theme.count('type="checkbox" id="__drawer" autocomplete="off">') == 1
    assert theme.count('type="checkbox" id="__search" autocomplete="off">') == 1
    assert ours == theme.replace(' autocomplete="off">', ">", 2)
    assert 'type="checkbox" id="__drawer" autocomplete' not in ours


def test_the_toc_override_is_the_theme_s_with_a_label_only_where_its_toggle_is():
    theme, ours = _theme("partials/toc.html"), _own_part(OVERRIDES / "partials/toc.html")
    label = theme[theme.index('    <label class="md-nav__title"') : theme.index("</label>\n") + 9]
    fixed = (
        "    {% if page in nav.pages %}\n" + label + "    {% else %}\n"
        '    <div class="md-nav__title">{{ title }}</div>\n    {% endif %}\n'
    )
    assert ours == theme.replace(label, fixed)


def vnu_errors(files: list[Path]) -> list[str]:
    """The Nu HTML checker's errors in `files`, as 'file:line: message'."""
    assert VNU.is_file(), "make browser-deps installs vnu-jar (npm ci)"
    java = shutil.which("java")
    assert java, "make browser-deps installs a Java runtime (default-jre-headless)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


BAD_PAGE = (
    '<!doctype html><html lang="en"><title>x</title>'
    '<input type="checkbox" id="t" autocomplete="off"><label for="gone">x</label>'
)


@pytest.fixture(scope="module")
def checked(tmp_path_factory, fresh_clone, repository_site) -> tuple[list[str], list[str]]:
    """One run of the checker (Java starts in seconds) over a page with two known errors and
    the repository's own site (conftest's `make site`, shared): home, timeline, an event, an
    actor, a tag, the tags index, about, Use this data (with the embeds' section), the
    contributors' guide (outside the navigation) and the embed pages. The errors of the bad
    page, and those of the site."""
    assert repository_site.returncode == 0, repository_site.stdout + repository_site.stderr
    out = fresh_clone / "site"
    bad = tmp_path_factory.mktemp("vnu") / "bad.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    event = sorted((out / "events/2024").iterdir())[0].relative_to(out)
    tag = sorted(p for p in (out / "tags").iterdir() if p.is_dir())[0].relative_to(out)
    pages = [
        "", "timeline/", f"{event}/", "actors/", "actors/kim-jong-un/", f"{tag}/", "tags/",
        "about/", "data/", "contributing/", "embed/", "embed/actors/kim-jong-un/",
        f"embed/{tag}/",
    ]  # fmt: skip
    files = [out / page / "index.html" for page in pages]
    assert all(f.is_file() for f in files), [f for f in files if not f.is_file()]
    errors = vnu_errors([bad, *files])
    return [e for e in errors if f"{bad}:" in e], [e for e in errors if f"{bad}:" not in e]


@pytest.mark.e2e
def test_the_checker_reports_an_error_it_should(checked):
    errors, _ = checked
    assert len(errors) == 2, errors
    assert any("autocomplete" in e for e in errors) and any("for" in e for e in errors)


@pytest.mark.e2e
def test_the_site_s_pages_are_valid_html(checked):
    _, errors = checked
    assert errors == []
