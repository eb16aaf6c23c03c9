"""A small office for process-5 tests: the process office of ``tests.process_office`` plus vendors,
a procurement committee and an inspection committee; and the domain moves of each branch, shared
by the domain walks (SQLite and PostgreSQL) and the GUI walks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from models import clock, office
from models.development import records
from models.engine import Case, NewFile, act, get_case, open_case
from models.org import Committee, CommitteeKind, CommitteeRole, Vendor
from models.procurement import contracts, execution, quotations, vendors
from tests.process_office import Office, make_office

D = dt.date
PDF = b"%PDF-1.4\n% a test file\n"


def at(day: dt.date, hour: int = 10) -> None:
    moment = dt.datetime.combine(day, dt.time(hour))
    clock.set_clock(lambda: moment)


def tax_id(first12: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


MEMBERS = [
    {"full_name": "นายสมชาย ใจดี", "position": "นักวิชาการคอมพิวเตอร์", "role": CommitteeRole.CHAIR},
    {"full_name": "นางสาวสมหญิง รักงาน", "position": "นักวิชาการพัสดุ", "role": CommitteeRole.MEMBER},
    {"full_name": "นายมานะ ขยัน", "position": "เจ้าหน้าที่", "role": CommitteeRole.SECRETARY},
]
INSPECTORS = [
    {
        "full_name": "นางกาญจนา ทองดี",
        "position": "หัวหน้างานระบบการประเมิน",
        "role": CommitteeRole.CHAIR,
    },
    {"full_name": "นายวีระ แก้วใส", "position": "นักวิชาการคอมพิวเตอร์", "role": CommitteeRole.MEMBER},
    {"full_name": "นางสาวปราณี สุขดี", "position": "นักวิชาการพัสดุ", "role": CommitteeRole.SECRETARY},
]


@dataclass
class DevOffice:
    office: Office
    vendors: list[Vendor]
    procurement_committee: Committee
    inspection_committee: Committee

    def __getitem__(self, name: str) -> Any:
        return self.office[name]


def make_dev_office() -> DevOffice:
    at(D(2026, 10, 5))
    base = make_office()
    head = base["head"]
    registered = [
        vendors.save_vendor(
            head,
            None,
            name="บริษัท ซอฟต์แวร์ไทย จำกัด",
            tax_id=tax_id("010555700011"),
            address="กรุงเทพฯ",
        ),
        vendors.save_vendor(
            head, None, name="บริษัท ดาต้า โซลูชั่น จำกัด", tax_id=tax_id("010555700022"), address="นนทบุรี"
        ),
    ]
    declared = D(2026, 10, 1)
    procurement = office.save_committee(
        head,
        None,
        [{**m, "declared_on": declared} for m in MEMBERS],
        name="คณะกรรมการจัดซื้อจัดจ้างระบบสารสนเทศ",
        kind=CommitteeKind.PROCUREMENT,
    )
    inspection = office.save_committee(
        head,
        None,
        [{**m, "declared_on": declared} for m in INSPECTORS],
        name="คณะกรรมการตรวจรับพัสดุระบบสารสนเทศ",
        kind=CommitteeKind.INSPECTION,
    )
    return DevOffice(base, registered, procurement, inspection)


def open_project(o: DevOffice, title: str = "ระบบติดตามผลการประเมินคุณภาพภายนอก") -> Case:
    at(D(2026, 10, 6))
    return open_case(
        o["somchai"],
        records.KEY,
        {
            "title": title,
            "requester": "สำนักประเมินคุณภาพการศึกษาขั้นพื้นฐาน",
            "received_on": D(2026, 10, 6),
            "idea": "ระบบติดตามข้อเสนอแนะของผู้ประเมินภายนอกแทนแฟ้ม Excel",
            "met_on": D(2026, 10, 6),
            "attendees": "รองผู้อำนวยการ, ผู้อำนวยการสำนัก, หน.ภทส.",
            "assignee": o["somchai"].id,
        },
        [NewFile("minutes", "รายงานการประชุม.pdf", PDF)],
    )


def approve_value(o: DevOffice, case: Case) -> Case:
    at(D(2026, 10, 8))
    return act(
        o["head"],
        case,
        "approve",
        data={
            "benefit": "ลดเวลาติดตามข้อเสนอแนะ",
            "weighing": "ใช้งบประมาณไม่มาก บุคลากรพร้อม",
            "decided_on": D(2026, 10, 8),
        },
    )


def analyse(o: DevOffice, case: Case) -> Case:
    staff = o["somchai"]
    at(D(2026, 10, 12))
    records.add_meeting(
        staff, case.id, met_on=D(2026, 10, 12), user_group="ฝ่ายประเมิน", attendees="8 คน"
    )
    at(D(2026, 10, 13))
    records.add_meeting(staff, case.id, met_on=D(2026, 10, 13), user_group="ผู้บริหาร")
    at(D(2026, 10, 14))
    case = act(staff, case, "done")
    at(D(2026, 10, 20))
    case = act(
        staff,
        case,
        "done",
        data={
            "functions": "บันทึกข้อเสนอแนะ ติดตามสถานะ รายงาน",
            "scope": "ทุกสำนักที่ประเมิน",
            "timeline": "6 เดือน",
        },
        files=[NewFile("flowchart", "flowchart.pdf", PDF)],
    )
    return case


def in_house(o: DevOffice) -> Case:
    """An in-house project from the meeting to its close (steps 1-8)."""
    staff = o["somchai"]
    case = analyse(o, approve_value(o, open_project(o)))
    at(D(2026, 10, 22))
    case = act(staff, case, "in_house", data={"cost": "0", "mode_decided_on": D(2026, 10, 22)})
    at(D(2026, 11, 2))
    records.add_round(
        staff, case.id, started_on=D(2026, 10, 23), finished_on=D(2026, 11, 2), tested="ผ่าน 40 กรณี"
    )
    case = act(staff, case, "live", data={"server": "VM 4 vCPU 8 GB", "live_on": D(2026, 11, 2)})
    at(D(2026, 11, 5))
    training = records.add_training(
        staff,
        case.id,
        held_on=D(2026, 11, 5),
        place="ห้องประชุม 1",
        user_group="ฝ่ายประเมิน",
        invited=12,
        attended=10,
    )
    records.attach_sign_in(staff, training, "ใบลงชื่อ.pdf", PDF)
    return act(staff, case, "close", files=[NewFile("user_manual", "คู่มือ.pdf", PDF)])


def outsourced_to_contract(o: DevOffice, *, send_back: bool = True) -> Case:
    """An outsourced project up to the signed contract (steps 1-13), with one send-back at the
    approval of the principle."""
    staff, head = o["somchai"], o["head"]
    case = analyse(o, approve_value(o, open_project(o, "ระบบรับรองผลการประเมินออนไลน์")))
    at(D(2026, 10, 22))
    case = act(
        staff, case, "outsource", data={"cost": "1,200,000", "mode_decided_on": D(2026, 10, 22)}
    )
    records.add_cost_item(
        staff,
        case.id,
        kind=records.CostKind.PERSONNEL,
        description="นักวิเคราะห์ระบบ",
        quantity=2,
        months=6,
        rate="50,000",
    )
    records.add_cost_item(
        staff,
        case.id,
        kind=records.CostKind.PERSONNEL,
        description="โปรแกรมเมอร์",
        quantity=3,
        months=6,
        rate="35,000",
    )
    records.add_cost_item(
        staff,
        case.id,
        kind=records.CostKind.LICENCE,
        description="ใบอนุญาตฐานข้อมูล",
        quantity=1,
        rate="120,000",
    )
    case = act(
        staff,
        case,
        "done",
        data={"tor_summary": "ระบบรับรองผลออนไลน์ 3 โมดูล", "median_price_on": D(2026, 10, 22)},
        files=[NewFile("tor", "TOR.pdf", PDF)],
    )
    at(D(2026, 10, 26))
    if send_back:
        case = act(head, case, "send_back", comment="ปรับอัตราค่าตอบแทนให้เป็นไปตามเกณฑ์")
        case = act(
            staff,
            case,
            "done",
            data={
                "tor_summary": "ระบบรับรองผลออนไลน์ 3 โมดูล (ปรับแล้ว)",
                "median_price_on": D(2026, 10, 26),
            },
        )
    case = act(head, case, "approve", data={"principle_approved_on": D(2026, 10, 26)})
    at(D(2026, 10, 28))
    case = act(head, case, "approve", data={"tor_approved_on": D(2026, 10, 28)})
    at(D(2026, 11, 4))
    for vendor, price, scores in (
        (o.vendors[0], "1,150,000", [18, 22, 27, 22]),
        (o.vendors[1], "1,190,000", [15, 20, 24, 20]),
    ):
        quotations.add_quotation(
            staff,
            case_id=case.id,
            vendor_id=vendor.id,
            quoted_on=D(2026, 11, 3),
            amount_before_vat=str(round(float(price.replace(",", "")) / 1.07, 2)),
            vat=str(round(float(price.replace(",", "")) - float(price.replace(",", "")) / 1.07, 2)),
            purpose=quotations.QuotationPurpose.OFFER,
        )
        records.add_presentation(
            staff,
            case.id,
            vendor_id=vendor.id,
            presented_on=D(2026, 11, 4),
            scores=dict(zip([c for c, _p in records.criteria()], scores, strict=True)),
            offered_price=price,
        )
    case = act(staff, case, "done")
    at(D(2026, 11, 6))
    case = act(
        staff,
        case,
        "select",
        data={
            "committee": o.procurement_committee.id,
            "winner": o.vendors[0].id,
            "selection_reason": "คะแนนรวมสูงสุดและราคาต่ำกว่าราคากลาง",
            "selected_on": D(2026, 11, 6),
        },
    )
    at(D(2026, 11, 16))
    contracts.create_contract(
        staff,
        case_id=case.id,
        number="25/2570",
        title="จ้างพัฒนาระบบรับรองผลการประเมินออนไลน์",
        vendor_id=o.vendors[0].id,
        signed_on=D(2026, 11, 16),
        price="1150000.00",
        vat="75233.64",
        method="selection",
        method_reason="งานพัฒนาระบบต้องใช้ผู้มีความชำนาญเฉพาะ",
        penalty_rate_pct="0.10",
        warranty_months=12,
        inspection_committee_id=o.inspection_committee.id,
        installments=[
            {"title": "งวดที่ 1 ออกแบบระบบ", "due_on": D(2027, 1, 29), "amount": "345000.00"},
            {"title": "งวดที่ 2 ระบบพร้อมใช้", "due_on": D(2027, 4, 30), "amount": "805000.00"},
        ],
    )
    return act(staff, case, "done")


def votes(accept: bool = True) -> list[dict[str, Any]]:
    return [
        {"member_name": m["full_name"], "member_role": m["role"], "accepted": accept}
        for m in INSPECTORS
    ]


def deliver_and_inspect(o: DevOffice, case: Case, seq: int, brought_on: dt.date) -> None:
    staff = o["somchai"]
    contract = contracts.contracts_of_case(case.id)[-1]
    installment = contracts.installments(contract)[seq - 1]
    at(brought_on)
    delivery = execution.record_delivery(
        staff, installment, brought_on=brought_on, letter_no=f"ส่งมอบ {seq}"
    )
    at(brought_on + dt.timedelta(days=3))
    execution.inspect(
        staff, delivery, inspected_on=brought_on + dt.timedelta(days=3), votes=votes()
    )


def pay(o: DevOffice, case: Case) -> None:
    staff, head = o["somchai"], o["head"]
    contract = contracts.contracts_of_case(case.id)[-1]
    for installment in contracts.installments(contract):
        day = (installment.accepted_on or clock.today()) + dt.timedelta(days=5)
        at(day)
        invoice = execution.record_invoice(
            staff, installment, invoice_no=f"INV-{installment.seq}", received_on=day
        )
        invoice = execution.approve_invoice(head, invoice, approved_on=day)
        execution.pay_invoice(head, invoice, paid_on=day)


def outsourced_to_end(o: DevOffice) -> Case:
    staff = o["somchai"]
    case = outsourced_to_contract(o)
    deliver_and_inspect(o, case, 1, D(2027, 1, 27))
    deliver_and_inspect(o, case, 2, D(2027, 5, 4))  # four days late
    at(D(2027, 5, 10))
    case = act(staff, get_case(case.id), "done")
    training = records.add_training(
        staff,
        case.id,
        held_on=D(2027, 5, 12),
        place="ห้องอบรมคอมพิวเตอร์",
        user_group="เจ้าหน้าที่รับรองผล",
        invited=20,
        attended=18,
        trainer="บริษัท ซอฟต์แวร์ไทย จำกัด",
    )
    at(D(2027, 5, 12))
    records.attach_sign_in(staff, training, "ใบลงชื่อ.pdf", PDF)
    case = act(staff, case, "done", files=[NewFile("user_manual", "manual.pdf", PDF)])
    pay(o, case)
    return act(staff, get_case(case.id), "close")
