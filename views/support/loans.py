"""Replacement machines: the pool (ready and out on loan) and the loan log (filtered and paged in
SQL), lending, the return, the slips and the loaner register."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.i18n import N_, _
from models.permissions import Permission
from models.support import loans
from models.support.assets import STATUS_LABELS, AssetStatus
from models.support.loans import LOAN_STATE_LABELS, LoanFilter, LoanRow, LoanState
from reports.thaifmt import date_short
from views.support.loan_dialogs import (
    LendDefaults,
    LendDialog,
    ReturnDialog,
    lend_choices,
    offer_slip,
    print_loan_slip,
)
from views.widgets import messages
from views.widgets.commands import mnemonic, run_list_command
from views.widgets.filter_bar import ComboFilter, FilterBar
from views.widgets.flow import FlowRow
from views.widgets.paged_table import Column, PagedTableView
from views.widgets.printing import ask_and_print_register
from views.widgets.splitters import RememberedSplitter
from views.widgets.tables import setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext

LOAN_COLUMNS = [
    Column("loaner_number", N_("เลขครุภัณฑ์"), sort_key="loaner", width=150),
    Column("loaner_name", N_("เครื่องทดแทน"), sort_key=None, width=200),
    Column("borrower_name", N_("ผู้ยืม"), sort_key="borrower", width=170),
    Column("borrower_unit", N_("หน่วยงาน"), sort_key=None, width=160),
    Column("ticket_number", N_("เรื่องแจ้งซ่อม"), sort_key=None, width=95),
    Column("lent_on", N_("วันที่ยืม"), width=95),
    Column("due_back", N_("กำหนดคืน"), width=95),
    Column("returned_on", N_("วันที่คืน"), width=95),
    Column("state_label", N_("สถานะ"), sort_key=None, width=130),
]
STATE_CHOICES = [
    ("open", N_("ยังไม่คืน")),
    (LoanState.OVERDUE, LOAN_STATE_LABELS[LoanState.OVERDUE]),
    (LoanState.RETURNED, LOAN_STATE_LABELS[LoanState.RETURNED]),
    (LoanState.RETURNED_LATE, LOAN_STATE_LABELS[LoanState.RETURNED_LATE]),
]


def fetch_loans(filters: Any, sort_key: str, descending: bool, offset: int, limit: int) -> Any:
    values = filters or {}
    return loans.loan_page(
        LoanFilter(
            text=str(values.get("text") or ""),
            state=values.get("state") or "",
            start=values.get("date_from"),
            end=values.get("date_to"),
        ),
        sort_key,
        descending,
        offset,
        limit,
    )


@dataclass(frozen=True)
class PoolRow:
    id: int
    number: str
    name: str
    status: str
    borrower: str
    due_back: dt.date | None


def pool_rows() -> list[PoolRow]:
    out = []
    open_loans = {row.loaner_id: row for row in loans.loan_rows(LoanFilter(state="open"))}
    for asset in loans.pool(include_out=True):
        loan = open_loans.get(asset.id)
        out.append(
            PoolRow(
                asset.id,
                asset.number,
                asset.name,
                asset.status,
                loan.borrower_name if loan else "",
                loan.due_back if loan else None,
            )
        )
    return out


class LoansView(QWidget):
    open_ticket = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pool: list[PoolRow] = []
        self.pool_table = QTableWidget(0, 4, self)
        self.pool_table.setHorizontalHeaderLabels(
            [_("เลขครุภัณฑ์"), _("เครื่อง"), _("สถานะ"), _("ยืมโดย / กำหนดคืน")]
        )
        setup_table_widget(self.pool_table, stretch=1)
        self.bar = FilterBar(
            combos=[ComboFilter("state", N_("สถานะ"), STATE_CHOICES)],
            search_placeholder=N_("ค้นหาเลขครุภัณฑ์ ผู้ยืม หรือหน่วยงาน"),
            parent=self,
        )
        self.table = PagedTableView(
            ctx,
            fetch_loans,
            LOAN_COLUMNS,
            filters=self.bar.filters(),
            sort_key="lent_on",
            descending=True,
            empty_text=_("ยังไม่มีการยืมตามเงื่อนไขนี้"),
            parent=self,
        )
        self.bar.filters_changed.connect(self.table.set_filters)
        self.table.activated_row.connect(self._activated)
        self.lend_button = mnemonic(QPushButton(_("ให้ยืม…"), self), "L")
        self.return_button = mnemonic(QPushButton(_("บันทึกรับคืน…"), self), "U")
        self.slip_button = mnemonic(QPushButton(_("พิมพ์ใบส่งมอบ"), self), "H")
        self.return_slip_button = mnemonic(QPushButton(_("พิมพ์ใบรับคืน"), self), "S")
        self.register_button = mnemonic(QPushButton(_("พิมพ์ทะเบียนการยืม…"), self), "G")
        self.lend_button.clicked.connect(self.lend)
        self.return_button.clicked.connect(self.return_loan)
        self.slip_button.clicked.connect(lambda: self.print_slip(returned=False))
        self.return_slip_button.clicked.connect(lambda: self.print_slip(returned=True))
        self.register_button.clicked.connect(self.print_register)
        works = ctx.can(Permission.WORK_CASES)
        self.lend_button.setVisible(works)
        self.return_button.setVisible(works)
        head = FlowRow(self)
        for button in (
            self.lend_button,
            self.return_button,
            self.slip_button,
            self.return_slip_button,
            self.register_button,
        ):
            head.add(button)
        pool_label = QLabel(_("กลุ่มเครื่องทดแทน"), self)
        pool_label.setBuddy(self.pool_table)
        splitter = RememberedSplitter("support.loans", Qt.Orientation.Vertical, (1, 2), self)
        splitter.add_pane(pool_label, self.pool_table)
        splitter.add_pane(QLabel(_("ทะเบียนการยืม"), self), self.bar, self.table)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(head)
        layout.addWidget(splitter, 1)
        self.reload()

    def run_command(self, key: str) -> bool:
        return run_list_command(
            key,
            search=self.bar.search,
            table=self.table,
            handlers={"print": self.print_register, "refresh": self.reload},
        )

    def focus_target(self) -> QWidget:
        return self.table.table

    def reload(self, select_id: int | None = None) -> None:
        self.ctx.run_in_background(pool_rows, self._show_pool, owner=self)
        self.table.reload(select_id=select_id)

    def _show_pool(self, rows: list[PoolRow]) -> None:
        self.pool = rows
        self.pool_table.setRowCount(len(rows))
        today = clock.today()
        for index, row in enumerate(rows):
            late = row.due_back is not None and row.due_back < today
            out = f"{row.borrower} / {date_short(row.due_back)}" if row.due_back is not None else ""
            cells = [row.number, row.name, _(STATUS_LABELS.get(row.status, row.status)), out]
            colour = (
                "#fde2e1"
                if late
                else ("#e3f4e5" if row.status == AssetStatus.LOANER_POOL else "#fff3cd")
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setBackground(QBrush(QColor(colour)))
                self.pool_table.setItem(index, column, item)
        self.pool_table.resizeColumnsToContents()

    def _activated(self, row: LoanRow) -> None:
        if row.ticket_id is not None:
            from models.support import tickets

            self.ctx.run_in_background(
                lambda: tickets.get_ticket(int(row.ticket_id or 0)).case_id,
                lambda case_id: self.open_ticket.emit(int(case_id)),
                owner=self,
            )

    # --- actions --------------------------------------------------------------------------

    def lend(self) -> None:
        chosen = self.pool_table.currentRow()
        loaner_id = (
            self.pool[chosen].id
            if 0 <= chosen < len(self.pool) and self.pool[chosen].status == AssetStatus.LOANER_POOL
            else None
        )
        self.ctx.run_in_background(
            lend_choices,
            lambda choices: self._lend(choices, LendDefaults(loaner_id=loaner_id)),
            owner=self,
        )

    def _lend(self, choices: Any, defaults: LendDefaults) -> None:
        self.build_lend(choices, defaults).exec()

    def build_lend(self, choices: Any, defaults: LendDefaults) -> LendDialog:
        dialog = LendDialog(self.ctx, choices, defaults, self)
        dialog.accepted.connect(lambda: self._after(dialog.loan_id, returned=False))
        return dialog

    def return_loan(self) -> None:
        row = self.table.current_row()
        if row is None or row.returned_on is not None:
            messages.info(self, _("กรุณาเลือกรายการยืมที่ยังไม่คืนในทะเบียนการยืม"))
            return
        self.build_return(row).exec()

    def build_return(self, row: LoanRow) -> ReturnDialog:
        dialog = ReturnDialog(self.ctx, row, self)
        dialog.accepted.connect(lambda: self._after(row.id, returned=True))
        return dialog

    def _after(self, loan_id: int | None, *, returned: bool) -> None:
        self.reload(select_id=loan_id)
        if loan_id is not None:
            offer_slip(self.ctx, self, loan_id, returned=returned)

    def print_slip(self, *, returned: bool) -> None:
        row = self.table.current_row()
        if row is None:
            messages.info(self, _("กรุณาเลือกรายการในทะเบียนการยืมก่อน"))
            return
        if returned and row.returned_on is None:
            messages.info(self, _("ยังไม่ได้บันทึกการรับคืนเครื่องนี้"))
            return
        print_loan_slip(self.ctx, self, row.id, returned=returned)

    def print_register(self) -> None:
        ask_and_print_register(self.ctx, self, "loans", self.bar.period_bounds(), allow_all=True)
