"""The page "ปัญหาและอุปสรรค": the log the annual plan is written from (process 4, step 1), by
fiscal year and status; record, change and remove problems, link them to a plan item, print the
register."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

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
from models.infrastructure import plans, problems
from reports.thaifmt import date_short, fiscal_year_bounds
from views.infrastructure.dialogs import ProblemDialog
from views.widgets import messages
from views.widgets.combos import fill_combo
from views.widgets.commands import mnemonic
from views.widgets.printing import print_register
from views.widgets.tables import setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext

COLUMNS = (
    N_("วันที่พบ"),
    N_("ระบบ/อุปกรณ์"),
    N_("ประเภท"),
    N_("ปัญหาและอุปสรรค"),
    N_("ผลกระทบ"),
    N_("แนวทางแก้ไข"),
    N_("สถานะ"),
    N_("รายการในแผน"),
)


def item_choices() -> list[tuple[int, str]]:
    """Every plan item, newest plan first, to link a problem to."""
    out: list[tuple[int, str]] = []
    for plan in plans.plans():
        for item in plans.items_of(plan):
            out.append((item.id, f"{plan.fiscal_year} · {item.seq}. {item.title}"))
    return out


class ProblemsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[problems.ProblemRow] = []
        self.year = QComboBox(self)
        self.state = QComboBox(self)
        fill_combo(self.state, [(k, _(v)) for k, v in problems.STATUSES], empty=_("ทุกสถานะ"))
        self.year.currentIndexChanged.connect(lambda _i: self.load())
        self.state.currentIndexChanged.connect(lambda _i: self.load())
        self.add_button = mnemonic(QPushButton(_("บันทึกปัญหา…"), self), "A")
        self.edit_button = QPushButton(_("แก้ไข…"), self)
        self.delete_button = QPushButton(_("ลบ"), self)
        self.print_button = mnemonic(QPushButton(_("พิมพ์ทะเบียน"), self), "P")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.print_button.clicked.connect(self.print_register)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("ปีงบประมาณ"), self))
        top.addWidget(self.year)
        top.addWidget(QLabel(_("สถานะ"), self))
        top.addWidget(self.state)
        top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button, self.print_button):
            top.addWidget(button)
        self.table = setup_table_widget(QTableWidget(0, len(COLUMNS), self), stretch=3)
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._selection_changed()
        self.reload()

    def reload(self) -> None:
        def show(years: list[int]) -> None:
            fill_combo(self.year, [(y, str(y)) for y in years], empty=_("ทุกปี"))
            self.load()

        self.ctx.run_in_background(problems.fiscal_years, show, owner=self)

    def load(self) -> None:
        year, status = self.year.currentData(), self.state.currentData()
        self.ctx.run_in_background(
            lambda: problems.problem_rows(year, status), self._show, owner=self
        )

    def _show(self, rows: list[problems.ProblemRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (
                date_short(row.reported_on),
                row.system,
                _(problems.CATEGORY_LABELS.get(row.category, row.category)),
                row.description,
                row.impact,
                row.proposed_solution,
                _(problems.STATUS_LABELS.get(row.status, row.status)),
                row.plan_item,
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self._selection_changed()

    def current(self) -> problems.ProblemRow | None:
        index = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.rows[index] if selected and 0 <= index < len(self.rows) else None

    def _selection_changed(self) -> None:
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def build_dialog(self, problem_id: int | None) -> ProblemDialog:
        problem = problems.get_problem(problem_id) if problem_id is not None else None
        dialog = ProblemDialog(self.ctx, problem, item_choices(), self)
        dialog.saved.connect(lambda _id: self.reload())
        return dialog

    def add(self) -> None:
        self.build_dialog(None).exec()

    def edit(self) -> None:
        row = self.current()
        if row is not None:
            self.build_dialog(row.id).exec()

    def delete(self) -> None:
        row = self.current()
        if row is None or not messages.confirm(
            self, _("ลบรายการปัญหา “{system}” หรือไม่").format(system=row.system), dangerous=True
        ):
            return
        user, problem_id, version = self.ctx.user, row.id, row.version
        self.ctx.run_in_background(
            lambda: problems.delete_problem(
                user, problems.get_problem(problem_id), expected_version=version
            ),
            lambda _none: self.reload(),
            owner=self,
        )

    def print_register(self) -> None:
        year = self.year.currentData()
        start, end = fiscal_year_bounds(int(year)) if year is not None else (None, None)
        print_register(self.ctx, self, "infrastructure-problems", start, end)

    # --- keyboard (the tab hands its commands to the page shown) ----------------------------

    def run_command(self, key: str) -> bool:
        handlers: dict[str, Callable[[], object]] = {
            "new": self.add,
            "edit": self.edit,
            "print": self.print_register,
            "refresh": self.reload,
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
