"""Repair tickets: the shared process tab (registration, the moves, the timeline, printing) over the
ticket list of ``models.support.tickets`` (asset, category and loaner columns; filters by category and
unit), with a loaner box under the case: lend a replacement machine, record its return, a head's
reason why none is needed, the slips, and a link to the asset's history."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from models import office
from models.i18n import N_, _
from models.permissions import Permission, Role, role_of
from models.support import loans, tickets
from models.support.tickets import TicketFilter
from reports.thaifmt import date_short
from views.support.loan_dialogs import (
    LendDialog,
    ReturnDialog,
    WaiverDialog,
    lend_choices,
    offer_slip,
    print_loan_slip,
    ticket_lend_defaults,
)
from views.widgets.cases import (
    DUE_COLUMN,
    NUMBER_COLUMN,
    RECEIVED_COLUMN,
    STATE_COLUMN,
    STEP_COLUMN,
    ProcessTab,
    to_case_filter,
)
from views.widgets.commands import mnemonic
from views.widgets.filter_bar import ComboFilter
from views.widgets.flow import FlowRow
from views.widgets.paged_table import Column

if TYPE_CHECKING:
    from desktop.context import AppContext


TICKET_COLUMNS = [
    NUMBER_COLUMN,
    Column("title", N_("เรื่อง/อาการ"), width=200, stretch=True),
    Column("requester", N_("ผู้แจ้ง"), width=150),
    Column("asset_number", N_("ครุภัณฑ์"), sort_key="asset", width=130),
    Column("category", N_("ประเภทปัญหา"), sort_key="category", width=130),
    STEP_COLUMN,
    Column("assignee", N_("ผู้รับผิดชอบ"), sort_key="holder", width=130),
    RECEIVED_COLUMN,
    DUE_COLUMN,
    Column("loaner", N_("เครื่องทดแทน"), sort_key=None, width=120),
    STATE_COLUMN,
]


def ticket_filter(values: dict[str, Any]) -> TicketFilter:
    return TicketFilter(
        case=to_case_filter(values),
        category_id=values.get("category"),
        unit_id=values.get("unit"),
    )


def list_options(ctx: AppContext) -> dict[str, Any]:
    user = ctx.user

    def fetch(filters: Any, sort_key: str, descending: bool, offset: int, limit: int) -> Any:
        return tickets.ticket_page(
            user, ticket_filter(filters or {}), sort_key, descending, offset, limit
        )

    return {
        "columns": TICKET_COLUMNS,
        "fetch": fetch,
        "combos": [
            ComboFilter("category", N_("ประเภทปัญหา"), []),
            ComboFilter("unit", N_("หน่วยงาน"), []),
        ],
        "search_placeholder": N_("ค้นหาเลขที่ เรื่อง ผู้แจ้ง เลขครุภัณฑ์ หรือหมายเลขเครื่อง"),
    }


@dataclass(frozen=True)
class LoanerState:
    details: tickets.TicketDetails
    active_loan: loans.LoanRow | None
    returned_loan: loans.LoanRow | None


def loaner_state(actor: Any, case_id: int) -> LoanerState:
    details = tickets.ticket_details(actor, case_id)
    active = next((row for row in details.loans if row.returned_on is None), None)
    returned = next((row for row in reversed(details.loans) if row.returned_on), None)
    return LoanerState(details, active, returned)


class LoanerBox(QGroupBox):
    """The ticket's asset and replacement machine, with what can be done about them now."""

    open_asset = Signal(int)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("ครุภัณฑ์และเครื่องทดแทน"), parent)
        self.ctx = ctx
        self.case_id: int | None = None
        self.state: LoanerState | None = None
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.lend_button = mnemonic(QPushButton(_("ให้ยืมเครื่องทดแทน…"), self), "L")
        self.return_button = mnemonic(QPushButton(_("บันทึกรับคืน…"), self), "U")
        self.waive_button = mnemonic(QPushButton(_("บันทึกเหตุผลที่ไม่ต้องให้ยืม…"), self), "W")
        self.asset_button = mnemonic(QPushButton(_("ประวัติครุภัณฑ์"), self), "Y")
        self.slip_button = mnemonic(QPushButton(_("ใบส่งมอบ"), self), "H")
        self.return_slip_button = mnemonic(QPushButton(_("ใบรับคืน"), self), "S")
        self.lend_button.clicked.connect(self.lend)
        self.return_button.clicked.connect(self.return_loan)
        self.waive_button.clicked.connect(self.waive)
        self.asset_button.clicked.connect(self._open_asset)
        self.slip_button.clicked.connect(lambda: self._slip(returned=False))
        self.return_slip_button.clicked.connect(lambda: self._slip(returned=True))
        row = FlowRow(self)
        for button in (
            self.lend_button,
            self.return_button,
            self.waive_button,
            self.slip_button,
            self.return_slip_button,
            self.asset_button,
        ):
            row.add(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(row)
        self.setVisible(False)

    def show_ticket(self, case_id: int | None) -> None:
        self.case_id = case_id
        if case_id is None:
            self.setVisible(False)
            return
        self.reload()

    def reload(self) -> None:
        case_id, user = self.case_id, self.ctx.user
        if case_id is None:
            return
        self.ctx.run_in_background(lambda: loaner_state(user, case_id), self._show, owner=self)

    def _show(self, state: LoanerState) -> None:
        if state.details.case_id != self.case_id:
            return
        self.state = state
        d = state.details
        lines = [
            _("ครุภัณฑ์: {asset}").format(asset=html.escape(d.asset_text or _("ไม่ระบุ"))),
            _("ประเภทปัญหา: {category} (ดำเนินการภายใน {days} วันทำการ)").format(
                category=html.escape(d.category), days=d.deadline_days or "-"
            ),
            _("ประมาณเวลาซ่อม: {days}").format(
                days=_("{n} วันทำการ").format(n=d.estimate_days)
                if d.estimate_days is not None
                else _("ยังไม่ประเมิน")
            ),
        ]
        if state.active_loan is not None:
            loan = state.active_loan
            lines.append(
                "<b>"
                + _("เครื่องทดแทน: {number} {name} ยืมโดย {who} กำหนดคืน {due}").format(
                    number=html.escape(loan.loaner_number),
                    name=html.escape(loan.loaner_name),
                    who=html.escape(loan.borrower_name),
                    due=date_short(loan.due_back),
                )
                + "</b>"
                + (
                    " — " + html.escape(loan.state_label)
                    if loan.state == loans.LoanState.OVERDUE
                    else ""
                )
            )
        elif state.returned_loan is not None:
            lines.append(
                _("คืนเครื่องทดแทน {number} แล้วเมื่อ {day}").format(
                    number=html.escape(state.returned_loan.loaner_number),
                    day=date_short(state.returned_loan.returned_on)
                    if state.returned_loan.returned_on
                    else "-",
                )
            )
        if d.loaner_waiver:
            lines.append(
                _("ไม่ต้องให้ยืมเครื่องทดแทน: {reason}").format(reason=html.escape(d.loaner_waiver))
            )
        if d.loaner_needed:
            lines.append(
                "<span style='color:#b71c1c'><b>"
                + _(
                    "ประมาณเวลาซ่อมเกิน 1 วันทำการ: ต้องให้ยืมเครื่องทดแทน "
                    "หรือให้หัวหน้าบันทึกเหตุผล ก่อนดำเนินการต่อ"
                )
                + "</b></span>"
            )
        self.info.setText("<br>".join(lines))
        is_head = role_of(self.ctx.user) in {Role.HEAD, Role.GROUP_HEAD}
        works = self.ctx.can(Permission.WORK_CASES)
        self.lend_button.setVisible(d.is_open and state.active_loan is None and works)
        self.return_button.setVisible(state.active_loan is not None and works)
        self.waive_button.setVisible(
            d.is_open and is_head and not d.loaner_waiver and state.active_loan is None
        )
        self.slip_button.setVisible(bool(d.loans))
        self.return_slip_button.setVisible(state.returned_loan is not None)
        self.asset_button.setVisible(d.asset_id is not None)
        self.setVisible(True)

    # --- actions --------------------------------------------------------------------------

    def lend(self) -> None:
        case_id, user = self.case_id, self.ctx.user
        if case_id is None:
            return
        self.ctx.run_in_background(
            lambda: (lend_choices(), ticket_lend_defaults(user, case_id)),
            lambda result: self._lend(*result),
            owner=self,
        )

    def _lend(self, choices: Any, defaults: Any) -> None:
        dialog = self.build_lend(choices, defaults)
        dialog.exec()

    def build_lend(self, choices: Any, defaults: Any) -> LendDialog:
        dialog = LendDialog(self.ctx, choices, defaults, self)
        dialog.accepted.connect(lambda: self._after_loan(dialog.loan_id, returned=False))
        return dialog

    def return_loan(self) -> None:
        if self.state is None or self.state.active_loan is None:
            return
        dialog = self.build_return(self.state.active_loan)
        dialog.exec()

    def build_return(self, row: loans.LoanRow) -> ReturnDialog:
        dialog = ReturnDialog(self.ctx, row, self)
        dialog.accepted.connect(lambda: self._after_loan(row.id, returned=True))
        return dialog

    def _after_loan(self, loan_id: int | None, *, returned: bool) -> None:
        self.changed.emit()
        self.reload()
        if loan_id is not None:
            offer_slip(self.ctx, self, loan_id, returned=returned)

    def waive(self) -> None:
        if self.state is None:
            return
        dialog = self.build_waiver()
        dialog.exec()

    def build_waiver(self) -> WaiverDialog:
        assert self.state is not None
        d = self.state.details
        dialog = WaiverDialog(self.ctx, d.ticket_id, d.number, self)
        dialog.accepted.connect(self._waived)
        return dialog

    def _waived(self) -> None:
        self.changed.emit()
        self.reload()

    def _slip(self, *, returned: bool) -> None:
        if self.state is None:
            return
        row = (
            self.state.returned_loan
            if returned
            else (self.state.active_loan or self.state.returned_loan)
        )
        if row is None and self.state.details.loans:
            row = self.state.details.loans[-1]
        if row is None:
            return
        print_loan_slip(self.ctx, self, row.id, returned=returned)

    def _open_asset(self) -> None:
        if self.state is not None and self.state.details.asset_id is not None:
            self.open_asset.emit(self.state.details.asset_id)


class TicketsTab(ProcessTab):
    """The process tab of repair tickets, with the loaner box under the selected ticket."""

    open_asset = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            tickets.PROCESS_KEY,
            register_name="service-problems",
            list_options=list_options(ctx),
            commands=False,  # the support tab's commands reach it through run_command
            parent=parent,
        )
        self.loaner_box = LoanerBox(ctx, self)
        body = self.panel.body.layout()
        assert isinstance(body, QVBoxLayout)
        body.insertWidget(4, self.loaner_box)
        self.list.case_selected.connect(self.loaner_box.show_ticket)
        self.panel.changed.connect(lambda _id: self.loaner_box.reload())
        self.loaner_box.changed.connect(self._loaner_changed)
        self.loaner_box.open_asset.connect(self.open_asset.emit)
        self._load_choices()

    def _load_choices(self) -> None:
        def load() -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
            return (
                [(c.id, str(c.name)) for c in tickets.categories(active_only=False)],
                [(u.id, str(u.name)) for u in office.units()],
            )

        def show(result: tuple[list[tuple[int, str]], list[tuple[int, str]]]) -> None:
            self.list.bar.set_choices("category", result[0])
            self.list.bar.set_choices("unit", result[1])

        self.ctx.run_in_background(load, show, owner=self)

    def show_case(self, case_id: int) -> None:
        super().show_case(case_id)
        self.loaner_box.show_ticket(case_id)

    def _loaner_changed(self) -> None:
        self.panel.reload()
        if self.panel.case_id is not None:
            self.list.reload(select_id=self.panel.case_id)

    def focus_search(self) -> None:
        search = self.list.bar.search
        if search is not None:
            search.setFocus()
            search.selectAll()
