"""The code's layout holds what docs/architecture.md draws: data flows one way (a stage imports
only the stages before it), the core imports nothing of MkDocs, and every module of the core
imports on its own (no import cycle hides behind the order tests happen to import in)."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest
from conftest import ROOT

CORE = ROOT / "timeline"
PLUGIN = ROOT / "plugins"
# each stage, and the stages it may import (its own included)
BASE = {"base"}
ALLOWED = {
    "base": BASE,
    "read": BASE | {"read"},
    "check": BASE | {"read", "check"},
    "pipeline": BASE | {"read", "check", "pipeline"},
    "views": BASE | {"read", "check", "pipeline", "views"},
    "exports": BASE | {"pipeline", "views", "exports"},
    "cli": BASE | {"read", "check", "pipeline", "views", "exports", "cli"},
}
PIPELINE = {"entry", "cache", "loader", "collection", "__init__", "__main__"}


def stage(module: str) -> str:
    """'timeline.check.validate' -> 'check'; 'timeline.loader' -> 'pipeline'."""
    parts = module.split(".")[1:]
    if len(parts) > 1 or (parts and parts[0] in ALLOWED):
        return parts[0]
    return "pipeline" if not parts or parts[0] in PIPELINE else "base"


def modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(CORE.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if path.name != "__main__.py":  # it runs the command when imported
            found[name.removesuffix(".__init__")] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def imported(name: str, tree: ast.Module) -> set[str]:
    """Every module `name` imports, absolute (relative imports resolved)."""
    package = name if name.count(".") == 0 or _is_package(name) else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _is_package(name: str) -> bool:
    return (CORE.parent / name.replace(".", "/") / "__init__.py").exists()


def test_each_stage_imports_only_the_stages_before_it():
    wrong = []
    for name, tree in modules().items():
        here = stage(name)
        for target in imported(name, tree):
            if not target.startswith("timeline.") or not _exists(target):
                continue
            if stage(target) not in ALLOWED[here]:
                wrong.append(f"{name} ({here}) imports {target} ({stage(target)})")
    assert wrong == []


def _exists(module: str) -> bool:
    path = CORE.parent / module.replace(".", "/")
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def test_the_core_imports_nothing_of_mkdocs():
    for name, tree in modules().items():
        assert not [m for m in imported(name, tree) if m.split(".")[0] == "mkdocs"], name


@pytest.mark.e2e  # a program: every module imported afresh (8 s)
def test_every_module_of_the_core_imports_on_its_own():
    names = sorted(modules())
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    for loaded in [m for m in sys.modules if m.split('.')[0] == 'timeline']:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_the_adapter_stays_thin_and_no_module_grows_past_400_lines():
    """docs/architecture.md: the plugin only maps MkDocs onto the core. Its size is the measure:
    under 450 lines in all, plugin.py under 200, no hook over 25 lines; and no module of either
    over 400 lines."""
    adapter = {path.name: path.read_text(encoding="utf-8") for path in PLUGIN.glob("*.py")}
    assert sum(text.count("\n") for text in adapter.values()) < 450
    assert adapter["plugin.py"].count("\n") < 200
    hooks = [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(adapter["plugin.py"]))
        if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")
    ]
    assert hooks and [(name, n) for name, n in hooks if n > 25] == []
    long = [
        str(path.relative_to(ROOT))
        for path in [*CORE.rglob("*.py"), *PLUGIN.glob("*.py")]
        if path.read_text(encoding="utf-8").count("\n") > 400
    ]
    assert long == []
