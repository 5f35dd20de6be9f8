"""`python -m bench.rebuild SITE`: what `mkdocs serve` pays after one event is edited.

Builds the site twice in one process with the same plugin object, as `mkdocs serve` does, editing
one entry in between (and restoring it after); prints JSON with both builds' seconds, the
plugin's phases and how many entries were parsed again.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from .measure import BASE_ENV


def _build(site: Path) -> dict:
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(site / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    start = time.perf_counter()
    build(config)
    seconds = time.perf_counter() - start
    plugin = config.plugins["timeline"]
    return {
        "seconds": seconds,
        "phases": dict(plugin.phases.seconds),
        "parsed": plugin.entry_cache.parsed,
        "reused": plugin.entry_cache.reused,
        "plugin": id(plugin),
    }


def main(argv: list[str] | None = None) -> int:
    site = Path((argv or sys.argv[1:])[0])
    os.environ.update(BASE_ENV)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    edited = sorted((site / "docs" / "events").rglob("*.md"))[0]
    original = edited.read_bytes()
    first = _build(site)
    try:
        edited.write_bytes(original + b"\nOne more sentence, added by the benchmark.\n")
        second = _build(site)
    finally:
        edited.write_bytes(original)
    print(
        json.dumps(
            {"first": first, "second": second, "same_plugin": first["plugin"] == second["plugin"]}
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
