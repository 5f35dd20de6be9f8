"""The `timeline` command: contributor tools over the core (CONTRIBUTING.md)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence

from .. import __version__
from ..collection import Timeline
from ..loader import load_timeline
from ..model import Problem
from ..read.paths import looks_like_entry
from ..text import visible
from .commands import add_commands, content_options


def render_text(problems: Sequence[Problem], summary: Mapping[str, int] | None = None) -> str:
    """`path:line:col: field: message`, one problem a line (`cmd_check` adds the summary)."""
    return "".join(f"{problem}\n" for problem in problems)


def render_github(problems: Sequence[Problem], summary: Mapping[str, int] | None = None) -> str:
    """GitHub Actions workflow commands: one annotation per problem, on its file and line."""

    def escape(text: str, in_property: bool = False) -> str:
        text = visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if in_property else text

    lines = []
    for p in problems:
        level = p.severity if p.severity in SEVERITIES else "error"
        lines.append(
            f"::{level} file={escape(p.path, True)},line={p.line},col={p.column},"
            f"title={escape(p.field, True)}::{escape(f'{p.field}: {p.message}')}\n"
        )
    return "".join(lines)


def render_json(problems: Sequence[Problem], summary: Mapping[str, int] | None = None) -> str:
    """`{"version": 1, "summary": {...counts}, "problems": [{path, line, column, field,
    message, severity}, ...]}`, documented in CONTRIBUTING.md."""
    keys = ("path", "line", "column", "field", "message", "severity")
    document = {
        "version": 1,
        "summary": dict(summary or {}),
        "problems": [{k: getattr(p, k) for k in keys} for p in problems],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"text": render_text, "github": render_github, "json": render_json}


SEVERITIES = ("error", "warning", "notice")
FAILING = ("error", "warning")
"""Severities that make `check` exit 1: a warning fails `mkdocs build --strict` as surely as an
error does, and the project's sites build strictly, so the checker fails on it too."""


def summary_counts(timeline: Timeline, problems: Sequence[Problem]) -> dict[str, int]:
    counts = {
        "events": len(timeline.events),
        "drafts": len(timeline.drafts) + len(timeline.unfinished),
        "invalid": len(timeline.invalid),
    }
    for severity in SEVERITIES:
        counts[f"{severity}s"] = sum(p.severity == severity for p in problems)
    return counts


def _content_paths(
    content: str, paths: Sequence[str], folder: str, registry: str = "actors.yml"
) -> tuple[list[str] | None, list[str]]:
    """Entry files among the paths given on the command line (files or folders), as paths
    inside the content folder (None: all of them); and the Markdown files given that are not
    entries. A changed registry (actors, places) can break any entry: naming it checks them all."""
    registries = {os.path.abspath(os.path.join(content, name)) for name in (registry, "places.yml")}
    if not paths or any(os.path.abspath(path) in registries for path in paths):
        return None, []
    events = os.path.join(os.path.abspath(content), folder.strip("/"), "")
    chosen: list[str] = []
    skipped: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = [
                os.path.join(directory, name)
                for directory, _, names in os.walk(path)
                for name in names
                if looks_like_entry(name)
            ]
        else:  # a missing file is kept, and reported as unreadable
            found = [path] if looks_like_entry(path) else []
        for full in found:
            if not os.path.abspath(full).startswith(events):
                skipped.append(full)
                continue
            chosen.append(os.path.relpath(os.path.abspath(full), os.path.abspath(content)))
    return sorted({p.replace(os.sep, "/") for p in chosen}), skipped


def check_problems(timeline: Timeline) -> list[Problem]:
    """Every problem of a loaded timeline (drafts are notices), in file and line order."""
    return sorted(timeline.problems, key=lambda p: (p.path, p.line, p.column))


def cmd_check(args: argparse.Namespace) -> int:
    only, skipped = _content_paths(args.content, args.paths, args.folder, args.registry)
    for path in skipped:
        sys.stderr.write(
            f"timeline: {path}: skipped, not an entry in {args.content}/{args.folder}/\n"
        )
    timeline = load_timeline(args.content, args.folder, args.registry, only=only)
    problems = check_problems(timeline)
    sys.stdout.write(RENDERERS[args.format](problems, summary_counts(timeline, problems)))
    # a text report ends with the count (on a clean tree, that one line); the formats for
    # tools keep their output to the document, and the count goes to standard error
    (sys.stdout if args.format == "text" else sys.stderr).write(f"timeline: {timeline.summary()}\n")
    return 1 if any(p.severity in FAILING for p in problems) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__)
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser(
        "check",
        help="validate entries and the actor registry",
        description="Print every problem as path:line:col: field: message, then how many "
        "events are published, drafts and invalid. Exit status: 0 when nothing fails, 1 on any "
        "error or warning (both fail `mkdocs build --strict`); notices, such as drafts, never "
        "fail.",
    )
    check.add_argument("paths", nargs="*", help="entry files or folders (default: all)")
    content_options(check)
    check.add_argument("--format", choices=sorted(RENDERERS), default="text")
    check.set_defaults(handler=cmd_check)
    add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
