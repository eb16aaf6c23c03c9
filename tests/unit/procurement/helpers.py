"""A small procurement office for the tests: vendors with valid tax IDs, an inspection committee,
one contract in two installments; dates set by moving ``models.clock``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from models import clock, office
from models.org import Committee, CommitteeKind, CommitteeRole, Vendor
from models.procurement import contracts, vendors

D = dt.date


def at(day: dt.date, hour: int = 10) -> None:
    moment = dt.datetime.combine(day, dt.time(hour))
    clock.set_clock(lambda: moment)


def tax_id(first12: str) -> str:
    """A 13-digit tax ID with its check digit computed as the Revenue Department does."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


def vendor(
    actor: Any, name: str = "บริษัท เน็ตเวิร์ค โซลูชั่น จำกัด", first12: str = "010555600012"
) -> Vendor:
    return vendors.save_vendor(actor, None, name=name, tax_id=tax_id(first12), address="กรุงเทพฯ")


MEMBERS = [
    {"full_name": "นายสมชาย ใจดี", "position": "นักวิชาการคอมพิวเตอร์", "role": CommitteeRole.CHAIR},
    {"full_name": "นางสาวสมหญิง รักงาน", "position": "นักวิชาการพัสดุ", "role": CommitteeRole.MEMBER},
    {"full_name": "นายมานะ ขยัน", "position": "เจ้าหน้าที่", "role": CommitteeRole.SECRETARY},
]


def inspection_committee(
    actor: Any, case_id: int | None = None, declared: bool = True
) -> Committee:
    members = [{**m, "declared_on": D(2026, 10, 1) if declared else None} for m in MEMBERS]
    return office.save_committee(
        actor,
        None,
        members,
        name="คณะกรรมการตรวจรับพัสดุงานบำรุงรักษาเครือข่าย",
        kind=CommitteeKind.INSPECTION,
        case_id=case_id,
    )


def contract(
    actor: Any, v: Vendor, committee: Committee | None = None, **over: Any
) -> contracts.Contract:
    values: dict[str, Any] = {
        "case_id": 7,
        "number": "12/2570",
        "title": "จ้างบำรุงรักษาระบบเครือข่าย",
        "vendor_id": v.id,
        "signed_on": D(2026, 11, 2),
        "price": "480000.00",
        "vat": "31401.87",
        "method": "specific",
        "nature": "hire",
        "penalty_rate_pct": "0.10",
        "warranty_months": 12,
        "inspection_committee_id": committee.id if committee else None,
        "installments": [
            {"title": "งวดที่ 1", "due_on": D(2027, 1, 29), "amount": "240000.00"},
            {"title": "งวดที่ 2", "due_on": D(2027, 3, 31), "amount": "240000.00"},
        ],
    }
    values.update(over)
    return contracts.create_contract(actor, **values)


def votes(accept: bool = True, dissent_from: str | None = None) -> list[dict[str, Any]]:
    return [
        {
            "member_name": m["full_name"],
            "member_role": m["role"],
            "accepted": accept and m["full_name"] != dissent_from,
        }
        for m in MEMBERS
    ]


def money(text: str) -> Decimal:
    return Decimal(text)
