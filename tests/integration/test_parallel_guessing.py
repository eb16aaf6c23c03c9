"""Workstations guessing one account's password in parallel: the lockout limit holds. Each
attempt is counted under the user row's lock before its hash is checked, so at most five
password checks happen between them, and the account is locked once."""

from __future__ import annotations

import multiprocessing as mp

import peewee
import pytest

from models import users
from models.audit import AuditEntry
from models.users import User
from tests.backends import EVERY_BACKEND

GUESSERS = 6
GUESSES = 4

pytestmark = [pytest.mark.server, EVERY_BACKEND]


def _guess(url: str, start: mp.synchronize.Event, out: mp.Queue) -> None:
    from models import db as dbmod
    from models import users as wusers
    from models.errors import AuthenticationError

    # A hash slow enough (a few ms) for the attempts to overlap, as real ones (0.1 s) do.
    wusers._hasher = wusers.PasswordHasher(time_cost=2, memory_cost=16 * 1024, parallelism=1)
    dbmod.init_db(url, migrate=False)
    start.wait()
    answers = []
    for n in range(GUESSES):
        try:
            wusers.authenticate("target", f"guess-{n}")
            answers.append("in")
        except AuthenticationError:
            answers.append("refused")
    dbmod.close_db()
    out.put(answers)


def test_parallel_guessing_gets_at_most_five_checks(sql_db: peewee.Database, make_user) -> None:
    url = sql_db.test_url  # type: ignore[attr-defined]
    make_user("staff", username="target")
    slow = users.PasswordHasher(time_cost=2, memory_cost=16 * 1024, parallelism=1)
    User.update(password_hash=slow.hash("password123")).where(User.username == "target").execute()
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=_guess, args=(url, start, out)) for _ in range(GUESSERS)]
    for w in workers:
        w.start()
    start.set()
    answers = [a for _ in workers for a in out.get(timeout=300)]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert answers == ["refused"] * GUESSERS * GUESSES
    # Each password check that counted is logged once: as a failure, or as the lock it caused.
    checked = AuditEntry.select().where(AuditEntry.action.in_(["login_failed", "lock"])).count()
    assert checked <= users.MAX_FAILED_LOGINS
    assert AuditEntry.select().where(AuditEntry.action == "lock").count() == 1
    assert User.get(User.username == "target").locked_until is not None
