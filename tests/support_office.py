"""A small support office for process-2 tests: people, units, assets with a loaner pool, tickets in
several states, loans and a maintenance plan with done, overdue and problem occurrences.

Time is fixed at Friday 10 April 2026 (before Songkran) when the office opens."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from models import clock, office
from models.engine import act
from models.org import Unit
from models.permissions import Role
from models.support import assets, loans, maintenance, tickets
from models.support.assets import Asset, AssetKind, AssetStatus
from models.users import User, create_user

START = dt.date(2026, 4, 10)


def at(day: dt.date, hour: int = 9) -> None:
    clock.set_clock(lambda: dt.datetime.combine(day, dt.time(hour, 30)))


@dataclass
class SupportOffice:
    staff: User
    other: User
    head: User
    boss: User
    viewer: User
    unit: Unit
    unit2: Unit
    pcs: list[Asset]
    spares: list[Asset]
    categories: dict[int, tickets.TicketCategory]  # by days
    tickets: dict[str, tickets.RepairTicket] = field(default_factory=dict)

    def open(self, category_days: int = 3, **extra: Any) -> tickets.RepairTicket:
        values: dict[str, Any] = {
            "title": "เครื่องคอมพิวเตอร์เปิดไม่ติด",
            "paperless_no": "พด 0105/123",
            "unit": self.unit.id,
            "requester_name": "นางสาวสุดา รักษ์ไทย",
            "asset": self.pcs[0].id,
            "category": self.categories[category_days].id,
            "description": "กดปุ่มแล้วไม่มีไฟ",
        }
        values.update(extra)
        return tickets.open_ticket(self.staff, **values)


def build(make_user: Any = None) -> SupportOffice:
    """Create the office in the current (empty, migrated) database."""
    at(START)

    def user(username: str, role: Role, name: str) -> User:
        return create_user(None, username, name, role, "password123", position="นักวิชาการคอมพิวเตอร์")

    staff = user("somchai", Role.STAFF, "นายสมชาย ใจดี")
    other = user("suda", Role.STAFF, "นางสาวสุดา รักษ์ไทย")
    head = user("support_head", Role.GROUP_HEAD, "นายวีระพงษ์ แก้วมณี")
    boss = user("head", Role.HEAD, "นางสาวพรทิพย์ วงศ์สุวรรณ")
    viewer = user("viewer", Role.VIEWER, "นางสาวจันทร์เพ็ญ มีสุข")
    unit = office.save_unit(staff, None, name="งานพัสดุ", short_name="พด.")
    unit2 = office.save_unit(staff, None, name="งานบัญชีและการเงิน", short_name="บง.")
    desktop = next(c for c in assets.categories(AssetKind.HARDWARE) if "ตั้งโต๊ะ" in c.name)
    pcs = [
        assets.save_asset(
            staff,
            None,
            {
                "kind": AssetKind.HARDWARE,
                "number": f"7440-001-{i:04d}/65",
                "name": f"คอมพิวเตอร์ตั้งโต๊ะ Dell OptiPlex เครื่องที่ {i}",
                "category": desktop.id,
                "serial_number": f"SN-PC-{i}",
                "acquired_on": dt.date(2022, 3, 15),
                "price": "25900",
                "budget_source": "เงินงบประมาณ",
                "budget_year": 2565,
                "custodian_name": "นางสาวสุดา รักษ์ไทย",
                "custodian_unit": unit.id,
                "location": "อาคาร ๑ ชั้น ๓",
            },
        )
        for i in range(1, 4)
    ]
    spares = [
        assets.save_asset(
            staff,
            None,
            {
                "kind": AssetKind.HARDWARE,
                "number": f"7440-001-{90 + i:04d}/65",
                "name": f"โน้ตบุ๊กสำรอง {i}",
                "status": AssetStatus.LOANER_POOL,
            },
        )
        for i in range(1, 3)
    ]
    cats = {c.days: c for c in tickets.categories()}
    return SupportOffice(staff, other, head, boss, viewer, unit, unit2, pcs, spares, cats)


def walk(o: SupportOffice) -> SupportOffice:
    """Tickets in several states, a loan out and one returned, a maintenance plan."""
    at(START)
    done = o.open(3, title="ฮาร์ดดิสก์เสีย")
    act(
        o.staff,
        done.case_id,
        "assign",
        data={"assignee": o.staff.id, "estimate_days": 2, "loaner": o.spares[0].id},
    )
    at(dt.date(2026, 4, 16))
    act(
        o.staff,
        done.case_id,
        "repaired",
        data={
            "cause": "ฮาร์ดดิสก์เสื่อม",
            "work_done": "เปลี่ยนฮาร์ดดิสก์",
            "cost": "1890",
            "repair_result": "replaced",
        },
    )
    loans.return_loan(o.staff, loans.active_loan_for_ticket(done.id), condition_in="ครบถ้วน")
    act(o.staff, done.case_id, "close", data={"notified_on": clock.today()})
    o.tickets["done"] = done

    at(START)
    late = o.open(
        1,
        title="อินเทอร์เน็ตใช้งานไม่ได้",
        asset=o.pcs[1].id,
        unit=o.unit2.id,
        requester_name="นายบัญชี ตัวอย่าง",
    )
    act(o.staff, late.case_id, "assign", data={"assignee": o.other.id, "estimate_days": 1})
    at(dt.date(2026, 4, 21))
    act(
        o.other,
        late.case_id,
        "repaired",
        data={"cause": "สายแลนหลุด", "work_done": "เสียบสายใหม่", "repair_result": "fixed"},
    )
    act(o.other, late.case_id, "close", data={"notified_on": clock.today()})
    o.tickets["late"] = late

    at(dt.date(2026, 4, 20))
    out = o.open(3, title="จอภาพไม่แสดงผล", asset=o.pcs[2].id)
    act(
        o.staff,
        out.case_id,
        "assign",
        data={
            "assignee": o.staff.id,
            "estimate_days": 3,
            "loaner": o.spares[1].id,
            "loaner_due_back": dt.date(2026, 4, 22),
        },
    )
    o.tickets["loaner_out"] = out
    o.tickets["new"] = o.open(2, title="ติดตั้งโปรแกรมไม่ได้", asset=None)

    at(dt.date(2026, 4, 20))
    plan = maintenance.save_plan(
        o.staff, None, fiscal_year=2569, title="แผนบำรุงรักษาเชิงป้องกัน ปีงบประมาณ ๒๕๖๙"
    )
    monthly = maintenance.save_task(
        o.staff,
        None,
        plan=plan.id,
        title="ทำความสะอาดและตรวจสภาพเครื่อง",
        kind=AssetKind.HARDWARE,
        schedule="monthly",
        day_of_month=10,
        assignee=o.staff.id,
    )
    maintenance.save_task(
        o.staff,
        None,
        plan=plan.id,
        title="ตรวจสอบสำรองข้อมูลแม่ข่าย",
        asset=o.pcs[0].id,
        schedule="quarterly",
        day_of_month=5,
    )
    dates = maintenance.scheduled_dates(monthly, 2569)
    april = next(d for d in dates if d.month == 4)
    march = next(d for d in dates if d.month == 3)
    maintenance.record_execution(
        o.staff, monthly, march, done_on=march, result="normal", findings=""
    )
    maintenance.record_execution(
        o.staff,
        monthly,
        april,
        done_on=clock.today(),
        result="issues",
        findings="พัดลมระบายความร้อนมีเสียงดัง",
        asset=o.pcs[1].id,
    )
    return o
