"""models/ and reports/ never import Qt (nor the layers above them): they run in a CLI, a worker
thread or a test alike. Checked twice: statically over every file, and by importing everything."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "models": ("PySide6", "shiboken6", "desktop", "views"),
    "reports": ("PySide6", "shiboken6", "desktop", "views", "models"),
}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_no_forbidden_imports_in_the_source() -> None:
    offenders = []
    for package, banned in FORBIDDEN.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            bad = _imports(path) & set(banned)
            if bad:
                offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert not offenders, "\n".join(offenders)


def test_importing_every_module_loads_no_qt() -> None:
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for package in FORBIDDEN
        for p in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in p.parts
    ]
    modules = [m.removesuffix(".__init__") for m in modules]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


PROCESS_PACKAGES = {"publication", "data_request", "support", "infrastructure", "development"}
SHARED_BY_PROCESSES = {"procurement"}


def _contract(contract_id: str) -> dict[str, object]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["id"] == contract_id)


def _layer_names(layer: str) -> set[str]:
    return {part.strip().strip("()") for part in layer.replace("|", ":").split(":")}


def test_every_platform_module_is_under_the_process_contract() -> None:
    """The contract that keeps the platform from importing a process names the platform's
    modules one by one: a new module at the top of models/ must be added there, or the rule
    would silently not cover it."""
    layers = _contract("model-processes")["layers"]
    assert isinstance(layers, list)
    processes, shared, platform = (_layer_names(layer) for layer in layers)
    assert processes == PROCESS_PACKAGES
    assert shared == SHARED_BY_PROCESSES
    present = {
        p.stem if p.is_file() else p.name
        for p in (ROOT / "models").iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    }
    platform_present = present - PROCESS_PACKAGES - SHARED_BY_PROCESSES
    assert platform_present <= platform, sorted(platform_present - platform)


def test_the_import_contracts_fail_on_a_violation(tmp_path: Path) -> None:
    """lint-imports really reads these contracts: a copy of the tree in which process 1 imports
    process 2 breaks the process contract (and only it)."""
    import shutil

    for package in ("desktop", "views", "models", "reports"):
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    victim = tmp_path / "models" / "publication" / "process.py"
    victim.write_text(
        victim.read_text(encoding="utf-8")
        + "\nfrom models.support import ticket_records  # noqa\n",
        encoding="utf-8",
    )
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        lint = Path(sys.executable).with_name("lint-imports.exe")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "models.publication is not allowed to import models.support" in result.stdout
    assert "Contracts: 4 kept, 1 broken." in result.stdout
