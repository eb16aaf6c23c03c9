"""Pieces the procurement forms share: the memo head's data, committee members, amounts in
figures and words, and a memo whose signatures are a committee's."""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from reports import fonts
from reports.forms import CommitteeSigner, committee_signatures
from reports.memo import (
    BODY,
    Memo,
    OpinionBlock,
    OpinionFlowable,
    Paragraph,
    Table,
    body_flowables,
    memo_geometry,
    memo_story,
)
from reports.page import build_pdf, page_number_decoration
from reports.textflow import ThaiParagraph
from reports.thaifmt import baht_text, digits, number

ROLE_CHAIR = "ประธานกรรมการ"
ROLE_MEMBER = "กรรมการ"
ROLE_SECRETARY = "กรรมการและเลขานุการ"


@dataclass
class MemoHead:
    """What every บันทึกข้อความ of a case starts with and ends with."""

    department: str  # ส่วนราชการ: unit name and telephone
    number: str  # ที่
    date: dt.date
    recipient: str  # เรียน
    signer_name: str
    signer_position: str
    opinions: list[OpinionBlock] = field(default_factory=list)
    thai_digits: bool = True
    emblem: bytes | None = None
    date_indent_cm: float = 8.0
    top_margin_cm: float = 1.5
    bottom_margin_cm: float = 2.0


@dataclass
class Member:
    """A committee member as printed: name, position, role (ประธานกรรมการ / กรรมการ / ...)."""

    name: str
    position: str = ""
    role: str = ROLE_MEMBER


def amount(value: decimal.Decimal, *, thai: bool = True) -> str:
    """``480,000.00 บาท (สี่แสนแปดหมื่นบาทถ้วน)``."""
    return f"{number(value, decimals=2, thai=thai)} บาท ({baht_text(value)})"


def figures(value: decimal.Decimal, *, thai: bool = True) -> str:
    return number(value, decimals=2, thai=thai)


def memo_of(head: MemoHead, subject: str, body: list[Paragraph | Table]) -> Memo:
    return Memo(
        department=head.department,
        number=head.number,
        date=head.date,
        subject=subject,
        recipient=head.recipient,
        body=body,
        signer_name=head.signer_name,
        signer_position=head.signer_position,
        opinions=list(head.opinions),
        thai_digits=head.thai_digits,
        emblem=head.emblem,
        date_indent_cm=head.date_indent_cm,
        top_margin_cm=head.top_margin_cm,
        bottom_margin_cm=head.bottom_margin_cm,
    )


def signers(members: list[Member]) -> list[CommitteeSigner]:
    return [CommitteeSigner(m.name, m.role, m.position) for m in members]


@fonts.one_font_choice
def render_committee_memo(memo: Memo, members: list[Member], *, heading: str = "") -> bytes:
    """A memo signed by a committee: the body, then a signature line per member (chair first as
    given), then the opinion blocks (head officer, head)."""
    fonts.doc_font("regular")
    thai = memo.thai_digits
    geo = memo_geometry(memo)
    plain = Memo(**{**memo.__dict__, "opinions": []})
    story: list[Flowable] = memo_story(plain, geo)
    story.pop()  # the single signer's block: the committee signs instead
    if heading:
        story.append(ThaiParagraph(digits(heading, thai), BODY.with_(first_indent=0)))
    story += committee_signatures(signers(members), thai)
    story += [OpinionFlowable(block, thai) for block in memo.opinions]
    return build_pdf(
        story, geo, title=memo.subject, decorate=page_number_decoration(geo, thai=thai)
    )


__all__ = [
    "Member",
    "MemoHead",
    "Paragraph",
    "Table",
    "amount",
    "body_flowables",
    "figures",
    "memo_of",
    "render_committee_memo",
    "signers",
]
