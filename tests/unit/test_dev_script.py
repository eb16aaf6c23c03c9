"""dev.py and the command line after the Quick start (issue 13, point 13): one way to run CLI tasks
(``python3 dev.py cli``), ``run`` without a screen stops with its note, switching between run and
test installs nothing twice and never upgrades pip, argparse's own lines in Thai."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dev(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # never the shared .venv's stamp: a scratch one
    monkeypatch.setattr(module, "STAMP", tmp_path / "stamp")
    return module


def record_runs(monkeypatch: pytest.MonkeyPatch, dev: ModuleType) -> list[list[str]]:
    calls: list[list[str]] = []
    monkeypatch.setattr(dev, "run", lambda cmd, **_kw: calls.append([str(c) for c in cmd]))
    return calls


def test_switching_between_run_and_test_installs_once_and_never_upgrades_pip(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = record_runs(monkeypatch, dev)
    dev.ensure_dependencies(["dev"])  # dev.py test
    assert len(calls) == 1
    first = calls[0]
    assert "--upgrade" not in first and "pip" not in first[first.index("install") + 1 :]
    assert set(dev.requirements(["dev"])) <= set(first)
    dev.ensure_dependencies([])  # dev.py run: everything is there already
    dev.ensure_dependencies(["dev"])  # and back to test
    assert len(calls) == 1


def test_a_changed_requirement_is_installed_alone(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = record_runs(monkeypatch, dev)
    dev.ensure_dependencies([])
    base = dev.requirements([])
    monkeypatch.setattr(dev, "requirements", lambda extras: [*base, "example-package>=2"])
    dev.ensure_dependencies([])
    assert calls[-1][-1] == "example-package>=2"
    assert not set(base) & set(calls[-1])


def test_run_without_a_screen_stops_with_the_note(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    calls = record_runs(monkeypatch, dev)
    monkeypatch.setattr(dev.platform, "system", lambda: "Linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(dev, "setup", lambda *a, **k: calls.append(["setup"]))
    with pytest.raises(SystemExit) as stopped:
        dev.cmd_run([])
    assert stopped.value.code == 1
    assert calls == []  # neither the set-up nor Qt was started
    out = capsys.readouterr().out
    assert "no screen found" in out and "python3 dev.py cli" in out


def test_cli_runs_main_with_the_project_python(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dev, "setup", lambda *a, **k: None)
    seen: list[list[str]] = []

    def fake_run(cmd: list[str], **_kw: Any) -> subprocess.CompletedProcess[str]:
        seen.append(cmd)
        return subprocess.CompletedProcess(cmd, 3)

    monkeypatch.setattr(dev.subprocess, "run", fake_run)
    with pytest.raises(SystemExit) as stopped:
        dev.cmd_cli(["print-register", "--list"])
    assert stopped.value.code == 3  # the task's own exit code
    assert seen == [[str(dev.venv_python()), str(ROOT / "main.py"), "print-register", "--list"]]


def test_readme_runs_every_command_line_example_through_dev_py() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # main.py only behind the project's own Python (.venv/bin/python), never a bare "python"
    assert not re.search(r"(?<![/\w])python3? main\.py", readme)
    assert "python3 dev.py cli print-register" in readme
    assert "py dev.py cli" in readme  # and says how on Windows


def cli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ICTDESK_CONFIG_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_argparse_usage_and_errors_in_thai(tmp_path: Path) -> None:
    result = cli("render", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "usage:" not in result.stderr and "error:" not in result.stderr
    assert "วิธีใช้: ictdesk render" in result.stderr
    assert "ictdesk render: ผิดพลาด: ยังไม่ได้ระบุ: kind, --input, --output" in result.stderr
    result = cli("nosuch", tmp_path=tmp_path)
    assert "ไม่มีตัวเลือก 'nosuch'" in result.stderr
    helped = cli("--help", tmp_path=tmp_path)
    assert helped.stdout.startswith("วิธีใช้: ictdesk") and "ตัวเลือก:" in helped.stdout
    assert "แสดงคำอธิบายนี้แล้วจบ" in helped.stdout
    english = cli("--lang", "en", "render", tmp_path=tmp_path)
    assert "usage: ictdesk render" in english.stderr
    assert "error: the following arguments are required" in english.stderr
