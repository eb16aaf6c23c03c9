"""Demo projects of process 5 (``python main.py demo``), made through the engine and the domain
functions so their histories, dates and guards are real: a request the chain did not approve, an
in-house system in user training, and an outsourced system at its second installment (the first
delivered, inspected and paid; one milestone late)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models.demo import DemoContext, demo_seeder, on_day, tiny_pdf
from models.development import records
from models.engine import Case, NewFile, act, open_case
from models.org import CommitteeKind, Vendor
from models.procurement import contracts, execution, quotations
from models.procurement.demo import committee_with_declarations


def _open(ctx: DemoContext, day: dt.date, title: str, requester: str, idea: str) -> Case:
    staff = ctx.users["prasert"]
    with on_day(day, 9, 30):
        return open_case(
            staff,
            records.KEY,
            {
                "title": title,
                "requester": requester,
                "received_on": day,
                "idea": idea,
                "met_on": day,
                "attendees": "รองผู้อำนวยการ, ผู้อำนวยการสำนักที่ขอ, หน.ภทส., หัวหน้างานระบบการประเมิน",
                "assignee": staff.id,
            },
            [NewFile("minutes", "รายงานการประชุม.pdf", tiny_pdf(f"รายงานการประชุม {title}"))],
        )


def _approve(ctx: DemoContext, case: Case, day: dt.date) -> Case:
    with on_day(day, 14):
        return act(
            ctx.users["head"],
            case,
            "approve",
            data={
                "benefit": "ลดงานเอกสารและเวลาการติดตาม ข้อมูลถูกต้องตรงกันทุกสำนัก",
                "weighing": "ใช้งบประมาณเหมาะสม มีบุคลากรพร้อม ทันต่อรอบการประเมิน",
                "decided_on": day,
            },
        )


def _analyse(ctx: DemoContext, case: Case, day: dt.date, groups: list[str]) -> Case:
    staff = ctx.users["prasert"]
    for n, group in enumerate(groups):
        met = day + dt.timedelta(days=n)
        with on_day(met, 10):
            records.add_meeting(
                staff, case.id, met_on=met, user_group=group, attendees="ผู้แทนกลุ่ม 5-8 คน"
            )
    done = day + dt.timedelta(days=len(groups) + 1)
    with on_day(done, 16):
        case = act(staff, case, "done")
    analysed = done + dt.timedelta(days=7)
    with on_day(analysed, 15):
        return act(
            staff,
            case,
            "done",
            data={
                "functions": "บันทึกข้อมูล ติดตามสถานะ แจ้งเตือน รายงานสรุปรายเดือน",
                "inputs_outputs": "นำเข้าจากแบบฟอร์มออนไลน์และ Excel; รายงาน PDF และ Excel",
                "scope": "ผู้ใช้ทุกสำนักที่เกี่ยวข้อง",
                "timeline": "6 เดือน",
                "equipment": "เครื่องแม่ข่ายเสมือน 1 เครื่อง",
            },
            files=[NewFile("flowchart", "flowchart.pdf", tiny_pdf("Flowchart"))],
        )


def _refused(ctx: DemoContext) -> None:
    day = ctx.today - dt.timedelta(days=75)
    case = _open(
        ctx,
        day,
        "ระบบจองรถยนต์ส่วนกลาง",
        "สำนักอำนวยการ",
        "ระบบจองรถยนต์แทนสมุดจอง",
    )
    with on_day(day + dt.timedelta(days=6), 14):
        act(
            ctx.users["head"],
            case,
            "refuse",
            comment="มีระบบกลางของหน่วยงานให้บริการอยู่แล้ว ขอให้ใช้ระบบเดิมและเสนอส่วนที่ขาดเพิ่มเติม",
            data={
                "benefit": "ลดการจองซ้ำซ้อน",
                "weighing": "ซ้ำซ้อนกับระบบกลางที่มีอยู่ ไม่คุ้มค่าต่อบุคลากรที่ต้องใช้",
                "decided_on": day + dt.timedelta(days=6),
            },
        )


def _in_house(ctx: DemoContext) -> None:
    staff = ctx.users["prasert"]
    start = ctx.today - dt.timedelta(days=120)
    case = _open(
        ctx,
        start,
        "ระบบติดตามข้อเสนอแนะของผู้ประเมินภายนอก",
        "สำนักประเมินคุณภาพการศึกษาขั้นพื้นฐาน",
        "ติดตามการนำข้อเสนอแนะไปใช้แทนแฟ้ม Excel ของแต่ละสำนัก",
    )
    case = _approve(ctx, case, start + dt.timedelta(days=5))
    case = _analyse(ctx, case, start + dt.timedelta(days=8), ["ฝ่ายประเมิน", "ผู้บริหาร", "สถานศึกษา"])
    decided = start + dt.timedelta(days=25)
    with on_day(decided, 11):
        case = act(staff, case, "in_house", data={"cost": "0", "mode_decided_on": decided})
    for title, planned, done in (
        ("ต้นแบบหน้าจอ", decided + dt.timedelta(days=20), decided + dt.timedelta(days=19)),
        ("ระบบพร้อมทดลองใช้", decided + dt.timedelta(days=55), decided + dt.timedelta(days=60)),
        ("อบรมผู้ใช้ครบทุกกลุ่ม", ctx.today + dt.timedelta(days=20), None),
    ):
        with on_day(decided, 12):
            records.add_milestone(staff, case.id, title=title, planned_on=planned)
        if done is not None:
            with on_day(done, 16):
                row = records.milestones(case.id)[-1]
                records.complete_milestone(staff, row, done)
    for n in range(3):
        begin = decided + dt.timedelta(days=3 + n * 20)
        with on_day(begin + dt.timedelta(days=17), 16):
            records.add_round(
                staff,
                case.id,
                started_on=begin,
                finished_on=begin + dt.timedelta(days=17),
                tested=f"ทดสอบ {30 + n * 10} กรณี ผ่านทั้งหมด" if n else "ทดสอบ 30 กรณี ไม่ผ่าน 4 กรณี",
                feedback="ผู้ใช้ขอให้เพิ่มรายงานสรุปรายสำนัก" if n < 2 else "ใช้งานได้ตามต้องการ",
                fixes="เพิ่มรายงานและปรับหน้าจอค้นหา" if n < 2 else "",
            )
    live = decided + dt.timedelta(days=62)
    with on_day(live, 15):
        case = act(
            staff, case, "live", data={"server": "เครื่องแม่ข่ายเสมือน 4 vCPU 8 GB", "live_on": live}
        )
    trained = live + dt.timedelta(days=7)
    with on_day(trained, 9):
        session = records.add_training(
            staff,
            case.id,
            held_on=trained,
            place="ห้องประชุม ๑ ชั้น ๑๙",
            user_group="ฝ่ายประเมิน",
            invited=15,
            attended=13,
            trainer="นายประเสริฐ ชัยมงคล",
        )
    with on_day(trained, 16):
        records.attach_sign_in(staff, session, "ใบลงชื่อ.pdf", tiny_pdf("ใบลงชื่อผู้เข้ารับการอบรม"))
    with on_day(trained, 16, 30):
        records.add_training(
            staff,
            case.id,
            held_on=ctx.today + dt.timedelta(days=10),
            place="ห้องอบรมคอมพิวเตอร์",
            user_group="สถานศึกษานำร่อง",
            invited=25,
            trainer="นายประเสริฐ ชัยมงคล",
        )


def _outsourced(ctx: DemoContext) -> None:
    head = ctx.users["head"]
    start = ctx.today - dt.timedelta(days=230)
    case = _open(
        ctx,
        start,
        "ระบบรับรองผลการประเมินคุณภาพภายนอกออนไลน์",
        "สำนักรับรองมาตรฐาน",
        "ยื่นและพิจารณารับรองผลการประเมินผ่านระบบออนไลน์ทั้งกระบวนการ",
    )
    case = _approve(ctx, case, start + dt.timedelta(days=7))
    case = _analyse(ctx, case, start + dt.timedelta(days=10), ["สำนักรับรองมาตรฐาน", "ผู้ประเมินภายนอก"])
    decided = start + dt.timedelta(days=30)
    actor = ctx.users["prasert"]
    with on_day(decided, 11):
        case = act(actor, case, "outsource", data={"cost": "1,350,000", "mode_decided_on": decided})
        for kind, text, qty, months, rate in (
            (records.CostKind.PERSONNEL, "ผู้จัดการโครงการ", 1, 6, "60,000"),
            (records.CostKind.PERSONNEL, "นักวิเคราะห์ระบบ", 1, 6, "50,000"),
            (records.CostKind.PERSONNEL, "โปรแกรมเมอร์", 2, 6, "35,000"),
            (records.CostKind.LICENCE, "ใบอนุญาตใช้งานฐานข้อมูล 1 ปี", 1, 1, "120,000"),
            (records.CostKind.OTHER, "ค่าฝึกอบรมผู้ใช้งาน", 1, 1, "30,000"),
        ):
            records.add_cost_item(
                actor, case.id, kind=kind, description=text, quantity=qty, months=months, rate=rate
            )
    tor_day = decided + dt.timedelta(days=10)
    with on_day(tor_day, 15):
        case = act(
            actor,
            case,
            "done",
            data={
                "tor_summary": "ระบบรับรองผลออนไลน์ 3 โมดูล พร้อมการอบรม",
                "median_price_on": tor_day,
            },
            files=[NewFile("tor", "TOR.pdf", tiny_pdf("TOR"))],
        )
    with on_day(tor_day + dt.timedelta(days=4), 10):
        case = act(head, case, "send_back", comment="ขอให้แยกค่าฝึกอบรมตามกลุ่มผู้ใช้")
    with on_day(tor_day + dt.timedelta(days=6), 14):
        case = act(
            actor,
            case,
            "done",
            data={
                "tor_summary": "ระบบรับรองผลออนไลน์ 3 โมดูล พร้อมการอบรม 2 กลุ่ม",
                "median_price_on": tor_day,
            },
        )
    approved = tor_day + dt.timedelta(days=8)
    with on_day(approved, 11):
        case = act(head, case, "approve", data={"principle_approved_on": approved})
    with on_day(approved + dt.timedelta(days=5), 11):
        case = act(head, case, "approve", data={"tor_approved_on": approved + dt.timedelta(days=5)})
    firms = list(Vendor.select().order_by(Vendor.id)[:3])
    shown = approved + dt.timedelta(days=15)
    for n, (firm, total) in enumerate(
        zip(firms, ("1,280,000", "1,320,000", "1,345,000"), strict=False)
    ):
        price = Decimal(total.replace(",", ""))
        before_vat = (price / Decimal("1.07")).quantize(Decimal("0.01"))
        with on_day(shown - dt.timedelta(days=2), 10 + n):
            quotations.add_quotation(
                actor,
                case_id=case.id,
                vendor_id=firm.id,
                quoted_on=shown - dt.timedelta(days=2),
                amount_before_vat=before_vat,
                vat=price - before_vat,
                purpose=quotations.QuotationPurpose.OFFER,
            )
        with on_day(shown, 10 + n):
            names = [name for name, _points in records.criteria()]
            records.add_presentation(
                actor,
                case.id,
                vendor_id=firm.id,
                presented_on=shown,
                scores=dict(
                    zip(
                        names,
                        ([18, 22, 27, 23], [16, 20, 25, 21], [14, 19, 22, 20])[n],
                        strict=True,
                    )
                ),
                offered_price=price,
            )
    with on_day(shown, 16):
        case = act(actor, case, "done")
    people = ctx.users
    committee = committee_with_declarations(
        "คณะกรรมการจัดซื้อจัดจ้างระบบรับรองผลออนไลน์",
        CommitteeKind.PROCUREMENT,
        [people["eval_head"], people["nattaya"], people["warunee"]],
        approved,
        case.id,
    )
    selected = shown + dt.timedelta(days=3)
    with on_day(selected, 15):
        case = act(
            actor,
            case,
            "select",
            data={
                "committee": committee.id,
                "winner": firms[0].id,
                "selection_reason": "คะแนนรวมสูงสุด แนวทางการพัฒนาชัดเจน และราคาต่ำกว่าราคากลาง",
                "selected_on": selected,
            },
        )
    signed = selected + dt.timedelta(days=10)
    inspection = committee_with_declarations(
        "คณะกรรมการตรวจรับพัสดุระบบรับรองผลออนไลน์",
        CommitteeKind.INSPECTION,
        [people["support_head"], people["suda"], people["pim"]],
        selected,
        case.id,
    )
    with on_day(signed, 14):
        contract = contracts.create_contract(
            actor,
            case_id=case.id,
            number="๓๑/๒๕๖๙",
            title="จ้างพัฒนาระบบรับรองผลการประเมินคุณภาพภายนอกออนไลน์",
            vendor_id=firms[0].id,
            signed_on=signed,
            price="1280000.00",
            vat="83738.32",
            method="selection",
            method_reason="งานพัฒนาระบบที่ต้องใช้ผู้มีความชำนาญเฉพาะ",
            penalty_rate_pct="0.10",
            warranty_months=12,
            inspection_committee_id=inspection.id,
            installments=[
                {
                    "title": "งวดที่ 1 รายงานการออกแบบระบบ",
                    "due_on": signed + dt.timedelta(days=60),
                    "amount": "384000.00",
                },
                {
                    "title": "งวดที่ 2 ระบบพร้อมทดสอบ",
                    "due_on": ctx.today + dt.timedelta(days=25),
                    "amount": "512000.00",
                },
                {
                    "title": "งวดที่ 3 ระบบพร้อมใช้งานและอบรม",
                    "due_on": ctx.today + dt.timedelta(days=85),
                    "amount": "384000.00",
                },
            ],
        )
        case = act(actor, case, "done")
        for title, planned in (
            ("ส่งมอบงวดที่ 1", signed + dt.timedelta(days=60)),
            ("ทดสอบระบบร่วมกับผู้ใช้", ctx.today - dt.timedelta(days=5)),
            ("ส่งมอบงวดที่ 2", ctx.today + dt.timedelta(days=25)),
        ):
            records.add_milestone(actor, case.id, title=title, planned_on=planned)
    first = contracts.installments(contract)[0]
    brought = first.due_on - dt.timedelta(days=2)
    with on_day(brought, 10):
        delivery = execution.record_delivery(
            actor, first, brought_on=brought, letter_no="บจ. 045/2569"
        )
    with on_day(brought + dt.timedelta(days=4), 14):
        members = list(inspection.members)
        execution.inspect(
            actor,
            delivery,
            inspected_on=brought + dt.timedelta(days=4),
            votes=[
                {"member_name": m.full_name, "member_role": m.role, "accepted": True}
                for m in members
            ],
        )
        records.complete_milestone(actor, records.milestones(case.id)[0], brought)
    paid = brought + dt.timedelta(days=12)
    with on_day(paid, 11):
        invoice = execution.record_invoice(
            actor, first, invoice_no="INV-2569-118", received_on=paid
        )
        invoice = execution.approve_invoice(head, invoice, approved_on=paid)
        execution.pay_invoice(head, invoice, paid_on=paid)


@demo_seeder(60)
def seed_development(ctx: DemoContext) -> None:
    _refused(ctx)
    _in_house(ctx)
    _outsourced(ctx)
