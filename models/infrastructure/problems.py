"""The log of problems and obstacles (ปัญหาและอุปสรรค) of the servers and the network: what the
head of the mission and the evaluation-systems group collect with the staff before they write the
annual plan (process 4, step 1). A problem may be taken into a plan item."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

import peewee

from models import clock, records
from models.base import Actor, VersionedModel
from models.errors import NotFound, ValidationError
from models.i18n import N_, _
from models.infrastructure.plans import PlanItem
from models.permissions import Permission, require
from reports.thaifmt import fiscal_year, fiscal_year_bounds


class ProblemCategory(StrEnum):
    SERVER = "server"
    NETWORK = "network"
    APPLICATION = "application"
    SECURITY = "security"
    OTHER = "other"


CATEGORIES: tuple[tuple[str, str], ...] = (
    (ProblemCategory.SERVER, N_("เครื่องแม่ข่าย")),
    (ProblemCategory.NETWORK, N_("ระบบเครือข่าย")),
    (ProblemCategory.APPLICATION, N_("ระบบงาน/ซอฟต์แวร์")),
    (ProblemCategory.SECURITY, N_("ความมั่นคงปลอดภัย")),
    (ProblemCategory.OTHER, N_("อื่น ๆ")),
)
CATEGORY_LABELS = dict(CATEGORIES)


class ProblemStatus(StrEnum):
    OPEN = "open"
    PLANNED = "planned"
    RESOLVED = "resolved"
    REJECTED = "rejected"


STATUSES: tuple[tuple[str, str], ...] = (
    (ProblemStatus.OPEN, N_("ยังไม่ได้แก้ไข")),
    (ProblemStatus.PLANNED, N_("บรรจุในแผนแล้ว")),
    (ProblemStatus.RESOLVED, N_("แก้ไขแล้ว")),
    (ProblemStatus.REJECTED, N_("ไม่ดำเนินการ")),
)
STATUS_LABELS = dict(STATUSES)


LABELS = {
    "reported_on": N_("วันที่พบปัญหา"),
    "reporter": N_("ผู้แจ้ง/ผู้พบปัญหา"),
    "system": N_("ระบบหรืออุปกรณ์"),
    "category": N_("ประเภท"),
    "description": N_("ปัญหาและอุปสรรค"),
    "impact": N_("ผลกระทบ"),
    "frequency": N_("ความถี่ที่เกิด"),
    "proposed_solution": N_("แนวทางแก้ไขที่เสนอ"),
    "status": N_("สถานะ"),
    "plan_item": N_("รายการในแผน"),
}


class ProblemLog(VersionedModel):
    """One problem or obstacle, with what it costs the office and the proposed way out."""

    field_labels: ClassVar[dict[str, str]] = LABELS

    reported_on = peewee.DateField(index=True)
    reporter = peewee.CharField(max_length=200, default="")
    system = peewee.CharField(max_length=300)  # the system or equipment concerned
    category = peewee.CharField(max_length=16, default=ProblemCategory.OTHER)
    description = peewee.TextField()
    impact = peewee.TextField(default="")
    frequency = peewee.CharField(max_length=200, default="")
    proposed_solution = peewee.TextField(default="")
    status = peewee.CharField(max_length=16, default=ProblemStatus.OPEN, index=True)
    plan_item = peewee.ForeignKeyField(PlanItem, null=True, on_delete="SET NULL")


def get_problem(problem_id: int) -> ProblemLog:
    found: ProblemLog | None = ProblemLog.get_or_none(ProblemLog.id == problem_id)
    if found is None:
        raise NotFound(_("ไม่พบรายการปัญหาที่เลือก"))
    return found


def save_problem(
    actor: Actor | None,
    problem: ProblemLog | None,
    values: dict[str, Any],
    *,
    expected_version: int | None = None,
) -> ProblemLog:
    """Record a problem (``problem`` None) or change one. Refused with the field named: no system,
    no description, a date in the future, an unknown category, status or plan item. Linking a
    plan item marks the problem as taken into the plan."""
    require(actor, Permission.EDIT_REGISTERS)
    labels = {k: _(v) for k, v in LABELS.items()}
    text = {k: str(values.get(k) or "").strip() for k in LABELS if k not in {"reported_on"}}
    errors: dict[str, str] = {}
    for key in ("system", "description"):
        if not text[key]:
            errors[key] = _("กรุณากรอก{field}").format(field=labels[key])
    reported_on = values.get("reported_on") or clock.today()
    if not isinstance(reported_on, dt.date):
        errors["reported_on"] = _("{field} ไม่ถูกต้อง").format(field=labels["reported_on"])
    elif reported_on > clock.today():
        errors["reported_on"] = _("{field} ต้องไม่เป็นวันในอนาคต").format(field=labels["reported_on"])
    category = text["category"] or ProblemCategory.OTHER
    if category not in CATEGORY_LABELS:
        errors["category"] = _("ประเภทปัญหาไม่ถูกต้อง")
    item: PlanItem | None = None
    if values.get("plan_item"):
        item = PlanItem.get_or_none(PlanItem.id == int(values["plan_item"]))
        if item is None:
            errors["plan_item"] = _("ไม่พบรายการในแผนที่เลือก")
    status = text["status"] or (ProblemStatus.PLANNED if item else ProblemStatus.OPEN)
    if status not in STATUS_LABELS:
        errors["status"] = _("สถานะไม่ถูกต้อง")
    elif status == ProblemStatus.OPEN and item is not None:
        status = ProblemStatus.PLANNED
    errors.update(
        records.field_errors(
            ProblemLog,
            {
                k: text[k]
                for k in (
                    "reporter",
                    "system",
                    "description",
                    "impact",
                    "frequency",
                    "proposed_solution",
                )
            },
            labels,
        )
    )
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    changes: dict[str, Any] = {
        "reported_on": reported_on,
        "reporter": text["reporter"],
        "system": text["system"],
        "category": category,
        "description": text["description"],
        "impact": text["impact"],
        "frequency": text["frequency"],
        "proposed_solution": text["proposed_solution"],
        "status": status,
        "plan_item": item,
    }
    if problem is None:
        return records.create(actor, ProblemLog, **changes)
    return records.update(actor, problem, expected_version=expected_version, **changes)


def delete_problem(
    actor: Actor | None, problem: ProblemLog, *, expected_version: int | None = None
) -> None:
    require(actor, Permission.EDIT_REGISTERS)
    records.delete(actor, problem, expected_version=expected_version)


@dataclass(frozen=True)
class ProblemRow:
    id: int
    version: int
    reported_on: dt.date
    reporter: str
    system: str
    category: str
    description: str
    impact: str
    frequency: str
    proposed_solution: str
    status: str
    plan_item_id: int | None
    plan_item: str


def problem_rows(fiscal_year_be: int | None = None, status: str | None = None) -> list[ProblemRow]:
    """The log, newest first; only one fiscal year's or one status's when asked."""
    query = ProblemLog.select(ProblemLog, PlanItem).join(
        PlanItem, peewee.JOIN.LEFT_OUTER, on=(ProblemLog.plan_item == PlanItem.id)
    )
    if fiscal_year_be is not None:
        start, end = fiscal_year_bounds(fiscal_year_be)
        query = query.where(ProblemLog.reported_on.between(start, end))
    if status:
        query = query.where(ProblemLog.status == status)
    rows: list[ProblemRow] = []
    for p in query.order_by(ProblemLog.reported_on.desc(), ProblemLog.id.desc()):
        item: PlanItem | None = p.plan_item
        rows.append(
            ProblemRow(
                id=p.id,
                version=p.version,
                reported_on=p.reported_on,
                reporter=p.reporter,
                system=p.system,
                category=p.category,
                description=p.description,
                impact=p.impact,
                frequency=p.frequency,
                proposed_solution=p.proposed_solution,
                status=p.status,
                plan_item_id=item.id if item else None,
                plan_item=str(item.title) if item else "",
            )
        )
    return rows


def fiscal_years() -> list[int]:
    """Fiscal years (B.E.) with a problem logged, newest first."""
    days = ProblemLog.select(ProblemLog.reported_on).distinct()
    return sorted({fiscal_year(p.reported_on) for p in days}, reverse=True)
