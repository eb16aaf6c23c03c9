"""Process 4 through the domain, on SQLite and PostgreSQL: one project from its plan item to the
last installment accepted, with send-backs at the Director's and the Deputy Director's approvals
and at the award, the rules of each step refused with a Thai reason, one late delivery with its
penalty computed by hand, and the report memo read back."""

from __future__ import annotations

from decimal import Decimal

import peewee
import pytest

from models import engine
from models.engine import act, available_actions
from models.errors import ValidationError
from models.infrastructure import contracting, plan_progress, plans
from models.infrastructure.projects import KEY, REPORT, project_for_case
from models.org import Committee
from models.procurement import contracts as proc_contracts
from models.procurement import execution
from models.procurement import quotations as proc_quotations
from reports.thaifmt import thai_digits as t
from tests.process_office import pdf_table_rows, pdf_text, squash
from tests.unit.infrastructure.project_office import (
    D,
    ProjectOffice,
    add_quotations,
    ask_principle,
    at,
    award,
    deputy_approves,
    director_approves,
    draft_spec,
    make_project_office,
    open_project,
    procure,
    write_tor,
)


@pytest.fixture
def po(sql_db: peewee.Database) -> ProjectOffice:
    return make_project_office()


def refused(fn, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        fn(*args, **kwargs)
    return caught.value.message


VOTERS = (
    ("นายวีระพงษ์ แก้วมณี", "chair"),
    ("นายสมชาย ใจดี", "member"),
    ("นางสาวสุดา รักษ์ไทย", "secretary"),
)


def votes(accepted: bool = True) -> list[dict[str, object]]:
    return [
        {"member_name": name, "member_role": role, "member_position": "", "accepted": accepted}
        for name, role in VOTERS
    ]


def sign_contract(po: ProjectOffice, case: engine.Case) -> proc_contracts.Contract:
    return proc_contracts.create_contract(
        po["somchai"],
        case_id=case.id,
        number="12/2570",
        title="จ้างบำรุงรักษาระบบเครือข่ายและไฟร์วอลล์",
        vendor_id=po.vendors[0].id,
        signed_on=D(2026, 11, 20),
        price="450,000",
        vat="29,439.25",
        method="specific",
        nature=proc_contracts.Nature.HIRE,
        penalty_rate_pct="0.10",
        warranty_months=12,
        installments=[
            {
                "title": "งวดที่ 1 ตรวจสอบและปรับแต่งระบบ",
                "due_on": D(2026, 12, 21),
                "amount": "225,000",
            },
            {"title": "งวดที่ 2 บำรุงรักษาและรายงานผล", "due_on": D(2027, 2, 26), "amount": "225,000"},
        ],
    )


def test_project_walk_from_plan_item_to_last_installment(po: ProjectOffice) -> None:
    somchai = po["somchai"]
    case = open_project(po)
    assert case.title == po.item.title
    assert case.requester == "งานระบบการประเมิน"
    # a second project for the same plan item is refused
    assert "เปิดโครงการไปแล้ว" in refused(
        engine.open_case,
        po["eval_head"],
        KEY,
        {"plan_item": po.item.id, "received_on": D(2026, 10, 6), "assignee": somchai.id},
    )
    # the planned quarter gives the date before any contract
    assert case.due_on == plans.quarter_end(2570, 1)

    # step 2: the draft specification needs its file
    assert "ไฟล์ร่างข้อกำหนดโครงการ" in refused(
        act, somchai, case, "done", data={"spec_summary": "ร่าง"}
    )
    case = draft_spec(po, case)
    assert case.current_step == "quotations"

    # step 3: 1 to 3 quotations, a budget within the plan, the TOR committee
    at(D(2026, 10, 9))
    assert "อย่างน้อย 1 ราย" in refused(ask_principle, po, case)
    add_quotations(po, case)
    assert "สูงกว่างบประมาณในแผน" in refused(ask_principle, po, case, "500,000")
    # a quotation entered by mistake may be removed until the memo goes to the Director
    extra = proc_quotations.add_quotation(
        somchai,
        case_id=case.id,
        vendor_id=po.vendors[2].id,
        quoted_on=D(2026, 10, 8),
        amount_before_vat="1,000",
        vat="70",
    )
    assert "1 ถึง 3 ราย" in refused(ask_principle, po, case)
    contracting.remove_quotation(somchai, case.id, extra.id)
    assert contracting.quotation_count(case.id) == 3
    case = ask_principle(po, case)
    assert Committee.get_by_id(po.tor_committee.id).case_id == case.id
    first_quote = proc_quotations.quotations_of_case(case.id)[0]
    assert "จึงลบใบเสนอราคาไม่ได้" in refused(
        contracting.remove_quotation, somchai, case.id, first_quote.id
    )

    # step 4: the Director sends it back once, then approves
    at(D(2026, 10, 13))
    case = act(somchai, case, "send_back", comment="ขอให้ระบุจำนวนอุปกรณ์ที่บำรุงรักษาในร่างข้อกำหนด")
    assert case.current_step == "quotations"
    case = ask_principle(po, case)
    at(D(2026, 10, 15))
    case = director_approves(po, case, D(2026, 10, 15))
    assert case.current_step == "tor"

    # step 5: the median price may not pass the approved budget; not dated before approval
    at(D(2026, 10, 27))
    assert "สูงกว่าวงเงินงบประมาณ" in refused(write_tor, po, case, "490,000")
    assert "ไม่ก่อนวันที่ผู้อำนวยการอนุมัติ" in refused(write_tor, po, case, "450,000", D(2026, 10, 14))
    case = write_tor(po, case)

    # step 6: the Deputy Director sends the TOR back to the committee, then approves
    at(D(2026, 10, 29))
    case = act(somchai, case, "send_back", comment="ให้เพิ่มเงื่อนไขเวลาตอบสนองเมื่อระบบขัดข้อง")
    assert case.current_step == "tor"
    case = write_tor(po, case)
    at(D(2026, 11, 2))
    case = deputy_approves(po, case, D(2026, 11, 2))
    assert case.current_step == "procure"

    # step 7: the method is checked against the median price (price quotation needs > 500,000)
    at(D(2026, 11, 4))
    assert "สอบราคา" in refused(procure, po, case, "price_quotation")
    case = procure(po, case)
    assert "ยังไม่ได้บันทึกสัญญา" in refused(award, po, case)
    case = act(somchai, case, "send_back", comment="ขอให้แนบใบเสนอราคาฉบับยืนยันราคา")
    assert case.current_step == "procure"
    case = procure(po, case)
    contract = sign_contract(po, case)
    at(D(2026, 11, 20))
    case = award(po, case, day=D(2026, 11, 20))
    assert case.current_step == "follow"
    project = project_for_case(case)
    assert project.contract_id == contract.id
    # once signed, the project's date is the contract's last installment
    assert case.due_on == D(2027, 2, 26)
    row = {r.id: r for r in plan_progress.item_rows(po.plan)}[po.item.id]
    assert row.step_no == 8

    # step 8: nothing can close before every installment is accepted
    assert "0 จาก 2 งวด" in refused(
        act, somchai, case, "close", data={"completed_on": D(2026, 11, 20), "summary": "x"}
    )
    # step 8 (1): reminding the contractor is recorded and the project stays at step 8
    at(D(2026, 12, 14))
    assert "เรื่องที่แจ้ง" in refused(act, somchai, case, "remind", data={"reminder_channel": "email"})
    case = act(
        somchai,
        case,
        "remind",
        data={
            "reminded_on": D(2026, 12, 14),
            "reminder_channel": "email",
            "reminder_note": "งวดที่ 1 ครบกำหนดส่งมอบวันที่ 21 ธ.ค. 2569",
        },
    )
    assert case.current_step == "follow"
    assert engine.history(case)[-1].values()["reminder_note"].startswith("งวดที่ 1")
    first, second = proc_contracts.installments(contract)
    at(D(2026, 12, 18))
    delivery = execution.record_delivery(
        somchai, first, brought_on=D(2026, 12, 18), letter_no="NS 001/2569"
    )
    execution.inspect(somchai, delivery, inspected_on=D(2026, 12, 18), votes=votes())
    execution.record_invoice(somchai, first, invoice_no="INV-001", received_on=D(2026, 12, 18))
    # the second installment is brought 5 days after its due date (26 Feb 2027, a Friday):
    # 27 Feb - 3 Mar = 5 calendar days at 0.10 % a day of the 225,000 baht not yet delivered
    at(D(2027, 3, 3))
    delivery = execution.record_delivery(somchai, second, brought_on=D(2027, 3, 3))
    at(D(2027, 3, 4))
    inspection = execution.inspect(somchai, delivery, inspected_on=D(2027, 3, 4), votes=votes())
    assert inspection.late_days == 5
    assert Decimal(inspection.penalty) == Decimal("1125.00")  # 225,000 × 0.001 × 5
    assert contracting.installment_status(case.id) == contracting.InstallmentStatus(2, 2)
    at(D(2027, 3, 5))
    case = act(
        somchai,
        case,
        "close",
        data={
            "completed_on": D(2027, 3, 4),
            "summary": "ตรวจรับครบ 2 งวด ค่าปรับงวดที่ 2 จำนวน 1,125 บาท",
        },
    )
    assert case.status == "closed"
    assert available_actions(somchai, case) == []
    row = {r.id: r for r in plan_progress.item_rows(po.plan)}[po.item.id]
    assert row.progress == "แล้วเสร็จ"

    # the report memo over the fiscal year reads the project back
    data, _name = REPORT.render(somchai, D(2026, 10, 1), D(2027, 9, 30))
    text = squash(pdf_text(data))
    assert squash("รายงานผลการดำเนินงานบำรุงรักษาระบบฮาร์ดแวร์และเครือข่าย") in text
    rows = [r for r in pdf_table_rows(data) if len(r) == 5]
    assert any(squash(po.item.title) in r[1] and "แล้วเสร็จ" in r[4] for r in rows)


def test_director_may_refuse_and_the_project_ends(po: ProjectOffice) -> None:
    somchai = po["somchai"]
    case = draft_spec(po, open_project(po))
    add_quotations(po, case, 1)
    case = ask_principle(po, case)
    case = act(
        somchai,
        case,
        "refuse",
        data={"director": po.office.director.id},
        comment="ให้รวมกับโครงการจัดซื้อเครื่องแม่ข่ายในไตรมาสที่ 2",
    )
    assert case.status == "closed"
    row = {r.id: r for r in plan_progress.item_rows(po.plan)}[po.item.id]
    assert row.progress == "ยุติโครงการ"


def test_case_forms_printed_and_read_back(po: ProjectOffice) -> None:
    somchai = po["somchai"]
    case = draft_spec(po, open_project(po))
    at(D(2026, 10, 9))
    # nothing to compare yet: the comparison is refused with a reason
    assert "ยังพิมพ์" in refused(engine.print_document, somchai, case.id, "comparison")
    add_quotations(po, case)
    case = ask_principle(po, case)

    data, name = engine.print_document(somchai, case.id, "comparison")
    assert name.endswith(".pdf")
    rows = pdf_table_rows(data)
    header = next(r for r in rows if r and r[0] == "ลำดับ")
    assert header[1:] == [
        "ผู้เสนอราคา",
        "เลขที่/วันที่",
        "ราคาก่อนภาษี",
        "ภาษีมูลค่าเพิ่ม",
        "รวมทั้งสิ้น",
        "ยืนราคาถึง",
    ]
    cheapest = next(r for r in rows if squash("บริษัท เน็ตเวิร์ค โซลูชั่น จำกัด") in r[1])
    assert cheapest[5] == squash(t("450,000.00"))

    data, _name = engine.print_document(somchai, case.id, "f1")
    text = squash(pdf_text(data))
    assert squash("ขออนุมัติหลักการและงบประมาณโครงการจ้างบำรุงรักษาระบบเครือข่ายและไฟร์วอลล์") in text
    assert squash(t("480,000.00")) in text and "สี่แสนแปดหมื่นบาทถ้วน" in text
    assert squash("ข้อ ๒๑") in text
    # signature chain: the staff member, the head's opinion, the Director's order
    assert squash("ความเห็นของ หน.ภทส.") in text and squash("คำสั่งผู้อำนวยการ") in text
    assert squash("(ศาสตราจารย์ ดร.สมศักดิ์ วิทยาพัฒน์)") in text
    members = [r for r in pdf_table_rows(data) if len(r) == 4 and r[0] != "ลำดับ"]
    assert [r[3] for r in members] == ["ประธานกรรมการ", "กรรมการ", "กรรมการและเลขานุการ"]

    at(D(2026, 10, 15))
    case = director_approves(po, case, D(2026, 10, 15))
    at(D(2026, 10, 27))
    case = write_tor(po, case)
    data, _name = engine.print_document(somchai, case.id, "f5a")
    text = squash(pdf_text(data))
    assert squash("แบบ บก.๐๖") in text
    assert squash("ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและรายละเอียดค่าใช้จ่าย") in text
    assert squash(t("450,000.00")) in text and "สี่แสนห้าหมื่นบาทถ้วน" in text
    assert squash("ใบเสนอราคาของบริษัท ไอทีเซอร์วิส จำกัด") in text
    assert text.count(squash("(ลงชื่อ)")) >= 3 or text.count("ลงชื่อ") >= 3

    at(D(2026, 11, 2))
    case = deputy_approves(po, case, D(2026, 11, 2))
    at(D(2026, 11, 4))
    case = procure(po, case)
    data, _name = engine.print_document(somchai, case.id, "f6")
    text = squash(pdf_text(data))
    assert squash("รายงานขอจ้าง") in text
    assert squash("วิธีเฉพาะเจาะจง") in text
    assert squash("ความเห็นของผู้มีอำนาจ") in text
    assert squash(t("450,000.00")) in text
