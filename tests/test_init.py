"""`timeline init`: a new site that builds with `mkdocs build --strict`, passes `timeline check`
and actionlint, and works from the installed package (templates are package data)."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import mkdocs_build
from htmlparse import parse
from mkdocs.utils.yaml import yaml_load
from test_workflows import actionlint

from timeline.check.entry_schema import schema_files
from timeline.cli import main

pytestmark = pytest.mark.e2e

TITLE = 'Sudan\'s war: "a timeline" & more'
REPOSITORY = "https://github.com/example/news-timeline"


def build(root: Path, **env_vars: str) -> subprocess.CompletedProcess:
    """The real `mkdocs build --strict` of a site; output (stderr merged) in `.stdout`."""
    return mkdocs_build(root, strict=True, **env_vars)


@pytest.fixture
def made(tmp_path, capsys, monkeypatch) -> Path:
    monkeypatch.delenv("SITE_URL", raising=False)
    root = tmp_path / "new-site"
    assert main(["init", str(root), "--title", TITLE, "--source", f"{REPOSITORY}@v0.1.0"]) == 0
    capsys.readouterr()
    return root


def test_init_makes_a_site_that_builds_strictly(made):
    result = build(made)
    assert result.returncode == 0, result.stdout
    assert "WARNING" not in result.stdout
    home = parse((made / "site/index.html").read_text(encoding="utf-8"))
    assert home.find("h1").text() == TITLE  # escaped once, shown as written
    assert TITLE in home.find("title").text()
    timeline = parse((made / "site/timeline/index.html").read_text(encoding="utf-8"))
    assert [li.find("a").text() for li in timeline.find_all("li", cls="tl-event")] == [
        "This timeline was started"
    ]
    today = date.today()
    event = made / f"site/events/{today.year}/{today.isoformat()}-timeline-started/index.html"
    assert event.exists()
    for path, text in schema_files().items():  # the repository's copies and the site's
        assert (made / path).read_text(encoding="utf-8") == text
        assert (made / "site" / path).read_text(encoding="utf-8") == text
    registry = (made / "content/actors.yml").read_text(encoding="utf-8")
    assert registry.startswith("# yaml-language-server: $schema=../schema/actors.json\n")
    assert (made / "site/actors/newsroom/index.html").exists()


def test_the_published_address_comes_from_site_url_at_build_time(made):
    """What the Pages workflow does: SITE_URL (from actions/configure-pages) sets site_url."""
    result = build(made, SITE_URL="https://newsroom.example.org/timeline/")
    assert result.returncode == 0, result.stdout
    sitemap = (made / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://newsroom.example.org/timeline/timeline/</loc>" in sitemap


def test_init_writes_the_layout_a_newsroom_needs(made):
    names = sorted(str(p.relative_to(made)) for p in made.rglob("*") if p.is_file())
    today = date.today()
    assert names == sorted(
        [
            ".github/workflows/ci.yml",
            ".github/workflows/pages.yml",
            ".gitignore",
            "README.md",
            "content/about.md",
            "content/actors.yml",
            f"content/events/{today.year}/{today.isoformat()}-timeline-started.md",
            "content/index.md",
            "mkdocs.yml",
            "requirements.txt",
            "schema/actors.json",
            "schema/entry.json",
            "schema/places.json",
            "schema/eras.json",
            "schema/measures.json",
        ]
    )
    config = yaml_load((made / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == TITLE
    assert config["site_url"] == "http://127.0.0.1:8000/"  # SITE_URL unset: the preview's
    assert {"timeline": {"publish": False}} in config["plugins"]  # TIMELINE_PUBLISH unset
    assert config["docs_dir"] == "content"
    readme = (made / "README.md").read_text(encoding="utf-8")
    assert "mkdocs serve" in readme and "timeline check && mkdocs build --strict" in readme
    # installs the generator from where it can be had, and says which
    requirement = (made / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert requirement == f"news-timeline @ git+{REPOSITORY}@v0.1.0"
    assert f"from its Git repository, `{REPOSITORY}`, at `v0.1.0`" in " ".join(readme.split())
    assert f"  - repo: {REPOSITORY}\n    rev: v0.1.0\n" in readme  # the pre-commit hook
    about = (made / "content/about.md").read_text(encoding="utf-8")
    for status in ("confirmed", "reported", "claimed", "disputed", "denied"):
        assert f"**{status}**" in about


def test_new_site_passes_check_and_actionlint(made, monkeypatch, capsys):
    monkeypatch.chdir(made)
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "timeline: 1 event published, 0 drafts, 0 invalid\n"
    result = actionlint(*sorted((made / ".github/workflows").glob("*.yml")))
    assert result.returncode == 0, result.stdout


def test_new_site_takes_new_entries(made, monkeypatch, capsys):
    monkeypatch.chdir(made)
    assert main(["new", "First event", "--date", "2024-05", "--actor", "newsroom"]) == 0
    capsys.readouterr()
    assert main(["check"]) == 1  # the new entry's summary and source are still to fill in
    assert "content/events/2024/2024-05-first-event.md:8:9: summary:" in capsys.readouterr().out


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path), "--title", "T"]) == 1
    assert "already exists and is not empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_init_sets_site_url_when_given(tmp_path):
    assert (
        main(
            [
                "init",
                str(tmp_path / "s"),
                "--title",
                "T",
                "--url",
                "https://n.org/t/",
                "--source",
                "0.1.0",
            ]
        )
        == 0
    )
    config = yaml_load((tmp_path / "s/mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == "https://n.org/t/"
    assert (
        main(["init", str(tmp_path / "u"), "--title", "T", "--url", "n.org", "--source", "0.1.0"])
        == 1
    )


def test_init_from_a_checkout_asks_where_the_site_installs_the_generator_from(tmp_path, capsys):
    """A checkout (this one runs editable) is no place another machine can install from: the
    requirement would not resolve, so `init` asks for --source and writes nothing."""
    assert main(["init", str(tmp_path / "s"), "--title", "T"]) == 1
    err = capsys.readouterr().err
    assert "--source git+https://github.com/OWNER/REPOSITORY@TAG" in err
    assert "python -m build" in err
    assert not (tmp_path / "s").exists()


def test_a_wheel_given_as_source_is_copied_into_the_site(tmp_path, capsys):
    wheel = tmp_path / "news_timeline-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"PK not really a wheel")
    assert main(["init", str(tmp_path / "s"), "--title", "T", "--source", str(wheel)]) == 0
    assert (tmp_path / "s/wheels" / wheel.name).read_bytes() == wheel.read_bytes()
    requirements = (tmp_path / "s/requirements.txt").read_text(encoding="utf-8")
    assert requirements.splitlines()[-1] == f"./wheels/{wheel.name}"
    assert f"wheels/{wheel.name}" in capsys.readouterr().out
