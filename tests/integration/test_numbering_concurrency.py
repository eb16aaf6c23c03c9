"""Numbers never repeat when several workstations take them at the same instant: separate OS
processes, each with its own connection, race for the same counter, on every backend. On MariaDB
an ``INSERT IGNORE`` + ``UPDATE`` counter made a third of the takes deadlock victims; none may fail
now (a deadlock the server still picks is retried as a whole transaction)."""

from __future__ import annotations

import multiprocessing as mp

import peewee
import pytest

from models import numbering
from models.numbering import IssuedNumber
from tests.backends import EVERY_BACKEND

WORKERS = 8
PER_WORKER = 25


def _take_numbers(url: str, user_id: int, start: mp.synchronize.Event, out: mp.Queue) -> None:
    from models import db as dbmod
    from models.users import User

    dbmod.init_db(url, migrate=False)
    actor = User.get_by_id(user_id)
    start.wait()
    taken: list[int] = []
    failures: list[str] = []
    for _ in range(PER_WORKER):
        try:
            taken.append(numbering.take_number(actor, "outgoing_letter").number)
        except Exception as exc:  # any failure is what this test counts
            failures.append(repr(exc))
    dbmod.close_db()
    out.put((taken, failures))


@pytest.mark.server
@EVERY_BACKEND
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
    answers = [out.get(timeout=300) for _ in workers]
    results = [taken for taken, _failures in answers]
    failures = [f for _taken, chunk in answers for f in chunk]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0

    assert failures == []
    every = sorted(n for chunk in results for n in chunk)
    assert every == list(range(1, WORKERS * PER_WORKER + 1))  # no repeat, no gap
    assert IssuedNumber.select().count() == WORKERS * PER_WORKER
    # Each workstation saw its own numbers rising.
    assert all(chunk == sorted(chunk) for chunk in results)
