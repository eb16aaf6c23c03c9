"""desktop/app.py's cheaper PySide6 source scan gives PySide6's own answers, faster."""

from __future__ import annotations

import importlib
import inspect
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import desktop.app  # noqa: F401  # installs the cheaper scan

ROOT = Path(__file__).resolve().parents[2]


def _pyside_answer(module: ModuleType) -> bool:
    """PySide6's own test (``shibokensupport.feature._mod_uses_pyside`` before the change)."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_the_scan_is_replaced_and_answers_as_pyside_does() -> None:
    feature = sys.modules["shibokensupport.feature"]
    scan = feature._mod_uses_pyside
    assert getattr(scan, "ictdesk", False)
    names = [
        "desktop.main_window",
        "views.widgets.paged_table",
        "models.support.assets",
        "reports.thaifmt",
        "json",
        "sys",
        "PySide6.QtCore",
        "peewee",
    ]
    for name in names:
        module = importlib.import_module(name)
        assert scan(module) == _pyside_answer(module), name
    assert scan(importlib.import_module("views.widgets.paged_table")) is True
    assert scan(importlib.import_module("models.support.assets")) is False


def test_modules_recorded_after_the_change_are_classified_as_pyside_would() -> None:
    feature = sys.modules["shibokensupport.feature"]
    for name in ("views.widgets.be_date_edit", "views.widgets.filter_bar", "models.words"):
        importlib.import_module(name)
    checked = 0
    for name, flag in list(feature.pyside_feature_dict.items()):
        module = sys.modules.get(name)
        if module is None or not isinstance(flag, int) or flag > 0:
            continue
        assert flag == (0 if _pyside_answer(module) else -1), name
        checked += 1
    assert checked > 20


def test_opening_the_database_at_start_hands_documents_the_offices_words(tmp_path: Path) -> None:
    """The window's (and the self-test's) database open applies the office's words and font
    preference: a word added on another workstation is known to the document engine."""
    from desktop.startup import open_and_describe
    from models import db as dbmod
    from models import records, settings
    from models.words import CustomWord
    from reports import fonts
    from reports.thai_text import custom_words, set_custom_words, word_units

    url = dbmod.sqlite_url(tmp_path / "office.sqlite3")
    dbmod.init_db(url)
    records.create(None, CustomWord, word="ระบบสารบรรณอิเล็กทรอนิกส์")
    settings.put(None, "documents.prefer_th_sarabun", False)
    dbmod.close_db()
    before_words, before_font = custom_words(), fonts._prefer_system
    set_custom_words([])
    fonts.set_prefer_system_font(True)
    try:
        open_and_describe(url, None)
        assert custom_words() == frozenset({"ระบบสารบรรณอิเล็กทรอนิกส์"})
        assert word_units("ระบบสารบรรณอิเล็กทรอนิกส์") == ("ระบบสารบรรณอิเล็กทรอนิกส์",)
        assert fonts._prefer_system is False
    finally:
        dbmod.close_db()
        set_custom_words(before_words)
        fonts.set_prefer_system_font(before_font)


def _self_test(database: str, config_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ICTDESK_CONFIG_DIR=str(config_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--database", database, "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_self_test_on_a_fresh_database_seeds_builds_and_renders(tmp_path: Path) -> None:
    from models import db as dbmod

    done = _self_test(dbmod.sqlite_url(tmp_path / "fresh.sqlite3"), tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert "demo); user: admin" in done.stdout
    assert "tabs: dashboard, " in done.stdout and "(dashboard built and loaded)" in done.stdout
    memo = next(line for line in done.stdout.splitlines() if "memo: " in line)
    pdf = Path(memo.split("memo: ", 1)[1].split(" (", 1)[0])
    try:
        assert pdf.read_bytes().startswith(b"%PDF")
    finally:
        pdf.unlink(missing_ok=True)


def test_self_test_fails_on_a_database_from_a_newer_version(tmp_path: Path) -> None:
    from models import db as dbmod

    url = dbmod.sqlite_url(tmp_path / "newer.sqlite3")
    database = dbmod.init_db(url)
    database.execute_sql(
        "INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', "
        "CURRENT_TIMESTAMP)"
    )
    dbmod.close_db()
    done = _self_test(url, tmp_path)
    assert done.returncode == 1
    assert "FAIL open and migrate the database" in done.stdout
    assert "self-test FAILED" in done.stdout
