"""The `timeline` command: contributor tools over the core (SPEC §6)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from . import __version__
from .collection import Timeline
from .loader import load_timeline
from .model import Problem
from .paths import looks_like_entry
from .text import visible


def render_text(problems: Sequence[Problem]) -> str:
    return "".join(f"{problem}\n" for problem in problems)


def render_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: one annotation per problem."""

    def escape(text: str, in_property: bool = False) -> str:
        text = visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if in_property else text

    lines = []
    for p in problems:
        level = (
            "error" if p.severity == "error" else "warning" if p.severity == "warning" else "notice"
        )
        lines.append(
            f"::{level} file={escape(p.path, True)},line={p.line},col={p.column},"
            f"title={escape(p.field, True)}::{escape(f'{p.field}: {p.message}')}\n"
        )
    return "".join(lines)


def render_json(problems: Sequence[Problem]) -> str:
    keys = ("path", "line", "column", "field", "message", "severity")
    return json.dumps([{k: getattr(p, k) for k in keys} for p in problems], indent=2) + "\n"


RENDERERS = {"text": render_text, "github": render_github, "json": render_json}


def summary_line(timeline: Timeline) -> str:
    """'N events published, D drafts, I invalid' — every entry file accounted for."""
    return (
        f"{len(timeline.events)} events published, {len(timeline.drafts)} drafts, "
        f"{len(timeline.invalid)} invalid"
    )


def _content_paths(content: str, paths: Sequence[str], folder: str) -> list[str] | None:
    """Files and folders given on the command line, as paths inside the content folder."""
    if not paths:
        return None
    chosen: list[str] = []
    for path in paths:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(content)).replace(os.sep, "/")
        if os.path.isdir(path):
            for directory, _, files in os.walk(path):
                for name in files:
                    if looks_like_entry(name):
                        full = os.path.join(directory, name)
                        chosen.append(os.path.relpath(full, content).replace(os.sep, "/"))
        elif looks_like_entry(path):
            chosen.append(rel)
    return sorted(set(chosen))


def cmd_check(args: argparse.Namespace) -> int:
    only = _content_paths(args.content, args.paths, args.folder)
    timeline = load_timeline(args.content, args.folder, args.registry, only=only)
    problems = list(timeline.problems)
    problems += [
        Problem(
            os.path.relpath(os.path.join(args.content, e.path)).replace(os.sep, "/"),
            1,
            1,
            "draft",
            "draft: checked, but kept out of the published site",
            "notice",
        )
        for e in timeline.drafts
    ]
    sys.stdout.write(RENDERERS[args.format](problems))
    if args.format == "text":
        sys.stderr.write(f"timeline: {summary_line(timeline)}\n")
    return 1 if timeline.errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__)
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate entries and the actor registry")
    check.add_argument("paths", nargs="*", help="entry files or folders (default: all)")
    check.add_argument("--content", default="content", help="content folder (default: content)")
    check.add_argument("--folder", default="events", help="events folder inside the content")
    check.add_argument("--registry", default="actors.yml", help="registry file inside the content")
    check.add_argument("--format", choices=sorted(RENDERERS), default="text")
    check.set_defaults(handler=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
