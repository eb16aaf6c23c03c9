"""Demo data requests (process 3), made through the engine itself: approved, refused, late and
waiting ones, with their letters and numbers."""

from __future__ import annotations

import datetime as dt

from models.demo import DemoContext, demo_seeder, later, on_day, tiny_pdf, working_days_back
from models.engine import NewFile, act, open_case

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
            [NewFile("request_letter", "หนังสือขอข้อมูล.pdf", tiny_pdf(org))],
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
