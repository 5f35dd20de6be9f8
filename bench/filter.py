"""Benchmark: filtering a large timeline by an actor in Chromium, and the size of its pages.

    python -m bench.filter [--n 2000] [--runs 15] [--keep DIR]

Generates N synthetic but realistic entries, builds the site with the real `mkdocs build`
(the plugin's defaults: year pages past 200 events), serves it on 127.0.0.1 and, in Debian's
Chromium, chooses an actor in the filter form several times on the main timeline page and on the
largest year page; then does the same on a build with every event on one page (the worst case).
Prints the median time of the script's work plus the style and layout it causes, the time to the
next frame, and each page's HTML size. Figures, not a pass/fail test (SPEC §8).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

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

# --- a small generator of realistic entries (to be unified with `python -m bench`'s) -----------

COUNTRIES = ["north-korea", "russia", "ukraine", "south-korea", "united-states", "china", "japan"]
KINDS = {"person": 40, "organization": 20, "group": 13}
TAGS = [
    "kursk", "casualties", "diplomacy", "prisoners of war", "intelligence", "weapons", "artillery",
    "missiles", "sanctions", "treaty", "training", "drones", "propaganda", "defectors", "logistics",
    "air defence", "navy", "cyber", "humanitarian", "united nations",
]  # fmt: skip
STATUSES = ["confirmed"] * 3 + ["reported"] * 5 + ["claimed"] * 2 + ["disputed", "denied"]
WORDS = (
    "officials said troops were deployed near the border after talks in the capital while "
    "intelligence reports described new shipments of shells and missiles and analysts warned "
    "that losses could rise as units rotated through the region during the winter offensive"
).split()
PUBLISHERS = ["Reuters", "AP", "BBC", "Yonhap", "CNN", "The Guardian", "NHK", "Kyiv Independent"]


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize()


def generate(root: Path, n: int, seed: int = 2024, **plugin_options: int) -> None:
    """Write a site of `n` events over 2022–2025 with 80 actors, tags, sources and statuses."""
    rng = random.Random(seed)
    actors = [(c, c.replace("-", " ").title(), "country") for c in COUNTRIES]
    for kind, count in KINDS.items():
        actors += [(f"{kind}-{i:02d}", f"{kind.title()} {i:02d}", kind) for i in range(count)]
    content = root / "content"
    (content / "events").mkdir(parents=True, exist_ok=True)
    registry = "".join(f"- id: {a}\n  name: {name}\n  kind: {kind}\n" for a, name, kind in actors)
    (content / "actors.yml").write_text(registry, encoding="utf-8")
    (content / "index.md").write_text("# Benchmark\n\n<!-- timeline:latest 5 -->\n")
    options = "".join(f"\n      {key}: {value}" for key, value in plugin_options.items())
    (root / "mkdocs.yml").write_text(
        "site_name: Benchmark\nsite_url: http://127.0.0.1/\ndocs_dir: content\n"
        "theme:\n  name: material\n  font: false\n  features: [navigation.instant]\n"
        f"plugins:\n  - search\n  - tags\n  - timeline:{options or ' {}'}\n"
        "nav:\n  - Home: index.md\n  - Timeline: timeline/index.md\n  - Actors: actors/index.md\n",
        encoding="utf-8",
    )
    weights = [6.0 if kind == "country" else 1.0 for _, _, kind in actors]
    for i in range(n):
        year, month, day = rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28)
        date = f"{year}-{month:02d}-{day:02d}"
        if i % 17 == 0:
            date = date[:7]
        chosen = {rng.choices(actors, weights)[0][0] for _ in range(rng.randint(1, 5))}
        tags = rng.sample(TAGS, rng.randint(0, 3))
        sources = "".join(
            f"\n  - publisher: {rng.choice(PUBLISHERS)}\n    title: {_sentence(rng, 6, 12)}\n"
            f"    url: https://news.example.com/{i}/{s}\n    published: {date}"
            for s in range(rng.randint(1, 3))
        )
        lines = [
            f"title: {_sentence(rng, 6, 14)}",
            f"date: {date}",
            f"actors: [{', '.join(sorted(chosen))}]",
            f"summary: {'. '.join(_sentence(rng, 10, 25) for _ in range(rng.randint(1, 3)))}.",
            f"status: {rng.choice(STATUSES)}",
            f"location: {rng.choice(['Kursk Oblast', 'Pyongyang', 'Moscow', 'Seoul', 'Kyiv'])}",
        ]
        if tags:
            lines.append(f"tags: [{', '.join(tags)}]")
        if rng.random() < 0.04:
            lines.append("key: true")
        body = "\n\n".join(_sentence(rng, 20, 40) + "." for _ in range(3))
        path = content / "events" / str(year) / f"{date}-event-{i:05d}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(
            "---\n" + "\n".join(lines) + f"\nsources:{sources}\n---\n\n{body}\n", encoding="utf-8"
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
