"""No dead code in the core or the plugin: `vulture` at 80% confidence finds nothing that
`tests/vulture_allow.py` does not explain."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_vulture_finds_no_dead_code():
    result = subprocess.run(
        [sys.executable, "-m", "vulture", "timeline", "plugins", "tests/vulture_allow.py",
         "--min-confidence", "80"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
