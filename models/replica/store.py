"""Making and refreshing the replica, and opening it read-only.

**Full build** (first time, another server, another schema, a replica older than the feed keeps,
or a server without a feed): a new file ``replica.sqlite3.building-<pid>`` (mode 0600) gets the
app's own migrations, then every table of ``models.schema.all_models()`` is copied in id order,
5,000 rows at a time, from one REPEATABLE READ snapshot of the server; attachments' bytes follow
for the newest files within the limits. The file is synced and renamed over the old replica
(``os.replace``: atomic), so a build killed half-way leaves the previous replica as it was.

**Incremental refresh** (PostgreSQL): the rows the change feed (``feed.py``) names are read from
one snapshot and written into the replica in one SQLite transaction (delete, then insert the
row as it is now; a row gone from the server stays deleted), together with the new mark. SQLite's
rollback journal makes that transaction all-or-nothing, also when the process is killed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from models import clock
from models import db as dbmod
from models import offline as mode
from models.errors import DomainError
from models.i18n import _
from models.replica import feed, files

log = logging.getLogger(__name__)

CHUNK = 5_000
ID_CHUNK = 500
BLOB_CHUNK = 20
ATTACHMENT_TABLE = "attachment"
_NOT_COPIED = {"schema_migration", files.META_TABLE}
_APPEND_ONLY_TRIGGERS = ("audit_entry_no_update", "audit_entry_no_delete")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Limits:
    per_file_bytes: int = 20 * 1024 * 1024
    total_bytes: int = 2 * 1024 * 1024 * 1024


@dataclass(frozen=True)
class RefreshResult:
    kind: str  # "full" | "incremental"
    rows: int  # rows copied (full) or rows changed (incremental)
    seconds: float
    path: str
    refreshed_at: dt.datetime
    size_bytes: int
    attachment_bytes: int


def _tables(con: sqlite3.Connection, *, keyed: bool = True) -> list[tuple[str, list[str]]]:
    """Every data table the app's migrations made in the replica, with its columns: the same
    tables as on the server (the same migrations made both). Read from the file itself rather
    than from the list of model modules, so a table is never left out because a module moved.
    ``keyed``: the tables with an ``id`` (followed row by row through the feed); otherwise those
    without one (derived tables such as the statistics' working-day table, copied whole when
    their fingerprint changes)."""
    rows = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY name"
    ).fetchall()
    virtual = {name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")}
    shadows = tuple(f"{name}_" for name in virtual)
    out = []
    for name, _sql in rows:
        if name in _NOT_COPIED or name in virtual or name.startswith(shadows):
            continue  # bookkeeping, and the search side tables (rebuilt from their tables)
        columns = [r[1] for r in con.execute(f'PRAGMA table_info("{name}")').fetchall()]
        if ("id" in columns) == keyed:
            out.append((name, columns))
    return out


def _quote(db: peewee.Database, name: str) -> str:
    q = "`" if isinstance(db, peewee.MySQLDatabase) else '"'
    return f"{q}{name}{q}"


def source_key(server: peewee.Database) -> str:
    """Which server, database and schema the replica copies (the same through any address)."""
    if isinstance(server, peewee.PostgresqlDatabase):
        row = server.execute_sql(
            "SELECT coalesce(host(inet_server_addr()), 'local'), coalesce(inet_server_port(), 0),"
            " current_database(), current_schema()"
        ).fetchone()
        return f"postgresql://{row[0]}:{row[1]}/{row[2]}/{row[3]}"
    if isinstance(server, peewee.MySQLDatabase):
        row = server.execute_sql("SELECT @@hostname, @@port, DATABASE()").fetchone()
        return f"mysql://{row[0]}:{row[1]}/{row[2]}"
    return f"sqlite://{server.database}"


@contextlib.contextmanager
def _snapshot_transaction(server: peewee.Database) -> Iterator[None]:
    """Everything read inside sees the server at one instant (and writes nothing)."""
    with server.atomic():
        if isinstance(server, peewee.PostgresqlDatabase):
            server.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def kept_attachments(server: peewee.Database, limits: Limits) -> set[int]:
    """The attachments whose bytes the replica keeps: newest first, each no larger than the
    per-file limit, until the next one would pass the total."""
    kept: set[int] = set()
    total = 0
    table = _quote(server, ATTACHMENT_TABLE)
    cursor = server.execute_sql(f"SELECT id, size FROM {table} ORDER BY created_at DESC, id DESC")
    for row_id, size in cursor.fetchall():
        if size > limits.per_file_bytes:
            continue
        if total + size > limits.total_bytes:
            break
        kept.add(int(row_id))
        total += int(size)
    return kept


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _c in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks})'


def _select_columns(table: str, columns: list[str]) -> list[str]:
    """Attachments are read without their bytes (those follow, within the limits)."""
    return [c for c in columns if not (table == ATTACHMENT_TABLE and c == "data")]


def _plain(rows: list[Any], blank_blob: bool) -> list[Any]:
    """Rows as the driver gave them (sqlite3 binds them as they are), the attachments' bytes
    column added empty where they were read without it."""
    return [(*row, b"") for row in rows] if blank_blob else rows


def _copy_blobs(
    server: peewee.Database, replica: sqlite3.Connection, ids: Sequence[int], *, blank: bool = False
) -> int:
    """Write the bytes of ``ids`` into the replica (or blank them); returns the bytes written."""
    written = 0
    ordered = sorted(ids)
    if blank:
        for start in range(0, len(ordered), ID_CHUNK):
            part = ordered[start : start + ID_CHUNK]
            marks = ", ".join("?" for _i in part)
            replica.execute(
                f"UPDATE \"{ATTACHMENT_TABLE}\" SET data = X'' WHERE id IN ({marks})", part
            )
        return 0
    table = _quote(server, ATTACHMENT_TABLE)
    for start in range(0, len(ordered), BLOB_CHUNK):
        part = ordered[start : start + BLOB_CHUNK]
        marks = ", ".join(server.param for _i in part)
        cursor = server.execute_sql(f"SELECT id, data FROM {table} WHERE id IN ({marks})", part)
        for row_id, data in cursor.fetchall():
            blob = bytes(data)
            replica.execute(
                f'UPDATE "{ATTACHMENT_TABLE}" SET data = ? WHERE id = ?', (blob, row_id)
            )
            written += len(blob)
    return written


def _stored_blob_ids(replica: sqlite3.Connection) -> dict[int, int]:
    rows = replica.execute(
        f'SELECT id, length(data) FROM "{ATTACHMENT_TABLE}" WHERE length(data) > 0'
    ).fetchall()
    return {int(r[0]): int(r[1]) for r in rows}


def _schema_names(server: peewee.Database) -> str:
    """The migrations the server has applied (read directly: the migration runner's own look
    lists every table of the database first, a few tens of ms on a busy server)."""
    table = _quote(server, "schema_migration")
    rows = server.execute_sql(f"SELECT name FROM {table} ORDER BY name").fetchall()
    return ",".join(name for (name,) in rows)


def build_full(
    server: peewee.Database,
    path: Path,
    *,
    limits: Limits,
    owner_user_id: int | None,
    progress: Progress | None = None,
) -> RefreshResult:
    began = time.perf_counter()
    feed.install_triggers(server)  # tables a newer migration added join the feed first
    files.private_folder(path.parent)
    temp = path.with_name(f"{path.name}.building-{os.getpid()}")
    files.create_private_file(temp)
    local = peewee.SqliteDatabase(str(temp), pragmas={"journal_mode": "off", "synchronous": "off"})
    rows = 0
    try:
        local.connect()
        dbmod.upgrade(local)
        con = local.connection()
        con.execute("PRAGMA foreign_keys = OFF")  # the server keeps the integrity; order is free
        for name in _APPEND_ONLY_TRIGGERS:
            # the server keeps its audit log append-only; the copy must follow its rows
            con.execute(f"DROP TRIGGER IF EXISTS {name}")
        deferred = _defer_indexes(con)
        with _snapshot_transaction(server):
            snap = feed.snapshot(server) if feed.has_feed(server) else None
            source, schema = source_key(server), _schema_names(server)
            con.execute("BEGIN")
            for table, columns in _tables(con):
                rows += _copy_table(server, con, table, columns)
                if progress is not None:
                    progress(table)
            fingerprints = {}
            for table, columns in _tables(con, keyed=False):
                fingerprints[table] = _fingerprint(server, table)
                rows += _copy_whole(server, con, table, columns)
            kept = kept_attachments(server, limits)
            blob_bytes = _copy_blobs(server, con, list(kept))
            if progress is not None:
                progress(ATTACHMENT_TABLE + ":data")
            _restore_indexes(con, deferred)
            refreshed = clock.now()
            files.write_meta(
                con,
                files.ReplicaMeta(
                    source=source,
                    mark=snap.mark if snap else 0,
                    refreshed_at=refreshed,
                    server_time=snap.server_now if snap else None,
                    owner_user_id=owner_user_id,
                    schema=schema,
                    attachment_bytes=blob_bytes,
                ),
            )
            _store_fingerprints(con, fingerprints)
            con.execute("COMMIT")
        local.close()
        with open(temp, "rb+") as handle:  # on disk before it takes the replica's name
            os.fsync(handle.fileno())
        for side in files.side_files(path):
            with contextlib.suppress(FileNotFoundError):
                side.unlink()
        os.replace(temp, path)
    except BaseException:
        local.close()
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return RefreshResult(
        "full",
        rows,
        time.perf_counter() - began,
        str(path),
        refreshed,
        files.size_bytes(path),
        blob_bytes,
    )


@dataclass(frozen=True)
class _Deferred:
    indexes: list[str]  # CREATE INDEX statements
    triggers: list[str]  # CREATE TRIGGER statements (the search indexes' upkeep)
    fts: list[str]  # full-text side tables to rebuild from their content


def _defer_indexes(con: sqlite3.Connection) -> _Deferred:
    """An empty new file: drop its indexes and triggers for the bulk copy and make them after,
    in one pass each (several times faster than keeping them up to date row by row)."""
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    fts = con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
    ).fetchall()
    for name, _sql in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    for name, _sql in indexes:
        con.execute(f'DROP INDEX "{name}"')
    return _Deferred(
        [sql for _n, sql in indexes], [sql for _n, sql in triggers], [n for (n,) in fts]
    )


def _restore_indexes(con: sqlite3.Connection, deferred: _Deferred) -> None:
    for sql in deferred.indexes:
        con.execute(sql)
    for table in deferred.fts:
        con.execute(f'INSERT INTO "{table}"("{table}") VALUES (\'rebuild\')')
    for sql in deferred.triggers:
        con.execute(sql)


def _copy_table(
    server: peewee.Database, con: sqlite3.Connection, table: str, columns: list[str]
) -> int:
    selected = _select_columns(table, columns)
    blank_blob = len(selected) != len(columns)
    insert = _insert_sql(table, selected + (["data"] if blank_blob else []))
    names = ", ".join(_quote(server, c) for c in selected)
    source = _quote(server, table)
    last = 0
    copied = 0
    while True:
        cursor = server.execute_sql(
            f"SELECT {names} FROM {source} WHERE id > {server.param} ORDER BY id LIMIT {CHUNK}",
            (last,),
        )
        batch = cursor.fetchall()
        if not batch:
            return copied
        id_at = selected.index("id")
        con.executemany(insert, _plain(batch, blank_blob))
        copied += len(batch)
        last = int(batch[-1][id_at])
        if len(batch) < CHUNK:
            return copied


def _copy_whole(
    server: peewee.Database, con: sqlite3.Connection, table: str, columns: list[str]
) -> int:
    names = ", ".join(_quote(server, c) for c in columns)
    rows = server.execute_sql(f"SELECT {names} FROM {_quote(server, table)}").fetchall()
    con.executemany(_insert_sql(table, columns), rows)
    return len(rows)


def _fingerprint(server: peewee.Database, table: str) -> str:
    """A table without ids has no feed: whether it changed is told by its rows' digest (a few ms
    for the thousands of rows such derived tables hold)."""
    source = _quote(server, table)
    if isinstance(server, peewee.PostgresqlDatabase):
        row = server.execute_sql(
            f"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
            f" FROM {source} AS t"
        ).fetchone()
        return f"{row[0]}:{row[1]}"
    return str(server.execute_sql(f"SELECT count(*) FROM {source}").fetchone()[0]) + ":?"


def _stored_fingerprint(con: sqlite3.Connection, table: str) -> str | None:
    row = con.execute(
        f"SELECT value FROM {files.META_TABLE} WHERE key = ?", (f"fingerprint:{table}",)
    ).fetchone()
    return str(row[0]) if row else None


def _store_fingerprints(con: sqlite3.Connection, fingerprints: dict[str, str]) -> None:
    con.executemany(
        f"INSERT OR REPLACE INTO {files.META_TABLE} (key, value) VALUES (?, ?)",
        [(f"fingerprint:{table}", value) for table, value in fingerprints.items()],
    )


def refresh_incremental(
    server: peewee.Database,
    path: Path,
    meta: files.ReplicaMeta,
    *,
    limits: Limits,
    owner_user_id: int | None,
    progress: Progress | None = None,
) -> RefreshResult:
    began = time.perf_counter()
    changed_count = 0
    con = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys = OFF")
        with _snapshot_transaction(server):
            snap = feed.snapshot(server)
            changes = feed.changed_rows(server, meta.mark)
            con.execute("BEGIN IMMEDIATE")
            known = dict(_tables(con))
            stored = _stored_blob_ids(con)
            kept = kept_attachments(server, limits)
            for table, ids in sorted(changes.items()):
                if table not in known:
                    continue  # not a table of this app (a side table)
                changed_count += len(ids)
                _replace_rows(server, con, table, known[table], sorted(ids))
                if table == ATTACHMENT_TABLE:
                    for row_id in ids:
                        stored.pop(row_id, None)  # re-inserted without bytes
                if progress is not None:
                    progress(table)
            fingerprints = {}
            for table, columns in _tables(con, keyed=False):
                fingerprint = _fingerprint(server, table)
                if fingerprint != _stored_fingerprint(con, table):
                    con.execute(f'DELETE FROM "{table}"')
                    changed_count += _copy_whole(server, con, table, columns)
                    fingerprints[table] = fingerprint
            blob_bytes = _copy_blobs(server, con, sorted(kept - set(stored)))
            _copy_blobs(server, con, sorted(set(stored) - kept), blank=True)
            blob_bytes += sum(size for row_id, size in stored.items() if row_id in kept)
            refreshed = clock.now()
            files.write_meta(
                con,
                files.ReplicaMeta(
                    source=meta.source,
                    mark=snap.mark,
                    refreshed_at=refreshed,
                    server_time=snap.server_now,
                    owner_user_id=owner_user_id,
                    schema=meta.schema,
                    attachment_bytes=blob_bytes,
                ),
            )
            _store_fingerprints(con, fingerprints)
            con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    return RefreshResult(
        "incremental",
        changed_count,
        time.perf_counter() - began,
        str(path),
        refreshed,
        files.size_bytes(path),
        blob_bytes,
    )


def _replace_rows(
    server: peewee.Database,
    con: sqlite3.Connection,
    table: str,
    columns: list[str],
    ids: list[int],
) -> None:
    selected = _select_columns(table, columns)
    blank_blob = len(selected) != len(columns)
    insert = _insert_sql(table, selected + (["data"] if blank_blob else []))
    names = ", ".join(_quote(server, c) for c in selected)
    source = _quote(server, table)
    for start in range(0, len(ids), ID_CHUNK):
        part = ids[start : start + ID_CHUNK]
        marks = ", ".join(server.param for _i in part)
        rows = server.execute_sql(
            f"SELECT {names} FROM {source} WHERE id IN ({marks})", part
        ).fetchall()
        local_marks = ", ".join("?" for _i in part)
        con.execute(f'DELETE FROM "{table}" WHERE id IN ({local_marks})', part)
        con.executemany(insert, _plain(rows, blank_blob))


def needs_full_build(
    server: peewee.Database, meta: files.ReplicaMeta | None, *, has_feed: bool
) -> bool:
    if meta is None or not has_feed or meta.mark <= 0:
        return True
    if meta.source != source_key(server) or meta.schema != _schema_names(server):
        return True
    if meta.server_time is None:
        return True
    server_now = server.execute_sql("SELECT LOCALTIMESTAMP").fetchone()[0]
    return bool(server_now - meta.server_time > dt.timedelta(days=feed.REBUILD_DAYS))


def refresh(
    server: peewee.Database,
    *,
    path: Path | None = None,
    limits: Limits | None = None,
    owner_user_id: int | None = None,
    progress: Progress | None = None,
    full: bool = False,
) -> RefreshResult:
    """Bring the replica up to the server's present state (the worker calls this)."""
    if mode.is_offline():
        raise mode.OfflineReadOnly(_("ขณะนี้ใช้งานแบบออฟไลน์ จึงปรับสำเนาข้อมูลไม่ได้"))
    path = path or files.replica_path()
    limits = limits or Limits()
    _remove_stale_builds(path)
    if server is dbmod.database.obj:
        _fill_derived_tables()
    meta = files.read_meta(path)
    has_feed = feed.has_feed(server)
    if full or needs_full_build(server, meta, has_feed=has_feed):
        result = build_full(
            server, path, limits=limits, owner_user_id=owner_user_id, progress=progress
        )
    else:
        assert meta is not None
        result = refresh_incremental(
            server, path, meta, limits=limits, owner_user_id=owner_user_id, progress=progress
        )
    if has_feed:
        feed.prune(server)
    return result


