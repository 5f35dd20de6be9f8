"""`timeline new`, `timeline init` and `timeline schema`: the commands that write files.

Each `cmd_*` takes parsed arguments, prints what it did and returns an exit status: 0 done,
1 refused (the file or folder exists), 2 a value given on the command line is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..check import entry_schema, field_docs
from ..check.dateparse import parse_date
from ..check.registry import Registry
from ..check.template import NEW_BODY, render_entry, schema_link
from ..dates import DateError
from ..entry import read_registry
from ..read.naming import entry_path, slugify
from .draft import Draft, draft_from_text, quoted_excerpt
from .links import add_command as add_links_command
from .messages import add_command as add_messages_command
from .scaffold import InitError, init_site


def _fail(command: str, message: str, status: int = 2) -> int:
    sys.stderr.write(f"timeline {command}: {message}\n")
    return status


def _write(path: str, text: str) -> None:
    """Write text to a file (parents created), or to standard output for '-'."""
    if path == "-":
        sys.stdout.write(text)
        return
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


# --- schema ------------------------------------------------------------------------------------


def cmd_schema(args: argparse.Namespace) -> int:
    if args.format == "markdown":
        text = field_docs.markdown()
    else:
        text = entry_schema.registry_dumps() if args.registry else entry_schema.dumps()
        text = entry_schema.places_dumps() if args.places else text
    _write(args.output, text)
    return 0


# --- new ---------------------------------------------------------------------------------------


def _read_article(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, "rb") as handle:
        return handle.read().decode("utf-8-sig")


def _resolve_actors(names: list[str], registry: Registry) -> tuple[list[str], list[str]]:
    """Registry ids for the names given, and a message for each name the registry lacks."""
    ids, unknown = [], []
    for name in names:
        actor_id = registry.resolve(name)
        if actor_id is None:
            close = registry.suggest(name)
            hint = "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""
            unknown.append(f"unknown actor '{name}'{hint}")
        elif actor_id not in ids:
            ids.append(actor_id)
    return ids, unknown


def _draft_body(draft: Draft, source_name: str) -> str:
    note = (
        f"<!-- Drafted by `timeline new --from {source_name}`. Rewrite the excerpt below in your\n"
        "     own words, attribute every figure, keep quotations short, check the proposed actors\n"
        "     against the text, then remove `draft: true`. This comment does not show on the\n"
        "     site. -->\n"
    )
    return f"{note}\n{quoted_excerpt(draft.paragraphs)}" if draft.paragraphs else note


def cmd_new(args: argparse.Namespace) -> int:
    try:
        date = parse_date(args.date)
    except DateError as error:
        return _fail("new", f"--date: {error}")
    registry_path = os.path.join(args.content, args.registry)
    registry, registry_problems = read_registry(registry_path, registry_path)
    actors, unknown = _resolve_actors(args.actor, registry)
    if unknown:
        problems = "; ".join(unknown)
        if registry_problems and not len(registry):
            problems += f" ({registry_problems[0].message})"
        return _fail("new", f"--actor: {problems}; add the actor to {registry_path} first")
    draft = None
    if args.source_text is not None:
        try:
            draft = draft_from_text(_read_article(args.source_text), registry)
        except (OSError, UnicodeDecodeError) as error:
            return _fail("new", f"--from: cannot read {args.source_text} ({error})")
    values: dict[str, Any] = {"title": " ".join(args.title.split()), "date": date}
    values["actors"] = actors + [a for a in (draft.actors if draft else ()) if a not in actors]
    values["summary"] = args.summary or (draft.summary if draft else None)
    if args.source or args.publisher:
        values["sources"] = [{"publisher": args.publisher, "url": args.source}]
    if draft is not None:
        values["draft"] = True  # a raw article copy must never be published by accident
    slug = slugify(args.slug, max_words=50) if args.slug else slugify(values["title"])
    rel_path = entry_path(args.folder, date, slug)
    body = _draft_body(draft, os.path.basename(args.source_text)) if draft else NEW_BODY
    text = render_entry(values, body, schema_link(rel_path))
    path = os.path.join(args.content, rel_path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return _fail("new", f"{path} already exists; edit it, or choose another --slug", 1)
    sys.stdout.write(f"{path}\n")
    if draft is not None:
        unread = (
            f"none: {registry_problems[0].message}"
            if registry_problems and not len(registry)
            else ""
        )
        proposed = ", ".join(draft.actors) or unread or "none found in the registry"
        sys.stderr.write(f"timeline new: proposed actors: {proposed}\n")
        for line in draft.dropped:
            sys.stderr.write(f"timeline new: dropped as boilerplate: {line}\n")
    return 0


# --- init --------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    try:
        written = init_site(
            args.directory, args.title, url=args.url, source=args.source, language=args.language
        )
    except InitError as error:
        return _fail("init", str(error), 1)
    for path in written:
        sys.stdout.write(f"{os.path.join(args.directory, path)}\n")
    sys.stderr.write(
        f"timeline init: next, in {args.directory}: install the tools as its README.md says, "
        "then `mkdocs serve` to preview, `timeline new` to add an event, `timeline check` to "
        "check them\n"
    )
    return 0


# --- the parsers -------------------------------------------------------------------------------


def content_options(parser: argparse.ArgumentParser) -> None:
    """--content, --folder and --registry: where a command finds the site's content."""
    parser.add_argument("--content", default="content", help="content folder (default: content)")
    parser.add_argument("--folder", default="events", help="events folder inside the content")
    parser.add_argument("--registry", default="actors.yml", help="registry file inside the content")


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register `new`, `init`, `schema` and `links` on the `timeline` parser's subcommands."""
    new = commands.add_parser(
        "new",
        help="write a new entry from the template",
        description="Write content/events/YYYY/<date>-<slug>.md with every field listed; "
        "the fields not given are left empty for you to fill in. Never overwrites a file.",
    )
    new.add_argument("title", help="what happened, in one line")
    new.add_argument("--date", required=True, help="when: 2024, 2024-10, 2024-10-31, ...")
    new.add_argument(
        "--actor", action="append", default=[], help="actor id or alias (repeat for more)"
    )
    new.add_argument("--summary", help="one to three sentences")
    new.add_argument("--source", help="the source's link (https://...)")
    new.add_argument("--publisher", help="who published the source")
    new.add_argument(
        "--from",
        dest="source_text",
        metavar="ARTICLE",
        help="draft from an article's text file ('-' for standard input)",
    )
    new.add_argument("--slug", help="the file name after the date (default: from the title)")
    content_options(new)
    new.set_defaults(handler=cmd_new)

    init = commands.add_parser("init", help="create a new timeline site")
    init.add_argument("directory", help="a new or empty folder")
    init.add_argument("--title", required=True, help="the site's name")
    init.add_argument("--url", help="the address it will be published at (site_url)")
    init.add_argument(
        "--source",
        help="where the site installs the generator from: git+https://…/REPOSITORY@TAG, a "
        "wheel file (copied into the site) or a released version (default: where this copy "
        "was installed from)",
    )
    init.add_argument(
        "--language",
        help="the site's language (theme.language), e.g. ko, uk, ar: the timeline's own words, "
        "and the example entry, home and About pages where the package has them",
    )
    init.set_defaults(handler=cmd_init)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of an entry or the registry (or the docs' tables)"
    )
    schema.add_argument("--format", choices=("json", "markdown"), default="json")
    schema.add_argument(
        "--registry", action="store_true", help="the actor registry's JSON Schema, not an entry's"
    )
    schema.add_argument(
        "--places", action="store_true", help="the place registry's JSON Schema (places.yml)"
    )
    schema.add_argument("-o", "--output", default="-", help="file to write (default: stdout)")
    schema.set_defaults(handler=cmd_schema)

    add_links_command(commands)
    add_messages_command(commands)
