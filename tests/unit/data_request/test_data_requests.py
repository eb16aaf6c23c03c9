"""Process 3 (external-quality-assessment data requests) through the domain: eligibility by the
head, rework loops, the Deputy Director's signature, the external letter numbered from the outgoing
register, the not-eligible branch, and the documents read back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import peewee
import pytest

from models import clock, engine, numbering, registers
from models.data_request.process import KEY, DataRequest
from models.engine import CaseState, NewFile, act, available_actions, open_case, state_of
from models.errors import PermissionDenied, ValidationError
from reports.thaifmt import thai_digits as t
from tests.backends import EVERY_BACKEND
from tests.process_office import Office, make_office, pdf_table_rows, pdf_text, squash

D = dt.date


def at(day: dt.date, hour: int = 10) -> None:
    moment = dt.datetime.combine(day, dt.time(hour))
    clock.set_clock(lambda: moment)


@pytest.fixture
def office(sql_db: peewee.Database) -> Iterator[Office]:
    yield make_office()


def letter(**over: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "ขอความอนุเคราะห์ข้อมูลผลการประเมินคุณภาพภายนอก",
        "organisation": "มหาวิทยาลัยราชภัฏนครปฐม",
        "parent_body": "สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม",
        "addressee": "อธิการบดีมหาวิทยาลัยราชภัฏนครปฐม",
        "contact_name": "ผศ.ดร.วิไลวรรณ ศรีสุข",
        "contact_phone": "034 261 021",
        "contact_email": "research@npru.example.ac.th",
        "address": "85 ถนนมาลัยแมน อำเภอเมือง จังหวัดนครปฐม 73000",
        "delivery_method": "email",
        "paperless_no": "อว 0619/1234",
        "paperless_date": D(2026, 6, 1),
        "received_on": D(2026, 6, 2),
        "purpose": "ใช้ประกอบการวิจัยเรื่องปัจจัยที่ส่งผลต่อคุณภาพการศึกษาระดับอุดมศึกษา",
        "scope": "ผลการประเมินคุณภาพภายนอกรอบสี่ของสถาบันอุดมศึกษากลุ่มราชภัฏ",
    }
    data.update(over)
    return data


CRITERIA = {"c_rules": True, "c_purpose": True, "c_scope": True, "c_owner": True}


@EVERY_BACKEND
def test_data_request_end_to_end(office: Office) -> None:
    somchai, head = office["somchai"], office["head"]
    at(D(2026, 6, 2))  # Tuesday; Wednesday 3 June is the Queen's birthday
    with pytest.raises(ValidationError, match="อีเมล"):
        open_case(somchai, KEY, letter(contact_email=""))
    with pytest.raises(ValidationError) as err:
        open_case(somchai, KEY, letter(delivery_method="fax"))
    assert "delivery_method" in err.value.errors
    case = open_case(
        somchai, KEY, letter(), [NewFile("request_letter", "หนังสือขอข้อมูล.pdf", b"%PDF-1.4")]
    )
    assert case.number == "ขข.1/2569" and case.requester == "มหาวิทยาลัยราชภัฏนครปฐม"
    assert case.due_on == D(2026, 6, 8)  # Thu 4, Fri 5, Mon 8
    assert case.holder_roles == ",head,"

    # Only หน.ภทส. decides eligibility, with the four criteria and an assignee.
    for name in ("support_head", "somchai", "viewer"):
        assert available_actions(office[name], case) == []
    with pytest.raises(PermissionDenied):
        act(office["support_head"], case, "eligible", data={**CRITERIA, "assignee": somchai.id})
    with pytest.raises(ValidationError) as err:
        act(head, case, "eligible", data={"c_rules": True, "assignee": somchai.id})
    assert set(err.value.errors) == {"c_purpose", "c_scope", "c_owner"}
    case = act(
        head, case, "eligible", comment="ดำเนินการได้", data={**CRITERIA, "assignee": somchai.id}
    )
    assert case.current_step == "prepare" and case.holder_user_id == somchai.id
    assert [d.key for d in engine.printable_documents(somchai, case.id)] == ["cover_note", "letter"]

    with pytest.raises(ValidationError) as err:
        act(somchai, case, "done", data={"data_description": "ตารางผลการประเมิน"})
    assert "data_files" in err.value.errors
    case = act(
        somchai,
        case,
        "done",
        data={"data_description": "ตารางผลการประเมินรอบสี่ จำนวน 1 แฟ้ม"},
        files=[NewFile("data_files", "ผลประเมินรอบสี่.xlsx", b"PK\x03\x04")],
    )
    case = act(head, case, "send_back", comment="เพิ่มคำอธิบายตัวแปรในแฟ้มข้อมูล")
    assert case.current_step == "prepare"
    case = act(
        somchai,
        case,
        "done",
        data={
            "data_description": "ตารางผลการประเมินรอบสี่ พร้อมคำอธิบายตัวแปร จำนวน 2 แฟ้ม",
            "cover_note": "ข้อมูลไม่มีข้อมูลส่วนบุคคล",
        },
        files=[NewFile("data_files", "คำอธิบายตัวแปร.pdf", b"%PDF")],
    )
    case = act(head, case, "approve")
    assert case.current_step == "deputy"
    with pytest.raises(ValidationError) as err:
        act(somchai, case, "signed", data={"approved_on": D(2026, 6, 2)})
    assert "signatory" in err.value.errors
    case = act(somchai, case, "send_back", comment="รองผู้อำนวยการให้ระบุระยะเวลาการใช้ข้อมูล")
    case = act(somchai, case, "done", data={"data_description": "ตารางผลการประเมินรอบสี่ 2 แฟ้ม"})
    case = act(head, case, "approve")
    at(D(2026, 6, 4))
    case = act(
        somchai, case, "signed", data={"signatory": office.deputy.id, "approved_on": D(2026, 6, 4)}
    )
    assert case.current_step == "send"
    (send,) = available_actions(somchai, case)
    defaults = engine.form_defaults(somchai, case, send)
    assert defaults["sent_method"] == "email" and defaults["sent_on"] == D(2026, 6, 4)

    with pytest.raises(ValidationError, match="ต่างจากที่ผู้ขอระบุ"):
        act(somchai, case, "sent", data={"sent_on": D(2026, 6, 4), "sent_method": "post"})
    with pytest.raises(ValidationError, match="ก่อนวันที่รองผู้อำนวยการลงนาม"):
        act(somchai, case, "sent", data={"sent_on": D(2026, 6, 2), "sent_method": "email"})
    assert not list(numbering.issued("outgoing_letter")), "a refused move takes no number"
    case = act(
        somchai,
        case,
        "sent",
        data={"sent_on": D(2026, 6, 4), "sent_method": "email", "sent_ref": "research@npru"},
    )
    detail = DataRequest.get(DataRequest.case == case.id)
    assert detail.letter_no == "สมศ/1" and detail.letter_date == D(2026, 6, 4)
    (issued,) = numbering.issued("outgoing_letter")
    assert (issued.owner_table, issued.owner_id) == ("data_request", detail.id)
    assert engine.history(case)[-1].values()["letter_no"] == "สมศ/1"

    letter_pdf, name = engine.print_document(somchai, case.id, "letter")
    assert name == "หนังสือส่งข้อมูล_ขข.1-2569.pdf"
    text = squash(pdf_text(letter_pdf))
    for phrase in (
        t("ที่สมศ/1"),
        "เรื่องส่งข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก",
        "เรียนอธิการบดีมหาวิทยาลัยราชภัฏนครปฐม",
        "อ้างถึงหนังสือมหาวิทยาลัยราชภัฏนครปฐมที่" + t("อว0619/1234"),
        "สิ่งที่ส่งมาด้วยตารางผลการประเมินรอบสี่" + t("2") + "แฟ้ม",
        "research@npru.example.ac.th",
        "ขอแสดงความนับถือ",
        "(รองศาสตราจารย์ดร.มาลินีศรีสุข)",
        t("4มิถุนายน2569"),
    ):
        assert squash(phrase) in text, phrase
    cover, _name = engine.print_document(somchai, case.id, "cover_note")
    cover_text = squash(pdf_text(cover))
    assert squash("ขอส่งข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอกให้มหาวิทยาลัยราชภัฏนครปฐม") in cover_text
    assert squash("เรียนรองผู้อำนวยการ (ในกำกับ)") in cover_text
    assert squash("ข้อมูลไม่มีข้อมูลส่วนบุคคล") not in cover_text, "the note was replaced on rework"
    assert squash("(นายสมชาย ใจดี)") in cover_text and squash("ความเห็นของ หน.ภทส.") in cover_text
    # Dated the day the data were last put forward (2 June), not the day it is printed again.
    assert squash(t("วันที่ 2 มิถุนายน 2569")) in cover_text
    assert squash(t("4 มิถุนายน 2569")) not in cover_text

    case = act(somchai, case, "close", data={"summary": "ส่งข้อมูลทางอีเมลแล้ว ผู้ขอยืนยันการรับ"})
    assert state_of(case).state == CaseState.DONE_ON_TIME
    steps = [(s.step, s.outcome) for s in engine.history(case)]
    assert steps == [
        ("register", "register"),
        ("eligibility", "eligible"),
        ("prepare", "done"),
        ("check", "send_back"),
        ("prepare", "done"),
        ("check", "approve"),
        ("deputy", "send_back"),
        ("prepare", "done"),
        ("check", "approve"),
        ("deputy", "signed"),
        ("send", "sent"),
        ("close", "close"),
    ]
    assert engine.history(case)[-3].signatory_name.startswith("รองศาสตราจารย์ ดร.มาลินี")


def test_not_eligible_branch(office: Office) -> None:
    somchai, head = office["somchai"], office["head"]
    at(D(2026, 6, 8))
    case = open_case(somchai, KEY, letter(received_on=D(2026, 6, 8), delivery_method="post"))
    assert engine.printable_documents(somchai, case.id) == []
    with pytest.raises(ValidationError, match="ยังไม่ได้รับอนุมัติ"):
        engine.print_document(somchai, case.id, "letter")
    with pytest.raises(ValidationError, match="เหตุผล"):
        act(head, case, "not_eligible", data={"assignee": somchai.id})
    case = act(
        head,
        case,
        "not_eligible",
        comment="ข้อมูลที่ขอเป็นข้อมูลรายบุคคลซึ่งเปิดเผยไม่ได้",
        data={"c_rules": False, "assignee": somchai.id},
    )
    assert case.current_step == "inform"
    at(D(2026, 6, 9))
    detail = DataRequest.get(DataRequest.case == case.id)
    assert detail.eligible is False and "รายบุคคล" in detail.eligibility_reasons
    case = act(
        somchai,
        case,
        "informed",
        data={"contacted_on": D(2026, 6, 9), "contact_note": "โทรแจ้งผู้ประสานงานแล้ว"},
    )
    assert (case.status, case.result) == ("closed", "refused")
    assert state_of(case).state == CaseState.DONE_ON_TIME


def test_summary_report_and_log(office: Office) -> None:
    test_not_eligible_branch(office)
    at(D(2026, 6, 17))  # received Wed 10 June: due Mon 15, overdue Tue 16 and Wed 17
    open_case(
        office["somchai"], KEY, letter(received_on=D(2026, 6, 10), organisation="โรงเรียนบ้านหนองบัว")
    )
    data, _name = engine.print_period_report(
        office["head"], KEY, "report_memo", D(2026, 6, 1), D(2026, 6, 30)
    )
    text = squash(pdf_text(data))
    assert squash("รายงานผลการอนุเคราะห์ข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก") in text
    assert squash(t("มีหนังสือขอความอนุเคราะห์ข้อมูลทั้งสิ้น 2 เรื่อง")) in text
    assert squash(t("ไม่เข้าเงื่อนไขและแจ้งผู้ขอแล้ว 1 เรื่อง")) in text
    assert squash(t("คิดเป็นร้อยละ 100.00")) in text
    rows = pdf_table_rows(data)
    assert rows[1][2] == "มหาวิทยาลัยราชภัฏนครปฐม" and rows[1][3] == "ไม่อนุเคราะห์"
    assert (
        rows[2][2] == "โรงเรียนบ้านหนองบัว"
        and rows[2][5] == "อยู่ระหว่างดำเนินการ(เกินกำหนด" + t("2") + "วันทำการ)"
    )
    log = registers.render_register("data-requests", D(2026, 6, 1), D(2026, 6, 30))
    log_rows = pdf_table_rows(log)
    assert [r[0] for r in log_rows[1:]] == [t("ขข.1/2569"), t("ขข.2/2569")]
    assert log_rows[1][5] == "ไม่อนุเคราะห์"


def test_cover_note_before_the_data_is_described_reads_sensibly(office: Office) -> None:
    """Issue 12: a cover note printed before anything is recorded printed ``ได้แก่ -``; a memo
    whose number the register has not given printed a bare ``ที่ ภทส/``."""
    somchai, head = office["somchai"], office["head"]
    at(D(2026, 6, 2))
    case = open_case(somchai, KEY, letter())
    case = act(head, case, "eligible", data={**CRITERIA, "assignee": somchai.id})
    cover, _name = engine.print_document(somchai, case.id, "cover_note")
    text = squash(pdf_text(cover))
    assert squash("ได้แก่ -") not in text and "ได้แก่-" not in text
    assert squash("ได้จัดเตรียมข้อมูลตามที่ขอเรียบร้อยแล้ว") in text
    number = text[text.index("ที่") : text.index("วันที่")]
    assert not number.rstrip().endswith("/"), number  # a blank to write the number on
    assert "/......" in number or number.strip() == "ที่"
