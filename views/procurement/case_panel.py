"""A procurement project's records beside its case view (process 4's steps 3, 7 and 8; process
5's steps 11-17): the quotations and their comparison, the contract with its installments
(delivery, inspection, penalty so far, invoices) and the incidents. Every record is kept by ``models.procurement`` (owned by the
project's case); this panel only gathers the inputs and calls its domain functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.base import Actor
from models.i18n import N_, _
from models.org import Committee, CommitteeKind
from models.procurement import contracts, incidents, quotations, vendors
from reports.thaifmt import date_short, datetime_short, number, parse_be_date
from views.procurement.contract_page import ContractPage
from views.widgets import messages
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.combos import fill_combo
from views.widgets.dialogs import SubmitDialog
from views.widgets.tables import setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext


@dataclass(frozen=True)
class ContractSummary:
    id: int
    number: str
    signed_on: dt.date
    vendor: str
    price: Decimal
    inspection_committee_id: int | None


@dataclass(frozen=True)
class IncidentSummary:
    id: int
    system: str
    down_since: dt.datetime
    restored: bool


@dataclass
class ProjectRecords:
    """What the panel shows for one case (read in the worker)."""

    case_id: int
    quotations: list[dict[str, Any]] = field(default_factory=list)
    quotation_ids: list[int] = field(default_factory=list)
    contract: ContractSummary | None = None
    incidents: list[IncidentSummary] = field(default_factory=list)


def load_records(case_id: int) -> ProjectRecords:
    found = ProjectRecords(case_id, quotations=quotations.comparison_rows(case_id))
    # comparison_rows keeps quotations_of_case's order (cheapest first): pair them with the ids
    found.quotation_ids = [q.id for q in quotations.quotations_of_case(case_id)]
    active = [
        c
        for c in contracts.contracts_of_case(case_id)
        if c.status != contracts.ContractStatus.TERMINATED
    ]
    if active:
        contract = active[-1]
        found.contract = ContractSummary(
            id=contract.id,
            number=str(contract.number),
            signed_on=contract.signed_on,
            vendor=str(contract.vendor.name),
            price=Decimal(contract.price),
            inspection_committee_id=contract.__data__.get("inspection_committee"),
        )
        found.incidents = [
            IncidentSummary(i.id, str(i.system), i.down_since, i.restored_at is not None)
            for i in incidents.incidents_of_contract(contract)
        ]
    return found


def _table(parent: QWidget, titles: list[str], stretch: int) -> QTableWidget:
    table = setup_table_widget(QTableWidget(0, len(titles), parent), stretch=stretch)
    table.setHorizontalHeaderLabels(titles)
    return table


def _set_rows(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))


def _money(value: Decimal) -> str:
    return number(value, decimals=2)


class ProcurementPanel(QWidget):
    """``changed`` after any record was saved (the case view re-reads its moves and guards)."""

    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        remove_quotation: Callable[[Actor | None, int, int], None],
        quote_title: str = "",
        contract_title: str = "",
    ) -> None:
        """``remove_quotation(actor, case_id, quotation_id)``: the owning process's rule for
        taking a quotation off its case (until which step it may); the titles name the
        process's own step numbers."""
        super().__init__(parent)
        self.ctx = ctx
        self.records: ProjectRecords | None = None
        self._remove_quotation = remove_quotation
        self.quote_box = QGroupBox(quote_title or _("ใบเสนอราคา"), self)
        self.quote_table = _table(
            self.quote_box,
            [
                _("ผู้เสนอราคา"),
                _("เลขที่"),
                _("ลงวันที่"),
                _("ราคาก่อนภาษี"),
                _("ภาษีมูลค่าเพิ่ม"),
                _("รวม"),
                _("ยืนราคาถึง"),
            ],
            0,
        )
        self.add_quote_button = QPushButton(_("บันทึกใบเสนอราคา…"), self.quote_box)
        self.add_quote_button.clicked.connect(self.add_quotation)
        self.remove_quote_button = QPushButton(_("ลบใบเสนอราคา"), self.quote_box)
        self.remove_quote_button.clicked.connect(self.remove_quotation)
        self.quote_table.itemSelectionChanged.connect(self._enable)
        quote_layout = QVBoxLayout(self.quote_box)
        quote_layout.addWidget(self.quote_table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_quote_button)
        row.addWidget(self.add_quote_button)
        quote_layout.addLayout(row)

        self.contract_box = QGroupBox(contract_title or _("สัญญาและการติดตามผู้รับจ้าง"), self)
        self.contract_label = QLabel(self.contract_box)
        self.contract_label.setWordWrap(True)
        self.contract_button = QPushButton(_("บันทึกสัญญา…"), self.contract_box)
        self.incident_button = QPushButton(_("แจ้งเหตุขัดข้อง…"), self.contract_box)
        self.restore_button = QPushButton(_("บันทึกระบบใช้งานได้…"), self.contract_box)
        self.contract_button.clicked.connect(self.add_contract)
        self.incident_button.clicked.connect(self.add_incident)
        self.restore_button.clicked.connect(self.restore_incident)
        # the contract's own page (models.procurement's views): installments, deliveries,
        # inspections, invoices, security, F13-F15; built for the contract shown
        self.contract_page: ContractPage | None = None
        self.page_holder = QVBoxLayout()
        contract_layout = QVBoxLayout(self.contract_box)
        contract_layout.addWidget(self.contract_label)
        contract_layout.addLayout(self.page_holder, 1)
        buttons = QHBoxLayout()
        for button in (self.contract_button, self.incident_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        contract_layout.addLayout(buttons)
        # quotations above the contract: side by side they need more than a 1366-pixel screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.quote_box, 1)
        layout.addWidget(self.contract_box, 3)
        self.show_case(None)

    # --- loading --------------------------------------------------------------------------

    def show_case(self, case_id: int | None) -> None:
        if case_id is None:
            self.records = None
            self._fill()
            return
        self.ctx.run_in_background(lambda: load_records(case_id), self._loaded, owner=self)

    def reload(self) -> None:
        if self.records is not None:
            self.show_case(self.records.case_id)

    def _loaded(self, records: ProjectRecords) -> None:
        self.records = records
        self._fill()

    def _fill(self) -> None:
        rec = self.records
        _set_rows(
            self.quote_table,
            [
                [
                    str(q["vendor"]) + (_(" (ต่ำสุด)") if q["lowest"] else ""),
                    str(q["quote_no"]),
                    date_short(q["quoted_on"]),
                    _money(q["amount_before_vat"]),
                    _money(q["vat"]),
                    _money(q["total"]),
                    date_short(q["valid_until"]),
                ]
                for q in (rec.quotations if rec else [])
            ],
        )
        contract = rec.contract if rec else None
        if contract is None:
            self.contract_label.setText(
                _("ยังไม่ได้บันทึกสัญญา") if rec is not None else _("เลือกโครงการจากรายการ")
            )
            self.contract_label.setVisible(True)
            self._set_page(None)
        else:
            open_incidents = [i for i in rec.incidents if not i.restored] if rec else []
            self.contract_label.setText(
                _("เหตุขัดข้องที่ยังไม่แก้ไข: {items}").format(
                    items=", ".join(
                        f"{i.system} ({datetime_short(i.down_since)})" for i in open_incidents
                    )
                )
            )
            self.contract_label.setVisible(bool(open_incidents))
            self._set_page(contract.id)
        self._enable()

    def _set_page(self, contract_id: int | None) -> None:
        page = self.contract_page
        if page is not None and page.contract_id == contract_id:
            page.reload()
            return
        if page is not None:
            self.page_holder.removeWidget(page)
            page.deleteLater()
            self.contract_page = None
        if contract_id is not None:
            page = ContractPage(self.ctx, contract_id, self.contract_box)
            page.changed.connect(self._page_changed)
            self.page_holder.addWidget(page)
            self.contract_page = page

    def _page_changed(self) -> None:
        self.changed.emit()

    def _enable(self) -> None:
        rec = self.records
        has_contract = rec is not None and rec.contract is not None
        self.add_quote_button.setEnabled(rec is not None)
        self.remove_quote_button.setEnabled(self.current_quotation() is not None)
        self.contract_button.setVisible(not has_contract)
        self.contract_button.setEnabled(rec is not None)
        self.incident_button.setEnabled(has_contract)
        self.restore_button.setEnabled(
            rec is not None and any(not i.restored for i in rec.incidents)
        )

    def current_quotation(self) -> int | None:
        rec = self.records
        index = self.quote_table.currentRow()
        if rec is None or not self.quote_table.selectionModel().hasSelection():
            return None
        return rec.quotation_ids[index] if 0 <= index < len(rec.quotation_ids) else None

    def remove_quotation(self) -> None:
        quotation_id, rec = self.current_quotation(), self.records
        if quotation_id is None or rec is None:
            return
        if not messages.confirm(self, _("ลบใบเสนอราคาที่เลือกหรือไม่"), dangerous=True):
            return
        user, case_id = self.ctx.user, rec.case_id
        self.ctx.run_in_background(
            lambda: self._remove_quotation(user, case_id, quotation_id),
            self._saved,
            owner=self,
        )

    def _saved(self, _result: object) -> None:
        self.reload()
        self.changed.emit()

    # --- the dialogs ----------------------------------------------------------------------

    def build_quotation(self) -> QuotationDialog:
        assert self.records is not None
        dialog = QuotationDialog(self.ctx, self.records.case_id, self)
        dialog.saved.connect(self._saved)
        return dialog

    def add_quotation(self) -> None:
        if self.records is not None:
            self.build_quotation().exec()

    def build_contract(self, title: str = "") -> ContractDialog:
        assert self.records is not None
        dialog = ContractDialog(self.ctx, self.records.case_id, title, self)
        dialog.saved.connect(self._saved)
        return dialog

    def add_contract(self) -> None:
        if self.records is not None:
            self.build_contract().exec()

    def build_incident(self) -> IncidentDialog | None:
        rec = self.records
        if rec is None or rec.contract is None:
            return None
        dialog = IncidentDialog(self.ctx, rec.case_id, rec.contract.id, self)
        dialog.saved.connect(self._saved)
        return dialog

    def add_incident(self) -> None:
        dialog = self.build_incident()
        if dialog is not None:
            dialog.exec()

    def build_restore(self) -> RestoreDialog | None:
        rec = self.records
        open_ones = [i for i in rec.incidents if not i.restored] if rec else []
        if not open_ones:
            return None
        dialog = RestoreDialog(self.ctx, open_ones[0].id, self)
        dialog.saved.connect(self._saved)
        return dialog

    def restore_incident(self) -> None:
        dialog = self.build_restore()
        if dialog is not None:
            dialog.exec()


# ---------------------------------------------------------------------------------------------


def _vendor_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    fill_combo(combo, [(v.id, str(v.name)) for v in vendors.vendors()], empty=_("(เลือก)"))
    return combo


def _committee_combo(parent: QWidget, kind: str) -> QComboBox:
    combo = QComboBox(parent)
    query = Committee.select().where((Committee.kind == kind) & (Committee.active == True))  # noqa: E712
    fill_combo(combo, [(c.id, str(c.name)) for c in query], empty=_("(ไม่ระบุ)"))
    return combo


class QuotationDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกใบเสนอราคา"), _("บันทึก"), parent)
        self.case_id = case_id
        form = self.add_form()
        self.vendor = _vendor_combo(self)
        self.quote_no = QLineEdit(self)
        self.quoted_on = BEDateEdit(clock.today(), parent=self)
        self.amount_before_vat = QLineEdit(self)
        self.vat = QLineEdit(self)
        self.valid_days = QLineEdit("30", self)
        self.file_path: Path | None = None
        self.file_button = QPushButton(_("แนบไฟล์ใบเสนอราคา…"), self)
        self.file_button.clicked.connect(self.choose_file)
        for key, label, widget in (
            ("vendor", N_("ผู้เสนอราคา"), self.vendor),
            ("quote_no", N_("เลขที่ใบเสนอราคา"), self.quote_no),
            ("quoted_on", N_("วันที่ใบเสนอราคา"), self.quoted_on),
            ("amount_before_vat", N_("ราคาก่อนภาษีมูลค่าเพิ่ม (บาท)"), self.amount_before_vat),
            ("vat", N_("ภาษีมูลค่าเพิ่ม (บาท)"), self.vat),
            ("valid_days", N_("ยืนราคา (วัน)"), self.valid_days),
            ("file", N_("ไฟล์ใบเสนอราคา"), self.file_button),
        ):
            form.addRow(_(label), widget)
            self.errors.add(key, widget)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("เลือกไฟล์ใบเสนอราคา"))
        if name:
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        self.file_path = path
        self.file_button.setText(path.name)

    def send(self) -> None:
        user, case_id, path = self.ctx.user, self.case_id, self.file_path
        values: dict[str, Any] = {
            "vendor_id": self.vendor.currentData(),
            "quote_no": self.quote_no.text(),
            "quoted_on": self.quoted_on.value(),
            "amount_before_vat": self.amount_before_vat.text(),
            "vat": self.vat.text(),
            "valid_days": self.valid_days.text(),
        }

        def work() -> int:
            data = path.read_bytes() if path is not None else None
            name = path.name if path is not None else None
            return int(
                quotations.add_quotation(
                    user, case_id=case_id, filename=name, data=data, **values
                ).id
            )

        self.save(work)


