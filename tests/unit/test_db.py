"""init_db: URLs, SQLite pragmas, refusing newer or damaged databases, backups before migrating."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import peewee
import pytest

from models import backup
from models import db as dbmod
from models.errors import (
    DatabaseCorrupt,
    DatabaseTooNew,
    DatabaseUnavailable,
    DatabaseUrlError,
)
from models.org import Unit


@pytest.mark.parametrize(
    "url",
    [
        "",
        "oracle://host/db",
        "postgresql:///nohost",
        "postgresql://host",
        "sqlite://",
        "http://x:99999/a",
    ],
)
def test_malformed_urls_are_refused_with_a_reason(url: str) -> None:
    with pytest.raises(DatabaseUrlError) as info:
        dbmod.parse_url(url or "nonsense")
    assert info.value.message
    assert "sqlite:///" in info.value.advice  # shows a correct example


def test_url_forms() -> None:
    pg = dbmod.parse_url("postgresql://ict:s%40cret@db.office.local:5433/ictdesk")
    assert (pg.backend, pg.host, pg.port, pg.name, pg.user, pg.password) == (
        "postgresql",
        "db.office.local",
        5433,
        "ictdesk",
        "ict",
        "s@cret",
    )
    assert "s@cret" not in pg.display and "cret" not in pg.without_password()
    assert pg.with_password("new").password == "new"
    assert dbmod.parse_url("mariadb://root@h/x").backend == "mysql"
    assert dbmod.parse_url("sqlite:////var/lib/ict.sqlite3").path == Path("/var/lib/ict.sqlite3")
    assert dbmod.parse_url("sqlite:///relative.sqlite3").path == Path("relative.sqlite3")
    assert dbmod.parse_url("/tmp/office.sqlite3").backend == "sqlite"  # a bare file path


def test_sqlite_pragmas(sqlite_db: peewee.Database) -> None:
    assert sqlite_db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert sqlite_db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert sqlite_db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_schema_version_matches_migration_files(db: peewee.Database) -> None:
    status = dbmod.schema_status(db)
    assert status.version == dbmod.app_schema_version()
    assert not status.pending and not status.unknown


def test_newer_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    url = dbmod.sqlite_url(tmp_path / "office.sqlite3")
    database = dbmod.init_db(url)
    database.execute_sql(
        "INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', ?)",
        (dt.datetime.now(),),
    )
    database.close()
    with pytest.raises(DatabaseTooNew) as info:
        dbmod.init_db(url)
    assert "0999_from_the_future" in info.value.message
    assert "รุ่นล่าสุด" in info.value.advice
    # The refusal wrote nothing: the row from the future is still the newest one.
    with sqlite3.connect(tmp_path / "office.sqlite3") as con:
        names = [r[0] for r in con.execute("SELECT name FROM schema_migration")]
    assert names[-1] == "0999_from_the_future"


def test_sqlite_file_is_backed_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    database = dbmod.connect(dbmod.sqlite_url(path))
    first = sorted(dbmod.MIGRATIONS_DIR.glob("0001_*.py"))[0].stem
    dbmod.migration_runner(database).up(target=first)
    database.close()

    dbmod.init_db(dbmod.sqlite_url(path))
    dbmod.close_db()
    made = list(dbmod.backups_dir_for(path).glob("ictdesk-*-before-0002.sqlite3"))
    assert len(made) == 1
    with sqlite3.connect(made[0]) as con:  # the backup is the database as it was: at 0001
        assert [r[0] for r in con.execute("SELECT name FROM schema_migration")] == [first]


def test_a_new_database_needs_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    dbmod.init_db(dbmod.sqlite_url(path))
    dbmod.close_db()
    assert not dbmod.backups_dir_for(path).exists()


def test_corrupt_sqlite_file_is_refused_kept_and_backup_named(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    database = dbmod.init_db(dbmod.sqlite_url(path))
    Unit.create(name="งานพัสดุ")
    saved = backup.backup_sqlite(database, dbmod.backups_dir_for(path), label="daily")
    dbmod.close_db()

    damaged = bytearray(path.read_bytes())
    damaged[0:16] = b"not a database!!"  # the header every SQLite file starts with
    path.write_bytes(bytes(damaged))

    with pytest.raises(DatabaseCorrupt) as info:
        dbmod.init_db(dbmod.sqlite_url(path))
    assert str(path) in info.value.message
    assert info.value.last_backup == str(saved)
    assert str(saved) in info.value.advice
    assert path.read_bytes() == bytes(damaged)  # untouched


def test_corrupt_file_without_backup_says_so(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    with pytest.raises(DatabaseCorrupt) as info:
        dbmod.init_db(dbmod.sqlite_url(path))
    assert info.value.last_backup is None
    assert "ไม่พบสำเนาสำรอง" in info.value.advice


def test_unreachable_server_gives_a_thai_message() -> None:
    with pytest.raises(DatabaseUnavailable) as info:
        dbmod.init_db("postgresql://postgres@127.0.0.1:1/ictdesk")
    assert "เชื่อมต่อฐานข้อมูล" in info.value.message
    assert "เปิดฐานข้อมูลในเครื่องนี้" in info.value.advice


@pytest.mark.server
def test_wrong_password_is_explained() -> None:
    from tests.conftest import require_server

    require_server("mysql")
    with pytest.raises(DatabaseUnavailable) as info:
        dbmod.init_db("mysql://root:wrong-password@127.0.0.1:3306/test")
    assert "รหัสผ่าน" in info.value.message


@pytest.mark.server
def test_unknown_postgresql_account_is_a_login_problem_not_a_missing_database() -> None:
    from tests.conftest import PG_URL, require_server

    require_server("postgresql")
    server = PG_URL.rsplit("/", 1)[0].split("@", 1)[-1]
    with pytest.raises(DatabaseUnavailable) as wrong_user:
        dbmod.connect(f"postgresql://no_such_account_ictdesk@{server}/postgres")
    assert "ชื่อผู้ใช้หรือรหัสผ่าน" in wrong_user.value.message
    assert "ไม่พบฐานข้อมูล" not in wrong_user.value.message
    with pytest.raises(DatabaseUnavailable) as missing:
        dbmod.connect(PG_URL.rsplit("/", 1)[0] + "/role_no_such_database_ictdesk")
    assert "ไม่พบฐานข้อมูล" in missing.value.message


def test_daily_backup_once_a_day_and_pruned(
    sqlite_db: peewee.SqliteDatabase, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    assert backup.daily_backup(sqlite_db, folder, keep=2) is not None
    assert backup.daily_backup(sqlite_db, folder, keep=2) is None  # already done today
    for n in range(3):
        backup.backup_sqlite(sqlite_db, folder, label=f"manual{n}")
    backup.prune_backups(folder, keep=2)
    assert len(list(folder.glob(backup.BACKUP_GLOB))) == 2


def test_a_failed_backup_leaves_no_partial_file(
    sqlite_db: peewee.SqliteDatabase, tmp_path: Path
) -> None:
    copies = tmp_path / "copies"
    target = copies / "taken"
    target.mkdir(parents=True)  # the copy is made, but cannot take this name
    with pytest.raises(OSError):
        backup.backup_to(sqlite_db, target)
    assert [p.name for p in copies.iterdir()] == ["taken"]
    assert not any(target.iterdir())
