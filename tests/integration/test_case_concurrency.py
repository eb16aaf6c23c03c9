"""Two workstations move the same cases at the same instant: separate OS processes, each with its
own connection, both having loaded the cases before either acts. On every case one wins and the
other gets the conflict message naming the winner; nothing of the loser's move is kept (no step,
no file), nothing of the winner's is lost."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from typing import Any

import peewee
import pytest

from models import clock
from models.attachments import Attachment
from models.audit import AuditEntry
from models.engine import Case, CaseStep, NewFile, open_case
from tests.process_office import make_office

CASES = 6
BIG = 4 * 1024 * 1024  # the winner's file keeps its transaction (and the row lock) open a while


def _workstation(
    url: str,
    user_id: int,
    outcome: str,
    data: dict[str, Any],
    start: mp.synchronize.Event,
    ready: mp.synchronize.Semaphore,
    out: mp.Queue,
) -> None:
    from models import clock as wclock
    from models import db as dbmod
    from models import engine
    from models.errors import ConflictError
    from models.i18n import set_language
    from models.users import User

    set_language("th")
    wclock.set_clock(lambda: dt.datetime(2026, 4, 10, 14))
    dbmod.init_db(url, migrate=False)
    actor = User.get_by_id(user_id)
    # Both workstations have the cases open on screen: the versions they were loaded with.
    loaded = [(c.id, c.version) for c in engine.Case.select().order_by(engine.Case.id)]
    ready.release()
    start.wait()
    results: list[tuple[int, str, str]] = []
    for case_id, version in loaded:
        try:
            engine.act(
                actor,
                case_id,
                outcome,
                comment="" if outcome == "approve" else "ขอเอกสารเพิ่มเติม",
                data=data,
                files=[NewFile("to_publish", f"{outcome}.pdf", b"%PDF" + b"0" * BIG)]
                if outcome == "approve"
                else [],
                expected_version=version,
            )
            results.append((case_id, "ok", ""))
        except ConflictError as exc:
            results.append((case_id, "conflict", exc.message))
    dbmod.close_db()
    out.put((outcome, results))


@pytest.mark.server
def test_two_workstations_on_the_same_cases(sql_db: peewee.Database) -> None:
    url = sql_db.test_url  # type: ignore[attr-defined]
    office = make_office()
    clock.set_clock(lambda: dt.datetime(2026, 4, 10, 9))
    for n in range(CASES):
        open_case(
            office["somchai"],
            "publication",
            {
                "unit": office.units[0].id,
                "paperless_no": f"ปชส {n}/2569",
                "paperless_date": dt.date(2026, 4, 10),
                "title": f"ข่าวประชาสัมพันธ์ ฉบับที่ {n}",
                "received_on": dt.date(2026, 4, 10),
                "assignee": office["somchai"].id,
            },
            [NewFile("to_publish", "ข่าว.pdf", b"%PDF-1.4")],
        )
    files_before = Attachment.select().count()
    ctx = mp.get_context("spawn")
    start, ready, out = ctx.Event(), ctx.Semaphore(0), ctx.Queue()
    approve = {"criteria_rules": True, "criteria_chain": True}
    workers = [
        ctx.Process(
            target=_workstation,
            args=(url, office["head"].id, "approve", approve, start, ready, out),
        ),
        ctx.Process(
            target=_workstation,
            args=(url, office["support_head"].id, "to_requester", {}, start, ready, out),
        ),
    ]
    for w in workers:
        w.start()
    for _ in workers:
        assert ready.acquire(timeout=120)
    start.set()
    results = dict(out.get(timeout=300) for _ in workers)
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0

    names = {"approve": "นางสาวพรทิพย์ วงศ์สุวรรณ", "to_requester": "นายวีระพงษ์ แก้วมณี"}
    winners: dict[int, str] = {}
    for outcome, rows in results.items():
        for case_id, status, _message in rows:
            if status == "ok":
                assert case_id not in winners, "both workstations moved the same case"
                winners[case_id] = outcome
    assert sorted(winners) == [c.id for c in Case.select().order_by(Case.id)]
    for outcome, rows in results.items():
        for case_id, status, message in rows:
            if status == "conflict":
                assert winners[case_id] != outcome
                assert names[winners[case_id]] in message
                assert "ข้อมูลที่ท่านกรอกยังอยู่ครบ" in message
    approved = [c for c, o in winners.items() if o == "approve"]
    for case in Case.select():
        steps = list(CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id))
        assert [s.step for s in steps] == ["register", "review"]
        assert steps[1].outcome == winners[case.id]
        expected_step = "publish" if winners[case.id] == "approve" else "review"
        assert case.current_step == expected_step and case.version == 2
        moves = AuditEntry.select().where(
            (AuditEntry.table_name == "work_case")
            & (AuditEntry.row_id == case.id)
            & (AuditEntry.action == "update")
        )
        assert moves.count() == 1
    assert Attachment.select().count() == files_before + len(approved)


def _holder(url: str, user_id: int, case_id: int, version: int, holds: Any, out: mp.Queue) -> None:
    """Approves, and keeps its transaction (with the case row locked) open for a second after
    writing the case row, so the other workstation's write has to wait for it."""
    import time

    from models import clock as wclock
    from models import db as dbmod
    from models import engine
    from models.engine import core
    from models.i18n import set_language
    from models.users import User

    set_language("th")
    wclock.set_clock(lambda: dt.datetime(2026, 4, 10, 14))
    dbmod.init_db(url, migrate=False)
    store = core._store_files

    def slow_store(*args: Any, **kwargs: Any) -> Any:
        holds.set()  # the case row is written, the transaction still open
        time.sleep(1.5)
        return store(*args, **kwargs)

    core._store_files = slow_store
    engine.act(
        User.get_by_id(user_id),
        case_id,
        "approve",
        data={"criteria_rules": True, "criteria_chain": True},
        expected_version=version,
    )
    dbmod.close_db()
    out.put("ok")