class ContractDialog(SubmitDialog):
    """The signed contract and its installments: one line per installment,
    ``title; วว/ดด/ปปปป; amount`` (the amounts must add up to the price)."""

    def __init__(
        self, ctx: AppContext, case_id: int, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("บันทึกสัญญา"), _("บันทึก"), parent)
        self.case_id = case_id
        form = self.add_form()
        self.number = QLineEdit(self)
        self.title = QLineEdit(title, self)
        self.vendor = _vendor_combo(self)
        self.signed_on = BEDateEdit(clock.today(), parent=self)
        self.price = QLineEdit(self)
        self.vat = QLineEdit(self)
        self.method = QComboBox(self)
        from models.procurement.methods import METHOD_LABELS

        fill_combo(self.method, [(k, _(v)) for k, v in METHOD_LABELS.items()])
        self.method_reason = QLineEdit(self)
        self.method_reason.setPlaceholderText(_("ไม่ต้องกรอกสำหรับวิธีเฉพาะเจาะจงในวงเงินที่กำหนด"))
        self.nature = QComboBox(self)
        fill_combo(self.nature, [(k, _(v)) for k, v in contracts.NATURE_LABELS.items()])
        self.penalty_rate_pct = QLineEdit("0.10", self)
        self.warranty_months = QSpinBox(self)
        self.warranty_months.setRange(0, 120)
        self.warranty_months.setValue(12)
        self.inspection_committee = _committee_combo(self, CommitteeKind.INSPECTION)
        self.installments = QPlainTextEdit(self)
        self.installments.setTabChangesFocus(True)
        self.installments.setPlaceholderText(
            _("งวดที่ 1 ...; 31/12/2569; 225,000 (หนึ่งบรรทัดต่อหนึ่งงวด)")
        )
        for key, label, widget in (
            ("number", N_("เลขที่สัญญา"), self.number),
            ("title", N_("ชื่อสัญญา/งานที่จ้าง"), self.title),
            ("vendor", N_("คู่สัญญา"), self.vendor),
            ("signed_on", N_("วันที่ลงนามสัญญา"), self.signed_on),
            ("price", N_("ราคาตามสัญญา รวมภาษีมูลค่าเพิ่ม (บาท)"), self.price),
            ("vat", N_("ภาษีมูลค่าเพิ่ม (บาท)"), self.vat),
            ("method", N_("วิธีจัดซื้อจัดจ้าง"), self.method),
            ("method_reason", N_("เหตุผลที่ใช้วิธีนี้"), self.method_reason),
            ("nature", N_("ลักษณะงาน"), self.nature),
            ("penalty_rate_pct", N_("อัตราค่าปรับต่อวัน (ร้อยละ)"), self.penalty_rate_pct),
            ("warranty_months", N_("ระยะเวลารับประกัน (เดือน)"), self.warranty_months),
            ("inspection_committee", N_("คณะกรรมการตรวจรับพัสดุ"), self.inspection_committee),
            ("installments", N_("งวดงาน"), self.installments),
        ):
            form.addRow(_(label), widget)
            self.errors.add(key, widget)

    def installment_rows(self) -> list[dict[str, Any]] | None:
        rows: list[dict[str, Any]] = []
        for n, line in enumerate(self.installments.toPlainText().splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            if len(parts) != 3:
                self.refuse(
                    {"installments": _("รูปแบบไม่ถูกต้อง")},
                    _("งวดที่ {n}: ให้กรอก ชื่องวด; วันครบกำหนด; จำนวนเงิน").format(n=n),
                )
                return None
            try:
                due: dt.date | str = parse_be_date(parts[1])
            except ValueError:
                due = parts[1]  # the domain names the bad date
            rows.append({"title": parts[0], "due_on": due, "amount": parts[2]})
        return rows

    def send(self) -> None:
        rows = self.installment_rows()
        if rows is None:
            return
        user, case_id = self.ctx.user, self.case_id
        values = {
            "number": self.number.text(),
            "title": self.title.text(),
            "vendor_id": self.vendor.currentData(),
            "signed_on": self.signed_on.value(),
            "price": self.price.text(),
            "vat": self.vat.text() or "0",
            "method": self.method.currentData(),
            "method_reason": self.method_reason.text(),
            "nature": self.nature.currentData(),
            "penalty_rate_pct": self.penalty_rate_pct.text(),
            "warranty_months": self.warranty_months.value(),
            "inspection_committee_id": self.inspection_committee.currentData(),
        }
        self.save(
            lambda: contracts.create_contract(user, case_id=case_id, installments=rows, **values).id
        )


def _moment_edit(parent: QWidget) -> QDateTimeEdit:
    now = clock.now()
    moment = QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
    edit = QDateTimeEdit(moment, parent)
    edit.setDisplayFormat("dd/MM/yyyy HH:mm")
    return edit


class IncidentDialog(SubmitDialog):
    def __init__(
        self, ctx: AppContext, case_id: int, contract_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("แจ้งเหตุขัดข้อง"), _("บันทึก"), parent)
        self.case_id, self.contract_id = case_id, contract_id
        form = self.add_form()
        self.system = QLineEdit(self)
        self.down_since = _moment_edit(self)
        self.description = QLineEdit(self)
        for key, label, widget in (
            ("system", N_("อุปกรณ์/ระบบที่ขัดข้อง"), self.system),
            ("down_since", N_("วันเวลาที่เริ่มขัดข้อง"), self.down_since),
            ("description", N_("อาการ"), self.description),
        ):
            form.addRow(_(label), widget)
            self.errors.add(key, widget)

    def send(self) -> None:
        user, case_id, contract_id = self.ctx.user, self.case_id, self.contract_id
        values: dict[str, Any] = {
            "system": self.system.text(),
            "down_since": self.down_since.dateTime().toPython(),
            "description": self.description.text(),
        }
        self.save(
            lambda: (
                incidents.open_incident(user, case_id=case_id, contract_id=contract_id, **values).id
            )
        )


class RestoreDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, incident_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกระบบใช้งานได้ตามปกติ"), _("บันทึก"), parent)
        self.incident_id = incident_id
        incident = incidents.Incident.get_by_id(incident_id)
        form = self.add_form()
        form.addRow(
            _("เหตุขัดข้อง"),
            QLabel(f"{incident.system} ({datetime_short(incident.down_since)})", self),
        )
        self.restored_at = _moment_edit(self)
        form.addRow(_("วันเวลาที่ใช้งานได้ตามปกติ"), self.restored_at)
        self.errors.add("restored_at", self.restored_at)

    def send(self) -> None:
        user, incident_id = self.ctx.user, self.incident_id
        moment = self.restored_at.dateTime().toPython()
        self.save(
            lambda: (
                incidents.restore_incident(
                    user, incidents.Incident.get_by_id(incident_id), restored_at=moment
                ).id
            )
        )
