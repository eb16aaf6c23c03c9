"""Workstations contending on one record and on one process's numbers, on every backend: separate
OS processes with their own connections. Every save either lands or gets the conflict message;
none fails with a driver error (InnoDB deadlock victims are retried whole), none is lost."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp

import peewee
import pytest

from models import clock
from models.audit import AuditEntry
from models.engine import Case
from models.support import assets, tickets
from models.support.assets import Asset
from tests.backends import EVERY_BACKEND
from tests.support_office import START, at, build

EDITORS = 4
EDITS = 15
REGISTRARS = 4
TICKETS = 8

pytestmark = [pytest.mark.server, EVERY_BACKEND]


def _editor(
    url: str, user_id: int, asset_id: int, n: int, start: mp.synchronize.Event, out: mp.Queue
) -> None:
    from models import db as dbmod
    from models.errors import ConflictError
    from models.i18n import set_language
    from models.support import assets as wassets
    from models.users import User

    set_language("th")
    dbmod.init_db(url, migrate=False)
    actor = User.get_by_id(user_id)
    start.wait()
    saved = conflicts = 0
    failures: list[str] = []
    for i in range(EDITS):
        loaded = wassets.get_asset(asset_id)
        try:
            wassets.save_asset(
                actor, loaded, {"notes": f"เครื่อง {n} ครั้งที่ {i}"}, expected_version=loaded.version
            )
            saved += 1
        except ConflictError:
            conflicts += 1
        except Exception as exc:  # what the test counts
            failures.append(repr(exc))
    dbmod.close_db()
    out.put((saved, conflicts, failures))


def test_four_workstations_edit_one_asset(sql_db: peewee.Database) -> None:
    url = sql_db.test_url  # type: ignore[attr-defined]
    office = build()
    asset = office.pcs[0]
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    workers = [
        ctx.Process(target=_editor, args=(url, office.staff.id, asset.id, n, start, out))
        for n in range(EDITORS)
    ]
    for w in workers:
        w.start()
    start.set()
    results = [out.get(timeout=300) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert [f for _s, _c, chunk in results for f in chunk] == []
    saved = sum(s for s, _c, _f in results)
    assert saved + sum(c for _s, c, _f in results) == EDITORS * EDITS
    fresh = assets.get_asset(asset.id)
    # No lost update: every save that said "saved" is one version and one audit entry.
    assert fresh.version == asset.version + saved
    edits = AuditEntry.select().where(
        (AuditEntry.table_name == Asset._meta.table_name)
        & (AuditEntry.row_id == asset.id)
        & (AuditEntry.action == "update")
        & (AuditEntry.at >= dt.datetime.combine(START, dt.time()))
    )
    assert edits.count() >= saved


def _registrar(url: str, values: dict, start: mp.synchronize.Event, out: mp.Queue) -> None:
    from models import clock as wclock
    from models import db as dbmod
    from models.i18n import set_language
    from models.support import tickets as wtickets
    from models.users import User

    set_language("th")
    wclock.set_clock(lambda: dt.datetime(2026, 4, 10, 10))
    dbmod.init_db(url, migrate=False)
    actor = User.get_by_id(values.pop("actor"))
    start.wait()
    numbers: list[str] = []
    failures: list[str] = []
    for _ in range(TICKETS):
        try:
            numbers.append(
                wtickets.get_ticket(wtickets.open_ticket(actor, **values).id).case.number
            )
        except Exception as exc:  # what the test counts
            failures.append(repr(exc))
    dbmod.close_db()
    out.put((numbers, failures))


def test_workstations_register_tickets_at_once(sql_db: peewee.Database) -> None:
    url = sql_db.test_url  # type: ignore[attr-defined]
    office = build()
    at(START)
    values = {
        "actor": office.staff.id,
        "title": "เครื่องพิมพ์ใช้งานไม่ได้",
        "paperless_no": "พด 0105/200",
        "unit": office.unit.id,
        "requester_name": "นายสมศักดิ์ ใจดี",
        "category": office.categories[3].id,
        "description": "กระดาษติด",
    }
    before = Case.select().count()
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    workers = [
        ctx.Process(target=_registrar, args=(url, dict(values), start, out))
        for _ in range(REGISTRARS)
    ]
    for w in workers:
        w.start()
    start.set()
    results = [out.get(timeout=300) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert [f for _n, chunk in results for f in chunk] == []
    numbers = [n for chunk, _f in results for n in chunk]
    assert len(numbers) == len(set(numbers)) == REGISTRARS * TICKETS
    assert Case.select().count() == before + REGISTRARS * TICKETS
    clock.set_clock(None)
    assert tickets.RepairTicket.select().count() >= REGISTRARS * TICKETS
