"""`timeline links`: check every source's link and report the dead and moved ones at their
`path:line:column`; with `--archive`, write a Wayback Machine snapshot into `archived:`.

Entries are read with the core's front-matter reader (positions included); links are asked by
`link_check.Checker` from a pool of threads (`link_pool`), remembered in `link_cache.LinkCache`,
and the problems printed with `timeline check`'s renderers, sorted by file, line and column.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Problem
from ..read.frontmatter import FrontMatterError, load
from ..read.paths import FolderScan, scan_folder
from .archive import (
    API_ENVIRONMENT,
    AVAILABILITY_API,
    Addition,
    EditError,
    add_archived,
    availability_query,
    snapshot_url,
    write_if_unchanged,
)
from .link_cache import DEFAULT_PATH, LinkCache, parse_age
from .link_check import Checker, Outcome, Settings
from .link_pool import Progress, by_host_in_turn, run_pool

KINDS = ("ok", "moved", "dead", "unknown", "skipped")


@dataclass(frozen=True, slots=True)
class Link:
    """One source's link: where it is written (`path` as shown, `file` on disk)."""

    path: str
    file: str
    line: int
    column: int
    index: int
    url: str
    published: Any = None
    archived: Any = None

    @property
    def field(self) -> str:
        return f"sources[{self.index}].url"

    @property
    def key(self) -> tuple[str, int]:
        return self.file, self.index

    @property
    def has_copy(self) -> bool:
        return isinstance(self.archived, str) and bool(self.archived.strip())


def collect_links(
    content: str, folder: str, only: Iterable[str] | None = None
) -> tuple[list[Link], dict[str, bytes], int]:
    """Every source link of the entries (or of `only`, content paths), in file and line order;
    each file's bytes as read; and how many files could not be read (`timeline check` says why)."""
    scan = scan_folder(content, folder) if only is None else FolderScan(tuple(only))
    links: list[Link] = []
    raws: dict[str, bytes] = {}
    unread = 0
    for rel_path in scan.entries:
        file = os.path.join(content, rel_path)
        shown = os.path.relpath(file).replace(os.sep, "/")
        try:
            with open(file, "rb") as handle:
                raw = handle.read()
            doc = load(raw)
        except (OSError, FrontMatterError):
            unread += 1
            continue
        raws[file] = raw
        sources = doc.data.get("sources")
        for index, source in enumerate(sources if isinstance(sources, list) else []):
            if not isinstance(source, dict) or not isinstance(source.get("url"), str):
                continue
            line, column = doc.positions[("sources", index, "url")]
            url = source["url"].strip()
            published, archived = source.get("published"), source.get("archived")
            links.append(Link(shown, file, line, column, index, url, published, archived))
    links.sort(key=lambda link: (link.path, link.line, link.column))
    return links, raws, unread


def check_links(
    urls: Iterable[str], checker: Checker, cache: LinkCache, workers: int, progress: Progress
) -> tuple[dict[str, Outcome], int]:
    """The outcome of every distinct URL (from the cache when fresh), and how many were asked."""
    outcomes: dict[str, Outcome] = {}
    asked = []
    for url in dict.fromkeys(urls):
        known = cache.outcome(url)
        if known is None:
            asked.append(url)
        else:
            outcomes[url] = known

    def check(url: str) -> Outcome:
        outcome = checker.check(url)
        cache.remember(url, outcome)  # as each ends: an interrupted run keeps what it learnt
        return outcome

    outcomes.update(run_pool(by_host_in_turn(asked), check, workers, progress, "checking links"))
    return outcomes, len(asked)


