"""The asset register (ทะเบียนครุภัณฑ์): the list (filters, sorting and paging in SQL), the selected
asset's details and history on one timeline, and the form to add or edit one; import, export,
labels and the register print-out from the buttons above the list."""

from __future__ import annotations

import decimal
import html
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models import office
from models.i18n import N_, _
from models.org import Vendor
from models.permissions import Permission
from models.support import asset_history, asset_io, asset_removal, assets
from models.support import documents as support_documents
from models.support.assets import (
    KIND_LABELS,
    MANUAL_STATUSES,
    STATUS_LABELS,
    AssetFilter,
    AssetKind,
    AssetRow,
    AssetStatus,
)
from reports.thaifmt import date_short, number
from views.widgets import messages, qt_thai
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.combos import fill_combo, select_data
from views.widgets.commands import mnemonic, run_list_command
from views.widgets.dialogs import BaseDialog, SubmitDialog
from views.widgets.filter_bar import ComboFilter, FilterBar
from views.widgets.flow import FlowRow
from views.widgets.paged_table import RIGHT, Column, PagedTableView
from views.widgets.printing import ask_and_print_register, print_in_background, print_register
from views.widgets.splitters import RememberedSplitter

if TYPE_CHECKING:
    from desktop.context import AppContext


def _money(value: Any) -> str:
    return number(value, decimals=2) if value is not None else ""


ASSET_COLUMNS = [
    Column("number", N_("เลขครุภัณฑ์"), width=150),
    Column("name", N_("ชื่อครุภัณฑ์"), width=230),
    Column("kind_label", N_("ประเภท"), sort_key="kind", width=120),
    Column("category", N_("หมวด"), width=150),
    Column("serial_number", N_("หมายเลขเครื่อง"), width=130),
    Column("acquired_on", N_("วันที่ได้มา"), width=95),
    Column("price", N_("ราคา (บาท)"), align=RIGHT, format=_money, width=95),
    Column("custodian_name", N_("ผู้รับผิดชอบ"), sort_key="custodian", width=160),
    Column("custodian_unit", N_("หน่วยงาน"), sort_key="unit", width=160),
    Column("location", N_("สถานที่ตั้ง"), width=140),
    Column("warranty_end", N_("สิ้นสุดประกัน"), width=95),
    Column("status_label", N_("สถานะ"), sort_key="status", width=150),
]


def asset_filter(values: dict[str, Any]) -> AssetFilter:
    return AssetFilter(
        text=str(values.get("text") or ""),
        kind=values.get("kind") or "",
        status=values.get("status") or "",
        category_id=values.get("category"),
        unit_id=values.get("unit"),
        acquired_from=values.get("date_from"),
        acquired_to=values.get("date_to"),
    )


def fetch_assets(filters: Any, sort_key: str, descending: bool, offset: int, limit: int) -> Any:
    return assets.asset_page(asset_filter(filters or {}), sort_key, descending, offset, limit)


@dataclass(frozen=True)
class AssetChoices:
    categories: list[tuple[int, str, str]]  # id, kind, name
    units: list[tuple[int, str]]
    vendors: list[tuple[int, str]]
    pattern: str


def asset_choices() -> AssetChoices:
    return AssetChoices(
        categories=[(c.id, str(c.kind), str(c.name)) for c in assets.categories(active_only=False)],
        units=[(u.id, str(u.name)) for u in office.units()],
        vendors=[
            (v.id, str(v.name))
            for v in Vendor.select().where(Vendor.active == True).order_by(Vendor.name)  # noqa: E712
        ],
        pattern=assets.number_pattern(),
    )


@dataclass(frozen=True)
class AssetScreen:
    row: AssetRow
    history: list[asset_history.HistoryEvent]
    files: list[assets.AssetFile]


def asset_screen(actor: Any, asset_id: int) -> AssetScreen:
    return AssetScreen(
        assets.asset_row(asset_id),
        asset_history.asset_timeline(actor, asset_id),
        assets.asset_files(asset_id),
    )


