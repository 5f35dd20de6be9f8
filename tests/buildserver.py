"""Test builds without paying for MkDocs' imports each time: a process that imports MkDocs, the
theme and the plugin once, then forks a child per build that runs `mkdocs build`'s own
command-line function in the site's folder, with the build's environment, its output (stdout
and stderr, merged) written to a file. A child is a fresh copy of a process that has imported
and never built, so each build starts as `python -m mkdocs build` starts; what a forked child
cannot have (its own hash seed, time zone or locale) is asked of a fresh process instead
(`conftest.mkdocs_build`). Forking saves about 0.4 s of CPU a build, a third of a small one.

Run as a program by `BuildServer`; one request a line on stdin (JSON: cwd, env, args, output),
one answer a line on stdout (the exit code)."""

from __future__ import annotations

import json
import locale
import os
import select
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

# Variables a running interpreter does not take up again: a build that sets one starts afresh
FRESH_ONLY = ("PYTHON", "TZ", "LANG", "LC_")


class BuildServer:
    """The client side, in the test process: started on first use, stopped at the session's end.
    Starting it creates no thread here (the tests of forked rendering need a process of one)."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.process: subprocess.Popen | None = None

    @staticmethod
    def can_serve(env_vars: dict[str, str]) -> bool:
        return not any(name.startswith(FRESH_ONLY) for name in env_vars)

    def build(
        self, cwd: Path, args: list[str], env: dict[str, str], timeout: float
    ) -> subprocess.CompletedProcess:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [sys.executable, __file__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=self.env,
                start_new_session=True,  # stopped with its children (killpg) on a timeout
            )
        handle, output = tempfile.mkstemp(prefix="mkdocs-build-", suffix=".txt")
        os.close(handle)
        output = Path(output)
        request = {"cwd": str(cwd), "env": env, "args": args, "output": str(output)}
        self.process.stdin.write(json.dumps(request).encode() + b"\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            raise subprocess.TimeoutExpired(["mkdocs", *args], timeout)
        code = json.loads(self.process.stdout.readline())
        raw = output.read_bytes()
        output.unlink()
        # as subprocess.run(text=True) decodes: the locale's encoding, universal newlines
        text = raw.decode(locale.getpreferredencoding(False))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return subprocess.CompletedProcess(["mkdocs", *args], code, text)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=60)


def serve() -> None:
    del sys.path[0]  # this script's folder (tests/); a child puts its build's folder, as -m does
    import mkdocs.__main__
    import timeline_mkdocs.plugin  # noqa: F401
    from material.plugins.search import plugin as search  # noqa: F401
    from material.plugins.tags import plugin as tags  # noqa: F401

    for line in sys.stdin:
        request = json.loads(line)
        output = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        child = os.fork()
        if child == 0:
            code = 1
            try:
                os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # not the server's requests
                os.dup2(output, 1)
                os.dup2(output, 2)
                os.chdir(request["cwd"])
                sys.path.insert(0, os.getcwd())
                os.environ.clear()
                os.environ.update(request["env"])
                mkdocs.__main__.cli.main(request["args"], prog_name="mkdocs")  # exits
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 1
            except BaseException:  # as the interpreter would: the traceback, exit code 1
                import traceback

                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        os.close(output)
        _, status = os.waitpid(child, 0)
        sys.stdout.write(json.dumps(os.waitstatus_to_exitcode(status)) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