def archive_links(
    links: Sequence[Link],
    outcomes: dict[str, Outcome],
    raws: dict[str, bytes],
    checker: Checker,
    cache: LinkCache,
    api: str,
    workers: int,
    progress: Progress,
) -> dict[tuple[str, int], str]:
    """Ask the availability API about every dead or moved link without an archived copy and
    write what it finds into the files. What became of each link asked, for its problem."""
    wanted = [
        link for link in links if outcomes[link.url].kind in ("dead", "moved") and not link.has_copy
    ]
    queries = {link.key: availability_query(api, link.url, link.published) for link in wanted}
    snapshots: dict[str, str | None] = {}
    asked = []
    for query in dict.fromkeys(queries.values()):
        known, snapshot = cache.snapshot(query)
        if known:
            snapshots[query] = snapshot
        else:
            asked.append(query)
    answers = run_pool(asked, checker.fetch, workers, progress, "asking the Wayback Machine")
    for query, body in answers.items():
        snapshots[query] = snapshot_url(body)
        if body is not None:  # no answer is asked again next time; "no snapshot" is not
            cache.remember_snapshot(query, snapshots[query])
    notes: dict[tuple[str, int], str] = {}
    per_file: dict[str, list[Link]] = defaultdict(list)
    for link in wanted:
        snapshot = snapshots[queries[link.key]]
        if snapshot is None:
            notes[link.key] = "the Wayback Machine has no snapshot of it"
        else:
            per_file[link.file].append(link)
    for file, found in per_file.items():
        additions = [Addition(link.index, snapshots[queries[link.key]] or "") for link in found]
        try:
            edited = add_archived(raws[file], additions)
            written = write_if_unchanged(file, raws[file], edited)
            why = "" if written else "the file changed while the links were checked; run again"
        except EditError as error:
            why = str(error)
        except OSError as error:
            why = f"the file cannot be written ({error.strerror})"
        for link, addition in zip(found, additions):
            notes[link.key] = (
                f"archived copy added: {addition.snapshot}"
                if not why
                else f"add `archived: {addition.snapshot}` by hand ({why})"
            )
    return notes


def link_problem(link: Link, outcome: Outcome, note: str | None) -> Problem | None:
    """The line reported for a link, or None for a good one."""
    added = note is not None and note.startswith("archived copy added")
    tail = f"; {note}" if note else ""
    if outcome.kind == "ok":
        return None
    if outcome.kind == "moved":
        text = f"{link.url} has moved to {outcome.final} ({outcome.detail}); update the link"
        return Problem(link.path, link.line, link.column, link.field, text + tail, "warning")
    if outcome.kind == "dead":
        text = f"{link.url} is dead ({outcome.detail})"
        if link.has_copy:
            text += "; readers get its archived copy"
        elif not note:
            text += "; replace it, or add an archived copy (timeline links --archive)"
        severity = "warning" if link.has_copy or added else "error"
        return Problem(link.path, link.line, link.column, link.field, text + tail, severity)
    if outcome.kind == "unknown":
        text = f"{link.url}: unknown ({outcome.detail})"
    else:  # skipped: the detail says why
        text = f"{link.url}: {outcome.detail}"
    return Problem(link.path, link.line, link.column, link.field, text, "notice")


def cmd_links(args: argparse.Namespace) -> int:
    from .main import RENDERERS, _content_paths  # main imports this module's parser

    only, skipped = _content_paths(args.content, args.paths, args.folder)
    for path in skipped:
        sys.stderr.write(f"timeline links: {path}: skipped, not an entry in {args.content}/\n")
    links, raws, unread = collect_links(args.content, args.folder, only)
    settings = Settings(args.timeout, args.host_delay, args.retries, args.allow_private)
    checker, progress = Checker(settings), Progress(sys.stderr)
    cache = LinkCache(args.cache or None, args.max_age)
    notes: dict[tuple[str, int], str] = {}
    try:
        urls = [link.url for link in links]
        outcomes, asked = check_links(urls, checker, cache, args.concurrency, progress)
        if args.archive:
            notes = archive_links(
                links, outcomes, raws, checker, cache, args.archive_api, args.concurrency, progress
            )
    finally:
        cache.save()
    found = [link_problem(link, outcomes[link.url], notes.get(link.key)) for link in links]
    problems = [problem for problem in found if problem is not None]
    counts = {"links": len(links), "asked": asked, "cached": len(set(urls)) - asked}
    counts.update((kind, sum(outcomes[link.url].kind == kind for link in links)) for kind in KINDS)
    counts["archived"] = sum(note.startswith("archived copy added") for note in notes.values())
    counts["unread"] = unread
    sys.stdout.write(RENDERERS[args.format](problems, counts))
    sys.stderr.write(f"timeline links: {summary(counts, cache.note)}\n")
    return 1 if any(problem.severity == "error" for problem in problems) else 0


