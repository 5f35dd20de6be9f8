"""Write one generated corpus as three MkDocs sites that differ only in what builds the events.

- `ours`: the timeline plugin (event, timeline and actor pages), as in this repository.
- `blog`: the same entries as mkdocs-material blog posts (the blog plugin's defaults; no
  excerpt marker is added, so listings show whole posts, as the blog does by default).
- `floor`: the same entries as plain pages kept out of the nav, nothing added: what MkDocs and
  the theme cost by themselves.
All three share the theme settings of the repository's mkdocs.yml, search, tags and a tags page.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from timeline.check.dateparse import parse_date

from .generate import Corpus

KINDS = ("ours", "blog", "floor")

THEME = """\
site_url: https://example.org/bench/
theme:
  name: material
  font: false
  features:
    - navigation.instant
    - navigation.top
    - search.highlight
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
"""

CONFIGS = {
    "ours": """\
site_name: Benchmark (timeline plugin)
plugins:
  - search
  - tags
  - timeline
nav:
  - Home: index.md
  - Timeline: timeline/index.md
  - Actors: actors/index.md
  - About: about.md
  - Tags: tags.md
""",
    "blog": """\
site_name: Benchmark (blog plugin)
plugins:
  - search
  - tags
  - blog
nav:
  - Home: index.md
  - Blog: blog/index.md
  - About: about.md
  - Tags: tags.md
""",
    "floor": """\
site_name: Benchmark (plain pages, the floor)
plugins:
  - search
  - tags
not_in_nav: |
  /events/
nav:
  - Home: index.md
  - About: about.md
  - Tags: tags.md
""",
}

COMMON_PAGES = {
    "index.md": "# Benchmark\n\nSynthetic entries made by `bench/generate.py`.\n",
    "about.md": "# About\n\nNothing on this site is real; it exists to be timed.\n",
    "tags.md": "# Tags\n\n<!-- material/tags -->\n",
}

_DATE_LINE = re.compile(r"^date: (.+)$", re.MULTILINE)


def as_blog_post(rel_path: str, text: str) -> str:
    """The blog needs a full date; everything else is unchanged.

    Partial dates become the day they start; `slug` keeps post URLs unique like our file names.
    """
    front, body = text[4:].split("\n---\n", 1)
    written = _DATE_LINE.search(front)[1].strip().strip('"')
    day = parse_date(written).start().date().isoformat()
    slug = rel_path.rsplit("/", 1)[-1].removesuffix(".md")
    front = _DATE_LINE.sub(f"date: {day}\nslug: {slug}", front, count=1)
    return f"---\n{front}\n---\n{body}"


def write_site(kind: str, corpus: Corpus, root: Path) -> Path:
    """Write the site of this kind under root/kind; return its folder."""
    site = root / kind
    docs = site / "docs"
    _write(site / "mkdocs.yml", CONFIGS[kind] + "docs_dir: docs\n" + THEME)
    for name, text in COMMON_PAGES.items():
        _write(docs / name, text)
    for rel_path, data in corpus.images:  # every kind publishes them (the others as files)
        os.makedirs((docs / rel_path).parent, exist_ok=True)
        (docs / rel_path).write_bytes(data)
    if kind == "ours":
        _write(docs / "actors.yml", corpus.registry)
        _write(docs / "places.yml", corpus.places)
        _write(docs / "measures.yml", corpus.measures)
        _write(docs / "eras.yml", corpus.eras)
        for rel_path, text in corpus.entries:
            _write(docs / rel_path, text)
    elif kind == "floor":
        for rel_path, text in corpus.entries:
            _write(docs / rel_path, text)
    else:
        _write(docs / "blog" / "index.md", "# Blog\n")
        for rel_path, text in corpus.entries:
            post = rel_path.replace("events/", "blog/posts/", 1)
            _write(docs / post, as_blog_post(rel_path, text))
    return site


def write_content(corpus: Corpus, content: Path) -> None:
    """Just the content folder (registry + events), for `timeline check`."""
    _write(content / "actors.yml", corpus.registry)
    _write(content / "places.yml", corpus.places)
    for rel_path, data in corpus.images:
        os.makedirs((content / rel_path).parent, exist_ok=True)
        (content / rel_path).write_bytes(data)
    _write(content / "measures.yml", corpus.measures)
    _write(content / "eras.yml", corpus.eras)
    for rel_path, text in corpus.entries:
        _write(content / rel_path, text)


def _write(path: Path, text: str) -> None:
    os.makedirs(path.parent, exist_ok=True)
    path.write_text(text, encoding="utf-8")
