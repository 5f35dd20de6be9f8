"""Relative links between the site's pages, made as MkDocs makes them, fast for many links."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from functools import lru_cache

from ..model import actor_page, page_url


def relative_to(base: str) -> Callable[[str], str]:
    """`url -> mkdocs.utils.get_relative_url(url, base)`, for the many links of one page: the
    page's own path is split once, and every target's once per build (actor and event URLs
    recur on thousands of pages)."""
    dirname, _, basename = base.rpartition("/")
    base_parts = _parts(dirname if "." in basename else base)

    def url(target: str) -> str:
        if target.startswith("#"):  # on this page
            return target
        parts = _parts(target)
        common = 0
        for mine, theirs in zip(base_parts, parts):
            if mine != theirs:
                break
            common += 1
        relative = "/".join(("..",) * (len(base_parts) - common) + parts[common:]) or "."
        return relative + "/" if target.endswith("/") else relative

    return url


@lru_cache(maxsize=1 << 16)
def _parts(path: str) -> tuple[str, ...]:
    """A URL path's segments, normalised as MkDocs does ('..' never above the root)."""
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return tuple(path.split("/")) if path else ()


def actor_url(actor_id: str) -> str:
    return page_url(actor_page(actor_id))


def help_url(target: str) -> str:
    """'about.md#what-each-status-means' -> 'about/#what-each-status-means' ('' stays '')."""
    if not target:
        return ""
    path, _, anchor = target.partition("#")
    return page_url(path) + ("#" + anchor if anchor else "")
