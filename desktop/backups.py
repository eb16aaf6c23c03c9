"""Backups on request: the database into a file, for ``db backup`` and the window's
"สำรองฐานข้อมูล…" alike (no Qt here)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import peewee

from models.errors import DatabaseUnavailable, EnvironmentProblem, ValidationError
from models.i18n import _

if TYPE_CHECKING:
    from models.db import DatabaseUrl


def backup_to_file(url: str | None, password: str | None, output: Path) -> Path:
    """Back up the database at ``url`` into ``output`` (SQLite: online backup; PostgreSQL:
    pg_dump; MySQL/MariaDB: mysqldump). Raises ``EnvironmentProblem`` with a Thai message.
    Also used by the window's "สำรองฐานข้อมูล…" (in the worker)."""
    from models import backup
    from models import db as dbmod

    parsed = dbmod.parse_url(url or dbmod.default_url())
    _check_backup_target(parsed, output)
    if parsed.is_embedded:
        database = dbmod.connect(parsed.url)
        assert isinstance(database, peewee.SqliteDatabase)
        try:
            backup.backup_to(database, output)
        except (OSError, sqlite3.Error) as exc:
            raise EnvironmentProblem(
                _("เขียนไฟล์สำรอง {path} ไม่ได้ ({detail})").format(path=output, detail=exc),
                _("ตรวจสอบว่าโฟลเดอร์นั้นมีอยู่และมีสิทธิ์เขียน แล้วลองใหม่"),
            ) from exc
        finally:
            database.close()
        return output
    password = parsed.password or password
    env = dict(os.environ)
    if parsed.backend == "postgresql":
        tool = shutil.which("pg_dump")
        if tool is None:
            raise EnvironmentProblem(
                _(
                    "ไม่พบโปรแกรม pg_dump บนเครื่องนี้ จึงสำรองฐานข้อมูล PostgreSQL ไม่ได้ "
                    "กรุณาติดตั้ง PostgreSQL client (เช่น apt install postgresql-client) "
                    "หรือสำรองจากเครื่องแม่ข่าย"
                )
            )
        if password:
            env["PGPASSWORD"] = password
        cmd = [tool, "--format=custom", f"--file={output}", f"--host={parsed.host}"]
        cmd += [f"--port={parsed.port or 5432}", f"--username={parsed.user or 'postgres'}"]
        cmd += ["--no-password", parsed.name]
    else:
        tool = shutil.which("mariadb-dump") or shutil.which("mysqldump")
        if tool is None:
            raise EnvironmentProblem(
                _(
                    "ไม่พบโปรแกรม mysqldump บนเครื่องนี้ จึงสำรองฐานข้อมูล MySQL/MariaDB ไม่ได้ "
                    "กรุณาติดตั้ง MariaDB client หรือสำรองจากเครื่องแม่ข่าย"
                )
            )
        if password:
            env["MYSQL_PWD"] = password
        cmd = [tool, f"--host={parsed.host}", f"--port={parsed.port or 3306}"]
        cmd += [f"--user={parsed.user or 'root'}", "--single-transaction", "--routines"]
        cmd += ["--triggers", f"--result-file={output}", parsed.name]
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EnvironmentProblem(
            _("เขียนไฟล์สำรอง {path} ไม่ได้ ({detail})").format(path=output, detail=exc),
            _("ตรวจสอบว่าโฟลเดอร์นั้นมีอยู่และมีสิทธิ์เขียน แล้วลองใหม่"),
        ) from exc
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise EnvironmentProblem(
            _("สำรองฐานข้อมูลไม่สำเร็จ: {detail}").format(detail=result.stderr.strip())
        )
    return output


def _check_backup_target(parsed: DatabaseUrl, output: Path) -> None:
    """Refuse, before anything is written, a backup that could not be one: of an SQLite file that
    does not exist (connecting would create an empty one), into a folder, or over the live file."""
    if output.is_dir():
        raise ValidationError(
            _("“{path}” เป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์สำรอง").format(path=output),
            {"output": _("ต้องเป็นชื่อไฟล์")},
        )
    if not parsed.is_embedded:
        return
    assert parsed.path is not None
    source = parsed.path.expanduser().resolve()
    if not source.is_file():
        raise DatabaseUnavailable(
            _("ไม่พบไฟล์ฐานข้อมูล {path} จึงไม่มีข้อมูลให้สำรอง").format(path=source),
            _("ตรวจสอบที่อยู่ฐานข้อมูล (--database) แล้วลองใหม่"),
        )
    live = {source, *(source.with_name(source.name + end) for end in ("-wal", "-shm", "-journal"))}
    if output.expanduser().resolve() in live:
        raise ValidationError(
            _("ไฟล์สำรองต้องไม่ใช่ไฟล์ฐานข้อมูลที่ใช้งานอยู่ ({path}) กรุณาระบุชื่อไฟล์อื่น").format(path=source),
            {"output": _("ต้องไม่ใช่ไฟล์ฐานข้อมูลที่ใช้งานอยู่")},
        )
