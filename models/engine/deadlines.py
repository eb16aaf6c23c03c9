"""Deadlines and the state of a case: on time, due today, overdue by N working days, waiting on
the requester (clock paused), done on time, done late, cancelled.

The state is a function of stored columns (``status``, ``result``, ``due_on``, ``closed_on``,
``paused_since``) and today, so ``state_condition`` filters lists in SQL while ``state_of`` gives
the same answer for one case in Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import peewee

from models import calendar, clock, records
from models.base import Actor
from models.engine.definition import CaseResult, Deadline
from models.engine.tables import Case, CaseStep
from models.i18n import N_, _
from reports.thaifmt import date_short


class CaseState(StrEnum):
    ON_TIME = "on_time"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    WAITING = "waiting"  # on the requester; the clock is paused
    NO_DEADLINE = "no_deadline"  # open, without a deadline (plan dates not set)
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    CANCELLED = "cancelled"  # withdrawn by the requester


STATE_LABELS = {
    CaseState.ON_TIME: N_("อยู่ในกำหนด"),
    CaseState.DUE_TODAY: N_("ครบกำหนดวันนี้"),
    CaseState.OVERDUE: N_("เกินกำหนด"),
    CaseState.WAITING: N_("รอผู้ขอแก้ไข (หยุดนับเวลา)"),
    CaseState.NO_DEADLINE: N_("ไม่กำหนดเวลา"),
    CaseState.DONE_ON_TIME: N_("เสร็จภายในกำหนด"),
    CaseState.DONE_LATE: N_("เสร็จเกินกำหนด"),
    CaseState.CANCELLED: N_("ยกเลิก"),
}

# Colours for the window (background, text): green / amber / red / grey families.
STATE_COLOURS = {
    CaseState.ON_TIME: ("#e3f4e5", "#1b5e20"),
    CaseState.DUE_TODAY: ("#fff3cd", "#7a4f01"),
    CaseState.OVERDUE: ("#fde2e1", "#b71c1c"),
    CaseState.WAITING: ("#e8eaf6", "#283593"),
    CaseState.NO_DEADLINE: ("#f1f3f4", "#37474f"),
    CaseState.DONE_ON_TIME: ("#e8f5e9", "#2e7d32"),
    CaseState.DONE_LATE: ("#fbe9e7", "#bf360c"),
    CaseState.CANCELLED: ("#eeeeee", "#616161"),
}

OPEN_STATES = frozenset(
    {
        CaseState.ON_TIME,
        CaseState.DUE_TODAY,
        CaseState.OVERDUE,
        CaseState.WAITING,
        CaseState.NO_DEADLINE,
    }
)


@dataclass(frozen=True)
class StateInfo:
    state: CaseState
    days: int = 0  # overdue by / late by / working days left (0 when not meaningful)

    @property
    def text(self) -> str:
        label = _(STATE_LABELS[self.state])
        if self.state == CaseState.OVERDUE:
            return _("เกินกำหนด {n} วันทำการ").format(n=self.days)
        if self.state == CaseState.DONE_LATE:
            return _("เสร็จเกินกำหนด {n} วันทำการ").format(n=self.days)
        if self.state == CaseState.ON_TIME and self.days:
            return _("อยู่ในกำหนด (เหลือ {n} วันทำการ)").format(n=self.days)
        return label


def state_of(case: Case, today: dt.date | None = None) -> StateInfo:
    today = today or clock.today()
    if case.status != "open":
        if case.result == CaseResult.WITHDRAWN:
            return StateInfo(CaseState.CANCELLED)
        if case.due_on is None or case.closed_on is None or case.closed_on <= case.due_on:
            return StateInfo(CaseState.DONE_ON_TIME)
        return StateInfo(
            CaseState.DONE_LATE, calendar.working_days_between(case.due_on, case.closed_on)
        )
    if case.paused_since is not None:
        return StateInfo(CaseState.WAITING)
    if case.due_on is None:
        return StateInfo(CaseState.NO_DEADLINE)
    if case.due_on > today:
        return StateInfo(CaseState.ON_TIME, calendar.working_days_between(today, case.due_on))
    if case.due_on == today:
        return StateInfo(CaseState.DUE_TODAY)
    return StateInfo(CaseState.OVERDUE, calendar.working_days_between(case.due_on, today))


def state_condition(state: CaseState, today: dt.date) -> Any:
    """A WHERE condition selecting the cases in ``state`` on ``today`` (same rules as ``state_of``)."""
    is_open = Case.status == "open"
    running = is_open & Case.paused_since.is_null()
    closed = (Case.status != "open") & (Case.result != CaseResult.WITHDRAWN)
    conditions = {
        CaseState.ON_TIME: running & (Case.due_on > today),
        CaseState.DUE_TODAY: running & (Case.due_on == today),
        CaseState.OVERDUE: running & (Case.due_on < today),
        CaseState.WAITING: is_open & Case.paused_since.is_null(False),
        CaseState.NO_DEADLINE: running & Case.due_on.is_null(),
        CaseState.DONE_ON_TIME: closed
        & (Case.due_on.is_null() | Case.closed_on.is_null() | (Case.closed_on <= Case.due_on)),
        CaseState.DONE_LATE: closed & (Case.closed_on > Case.due_on),
        CaseState.CANCELLED: (Case.status != "open") & (Case.result == CaseResult.WITHDRAWN),
    }
    return conditions[state]


def state_order(today: dt.date) -> Any:
    """A sort key for the state column: most urgent first."""
    order = [
        CaseState.OVERDUE,
        CaseState.DUE_TODAY,
        CaseState.ON_TIME,
        CaseState.NO_DEADLINE,
        CaseState.WAITING,
        CaseState.DONE_LATE,
        CaseState.DONE_ON_TIME,
        CaseState.CANCELLED,
    ]
    return peewee.Case(None, [(state_condition(s, today), i) for i, s in enumerate(order)], 99)


def due_date(
    received_on: dt.date, allowed_days: int | None, paused_days: int, plan: dt.date | None = None
) -> dt.date | None:
    if allowed_days is not None:
        return calendar.add_working_days(received_on, allowed_days + paused_days)
    return plan


def deadline_columns(rule: Deadline, case: Case, detail: Any) -> dict[str, Any]:
    """``allowed_days`` and ``due_on`` for a case from its process's rule (pauses included)."""
    allowed = rule.allowed_days(case, detail)
    plan = rule.plan_date(case, detail) if allowed is None else None
    return {
        "allowed_days": allowed,
        "due_on": due_date(case.received_on, allowed, int(case.paused_days or 0), plan),
    }


