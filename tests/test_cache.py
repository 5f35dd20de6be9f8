"""The entry cache kept across `mkdocs serve` rebuilds returns exactly what `read_entry` would."""

from __future__ import annotations

from conftest import ACTORS, entry

from timeline.cache import EntryCache
from timeline.check.registry import load_registry
from timeline.entry import read_entry

REGISTRY, _ = load_registry(ACTORS.encode(), "content/actors.yml")


def files(**texts: str) -> list[tuple[bytes, str, str]]:
    return [
        (text.encode(), f"content/events/{name}.md", f"events/{name}.md")
        for name, text in texts.items()
    ]


def test_unchanged_files_are_reused_and_an_edited_one_is_parsed_again():
    cache = EntryCache()
    first = cache.read_all(files(a=entry(title="A"), b=entry(title="B")), REGISTRY, b"r1")
    assert (cache.parsed, cache.reused) == (2, 0)
    again = cache.read_all(files(a=entry(title="A"), b=entry(title="B edited")), REGISTRY, b"r1")
    assert (cache.parsed, cache.reused) == (1, 1)
    assert again[0][1] is first[0][1]  # the very same immutable event
    assert again[1][1].title == "B edited"


def test_results_equal_what_read_entry_returns_including_problems():
    cache = EntryCache()
    bad = entry(title="Bad", date="2024-02-30")
    for _ in range(2):
        [(rel_path, event, problems)] = cache.read_all(files(bad=bad), REGISTRY, b"r1")
        assert (event, problems) == read_entry(
            bad.encode(), "content/events/bad.md", "events/bad.md", REGISTRY
        )
        assert rel_path == "events/bad.md" and problems[0].field == "date"
    assert (cache.parsed, cache.reused) == (0, 1)


def test_a_changed_registry_validates_every_entry_again():
    cache = EntryCache()
    text = entry(actors="[lloyd-austin]")
    cache.read_all(files(a=text), REGISTRY, b"r1")
    empty, _ = load_registry(b"[]", "content/actors.yml")
    [(_, event, problems)] = cache.read_all(files(a=text), empty, b"r2")
    assert cache.parsed == 1 and event is None
    assert "unknown actor 'lloyd-austin'" in problems[0].message


def test_removed_files_are_forgotten():
    cache = EntryCache()
    cache.read_all(files(a=entry(), b=entry()), REGISTRY, b"r1")
    cache.read_all(files(a=entry()), REGISTRY, b"r1")
    cache.read_all(files(a=entry(), b=entry()), REGISTRY, b"r1")
    assert (cache.parsed, cache.reused) == (1, 1)


def test_returned_problem_lists_are_copies():
    cache = EntryCache()
    bad = entry(date="2024-02-30")
    [(_, _, problems)] = cache.read_all(files(bad=bad), REGISTRY, b"r1")
    problems.clear()
    [(_, _, problems)] = cache.read_all(files(bad=bad), REGISTRY, b"r1")
    assert len(problems) == 1


def test_the_registry_is_parsed_again_only_when_its_bytes_change():
    cache = EntryCache()
    first, problems = cache.registry(ACTORS.encode(), "content/actors.yml")
    assert problems == [] and "nis" in first
    assert cache.registry(ACTORS.encode(), "content/actors.yml")[0] is first
    edited, _ = cache.registry(ACTORS.encode() + b"- id: x\n  name: X\n  kind: group\n", "a.yml")
    assert edited is not first and "x" in edited
    broken, problems = cache.registry(b"[", "content/actors.yml")
    assert len(broken) == 0 and problems[0].field == "registry"


def test_a_cache_not_kept_holds_no_file_s_bytes():
    """A one-off build (`mkdocs build`, `timeline check`) keeps nothing for a next call: at
    50,000 entries the bytes alone are 240 MB held to the end of the build."""
    cache = EntryCache(keep=False)
    texts = files(a=entry(title="A"), b=entry(title="B"))
    results = cache.read_all(texts, REGISTRY, b"r1")
    assert [event.title for _, event, _ in results] == ["A", "B"]
    assert cache._kept == {}
    cache.read_all(texts, REGISTRY, b"r1")
    assert (cache.parsed, cache.reused) == (2, 0)


def test_the_plugin_keeps_its_cache_only_for_mkdocs_serve():
    from plugins.plugin import TimelinePlugin

    for command, kept in (("build", False), ("gh-deploy", False), ("serve", True)):
        plugin = TimelinePlugin()
        plugin.on_startup(command=command, dirty=False)
        assert plugin.entry_cache.keep is kept
