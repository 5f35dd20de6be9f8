"""The project as a distributable package: `python -m build` makes a wheel and an sdist that carry
the templates, assets and site template, without a warning from our packaging; the Makefile's
install of the project prints none either; and a site made by `timeline init` installs, checks
and builds in a fresh virtual environment from what `init` wrote (its README's command)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from test_workflows import actionlint

from timeline import __version__

pytestmark = pytest.mark.e2e

WHEEL = f"news_timeline-{__version__}-py3-none-any.whl"
SDIST = f"news_timeline-{__version__}.tar.gz"
# What a wheel must carry besides Python modules: the plugin's templates, assets and theme
# overrides, the site template `timeline init` copies, and the catalogues
DATA = sorted(
    [
        *(
            f"timeline_mkdocs/{p.relative_to(ROOT / 'plugins')}"
            for p in ROOT.glob("plugins/*/**/*")
            if p.is_file() and "__pycache__" not in p.parts
        ),
        *(
            f"timeline/cli/{p.relative_to(ROOT / 'timeline/cli')}"
            for p in (ROOT / "timeline/cli/site_template").rglob("*")
            if p.is_file()
        ),
        *(  # the catalogues of the timeline's words, in every language
            f"timeline/{p.relative_to(ROOT / 'timeline')}"
            for p in (ROOT / "timeline/locale").rglob("*.po*")
        ),
    ]  # fmt: skip
)
# pip's complaint about this machine's own index configuration, not about this project
MACHINE = re.compile(r"WARNING: Location '[^']*' is ignored")


def warnings_in(output: str) -> list[str]:
    return [
        line
        for line in output.splitlines()
        if re.search(r"warn|deprecat", line, re.IGNORECASE) and not MACHINE.search(line)
    ]


def quiet_env(**extra: str) -> dict[str, str]:
    """The environment of a fresh shell: no virtual environment, no path of this checkout.
    (PYTHONDONTWRITEBYTECODE, set on this machine, makes setuptools warn that it will not
    byte-compile: a warning of the machine's, not of the project.)"""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return {**env, **extra}


@pytest.fixture(scope="session")
def clone(tmp_path_factory) -> Path:
    """The files a fresh clone has (tracked, and new files not ignored), in a folder apart."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    target = tmp_path_factory.mktemp("clone") / "news-timeline"
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


@pytest.fixture(scope="session")
def dist(clone) -> tuple[Path, str]:
    """`python -m build` in the clone (what the release workflow runs): its dist/ and output."""
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", "dist", "."],
        cwd=clone,
        env=quiet_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout
    return clone / "dist", result.stdout


def test_build_makes_a_wheel_and_an_sdist_that_carry_templates_assets_and_site_template(dist):
    folder, _ = dist
    assert sorted(p.name for p in folder.iterdir()) == [WHEEL, SDIST]
    with zipfile.ZipFile(folder / WHEEL) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(f"news_timeline-{__version__}.dist-info/METADATA").decode()
        entry_points = wheel.read(f"news_timeline-{__version__}.dist-info/entry_points.txt")
    assert [name for name in DATA if name not in names] == []
    assert "timeline/cli/site_template/gitignore" in names
    assert f"Version: {__version__}" in metadata and "License-Expression: MIT" in metadata
    assert b"timeline = timeline.cli:main" in entry_points
    assert b"timeline = timeline_mkdocs.plugin:TimelinePlugin" in entry_points
    with tarfile.open(folder / SDIST) as sdist:
        top = f"news_timeline-{__version__}/"
        in_sdist = {name.removeprefix(top) for name in sdist.getnames()}
    plugin_data = [n.replace("timeline_mkdocs/", "plugins/", 1) for n in DATA]
    assert [name for name in plugin_data if name not in in_sdist] == []


def test_building_the_package_prints_no_warning(dist):
    _, output = dist
    assert warnings_in(output) == []


def test_the_makefiles_install_of_the_project_prints_no_warning(clone, tmp_path):
    """The Makefile's own command for the project (PROJECT_INSTALL), into a throwaway
    environment: a first `make test` shows no setuptools warning of ours."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    definition = re.search(r"^PROJECT_INSTALL = (.*?[^\\])$", makefile, re.M | re.S)
    assert definition, "PROJECT_INSTALL is the Makefile's install of the project"
    words = shlex.split(definition.group(1).replace("\\\n", " "))
    env = dict(word.split("=", 1) for word in words if re.match(r"^[A-Z_]+=", word))
    command = [word for word in words if not re.match(r"^[A-Z_]+=", word)]
    assert command[:4] == ["$(BIN)/python", "-m", "pip", "install"] and "-e" in command
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    command[:3] = [sys.executable, "-m", "pip", "--python", str(venv / "bin/python")]
    result = subprocess.run(
        command,
        cwd=clone,
        env=quiet_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout
    assert warnings_in(result.stdout) == []


@pytest.fixture(scope="session")
def unpacked(dist, tmp_path_factory) -> Path:
    """The wheel's files, as an installation puts them in site-packages."""
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(dist[0] / WHEEL) as wheel:
        wheel.extractall(target)
    return target


def readme_block(readme: str, heading: str) -> str:
    """The first shell block under a heading of a README."""
    section = readme.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```sh\n", 1)[1].split("```", 1)[0]


def test_a_new_site_installs_checks_and_builds_in_a_fresh_environment(dist, unpacked, tmp_path):
    """`timeline init --source <the wheel>`, run from the wheel's files alone; then, in a fresh
    virtual environment, only the install commands of the new site's README, its `timeline
    check` and its `mkdocs build --strict`; its workflows pass actionlint. (The one test that
    downloads: MkDocs and the rest come from the package index, as on a newsroom's machine.)"""
    site = tmp_path / "newsroom"
    wheel = dist[0] / WHEEL
    script = (
        "import sys, timeline, timeline_mkdocs, timeline.cli\n"
        "for module in (timeline, timeline_mkdocs):\n"
        f"    assert module.__file__.startswith({str(unpacked)!r}), module.__file__\n"
        f"sys.exit(timeline.cli.main(['init', {str(site)!r}, '--title', 'Newsroom',"
        f" '--source', {str(wheel)!r}]))\n"
    )
    result = subprocess.run(  # not run from the checkout, whose timeline/ would come first
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=quiet_env(PYTHONPATH=str(unpacked)),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (site / "wheels" / WHEEL).read_bytes() == wheel.read_bytes()
    assert (site / "requirements.txt").read_text().splitlines()[-1] == f"./wheels/{WHEEL}"
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert f"from the wheel `wheels/{WHEEL}`" in readme

    # a newsroom's shell: no virtual environment active, nothing of this checkout on the path
    path = [
        p for p in os.environ["PATH"].split(os.pathsep) if Path(p) != Path(sys.executable).parent
    ]
    env = quiet_env(PATH=os.pathsep.join(path), NO_MKDOCS_2_WARNING="1")
    install = readme_block(readme, "Installing")
    assert "pip install -r requirements.txt" in install

    def shell(commands: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["bash", "-e", "-c", commands],
            cwd=site,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=900,
        )

    start = time.monotonic()
    installed = shell(install)
    took = time.monotonic() - start
    assert installed.returncode == 0, installed.stdout
    (check_and_build,) = [
        line.split("#")[0].strip()
        for line in readme_block(readme, "Two commands").splitlines()
        if "mkdocs build --strict" in line
    ]
    built = shell(f"source .venv/bin/activate\n{check_and_build}")
    assert built.returncode == 0, built.stdout
    assert "timeline: 1 event published, 0 drafts, 0 invalid" in built.stdout
    assert (site / "site/timeline/index.html").exists()
    assert (site / "site/assets/timeline/timeline.css").exists()
    print(f"fresh environment: install {took:.0f} s, check and build "
          f"{time.monotonic() - start - took:.0f} s")  # fmt: skip

    # the installed generator makes the next site from the wheel it was installed from
    again = shell("source .venv/bin/activate\ntimeline init ../second --title Second")
    assert again.returncode == 0, again.stdout
    assert (tmp_path / "second/wheels" / WHEEL).exists()
    workflows = sorted((site / ".github/workflows").glob("*.yml"))
    assert [p.name for p in workflows] == ["ci.yml", "pages.yml"]
    linted = actionlint(*workflows)
    assert linted.returncode == 0, linted.stdout
