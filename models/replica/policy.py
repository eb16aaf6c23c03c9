"""The office's rules for replicas (settings an administrator changes in ตั้งค่า → ค่าทั่วไป) and
what a start does with the replica on this workstation.

- ``replica.enabled`` off: no workstation keeps a copy; one found is deleted at the next start.
- A replica kept for a user whose account has been switched off is deleted at the next start
  (checked on the server when it answers, else in the replica's own copy of the user table).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import peewee

from models import settings
from models.i18n import N_
from models.replica import files, store

log = logging.getLogger(__name__)

settings.declare(
    settings.SettingDef(
        "replica.enabled", True, N_("เก็บสำเนาข้อมูลไว้ในเครื่องผู้ใช้ เพื่อเปิดดูเมื่อเครื่องแม่ข่ายขัดข้อง")
    )
)
settings.declare(
    settings.SettingDef(
        "replica.max_file_mb", 20, N_("สำเนาในเครื่อง: ขนาดไฟล์แนบสูงสุดที่เก็บ ต่อไฟล์ (เมกะไบต์)"), 0, 500
    )
)
settings.declare(
    settings.SettingDef(
        "replica.max_total_mb",
        2048,
        N_("สำเนาในเครื่อง: ขนาดไฟล์แนบรวมสูงสุดที่เก็บ (เมกะไบต์)"),
        0,
        100_000,
    )
)
settings.declare(
    settings.SettingDef(
        "replica.refresh_minutes", 5, N_("สำเนาในเครื่อง: ปรับข้อมูลทุก ๆ (นาที)"), 1, 1440
    )
)

MB = 1024 * 1024


def enabled() -> bool:
    return bool(settings.get("replica.enabled"))


def limits() -> store.Limits:
    return store.Limits(
        per_file_bytes=int(settings.get("replica.max_file_mb")) * MB,
        total_bytes=int(settings.get("replica.max_total_mb")) * MB,
    )


def refresh_minutes() -> int:
    return int(settings.get("replica.refresh_minutes"))


@dataclass(frozen=True)
class StartCheck:
    deleted: bool
    reason: str  # "" | "disabled" | "deactivated"


def _owner_inactive(database: peewee.Database, owner_id: int) -> bool:
    row = database.execute_sql(
        'SELECT active FROM "app_user" WHERE id = ' + database.param, (owner_id,)
    ).fetchone()
    return row is None or not bool(row[0])


def check_at_start_online(path: Path | None = None) -> StartCheck:
    """Worker side, the server open: delete the replica when replication is off for the office or
    its user has been switched off (or removed)."""
    from models.db import database

    path = path or files.replica_path()
    meta = files.read_meta(path)
    if not enabled():
        return StartCheck(files.delete_replica(path), "disabled")
    owner = meta.owner_user_id if meta is not None else None
    if owner is not None and _owner_inactive(database.obj, owner):
        return StartCheck(files.delete_replica(path), "deactivated")
    return StartCheck(False, "")


def check_at_start_offline(path: Path | None = None) -> StartCheck:
    """The server away: the replica's own copy of the settings and of its user decide."""
    path = path or files.replica_path()
    meta = files.read_meta(path)
    if meta is None:
        return StartCheck(False, "")
    replica = store.open_read_only(path)
    try:
        row = replica.execute_sql(
            "SELECT value FROM setting WHERE key = ?", ("replica.enabled",)
        ).fetchone()
        disabled = row is not None and row[0].strip().lower() in {"false", "0"}
        inactive = meta.owner_user_id is not None and _owner_inactive(replica, meta.owner_user_id)
    finally:
        replica.close()
    if disabled:
        return StartCheck(files.delete_replica(path), "disabled")
    if inactive:
        return StartCheck(files.delete_replica(path), "deactivated")
    return StartCheck(False, "")
