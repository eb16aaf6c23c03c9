"""Reminders: which cases assigned to a person are due today or overdue (for the desktop
notification and the dashboard), and the optional daily e-mail digest of them.

A case is the person's when they hold it or are its responsible staff member. The digest goes to
every active user with an e-mail address and something due, through the office's SMTP server
(settings ``reminders.*``), by ``python3 dev.py cli send-digest`` (a scheduled task once a day).
"""

from __future__ import annotations

import datetime as dt
import importlib
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage

from models import clock, settings
from models.base import Actor
from models.engine.deadlines import CaseState, state_condition
from models.engine.queries import CaseRow, to_rows
from models.engine.tables import Case
from models.errors import EnvironmentProblem
from models.i18n import N_, _
from models.permissions import Permission, require
from reports.thaifmt import date_long

settings.declare(
    settings.SettingDef(
        "reminders.refresh_minutes", 5, N_("หน้าหลักโหลดข้อมูลใหม่ทุก (นาที; 0 = ไม่โหลดเอง)"), 0, 240
    )
)
settings.declare(settings.SettingDef("reminders.digest", False, N_("ส่งอีเมลสรุปงานที่ถึงกำหนดทุกวัน")))
settings.declare(settings.SettingDef("reminders.smtp_host", "", N_("เครื่องแม่ข่ายอีเมล (SMTP)")))
settings.declare(settings.SettingDef("reminders.smtp_port", 25, N_("พอร์ต SMTP"), 1, 65535))
settings.declare(settings.SettingDef("reminders.sender", "", N_("อีเมลผู้ส่ง")))


@dataclass(frozen=True)
class Reminder:
    case: CaseRow
    overdue: bool

    @property
    def key(self) -> tuple[int, bool]:
        return (self.case.id, self.overdue)

    def text(self) -> str:
        row = self.case
        if self.overdue:
            return _("{number} {title}: เกินกำหนด ({state})").format(
                number=row.number, title=row.title, state=row.state_text
            )
        return _("{number} {title}: ครบกำหนดวันนี้").format(number=row.number, title=row.title)


def my_reminders(actor: Actor, today: dt.date | None = None) -> list[Reminder]:
    """Open cases held by ``actor`` or with ``actor`` responsible, due today or overdue."""
    require(actor, Permission.VIEW)
    today = today or clock.today()
    mine = (Case.status == "open") & (
        (Case.holder_user_id == actor.id) | (Case.assignee_id == actor.id)
    )
    due = state_condition(CaseState.DUE_TODAY, today)
    late = state_condition(CaseState.OVERDUE, today)
    query = Case.select().where(mine & (due | late)).order_by(Case.due_on, Case.id)
    return [Reminder(row, row.state == CaseState.OVERDUE) for row in to_rows(list(query), today)]


@dataclass(frozen=True)
class Notice:
    """A reminder that is not a case's deadline, e.g. a contract's installment falling due;
    ``key`` tells it apart from every other notice (the window tells each once)."""

    key: tuple[str, int, bool]
    overdue: bool
    message: str

    def text(self) -> str:
        return self.message


NoticeSource = Callable[[Actor, dt.date], list[Notice]]
# Modules that call ``declare_notices`` (the platform names them; it never imports them directly).
NOTICE_MODULES: list[str] = ["models.procurement.reminders"]
_NOTICE_SOURCES: list[NoticeSource] = []


def declare_notices(source: NoticeSource) -> NoticeSource:
    """Add reminders beyond case deadlines (called at import by a module in ``NOTICE_MODULES``)."""
    if source not in _NOTICE_SOURCES:
        _NOTICE_SOURCES.append(source)
    return source


def my_notices(actor: Actor, today: dt.date | None = None) -> list[Notice]:
    """The declared reminders for ``actor`` (contract installments due soon or late ...)."""
    require(actor, Permission.VIEW)
    for module in NOTICE_MODULES:
        importlib.import_module(module)
    day = today or clock.today()
    return [notice for source in _NOTICE_SOURCES for notice in source(actor, day)]


def digest(actor: Actor, today: dt.date | None = None) -> tuple[str, str] | None:
    """The e-mail (subject, body) of ``actor``'s due cases and notices, None when nothing is due."""
    today = today or clock.today()
    items: list[Reminder | Notice] = [*my_reminders(actor, today), *my_notices(actor, today)]
    if not items:
        return None
    subject = _("ICT Desk: งานที่ถึงกำหนด {n} เรื่อง ({date})").format(
        n=len(items), date=date_long(today, thai=False)
    )
    lines = [_("เรียน {name}").format(name=actor.full_name), ""]
    lines += [f"- {item.text()}" for item in items]
    lines += ["", _("ข้อความนี้ส่งโดยอัตโนมัติจาก ICT Desk")]
    return subject, "\n".join(lines)


def send_digests(today: dt.date | None = None) -> int:
    """Send each active user with an e-mail address their digest; returns how many were sent.
    Nothing is sent unless ``reminders.digest`` is on."""
    from models.users import User

    if not settings.get("reminders.digest"):
        return 0
    host, port = str(settings.get("reminders.smtp_host")), int(settings.get("reminders.smtp_port"))
    sender = str(settings.get("reminders.sender"))
    if not host or not sender:
        raise EnvironmentProblem(
            _("ยังไม่ได้ตั้งค่าเครื่องแม่ข่ายอีเมลหรืออีเมลผู้ส่ง"),
            _("ผู้ดูแลระบบตั้งค่าได้ที่ ตั้งค่า → ค่าทั่วไป"),
        )
    messages: list[EmailMessage] = []
    for user in User.select().where((User.active == True) & (User.email != "")):  # noqa: E712
        made = digest(user, today)
        if made is None:
            continue
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = sender, user.email, made[0]
        message.set_content(made[1])
        messages.append(message)
    if not messages:
        return 0
    try:
        with smtplib.SMTP(host, port, timeout=30) as smtp:
            for message in messages:
                smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise EnvironmentProblem(
            _("ส่งอีเมลไม่สำเร็จ ({detail})").format(detail=exc),
            _("ตรวจสอบเครื่องแม่ข่ายอีเมลและพอร์ตในการตั้งค่า"),
        ) from exc
    return len(messages)


__all__ = ["Reminder", "digest", "my_reminders", "send_digests"]
