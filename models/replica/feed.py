"""The change feed the replica follows on PostgreSQL: a log of which row of which table changed,
written by the database itself.

Every table gets an ``AFTER INSERT OR UPDATE OR DELETE`` row trigger (migration 0008, and
``install_triggers`` after any later migration adds tables) that appends ``(table, row id,
transaction id)`` to ``replica_change``. The database writes it, so writes that leave no audit
entry (counters, bookkeeping, bulk loads, deletions, cascades, SQL typed by hand) are covered too.

A refresh reads, inside one REPEATABLE READ snapshot, the entries whose transaction id is at or
above the mark of the previous refresh, and the snapshot's ``xmin`` becomes the next mark. Every
transaction below ``xmin`` had ended when the snapshot was taken, so an entry of a transaction
still running (even one that began before others that already committed) is read next time; an
entry read twice is applied twice, which is harmless (the row is copied again).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

import peewee

log = logging.getLogger(__name__)

LOG_TABLE = "replica_change"
TRIGGER = "replica_change"
FUNCTION = "replica_change_log"
KEEP_DAYS = 30  # entries older than this are pruned; a replica older than REBUILD_DAYS rebuilds
REBUILD_DAYS = 25
NOT_LOGGED = {"schema_migration", LOG_TABLE}


def supported(db: peewee.Database) -> bool:
    return isinstance(db, peewee.PostgresqlDatabase)


def has_feed(db: peewee.Database) -> bool:
    if not supported(db):
        return False
    row = db.execute_sql("SELECT to_regclass(%s) IS NOT NULL", (LOG_TABLE,)).fetchone()
    return bool(row and row[0])


def install_triggers(db: peewee.Database) -> list[str]:
    """Give every table of the current schema that has an ``id`` column and no trigger yet its
    trigger: tables added by migrations after 0008. A full build (which a new schema causes)
    calls it first. Returns the tables it was added to; an account without the right to add
    triggers leaves them as they are (logged): their changes then reach replicas with full builds only."""
    if not has_feed(db):
        return []
    try:
        return _install_missing(db)
    except peewee.DatabaseError as exc:
        log.warning("adding the replica change triggers failed: %s", exc)
        return []


def _install_missing(db: peewee.Database) -> list[str]:
    rows = db.execute_sql(
        "SELECT c.table_name FROM information_schema.columns c "
        "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
        " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
        "WHERE c.table_schema = current_schema() AND c.column_name = 'id' "
        "AND NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class k ON k.oid = g.tgrelid "
        " JOIN pg_namespace n ON n.oid = k.relnamespace "
        " WHERE n.nspname = current_schema() AND k.relname = c.table_name AND g.tgname = %s)",
        (TRIGGER,),
    ).fetchall()
    added = []
    for (table,) in rows:
        if table in NOT_LOGGED or table.endswith("_search"):
            continue
        db.execute_sql(
            f'CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
        )
        added.append(table)
    return added


@dataclass(frozen=True)
class Snapshot:
    mark: int  # xmin of the snapshot: the next refresh reads entries at or above it
    server_now: dt.datetime


def snapshot(db: peewee.Database) -> Snapshot:
    """Call first inside a REPEATABLE READ transaction."""
    row = db.execute_sql(
        "SELECT txid_snapshot_xmin(txid_current_snapshot()), LOCALTIMESTAMP"
    ).fetchone()
    return Snapshot(int(row[0]), row[1])


def changed_rows(db: peewee.Database, since_mark: int) -> dict[str, set[int]]:
    """Table name → ids of the rows written by transactions at or above ``since_mark``."""
    out: dict[str, set[int]] = defaultdict(set)
    cursor = db.execute_sql(
        f"SELECT DISTINCT table_name, row_id FROM {LOG_TABLE} WHERE txid >= %s", (since_mark,)
    )
    for table, row_id in cursor.fetchall():
        if row_id is not None:
            out[table].add(int(row_id))
    return dict(out)


def prune(db: peewee.Database) -> int:
    """Drop entries older than ``KEEP_DAYS`` (a replica that old is rebuilt, not patched).
    Best effort: an account without the right to delete leaves the log as it is."""
    try:
        with db.atomic():
            cursor = db.execute_sql(
                f"DELETE FROM {LOG_TABLE} WHERE at < LOCALTIMESTAMP - make_interval(days => %s)",
                (KEEP_DAYS,),
            )
            return int(cursor.rowcount or 0)
    except peewee.DatabaseError as exc:
        log.info("pruning the replica change log failed: %s", exc)
        return 0
