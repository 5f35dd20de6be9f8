"""The pages the plugin makes, as MkDocs files and pages."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class Made(File):
    """A page the plugin makes: rendered again unless the preview keeps it from the last build."""

    kept = False

    def is_modified(self) -> bool:
        return not self.kept


class MadePage(Page):
    """A page made whole by the plugin (an actor's, a year's): no Markdown to convert (setting up
    a converter per page was 1 s of a build at 5,000 events)."""

    def render(self, config, files) -> None:
        self.content, self.toc, self.present_anchor_ids = "", get_toc([]), set()


def add_pages(files: Files, config: MkDocsConfig, sitemap, preview) -> None:
    """Event pages (their entries' bodies) and the pages made whole here; the preview's kept."""
    made = [(path, "\n" + event.body) for path, event in sitemap.events.items()]
    made += [(uri, "\n") for uri in sitemap.uris()]
    for uri, content in made:
        in_nav = uri in sitemap.nav_uris  # else MkDocs lists every page outside the nav
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        file = preview and not in_nav and preview.kept_file(uri)
        if not file:
            file = Made.generated(config, uri, content=content, inclusion=inclusion)
            if content == "\n" and not in_nav:  # made whole here: no Markdown to convert
                MadePage(None, file, config)
        files.append(file)
