"""A build for publishing never carries the preview's links: with the plugin's `publish: true`
(which the Pages workflow turns on with TIMELINE_PUBLISH) the build stops with a clear message
when `site_url` is missing or this machine's, while `make site` on a fresh clone, with the
preview's default address, still passes."""

from __future__ import annotations

import subprocess

import pytest
from conftest import ROOT, fresh_env, mkdocs_build
from test_workflows import load

from timeline.exports import unpublishable


@pytest.mark.parametrize(
    "site_url",
    [
        None,
        "",
        "http://127.0.0.1:8000/",
        "http://127.1.2.3/",
        "http://localhost:8000/",
        "http://LOCALHOST./",
        "http://app.localhost/",
        "http://[::1]:8000/",
        "http://0.0.0.0:8000/",
        "file:///srv/site/",
        "example.org/site/",
        "https://",
    ],
)
def test_a_missing_local_or_odd_site_url_cannot_be_published(site_url):
    why = unpublishable(site_url)
    assert why is not None and why.startswith("site_url ")
    assert "publish: true" in why and "SITE_URL=https://" in why
    assert "\n" not in why


@pytest.mark.parametrize(
    "site_url", ["https://example.org/timeline/", "http://news.example/", "https://10.1.2.3/"]
)
def test_a_public_address_can_be_published(site_url):
    assert unpublishable(site_url) is None


def test_the_pages_workflow_builds_for_publishing_and_the_tests_do_not():
    for workflow in (
        ROOT / ".github/workflows/pages.yml",
        ROOT / "timeline/cli/site_template/workflows/pages.yml",
    ):
        steps = load(workflow)["jobs"]["build"]["steps"]
        (build,) = [s for s in steps if "SITE_URL" in s.get("env", {})]
        assert build["env"]["TIMELINE_PUBLISH"] == "true", workflow
    for workflow in (ROOT / ".github/workflows/ci.yml", ROOT / ".ci/run", ROOT / "Makefile"):
        assert "TIMELINE_PUBLISH" not in workflow.read_text(encoding="utf-8"), workflow
    for config in (ROOT / "mkdocs.yml", ROOT / "timeline/cli/site_template/mkdocs.yml"):
        assert "publish: !ENV [TIMELINE_PUBLISH, false]" in config.read_text(encoding="utf-8")


@pytest.mark.e2e
def test_make_site_on_a_fresh_clone_passes_with_the_preview_address(fresh_clone, repository_site):
    result = repository_site  # `make site` in the fresh clone (conftest)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (fresh_clone / "site/embed/index.html").is_file()
    feed = (fresh_clone / "site/feed.xml").read_text(encoding="utf-8")
    assert "http://127.0.0.1:8000/" in feed  # the preview's default, as before


@pytest.mark.e2e
@pytest.mark.parametrize("site_url", [None, "http://127.0.0.1:8000/", "http://localhost:8000/"])
def test_a_publishing_build_with_the_preview_address_fails_clearly(fresh_clone, site_url):
    extra = {"SITE_URL": site_url} if site_url else {}
    result = subprocess.run(
        [str(ROOT / ".venv/bin/mkdocs"), "build", "--strict", "--site-dir", "out"],
        cwd=fresh_clone, env=fresh_env(TIMELINE_PUBLISH="true", **extra),
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 1
    shown = (
        "site_url is 'http://127.0.0.1:8000/', this machine's address"
        if not site_url
        else (f"site_url is {site_url!r}, this machine's address")
    )
    assert f"ERROR   -  {shown}: a build for publishing" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (fresh_clone / "out/index.html").exists()


@pytest.mark.e2e
def test_a_publishing_build_with_a_public_address_passes(site):
    site.event("2024/2024-10-31-a.md", title="A")
    (site.root / "mkdocs.yml").write_text(
        (site.root / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("  - timeline\n", "  - timeline:\n      publish: true\n"),
        encoding="utf-8",
    )
    assert site.build(strict=True).returncode == 0  # site_url: https://example.org/test/
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("https://example.org/test/", ""),
        encoding="utf-8",
    )
    result = mkdocs_build(site.root, strict=True)
    assert result.returncode == 1
    assert "ERROR   -  site_url is not set: a build for publishing" in result.stdout
