"""Two (three) workstations on one SQLite file, each running domain functions that read and then
write in one transaction, at the same time: none fails with "database is locked" (every
transaction takes the write lock at BEGIN, ``models.write_lock``), every change is kept."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path
from typing import Any

import peewee

from models import db as dbmod
from models.engine import CaseStep
from tests.support_office import build

WORKERS = 3
ROUNDS = 40


def _workstation(
    url: str,
    head_id: int,
    ticket_id: int,
    ready: mp.synchronize.Semaphore,
    start: mp.synchronize.Event,
    out: mp.Queue,
) -> None:
    from models import db as wdb
    from models import numbering
    from models.i18n import set_language
    from models.support import tickets
    from models.users import User

    set_language("th")
    wdb.init_db(url, migrate=False)
    head = User.get_by_id(head_id)
    ready.release()
    start.wait()
    errors: list[str] = []
    numbers: list[int] = []
    for n in range(ROUNDS):
        try:
            # Reads the ticket and its case, then writes the ticket, the audit log and the history.
            tickets.waive_loaner(head, ticket_id, f"ผู้ขอใช้เครื่องสำรองของหน่วยงานเอง ครั้งที่ {n}")
            numbers.append(numbering.take_number(head, "memo").number)
        except Exception as exc:  # every failure is reported, none expected
            errors.append(f"{type(exc).__name__}: {exc}")
    wdb.close_db()
    out.put((errors, numbers))


def test_read_then_write_from_several_workstations_on_sqlite(
    sqlite_db: peewee.Database, tmp_path: Path
) -> None:
    office = build()
    ids = [office.open(3, title=f"เครื่องที่ {i} เสีย").id for i in range(WORKERS)]
    url: Any = sqlite_db.test_url  # type: ignore[attr-defined]
    assert isinstance(dbmod.database.obj, peewee.SqliteDatabase)
    ctx = mp.get_context("spawn")
    ready, start, out = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
    workers = [
        ctx.Process(target=_workstation, args=(url, office.boss.id, ticket_id, ready, start, out))
        for ticket_id in ids
    ]
    for w in workers:
        w.start()
    for _w in workers:  # all connected before any starts: they really run at the same time
        assert ready.acquire(timeout=120)
    start.set()
    results = [out.get(timeout=300) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    errors = [e for chunk, _numbers in results for e in chunk]
    assert errors == []
    waived = CaseStep.select().where(CaseStep.outcome == "loaner_waived").count()
    assert waived == WORKERS * ROUNDS
    numbers = sorted(n for _errors, chunk in results for n in chunk)
    assert numbers == list(range(1, WORKERS * ROUNDS + 1))
