"""Every printed procurement form read back: text in order, table columns, a signature line per
committee member, amounts in figures and in Thai words (Thai digits on by default)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from reports.letter import Contact
from reports.memo import OpinionBlock
from reports.procurement.common import Member, MemoHead
from reports.procurement.forms import (
    InspectionRecord,
    MedianPriceTable,
    PriceSource,
    QuotationComparison,
    QuotationRow,
    render_inspection_record,
    render_median_price,
    render_quotation_comparison,
)
from reports.procurement.letters import PenaltyLetter, render_penalty_letter
from reports.procurement.memos import (
    InspectionReport,
    PrincipleMemo,
    Report22,
    render_inspection_report,
    render_principle_memo,
    render_report22,
)
from reports.thaifmt import arabic_digits
from tests.unit.reports_helpers import pages, pdftotext, squash

D = dt.date
COMMITTEE = [
    Member("นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", "ประธานกรรมการ"),
    Member("นางสาวสมหญิง รักงาน", "นักวิชาการพัสดุ", "กรรมการ"),
    Member("นายมานะ ขยัน", "เจ้าหน้าที่บริหารงานทั่วไป", "กรรมการและเลขานุการ"),
]


def head(**over: object) -> MemoHead:
    values: dict[str, object] = {
        "department": "ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร โทร. ๑๒๓๔",
        "number": "ภทส. 045/2570",
        "date": D(2026, 10, 20),
        "recipient": "ผู้อำนวยการ",
        "signer_name": "นายวิชัย ช่างคิด",
        "signer_position": "นักวิชาการคอมพิวเตอร์",
    }
    values.update(over)
    return MemoHead(**values)  # type: ignore[arg-type]


def text_of(pdf: bytes) -> str:
    """The text with Arabic digits and no whitespace (checks do not depend on line breaks)."""
    return squash(arabic_digits(pdftotext(pdf)))


def tables(pdf: bytes) -> list[list[str]]:
    """Every table row of the document, cells with Arabic digits and no whitespace."""
    rows: list[list[str]] = []
    for page in pages(pdf):
        for table in page.extract_tables():
            rows += [[squash(arabic_digits(cell or "")) for cell in row] for row in table]
    return rows


def signature_lines(pdf: bytes) -> list[str]:
    """The roles printed after each ``ลงชื่อ ....`` line, in reading order (left, then right)."""
    roles = "ประธานกรรมการ|กรรมการและเลขานุการ|กรรมการ|ผู้จัดทำ"
    found: list[str] = []
    for line in pdftotext(pdf, "-layout").splitlines():
        found += re.findall(rf"ลงชื่อ\s+({roles})(?!\S)", line)
    return found


def in_order(text: str, *parts: str) -> None:
    at = 0
    for part in parts:
        found = text.find(squash(part), at)
        assert found >= 0, f"{part!r} missing or out of order"
        at = found + 1


def test_f1_principle_memo() -> None:
    pdf = render_principle_memo(
        PrincipleMemo(
            head=head(
                opinions=[OpinionBlock("ความเห็นของผู้อำนวยการ", 2, "นายใหญ่ ใจกว้าง", "ผู้อำนวยการ")]
            ),
            project="จ้างบำรุงรักษาระบบเครือข่าย",
            plan="แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570",
            mission="ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร",
            reasons=["อุปกรณ์เครือข่ายหมดระยะรับประกัน", "เกิดเหตุขัดข้องบ่อย"],
            budget=Decimal("480000.00"),
            budget_source="เงินงบประมาณ",
            spec_summary="บำรุงรักษาอุปกรณ์ 24 รายการ 12 เดือน",
            committee=COMMITTEE,
            committee_due=D(2026, 11, 30),
            market_prices=[
                ("บริษัท ก จำกัด", Decimal("480000")),
                ("บริษัท ข จำกัด", Decimal("495000.50")),
            ],
        )
    )
    raw = pdftotext(pdf)
    assert "๔๘๐,๐๐๐.๐๐" in raw  # Thai digits on paper
    text = text_of(pdf)
    in_order(
        text,
        "บันทึกข้อความ",
        "เรื่อง",
        "ขออนุมัติหลักการและงบประมาณโครงการจ้างบำรุงรักษาระบบเครือข่าย",
        "1. อุปกรณ์เครือข่ายหมดระยะรับประกัน",
        "480,000.00 บาท (สี่แสนแปดหมื่นบาทถ้วน)",
        "495,000.50 บาท (สี่แสนเก้าหมื่นห้าพันบาทห้าสิบสตางค์)",
        "ข้อ 21",
        "30 พฤศจิกายน 2569",
        "จึงเรียนมาเพื่อโปรดพิจารณา",
        "(นายวิชัย ช่างคิด)",
        "ความเห็นของผู้อำนวยการ",
        "(นายใหญ่ ใจกว้าง)",
    )
    assert tables(pdf) == [
        ["ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "หน้าที่"],
        ["1", "นายสมชายใจดี", "นักวิชาการคอมพิวเตอร์", "ประธานกรรมการ"],
        ["2", "นางสาวสมหญิงรักงาน", "นักวิชาการพัสดุ", "กรรมการ"],
        ["3", "นายมานะขยัน", "เจ้าหน้าที่บริหารงานทั่วไป", "กรรมการและเลขานุการ"],
    ]


def test_f6_report22() -> None:
    pdf = render_report22(
        Report22(
            head=head(
                recipient="ผู้อำนวยการ",
                opinions=[
                    OpinionBlock("ความเห็นของหัวหน้าเจ้าหน้าที่", 2, "นางพัสดุ ดี", "หัวหน้าเจ้าหน้าที่"),
                    OpinionBlock("เห็นชอบ/อนุมัติ", 1, "นายใหญ่ ใจกว้าง", "ผู้อำนวยการ"),
                ],
            ),
            nature="จ้าง",
            project="บำรุงรักษาระบบเครือข่าย",
            reason="อุปกรณ์หมดระยะรับประกัน",
            scope="บำรุงรักษา 12 เดือน",
            median_price=Decimal("480000"),
            budget=Decimal("480000"),
            budget_source="เงินงบประมาณ ปี 2570",
            delivery="ภายใน 365 วัน นับถัดจากวันลงนามในสัญญา",
            method="วิธีเฉพาะเจาะจง",
            method_reason="วงเงินไม่เกิน 500,000 บาท ตามมาตรา 56(2)(ข)",
            criteria="เกณฑ์ราคา",
            inspection_committee=COMMITTEE,
        )
    )
    text = text_of(pdf)
    in_order(
        text,
        "รายงานขอจ้างบำรุงรักษาระบบเครือข่าย",
        "ข้อ 22",
        "1. เหตุผลและความจำเป็น",
        "2. รายละเอียดของพัสดุ",
        "3. ราคากลาง 480,000.00 บาท (สี่แสนแปดหมื่นบาทถ้วน)",
        "4. วงเงินที่จะจ้าง",
        "5. กำหนดเวลา",
        "6. วิธีที่จะจ้าง วิธีเฉพาะเจาะจง",
        "7. หลักเกณฑ์การพิจารณาคัดเลือกข้อเสนอ เกณฑ์ราคา",
        "8. ข้อเสนออื่น",
        "คณะกรรมการตรวจรับพัสดุ",
        "เห็นชอบในรายงานขอจ้าง",
        "(นายวิชัย ช่างคิด)",
        "ความเห็นของหัวหน้าเจ้าหน้าที่",
        "เห็นชอบ/อนุมัติ",
        "(นายใหญ่ ใจกว้าง)",
    )
    names = [row[1] for row in tables(pdf)]
    assert names[0] == "ชื่อ-สกุล"  # the header (repeated when the table runs onto a new page)
    assert [n for n in names if n != "ชื่อ-สกุล"] == [
        "นายสมชายใจดี",
        "นางสาวสมหญิงรักงาน",
        "นายมานะขยัน",
    ]


def test_f5a_median_price_table() -> None:
    pdf = render_median_price(
        MedianPriceTable(
            project="จ้างบำรุงรักษาระบบเครือข่าย",
            items=1,
            owner="ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร",
            budget=Decimal("500000"),
            price_date=D(2026, 11, 10),
            median_price=Decimal("485000"),
            sources=[
                PriceSource("ใบเสนอราคาของบริษัท ก จำกัด ลงวันที่ 10 ตุลาคม 2569", Decimal("480000")),
                PriceSource("ราคาที่เคยจ้างครั้งหลังสุดภายในสองปีงบประมาณ", Decimal("490000")),
            ],
            people=COMMITTEE,
        )
    )
    page = pages(pdf)[0]
    label = [w for w in page.extract_words() if arabic_digits(w["text"]).startswith("บก.")]
    assert label and label[0]["x0"] > page.width / 2  # the form label sits top right
    text = text_of(pdf)
    in_order(
        text,
        "แบบ บก.06",
        "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและรายละเอียดค่าใช้จ่าย",
        "การจัดซื้อจัดจ้างที่มิใช่งานก่อสร้าง",
        "1. ชื่อโครงการ จ้างบำรุงรักษาระบบเครือข่าย (จำนวน 1 รายการ)",
        "2. หน่วยงานเจ้าของโครงการ",
        "3. วงเงินงบประมาณที่ได้รับจัดสรร 500,000.00 บาท (ห้าแสนบาทถ้วน)",
        "4. วันที่กำหนดราคากลาง (ราคาอ้างอิง) ณ วันที่ 10 พฤศจิกายน 2569",
        "485,000.00 บาท (สี่แสนแปดหมื่นห้าพันบาทถ้วน)",
        "5. แหล่งที่มาของราคากลาง",
        "5.1 ใบเสนอราคาของบริษัท ก จำกัด",
        "5.2 ราคาที่เคยจ้าง",
        "6. รายชื่อเจ้าหน้าที่ผู้กำหนดราคากลาง",
        "6.3 นายมานะ ขยัน",
    )
    # One signature line per person.
    assert signature_lines(pdf) == ["ประธานกรรมการ", "กรรมการ", "กรรมการและเลขานุการ"]
    in_order(text, "(นายสมชาย ใจดี)", "(นางสาวสมหญิง รักงาน)", "(นายมานะ ขยัน)")


def test_quotation_comparison() -> None:
    rows = [
        QuotationRow(
            "บริษัท ก จำกัด",
            "QT-1",
            D(2026, 10, 10),
            Decimal("448598.13"),
            Decimal("31401.87"),
            Decimal("480000.00"),
            D(2026, 11, 9),
        ),
        QuotationRow(
            "บริษัท ข จำกัด",
            "Q-77",
            D(2026, 10, 11),
            Decimal("462616.82"),
            Decimal("32383.18"),
            Decimal("495000.00"),
            D(2026, 11, 10),
        ),
    ]
    pdf = render_quotation_comparison(
        QuotationComparison(
            project="จ้างบำรุงรักษาระบบเครือข่าย",
            office="ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร",
            rows=rows,
            prepared_by="นายวิชัย ช่างคิด",
            prepared_position="นักวิชาการคอมพิวเตอร์",
            thai_digits=False,
        )
    )
    text = text_of(pdf)
    in_order(
        text,
        "ตารางเปรียบเทียบใบเสนอราคา",
        "โครงการจ้างบำรุงรักษาระบบเครือข่าย",
        "ผู้เสนอราคาต่ำสุด คือ บริษัท ก จำกัด",
        "480,000.00 บาท (สี่แสนแปดหมื่นบาทถ้วน)",
        "(นายวิชัย ช่างคิด)",
    )
    assert signature_lines(pdf) == ["ผู้จัดทำ"]
    assert tables(pdf) == [
        ["ลำดับ", "ผู้เสนอราคา", "เลขที่/วันที่", "ราคาก่อนภาษี", "ภาษีมูลค่าเพิ่ม", "รวมทั้งสิ้น", "ยืนราคาถึง"],
        ["1", "บริษัทกจำกัด", "QT-110ต.ค.2569", "448,598.13", "31,401.87", "480,000.00", "9พ.ย.2569"],
        ["2", "บริษัทขจำกัด", "Q-7711ต.ค.2569", "462,616.82", "32,383.18", "495,000.00", "10พ.ย.2569"],
    ]
    # The amounts stand right-aligned in their column: their right edges line up.
    words = pages(pdf)[0].extract_words()
    totals = [w for w in words if w["text"] in ("480,000.00", "495,000.00")]
    assert len({round(w["x1"]) for w in totals[:2]}) == 1


def test_f13_inspection_record_has_a_signature_line_per_member() -> None:
    pdf = render_inspection_record(
        InspectionRecord(
            date=D(2027, 4, 12),
            agency="สำนักงานทดสอบ",
            contract_no="12/2570",
            contract_date=D(2026, 11, 2),
            vendor="บริษัท ก จำกัด",
            project="จ้างบำรุงรักษาระบบเครือข่าย",
            budget_source="เงินงบประมาณ",
            price=Decimal("480000"),
            installment=2,
            letter_no="NS-02",
            letter_date=D(2027, 4, 10),
            brought_on=D(2027, 4, 10),
            result="ถูกต้องครบถ้วน",
            late_days=10,
            rate_text="ร้อยละ 0.10 ต่อวัน ของราคางานที่ยังไม่ได้ส่งมอบ",
            penalty=Decimal("2400"),
            payment=Decimal("237600"),
            committee=COMMITTEE,
        )
    )
    text = text_of(pdf)
    in_order(
        text,
        "ใบตรวจรับการจัดซื้อ/จัดจ้าง",
        "วันที่ 12 เมษายน 2570",
        "สัญญาเลขที่ 12/2570",
        "งวดที่ 2",
        "วันที่ผู้รับจ้างนำมาส่ง 10 เมษายน 2570",
        "1. ผลการตรวจรับ ถูกต้องครบถ้วน",
        "2. ค่าปรับ ล่าช้า 10 วัน",
        "2,400.00 บาท (สองพันสี่ร้อยบาทถ้วน)",
        "3. การเบิกจ่ายเงิน 237,600.00 บาท (สองแสนสามหมื่นเจ็ดพันหกร้อยบาทถ้วน)",
        "2 ฉบับ",
    )
    assert signature_lines(pdf) == ["ประธานกรรมการ", "กรรมการ", "กรรมการและเลขานุการ"]
    in_order(
        text,
        "(นายสมชาย ใจดี)",
        "(นางสาวสมหญิง รักงาน)",
        "(นายมานะ ขยัน)",
    )


def test_f14_inspection_report_memo_signed_by_the_committee() -> None:
    pdf = render_inspection_report(
        InspectionReport(
            head=head(
                recipient="ผู้อำนวยการ",
                opinions=[OpinionBlock("ทราบ", 1, "นายใหญ่ ใจกว้าง", "ผู้อำนวยการ")],
            ),
            installment=2,
            project="บำรุงรักษาระบบเครือข่าย",
            method="วิธีเฉพาะเจาะจง",
            contract_no="12/2570",
            contract_date=D(2026, 11, 2),
            vendor="บริษัท ก จำกัด",
            price=Decimal("480000"),
            installment_amount=Decimal("240000"),
            letter_no="NS-02",
            letter_date=D(2027, 4, 10),
            brought_on=D(2027, 4, 10),
            inspected_on=D(2027, 4, 12),
            result="ถูกต้องครบถ้วน",
            late_days=10,
            penalty=Decimal("2400"),
            committee=COMMITTEE,
        )
    )
    text = text_of(pdf)
    in_order(
        text,
        "รายงานผลการตรวจรับพัสดุงานจ้างงวดที่ 2",
        "1. เรื่องเดิม",
        "480,000.00 บาท (สี่แสนแปดหมื่นบาทถ้วน)",
        "2. ข้อกฎหมายและระเบียบที่เกี่ยวข้อง",
        "ข้อ 175 (4)",
        "3. ข้อเท็จจริง",
        "ล่าช้ากว่ากำหนด 10 วัน",
        "2,400.00 บาท (สองพันสี่ร้อยบาทถ้วน)",
        "4. ข้อพิจารณา",
        "5. ข้อเสนอ",
        "(นายสมชาย ใจดี)",
        "(นายมานะ ขยัน)",
        "ทราบ",
        "(นายใหญ่ ใจกว้าง)",
    )
    assert signature_lines(pdf) == ["ประธานกรรมการ", "กรรมการ", "กรรมการและเลขานุการ"]
    assert "(นายวิชัย ช่างคิด)" not in text  # the committee signs, not the memo's writer


def test_f15_penalty_letter_with_the_ten_percent_warning() -> None:
    def letter(pct: str) -> str:
        return text_of(
            render_penalty_letter(
                PenaltyLetter(
                    number="ศธ 1234/567",
                    agency="สำนักงานทดสอบ",
                    address="กรุงเทพฯ 10400",
                    date=D(2027, 4, 1),
                    vendor="บริษัท ก จำกัด",
                    contract_no="12/2570",
                    contract_date=D(2026, 11, 2),
                    project="บำรุงรักษาระบบเครือข่าย",
                    installment=2,
                    due_on=D(2027, 3, 31),
                    brought_on=None,
                    late_days=1,
                    rate_pct=Decimal("0.1000"),
                    base=Decimal("240000"),
                    per_day=Decimal("240"),
                    penalty=Decimal("240"),
                    pct_of_price=Decimal(pct),
                    warning_pct=Decimal("10"),
                    signer_name="นายใหญ่ ใจกว้าง",
                    signer_position="ผู้อำนวยการ",
                    contact=Contact("ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร", "0 2123 4567"),
                )
            )
        )

    text = letter("0.05")
    in_order(
        text,
        "ที่ ศธ 1234/567",
        "เรื่อง แจ้งสงวนสิทธิ์เรียกค่าปรับงานงวดที่ 2 ตามสัญญาเลขที่ 12/2570",
        "เรียน กรรมการผู้จัดการ บริษัท ก จำกัด",
        "อ้างถึง",
        "ภายในวันที่ 31 มีนาคม 2570",
        "ล่าช้ากว่ากำหนด 1 วัน",
        "ร้อยละ 0.1 ต่อวัน",
        "240,000.00 บาท (สองแสนสี่หมื่นบาทถ้วน)",
        "วันละ 240.00 บาท (สองร้อยสี่สิบบาทถ้วน)",
        "ขอแสดงความนับถือ",
        "(นายใหญ่ ใจกว้าง)",
    )
    assert "บอกเลิกสัญญา" not in text
    assert "เกินร้อยละ10ของราคาตามสัญญาแล้ว" in letter("10.5")
