"""Processes 1 and 3 walked end to end through the window, each step by the role that does it,
with send-back loops, ending with the printed documents read back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import peewee
import pytest

from models import clock, numbering
from models.engine import NewFile, act, get_case, open_case
from models.engine.tables import Case
from reports.thaifmt import thai_digits as t
from tests.gui.conftest import MessageBoxes
from tests.gui.desk import Desk, accepted, patch_dialogs
from tests.process_office import Office, make_office, pdf_table_rows, pdf_text, squash

D = dt.date
pytestmark = pytest.mark.gui


def at(day: dt.date, hour: int = 10) -> None:
    moment = dt.datetime.combine(day, dt.time(hour))
    clock.set_clock(lambda: moment)


@pytest.fixture
def office(sqlite_db: peewee.Database) -> Iterator[Office]:
    yield make_office()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, data in {
        "memo": b"%PDF-1.4 request memo",
        "memo2": b"%PDF-1.4 corrected memo",
        "web": b"%PDF-1.4 web version",
        "shot": b"\x89PNG screenshot",
        "data": b"PK\x03\x04 spreadsheet",
    }.items():
        suffix = ".png" if name == "shot" else (".xlsx" if name == "data" else ".pdf")
        path = tmp_path / f"{name}{suffix}"
        path.write_bytes(data)
        out[name] = path
    return out


def test_publication_request_through_the_window(
    qtbot: Any,
    office: Office,
    files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    forms, printed = patch_dialogs(monkeypatch)

    def desk(name: str) -> Desk:
        return Desk(qtbot, office[name], "publication", forms, register_name="publications")

    at(D(2026, 4, 10))
    staff = desk("somchai")
    registration = {
        "unit": office.units[0].id,
        "contact_name": "นางสาวมาลี ประชาสัมพันธ์",
        "paperless_no": "ปชส 0045/2569",
        "paperless_date": D(2026, 4, 9),
        "title": "ประกาศรับสมัครผู้ประเมินภายนอก รุ่นที่ 5",
        "received_on": D(2026, 4, 10),
    }
    # Without the files to publish the form stays open, the field marked, the input kept.
    dialog = staff.register(registration)
    assert not accepted(dialog) and "to_publish" in dialog.errors.marked()
    assert "ไฟล์ที่ขอเผยแพร่" in dialog.banner.text()
    assert dialog.form.values()["title"] == "ประกาศรับสมัครผู้ประเมินภายนอก รุ่นที่ 5"
    dialog.form.set_value("to_publish", [files["memo"]])
    staff.submit(dialog)
    assert accepted(dialog)
    assert staff.numbers() == ["ผย.1/2569"]
    assert staff.panel.current is not None
    assert staff.panel.current.view.row.due_on == D(2026, 4, 17)
    assert staff.buttons() == [], "staff do not review"

    # The evaluation group's head may not review; the support group's head sends it back.
    other = desk("eval_head")
    other.open("ผย.1/2569")
    assert other.buttons() == []
    reviewer = desk("support_head")
    reviewer.open("ผย.1/2569")
    assert reviewer.buttons() == ["approve", "to_requester"]
    back = reviewer.form_for("to_requester")
    reviewer.submit(back)
    assert not accepted(back) and "comment" in back.errors.marked()
    back.form.comment.setPlainText("ยังไม่ผ่านการลงนามของผู้อำนวยการสำนัก")  # type: ignore[union-attr]
    reviewer.submit(back)
    assert accepted(back)
    assert reviewer.panel.state_label.text() == "รอผู้ขอแก้ไข (หยุดนับเวลา)"
    assert "ยังไม่ผ่านการลงนามของผู้อำนวยการสำนัก" in reviewer.timeline()

    at(D(2026, 4, 16))
    staff.open("ผย.1/2569")
    assert staff.buttons() == ["resume", "withdraw"]
    staff.act("resume", comment="ได้รับบันทึกที่ลงนามแล้ว", files={"to_publish": [files["memo2"]]})
    assert "หยุดนับเวลา: 1 วันทำการ" in staff.timeline()
    assert staff.panel.current.view.row.due_on == D(2026, 4, 20)  # type: ignore[union-attr]

    reviewer.open("ผย.1/2569")
    approve = reviewer.form_for("approve")
    reviewer.submit(approve)
    assert set(approve.errors.marked()) == {"criteria_rules", "criteria_chain"}
    approve.form.set_value("criteria_rules", True)
    approve.form.set_value("criteria_chain", True)
    reviewer.submit(approve)
    assert accepted(approve)

    staff.open("ผย.1/2569")
    publish = {"menu": "ข่าวประชาสัมพันธ์ > ประกาศ", "url": "https://www.example.go.th/news/5"}
    staff.act("done", publish, files={"web_files": [files["web"]]})
    fix = staff.act(
        "fix",
        {"check_position": True, "check_fonts": True},
        comment="ลิงก์ดาวน์โหลดไฟล์แนบเสีย",
    )
    assert accepted(fix)
    again = staff.form_for("done")
    assert again.form.values()["url"] == "https://www.example.go.th/news/5", "earlier input shown"
    staff.submit(again)
    staff.act(
        "done",
        {"check_position": True, "check_fonts": True, "check_downloads": True},
        files={"screenshot": [files["shot"]]},
    )
    staff.act("done", {"notify_note": "บันทึกผลใน Paperless และโทรแจ้งผู้ขอ"})
    at(D(2026, 4, 17))
    staff.act("close", {"summary": "เผยแพร่เรียบร้อย"})
    case = get_case(Case.get().id)
    assert (case.status, case.closed_on) == ("closed", D(2026, 4, 17))
    assert staff.panel.state_label.text() == "เสร็จภายในกำหนด"
    timeline = staff.timeline()
    for text in ("ส่งกลับผู้ขอเพื่อแก้ไข", "พบข้อผิดพลาด ส่งกลับแก้ไขการเผยแพร่", "ลิงก์ดาวน์โหลดไฟล์แนบเสีย"):
        assert text in timeline
    assert staff.panel.files.rowCount() == 4

    # A viewer sees the case but can do nothing with it.
    viewer = desk("viewer")
    assert not viewer.tab.new_button.isVisible()
    viewer.open("ผย.1/2569")
    assert viewer.buttons() == [] and not viewer.panel.attach_button.isVisible()

    # The report memo and the publication log for April, printed from the tab.
    staff.tab.print_for("report_memo", D(2026, 4, 1), D(2026, 4, 30))
    staff.wait()
    memo = printed.last
    text = squash(pdf_text(memo))
    assert squash("รายงานผลการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน") in text
    assert squash(t("มีคำขอเผยแพร่ข้อมูลทั้งสิ้น 1 เรื่อง")) in text
    assert squash(t("คิดเป็นร้อยละ 100.00")) in text
    assert pdf_table_rows(memo)[1] == [
        t("ผย.1/2569"),
        t("10เม.ย.69"),
        "งานประชาสัมพันธ์",
        t("ประกาศรับสมัครผู้ประเมินภายนอกรุ่นที่5"),
        t("เผยแพร่16เม.ย.69ภายในกำหนด"),
    ]
    staff.tab.print_for("register:publications", D(2026, 4, 1), D(2026, 4, 30))
    staff.wait()
    log = pdf_table_rows(printed.last)
    assert (
        log[1][0] == t("ผย.1/2569")
        and log[1][5] == "ข่าวประชาสัมพันธ์>ประกาศhttps://www.example.go.th/news/5"
    )  # a URL keeps its digits
    assert not [b for b in message_boxes.shown if "ไม่สำเร็จ" in b.title]


def test_data_request_through_the_window(
    qtbot: Any,
    office: Office,
    files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    forms, printed = patch_dialogs(monkeypatch)

    def desk(name: str) -> Desk:
        return Desk(qtbot, office[name], "data_request", forms, register_name="data-requests")

    at(D(2026, 6, 2))
    registrar = desk("suda")
    letter = {
        "title": "ขอความอนุเคราะห์ข้อมูลผลการประเมินคุณภาพภายนอก",
        "organisation": "มหาวิทยาลัยราชภัฏนครปฐม",
        "parent_body": "สำนักงานปลัดกระทรวงการอุดมศึกษาฯ",
        "addressee": "อธิการบดีมหาวิทยาลัยราชภัฏนครปฐม",
        "contact_name": "ผศ.ดร.วิไลวรรณ ศรีสุข",
        "contact_email": "research@npru.example.ac.th",
        "delivery_method": "email",
        "paperless_no": "อว 0619/1234",
        "paperless_date": D(2026, 6, 1),
        "received_on": D(2026, 6, 2),
        "purpose": "ใช้ประกอบการวิจัยเรื่องปัจจัยที่ส่งผลต่อคุณภาพการศึกษา",
        "scope": "ผลการประเมินคุณภาพภายนอกรอบสี่ของสถาบันกลุ่มราชภัฏ",
    }
    dialog = registrar.register(letter, files={"request_letter": [files["memo"]]})
    assert accepted(dialog) and registrar.numbers() == ["ขข.1/2569"]

    head = desk("head")
    head.open("ขข.1/2569")
    assert head.buttons() == ["eligible", "not_eligible"]
    eligible = head.form_for("eligible")
    eligible.form.set_value("c_rules", True)
    head.submit(eligible)
    assert {"c_purpose", "c_scope", "c_owner", "assignee"} <= set(eligible.errors.marked())
    for key in ("c_purpose", "c_scope", "c_owner"):
        eligible.form.set_value(key, True)
    eligible.form.set_value("assignee", office["somchai"].id)
    head.submit(eligible)
    assert accepted(eligible)

    staff = desk("somchai")
    staff.open("ขข.1/2569")
    assert staff.buttons() == ["done"]
    assert list(staff.panel.print_buttons) == ["cover_note", "letter"]
    staff.act(
        "done",
        {"data_description": "ตารางผลการประเมินรอบสี่ จำนวน 1 แฟ้ม"},
        files={"data_files": [files["data"]]},
    )
    head.open("ขข.1/2569")
    head.act("send_back", comment="เพิ่มคำอธิบายตัวแปร")
    staff.open("ขข.1/2569")
    staff.act("done", {"data_description": "ตารางผลการประเมินรอบสี่พร้อมคำอธิบาย จำนวน 2 แฟ้ม"})
    head.open("ขข.1/2569")
    head.act("approve")
    at(D(2026, 6, 4))
    staff.open("ขข.1/2569")
    assert staff.buttons() == ["signed", "send_back"]
    staff.act("signed", {"signatory": office.deputy.id})
    sent = staff.form_for("sent")
    assert sent.form.values()["sent_method"] == "email", "the method the requester asked for"
    staff.submit(sent)
    assert accepted(sent)
    assert [n.formatted for n in numbering.issued("outgoing_letter")] == ["สมศ/1"]
    staff.print("letter")
    letter_text = squash(pdf_text(printed.last))
    for phrase in (
        t("ที่สมศ/1"),
        "เรียนอธิการบดีมหาวิทยาลัยราชภัฏนครปฐม",
        "สิ่งที่ส่งมาด้วยตารางผลการประเมินรอบสี่พร้อมคำอธิบายจำนวน" + t("2") + "แฟ้ม",
        "(รองศาสตราจารย์ดร.มาลินีศรีสุข)",
    ):
        assert phrase in letter_text, phrase
    staff.print("cover_note")
    assert squash("ขอส่งข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอกให้มหาวิทยาลัยราชภัฏนครปฐม") in squash(
        pdf_text(printed.last)
    )
    staff.act("close", {"summary": "ส่งทางอีเมลแล้ว"})
    assert staff.panel.state_label.text() == "เสร็จภายในกำหนด"
    assert "สมศ/1" in staff.timeline()

    staff.tab.print_for("report_memo", D(2026, 6, 1), D(2026, 6, 30))
    staff.wait()
    report = squash(pdf_text(printed.last))
    assert squash("รายงานผลการอนุเคราะห์ข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก") in report
    assert squash(t("มีหนังสือขอความอนุเคราะห์ข้อมูลทั้งสิ้น 1 เรื่อง")) in report
    staff.tab.print_for("register:data-requests", D(2026, 6, 1), D(2026, 6, 30))
    staff.wait()
    log = pdf_table_rows(printed.last)
    assert log[1][0] == t("ขข.1/2569") and log[1][6] == t("สมศ/1")
    assert not [b for b in message_boxes.shown if "ไม่สำเร็จ" in b.title]


def test_conflict_in_the_window_keeps_the_input(
    qtbot: Any, office: Office, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes
) -> None:
    """Two heads open the same request; the second one's move is refused with who and when."""
    forms, _printed = patch_dialogs(monkeypatch)
    at(D(2026, 4, 10))
    case = open_case(
        office["somchai"],
        "publication",
        {
            "unit": office.units[0].id,
            "paperless_no": "ปชส 1/2569",
            "paperless_date": D(2026, 4, 10),
            "title": "ข่าวประชาสัมพันธ์",
            "received_on": D(2026, 4, 10),
            "assignee": office["somchai"].id,
        },
        [NewFile("to_publish", "a.pdf", b"%PDF")],
    )
    second = Desk(qtbot, office["support_head"], "publication", forms)
    second.open(case.number)
    form = second.form_for("to_requester")
    form.form.comment.setPlainText("ขอแก้ไขชื่อเรื่อง")  # type: ignore[union-attr]
    act(office["head"], case.id, "approve", data={"criteria_rules": True, "criteria_chain": True})
    second.submit(form)
    assert not accepted(form)
    assert "นางสาวพรทิพย์ วงศ์สุวรรณ" in form.banner.text()
    assert form.form.comment_text() == "ขอแก้ไขชื่อเรื่อง"
    assert message_boxes.last.title == "เรื่องนี้ถูกดำเนินการไปแล้ว"
    assert get_case(case.id).current_step == "publish"
