"""The contract page: the contract's terms, its installments with the penalty so far, each
installment's deliveries, inspections and invoices, the performance security and the warranty;
with the dialogs to record a delivery, the committee's inspection, an invoice, its approval and
payment, the security and its return, and the printed forms F13, F14, F15.

``ContractWindow(ctx, contract_id, parent)`` shows it in a window (the vendor page and the
process tabs open it); ``ContractPage`` is the widget to embed. Every rule is in
``models.procurement``; the page only gathers input and shows the records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import clock, office, records
from models.i18n import N_, _
from models.org import COMMITTEE_ROLE_LABELS, CommitteeRole
from models.procurement import contracts, documents, execution
from models.procurement.contracts import Contract, Installment
from models.procurement.execution import INSPECTION_RESULT_LABELS, Delivery, Invoice
from models.procurement.methods import method_label
from reports.thaifmt import date_short, number
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.dialogs import SubmitDialog, dialog_buttons
from views.widgets.printing import print_in_background
from views.widgets.tables import setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext


def _money(value: Decimal) -> str:
    return number(value, decimals=2)


def _day(value: dt.date | None) -> str:
    return date_short(value) if value else ""


@dataclass
class ContractData:
    """Everything the page shows, read in the worker as plain values."""

    contract_id: int
    version: int
    heading: str
    terms: str
    penalty: str
    warning: bool
    security: str
    has_security: bool
    security_returned: bool
    warranty: str
    installments: list[list[Any]] = field(default_factory=list)  # id first
    deliveries: dict[int, list[list[Any]]] = field(default_factory=dict)  # installment id
    invoices: dict[int, list[list[Any]]] = field(default_factory=dict)
    members: list[tuple[str, str, str]] = field(default_factory=list)  # name, role, position


def load_contract(contract_id: int) -> ContractData:
    contract = records.get(Contract, contract_id)
    today = clock.today()
    summary = execution.contract_penalty(contract, as_of=today)
    security = contracts.security_of(contract)
    if security is None:
        security_text = _("ยังไม่ได้บันทึกหลักประกันสัญญา (ต้องไม่น้อยกว่า {amount} บาท)").format(
            amount=_money(contracts.required_security(contract))
        )
    else:
        security_text = _("{kind} {amount} บาท เลขที่ {number} หมดอายุ {expires}").format(
            kind=_(contracts.SECURITY_LABELS.get(security.instrument, security.instrument)),
            amount=_money(Decimal(security.amount)),
            number=security.number or "-",
            expires=_day(security.expires_on) or "-",
        )
        if security.returned_on:
            security_text += " " + _("คืนแล้วเมื่อ {day}").format(day=_day(security.returned_on))
        else:
            due = contracts.security_return_due(contract)
            if due:
                security_text += " " + _("ต้องคืนภายใน {day}").format(day=_day(due))
    if contract.warranty_starts_on:
        warranty = _("รับประกัน {months} เดือน ตั้งแต่ {start} ถึง {end}").format(
            months=contract.warranty_months,
            start=_day(contract.warranty_starts_on),
            end=_day(contract.warranty_ends_on),
        )
    else:
        warranty = _("รับประกัน {months} เดือน นับถัดจากวันที่ตรวจรับงานครบทุกงวด").format(
            months=contract.warranty_months
        )
    penalty = _("ค่าปรับถึงวันนี้ {amount} บาท (ร้อยละ {pct} ของราคาสัญญา)").format(
        amount=_money(summary.total), pct=summary.pct_of_price
    )
    if summary.warning:
        penalty += " " + _("เกินเกณฑ์ที่ต้องพิจารณาบอกเลิกสัญญาแล้ว")
    data = ContractData(
        contract_id=contract.id,
        version=contract.version,
        heading=_("สัญญาเลขที่ {number} {title} กับ {vendor}").format(
            number=contract.number, title=contract.title, vendor=contract.vendor.name
        ),
        terms=_(
            "ลงนาม {signed} ราคา {price} บาท {method} ค่าปรับร้อยละ {rate} ต่อวัน "
            "ขั้นต่ำวันละ {minimum} บาท นับ{days}"
        ).format(
            signed=_day(contract.signed_on),
            price=_money(Decimal(contract.price)),
            method=method_label(contract.method),
            rate=f"{Decimal(contract.penalty_rate_pct).normalize():f}",
            minimum=_money(Decimal(contract.penalty_min_per_day)),
            days=_("วันทำการ") if contract.penalty_working_days else _("วันตามปฏิทิน"),
        ),
        penalty=penalty,
        warning=summary.warning,
        security=security_text,
        has_security=security is not None,
        security_returned=bool(security and security.returned_on),
        warranty=warranty,
    )
    for i in contracts.installments(contract):
        result = summary.by_installment.get(i.id)
        data.installments.append(
            [
                i.id,
                str(i.seq),
                i.title,
                _day(i.due_on),
                _money(Decimal(i.amount)),
                _(contracts.INSTALLMENT_STATUS_LABELS.get(i.status, i.status)),
                _money(result.amount) if result else "",
            ]
        )
        rows: list[list[Any]] = []
        for d in execution.deliveries_of(i):
            inspections = list(d.inspections)
            last = inspections[-1] if inspections else None
            rows.append(
                [
                    d.id,
                    _day(d.brought_on),
                    d.letter_no,
                    _money(Decimal(d.value)),
                    _(INSPECTION_RESULT_LABELS[last.result]) if last else _("รอตรวจรับ"),
                    _money(Decimal(last.penalty)) if last else "",
                    last.id if last else None,
                ]
            )
        data.deliveries[i.id] = rows
        data.invoices[i.id] = [
            [
                inv.id,
                inv.invoice_no,
                _day(inv.received_on),
                _money(Decimal(inv.amount)),
                _money(Decimal(inv.penalty_deducted)),
                _day(inv.approved_on),
                _day(inv.paid_on),
            ]
            for inv in execution.invoices_of(i)
        ]
    committee = contract.inspection_committee
    for m in office.committee_members(committee) if committee is not None else []:
        data.members.append((m.full_name, m.role, m.position))
    return data


def _table(titles: list[str], stretch: int) -> QTableWidget:
    table = setup_table_widget(QTableWidget(0, len(titles)), stretch=stretch)
    table.setHorizontalHeaderLabels(titles)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]], shown: int | None = None) -> None:
    """Rows whose first value is the id (user data of the first cell); ``shown`` cells each."""
    table.setRowCount(len(rows))
    for r, (row_id, *cells) in enumerate(rows):
        for c, text in enumerate(cells[:shown] if shown else cells):
            item = QTableWidgetItem(str(text))
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, row_id)
            table.setItem(r, c, item)


def _selected_id(table: QTableWidget) -> int | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    return int(value) if value is not None else None


class ContractPage(QWidget):
    """``changed`` after anything was saved (a process tab re-reads its case)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, contract_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contract_id = contract_id
        self.data: ContractData | None = None
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.terms = QLabel(self)
        self.terms.setWordWrap(True)
        self.penalty = QLabel(self)
        self.penalty.setWordWrap(True)
        self.security = QLabel(self)
        self.security.setWordWrap(True)
        self.warranty = QLabel(self)
        self.installments = _table(
            [_("งวด"), _("รายการ"), _("ครบกำหนด"), _("จำนวนเงิน"), _("สถานะ"), _("ค่าปรับ")], 1
        )
        self.deliveries = _table(
            [_("วันที่นำมาส่ง"), _("หนังสือส่งมอบ"), _("มูลค่า"), _("ผลการตรวจรับ"), _("ค่าปรับ")],
            3,
        )
        self.invoices = _table(
            [
                _("ใบแจ้งหนี้"),
                _("วันที่รับ"),
                _("จำนวนเงิน"),
                _("หักค่าปรับ"),
                _("อนุมัติ"),
                _("จ่ายเงิน"),
            ],
            0,
        )
        self.installments.itemSelectionChanged.connect(self._show_installment)
        self.deliveries.itemSelectionChanged.connect(self._enable)
        self.invoices.itemSelectionChanged.connect(self._enable)
        self.delivery_button = QPushButton(_("บันทึกการส่งมอบ…"), self)
        self.inspect_button = QPushButton(_("บันทึกผลการตรวจรับ…"), self)
        self.invoice_button = QPushButton(_("บันทึกใบแจ้งหนี้…"), self)
        self.approve_button = QPushButton(_("อนุมัติเบิกจ่าย…"), self)
        self.pay_button = QPushButton(_("บันทึกการจ่ายเงิน…"), self)
        self.security_button = QPushButton(_("หลักประกันสัญญา…"), self)
        self.return_button = QPushButton(_("คืนหลักประกัน…"), self)
        self.f13_button = QPushButton(_("พิมพ์ใบตรวจรับ"), self)
        self.f14_button = QPushButton(_("พิมพ์รายงานผลการตรวจรับ"), self)
        self.f15_button = QPushButton(_("พิมพ์หนังสือแจ้งค่าปรับ"), self)
        for button, slot in (
            (self.delivery_button, self.add_delivery),
            (self.inspect_button, self.add_inspection),
            (self.invoice_button, self.add_invoice),
            (self.approve_button, self.approve_invoice),
            (self.pay_button, self.pay_invoice),
            (self.security_button, self.edit_security),
            (self.return_button, self.return_security),
            (self.f13_button, self.print_f13),
            (self.f14_button, self.print_f14),
            (self.f15_button, self.print_f15),
        ):
            button.clicked.connect(lambda _c=False, slot=slot: slot())
        layout = QVBoxLayout(self)
        for label in (self.heading, self.terms, self.penalty):
            layout.addWidget(label)
        plan = QGroupBox(_("งวดงาน"), self)
        plan_layout = QVBoxLayout(plan)
        plan_layout.addWidget(self.installments)
        layout.addWidget(plan, 2)
        lower = (
            QVBoxLayout()
        )  # one above the other: side by side they are wider than a laptop screen
        work = QGroupBox(_("การส่งมอบและการตรวจรับของงวดที่เลือก"), self)
        work_layout = QVBoxLayout(work)
        work_layout.addWidget(self.deliveries)
        row = QHBoxLayout()
        for button in (self.delivery_button, self.inspect_button, self.f13_button, self.f14_button):
            row.addWidget(button)
        row.addStretch(1)
        work_layout.addLayout(row)
        lower.addWidget(work, 3)
        money = QGroupBox(_("ใบแจ้งหนี้และการเบิกจ่าย"), self)
        money_layout = QVBoxLayout(money)
        money_layout.addWidget(self.invoices)
        row = QHBoxLayout()
        for button in (self.invoice_button, self.approve_button, self.pay_button, self.f15_button):
            row.addWidget(button)
        row.addStretch(1)
        money_layout.addLayout(row)
        lower.addWidget(money, 2)
        layout.addLayout(lower, 2)
        guarantee = QGroupBox(_("หลักประกันสัญญาและการรับประกัน"), self)
        guarantee_layout = QVBoxLayout(guarantee)
        guarantee_layout.addWidget(self.security)
        guarantee_layout.addWidget(self.warranty)
        row = QHBoxLayout()
        row.addWidget(self.security_button)
        row.addWidget(self.return_button)
        row.addStretch(1)
        guarantee_layout.addLayout(row)
        layout.addWidget(guarantee)
        self._enable()
        self.reload()

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        contract_id = self.contract_id
        self.ctx.run_in_background(lambda: load_contract(contract_id), self.show_data, owner=self)

    def show_data(self, data: ContractData) -> None:
        keep = self.installments.currentRow()
        self.data = data
        self.heading.setText(data.heading)
        self.terms.setText(data.terms)
        self.penalty.setText(data.penalty)
        self.penalty.setStyleSheet("color: #b71c1c;" if data.warning else "")
        self.security.setText(data.security)
        self.warranty.setText(data.warranty)
        _fill(self.installments, data.installments)
        if data.installments:
            self.installments.selectRow(max(0, min(keep, len(data.installments) - 1)))
        self._show_installment()

    def _show_installment(self) -> None:
        installment_id = self.installment_id()
        data = self.data
        if data is None or installment_id is None:
            _fill(self.deliveries, [])
            _fill(self.invoices, [])
        else:
            _fill(self.deliveries, data.deliveries.get(installment_id, []), shown=5)
            _fill(self.invoices, data.invoices.get(installment_id, []))
        self._enable()

    def installment_id(self) -> int | None:
        return _selected_id(self.installments)

    def delivery_row(self) -> list[Any] | None:
        data, installment_id = self.data, self.installment_id()
        row = self.deliveries.currentRow()
        if data is None or installment_id is None or row < 0:
            return None
        rows = data.deliveries.get(installment_id, [])
        return rows[row] if row < len(rows) else None

    def inspection_id(self) -> int | None:
        row = self.delivery_row()
        return int(row[6]) if row is not None and row[6] is not None else None

    def _enable(self) -> None:
        has_installment = self.installment_id() is not None
        delivery = self.delivery_row()
        for button in (self.delivery_button, self.invoice_button, self.f15_button):
            button.setEnabled(has_installment)
        self.inspect_button.setEnabled(delivery is not None and delivery[6] is None)
        self.f13_button.setEnabled(self.inspection_id() is not None)
        self.f14_button.setEnabled(self.inspection_id() is not None)
        invoice = _selected_id(self.invoices)
        self.approve_button.setEnabled(invoice is not None)
        self.pay_button.setEnabled(invoice is not None)
        data = self.data
        self.return_button.setEnabled(
            bool(data and data.has_security and not data.security_returned)
        )

    def _saved(self, _result: object = None) -> None:
        self.reload()
        self.changed.emit()

    def _open(self, dialog: SubmitDialog) -> SubmitDialog:
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    # --- actions ------------------------------------------------------------------------------

    def add_delivery(self) -> SubmitDialog | None:
        installment_id = self.installment_id()
        if installment_id is None:
            return None
        return self._open(DeliveryDialog(self.ctx, installment_id, self))

    def add_inspection(self) -> SubmitDialog | None:
        row = self.delivery_row()
        if row is None or self.data is None:
            return None
        return self._open(InspectionDialog(self.ctx, int(row[0]), self.data.members, self))

    def add_invoice(self) -> SubmitDialog | None:
        installment_id = self.installment_id()
        if installment_id is None:
            return None
        return self._open(InvoiceDialog(self.ctx, installment_id, self))

    def approve_invoice(self) -> SubmitDialog | None:
        invoice_id = _selected_id(self.invoices)
        if invoice_id is None:
            return None
        user = self.ctx.user

        def work(values: dict[str, Any]) -> int:
            invoice = records.get(Invoice, invoice_id)
            return execution.approve_invoice(
                user,
                invoice,
                approved_on=values["day"],
                penalty_deducted=values["amount"] or None,
            ).id

        return self._open(
            DateDialog(
                self.ctx,
                _("อนุมัติเบิกจ่าย"),
                _("วันที่อนุมัติเบิกจ่าย"),
                "approved_on",
                work,
                amount_label=_("ค่าปรับที่หักไว้ (บาท)"),
                amount_field="penalty_deducted",
                amount_hint=_("เว้นว่าง: หักค่าปรับของงวดตามที่คำนวณ"),
                parent=self,
            )
        )

    def pay_invoice(self) -> SubmitDialog | None:
        invoice_id = _selected_id(self.invoices)
        if invoice_id is None:
            return None
        user = self.ctx.user

        def work(values: dict[str, Any]) -> int:
            invoice = records.get(Invoice, invoice_id)
            return execution.pay_invoice(user, invoice, paid_on=values["day"]).id

        return self._open(
            DateDialog(self.ctx, _("บันทึกการจ่ายเงิน"), _("วันที่จ่ายเงิน"), "paid_on", work, parent=self)
        )

    def edit_security(self) -> SubmitDialog:
        return self._open(SecurityDialog(self.ctx, self.contract_id, self))

    def return_security(self) -> SubmitDialog | None:
        user, contract_id = self.ctx.user, self.contract_id

        def work(values: dict[str, Any]) -> int:
            security = contracts.security_of(records.get(Contract, contract_id))
            assert security is not None
            return contracts.return_security(user, security, returned_on=values["day"]).id

        return self._open(
            DateDialog(
                self.ctx, _("คืนหลักประกันสัญญา"), _("วันที่คืนหลักประกัน"), "returned_on", work, parent=self
            )
        )

    def print_f13(self) -> None:
        inspection_id, user = self.inspection_id(), self.ctx.user
        if inspection_id is not None:
            print_in_background(
                self.ctx,
                self,
                lambda: documents.inspection_record_pdf(user, inspection_id),
                _("ใบตรวจรับการจัดซื้อ/จัดจ้าง"),
            )

    def print_f14(self) -> None:
        inspection_id, user = self.inspection_id(), self.ctx.user
        if inspection_id is not None:
            print_in_background(
                self.ctx,
                self,
                lambda: documents.inspection_report_pdf(user, inspection_id),
                _("รายงานผลการตรวจรับพัสดุ"),
            )

    def print_f15(self) -> None:
        installment_id, user = self.installment_id(), self.ctx.user
        if installment_id is not None:
            print_in_background(
                self.ctx,
                self,
                lambda: documents.penalty_letter_pdf(user, installment_id),
                _("หนังสือแจ้งสงวนสิทธิ์เรียกค่าปรับ"),
            )


