"""Demo cases for processes 1 and 3 (``python main.py demo``), made through the engine itself so
their histories, deadlines and numbers are real: cases in every state, including late ones,
send-back loops, cases waiting on the requester and withdrawn ones.

Each move is made with the clock set to the day it happens, so the history reads like an office's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator

from models import calendar, clock
from models.demo import DemoContext, demo_seeder
from models.engine import Case, NewFile, act, open_case

Move = Callable[[Case], Case]


@contextlib.contextmanager
def on_day(day: dt.date, hour: int = 10, minute: int = 0) -> Iterator[None]:
    """Make the moves in the block on ``day`` (restores the real clock after)."""
    saved = clock._now  # the demo replays past days; restored below
    moment = dt.datetime.combine(day, dt.time(hour, minute))
    clock.set_clock(lambda: moment)
    try:
        yield
    finally:
        clock.set_clock(saved)


def working_days_back(today: dt.date, n: int) -> dt.date:
    """The working day ``n`` working days before ``today`` (0: today or the last working day)."""
    day = today
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    while n > 0:
        day -= dt.timedelta(days=1)
        if calendar.is_working_day(day):
            n -= 1
    return day


def later(day: dt.date, n: int) -> dt.date:
    return calendar.add_working_days(day, n)


def _pdf(title: str) -> bytes:
    # A tiny valid PDF with the title in its metadata: enough to open in a viewer.
    safe = title.encode("utf-8").hex()
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"3 0 obj<</Title<" + safe.encode() + b">>>endobj\n"
        b"trailer<</Root 1 0 R/Info 3 0 R>>\n%%EOF\n"
    )


# ---------------------------------------------------------------------------------------------
# Process 1: publication requests

PUBLICATION_TITLES = [
    "ประกาศรับสมัครผู้ประเมินภายนอก รุ่นที่ 5",
    "รายงานประจำปี 2568",
    "ประกาศผลการคัดเลือกพนักงาน ตำแหน่งนักวิชาการ",
    "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570",
    "ข่าวการประชุมคณะกรรมการบริหาร ครั้งที่ 3/2569",
    "คู่มือการประเมินคุณภาพภายนอกระดับการศึกษาขั้นพื้นฐาน",
    "ประกาศเชิญชวนจัดซื้อจัดจ้าง ระบบเครือข่าย",
    "สรุปผลการดำเนินงานไตรมาสที่ 2",
    "กำหนดการสัมมนาผู้ประเมินภายนอก",
    "ประกาศเรื่องนโยบายคุ้มครองข้อมูลส่วนบุคคล",
    "รายงานการตรวจสอบภายใน ประจำปี 2569",
    "คำรับรองการปฏิบัติราชการ",
    "ประกาศราคากลางโครงการพัฒนาระบบสารสนเทศ",
    "ภาพกิจกรรมวันคล้ายวันสถาปนาสำนักงาน",
    "แบบฟอร์มคำขอรับบริการข้อมูล",
    "ผลการประเมินคุณธรรมและความโปร่งใส (ITA)",
    "ประกาศวันหยุดราชการประจำปี",
    "สื่อเผยแพร่มาตรฐานการประเมินปฐมวัย",
]
MENUS = [
    "ข่าวประชาสัมพันธ์ > ประกาศ",
    "เกี่ยวกับเรา > รายงานประจำปี",
    "ร่วมงานกับเรา",
    "ข้อมูลสาธารณะ > แผนงาน",
    "จัดซื้อจัดจ้าง",
    "เอกสารเผยแพร่ > คู่มือ",
]


def _publication_moves(ctx: DemoContext, received: dt.date, scenario: str, n: int) -> None:
    staff = [ctx.users[u] for u in ("somchai", "suda", "anan", "pim", "kittisak")]
    worker = staff[n % len(staff)]
    reviewer = ctx.users["support_head"] if n % 3 else ctx.users["head"]
    unit = ctx.units[(n * 7) % len(ctx.units)]
    title = PUBLICATION_TITLES[n % len(PUBLICATION_TITLES)]
    with on_day(received, 9, 15):
        case = open_case(
            worker,
            "publication",
            {
                "unit": unit.id,
                "contact_name": "",
                "paperless_no": f"{unit.short_name.rstrip('.')} {40 + n:04d}/{received.year + 543}",
                "paperless_date": received - dt.timedelta(days=1 if received.weekday() else 3),
                "title": title,
                "received_on": received,
                "assignee": worker.id,
            },
            [NewFile("to_publish", f"{title[:40]}.pdf", _pdf(title))],
        )
    if scenario == "new":
        return
    day = received
    criteria = {"criteria_rules": True, "criteria_chain": True}
    if scenario in {"sent_back", "waiting", "withdrawn"}:
        with on_day(day, 11):
            case = act(
                reviewer,
                case,
                "to_requester",
                comment="บันทึกยังไม่ผ่านการลงนามของผู้อำนวยการสำนัก กรุณาเสนอตามลำดับชั้นก่อน",
            )
        if scenario == "waiting":
            return
        day = later(day, 2)
        with on_day(day, 10):
            if scenario == "withdrawn":
                act(worker, case, "withdraw", comment="ผู้ขอแจ้งยกเลิกการเผยแพร่ทางโทรศัพท์")
                return
            case = act(worker, case, "resume", comment="ได้รับบันทึกที่ลงนามครบแล้ว")
    with on_day(day, 14):
        case = act(reviewer, case, "approve", data=criteria)
    if scenario == "review_done":
        return
    late = scenario == "late"
    day = later(day, 3 if late else (1 if n % 2 else 0))
    url = f"https://www.example.go.th/news/{2569}{n:03d}"
    publish = {"menu": MENUS[n % len(MENUS)], "url": url, "published_on": day}
    with on_day(day, 10, 30):
        case = act(worker, case, "done", data=publish)
    if scenario == "published":
        return
    checks = {"check_position": True, "check_fonts": True, "check_downloads": True}
    with on_day(day, 11, 30):
        if n % 4 == 0:
            case = act(
                worker,
                case,
                "fix",
                comment="ไฟล์แนบดาวน์โหลดไม่ได้ แก้ไขลิงก์",
                data={"check_position": True, "check_fonts": True, "verified_on": day},
            )
            case = act(worker, case, "done", data=publish)
        case = act(worker, case, "done", data={**checks, "verified_on": day})
    if scenario == "verified":
        return
    with on_day(day, 15):
        case = act(
            worker,
            case,
            "done",
            data={"notified_on": day, "notify_note": "บันทึกผลในบันทึกข้อความ Paperless แล้ว"},
        )
    with on_day(day, 16):
        act(worker, case, "close", data={"summary": "เผยแพร่ข้อมูลและแจ้งผู้ขอเรียบร้อยแล้ว"})


@demo_seeder(20)
def seed_publications(ctx: DemoContext) -> None:
    """About 40 requests over the last five months, ending in every state the list shows."""
    plan: list[tuple[int, str]] = []
    for n in range(30):
        back = 8 + n * 3  # spread over the past months
        scenario = "late" if n % 7 == 3 else ("sent_back" if n % 5 == 1 else "done")
        if n == 11:
            scenario = "withdrawn"
        plan.append((back, scenario))
    plan += [
        (0, "new"),  # received today: on time
        (1, "review_done"),  # on time, at publishing
        (2, "published"),  # due today, at verification
        (2, "new"),  # due today, still waiting for review
        (4, "verified"),  # overdue by 2, at notification
        (6, "review_done"),  # overdue by 4
        (3, "waiting"),  # sent back, the requester has not answered: clock paused
        (1, "waiting"),
        (5, "sent_back"),  # the loop went round and the case is done
    ]
    plan.sort(key=lambda item: -item[0])  # registered oldest first: numbers follow receipt
    for n, (back, scenario) in enumerate(plan):
        _publication_moves(ctx, working_days_back(ctx.today, back), scenario, n)


# ---------------------------------------------------------------------------------------------
# Process 3: data requests

REQUESTERS = [
    (
        "มหาวิทยาลัยราชภัฏนครปฐม",
        "สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม",
        "อธิการบดีมหาวิทยาลัยราชภัฏนครปฐม",
        "ใช้ประกอบการวิจัยเรื่องปัจจัยที่ส่งผลต่อคุณภาพการศึกษาระดับอุดมศึกษา",
        "ผลการประเมินคุณภาพภายนอกรอบสี่ของสถาบันอุดมศึกษากลุ่มราชภัฏ",
    ),
    (
        "โรงเรียนบ้านหนองบัว",
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1",
        "ผู้อำนวยการโรงเรียนบ้านหนองบัว",
        "ใช้วางแผนพัฒนาคุณภาพสถานศึกษา",
        "รายงานผลการประเมินคุณภาพภายนอกของโรงเรียน รอบที่ผ่านมา",
    ),
    (
        "วิทยาลัยเทคนิคลำปาง",
        "สำนักงานคณะกรรมการการอาชีวศึกษา",
        "ผู้อำนวยการวิทยาลัยเทคนิคลำปาง",
        "ใช้จัดทำแผนพัฒนาการศึกษาระยะ 5 ปี",
        "ผลการประเมินคุณภาพภายนอกด้านการจัดการอาชีวศึกษา ปี 2565-2568",
    ),
    (
        "บัณฑิตวิทยาลัย จุฬาลงกรณ์มหาวิทยาลัย",
        "จุฬาลงกรณ์มหาวิทยาลัย",
        "คณบดีบัณฑิตวิทยาลัย จุฬาลงกรณ์มหาวิทยาลัย",
        "ใช้ประกอบวิทยานิพนธ์ระดับปริญญาเอกของนิสิต",
        "คะแนนผลการประเมินรายมาตรฐานของสถานศึกษาปฐมวัยทั่วประเทศ",
    ),
    (
        "สำนักงานศึกษาธิการจังหวัดเชียงใหม่",
        "สำนักงานปลัดกระทรวงศึกษาธิการ",
        "ศึกษาธิการจังหวัดเชียงใหม่",
        "ใช้ติดตามคุณภาพการศึกษาในจังหวัด",
        "สรุปผลการประเมินคุณภาพภายนอกของสถานศึกษาในจังหวัดเชียงใหม่",
    ),
]
METHODS = ["email", "email", "post", "pickup"]


def _data_request_moves(
    ctx: DemoContext, received: dt.date, scenario: str, n: int, deputy: int | None
) -> None:
    staff = [ctx.users[u] for u in ("suda", "somchai", "pim", "anan")]
    worker = staff[n % len(staff)]
    registrar = ctx.users["kittisak"]
    head = ctx.users["head"]
    org, parent, addressee, purpose, scope = REQUESTERS[n % len(REQUESTERS)]
    method = METHODS[n % len(METHODS)]
    with on_day(received, 9, 40):
        case = open_case(
            registrar,
            "data_request",
            {
                "title": f"ขอความอนุเคราะห์ข้อมูล{scope}",
                "organisation": org,
                "parent_body": parent,
                "addressee": addressee,
                "contact_name": "นางสาวศิริพร คงดี",
                "contact_phone": "0 2123 4567",
                "contact_email": f"contact{n}@example.ac.th",
                "address": "เลขที่ 1 ถนนราชดำเนิน อำเภอเมือง",
                "delivery_method": method,
                "paperless_no": f"ศธ 04{n:03d}/{received.year + 543}",
                "paperless_date": received - dt.timedelta(days=2),
                "received_on": received,
                "purpose": purpose,
                "scope": scope,
            },
            [NewFile("request_letter", "หนังสือขอข้อมูล.pdf", _pdf(org))],
        )
    if scenario == "new":
        return
    day = received
    criteria = {"c_rules": True, "c_purpose": True, "c_scope": True, "c_owner": True}
    if scenario == "not_eligible":
        with on_day(day, 13):
            case = act(
                head,
                case,
                "not_eligible",
                comment="ข้อมูลที่ขอเป็นผลการประเมินรายบุคคล เปิดเผยไม่ได้ตาม พ.ร.บ.ข้อมูลข่าวสารฯ",
                data={
                    "c_rules": False,
                    "c_purpose": True,
                    "c_scope": False,
                    "c_owner": True,
                    "assignee": worker.id,
                },
            )
        day = later(day, 1)
        with on_day(day, 10):
            act(
                worker,
                case,
                "informed",
                data={"contacted_on": day, "contact_note": "โทรศัพท์แจ้งผู้ประสานงานและส่งอีเมลยืนยันแล้ว"},
            )
        return
    with on_day(day, 13):
        case = act(
            head, case, "eligible", comment="ให้ดำเนินการ", data={**criteria, "assignee": worker.id}
        )
    if scenario == "eligible":
        return
    late = scenario == "late"
    day = later(day, 2 if late else 1)
    prepared = {"data_description": "ตารางผลการประเมินตามขอบเขตที่ขอ จำนวน 1 แฟ้ม"}
    data_file = NewFile("data_files", f"ข้อมูล_{org[:20]}.xlsx", b"PK\x03\x04demo")
    with on_day(day, 10):
        case = act(worker, case, "done", data=prepared, files=[data_file])
    if n % 3 == 1:
        with on_day(day, 14):
            case = act(head, case, "send_back", comment="เพิ่มคำอธิบายความหมายของคะแนนแต่ละมาตรฐาน")
        with on_day(day, 16):
            case = act(
                worker,
                case,
                "done",
                data={"data_description": "ตารางผลการประเมินพร้อมคำอธิบาย จำนวน 2 แฟ้ม"},
            )
    with on_day(day, 16, 30):
        case = act(head, case, "approve")
    if scenario == "at_deputy":
        return
    day = later(day, 2 if late else 1)
    with on_day(day, 11):
        case = act(worker, case, "signed", data={"signatory": deputy, "approved_on": day})
        case = act(
            worker, case, "sent", data={"sent_on": day, "sent_method": method, "sent_ref": "ส่งแล้ว"}
        )
    if scenario == "sent":
        return
    with on_day(day, 15):
        act(worker, case, "close", data={"summary": "ส่งข้อมูลตามช่องทางที่ขอ และบันทึกผลใน Paperless แล้ว"})


@demo_seeder(40)
def seed_data_requests(ctx: DemoContext) -> None:
    from models.org import Signatory

    signatories = [s.id for s in Signatory.select().order_by(Signatory.sort_order, Signatory.id)]
    deputy = signatories[-1] if signatories else None
    plan: list[tuple[int, str]] = [
        (10 + n * 5, "late" if n % 4 == 2 else ("not_eligible" if n % 6 == 5 else "done"))
        for n in range(14)
    ]
    plan += [
        (0, "new"),  # on time, waiting for the head
        (1, "eligible"),  # on time, at preparation
        (3, "at_deputy"),  # due today
        (5, "eligible"),  # overdue
        (4, "sent"),  # sent, to be closed (overdue for closing)
    ]
    plan.sort(key=lambda item: -item[0])
    for n, (back, scenario) in enumerate(plan):
        _data_request_moves(ctx, working_days_back(ctx.today, back), scenario, n, deputy)
