"""A small office for process-4 tests: the process office of ``tests.process_office`` plus an
annual plan with items, vendors in the register and a TOR committee; and the domain moves of one
project, shared by the domain walk (SQLite and PostgreSQL) and the GUI walk."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from models import clock, office
from models.engine import Case, NewFile, act, open_case
from models.infrastructure import plans
from models.org import Committee, CommitteeKind, CommitteeRole, Vendor, WorkGroup
from models.procurement import quotations, vendors
from tests.process_office import Office, make_office

D = dt.date
PDF = b"%PDF-1.4\n% a test file\n"


def at(day: dt.date, hour: int = 10) -> None:
    moment = dt.datetime.combine(day, dt.time(hour))
    clock.set_clock(lambda: moment)


def tax_id(first12: str) -> str:
    """A 13-digit tax ID with a correct check digit."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


@dataclass
class ProjectOffice:
    office: Office
    plan: plans.AnnualPlan
    item: plans.PlanItem
    other_item: plans.PlanItem
    vendors: list[Vendor]
    tor_committee: Committee

    def __getitem__(self, name: str):  # type: ignore[no-untyped-def]
        return self.office[name]


def make_project_office() -> ProjectOffice:
    at(D(2026, 10, 5))
    base = make_office()
    head = base["head"]
    group = WorkGroup.get(WorkGroup.code == "evaluation")
    plan = plans.save_plan(head, None, {"fiscal_year": 2570})
    item = plans.save_item(
        head,
        plan,
        None,
        {
            "title": "จ้างบำรุงรักษาระบบเครือข่ายและไฟร์วอลล์",
            "objective": "อุปกรณ์เครือข่ายหมดระยะรับประกัน เกิดเหตุขัดข้องบ่อย",
            "budget": "480,000",
            "budget_source": "budget",
            "quarter": "1",
            "work_group": group.id,
        },
    )
    other = plans.save_item(
        head,
        plan,
        None,
        {
            "title": "ซื้อเครื่องคอมพิวเตอร์แม่ข่ายทดแทน",
            "objective": "เครื่องเดิมใช้งานมาเกิน 7 ปี",
            "budget": "1,200,000",
            "quarter": "2",
            "work_group": group.id,
        },
    )
    registered = [
        vendors.save_vendor(
            head,
            None,
            name=name,
            tax_id=tax_id(first12),
            address="กรุงเทพมหานคร",
        )
        for name, first12 in (
            ("บริษัท เน็ตเวิร์ค โซลูชั่น จำกัด", "010555012345"),
            ("บริษัท ไอทีเซอร์วิส จำกัด", "010555067890"),
            ("บริษัท ดาต้าลิงก์ จำกัด", "010555011111"),
        )
    ]
    committee = office.save_committee(
        head,
        None,
        [
            {
                "full_name": "นายวีระพงษ์ แก้วมณี",
                "position": "หัวหน้างานระบบสนับสนุน",
                "role": CommitteeRole.CHAIR,
            },
            {
                "full_name": "นายสมชาย ใจดี",
                "position": "นักวิชาการคอมพิวเตอร์",
                "role": CommitteeRole.MEMBER,
            },
            {
                "full_name": "นางสาวสุดา รักษ์ไทย",
                "position": "นักวิชาการคอมพิวเตอร์",
                "role": CommitteeRole.SECRETARY,
            },
        ],
        name="คณะกรรมการจัดทำร่างขอบเขตของงานจ้างบำรุงรักษาระบบเครือข่าย",
        kind=CommitteeKind.SCOPE,
    )
    return ProjectOffice(base, plan, item, other, registered, committee)


# ---------------------------------------------------------------------------------------------
# The moves of one project, steps 2-7 (step 8 follows the contract: see the tests)


def open_project(po: ProjectOffice, day: dt.date | None = None) -> Case:
    day = day or D(2026, 10, 6)
    at(day)
    return open_case(
        po["eval_head"],
        "infrastructure",
        {"plan_item": po.item.id, "received_on": day, "assignee": po["somchai"].id},
    )


def draft_spec(po: ProjectOffice, case: Case) -> Case:
    return act(
        po["somchai"],
        case,
        "done",
        data={"spec_summary": "บำรุงรักษาอุปกรณ์เครือข่ายหลัก 12 เดือน ตรวจเช็กทุกเดือน"},
        files=[NewFile("spec_file", "ร่างข้อกำหนด.pdf", PDF)],
    )


def add_quotations(po: ProjectOffice, case: Case, n: int = 3) -> None:
    for i, (before, vat) in enumerate(
        (("420,560.75", "29,439.25"), ("434,579.44", "30,420.56"), ("443,925.23", "31,074.77"))[:n]
    ):
        quotations.add_quotation(
            po["somchai"],
            case_id=case.id,
            vendor_id=po.vendors[i].id,
            quote_no=f"QT-{i + 1:03d}",
            quoted_on=D(2026, 10, 8),
            amount_before_vat=before,
            vat=vat,
            valid_days=60,
        )


def ask_principle(po: ProjectOffice, case: Case, budget: str = "480,000") -> Case:
    return act(
        po["somchai"],
        case,
        "done",
        data={
            "budget": budget,
            "tor_committee_id": po.tor_committee.id,
            "principle_memo_no": "ภทส. 101/2570",
        },
    )


def director_approves(po: ProjectOffice, case: Case, day: dt.date) -> Case:
    return act(
        po["somchai"],
        case,
        "approve",
        data={"director": po.office.director.id, "principle_approved_on": day},
    )


def write_tor(
    po: ProjectOffice, case: Case, price: str = "450,000", day: dt.date | None = None
) -> Case:
    return act(
        po["somchai"],
        case,
        "done",
        data={
            "tor_summary": "ขอบเขตงานบำรุงรักษาเชิงป้องกันและแก้ไข 12 เดือน",
            "median_price": price,
            "median_price_on": day or clock.today(),
        },
        files=[NewFile("tor_file", "TOR.pdf", PDF)],
    )


def deputy_approves(po: ProjectOffice, case: Case, day: dt.date) -> Case:
    return act(
        po["somchai"],
        case,
        "approve",
        data={"deputy": po.office.deputy.id, "tor_approved_on": day},
    )


def procure(
    po: ProjectOffice, case: Case, method: str = "specific", day: dt.date | None = None
) -> Case:
    return act(
        po["somchai"],
        case,
        "done",
        data={
            "method": method,
            "method_reason": "วงเงินไม่เกิน 500,000 บาท ตามมาตรา 56 (2) (ข)",
            "report22_on": day or clock.today(),
        },
    )


def award(
    po: ProjectOffice, case: Case, amount: str = "450,000", day: dt.date | None = None
) -> Case:
    return act(
        po["somchai"],
        case,
        "approve",
        data={
            "vendor": po.vendors[0].id,
            "award_amount": amount,
            "awarded_on": day or clock.today(),
        },
    )


BUDGET = Decimal("480000.00")
