"""Faults in the middle of a registration: the server connection terminated, or the workstation's
process killed, after the case row is written and before the commit. Nothing partial is kept: no
case without its ticket, no number without its case, no audit entry for what was not saved; and
the next registration works."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from typing import Any

import peewee
import pytest

from models import db as dbmod
from models.audit import AuditEntry
from models.engine import Case, core
from models.numbering import IssuedNumber
from models.support import tickets
from tests.backends import EVERY_BACKEND
from tests.conftest import MYSQL_URL, PG_URL
from tests.support_office import build

pytestmark = pytest.mark.server


def _counts() -> tuple[int, int, int, int]:
    return (
        Case.select().count(),
        tickets.RepairTicket.select().count(),
        IssuedNumber.select().count(),
        AuditEntry.select().count(),
    )


def _values(office: Any) -> dict[str, Any]:
    return {
        "title": "จอภาพไม่ติด",
        "paperless_no": "พด 0105/300",
        "unit": office.unit.id,
        "requester_name": "นางสาวสุดา รักษ์ไทย",
        "category": office.categories[3].id,
        "description": "เปิดแล้วไม่มีภาพ",
    }


def _kill_own_connection(db: peewee.Database) -> None:
    """From a second (administrator's) connection, as a server restart or a cut cable would."""
    if isinstance(db, peewee.PostgresqlDatabase):
        pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        admin = dbmod.make_database(dbmod.parse_url(PG_URL))
        admin.execute_sql("SELECT pg_terminate_backend(%s)", (pid,))
    else:
        pid = db.execute_sql("SELECT CONNECTION_ID()").fetchone()[0]
        admin = dbmod.make_database(dbmod.parse_url(MYSQL_URL))
        admin.execute_sql(f"KILL CONNECTION {int(pid)}")
    admin.close()


@pytest.mark.parametrize(
    "sql_db", [pytest.param("postgresql"), pytest.param("mysql")], indirect=True
)
def test_connection_terminated_mid_registration_leaves_nothing(sql_db, monkeypatch) -> None:
    office = build()
    before = _counts()
    real = core._record_step

    def cut_after_the_case_is_written(*args: Any, **kwargs: Any) -> Any:
        _kill_own_connection(sql_db)
        return real(*args, **kwargs)

    monkeypatch.setattr(core, "_record_step", cut_after_the_case_is_written)
    with pytest.raises(peewee.PeeweeException):
        tickets.open_ticket(office.staff, **_values(office))
    monkeypatch.setattr(core, "_record_step", real)
    sql_db.close()
    sql_db.connect()
    assert _counts() == before
    assert tickets.open_ticket(office.staff, **_values(office)).case_id is not None
    assert _counts()[:3] == (before[0] + 1, before[1] + 1, before[2] + 1)


def _register_then_die(url: str, user_id: int, values: dict[str, Any]) -> None:
    from models import clock as wclock
    from models import db as wdb
    from models.engine import core as wcore
    from models.support import tickets as wtickets
    from models.users import User

    wclock.set_clock(lambda: dt.datetime(2026, 4, 10, 10))
    wdb.init_db(url, migrate=False)

    def die(*args: Any, **kwargs: Any) -> None:
        os._exit(3)  # the workstation is switched off mid-transaction

    wcore._record_step = die  # type: ignore[assignment]
    wtickets.open_ticket(User.get_by_id(user_id), **values)


@EVERY_BACKEND
def test_workstation_killed_mid_registration_leaves_nothing(sql_db) -> None:
    office = build()
    before = _counts()
    ctx = mp.get_context("spawn")
    worker = ctx.Process(
        target=_register_then_die,
        args=(sql_db.test_url, office.staff.id, _values(office)),  # type: ignore[attr-defined]
    )
    worker.start()
    worker.join(timeout=120)
    assert worker.exitcode == 3
    assert _counts() == before
    assert tickets.open_ticket(office.staff, **_values(office)).case_id is not None
