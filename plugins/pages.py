"""The pages the plugin makes, as MkDocs files and pages."""

from __future__ import annotations

from mkdocs.structure.files import File
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
