"""Process 5 in the domain: both branches end to end and the not-approved end, on SQLite and
PostgreSQL; the rules that refuse a move; the penalty of a late installment on the way."""

from __future__ import annotations

from decimal import Decimal

import peewee
import pytest

from models.development import records
from models.development.process import DEFINITION, project_for_case
from models.engine import CaseResult, NewFile, act, get_case, history
from models.errors import ValidationError
from models.procurement import contracts, execution
from tests.unit.development.dev_office import (
    PDF,
    D,
    analyse,
    approve_value,
    at,
    in_house,
    make_dev_office,
    open_project,
    outsourced_to_contract,
    outsourced_to_end,
)


def test_in_house_project_runs_from_meeting_to_training(sql_db: peewee.Database) -> None:
    o = make_dev_office()
    case = in_house(o)
    assert case.status == "closed" and case.result == CaseResult.COMPLETED
    project = project_for_case(case)
    assert project.mode == records.Mode.IN_HOUSE
    assert project.live_on == D(2026, 11, 2)
    steps = [s.step for s in history(case)]
    assert steps == [
        "meeting",
        "value",
        "requirements",
        "analysis",
        "decision",
        "develop",
        "train_in_house",
    ]
    assert "tor" not in steps


def test_not_approved_ends_the_case_as_refused_with_the_reason(sql_db: peewee.Database) -> None:
    o = make_dev_office()
    case = open_project(o)
    at(D(2026, 10, 8))
    with pytest.raises(ValidationError):  # the reason told to the requester is required
        act(
            o["head"],
            case,
            "refuse",
            data={"benefit": "-", "weighing": "-", "decided_on": D(2026, 10, 8)},
        )
    case = act(
        o["head"],
        case,
        "refuse",
        comment="งบประมาณปีนี้ไม่เพียงพอ ขอให้เสนอใหม่ในปีงบประมาณถัดไป",
        data={"benefit": "มีประโยชน์", "weighing": "งบประมาณไม่พอ", "decided_on": D(2026, 10, 8)},
    )
    assert case.status == "closed" and case.result == CaseResult.REFUSED
    assert "งบประมาณปีนี้ไม่เพียงพอ" in history(case)[-1].comment


def test_outsourced_project_with_send_back_late_installment_and_disbursement(
    sql_db: peewee.Database,
) -> None:
    o = make_dev_office()
    case = outsourced_to_end(o)
    assert case.status == "closed" and case.result == CaseResult.COMPLETED
    steps = [s.step for s in history(case)]
    assert steps.count("tor") == 2  # sent back once from the principle's approval
    assert "develop" not in steps
    project = project_for_case(case)
    assert project.winner_id == o.vendors[0].id
    contract = contracts.contracts_of_case(case.id)[-1]
    assert project.contract_id == contract.id
    second = contracts.installments(contract)[1]
    inspection = execution.inspections_of(second)[-1]
    # due 30 April 2027, brought 4 May: 4 calendar days at 0.10 % of 805,000 a day
    assert inspection.late_days == 4
    assert Decimal(inspection.penalty) == Decimal("3220.00")
    assert records.median_price(case.id) == Decimal("1350000.00")


def test_the_rules_refuse_moves_until_their_records_exist(sql_db: peewee.Database) -> None:
    o = make_dev_office()
    staff = o["somchai"]
    case = approve_value(o, open_project(o))
    with pytest.raises(ValidationError, match="ประชุมรับฟังความต้องการ"):
        act(staff, case, "done")
    case = analyse(o, get_case(case.id))
    at(D(2026, 10, 22))
    case = act(staff, case, "in_house", data={"cost": "0", "mode_decided_on": D(2026, 10, 22)})
    with pytest.raises(ValidationError, match="รอบการพัฒนา"):
        act(staff, case, "live", data={"server": "VM", "live_on": D(2026, 10, 22)})


def test_selection_refuses_a_winner_without_a_quotation(sql_db: peewee.Database) -> None:
    o = make_dev_office()
    case = outsourced_to_contract(o, send_back=False)
    assert case.current_step == "follow"
    # a fresh project: the winner presented but gave no quotation
    other = analyse(o, approve_value(o, open_project(o, "ระบบจองห้องประชุม")))
    staff, head = o["somchai"], o["head"]
    at(D(2026, 10, 22))
    other = act(
        staff, other, "outsource", data={"cost": "300,000", "mode_decided_on": D(2026, 10, 22)}
    )
    records.add_cost_item(
        staff, other.id, kind=records.CostKind.OTHER, description="ค่าติดตั้ง", rate="300,000"
    )
    other = act(
        staff,
        other,
        "done",
        data={"tor_summary": "TOR", "median_price_on": D(2026, 10, 22)},
        files=[NewFile("tor", "TOR.pdf", PDF)],
    )
    at(D(2026, 10, 28))
    other = act(head, other, "approve", data={"principle_approved_on": D(2026, 10, 26)})
    other = act(head, other, "approve", data={"tor_approved_on": D(2026, 10, 28)})
    at(D(2026, 11, 4))
    records.add_presentation(
        staff,
        other.id,
        vendor_id=o.vendors[1].id,
        presented_on=D(2026, 11, 4),
        scores={c: 10 for c, _p in records.criteria()},
    )
    other = act(staff, other, "done")
    at(D(2026, 11, 6))
    with pytest.raises(ValidationError, match="ใบเสนอราคา"):
        act(
            staff,
            other,
            "select",
            data={
                "winner": o.vendors[1].id,
                "selection_reason": "คะแนนสูงสุด",
                "selected_on": D(2026, 11, 6),
            },
        )
    assert get_case(other.id).current_step == "selection"


def test_definition_is_one_declaration_on_the_engine() -> None:
    keys = [s.key for s in DEFINITION.steps]
    assert keys[0] == "meeting" and keys[-1] == "disburse"
    assert {o.target for o in DEFINITION.step("decision").outcomes} == {"develop", "tor"}
    assert PDF.startswith(b"%PDF")
