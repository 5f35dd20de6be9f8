"""Shared fixtures: small real sites built with the real `mkdocs build` in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from buildserver import BuildServer
from hypothesis import settings

# CI judges a run by its exit code: there, property tests draw the same examples every run (a new
# failure shows up on a developer's machine, where examples are random and remembered)
# No deadline anywhere: a property test checks results, not speed (speed is `make bench`'s), and
# under load a slow example would fail it at random.
# `make test-fast` loads the `fast` profile (--hypothesis-profile=fast): a fifth of each property
# test's examples, for the edit loop; `make test` and CI draw them all (docs/testing.md).
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", derandomize=True, deadline=None)
BASE = "ci" if os.environ.get("CI") else "dev"
FAST_SHARE = 5
settings.register_profile(
    "fast", settings.get_profile(BASE), max_examples=settings.default.max_examples // FAST_SHARE
)
settings.load_profile(BASE)


def examples(count: int) -> int:
    """A property test's number of examples, `@settings(max_examples=examples(500))`: all of
    them, or a fifth under the `fast` profile of `make test-fast`."""
    if settings.get_current_profile_name() == "fast":
        return max(count // FAST_SHARE, 10)
    return count


ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
EPOCH = "1730332800"  # SOURCE_DATE_EPOCH of every test build (31 October 2024)

ACTORS = """\
- id: lloyd-austin
  name: Lloyd J. Austin III
  kind: person
  aliases: [Lloyd Austin, Austin]
  description: US Secretary of Defense
  affiliation: united-states
- id: antony-blinken
  name: Antony J. Blinken
  kind: person
  aliases: [Antony Blinken, Blinken]
  description: US Secretary of State
  affiliation: united-states
- id: united-states
  name: United States
  kind: country
  aliases: [US, USA]
- id: north-korea
  name: North Korea
  kind: country
  aliases: [DPRK]
- id: russia
  name: Russia
  kind: country
- id: nis
  name: National Intelligence Service
  kind: organization
  aliases: [NIS]
  description: South Korea's intelligence agency
"""

MKDOCS_YML = """\
site_name: Test timeline
site_url: https://example.org/test/
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - search
  - tags
  - timeline
nav:
  - Home: index.md
  - Timeline: timeline/index.md
  - Actors: actors/index.md
"""


def entry(
    title: str = "An event",
    date: str = "2024-10-31",
    actors: str = "[north-korea]",
    summary: str = "Something happened.",
    extra: str = "",
    sources: str | None = None,
    body: str = "Body text.",
) -> str:
    """The text of an event file; `extra` adds raw front-matter lines."""
    if sources is None:
        sources = "\n  - publisher: AP\n    url: https://apnews.com/article/x\n"
    text = f"---\ntitle: {title}\ndate: {date}\nactors: {actors}\nsummary: {summary}\n"
    if extra:
        text += textwrap.dedent(extra).strip("\n") + "\n"
    if sources:
        text += f"sources:{sources}"
    return text.rstrip("\n") + "\n---\n\n" + body + "\n"


BUILDS = BuildServer({**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def mkdocs_build(
    root: Path,
    *args: str,
    strict: bool = False,
    timeout: int = 300,
    fresh: bool = False,
    **env_vars: str,
) -> subprocess.CompletedProcess:
    """The real `mkdocs build` of the site at `root` into `root/site`, with a fixed
    SOURCE_DATE_EPOCH; output (stderr merged) in `.stdout`. Run by the build server (a process
    forked from one that has imported MkDocs: tests/buildserver.py), or with `fresh=True`, or
    when `env_vars` sets a hash seed, time zone or locale, by a new `python -m mkdocs`."""
    command = [*MKDOCS, "build", "--site-dir", "site", *args, *(["--strict"] if strict else [])]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, **env_vars}
    if not fresh and BuildServer.can_serve(env_vars):
        return BUILDS.build(root, command[3:], env, timeout)
    return subprocess.run(
        command,
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
    )


@dataclass
class Site:
    """A small timeline site on disk."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    def write(self, rel_path: str, text: str | bytes) -> Path:
        path = self.content / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def event(self, rel_path: str, **fields) -> Path:
        return self.write(f"events/{rel_path}", entry(**fields))

    def build(
        self, *args: str, strict: bool = False, fresh: bool = False
    ) -> subprocess.CompletedProcess:
        """Run the real `mkdocs build`; output in `.stdout` (stderr merged). `fresh`: in a new
        process rather than one forked by the build server (conftest.mkdocs_build)."""
        return mkdocs_build(self.root, *args, strict=strict, fresh=fresh)

    def html(self, url_path: str) -> str:
        path = self.root / "site" / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def language_root(tmp_path_factory) -> Path:
    """Where the sample site is built once per language for the session (sample_site.built_in)."""
    return tmp_path_factory.mktemp("languages")


