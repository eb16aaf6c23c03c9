"""Offline (the server away, the replica open) the domain refuses every write with one Thai
message, below the window: records, permission checks beyond viewing, the engine's steps, raw SQL
on the replica; reading and logging in still work and write nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from models import offline, records, users
from models.audit import AuditEntry
from models.engine import core
from models.offline import OfflineReadOnly
from models.org import Unit
from models.permissions import Permission, Role, require, require_role

WHEN = dt.datetime(2026, 12, 2, 14, 5)


def test_status_text_names_the_replicas_age_in_be() -> None:
    offline.set_offline(True, WHEN)
    try:
        assert offline.status_text() == "ออฟไลน์ — ข้อมูล ณ 2 ธ.ค. 2569 14:05 น."
    finally:
        offline.set_offline(False)
    assert not offline.is_offline()


def test_every_write_path_refuses_with_the_thai_message(
    sqlite_db: Any, admin: users.User, make_user: Any
) -> None:
    staff = make_user(Role.STAFF)
    unit = records.create(admin, Unit, name="งานพัสดุ")
    written = AuditEntry.select().count()
    offline.set_offline(True, WHEN)
    try:
        for attempt in (
            lambda: records.create(admin, Unit, name="งานใหม่"),
            lambda: records.update(admin, unit, name="งานพัสดุและทรัพย์สิน"),
            lambda: records.delete(admin, unit),
            lambda: require(staff, Permission.EDIT_REGISTERS),
            lambda: require_role(staff, Role.STAFF),
        ):
            with pytest.raises(OfflineReadOnly) as refused:
                attempt()
            assert "ออฟไลน์" in refused.value.message and "2 ธ.ค. 2569" in refused.value.message
        require(staff, Permission.VIEW)  # reading is allowed
        assert not core.may_act(staff, frozenset({Role.STAFF}))
        # the login is checked against the copy and writes nothing (no bookkeeping, no audit)
        assert users.authenticate(staff.username, "password123").id == staff.id
        with pytest.raises(Exception, match="ไม่ถูกต้อง"):
            users.authenticate(staff.username, "wrong-password")
    finally:
        offline.set_offline(False)
    assert AuditEntry.select().count() == written
    assert Unit.get_by_id(unit.id).name == "งานพัสดุ"
    assert users.User.get_by_id(staff.id).failed_logins == 0


def test_the_replica_database_refuses_sql_writes(tmp_path: Path) -> None:
    import sqlite3

    from models.replica import store

    path = tmp_path / "replica.sqlite3"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO t (name) VALUES ('a')")
        con.execute("CREATE TABLE replica_meta (key TEXT PRIMARY KEY, value TEXT)")
    replica = store.open_read_only(path)
    offline.set_offline(True, WHEN)
    try:
        assert replica.execute_sql("SELECT name FROM t").fetchone()[0] == "a"
        for sql in (
            "INSERT INTO t (name) VALUES ('b')",
            "update t set name = 'c'",
            "DELETE FROM t",
        ):
            with pytest.raises(OfflineReadOnly):
                replica.execute_sql(sql)
    finally:
        offline.set_offline(False)
        replica.close()
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT name FROM t").fetchall() == [("a",)]
