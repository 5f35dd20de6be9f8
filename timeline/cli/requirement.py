"""Where a site made by `timeline init` installs the generator from: the line of its
requirements.txt, and what its README says of it. The line must resolve on a fresh machine: a
Git repository's address, a wheel copied into the site, or a release on a package index."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib.metadata import distributions
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from .. import __version__

NAME = "news-timeline"
WHEELS = "wheels"  # the folder of a new site that holds a wheel copied into it
ARCHIVES = (".whl", ".tar.gz", ".zip")
NO_SOURCE = (
    "say where the new site installs the timeline generator from: --source "
    "git+https://github.com/OWNER/REPOSITORY@TAG (the project's Git repository), or --source "
    "dist/news_timeline-{version}-py3-none-any.whl (a wheel built with `python -m build`, "
    "copied into the site); this copy of it {why}"
)


class SourceError(ValueError):
    """The generator's source cannot be used, or cannot be told; the message says why."""


@dataclass(frozen=True, slots=True)
class Install:
    """How a new site installs the generator."""

    requirement: str
    """The line of requirements.txt."""
    origin: str
    """For the README, after 'requirements.txt installs the timeline generator ': where from."""
    wheel: Path | None = None
    """A wheel file to copy into the site's `wheels/` folder."""
    repository: str | None = None
    revision: str | None = None
    """The Git repository and tag or commit, when known (for the README's pre-commit hook)."""


def from_git(url: str) -> Install:
    """`git+https://host/owner/repo@TAG` (`git+` may be left out)."""
    url = url if url.startswith("git+") else f"git+{url}"
    if "@" in urlsplit(url.removeprefix("git+")).netloc:
        raise SourceError(f"--source: {url!r} carries a user name or token; give a public address")
    address, _, revision = url.removeprefix("git+").rpartition("@")  # pip's split
    address, revision = (address, revision) if address else (revision, "")
    origin = f"from its Git repository, `{address}`" + (f", at `{revision}`" if revision else "")
    return Install(f"{NAME} @ {url}", origin, repository=address, revision=revision or None)


def from_wheel(path: Path) -> Install:
    if not path.is_file():
        raise SourceError(f"--source: {path} is not a file; build the wheel with `python -m build`")
    copied = f"{WHEELS}/{path.name}"
    origin = f"from the wheel `{copied}`, copied there by `timeline init`"
    return Install(f"./{copied}", origin, wheel=path)


def from_source(source: str) -> Install:
    """`--source` of `timeline init`: a Git repository's address, a link to a wheel or an
    sdist, a wheel file, or a released version (`0.2.0`)."""
    source = source.strip()
    if re.fullmatch(r"=*\d+(\.\d+)*", source):
        version = source.lstrip("=")
        return Install(f"{NAME}=={version}", f"version {version}, from the Python Package Index")
    if "://" in source:
        if urlsplit(source.removeprefix("git+")).scheme not in ("https", "http", "ssh", "file"):
            raise SourceError(f"--source: {source!r} is not an address pip can install from")
        if source.endswith(ARCHIVES) and not source.startswith("git+"):
            return Install(f"{NAME} @ {source}", f"from `{source}`")
        return from_git(source)
    if source.endswith(".whl"):
        return from_wheel(Path(source))
    raise SourceError(
        f"--source: {source!r} is neither a Git address (git+https://…@TAG), a link, a wheel "
        "file (.whl) nor a version"
    )


def from_installation() -> Install:
    """Where the running copy of the generator came from, read from its installation record
    (PEP 610's direct_url.json): a package index, a Git repository or a wheel file."""
    here = Path(__file__).resolve().parents[2]  # site-packages, or a checkout of the project
    found = [d for d in distributions(name=NAME, path=[str(here)]) if d.read_text("INSTALLER")]
    if not found:  # a checkout (an editable install runs from it too)
        raise SourceError(NO_SOURCE.format(version=__version__, why=f"runs from {here}"))
    direct = json.loads(found[0].read_text("direct_url.json") or "{}")
    url = direct.get("url", "")
    if not direct:
        return from_source(__version__)
    if vcs := direct.get("vcs_info"):
        revision = vcs.get("requested_revision") or vcs.get("commit_id")
        return from_git(f"{vcs['vcs']}+{url}" + (f"@{revision}" if revision else ""))
    if "archive_info" in direct and url.startswith("file:") and url.endswith(".whl"):
        wheel = Path(url2pathname(unquote(urlsplit(url).path)))
        if wheel.is_file():
            return from_wheel(wheel)
    if "archive_info" in direct and url.startswith(("https:", "http:")):
        return from_source(url)
    why = f"was installed from {url or here}, which another machine cannot install from"
    raise SourceError(NO_SOURCE.format(version=__version__, why=why))
