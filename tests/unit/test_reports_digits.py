"""Thai digits only in Thai text: e-mail addresses, URLs, file names and tokens with Latin letters
keep their digits as typed, in the PDF's text too (issue 12, part 1, item 2)."""

from __future__ import annotations

import dataclasses

import pytest

from reports.letter import Contact, render_letter
from reports.memo import Paragraph, render_memo
from reports.samples import sample_letter, sample_memo
from reports.thaifmt import thai_digits
from tests.unit.reports_helpers import pdftotext, squash

AS_TYPED = [
    "contact17@example.ac.th",
    "https://www.example.go.th/page?id=2569",
    "ThinkPad T14",
    "LTO-9",
    "report_2569.pdf",
    "data_2569_Q1.csv",
]


@pytest.mark.parametrize("text", AS_TYPED)
def test_latin_tokens_keep_their_digits(text: str) -> None:
    assert thai_digits(text) == text
    assert thai_digits(f"ดู {text} ภายใน 15 วัน") == f"ดู {text} ภายใน ๑๕ วัน"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("ภทส. 045/2569", "ภทส. ๐๔๕/๒๕๖๙"),
        ("โทร. 0 2143 7910", "โทร. ๐ ๒๑๔๓ ๗๙๑๐"),
        ("1,250,000.00 บาท", "๑,๒๕๐,๐๐๐.๐๐ บาท"),
        ("(2569)", "(๒๕๖๙)"),
        ("เวลา 10:30 น.", "เวลา ๑๐:๓๐ น."),
        ("ครั้งที่3/2569", "ครั้งที่๓/๒๕๖๙"),
    ],
)
def test_numbers_in_thai_text_become_thai_digits(typed: str, printed: str) -> None:
    assert thai_digits(typed) == printed


def test_the_letter_prints_email_url_and_model_numbers_as_typed() -> None:
    letter = dataclasses.replace(
        sample_letter(),
        body=[
            Paragraph(
                "ขอส่งเครื่อง ThinkPad T14 จำนวน 2 เครื่อง และเทป LTO-9 จำนวน 10 ม้วน"
                " รายละเอียดที่ https://www.example.go.th/page?id=2569 และไฟล์ report_2569.pdf"
            )
        ],
        contact=Contact("ภทส.", "0 2143 7910", email="contact17@example.ac.th"),
    )
    text = squash(pdftotext(render_letter(letter)))
    for typed in AS_TYPED[:5]:
        assert squash(typed) in text, typed
    assert squash("จำนวน ๒ เครื่อง") in text and squash("จำนวน ๑๐ ม้วน") in text
    assert squash("โทร. ๐ ๒๑๔๓ ๗๙๑๐") in text
    assert "๑๗@" not in text and "T๑๔" not in text and "LTO-๙" not in text


def test_the_memo_prints_them_as_typed_too() -> None:
    memo = dataclasses.replace(
        sample_memo(), body=[Paragraph("ติดต่อ contact17@example.ac.th ภายใน 3 วัน")]
    )
    text = squash(pdftotext(render_memo(memo)))
    assert squash("contact17@example.ac.th") in text and squash("ภายใน ๓ วัน") in text
