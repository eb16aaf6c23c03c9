"""F15: the letter to the contractor reserving the right to the late penalty and stating it
(หนังสือแจ้งสงวนสิทธิ์เรียกค่าปรับ), on the external-letter engine.

    render_penalty_letter(PenaltyLetter(...)) -> bytes
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from reports.letter import Contact, Letter, render_letter
from reports.memo import Paragraph
from reports.procurement.common import amount
from reports.thaifmt import date_long, digits


@dataclass
class PenaltyLetter:
    number: str
    agency: str
    address: str
    date: dt.date
    vendor: str
    contract_no: str
    contract_date: dt.date
    project: str
    installment: int
    due_on: dt.date
    brought_on: dt.date | None  # None: still not delivered (penalty so far)
    late_days: int
    rate_pct: Decimal
    base: Decimal
    per_day: Decimal
    penalty: Decimal
    pct_of_price: Decimal
    warning_pct: Decimal  # e.g. 10: past it the agency may terminate
    signer_name: str
    signer_position: str
    contact: Contact
    thai_digits: bool = True
    emblem: bytes | None = None


def penalty_body(letter: PenaltyLetter) -> list[Paragraph]:
    thai = letter.thai_digits
    rate = digits(f"{letter.rate_pct.normalize():f}", thai)
    delivered = (
        f"ได้นำงานมาส่งเมื่อวันที่ {date_long(letter.brought_on, thai=thai)}"
        if letter.brought_on
        else "จนถึงวันที่ของหนังสือฉบับนี้ยังไม่ได้ส่งมอบงาน"
    )
    body = [
        Paragraph(
            f"ตามที่ {letter.vendor} ได้ทำสัญญาเลขที่ {letter.contract_no} ลงวันที่ "
            f"{date_long(letter.contract_date, thai=thai)} กับ{letter.agency} เพื่อดำเนินงาน"
            f"{letter.project} โดยมีกำหนดส่งมอบงานงวดที่ {letter.installment} "
            f"ภายในวันที่ {date_long(letter.due_on, thai=thai)} นั้น"
        ),
        Paragraph(
            f"ปรากฏว่าผู้รับจ้าง{delivered} ล่าช้ากว่ากำหนด {letter.late_days} วัน "
            f"{letter.agency}จึงขอสงวนสิทธิ์เรียกค่าปรับตามสัญญาในอัตราร้อยละ {rate} ต่อวัน "
            f"ของ {amount(letter.base, thai=thai)} คิดเป็นค่าปรับวันละ "
            f"{amount(letter.per_day, thai=thai)} รวมเป็นค่าปรับ {amount(letter.penalty, thai=thai)}"
            " และจะหักค่าปรับจากเงินค่าจ้างที่จะต้องจ่าย หรือบังคับจากหลักประกันสัญญาต่อไป"
        ),
    ]
    if letter.pct_of_price > letter.warning_pct:
        pct = digits(f"{letter.warning_pct.normalize():f}", thai)
        body.append(
            Paragraph(
                f"ทั้งนี้ ค่าปรับดังกล่าวเกินร้อยละ {pct} ของราคาตามสัญญาแล้ว "
                f"{letter.agency}อาจพิจารณาบอกเลิกสัญญา เว้นแต่ผู้รับจ้างจะยินยอมเสียค่าปรับ"
                "ให้แก่ผู้ว่าจ้างโดยไม่มีเงื่อนไขใด ๆ ทั้งสิ้น"
            )
        )
    body.append(Paragraph("จึงเรียนมาเพื่อโปรดทราบ และเร่งดำเนินการส่งมอบงานให้แล้วเสร็จโดยเร็ว"))
    return body


def render_penalty_letter(letter: PenaltyLetter) -> bytes:
    return render_letter(
        Letter(
            number=letter.number,
            agency=letter.agency,
            address=letter.address,
            date=letter.date,
            subject=f"แจ้งสงวนสิทธิ์เรียกค่าปรับงานงวดที่ {letter.installment} "
            f"ตามสัญญาเลขที่ {letter.contract_no}",
            recipient=f"กรรมการผู้จัดการ {letter.vendor}",
            references=[
                f"สัญญาเลขที่ {letter.contract_no} ลงวันที่ "
                f"{date_long(letter.contract_date, thai=letter.thai_digits)}"
            ],
            enclosures=[],
            body=list(penalty_body(letter)),
            signer_name=letter.signer_name,
            signer_position=letter.signer_position,
            contact=letter.contact,
            thai_digits=letter.thai_digits,
            emblem=letter.emblem,
        )
    )
