"""Process 4 in the demo office (``@demo_seeder``): last fiscal year's project, closed, whose
contract was delivered late with a penalty and whose warranty ends soon; this fiscal year's plan
with its problems log and projects at different steps: one following its contractor (an
installment due within days, an incident open now), one at the TOR and median price, one waiting
for the Director after a send-back, one drafting its specification, one not started.

Every record goes through the domain functions with the clock set to the day it happens, so the
histories, dates and penalties are the ones the office would see."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from models import office
from models.demo import DemoContext, demo_seeder, on_day, tiny_pdf
from models.engine import Case, NewFile, act, open_case
from models.infrastructure import plans, problems
from models.infrastructure.projects import KEY
from models.org import Committee, CommitteeKind, Signatory, Vendor, WorkGroup
from models.permissions import Role
from models.procurement import contracts, execution, incidents, quotations
from models.procurement.demo import committee_with_declarations
from reports.thaifmt import fiscal_year

Day = dt.date


def _days(today: Day, n: int) -> Day:
    return today + dt.timedelta(days=n)


def _committee(
    ctx: DemoContext,
    name: str,
    kind: str,
    people: list[Any],
    day: Day,
    case_id: int | None = None,
) -> Committee:
    """A committee of three with every member's F18 declaration; an inspection committee is the
    project's own from the start (a TOR committee becomes it at step 3)."""
    return committee_with_declarations(name, kind, people, day, case_id)


class _Project:
    """One project's moves, each on its own day."""

    def __init__(self, ctx: DemoContext, item: plans.PlanItem, staff: Any, start: Day) -> None:
        self.ctx, self.item, self.staff = ctx, item, staff
        self.director = Signatory.select().order_by(Signatory.sort_order).first()
        self.deputy = Signatory.select().order_by(Signatory.sort_order.desc()).first()
        with on_day(start):
            self.case: Case = open_case(
                ctx.users["eval_head"],
                KEY,
                {"plan_item": item.id, "received_on": start, "assignee": staff.id},
            )

    def move(self, day: Day, outcome: str, data: dict[str, Any] | None = None, **kw: Any) -> None:
        with on_day(day, 14):
            self.case = act(self.staff, self.case, outcome, data=data or {}, **kw)

    def draft(self, day: Day, summary: str) -> None:
        self.move(
            day,
            "done",
            {"spec_summary": summary},
            files=[NewFile("spec_file", "ร่างข้อกำหนดโครงการ.pdf", tiny_pdf(summary))],
        )

    def quote(self, day: Day, vendors: list[Vendor], totals: list[str]) -> None:
        with on_day(day, 11):
            for n, (vendor, total) in enumerate(zip(vendors, totals, strict=True), start=1):
                amount = Decimal(total.replace(",", ""))
                before = (amount / Decimal("1.07")).quantize(Decimal("0.01"))
                quotations.add_quotation(
                    None,
                    case_id=self.case.id,
                    vendor_id=vendor.id,
                    quote_no=f"QT{day.year % 100:02d}-{self.case.id:02d}{n}",
                    quoted_on=day,
                    amount_before_vat=before,
                    vat=amount - before,
                    valid_days=60,
                )

    def ask(self, day: Day, budget: str, committee: Committee) -> None:
        self.move(
            day,
            "done",
            {
                "budget": budget,
                "tor_committee_id": committee.id,
                "principle_memo_no": f"ภทส. {100 + self.case.id}/{fiscal_year(day)}",
            },
        )

    def director_ok(self, day: Day) -> None:
        self.move(day, "approve", {"director": self.director.id, "principle_approved_on": day})

    def tor(self, day: Day, price: str, summary: str) -> None:
        self.move(
            day,
            "done",
            {"tor_summary": summary, "median_price": price, "median_price_on": day},
            files=[NewFile("tor_file", "TOR.pdf", tiny_pdf(summary))],
        )

    def deputy_ok(self, day: Day) -> None:
        self.move(day, "approve", {"deputy": self.deputy.id, "tor_approved_on": day})

    def procure(self, day: Day) -> None:
        self.move(
            day,
            "done",
            {
                "method": "specific",
                "method_reason": "วงเงินไม่เกิน 500,000 บาท ตามมาตรา 56 (2) (ข)",
                "report22_on": day,
            },
        )

    def sign(
        self,
        day: Day,
        number: str,
        vendor: Vendor,
        price: str,
        inspection: Committee,
        installments: list[tuple[str, Day, str]],
        *,
        warranty_months: int,
    ) -> contracts.Contract:
        with on_day(day, 11):
            contract = contracts.create_contract(
                None,
                case_id=self.case.id,
                number=number,
                title=str(self.case.title),
                vendor_id=vendor.id,
                signed_on=day,
                price=price,
                vat=(Decimal(price.replace(",", "")) * 7 / 107).quantize(Decimal("0.01")),
                method="specific",
                nature=contracts.Nature.HIRE,
                penalty_rate_pct="0.10",
                warranty_months=warranty_months,
                inspection_committee_id=inspection.id,
                installments=[
                    {"title": title, "due_on": due, "amount": amount}
                    for title, due, amount in installments
                ],
            )
            contracts.set_security(
                None,
                contract,
                instrument=contracts.SecurityInstrument.BANK_GUARANTEE,
                received_on=day,
                issuer="ธนาคารกรุงไทย สาขาพญาไท",
                number=f"LG-{number.replace('/', '-')}",
            )
        self.move(
            day,
            "approve",
            {"vendor": vendor.id, "award_amount": price, "awarded_on": day},
        )
        return contract

    def deliver(
        self,
        contract: contracts.Contract,
        seq: int,
        brought: Day,
        inspected: Day,
        committee: Committee,
    ) -> None:
        inst = contracts.installments(contract)[seq - 1]
        with on_day(brought, 10):
            delivery = execution.record_delivery(
                None, inst, brought_on=brought, letter_no=f"ส่งมอบ {seq}/{brought.year + 543}"
            )
        with on_day(inspected, 15):
            execution.inspect(
                None,
                delivery,
                inspected_on=inspected,
                votes=[
                    {
                        "member_name": m.full_name,
                        "member_role": m.role,
                        "member_position": m.position,
                        "accepted": True,
                    }
                    for m in office.committee_members(committee)
                ],
            )
            execution.record_invoice(
                None, inst, invoice_no=f"INV{inspected:%y%m}-{seq:02d}", received_on=inspected
            )


