"""What every export needs to know about the site: its title, its address, and the limits."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Event, actor_page, page_url, place_page
from ..options import DEFAULTS


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """The site as the exports describe it. Without `site_url`, links are relative to the site's
    root, which is where every export is published (so readers resolve them correctly)."""

    title: str
    site_url: str | None = None
    description: str = ""
    author: str | None = None
    feed_limit: int = DEFAULTS["feed_limit"]
    directory_urls: bool = True
    timelinejs_group: str = DEFAULTS["timelinejs_group"]  # TimelineJS rows (`GROUPINGS`)
    language: str = "en"  # of the human fields (display_date, feed text) and xml:lang

    @classmethod
    def chosen(cls, plugin: Mapping[str, Any], site: Mapping[str, Any]) -> ExportOptions:
        """From the plugin's options (`feed_limit`, `timelinejs_group`) and the site's
        configuration (mkdocs.yml's `site_name`, `site_url`, `site_description`, `site_author`,
        `use_directory_urls`)."""
        return cls(
            title=site.get("site_name") or "",
            site_url=site.get("site_url") or None,
            description=site.get("site_description") or "",
            author=site.get("site_author") or None,
            feed_limit=plugin.get("feed_limit", 50),
            directory_urls=site.get("use_directory_urls", True),
            timelinejs_group=plugin.get("timelinejs_group", "none"),
            language=plugin.get("language") or "en",
        )

    @property
    def base(self) -> str:
        """'https://example.org/site/' or '' when the site's address is unknown."""
        if not self.site_url:
            return ""
        return self.site_url.rstrip("/") + "/"

    def link(self, path: str) -> str:
        """A site path ('feed.xml', 'events/2024/x/') as a link: absolute when the address is
        known, else relative to the site's root."""
        return self.base + path

    def event_link(self, event: Event) -> str:
        return self.link(page_url(event.path, self.directory_urls))

    def actor_link(self, actor_id: str) -> str:
        return self.link(page_url(actor_page(actor_id), self.directory_urls))

    def place_link(self, place_id: str) -> str:
        return self.link(page_url(place_page(place_id), self.directory_urls))

    def permanent_id(self, path: str) -> str:
        """An absolute IRI naming a site path for good, as feed ids must be: its URL, or without
        an address a name-based UUID (stable, but it changes once site_url is set)."""
        if self.base:
            return self.link(path)
        return "urn:uuid:" + str(
            uuid.uuid5(uuid.NAMESPACE_URL, f"news-timeline:{self.title}:{path}")
        )

    def event_id(self, event: Event) -> str:
        return self.permanent_id(page_url(event.path, self.directory_urls))
