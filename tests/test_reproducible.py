"""Reproducible builds: the same content gives a byte-identical site, sitemap included.

The Makefile sets SOURCE_DATE_EPOCH from the last commit, which MkDocs uses for the sitemap's
dates and the gzip header of sitemap.xml.gz; everything else must not depend on the machine: not
the folder, the order files were written in, Python's hash seed, the time zone or the locale.
"""

from __future__ import annotations

import os
import random
import subprocess
from pathlib import Path

import pytest
from conftest import ACTORS, ROOT, mkdocs_build
from hostile import PLACES, REAL_IMAGE, REGISTRY, VALID, make_site

pytestmark = pytest.mark.e2e


def build_in(root: Path, order_seed: int, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Write the odd-but-valid hostile entries (in a shuffled order) and build strictly."""
    site = make_site(root, ACTORS + REGISTRY.split("- id: kim-one")[0])
    site.write("places.yml", PLACES.split("- id: not-a-number")[0])  # the good places
    site.write(f"events/{REAL_IMAGE[0]}", REAL_IMAGE[1])
    cases = list(VALID)
    random.Random(order_seed).shuffle(cases)
    for case in cases:
        site.write(f"events/{case.path}", case.content)
    return mkdocs_build(root, strict=True, **env)


def tree(site_dir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site_dir).as_posix(): p.read_bytes()
        for p in sorted(site_dir.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path):
    """The first by the tests' build server (a process forked from one that had imported MkDocs,
    conftest.mkdocs_build), the second by a new process with another hash seed, time zone and
    locale: the same bytes, which also shows that the server builds as `mkdocs build` does."""
    first = build_in(tmp_path / "one", 1, {})
    second = build_in(
        tmp_path / "second" / "checkout",
        2,
        {"PYTHONHASHSEED": "2", "TZ": "Asia/Pyongyang", "LC_ALL": "C"},
    )
    assert first.returncode == 0, first.stdout
    assert second.returncode == 0, second.stdout
    one, two = tree(tmp_path / "one/site"), tree(tmp_path / "second/checkout/site")
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(one)
    assert sorted(one) == sorted(two)
    differing = [name for name in one if one[name] != two[name]]
    assert differing == []
    assert b"<lastmod>2024-10-31</lastmod>" in one["sitemap.xml"]  # from SOURCE_DATE_EPOCH


def test_the_makefile_takes_source_date_epoch_from_the_last_commit():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOURCE_DATE", "MAKE"))}
    recipe = 'tl-epoch: ; @echo "$$SOURCE_DATE_EPOCH"'
    shown = subprocess.run(
        ["make", "--no-print-directory", "-s", "-C", str(ROOT), "--eval", recipe, "tl-epoch"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert shown == commit and shown.isdigit()
