"""Pages' parts and exports rendered ahead in a forked process (timeline/parallel.py) make the same
site, byte for byte, as rendering them in the build's own process; and a worker that fails only
means they are rendered in the build's process after all."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time

import pytest
from conftest import mkdocs_build
from htmlparse import parse
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sample_site import write_sample_site
from test_reproducible import tree

from timeline.parallel import Alongside, can_fork
from timeline.views.render import SitePages, Stored

pytestmark = pytest.mark.e2e

TWO_CPUS = len(os.sched_getaffinity(0)) > 1  # CI has two


def sample(root, render_ahead_after: int):
    site = write_sample_site(root)
    config = (root / "mkdocs.yml").read_text()
    option = f"\n      render_ahead_after: {render_ahead_after}"
    (root / "mkdocs.yml").write_text(config.replace("  - timeline:", "  - timeline:" + option, 1))
    return site


def test_rendering_ahead_gives_the_same_site_byte_for_byte(tmp_path):
    sample(tmp_path / "ahead", render_ahead_after=1)
    sample(tmp_path / "here", render_ahead_after=-1)
    phases = tmp_path / "phases.json"
    first = mkdocs_build(tmp_path / "ahead", strict=True, TIMELINE_PHASES_FILE=str(phases))
    assert first.returncode == 0, first.stdout
    parallel = json.loads(phases.read_text())["parallel"]
    assert (parallel.get("rendered ahead", 0) > 0) == TWO_CPUS  # it ran in a second process
    assert ("pages written alongside" in parallel) == TWO_CPUS  # and so did that
    second = mkdocs_build(tmp_path / "here", strict=True, TIMELINE_PHASES_FILE=str(phases))
    assert second.returncode == 0, second.stdout
    assert json.loads(phases.read_text())["parallel"] == {}

    one, two = tree(tmp_path / "ahead/site"), tree(tmp_path / "here/site")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    event = next(name for name in one if name.startswith("events/2024/"))
    page = parse(one[event].decode())
    assert page.find("header", cls="tl-header") and page.find("section", cls="tl-sources")
    for name in ("timeline.ics", "feed.xml", "timeline.json"):
        assert len(one[name]) > 1000, name  # the exports were written (by the worker)


def test_a_failing_worker_means_the_pages_are_rendered_here(tmp_path, monkeypatch, caplog):
    site = sample(tmp_path, render_ahead_after=1)
    parent = os.getpid()
    render = SitePages.render

    def fails_in_the_worker(self, page):
        if os.getpid() != parent:
            raise RuntimeError("worker broke")
        return render(self, page)

    monkeypatch.setattr(SitePages, "render", fails_in_the_worker)
    monkeypatch.setattr("timeline.views.render.cpus", lambda: 2)  # whatever the machine
    assert can_fork(), "another thread runs in this process: the plugin would not fork"
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.timeline"):
        build(config)
    failure = [r.getMessage() for r in caplog.records if "the worker failed" in r.msg]
    assert len(failure) == 1 and "RuntimeError: worker broke" in failure[0]
    for path in (site.root / "site/events/2024").iterdir():
        page = parse((path / "index.html").read_text())
        assert page.find("header", cls="tl-header") is not None, path
        assert page.find("nav", cls="tl-pager") is not None, path
    assert b"BEGIN:VEVENT" in (site.root / "site/timeline.ics").read_bytes()


def test_when_no_process_can_start_everything_is_rendered_here(tmp_path, monkeypatch):
    site = sample(tmp_path, render_ahead_after=1)

    def no_fork(function):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr("timeline.views.render.cpus", lambda: 2)
    monkeypatch.setattr("timeline.views.render.Forked", no_fork)
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    assert b"BEGIN:VEVENT" in (site.root / "site/timeline.ics").read_bytes()
    assert json.loads((site.root / "site/timeline.json").read_text())["events"]
    event = next((site.root / "site/events/2024").iterdir())
    assert parse((event / "index.html").read_text()).find("header", cls="tl-header") is not None


class Poison:
    """What a page's own title, metadata, table of contents and content are, in the worker:
    rendering ahead must not read them (they are not known yet when it forks)."""

    def __getattr__(self, name):
        raise AssertionError(f"rendering ahead read a page's own data (.{name})")

    def __str__(self):
        raise AssertionError("rendering ahead read a page's own data")

    __iter__ = __bool__ = __len__ = __getitem__ = __contains__ = __str__


def test_the_worker_never_reads_a_page_s_own_title_metadata_toc_or_content(
    tmp_path, monkeypatch, caplog
):
    """The rule that makes rendering ahead safe, checked: in the worker every page's own data
    is poisoned, and the site is still complete, with no fallback."""
    site = sample(tmp_path, render_ahead_after=1)
    parent, render_all = os.getpid(), SitePages.render_all

    def poisoned(self, all_pages, out):
        if os.getpid() != parent:
            for page in all_pages:
                page.title = page.meta = page.toc = page.content = page.markdown = Poison()
        return render_all(self, all_pages, out)

    monkeypatch.setattr(SitePages, "render_all", poisoned)
    monkeypatch.setattr("timeline.views.render.cpus", lambda: 2)
    assert can_fork(), "another thread runs in this process: the plugin would not fork"
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.timeline"):
        build(config)
    assert not [r for r in caplog.records if "rendered here" in r.getMessage()]
    for path in (site.root / "site/events/2024").iterdir():
        assert parse((path / "index.html").read_text()).find("nav", cls="tl-pager") is not None


def test_the_build_holds_one_page_s_parts_at_a_time_and_leaves_no_temporary_file(
    tmp_path, monkeypatch, caplog
):
    """The parts rendered ahead stay in the worker's file until each page is built: the build's
    process never holds more than the page it is writing (memory at 50,000 entries), and the
    file and the exports' folder are gone once the build is done."""
    site = sample(tmp_path / "site", render_ahead_after=1)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setattr("timeline.views.render.cpus", lambda: 2)
    held, compose, waiting, taken = [], SitePages.compose, [], []
    take = Stored.take
    monkeypatch.setattr(Stored, "take", lambda self, uri: taken.append(uri) or take(self, uri))

    def watched(self, page):
        waiting.append(len(self.waiting))
        compose(self, page)
        held.append(len(self.rendered))

    monkeypatch.setattr(SitePages, "compose", watched)
    assert can_fork(), "another thread runs in this process: the plugin would not fork"
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.timeline"):
        build(config)
    assert not [r for r in caplog.records if "rendered here" in r.getMessage()]
    assert len(taken) == len(set(taken)) >= 50  # each page's parts read from the file, once
    pages = len([p for p in (site.root / "site").rglob("index.html")])
    assert waiting[0] >= 50 and len(held) >= 50 and pages >= 50
    assert max(held) == 1, "a page's parts are let go once it is written"
    assert list(scratch.iterdir()) == []
    feed = json.loads((site.root / "site/timeline.json").read_text())
    assert len(feed["events"]) == 50  # the worker's exports, copied before the folder went