def _fill_derived_tables() -> None:
    """Tables the app fills on demand must be filled before they are copied: the replica cannot
    be written offline. The statistics' working-day table is made to cover the window the
    statistics tab asks for by default (this and last fiscal year; it keeps ten years before)."""
    from models.statistics.workdays import ensure_days
    from reports.thaifmt import fiscal_year, fiscal_year_bounds

    this_year = fiscal_year(clock.today())
    try:
        ensure_days(fiscal_year_bounds(this_year - 1)[0], fiscal_year_bounds(this_year)[1])
    except (peewee.PeeweeException, DomainError) as exc:  # a read-only account: copied as it is
        log.info("filling the working-day table before the replica failed: %s", exc)


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return False  # Windows keeps a file open by its writer: its unlink fails below
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale_builds(path: Path) -> None:
    """Half-built copies left by a build that was killed (never the one of a live process)."""
    for temp in path.parent.glob(path.name + ".building-*"):
        pid = temp.name.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not _process_alive(int(pid)):
            with contextlib.suppress(OSError):
                temp.unlink()


_WRITES = re.compile(
    r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|VACUUM|REINDEX)\b", re.IGNORECASE
)


class ReplicaDatabase(dbmod.SqliteGuardedDatabase):
    """The replica as the app reads it: opened read-only, and any SQL write refused with the
    offline message before SQLite would refuse it with its own."""

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if _WRITES.match(sql):
            mode.refuse_writes()
            raise mode.OfflineReadOnly(mode.refusal_message())
        return super().execute_sql(sql, params)


def open_read_only(path: Path | None = None) -> ReplicaDatabase:
    path = path or files.replica_path()
    files.read_meta(path)  # rolls back a refresh killed half-way before the read-only open
    uri = "file:" + str(path.resolve()).replace("\\", "/") + "?mode=ro"
    database = ReplicaDatabase(
        uri, uri=True, pragmas={"query_only": 1, "cache_size": -16_000, "foreign_keys": 0}
    )
    database.connect()
    return database
