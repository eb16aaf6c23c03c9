"""Process 5's printed documents, assembled from its records in Thai:

- the software-development median price (ราคากลาง): the official บก.๐๕ layout is not confirmed
  (PROCUREMENT.md F5b), so this prints the table the office can adapt — personnel by role with
  headcount, months and monthly rate, equipment, licences and other costs, subtotals, the total in
  figures and in words;
- the selection report (รายงานผลการคัดเลือก, F8): every vendor's scores and offered price, the one
  selected with the price in words, the reason and the criteria, signed by the procurement
  committee's members (or by the staff member who prints it when no committee is named);
- the sign-in sheet of a training session (ใบลงชื่อผู้เข้ารับการอบรม, F17) with blank rows for the
  invited.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from models import clock
from models.base import Actor
from models.development import records
from models.development.records import COST_KIND_LABELS, CostKind, DevProject
from models.engine import Case
from models.engine import reporting as rep
from models.errors import ValidationError
from models.i18n import _, document_language
from models.org import Committee, Vendor
from models.permissions import Permission, require
from models.procurement import quotations as proc_quotations
from models.procurement.documents import members_for_print

if TYPE_CHECKING:
    from reports.memo import Memo, Paragraph, Table


def _money(value: Decimal, thai: bool) -> str:
    from reports.thaifmt import number

    return number(value, decimals=2, thai=thai)


def _words(value: Decimal) -> str:
    from reports.thaifmt import baht_text

    return baht_text(value)


def _detail(case: Case) -> DevProject:
    return DevProject.get(DevProject.case == case.id)


def median_price_memo(actor: Actor | None, case: Case) -> Memo:
    from reports.memo import Paragraph, Table
    from reports.registers import TableColumn

    items = records.cost_items(case.id)
    if not items:
        raise ValidationError(_("ยังไม่มีรายการค่าใช้จ่ายของราคากลาง"))
    detail = _detail(case)
    paper = rep.office_paper()
    total = sum((i.amount for i in items), Decimal("0.00"))
    rows: list[list[str]] = []
    seq = 0
    for kind in (CostKind.PERSONNEL, CostKind.EQUIPMENT, CostKind.LICENCE, CostKind.OTHER):
        group = [i for i in items if i.kind == kind]
        if not group:
            continue
        subtotal = sum((i.amount for i in group), Decimal("0.00"))
        rows.append(["", _(COST_KIND_LABELS[kind]), "", "", "", _money(subtotal, False)])
        for item in group:
            seq += 1
            months = f"{Decimal(item.months).normalize():f}" if kind == CostKind.PERSONNEL else "-"
            rows.append(
                [
                    str(seq),
                    item.description,
                    str(item.quantity),
                    months,
                    _money(Decimal(item.rate), False),
                    _money(item.amount, False),
                ]
            )
    rows.append(["", _("รวมทั้งสิ้น"), "", "", "", _money(total, False)])
    day = detail.median_price_on or clock.today()
    body: list[Paragraph | Table] = [
        Paragraph(
            _(
                "๑. ชื่อโครงการ {title} ๒. หน่วยงานเจ้าของโครงการ {who} "
                "๓. วันที่กำหนดราคากลาง (ราคาอ้างอิง) {day} เป็นเงิน {total} บาท ({words})"
            ).format(
                title=case.title,
                who=paper.mission_short or paper.mission,
                day=rep.table_date(day),
                total=_money(total, False),
                words=_words(total),
            )
        ),
        Paragraph(_("๔. รายละเอียดค่าใช้จ่าย ดังตารางต่อไปนี้"), indent_first=True),
        Table(
            [
                TableColumn(_("ลำดับ"), 0.6, "center"),
                TableColumn(_("รายการ"), 5.2),
                TableColumn(_("คน/หน่วย"), 1.0, "center"),
                TableColumn(_("เดือน"), 0.8, "center"),
                TableColumn(_("อัตรา (บาท)"), 1.7, "right"),
                TableColumn(_("จำนวนเงิน (บาท)"), 2.0, "right"),
            ],
            rows,
            font_size=13.0,
        ),
        Paragraph(
            _(
                "ค่าตอบแทนบุคลากรคำนวณจากจำนวนคน คูณจำนวนเดือน คูณอัตราค่าตอบแทนต่อคนต่อเดือน "
                "ตามหลักเกณฑ์การคำนวณราคากลางงานจ้างพัฒนาระบบคอมพิวเตอร์"
            )
        ),
        Paragraph(_("จึงเรียนมาเพื่อโปรดพิจารณา")),
    ]
    return rep.report_memo(
        actor,
        subject=_("ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและรายละเอียดค่าใช้จ่าย การจ้างพัฒนาระบบคอมพิวเตอร์"),
        body=body,
        paper=paper,
    )


def selection_report(actor: Actor | None, case: Case) -> Memo:
    """F8 as a memo (signed by the acting user); ``selection_report_pdf`` signs it by the
    committee."""
    return _selection(actor, case)[0]


def _selection(actor: Actor | None, case: Case) -> tuple[Memo, list[Any]]:
    from reports.memo import Paragraph, Table
    from reports.registers import TableColumn

    detail = _detail(case)
    if detail.winner_id is None:
        raise ValidationError(_("คณะกรรมการยังไม่ได้เลือกผู้รับจ้าง"))
    winner: Vendor = Vendor.get_by_id(detail.winner_id)
    quotes = {int(q.__data__["vendor"]): q for q in proc_quotations.quotations_of_case(case.id)}
    if winner.id not in quotes:
        raise ValidationError(_("ผู้ได้รับการคัดเลือกยังไม่มีใบเสนอราคาในโครงการนี้"))
    paper = rep.office_paper()
    shown = records.presentations(case.id)
    rows: list[list[str]] = []
    for n, p in enumerate(shown, start=1):
        price = p.offered_price if p.offered_price is not None else quotes.get(p.vendor_id)
        price_value = (
            Decimal(price) if isinstance(price, Decimal) else (price.total if price else None)
        )
        rows.append(
            [
                str(n),
                str(p.vendor.name),
                _money(price_value, False) if price_value is not None else "-",
                f"{p.total.normalize():f}",
                _("ได้รับการคัดเลือก") if p.vendor_id == winner.id else "-",
            ]
        )
    price = quotes[winner.id].total
    criteria = "; ".join(
        _("{name} {points} คะแนน").format(name=name, points=points)
        for name, points in records.criteria()
    )
    body: list[Paragraph | Table] = [
        Paragraph(
            _(
                "ตามที่ได้รับอนุมัติให้จ้างพัฒนา{title} ภายในวงเงินราคากลาง {median} บาท "
                "และได้เชิญผู้ประกอบการนำเสนอต่อคณะกรรมการ นั้น"
            ).format(title=case.title, median=_money(records.median_price(case.id), False))
        ),
        Paragraph(
            _(
                "คณะกรรมการได้พิจารณาประวัติ ผลงาน แนวทางการพัฒนา และราคาที่เสนอของผู้ประกอบการ "
                "ตามเกณฑ์ ({criteria}) ผลการพิจารณาดังตารางต่อไปนี้"
            ).format(criteria=criteria)
        ),
        Table(
            [
                TableColumn(_("ลำดับ"), 0.6, "center"),
                TableColumn(_("ผู้ประกอบการ"), 4.6),
                TableColumn(_("ราคาที่เสนอ (บาท)"), 1.9, "right"),
                TableColumn(_("คะแนนรวม"), 1.1, "center"),
                TableColumn(_("ผลการพิจารณา"), 2.0, "center"),
            ],
            rows,
            font_size=14.0,
        ),
        Paragraph(
            _(
                "คณะกรรมการเห็นสมควรจ้าง {vendor} เป็นผู้รับจ้าง ในราคา {price} บาท ({words}) "
                "รวมภาษีมูลค่าเพิ่มแล้ว เนื่องจาก {reason}"
            ).format(
                vendor=winner.name,
                price=_money(price, False),
                words=_words(price),
                reason=detail.selection_reason or "-",
            )
        ),
        Paragraph(_("จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติ")),
    ]
    memo = rep.report_memo(
        actor,
        subject=_("รายงานผลการคัดเลือกผู้รับจ้างพัฒนา{title}").format(title=case.title),
        body=body,
        paper=paper,
    )
    if detail.selected_on is not None:
        memo.date = detail.selected_on
    committee = (
        Committee.get_or_none(Committee.id == detail.procurement_committee_id)
        if detail.procurement_committee_id
        else None
    )
    return memo, members_for_print(committee)


def selection_report_pdf(actor: Actor | None, case: Case) -> tuple[bytes, str]:
    """F8 signed by the procurement committee's members (a line each), the head's block after."""
    from reports.procurement.common import render_committee_memo

    require(actor, Permission.VIEW)
    with document_language():
        memo, members = _selection(actor, case)
        if members:
            pdf = render_committee_memo(memo, members)
        else:
            pdf = rep.render_document(memo)
    return pdf, f"รายงานผลการคัดเลือก_{rep.file_part(case.number)}.pdf"


def sign_in_sheet_pdf(actor: Actor | None, training_id: int) -> tuple[bytes, str]:
    """The session's sign-in sheet: one blank row per invited person, to be signed on the day
    and scanned back as evidence."""
    from reports.forms import SignInSheet, render_sign_in_sheet

    require(actor, Permission.VIEW)
    training: records.Training = records.Training.get_by_id(training_id)
    case: Case = training.case
    with document_language():
        paper = rep.office_paper()
        sheet = SignInSheet(
            title=_("ใบลงชื่อผู้เข้ารับการอบรม"),
            subject=_("การอบรมการใช้งาน{title} ({group})").format(
                title=case.title, group=training.user_group
            ),
            date=training.held_on,
            place=training.place,
            attendees=[],
            blank_rows=training.invited,
            organiser=training.trainer or paper.mission_short or paper.mission,
            thai_digits=paper.thai_digits,
        )
        pdf = render_sign_in_sheet(sheet)
    return pdf, f"ใบลงชื่อ_{rep.file_part(case.number)}_{training.held_on.isoformat()}.pdf"
