"""The annual operating plan (แผนปฏิบัติการประจำปี) of process 4, step 1: one plan per fiscal year
(B.E.), its items (what, why, budget, the quarter it is planned for, the responsible work group).
A project (an engine case, ``models.infrastructure.projects``) runs each item's steps 2-8; the item
shows the step its project has reached."""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

import peewee

from models import records
from models.base import Actor, VersionedModel
from models.errors import NotFound, ValidationError
from models.i18n import N_, _
from models.org import WorkGroup
from models.permissions import Permission, require
from models.write_lock import write_transaction
from reports.thaifmt import fiscal_year_bounds

if TYPE_CHECKING:
    import datetime as dt


class PlanStatus(StrEnum):
    DRAFT = "draft"  # ร่าง
    APPROVED = "approved"  # อนุมัติแล้ว


PLAN_STATUS_LABELS = {
    PlanStatus.DRAFT: N_("ร่างแผน"),
    PlanStatus.APPROVED: N_("อนุมัติแผนแล้ว"),
}

BUDGET_SOURCES: tuple[tuple[str, str], ...] = (
    ("budget", N_("เงินงบประมาณ")),
    ("revenue", N_("เงินรายได้")),
    ("other", N_("อื่น ๆ")),
)
BUDGET_SOURCE_LABELS = dict(BUDGET_SOURCES)

QUARTERS: tuple[tuple[str, str], ...] = (
    ("1", N_("ไตรมาสที่ 1 (ต.ค.-ธ.ค.)")),
    ("2", N_("ไตรมาสที่ 2 (ม.ค.-มี.ค.)")),
    ("3", N_("ไตรมาสที่ 3 (เม.ย.-มิ.ย.)")),
    ("4", N_("ไตรมาสที่ 4 (ก.ค.-ก.ย.)")),
)

MAX_BUDGET = decimal.Decimal("9999999999999.99")  # DECIMAL(15,2)


PLAN_LABELS = {
    "fiscal_year": N_("ปีงบประมาณ"),
    "title": N_("ชื่อแผน"),
    "approved_by": N_("ผู้อนุมัติแผน"),
    "approved_on": N_("วันที่อนุมัติแผน"),
    "note": N_("หมายเหตุ"),
}

ITEM_LABELS = {
    "title": N_("โครงการ/รายการ"),
    "objective": N_("เหตุผลความจำเป็น"),
    "budget": N_("งบประมาณ (บาท)"),
    "budget_source": N_("แหล่งเงิน"),
    "quarter": N_("ไตรมาสที่ดำเนินการ"),
    "work_group": N_("กลุ่มงานที่รับผิดชอบ"),
    "note": N_("หมายเหตุ"),
}


class AnnualPlan(VersionedModel):
    """แผนปฏิบัติการประจำปี of the ICT mission for one fiscal year (B.E.)."""

    field_labels: ClassVar[dict[str, str]] = PLAN_LABELS

    fiscal_year = peewee.IntegerField(unique=True)
    title = peewee.CharField(max_length=300)
    status = peewee.CharField(max_length=16, default=PlanStatus.DRAFT)
    approved_by = peewee.CharField(max_length=200, default="")  # a named approver, not a login
    approved_on = peewee.DateField(null=True)
    note = peewee.TextField(default="")

    if TYPE_CHECKING:
        items: peewee.ModelSelect[PlanItem]


class PlanItem(VersionedModel):
    """One item (โครงการ/รายการ) of an annual plan."""

    field_labels: ClassVar[dict[str, str]] = ITEM_LABELS

    plan = peewee.ForeignKeyField(AnnualPlan, backref="items", on_delete="CASCADE")
    seq = peewee.IntegerField(default=0)
    title = peewee.CharField(max_length=300)
    objective = peewee.TextField(default="")  # why: the problem it solves, the need
    budget = peewee.DecimalField(max_digits=15, decimal_places=2, default=0)
    budget_source = peewee.CharField(max_length=16, default="budget")
    quarter = peewee.IntegerField(default=1)  # 1-4 of the fiscal year
    work_group = peewee.ForeignKeyField(WorkGroup, null=True, on_delete="SET NULL")
    note = peewee.TextField(default="")

    class Meta:
        indexes = ((("plan", "seq"), False),)


