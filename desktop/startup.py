"""Opening the database at start, and what to do when that fails.

``open_database_flow`` tries the chosen database in the worker (migrations included) while a
progress note shows. When the environment stops it, the user is told why in Thai and offered:
ลองใหม่ (retry), เปลี่ยนการเชื่อมต่อ… (the connection dialog), เปิดฐานข้อมูลในเครื่องนี้ (the
embedded SQLite file, for this session only), or ออกจากโปรแกรม. A corrupt file is left as it is
and the message says where its last backup is; a database from a newer ICT Desk is refused.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import replica_session, worker
from desktop.context import DatabaseInfo
from models import db as dbmod
from models import offline as mode
from models.errors import (
    DatabaseCorrupt,
    DatabaseTooNew,
    DatabaseUnavailable,
    DatabaseUrlError,
    EnvironmentProblem,
)
from models.i18n import _

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenedDatabase:
    info: DatabaseInfo
    needs_setup: bool  # no user yet: the first-start dialog (or the demo office) comes next


def open_and_describe(url: str | None, password: str | None) -> OpenedDatabase:
    """Worker side: open, migrate, and describe the database (plain data)."""
    from models.demo import is_demo_database
    from models.users import needs_first_admin

    parsed = dbmod.parse_url(url or dbmod.default_url())
    database = dbmod.init_db(parsed.url, password=password)
    status = dbmod.schema_status(database)
    apply_office_settings()
    info = DatabaseInfo(
        url=parsed.without_password(),
        display=parsed.display,
        backend=parsed.backend,
        is_embedded=parsed.is_embedded,
        is_demo=is_demo_database(),
        schema_version=status.version,
    )
    return OpenedDatabase(info, needs_first_admin())


def apply_office_settings() -> None:
    """What the layers below the window need once the database is open: the office's own words
    for Thai line breaking and its font preference for documents (``reports/`` reads no
    database, so it is told)."""
    from models.words import configure_documents

    configure_documents()


def open_offline(url: str | None) -> OpenedDatabase:
    """Worker side, at start: the replica instead of the server that did not answer."""
    info = replica_session.switch_to_replica(url)
    apply_office_settings()
    return OpenedDatabase(info, needs_setup=False)


def warm_up() -> None:
    """Worker side, while the login dialog waits for the user: the working-day calendar (the
    holidays package and this year's closed days), which the first lists need for their deadlines,
    so the main window's first loads do not pay for it."""
    from models import calendar, clock

    calendar.is_working_day(clock.today())


class Choice(enum.Enum):
    RETRY = "retry"
    CHANGE = "change"
    EMBEDDED = "embedded"
    OFFLINE = "offline"
    QUIT = "quit"


def ask_after_failure(
    exc: EnvironmentProblem,
    *,
    embedded_offered: bool,
    parent: QWidget | None = None,
    replica_at: dt.datetime | None = None,
) -> Choice:
    """The start-up problem box; which buttons make sense depends on the problem."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("เปิดฐานข้อมูลไม่ได้"))
    box.setText(exc.message)
    box.setInformativeText(exc.advice)
    buttons: dict[object, Choice] = {}
    if replica_at is not None:
        box.setInformativeText(
            _(
                "เครื่องนี้มีสำเนาข้อมูล ณ {when} เปิดดู ค้นหา และพิมพ์ทะเบียนได้ "
                "แต่บันทึกหรือแก้ไขไม่ได้จนกว่าจะเชื่อมต่อเครื่องแม่ข่ายได้"
            ).format(when=mode.when_text(replica_at))
        )
        offline = box.addButton(
            _("เปิดสำเนาข้อมูลในเครื่อง (ดูอย่างเดียว)"), QMessageBox.ButtonRole.AcceptRole
        )
        buttons[offline] = Choice.OFFLINE
        box.setDefaultButton(offline)
    # Trying again cannot mend a damaged file, a newer schema or a mistyped address.
    retry_makes_sense = not isinstance(exc, (DatabaseCorrupt, DatabaseTooNew, DatabaseUrlError))
    if retry_makes_sense:
        buttons[box.addButton(_("ลองใหม่"), QMessageBox.ButtonRole.AcceptRole)] = Choice.RETRY
    buttons[box.addButton(_("เปลี่ยนการเชื่อมต่อ…"), QMessageBox.ButtonRole.ActionRole)] = Choice.CHANGE
    if embedded_offered:
        buttons[box.addButton(_("เปิดฐานข้อมูลในเครื่องนี้"), QMessageBox.ButtonRole.ActionRole)] = (
            Choice.EMBEDDED
        )
    quit_button = box.addButton(_("ออกจากโปรแกรม"), QMessageBox.ButtonRole.RejectRole)
    buttons[quit_button] = Choice.QUIT
    box.setEscapeButton(quit_button)
    box.exec()
    return buttons.get(box.clickedButton(), Choice.QUIT)


def open_database_flow(
    url: str | None, password: str | None = None, parent: QWidget | None = None
) -> OpenedDatabase | None:
    """Open ``url`` (None: the embedded default) until it works or the user quits (None)."""
    from desktop.connection import ConnectionDialog

    while True:
        try:
            opened = worker.wait_for(
                lambda u=url, p=password: open_and_describe(u, p),  # type: ignore[misc]
                parent=parent,
                text=_("กำลังเปิดฐานข้อมูล…"),
            )
            replica_session.remember_server(None if opened.info.is_embedded else url, password)
            if not opened.info.is_embedded:  # replication switched off, or its user: delete it
                worker.run_in_background(
                    replica_session.start_checks,
                    lambda check: log.info("replica start check: %s", check),
                    lambda exc: log.warning("replica start check failed: %r", exc),
                )
            worker.run_in_background(
                warm_up, None, lambda exc: log.warning("warming up the calendar failed: %r", exc)
            )
            return opened
        except EnvironmentProblem as exc:
            log.warning("opening the database failed: %s", exc.message)
            embedded = dbmod.default_url()
            offered = (url or embedded) != embedded and not (
                isinstance(exc, DatabaseCorrupt) and _is_default_file(exc.path)
            )
            replica_at = _replica_time(url, exc)
            choice = ask_after_failure(
                exc, embedded_offered=offered, parent=parent, replica_at=replica_at
            )
        if choice is Choice.RETRY:
            continue
        if choice is Choice.OFFLINE:
            try:
                opened = worker.wait_for(
                    lambda u=url: open_offline(u),  # type: ignore[misc]
                    parent=parent,
                    text=_("กำลังเปิดสำเนาข้อมูลในเครื่อง…"),
                )
            except EnvironmentProblem as problem:
                ask_after_failure(problem, embedded_offered=False, parent=parent)
                continue
            replica_session.remember_server(url, password)
            return opened
        if choice is Choice.EMBEDDED:
            url, password = None, None
            continue
        if choice is Choice.CHANGE:
            dialog = ConnectionDialog(url, parent=parent)
            if dialog.exec() and dialog.result_url is not None:
                url, password = dialog.result_url, dialog.result_password
                dialog.save_to_workstation()
            continue
        return None


def _replica_time(url: str | None, exc: EnvironmentProblem) -> dt.datetime | None:
    """When the server did not answer and this workstation holds its replica: how old it is."""
    if not isinstance(exc, DatabaseUnavailable) or not url:
        return None
    try:
        if dbmod.parse_url(url).is_embedded:
            return None
    except EnvironmentProblem:
        return None
    meta = replica_session.replica_meta()
    return meta.refreshed_at if meta is not None else None


def _is_default_file(path: str) -> bool:
    try:
        return dbmod.default_sqlite_path().resolve() == Path(path).resolve()
    except OSError:
        return False
