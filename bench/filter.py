"""Benchmark: filtering a large timeline by an actor in Chromium, and the size of its pages.

    python -m bench.filter [--n 2000] [--runs 15] [--keep DIR]

Generates N synthetic but realistic entries, builds the site with the real `mkdocs build`
(the plugin's defaults: year pages past 200 events), serves it on 127.0.0.1 and, in Debian's
Chromium, chooses an actor in the filter form several times on the main timeline page and on the
largest year page; then does the same on a build with every event on one page (the worst case).
Prints the median time of the script's work plus the style and layout it causes, the time to the
next frame, and each page's HTML size. Figures, not a pass/fail test (README, Performance).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .generate import generate as generate_corpus
from .sites import write_content

# Debian's Chromium, driven by Playwright (docs/testing.md); the browser tests use the same recipe
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]

# --- the benchmark's own generated entries (bench/generate.py), as a site ----------------------


def generate(root: Path, n: int, **plugin_options: int) -> None:
    """Write a site of `n` generated entries (the same corpus as `python -m bench`)."""
    write_content(generate_corpus(n), root / "content")
    (root / "content" / "index.md").write_text("# Benchmark\n\n<!-- timeline:latest 5 -->\n")
    options = "".join(f"\n      {key}: {value}" for key, value in plugin_options.items())
    (root / "mkdocs.yml").write_text(
        "site_name: Benchmark\nsite_url: http://127.0.0.1/\ndocs_dir: content\n"
        "theme:\n  name: material\n  font: false\n  features: [navigation.instant]\n"
        f"plugins:\n  - search\n  - tags\n  - timeline:{options or ' {}'}\n"
        "nav:\n  - Home: index.md\n  - Timeline: timeline/index.md\n  - Actors: actors/index.md\n",
        encoding="utf-8",
    )


# --- building, serving, measuring ------------------------------------------------------------


def build(root: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1730332800")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"],
        cwd=root,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


MEASURE = """async ([actor, runs]) => {
  const select = document.querySelector('#tl-filter-actor');
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const work = [], painted = [];
  for (let i = 0; i < runs; i++) {
    select.value = '';
    select.dispatchEvent(new Event('change', {bubbles: true}));
    document.body.offsetHeight;
    await frame();
    const start = performance.now();
    select.value = actor;
    select.dispatchEvent(new Event('change', {bubbles: true}));
    document.body.offsetHeight;  // the style and layout the change causes
    work.push(performance.now() - start);
    await frame();
    painted.push(performance.now() - start);
  }
  return [work, painted];
}"""

BUSIEST = """() => {
  const options = [...document.querySelectorAll('#tl-filter-actor option')].filter(o => o.value);
  const count = o => Number(o.textContent.match(/\\((\\d+)\\)$/)[1]);
  options.sort((a, b) => count(b) - count(a));
  return [options[0].value, count(options[0]), options[Math.floor(options.length / 2)].value,
          count(options[Math.floor(options.length / 2)])];
}"""


def serve(directory: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(browser, url: str, runs: int) -> list[str]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    items = page.locator("li.tl-event").count()
    busiest, busiest_n, middle, middle_n = page.evaluate(BUSIEST)
    lines = []
    for actor, matching in ((busiest, busiest_n), (middle, middle_n)):
        work, painted = page.evaluate(MEASURE, [actor, runs])
        lines.append(
            f"  {items} events, actor {actor} ({matching} match): "
            f"median {statistics.median(work):.1f} ms script+layout, "
            f"{statistics.median(painted):.1f} ms to the next frame (max {max(work):.1f} ms)"
        )
    page.close()
    return lines


def size(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.0f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.filter", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--n", type=int, default=2000, help="number of events (default 2000)")
    parser.add_argument("--runs", type=int, default=15, help="filter runs per measure")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright  # only the benchmark needs it

    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        split, single = base / "split", base / "single"
        generate(split, args.n)
        generate(single, args.n, year_pages_after=args.n + 1)
        print(f"{args.n} generated events")
        for name, root in (("default (year pages)", split), ("all on one page", single)):
            print(f"build, {name}: {build(root):.1f} s")
        main_page = split / "site/timeline/index.html"
        years = sorted(
            (split / "site/timeline").glob("*/index.html"), key=lambda p: p.stat().st_size
        )
        print(f"HTML size: main timeline page {size(main_page)}", end="")
        if years:
            print(f", largest year page ({years[-1].parent.name}) {size(years[-1])}", end="")
        print(f", single page of all events {size(single / 'site/timeline/index.html')}")

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for label, root, path in (
                ("main timeline page", split, "timeline/"),
                ("largest year page", split, f"timeline/{years[-1].parent.name}/" if years else ""),
                ("all events on one page", single, "timeline/"),
            ):
                if not path:
                    continue
                server, url = serve(root / "site")
                print(f"filter by an actor, {label}:")
                print("\n".join(measure(browser, url + path, args.runs)))
                server.shutdown()
                server.server_close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
