"""Numbers never repeat when several workstations take them at the same instant: separate OS
processes, each with its own connection, race for the same counter."""

from __future__ import annotations

import multiprocessing as mp

import peewee

from models import numbering
from models.numbering import IssuedNumber

WORKERS = 4
PER_WORKER = 25


def _take_numbers(url: str, user_id: int, start: mp.synchronize.Event, out: mp.Queue) -> None:
    from models import db as dbmod
    from models.users import User

    dbmod.init_db(url, migrate=False)
    actor = User.get_by_id(user_id)
    start.wait()
    taken = [numbering.take_number(actor, "outgoing_letter").number for _ in range(PER_WORKER)]
    dbmod.close_db()
    out.put(taken)


def test_concurrent_workstations_never_get_the_same_number(sql_db: peewee.Database, admin) -> None:
    url = sql_db.test_url  # type: ignore[attr-defined]
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    workers = [
        ctx.Process(target=_take_numbers, args=(url, admin.id, start, out)) for _ in range(WORKERS)
    ]
    for w in workers:
        w.start()
    start.set()
    results = [out.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0

    every = sorted(n for chunk in results for n in chunk)
    assert every == list(range(1, WORKERS * PER_WORKER + 1))  # no repeat, no gap
    assert IssuedNumber.select().count() == WORKERS * PER_WORKER
    # Each workstation saw its own numbers rising.
    assert all(chunk == sorted(chunk) for chunk in results)