def details_html(screen: AssetScreen) -> str:
    row = screen.row
    esc = html.escape
    rows = [
        (_("เลขครุภัณฑ์"), row.number),
        (_("ชื่อครุภัณฑ์"), row.name),
        (_("ประเภท/หมวด"), " / ".join(p for p in (row.kind_label, row.category) if p)),
        (_("ยี่ห้อ/รุ่น"), " ".join(p for p in (row.brand, row.model_name) if p)),
        (_("หมายเลขเครื่อง"), row.serial_number),
        (_("วันที่ได้มา"), date_short(row.acquired_on) if row.acquired_on else ""),
        (_("ราคา"), _money(row.price) + (" " + _("บาท") if row.price is not None else "")),
        (
            _("แหล่งเงิน/ปีงบประมาณ"),
            " ".join(p for p in (row.budget_source, str(row.budget_year or "")) if p),
        ),
        (_("ผู้ขาย/ผู้รับจ้าง"), row.vendor),
        (_("สิ้นสุดการรับประกัน"), date_short(row.warranty_end) if row.warranty_end else ""),
        (_("สถานที่ตั้ง"), row.location),
        (_("ผู้รับผิดชอบ"), " / ".join(p for p in (row.custodian_name, row.custodian_unit) if p)),
        (_("สถานะ"), row.status_label),
    ]
    if row.kind == AssetKind.SOFTWARE:
        rows.append((_("จำนวนสิทธิ์ใช้งาน"), str(row.seats or "")))
        rows.append(
            (_("วันหมดอายุสิทธิ์"), date_short(row.licence_expiry) if row.licence_expiry else "")
        )
    if row.ip_address or row.mac_address:
        rows.append((_("IP/MAC"), " / ".join(p for p in (row.ip_address, row.mac_address) if p)))
    if row.notes:
        rows.append((_("หมายเหตุ"), row.notes))
    parts = ["<table>"]
    for label, value in rows:
        if value:
            parts.append(
                f"<tr><td style='color:#555; padding-right:8px'>{esc(label)}</td>"
                f"<td>{esc(value)}</td></tr>"
            )
    parts.append("</table><h3>{}</h3>".format(esc(_("ประวัติ"))))
    if not screen.history:
        parts.append("<p>{}</p>".format(esc(_("ยังไม่มีประวัติ"))))
    for event in screen.history:
        parts.append(
            f"<p style='margin-bottom:1px'><b>{esc(date_short(event.day))}</b> "
            f"<span style='color:#1b5e20'>[{esc(event.kind_label)}]</span> {esc(event.title)}"
            + (f" — {esc(event.who)}" if event.who else "")
            + "</p>"
        )
        if event.detail:
            parts.append(
                f"<p style='margin-top:0; margin-left:16px; color:#333'>{esc(event.detail)}</p>"
            )
    return "".join(parts)


