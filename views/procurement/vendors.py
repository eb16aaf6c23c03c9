"""The vendor register: the list and the vendor form (13-digit tax ID checked in the domain,
addresses, bank account), and for the chosen vendor its contact people, contracts (double-click
opens the contract page) and incidents."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import records
from models.i18n import N_, _
from models.org import Vendor
from models.procurement import contracts, incidents, vendors
from reports.thaifmt import date_short, datetime_short, number
from views.settings.common import (
    STATUS_COLUMN,
    FieldSpec,
    RecordListPage,
    RecordTexts,
    record_dicts,
)
from views.widgets.dialogs import SubmitDialog
from views.widgets.tables import Column, setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext


def vendor_rows() -> list[dict[str, Any]]:
    """Worker side: every vendor with the fields of the form."""
    return record_dicts(
        vendors.vendors(active_only=False),
        "name",
        "tax_id",
        "branch",
        "address",
        "mailing_address",
        "phone",
        "email",
        "contact_person",
        "bank_name",
        "bank_account_no",
        "bank_account_name",
        "active",
    )


def vendor_details(vendor_id: int) -> dict[str, list[list[Any]]]:
    """Worker side: the vendor's contacts, contracts and incidents as table rows (the id first)."""
    vendor = records.get(Vendor, vendor_id)
    return {
        "contacts": [
            [c.id, c.full_name, c.role, c.phone, c.email] for c in vendors.contacts(vendor)
        ],
        "contracts": [
            [
                c.id,
                c.number,
                date_short(c.signed_on),
                c.title,
                number(Decimal(c.price), decimals=2),
                _(contracts.CONTRACT_STATUS_LABELS.get(c.status, c.status)),
            ]
            for c in contracts.contracts_of_vendor(vendor)
        ],
        "incidents": [
            [
                i.id,
                datetime_short(i.down_since),
                i.system,
                datetime_short(i.restored_at) if i.restored_at else _("ยังขัดข้อง"),
                i.cause,
            ]
            for i in incidents.incidents_of_vendor(vendor)
        ],
    }


def _table(titles: list[str], stretch: int) -> QTableWidget:
    table = setup_table_widget(QTableWidget(0, len(titles)), stretch=stretch)
    table.setHorizontalHeaderLabels(titles)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    """Rows whose first value is the record id (kept in the first cell's user data)."""
    table.setRowCount(len(rows))
    for r, (row_id, *cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(str(text))
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, row_id)
            table.setItem(r, c, item)


def _current_id(table: QTableWidget) -> int | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class ContactDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, vendor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("เพิ่มผู้ติดต่อ"), _("บันทึก"), parent)
        self.vendor_id = vendor_id
        form = self.add_form()
        self.full_name = QLineEdit(self)
        self.role = QLineEdit(self)
        self.role.setPlaceholderText(_("เช่น ผู้ประสานงาน ช่างผู้รับผิดชอบ ผู้มีอำนาจลงนาม"))
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        for key, label, widget in (
            ("full_name", N_("ชื่อ-นามสกุล *"), self.full_name),
            ("role", N_("หน้าที่"), self.role),
            ("phone", N_("โทรศัพท์"), self.phone),
            ("email", N_("อีเมล"), self.email),
        ):
            form.addRow(_(label), widget)
            self.errors.add(key, widget)

    def send(self) -> None:
        user, vendor_id = self.ctx.user, self.vendor_id
        values = {
            "full_name": self.full_name.text(),
            "role": self.role.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
        }
        self.save(lambda: vendors.add_contact(user, records.get(Vendor, vendor_id), **values).id)


