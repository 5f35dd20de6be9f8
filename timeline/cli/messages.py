"""`timeline messages [LANGUAGE]`: the timeline's own words a language's catalogue lacks.

A message missing from the catalogue of the site's language is shown in English (the build does
not fail); this lists them, so that a translator knows what is left, and fails (status 1) while
any is missing. Without LANGUAGE, the site's: the timeline plugin's `language` option in
mkdocs.yml, else `theme.language`, else English.
"""

from __future__ import annotations

import argparse
import sys

import yaml

from .. import words


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's own tags (`!ENV`, `!!python/name:`) read as nothing: only the language is
    wanted here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_language(config_path: str) -> str:
    """The language a site's mkdocs.yml chooses (English when it chooses none)."""
    with open(config_path, encoding="utf-8") as file:
        config = yaml.load(file, Loader=_Loader) or {}  # a safe loader
    for plugin in config.get("plugins") or ():
        if isinstance(plugin, dict) and isinstance(plugin.get("timeline"), dict):
            if language := plugin["timeline"].get("language"):
                return str(language)
    theme = config.get("theme")
    return str((theme.get("language") if isinstance(theme, dict) else None) or words.ENGLISH)


def cmd_messages(args: argparse.Namespace) -> int:
    try:
        language = args.language or site_language(args.config)
    except (OSError, yaml.YAMLError) as error:
        sys.stderr.write(f"timeline messages: {args.config}: {error}\n")
        return 2
    missing = words.missing(language)
    for message in missing:
        sys.stdout.write(f"{language}: not translated: {message!r}\n")
    total = words.message_count()
    if missing:
        sys.stdout.write(
            f"timeline messages: {language}: {len(missing)} of {total} messages not translated; "
            "the site shows them in English (README.md, Languages, says how to add them)\n"
        )
        return 1
    sys.stdout.write(f"timeline messages: {language}: all {total} messages translated\n")
    return 0


def add_command(commands: argparse._SubParsersAction) -> None:
    messages = commands.add_parser(
        "messages",
        help="list the timeline's words a language's catalogue does not translate",
        description=__doc__.split("\n\n", 1)[1],
    )
    messages.add_argument("language", nargs="?", help="e.g. ko, uk, ar (default: the site's)")
    messages.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml")
    messages.set_defaults(handler=cmd_messages)
