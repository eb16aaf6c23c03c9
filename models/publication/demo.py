"""Demo publication requests (process 1), made through the engine itself so their histories,
deadlines and numbers are real: every state, late ones, send-back loops, withdrawn ones."""

from __future__ import annotations

import datetime as dt

from models.demo import DemoContext, demo_seeder, later, on_day, tiny_pdf, working_days_back
from models.engine import NewFile, act, open_case

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
            [NewFile("to_publish", f"{title[:40]}.pdf", tiny_pdf(title))],
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