class VendorsPage(RecordListPage):
    """ทะเบียนผู้ประกอบการ with the chosen vendor's contacts, contracts and incidents below."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            _("ทะเบียนผู้ประกอบการ"),
            [
                Column("name", N_("ชื่อผู้ประกอบการ"), stretch=True),
                Column("tax_id", N_("เลขประจำตัวผู้เสียภาษี")),
                Column("phone", N_("โทรศัพท์")),
                Column("contact_person", N_("ผู้ติดต่อหลัก")),
                STATUS_COLUMN,
            ],
            vendor_rows,
            RecordTexts(
                add_button=_("เพิ่มผู้ประกอบการ…"),
                add_title=_("เพิ่มผู้ประกอบการ"),
                edit_title=_("แก้ไขข้อมูลผู้ประกอบการ"),
                choose_first=_("กรุณาเลือกผู้ประกอบการก่อน"),
            ),
            note=_("ใบเสนอราคาและสัญญารับได้เฉพาะผู้ประกอบการที่อยู่ในทะเบียนนี้"),
            parent=parent,
        )
        self.details_box = QGroupBox(_("รายละเอียดของผู้ประกอบการที่เลือก"), self)
        self.contacts_table = _table([_("ชื่อ-นามสกุล"), _("หน้าที่"), _("โทรศัพท์"), _("อีเมล")], 0)
        self.contracts_table = _table(
            [_("เลขที่สัญญา"), _("วันที่ลงนาม"), _("งาน"), _("ราคา (บาท)"), _("สถานะ")], 2
        )
        self.incidents_table = _table(
            [_("วันเวลาที่พบ"), _("อุปกรณ์/ระบบ"), _("ใช้งานได้เมื่อ"), _("สาเหตุ")], 1
        )
        self.add_contact_button = QPushButton(_("เพิ่มผู้ติดต่อ…"), self)
        self.add_contact_button.clicked.connect(self.add_contact)
        self.remove_contact_button = QPushButton(_("ลบผู้ติดต่อ"), self)
        self.remove_contact_button.clicked.connect(self.remove_contact)
        self.open_contract_button = QPushButton(_("เปิดสัญญา…"), self)
        self.open_contract_button.clicked.connect(self.open_contract)
        self.contracts_table.doubleClicked.connect(lambda _i: self.open_contract())
        details = QHBoxLayout(self.details_box)
        for title, table, buttons in (
            (
                _("ผู้ติดต่อ"),
                self.contacts_table,
                [self.add_contact_button, self.remove_contact_button],
            ),
            (_("สัญญา"), self.contracts_table, [self.open_contract_button]),
            (_("เหตุขัดข้อง"), self.incidents_table, []),
        ):
            box = QGroupBox(title, self.details_box)
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            if buttons:
                row = QHBoxLayout()
                for button in buttons:
                    row.addWidget(button)
                row.addStretch(1)
                inner.addLayout(row)
            details.addWidget(box)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.details_box)
        layout.addWidget(splitter, 1)
        self.details: dict[str, list[list[Any]]] = {}
        self.reload()

    def fields(self, row: dict[str, Any] | None) -> list[FieldSpec]:
        return [
            FieldSpec("name", _("ชื่อผู้ประกอบการ"), required=True),
            FieldSpec(
                "tax_id",
                _("เลขประจำตัวผู้เสียภาษี"),
                required=True,
                placeholder=_("13 หลัก"),
            ),
            FieldSpec("branch", _("สำนักงานใหญ่/สาขา"), placeholder=_("เช่น สำนักงานใหญ่")),
            FieldSpec("address", _("ที่อยู่ตามทะเบียน"), kind="multiline"),
            FieldSpec("mailing_address", _("ที่อยู่สำหรับติดต่อ"), kind="multiline"),
            FieldSpec("phone", _("โทรศัพท์")),
            FieldSpec("email", _("อีเมล")),
            FieldSpec("contact_person", _("ผู้ติดต่อหลัก")),
            FieldSpec("bank_name", _("ธนาคาร")),
            FieldSpec("bank_account_no", _("เลขที่บัญชี")),
            FieldSpec("bank_account_name", _("ชื่อบัญชี")),
            FieldSpec("active", _("ใช้งาน"), kind="bool"),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"active": True, "branch": _("สำนักงานใหญ่")}

    def save_record(
        self, actor: Any, row_id: Any, values: dict[str, Any], version: int | None
    ) -> int:
        vendor = records.get(Vendor, row_id) if row_id is not None else None
        saved = vendors.save_vendor(actor, vendor, expected_version=version, **values)
        return int(saved.id)

    # --- the chosen vendor -------------------------------------------------------------------

    def selection_changed(self) -> None:
        super().selection_changed()
        vendor_id = self.current_id()
        self.add_contact_button.setEnabled(vendor_id is not None)
        if vendor_id is None:
            self.show_details({"contacts": [], "contracts": [], "incidents": []})
            return
        self.ctx.run_in_background(lambda: vendor_details(vendor_id), self.show_details, owner=self)

    def show_details(self, details: dict[str, list[list[Any]]]) -> None:
        self.details = details
        _fill(self.contacts_table, details["contacts"])
        _fill(self.contracts_table, details["contracts"])
        _fill(self.incidents_table, details["incidents"])

    def add_contact(self) -> ContactDialog | None:
        vendor_id = self.current_id()
        if vendor_id is None:
            return None
        dialog = ContactDialog(self.ctx, vendor_id, self)
        dialog.saved.connect(lambda _id: self.selection_changed())
        dialog.open()
        return dialog

    def remove_contact(self) -> None:
        contact_id = _current_id(self.contacts_table)
        if contact_id is None:
            return
        actor = self.ctx.user
        self.ctx.run_in_background(
            lambda: vendors.remove_contact(actor, records.get(vendors.VendorContact, contact_id)),
            lambda _r: self.selection_changed(),
            owner=self,
        )

    def open_contract(self) -> QWidget | None:
        contract_id = _current_id(self.contracts_table)
        if contract_id is None:
            return None
        from views.procurement.contract_page import ContractWindow

        window = ContractWindow(self.ctx, contract_id, self)
        window.open()
        return window
