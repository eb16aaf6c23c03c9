"""Process 4's own printouts: the annual operating plan as a memo with its table (to the Director
for approval), and the registers of the plan and of the problems log (``print-register``).
The procurement forms (F1, F5a, F6, the comparison, F13-F15...) are printed from the project's
case through ``models.infrastructure.contracting``."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Sequence
from typing import TYPE_CHECKING

from models.base import Actor
from models.engine import reporting as rep
from models.errors import ValidationError
from models.i18n import N_, _, document_language
from models.infrastructure import plan_progress, plans, problems
from models.permissions import Permission, require
from models.registers import RegisterColumn, RegisterDef, declare_register
from reports.thaifmt import baht_text, fiscal_year, number

if TYPE_CHECKING:
    from reports.memo import Memo, Paragraph, Table


def _baht(value: decimal.Decimal, thai: bool) -> str:
    return number(value, decimals=2, thai=thai)


def plan_memo(actor: Actor | None, plan: plans.AnnualPlan) -> Memo:
    """บันทึกข้อความขออนุมัติแผนปฏิบัติการประจำปี: the items in a table (ลำดับ, โครงการ/รายการ,
    เหตุผลความจำเป็น, งบประมาณ, ไตรมาส, ผู้รับผิดชอบ), the total in figures and in words."""
    from reports.memo import Paragraph, Table
    from reports.registers import TableColumn

    paper = rep.office_paper()
    who = paper.mission_short or paper.mission
    rows = plan_progress.item_rows(plan)
    total = sum((r.budget for r in rows), decimal.Decimal(0))
    table_rows = [
        [
            str(r.seq),
            r.title,
            r.objective or "-",
            _baht(r.budget, False),
            str(r.quarter),
            r.group or "-",
        ]
        for r in rows
    ]
    if not table_rows:
        table_rows = [["-", _("ยังไม่มีรายการในแผน"), "-", "-", "-", "-"]]
    table_rows.append(["", _("รวมทั้งสิ้น"), "", _baht(total, False), "", ""])
    body: list[Paragraph | Table] = [
        Paragraph(
            _(
                "ด้วย {who} ได้รวบรวมปัญหาและอุปสรรคของระบบเครื่องแม่ข่ายและระบบเครือข่ายของสำนักงาน "
                "และร่วมกับเจ้าหน้าที่วางแผนการบำรุงรักษาและพัฒนาระบบ จึงได้จัดทำ{title} "
                "จำนวน {n} รายการ รายละเอียดดังตารางต่อไปนี้"
            ).format(who=who, title=plan.title, n=len(rows))
        ),
        Table(
            [
                TableColumn(_("ลำดับ"), 0.6, "center"),
                TableColumn(_("โครงการ/รายการ"), 3.0),
                TableColumn(_("เหตุผลความจำเป็น"), 3.4),
                TableColumn(_("งบประมาณ (บาท)"), 1.9, "right"),
                TableColumn(_("ไตรมาส"), 0.9, "center"),
                TableColumn(_("ผู้รับผิดชอบ"), 1.9),
            ],
            table_rows,
            font_size=13,
        ),
        Paragraph(
            _("รวมงบประมาณทั้งสิ้น {amount} บาท ({words})").format(
                amount=_baht(total, False), words=baht_text(total)
            )
        ),
        Paragraph(_("จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติแผนปฏิบัติการประจำปีดังกล่าว")),
    ]
    chief = rep.director()
    return rep.office_memo(
        subject=_("ขออนุมัติ{title}").format(title=plan.title),
        recipient=str(chief.title) if chief else _("ผู้อำนวยการ"),
        body=body,
        signer=rep.head_of_office() or rep.actor_person(actor),
        paper=paper,
    )


def print_plan(actor: Actor | None, plan_id: int) -> tuple[bytes, str]:
    """The annual plan memo's PDF and a file name."""
    require(actor, Permission.VIEW)
    plan = plans.get_plan(plan_id)
    with document_language():
        memo = plan_memo(actor, plan)
    return rep.render_document(memo), f"แผนปฏิบัติการประจำปี_{plan.fiscal_year}.pdf"


# ---------------------------------------------------------------------------------------------
# Registers


