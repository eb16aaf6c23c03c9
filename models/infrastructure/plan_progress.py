"""The annual plan's items with the step each item's project has reached (process 4's plan page,
the printed plan and its register), and removing an item while it has no project. Kept apart from
``plans`` because it reads the projects, which are built on the plans."""

from __future__ import annotations

import decimal
from dataclasses import dataclass

from models import records
from models.base import Actor
from models.errors import ValidationError
from models.i18n import _
from models.infrastructure.plans import AnnualPlan, PlanItem, items_of
from models.infrastructure.projects import Project, progress_of_items
from models.org import WorkGroup
from models.permissions import Permission, require


def delete_item(
    actor: Actor | None, item: PlanItem, *, expected_version: int | None = None
) -> None:
    """Remove an item that has no project yet (a project's history is kept)."""
    require(actor, Permission.EDIT_REGISTERS)
    if Project.select().where(Project.plan_item == item.id).exists():
        raise ValidationError(_("รายการนี้เปิดโครงการแล้ว จึงลบออกจากแผนไม่ได้"))
    records.delete(actor, item, expected_version=expected_version)


@dataclass(frozen=True)
class ItemRow:
    """A plan item as lists and the printed plan show it, with its project's progress."""

    id: int
    version: int
    seq: int
    title: str
    objective: str
    budget: decimal.Decimal
    budget_source: str
    quarter: int
    group: str
    group_id: int | None
    note: str
    case_id: int | None  # the project, once opened
    case_number: str
    step_no: int | None  # the manual's step (2-8) the project has reached; None: not started
    progress: str  # translated text: "ยังไม่เริ่มโครงการ", "ขั้นที่ 5 ...", "แล้วเสร็จ"


def item_rows(plan: AnnualPlan | int) -> list[ItemRow]:
    items = items_of(plan)
    progress = progress_of_items([i.id for i in items])
    rows: list[ItemRow] = []
    for item in items:
        case_id, number, step_no, text = progress.get(
            item.id, (None, "", None, _("ยังไม่เริ่มโครงการ"))
        )
        group: WorkGroup | None = item.work_group
        rows.append(
            ItemRow(
                id=item.id,
                version=item.version,
                seq=item.seq,
                title=item.title,
                objective=item.objective,
                budget=decimal.Decimal(item.budget),
                budget_source=item.budget_source,
                quarter=item.quarter,
                group=str(group.name) if group else "",
                group_id=group.id if group else None,
                note=item.note,
                case_id=case_id,
                case_number=number,
                step_no=step_no,
                progress=text,
            )
        )
    return rows
