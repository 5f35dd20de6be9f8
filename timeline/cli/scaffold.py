"""`timeline init`: a new, working timeline site for another topic, from the package's templates.

The templates ship inside the package (`timeline/cli/site_template/`, package data), so a newsroom
can start a site with the project installed from a wheel. The example event is written from the same
field table as `timeline new`, and the JSON Schemas from the same generator as the plugin's. The
site's requirements.txt installs the generator from where it can be had (`requirement.py`).
"""

from __future__ import annotations

import html
import json
import os
import shutil
from datetime import date
from importlib.resources import files
from pathlib import Path
from string import Template

from .. import __version__
from ..check.entry_schema import REGISTRY_SCHEMA_PATH, schema_files
from ..check.field_docs import status_list
from ..check.template import render_entry, schema_comment, schema_link
from ..dates import PartialDate
from ..model import ACTOR_KINDS
from ..read.naming import entry_path
from .requirement import WHEELS, Install, SourceError, from_installation, from_source

# (template inside site_template/, path in the new site, whether it has $placeholders)
FILES = (
    ("mkdocs.yml", "mkdocs.yml", True),
    ("README.md", "README.md", True),
    ("requirements.txt", "requirements.txt", True),
    ("gitignore", ".gitignore", False),  # no dot: package data globs skip hidden files
    ("content/index.md", "content/index.md", True),
    ("content/about.md", "content/about.md", True),
    ("content/actors.yml", "content/actors.yml", True),
    ("workflows/ci.yml", ".github/workflows/ci.yml", False),
    ("workflows/pages.yml", ".github/workflows/pages.yml", False),
)
EXAMPLE_SLUG = "timeline-started"
LOCAL_URL = "http://127.0.0.1:8000/"  # where `mkdocs serve` previews the site
EXAMPLE_BODY = (
    "This first entry was written by `timeline init` to show what an event looks like on the\n"
    "site. Replace it with the first real event: `timeline new` writes a new entry, and\n"
    "`timeline check` names every field still to fill in.\n"
)
ENGLISH = {
    "nav": {"home": "Home", "timeline": "Timeline", "actors": "Actors", "about": "About"},
    "newsroom": {
        "name": "Our newsroom",
        "description": "The newsroom that keeps this timeline (an example actor; replace it)",
    },
    "example": {
        "title": "This timeline was started",
        "summary": "The timeline's first entry, an example to replace with the first real event.",
        "publisher": "Example publisher",
        "body": EXAMPLE_BODY,
    },
}
"""What a new site says in its own pages, in English; `site_template/languages/<lang>.json`
(with `<lang>.index.md` and `<lang>.about.md`) says it in another language."""


class InitError(ValueError):
    """The site cannot be created where asked; the message says why."""


def _placeholders(title: str, url: str | None, install: Install, said: dict) -> dict[str, str]:
    return {
        **{f"nav_{key}": _yaml_text(name) for key, name in said["nav"].items()},
        "newsroom_name": _yaml_text(said["newsroom"]["name"]),
        "newsroom_description": _yaml_text(said["newsroom"]["description"]),
        "title": html.escape(title, quote=False),  # Markdown passes HTML through
        "site_name": json.dumps(title, ensure_ascii=False),  # a YAML double-quoted string
        # feeds and exports need the published address: the Pages workflow passes the one
        # GitHub gives the site as SITE_URL; a local build uses the preview's address
        "site_url_line": (
            f"site_url: {json.dumps(url)}"
            if url
            else f'site_url: !ENV [SITE_URL, "{LOCAL_URL}"]   # set by .github/workflows/pages.yml'
        ),
        "version": __version__,
        "requirement": install.requirement,
        "origin": install.origin,
        "hook_repo": install.repository or "https://github.com/OWNER/REPOSITORY",
        "hook_rev": install.revision or f"v{__version__}",
        "kinds": ", ".join(ACTOR_KINDS),
        # editors check the registry against schema/actors.json, written beside content/
        "registry_schema_line": schema_comment(schema_link("actors.yml", REGISTRY_SCHEMA_PATH)),
        "statuses": status_list().rstrip("\n"),
    }


def example_event(today: date, said: dict | None = None) -> tuple[str, str]:
    """The content path and text of the example event, dated the day the site was made."""
    example = (said or ENGLISH)["example"]
    day = PartialDate(today.year, today.month, today.day)
    rel_path = entry_path("events", day, EXAMPLE_SLUG)
    values = {
        "title": example["title"],
        "date": day,
        "actors": ["newsroom"],
        "status": "confirmed",
        "summary": example["summary"],
        "sources": [{"publisher": example["publisher"], "url": "https://example.org/"}],
    }
    return rel_path, render_entry(values, example["body"], schema_link(rel_path))


def _yaml_text(text: str) -> str:
    """A YAML scalar: as written when plain text, else double-quoted."""
    plain = text.replace(" ", "").replace("(", "").replace(")", "").replace(";", "")
    return text if plain.isalnum() and ": " not in text else json.dumps(text, ensure_ascii=False)


def _language(templates, language: str | None) -> tuple[str, dict, dict[str, str]]:
    """The site's language, what its pages say, and its own page templates (by the English
    template's name); English, or a language without templates, takes the English ones."""
    tag = " ".join((language or "").split()).replace("_", "-")
    if tag and not tag.replace("-", "").isalnum():
        raise InitError(f"--language must be a language tag such as ko, uk or pt-BR, not {tag!r}")
    folder = templates / "languages"
    for name in (tag, tag.split("-")[0]) if tag else ():
        if (folder / f"{name}.json").is_file():
            said = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
            pages = {
                f"content/{page}.md": (folder / f"{name}.{page}.md").read_text(encoding="utf-8")
                for page in ("index", "about")
            }
            return tag, said, pages
    return tag, ENGLISH, {}


def init_site(
    directory: str | os.PathLike[str],
    title: str,
    url: str | None = None,
    today: date | None = None,
    source: str | None = None,
    language: str | None = None,
) -> list[str]:
    """Write a new site into `directory` (which must be empty or not exist); return the paths
    written, relative to it. `source` is where the site installs the generator from (`timeline
    init --source`); without it, where this copy of the generator was installed from.
    `language` (`theme.language`): the timeline's words, and the example entry, home and About
    pages, in that language where the package has them (else in English)."""
    title = " ".join(title.split())
    if not title:
        raise InitError("the title is empty; give the site's name with --title")
    if url is not None and not url.startswith(("https://", "http://")):
        raise InitError(f"--url must be the site's address starting with https://, not {url!r}")
    root = Path(directory)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise InitError(f"{directory} already exists and is not empty; choose a new folder")
    try:
        install = from_source(source) if source else from_installation()
    except SourceError as error:
        raise InitError(str(error)) from None
    templates = files(__package__) / "site_template"
    tag, said, pages = _language(templates, language)
    values = _placeholders(title, url, install, said)
    values["language_line"] = f"\n  language: {tag}" if tag else ""
    outputs: list[tuple[str, str]] = []
    for source, target, substituted in FILES:
        text = pages.get(source) or (templates / source).read_text(encoding="utf-8")
        outputs.append((target, Template(text).substitute(values) if substituted else text))
    rel_path, event_text = example_event(today or date.today(), said)
    outputs.append((f"content/{rel_path}", event_text))
    outputs.extend(schema_files().items())
    for target, text in outputs:
        path = root / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    written = [target for target, _ in outputs]
    if install.wheel is not None:
        (root / WHEELS).mkdir()
        shutil.copyfile(install.wheel, root / WHEELS / install.wheel.name)
        written.append(f"{WHEELS}/{install.wheel.name}")
    return written
