"""Process 1 (web-site publication requests) through the domain: every step by the role that does
it, the send-back loops, the paused clock, the report memo and the publication log read back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import peewee
import pytest

from models import clock, engine, registers
from models.engine import CaseState, NewFile, act, available_actions, open_case, state_of
from models.errors import PermissionDenied, ValidationError
from models.publication.process import KEY, Publication
from reports.thaifmt import thai_digits
from tests.backends import EVERY_BACKEND
from tests.process_office import Office, make_office, pdf_table_rows, pdf_text, squash

D = dt.date


def at(day: dt.date, hour: int = 10) -> None:
    moment = dt.datetime.combine(day, dt.time(hour))
    clock.set_clock(lambda: moment)


@pytest.fixture
def office(sql_db: peewee.Database) -> Iterator[Office]:
    yield make_office()


def registration(office: Office, **over: object) -> dict[str, object]:
    data: dict[str, object] = {
        "unit": office.units[0].id,
        "contact_name": "นางสาวมาลี ประชาสัมพันธ์",
        "paperless_no": "ปชส 0045/2569",
        "paperless_date": D(2026, 4, 9),
        "title": "ประกาศรับสมัครผู้ประเมินภายนอก รุ่นที่ 5",
        "received_on": D(2026, 4, 10),
        "assignee": office["somchai"].id,
    }
    data.update(over)
    return data


FILES = [NewFile("to_publish", "ประกาศรับสมัคร.pdf", b"%PDF-1.4 announcement")]


@EVERY_BACKEND
def test_a_request_end_to_end(office: Office) -> None:
    somchai, head, support_head = office["somchai"], office["head"], office["support_head"]
    at(D(2026, 4, 10))
    case = open_case(somchai, KEY, registration(office), FILES)
    assert case.number == "ผย.1/2569" and case.requester == "งานประชาสัมพันธ์"
    assert case.due_on == D(2026, 4, 17)  # 2 working days over Songkran
    assert case.current_step == "review" and case.holder_roles == ",group_head,head,"

    # Only หน.ภทส. and หน.จรส. review: the evaluation group's head is refused with the reason.
    assert available_actions(office["eval_head"], case) == []
    with pytest.raises(PermissionDenied, match=r"หน\.จรส\."):
        act(
            office["eval_head"],
            case,
            "approve",
            data={"criteria_rules": True, "criteria_chain": True},
        )
    with pytest.raises(ValidationError) as err:
        act(support_head, case, "approve", data={"criteria_rules": True})
    assert set(err.value.errors) == {"criteria_chain"}
    # So the review is in the support group's head's work, not in the evaluation group's head's.
    assert [r.id for r in engine.my_work(support_head)] == [case.id]
    assert engine.my_work(office["eval_head"]) == []
    assert engine.my_work_counts(office["eval_head"]).total == 0
    assert engine.my_work_counts(support_head).total == 1

    # Sent back to the requester: the clock stops until the corrected memo comes back.
    case = act(support_head, case, "to_requester", comment="ยังไม่ผ่านการอนุมัติของผู้อำนวยการสำนัก")
    assert state_of(case).state == CaseState.WAITING
    at(D(2026, 4, 16))
    case = act(
        somchai,
        case,
        "resume",
        comment="ได้รับบันทึกที่แก้ไขแล้ว",
        files=[NewFile("to_publish", "ประกาศรับสมัคร (แก้ไข).pdf", b"%PDF-1.4 v2")],
    )
    assert case.paused_days == 1 and case.due_on == D(2026, 4, 20)
    case = act(head, case, "approve", data={"criteria_rules": True, "criteria_chain": True})
    assert case.current_step == "publish" and case.holder_user_id == somchai.id

    with pytest.raises(ValidationError) as err:
        act(somchai, case, "done", data={"menu": "ข่าวประกาศ", "url": "www.example.go.th/news"})
    assert "url" in err.value.errors
    publish = {
        "menu": "ข่าวประชาสัมพันธ์ > ประกาศ",
        "url": "https://www.example.go.th/news/5",
        "published_on": D(2026, 4, 16),
    }
    case = act(somchai, case, "done", data=publish)
    # Verification finds a broken download: back to publishing, then all three checks pass.
    with pytest.raises(ValidationError) as err:
        act(somchai, case, "done", data={"check_position": True, "verified_on": D(2026, 4, 16)})
    assert set(err.value.errors) == {"check_fonts", "check_downloads"}
    case = act(
        somchai,
        case,
        "fix",
        comment="ไฟล์แนบดาวน์โหลดไม่ได้",
        data={"check_position": True, "check_fonts": True, "verified_on": D(2026, 4, 16)},
    )
    assert case.current_step == "publish"
    (action,) = available_actions(somchai, case)
    assert engine.form_defaults(somchai, case, action)["url"] == "https://www.example.go.th/news/5"
    case = act(
        somchai, case, "done", data=publish, files=[NewFile("web_files", "ประกาศ.pdf", b"%PDF")]
    )
    checks = {"check_position": True, "check_fonts": True, "check_downloads": True}
    case = act(
        somchai,
        case,
        "done",
        data={**checks, "verified_on": D(2026, 4, 16)},
        files=[NewFile("screenshot", "หน้าเว็บ.png", b"\x89PNG")],
    )
    case = act(
        somchai,
        case,
        "done",
        data={"notified_on": D(2026, 4, 16), "notify_note": "บันทึกผลใน Paperless และโทรแจ้งผู้ขอ"},
    )
    at(D(2026, 4, 17))
    case = act(somchai, case, "close", data={"summary": "เผยแพร่เรียบร้อยตามคำขอ"})
    assert state_of(case).state == CaseState.DONE_ON_TIME
    pub = Publication.get(Publication.case == case.id)
    assert (pub.menu, pub.url, pub.published_on) == (
        "ข่าวประชาสัมพันธ์ > ประกาศ",
        "https://www.example.go.th/news/5",
        D(2026, 4, 16),
    )
    assert {f.purpose for f in engine.case_files(case)} == {"to_publish", "web_files", "screenshot"}
    outcomes = [(s.step, s.outcome) for s in engine.history(case)]
    assert outcomes == [
        ("register", "register"),
        ("review", "to_requester"),
        ("review", "resume"),
        ("review", "approve"),
        ("publish", "done"),
        ("verify", "fix"),
        ("publish", "done"),
        ("verify", "done"),
        ("notify", "done"),
        ("close", "close"),
    ]


def test_memo_date_after_receipt_is_refused(office: Office) -> None:
    at(D(2026, 4, 10))
    with pytest.raises(ValidationError, match="ต้องไม่หลังวันที่รับเรื่อง"):
        open_case(
            office["somchai"],
            KEY,
            registration(
                office,
                paperless_date=D(2026, 4, 10) + dt.timedelta(days=0),
                received_on=D(2026, 4, 8),
            ),
            FILES,
        )
    with pytest.raises(ValidationError) as err:
        open_case(office["somchai"], KEY, registration(office), [])
    assert "to_publish" in err.value.errors


def _closed_case(office: Office, received: dt.date, closed: dt.date, title: str) -> None:
    at(received)
    somchai = office["somchai"]
    case = open_case(
        somchai,
        KEY,
        registration(office, received_on=received, paperless_date=received, title=title),
        FILES,
    )
    case = act(
        office["head"], case, "approve", data={"criteria_rules": True, "criteria_chain": True}
    )
    at(closed)
    case = act(
        somchai,
        case,
        "done",
        data={"menu": "ข่าว", "url": "https://example.go.th/a", "published_on": closed},
    )
    case = act(
        somchai,
        case,
        "done",
        data={
            "check_position": True,
            "check_fonts": True,
            "check_downloads": True,
            "verified_on": closed,
        },
    )
    case = act(somchai, case, "done", data={"notified_on": closed, "notify_note": "แจ้งแล้ว"})
    act(somchai, case, "close", data={"summary": "เรียบร้อย"})


def test_report_memo_and_log_read_back(office: Office) -> None:
    _closed_case(office, D(2026, 5, 4), D(2026, 5, 5), "ข่าวการประชุมใหญ่สามัญประจำปี")  # on time
    _closed_case(office, D(2026, 5, 7), D(2026, 5, 15), "รายงานประจำปี 2568")  # late (due 11 May)
    at(D(2026, 5, 20))
    open_case(
        office["somchai"],
        KEY,
        registration(
            office,
            received_on=D(2026, 5, 20),
            paperless_date=D(2026, 5, 19),
            title="ประกาศผลการคัดเลือก",
        ),
        FILES,
    )
    data, name = engine.print_period_report(
        office["somchai"], KEY, "report_memo", D(2026, 5, 1), D(2026, 5, 31)
    )
    assert name.endswith(".pdf")
    text = squash(pdf_text(data))
    assert squash("รายงานผลการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน") in text
    assert squash(thai_digits("มีคำขอเผยแพร่ข้อมูลทั้งสิ้น 3 เรื่อง")) in text
    assert squash(thai_digits("แล้วเสร็จภายในกำหนด 1 เรื่อง")) in text
    assert squash(thai_digits("คิดเป็นร้อยละ 50.00")) in text
    assert squash(thai_digits("เกินกำหนด 1 เรื่อง")) in text
    t = thai_digits
    assert pdf_table_rows(data) == [
        ["เลขที่", "วันที่รับ", "หน่วยงาน", "เรื่อง", "ผลการดำเนินงาน"],
        [
            t("ผย.1/2569"),
            t("4พ.ค.69"),
            "งานประชาสัมพันธ์",
            "ข่าวการประชุมใหญ่สามัญประจำปี",
            t("เผยแพร่5พ.ค.69ภายในกำหนด"),
        ],
        # due Mon 11 May; Wed 13 May is the Royal Ploughing Ceremony: Tue, Thu, Fri late
        [
            t("ผย.2/2569"),
            t("7พ.ค.69"),
            "งานประชาสัมพันธ์",
            t("รายงานประจำปี2568"),
            t("เผยแพร่15พ.ค.69เกินกำหนด3วันทำการ"),
        ],
        [t("ผย.3/2569"), t("20พ.ค.69"), "งานประชาสัมพันธ์", "ประกาศผลการคัดเลือก", "อยู่ระหว่างดำเนินการ"],
    ]
    assert squash("ความเห็นของหน.ภทส.") in text
    assert squash("นายสมชายใจดี") in text and squash("นางสาวพรทิพย์วงศ์สุวรรณ") in text

    log = registers.render_register("publications", D(2026, 5, 1), D(2026, 5, 31))
    assert squash("ทะเบียนการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน") in squash(pdf_text(log))
    log_rows = pdf_table_rows(log)
    assert [row[0] for row in log_rows[1:]] == [t("ผย.1/2569"), t("ผย.2/2569"), t("ผย.3/2569")]
    assert log_rows[1][5] == t("ข่าวhttps://example.go.th/a")
    assert log_rows[2][8] == t("เกินกำหนด3วันทำการ")
    assert "publications" in {r.name for r in registers.all_registers()}


def test_report_period_must_be_in_order(office: Office) -> None:
    with pytest.raises(ValidationError):
        engine.print_period_report(
            office["somchai"], KEY, "report_memo", D(2026, 5, 31), D(2026, 5, 1)
        )
