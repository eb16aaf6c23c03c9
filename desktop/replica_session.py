"""The offline replica's session, worker side (no Qt): which server this session uses, switching
the database every model reads between the server and the replica, the probe that asks whether the
server answers again, and the background refresh. ``desktop.offline`` drives them from the window;
``desktop.startup`` opens the replica when the server does not answer at start."""

from __future__ import annotations

import contextlib

import peewee

from desktop.context import DatabaseInfo
from models import db as dbmod
from models import offline as mode
from models.errors import DatabaseUnavailable, EnvironmentProblem
from models.i18n import _
from models.replica import files, policy, store

_server: dict[str, str | None] = {"url": None, "password": None}


def remember_server(url: str | None, password: str | None) -> None:
    """The server this session uses (the password only in memory), to go online again."""
    _server["url"], _server["password"] = url, password


def server_url() -> str | None:
    return _server["url"]


def server_password() -> str | None:
    return _server["password"]


# --- worker side --------------------------------------------------------------------------


def replica_meta() -> files.ReplicaMeta | None:
    return files.read_meta()


def switch_to_replica(url: str | None) -> DatabaseInfo:
    """Worker side: open the replica read-only and make it the database every model reads."""
    from models.demo import is_demo_database

    check = policy.check_at_start_offline()
    if check.deleted:
        raise DatabaseUnavailable(
            _("สำเนาข้อมูลในเครื่องนี้ถูกลบแล้ว เพราะ{reason}").format(
                reason=_("สำนักงานปิดการเก็บสำเนาข้อมูลในเครื่อง")
                if check.reason == "disabled"
                else _("บัญชีผู้ใช้เจ้าของสำเนาถูกปิดการใช้งาน")
            ),
            _("กรุณารอให้เครื่องแม่ข่ายกลับมาใช้งานได้ แล้วเปิดโปรแกรมอีกครั้ง"),
        )
    meta = files.read_meta()
    if meta is None:
        raise DatabaseUnavailable(
            _("เครื่องนี้ไม่มีสำเนาข้อมูลให้เปิดดูแบบออฟไลน์"),
            _("สำเนาข้อมูลจะถูกสร้างเมื่อเปิดโปรแกรมขณะเชื่อมต่อเครื่องแม่ข่ายได้"),
        )
    replica = store.open_read_only()
    previous = dbmod.database.obj
    mode.set_offline(True, meta.refreshed_at)
    dbmod.database.initialize(replica)
    if previous is not None and previous is not replica:
        # a connection the server has dropped cannot be closed cleanly: nothing to do then
        with contextlib.suppress(peewee.PeeweeException):
            previous.close()
    parsed = dbmod.parse_url(url) if url else None
    return DatabaseInfo(
        url=parsed.without_password() if parsed else "",
        display=str(files.replica_path()),
        backend="sqlite",
        is_embedded=False,
        is_demo=is_demo_database(),
        schema_version=len(meta.schema.split(",")) if meta.schema else 0,
        offline=True,
        refreshed_at=meta.refreshed_at,
    )


def probe(url: str | None, password: str | None) -> bool:
    """Worker side: does the server answer now? (a connection, within the connect timeout)"""
    if not url:
        return False
    try:
        database = dbmod.connect(url, password=password)
    except EnvironmentProblem:
        return False
    database.close()
    return True


def refresh_replica(user_id: int | None) -> store.RefreshResult | None:
    """Worker side: bring the replica up to date (or delete it when the office switched it off).
    Nothing while offline or on the embedded file."""
    server = dbmod.database.obj
    if mode.is_offline() or server is None or isinstance(server, peewee.SqliteDatabase):
        return None
    if not policy.enabled():
        files.delete_replica()
        return None
    return store.refresh(server, limits=policy.limits(), owner_user_id=user_id)


def start_checks() -> policy.StartCheck:
    """Worker side, after an online start: replication switched off, or the replica's user
    switched off, deletes it."""
    if mode.is_offline():
        return policy.StartCheck(False, "")
    return policy.check_at_start_online()
