"""Preventive maintenance (schedules, due and overdue, recording, follow-up tickets, plan versus
done), loans (pool, lend, return, overdue), and one asset's history on one timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from models.errors import PermissionDenied, ValidationError
from models.support import asset_history, asset_removal, assets, loans, maintenance
from models.support.assets import AssetKind, AssetStatus
from models.support.maintenance import OccurrenceState, Result, Schedule
from models.support.tickets import RepairTicket
from tests import support_office
from tests.support_office import at


@pytest.fixture
def office(sql_db):
    return support_office.build()


def _plan(o):
    return maintenance.save_plan(o.staff, None, fiscal_year=2569, title="แผนบำรุงรักษา ๒๕๖๙")


def test_schedules_fall_in_the_fiscal_year_on_working_days(office) -> None:
    plan = _plan(office)
    monthly = maintenance.save_task(
        office.staff, None, plan=plan.id, title="ล้างเครื่อง", kind=AssetKind.HARDWARE, day_of_month=13
    )
    days = maintenance.scheduled_dates(monthly, 2569)
    assert len(days) == 12 and days[0].month == 10 and days[0].year == 2025
    assert days[-1].month == 9 and days[-1].year == 2026
    assert dt.date(2026, 4, 16) in days  # 13 April (Songkran) moves to the next working day
    assert all(d.weekday() < 5 for d in days)
    quarterly = maintenance.save_task(
        office.staff, None, plan=plan.id, title="สำรองข้อมูล", asset=office.pcs[0].id,
        schedule=Schedule.QUARTERLY, day_of_month=31,
    )  # fmt: skip
    q = maintenance.scheduled_dates(quarterly, 2569)
    # the 31st: clamped to 30 April; 31 January 2026 is a Saturday, so Monday 2 February
    assert q == [
        dt.date(2025, 10, 31),
        dt.date(2026, 2, 2),
        dt.date(2026, 4, 30),
        dt.date(2026, 7, 31),
    ]
    given = maintenance.save_task(
        office.staff, None, plan=plan.id, title="ตรวจระบบไฟ", category=office.pcs[0].category_id,
        schedule=Schedule.DATES, dates=[dt.date(2026, 2, 3), dt.date(2026, 8, 4)],
    )  # fmt: skip
    assert maintenance.scheduled_dates(given, 2569) == [dt.date(2026, 2, 3), dt.date(2026, 8, 4)]


def test_task_needs_one_target_and_dates_inside_the_year(office) -> None:
    plan = _plan(office)
    with pytest.raises(ValidationError) as none:
        maintenance.save_task(office.staff, None, plan=plan.id, title="งาน")
    assert "target" in none.value.errors
    with pytest.raises(ValidationError) as two:
        maintenance.save_task(
            office.staff, None, plan=plan.id, title="งาน", kind="hardware", asset=office.pcs[0].id
        )
    assert "target" in two.value.errors
    with pytest.raises(ValidationError) as outside:
        maintenance.save_task(
            office.staff, None, plan=plan.id, title="งาน", kind="hardware",
            schedule=Schedule.DATES, dates=[dt.date(2027, 1, 5)],
        )  # fmt: skip
    assert "dates" in outside.value.errors
    with pytest.raises(ValidationError):
        maintenance.save_plan(office.staff, None, fiscal_year=2569, title="ซ้ำ")
    with pytest.raises(PermissionDenied):
        maintenance.save_plan(office.viewer, None, fiscal_year=2570, title="แผน")


def test_due_overdue_recording_and_plan_figures(office) -> None:
    plan = _plan(office)
    task = maintenance.save_task(
        office.staff,
        None,
        plan=plan.id,
        title="ทำความสะอาดเครื่อง",
        kind=AssetKind.HARDWARE,
        day_of_month=10,
    )
    at(dt.date(2026, 4, 20))
    due = maintenance.due_list(window_days=7)
    overdue = [o for o in due if o.state == OccurrenceState.OVERDUE]
    assert [o.due_on for o in overdue][:2] == [dt.date(2025, 10, 10), dt.date(2025, 11, 10)]
    assert len(overdue) == 7  # October to April
    march = dt.date(2026, 3, 10)
    record = maintenance.record_execution(
        office.staff, task, march, done_on=march, result=Result.NORMAL
    )
    assert record.assets_checked == 5  # every hardware asset (pool machines included)
    with pytest.raises(ValidationError) as twice:
        maintenance.record_execution(office.staff, task, march, done_on=march, result=Result.NORMAL)
    assert "บันทึกผลไว้แล้ว" in twice.value.message
    with pytest.raises(ValidationError) as not_a_date:
        maintenance.record_execution(
            office.staff, task, dt.date(2026, 3, 11), done_on=march, result=Result.NORMAL
        )
    assert "due_on" in not_a_date.value.errors
    with pytest.raises(ValidationError) as silent:
        maintenance.record_execution(
            office.staff,
            task,
            dt.date(2026, 4, 10),
            done_on=dt.date(2026, 4, 20),
            result=Result.ISSUES,
        )
    assert "findings" in silent.value.errors
    items = maintenance.occurrences(plan=plan)
    figures = maintenance.plan_figures(items)
    assert (figures.planned, figures.done, figures.overdue, figures.not_yet_due) == (12, 1, 6, 5)
    assert figures.percent_done == pytest.approx(100 / 7)


def test_finding_opens_a_follow_up_ticket_in_the_same_transaction(office) -> None:
    plan = _plan(office)
    task = maintenance.save_task(
        office.staff,
        None,
        plan=plan.id,
        title="ตรวจสภาพเครื่อง",
        kind=AssetKind.HARDWARE,
        day_of_month=10,
    )
    at(dt.date(2026, 4, 20))
    april = dt.date(2026, 4, 10)
    follow_up = {
        "title": "พัดลมเสียงดัง",
        "paperless_no": "บันทึกภายใน",
        "unit": office.unit.id,
        "requester_name": "นางสาวสุดา รักษ์ไทย",
        "category": office.categories[3].id,
    }
    with pytest.raises(ValidationError):  # a bad ticket leaves no maintenance record behind
        maintenance.record_execution(
            office.staff, task, april, done_on=april, result=Result.ISSUES, findings="พัดลมเสียงดัง",
            asset=office.pcs[1].id, follow_up={**follow_up, "category": None},
        )  # fmt: skip
    assert maintenance.MaintenanceRecord.select().count() == 0
    record = maintenance.record_execution(
        office.staff, task, april, done_on=april, result=Result.ISSUES, findings="พัดลมเสียงดัง",
        asset=office.pcs[1].id, follow_up=follow_up,
    )  # fmt: skip
    ticket = RepairTicket.get_by_id(record.follow_up_ticket_id)
    assert ticket.asset_id == office.pcs[1].id and ticket.description == "พัดลมเสียงดัง"


def test_a_finding_names_an_asset_the_task_looks_after(office) -> None:
    plan = _plan(office)
    desktops = maintenance.save_task(
        office.staff, None, plan=plan.id, title="ทำความสะอาดเครื่องตั้งโต๊ะ",
        category=office.pcs[0].category_id, day_of_month=10,
    )  # fmt: skip
    backups = maintenance.save_task(
        office.staff, None, plan=plan.id, title="ตรวจสอบสำรองข้อมูล",
        asset=office.pcs[0].id, day_of_month=10,
    )  # fmt: skip
    at(dt.date(2026, 4, 20))
    april = dt.date(2026, 4, 10)
    for task, other in ((desktops, office.spares[0]), (backups, office.pcs[1])):
        with pytest.raises(ValidationError) as refused:
            maintenance.record_execution(
                office.staff, task, april, done_on=april, result=Result.ISSUES,
                findings="พัดลมเสียงดัง", asset=other.id,
            )  # fmt: skip
        assert set(refused.value.errors) == {"asset"}
        assert other.number in refused.value.message
        assert maintenance.target_label(task) in refused.value.message
    assert maintenance.MaintenanceRecord.select().count() == 0
    record = maintenance.record_execution(
        office.staff, desktops, april, done_on=april, result=Result.ISSUES,
        findings="พัดลมเสียงดัง", asset=office.pcs[2].id,
    )  # fmt: skip
    assert record.asset_id == office.pcs[2].id
    record = maintenance.record_execution(
        office.staff, backups, april, done_on=april, result=Result.NORMAL
    )
    assert record.asset_id == office.pcs[0].id  # a one-asset task's record names its asset


def test_loan_texts_longer_than_their_columns_are_refused(office) -> None:
    at(dt.date(2026, 4, 20))
    with pytest.raises(ValidationError) as refused:
        loans.lend(
            office.staff, office.spares[0], borrower_name="ก" * 201, purpose="ข" * 501,
            due_back=dt.date(2026, 4, 22),
        )  # fmt: skip
    assert set(refused.value.errors) == {"borrower_name", "purpose"}
    assert "ผู้ยืม ยาวเกิน 200 ตัวอักษร" in refused.value.message
    assert loans.Loan.select().count() == 0
    assert assets.get_asset(office.spares[0].id).status == AssetStatus.LOANER_POOL


def test_lend_return_and_overdue(office) -> None:
    spare = office.spares[0]
    at(dt.date(2026, 4, 20))
    loan = loans.lend(
        office.staff, spare, borrower_name="นายบัญชี ตัวอย่าง", borrower_unit=office.unit2,
        due_back=dt.date(2026, 4, 22), purpose="ใช้ระหว่างประชุม",
    )  # fmt: skip
    assert assets.get_asset(spare.id).status == AssetStatus.ON_LOAN
    with pytest.raises(ValidationError):
        loans.lend(office.staff, spare, borrower_name="อีกคน", due_back=dt.date(2026, 4, 23))
    with pytest.raises(ValidationError):
        loans.lend(office.staff, office.pcs[0], borrower_name="คน", due_back=dt.date(2026, 4, 23))
    at(dt.date(2026, 4, 23))
    overdue = loans.overdue_loans()
    assert [r.id for r in overdue] == [loan.id] and overdue[0].borrower_unit == "งานบัญชีและการเงิน"
    page = loans.loan_page(loans.LoanFilter(state=loans.LoanState.OVERDUE))
    assert page.total == 1
    with pytest.raises(ValidationError):
        loans.return_loan(office.staff, loan, returned_on=dt.date(2026, 4, 19))
    loans.return_loan(office.staff, loan, condition_in="ครบ")
    assert assets.get_asset(spare.id).status == AssetStatus.LOANER_POOL
    assert loans.overdue_loans() == []
    row = loans.loan_row(loan.id)
    assert row.state == loans.LoanState.RETURNED_LATE and row.received_by == "นายสมชาย ใจดี"
    with pytest.raises(ValidationError):
        loans.return_loan(office.staff, loan)
    with pytest.raises(PermissionDenied):
        loans.lend(office.viewer, spare, borrower_name="x", due_back=dt.date(2026, 4, 30))


def test_asset_history_on_one_timeline(office) -> None:
    support_office.walk(office)
    pc = office.pcs[0]
    assets.save_asset(office.staff, assets.get_asset(pc.id), {"location": "ห้อง ๓๐๕"})
    events = asset_history.asset_timeline(office.staff, pc.id)
    kinds = [e.kind for e in events]
    assert {"created", "change", "repair", "repaired", "maintenance"} <= set(kinds)
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
    change = next(e for e in events if e.kind == "change")
    assert "สถานที่ตั้ง: อาคาร ๑ ชั้น ๓ → ห้อง ๓๐๕" in change.detail
    repaired = next(e for e in events if e.kind == "repaired")
    assert "ฮาร์ดดิสก์เสื่อม" in repaired.detail and "ภายในกำหนด" in repaired.title
    spare_events = asset_history.asset_timeline(office.staff, office.spares[0].id)
    assert [e.kind for e in spare_events if e.kind in {"loan", "return"}] == ["return", "loan"]
    assert asset_history.has_history(pc.id)
    with pytest.raises(ValidationError):
        asset_removal.delete_asset(office.staff, assets.get_asset(pc.id))
    fresh = assets.save_asset(
        office.staff,
        None,
        {"kind": AssetKind.NETWORK, "number": "7440-005-0001/69", "name": "สวิตช์"},
    )
    asset_removal.delete_asset(office.staff, fresh)
    assert assets.find_by_number("7440-005-0001/69") is None
