"""Forms and registers printed from the records: F13, F14, F15 from a late installment, the
contract and incident registers (print-register and .xlsx), read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from models import registers
from models.errors import ValidationError
from models.procurement import contracts, documents, execution, incidents
from models.procurement import registers as proc_registers
from reports.thaifmt import arabic_digits
from tests.unit.procurement.helpers import D, at, contract, inspection_committee, vendor, votes
from tests.unit.reports_helpers import pdftotext, squash


def text(pdf: bytes) -> str:
    return squash(arabic_digits(pdftotext(pdf)))


def late_contract(make_user: Any) -> tuple[Any, Any, Any]:
    staff, head = make_user("staff"), make_user("head")
    at(D(2027, 4, 5))
    c = contract(staff, vendor(staff), inspection_committee(head))
    first, second = contracts.installments(c)
    d = execution.record_delivery(staff, first, brought_on=D(2027, 1, 28), letter_no="NS-01")
    execution.inspect(staff, d, inspected_on=D(2027, 2, 1), votes=votes())
    return staff, c, second


def test_penalty_letter_and_inspection_forms(sqlite_db: Any, make_user: Any) -> None:
    staff, c, second = late_contract(make_user)
    # 5 days late on 5 April: 5 x 240 = 1,200 so far.
    pdf, name = documents.penalty_letter_pdf(staff, second.id)
    assert name == "penalty-12-2570-2.pdf"
    letter = text(pdf)
    assert squash("ล่าช้ากว่ากำหนด 5 วัน") in letter
    assert squash("1,200.00 บาท (หนึ่งพันสองร้อยบาทถ้วน)") in letter
    assert squash("บริษัท เน็ตเวิร์ค โซลูชั่น จำกัด") in letter
    with pytest.raises(ValidationError):
        documents.penalty_letter_pdf(staff, contracts.installments(c)[0].id)
    at(D(2027, 4, 12))
    d = execution.record_delivery(staff, second, brought_on=D(2027, 4, 10), letter_no="NS-02")
    inspection = execution.inspect(staff, d, inspected_on=D(2027, 4, 12), votes=votes())
    record, _name = documents.inspection_record_pdf(staff, inspection.id)
    body = text(record)
    assert squash("ใบตรวจรับการจัดซื้อ/จัดจ้าง") in body
    assert squash("2. ค่าปรับ ล่าช้า 10 วัน อัตราร้อยละ 0.1 ต่อวัน") in body
    assert squash("2,400.00 บาท (สองพันสี่ร้อยบาทถ้วน)") in body
    assert squash("237,600.00 บาท") in body  # paid: 240,000 less the penalty
    assert body.count("ลงชื่อ") == 3
    report, _name = documents.inspection_report_pdf(staff, inspection.id)
    memo = text(report)
    assert squash("รายงานผลการตรวจรับพัสดุงานจ้างงวดที่ 2") in memo
    assert squash("(นายมานะ ขยัน)") in memo


def test_registers_listed_printed_and_exported(
    sqlite_db: Any, make_user: Any, tmp_path: Path
) -> None:
    staff, c, _second = late_contract(make_user)
    incidents.open_incident(
        staff, contract_id=c.id, system="ไฟร์วอลล์", down_since=dt.datetime(2027, 4, 1, 9, 0)
    )
    names = {d.name for d in registers.all_registers()}
    assert {"contracts", "incidents"} <= names
    rows = proc_registers.contract_rows(None, None)
    assert rows[0]["number"] == "12/2570" and rows[0]["installments"] == "1/2"
    pdf = registers.render_register("contracts", D(2026, 10, 1), D(2027, 9, 30))
    printed = text(pdf)
    assert squash("ทะเบียนสัญญา") in printed and "12/2570" in printed
    assert squash("480,000.00") in printed
    pdf = registers.render_register("incidents", None, None)
    assert squash("ไฟร์วอลล์") in text(pdf) and squash("ยังขัดข้อง") in text(pdf)
    path = tmp_path / "contracts.xlsx"
    assert proc_registers.export_register(staff, "contracts", path) == 1
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "ทะเบียนสัญญา"
    header = [cell.value for cell in sheet[3]]
    assert header[:3] == ["ลำดับ", "เลขที่สัญญา", "วันที่ลงนาม"]
    assert [cell.value for cell in sheet[4]][1] == "12/2570"