def _follower(
    url: str, user_id: int, case_id: int, version: int, holds: Any, out: mp.Queue
) -> None:
    from models import clock as wclock
    from models import db as dbmod
    from models import engine
    from models.errors import ConflictError
    from models.i18n import set_language
    from models.users import User

    set_language("th")
    wclock.set_clock(lambda: dt.datetime(2026, 4, 10, 14))
    dbmod.init_db(url, migrate=False)
    actor = User.get_by_id(user_id)
    holds.wait(60)
    try:
        engine.act(actor, case_id, "to_requester", comment="ขอแก้ไข", expected_version=version)
        out.put(("ok", ""))
    except ConflictError as exc:
        out.put(("conflict", exc.message))
    dbmod.close_db()


@pytest.mark.server
def test_second_write_waits_for_the_first_then_conflicts(sql_db: peewee.Database) -> None:
    """The other workstation read the case before the first committed: its write waits on the
    row lock (PostgreSQL) or the write lock (SQLite), then finds the version moved."""
    url = sql_db.test_url  # type: ignore[attr-defined]
    office = make_office()
    clock.set_clock(lambda: dt.datetime(2026, 4, 10, 9))
    case = open_case(
        office["somchai"],
        "publication",
        {
            "unit": office.units[0].id,
            "paperless_no": "ปชส 1/2569",
            "paperless_date": dt.date(2026, 4, 10),
            "title": "ข่าวประชาสัมพันธ์",
            "received_on": dt.date(2026, 4, 10),
            "assignee": office["somchai"].id,
        },
        [NewFile("to_publish", "ข่าว.pdf", b"%PDF-1.4")],
    )
    ctx = mp.get_context("spawn")
    holds, out_a, out_b = ctx.Event(), ctx.Queue(), ctx.Queue()
    a = ctx.Process(
        target=_holder, args=(url, office["head"].id, case.id, case.version, holds, out_a)
    )
    b = ctx.Process(
        target=_follower,
        args=(url, office["support_head"].id, case.id, case.version, holds, out_b),
    )
    a.start()
    b.start()
    assert out_a.get(timeout=120) == "ok"
    status, message = out_b.get(timeout=120)
    for w in (a, b):
        w.join(timeout=60)
        assert w.exitcode == 0
    assert status == "conflict" and "นางสาวพรทิพย์ วงศ์สุวรรณ" in message
    stored = Case.get_by_id(case.id)
    assert (stored.current_step, stored.version, stored.paused_since) == ("publish", 2, None)
    assert [s.outcome for s in CaseStep.select().where(CaseStep.case == case.id)] == [
        "register",
        "approve",
    ]
