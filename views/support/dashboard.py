"""The dashboard box of IT support (runs in the worker; plain data out): open and overdue tickets,
loans past their return date, maintenance occurrences not done in time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.engine import CaseFilter, CaseState
from models.i18n import N_, _
from models.support import loans, maintenance, tickets
from models.support.maintenance import OccurrenceState
from models.support.tickets import TicketFilter
from views.registry import Count, DashboardSection, OpenRequest, WorkItem

if TYPE_CHECKING:
    from models.users import User

VIEW_KEY = "support"
LIMIT = 15


def support_section(user: User) -> DashboardSection:
    open_page = tickets.ticket_page(
        user, TicketFilter(case=CaseFilter(open_only=True)), "due_on", False, 0, 1
    )
    overdue_page = tickets.ticket_page(
        user,
        TicketFilter(case=CaseFilter(states=frozenset({CaseState.OVERDUE}))),
        "due_on",
        False,
        0,
        LIMIT,
    )
    late_loans = loans.overdue_loans()
    late_maintenance = [o for o in maintenance.due_list() if o.state == OccurrenceState.OVERDUE]
    items: list[WorkItem] = []
    for loan in late_loans[:LIMIT]:
        items.append(
            WorkItem(
                title=_("เครื่องทดแทน {number} ยังไม่คืน").format(number=loan.loaner_number),
                due=loan.due_back,
                state=_("เกินกำหนดคืน"),
                open=OpenRequest(VIEW_KEY, "case", _case_of(loan))
                if loan.ticket_id
                else OpenRequest(VIEW_KEY, "loans"),
                overdue=True,
                detail=_("ผู้ยืม {name} {unit}").format(
                    name=loan.borrower_name, unit=loan.borrower_unit
                ),
            )
        )
    for row in overdue_page.rows:
        items.append(
            WorkItem(
                title=f"{row.number} {row.title}",
                due=row.due_on,
                state=row.state_text,
                open=OpenRequest(VIEW_KEY, "case", row.id),
                overdue=True,
                detail=" · ".join(p for p in (row.requester, row.asset_number, row.assignee) if p),
            )
        )
    for occ in late_maintenance[:LIMIT]:
        items.append(
            WorkItem(
                title=_("บำรุงรักษา: {title}").format(title=occ.title),
                due=occ.due_on,
                state=_(maintenance.OCCURRENCE_LABELS[occ.state]),
                open=OpenRequest(VIEW_KEY, "maintenance"),
                overdue=True,
                detail=" · ".join(p for p in (occ.target, occ.assignee) if p),
            )
        )
    return DashboardSection(
        title=N_("สนับสนุนการใช้งานคอมพิวเตอร์"),
        counts=[
            Count(N_("เรื่องแจ้งซ่อมที่ยังไม่เสร็จ"), open_page.total, OpenRequest(VIEW_KEY)),
            Count(N_("เรื่องแจ้งซ่อมเกินกำหนด"), overdue_page.total, OpenRequest(VIEW_KEY)),
            Count(N_("เครื่องทดแทนเกินกำหนดคืน"), len(late_loans), OpenRequest(VIEW_KEY, "loans")),
            Count(
                N_("งานบำรุงรักษาค้าง"), len(late_maintenance), OpenRequest(VIEW_KEY, "maintenance")
            ),
        ],
        items=items,
        empty_text=N_("ไม่มีเรื่องแจ้งซ่อม เครื่องทดแทน หรืองานบำรุงรักษาที่เกินกำหนด"),
    )


def _case_of(loan: loans.LoanRow) -> int | None:
    if loan.ticket_id is None:
        return None
    return tickets.get_ticket(loan.ticket_id).case_id