def paused_days_from_history(case: Case) -> tuple[int, dt.date | None]:
    """Working days the case waited on the requester, and the start of a pause still running."""
    total = 0
    since: dt.date | None = None
    rows = CaseStep.select(CaseStep.on_date, CaseStep.data, CaseStep.kind).where(
        (CaseStep.case == case.id) & CaseStep.kind.in_(["to_requester", "resume", "withdraw"])
    )
    for row in rows.order_by(CaseStep.at, CaseStep.id):
        if row.kind == "to_requester":
            if row.values().get("_pauses_clock"):
                since = row.on_date
        elif since is not None:
            total += calendar.working_days_between(since, row.on_date)
            since = None
    return total, since


def recompute_after_calendar_change(actor: Actor | None, days: list[dt.date], reason: str) -> int:
    """Move the due dates of open cases the office-table change touches; returns how many moved.

    Runs inside the change's transaction. Each moved case gets a history entry saying why.
    """
    if not days:
        return 0
    latest = max(days)
    query = Case.select().where(
        (Case.status == "open")
        & Case.allowed_days.is_null(False)
        & (Case.received_on <= latest)
        & (Case.due_on.is_null() | (Case.due_on >= min(days)) | Case.paused_since.is_null(False))
    )
    moved = 0
    today = clock.today()
    for case in query:
        paused = int(case.paused_days or 0)
        if paused or case.paused_since is not None:
            paused, _since = paused_days_from_history(case)
        new_due = due_date(case.received_on, case.allowed_days, paused)
        if new_due == case.due_on and paused == case.paused_days:
            continue
        old_due = case.due_on
        records.update(actor, case, paused_days=paused, due_on=new_due, note=reason)
        if new_due == old_due:
            continue  # only the count of paused days changed
        CaseStep.create(
            case=case,
            on_date=today,
            step=case.current_step,
            outcome="deadline_changed",
            kind="event",
            to_step=case.current_step,
            actor_id=actor.id if actor else None,
            actor_name=actor.full_name if actor else _("ระบบ"),
            comment=_("วันครบกำหนดเปลี่ยนจาก {old} เป็น {new} เพราะ{reason}").format(
                old=date_short(old_due) if old_due else "-",
                new=date_short(new_due) if new_due else "-",
                reason=reason,
            ),
            data=_json({"old_due": old_due, "new_due": new_due}),
        )
        moved += 1
    return moved


def _json(values: dict[str, Any]) -> str:
    from models.base import dumps, to_json_value

    return dumps({k: to_json_value(v) for k, v in values.items()})
