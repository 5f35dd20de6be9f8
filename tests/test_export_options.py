"""What the exports know of the site comes from mkdocs.yml's keys and the plugin's options, read
by the core (`ExportOptions.chosen`), so the plugin only hands both over."""

from __future__ import annotations

from timeline.exports import ExportOptions


def test_export_options_come_from_the_site_configuration_and_the_plugin():
    site = {
        "site_name": "T",
        "site_url": "https://example.org/t/",
        "site_description": None,
        "site_author": "",
        "use_directory_urls": False,
    }
    options = ExportOptions.chosen({"feed_limit": 9, "timelinejs_group": "tag"}, site)
    assert options == ExportOptions(
        title="T",
        site_url="https://example.org/t/",
        description="",
        author=None,
        feed_limit=9,
        directory_urls=False,
        timelinejs_group="tag",
    )
    assert ExportOptions.chosen({}, {"site_url": ""}) == ExportOptions(title="")
