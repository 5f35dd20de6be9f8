"""Pages the plugin makes whole (`MadePage`) skip the Markdown converter: what it would have
produced from their empty source, they get without it."""

from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from timeline_mkdocs.pages import MadePage


@pytest.fixture
def config(tmp_path):
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "Test", "docs_dir": str(tmp_path / "docs")})
    errors, _ = config.validate()
    assert not errors
    return config


def test_a_made_page_is_what_markdown_makes_of_its_empty_source(config):
    built = []
    for kind in (Page, MadePage):
        file = File(
            "actors/kim.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=True
        )
        file.content_string = "\n"
        page = kind(None, file, config)
        page.read_source(config)
        page.render(config, Files([file]))
        built.append((page.content, list(page.toc), page.present_anchor_ids, page.title))
    assert built[0] == built[1] == ("", [], set(), "Kim")