class ContractWindow(QDialog):
    def __init__(self, ctx: AppContext, contract_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("สัญญา"))
        self.resize(1000, 720)
        self.page = ContractPage(ctx, contract_id, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        box, ok, cancel = dialog_buttons(self, _("ปิด"))
        ok.clicked.connect(self.accept)
        cancel.setVisible(False)
        layout.addWidget(box)


# --- dialogs -----------------------------------------------------------------------------------


class DeliveryDialog(SubmitDialog):
    """The contractor's delivery letter and the day the work was brought; a value below what is
    still owed makes it a partial delivery."""

    def __init__(self, ctx: AppContext, installment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกการส่งมอบงาน"), _("บันทึก"), parent)
        self.installment_id = installment_id
        form = self.add_form()
        self.letter_no = QLineEdit(self)
        self.letter_date = BEDateEdit(clock.today(), parent=self)
        self.brought_on = BEDateEdit(clock.today(), parent=self)
        self.value = QLineEdit(self)
        self.value.setPlaceholderText(_("เว้นว่าง: ส่งมอบครบตามที่ค้าง"))
        for key, label, widget in (
            ("letter_no", N_("เลขที่หนังสือส่งมอบงาน"), self.letter_no),
            ("letter_date", N_("ลงวันที่"), self.letter_date),
            ("brought_on", N_("วันที่ผู้รับจ้างนำงานมาส่ง"), self.brought_on),
            ("value", N_("มูลค่างานที่ส่งมอบ (บาท)"), self.value),
        ):
            form.addRow(_(label), widget)
            self.errors.add(key, widget)

    def send(self) -> None:
        user, installment_id = self.ctx.user, self.installment_id
        values: dict[str, Any] = {
            "letter_no": self.letter_no.text(),
            "letter_date": self.letter_date.value(),
            "brought_on": self.brought_on.value(),
            "value": self.value.text().strip() or None,
        }
        self.save(
            lambda: (
                execution.record_delivery(
                    user, records.get(Installment, installment_id), **values
                ).id
            )
        )


class InspectionDialog(SubmitDialog):
    """Each member's result; the work is accepted only when every member accepts."""

    def __init__(
        self,
        ctx: AppContext,
        delivery_id: int,
        members: list[tuple[str, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _("บันทึกผลการตรวจรับ"), _("บันทึก"), parent)
        self.delivery_id = delivery_id
        form = self.add_form()
        self.inspected_on = BEDateEdit(clock.today(), parent=self)
        form.addRow(_("วันที่ตรวจรับ"), self.inspected_on)
        self.errors.add("inspected_on", self.inspected_on)
        self.votes: list[tuple[str, str, str, QCheckBox]] = []
        for name, role, position in members:
            try:
                role_text = _(COMMITTEE_ROLE_LABELS[CommitteeRole(role)])
            except ValueError:
                role_text = role
            box = QCheckBox(_("ตรวจรับ"), self)
            box.setChecked(True)
            form.addRow(f"{name} ({role_text})", box)
            self.votes.append((name, role, position, box))
        self.errors.add("votes", self.inspected_on)
        self.accepted_value = QLineEdit(self)
        self.accepted_value.setPlaceholderText(_("เว้นว่าง: ตรวจรับทั้งหมดที่ส่งมอบ"))
        form.addRow(_("มูลค่างานที่ตรวจรับ (บาท)"), self.accepted_value)
        self.errors.add("accepted_value", self.accepted_value)
        self.note = QLineEdit(self)
        form.addRow(_("หมายเหตุ"), self.note)

    def send(self) -> None:
        user, delivery_id = self.ctx.user, self.delivery_id
        votes = [
            {"member_name": n, "member_role": r, "member_position": p, "accepted": b.isChecked()}
            for n, r, p, b in self.votes
        ]
        day, note = self.inspected_on.value(), self.note.text()
        value = self.accepted_value.text().strip() or None
        self.save(
            lambda: (
                execution.inspect(
                    user,
                    records.get(Delivery, delivery_id),
                    inspected_on=day,
                    votes=votes,
                    accepted_value=value,
                    note=note,
                ).id
            )
        )


class InvoiceDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, installment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกใบแจ้งหนี้"), _("บันทึก"), parent)
        self.installment_id = installment_id
        form = self.add_form()
        self.invoice_no = QLineEdit(self)
        self.received_on = BEDateEdit(clock.today(), parent=self)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(_("เว้นว่าง: เท่ากับจำนวนเงินของงวด"))
        for key, label, widget in (
            ("invoice_no", N_("เลขที่ใบแจ้งหนี้ *"), self.invoice_no),
            ("received_on", N_("วันที่รับใบแจ้งหนี้"), self.received_on),
            ("amount", N_("จำนวนเงิน (บาท)"), self.amount),
        ):
            form.addRow(_(label), widget)
            self.errors.add(key, widget)

    def send(self) -> None:
        user, installment_id = self.ctx.user, self.installment_id
        values: dict[str, Any] = {
            "invoice_no": self.invoice_no.text(),
            "received_on": self.received_on.value(),
            "amount": self.amount.text().strip() or None,
        }
        self.save(
            lambda: (
                execution.record_invoice(
                    user, records.get(Installment, installment_id), **values
                ).id
            )
        )


class SecurityDialog(SubmitDialog):
    """หลักประกันสัญญา: kind, amount (blank: the required percentage), number, issuer, expiry."""

    def __init__(self, ctx: AppContext, contract_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("หลักประกันสัญญา"), _("บันทึก"), parent)
        self.contract_id = contract_id
        form = self.add_form()
        self.instrument = QComboBox(self)
        for value, label in contracts.SECURITY_LABELS.items():
            self.instrument.addItem(_(label), value)
        self.instrument.setCurrentIndex(self.instrument.findData("bank_guarantee"))
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(_("เว้นว่าง: ตามร้อยละที่ตั้งค่าไว้ของราคาสัญญา"))
        self.number = QLineEdit(self)
        self.issuer = QLineEdit(self)
        self.received_on = BEDateEdit(clock.today(), parent=self)
        self.expires_on = BEDateEdit(allow_empty=True, parent=self)
        for key, label, widget in (
            ("instrument", N_("ชนิดหลักประกัน"), self.instrument),
            ("amount", N_("จำนวนเงิน (บาท)"), self.amount),
            ("number", N_("เลขที่"), self.number),
            ("issuer", N_("ธนาคาร/ผู้ออก"), self.issuer),
            ("received_on", N_("วันที่รับ"), self.received_on),
            ("expires_on", N_("วันหมดอายุ"), self.expires_on),
        ):
            form.addRow(_(label), widget)
            self.errors.add(key, widget)

    def send(self) -> None:
        user, contract_id = self.ctx.user, self.contract_id
        values = {
            "instrument": self.instrument.currentData(),
            "amount": self.amount.text().strip() or None,
            "number": self.number.text(),
            "issuer": self.issuer.text(),
            "received_on": self.received_on.value(),
            "expires_on": self.expires_on.value(),
        }
        self.save(
            lambda: contracts.set_security(user, records.get(Contract, contract_id), **values).id
        )


class DateDialog(SubmitDialog):
    """One date (and optionally one amount) for a step: approve, pay, return the security."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        label: str,
        field: str,
        work: Any,
        *,
        amount_label: str = "",
        amount_field: str = "",
        amount_hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, title, _("บันทึก"), parent)
        self.work = work
        form = self.add_form()
        self.day = BEDateEdit(clock.today(), parent=self)
        form.addRow(label, self.day)
        self.errors.add(field, self.day)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(amount_hint)
        if amount_label:
            form.addRow(amount_label, self.amount)
            self.errors.add(amount_field, self.amount)
        else:
            self.amount.setVisible(False)

    def send(self) -> None:
        values = {"day": self.day.value(), "amount": self.amount.text().strip()}
        work = self.work
        self.save(lambda: work(values))