def _years(start: dt.date | None, end: dt.date | None) -> tuple[int, int]:
    low = fiscal_year(start) if start else 0
    high = fiscal_year(end) if end else 9999
    if low > high:
        raise ValidationError(_("วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด"))
    return low, high


def plan_register_rows(start: dt.date | None, end: dt.date | None) -> Sequence[dict[str, str]]:
    """Every item of the plans whose fiscal year meets the period, with its project's progress."""
    low, high = _years(start, end)
    rows: list[dict[str, str]] = []
    for plan in sorted(plans.plans(), key=lambda p: p.fiscal_year):
        if not low <= plan.fiscal_year <= high:
            continue
        for r in plan_progress.item_rows(plan):
            rows.append(
                {
                    "year": str(plan.fiscal_year),
                    "seq": str(r.seq),
                    "title": r.title,
                    "objective": r.objective or "-",
                    "budget": _baht(r.budget, False),
                    "quarter": str(r.quarter),
                    "group": r.group or "-",
                    "project": r.case_number or "-",
                    "progress": r.progress,
                }
            )
    return rows


PLAN_REGISTER = declare_register(
    RegisterDef(
        name="annual-plan",
        title=N_("แผนปฏิบัติการประจำปีด้านการบำรุงรักษาระบบแม่ข่ายและเครือข่าย"),
        columns=(
            RegisterColumn("year", N_("ปีงบประมาณ"), 0.9, "center"),
            RegisterColumn("seq", N_("ลำดับ"), 0.5, "center"),
            RegisterColumn("title", N_("โครงการ/รายการ"), 2.6),
            RegisterColumn("objective", N_("เหตุผลความจำเป็น"), 2.6),
            RegisterColumn("budget", N_("งบประมาณ (บาท)"), 1.5, "right"),
            RegisterColumn("quarter", N_("ไตรมาส"), 0.7, "center"),
            RegisterColumn("group", N_("ผู้รับผิดชอบ"), 2.0),
            RegisterColumn("project", N_("เลขที่โครงการ"), 1.3, "center"),
            RegisterColumn("progress", N_("ความก้าวหน้า"), 2.5),
        ),
        rows=plan_register_rows,
        landscape=True,
        font_size=12.0,
    )
)


def problem_register_rows(start: dt.date | None, end: dt.date | None) -> Sequence[dict[str, str]]:
    low, high = _years(start, end)
    out: list[dict[str, str]] = []
    for p in reversed(problems.problem_rows()):
        if (start and p.reported_on < start) or (end and p.reported_on > end):
            continue
        if not low <= fiscal_year(p.reported_on) <= high:
            continue
        out.append(
            {
                "reported_on": rep.table_date(p.reported_on),
                "system": p.system,
                "category": _(problems.CATEGORY_LABELS.get(p.category, p.category)),
                "description": p.description,
                "impact": p.impact or "-",
                "solution": p.proposed_solution or "-",
                "status": _(problems.STATUS_LABELS.get(p.status, p.status)),
                "plan_item": p.plan_item or "-",
            }
        )
    return out


PROBLEM_REGISTER = declare_register(
    RegisterDef(
        name="infrastructure-problems",
        title=N_("ทะเบียนปัญหาและอุปสรรคของระบบแม่ข่ายและเครือข่าย"),
        columns=(
            RegisterColumn("reported_on", N_("วันที่พบ"), 1.1, "center"),
            RegisterColumn("system", N_("ระบบ/อุปกรณ์"), 1.6),
            RegisterColumn("category", N_("ประเภท"), 1.1),
            RegisterColumn("description", N_("ปัญหาและอุปสรรค"), 2.8),
            RegisterColumn("impact", N_("ผลกระทบ"), 2.0),
            RegisterColumn("solution", N_("แนวทางแก้ไข"), 2.2),
            RegisterColumn("status", N_("สถานะ"), 1.1, "center"),
            RegisterColumn("plan_item", N_("รายการในแผน"), 1.8),
        ),
        rows=problem_register_rows,
        landscape=True,
        font_size=12.0,
    )
)

__all__ = ["PLAN_REGISTER", "PROBLEM_REGISTER", "plan_memo", "print_plan"]
