"""The site's published address (`site_url`): whether a build for publishing may use it, and the
origin a host page checks messages from."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def unpublishable(site_url: str | None) -> str | None:
    """Why a build for publishing must stop with this `site_url` (None: it may go on): missing,
    not an http(s) address, or the preview's own machine (localhost, 127.0.0.1, ::1, 0.0.0.0),
    which every feed, calendar and data file would then link to."""
    problem = _address_problem(site_url or "")
    if problem is None:
        return None
    return (
        f"site_url {problem}: a build for publishing (the timeline plugin's `publish: true`) "
        "needs the address the site is published at, e.g. "
        "SITE_URL=https://example.org/timeline/ (mkdocs.yml reads it as site_url)"
    )


def _address_problem(site_url: str) -> str | None:
    if not site_url:
        return "is not set"
    parts = urlsplit(site_url)
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme not in ("http", "https") or not host:
        return f"is {site_url!r}, not an http(s) address"
    try:
        local = ipaddress.ip_address(host)
        is_local = local.is_loopback or local.is_unspecified
    except ValueError:
        is_local = host == "localhost" or host.endswith(".localhost")
    return f"is {site_url!r}, this machine's address" if is_local else None


def origin(site_url: str | None) -> str | None:
    """'https://example.org/site/' -> 'https://example.org' (None without an http(s) address)."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"
