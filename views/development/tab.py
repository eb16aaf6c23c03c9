"""The tab "การพัฒนาระบบสารสนเทศ" (process 5): the projects (the engine's case list and case view,
with the project's own records and its procurement records below), and the training register on
screen with its print-out and .xlsx export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.development.process import remove_quotation
from models.development.records import KEY
from models.i18n import _
from views.development.records_panel import DevRecordsPanel
from views.procurement.case_panel import ProcurementPanel
from views.registry import OpenRequest
from views.widgets.cases import ProcessTab
from views.widgets.commands import CommandSet
from views.widgets.printing import ask_and_print_register
from views.widgets.tables import setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext

TAB_COMMANDS = ("new", "find", "edit", "print", "refresh", "next", "previous", "pane")
PROJECT_REGISTER = "development-projects"
TRAINING_REGISTER = "trainings"


class ProjectsPage(ProcessTab):
    """The engine's process tab; beside the list, the project in three pages of full height:
    the case (its steps and moves), its own records, and its procurement records (quotations,
    the contract and what follows it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, KEY, register_name=PROJECT_REGISTER, commands=False, parent=parent)
        self.details = QTabWidget(self)
        index = self.splitter.indexOf(self.panel)
        self.records = DevRecordsPanel(ctx, self.details)
        self.procurement = ProcurementPanel(
            ctx,
            self.details,
            remove_quotation=remove_quotation,
            quote_title=_("ใบเสนอราคา (ขั้นที่ 11)"),
            contract_title=_("สัญญา การตรวจรับ และการเบิกจ่าย (ขั้นที่ 13-17)"),
        )
        self.details.addTab(self.panel, _("เรื่องและขั้นตอน"))
        self.details.addTab(self.records, _("ข้อมูลโครงการ"))
        scroll = QScrollArea(self.details)  # the contract's page is taller than a laptop screen
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.procurement)
        self.details.addTab(scroll, _("ใบเสนอราคาและสัญญา"))
        self.splitter.insertWidget(index, self.details)
        self.splitter.ratio = [2, 3]  # the project's pages need the room more than the list
        for records_panel in (self.records, self.procurement):
            self.list.case_selected.connect(records_panel.show_case)
            records_panel.changed.connect(self.panel.reload)
        self.panel.changed.connect(lambda _case_id: self.records.reload())
        self.panel.changed.connect(lambda _case_id: self.procurement.reload())

    def show_case(self, case_id: int) -> None:
        super().show_case(case_id)
        self.records.show_case(case_id)
        self.procurement.show_case(case_id)


class TrainingRegisterPage(QWidget):
    """ทะเบียนการอบรม on screen: every session, its attendance against the invited and whether the
    signed sheet is kept; printed and exported with the same columns."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from models.registers import get_register

        super().__init__(parent)
        self.ctx = ctx
        self.definition = get_register(TRAINING_REGISTER)
        titles = [_(c.title) for c in self.definition.columns]
        self.table = setup_table_widget(QTableWidget(0, len(titles), self), stretch=1)
        self.table.setHorizontalHeaderLabels(titles)
        self.table.setSortingEnabled(True)
        self.print_button = QPushButton(_("พิมพ์ทะเบียน…"), self)
        self.export_button = QPushButton(_("ส่งออก Excel…"), self)
        self.print_button.clicked.connect(self.print_register)
        self.export_button.clicked.connect(lambda _checked=False: self.export())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.rows: list[dict[str, str]] = []
        self.refresh()

    def refresh(self) -> None:
        rows_of = self.definition.rows
        self.ctx.run_in_background(lambda: list(rows_of(None, None)), self._loaded, owner=self)

    def _loaded(self, rows: list[dict[str, str]]) -> None:
        self.rows = rows
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, column in enumerate(self.definition.columns):
                self.table.setItem(r, c, QTableWidgetItem(row.get(column.key, "")))
        self.table.setSortingEnabled(True)

    def print_register(self) -> None:
        ask_and_print_register(self.ctx, self, TRAINING_REGISTER, allow_all=True)

    def export(self, path: Path | None = None) -> None:
        from models.procurement.registers import export_register

        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                _("ส่งออกทะเบียนการอบรม"),
                f"ทะเบียนการอบรม_{dt.date.today().isoformat()}.xlsx",
                _("สมุดงาน Excel (*.xlsx)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        user, target = self.ctx.user, path
        self.ctx.run_in_background(
            lambda: export_register(user, TRAINING_REGISTER, target), lambda _n: None, owner=self
        )


class DevelopmentTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages = QTabWidget(self)
        self.projects = ProjectsPage(ctx, self)
        self.pages.addTab(self.projects, _("โครงการ"))
        self.trainings: TrainingRegisterPage | None = None
        self._training_holder = QWidget(self)
        QVBoxLayout(self._training_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addTab(self._training_holder, _("ทะเบียนการอบรม"))
        self.vendors: QWidget | None = None
        self._vendor_holder = QWidget(self)
        QVBoxLayout(self._vendor_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addTab(self._vendor_holder, _("ผู้ประกอบการ"))
        self.pages.currentChanged.connect(self._page_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.commands = CommandSet(self, TAB_COMMANDS, self.run_command)

    def training_page(self) -> TrainingRegisterPage:
        if self.trainings is None:
            self.trainings = TrainingRegisterPage(self.ctx, self._training_holder)
            holder_layout = self._training_holder.layout()
            assert holder_layout is not None
            holder_layout.addWidget(self.trainings)
        return self.trainings

    def vendor_page(self) -> QWidget:
        """The vendor register (``views.procurement``), shared with process 4."""
        if self.vendors is None:
            from views.procurement.vendors import VendorsPage

            self.vendors = VendorsPage(self.ctx, self._vendor_holder)
            holder_layout = self._vendor_holder.layout()
            assert holder_layout is not None
            holder_layout.addWidget(self.vendors)
        return self.vendors

    def _page_shown(self, _index: int) -> None:
        if self.pages.currentWidget() is self._vendor_holder:
            self.vendor_page()
        if self.pages.currentWidget() is self._training_holder:
            fresh = self.trainings is None
            page = self.training_page()
            if not fresh:
                page.refresh()

    def open_request(self, request: OpenRequest) -> None:
        if request.kind == "case" and request.id is not None:
            self.pages.setCurrentWidget(self.projects)
            self.projects.show_case(int(request.id))

    def run_command(self, key: str) -> bool:
        if self.pages.currentWidget() is self.projects:
            return self.projects.run_command(key)
        return False

    def focus_target(self) -> QWidget | None:
        target = getattr(self.projects, "focus_target", None)
        return (
            target() if callable(target) and self.pages.currentWidget() is self.projects else None
        )
