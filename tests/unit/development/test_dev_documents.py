"""Process 5's printed documents and registers, read back: the median-price table with its
subtotals and total in words, the selection report with every vendor's scores and the committee's
signature lines, the sign-in sheet, and both registers in print-register."""

from __future__ import annotations

import io

import pdfplumber
import peewee

from models import registers
from models.development import documents, records
from models.engine import get_case
from tests.unit.development.dev_office import make_dev_office, outsourced_to_contract


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def _cells(pdf: bytes) -> set[str]:
    """Every table cell's text, its wrapped lines joined."""
    found: set[str] = set()
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for table in page.extract_tables():
                for row in table:
                    found.update(_plain(cell) for cell in row if cell)
    return found


def _plain(text: str) -> str:
    return (
        text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")).replace(" ", "").replace("\n", "")
    )


def test_median_price_table_has_every_item_the_total_and_the_words(
    sqlite_db: peewee.Database,
) -> None:
    o = make_dev_office()
    case = outsourced_to_contract(o)
    from models.engine import reporting as rep

    pdf = rep.render_document(documents.median_price_memo(o["somchai"], get_case(case.id)))
    text = _plain(_text(pdf))
    cells = _cells(pdf)
    assert "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและรายละเอียดค่าใช้จ่าย" in text
    for item in ("นักวิเคราะห์ระบบ", "โปรแกรมเมอร์", "ใบอนุญาตฐานข้อมูล", "ค่าตอบแทนบุคลากร"):
        assert item in cells
    # 2 × 6 × 50,000 + 3 × 6 × 35,000 + 120,000 = 1,350,000
    assert "600,000.00" in text and "630,000.00" in text and "1,350,000.00" in text
    assert "หนึ่งล้านสามแสนห้าหมื่นบาทถ้วน" in text


def test_selection_report_lists_scores_price_in_words_and_committee_signatures(
    sqlite_db: peewee.Database,
) -> None:
    o = make_dev_office()
    case = outsourced_to_contract(o)
    pdf, name = documents.selection_report_pdf(o["somchai"], get_case(case.id))
    assert name.endswith(".pdf")
    text = _plain(_text(pdf))
    cells = _cells(pdf)
    assert "รายงานผลการคัดเลือกผู้รับจ้างพัฒนาระบบรับรองผลการประเมินออนไลน์" in text
    assert {"บริษัทซอฟต์แวร์ไทยจำกัด", "บริษัทดาต้าโซลูชั่นจำกัด", "ได้รับการคัดเลือก"} <= cells
    assert {"89", "79", "1,150,000.00", "1,190,000.00"} <= cells  # totals of scores, prices
    assert "1,150,000.00" in text and "หนึ่งล้านหนึ่งแสนห้าหมื่นบาทถ้วน" in text
    for member in ("นายสมชายใจดี", "นางสาวสมหญิงรักงาน", "นายมานะขยัน"):
        assert member in text
    assert "ประธานกรรมการ" in text and "กรรมการและเลขานุการ" in text


def test_sign_in_sheet_has_a_row_per_invited_person(sqlite_db: peewee.Database) -> None:
    o = make_dev_office()
    case = outsourced_to_contract(o)
    training = records.add_training(
        o["somchai"],
        case.id,
        held_on=case.received_on,
        place="ห้องประชุม 2",
        user_group="ผู้ประเมิน",
        invited=7,
    )
    pdf, _name = documents.sign_in_sheet_pdf(o["somchai"], training.id)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = _plain(doc.pages[0].extract_text() or "")
        tables = doc.pages[0].extract_tables()
    assert "ใบลงชื่อผู้เข้ารับการอบรม" in text and "ผู้ประเมิน" in text
    assert tables and len(tables[0]) >= 7 + 1  # the header and one row per invited


def test_both_registers_print_and_are_listed(sqlite_db: peewee.Database) -> None:
    o = make_dev_office()
    case = outsourced_to_contract(o)
    records.add_training(
        o["somchai"],
        case.id,
        held_on=case.received_on,
        place="ห้อง 2",
        user_group="ผู้ประเมิน",
        invited=10,
        attended=8,
    )
    names = {r.name for r in registers.all_registers()}
    assert {"development-projects", "trainings"} <= names
    pdf = registers.render_register("development-projects", None, None)
    assert "ทะเบียนโครงการพัฒนาระบบสารสนเทศ" in _plain(_text(pdf))
    cells = _cells(pdf)
    assert "ระบบรับรองผลการประเมินออนไลน์" in cells
    assert any(c.startswith("25/2570") for c in cells)
    pdf = registers.render_register("trainings", None, None)
    assert "ทะเบียนการอบรมผู้ใช้งานระบบสารสนเทศ" in _plain(_text(pdf))
    assert {"80%", "ยังไม่มี", "10", "8"} <= _cells(pdf)
