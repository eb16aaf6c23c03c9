"""Process 5's outsourced branch walked through the window on SQLite, in the tab a user sees: the
request approved, requirements and analysis, the median price's items (a bad rate refused, the
input kept), the TOR sent back once at the Director's approval, quotations and presentations,
the committee's selection with F8 printed, the contract from the procurement panel, two
installments delivered and inspected (the second late, with its penalty) and paid, the vendor's
training with its sign-in sheet, and the project closed after disbursement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from desktop import worker
from models.development import records
from models.engine import CaseResult, get_case
from models.procurement import contracts, execution
from tests.gui.conftest import MessageBoxes
from tests.gui.desk import Desk, accepted, context, patch_dialogs
from tests.process_office import pdf_text, squash
from tests.unit.development.dev_office import D, DevOffice, at, make_dev_office
from views.development.dashboard import development_section
from views.development.tab import DevelopmentTab
from views.widgets.case_forms import FormDialog
from views.widgets.dialogs import SubmitDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def office(sqlite_db: peewee.Database, message_boxes: MessageBoxes) -> Iterator[DevOffice]:
    message_boxes.answer = lambda box: box.buttons[0]
    yield make_dev_office()


class DevDesk(Desk):
    """One user's process-5 tab; the projects page is the Desk's process tab."""

    def __init__(self, qtbot: Any, user: Any, forms: list[FormDialog]) -> None:
        self.qtbot, self.user, self.forms = qtbot, user, forms
        self.ctx = context(user)
        self.whole = DevelopmentTab(self.ctx)
        qtbot.addWidget(self.whole)
        self.whole.resize(1366, 768)
        self.whole.show()
        self.tab = self.whole.projects
        self.wait()


def ok(desk: Desk, dialog: QDialog, **texts: str) -> None:
    for name, value in texts.items():
        widget = getattr(dialog, name)
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        else:
            widget.setPlainText(value)
    desk.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    desk.wait()


def test_outsourced_project_through_the_window(
    qtbot: Any, office: DevOffice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forms, printed = patch_dialogs(monkeypatch)
    opened: list[QDialog] = []
    monkeypatch.setattr(SubmitDialog, "exec", lambda self: (self.show(), opened.append(self), 0)[2])
    paper = {}
    for name in ("minutes", "flowchart", "tor", "manual", "signin"):
        paper[name] = tmp_path / f"{name}.pdf"
        paper[name].write_bytes(b"%PDF-1.4 " + name.encode())

    at(D(2026, 10, 6))
    staff = DevDesk(qtbot, office["somchai"], forms)
    dialog = staff.register(
        {
            "title": "ระบบรับรองผลการประเมินออนไลน์",
            "requester": "สำนักรับรองมาตรฐาน",
            "received_on": D(2026, 10, 6),
            "idea": "ยื่นและพิจารณารับรองผลออนไลน์",
            "met_on": D(2026, 10, 6),
        },
        {"minutes": [paper["minutes"]]},
    )
    assert accepted(dialog), dialog.banner.text()
    number = staff.numbers()[0]
    case_id = get_case_id(number)

    at(D(2026, 10, 8))
    head = DevDesk(qtbot, office["head"], forms)
    head.open(number)
    head.act("approve", {"benefit": "ลดเวลา", "weighing": "คุ้มค่า", "decided_on": D(2026, 10, 8)})

    records_panel = staff.tab.records
    at(D(2026, 10, 12))
    staff.open(number)
    staff.wait()
    meeting = records_panel.build("meeting")
    assert meeting is not None
    ok(staff, meeting, user_group="สำนักรับรองมาตรฐาน")
    assert accepted(meeting)
    staff.open(number)
    assert accepted(staff.act("done"))
    at(D(2026, 10, 20))
    staff.open(number)
    staff.act(
        "done",
        {"functions": "ยื่นคำขอ พิจารณา รับรอง", "scope": "ทุกสำนัก"},
        files={"flowchart": [paper["flowchart"]]},
    )
    at(D(2026, 10, 22))
    staff.open(number)
    assert accepted(
        staff.act("outsource", {"cost": "1,000,000", "mode_decided_on": D(2026, 10, 22)})
    )

    # --- step 9: the median price's items; a bad rate refused, the input kept ----------------
    staff.wait()
    cost = records_panel.build("cost")
    assert cost is not None
    ok(staff, cost, description="นักวิเคราะห์ระบบ", rate="-50,000")
    assert not accepted(cost) and "rate" in cost.errors.marked()
    assert cost.description.text() == "นักวิเคราะห์ระบบ"  # type: ignore[attr-defined]
    cost.quantity.setValue(2)  # type: ignore[attr-defined]
    cost.months.setValue(6)  # type: ignore[attr-defined]
    ok(staff, cost, rate="50,000")
    assert accepted(cost), cost.banner.text()
    cost = records_panel.build("cost")
    assert cost is not None
    cost.kind.setCurrentIndex(cost.kind.findData(records.CostKind.LICENCE))  # type: ignore[attr-defined]
    ok(staff, cost, description="ใบอนุญาตฐานข้อมูล", rate="120,000")
    assert accepted(cost)
    staff.wait()
    assert "720,000.00" in records_panel.median_label.text()
    staff.open(number)
    staff.print("median_price")
    assert squash("เจ็ดแสนสองหมื่นบาทถ้วน") in squash(pdf_text(printed.last))
    dialog = staff.act(
        "done",
        {"tor_summary": "ระบบรับรองผล 3 โมดูล", "median_price_on": D(2026, 10, 22)},
        files={"tor": [paper["tor"]]},
    )
    assert accepted(dialog), dialog.banner.text()

    # --- step 10: the Director sends it back once, then both approvals -----------------------
    at(D(2026, 10, 26))
    head.open(number)
    head.act("send_back", comment="ขอให้แยกค่าอบรมผู้ใช้")
    staff.open(number)
    assert "ขอให้แยกค่าอบรมผู้ใช้" in staff.timeline()
    staff.act(
        "done", {"tor_summary": "ระบบรับรองผล 3 โมดูล พร้อมอบรม", "median_price_on": D(2026, 10, 26)}
    )
    head.open(number)
    head.act("approve", {"principle_approved_on": D(2026, 10, 26)})
    at(D(2026, 10, 28))
    head.open(number)
    head.act("approve", {"tor_approved_on": D(2026, 10, 28)})

    # --- steps 11-12: quotations, presentations, the selection (F8 printed) -------------------
    at(D(2026, 11, 4))
    staff.open(number)
    staff.wait()
    procurement = staff.tab.procurement
    for vendor, before_vat, vat in (
        (office.vendors[0], "672,897.20", "47,102.80"),
        (office.vendors[1], "700,000", "49,000"),
    ):
        qtbot.mouseClick(procurement.add_quote_button, Qt.MouseButton.LeftButton)
        quote = opened[-1]
        quote.vendor.setCurrentIndex(quote.vendor.findData(vendor.id))  # type: ignore[attr-defined]
        ok(staff, quote, quote_no=f"QT-{vendor.id}", amount_before_vat=before_vat, vat=vat)
        assert accepted(quote), quote.banner.text()
        presentation = records_panel.build("presentation")
        assert presentation is not None
        presentation.vendor.setCurrentIndex(presentation.vendor.findData(vendor.id))  # type: ignore[attr-defined]
        for n, box in enumerate(presentation.scores.values()):  # type: ignore[attr-defined]
            box.setValue(box.maximum() - n - (0 if vendor == office.vendors[0] else 3))
        ok(staff, presentation, offered_price="720,000")
        assert accepted(presentation), presentation.banner.text()
    staff.wait()
    assert procurement.quote_table.rowCount() == 2 and records_panel.presentations.rowCount() == 2
    staff.open(number)
    staff.act("done")
    at(D(2026, 11, 6))
    staff.open(number)
    dialog = staff.act(
        "select",
        {
            "committee": office.procurement_committee.id,
            "winner": office.vendors[0].id,
            "selection_reason": "คะแนนรวมสูงสุด",
            "selected_on": D(2026, 11, 6),
        },
    )
    assert accepted(dialog), dialog.banner.text()
    staff.open(number)
    staff.print("selection_report")
    f8 = squash(pdf_text(printed.last))
    assert squash("รายงานผลการคัดเลือกผู้รับจ้างพัฒนาระบบรับรองผลการประเมินออนไลน์") in f8
    assert squash("เจ็ดแสนสองหมื่นบาทถ้วน") in f8 and squash("กรรมการและเลขานุการ") in f8

    # --- step 13: the contract from the procurement panel -------------------------------------
    at(D(2026, 11, 16))
    staff.open(number)
    staff.wait()
    qtbot.mouseClick(procurement.contract_button, Qt.MouseButton.LeftButton)
    contract = opened[-1]
    contract.vendor.setCurrentIndex(contract.vendor.findData(office.vendors[0].id))  # type: ignore[attr-defined]
    contract.inspection_committee.setCurrentIndex(  # type: ignore[attr-defined]
        contract.inspection_committee.findData(office.inspection_committee.id)  # type: ignore[attr-defined]
    )
    contract.method.setCurrentIndex(contract.method.findData("selection"))  # type: ignore[attr-defined]
    ok(
        staff,
        contract,
        number="25/2570",
        title="จ้างพัฒนาระบบรับรองผลการประเมินออนไลน์",
        price="720,000",
        vat="47,102.80",
        installments="งวดที่ 1 ออกแบบ; 29/01/2570; 216,000\nงวดที่ 2 ระบบพร้อมใช้; 30/04/2570; 504,000",
    )
    assert not accepted(contract) and "method_reason" in contract.errors.marked()  # type: ignore[attr-defined]
    assert contract.number.text() == "25/2570"  # type: ignore[attr-defined]
    ok(staff, contract, method_reason="งานพัฒนาระบบต้องใช้ผู้ชำนาญเฉพาะ")
    assert accepted(contract), contract.banner.text()  # type: ignore[attr-defined]
    staff.open(number)
    assert accepted(staff.act("done"))

    # --- steps 14-15 and 17: two installments, the second four days late; invoices paid -------
    def deliver_inspect_pay(row: int, brought: dt.date) -> None:
        at(brought)
        staff.open(number)
        staff.wait()
        page = procurement.contract_page
        assert page is not None
        page.installments.selectRow(row)
        delivery = page.add_delivery()
        assert delivery is not None
        ok(staff, delivery, letter_no=f"SW {row + 1:03d}/2570")
        assert accepted(delivery), delivery.banner.text()
        at(brought + dt.timedelta(days=3))
        staff.wait()
        page.installments.selectRow(row)
        page.deliveries.selectRow(0)
        inspection = page.add_inspection()
        assert inspection is not None
        ok(staff, inspection)
        assert accepted(inspection), inspection.banner.text()
        invoice = page.add_invoice()
        assert invoice is not None
        ok(staff, invoice, invoice_no=f"INV-{row + 1}")
        assert accepted(invoice), invoice.banner.text()
        staff.wait()
        installment = contracts.installments(contracts.contracts_of_case(case_id)[-1])[row]
        stored = execution.invoices_of(installment)[-1]
        execution.approve_invoice(
            office["head"], stored, approved_on=brought + dt.timedelta(days=3)
        )
        page.reload()
        staff.wait()
        page.installments.selectRow(row)
        page.invoices.selectRow(0)
        pay = page.pay_invoice()
        assert pay is not None
        ok(staff, pay)
        assert accepted(pay), pay.banner.text()

    deliver_inspect_pay(0, D(2027, 1, 27))
    deliver_inspect_pay(1, D(2027, 5, 4))
    second = contracts.installments(contracts.contracts_of_case(case_id)[-1])[1]
    inspection = execution.inspections_of(second)[-1]
    assert inspection.late_days == 4
    assert Decimal(inspection.penalty) == Decimal("2016.00")  # 0.10 % × 504,000 × 4
    at(D(2027, 5, 10))
    staff.open(number)
    assert accepted(staff.act("done"))

    # --- step 16: the vendor trains the users; the signed sheet is the evidence ---------------
    staff.wait()
    training = records_panel.build("training")
    assert training is not None
    training.invited.setValue(20)  # type: ignore[attr-defined]
    training.attended.setValue(18)  # type: ignore[attr-defined]
    ok(
        staff,
        training,
        place="ห้องอบรม",
        user_group="เจ้าหน้าที่รับรองผล",
        trainer="บริษัท ซอฟต์แวร์ไทย จำกัด",
    )
    assert accepted(training), training.banner.text()
    staff.wait()
    records_panel.trainings.selectRow(0)
    records_panel.attach_sign_in(paper["signin"])
    staff.wait()
    staff.open(number)
    assert accepted(staff.act("done", files={"user_manual": [paper["manual"]]}))
    staff.open(number)
    assert accepted(staff.act("close"))
    done = get_case(case_id)
    assert done.status == "closed" and done.result == CaseResult.COMPLETED
    # the training register on screen shows the session with its evidence
    staff.whole.pages.setCurrentIndex(1)
    staff.wait()
    page = staff.whole.training_page()
    assert page.table.rowCount() == 1 and page.table.item(0, 7).text() == "มี"
    exported = tmp_path / "trainings.xlsx"
    page.export(exported)
    staff.wait()
    assert exported.stat().st_size > 0


def get_case_id(number: str) -> int:
    from models.engine.tables import Case

    return int(Case.get(Case.number == number).id)


def test_dashboard_lists_late_milestones_and_opens_the_project(
    qtbot: Any, office: DevOffice
) -> None:
    from tests.unit.development.dev_office import open_project

    case = open_project(office)
    records.add_milestone(
        office["somchai"], case.id, title="ต้นแบบหน้าจอ", planned_on=D(2026, 10, 20)
    )
    at(D(2026, 11, 2))
    section = development_section(office["head"])
    assert section.counts[0].value == 1
    item = section.items[0]
    assert "ต้นแบบหน้าจอ" in item.title and item.overdue and item.open.id == case.id
    tab = DevelopmentTab(context(office["head"]))
    qtbot.addWidget(tab)
    tab.open_request(item.open)
    qtbot.waitUntil(lambda: tab.projects.records.data is not None, timeout=10_000)
    assert tab.projects.records.data.case_id == case.id  # type: ignore[union-attr]
    assert get_case(case.id).status == "open"


def test_staff_reach_the_vendor_register_from_the_tab(qtbot: Any, office: DevOffice) -> None:
    tab = DevelopmentTab(context(office["somchai"]))
    qtbot.addWidget(tab)
    tab.pages.setCurrentIndex(2)
    page = tab.vendor_page()
    assert page.__class__.__name__ == "VendorsPage"
    qtbot.waitUntil(lambda: worker.running_count() == 0, timeout=10_000)
    assert tab.pages.tabText(2) == "ผู้ประกอบการ"