def built(root, monkeypatch, strict=False):
    """The sample site built in this process, pages written alongside (on any machine)."""
    monkeypatch.setattr("timeline.views.render.cpus", lambda: 2)
    assert can_fork(), "another thread runs in this process: the plugin would not fork"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return tree(root / "site")


def test_pages_the_second_process_could_not_write_are_written_here(tmp_path, monkeypatch):
    """Pages' HTML is rendered by a second process as MkDocs writes them (`Written`): a page
    during which it failed, or said anything, is rendered again by the build's own process,
    and the site is the same, byte for byte, as one rendered in a single process."""
    sample(tmp_path / "one", render_ahead_after=-1)
    site = sample(tmp_path / "two", render_ahead_after=1)
    parent, after_content, tried = os.getpid(), SitePages.after_content, tmp_path / "tried"
    tried.mkdir()
    says, fails = event_uris(site)[-5], event_uris(site)[-3]  # it goes on after the first

    def trouble(self, page):
        if os.getpid() != parent and page.file.src_uri in (fails, says):
            (tried / page.file.src_uri.replace("/", "_")).touch()
            if page.file.src_uri == fails:
                raise RuntimeError("only in the second process")
            logging.getLogger("mkdocs.plugins.timeline").info("said in the second process")
        return after_content(self, page)

    take = Alongside.take
    monkeypatch.setattr(Alongside, "take", lambda self, i: time.sleep(0.01) or take(self, i))
    monkeypatch.setattr(SitePages, "after_content", trouble)
    one, two = built(tmp_path / "one", monkeypatch), built(site.root, monkeypatch)
    assert len(list(tried.iterdir())) == 2  # the second process met both
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


def test_a_warning_while_a_page_is_rendered_alongside_is_said_once_and_fails_strict(
    tmp_path, monkeypatch, caplog
):
    """Something said while a page is rendered in the second process is not said there: the
    page is rendered again here, where it is said once and counts for `--strict`."""
    site = sample(tmp_path, render_ahead_after=1)
    after_content, parent = SitePages.after_content, os.getpid()
    warns = event_uris(site)[-2]

    def warning(self, page):
        if page.file.src_uri == warns:
            if os.getpid() != parent:
                (tmp_path / "tried").touch()
            logging.getLogger("mkdocs.plugins.timeline").warning("a warning from a template")
        return after_content(self, page)

    take = Alongside.take
    monkeypatch.setattr(Alongside, "take", lambda self, i: time.sleep(0.01) or take(self, i))
    monkeypatch.setattr(SitePages, "after_content", warning)
    with caplog.at_level(logging.INFO), pytest.raises(Abort, match="1 warnings"):
        built(site.root, monkeypatch, strict=True)
    assert (tmp_path / "tried").exists()
    said = [r for r in caplog.records if r.getMessage() == "a warning from a template"]
    assert len(said) == 1


def event_uris(site) -> list[str]:
    """The event pages' paths in the docs folder, in the order MkDocs writes them."""
    events = site.content / "events"
    return sorted(f"events/{p.relative_to(events).as_posix()}" for p in events.rglob("*.md"))


@pytest.mark.parametrize("why", ["thread", "fork"])
def test_when_pages_cannot_be_written_alongside_they_are_written_here(
    tmp_path, monkeypatch, caplog, why
):
    """A thread started since the build began (by another plugin) makes forking unsafe; a fork
    can fail. Either way the build says so and writes every page itself."""
    sample(tmp_path / "one", render_ahead_after=-1)
    site = sample(tmp_path / "two", render_ahead_after=1)
    if why == "thread":  # safe when the build starts, not once the pages are read
        answers = iter([True])
        monkeypatch.setattr("timeline.views.render.can_fork", lambda: next(answers, False))
    else:
        monkeypatch.setattr(Alongside, "__init__", lambda *a: (_ for _ in ()).throw(OSError(11)))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.timeline"):
        two = built(site.root, monkeypatch)
    said = [r.getMessage() for r in caplog.records if "pages written here alone" in r.getMessage()]
    assert len(said) == 1 and ("thread" in said[0]) == (why == "thread")
    one = built(tmp_path / "one", monkeypatch)
    assert [name for name in one if one[name] != two.get(name)] == [] and len(one) == len(two)
