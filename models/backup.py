"""Backups of the embedded SQLite database (online, consistent, while the app is running)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import peewee

BACKUP_GLOB = "ictdesk-*.sqlite3"


def backup_sqlite(db: peewee.SqliteDatabase, folder: Path, *, label: str = "manual") -> Path:
    """Copy the live database with SQLite's backup API into ``folder``; returns the new file."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"ictdesk-{stamp}-{label}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"ictdesk-{stamp}-{label}-{n}.sqlite3"
    return backup_to(db, target)


def backup_to(db: peewee.SqliteDatabase, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        dest = sqlite3.connect(str(partial))
        try:
            db.connection().backup(dest)
        finally:
            dest.close()
        partial.replace(target)  # never leave a half-written file under the final name
    except BaseException:
        partial.unlink(missing_ok=True)  # nor a half-written one beside it
        raise
    return target


def latest_backup(folder: Path) -> Path | None:
    files = (
        sorted(folder.glob(BACKUP_GLOB), key=lambda p: p.stat().st_mtime) if folder.exists() else []
    )
    return files[-1] if files else None


def prune_backups(folder: Path, keep: int) -> None:
    files = sorted(folder.glob(BACKUP_GLOB), key=lambda p: p.stat().st_mtime)
    for old in files[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)


def daily_backup(db: peewee.SqliteDatabase, folder: Path, *, keep: int = 14) -> Path | None:
    """One automatic backup per day at start-up, keeping the last ``keep`` files."""
    today = dt.date.today().strftime("%Y%m%d")
    if folder.exists() and any(folder.glob(f"ictdesk-{today}-*-daily*.sqlite3")):
        return None
    made = backup_sqlite(db, folder, label="daily")
    prune_backups(folder, keep)
    return made
