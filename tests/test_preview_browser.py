"""The contributor's preview in a browser: the real `mkdocs serve` (as `make serve` runs it) shows
each problem of the content in a banner on every page, linked to the file in the repository,
until it is fixed; then the banner is gone and the entry's page is there. Readable and
accessible (axe-core) in light and dark mode."""

from __future__ import annotations

import os
import shutil

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from test_browser import axe_violations, browser, visit  # noqa: F401 (fixtures)
from test_serve import Server

pytestmark = pytest.mark.browser

REPO = "https://git.example.org/newsroom/timeline"  # not GitHub: the theme would ask its API
BAD = "content/events/2024/2024-10-02-bad.md"
CONFIG = f"""\
repo_url: {REPO}
edit_uri: edit/main/content/
theme:
  name: material
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
"""


def goto(page, url: str) -> None:
    """Open a page of the preview. Live reload reloads an open page after each rebuild, which
    can abort a navigation begun at that moment: then it is begun again."""
    for attempt in range(3):
        try:
            page.goto(url, wait_until="domcontentloaded", timeout=30_000)
            return
        except PlaywrightError as error:
            if "ERR_ABORTED" not in str(error) or attempt == 2:
                raise


def test_the_preview_shows_each_problem_until_it_is_fixed(site, visit, tmp_path):  # noqa: F811
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "theme:\n  name: material\n  font: false\n", ""
    )
    config.write_text(text + CONFIG, encoding="utf-8")
    site.event("2024/2024-10-01-good.md", title="Good entry", date="2024-10-01")
    site.event("2024/2024-10-02-bad.md", title="Bad entry", date="2024-02-30")
    server = Server(site.root)
    root = f"http://127.0.0.1:{server.port}/test/"
    opened = []
    try:
        server.wait_for(lambda: server.get("")[0] == 200, "the first page")
        for scheme in ("light", "dark"):
            opened.append(visit(viewport={"width": 1000, "height": 700}, color_scheme=scheme))
            page = opened[-1].page
            for path in ("", "timeline/", "events/2024/2024-10-01-good/"):
                goto(page, root + path)
                banner = page.locator("section.tl-preview")
                expect(banner).to_be_visible()
                expect(banner.locator("h2")).to_have_text("Preview: 1 problem to fix")
                item = banner.locator("li")
                expect(item).to_have_count(1)
                expect(item).to_contain_text(
                    f"{BAD}:3:7: date: '2024-02-30' is not a date (February 2024 has 29 days)"
                )
                link = item.locator("a")
                expect(link).to_have_attribute("href", f"{REPO}/edit/main/{BAD}")
            assert axe_violations(page) == [], scheme
            shot = tmp_path / f"preview-problems-{scheme}.png"
            goto(page, root)
            page.screenshot(path=str(shot), clip={"x": 0, "y": 0, "width": 1000, "height": 380})
            if folder := os.environ.get("TIMELINE_SCREENSHOTS"):  # to update docs/screenshots/
                shutil.copy(shot, os.path.join(folder, shot.name))

        # the contributor fixes the date, the open page reloads itself: no banner any more
        site.event("2024/2024-10-02-bad.md", title="Bad entry, fixed", date="2024-10-02")
        page = opened[0].page
        expect(page.locator("section.tl-preview")).to_have_count(0, timeout=60_000)
        expect(page.locator("article h1")).to_have_text("Test timeline")
        server.wait_for(
            lambda: "Bad entry, fixed" in server.get("events/2024/2024-10-02-bad/")[1], "the fix"
        )
        for path in ("events/2024/2024-10-02-bad/", "timeline/"):
            goto(page, root + path)
            expect(page.locator("article h1")).to_be_visible()
            expect(page.locator("section.tl-preview")).to_have_count(0)
        expect(page.locator("article")).to_contain_text("Bad entry, fixed")  # now listed
    finally:
        for v in opened:  # before the server goes: live reload would log its lost connection
            v.page.close()
        server.stop()
    assert "Traceback" not in server.log
