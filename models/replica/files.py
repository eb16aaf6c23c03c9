"""Where the replica lives and who may read it.

One SQLite file per operating-system account: ``<user data folder>/replica/replica.sqlite3``
(``ICTDESK_REPLICA_DIR`` moves it, for tests and portable installs). The folder is made
``0700`` and the file ``0600`` before any data goes in (on Windows the user's profile folder
already keeps other accounts out). What it was copied from, when, for whom and up to which change
is kept inside it, in ``replica_meta``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models import db as dbmod

REPLICA_DIR_ENV = "ICTDESK_REPLICA_DIR"
FILE_NAME = "replica.sqlite3"
META_TABLE = "replica_meta"


def replica_dir() -> Path:
    override = os.environ.get(REPLICA_DIR_ENV)
    # beside the embedded database file, in the user's data folder
    return Path(override) if override else dbmod.default_sqlite_path().parent / "replica"


def replica_path() -> Path:
    return replica_dir() / FILE_NAME


def private_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    return folder


def create_private_file(path: Path) -> None:
    """An empty file only its owner may read or write, made so before anything is written."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)  # whatever the umask said


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + end) for end in ("-journal", "-wal", "-shm")]


def delete_replica(path: Path | None = None) -> bool:
    """Remove the replica, its journal and any half-built copy. True when something was removed."""
    path = path or replica_path()
    removed = False
    candidates = [path, *side_files(path)]
    if path.parent.is_dir():
        candidates += list(path.parent.glob(path.name + ".building-*"))
    for candidate in candidates:
        try:
            candidate.unlink()
            removed = True
        except FileNotFoundError:
            continue
    return removed


@dataclass(frozen=True)
class ReplicaMeta:
    source: str  # which server and schema it copies
    mark: int  # the change feed's mark (0: no feed, rebuilt whole each time)
    refreshed_at: dt.datetime  # this workstation's clock, at the end of the last refresh
    server_time: dt.datetime | None  # the server's clock at the snapshot
    owner_user_id: int | None  # the ICT Desk user it was refreshed for
    schema: str  # the migrations applied, comma-separated
    attachment_bytes: int  # bytes of attachments kept


def read_meta(path: Path | None = None) -> ReplicaMeta | None:
    """The replica's description, or None when there is no usable replica. A refresh killed
    half-way left a hot journal: opening the file read-write first lets SQLite roll it back."""
    path = path or replica_path()
    if not path.is_file():
        return None
    try:
        with contextlib.closing(sqlite3.connect(str(path), timeout=10)) as con:
            rows = dict(con.execute(f"SELECT key, value FROM {META_TABLE}").fetchall())
    except sqlite3.DatabaseError:
        return None
    try:
        server_time = rows.get("server_time")
        owner = rows.get("owner_user_id")
        return ReplicaMeta(
            source=rows["source"],
            mark=int(rows.get("mark") or 0),
            refreshed_at=dt.datetime.fromisoformat(rows["refreshed_at"]),
            server_time=dt.datetime.fromisoformat(server_time) if server_time else None,
            owner_user_id=int(owner) if owner else None,
            schema=rows.get("schema", ""),
            attachment_bytes=int(rows.get("attachment_bytes") or 0),
        )
    except (KeyError, ValueError):
        return None


def write_meta(con: sqlite3.Connection, meta: ReplicaMeta) -> None:
    """Inside the refresh's own transaction, so the description always matches the data."""
    con.execute(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
    values = {
        "source": meta.source,
        "mark": str(meta.mark),
        "refreshed_at": meta.refreshed_at.isoformat(),
        "server_time": meta.server_time.isoformat() if meta.server_time else "",
        "owner_user_id": "" if meta.owner_user_id is None else str(meta.owner_user_id),
        "schema": meta.schema,
        "attachment_bytes": str(meta.attachment_bytes),
    }
    con.executemany(
        f"INSERT OR REPLACE INTO {META_TABLE} (key, value) VALUES (?, ?)", list(values.items())
    )


def size_bytes(path: Path | None = None) -> int:
    path = path or replica_path()
    return sum(p.stat().st_size for p in [path, *side_files(path)] if p.is_file())