def empty_site(root: Path) -> Site:
    """An empty site with the test registry, a home page and the plugin configured."""
    made = Site(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    made.write("index.md", "# Test timeline\n")
    made.write("actors.yml", ACTORS)
    return made


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """An empty site with the test registry, a home page and the plugin configured."""
    return empty_site(tmp_path)


# --- built once per session, shared by the tests that only read them (docs/testing.md) --------


@pytest.fixture(scope="session")
def shared_site(tmp_path_factory):
    """`shared_site(name, write, strict=True)`: the site that `write(root) -> Site` writes,
    built once per session with the real `mkdocs build` and shared by every test that asks for
    the same `name`; returns (Site, CompletedProcess). For tests that only READ the output: a
    test that changes a file or builds again takes the `site` fixture (its own folder)."""
    sites: dict[str, tuple[Site, subprocess.CompletedProcess]] = {}

    def get(name: str, write, strict: bool = True) -> tuple[Site, subprocess.CompletedProcess]:
        if name not in sites:
            made = write(tmp_path_factory.mktemp(name))
            sites[name] = made, made.build(strict=strict)
        return sites[name]

    return get


def write_one_event_site(root: Path) -> Site:
    """The `site` fixture's site with one event, `events/2024/2024-10-31-a.md` ("Only event",
    North Korea, its body "Unique body words.")."""
    made = empty_site(root)
    made.event("2024/2024-10-31-a.md", title="Only event", body="Unique body words.")
    return made


@pytest.fixture
def one_event_site(shared_site) -> Site:
    """`write_one_event_site`, built strictly once per session: for tests that only read it."""
    made, result = shared_site("one-event", write_one_event_site)
    assert result.returncode == 0, result.stdout
    return made


@pytest.fixture(scope="session")
def fresh_clone(tmp_path_factory) -> Path:
    """The files a fresh clone has (tracked, and new files not ignored), without its history."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode()  # fmt: skip
    target = tmp_path_factory.mktemp("fresh") / "news-timeline"
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def fresh_env(**extra: str) -> dict[str, str]:
    """This environment without the publishing build's variables."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "TIMELINE_PUBLISH")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


@pytest.fixture(scope="session")
def repository_site(fresh_clone) -> subprocess.CompletedProcess:
    """The repository's own site (content/), built once per session as a maintainer builds it:
    `make site` (`mkdocs build --strict`) in a fresh clone, into `fresh_clone / "site"`; its
    output (stdout and stderr) in the result. Read by the content, valid-HTML and publishing
    tests; never written to."""
    return subprocess.run(
        ["make", "site", f"VENV={ROOT / '.venv'}"],
        cwd=fresh_clone, env=fresh_env(), capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def pytest_sessionfinish(session) -> None:
    BUILDS.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test is `unit` unless marked `e2e` (a real build, server or program) or `browser`
    (docs/testing.md). Browser tests run last: Playwright's driver and the test server leave
    threads running for the rest of the session, and the tests of forked processes (parallel
    reading, rendering ahead) need a process of one thread, as the code forks only then."""
    for item in items:
        if not any(item.get_closest_marker(kind) for kind in ("e2e", "browser")):
            item.add_marker(pytest.mark.unit)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


# The browser tests' fixtures (tests/browsing.py: a served site, Chromium, visits), per module.
from browsing import base_url, browser, built, page, real_site, server, visit  # noqa: E402, F401
