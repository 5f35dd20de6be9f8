"""`mkdocs serve` rebuilds with the same plugin object: nothing doubles, edits show, and
unchanged entries are not parsed again. Built in this process, as `mkdocs serve` does."""

from __future__ import annotations

import json

import pytest
from htmlparse import parse
from mkdocs.commands.build import build
from mkdocs.config import load_config

pytestmark = pytest.mark.e2e


def rebuild(site):
    """Load the config and build, as each `mkdocs serve` rebuild does; return the plugin."""
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    return config.plugins["timeline"]


def titles(site) -> list[str]:
    doc = parse(site.html("timeline/"))
    return [li.find("a").text() for li in doc.find_all("li", cls="tl-event")]


def test_rebuild_keeps_one_of_everything_and_picks_up_an_edit(site):
    site.event("2024/2024-10-01-a.md", title="First", date="2024-10-01")
    site.event("2024/2024-10-02-b.md", title="Second", date="2024-10-02", actors="[russia]")
    site.event("2024/2024-10-03-c.md", title="Third", date="2024-10-03")
    plugin = rebuild(site)
    assert titles(site) == ["First", "Second", "Third"]

    site.event("2024/2024-10-02-b.md", title="Second, corrected", date="2024-10-02")
    assert rebuild(site) is plugin  # MkDocs kept the object, as `mkdocs serve` would
    assert (plugin.entry_cache.parsed, plugin.entry_cache.reused) == (1, 2)
    assert titles(site) == ["First", "Second, corrected", "Third"]
    assert parse(site.html("events/2024/2024-10-02-b/")).find("h1").text() == "Second, corrected"
    assert "Second" not in [t for t in titles(site) if t != "Second, corrected"]
    russia = parse(site.html("actors/russia/"))
    assert russia.find("li", cls="tl-event") is None  # the edit moved it to north-korea
    assert len(parse(site.html("actors/north-korea/")).find_all("li", cls="tl-event")) == 3
    index = json.loads((site.root / "site/search/search_index.json").read_text())
    pages = [d["location"] for d in index["docs"] if d["location"].startswith("events/")]
    pages = [location for location in pages if "#" not in location]  # not the sections
    assert sorted(pages) == [
        "events/2024/2024-10-01-a/",
        "events/2024/2024-10-02-b/",
        "events/2024/2024-10-03-c/",
    ]


def test_rebuild_drops_a_deleted_entry_and_revalidates_after_a_registry_edit(site):
    site.event("2024/2024-10-01-a.md", title="Kept", date="2024-10-01", actors="[nis]")
    gone = site.event("2024/2024-10-02-b.md", title="Deleted", date="2024-10-02")
    plugin = rebuild(site)
    gone.unlink()
    rebuild(site)
    assert titles(site) == ["Kept"]

    registry = (site.content / "actors.yml").read_text()
    site.write("actors.yml", registry.split("- id: nis\n")[0])  # the last actor removed
    rebuild(site)
    assert plugin.entry_cache.parsed == 1  # the registry changed: validated again
    assert titles(site) == []  # 'nis' is no longer an actor


def test_each_event_pages_context_is_computed_once_per_build(site, monkeypatch):
    """The header and the footer of an event page share one context (related events, position):
    one `related` query per event and build, however many fragments use it."""
    from timeline.views.related import Relations

    calls: list[str] = []
    original = Relations.related

    def counted(self, event, *args, **kwargs):
        calls.append(event.id)
        return original(self, event, *args, **kwargs)

    monkeypatch.setattr(Relations, "related", counted)
    for day in (1, 2, 3):
        site.event(f"2024/2024-10-0{day}-e{day}.md", title=f"E{day}", date=f"2024-10-0{day}")
    rebuild(site)
    assert sorted(calls) == sorted(set(calls)) and len(calls) == 3
    footer = parse(site.html("events/2024/2024-10-02-e2/")).find("section", cls="tl-related")
    assert footer is not None and "E1" in footer.text()
