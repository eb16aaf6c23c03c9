"""Process 4, step 1: the problems log and the annual plan (bad input refused with the field
named, nothing saved), each item showing the step its project reached, the plan printed as a
memo with its table and the total in words, the plan and problem registers."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest

from models import registers
from models.errors import PermissionDenied, ValidationError
from models.infrastructure import documents, plan_progress, plans, problems
from models.infrastructure.plans import AnnualPlan, PlanItem
from models.infrastructure.problems import ProblemLog
from reports.thaifmt import thai_digits as t
from tests.process_office import pdf_table_rows, pdf_text, squash
from tests.unit.infrastructure.project_office import (
    D,
    ProjectOffice,
    at,
    draft_spec,
    make_project_office,
    open_project,
)


@pytest.fixture
def po(sqlite_db: peewee.Database) -> ProjectOffice:
    return make_project_office()


def test_plan_items_refuse_bad_input_and_save_nothing(po: ProjectOffice) -> None:
    head = po["head"]
    before = PlanItem.select().count()
    bad = [
        ({"title": "", "budget": "1000", "quarter": "1"}, "title", "โครงการ/รายการ"),
        ({"title": "x", "budget": "-5", "quarter": "1"}, "budget", "ต้องไม่ติดลบ"),
        ({"title": "x", "budget": "หนึ่งพัน", "quarter": "1"}, "budget", "ต้องเป็นตัวเลข"),
        ({"title": "x", "budget": "1000", "quarter": "5"}, "quarter", "ไตรมาส"),
        ({"title": "ก" * 301, "budget": "1000", "quarter": "1"}, "title", "ยาวเกิน 300"),
        ({"title": "สอง\nบรรทัด", "budget": "1000", "quarter": "1"}, "title", "บรรทัดเดียว"),
    ]
    for values, field, words in bad:
        with pytest.raises(ValidationError) as caught:
            plans.save_item(head, po.plan, None, values)
        assert field in caught.value.errors
        assert words in caught.value.message
    assert PlanItem.select().count() == before
    with pytest.raises(PermissionDenied):
        plans.save_item(po["viewer"], po.plan, None, {"title": "x", "budget": "1", "quarter": "1"})


def test_one_plan_per_fiscal_year_and_approval_needs_both(po: ProjectOffice) -> None:
    head = po["head"]
    with pytest.raises(ValidationError) as caught:
        plans.save_plan(head, None, {"fiscal_year": 2570})
    assert "fiscal_year" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        plans.save_plan(head, po.plan, {"fiscal_year": 2570, "approved_by": "ผู้อำนวยการ"})
    assert "approved_on" in caught.value.errors
    saved = plans.save_plan(
        head,
        po.plan,
        {"fiscal_year": 2570, "approved_by": "ผู้อำนวยการ", "approved_on": D(2026, 10, 2)},
    )
    assert AnnualPlan.get_by_id(saved.id).status == plans.PlanStatus.APPROVED
    assert plans.quarter_end(2570, 1) == D(2026, 12, 31)
    assert plans.quarter_end(2570, 4) == D(2027, 9, 30)


def test_item_shows_the_step_its_project_reached(po: ProjectOffice) -> None:
    rows = {r.id: r for r in plan_progress.item_rows(po.plan)}
    assert rows[po.item.id].step_no is None
    assert rows[po.item.id].progress == "ยังไม่เริ่มโครงการ"
    case = open_project(po)
    row = {r.id: r for r in plan_progress.item_rows(po.plan)}[po.item.id]
    assert (row.case_id, row.step_no) == (case.id, 2)
    draft_spec(po, case)
    row = {r.id: r for r in plan_progress.item_rows(po.plan)}[po.item.id]
    assert row.step_no == 3
    assert row.progress.startswith("ขั้นที่ 3 ")
    with pytest.raises(ValidationError):
        plan_progress.delete_item(po["head"], plans.get_item(po.item.id))
    plan_progress.delete_item(po["head"], plans.get_item(po.other_item.id))
    assert [r.id for r in plan_progress.item_rows(po.plan)] == [po.item.id]


def test_problems_log_refuses_and_links_to_the_plan(po: ProjectOffice) -> None:
    head = po["head"]
    with pytest.raises(ValidationError) as caught:
        problems.save_problem(head, None, {"system": "", "description": ""})
    assert set(caught.value.errors) == {"system", "description"}
    with pytest.raises(ValidationError) as caught:
        problems.save_problem(
            head, None, {"system": "x", "description": "y", "reported_on": D(2027, 1, 1)}
        )
    assert "reported_on" in caught.value.errors
    assert ProblemLog.select().count() == 0
    saved = problems.save_problem(
        head,
        None,
        {
            "reported_on": D(2026, 9, 20),
            "system": "ไฟร์วอลล์หลัก",
            "category": "network",
            "description": "ไฟร์วอลล์ค้างเมื่อมีผู้ใช้พร้อมกันเกิน 300 คน",
            "impact": "ระบบประเมินออนไลน์ใช้งานไม่ได้ครั้งละ 1-2 ชั่วโมง",
            "plan_item": po.item.id,
        },
    )
    assert saved.status == problems.ProblemStatus.PLANNED
    rows = problems.problem_rows(2569)
    assert [r.plan_item for r in rows] == [po.item.title]
    assert problems.problem_rows(2570) == []


def test_annual_plan_printed_with_table_and_total_in_words(po: ProjectOffice) -> None:
    at(D(2026, 10, 5))
    data, name = documents.print_plan(po["head"], po.plan.id)
    assert name == "แผนปฏิบัติการประจำปี_2570.pdf"
    text = squash(pdf_text(data))
    assert squash(t("ขออนุมัติแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570")) in text
    # 480,000 + 1,200,000 = 1,680,000 in figures and in words
    assert squash(t("1,680,000.00")) in text
    assert "หนึ่งล้านหกแสนแปดหมื่นบาทถ้วน" in text
    rows = pdf_table_rows(data)
    header = next(r for r in rows if "ลำดับ" in r[0])
    assert header == [
        "ลำดับ",
        "โครงการ/รายการ",
        "เหตุผลความจำเป็น",
        "งบประมาณ(บาท)",
        "ไตรมาส",
        "ผู้รับผิดชอบ",
    ]
    body = [r for r in rows if r[1] == squash("ซื้อเครื่องคอมพิวเตอร์แม่ข่ายทดแทน")]
    assert body and body[0][3] == t("1,200,000.00") and body[0][4] == t("2")


def test_plan_and_problem_registers(po: ProjectOffice) -> None:
    names = {r.name for r in registers.all_registers()}
    assert {"annual-plan", "infrastructure-problems"} <= names
    rows = documents.plan_register_rows(D(2026, 10, 1), D(2027, 9, 30))
    assert [r["title"] for r in rows] == [po.item.title, po.other_item.title]
    assert rows[0]["progress"] == "ยังไม่เริ่มโครงการ"
    assert documents.plan_register_rows(D(2025, 10, 1), D(2026, 9, 30)) == []
    _ = dt