# ---------------------------------------------------------------------------------------------
# Values typed in a form


def parse_money(value: Any, label: str, key: str) -> decimal.Decimal:
    """An amount in baht from a form (text with commas, a number): not negative, two places.
    Raises ``ValidationError`` naming the field."""
    if isinstance(value, decimal.Decimal):
        amount = value
    else:
        text = str(value if value is not None else "").replace(",", "").strip()
        if not text:
            raise ValidationError(_("กรุณากรอก{field}").format(field=label), {key: _("ต้องกรอก")})
        try:
            amount = decimal.Decimal(text)
        except decimal.InvalidOperation:
            raise ValidationError(
                _("{field} ต้องเป็นตัวเลข").format(field=label), {key: _("ต้องเป็นตัวเลข")}
            ) from None
    if not amount.is_finite():
        raise ValidationError(_("{field} ต้องเป็นตัวเลข").format(field=label), {key: _("ต้องเป็นตัวเลข")})
    if amount < 0:
        raise ValidationError(_("{field} ต้องไม่ติดลบ").format(field=label), {key: _("ต้องไม่ติดลบ")})
    if amount > MAX_BUDGET:
        raise ValidationError(_("{field} สูงเกินไป").format(field=label), {key: _("สูงเกินไป")})
    return amount.quantize(decimal.Decimal("0.01"), decimal.ROUND_HALF_UP)


def _text(values: dict[str, Any], key: str) -> str:
    return str(values.get(key) or "").strip()


# ---------------------------------------------------------------------------------------------
# Plans


def plans() -> list[AnnualPlan]:
    return list(AnnualPlan.select().order_by(AnnualPlan.fiscal_year.desc()))


def plan_for_year(fiscal_year: int) -> AnnualPlan | None:
    plan: AnnualPlan | None = AnnualPlan.get_or_none(AnnualPlan.fiscal_year == fiscal_year)
    return plan


def get_plan(plan_id: int) -> AnnualPlan:
    plan: AnnualPlan | None = AnnualPlan.get_or_none(AnnualPlan.id == plan_id)
    if plan is None:
        raise NotFound(_("ไม่พบแผนปฏิบัติการประจำปีที่เลือก"))
    return plan


def save_plan(
    actor: Actor | None,
    plan: AnnualPlan | None,
    values: dict[str, Any],
    *,
    expected_version: int | None = None,
) -> AnnualPlan:
    """Add a plan (``plan`` None) or change one. One plan per fiscal year; a plan is approved
    when the approver and the date are both given."""
    require(actor, Permission.EDIT_REGISTERS)
    errors: dict[str, str] = {}
    try:
        year = int(str(values.get("fiscal_year", "")).strip())
    except ValueError:
        year = 0
    if not 2500 <= year <= 2700:
        errors["fiscal_year"] = _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570")
    title = _text(values, "title") or (
        _("แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {year}").format(year=year) if year else ""
    )
    approved_by = _text(values, "approved_by")
    approved_on: dt.date | None = values.get("approved_on") or None
    if bool(approved_by) != bool(approved_on):
        errors["approved_on" if approved_by else "approved_by"] = _(
            "การอนุมัติแผนต้องมีทั้งผู้อนุมัติและวันที่อนุมัติ"
        )
    labels = {k: _(v) for k, v in PLAN_LABELS.items()}
    errors.update(
        records.field_errors(
            AnnualPlan,
            {"title": title, "approved_by": approved_by, "note": _text(values, "note")},
            labels,
        )
    )
    if year and not errors:
        other = AnnualPlan.get_or_none(AnnualPlan.fiscal_year == year)
        if other is not None and (plan is None or other.id != plan.id):
            errors["fiscal_year"] = _("มีแผนของปีงบประมาณ {year} แล้ว").format(year=year)
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    changes: dict[str, Any] = {
        "fiscal_year": year,
        "title": title,
        "approved_by": approved_by,
        "approved_on": approved_on,
        "status": PlanStatus.APPROVED if approved_on else PlanStatus.DRAFT,
        "note": _text(values, "note"),
    }
    if plan is None:
        return records.create(actor, AnnualPlan, **changes)
    return records.update(actor, plan, expected_version=expected_version, **changes)