class AssetDialog(SubmitDialog):
    """Add or edit an asset. A refusal marks the fields; a conflict offers the usual choices."""

    def __init__(
        self,
        ctx: AppContext,
        choices: AssetChoices,
        row: AssetRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("แก้ไขครุภัณฑ์") if row else _("เพิ่มครุภัณฑ์")
        super().__init__(ctx, title, _("บันทึก"), parent)
        self.choices = choices
        self.row = row
        self.version = row.version if row else None
        self.draft_record = row.id if row else None
        self.saved_id: int | None = None
        self.resize(780, 470)
        self.kind = QComboBox(self)
        for kind in AssetKind:
            self.kind.addItem(_(KIND_LABELS[kind]), str(kind))
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(choices.pattern)
        self.name = QLineEdit(self)
        self.category = QComboBox(self)
        self.brand = QLineEdit(self)
        self.model_name = QLineEdit(self)
        self.serial = QLineEdit(self)
        self.acquired = BEDateEdit(allow_empty=True, parent=self)
        self.acquired.clear_value()
        self.price = QLineEdit(self)
        self.price.setPlaceholderText("0.00")
        self.budget_source = QComboBox(self)
        self.budget_source.setEditable(True)
        self.budget_source.addItems(["", _("เงินงบประมาณ"), _("เงินรายได้"), _("เงินบริจาค")])
        self.budget_year = QSpinBox(self)
        self.budget_year.setRange(0, 2800)
        self.budget_year.setSpecialValueText(_("ไม่ระบุ"))
        self.vendor = QComboBox(self)
        fill_combo(self.vendor, choices.vendors, empty=_("— ไม่ระบุ —"))
        self.warranty = BEDateEdit(allow_empty=True, parent=self)
        self.warranty.clear_value()
        self.location = QLineEdit(self)
        self.custodian = QLineEdit(self)
        self.unit = QComboBox(self)
        fill_combo(self.unit, choices.units, empty=_("— ไม่ระบุ —"))
        self.status = QComboBox(self)
        for status in AssetStatus:
            self.status.addItem(_(STATUS_LABELS[status]), str(status))
        self.seats = QSpinBox(self)
        self.seats.setRange(0, 100_000)
        self.seats.setSpecialValueText(_("ไม่ระบุ"))
        self.licence_expiry = BEDateEdit(allow_empty=True, parent=self)
        self.licence_expiry.clear_value()
        self.ip = QLineEdit(self)
        self.mac = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(70)

        grid = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        left.addRow(_("ประเภท *"), self.kind)
        left.addRow(_("เลขครุภัณฑ์ *"), self.number)
        left.addRow(_("ชื่อครุภัณฑ์ *"), self.name)
        left.addRow(_("หมวด"), self.category)
        left.addRow(_("ยี่ห้อ"), self.brand)
        left.addRow(_("รุ่น"), self.model_name)
        left.addRow(_("หมายเลขเครื่อง"), self.serial)
        left.addRow(_("วันที่ได้มา"), self.acquired)
        left.addRow(_("ราคา (บาท)"), self.price)
        left.addRow(_("แหล่งเงิน"), self.budget_source)
        left.addRow(_("ปีงบประมาณ"), self.budget_year)
        right.addRow(_("ผู้ขาย/ผู้รับจ้าง"), self.vendor)
        right.addRow(_("สิ้นสุดการรับประกัน"), self.warranty)
        right.addRow(_("สถานที่ตั้ง"), self.location)
        right.addRow(_("ผู้รับผิดชอบ"), self.custodian)
        right.addRow(_("หน่วยงาน"), self.unit)
        right.addRow(_("สถานะ"), self.status)
        self.seats_label = QLabel(_("จำนวนสิทธิ์ใช้งาน"), self)
        self.expiry_label = QLabel(_("วันหมดอายุสิทธิ์"), self)
        left.addRow(self.seats_label, self.seats)
        left.addRow(self.expiry_label, self.licence_expiry)
        right.addRow(_("IP Address"), self.ip)
        right.addRow(_("MAC Address"), self.mac)
        right.addRow(_("หมายเหตุ"), self.notes)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setRowStretch(1, 1)  # spare height below the fields, not between them
        holder = QWidget(self)
        holder.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.body.addWidget(scroll, 1)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.errors.add_fields(
            {
                "kind": self.kind,
                "number": self.number,
                "name": self.name,
                "category": self.category,
                "price": self.price,
                "budget_year": self.budget_year,
                "warranty_end": self.warranty,
                "status": self.status,
                "seats": self.seats,
            }
        )
        if row is not None:
            self.fill(row)
        else:
            select_data(self.status, str(AssetStatus.IN_USE))
            self._kind_changed()
        on_loan = row is not None and row.status == AssetStatus.ON_LOAN
        for index in range(self.status.count()):
            value = self.status.itemData(index)
            allowed = value in {str(s) for s in MANUAL_STATUSES} or (
                on_loan and value == AssetStatus.ON_LOAN
            )
            model = self.status.model()
            item = model.item(index) if hasattr(model, "item") else None
            if item is not None:
                item.setEnabled(bool(allowed))
        self.status.setEnabled(not on_loan)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        current = self.category.currentData()
        fill_combo(
            self.category,
            [(cid, name) for cid, ckind, name in self.choices.categories if ckind == kind],
            empty=_("— ไม่ระบุ —"),
        )
        select_data(self.category, current)
        software = kind == AssetKind.SOFTWARE
        for widget in (self.seats, self.licence_expiry, self.seats_label, self.expiry_label):
            widget.setVisible(software)

    def fill(self, row: AssetRow) -> None:
        select_data(self.kind, row.kind)
        self._kind_changed()
        self.number.setText(row.number)
        self.name.setText(row.name)
        category_id = next(
            (
                cid
                for cid, kind, name in self.choices.categories
                if name == row.category and kind == row.kind
            ),
            None,
        )
        select_data(self.category, category_id)
        self.brand.setText(row.brand)
        self.model_name.setText(row.model_name)
        self.serial.setText(row.serial_number)
        self.acquired.set_value(row.acquired_on)
        self.price.setText(str(row.price) if row.price is not None else "")
        self.budget_source.setCurrentText(row.budget_source)
        self.budget_year.setValue(row.budget_year or 0)
        vendor_id = next((vid for vid, name in self.choices.vendors if name == row.vendor), None)
        select_data(self.vendor, vendor_id)
        self.warranty.set_value(row.warranty_end)
        self.location.setText(row.location)
        self.custodian.setText(row.custodian_name)
        unit_id = next(
            (uid for uid, name in self.choices.units if name == row.custodian_unit), None
        )
        select_data(self.unit, unit_id)
        select_data(self.status, row.status)
        self.seats.setValue(row.seats or 0)
        self.licence_expiry.set_value(row.licence_expiry)
        self.ip.setText(row.ip_address)
        self.mac.setText(row.mac_address)
        self.notes.setPlainText(row.notes)

    def values(self) -> dict[str, Any]:
        kind = self.kind.currentData()
        values: dict[str, Any] = {
            "kind": kind,
            "number": self.number.text(),
            "name": self.name.text(),
            "category": self.category.currentData(),
            "brand": self.brand.text(),
            "model_name": self.model_name.text(),
            "serial_number": self.serial.text(),
            "acquired_on": self.acquired.value(),
            "budget_source": self.budget_source.currentText(),
            "budget_year": self.budget_year.value() or None,
            "vendor": self.vendor.currentData(),
            "warranty_end": self.warranty.value(),
            "location": self.location.text(),
            "custodian_name": self.custodian.text(),
            "custodian_unit": self.unit.currentData(),
            "ip_address": self.ip.text(),
            "mac_address": self.mac.text(),
            "notes": self.notes.toPlainText(),
        }
        if self.status.isEnabled():
            values["status"] = self.status.currentData()
        if kind == AssetKind.SOFTWARE:
            values["seats"] = self.seats.value() or None
            values["licence_expiry"] = self.licence_expiry.value()
        return values

    def send(self, expected_version: int | None = None) -> None:
        values = self.values()
        price_text = self.price.text().replace(",", "").strip()
        try:
            values["price"] = decimal.Decimal(price_text) if price_text else None
        except decimal.InvalidOperation:
            self.refuse({"price": _("ราคาต้องเป็นตัวเลข")})
            return
        user, row = self.ctx.user, self.row
        version = expected_version if expected_version is not None else self.version

        def work() -> int:
            current = assets.get_asset(row.id) if row is not None else None
            return int(assets.save_asset(user, current, values, expected_version=version).id)

        self.save(
            work,
            mine=values,
            labels={
                "number": _("เลขครุภัณฑ์"),
                "name": _("ชื่อครุภัณฑ์"),
                "location": _("สถานที่ตั้ง"),
            },
            overwrite=lambda current: self.send(int(current["version"])),
            reload=lambda _current: self._reload_current(),
        )

    def _reload_current(self) -> None:
        if self.row is None:
            return
        asset_id = self.row.id

        def show(row: AssetRow) -> None:
            self.row, self.version = row, row.version
            self.fill(row)

        self.ctx.run_in_background(lambda: assets.asset_row(asset_id), show, owner=self)

    def on_saved(self, result: Any) -> None:
        self.saved_id = int(result)


class LabelDialog(BaseDialog):
    """Which label stock, where to start on the sheet, cut lines for plain paper."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(_("พิมพ์ป้ายครุภัณฑ์"), _("พิมพ์"), parent)
        self.sheet = QComboBox(self)
        self.sheet.addItems(support_documents.label_sheet_names())
        self.start = QSpinBox(self)
        self.start.setRange(1, 60)
        self.outlines = QCheckBox(_("พิมพ์เส้นตัด (กระดาษธรรมดา)"), self)
        form = self.add_form()
        form.addRow(_("จำนวนป้าย"), QLabel(str(count), self))
        form.addRow(_("กระดาษป้าย"), self.sheet)
        form.addRow(_("เริ่มที่ดวงที่"), self.start)
        form.addRow("", self.outlines)


class AssetsView(QWidget):
    """The register with its buttons; the selected asset's details and history on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choices: AssetChoices | None = None
        self.bar = FilterBar(
            combos=[
                ComboFilter("kind", N_("ประเภท"), [(str(k), KIND_LABELS[k]) for k in AssetKind]),
                ComboFilter("category", N_("หมวด"), []),
                ComboFilter(
                    "status", N_("สถานะ"), [(str(s), STATUS_LABELS[s]) for s in AssetStatus]
                ),
                ComboFilter("unit", N_("หน่วยงาน"), []),
            ],
            search_placeholder=N_("ค้นหาเลขครุภัณฑ์ หมายเลขเครื่อง ชื่อ หรือผู้รับผิดชอบ"),
            parent=self,
        )
        self.table = PagedTableView(
            ctx,
            fetch_assets,
            ASSET_COLUMNS,
            filters=self.bar.filters(),
            sort_key="number",
            page_size=200,
            empty_text=_("ยังไม่มีครุภัณฑ์ตามเงื่อนไขนี้"),
            parent=self,
        )
        self.table.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.files = QListWidget(self)
        self.files.setMaximumHeight(110)
        self.files.itemDoubleClicked.connect(lambda _item: self.open_file())
        self.attach_button = mnemonic(QPushButton(_("แนบไฟล์…"), self), "T")
        self.open_file_button = mnemonic(QPushButton(_("เปิดไฟล์"), self), "O")
        self.remove_file_button = mnemonic(QPushButton(_("นำไฟล์ออก"), self), "M")
        self.attach_button.clicked.connect(self.attach)
        self.open_file_button.clicked.connect(self.open_file)
        self.remove_file_button.clicked.connect(self.remove_file)
        self.new_button = mnemonic(QPushButton(_("เพิ่มครุภัณฑ์…"), self), "A")
        self.edit_button = mnemonic(QPushButton(_("แก้ไข…"), self), "E")
        self.delete_button = mnemonic(QPushButton(_("ลบ"), self), "D")
        self.import_button = mnemonic(QPushButton(_("นำเข้าจาก Excel/CSV…"), self), "I")
        self.export_button = mnemonic(QPushButton(_("ส่งออก Excel…"), self), "X")
        self.labels_button = mnemonic(QPushButton(_("พิมพ์ป้าย…"), self), "L")
        self.print_button = mnemonic(QPushButton(_("พิมพ์ทะเบียน…"), self), "P")
        editable = ctx.can(Permission.EDIT_REGISTERS)
        for button in (self.new_button, self.edit_button, self.delete_button, self.import_button):
            button.setVisible(editable)
        self.new_button.clicked.connect(self.new_asset)
        self.edit_button.clicked.connect(self.edit_asset)
        self.delete_button.clicked.connect(self.delete_asset)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.labels_button.clicked.connect(self.print_labels)
        self.print_button.clicked.connect(self.print_register)
        head = FlowRow(self)
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.import_button,
            self.export_button,
            self.labels_button,
            self.print_button,
        ):
            head.add(button)
        file_row = FlowRow(self)
        files_label = QLabel(_("ไฟล์แนบ"), self)
        files_label.setBuddy(self.files)
        file_row.add(files_label)
        for button in (self.attach_button, self.open_file_button, self.remove_file_button):
            file_row.add(button)
            button.setEnabled(False)
        self.attach_button.setVisible(editable)
        self.remove_file_button.setVisible(editable)
        splitter = RememberedSplitter("support.assets", Qt.Orientation.Horizontal, (5, 2), self)
        splitter.add_pane(head, self.bar, self.table)
        splitter.add_pane(self.details, file_row, self.files)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.details.setMinimumWidth(280)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.bar.filters_changed.connect(self.table.set_filters)
        self.table.selection_changed.connect(self._selected)
        self.table.activated_row.connect(lambda _row: self.edit_asset())
        self._load_choices()
        self.table.reload()

    # --- loading --------------------------------------------------------------------------

    def _load_choices(self) -> None:
        def show(choices: AssetChoices) -> None:
            self.choices = choices
            self.bar.set_choices(
                "category", [(cid, f"{name}") for cid, _kind, name in choices.categories]
            )
            self.bar.set_choices("unit", choices.units)

        self.ctx.run_in_background(asset_choices, show, owner=self)

    def _selected(self, row: AssetRow | None) -> None:
        for button in (self.attach_button, self.open_file_button, self.remove_file_button):
            button.setEnabled(row is not None)
        if row is None:
            self.details.clear()
            self.files.clear()
            return
        user, asset_id = self.ctx.user, row.id
        self.ctx.run_in_background(
            lambda: asset_screen(user, asset_id), self._show_details, owner=self
        )

    def _show_details(self, screen: AssetScreen) -> None:
        current = self.table.current_row()
        if current is None or current.id != screen.row.id:
            return
        self.details.setHtml(details_html(screen))
        self.files.clear()
        for file in screen.files:
            item = QListWidgetItem(
                _("{name} ({size} KB, {day})").format(
                    name=file.filename,
                    size=number(max(1, round(file.size / 1024))),
                    day=date_short(file.created_at.date()),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, file.id)
            self.files.addItem(item)

    def show_asset(self, asset_id: int) -> None:
        """Open one asset (from a ticket): its number becomes the search, then it is selected."""

        def found(row: AssetRow) -> None:
            assert self.bar.search is not None
            self.bar.reset()
            self.bar.search.setText(row.number)
            self.table.set_filters(self.bar.filters())
            self.table.reload(select_id=row.id)

        self.ctx.run_in_background(lambda: assets.asset_row(asset_id), found, owner=self)

    def focus_search(self) -> None:
        run_list_command("find", search=self.bar.search)

    def run_command(self, key: str) -> bool:
        handlers: dict[str, Callable[[], object]] = {
            "print": self.print_register,
            "refresh": lambda: self.table.reload(),
        }
        if self.ctx.can(Permission.EDIT_REGISTERS):
            handlers["edit"] = self.edit_asset
        return run_list_command(key, search=self.bar.search, table=self.table, handlers=handlers)

    def focus_target(self) -> QWidget:
        return self.table.table

    # --- editing --------------------------------------------------------------------------

    def _with_choices(self, then: Any) -> None:
        self.ctx.run_in_background(asset_choices, then, owner=self)

    def new_asset(self) -> None:
        self._with_choices(lambda choices: self.build_dialog(choices, None).exec())

    def edit_asset(self) -> None:
        row = self.table.current_row()
        if row is None:
            messages.info(self, _("กรุณาเลือกครุภัณฑ์ในรายการก่อน"))
            return
        if not self.ctx.can(Permission.EDIT_REGISTERS):
            return
        asset_id = row.id

        def open_dialog(result: tuple[AssetChoices, AssetRow]) -> None:
            self.build_dialog(result[0], result[1]).exec()

        self.ctx.run_in_background(
            lambda: (asset_choices(), assets.asset_row(asset_id)), open_dialog, owner=self
        )

    def build_dialog(self, choices: AssetChoices, row: AssetRow | None) -> AssetDialog:
        dialog = AssetDialog(self.ctx, choices, row, self)
        dialog.saved.connect(lambda asset_id: self.table.reload(select_id=asset_id))
        return dialog

    def delete_asset(self) -> None:
        row = self.table.current_row()
        if row is None:
            messages.info(self, _("กรุณาเลือกครุภัณฑ์ในรายการก่อน"))
            return
        if not messages.confirm(
            self,
            _("ลบครุภัณฑ์ {number} {name} ออกจากทะเบียน?").format(number=row.number, name=row.name),
            _("ลบ"),
            dangerous=True,
        ):
            return
        user, asset_id, version = self.ctx.user, row.id, row.version

        def work() -> None:
            asset_removal.delete_asset(user, assets.get_asset(asset_id), expected_version=version)

        self.ctx.run_in_background(work, lambda _r: self.table.reload(), owner=self)

    # --- files kept with the asset ---------------------------------------------------------

    def attach(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("เลือกไฟล์ที่จะแนบกับครุภัณฑ์"), qt_thai.in_documents()
        )
        if names:
            self.attach_paths([Path(n) for n in names])

    def attach_paths(self, paths: list[Path]) -> None:
        row = self.table.current_row()
        if row is None:
            return
        user, asset_id = self.ctx.user, row.id

        def work() -> int:
            from views.widgets.case_forms import read_files

            files = [(f.filename, f.data) for f in read_files([("file", p) for p in paths])]
            return assets.attach_files(user, asset_id, files)

        self.ctx.run_in_background(
            work, lambda _n: self._selected(self.table.current_row()), owner=self
        )

    def _chosen_file(self) -> int | None:
        item = self.files.currentItem()
        if item is None:
            messages.info(self, _("กรุณาเลือกไฟล์ในรายการก่อน"))
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def open_file(self) -> None:
        file_id = self._chosen_file()
        if file_id is None:
            return

        def work() -> str:
            from models import attachments

            folder = Path(tempfile.mkdtemp(prefix="ictdesk-"))
            return str(attachments.save_copy(file_id, folder))

        self.ctx.run_in_background(
            work, lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(path)), owner=self
        )

    def remove_file(self) -> None:
        row, file_id = self.table.current_row(), self._chosen_file()
        if row is None or file_id is None:
            return
        if not messages.confirm(self, _("นำไฟล์นี้ออกจากครุภัณฑ์?"), _("นำออก"), dangerous=True):
            return
        user, asset_id = self.ctx.user, row.id
        self.ctx.run_in_background(
            lambda: assets.remove_file(user, asset_id, file_id),
            lambda _r: self._selected(self.table.current_row()),
            owner=self,
        )

    # --- files and printing ---------------------------------------------------------------

    def import_file(self) -> None:
        from views.support.asset_import import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.imported.connect(lambda: self.table.reload())
        dialog.exec()

    def export_file(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(
            self, _("ส่งออกทะเบียนครุภัณฑ์"), _("ทะเบียนครุภัณฑ์.xlsx"), "Excel (*.xlsx)"
        )
        if not target:
            return
        path = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
        filters = asset_filter(self.bar.filters())
        sort_key, descending = self.table.model.sort_key, self.table.model.descending

        def work() -> int:
            return asset_io.export_assets(filters, path, sort_key=sort_key, descending=descending)

        self.ctx.run_in_background(
            work,
            lambda count: messages.info(
                self,
                _("ส่งออกครุภัณฑ์ {n} รายการไว้ที่ {path}").format(n=number(count), path=path),
            ),
            owner=self,
            disable=[self.export_button],
        )

    def print_labels(self) -> None:
        rows = self.table.selected_rows()
        if not rows:
            messages.info(self, _("กรุณาเลือกครุภัณฑ์ที่จะพิมพ์ป้าย (เลือกได้หลายรายการ)"))
            return
        dialog = LabelDialog(len(rows), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_labels_for(
            [r.id for r in rows],
            dialog.sheet.currentText(),
            dialog.start.value(),
            dialog.outlines.isChecked(),
        )

    def print_labels_for(self, ids: list[int], sheet: str, start: int, outlines: bool) -> None:
        user = self.ctx.user
        print_in_background(
            self.ctx,
            self,
            lambda: support_documents.asset_labels(
                user, ids, sheet=sheet, start_at=start, outlines=outlines
            ),
            _("ป้ายครุภัณฑ์"),
        )

    def print_register(self) -> None:
        ask_and_print_register(
            self.ctx,
            self,
            "assets",
            self.bar.period_bounds(),
            allow_all=True,
            title=_("พิมพ์ทะเบียนครุภัณฑ์ (ตามวันที่ได้มา)"),
        )

    def print_register_for(self, start: Any, end: Any) -> None:
        print_register(self.ctx, self, "assets", start, end)
