"""Transactions that read before they write, safe when two workstations share one SQLite file.

SQLite starts a transaction with a read lock; a second connection that wrote meanwhile makes the
upgrade to a write lock fail at once with "database is locked" (waiting could deadlock, so SQLite
does not wait). Taking the write lock at BEGIN (``BEGIN IMMEDIATE``) makes the second workstation
wait its turn instead (up to the connection's busy timeout), then read what the first committed.

One mechanism: the SQLite database the app opens (``models.db``) begins **every** transaction
that way, so any ``database.atomic()`` in the app is safe; ``write_transaction()`` is the name the
domain uses for work that checks the data and then changes it (``records.create/update/delete``,
the engine's moves, numbering, loans, imports). Reads outside a transaction take no lock. Nested,
it is a savepoint of the transaction already holding the lock. On PostgreSQL and MySQL an ordinary
transaction is right: their row locks serialise the writers.
"""

from __future__ import annotations

from typing import Any

from models import offline as mode
from models.db import database


def write_transaction() -> Any:
    """``with write_transaction(): ...`` for work that checks the data, then changes it.
    Offline (the server away, the replica open) it refuses with the Thai message at once."""
    mode.refuse_writes()
    return database.atomic()
