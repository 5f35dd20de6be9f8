"""Write-ups and maintainers' pages through the real `mkdocs build` with the repository's own
Markdown configuration: no page publishes a file of the build machine through pymdownx.snippets,
and markers are warned of by file, line and column and never expanded on an event page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ACTORS, MKDOCS_YML, ROOT, Site
from hostile import timeline_check

from timeline.views.render import SitePages

SECRET = "SECRET-TLX-SNIPPET"
TOKEN = "SECRET-TLX-GIT-TOKEN"


def repository_extensions() -> str:
    """The `markdown_extensions` block of the repository's mkdocs.yml, as written."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^markdown_extensions:\n(?:[ #].*\n|\n)*", config, re.MULTILINE)
    assert block is not None and "pymdownx.snippets" in block[0]
    return block[0]


def snippet_site(root: Path) -> Site:
    """A site configured as the repository is, in a git repository whose .git/config holds a
    token (as actions/checkout leaves one), with a secret file beside mkdocs.yml."""
    site = Site(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML + repository_extensions(), encoding="utf-8")
    site.write("index.md", "# Test timeline\n")
    site.write("actors.yml", ACTORS)
    (root / "CONTRIBUTING.md").write_text("# Contributing\n\nGUIDE-TLX-TEXT\n", encoding="utf-8")
    site.write("contributing.md", '--8<-- "CONTRIBUTING.md"\n')
    (root / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    header = f"AUTHORIZATION: basic {TOKEN}"
    subprocess.run(["git", "config", "http.extraheader", header], cwd=root, check=True)
    site.event("2024/2024-10-30-good.md", title="A good entry", date="2024-10-30")
    return site


def site_texts(site: Site) -> str:
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace")
        for path in (site.root / "site").rglob("*")
        if path.is_file()
    )


@pytest.mark.e2e
def test_a_write_up_cannot_publish_a_file_of_the_build_machine(tmp_path):
    site = snippet_site(tmp_path)
    leak = 'Intro.\n\n--8<-- "secret.txt"\n\n-8<-\n.git/config\n-8<-\n\n--8<-- "missing.md"\n'
    site.event("2024/2024-10-31-leak.md", title="Leak", body=leak)
    shown = "content/events/2024/2024-10-31-leak.md"
    expected = [
        f"{shown}:13:1: body: '--8<--' includes another file; the write-up must be written out "
        "here",
        f"{shown}:15:1: body: '-8<-' includes another file",
        f"{shown}:17:1: body: '-8<-' includes another file",
        f"{shown}:19:1: body: '--8<--' includes another file",
    ]
    check = timeline_check(site)
    assert check.returncode == 1
    strict = site.build(strict=True)
    assert strict.returncode == 1
    build = site.build()
    assert build.returncode == 0  # a missing snippet crashed it; the rest is published
    for output in (check.stdout, strict.stdout, build.stdout):
        assert "Traceback" not in output
        for fragment in expected:
            assert fragment in output, (fragment, output)
        assert SECRET not in output and TOKEN not in output
    published = site_texts(site)
    assert SECRET not in published and TOKEN not in published
    assert "GUIDE-TLX-TEXT" in site.html("contributing/")  # what snippets are for still works
    assert "A good entry" in published
    assert not (site.root / "site/events/2024/2024-10-31-leak").exists()


@pytest.mark.e2e  # real builds
@pytest.mark.parametrize(
    "include",
    ['--8<-- ".git/config"', '--8<-- "secret.txt"', '--8<-- "content/../.git/config"'],
)
def test_a_maintainers_page_can_include_only_contributing(tmp_path, include):
    site = snippet_site(tmp_path)
    site.write("about.md", f"# About\n\n{include}\n")
    for strict in (False, True):
        build = site.build(strict=strict)
        assert build.returncode == 1  # check_paths: what may not be read is not found
        assert "could not be found" in build.stdout
        assert SECRET not in build.stdout and TOKEN not in build.stdout
    if (site.root / "site").exists():
        published = site_texts(site)
        assert SECRET not in published and TOKEN not in published


@pytest.mark.e2e
def test_markers_of_a_maintainers_page_are_warned_of_by_line_and_column(site):
    site.write(
        "index.md",
        "---\ntitle: Home\n---\n# Home\n\n<!-- timeline:latest 2 -->\n\n"
        "<!-- timeline:keyevents --> and <!-- timeline:latest " + "9" * 5000 + " -->\n\n"
        "`<!-- timeline:example -->`\n",
    )
    site.event("2024/2024-10-31-a.md", title="Kursk")
    build = site.build()
    assert build.returncode == 0 and "Traceback" not in build.stdout
    assert (
        "WARNING -  timeline: content/index.md:8:1: marker: unknown marker 'timeline:keyevents'; "
        "use embeds, key-events, latest, overview, standfirst"
    ) in build.stdout
    assert (
        "content/index.md:8:33: marker: 'timeline:latest' takes a number from 1 to 100, "
        "not one of 5,000 digits"
    ) in build.stdout
    assert "timeline:example" not in build.stdout
    html = site.html("")
    assert "Kursk" in html  # the good marker is rendered
    assert "<!-- timeline:keyevents -->" in html  # a bad one is left as it is
    assert site.build(strict=True).returncode == 1


def test_an_event_page_never_expands_a_marker():
    # the core refuses a marker in a write-up; the page would not expand one either
    site = SitePages.__new__(SitePages)
    site.map = SimpleNamespace(
        events={"events/2024/2024-10-31-a.md": None},
        section=lambda *args: pytest.fail("a marker of a write-up was expanded"),
    )
    site.deferred = []  # the page's parts are not wanted here
    page = SimpleNamespace(file=SimpleNamespace(src_uri="events/2024/2024-10-31-a.md"))
    html = "<p>x</p><!-- timeline:latest 5 -->" * 3
    assert site.content(page, html) == "<p>x</p>" * 3  # the sanitiser drops comments
