"""Memo and external letter geometry read back from the PDF (DOCUMENTS.md): margins, heading size
and centring, label sizes, first-line indent, emblem sizes and positions, signature block."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from reports.letter import render_letter
from reports.memo import Memo, Paragraph, render_memo
from reports.samples import sample_letter, sample_memo
from tests.unit.reports_helpers import (
    CM,
    MM,
    baseline,
    pages,
    pdftotext,
    png,
    spacing_chars,
    squash,
)

A4_W, A4_H = 595.2756, 841.8898
LEFT, RIGHT = 3 * CM, A4_W - 2 * CM


def _line_of(page: Any, text: str) -> list[dict[str, Any]]:
    """The spacing glyphs of the first text line whose text starts with ``text``."""
    lines: dict[float, list[dict[str, Any]]] = {}
    for char in spacing_chars(page):
        lines.setdefault(round(char["matrix"][5], 1), []).append(char)
    for y in sorted(lines, reverse=True):
        chars = sorted(lines[y], key=lambda c: c["x0"])
        if "".join(c["text"] for c in chars).replace(" ", "").startswith(text.replace(" ", "")):
            return chars
    raise AssertionError(f"no line starting with {text!r}")


@pytest.fixture(scope="module")
def memo_page() -> Any:
    memo = dataclasses.replace(sample_memo(), emblem=png(60, 60))
    return pages(render_memo(memo))[0]


def test_memo_emblem_is_1_5_cm_at_the_top_left(memo_page: Any) -> None:
    [image] = memo_page.images
    assert image["height"] == pytest.approx(1.5 * CM, abs=MM)
    assert image["x0"] == pytest.approx(LEFT, abs=MM)
    assert image["top"] == pytest.approx(1.5 * CM, abs=MM)


def test_memo_heading_is_bold_29_pt_centred_on_the_emblem_line(memo_page: Any) -> None:
    heading = [c for c in spacing_chars(memo_page) if abs(c["size"] - 29) < 0.5]
    assert "".join(c["text"] for c in heading) == "บันทึกข้อความ"
    assert all("Bold" in c["fontname"] for c in heading)
    centre = (min(c["x0"] for c in heading) + max(c["x1"] for c in heading)) / 2
    assert centre == pytest.approx((LEFT + RIGHT) / 2, abs=MM)
    [image] = memo_page.images
    assert image["top"] < baseline(heading[0], memo_page.height) <= image["bottom"] + 0.5


def test_memo_labels_are_bold_20_pt_and_date_starts_8_cm_in(memo_page: Any) -> None:
    labels = [c for c in spacing_chars(memo_page) if abs(c["size"] - 20) < 0.5]
    text = "".join(c["text"] for c in labels)
    assert text == "ส่วนราชการที่วันที่เรื่อง"
    assert all("Bold" in c["fontname"] for c in labels)
    number_line = _line_of(memo_page, "ที่")
    date_label = [c for c in number_line if abs(c["size"] - 20) < 0.5][1:]
    assert date_label[0]["x0"] == pytest.approx(LEFT + 8 * CM, abs=MM)
    assert number_line[0]["x0"] == pytest.approx(LEFT, abs=MM)


def test_memo_values_are_16_pt_with_dotted_lines_to_the_margin(memo_page: Any) -> None:
    department = _line_of(memo_page, "ส่วนราชการ")
    values = [c for c in department if abs(c["size"] - 16) < 0.5]
    assert values, "the ส่วนราชการ value is 16 pt"
    dotted = [
        line
        for line in memo_page.lines
        if line.get("dash") and abs(line["x1"] - RIGHT) < 0.5 and line["x0"] > LEFT
    ] or [line for line in memo_page.lines if abs(line["x1"] - RIGHT) < 0.5 and line["x0"] > LEFT]
    assert len(dotted) >= 5  # ส่วนราชการ (2 lines), วันที่, เรื่อง (2 lines)


def test_memo_body_margins_and_first_line_indent(memo_page: Any) -> None:
    body = [c for c in spacing_chars(memo_page) if abs(c["size"] - 16) < 0.5]
    assert min(c["x0"] for c in body) == pytest.approx(LEFT, abs=MM)
    assert max(c["x1"] for c in body) <= RIGHT + 0.5
    first = _line_of(memo_page, "ด้วยภารกิจ")
    assert first[0]["x0"] == pytest.approx(LEFT + 2.5 * CM, abs=MM)
    # justified: a full line of the body ends at the right margin
    second = _line_of(memo_page, "รับแจ้ง")
    assert second[0]["x0"] == pytest.approx(LEFT, abs=MM)
    assert second[-1]["x1"] == pytest.approx(RIGHT, abs=MM)


def test_memo_signature_is_centred_in_the_right_half(memo_page: Any) -> None:
    name = _line_of(memo_page, "(นายสมชาย")
    centre = (name[0]["x0"] + name[-1]["x1"]) / 2
    assert centre == pytest.approx(LEFT + 0.75 * (RIGHT - LEFT), abs=MM)
    last_body = _line_of(memo_page, "ให้ดำเนินการต่อไป")
    gap = baseline(name[0], memo_page.height) - baseline(last_body[0], memo_page.height)
    assert gap == pytest.approx(4 * 1.3 * 16, abs=2)  # three blank lines, then the name


def test_memo_page_numbers_from_page_two() -> None:
    many = [Paragraph("ข้อความทดสอบการขึ้นหน้าใหม่ของบันทึกข้อความ " * 12)] * 12
    memo = dataclasses.replace(sample_memo(), body=many)
    doc = pages(render_memo(memo))
    assert len(doc) >= 3
    first_lines = [
        "".join(c["text"] for c in sorted(spacing_chars(p), key=lambda c: (c["top"], c["x0"]))[:3])
        for p in doc
    ]
    assert not first_lines[0].startswith("-")
    # the closing hyphen extracts with a space after it (a line-final hyphen is kept)
    assert first_lines[1] == "-๒- "
    assert first_lines[2] == "-๓- "
    assert "- ๒ -" in pdftotext(render_memo(memo))
    number = next(c for c in spacing_chars(doc[1]) if c["text"] == "๒")
    assert baseline(number, doc[1].height) == pytest.approx(1.5 * CM, abs=MM)


@pytest.fixture(scope="module")
def letter_page() -> Any:
    letter = dataclasses.replace(sample_letter(), emblem=png(50, 60))
    return pages(render_letter(letter))[0]


def test_letter_emblem_is_3_cm_centred(letter_page: Any) -> None:
    [image] = letter_page.images
    assert image["height"] == pytest.approx(3 * CM, abs=MM)
    assert image["top"] == pytest.approx(1.5 * CM, abs=MM)
    assert (image["x0"] + image["x1"]) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=MM)


def test_letter_number_and_address_level_with_the_emblem_foot(letter_page: Any) -> None:
    number = _line_of(letter_page, "ที่")
    assert number[0]["x0"] == pytest.approx(LEFT, abs=MM)
    assert baseline(number[0], letter_page.height) == pytest.approx(4.5 * CM, abs=MM)
    agency = [c for c in number if c["x0"] > LEFT + 8 * CM]
    assert agency, "the agency's name is on the right, on the ที่ line"
    assert max(c["x1"] for c in agency) <= RIGHT + 0.5


def test_letter_date_closing_and_signature_line_up(letter_page: Any) -> None:
    date = _line_of(letter_page, "๒๓พฤศจิกายน")
    centre = A4_W / 2
    assert date[0]["x0"] == pytest.approx(centre, abs=MM)
    closing = _line_of(letter_page, "ขอแสดงความนับถือ")
    assert closing[0]["x0"] == pytest.approx(centre, abs=MM)
    name = _line_of(letter_page, "(นายวิชัย")
    closing_centre = (closing[0]["x0"] + closing[-1]["x1"]) / 2
    assert (name[0]["x0"] + name[-1]["x1"]) / 2 == pytest.approx(closing_centre, abs=MM)
    for label in ("เรื่อง", "เรียน", "อ้างถึง", "สิ่งที่ส่งมาด้วย"):
        assert _line_of(letter_page, label)[0]["x0"] == pytest.approx(LEFT, abs=MM)


def test_placeholder_emblem_is_drawn_when_no_image_is_given() -> None:
    page = pages(render_memo(sample_memo()))[0]
    assert not page.images
    ring = [c for c in page.curves if c["x0"] >= LEFT - 1 and c["x1"] <= LEFT + 1.5 * CM + 1]
    assert ring, "the placeholder is drawn with vector shapes in the emblem's box"
    assert max(c["x1"] for c in ring) - min(c["x0"] for c in ring) == pytest.approx(
        1.5 * CM, abs=MM
    )


def test_memo_with_signature_image_puts_it_above_the_name() -> None:
    memo = dataclasses.replace(sample_memo(), signature_image=png(120, 40, (20, 20, 120)))
    page = pages(render_memo(memo))[0]
    [signature] = [i for i in page.images]
    name = _line_of(page, "(นายสมชาย")
    assert signature["bottom"] < name[0]["top"] + 2
    centre = (name[0]["x0"] + name[-1]["x1"]) / 2
    assert (signature["x0"] + signature["x1"]) / 2 == pytest.approx(centre, abs=MM)


def test_date_indent_setting_moves_the_date_label() -> None:
    memo: Memo = dataclasses.replace(sample_memo(), date_indent_cm=9.0, date=dt.date(2027, 1, 2))
    page = pages(render_memo(memo))[0]
    number_line = _line_of(page, "ที่")
    date_label = [c for c in number_line if abs(c["size"] - 20) < 0.5][1:]
    assert date_label[0]["x0"] == pytest.approx(LEFT + 9 * CM, abs=MM)


def test_letter_contact_block_sits_at_the_bottom_left(letter_page: Any) -> None:
    email = _line_of(letter_page, "ไปรษณีย์อิเล็กทรอนิกส์")
    assert email[0]["x0"] == pytest.approx(LEFT, abs=MM)
    bottom_margin = A4_H - 2 * CM
    assert baseline(email[0], letter_page.height) == pytest.approx(bottom_margin - 0.3 * 16, abs=MM)
    unit = _line_of(letter_page, "ภารกิจเทคโนโลยีสารสนเทศ")
    assert baseline(unit[0], letter_page.height) < baseline(email[0], letter_page.height)


DEMO_AGENCY = "สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา (องค์การมหาชน)"
DEMO_ADDRESS = "เลขที่ ๑๒๘ ถนนพญาไท แขวงทุ่งพญาไท เขตราชเทวี กรุงเทพมหานคร ๑๐๔๐๐"


def _demo_office_letter(**changes: Any) -> Any:
    return dataclasses.replace(
        sample_letter(), agency=DEMO_AGENCY, address=DEMO_ADDRESS, emblem=png(50, 60), **changes
    )


def test_long_agency_name_keeps_a_normal_letter_on_one_page() -> None:
    """The agency block's first line clears the emblem (its foot is on that line); the lines
    below start further left where that saves lines, never left of the emblem; the contact
    block stays at the foot of the one page."""
    pdf = render_letter(_demo_office_letter())
    doc = pages(pdf)
    assert len(doc) == 1
    page = doc[0]
    [image] = page.images
    foot = baseline(_line_of(page, "ที่")[0], page.height)
    date = baseline(_line_of(page, "๒๓พฤศจิกายน")[0], page.height)
    agency = [
        c
        for c in spacing_chars(page)
        if c["x0"] > LEFT + 4 * CM and foot - 1 < baseline(c, page.height) < date - 1
    ]
    assert len({round(baseline(c, page.height), 1) for c in agency}) <= 5
    lines = sorted({round(baseline(c, page.height), 1) for c in agency})
    first = [c for c in agency if round(baseline(c, page.height), 1) == lines[0]]
    assert lines[0] == pytest.approx(foot, abs=0.5)
    assert min(c["x0"] for c in first) >= image["x1"]  # nothing drawn over the emblem
    assert min(c["x0"] for c in agency) >= image["x0"] - 0.5
    assert max(c["x1"] for c in agency) <= RIGHT + 0.5
    text = squash(pdftotext(pdf))
    assert squash(DEMO_AGENCY + DEMO_ADDRESS) in text  # the block reads in order
    email = _line_of(page, "ไปรษณีย์อิเล็กทรอนิกส์")
    assert baseline(email[0], page.height) == pytest.approx(A4_H - 2 * CM - 0.3 * 16, abs=MM)


def test_the_letter_ending_moves_to_the_last_page_together() -> None:
    """When the closing, signature and contact block do not fit, they go to the next page with
    the last two lines of the body: never a page holding only the contact lines."""
    body = [Paragraph(p.text * 2) for p in sample_letter().body]
    for extra in range(12):
        letter = _demo_office_letter(body=body + [Paragraph("เพิ่มเติม " * 6)] * extra)
        doc = pages(render_letter(letter))
        last = doc[-1]
        names = [c for c in spacing_chars(last) if c["text"] == "("]
        assert _line_of(last, "ขอแสดงความนับถือ") and names
        assert _line_of(last, "ภารกิจเทคโนโลยีสารสนเทศ")  # the contact block's first line
        if len(doc) > 1:
            body_lines = {
                round(c["top"])
                for c in spacing_chars(last)
                if c["top"] < _line_of(last, "ขอแสดงความนับถือ")[0]["top"] - 4 and c["top"] > 2 * CM
            }
            assert len(body_lines) >= 2, f"{extra}: the last page starts with the closing"
