"""The command line: tasks listed, database tasks on SQLite and PostgreSQL, clear errors."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from desktop import APP_VERSION
from models import db as dbmod

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, config_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ICTDESK_CONFIG_DIR=str(config_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_help_lists_the_tasks(tmp_path: Path) -> None:
    result = run_cli("--help", config_dir=tmp_path)
    assert result.returncode == 0
    for task in (
        "db",
        "demo",
        "render",
        "print-register",
        "--self-test",
        "--database",
        "--version",
    ):
        assert task in result.stdout


def test_version_matches_the_project(tmp_path: Path) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == APP_VERSION
    result = run_cli("--version", config_dir=tmp_path)
    assert result.stdout.strip() == f"ICT Desk {APP_VERSION}"


def test_db_upgrade_status_and_backup_on_sqlite(tmp_path: Path) -> None:
    url = dbmod.sqlite_url(tmp_path / "office.sqlite3")
    upgraded = run_cli("--database", url, "db", "upgrade", config_dir=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "ปรับรุ่นฐานข้อมูลแล้ว" in upgraded.stdout
    again = run_cli("--database", url, "db", "upgrade", config_dir=tmp_path)
    assert "รุ่นล่าสุดแล้ว" in again.stdout

    backup = tmp_path / "copies" / "office-backup.sqlite3"
    made = run_cli("--database", url, "db", "backup", "--output", str(backup), config_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(backup) as con:
        assert con.execute("SELECT count(*) FROM schema_migration").fetchone()[0] == (
            dbmod.app_schema_version()
        )


def test_demo_seeds_once(tmp_path: Path) -> None:
    url = dbmod.sqlite_url(tmp_path / "demo.sqlite3")
    first = run_cli("--database", url, "demo", config_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "ข้อมูลตัวอย่าง" in first.stdout and "demo1234" in first.stdout
    second = run_cli("--database", url, "demo", config_dir=tmp_path)
    assert second.returncode == 1 and "มีข้อมูลอยู่แล้ว" in second.stderr


def test_bad_database_url_is_explained(tmp_path: Path) -> None:
    result = run_cli("--database", "oracle://x/y", "db", "status", config_dir=tmp_path)
    assert result.returncode == 2
    assert "ไม่รู้จักชนิดฐานข้อมูล" in result.stderr and "Traceback" not in result.stderr


def test_unreachable_server_is_explained(tmp_path: Path) -> None:
    result = run_cli(
        "--database", "postgresql://postgres@127.0.0.1:1/x", "db", "upgrade", config_dir=tmp_path
    )
    assert result.returncode == 2
    assert "เชื่อมต่อฐานข้อมูล" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.server
def test_demo_and_backup_on_postgresql(tmp_path: Path) -> None:
    from tests.conftest import PG_URL, require_server

    require_server("postgresql")
    name = f"ictdesk_cli_{os.getpid()}"
    admin = dbmod.make_database(dbmod.parse_url(PG_URL))
    admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute_sql(f'CREATE DATABASE "{name}"')
    url = PG_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        seeded = run_cli("--database", url, "demo", config_dir=tmp_path)
        assert seeded.returncode == 0, seeded.stderr
        output = tmp_path / "pg.dump"
        made = run_cli(
            "--database", url, "db", "backup", "--output", str(output), config_dir=tmp_path
        )
        if shutil.which("pg_dump"):
            assert made.returncode == 0, made.stderr
            assert output.read_bytes().startswith(b"PGDMP")
        else:
            assert made.returncode == 2 and "pg_dump" in made.stderr
    finally:
        admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
