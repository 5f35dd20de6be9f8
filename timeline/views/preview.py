"""What the contributor's preview (`mkdocs serve`) shows of the content's problems: one page,
`preview/problems/`, listing each one as `path:line:column: field: message`, with a link to its
file in the repository (from mkdocs.yml's `repo_url` and `edit_uri`) and to the event's page when
it has one; every other page of the preview carries the same small, hidden slot, which the
site's script fills from that page while anything fails. A typo thus changes one page, not every
page. A published build has neither.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..collection import Timeline
from ..model import Problem, page_url
from ..text import visible
from ..words import _, count
from .pages import Fragment, PageParts, SiteOptions

PROBLEMS_PAGE = "preview/problems.md"
"""The preview's page of the content's problems (never in a build for publishing)."""


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


class Preview:
    """The preview's pages: the problems' page, and the slot every other page starts with. Off
    (no page, no slot) unless `SiteOptions.preview`."""

    def __init__(self, timeline: Timeline, events: Container[str], options: SiteOptions):
        self.on = options.preview
        where = (timeline.content_shown, events, options.repo_url, options.edit_uri)
        self.problems = banner(list(timeline.problems), *where) if self.on else None

    def uris(self) -> list[str]:
        return [PROBLEMS_PAGE] if self.on else []

    def meta(self, uri: str) -> dict[str, Any] | None:
        """The problems' page: out of the nav (a made page) and of the search index."""
        if not self.on or uri != PROBLEMS_PAGE:
            return None
        return {"title": _("Preview: the content's problems"), "search": {"exclude": True}}

    def parts(self, uri: str, parts: PageParts) -> PageParts:
        """The problems' page lists them; any other page gets the slot before its first part
        (the same slot whatever the problems: only their page changes with them)."""
        if not self.on:
            return parts
        if uri == PROBLEMS_PAGE:
            return PageParts(after=Fragment("preview.html", {"preview_problems": self.problems}))
        inner = parts.before or Fragment("")  # the slot's template includes it after itself
        slot = {"preview_problems_url": page_url(PROBLEMS_PAGE), "preview_then": inner.template}
        return replace(parts, before=Fragment("preview-slot.html", {**inner.context, **slot}))