@demo_seeder(60)
def seed_infrastructure(ctx: DemoContext) -> None:
    today = ctx.today
    year = fiscal_year(today)
    head, eval_head = ctx.users["head"], ctx.users["eval_head"]
    staff = ctx.by_role(Role.STAFF)
    worker, second = staff[0], staff[1 % len(staff)]
    group = WorkGroup.get_or_none(WorkGroup.code == "evaluation")
    vendors = list(Vendor.select().order_by(Vendor.id))[:3]
    people = [eval_head, *staff[:2]]
    inspectors = [ctx.users["support_head"], *staff[2:4]] if len(staff) >= 4 else people

    # --- last fiscal year: one project, closed; delivered late; its warranty ends soon -----
    start = _days(today, -420)
    with on_day(_days(today, -430)):
        old_plan = plans.save_plan(
            head,
            None,
            {
                "fiscal_year": year - 1,
                "approved_by": "ผู้อำนวยการ",
                "approved_on": _days(today, -430),
            },
        )
        old_item = plans.save_item(
            head,
            old_plan,
            None,
            {
                "title": "จ้างปรับปรุงระบบเครือข่ายหลักและติดตั้งอุปกรณ์กระจายสัญญาณ",
                "objective": "อุปกรณ์กระจายสัญญาณหลักหมดอายุการใช้งาน ระบบเครือข่ายขัดข้องบ่อย",
                "budget": "495,000",
                "quarter": "1",
                "work_group": group.id if group else None,
            },
        )
    tor1 = _committee(
        ctx,
        "คณะกรรมการจัดทำร่างขอบเขตของงานปรับปรุงระบบเครือข่ายหลัก",
        CommitteeKind.SCOPE,
        people,
        _days(start, 5),
    )
    p1 = _Project(ctx, old_item, worker, start)
    insp1 = _committee(
        ctx,
        "คณะกรรมการตรวจรับพัสดุ งานปรับปรุงระบบเครือข่ายหลัก",
        CommitteeKind.INSPECTION,
        inspectors,
        _days(start, 5),
        p1.case.id,
    )
    p1.draft(_days(start, 3), "เปลี่ยนอุปกรณ์กระจายสัญญาณหลัก 2 ชุด พร้อมติดตั้งและตั้งค่า")
    p1.quote(_days(start, 6), vendors, ["478,000", "489,500", "492,000"])
    p1.ask(_days(start, 7), "495,000", tor1)
    p1.director_ok(_days(start, 10))
    p1.tor(_days(start, 17), "485,000", "อุปกรณ์กระจายสัญญาณหลักพร้อมติดตั้ง รับประกัน 12 เดือน")
    p1.deputy_ok(_days(start, 19))
    p1.procure(_days(start, 21))
    signed = _days(start, 30)
    c1 = p1.sign(
        signed,
        f"5/{year - 1}",
        vendors[0],
        "478,000",
        insp1,
        [
            ("งวดที่ 1 ส่งมอบและติดตั้งอุปกรณ์", _days(signed, 30), "286,800"),
            ("งวดที่ 2 ตั้งค่าระบบและอบรมผู้ดูแล", _days(signed, 60), "191,200"),
        ],
        warranty_months=12,
    )
    p1.deliver(c1, 1, _days(signed, 30), _days(signed, 31), insp1)
    # installment 2: brought 6 days after its due date, accepted with the penalty; the warranty
    # (12 months from the day after) ends about six weeks from today
    last = _days(signed, 66)
    p1.deliver(c1, 2, last, _days(last, 1), insp1)
    p1.move(
        _days(last, 2),
        "close",
        {
            "completed_on": _days(last, 1),
            "summary": "ตรวจรับครบ 2 งวด งวดที่ 2 ส่งมอบล่าช้า 6 วัน คิดค่าปรับตามสัญญา",
        },
    )

    # --- this fiscal year: the plan, the problems, the projects ----------------------------
    plan_day = _days(today, -75)
    with on_day(plan_day):
        plan = plans.save_plan(
            head, None, {"fiscal_year": year, "approved_by": "ผู้อำนวยการ", "approved_on": plan_day}
        )
        items = [
            plans.save_item(head, plan, None, {**values, "work_group": group.id if group else None})
            for values in (
                {
                    "title": "จ้างบำรุงรักษาระบบเครือข่ายและไฟร์วอลล์",
                    "objective": "ไฟร์วอลล์หลักหมดระยะรับประกัน ค้างเมื่อมีผู้ใช้พร้อมกันจำนวนมาก",
                    "budget": "480,000",
                    "quarter": "1",
                },
                {
                    "title": "จ้างบำรุงรักษาเครื่องคอมพิวเตอร์แม่ข่ายและระบบสำรองข้อมูล",
                    "objective": "เครื่องแม่ข่ายระบบประเมินใช้งานมาเกิน 5 ปี ต้องมีผู้ดูแลตามสัญญา",
                    "budget": "350,000",
                    "quarter": "1",
                },
                {
                    "title": "ซื้อเครื่องสำรองไฟฟ้า (UPS) ห้องเครื่องแม่ข่าย",
                    "objective": "แบตเตอรี่เครื่องสำรองไฟฟ้าเสื่อม ไฟฟ้าดับแล้วระบบปิดทันที",
                    "budget": "420,000",
                    "quarter": "2",
                },
                {
                    "title": "จ้างขยายระบบเครือข่ายไร้สายอาคารสำนักงาน",
                    "objective": "สัญญาณไร้สายไม่ครอบคลุมห้องประชุมชั้น 5-6",
                    "budget": "300,000",
                    "quarter": "3",
                },
                {
                    "title": "จ้างทดสอบเจาะระบบและประเมินช่องโหว่ (Penetration Test)",
                    "objective": "ระบบประเมินออนไลน์ยังไม่เคยทดสอบความมั่นคงปลอดภัยจากภายนอก",
                    "budget": "250,000",
                    "quarter": "3",
                },
            )
        ]
    for n, (system, category, text, impact, item_index) in enumerate(
        (
            (
                "ไฟร์วอลล์หลัก",
                "network",
                "ไฟร์วอลล์ค้างเมื่อมีผู้ใช้พร้อมกันเกิน 300 คน",
                "ระบบประเมินออนไลน์ใช้ไม่ได้ครั้งละ 1-2 ชั่วโมง",
                0,
            ),
            (
                "เครื่องแม่ข่ายระบบประเมิน",
                "server",
                "ดิสก์เสียบ่อย ไม่มีสัญญาบำรุงรักษา",
                "ต้องหยุดระบบเพื่อเปลี่ยนดิสก์",
                1,
            ),
            (
                "เครื่องสำรองไฟฟ้า",
                "server",
                "แบตเตอรี่สำรองไฟได้ไม่ถึง 5 นาที",
                "ไฟฟ้าดับแล้วเครื่องแม่ข่ายปิดโดยไม่ได้สั่ง",
                2,
            ),
            ("เครือข่ายไร้สาย", "network", "สัญญาณไม่ครอบคลุมห้องประชุม", "การประชุมออนไลน์สะดุด", 3),
            ("ระบบอีเมล", "security", "พบอีเมลหลอกลวงเพิ่มขึ้น", "เสี่ยงต่อการรั่วไหลของข้อมูล", None),
        )
    ):
        with on_day(_days(today, -110 + n * 6)):
            problems.save_problem(
                eval_head,
                None,
                {
                    "reported_on": _days(today, -110 + n * 6),
                    "reporter": eval_head.full_name,
                    "system": system,
                    "category": category,
                    "description": text,
                    "impact": impact,
                    "plan_item": items[item_index].id if item_index is not None else None,
                },
            )

    # project 1 of the year: following its contractor; an installment due in a few days and an
    # incident open now
    start = _days(today, -58)
    tor2 = _committee(
        ctx, "คณะกรรมการจัดทำร่างขอบเขตของงานบำรุงรักษาระบบเครือข่าย", CommitteeKind.SCOPE, people, start
    )
    a = _Project(ctx, items[0], worker, start)
    insp2 = _committee(
        ctx,
        "คณะกรรมการตรวจรับพัสดุ งานบำรุงรักษาระบบเครือข่าย",
        CommitteeKind.INSPECTION,
        inspectors,
        start,
        a.case.id,
    )
    a.draft(_days(start, 2), "บำรุงรักษาเชิงป้องกันทุกเดือนและแก้ไขเมื่อขัดข้อง 12 เดือน")
    a.quote(_days(start, 5), vendors, ["462,000", "471,500", "479,000"])
    a.ask(_days(start, 6), "480,000", tor2)
    a.director_ok(_days(start, 9))
    a.tor(_days(start, 13), "470,000", "บำรุงรักษาไฟร์วอลล์และอุปกรณ์เครือข่าย ตอบสนองภายใน 4 ชั่วโมง")
    a.deputy_ok(_days(start, 15))
    a.procure(_days(start, 17))
    signed = _days(start, 22)
    c2 = a.sign(
        signed,
        f"3/{year}",
        vendors[0],
        "462,000",
        insp2,
        [
            ("งวดที่ 1 ตรวจสอบและปรับแต่งระบบ", _days(today, -20), "154,000"),
            ("งวดที่ 2 บำรุงรักษาไตรมาสที่ 2", _days(today, 6), "154,000"),
            ("งวดที่ 3 บำรุงรักษาไตรมาสที่ 3 และรายงานสรุป", _days(today, 96), "154,000"),
        ],
        warranty_months=0,
    )
    a.deliver(c2, 1, _days(today, -21), _days(today, -20), insp2)
    a.move(
        _days(today, -4),
        "remind",
        {
            "reminded_on": _days(today, -4),
            "reminder_channel": "email",
            "reminder_note": "แจ้งผู้รับจ้างว่างวดที่ 2 ครบกำหนดส่งมอบในอีก 10 วัน",
        },
    )
    with on_day(today, 8):
        incident = incidents.open_incident(
            None,
            system="ไฟร์วอลล์หลัก (อาคาร 1)",
            down_since=dt.datetime.combine(today, dt.time(7, 30)),
            contract_id=c2.id,
            case_id=a.case.id,
            description="ผู้ใช้ภายนอกเข้าระบบประเมินออนไลน์ไม่ได้",
        )
        incidents.update_incident(
            None,
            incident,
            contacted_at=dt.datetime.combine(today, dt.time(7, 45)),
            channel="โทรศัพท์",
            cause="หน่วยความจำของไฟร์วอลล์เต็ม",
        )

    # project 2: the TOR committee at work
    start = _days(today, -40)
    tor3 = _committee(
        ctx, "คณะกรรมการจัดทำร่างขอบเขตของงานบำรุงรักษาเครื่องแม่ข่าย", CommitteeKind.SCOPE, people, start
    )
    b = _Project(ctx, items[1], second, start)
    b.draft(_days(start, 4), "บำรุงรักษาเครื่องแม่ข่าย 6 เครื่องและระบบสำรองข้อมูล 12 เดือน")
    b.quote(_days(start, 10), vendors[1:], ["338,000", "345,000"])
    b.ask(_days(start, 12), "350,000", tor3)
    b.director_ok(_days(start, 16))

    # project 3: waiting for the Director after one send-back
    start = _days(today, -25)
    tor4 = _committee(
        ctx, "คณะกรรมการจัดทำร่างขอบเขตของงานซื้อเครื่องสำรองไฟฟ้า", CommitteeKind.SCOPE, people, start
    )
    c = _Project(ctx, items[2], worker, start)
    c.draft(_days(start, 3), "เครื่องสำรองไฟฟ้า 20 kVA 1 เครื่อง พร้อมติดตั้งและรับประกัน 2 ปี")
    c.quote(_days(start, 7), vendors, ["409,000", "415,000", "418,500"])
    c.ask(_days(start, 8), "420,000", tor4)
    c.move(_days(start, 12), "send_back", comment="ขอให้เทียบขนาดเครื่องกับภาระไฟฟ้าของห้องเครื่องจริง")
    c.ask(_days(start, 15), "420,000", tor4)

    # project 4: drafting its specification
    _Project(ctx, items[3], second, _days(today, -5))
