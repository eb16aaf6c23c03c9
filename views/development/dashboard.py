"""The dashboard box of process 5 (runs in the worker; plain data out): the milestones of open
projects past their planned day and not done, each opening its project."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models import clock
from models.development import records
from models.i18n import N_, _
from views.registry import Count, DashboardSection, OpenRequest, WorkItem

if TYPE_CHECKING:
    from models.users import User

VIEW_KEY = "development"
LIMIT = 10


def development_section(user: User) -> DashboardSection:
    today = clock.today()
    late = records.late_milestones(today)
    items = [
        WorkItem(
            title=_("{title}: {project}").format(title=milestone.title, project=case.title),
            due=milestone.planned_on,
            state=_("ล่าช้า {n} วัน").format(n=(today - milestone.planned_on).days),
            open=OpenRequest(VIEW_KEY, "case", case.id),
            overdue=True,
            detail=case.number,
        )
        for case, milestone in late[:LIMIT]
    ]
    return DashboardSection(
        title=N_("การพัฒนาระบบสารสนเทศ: หมุดหมายล่าช้า"),
        counts=[Count(N_("หมุดหมายล่าช้า"), len(late), OpenRequest(VIEW_KEY, "projects"))],
        items=items,
        empty_text=N_("ไม่มีหมุดหมายที่ล่าช้า"),
    )
