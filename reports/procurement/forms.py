"""Forms of a procurement case: F5a (แบบ บก.๐๖, the median-price table for work that is not
construction), the quotation comparison table, and F13 (ใบตรวจรับการจัดซื้อ/จัดจ้าง, a signature
line per committee member, printed in two copies).

    render_median_price(MedianPriceTable(...)) -> bytes
    render_quotation_comparison(QuotationComparison(...)) -> bytes
    render_inspection_record(InspectionRecord(...)) -> bytes
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.platypus import Flowable, Spacer

from reports import fonts
from reports.forms import (
    CENTRED,
    TEXT,
    TITLE,
    CommitteeSigner,
    FormDocument,
    FormTable,
    committee_signatures,
    form_story,
)
from reports.page import build_pdf, geometry, page_number_decoration
from reports.procurement.common import Member, amount, figures, signers
from reports.registers import TableColumn
from reports.textflow import TextStyle, ThaiParagraph
from reports.thaifmt import date_long, date_short, digits

RIGHT_LABEL = TextStyle(size=16, align="right", font="bold")


def _render(form: FormDocument, *, label: str = "", after: list[Flowable] | None = None) -> bytes:
    geo = geometry()
    story: list[Flowable] = []
    if label:
        story.append(ThaiParagraph(digits(label, form.thai_digits), RIGHT_LABEL))
    story += form_story(form, geo.text_width)
    story += after or []
    return build_pdf(
        story, geo, title=form.title, decorate=page_number_decoration(geo, thai=form.thai_digits)
    )


# --- F5a -------------------------------------------------------------------------------------


@dataclass
class PriceSource:
    description: str  # e.g. ใบเสนอราคาของบริษัท ... ลงวันที่ ...
    amount: Decimal | None = None


@dataclass
class MedianPriceTable:
    project: str
    items: int  # จำนวน ... รายการ
    owner: str  # หน่วยงานเจ้าของโครงการ
    budget: Decimal
    price_date: dt.date
    median_price: Decimal
    sources: list[PriceSource]
    people: list[Member]  # รายชื่อเจ้าหน้าที่ผู้กำหนดราคากลางทุกคน
    unit_price: Decimal | None = None
    thai_digits: bool = True


def median_price_form(table: MedianPriceTable) -> FormDocument:
    thai = table.thai_digits
    unit = (
        f" ราคา/หน่วย (ถ้ามี) {figures(table.unit_price, thai=thai)} บาท" if table.unit_price else ""
    )
    paragraphs = [
        f"๑. ชื่อโครงการ {table.project} (จำนวน {table.items} รายการ)",
        f"๒. หน่วยงานเจ้าของโครงการ {table.owner}",
        f"๓. วงเงินงบประมาณที่ได้รับจัดสรร {amount(table.budget, thai=thai)}",
        f"๔. วันที่กำหนดราคากลาง (ราคาอ้างอิง) ณ วันที่ {date_long(table.price_date, thai=thai)} "
        f"เป็นเงิน {amount(table.median_price, thai=thai)}{unit}",
        "๕. แหล่งที่มาของราคากลาง (ราคาอ้างอิง)",
    ]
    for n, source in enumerate(table.sources, start=1):
        money = f" เป็นเงิน {amount(source.amount, thai=thai)}" if source.amount is not None else ""
        paragraphs.append(f"๕.{n} {source.description}{money}")
    paragraphs.append("๖. รายชื่อเจ้าหน้าที่ผู้กำหนดราคากลาง (ราคาอ้างอิง) ทุกคน")
    for n, person in enumerate(table.people, start=1):
        paragraphs.append(f"๖.{n} {person.name} ตำแหน่ง {person.position} {person.role}")
    return FormDocument(
        title="ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและรายละเอียดค่าใช้จ่าย",
        subtitle="การจัดซื้อจัดจ้างที่มิใช่งานก่อสร้าง",
        paragraphs=paragraphs,
        committee=signers(table.people),
        thai_digits=thai,
    )


@fonts.one_font_choice
def render_median_price(table: MedianPriceTable) -> bytes:
    return _render(median_price_form(table), label="แบบ บก.๐๖")


# --- quotation comparison ----------------------------------------------------------------------


@dataclass
class QuotationRow:
    vendor: str
    quote_no: str
    quoted_on: dt.date
    amount_before_vat: Decimal
    vat: Decimal
    total: Decimal
    valid_until: dt.date


@dataclass
class QuotationComparison:
    project: str
    office: str
    rows: list[QuotationRow]
    prepared_by: str = ""
    prepared_position: str = ""
    date: dt.date | None = None
    thai_digits: bool = True


COMPARISON_COLUMNS = [
    TableColumn("ลำดับ", 0.5, "center"),
    TableColumn("ผู้เสนอราคา", 2.4, keep=True),
    TableColumn("เลขที่/วันที่", 1.5, keep=True),
    TableColumn("ราคาก่อนภาษี", 1.5, "right"),
    TableColumn("ภาษีมูลค่าเพิ่ม", 1.4, "right"),
    TableColumn("รวมทั้งสิ้น", 1.5, "right"),
    TableColumn("ยืนราคาถึง", 1.3, keep=True),
]


def comparison_form(comparison: QuotationComparison) -> FormDocument:
    thai = comparison.thai_digits
    rows = [
        [
            str(n),
            r.vendor,
            f"{r.quote_no}\n{date_short(r.quoted_on, thai=thai)}",
            figures(r.amount_before_vat, thai=thai),
            figures(r.vat, thai=thai),
            figures(r.total, thai=thai),
            date_short(r.valid_until, thai=thai),
        ]
        for n, r in enumerate(comparison.rows, start=1)
    ]
    return FormDocument(
        title="ตารางเปรียบเทียบใบเสนอราคา",
        office=comparison.office,
        subtitle=f"โครงการ{comparison.project}",
        date=comparison.date,
        table=FormTable(COMPARISON_COLUMNS, rows, font_size=13),
        thai_digits=thai,
    )


def comparison_summary(comparison: QuotationComparison) -> str:
    """The line under the table: the lowest offer, in figures and in words (amounts in baht)."""
    if not comparison.rows:
        return "ยังไม่มีใบเสนอราคา"
    lowest = min(comparison.rows, key=lambda r: r.total)
    return (
        f"หมายเหตุ จำนวนเงินในตารางเป็นบาท ผู้เสนอราคาต่ำสุด คือ {lowest.vendor} "
        f"เสนอราคารวมภาษีมูลค่าเพิ่มเป็นเงิน {amount(lowest.total, thai=comparison.thai_digits)}"
    )


@fonts.one_font_choice
def render_quotation_comparison(comparison: QuotationComparison) -> bytes:
    thai = comparison.thai_digits
    after: list[Flowable] = [ThaiParagraph(digits(comparison_summary(comparison), thai), TEXT)]
    after += committee_signatures(
        [CommitteeSigner(comparison.prepared_by, "ผู้จัดทำ", comparison.prepared_position)], thai
    )
    return _render(comparison_form(comparison), after=after)


# --- F13 -------------------------------------------------------------------------------------


@dataclass
class InspectionRecord:
    date: dt.date  # วันที่ตรวจรับ
    agency: str
    contract_no: str
    contract_date: dt.date
    vendor: str
    project: str
    budget_source: str  # โดยใช้เงิน ...
    price: Decimal
    installment: int
    letter_no: str
    letter_date: dt.date | None
    brought_on: dt.date
    result: str  # ถูกต้องครบถ้วน / ถูกต้องบางส่วน / ไม่ถูกต้อง
    late_days: int
    rate_text: str  # e.g. ร้อยละ ๐.๑๐ ต่อวัน ของราคางานที่ยังไม่ได้ส่งมอบ
    penalty: Decimal
    payment: Decimal
    committee: list[Member] = field(default_factory=list)
    thai_digits: bool = True


def inspection_paragraphs(record: InspectionRecord) -> list[str]:
    thai = record.thai_digits
    letter = record.letter_no or "-"
    if record.letter_date:
        letter += f" ลงวันที่ {date_long(record.letter_date, thai=thai)}"
    penalty = (
        f"ล่าช้า {record.late_days} วัน อัตรา{record.rate_text} "
        f"เป็นเงิน {amount(record.penalty, thai=thai)}"
        if record.penalty > 0
        else "ไม่มี"
    )
    return [
        f"ตามสัญญาเลขที่ {record.contract_no} ลงวันที่ {date_long(record.contract_date, thai=thai)} "
        f"{record.agency} ได้ตกลงจ้างกับ{record.vendor} สำหรับโครงการ{record.project} "
        f"โดยใช้{record.budget_source} เป็นจำนวนเงินทั้งสิ้น {amount(record.price, thai=thai)} "
        f"งวดที่ {record.installment} ตามหนังสือส่งมอบงานที่ {letter} "
        f"วันที่ผู้รับจ้างนำมาส่ง {date_long(record.brought_on, thai=thai)}",
        "คณะกรรมการตรวจรับพัสดุได้ตรวจรับงานแล้ว ผลปรากฏดังนี้",
        f"๑. ผลการตรวจรับ {record.result}",
        f"๒. ค่าปรับ {penalty}",
        f"๓. การเบิกจ่ายเงิน {amount(record.payment, thai=thai)}",
        "จึงลงนามไว้เป็นหลักฐาน ทำไว้ ๒ ฉบับ (มอบผู้รับจ้าง ๑ ฉบับ เจ้าหน้าที่ ๑ ฉบับ)",
    ]


@fonts.one_font_choice
def render_inspection_record(record: InspectionRecord) -> bytes:
    form = FormDocument(
        title="ใบตรวจรับการจัดซื้อ/จัดจ้าง",
        date=record.date,
        paragraphs=inspection_paragraphs(record),
        thai_digits=record.thai_digits,
    )
    heading = ThaiParagraph(
        digits("คณะกรรมการตรวจรับพัสดุ", record.thai_digits), CENTRED.with_(font="bold")
    )
    after: list[Flowable] = [Spacer(1, 6), heading]
    after += committee_signatures(signers(record.committee), record.thai_digits)
    return _render(form, after=after)


__all__ = [
    "TEXT",
    "TITLE",
    "InspectionRecord",
    "MedianPriceTable",
    "PriceSource",
    "QuotationComparison",
    "QuotationRow",
    "render_inspection_record",
    "render_median_price",
    "render_quotation_comparison",
]
