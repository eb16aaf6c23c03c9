"""Whether this session reads the local replica (offline) and the one refusal every write meets.

The flag is process-wide: the window switches the database proxy to the replica and sets it; the
data layer asks ``refuse_writes()`` at its write entry points (``write_transaction``, permission
checks for anything beyond viewing, the engine's moves), and the replica's own database object
refuses any SQL write beneath them. It sits at the top of ``models/``, not in ``models/replica/``,
because ``write_lock`` and ``permissions`` ask it and the replica package builds on those (the
architecture contracts forbid the cycle).
"""

from __future__ import annotations

import datetime as dt
import threading

from models.errors import DomainError
from models.i18n import _
from reports.thaifmt import datetime_short


class OfflineReadOnly(DomainError):
    """A write asked for while the server is away: nothing was written, the input stays."""


_lock = threading.Lock()
_offline = False
_refreshed_at: dt.datetime | None = None


def set_offline(offline: bool, refreshed_at: dt.datetime | None = None) -> None:
    global _offline, _refreshed_at
    with _lock:
        _offline = offline
        _refreshed_at = refreshed_at if offline else None


def is_offline() -> bool:
    return _offline


def refreshed_at() -> dt.datetime | None:
    return _refreshed_at


def when_text(moment: dt.datetime | None) -> str:
    """The replica's age as people read it: ``2 ธ.ค. 2569 14:05 น.`` (B.E.)."""
    return datetime_short(moment) if moment is not None else _("ไม่ทราบเวลา")


def status_text() -> str:
    """The banner and the status bar: ``ออฟไลน์ — ข้อมูล ณ <B.E. date and time>``."""
    return _("ออฟไลน์ — ข้อมูล ณ {when}").format(when=when_text(_refreshed_at))


def refusal_message() -> str:
    return _(
        "ขณะนี้ใช้งานแบบออฟไลน์ (ข้อมูลสำเนา ณ {when}) จึงบันทึกหรือแก้ไขข้อมูลไม่ได้ "
        "ข้อมูลที่กรอกไว้ยังอยู่ กรุณาบันทึกอีกครั้งเมื่อกลับมาเชื่อมต่อเครื่องแม่ข่ายได้แล้ว"
    ).format(when=when_text(_refreshed_at))


def refuse_writes() -> None:
    """Raise ``OfflineReadOnly`` when offline; the one check every write path makes."""
    if _offline:
        raise OfflineReadOnly(refusal_message())
