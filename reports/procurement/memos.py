"""Memos of a procurement case: F1 (approval of principle and budget, with the TOR committee),
F6 (รายงานขอซื้อขอจ้าง, ข้อ ๒๒) and F14 (รายงานผลการตรวจรับพัสดุ, signed by the committee).

    render_principle_memo(PrincipleMemo(head=MemoHead(...), project="...", ...)) -> bytes
    render_report22(Report22(head=..., ...)) -> bytes
    render_inspection_report(InspectionReport(head=..., ...)) -> bytes
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from reports.memo import Paragraph, Table, render_memo
from reports.procurement.common import (
    Member,
    MemoHead,
    amount,
    memo_of,
    render_committee_memo,
)
from reports.registers import TableColumn
from reports.thaifmt import date_long

REGULATION = "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐"
MEMBER_COLUMNS = [
    TableColumn("ลำดับ", 0.6, "center"),
    TableColumn("ชื่อ-สกุล", 2.5, keep=True),
    TableColumn("ตำแหน่ง", 2.5),
    TableColumn("หน้าที่", 2.2, keep=True),
]


def member_table(members: list[Member]) -> Table:
    rows = [[str(n), m.name, m.position, m.role] for n, m in enumerate(members, start=1)]
    return Table(MEMBER_COLUMNS, rows, font_size=15)


# --- F1 --------------------------------------------------------------------------------------


@dataclass
class PrincipleMemo:
    head: MemoHead
    project: str  # ชื่อโครงการ
    plan: str  # e.g. แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๗๐
    mission: str  # the office, e.g. ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร (ภทส.)
    reasons: list[str]  # problems and needs (เหตุผลความจำเป็น)
    budget: Decimal
    budget_source: str  # เงินงบประมาณ / เงินรายได้
    spec_summary: str  # ร่างข้อกำหนดโครงการ (summary; the file is attached)
    committee: list[Member]
    committee_due: dt.date | None = None
    market_prices: list[tuple[str, Decimal]] = field(default_factory=list)  # vendor, total


def principle_body(memo: PrincipleMemo) -> list[Paragraph | Table]:
    thai = memo.head.thai_digits
    body: list[Paragraph | Table] = [
        Paragraph(
            f"ด้วย{memo.mission} มีความจำเป็นต้องดำเนินโครงการ{memo.project} "
            f"ตาม{memo.plan} ด้วยเหตุผลและความจำเป็น ดังนี้"
        )
    ]
    body += [Paragraph(f"{n}. {reason}", level=1) for n, reason in enumerate(memo.reasons, 1)]
    body.append(
        Paragraph(
            f"โครงการนี้ใช้{memo.budget_source} วงเงินงบประมาณ {amount(memo.budget, thai=thai)} "
            f"โดยมีร่างข้อกำหนดโครงการโดยสรุป คือ {memo.spec_summary} รายละเอียดตามเอกสารแนบ"
        )
    )
    if memo.market_prices:
        listed = " ".join(
            f"{vendor} {amount(price, thai=thai)}" for vendor, price in memo.market_prices
        )
        body.append(
            Paragraph(
                f"ทั้งนี้ ได้สืบราคาจากผู้ประกอบการ จำนวน {len(memo.market_prices)} ราย ได้แก่ {listed}"
            )
        )
    body.append(
        Paragraph(
            f"เพื่อให้การดำเนินการเป็นไปตาม{REGULATION} ข้อ ๒๑ จึงขออนุมัติแต่งตั้ง"
            "คณะกรรมการจัดทำร่างขอบเขตของงานและราคากลาง ประกอบด้วย"
        )
    )
    body.append(member_table(memo.committee))
    due = (
        f" ให้แล้วเสร็จภายในวันที่ {date_long(memo.committee_due, thai=thai)}"
        if memo.committee_due
        else ""
    )
    body.append(
        Paragraph(
            "โดยให้คณะกรรมการมีอำนาจหน้าที่จัดทำร่างขอบเขตของงาน ราคากลาง "
            f"และหลักเกณฑ์การพิจารณาคัดเลือกข้อเสนอ{due}"
        )
    )
    body.append(
        Paragraph(
            "จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบ ขอได้โปรด ๑. อนุมัติหลักการและงบประมาณโครงการ"
            " ๒. อนุมัติแต่งตั้งคณะกรรมการจัดทำร่างขอบเขตของงานและราคากลางตามรายชื่อข้างต้น"
        )
    )
    return body


def render_principle_memo(memo: PrincipleMemo) -> bytes:
    subject = (
        f"ขออนุมัติหลักการและงบประมาณโครงการ{memo.project} "
        "และแต่งตั้งคณะกรรมการจัดทำร่างขอบเขตของงานและราคากลาง"
    )
    return render_memo(memo_of(memo.head, subject, principle_body(memo)))


# --- F6 --------------------------------------------------------------------------------------


@dataclass
class Report22:
    head: MemoHead  # signer: เจ้าหน้าที่; opinions: หัวหน้าเจ้าหน้าที่, ผู้มีอำนาจ
    nature: str  # ซื้อ / จ้าง / เช่า
    project: str
    reason: str  # ๑ เหตุผลและความจำเป็น
    scope: str  # ๒ รายละเอียดของพัสดุ / ขอบเขตของงาน
    median_price: Decimal  # ๓
    budget: Decimal  # ๔ วงเงิน
    budget_source: str
    delivery: str  # ๕ e.g. ภายใน ๙๐ วัน นับถัดจากวันลงนามในสัญญา
    method: str  # ๖ e.g. วิธีเฉพาะเจาะจง
    method_reason: str
    criteria: str  # ๗ เกณฑ์ราคา
    procurement_committee: list[Member] = field(default_factory=list)  # ๘
    inspection_committee: list[Member] = field(default_factory=list)


def report22_body(report: Report22) -> list[Paragraph | Table]:
    thai = report.head.thai_digits
    body: list[Paragraph | Table] = [
        Paragraph(
            f"ด้วยมีความประสงค์จะ{report.nature}{report.project} ซึ่งได้รับอนุมัติหลักการแล้ว "
            f"จึงขอรายงานขอ{report.nature}ตาม{REGULATION} ข้อ ๒๒ ดังนี้"
        ),
        Paragraph(f"๑. เหตุผลและความจำเป็นที่ต้อง{report.nature} {report.reason}", level=1),
        Paragraph(f"๒. รายละเอียดของพัสดุ/ขอบเขตของงาน {report.scope} ตามรายละเอียดที่แนบ", level=1),
        Paragraph(f"๓. ราคากลาง {amount(report.median_price, thai=thai)}", level=1),
        Paragraph(
            f"๔. วงเงินที่จะ{report.nature} {amount(report.budget, thai=thai)} "
            f"จาก{report.budget_source}",
            level=1,
        ),
        Paragraph(f"๕. กำหนดเวลาที่ต้องการใช้พัสดุหรือให้งานแล้วเสร็จ {report.delivery}", level=1),
        Paragraph(
            f"๖. วิธีที่จะ{report.nature} {report.method} เนื่องจาก{report.method_reason}", level=1
        ),
        Paragraph(f"๗. หลักเกณฑ์การพิจารณาคัดเลือกข้อเสนอ {report.criteria}", level=1),
        Paragraph("๘. ข้อเสนออื่น ๆ ขอแต่งตั้งคณะกรรมการ ดังนี้", level=1),
    ]
    if report.procurement_committee:
        body.append(Paragraph("คณะกรรมการซื้อหรือจ้าง", level=1))
        body.append(member_table(report.procurement_committee))
    if report.inspection_committee:
        body.append(Paragraph("คณะกรรมการตรวจรับพัสดุ ตามข้อ ๒๕ (๕)", level=1))
        body.append(member_table(report.inspection_committee))
    body.append(
        Paragraph(
            f"จึงเรียนมาเพื่อโปรดพิจารณา ๑. เห็นชอบในรายงานขอ{report.nature}ดังกล่าวข้างต้น "
            "๒. อนุมัติแต่งตั้งคณะกรรมการตามที่เสนอ"
        )
    )
    return body


def render_report22(report: Report22) -> bytes:
    subject = f"รายงานขอ{report.nature}{report.project}"
    return render_memo(memo_of(report.head, subject, report22_body(report)))


# --- F14 -------------------------------------------------------------------------------------


@dataclass
class InspectionReport:
    head: MemoHead  # recipient: the head of the agency; opinions: head officer, head (ทราบ)
    installment: int  # งวดที่
    project: str
    method: str
    contract_no: str
    contract_date: dt.date
    vendor: str
    price: Decimal
    installment_amount: Decimal
    letter_no: str
    letter_date: dt.date | None
    brought_on: dt.date
    inspected_on: dt.date
    result: str  # e.g. ถูกต้องครบถ้วน
    late_days: int
    penalty: Decimal
    committee: list[Member]
    approval_ref: str = ""  # รายงานขอซื้อขอจ้างที่ ... ลงวันที่ ...


def inspection_report_body(report: InspectionReport) -> list[Paragraph | Table]:
    thai = report.head.thai_digits
    letter = report.letter_no or "-"
    if report.letter_date:
        letter += f" ลงวันที่ {date_long(report.letter_date, thai=thai)}"
    timing = (
        f"ล่าช้ากว่ากำหนด {report.late_days} วัน ค่าปรับ {amount(report.penalty, thai=thai)}"
        if report.late_days > 0
        else "ภายในกำหนดเวลาตามสัญญา ไม่มีค่าปรับ"
    )
    approval = f" ตาม{report.approval_ref}" if report.approval_ref else ""
    return [
        Paragraph("๑. เรื่องเดิม", indent_first=False),
        Paragraph(
            f"ได้มีการจ้าง{report.project} โดย{report.method}{approval} "
            f"และได้ลงนามในสัญญาเลขที่ {report.contract_no} ลงวันที่ "
            f"{date_long(report.contract_date, thai=thai)} กับ{report.vendor} "
            f"เป็นเงิน {amount(report.price, thai=thai)}"
        ),
        Paragraph("๒. ข้อกฎหมายและระเบียบที่เกี่ยวข้อง", indent_first=False),
        Paragraph(
            f"{REGULATION} ข้อ ๑๗๕ (๔) เมื่อตรวจเห็นว่าถูกต้องครบถ้วนแล้ว ให้รับพัสดุไว้ "
            "และถือว่าผู้ขายหรือผู้รับจ้างได้ส่งมอบพัสดุถูกต้องครบถ้วนตั้งแต่วันที่ผู้ขายหรือผู้รับจ้าง"
            "นำพัสดุนั้นมาส่ง แล้วมอบแก่เจ้าหน้าที่ พร้อมกับทำใบตรวจรับโดยลงชื่อไว้เป็นหลักฐาน "
            "อย่างน้อย ๒ ฉบับ และรายงานให้หัวหน้าหน่วยงานของรัฐทราบ"
        ),
        Paragraph("๓. ข้อเท็จจริง", indent_first=False),
        Paragraph(
            f"ผู้รับจ้างได้ส่งมอบงานงวดที่ {report.installment} จำนวนเงิน "
            f"{amount(report.installment_amount, thai=thai)} ตามหนังสือส่งมอบงานที่ {letter} "
            f"โดยนำงานมาส่งเมื่อวันที่ {date_long(report.brought_on, thai=thai)} "
            f"คณะกรรมการได้ตรวจรับเมื่อวันที่ {date_long(report.inspected_on, thai=thai)} "
            f"ผลการตรวจรับ {report.result} {timing}"
        ),
        Paragraph("๔. ข้อพิจารณา", indent_first=False),
        Paragraph(
            "คณะกรรมการตรวจรับพัสดุได้ตรวจรับงานตามสัญญาและเอกสารแนบท้ายสัญญาแล้ว "
            "ใบตรวจรับลงนามโดยกรรมการทุกคน"
        ),
        Paragraph("๕. ข้อเสนอ", indent_first=False),
        Paragraph("จึงเรียนมาเพื่อโปรดทราบ และมอบผู้เกี่ยวข้องดำเนินการเบิกจ่ายเงินตามระเบียบต่อไป"),
    ]


def render_inspection_report(report: InspectionReport) -> bytes:
    subject = f"รายงานผลการตรวจรับพัสดุงานจ้างงวดที่ {report.installment} {report.project}"
    memo = memo_of(report.head, subject, inspection_report_body(report))
    return render_committee_memo(memo, report.committee)
