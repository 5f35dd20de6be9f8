"""The contributor's preview: the real `mkdocs serve`, as `make serve` runs it. A bad entry is left
out and named in the log while the rest is served; a file that used to crash a build is named too,
and the server keeps answering."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest
from conftest import EPOCH, MKDOCS

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`mkdocs serve` in a subprocess, its log collected by a thread."""

    def __init__(self, root, *options: str):
        self.port = free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
        self.process = subprocess.Popen(
            [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{self.port}", "--livereload", *options],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def log(self) -> str:
        return "".join(self.lines)

    def get(self, path: str) -> tuple[int, str]:
        url = f"http://127.0.0.1:{self.port}/test/{path}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""

    def wait_for(self, condition, what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server stopped:\n{self.log}"
            try:
                if condition():
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise AssertionError(f"timed out waiting for {what}:\n{self.log}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def server(site):
    site.event("2024/2024-10-01-good.md", title="Good entry", date="2024-10-01")
    site.event("2024/2024-10-02-bad.md", title="Bad entry", date="2024-02-30")
    running = Server(site.root)
    yield running
    running.stop()


def test_a_bad_entry_is_left_out_of_the_preview_and_named_in_its_log(site, server):
    server.wait_for(lambda: server.get("")[0] == 200, "the first page")
    assert "Good entry" in server.get("timeline/")[1]
    assert server.get("events/2024/2024-10-01-good/")[0] == 200
    assert server.get("events/2024/2024-10-02-bad/")[0] == 404
    assert "content/events/2024/2024-10-02-bad.md:3:7: date: '2024-02-30' is not a date" in (
        server.log
    )
    assert "Aborted" not in server.log and "Traceback" not in server.log

    # files that used to crash a build: named, and the server goes on answering
    (site.content / "events/2024/2024-10-03-self.md").symlink_to("2024-10-03-self.md")
    (site.content / "events/2024/dangling.png").symlink_to("nowhere.png")
    # watchdog reports no event for a new link: a saved entry starts the rebuild
    site.event("2024/2024-10-04-another.md", title="Another", date="2024-10-04")
    server.wait_for(lambda: "2024-10-03-self.md:1:1: file: is a link" in server.log, "a rebuild")
    server.wait_for(lambda: "dangling.png:1:1: file: is a link" in server.log, "a rebuild")
    assert server.get("timeline/")[0] == 200

    # the contributor fixes the date: the entry appears, its problem is gone from the next build
    site.event("2024/2024-10-02-bad.md", title="Bad entry, fixed", date="2024-10-02")
    server.wait_for(
        lambda: "Bad entry, fixed" in server.get("events/2024/2024-10-02-bad/")[1], "the fix"
    )
    assert "Good entry" in server.get("timeline/")[1]
    assert "Traceback" not in server.log


def test_make_serve_hears_each_save_at_once_and_builds_once(site):
    """`make serve` (`--dirty`) is told of saved files by the system (inotify), instead of
    MkDocs listing every watched folder twice a second; the build's own reading of the entries
    starts no rebuild, and a file touched does, as it did with polling."""
    entry = site.event("2024/2024-10-01-a.md", title="First title", date="2024-10-01")
    server = Server(site.root, "--dirty")
    built = lambda: server.log.count("Documentation built")  # noqa: E731
    try:
        server.wait_for(lambda: "First title" in server.get("events/2024/2024-10-01-a/")[1], "it")
        assert "timeline: preview: files watched by notifications" in server.log
        time.sleep(1.5)
        before = built()
        for path in site.content.rglob("*"):  # read, as a build reads them
            if path.is_file():
                path.read_bytes()
        time.sleep(1.5)
        assert built() == before, server.log
        site.event("2024/2024-10-01-a.md", title="Second title", date="2024-10-01")
        server.wait_for(
            lambda: "Second title" in server.get("events/2024/2024-10-01-a/")[1], "the edit"
        )
        time.sleep(1.5)
        assert built() == before + 1, server.log  # one save, one build
        os.utime(entry)
        server.wait_for(lambda: built() == before + 2, "a rebuild after a touch")
        assert "Traceback" not in server.log
    finally:
        server.stop()


@pytest.mark.parametrize("config", ["mkdocs.yml", "timeline/cli/site_template/mkdocs.yml"])
def test_strictness_is_asked_for_by_ci_and_never_set_in_the_config(config):
    """`strict: true` in mkdocs.yml would stop `mkdocs serve` at the first bad entry: the
    contributor who made the typo could not preview at all. `make site` and CI ask for it."""
    from conftest import ROOT

    text = (ROOT / config).read_text(encoding="utf-8")
    assert not any(line.split("#")[0].strip().startswith("strict:") for line in text.splitlines())
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in makefile.split("\nsite:")[1].split("\n\n")[0]


def test_full_collections_come_after_the_build_and_free_what_builds_let_go(monkeypatch):
    """The preview's garbage collection (timeline/process.py `Collector`): not during a
    rebuild, while the contributor waits, but once it has ended; what is left is frozen, so
    that the next rebuild's collections skip it."""
    import gc
    import weakref

    from timeline.process import Collector

    monkeypatch.setattr(Collector, "DELAY", 0.05)
    monkeypatch.setattr(Collector, "AT_MOST", 2)
    collector = Collector()

    class Cycle:
        pass

    try:
        garbage = Cycle()
        garbage.itself = garbage
        gone = weakref.ref(garbage)
        gc.freeze()  # kept by an earlier build, then let go: frozen, never collected so far
        del garbage
        gc.collect()
        assert gone() is not None
        collector.after()  # a build has ended
        assert gone() is not None and collector.collections == 0  # not yet: its page is served
        deadline = time.monotonic() + 10
        while collector.collections == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert collector.collections == 1 and gone() is None
        assert gc.get_freeze_count() > 0  # what is left, frozen
        for _ in range(2):  # builds in quick succession put it off...
            collector.after()
            collector.hold()
        time.sleep(0.2)
        assert collector.collections == 1 and collector.put_off == 2
        collector.after()  # ...twice at most: then it comes as the build ends
        assert collector.collections == 2 and collector.put_off == 0
    finally:
        collector.hold()  # a timer left (none should be): cancelled
        gc.unfreeze()
    assert gc.get_freeze_count() == 0
