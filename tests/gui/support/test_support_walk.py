"""Process 2 walked through the window: a repair ticket registered, refused at assignment without a
loaner, assigned with one lent in the same move, repaired, the loaner returned, the requester told,
closed; the slips and the service-problem register read back. Also: a head's waiver, the asset
register's form and its refusal, the keyboard shortcuts, and the import preview's refusal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop import worker
from models.engine import CaseState, get_case
from models.support import assets, loans
from models.support.assets import Asset, AssetStatus
from models.support.tickets import RepairTicket
from reports.labels import SHEETS
from tests import support_office
from tests.gui.conftest import MessageBoxes
from tests.gui.desk import CTRL, Printed, accepted, context, fill, patch_dialogs, press
from tests.unit.reports_helpers import pdftotext, squash
from views.support.tab import SupportTab
from views.widgets.case_forms import FormDialog

pytestmark = pytest.mark.gui
D = dt.date


@pytest.fixture
def office(sqlite_db: peewee.Database) -> Iterator[support_office.SupportOffice]:
    yield support_office.build()


class SupportDesk:
    """One user's support tab."""

    def __init__(self, qtbot: Any, user: Any, forms: list[FormDialog]) -> None:
        self.qtbot = qtbot
        self.forms = forms
        self.tab = SupportTab(context(user))
        qtbot.addWidget(self.tab)
        self.tab.resize(1500, 850)
        self.tab.show()
        self.wait()

    @property
    def tickets(self) -> Any:
        return self.tab.tickets

    def wait(self) -> None:
        self.qtbot.waitUntil(lambda: worker.running_count() == 0, timeout=15_000)
        self.qtbot.wait(10)

    def numbers(self) -> list[str]:
        return [row.number for row in self.tickets.list.table.model.rows]

    def open(self, number: str) -> None:
        self.tickets.list.reload()
        self.wait()
        self.tickets.list.table.table.selectRow(self.numbers().index(number))
        self.wait()
        assert self.tickets.panel.current is not None
        assert self.tickets.panel.current.view.row.number == number

    def buttons(self) -> list[str]:
        return list(self.tickets.panel.action_buttons)

    def form_for(self, outcome: str) -> FormDialog:
        before = len(self.forms)
        self.qtbot.mouseClick(self.tickets.panel.action_buttons[outcome], Qt.MouseButton.LeftButton)
        self.wait()
        assert len(self.forms) == before + 1
        return self.forms[-1]

    def submit(self, dialog: QDialog, button: Any = None) -> None:
        self.qtbot.mouseClick(button or dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        self.wait()


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> tuple[list[FormDialog], Printed]:
    return patch_dialogs(monkeypatch)


def test_ticket_walk_with_the_loaner_rule(
    qtbot: Any,
    office: support_office.SupportOffice,
    captured: tuple[list[FormDialog], Printed],
    message_boxes: MessageBoxes,
) -> None:
    forms, printed = captured
    support_office.at(D(2026, 4, 10))
    staff = SupportDesk(qtbot, office.staff, forms)

    # Ctrl+N opens the registration form on the tickets page.
    staff.tab.pages.setCurrentIndex(1)
    press(staff.tab, Qt.Key.Key_N, CTRL)
    staff.wait()
    assert staff.tab.pages.currentWidget() is staff.tickets
    registration = forms[-1]
    fill(
        registration,
        {
            "title": "เครื่องคอมพิวเตอร์เปิดไม่ติด",
            "paperless_no": "พด 0105/123",
            "doc_kind": "memo",
            "unit": office.unit.id,
            "requester_name": "นางสาวสุดา รักษ์ไทย",
            "asset": office.pcs[0].id,
            "category": office.categories[3].id,
            "description": "กดปุ่มแล้วไม่มีไฟ",
        },
        "",
        {},
    )
    staff.submit(registration)
    assert accepted(registration), (registration.banner.text(), registration.errors.marked())
    assert staff.numbers() == ["ซ.1/2569"]
    view = staff.tickets.panel.current.view  # type: ignore[union-attr]
    assert view.row.due_on == D(2026, 4, 20)  # 3 working days over Songkran
    assert staff.buttons() == ["assign"]

    # Estimate over one working day without a loaner: refused, the form keeps the input.
    assign = staff.form_for("assign")
    fill(assign, {"assignee": office.staff.id, "estimate_days": "3"}, "", {})
    staff.submit(assign)
    assert not accepted(assign)
    assert "เครื่องทดแทน" in assign.banner.text()
    assert assign.form.values()["estimate_days"] == "3"
    assert get_case(view.row.id).current_step == "assign"
    # A staff member's reason is not enough either.
    assign.form.set_value("no_loaner_reason", "ผู้ใช้มีเครื่องอื่น")
    staff.submit(assign)
    assert not accepted(assign) and "หัวหน้า" in assign.banner.text()
    assign.form.set_value("no_loaner_reason", "")
    assign.form.set_value("loaner", office.spares[0].id)
    staff.submit(assign)
    assert accepted(assign)
    assert assets.get_asset(office.spares[0].id).status == AssetStatus.ON_LOAN
    box = staff.tickets.loaner_box
    staff.wait()
    assert "โน้ตบุ๊กสำรอง 1" in box.info.text()
    assert box.return_button.isVisible() and not box.lend_button.isVisible()
    assert "ให้ยืมเครื่องทดแทน" in staff.tickets.panel.timeline.toPlainText()

    # The hand-over slip from the case's print buttons, read back.
    staff.qtbot.mouseClick(
        staff.tickets.panel.print_buttons["handover_slip"], Qt.MouseButton.LeftButton
    )
    staff.wait()
    slip = squash(pdftotext(printed.last))
    assert "ใบส่งมอบเครื่องคอมพิวเตอร์ทดแทน" in slip and "ผู้รับมอบ(ผู้ยืม)" in slip
    assert "(นางสาวสุดารักษ์ไทย)" in slip and "(นายสมชายใจดี)" in slip

    support_office.at(D(2026, 4, 16))
    staff.open("ซ.1/2569")
    repair = staff.form_for("repaired")
    fill(
        repair,
        {
            "cause": "แหล่งจ่ายไฟเสีย",
            "work_done": "เปลี่ยนแหล่งจ่ายไฟ",
            "cost": "1,250",
            "repair_result": "replaced",
        },
        "",
        {},
    )
    staff.submit(repair)
    assert accepted(repair)

    # Return the loaner through the box; the return slip is offered and printed.
    staff.wait()
    state = box.state
    assert state is not None and state.active_loan is not None
    dialog = box.build_return(state.active_loan)
    dialog.condition.setPlainText("ครบถ้วน ใช้งานได้ปกติ")
    before = len(printed.docs)
    staff.submit(dialog)
    assert accepted(dialog)
    assert message_boxes.last.text == "พิมพ์ใบรับคืนเครื่องทดแทนเลยหรือไม่"
    assert len(printed.docs) == before + 1
    assert "ใบรับคืนเครื่องคอมพิวเตอร์ทดแทน" in squash(pdftotext(printed.last))
    assert assets.get_asset(office.spares[0].id).status == AssetStatus.LOANER_POOL

    close = staff.form_for("close")
    staff.submit(close)
    assert accepted(close)
    case = get_case(view.row.id)
    assert case.status == "closed"
    staff.open("ซ.1/2569")
    assert staff.tickets.panel.current.view.row.state == CaseState.DONE_ON_TIME  # type: ignore[union-attr]

    # The service-problem register of the period, from the tab's print button.
    staff.tickets.print_for("register:service-problems", D(2026, 4, 1), D(2026, 4, 30))
    staff.wait()
    text = squash(pdftotext(printed.last))
    assert "ทะเบียนบันทึกปัญหาการให้บริการสารสนเทศ" in text
    # (cells wrap: the number and the cause are checked by pieces that stay on one line)
    assert "ซ.๑/๒๕" in text and "แหล่งจ่ายไฟ" in text and "ใช้๑/๓วันทำการ" in text


def test_head_records_why_no_loaner_is_needed(
    qtbot: Any,
    office: support_office.SupportOffice,
    captured: tuple[list[FormDialog], Printed],
    message_boxes: MessageBoxes,
) -> None:
    forms, _printed = captured
    ticket = office.open(3)
    head = SupportDesk(qtbot, office.head, forms)
    head.open("ซ.1/2569")
    box = head.tickets.loaner_box
    head.wait()
    assert box.waive_button.isVisible()
    staff = SupportDesk(qtbot, office.staff, forms)
    staff.open("ซ.1/2569")
    assert not staff.tickets.loaner_box.waive_button.isVisible()
    waiver = box.build_waiver()
    head.submit(waiver)
    assert not accepted(waiver) and "reason" in waiver.errors.marked()
    waiver.reason.setPlainText("ผู้ขอใช้เครื่องของหน่วยงานระหว่างซ่อม")
    head.submit(waiver)
    assert accepted(waiver)
    assert RepairTicket.get_by_id(ticket.id).loaner_waiver == "ผู้ขอใช้เครื่องของหน่วยงานระหว่างซ่อม"
    staff.open("ซ.1/2569")
    staff.tickets.panel.reload()
    staff.wait()
    assign = staff.form_for("assign")
    fill(assign, {"assignee": office.staff.id, "estimate_days": "5"}, "", {})
    staff.submit(assign)
    assert accepted(assign)


def test_asset_form_refuses_a_bad_number_and_keeps_the_input(
    qtbot: Any,
    office: support_office.SupportOffice,
    captured: tuple[list[FormDialog], Printed],
    message_boxes: MessageBoxes,
    tmp_path: Path,
) -> None:
    forms, printed = captured
    desk = SupportDesk(qtbot, office.staff, forms)
    press(desk.tab, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    view = desk.tab.assets
    assert desk.tab.current_page() is view
    assert view.bar.search is not None and view.bar.search.hasFocus()
    from views.support.assets import asset_choices

    dialog = view.build_dialog(asset_choices(), None)
    dialog.number.setText("๗๔๔๐-๐๐๑")
    dialog.name.setText("เครื่องสแกนเอกสาร")
    desk.submit(dialog)
    assert not accepted(dialog) and "number" in dialog.errors.marked()
    assert dialog.name.text() == "เครื่องสแกนเอกสาร"
    dialog.number.setText("๗๔๔๐-๐๐๖-๐๐๐๑/๖๙")
    desk.submit(dialog)
    assert accepted(dialog)
    saved = Asset.get(Asset.number_key == "7440-006-0001/69")
    desk.wait()
    assert view.table.current_id() == saved.id
    assert "เครื่องสแกนเอกสาร" in view.details.toPlainText()
    assert "ขึ้นทะเบียน" in view.details.toPlainText()

    # A delivery note kept with the asset shows in its files and on its history.
    note = tmp_path / "ใบส่งของ.pdf"
    note.write_bytes(b"%PDF-1.4 delivery note")
    view.attach_paths([note])
    desk.wait()
    assert view.files.count() == 1 and "ใบส่งของ.pdf" in view.files.item(0).text()
    assert "แนบไฟล์" in view.details.toPlainText()

    # Alt+Down walks the list; labels for the selection read back.
    view.table.table.selectRow(0)
    press(desk.tab, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.table.table.currentIndex().row() == 1
    view.print_labels_for([saved.id], next(iter(SHEETS)), 1, False)
    desk.wait()
    assert "๗๔๔๐-๐๐๖-๐๐๐๑/๖๙" in pdftotext(printed.last)


def test_import_preview_lists_bad_rows_and_imports_nothing_until_chosen(
    qtbot: Any,
    office: support_office.SupportOffice,
    captured: tuple[list[FormDialog], Printed],
    message_boxes: MessageBoxes,
    tmp_path: Path,
) -> None:
    from views.support.asset_import import ImportDialog

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["เลขครุภัณฑ์", "ชื่อครุภัณฑ์", "วันที่ได้มา"])
    sheet.append(["7440-001-0501/66", "จอภาพ", "01/02/2566"])
    sheet.append(["ผิดรูปแบบ", "เครื่องพิมพ์", "31/02/2566"])
    path = tmp_path / "assets.xlsx"
    book.save(path)
    desk = SupportDesk(qtbot, office.staff, [])
    dialog = ImportDialog(desk.tab.assets.ctx, desk.tab.assets)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(path)
    desk.wait()
    desk.submit(dialog, dialog.next_button)
    assert dialog.mapping() == {"number": 0, "name": 1, "acquired_on": 2}
    desk.submit(dialog, dialog.next_button)
    assert dialog.preview is not None and len(dialog.preview.errors) == 1
    assert not dialog.import_button.isEnabled() and dialog.valid_only_button.isVisible()
    reasons = dialog.preview_table.item(0, 4).text()  # errors are listed first
    assert "ไม่ตรงรูปแบบ" in reasons and "31/02/2566" in reasons
    assert Asset.select().count() == 5  # the office's own: nothing imported yet
    desk.submit(dialog, dialog.valid_only_button)
    assert accepted(dialog)
    assert assets.find_by_number("7440-001-0501/66") is not None
    assert Asset.select().count() == 6
    assert any("เพิ่มใหม่ 1" in t for t in message_boxes.texts)


def test_overdue_loans_reach_the_dashboard(office: support_office.SupportOffice) -> None:
    from views.support.dashboard import support_section

    support_office.at(D(2026, 4, 20))
    loans.lend(
        office.staff, office.spares[1], borrower_name="นายบัญชี ตัวอย่าง", due_back=D(2026, 4, 21)
    )
    support_office.at(D(2026, 4, 23))
    section = support_section(office.staff)
    counts = {c.label: c.value for c in section.counts}
    assert counts["เครื่องทดแทนเกินกำหนดคืน"] == 1
    assert section.items[0].overdue and "7440-001-0092/65" in section.items[0].title
