"""Transactions that read before they write, safe when workstations share a database.

SQLite starts a transaction with a read lock; a second connection that wrote meanwhile makes the
upgrade to a write lock fail at once with "database is locked" (waiting could deadlock, so SQLite
does not wait). Taking the write lock at BEGIN (``BEGIN IMMEDIATE``) makes the second workstation
wait its turn instead (up to the connection's busy timeout), then read what the first committed.

One mechanism: the SQLite database the app opens (``models.db``) begins **every** transaction
that way, so any ``database.atomic()`` in the app is safe; ``write_transaction()`` is the name the
domain uses for work that checks the data and then changes it (``records.create/update/delete``,
the engine's moves, numbering, loans, imports). Reads outside a transaction take no lock. Nested,
it is a savepoint of the transaction already holding the lock.

On PostgreSQL and MySQL/MariaDB row locks serialise the writers, but the server may still pick a
transaction as a deadlock victim (InnoDB: 1213, lock wait timeout 1205; PostgreSQL: 40P01, and
40001 under stricter isolation). The server has then rolled the **whole** transaction back (a
savepoint inside it is gone too: MariaDB then answers 1305 "SAVEPOINT does not exist"), so the only
correct retry is the whole transaction. ``@retry_transaction`` on a domain write entry point does
that: when it is the outermost transaction, a deadlock or serialization failure re-runs the
function from the start a bounded number of times; nested inside another transaction it leaves
the decision to the outermost one.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import peewee

from models import offline as mode
from models.db import database

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

MAX_ATTEMPTS = 8
# MySQL/MariaDB: deadlock, lock wait timeout. PostgreSQL SQLSTATEs: serialization failure, deadlock.
_MYSQL_RETRY = {1213, 1205}
_PG_RETRY = {"40001", "40P01"}


def write_transaction() -> Any:
    """``with write_transaction(): ...`` for work that checks the data, then changes it.
    Offline (the server away, the replica open) it refuses with the Thai message at once."""
    mode.refuse_writes()
    return database.atomic()


def is_retryable(exc: BaseException) -> bool:
    """True when ``exc`` (or an error it was raised while handling) is a deadlock or
    serialization failure: the server rolled the transaction back and it may simply run again."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _retryable_one(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _retryable_one(exc: BaseException) -> bool:
    pgcode = getattr(exc, "pgcode", None)
    if pgcode in _PG_RETRY:
        return True
    args = getattr(exc, "args", ())
    if args and isinstance(args[0], int) and args[0] in _MYSQL_RETRY:
        return True
    orig = getattr(exc, "orig", None)  # peewee keeps the driver's exception here
    return orig is not None and orig is not exc and _retryable_one(orig)


def retry_transaction(fn: Callable[P, R]) -> Callable[P, R]:
    """Run ``fn`` in one transaction; re-run it whole after a deadlock or serialization failure
    (outermost transaction only, at most ``MAX_ATTEMPTS`` times, with a short random pause)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if database.obj is None or database.in_transaction():
            return fn(*args, **kwargs)
        # Rows passed in are put back as they were before a retry (an attempt may have stamped
        # a new version on them before the server rolled it back).
        rows = [a for a in (*args, *kwargs.values()) if isinstance(a, peewee.Model)]
        before = [(row, dict(row.__data__), set(vars(row).get("_dirty", ()))) for row in rows]
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                with database.atomic():
                    return fn(*args, **kwargs)
            except (peewee.OperationalError, peewee.InternalError, peewee.DatabaseError) as exc:
                if attempt == MAX_ATTEMPTS or not is_retryable(exc):
                    raise
                log.info("%s: deadlock/serialization failure, retry %d", fn.__name__, attempt)
                for row, data, dirty in before:
                    row.__data__ = dict(data)
                    vars(row)["_dirty"] = set(dirty)
                time.sleep(random.uniform(0.005, 0.02) * attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    return wrapper
