"""`python -m bench.preview [--n 1000 5000] [--edits 50]`: how long a contributor waits, in the real
`mkdocs serve --dirty` (`make serve`), from saving an entry to its new page being served.

For each N: generates the benchmark's site, starts `mkdocs serve --dirty`, waits for the first
build, then for each kind of edit (a sentence added to the body, the title changed, the date moved
to another month with the file renamed, a new entry) saves the file and polls the page's URL until
the change is there (the server holds requests while it builds). Then `--edits` more body edits,
and the serving process's memory (RSS) before and after them. Prints a Markdown table."""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .generate import generate
from .measure import BASE_ENV
from .sites import write_site


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, limit: float = 600.0, absent: str | None = None) -> float:
    """Seconds until the page at `url` contains `text` (and not `absent`), polled every 20 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        page = _get(url)
        if page is not None and text in page and (absent is None or absent not in page):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise RuntimeError(f"{url} did not show {text!r} within {limit:.0f} s")


def _rss_mb(pid: int) -> float:
    """Resident memory of the process and its children, in MB."""
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total += int(line.split()[1])
    return total / 1024


def _url(base: str, docs: Path, path: Path) -> str:
    return base + str(path.relative_to(docs).with_suffix("")) + "/"


def measure(n: int, edits: int, root: Path) -> dict:
    site = write_site("ours", generate(n), root)
    docs = site / "docs"
    port = _port()
    base = f"http://127.0.0.1:{port}/bench/"  # the site's address is https://example.org/bench/
    env = dict(os.environ, **BASE_ENV)
    log = open(root / "serve.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=site, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        entries = sorted((docs / "events").rglob("*.md"))
        day_line = re.compile(r"^date: (\d{4})-(\d\d)-(\d\d)$", re.M)
        dated = [p for p in entries if re.match(r"\d{4}-\d\d-\d\d-", p.name)]
        entry = next(p for p in dated[len(dated) // 2 :] if day_line.search(p.read_text("utf-8")))
        text = entry.read_text(encoding="utf-8")
        start = time.perf_counter()
        # the first build draws every social card, on one CPU: about 1,100 s at N = 50,000
        _wait_for(_url(base, docs, entry), "<title>", limit=max(600.0, n * 0.06))
        results: dict = {"first build": time.perf_counter() - start}
        print(f"N={n}: first build {results['first build']:.1f} s", file=sys.stderr)

        def timed(name: str, change, url: str, marker: str) -> None:
            time.sleep(1.5)  # the exports of the last edit are written; the watcher is idle
            change()
            saved = time.perf_counter()
            _wait_for(url, marker)
            results[name] = time.perf_counter() - saved
            print(f"N={n}: {name} {results[name]:.2f} s", file=sys.stderr)

        url = _url(base, docs, entry)
        sentence = "A sentence for the preview."
        edited = text + f"\n{sentence}\n"
        timed("body edit", lambda: entry.write_text(edited, encoding="utf-8"), url, sentence)
        titled = re.sub(r'^title: "(.*)"$', r'title: "\1, edited"', text, count=1, flags=re.M)
        title = re.search(r'^title: "(.*)"$', titled, re.M)[1]
        timed("title edit", lambda: entry.write_text(titled, encoding="utf-8"), url, title)
        entry.write_text(text, encoding="utf-8")
        _wait_for(url, "<title>", absent=title)  # the entry as it was, served again
        day = day_line.search(text)
        new_day = f"{day[1]}-{int(day[2]) % 12 + 1:02d}-01"
        moved = entry.with_name(new_day + entry.name[10:])
        moved_text = re.sub(r"^end: .*\n", "", text.replace(day[0], "date: " + new_day), flags=re.M)

        def move() -> None:
            entry.unlink()
            moved.write_text(moved_text, encoding="utf-8")

        timed("date moved", move, _url(base, docs, moved), "<title>")
        added = moved.with_name(new_day + "-an-entry-added-for-the-preview.md")
        added_text = re.sub(r'^title: "(.*)"$', 'title: "An entry added for the preview"',
                            moved_text, count=1, flags=re.M)  # fmt: skip
        timed("new entry", lambda: added.write_text(added_text, encoding="utf-8"),
              _url(base, docs, added), "An entry added for the preview")  # fmt: skip
        added.unlink()
        moved.unlink()
        entry.write_text(text, encoding="utf-8")
        _wait_for(url, "<title>")
        time.sleep(2)
        results["memory before"] = _rss_mb(server.pid)
        seconds = []
        for number in range(edits):
            marker = f"Edit number {number} of the preview."
            entry.write_text(text + f"\n{marker}\n", encoding="utf-8")
            saved = time.perf_counter()
            _wait_for(url, marker)
            seconds.append(time.perf_counter() - saved)
            time.sleep(0.3)
        results["memory after"] = _rss_mb(server.pid)
        results["edits"] = sorted(seconds)
        return results
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


def table(measured: list[tuple[int, dict]], edits: int) -> str:
    """The figures as a Markdown table, one row per N."""
    lines = [
        "| N | body edit | title edit | date moved | new entry"
        f" | {edits} body edits: median / worst | memory (RSS) | first build |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, r in measured:
        edits_s = r["edits"]
        median = edits_s[len(edits_s) // 2] if edits_s else float("nan")
        worst = edits_s[-1] if edits_s else float("nan")
        lines.append(
            f"| {n:,} | {r['body edit']:.2f} s | {r['title edit']:.2f} s | {r['date moved']:.2f} s"
            f" | {r['new entry']:.2f} s | {median:.2f} s / {worst:.2f} s"
            f" | {r['memory before']:.0f} → {r['memory after']:.0f} MB | {r['first build']:.1f} s |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.preview", description=__doc__)
    parser.add_argument("--n", default="1000 5000", help="sizes, e.g. '1000 5000'")
    parser.add_argument("--edits", type=int, default=50, help="body edits for the memory figure")
    args = parser.parse_args(argv)
    measured = []
    for n in [int(x) for x in args.n.split()]:
        with tempfile.TemporaryDirectory(prefix=f"preview-{n}-") as tmp:
            measured.append((n, measure(n, args.edits, Path(tmp))))
    print(table(measured, args.edits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
