"""The dashboard sections over every process's cases (run in the worker; plain data out)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models import engine
from models.engine import CaseRow, CaseState
from models.i18n import N_, _
from views.process_tabs import view_for_process
from views.registry import Count, DashboardSection, OpenRequest, WorkItem

if TYPE_CHECKING:
    from models.users import User

LIMIT = 30


def _item(row: CaseRow) -> WorkItem:
    return WorkItem(
        title=f"{row.number} {row.title}",
        due=row.due_on,
        state=row.state_text,
        open=OpenRequest(view_for_process(row.process), "case", row.id),
        overdue=row.state == CaseState.OVERDUE,
        detail=_("{process} · {step} · {holder}").format(
            process=row.process_label, step=row.step_label, holder=row.holder
        ),
    )


def my_work_section(user: User) -> DashboardSection:
    rows = engine.my_work(user, limit=LIMIT)
    counts = engine.my_work_counts(user)
    return DashboardSection(
        title=N_("งานของฉัน"),
        counts=[
            Count(N_("เรื่องที่รอท่านดำเนินการ"), counts.total),
            Count(N_("ครบกำหนดวันนี้"), counts.due_today),
            Count(N_("เกินกำหนด"), counts.overdue),
        ],
        items=[_item(r) for r in rows],
        empty_text=N_("ไม่มีเรื่องที่รอท่านดำเนินการ"),
    )


def _across(user: User, state: CaseState, title: str, empty_text: str) -> DashboardSection:
    """The cases of every process in ``state`` (the soonest due first)."""
    filters = engine.CaseFilter(states=frozenset({state}))
    page = engine.list_cases(user, None, filters, "due_on", False, 0, LIMIT)
    return DashboardSection(
        title=title,
        counts=[Count(N_("เรื่อง"), page.total)],
        items=[_item(r) for r in page.rows],
        empty_text=empty_text,
    )


def due_today_section(user: User) -> DashboardSection:
    return _across(
        user,
        CaseState.DUE_TODAY,
        N_("ครบกำหนดวันนี้ (ทุกกระบวนงาน)"),
        N_("ไม่มีเรื่องที่ครบกำหนดวันนี้"),
    )


def overdue_section(user: User) -> DashboardSection:
    return _across(user, CaseState.OVERDUE, N_("เกินกำหนด (ทุกกระบวนงาน)"), N_("ไม่มีเรื่องที่เกินกำหนด"))
