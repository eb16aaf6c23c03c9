"""Demo data for process 2 (``python main.py demo``): about 300 assets of the three kinds with a
loaner pool, this fiscal year's maintenance plan with done, late, overdue and problem occurrences,
and repair tickets in every state (new, assigned, in repair, waiting to notify, closed on time and
late, overdue, with loaners out, one loan overdue, a head's waiver, a send-back). Everything is made
through the domain functions and the engine on the day it happens, so histories are real."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from models.demo import DemoContext, demo_seeder, later, on_day, working_days_back
from models.engine import act
from models.org import Vendor
from models.permissions import Role
from models.support import assets, loans, maintenance, tickets
from models.support.assets import AssetKind, AssetStatus
from reports.thaifmt import fiscal_year, fiscal_year_bounds

# (kind, category, FSN-like code, how many, name stem, brands and models, price range)
FLEET: list[tuple[str, str, str, int, str, list[tuple[str, str]], tuple[int, int]]] = [
    (AssetKind.HARDWARE, "คอมพิวเตอร์ตั้งโต๊ะ", "7440-001", 110, "เครื่องคอมพิวเตอร์ตั้งโต๊ะ",
     [("Dell", "OptiPlex 7010"), ("HP", "ProDesk 400 G9"), ("Lenovo", "ThinkCentre M70s")], (19000, 32000)),
    (AssetKind.HARDWARE, "คอมพิวเตอร์โน้ตบุ๊ก", "7440-002", 50, "เครื่องคอมพิวเตอร์โน้ตบุ๊ก",
     [("Lenovo", "ThinkPad T14"), ("Dell", "Latitude 5440"), ("Asus", "ExpertBook B1")], (22000, 38000)),
    (AssetKind.HARDWARE, "จอภาพ", "7440-003", 35, "จอภาพ LED 24 นิ้ว",
     [("Dell", "P2422H"), ("Samsung", "S24R350"), ("LG", "24MP400")], (3900, 6500)),
    (AssetKind.HARDWARE, "เครื่องพิมพ์", "7440-004", 24, "เครื่องพิมพ์เลเซอร์",
     [("HP", "LaserJet Pro M404dn"), ("Brother", "HL-L5100DN"), ("Canon", "LBP226dw")], (7900, 15000)),
    (AssetKind.HARDWARE, "เครื่องสแกนเนอร์", "7440-006", 6, "เครื่องสแกนเนอร์",
     [("Epson", "DS-530 II"), ("Fujitsu", "fi-8170")], (14000, 39000)),
    (AssetKind.HARDWARE, "เครื่องสำรองไฟฟ้า (UPS)", "6130-001", 14, "เครื่องสำรองไฟฟ้า 1 kVA",
     [("APC", "BX1100C"), ("Cleanline", "L-1000")], (3200, 5900)),
    (AssetKind.HARDWARE, "เครื่องฉายภาพ (โปรเจกเตอร์)", "6730-001", 5, "เครื่องฉายภาพ",
     [("Epson", "EB-X51"), ("BenQ", "MX560")], (15000, 24000)),
    (AssetKind.HARDWARE, "เครื่องคอมพิวเตอร์แม่ข่าย", "7440-010", 4, "เครื่องคอมพิวเตอร์แม่ข่าย",
     [("Dell", "PowerEdge R650"), ("HPE", "ProLiant DL380 Gen10")], (180000, 320000)),
    (AssetKind.SOFTWARE, "ระบบปฏิบัติการ", "7030-001", 6, "สิทธิ์ใช้งาน Windows 11 Pro",
     [("Microsoft", "Windows 11 Pro (50 สิทธิ์)")], (180000, 250000)),
    (AssetKind.SOFTWARE, "ชุดโปรแกรมสำนักงาน", "7030-002", 6, "สิทธิ์ใช้งาน Microsoft 365",
     [("Microsoft", "Microsoft 365 Business Standard")], (90000, 150000)),
    (AssetKind.SOFTWARE, "โปรแกรมป้องกันไวรัส", "7030-003", 4, "โปรแกรมป้องกันไวรัส",
     [("ESET", "PROTECT Entry"), ("Kaspersky", "Endpoint Security")], (45000, 90000)),
    (AssetKind.SOFTWARE, "โปรแกรมเฉพาะงาน", "7030-004", 4, "โปรแกรมเฉพาะงาน",
     [("Adobe", "Acrobat Pro"), ("IBM", "SPSS Statistics")], (35000, 120000)),
    (AssetKind.NETWORK, "อุปกรณ์กระจายสัญญาณ (Switch)", "5895-001", 14, "อุปกรณ์กระจายสัญญาณ 24 พอร์ต",
     [("Cisco", "CBS350-24T"), ("HPE Aruba", "2530-24G")], (18000, 45000)),
    (AssetKind.NETWORK, "อุปกรณ์จัดเส้นทาง (Router)", "5895-002", 3, "อุปกรณ์จัดเส้นทาง",
     [("Cisco", "ISR 1100"), ("MikroTik", "CCR2004")], (25000, 60000)),
    (AssetKind.NETWORK, "อุปกรณ์กระจายสัญญาณไร้สาย (Access Point)", "5895-003", 12, "อุปกรณ์กระจายสัญญาณไร้สาย",
     [("Ubiquiti", "U6 Pro"), ("Ruckus", "R550")], (6500, 18000)),
    (AssetKind.NETWORK, "อุปกรณ์รักษาความปลอดภัยเครือข่าย (Firewall)", "5895-004", 2, "อุปกรณ์ไฟร์วอลล์",
     [("Fortinet", "FortiGate 100F"), ("Palo Alto", "PA-440")], (150000, 280000)),
]  # fmt: skip

PEOPLE = [
    "นายสมศักดิ์ ทองประเสริฐ", "นางสาววิไลวรรณ แสงจันทร์", "นางมาลี ศรีสุข", "นายประยุทธ มั่นคง",
    "นางสาวกนกวรรณ ใจงาม", "นายธีระ วงศ์ใหญ่", "นางสาวปวีณา รุ่งเรือง", "นายอภิชาติ พรหมมา",
    "นางจิราพร สุขสวัสดิ์", "นายวรวุฒิ ชัยชนะ", "นางสาวศิริพร บุญเรือง", "นายเอกชัย ศักดิ์ดี",
]  # fmt: skip
BUILDINGS = ["อาคาร ๑", "อาคาร ๒", "อาคารสำนักงานใหญ่"]
SUPPORT_STAFF = ["somchai", "suda", "anan", "pim", "kittisak"]

PROBLEMS: list[tuple[int, str, str, str, str]] = [
    # category days, title, description, cause, work done
    (1, "ลืมรหัสผ่านเข้าระบบสารบรรณ", "เข้าระบบไม่ได้ตั้งแต่เช้า", "บัญชีถูกล็อกจากการใส่รหัสผิด", "ปลดล็อกและตั้งรหัสผ่านชั่วคราว"),
    (1, "อินเทอร์เน็ตใช้งานไม่ได้", "ทั้งห้องเชื่อมต่อเครือข่ายไม่ได้", "สายแลนหลุดจากอุปกรณ์กระจายสัญญาณ", "เชื่อมต่อสายใหม่และทดสอบ"),
    (1, "Wi-Fi ห้องประชุมสัญญาณอ่อน", "ผู้เข้าประชุมเชื่อมต่อไม่ได้", "อุปกรณ์กระจายสัญญาณไร้สายค้าง", "รีสตาร์ตและปรับช่องสัญญาณ"),
    (2, "ติดตั้งโปรแกรมไม่ได้", "ขอติดตั้งโปรแกรมอ่านไฟล์ PDF", "ผู้ใช้ไม่มีสิทธิ์ผู้ดูแลเครื่อง", "ติดตั้งโปรแกรมให้"),
    (2, "เครื่องพิมพ์กระดาษติด", "พิมพ์แล้วกระดาษติดทุกแผ่น", "ลูกยางดึงกระดาษสึก", "เปลี่ยนลูกยางดึงกระดาษ"),
    (2, "โปรแกรมป้องกันไวรัสแจ้งเตือน", "พบไฟล์ต้องสงสัยในแฟลชไดรฟ์", "ไฟล์มัลแวร์จากอุปกรณ์ภายนอก", "กำจัดมัลแวร์และสแกนทั้งเครื่อง"),
    (3, "เครื่องคอมพิวเตอร์เปิดไม่ติด", "กดปุ่มเปิดแล้วไม่มีไฟเลี้ยง", "แหล่งจ่ายไฟเสีย", "เปลี่ยนแหล่งจ่ายไฟ"),
    (3, "เครื่องช้ามากและค้างบ่อย", "เปิดโปรแกรมแล้วค้าง", "ฮาร์ดดิสก์เสื่อม", "เปลี่ยนเป็น SSD และติดตั้งระบบใหม่"),
    (3, "จอภาพไม่แสดงผล", "เปิดเครื่องแล้วจอดำ", "การ์ดจอเสีย", "ส่งซ่อมตามประกันกับผู้ขาย"),
]  # fmt: skip


def _asset_number(code: str, seq: int, year_be: int) -> str:
    return f"{code}-{seq:04d}/{year_be % 100:02d}"


def _seed_assets(ctx: DemoContext) -> dict[str, list[Any]]:
    rng = ctx.rng
    vendors = list(Vendor.select().order_by(Vendor.id))
    cats = {(c.kind, c.name): c for c in assets.categories(active_only=False)}
    made: dict[str, list[Any]] = {"pc": [], "pool": [], "server": [], "all": []}
    for kind, category, code, count, stem, models_, (low, high) in FLEET:
        for n in range(1, count + 1):
            acquired = ctx.today - dt.timedelta(days=rng.randint(200, 2400))
            year = fiscal_year(acquired)
            brand, model = models_[n % len(models_)]
            unit = ctx.units[rng.randrange(len(ctx.units))]
            values: dict[str, Any] = {
                "kind": kind,
                "number": _asset_number(code, n, year),
                "name": stem if kind != AssetKind.SOFTWARE else f"{stem} ({model})",
                "category": cats[(kind, category)].id,
                "brand": brand,
                "model_name": model,
                "serial_number": f"{brand[:2].upper()}{rng.randint(10_000_000, 99_999_999)}",
                "acquired_on": acquired,
                "price": decimal.Decimal(rng.randrange(low, high, 100)),
                "budget_source": rng.choice(["เงินงบประมาณ", "เงินงบประมาณ", "เงินรายได้"]),
                "budget_year": year,
                "vendor": vendors[n % len(vendors)].id if vendors else None,
                "warranty_end": acquired + dt.timedelta(days=365 * 3),
                "location": f"{rng.choice(BUILDINGS)} ชั้น {rng.randint(1, 8)}",
            }
            if kind == AssetKind.HARDWARE and category not in {"เครื่องคอมพิวเตอร์แม่ข่าย"}:
                values["custodian_name"] = rng.choice(PEOPLE)
                values["custodian_unit"] = unit.id
            if kind == AssetKind.SOFTWARE:
                values["seats"] = rng.choice([25, 50, 100])
                values["licence_expiry"] = acquired + dt.timedelta(days=365 * rng.choice([1, 3]))
                values["location"] = "ศูนย์ข้อมูล ภทส."
            if kind == AssetKind.NETWORK or category == "เครื่องคอมพิวเตอร์แม่ข่าย":
                values["ip_address"] = f"10.10.{rng.randint(1, 20)}.{rng.randint(2, 250)}"
                values["location"] = "ห้องแม่ข่าย อาคาร ๑ ชั้น ๒"
            if category == "คอมพิวเตอร์โน้ตบุ๊ก" and n > count - 8:
                values["status"] = AssetStatus.LOANER_POOL
                values["name"] = "เครื่องคอมพิวเตอร์โน้ตบุ๊ก (เครื่องทดแทน)"
                values.pop("custodian_name", None)
                values.pop("custodian_unit", None)
                values["location"] = "ห้อง ภทส. อาคาร ๑ ชั้น ๒"
            elif acquired < ctx.today - dt.timedelta(days=2200) and n % 4 == 0:
                values["status"] = AssetStatus.RETIRED
            asset = assets.save_asset(None, None, values)
            made["all"].append(asset)
            if values.get("status") == AssetStatus.LOANER_POOL:
                made["pool"].append(asset)
            elif category in {"คอมพิวเตอร์ตั้งโต๊ะ", "คอมพิวเตอร์โน้ตบุ๊ก", "จอภาพ", "เครื่องพิมพ์"}:
                if values.get("status") != AssetStatus.RETIRED:
                    made["pc"].append(asset)
            elif category == "เครื่องคอมพิวเตอร์แม่ข่าย":
                made["server"].append(asset)
    return made


def _seed_plan(ctx: DemoContext, made: dict[str, list[Any]], year: int) -> None:
    staff = [ctx.users[u] for u in SUPPORT_STAFF if u in ctx.users]
    start, _end = fiscal_year_bounds(year)
    with on_day(start - dt.timedelta(days=20)):  # a plan is made before its year starts
        plan = maintenance.save_plan(
            None,
            None,
            fiscal_year=year,
            title=f"แผนการบำรุงรักษาเชิงป้องกันครุภัณฑ์คอมพิวเตอร์และระบบเครือข่าย ปีงบประมาณ {year}",
        )
        cats = {c.name: c for c in assets.categories(active_only=False)}
        tasks = [
            maintenance.save_task(
                None, None, plan=plan.id, title="ทำความสะอาดและตรวจสภาพเครื่องคอมพิวเตอร์",
                category=cats["คอมพิวเตอร์ตั้งโต๊ะ"].id, schedule=maintenance.Schedule.QUARTERLY,
                day_of_month=15, assignee=staff[0].id,
            ),
            maintenance.save_task(
                None, None, plan=plan.id, title="ตรวจสอบการสำรองข้อมูลเครื่องแม่ข่าย",
                asset=made["server"][0].id, schedule=maintenance.Schedule.MONTHLY, day_of_month=5,
                assignee=staff[1].id,
            ),
            maintenance.save_task(
                None, None, plan=plan.id, title="ปรับปรุงเฟิร์มแวร์อุปกรณ์เครือข่าย",
                kind=AssetKind.NETWORK, schedule=maintenance.Schedule.SEMIANNUAL, day_of_month=20,
                assignee=staff[2].id,
            ),
            maintenance.save_task(
                None, None, plan=plan.id, title="ตรวจสอบการปรับปรุงฐานข้อมูลไวรัส",
                category=cats["โปรแกรมป้องกันไวรัส"].id, schedule=maintenance.Schedule.MONTHLY,
                day_of_month=25, assignee=staff[3 % len(staff)].id,
            ),
            maintenance.save_task(
                None, None, plan=plan.id, title="บำรุงรักษาเครื่องพิมพ์และเปลี่ยนวัสดุสิ้นเปลือง",
                category=cats["เครื่องพิมพ์"].id, schedule=maintenance.Schedule.DATES,
                dates=[start + dt.timedelta(days=d) for d in (45, 200)], assignee=staff[4 % len(staff)].id,
            ),
        ]  # fmt: skip
    rng = ctx.rng
    units = ctx.units
    # (done on, due, task index, occurrence index): recorded in the order they were carried out,
    # so the follow-up tickets are numbered in the order they were received.
    carried_out: list[tuple[dt.date, dt.date, int, int]] = []
    for t_index, task in enumerate(tasks):
        for d_index, due in enumerate(maintenance.scheduled_dates(task, year)):
            if due >= ctx.today - dt.timedelta(days=3):
                continue
            # leave a few recent ones undone: they show as overdue
            if t_index in {1, 3} and due >= ctx.today - dt.timedelta(days=40):
                continue
            if (t_index * 7 + d_index) % 11 == 5:  # skipped that time: still overdue
                continue
            late = (d_index + t_index) % 5 == 2
            done_on = working_days_back(due + dt.timedelta(days=9), 0) if late else due
            carried_out.append(
                (min(done_on, ctx.today - dt.timedelta(days=1)), due, t_index, d_index)
            )
    for done_on, due, t_index, d_index in sorted(carried_out):
        task = tasks[t_index]
        issues = (d_index + t_index) % 4 == 1
        who = staff[(t_index + d_index) % len(staff)]
        with on_day(done_on, 15):
            if not issues:
                maintenance.record_execution(
                    who, task, due, done_on=done_on, result=maintenance.Result.NORMAL
                )
                continue
            # a finding about one of the task's own assets, of the kind that task finds
            covered = list(maintenance.target_assets(task).order_by(assets.Asset.id))
            target = covered[rng.randrange(len(covered))]
            findings = rng.choice(FINDINGS[t_index])
            record = maintenance.record_execution(
                who, task, due, done_on=done_on, result=maintenance.Result.ISSUES,
                findings=findings, asset=target.id,
                follow_up={
                    "title": "แก้ไขปัญหาที่พบจากการบำรุงรักษา",
                    "paperless_no": f"ภทส {rng.randint(100, 999)}",
                    "unit": units[0].id,
                    "requester_name": who.full_name,
                    "category": tickets.categories()[-1].id,
                } if d_index % 2 == 0 else None,
            )  # fmt: skip
        if record.follow_up_ticket_id is not None:
            _fix_finding(ctx, who, record.follow_up_ticket_id, done_on, findings)


def _fix_finding(
    ctx: DemoContext, who: Any, ticket_id: int, found_on: dt.date, findings: str
) -> None:
    """A follow-up ticket is dealt with within the week, unless it was opened in the last days
    (then it is still waiting to be assigned)."""
    fixed_on = later(found_on, 2)
    if fixed_on >= working_days_back(ctx.today, 3):
        return
    case_id = tickets.get_ticket(ticket_id).case_id
    with on_day(later(found_on, 1), 10):
        act(who, case_id, "assign", data={"assignee": who.id, "estimate_days": 1})
    with on_day(fixed_on, 14):
        act(
            who,
            case_id,
            "repaired",
            data={
                "cause": findings,
                "work_done": "แก้ไขตามที่พบจากการบำรุงรักษาและทดสอบการใช้งาน",
                "repair_result": tickets.RepairResult.FIXED,
            },
        )
        act(who, case_id, "close", data={"notified_on": fixed_on})


# What each of the plan's tasks (in _seed_plan's order) may find.
FINDINGS: list[list[str]] = [
    ["พัดลมระบายความร้อนมีเสียงดัง", "พบฝุ่นสะสมมากในเครื่อง", "ฮาร์ดดิสก์มีเซกเตอร์เสีย"],
    ["การสำรองข้อมูลรอบกลางคืนไม่สำเร็จ", "พื้นที่จัดเก็บข้อมูลสำรองเหลือน้อย"],
    ["เฟิร์มแวร์รุ่นเก่ามีช่องโหว่ ต้องปรับปรุง", "พอร์ตเชื่อมต่อชำรุด ๑ พอร์ต"],
    ["ฐานข้อมูลไวรัสไม่ปรับปรุงอัตโนมัติ", "สิทธิ์การใช้งานใกล้หมดอายุ"],
    ["ลูกยางดึงกระดาษสึก", "ชุดสร้างภาพ (ดรัม) ใกล้หมดอายุ"],
]

LOANER_SCENARIOS = {"loaner_out", "loaner_overdue"}


def _problem(n: int, scenario: str) -> tuple[int, str, str, str, str]:
    if scenario in LOANER_SCENARIOS:  # a hardware fault: the repair takes days
        return PROBLEMS[6 + n % 3]
    return PROBLEMS[n % len(PROBLEMS)]


def _open(
    ctx: DemoContext, made: dict[str, list[Any]], n: int, scenario: str, received: dt.date
) -> Any:
    rng = ctx.rng
    days, title, description, _cause, _work = _problem(n, scenario)
    category = next(c for c in tickets.categories() if c.days == days)
    unit = ctx.units[(n * 7) % len(ctx.units)]
    asset = made["pc"][(n * 13) % len(made["pc"])] if days >= 2 or n % 3 else None
    clerk = ctx.users[SUPPORT_STAFF[n % len(SUPPORT_STAFF)]]
    with on_day(received, 9, rng.randint(0, 50)):
        return tickets.open_ticket(
            clerk,
            title=title,
            received_on=received,
            paperless_no=f"{unit.short_name.rstrip('.')} {rng.randint(100, 999)}/{received.year + 543}",
            paperless_date=received,
            doc_kind=tickets.DocKind.NOTE if n % 3 else tickets.DocKind.MEMO,
            unit=unit.id,
            requester_name=PEOPLE[n % len(PEOPLE)],
            requester_phone=f"{rng.randint(1100, 1999)}",
            asset=asset.id if asset else None,
            category=category.id,
            description=description,
        )


def _walk(
    ctx: DemoContext,
    made: dict[str, list[Any]],
    ticket: Any,
    n: int,
    scenario: str,
    received: dt.date,
) -> None:
    days, _title, _description, cause, work = _problem(n, scenario)
    head = ctx.users.get("support_head") or ctx.by_role(Role.GROUP_HEAD)[0]
    staff = ctx.users[SUPPORT_STAFF[(n + 1) % len(SUPPORT_STAFF)]]
    case_id = ticket.case_id
    if scenario == "new":
        return
    estimate = 1 if days == 1 else (2 if days == 2 else 3)
    data: dict[str, Any] = {"assignee": staff.id, "estimate_days": estimate}
    if estimate > 1:
        pool = loans.pool()
        if pool and (n % 5 or scenario in LOANER_SCENARIOS):
            data["loaner"] = pool[n % len(pool)].id
            if scenario == "loaner_overdue":
                data["loaner_due_back"] = later(received, 3)
        if "loaner" not in data:
            data["no_loaner_reason"] = "ผู้ขอใช้เครื่องสำรองของหน่วยงานระหว่างซ่อม"
    actor = head if "no_loaner_reason" in data else staff
    with on_day(received, 11):
        act(actor, case_id, "assign", data=data)
    if scenario in LOANER_SCENARIOS:
        return
    if scenario == "reassign":
        with on_day(received, 14):
            act(staff, case_id, "reassign", comment="ต้องเปลี่ยนอะไหล่ ใช้เวลานานกว่าที่ประมาณไว้")
        return
    repair_day = received if days == 1 else later(received, 1)
    if scenario == "late":
        repair_day = later(received, days + 3)
    if scenario == "repair":
        return
    with on_day(min(repair_day, ctx.today), 15):
        act(
            staff,
            case_id,
            "repaired",
            data={
                "cause": cause,
                "work_done": work,
                "parts": "SSD 512GB" if "SSD" in work else "",
                "cost": "1890" if "SSD" in work else "",
                "repair_result": tickets.RepairResult.REPLACED if "เปลี่ยน" in work else tickets.RepairResult.FIXED,
            },
        )  # fmt: skip
        loan = loans.active_loan_for_ticket(ticket.id)
        if loan is not None:  # the repaired machine goes back: the loaner comes home
            loans.return_loan(
                staff,
                loan,
                returned_on=min(repair_day, ctx.today),
                condition_in="ครบถ้วน ใช้งานได้ปกติ",
            )
    if scenario == "notify":
        return
    with on_day(min(repair_day, ctx.today), 16):
        act(
            staff,
            case_id,
            "close",
            data={"notified_on": min(repair_day, ctx.today), "reply_no": f"ภทส {n + 100}"},
        )


@demo_seeder(30)
def seed_support(ctx: DemoContext) -> None:
    """Assets, the maintenance plan, tickets and loans of the IT support process."""
    with on_day(ctx.today - dt.timedelta(days=400), 9):
        made = _seed_assets(ctx)
    this_year = fiscal_year(ctx.today)
    _seed_plan(ctx, made, this_year - 1)  # last year's plan: carried out, a few late or skipped
    _seed_plan(ctx, made, this_year)
    plan: list[tuple[int, str]] = []
    for n in range(48):
        back = 6 + n * 2
        plan.append((back, "late" if n % 6 == 2 else "done"))
    plan += [
        (0, "new"), (0, "new"), (1, "new"),  # waiting to be assigned
        (1, "repair"), (2, "repair"),  # in repair, on time
        (2, "loaner_out"), (1, "loaner_out"),  # loaners lent, repair in progress
        (9, "loaner_overdue"),  # an old repair: the ticket and its loan are overdue
        (5, "repair"),  # overdue in repair
        (2, "notify"), (4, "notify"),  # repaired, requester not yet notified
        (3, "reassign"),  # sent back for a new estimate
    ]  # fmt: skip
    plan.sort(key=lambda item: -item[0])
    for n, (back, scenario) in enumerate(plan):
        received = working_days_back(ctx.today, back)
        ticket = _open(ctx, made, n, scenario, received)
        _walk(ctx, made, ticket, n, scenario, received)
