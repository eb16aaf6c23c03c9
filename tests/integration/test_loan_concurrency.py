"""One replacement machine, several workstations lending it at the same instant (separate OS
processes, each its own connection): exactly one loan is made, the others are refused with the
plain message, and the machine ends on loan once."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp

import peewee

from models.support import assets, loans
from models.support.assets import AssetKind, AssetStatus

WORKERS = 4


def _lend(
    url: str, user_id: int, asset_id: int, start: mp.synchronize.Event, out: mp.Queue
) -> None:
    from models import db as dbmod
    from models.errors import DomainError
    from models.users import User

    dbmod.init_db(url, migrate=False)
    actor = User.get_by_id(user_id)
    start.wait()
    try:
        loan = loans.lend(
            actor, asset_id, borrower_name=f"ผู้ยืม {user_id}", due_back=dt.date(2099, 1, 1)
        )
        out.put(("lent", loan.id))
    except DomainError as exc:
        out.put(("refused", exc.message))
    finally:
        dbmod.close_db()


def test_one_machine_is_lent_once(sql_db: peewee.Database, make_user) -> None:
    staff = make_user("staff")
    spare = assets.save_asset(
        staff,
        None,
        {
            "kind": AssetKind.HARDWARE,
            "number": "7440-002-0099/65",
            "name": "โน้ตบุ๊กสำรอง",
            "status": AssetStatus.LOANER_POOL,
        },
    )
    url = sql_db.test_url  # type: ignore[attr-defined]
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    workers = [
        ctx.Process(target=_lend, args=(url, staff.id, spare.id, start, out))
        for _ in range(WORKERS)
    ]
    for w in workers:
        w.start()
    start.set()
    results = [out.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    lent = [r for r in results if r[0] == "lent"]
    refused = [r for r in results if r[0] == "refused"]
    assert len(lent) == 1 and len(refused) == WORKERS - 1
    assert all("ไม่อยู่ในกลุ่มเครื่องทดแทนที่พร้อมให้ยืม" in message for _kind, message in refused)
    assert loans.Loan.select().count() == 1
    assert assets.get_asset(spare.id).status == AssetStatus.ON_LOAN
