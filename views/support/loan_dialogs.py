"""Lending a replacement machine from the pool, recording its return, and a head's reason why a
requester needs none. Each dialog submits through the domain in the worker; a refusal marks the
fields and keeps what was typed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from models import clock, office
from models.i18n import _
from models.support import documents as support_documents
from models.support import loans, tickets
from views.widgets import messages
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.combos import fill_combo, select_data
from views.widgets.dialogs import SubmitDialog
from views.widgets.printing import print_in_background

if TYPE_CHECKING:
    from desktop.context import AppContext


@dataclass(frozen=True)
class LendDefaults:
    """What the lending form starts with (from the ticket, when lending for one)."""

    ticket_id: int | None = None
    ticket_number: str = ""
    borrower_name: str = ""
    unit_id: int | None = None
    due_back: dt.date | None = None
    loaner_id: int | None = None


@dataclass(frozen=True)
class LendChoices:
    pool: list[tuple[int, str]]
    units: list[tuple[int, str]]


def lend_choices() -> LendChoices:
    return LendChoices(
        pool=[(a.id, f"{a.number} {a.name}") for a in loans.pool()],
        units=[(u.id, str(u.name)) for u in office.units()],
    )


def ticket_lend_defaults(actor: Any, case_id: int) -> LendDefaults:
    details = tickets.ticket_details(actor, case_id)
    ticket = tickets.get_ticket(details.ticket_id)
    from models.engine import get_case

    case = get_case(case_id)
    due = case.due_on
    if details.estimate_days:
        from models import calendar

        due = calendar.add_working_days(clock.today(), max(1, details.estimate_days))
    return LendDefaults(
        ticket_id=ticket.id,
        ticket_number=case.number,
        borrower_name=ticket.requester_name,
        unit_id=ticket.unit_id,
        due_back=due,
    )


class LendDialog(SubmitDialog):
    def __init__(
        self,
        ctx: AppContext,
        choices: LendChoices,
        defaults: LendDefaults,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _("ให้ยืมเครื่องทดแทน"), _("ให้ยืม"), parent)
        self.defaults = defaults
        self.loan_id: int | None = None
        self.resize(560, 420)
        self.loaner = QComboBox(self)
        fill_combo(self.loaner, choices.pool, empty=_("— เลือกเครื่องจากกลุ่มเครื่องทดแทน —"))
        select_data(self.loaner, defaults.loaner_id)
        self.borrower = QLineEdit(defaults.borrower_name, self)
        self.position = QLineEdit(self)
        self.unit = QComboBox(self)
        fill_combo(self.unit, choices.units, empty=_("— ไม่ระบุ —"))
        select_data(self.unit, defaults.unit_id)
        self.due_back = BEDateEdit(defaults.due_back or clock.today(), parent=self)
        self.purpose = QLineEdit(self)
        if defaults.ticket_number:
            self.purpose.setText(
                _("ใช้แทนระหว่างซ่อมตามเรื่อง {number}").format(number=defaults.ticket_number)
            )
        self.condition = QPlainTextEdit(self)
        self.condition.setTabChangesFocus(True)
        self.condition.setMaximumHeight(70)
        self.condition.setPlaceholderText(_("เช่น สายชาร์จ เมาส์ กระเป๋า สภาพใช้งานได้ปกติ"))
        if defaults.ticket_number:
            self.body.addWidget(
                QLabel(_("เรื่องแจ้งซ่อม {number}").format(number=defaults.ticket_number), self)
            )
        form = self.add_form()
        form.addRow(_("เครื่องทดแทน *"), self.loaner)
        form.addRow(_("ผู้ยืม *"), self.borrower)
        form.addRow(_("ตำแหน่ง"), self.position)
        form.addRow(_("หน่วยงาน"), self.unit)
        form.addRow(_("กำหนดคืน *"), self.due_back)
        form.addRow(_("วัตถุประสงค์"), self.purpose)
        form.addRow(_("สภาพและอุปกรณ์ที่ส่งมอบ"), self.condition)
        if not choices.pool:
            note = QLabel(_("ไม่มีเครื่องในกลุ่มเครื่องทดแทนที่พร้อมให้ยืม"), self)
            note.setStyleSheet("color: #b71c1c;")
            form.addRow("", note)
        for name, widget in (
            ("loaner", self.loaner),
            ("borrower_name", self.borrower),
            ("due_back", self.due_back),
            ("lent_on", self.due_back),
        ):
            self.errors.add(name, widget)

    def values(self) -> dict[str, Any]:
        return {
            "loaner": self.loaner.currentData(),
            "borrower_name": self.borrower.text(),
            "borrower_position": self.position.text(),
            "borrower_unit": self.unit.currentData(),
            "due_back": self.due_back.value(),
            "purpose": self.purpose.text(),
            "condition_out": self.condition.toPlainText(),
        }

    def send(self) -> None:
        values = self.values()
        if values["loaner"] is None:
            self.refuse({"loaner": _("กรุณาเลือกเครื่องทดแทน")})
            return
        user, ticket_id = self.ctx.user, self.defaults.ticket_id

        def work() -> int:
            loaner = values.pop("loaner")
            return int(loans.lend(user, int(loaner), ticket=ticket_id, **values).id)

        self.save(work)

    def on_saved(self, result: Any) -> None:
        self.loan_id = int(result)


class ReturnDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, row: loans.LoanRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกรับคืนเครื่องทดแทน"), _("บันทึกรับคืน"), parent)
        self.row = row
        self.returned_on = BEDateEdit(clock.today(), parent=self)
        self.condition = QPlainTextEdit(self)
        self.condition.setTabChangesFocus(True)
        self.condition.setMaximumHeight(70)
        self.condition.setPlaceholderText(_("สภาพเครื่องและอุปกรณ์เมื่อรับคืน"))
        form = self.add_form()
        form.addRow(_("เครื่อง"), QLabel(f"{row.loaner_number} {row.loaner_name}", self))
        form.addRow(_("ผู้ยืม"), QLabel(row.borrower_name, self))
        form.addRow(_("วันที่รับคืน *"), self.returned_on)
        form.addRow(_("สภาพเมื่อรับคืน"), self.condition)
        self.errors.add("returned_on", self.returned_on)

    def send(self) -> None:
        user, loan_id, version = self.ctx.user, self.row.id, self.row.version
        day, condition = self.returned_on.value(), self.condition.toPlainText()

        def work() -> int:
            loan = loans.return_loan(
                user, loan_id, returned_on=day, condition_in=condition, expected_version=version
            )
            return int(loan.id)

        self.save(work)


class WaiverDialog(SubmitDialog):
    """A head records why the requester of a ticket needs no replacement machine."""

    def __init__(
        self, ctx: AppContext, ticket_id: int, number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("บันทึกเหตุผลที่ไม่ต้องให้ยืมเครื่องทดแทน"), _("บันทึก"), parent)
        self.ticket_id = ticket_id
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(_("เช่น ผู้ขอใช้เครื่องสำรองของหน่วยงานระหว่างซ่อม"))
        label = QLabel(_("เรื่อง {number}: เหตุผลที่ไม่ต้องให้ยืม *").format(number=number), self)
        label.setBuddy(self.reason)
        self.body.addWidget(label)
        self.body.addWidget(self.reason)
        self.errors.add("reason", self.reason)

    def send(self) -> None:
        user, ticket_id, reason = self.ctx.user, self.ticket_id, self.reason.toPlainText()
        self.save(lambda: tickets.waive_loaner(user, ticket_id, reason).id)


def print_loan_slip(ctx: AppContext, parent: QWidget, loan_id: int, *, returned: bool) -> None:
    """The hand-over slip of a loan, or its return slip."""
    user = ctx.user
    title = _("ใบรับคืนเครื่องทดแทน") if returned else _("ใบส่งมอบเครื่องทดแทน")

    def work() -> tuple[bytes, str]:
        if returned:
            return support_documents.return_slip(user, loan_id)
        return support_documents.handover_slip(user, loan_id)

    print_in_background(ctx, parent, work, title)


def offer_slip(ctx: AppContext, parent: QWidget, loan_id: int, *, returned: bool) -> None:
    """After lending or a return: print the slip now?"""
    question = _("พิมพ์ใบรับคืนเครื่องทดแทนเลยหรือไม่") if returned else _("พิมพ์ใบส่งมอบเครื่องทดแทนเลยหรือไม่")
    if messages.confirm(parent, question):
        print_loan_slip(ctx, parent, loan_id, returned=returned)
