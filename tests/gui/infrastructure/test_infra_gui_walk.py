"""Process 4 walked through the window on SQLite: a plan item added (a bad budget refused, the
input kept), the plan printed, the project opened from its item and taken through steps 2-8 (one
send-back by the Director), quotations, the contract, deliveries, inspections and invoices recorded
from the project's procurement panel, one installment delivered late with its penalty, the project
closed and the plan showing it done; the dashboard box lists the late delivery."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from desktop import worker
from models import office
from models.engine import get_case
from models.infrastructure import plans
from models.org import CommitteeKind, CommitteeRole
from models.procurement import committees, quotations
from reports.thaifmt import thai_digits as t
from tests.gui.conftest import MessageBoxes
from tests.gui.desk import Desk, accepted, context, patch_dialogs
from tests.process_office import pdf_table_rows, pdf_text, squash
from tests.unit.infrastructure.project_office import D, ProjectOffice, at, make_project_office
from views.infrastructure.dashboard import infrastructure_section
from views.infrastructure.tab import InfrastructureTab
from views.widgets.case_forms import FormDialog
from views.widgets.dialogs import SubmitDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def po(sqlite_db: peewee.Database) -> ProjectOffice:
    found = make_project_office()
    inspection = office.save_committee(
        found["head"],
        None,
        [
            {
                "full_name": "นางกาญจนา ทองดี",
                "position": "หัวหน้างานระบบการประเมิน",
                "role": CommitteeRole.CHAIR,
            },
            {"full_name": "นายธนากร ศรีสวัสดิ์", "position": "ผู้ดูแลระบบ", "role": CommitteeRole.MEMBER},
            {
                "full_name": "นางสาวจันทร์เพ็ญ มีสุข",
                "position": "เจ้าหน้าที่บริหารทั่วไป",
                "role": CommitteeRole.SECRETARY,
            },
        ],
        name="คณะกรรมการตรวจรับพัสดุ งานจ้างบำรุงรักษาระบบเครือข่าย",
        kind=CommitteeKind.INSPECTION,
    )
    # each member's แบบแสดงความบริสุทธิ์ใจ (F18), signed before the committee acts
    for member in office.committee_members(inspection):
        committees.record_declaration(found["head"], member, declared_on=D(2026, 10, 5))
    return found


class InfraDesk(Desk):
    """One user's process-4 tab: the projects page is the Desk's process tab."""

    def __init__(self, qtbot: Any, user: Any, forms: list[FormDialog]) -> None:
        self.qtbot, self.user, self.forms = qtbot, user, forms
        self.ctx = context(user)
        self.whole = InfrastructureTab(self.ctx)
        qtbot.addWidget(self.whole)
        self.whole.resize(1500, 950)
        self.whole.show()
        self.wait()
        self.whole.show_page("projects")
        self.tab = self.whole.projects
        self.wait()


def fill_and_ok(desk: Desk, dialog: SubmitDialog, **texts: str) -> None:
    for name, value in texts.items():
        widget = getattr(dialog, name)
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        else:
            widget.setPlainText(value)
    desk.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    desk.wait()


def test_project_through_the_window(
    qtbot: Any,
    po: ProjectOffice,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    forms, printed = patch_dialogs(monkeypatch)
    opened: list[QDialog] = []
    monkeypatch.setattr(SubmitDialog, "exec", lambda self: (self.show(), opened.append(self), 0)[2])
    spec = tmp_path / "spec.pdf"
    spec.write_bytes(b"%PDF-1.4 spec")
    tor = tmp_path / "tor.pdf"
    tor.write_bytes(b"%PDF-1.4 tor")

    # --- the plan: an item added; a negative budget is refused and the input kept -------------
    at(D(2026, 10, 5))
    head = InfraDesk(qtbot, po["head"], forms)
    plan_page = head.whole.plan
    head.whole.show_page("plan")
    head.wait()
    assert [r.title for r in plan_page.rows] == [po.item.title, po.other_item.title]
    qtbot.mouseClick(plan_page.add_button, Qt.MouseButton.LeftButton)
    item_dialog = opened[-1]
    fill_and_ok(head, item_dialog, title="จ้างตรวจสอบความปลอดภัยระบบเครือข่าย", budget="-50,000")
    assert not accepted(item_dialog)
    assert "budget" in item_dialog.errors.marked()
    assert item_dialog.title.text() == "จ้างตรวจสอบความปลอดภัยระบบเครือข่าย"
    fill_and_ok(head, item_dialog, budget="150,000")
    assert accepted(item_dialog)
    head.wait()
    assert [r.title for r in plan_page.rows][-1] == "จ้างตรวจสอบความปลอดภัยระบบเครือข่าย"
    qtbot.mouseClick(plan_page.print_button, Qt.MouseButton.LeftButton)
    head.wait()
    assert squash(t("1,830,000.00")) in squash(pdf_text(printed.last))

    # --- step 2: the project opened from its plan item -------------------------------------
    at(D(2026, 10, 6))
    staff = InfraDesk(qtbot, po["somchai"], forms)
    staff.whole.show_page("plan")
    staff.wait()
    staff.whole.plan.select_item(po.item.id)
    assert staff.whole.plan.project_button.text() == "เปิดโครงการ…"
    qtbot.mouseClick(staff.whole.plan.project_button, Qt.MouseButton.LeftButton)
    staff.wait()
    registration = forms[-1]
    assert registration.form.values()["plan_item"] == po.item.id
    staff.submit(registration)
    assert accepted(registration)
    number = staff.numbers()[0]
    staff.open(number)
    staff.act(
        "done", {"spec_summary": "บำรุงรักษาอุปกรณ์เครือข่ายหลัก 12 เดือน"}, files={"spec_file": [spec]}
    )

    # --- step 3: quotations from the procurement panel; the memo asks approval --------------
    at(D(2026, 10, 9))
    staff.open(number)
    panel = staff.tab.records
    staff.wait()
    qtbot.mouseClick(panel.add_quote_button, Qt.MouseButton.LeftButton)
    quote = opened[-1]
    fill_and_ok(staff, quote, quote_no="QT-001", amount_before_vat="420,560.75", vat="29,439.25")
    assert not accepted(quote) and "vendor" in quote.errors.marked()  # not in the register
    quote.vendor.setCurrentIndex(quote.vendor.findData(po.vendors[0].id))
    quote.set_file(spec)  # the vendor's quotation, scanned
    fill_and_ok(staff, quote)
    assert accepted(quote)
    stored = quotations.quotations_of_case(staff.panel.case_id)  # type: ignore[arg-type]
    assert stored[0].attachment_id is not None
    qtbot.mouseClick(panel.add_quote_button, Qt.MouseButton.LeftButton)
    quote = opened[-1]
    quote.vendor.setCurrentIndex(quote.vendor.findData(po.vendors[1].id))
    fill_and_ok(staff, quote, quote_no="QT-77", amount_before_vat="434,579.44", vat="30,420.56")
    staff.wait()
    assert panel.quote_table.rowCount() == 2
    # a third one typed by mistake, then removed
    qtbot.mouseClick(panel.add_quote_button, Qt.MouseButton.LeftButton)
    quote = opened[-1]
    quote.vendor.setCurrentIndex(quote.vendor.findData(po.vendors[2].id))
    fill_and_ok(staff, quote, quote_no="QT-X", amount_before_vat="1,000", vat="70")
    staff.wait()
    assert panel.quote_table.rowCount() == 3
    panel.quote_table.selectRow(0)  # cheapest first: the mistaken one
    message_boxes.answer = "ตกลง"
    qtbot.mouseClick(panel.remove_quote_button, Qt.MouseButton.LeftButton)
    staff.wait()
    assert panel.quote_table.rowCount() == 2
    assert panel.quote_table.item(0, 0).text().endswith("(ต่ำสุด)")
    values = {"budget": "480,000", "tor_committee_id": po.tor_committee.id}
    staff.act("done", values)
    assert get_case(staff.panel.case_id).current_step == "director"  # type: ignore[arg-type]
    staff.open(number)
    staff.print("f1")  # the approval memo with the TOR committee, printed from the case
    f1 = squash(pdf_text(printed.last))
    assert squash("แต่งตั้งคณะกรรมการจัดทำร่างขอบเขตของงาน") in f1 and "สี่แสนแปดหมื่นบาทถ้วน" in f1

    # --- step 4: the Director sends it back once, then approves ----------------------------
    at(D(2026, 10, 13))
    staff.open(number)
    staff.act("send_back", comment="ขอให้ระบุจำนวนอุปกรณ์ที่บำรุงรักษา")
    assert "ขอให้ระบุจำนวนอุปกรณ์ที่บำรุงรักษา" in staff.timeline()
    staff.open(number)
    staff.act("done", values)
    at(D(2026, 10, 15))
    staff.open(number)
    staff.act(
        "approve", {"director": po.office.director.id, "principle_approved_on": D(2026, 10, 15)}
    )

    # --- steps 5-6: TOR and median price, the Deputy Director ------------------------------
    at(D(2026, 10, 27))
    staff.open(number)
    staff.act(
        "done",
        {
            "tor_summary": "ขอบเขตงานบำรุงรักษา 12 เดือน",
            "median_price": "450,000",
            "median_price_on": D(2026, 10, 27),
        },
        files={"tor_file": [tor]},
    )
    at(D(2026, 11, 2))
    staff.open(number)
    staff.act("approve", {"deputy": po.office.deputy.id, "tor_approved_on": D(2026, 11, 2)})

    # --- step 7: the method, then the contract from the panel, then the award --------------
    at(D(2026, 11, 4))
    staff.open(number)
    staff.act("done", {"method": "specific", "report22_on": D(2026, 11, 4)})
    at(D(2026, 11, 20))
    staff.open(number)
    qtbot.mouseClick(panel.contract_button, Qt.MouseButton.LeftButton)
    contract = opened[-1]
    contract.vendor.setCurrentIndex(contract.vendor.findData(po.vendors[0].id))
    contract.inspection_committee.setCurrentIndex(1)
    lines = "งวดที่ 1 ตรวจสอบและปรับแต่งระบบ; 21/12/2569; 225,000\nงวดที่ 2 บำรุงรักษาและรายงานผล; 26/02/2570; 200,000"
    fill_and_ok(
        staff,
        contract,
        number="12/2570",
        title="จ้างบำรุงรักษาระบบเครือข่าย",
        price="450,000",
        vat="29,439.25",
        installments=lines,
    )
    assert not accepted(contract)  # 225,000 + 200,000 is not the whole price
    assert contract.number.text() == "12/2570"
    fill_and_ok(staff, contract, installments=lines.replace("200,000", "225,000"))
    assert accepted(contract)
    staff.wait()
    page = panel.contract_page  # the contract's own page, embedded
    assert page is not None and page.installments.rowCount() == 2
    staff.act(
        "approve",
        {"vendor": po.vendors[0].id, "award_amount": "450,000", "awarded_on": D(2026, 11, 20)},
    )
    assert get_case(staff.panel.case_id).current_step == "follow"  # type: ignore[arg-type]

    # --- step 8: installment 1 on time, installment 2 five days late (on the contract page) --
    def deliver_and_inspect(row: int, brought: dt.date, inspected: dt.date) -> None:
        at(brought)
        staff.open(number)
        staff.wait()
        page = panel.contract_page
        assert page is not None
        page.installments.selectRow(row)
        delivery = page.add_delivery()
        assert delivery is not None
        fill_and_ok(staff, delivery, letter_no=f"NS {row + 1:03d}/2569")
        assert accepted(delivery)
        at(inspected)
        staff.wait()
        page.installments.selectRow(row)
        page.deliveries.selectRow(0)
        inspection = page.add_inspection()
        assert inspection is not None
        fill_and_ok(staff, inspection)
        assert accepted(inspection), inspection.banner.text()
        invoice = page.add_invoice()
        assert invoice is not None
        fill_and_ok(staff, invoice, invoice_no=f"INV-{row + 1:03d}")
        assert accepted(invoice)
        staff.wait()

    at(D(2026, 12, 14))
    staff.open(number)
    staff.act(
        "remind",
        {"reminder_channel": "phone", "reminder_note": "งวดที่ 1 ครบกำหนดวันที่ 21 ธ.ค. 2569"},
    )
    assert "งวดที่ 1 ครบกำหนดวันที่ 21 ธ.ค. 2569" in staff.timeline()
    deliver_and_inspect(0, D(2026, 12, 18), D(2026, 12, 18))
    at(D(2027, 3, 3))
    section = infrastructure_section(po["somchai"])
    late = [i for i in section.items if "ล่าช้า" in i.title]
    assert late and "12/2570" in late[0].title and "1,125.00" in late[0].state
    deliver_and_inspect(1, D(2027, 3, 3), D(2027, 3, 4))
    page = panel.contract_page
    assert page is not None
    assert page.installments.item(1, 5).text() == "1,125.00"

    at(D(2027, 3, 5))
    staff.open(number)
    staff.act(
        "close", {"completed_on": D(2027, 3, 4), "summary": "ตรวจรับครบ 2 งวด ค่าปรับ 1,125 บาท"}
    )
    case = get_case(staff.panel.case_id)  # type: ignore[arg-type]
    assert case.status == "closed"
    staff.tab.print_for("report_memo", D(2026, 10, 1), D(2027, 9, 30))
    staff.wait()
    report = squash(pdf_text(printed.last))
    assert squash("รายงานผลการดำเนินงานบำรุงรักษาระบบฮาร์ดแวร์และเครือข่าย") in report
    assert squash("12/2570") in report or squash(t("12/2570")) in report
    staff.whole.show_page("plan")
    staff.wait()
    row = next(r for r in staff.whole.plan.rows if r.id == po.item.id)
    assert row.progress == "แล้วเสร็จ"
    assert worker.running_count() == 0
    _ = (plans, Decimal)


def test_tab_pages_and_dashboard_open_requests(qtbot: Any, po: ProjectOffice) -> None:
    at(D(2026, 10, 5))
    desk = InfraDesk(qtbot, po["head"], [])
    for key in ("plan", "problems", "vendors", "projects"):
        page = desk.whole.show_page(key)
        desk.wait()
        assert desk.whole.current_page() is page
    vendors_page = desk.whole.show_page("vendors")
    desk.wait()
    assert vendors_page.__class__.__name__ == "VendorsPage"
    from views.registry import OpenRequest, view_spec

    assert view_spec("infrastructure") is not None
    # keyboard commands reach the page shown: Alt+Down steps through the plan's items
    desk.whole.show_page("plan")
    desk.wait()
    assert desk.whole.run_command("next")
    assert desk.whole.plan.current() is not None
    assert desk.whole.plan.current().id == po.item.id  # type: ignore[union-attr]
    assert not desk.whole.run_command("pane")
    keys = [key for key, _label in desk.whole.projects.period_choices()]
    assert keys == [
        "report_memo",
        "register:annual-plan",
        "register:infrastructure-problems",
        "register:contracts",
        "register:incidents",
    ]
    desk.whole.open_request(OpenRequest("infrastructure", "problems"))
    assert desk.whole.current_page() is desk.whole.problems


def test_problems_log_and_plan_approval_through_the_window(
    qtbot: Any, po: ProjectOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forms, printed = patch_dialogs(monkeypatch)
    opened: list[QDialog] = []
    monkeypatch.setattr(SubmitDialog, "exec", lambda self: (self.show(), opened.append(self), 0)[2])
    at(D(2026, 10, 5))
    desk = InfraDesk(qtbot, po["eval_head"], [])
    page = desk.whole.show_page("problems")
    desk.wait()
    assert isinstance(page, type(desk.whole.problems))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = opened[-1]
    fill_and_ok(desk, dialog, system="ไฟร์วอลล์หลัก")  # no description: refused, input kept
    assert not accepted(dialog) and "description" in dialog.errors.marked()
    assert dialog.system.text() == "ไฟร์วอลล์หลัก"
    dialog.plan_item.setCurrentIndex(dialog.plan_item.findData(po.item.id))
    fill_and_ok(desk, dialog, description="ไฟร์วอลล์ค้างเมื่อมีผู้ใช้พร้อมกันเกิน 300 คน")
    assert accepted(dialog)
    desk.wait()
    assert [r.system for r in page.rows] == ["ไฟร์วอลล์หลัก"]
    assert page.rows[0].status == "planned" and page.rows[0].plan_item == po.item.title
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    desk.wait()
    text = squash(pdf_text(printed.last))
    assert squash("ทะเบียนปัญหาและอุปสรรคของระบบแม่ข่ายและเครือข่าย") in text
    rows = pdf_table_rows(printed.last)
    assert any(squash("ไฟร์วอลล์ค้างเมื่อมีผู้ใช้พร้อมกันเกิน") in cell for row in rows for cell in row)

    # the head approves the plan: approver and date together, else refused
    head = InfraDesk(qtbot, po["head"], [])
    plan_page = head.whole.show_page("plan")
    head.wait()
    qtbot.mouseClick(head.whole.plan.edit_plan_button, Qt.MouseButton.LeftButton)
    plan_dialog = opened[-1]
    fill_and_ok(head, plan_dialog, approved_by="ผู้อำนวยการ")
    assert not accepted(plan_dialog) and "approved_on" in plan_dialog.errors.marked()
    plan_dialog.approved_on.set_value(D(2026, 10, 2))
    fill_and_ok(head, plan_dialog)
    assert accepted(plan_dialog)
    head.wait()
    assert "อนุมัติแผนแล้ว" in head.whole.plan.status.text()
    assert plans.get_plan(po.plan.id).approved_by == "ผู้อำนวยการ"
    _ = plan_page
