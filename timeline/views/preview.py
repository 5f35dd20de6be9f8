"""What the contributor's preview (`mkdocs serve`) shows of the content's problems: a banner on
every page listing each one as `path:line:column: field: message`, with a link to its file in the
repository (from mkdocs.yml's `repo_url` and `edit_uri`) and to the event's page when it has one.
A published build never shows it."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..model import Problem, page_url
from ..text import visible
from ..words import count


@dataclass(frozen=True, slots=True)
class ShownProblem:
    """One problem as the banner lists it: text made safe for one line, and where it leads."""

    where: str  # path:line:column
    what: str  # field: message
    severity: str
    source: str | None  # the file's path in the content folder (None: outside it)
    file_url: str | None  # the file in the repository (None: no repository configured)
    page: str | None  # the event's page, when it is published


def file_url(repo_url: str | None, edit_uri: str | None, content_path: str) -> str | None:
    """The address of a content file in the repository, as MkDocs makes a page's `edit_url`:
    `edit_uri` (relative to the content folder) joined to `repo_url`; None without them."""
    if not edit_uri:
        return None
    url = edit_uri.rstrip("/") + "/" + content_path
    if repo_url:
        return urljoin(repo_url if repo_url.endswith("/") else repo_url + "/", url)
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def content_path(shown: str, content_shown: str) -> str | None:
    """A problem's path inside the content folder (`content_shown` is how that folder is shown
    in problems' paths: 'content', or '.')."""
    if content_shown in ("", "."):
        return None if shown.startswith("../") else shown
    prefix = content_shown.rstrip("/") + "/"
    return shown[len(prefix) :] if shown.startswith(prefix) else None


def banner(
    problems: list[Problem],
    content_shown: str,
    events: Container[str],
    repo_url: str | None = None,
    edit_uri: str | None = None,
) -> dict | None:
    """The banner's context: the failing problems (errors and warnings) and the notices, in
    file and line order; None when nothing fails. `events`: the content paths of published
    events (their pages exist)."""
    shown = []
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.column)):
        source = content_path(problem.path, content_shown)
        shown.append(
            ShownProblem(
                where=visible(f"{problem.path}:{problem.line}:{problem.column}"),
                what=visible(f"{problem.field}: {problem.message}"),
                severity=problem.severity,
                source=source,
                file_url=file_url(repo_url, edit_uri, source) if source else None,
                page=page_url(source) if source in events else None,
            )
        )
    failing = [p for p in shown if p.severity != "notice"]
    if not failing:  # notices alone (drafts, hidden files) fail nothing: no banner
        return None
    notices = [p for p in shown if p.severity == "notice"]
    return {
        "heading": count(len(failing), "%(num)d problem to fix", "%(num)d problems to fix"),
        "failing": failing,
        "notices": notices,
    }
