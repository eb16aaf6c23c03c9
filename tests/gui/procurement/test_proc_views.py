"""The procurement pages through the window: the vendor register (bad tax ID refused with the
input kept, contacts, the vendor's contracts), the contract page (delivery, a dissenting then a
unanimous inspection, invoice approved with the penalty deducted and paid, the security refused
below 5 % then kept, the forms printed) and the committee declarations in settings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.context import AppContext
from models import clock
from models.org import Committee, Vendor
from models.procurement import contracts, execution, vendors
from models.procurement.contracts import Contract, Installment
from tests.unit.procurement.helpers import D, contract, inspection_committee, tax_id
from views.procurement.contract_page import ContractPage
from views.procurement.vendors import VendorsPage
from views.settings.committees import CommitteesPage
from views.settings.common import set_editor_value
from views.widgets import pdf_preview

pytestmark = pytest.mark.gui


def at(day: dt.date) -> None:
    moment = dt.datetime.combine(day, dt.time(10))
    clock.set_clock(lambda: moment)


def test_vendor_register(qtbot: Any, ctx: AppContext, wait_workers: Any) -> None:
    page = VendorsPage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    dialog = page.add()
    qtbot.addWidget(dialog)
    good = tax_id("010555600012")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    for name, value in {"name": "บริษัท เน็ตเวิร์ค จำกัด", "tax_id": bad, "address": "กรุงเทพฯ"}.items():
        set_editor_value(dialog.editors[name], value)
    dialog.save_button.click()
    wait_workers()
    assert "หลักตรวจสอบไม่ตรง" in dialog.banner.text()
    assert dialog.isVisible() and not Vendor.select().exists()
    assert dialog.editors["name"].text() == "บริษัท เน็ตเวิร์ค จำกัด"  # type: ignore[attr-defined]
    set_editor_value(dialog.editors["tax_id"], good)
    dialog.save_button.click()
    wait_workers()
    assert not dialog.isVisible()
    vendor = Vendor.get()
    assert (vendor.tax_id, vendor.address) == (good, "กรุงเทพฯ")
    assert page.row_count() == 1 and page.current_id() == vendor.id
    wait_workers()
    contact = page.add_contact()
    assert contact is not None
    qtbot.addWidget(contact)
    contact.ok_button.click()
    wait_workers()
    assert "ชื่อผู้ติดต่อ" in contact.banner.text()
    contact.full_name.setText("นายช่าง ซ่อมไว")
    contact.phone.setText("081-111-1111")
    contact.ok_button.click()
    wait_workers()
    assert page.contacts_table.rowCount() == 1
    assert page.contacts_table.item(0, 0).text() == "นายช่าง ซ่อมไว"
    # The vendor's contracts are listed and open the contract page.
    contract(None, vendor)
    page.selection_changed()
    wait_workers()
    assert page.contracts_table.item(0, 0).text() == "12/2570"
    page.contracts_table.setCurrentCell(0, 0)
    window = page.open_contract()
    assert window is not None
    qtbot.addWidget(window)
    wait_workers()
    assert "12/2570" in window.page.heading.text()  # type: ignore[attr-defined]


def test_contract_page_follows_the_contractor(
    qtbot: Any, ctx: AppContext, wait_workers: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[tuple[bytes, str]] = []
    monkeypatch.setattr(
        pdf_preview, "show_pdf_preview", lambda _p, pdf, title, _n: printed.append((pdf, title))
    )
    at(D(2027, 4, 12))
    vendor = vendors.save_vendor(None, None, name="บริษัท ก จำกัด", tax_id=tax_id("010555600012"))
    c = contract(None, vendor, inspection_committee(None))
    first, second = contracts.installments(c)
    d = execution.record_delivery(None, first, brought_on=D(2027, 1, 28))
    execution.inspect(
        None,
        d,
        inspected_on=D(2027, 2, 1),
        votes=[
            {"member_name": m.full_name, "member_role": m.role, "accepted": True}
            for m in c.inspection_committee.members
        ],
    )
    page = ContractPage(ctx, c.id)
    qtbot.addWidget(page)
    wait_workers()
    assert page.installments.rowCount() == 2
    assert "ค่าปรับถึงวันนี้ 2,880.00 บาท" in page.penalty.text()  # 12 days x 240 so far
    page.installments.selectRow(1)
    # Delivery: a value that is not a number is refused, the input kept.
    dialog = page.add_delivery()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.letter_no.setText("NS-02")  # type: ignore[attr-defined]
    dialog.brought_on.set_value(D(2027, 4, 10))  # type: ignore[attr-defined]
    dialog.value.setText("สองแสน")  # type: ignore[attr-defined]
    dialog.ok_button.click()
    wait_workers()
    assert "มูลค่างานที่ส่งมอบ ต้องเป็นตัวเลข" in dialog.banner.text()
    assert dialog.isVisible() and dialog.letter_no.text() == "NS-02"  # type: ignore[attr-defined]
    dialog.value.setText("")  # type: ignore[attr-defined]
    dialog.ok_button.click()
    wait_workers()
    assert not dialog.isVisible()
    page.installments.selectRow(1)
    page.deliveries.selectRow(0)
    # One member does not accept: a dissent for the head, nothing accepted.
    inspection = page.add_inspection()
    assert inspection is not None
    qtbot.addWidget(inspection)
    inspection.votes[2][3].setChecked(False)  # type: ignore[attr-defined]
    inspection.ok_button.click()
    wait_workers()
    assert (
        Installment.get_by_id(second.id).status == "delivered"
        or Installment.get_by_id(second.id).status == "pending"
    )
    page.installments.selectRow(1)
    assert page.deliveries.item(0, 3).text().startswith("กรรมการมีความเห็นแย้ง")
    # Brought again on 12 April, all accept: 12 days late, 2,880 baht.
    again = page.add_delivery()
    assert again is not None
    qtbot.addWidget(again)
    again.letter_no.setText("NS-03")  # type: ignore[attr-defined]
    again.ok_button.click()
    wait_workers()
    page.installments.selectRow(1)
    page.deliveries.selectRow(1)
    accept = page.add_inspection()
    assert accept is not None
    qtbot.addWidget(accept)
    accept.ok_button.click()
    wait_workers()
    assert Installment.get_by_id(second.id).status == "accepted"
    assert Contract.get_by_id(c.id).warranty_starts_on == D(2027, 4, 13)
    page.installments.selectRow(1)
    page.deliveries.selectRow(1)
    assert page.deliveries.item(1, 4).text() == "2,880.00"
    page.print_f13()
    page.print_f14()
    page.print_f15()
    wait_workers()
    assert sorted(title for _pdf, title in printed) == sorted(
        [
            "ใบตรวจรับการจัดซื้อ/จัดจ้าง",
            "รายงานผลการตรวจรับพัสดุ",
            "หนังสือแจ้งสงวนสิทธิ์เรียกค่าปรับ",
        ]
    )
    assert all(pdf.startswith(b"%PDF") and len(pdf) > 1000 for pdf, _title in printed)
    # Invoice, approval with the penalty deducted, payment.
    invoice = page.add_invoice()
    assert invoice is not None
    qtbot.addWidget(invoice)
    invoice.invoice_no.setText("INV-2")  # type: ignore[attr-defined]
    invoice.ok_button.click()
    wait_workers()
    page.installments.selectRow(1)
    page.invoices.selectRow(0)
    approve = page.approve_invoice()
    assert approve is not None
    qtbot.addWidget(approve)
    approve.ok_button.click()
    wait_workers()
    page.installments.selectRow(1)
    page.invoices.selectRow(0)
    pay = page.pay_invoice()
    assert pay is not None
    qtbot.addWidget(pay)
    pay.ok_button.click()
    wait_workers()
    (saved,) = execution.invoices_of(Installment.get_by_id(second.id))
    assert saved.net == Decimal("237120.00") and saved.paid_on == D(2027, 4, 12)
    # Security: below 5 % refused (input kept), then the default amount.
    security = page.edit_security()
    qtbot.addWidget(security)
    security.amount.setText("1000")  # type: ignore[attr-defined]
    security.ok_button.click()
    wait_workers()
    assert "24,000.00" in security.banner.text() and security.isVisible()
    security.amount.setText("")  # type: ignore[attr-defined]
    security.ok_button.click()
    wait_workers()
    assert Decimal(contracts.security_of(c).amount) == Decimal("24000.00")  # type: ignore[union-attr]
    wait_workers()
    assert "24,000.00" in page.security.text()


def test_committee_declarations_in_settings(qtbot: Any, ctx: AppContext, wait_workers: Any) -> None:
    page = CommitteesPage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    dialog = page.add()
    qtbot.addWidget(dialog)
    set_editor_value(dialog.editors["name"], "คณะกรรมการตรวจรับพัสดุ ๒๕๗๐")
    set_editor_value(dialog.editors["kind"], "inspection")
    for name, role in (
        ("นายก ประธาน", "chair"),
        ("นางข กรรมการ", "member"),
        ("นายค เลขา", "secretary"),
    ):
        dialog.members.add_member({"full_name": name, "role": role})  # type: ignore[attr-defined]
    table = dialog.members.table  # type: ignore[attr-defined]
    table.item(0, 3).setText("3/10/2569")
    table.item(1, 3).setText("ไม่ทราบ")
    dialog.save_button.click()
    wait_workers()
    assert "กรรมการลำดับที่ 2" in dialog.banner.text()
    assert not Committee.select().exists()
    table.item(1, 3).setText("04/10/2569")
    table.item(2, 4).setCheckState(Qt.CheckState.Checked)
    dialog.save_button.click()
    wait_workers()
    assert not dialog.isVisible()
    members = {m.full_name: m for m in Committee.get().members}
    assert members["นายก ประธาน"].declared_on == dt.date(2026, 10, 3)
    assert members["นางข กรรมการ"].declared_on == dt.date(2026, 10, 4)
    assert members["นายค เลขา"].declared_on is None and members["นายค เลขา"].is_expert
    page.select_id(Committee.get().id)
    assert page.current_row()["declared_count"] == 2  # type: ignore[index]


def test_procurement_settings_shown_and_kept(
    qtbot: Any, ctx: AppContext, wait_workers: Any
) -> None:
    """Every [U] figure of PROCUREMENT.md is an office setting shown in ตั้งค่า → ค่าทั่วไป."""
    import views.procurement  # noqa: F401  (the view package declares them, as the window loads it)
    from models import settings
    from views.settings.general import GeneralPage

    page = GeneralPage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    for key in (
        "procurement.specific_max_baht",
        "procurement.single_inspector_max_baht",
        "procurement.security_pct",
        "procurement.penalty_working_days",
        "procurement.penalty_base_includes_vat",
        "procurement.ban_scope_inspection_overlap",
        "procurement.installment_reminder_days",
    ):
        assert key in page.editors, key
    set_editor_value(page.editors["procurement.specific_max_baht"], 400_000)
    page.save_button.click()
    wait_workers()
    assert settings.get("procurement.specific_max_baht") == 400_000


def test_contract_and_incident_registers_on_screen(
    qtbot: Any,
    ctx: AppContext,
    wait_workers: Any,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    import openpyxl

    from models.procurement import incidents
    from views.procurement.registers import RegisterPage

    printed: list[str] = []
    monkeypatch.setattr(
        pdf_preview, "show_pdf_preview", lambda _p, pdf, title, _n: printed.append(title)
    )
    at(D(2027, 2, 1))
    vendor = vendors.save_vendor(None, None, name="บริษัท ก จำกัด", tax_id=tax_id("010555600012"))
    c = contract(None, vendor)
    incidents.open_incident(
        None, contract_id=c.id, system="ไฟร์วอลล์", down_since=dt.datetime(2027, 1, 30, 9, 0)
    )
    page = RegisterPage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    assert page.row_count() == 1  # fiscal year 2570 holds the contract signed 2 Nov 2026
    assert page.proxy.index(0, 1).data() == "12/2570"
    page.table.selectRow(0)
    window = page.open_contract()
    assert window is not None
    qtbot.addWidget(window)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2569))
    page.set_year(2569)
    wait_workers()
    assert page.row_count() == 0
    page.set_year(None)
    page.choose("incidents")
    wait_workers()
    assert page.row_count() == 1 and page.model.rows[0]["system"] == "ไฟร์วอลล์"
    page.export_to(tmp_path / "incidents.xlsx")
    page.print_current()
    wait_workers()
    sheet = openpyxl.load_workbook(tmp_path / "incidents.xlsx").active
    assert sheet["A1"].value == "ทะเบียนเหตุขัดข้องและเหตุฉุกเฉิน"
    assert [cell.value for cell in sheet[4]][2] == "ไฟร์วอลล์"
    assert printed == ["ทะเบียนเหตุขัดข้องและเหตุฉุกเฉิน"]
    assert "ส่งออก 1 รายการ" in message_boxes.texts[-1]
