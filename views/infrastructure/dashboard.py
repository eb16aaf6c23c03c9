"""The dashboard box of process 4 (runs in the worker; plain data out): installments due in the
next N days (setting ``procurement.installment_reminder_days``), deliveries late with the penalty
so far, securities to return, warranties ending, open incidents; each opens its project."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models import settings
from models.i18n import N_, _
from models.infrastructure import follow_up
from reports.thaifmt import number
from views.registry import Count, DashboardSection, OpenRequest, WorkItem

if TYPE_CHECKING:
    from models.users import User

VIEW_KEY = "infrastructure"
LIMIT = 10


def _open(case_id: int | None) -> OpenRequest:
    return OpenRequest(VIEW_KEY, "case", case_id) if case_id else OpenRequest(VIEW_KEY, "projects")


def infrastructure_section(user: User) -> DashboardSection:
    rows = follow_up.follow_up()
    days = int(settings.get("procurement.installment_reminder_days"))
    items: list[WorkItem] = []
    for row in rows.late[:LIMIT]:
        warning = _(" เกินร้อยละ 10 ของราคาสัญญา") if row.past_warning else ""
        items.append(
            WorkItem(
                title=_("ส่งมอบงวดที่ {seq} ล่าช้า {days} วัน: สัญญา {no}").format(
                    seq=row.seq, days=-row.days_left, no=row.contract_number
                ),
                due=row.due_on,
                state=_("ค่าปรับถึงวันนี้ {amount} บาท{warning}").format(
                    amount=number(row.penalty_so_far, decimals=2), warning=warning
                ),
                open=_open(row.case_id),
                overdue=True,
                detail=row.vendor,
            )
        )
    for row in rows.due[:LIMIT]:
        items.append(
            WorkItem(
                title=_("งวดที่ {seq} ครบกำหนดส่งมอบ: สัญญา {no}").format(
                    seq=row.seq, no=row.contract_number
                ),
                due=row.due_on,
                state=_("อีก {n} วัน").format(n=row.days_left),
                open=_open(row.case_id),
                detail=f"{row.vendor} · {row.title}",
            )
        )
    for incident in rows.incidents[:LIMIT]:
        items.append(
            WorkItem(
                title=_("ระบบขัดข้อง: {system}").format(system=incident.system),
                state=_("ขัดข้องมาแล้ว {n} ชั่วโมง").format(n=incident.hours_down)
                + ("" if incident.contacted else _(" (ยังไม่ได้แจ้งผู้รับจ้าง)")),
                open=_open(incident.case_id),
                overdue=not incident.contacted,
                detail=" · ".join(p for p in (incident.vendor, incident.contract_number) if p),
            )
        )
    for dated in rows.securities[:LIMIT]:
        items.append(
            WorkItem(
                title=_("คืนหลักประกันสัญญา {no}").format(no=dated.contract_number),
                due=dated.date,
                state=_("{amount} บาท").format(amount=number(dated.amount, decimals=2)),
                open=_open(dated.case_id),
                overdue=dated.days_left < 0,
                detail=dated.vendor,
            )
        )
    for ending in rows.warranties[:LIMIT]:
        items.append(
            WorkItem(
                title=_("การรับประกันสิ้นสุด: สัญญา {no}").format(no=ending.contract_number),
                due=ending.date,
                state=_("อีก {n} วัน").format(n=ending.days_left),
                open=_open(ending.case_id),
                detail=ending.vendor,
            )
        )
    return DashboardSection(
        title=N_("การบำรุงรักษาระบบแม่ข่ายและเครือข่าย"),
        counts=[
            Count(_("งวดงานครบกำหนดใน {n} วัน").format(n=days), len(rows.due), _open(None)),
            Count(N_("ส่งมอบล่าช้า"), len(rows.late), _open(None)),
            Count(N_("หลักประกันที่ต้องคืน"), len(rows.securities), _open(None)),
            Count(N_("การรับประกันใกล้สิ้นสุด"), len(rows.warranties), _open(None)),
            Count(N_("เหตุขัดข้องที่ยังไม่แก้ไข"), len(rows.incidents), _open(None)),
        ],
        items=items,
        empty_text=N_("ไม่มีงวดงาน หลักประกัน การรับประกัน หรือเหตุขัดข้องที่ต้องติดตาม"),
    )
