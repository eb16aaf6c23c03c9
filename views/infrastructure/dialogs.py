"""The forms of process 4's own records: an annual plan, a plan item, a problem. Each saves through
its domain function in the worker; a refusal marks the fields it names and keeps what was typed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from models import clock, office
from models.i18n import _
from models.infrastructure import plans, problems
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.combos import fill_combo, select_data
from views.widgets.dialogs import SubmitDialog

if TYPE_CHECKING:
    from desktop.context import AppContext


def _long_text(parent: QWidget, text: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(80)
    box.setPlainText(text)
    return box


class PlanDialog(SubmitDialog):
    """A new annual plan (``plan`` None) or its details and approval."""

    def __init__(
        self, ctx: AppContext, plan: plans.AnnualPlan | None, parent: QWidget | None = None
    ) -> None:
        title = _("แผนปฏิบัติการประจำปีใหม่") if plan is None else _("แก้ไขแผนปฏิบัติการประจำปี")
        super().__init__(ctx, title, _("บันทึก"), parent)
        self.plan = plan
        form = self.add_form()
        self.fiscal_year = QSpinBox(self)
        self.fiscal_year.setRange(2500, 2700)
        today = clock.today()
        default_year = today.year + 543 + (1 if today.month >= 10 else 0)
        self.fiscal_year.setValue(plan.fiscal_year if plan else default_year)
        self.title = QLineEdit(plan.title if plan else "", self)
        self.title.setPlaceholderText(_("เว้นว่าง: แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. …"))
        self.approved_by = QLineEdit(plan.approved_by if plan else "", self)
        self.approved_on = BEDateEdit(
            plan.approved_on if plan else None, allow_empty=True, parent=self
        )
        self.note = _long_text(self, plan.note if plan else "")
        for key, label, widget in (
            ("fiscal_year", _("ปีงบประมาณ (พ.ศ.)"), self.fiscal_year),
            ("title", _("ชื่อแผน"), self.title),
            ("approved_by", _("ผู้อนุมัติแผน"), self.approved_by),
            ("approved_on", _("วันที่อนุมัติแผน"), self.approved_on),
            ("note", _("หมายเหตุ"), self.note),
        ):
            form.addRow(label, widget)
            self.errors.add(key, widget)

    def values(self) -> dict[str, Any]:
        return {
            "fiscal_year": self.fiscal_year.value(),
            "title": self.title.text(),
            "approved_by": self.approved_by.text(),
            "approved_on": self.approved_on.value(),
            "note": self.note.toPlainText(),
        }

    def send(self) -> None:
        user, plan, values = self.ctx.user, self.plan, self.values()
        version = plan.version if plan else None
        self.save(
            lambda: plans.save_plan(user, plan, values, expected_version=version).id,
            mine=values,
            labels={k: _(v) for k, v in plans.PLAN_LABELS.items()},
        )


class ItemDialog(SubmitDialog):
    """A plan item: what, why, budget, source, quarter, responsible group."""

    def __init__(
        self,
        ctx: AppContext,
        plan_id: int,
        item: plans.PlanItem | None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("เพิ่มรายการในแผน") if item is None else _("แก้ไขรายการในแผน")
        super().__init__(ctx, title, _("บันทึก"), parent)
        self.plan_id, self.item = plan_id, item
        form = self.add_form()
        self.title = QLineEdit(item.title if item else "", self)
        self.objective = _long_text(self, item.objective if item else "")
        self.budget = QLineEdit(f"{item.budget:,.2f}" if item else "", self)
        self.budget.setPlaceholderText(_("เช่น 480,000"))
        self.budget_source = QComboBox(self)
        fill_combo(self.budget_source, [(k, _(v)) for k, v in plans.BUDGET_SOURCES])
        select_data(self.budget_source, item.budget_source if item else "budget")
        self.quarter = QComboBox(self)
        fill_combo(self.quarter, [(k, _(v)) for k, v in plans.QUARTERS])
        select_data(self.quarter, str(item.quarter) if item else "1")
        self.work_group = QComboBox(self)
        fill_combo(
            self.work_group,
            [(g.id, str(g.name)) for g in office.work_groups()],
            empty=_("(ไม่ระบุ)"),
        )
        if item is not None and item.__data__.get("work_group"):
            select_data(self.work_group, item.__data__["work_group"])
        self.note = _long_text(self, item.note if item else "")
        for key, widget in (
            ("title", self.title),
            ("objective", self.objective),
            ("budget", self.budget),
            ("budget_source", self.budget_source),
            ("quarter", self.quarter),
            ("work_group", self.work_group),
            ("note", self.note),
        ):
            form.addRow(_(plans.ITEM_LABELS[key]), widget)
            self.errors.add(key, widget)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "objective": self.objective.toPlainText(),
            "budget": self.budget.text(),
            "budget_source": self.budget_source.currentData(),
            "quarter": self.quarter.currentData(),
            "work_group": self.work_group.currentData(),
            "note": self.note.toPlainText(),
        }

    def send(self) -> None:
        user, plan_id, item, values = self.ctx.user, self.plan_id, self.item, self.values()
        version = item.version if item else None
        self.save(
            lambda: (
                plans.save_item(
                    user, plans.get_plan(plan_id), item, values, expected_version=version
                ).id
            ),
            mine=values,
            labels={k: _(v) for k, v in plans.ITEM_LABELS.items()},
        )


class ProblemDialog(SubmitDialog):
    """One problem or obstacle of the log."""

    def __init__(
        self,
        ctx: AppContext,
        problem: problems.ProblemLog | None,
        item_choices: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        title = _("บันทึกปัญหาและอุปสรรค") if problem is None else _("แก้ไขปัญหาและอุปสรรค")
        super().__init__(ctx, title, _("บันทึก"), parent)
        self.problem = problem
        form = self.add_form()
        day: dt.date = problem.reported_on if problem else clock.today()
        self.reported_on = BEDateEdit(day, parent=self)
        self.reporter = QLineEdit(problem.reporter if problem else ctx.user.full_name, self)
        self.system = QLineEdit(problem.system if problem else "", self)
        self.category = QComboBox(self)
        fill_combo(self.category, [(k, _(v)) for k, v in problems.CATEGORIES])
        select_data(self.category, problem.category if problem else "server")
        self.description = _long_text(self, problem.description if problem else "")
        self.impact = _long_text(self, problem.impact if problem else "")
        self.frequency = QLineEdit(problem.frequency if problem else "", self)
        self.proposed_solution = _long_text(self, problem.proposed_solution if problem else "")
        self.status = QComboBox(self)
        fill_combo(self.status, [(k, _(v)) for k, v in problems.STATUSES])
        select_data(self.status, problem.status if problem else "open")
        self.plan_item = QComboBox(self)
        fill_combo(self.plan_item, item_choices, empty=_("(ยังไม่บรรจุในแผน)"))
        if problem is not None and problem.__data__.get("plan_item"):
            select_data(self.plan_item, problem.__data__["plan_item"])
        for key, widget in (
            ("reported_on", self.reported_on),
            ("reporter", self.reporter),
            ("system", self.system),
            ("category", self.category),
            ("description", self.description),
            ("impact", self.impact),
            ("frequency", self.frequency),
            ("proposed_solution", self.proposed_solution),
            ("status", self.status),
            ("plan_item", self.plan_item),
        ):
            form.addRow(_(problems.LABELS[key]), widget)
            self.errors.add(key, widget)

    def values(self) -> dict[str, Any]:
        return {
            "reported_on": self.reported_on.value(),
            "reporter": self.reporter.text(),
            "system": self.system.text(),
            "category": self.category.currentData(),
            "description": self.description.toPlainText(),
            "impact": self.impact.toPlainText(),
            "frequency": self.frequency.text(),
            "proposed_solution": self.proposed_solution.toPlainText(),
            "status": self.status.currentData(),
            "plan_item": self.plan_item.currentData(),
        }

    def send(self) -> None:
        user, problem, values = self.ctx.user, self.problem, self.values()
        version = problem.version if problem else None
        self.save(
            lambda: problems.save_problem(user, problem, values, expected_version=version).id,
            mine=values,
            labels={k: _(v) for k, v in problems.LABELS.items()},
        )
