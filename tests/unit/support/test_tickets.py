"""Repair tickets on the process engine: the deadline from the category over holidays, the loaner
rule (refused without a loaner or a head's reason, on SQLite and PostgreSQL), lending in the same
move, the walk to the closed ticket, and the ticket list."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest

from models import clock, office
from models.engine import CaseFilter, CaseState, act, get_case, state_of
from models.engine.core import available_actions
from models.errors import PermissionDenied, ValidationError
from models.permissions import Role
from models.support import assets, loans, tickets
from models.support.assets import AssetKind, AssetStatus
from models.support.loans import Loan
from models.support.tickets import RepairTicket, TicketCategory, TicketFilter
from tests.backends import EVERY_BACKEND


def _at(day: dt.date) -> None:
    clock.set_clock(lambda: dt.datetime.combine(day, dt.time(9, 30)))


@pytest.fixture
def office_data(sql_db, make_user):
    _at(dt.date(2026, 4, 10))  # a Friday before Songkran
    staff = make_user(Role.STAFF, full_name="นายสมชาย ใจดี")
    head = make_user(Role.GROUP_HEAD, full_name="นายวีระพงษ์ แก้วมณี")
    boss = make_user(Role.HEAD, full_name="นางสาวพรทิพย์ วงศ์สุวรรณ")
    unit = office.save_unit(staff, None, name="งานพัสดุ", short_name="พด.")
    pc = assets.save_asset(
        staff,
        None,
        {
            "kind": AssetKind.HARDWARE,
            "number": "7440-001-0001/65",
            "name": "คอมพิวเตอร์ตั้งโต๊ะ",
            "serial_number": "SN-PC-1",
            "custodian_name": "นางสาวสุดา รักษ์ไทย",
        },
    )
    spare = assets.save_asset(
        staff,
        None,
        {
            "kind": AssetKind.HARDWARE,
            "number": "7440-001-0099/65",
            "name": "โน้ตบุ๊กสำรอง",
            "status": AssetStatus.LOANER_POOL,
        },
    )
    hardware = next(c for c in tickets.categories() if c.days == 3)
    network = next(c for c in tickets.categories() if c.days == 1)
    software = next(c for c in tickets.categories() if c.days == 2)
    return {
        "staff": staff,
        "head": head,
        "boss": boss,
        "unit": unit,
        "pc": pc,
        "spare": spare,
        "hardware": hardware,
        "network": network,
        "software": software,
    }


def _open(d, category: TicketCategory, **extra: object) -> RepairTicket:
    values: dict[str, object] = {
        "title": "เครื่องคอมพิวเตอร์เปิดไม่ติด",
        "paperless_no": "พด 0105/123",
        "paperless_date": clock.today(),
        "unit": d["unit"].id,
        "requester_name": "นางสาวสุดา รักษ์ไทย",
        "asset": d["pc"].id,
        "category": category.id,
        "description": "กดปุ่มแล้วไม่มีไฟ",
    }
    values.update(extra)
    return tickets.open_ticket(d["staff"], **values)


@pytest.mark.parametrize(
    ("days", "due"),
    [(1, dt.date(2026, 4, 16)), (2, dt.date(2026, 4, 17)), (3, dt.date(2026, 4, 20))],
)
def test_category_sets_the_deadline_over_songkran(office_data, days: int, due: dt.date) -> None:
    category = next(c for c in tickets.categories() if c.days == days)
    ticket = _open(office_data, category)
    case = get_case(ticket.case_id)
    assert (case.allowed_days, case.due_on) == (days, due)
    assert ticket.deadline_days == days
    assert case.requester == "นางสาวสุดา รักษ์ไทย (พด.)"
    assert case.number.startswith("ซ.")


def test_changing_a_category_later_keeps_received_tickets_deadlines(office_data) -> None:
    d = office_data
    ticket = _open(d, d["software"])
    tickets.save_category(d["boss"], d["software"], days=3)
    act(d["staff"], ticket.case_id, "assign", data={"assignee": d["staff"].id, "estimate_days": 1})
    assert get_case(ticket.case_id).due_on == dt.date(2026, 4, 17)
    newer = _open(d, TicketCategory.get_by_id(d["software"].id))
    assert get_case(newer.case_id).due_on == dt.date(2026, 4, 20)


def test_category_days_are_one_to_three_and_office_managed(office_data) -> None:
    d = office_data
    with pytest.raises(ValidationError) as bad:
        tickets.save_category(d["boss"], None, name="งานใหญ่", days=5)
    assert "1 ถึง 3" in bad.value.message
    with pytest.raises(PermissionDenied):
        tickets.save_category(d["head"], None, name="งานเล็ก", days=1)


def test_estimate_over_one_day_is_refused_without_loaner_or_reason(office_data) -> None:
    d = office_data
    ticket = _open(d, d["hardware"])
    with pytest.raises(ValidationError) as refused:
        act(
            d["staff"],
            ticket.case_id,
            "assign",
            data={"assignee": d["staff"].id, "estimate_days": 3},
        )
    assert "เครื่องทดแทน" in refused.value.message
    case = get_case(ticket.case_id)
    assert case.current_step == "assign"
    assert tickets.get_ticket(ticket.id).estimate_days is None
    assert Loan.select().count() == 0
    listed = tickets.ticket_page(d["staff"], TicketFilter(), offset=0, limit=10)
    assert listed.total == 1


def test_staff_cannot_waive_only_a_head_can(office_data) -> None:
    d = office_data
    ticket = _open(d, d["hardware"])
    data = {"assignee": d["staff"].id, "estimate_days": 3, "no_loaner_reason": "ผู้ใช้มีเครื่องอื่น"}
    with pytest.raises(ValidationError) as refused:
        act(d["staff"], ticket.case_id, "assign", data=data)
    assert "หัวหน้า" in refused.value.message
    act(d["head"], ticket.case_id, "assign", data=data)
    stored = tickets.get_ticket(ticket.id)
    assert stored.loaner_waiver == "ผู้ใช้มีเครื่องอื่น"
    assert stored.loaner_waived_by == d["head"].id
    assert get_case(ticket.case_id).current_step == "repair"


def test_lending_in_the_assignment_move(office_data) -> None:
    d = office_data
    ticket = _open(d, d["hardware"])
    act(
        d["staff"],
        ticket.case_id,
        "assign",
        data={"assignee": d["staff"].id, "estimate_days": 3, "loaner": d["spare"].id},
    )
    loan = loans.active_loan_for_ticket(ticket.id)
    assert loan is not None
    assert loan.borrower_name == "นางสาวสุดา รักษ์ไทย"
    assert loan.due_back == dt.date(2026, 4, 20)  # three working days after Songkran's Friday
    assert assets.get_asset(d["spare"].id).status == AssetStatus.ON_LOAN
    details = tickets.ticket_details(d["staff"], ticket.case_id)
    assert not details.loaner_needed and len(details.loans) == 1
    # The same machine cannot be lent twice.
    other = _open(d, d["hardware"], asset=None)
    with pytest.raises(ValidationError):
        act(
            d["staff"],
            other.case_id,
            "assign",
            data={"assignee": d["staff"].id, "estimate_days": 2, "loaner": d["spare"].id},
        )
    assert get_case(other.case_id).current_step == "assign"


def test_waiver_by_head_outside_the_step_then_staff_move_on(office_data) -> None:
    d = office_data
    ticket = _open(d, d["hardware"])
    with pytest.raises(PermissionDenied):
        tickets.waive_loaner(d["staff"], ticket, "ไม่จำเป็น")
    tickets.waive_loaner(d["head"], ticket, "ผู้ขอใช้เครื่องของหน่วยงานแทนได้")
    act(d["staff"], ticket.case_id, "assign", data={"assignee": d["staff"].id, "estimate_days": 5})
    assert get_case(ticket.case_id).current_step == "repair"


def test_reestimate_after_send_back_meets_the_rule_again(office_data) -> None:
    d = office_data
    ticket = _open(d, d["network"])
    act(d["staff"], ticket.case_id, "assign", data={"assignee": d["staff"].id, "estimate_days": 1})
    act(d["staff"], ticket.case_id, "reassign", comment="ต้องเปลี่ยนเมนบอร์ด ใช้เวลานานขึ้น")
    with pytest.raises(ValidationError):
        act(
            d["staff"],
            ticket.case_id,
            "assign",
            data={"assignee": d["staff"].id, "estimate_days": 4},
        )


@EVERY_BACKEND
def test_full_walk_to_the_service_problem_register(office_data) -> None:
    d = office_data
    ticket = _open(d, d["hardware"])
    act(
        d["staff"],
        ticket.case_id,
        "assign",
        data={"assignee": d["staff"].id, "estimate_days": 2, "loaner": d["spare"].id},
    )
    actions = {a.key for a in available_actions(d["staff"], get_case(ticket.case_id))}
    assert actions == {"repaired", "reassign"}
    _at(dt.date(2026, 4, 16))
    act(
        d["staff"],
        ticket.case_id,
        "repaired",
        data={
            "cause": "แหล่งจ่ายไฟเสีย",
            "work_done": "เปลี่ยนแหล่งจ่ายไฟ",
            "parts": "Power supply 500W",
            "cost": "1,250.50",
            "repair_result": tickets.RepairResult.REPLACED,
        },
    )
    loan = loans.active_loan_for_ticket(ticket.id)
    loans.return_loan(d["staff"], loan, condition_in="ครบ")
    assert assets.get_asset(d["spare"].id).status == AssetStatus.LOANER_POOL
    act(
        d["staff"],
        ticket.case_id,
        "close",
        data={"notified_on": clock.today(), "reply_no": "ภทส 12"},
    )
    case = get_case(ticket.case_id)
    assert case.status == "closed" and state_of(case).state == CaseState.DONE_ON_TIME
    stored = tickets.get_ticket(ticket.id)
    assert stored.cost == decimal.Decimal("1250.50")
    assert stored.repaired_on == dt.date(2026, 4, 16)
    from models.engine import case_view

    view = case_view(d["staff"], ticket.case_id)
    labels = [e.outcome_label for e in view.timeline]
    assert "ให้ยืมเครื่องทดแทน" in labels and "รับคืนเครื่องทดแทน" in labels
    values = dict(v for e in view.timeline for v in e.values)
    assert values["ค่าใช้จ่าย (บาท)"] == "1,250.50"
    assert values["ครุภัณฑ์ (ค้นด้วยเลขครุภัณฑ์ หมายเลขเครื่อง หรือผู้รับผิดชอบ)"].startswith("7440-001-0001/65")


def test_bad_record_ids_and_amounts_are_refused(office_data) -> None:
    d = office_data
    with pytest.raises(ValidationError) as bad:
        _open(d, d["hardware"], asset=999999)
    assert "asset" in bad.value.errors
    ticket = _open(d, d["network"])
    act(d["staff"], ticket.case_id, "assign", data={"assignee": d["staff"].id, "estimate_days": 1})
    with pytest.raises(ValidationError) as money:
        act(
            d["staff"],
            ticket.case_id,
            "repaired",
            data={"cause": "x", "work_done": "y", "cost": "-5", "repair_result": "fixed"},
        )
    assert "cost" in money.value.errors


def test_ticket_list_free_text_and_filters(office_data) -> None:
    d = office_data
    first = _open(d, d["hardware"])
    _open(d, d["network"], title="อินเทอร์เน็ตใช้งานไม่ได้", asset=None, paperless_no="สบก 77")
    by_asset = tickets.ticket_page(d["staff"], TicketFilter(case=CaseFilter(text="๗๔๔๐-๐๐๑")))
    assert [r.ticket_id for r in by_asset.rows] == [first.id]
    by_serial = tickets.ticket_page(d["staff"], TicketFilter(case=CaseFilter(text="sn-pc-1")))
    assert by_serial.total == 1
    by_unit = tickets.ticket_page(d["staff"], TicketFilter(unit_id=d["unit"].id), "category", False)
    assert by_unit.total == 2 and by_unit.rows[0].category <= by_unit.rows[1].category
    by_paperless = tickets.ticket_page(d["staff"], TicketFilter(case=CaseFilter(text="สบก 77")))
    assert by_paperless.total == 1
    act(d["staff"], first.case_id, "assign", data={"assignee": d["staff"].id, "estimate_days": 1})
    row = tickets.ticket_page(d["staff"], TicketFilter(asset_id=d["pc"].id), "asset", True).rows[0]
    assert row.asset_number == "7440-001-0001/65" and row.assignee == "นายสมชาย ใจดี"


# --- the asset's status while it is repaired ------------------------------------------------------


def _assign(d, ticket: RepairTicket, **extra: object) -> None:
    data: dict[str, object] = {"assignee": d["staff"].id, "estimate_days": 1}
    data.update(extra)
    act(d["staff"], ticket.case_id, "assign", data=data)


def _repaired(d, ticket: RepairTicket, result: str = tickets.RepairResult.FIXED) -> None:
    act(
        d["staff"],
        ticket.case_id,
        "repaired",
        data={"cause": "สายหลวม", "work_done": "เสียบสายใหม่", "repair_result": result},
    )


def _close(d, ticket: RepairTicket) -> None:
    act(d["staff"], ticket.case_id, "close", data={"notified_on": clock.today()})


def _status(asset_id: int) -> str:
    return str(assets.get_asset(asset_id).status)


def _events(d, ticket: RepairTicket) -> list[tuple[str, str]]:
    from models.engine import case_view

    view = case_view(d["staff"], ticket.case_id)
    return [(e.outcome_label, e.comment) for e in view.timeline if e.kind == "event"]


@EVERY_BACKEND
def test_asset_is_in_repair_from_the_repair_step_until_the_ticket_closes(office_data) -> None:
    from models.support import asset_history

    d = office_data
    pc = d["pc"].id
    ticket = _open(d, d["network"])
    assert _status(pc) == AssetStatus.IN_USE  # registered: the machine is still with its user
    _assign(d, ticket)
    assert get_case(ticket.case_id).current_step == "repair"
    assert _status(pc) == AssetStatus.IN_REPAIR
    act(d["staff"], ticket.case_id, "reassign", comment="ประเมินเวลาใหม่")
    assert _status(pc) == AssetStatus.IN_REPAIR  # sent back to re-assign: still being repaired
    _assign(d, ticket)
    _repaired(d, ticket)
    assert _status(pc) == AssetStatus.IN_REPAIR
    _close(d, ticket)
    assert _status(pc) == AssetStatus.IN_USE

    history = asset_history.asset_timeline(d["staff"], pc)
    changes = [(e.title, e.detail) for e in history if e.kind == "change"]
    number = get_case(ticket.case_id).number
    assert (f"ส่งซ่อมตามเรื่องแจ้งซ่อม {number}", "สถานะ: ใช้งาน → ส่งซ่อม") in changes
    assert (f"ซ่อมเสร็จตามเรื่องแจ้งซ่อม {number}", "สถานะ: ส่งซ่อม → ใช้งาน") in changes
    assert len(changes) == 2  # the send-back changed nothing
    events = _events(d, ticket)
    assert ("ครุภัณฑ์ส่งซ่อม", "ครุภัณฑ์ 7440-001-0001/65: ใช้งาน → ส่งซ่อม") in events
    assert ("สถานะครุภัณฑ์หลังซ่อม", "ครุภัณฑ์ 7440-001-0001/65: ส่งซ่อม → ใช้งาน") in events


def test_a_status_changed_by_hand_during_the_repair_is_kept(office_data) -> None:
    d = office_data
    pc, other = d["pc"], d["spare"]
    ticket = _open(d, d["network"])
    _assign(d, ticket)
    assets.save_asset(d["staff"], assets.get_asset(pc.id), {"status": AssetStatus.RETIRED})
    _repaired(d, ticket)
    _close(d, ticket)
    assert _status(pc.id) == AssetStatus.RETIRED
    assert any("มีผู้เปลี่ยนสถานะระหว่างซ่อมแล้ว (จำหน่าย/เลิกใช้)" in c for _l, c in _events(d, ticket))

    # Changed by hand and back to ส่งซ่อม: still a change made by someone, so it stays.
    second = _open(d, d["network"], asset=pc.id)
    assets.save_asset(d["staff"], assets.get_asset(pc.id), {"status": AssetStatus.IN_USE})
    _assign(d, second)
    assert _status(pc.id) == AssetStatus.IN_REPAIR
    for status in (AssetStatus.IN_USE, AssetStatus.IN_REPAIR):
        assets.save_asset(d["staff"], assets.get_asset(pc.id), {"status": status})
    _repaired(d, second)
    _close(d, second)
    assert _status(pc.id) == AssetStatus.IN_REPAIR
    assert _status(other.id) == AssetStatus.LOANER_POOL


def test_beyond_repair_stays_in_repair_and_a_pool_machine_returns_to_the_pool(
    office_data,
) -> None:
    d = office_data
    pc, spare = d["pc"].id, d["spare"].id
    broken = _open(d, d["network"])
    _assign(d, broken)
    _repaired(d, broken, tickets.RepairResult.NOT_FIXABLE)
    _close(d, broken)
    assert _status(pc) == AssetStatus.IN_REPAIR
    assert any("ซ่อมไม่ได้" in c for _l, c in _events(d, broken))

    pool_machine = _open(d, d["network"], asset=spare)
    _assign(d, pool_machine)
    assert _status(spare) == AssetStatus.IN_REPAIR
    assert spare not in {a.id for a in loans.pool()}  # cannot be lent while it is repaired
    _repaired(d, pool_machine)
    _close(d, pool_machine)
    assert _status(spare) == AssetStatus.LOANER_POOL


def test_a_machine_out_on_loan_keeps_its_loan_status(office_data) -> None:
    d = office_data
    spare = d["spare"].id
    first = _open(d, d["hardware"])
    _assign(d, first, estimate_days=3, loaner=spare)
    assert _status(spare) == AssetStatus.ON_LOAN
    lent_one_broken = _open(d, d["network"], asset=spare)
    _assign(d, lent_one_broken)
    assert _status(spare) == AssetStatus.ON_LOAN  # models.support.loans owns that status
    _repaired(d, lent_one_broken)
    _close(d, lent_one_broken)
    assert _status(spare) == AssetStatus.ON_LOAN
    assert not [e for e in _events(d, lent_one_broken) if e[0] == "ครุภัณฑ์ส่งซ่อม"]


def test_naming_another_asset_during_the_repair_moves_the_status(office_data) -> None:
    from models.engine import update_details

    d = office_data
    pc = d["pc"].id
    laptop = assets.save_asset(
        d["staff"],
        None,
        {"kind": AssetKind.HARDWARE, "number": "7440-001-0002/65", "name": "โน้ตบุ๊ก"},
    )
    ticket = _open(d, d["network"])
    _assign(d, ticket)
    assert _status(pc) == AssetStatus.IN_REPAIR
    case = get_case(ticket.case_id)
    registration = {
        "title": case.title,
        "received_on": case.received_on,
        "paperless_no": "พด 0105/123",
        "paperless_date": clock.today(),
        "doc_kind": tickets.DocKind.MEMO,
        "unit": d["unit"].id,
        "requester_name": "นางสาวสุดา รักษ์ไทย",
        "asset": laptop.id,
        "category": d["network"].id,
    }
    update_details(d["staff"], ticket.case_id, registration)
    assert _status(pc) == AssetStatus.IN_USE
    assert _status(laptop.id) == AssetStatus.IN_REPAIR
    _repaired(d, ticket)
    _close(d, ticket)
    assert _status(laptop.id) == AssetStatus.IN_USE