def summary(counts: dict[str, int], note: str = "") -> str:
    """'12 links (3 asked, 9 from the cache): 9 ok, 1 moved, 2 dead, ...' in one line."""
    kinds = ", ".join(f"{counts[kind]} {kind}" for kind in KINDS if counts[kind] or kind == "ok")
    text = f"{_count(counts['links'], 'link')} ({counts['asked']} asked, "
    text += f"{counts['cached']} from the cache): {kinds}"
    if counts["archived"]:
        text += f"; {_count(counts['archived'], 'archived copy', 'archived copies')} written"
    if counts["unread"]:
        text += f"; {_count(counts['unread'], 'file')} not read (see timeline check)"
    return text + (f"; {note}" if note else "")


def _count(number: int, one: str, many: str = "") -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def _number(kind: type, zero: bool = False) -> Callable[[str], Any]:
    """An argparse type: a number above zero (or from zero)."""

    def convert(text: str) -> Any:
        value = kind(text)
        if not (value >= 0 if zero else value > 0) or not math.isfinite(value):
            bound = "0 or more" if zero else "more than 0"
            raise argparse.ArgumentTypeError(f"{text!r} must be a number, {bound}")
        return value

    convert.__name__ = kind.__name__  # argparse names the type in its error message
    return convert


def _age(text: str) -> float:
    try:
        return parse_age(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a duration like 1d, 12h or 30m"
        ) from None


def add_command(commands: argparse._SubParsersAction) -> None:
    """Register `links` on the `timeline` parser's subcommands."""
    links = commands.add_parser(
        "links",
        help="check every source's link; with --archive, add Wayback Machine copies",
        description="Ask each source's web server whether its link still answers (HEAD, else "
        "GET; redirects followed), and print the dead and moved ones as path:line:col: field: "
        "message. Contacts the hosts of the links (public addresses only, unless "
        "--allow-private) and, with --archive, the Internet Archive. Exit status: 1 when a link "
        "is dead and has no archived copy, else 0.",
    )
    links.add_argument("paths", nargs="*", help="entry files or folders (default: all)")
    links.add_argument("--content", default="content", help="content folder (default: content)")
    links.add_argument("--folder", default="events", help="events folder inside the content")
    links.add_argument("--format", choices=("github", "json", "text"), default="text")
    links.add_argument(
        "--archive",
        action="store_true",
        help="for each dead or moved link without one, write the Wayback Machine's snapshot "
        "into the source's archived: field",
    )
    links.add_argument(
        "--archive-api",
        default=os.environ.get(API_ENVIRONMENT) or AVAILABILITY_API,
        help=f"the availability API (default: ${API_ENVIRONMENT}, else {AVAILABILITY_API})",
    )
    links.add_argument(
        "--concurrency", type=_number(int), default=8, help="requests at once (default: 8)"
    )
    links.add_argument(
        "--host-delay",
        type=_number(float, zero=True),
        default=1.0,
        metavar="SECONDS",
        help="at least this long between two requests to one host (default: 1)",
    )
    links.add_argument(
        "--timeout",
        type=_number(float),
        default=10.0,
        help="seconds to wait for each read; an answer gets three times that (default: 10)",
    )
    links.add_argument(
        "--retries",
        type=_number(int, zero=True),
        default=2,
        help="retries of a 429 or 503 answer (default: 2)",
    )
    links.add_argument(
        "--cache",
        default=DEFAULT_PATH,
        help=f"file of earlier results (default: {DEFAULT_PATH}; '' for none)",
    )
    links.add_argument(
        "--max-age",
        type=_age,
        default=86400.0,
        help="how long a result is trusted: 1d (default), 12h, 30m, 0 to ask everything again",
    )
    links.add_argument(
        "--allow-private",
        action="store_true",
        help="also ask hosts on loopback, private and other non-public addresses",
    )
    links.set_defaults(handler=cmd_links)
