"""The demo office's process 4: last year's closed project delivered late with a penalty and a
warranty ending soon, this year's plan with projects at different steps, an open incident and an
installment due within days; what the dashboard box lists."""

from __future__ import annotations

from decimal import Decimal

import peewee

from models import demo, engine
from models.infrastructure import follow_up, plan_progress, plans, problems
from models.infrastructure.projects import KEY
from models.procurement import contracts, execution
from tests.unit.infrastructure.project_office import D, at


def test_demo_fiscal_year_of_process_4(sqlite_db: peewee.Database) -> None:
    today = D(2026, 12, 2)
    at(today)
    demo.seed_demo(today=today)
    year = plans.plan_for_year(2570)
    assert year is not None and year.status == plans.PlanStatus.APPROVED
    rows = plan_progress.item_rows(year)
    assert len(rows) == 5
    # projects at different steps, one item not started
    assert sorted(r.step_no or 0 for r in rows) == [0, 2, 4, 5, 8]
    # the problems were collected before the fiscal year, when the plan was written
    logged = problems.problem_rows(2569)
    assert len(logged) == 5 and sum(1 for p in logged if p.plan_item) == 4
    last_year = plans.plan_for_year(2569)
    assert last_year is not None
    (old,) = plan_progress.item_rows(last_year)
    assert old.progress == "แล้วเสร็จ"
    closed = engine.get_case(old.case_id)  # type: ignore[arg-type]
    assert closed.process == KEY and closed.status == "closed"

    # last year's contract: delivered 6 days late, penalised at 0.10 % a day of 191,200 baht
    contract = contracts.contracts_of_case(closed.id)[0]
    summary = execution.contract_penalty(contract)
    assert summary.total == Decimal("1147.20")
    assert contract.warranty_starts_on is not None

    follow = follow_up.follow_up(today)
    assert [r.contract_number for r in follow.warranties] == [contract.number]
    assert len(follow.due) == 1 and follow.due[0].days_left == 6
    assert len(follow.incidents) == 1 and follow.incidents[0].contacted
    assert follow.late == []


def test_statistics_count_process_4(sql_db: peewee.Database) -> None:
    """Process 4's declaration: its projects per fiscal year with the method and the responsible
    group as dimensions, and the installments of its contracts as a tally."""
    from models.statistics import service
    from models.users import User

    today = D(2026, 12, 2)
    at(today)
    demo.seed_demo(today=today)
    head = User.get(User.username == "head")
    page = service.statistics_page(head, 2570, today=today)
    assert "infrastructure" in [p.key for p in page.processes]
    # four projects opened this fiscal year (the fifth item has none; last year's is not counted)
    assert page.total("infrastructure").received == 4
    methods = next(
        t for t in page.dimensions if t.process == "infrastructure" and t.key == "method"
    )
    assert {r.label for r in methods.rows if r.received} >= {"วิธีเฉพาะเจาะจง"}
    tally = next(t for t in page.tallies if t.key == "infrastructure.installments")
    figures = {label: value for label, value, _unit, _decimals in tally.figures}
    assert figures["งวดงานที่ครบกำหนด"] == 3  # this year's contract: -20, +6 and +96 days
    assert figures["ตรวจรับแล้ว"] == 1
