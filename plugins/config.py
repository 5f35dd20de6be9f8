"""The plugin's options (`timeline.options`), validated by MkDocs, and what it changes in the
site's configuration."""

from __future__ import annotations

import os

from mkdocs.config import base
from mkdocs.config import config_options as c

from timeline.options import OPTIONS


def _validated(option):
    """An option of `timeline.options` as MkDocs validates it."""
    if option.choices:
        return c.Choice(option.choices, default=option.default)
    return c.Type(type(option.default), default=option.default)


TimelineConfig = type("TimelineConfig", (base.Config,), {o.name: _validated(o) for o in OPTIONS})

MATERIAL_FAVICON = "assets/images/favicon.png"
HERE = os.path.dirname(os.path.abspath(__file__))
ASSET_DIR = os.path.join(HERE, "assets")  # copied to the site's assets/timeline/: style, script,
ASSETS = sorted(
    os.path.relpath(f"{d}/{n}", ASSET_DIR) for d, _, ns in os.walk(ASSET_DIR) for n in ns
)


def add_to_site(config, here: str = HERE) -> None:
    """The plugin's templates, style and script; for mkdocs-material, our favicon unless the
    site chose one, and `overrides/` (fixes) ahead of the theme's partials, after a site's
    custom_dir: every site gets them, and can override."""
    config.theme.dirs.append(os.path.join(here, "templates"))
    config.extra_css.append("assets/timeline/timeline.css")
    config.extra_javascript.append(c.ExtraScriptValue("assets/timeline/timeline.js"))
    config.extra_javascript[-1].defer = True  # as the theme's bundle (overrides/main.html)
    if config.theme.name != "material":
        return
    if config.theme["favicon"] == MATERIAL_FAVICON:
        config.theme["favicon"] = "assets/timeline/favicon.svg"
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, os.path.join(here, "overrides"))
