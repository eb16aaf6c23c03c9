"""The page "แผนปฏิบัติการประจำปี": one fiscal year's plan, its items with their budget, quarter,
responsible group and the step each item's project has reached; add, change and remove items,
print the plan (memo with its table) and open or start an item's project."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.i18n import N_, _
from models.infrastructure import documents, plan_progress, plans
from reports.thaifmt import number
from views.infrastructure.dialogs import ItemDialog, PlanDialog
from views.widgets import messages
from views.widgets.combos import fill_combo, select_data
from views.widgets.commands import mnemonic
from views.widgets.printing import print_in_background
from views.widgets.tables import setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext

COLUMNS = (
    N_("ลำดับ"),
    N_("โครงการ/รายการ"),
    N_("เหตุผลความจำเป็น"),
    N_("งบประมาณ (บาท)"),
    N_("ไตรมาส"),
    N_("ผู้รับผิดชอบ"),
    N_("ความก้าวหน้า"),
)


class PlanView(QWidget):
    """``open_project(item_id, case_id or None)``: the tab shows the project, or starts one."""

    open_project = Signal(int, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: plans.PlanInfo | None = None
        self.rows: list[plan_progress.ItemRow] = []
        self.year = QComboBox(self)
        self.year.currentIndexChanged.connect(lambda _i: self.load_plan())
        self.status = QLabel(self)
        self.new_plan_button = QPushButton(_("แผนปีใหม่…"), self)
        self.edit_plan_button = QPushButton(_("แก้ไข/อนุมัติแผน…"), self)
        self.print_button = mnemonic(QPushButton(_("พิมพ์แผน"), self), "P")
        self.add_button = mnemonic(QPushButton(_("เพิ่มรายการ…"), self), "A")
        self.edit_button = QPushButton(_("แก้ไขรายการ…"), self)
        self.delete_button = QPushButton(_("ลบรายการ"), self)
        self.project_button = QPushButton(_("โครงการของรายการนี้"), self)
        self.new_plan_button.clicked.connect(self.new_plan)
        self.edit_plan_button.clicked.connect(self.edit_plan)
        self.print_button.clicked.connect(self.print_plan)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.delete_button.clicked.connect(self.delete_item)
        self.project_button.clicked.connect(self.show_project)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("ปีงบประมาณ"), self))
        top.addWidget(self.year)
        top.addWidget(self.status, 1)
        for button in (self.new_plan_button, self.edit_plan_button, self.print_button):
            top.addWidget(button)
        self.table = setup_table_widget(QTableWidget(0, len(COLUMNS), self), stretch=2)
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.show_project())
        self.total = QLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        for button in (self.add_button, self.edit_button, self.delete_button, self.project_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._selection_changed()
        self.reload()

    # --- loading --------------------------------------------------------------------------

    def reload(self, fiscal_year: int | None = None) -> None:
        def fetch() -> list[tuple[int, str]]:
            return [(p.fiscal_year, p.title) for p in plans.plans()]

        def show(found: list[tuple[int, str]]) -> None:
            want = fiscal_year if fiscal_year is not None else self.year.currentData()
            fill_combo(self.year, [(year, str(year)) for year, _t in found])
            if want is not None:
                select_data(self.year, want)
            self.load_plan()

        self.ctx.run_in_background(fetch, show, owner=self)

    def load_plan(self) -> None:
        year = self.year.currentData()

        def fetch() -> tuple[plans.PlanInfo | None, list[plan_progress.ItemRow]]:
            plan = plans.plan_for_year(int(year)) if year is not None else None
            if plan is None:
                return None, []
            return plans.plan_info(plan), plan_progress.item_rows(plan)

        self.ctx.run_in_background(fetch, lambda found: self._show(*found), owner=self)

    def _show(self, plan: plans.PlanInfo | None, rows: list[plan_progress.ItemRow]) -> None:
        self.plan, self.rows = plan, rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (
                str(row.seq),
                row.title,
                row.objective,
                number(row.budget, decimals=2),
                str(row.quarter),
                row.group,
                (f"{row.case_number} · " if row.case_number else "") + row.progress,
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        total = sum((row.budget for row in rows), start=Decimal(0))
        self.total.setText(
            _("{n} รายการ รวมงบประมาณ {amount} บาท").format(
                n=len(rows), amount=number(total, decimals=2)
            )
        )
        if plan is None:
            self.status.setText(_("ยังไม่มีแผน: กด “แผนปีใหม่…”"))
        else:
            self.status.setText(
                f"{plan.title} — {_(plans.PLAN_STATUS_LABELS[plans.PlanStatus(plan.status)])}"
            )
        self.edit_plan_button.setEnabled(plan is not None)
        self.print_button.setEnabled(plan is not None)
        self.add_button.setEnabled(plan is not None)
        self._selection_changed()

    def current(self) -> plan_progress.ItemRow | None:
        index = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.rows[index] if selected and 0 <= index < len(self.rows) else None

    def select_item(self, item_id: int) -> None:
        for r, row in enumerate(self.rows):
            if row.id == item_id:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        row = self.current()
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.case_id is None)
        self.project_button.setEnabled(row is not None)
        if row is not None:
            self.project_button.setText(
                _("ดูโครงการ {number}").format(number=row.case_number)
                if row.case_id
                else _("เปิดโครงการ…")
            )

    # --- actions --------------------------------------------------------------------------

    def build_plan_dialog(self, plan_id: int | None) -> PlanDialog:
        plan = plans.get_plan(plan_id) if plan_id is not None else None
        dialog = PlanDialog(self.ctx, plan, self)
        dialog.saved.connect(lambda _id: self.reload(dialog.fiscal_year.value()))
        return dialog

    def new_plan(self) -> None:
        self.build_plan_dialog(None).exec()

    def edit_plan(self) -> None:
        if self.plan is not None:
            self.build_plan_dialog(self.plan.id).exec()

    def build_item_dialog(self, item_id: int | None) -> ItemDialog | None:
        if self.plan is None:
            return None
        item = plans.get_item(item_id) if item_id is not None else None
        dialog = ItemDialog(self.ctx, self.plan.id, item, self)
        dialog.saved.connect(self._item_saved)
        return dialog

    def _item_saved(self, item_id: int) -> None:
        def selected() -> None:
            self.select_item(item_id)

        self.load_plan()
        self.ctx.run_in_background(lambda: None, lambda _none: selected(), owner=self)

    def add_item(self) -> None:
        dialog = self.build_item_dialog(None)
        if dialog is not None:
            dialog.exec()

    def edit_item(self) -> None:
        row = self.current()
        if row is not None:
            dialog = self.build_item_dialog(row.id)
            if dialog is not None:
                dialog.exec()

    def delete_item(self) -> None:
        row = self.current()
        if row is None or not messages.confirm(
            self, _("ลบรายการ “{title}” ออกจากแผนหรือไม่").format(title=row.title), dangerous=True
        ):
            return
        user, item_id, version = self.ctx.user, row.id, row.version
        self.ctx.run_in_background(
            lambda: plan_progress.delete_item(
                user, plans.get_item(item_id), expected_version=version
            ),
            lambda _none: self.load_plan(),
            owner=self,
        )

    def show_project(self) -> None:
        row = self.current()
        if row is not None:
            self.open_project.emit(row.id, row.case_id)

    def print_plan(self) -> None:
        if self.plan is None:
            return
        user, plan_id = self.ctx.user, self.plan.id
        print_in_background(
            self.ctx, self, lambda: documents.print_plan(user, plan_id), _("แผนปฏิบัติการประจำปี")
        )

    # --- keyboard (the tab hands its commands to the page shown) ----------------------------

    def run_command(self, key: str) -> bool:
        handlers: dict[str, Callable[[], object]] = {
            "new": self.add_item,
            "edit": self.edit_item,
            "print": self.print_plan,
            "refresh": lambda: self.reload(),
        }
        if key in {"next", "previous"}:
            rows = self.table.rowCount()
            if rows:
                step = 1 if key == "next" else -1
                self.table.selectRow(max(0, min(rows - 1, self.table.currentRow() + step)))
            return True
        handler = handlers.get(key)
        if handler is None:
            return False
        handler()
        return True

    def focus_target(self) -> QWidget:
        return self.table
