"""The entry cache kept across `mkdocs serve` rebuilds returns exactly what `read_entry` would."""

from __future__ import annotations

import os
import time

from conftest import ACTORS, entry

import timeline.cache
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


def test_an_unchanged_file_is_not_read_again_and_any_save_is_seen(tmp_path, monkeypatch):
    """A preview reads only the files saved since its last build: an unchanged file's bytes
    are the very object kept; a file rewritten to the same size with its time set back (as
    `touch -d` or a copy that keeps times would) is read again, by its change time."""
    monkeypatch.setattr(timeline.cache, "RECENT_NS", 0)  # every file counts as settled
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "a.md").write_text("one")
    (folder / "b.md").write_text("two")
    shown = lambda path: f"content/{path}"  # noqa: E731
    cache, names = EntryCache(), ["events/a.md", "events/b.md"]
    first, failed = cache.contents(str(tmp_path), names, shown)
    assert [(raw, path) for raw, path, _ in first] == [
        (b"one", "content/events/a.md"), (b"two", "content/events/b.md")
    ]  # fmt: skip
    assert failed == []
    before = os.stat(folder / "b.md")
    time.sleep(0.05)  # past the file system clock's tick
    (folder / "b.md").write_text("TWO")
    os.utime(folder / "b.md", ns=(before.st_atime_ns, before.st_mtime_ns))
    again, _ = cache.contents(str(tmp_path), names, shown)
    assert again[0][0] is first[0][0]  # not read again
    assert again[1][0] == b"TWO"
    (folder / "a.md").unlink()
    last, failed = cache.contents(str(tmp_path), names, shown)
    assert [rel for _, _, rel in last] == ["events/b.md"]
    assert [(rel, path, type(error)) for rel, path, error in failed] == [
        ("events/a.md", "content/events/a.md", FileNotFoundError)
    ]


def test_a_file_changed_within_the_last_seconds_is_read_again(tmp_path):
    """Two saves within one tick of the file system's clock can leave the same times: a file
    changed that recently is not trusted to be unchanged by its times."""
    (tmp_path / "a.md").write_text("one")
    cache = EntryCache()
    first, _ = cache.contents(str(tmp_path), ["a.md"], str)
    before = os.stat(tmp_path / "a.md")
    (tmp_path / "a.md").write_text("ONE")
    os.utime(tmp_path / "a.md", ns=(before.st_atime_ns, before.st_mtime_ns))
    again, _ = cache.contents(str(tmp_path), ["a.md"], str)
    assert first[0][0] == b"one" and again[0][0] == b"ONE"


def test_a_cache_not_kept_reads_every_file_every_time(tmp_path):
    (tmp_path / "a.md").write_text("one")
    cache = EntryCache(keep=False)
    first, _ = cache.contents(str(tmp_path), ["a.md"], str)
    again, _ = cache.contents(str(tmp_path), ["a.md"], str)
    assert first[0][0] == again[0][0] == b"one" and first[0][0] is not again[0][0]
    assert cache._files == {}


def test_a_kept_cache_finds_a_broken_link_added_and_forgets_it_once_fixed(site):
    """`load_timeline` with one cache across a preview's rebuilds: a write-up given a link to a
    page the site does not have is an error at once, and its fix clears it (what a write-up
    links to is kept between calls, by its text)."""
    from timeline.loader import load_timeline

    cache = EntryCache()
    site.event("2024/2024-10-01-a.md", title="A", body="Plain, [a source](https://example.com).")
    site.event("2024/2024-10-02-b.md", title="B")

    def problems() -> list[tuple[str, str]]:
        timeline = load_timeline(str(site.content), cache=cache)
        return [(p.field, p.message) for p in timeline.problems if p.severity == "error"]

    assert problems() == []
    site.event("2024/2024-10-01-a.md", title="A", body="See [the vote](2024-10-09-missing.md).")
    [(field, message)] = problems()
    assert field == "body" and "2024-10-09-missing.md" in message
    site.event("2024/2024-10-01-a.md", title="A", body="See [B](2024-10-02-b.md).")
    assert problems() == []
    assert len(load_timeline(str(site.content), cache=cache).events) == 2


def test_what_publishes_as_it_is_among_many_images(site):
    """MkDocs asks of every file whether it goes to the site as it is: the events folder's
    images do, its entries and the registries do not (asked 50,000 times at 50,000 events, of
    a timeline with thousands of images)."""
    from timeline.loader import load_timeline

    site.event("2024/2024-10-01-a.md", title="A")
    for n in range(300):
        site.write(f"events/2024/p{n}.png", b"\x89PNG")
    site.write("about.md", "# About\n")
    timeline = load_timeline(str(site.content))
    assert len(timeline.images) == 300
    asked = {
        "events/2024/p0.png": True, "events/2024/p299.png": True, "events/2024/p300.png": False,
        "events/2024/2024-10-01-a.md": False, "actors.yml": False, "about.md": True,
        "index.md": True,
    }  # fmt: skip
    assert {path: timeline.publishes_as_is(path) for path in asked} == asked
