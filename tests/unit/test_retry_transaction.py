"""``@retry_transaction``: a deadlock victim is re-run whole (its first attempt rolled back, rows
passed in restored), other errors are not, and nested inside another transaction it leaves the
decision to the outermost."""

from __future__ import annotations

import peewee
import pytest

from models import records, write_lock
from models.org import Unit


def _deadlock() -> peewee.OperationalError:
    return peewee.OperationalError(1213, "Deadlock found when trying to get lock")


def test_a_deadlock_victim_runs_again_from_the_start(sqlite_db) -> None:
    unit = records.create(None, Unit, name="งานพัสดุ")
    attempts: list[int] = []

    @write_lock.retry_transaction
    def rename(row: Unit) -> Unit:
        attempts.append(row.version)
        records.update(None, row, name=f"งานพัสดุ {len(attempts)}")
        if len(attempts) == 1:
            raise _deadlock()  # the server picked this transaction after the update
        return row

    saved = rename(unit)
    assert attempts == [1, 1]  # the second attempt saw the row as it was, not version 2
    assert Unit.get_by_id(unit.id).name == "งานพัสดุ 2" and saved.version == 2


def test_other_errors_and_nested_calls_are_not_retried(sqlite_db) -> None:
    calls: list[str] = []

    @write_lock.retry_transaction
    def fails(error: Exception) -> None:
        calls.append("x")
        raise error

    with pytest.raises(peewee.IntegrityError):
        fails(peewee.IntegrityError("UNIQUE constraint failed"))
    assert calls == ["x"]
    calls.clear()
    with pytest.raises(peewee.OperationalError), sqlite_db.atomic():
        fails(_deadlock())  # inside a transaction: only the outermost may run it again
    assert calls == ["x"]


def test_postgres_and_mysql_codes_are_recognised() -> None:
    class PgError(Exception):
        pgcode = "40P01"

    wrapped = peewee.OperationalError("savepoint does not exist")
    wrapped.__context__ = _deadlock()  # MariaDB: 1305 raised while handling the 1213
    assert write_lock.is_retryable(wrapped)
    assert write_lock.is_retryable(PgError())
    assert not write_lock.is_retryable(peewee.OperationalError(2006, "MySQL server has gone away"))
