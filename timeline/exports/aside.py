"""Exports written aside: by a forked process, while the process that forked it goes on (the
contributor's preview serves its pages meanwhile). The child only renders and writes files, each
whole through a temporary file beside the site's folder, and ends with `os._exit`: it takes no
lock that another thread of the parent may hold, so forking beside threads is safe here."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Callable, Iterable

Render = Callable[[], Iterable[tuple[str, bytes]]]  # (path in the site, content) per file


def write_all(render: Render, site_dir: str) -> None:
    """Each file `render` gives written whole into `site_dir`, through a temporary file."""
    spare = os.path.dirname(os.path.abspath(site_dir))
    for path, content in render():
        handle, partial = tempfile.mkstemp(dir=spare, prefix=".timeline-")
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(partial, 0o644)  # as MkDocs writes files (mkstemp's are private)
        target = os.path.join(site_dir, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(partial, target)


def write_aside(render: Render, site_dir: str) -> int | None:
    """`write_all` in a forked child: its process id; None when no process could be started
    (then the files are written here, before returning)."""
    try:
        pid = os.fork()
    except OSError:
        write_all(render, site_dir)
        return None
    if pid == 0:  # the child
        status = 1
        try:
            write_all(render, site_dir)
            status = 0
        finally:
            os._exit(status)
    return pid


def stop_aside(pid: int | None) -> None:
    """Stop a child of `write_aside`, if it still runs."""
    if pid is not None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        wait_aside(pid)


def wait_aside(pid: int | None) -> None:
    """Wait for a child of `write_aside` to end."""
    if pid is not None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


class Aside:
    """The one process writing files aside for a series of builds (the preview's): a newer
    `start` stops the last one first."""

    def __init__(self) -> None:
        self.pid: int | None = None

    def start(self, render: Render, site_dir: str) -> bool:
        """Write `render`'s files aside; False when they were written here (no process)."""
        self.stop()
        self.pid = write_aside(render, site_dir)
        return self.pid is not None

    def stop(self) -> None:
        stop_aside(self.pid)
        self.pid = None

    def wait(self) -> None:
        wait_aside(self.pid)
        self.pid = None