# ---------------------------------------------------------------------------------------------
# Items


def get_item(item_id: int) -> PlanItem:
    item: PlanItem | None = PlanItem.get_or_none(PlanItem.id == item_id)
    if item is None:
        raise NotFound(_("ไม่พบรายการในแผนที่เลือก"))
    return item


def items_of(plan: AnnualPlan | int) -> list[PlanItem]:
    plan_id = plan if isinstance(plan, int) else plan.id
    return list(
        PlanItem.select().where(PlanItem.plan == plan_id).order_by(PlanItem.seq, PlanItem.id)
    )


def save_item(
    actor: Actor | None,
    plan: AnnualPlan,
    item: PlanItem | None,
    values: dict[str, Any],
    *,
    expected_version: int | None = None,
) -> PlanItem:
    """Add an item to ``plan`` (``item`` None) or change one. Refused with the field named: no
    title, a budget that is negative or not a number, a quarter outside 1-4, an unknown group."""
    require(actor, Permission.EDIT_REGISTERS)
    labels = {k: _(v) for k, v in ITEM_LABELS.items()}
    errors: dict[str, str] = {}
    title = _text(values, "title")
    if not title:
        errors["title"] = _("กรุณากรอก{field}").format(field=labels["title"])
    budget = decimal.Decimal(0)
    try:
        budget = parse_money(values.get("budget"), labels["budget"], "budget")
    except ValidationError as exc:
        errors["budget"] = str(exc)
    source = _text(values, "budget_source") or "budget"
    if source not in BUDGET_SOURCE_LABELS:
        errors["budget_source"] = _("แหล่งเงินไม่ถูกต้อง")
    try:
        quarter = int(str(values.get("quarter", "")).strip())
    except ValueError:
        quarter = 0
    if quarter not in (1, 2, 3, 4):
        errors["quarter"] = _("ไตรมาสที่ดำเนินการต้องเป็น 1 ถึง 4")
    group_id = values.get("work_group")
    group: WorkGroup | None = None
    if group_id:
        group = WorkGroup.get_or_none(WorkGroup.id == int(group_id))
        if group is None:
            errors["work_group"] = _("ไม่พบกลุ่มงานที่เลือก")
    errors.update(
        records.field_errors(
            PlanItem,
            {
                "title": title,
                "objective": _text(values, "objective"),
                "note": _text(values, "note"),
            },
            labels,
        )
    )
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    changes: dict[str, Any] = {
        "title": title,
        "objective": _text(values, "objective"),
        "budget": budget,
        "budget_source": source,
        "quarter": quarter,
        "work_group": group,
        "note": _text(values, "note"),
    }
    if item is None:
        with write_transaction():
            last = (
                PlanItem.select(peewee.fn.MAX(PlanItem.seq))
                .where(PlanItem.plan == plan.id)
                .scalar()
            )
            return records.create(actor, PlanItem, plan=plan, seq=(last or 0) + 1, **changes)
    return records.update(actor, item, expected_version=expected_version, **changes)


def quarter_end(fiscal_year: int, quarter: int) -> dt.date:
    """The last day of ``quarter`` (1-4) of fiscal year ``fiscal_year`` (B.E.)."""
    import datetime as dt

    start, _end = fiscal_year_bounds(fiscal_year)
    month = start.month + quarter * 3  # Oct + 3 → Jan of the next year
    year = start.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, 1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class PlanInfo:
    """A plan as the window shows it (plain data: it crosses from the worker)."""

    id: int
    version: int
    fiscal_year: int
    title: str
    status: str
    approved_by: str
    approved_on: dt.date | None
    note: str


def plan_info(plan: AnnualPlan) -> PlanInfo:
    return PlanInfo(
        id=plan.id,
        version=plan.version,
        fiscal_year=int(plan.fiscal_year),
        title=str(plan.title),
        status=str(plan.status),
        approved_by=str(plan.approved_by),
        approved_on=plan.approved_on,
        note=str(plan.note),
    )
