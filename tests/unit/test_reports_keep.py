"""Names and dates stay on one line: a kept span (a person's name marked by the builder, a date
found by itself) goes down whole when a fresh line has room for it, breaks as any text would when
it is wider than its line or cell, and adds nothing to the text the PDF carries."""

from __future__ import annotations

import dataclasses
import datetime as dt

from reports.forms import Attendee, SignInSheet, render_sign_in_sheet
from reports.memo import Paragraph, render_memo
from reports.registers import RegisterTable, TableColumn, render_register_table
from reports.samples import sample_memo
from reports.textflow import TextStyle, layout
from reports.thai_text import tokens
from tests.unit.reports_helpers import PUA, pages, pdftotext, squash

NAME = "นางสาวสุดา รักษ์ไทย"
MID_NAME = "นายเกียรติศักดิ์ชัย ศรีสุวรรณวงศ์"
LONG_NAME = "ว่าที่ร้อยตรีเกียรติศักดิ์ชัย ศรีสุวรรณวงศ์"
DATE = "๑ ตุลาคม ๒๕๖๙"


def _lines(pdf: bytes) -> list[str]:
    """Every printed line of every page as pdfplumber groups it (cells of one row side by side)."""
    out: list[str] = []
    for page in pages(pdf):
        out += [line["text"] for line in page.extract_text_lines()]
    return out


def test_tokens_carry_the_spans_and_add_nothing_to_the_text() -> None:
    text = f"เรียน {NAME} ลงวันที่ {DATE} เวลา 10:30 น."
    result = tokens(text, keep=(NAME,))
    assert "".join(t.text for t in result) == text
    name = [t.text for t in result if t.keep == 1]
    date = [t.text for t in result if t.keep == 2]
    assert "".join(name) == NAME and len(name) > 2  # several units, kept as one
    assert "".join(date) == DATE
    assert not [t for t in result if t.keep and t.text in ("เรียน", "ลงวันที่", "เวลา")]
    # a name typed with two spaces is still the name; no name, no span
    assert any(t.keep for t in tokens("นางสาวสุดา  รักษ์ไทย", keep=(NAME,)))
    assert not any(t.keep for t in tokens(NAME))


def test_a_name_goes_down_whole_when_a_line_has_room_for_it() -> None:
    style = TextStyle(size=16, align="left")
    text = f"ผู้ให้ยืม {NAME}"
    width = max(line.natural for line in layout(NAME, style, 500)) + 4
    assert [line.text for line in layout(text, style, width, keep=(NAME,))] == [
        "ผู้ให้ยืม",
        NAME,
    ]
    # unmarked, the same line splits the name (what the registers printed before)
    assert NAME not in [line.text for line in layout(text, style, width)]


def test_a_name_wider_than_its_line_still_wraps_and_never_overflows() -> None:
    style = TextStyle(size=16, align="left")
    for width in (60.0, 120.0, 160.0):
        lines = layout(LONG_NAME, style, width, keep=(LONG_NAME,))
        assert len(lines) > 1
        assert all(line.natural <= line.available + 0.01 for line in lines)
        assert squash("".join(line.text for line in lines)) == squash(LONG_NAME)
    # where a word of it fits a line, the words stay whole: the surname is not cut
    lines = layout(LONG_NAME, style, 160.0, keep=(LONG_NAME,))
    assert [line.text for line in lines] == LONG_NAME.split()


def test_runt_avoidance_does_not_cut_a_word_of_a_name() -> None:
    style = TextStyle(size=12, align="left")
    name = "นายอนันต์ บุญมา"
    assert [line.text for line in layout(name, style, 70.0, keep=(name,))] == name.split()
    # unmarked, pulling ``บุญมา`` up from a short last line cuts the first name
    assert [line.text for line in layout(name, style, 70.0)] == ["นาย", "อนันต์ บุญมา"]


def test_memo_moves_a_date_at_the_line_end_down_whole() -> None:
    text = (
        "ตามที่สำนักงานได้แจ้งเวียนหนังสือเกี่ยวกับการจัดซื้อครุภัณฑ์คอมพิวเตอร์ประจำปีงบประมาณ "
        f"รายละเอียดตามหนังสือ ที่ ลงวันที่ {DATE} นั้น บัดนี้ได้ดำเนินการเรียบร้อยแล้ว"
    )
    pdf = render_memo(dataclasses.replace(sample_memo(), body=[Paragraph(text)]))
    extracted = pdftotext(pdf)
    assert not PUA.search(extracted)
    assert squash(text) in squash(extracted)
    lines = [line.strip() for line in extracted.splitlines()]
    at = next(i for i, line in enumerate(lines) if "ลงวันที่" in line)
    assert lines[at].endswith("ลงวันที่")  # the date was at the end of this line...
    assert lines[at + 1].startswith(DATE)  # ...and went down whole, not ``ลงวันที่ ๑ | ตุลาคม``


def _loans(rows: list[list[str]], *, keep: bool) -> RegisterTable:
    return RegisterTable(
        title="ทะเบียนการยืมเครื่องทดแทน",
        office="",
        period="",
        columns=[
            TableColumn("ลำดับ", 36, "center"),
            TableColumn("เครื่องทดแทน", 150),
            TableColumn("ผู้ยืม/หน่วยงาน", 130, keep=keep),
            TableColumn("ผู้ให้ยืม/ผู้รับคืน", 126, keep=keep),
            TableColumn("สถานะ", 78),
        ],
        rows=rows,
        landscape=True,
        font_size=12.0,
        printed_on=dt.date(2026, 10, 1),
    )


def test_register_cell_keeps_a_name_on_one_line() -> None:
    lender = f"ผู้ให้ยืม {MID_NAME}"
    staff = f"{lender}\nผู้รับคืน {NAME}"
    rows = [
        ["๑", "LN-0001\nเครื่องคอมพิวเตอร์โน้ตบุ๊ก", f"{NAME}\nงานสารบรรณ", staff, "คืนแล้ว"],
        ["๒", "LN-0002\nเครื่องพิมพ์", f"{MID_NAME}\nงานการเงิน", staff, "ยืมอยู่"],
    ]
    pdf = render_register_table(_loans(rows, keep=True))
    extracted = pdftotext(pdf)
    assert not PUA.search(extracted)
    for value in (f"{NAME}งานสารบรรณ", squash(staff)):
        assert squash(value) in squash(extracted)
    lines = [squash(line) for line in _lines(pdf)]
    for name in (NAME, MID_NAME, lender):
        assert any(squash(name) in line for line in lines), name
    # the same register without names marked splits the name after ``ผู้ให้ยืม`` in its cell
    plain = [squash(line) for line in _lines(render_register_table(_loans(rows, keep=False)))]
    assert not any(squash(lender) in line for line in plain)


def _sheet(names: list[str]) -> SignInSheet:
    return SignInSheet(
        title="ใบลงชื่อเข้าร่วมการอบรม",
        subject="การใช้งานระบบสารบรรณอิเล็กทรอนิกส์",
        date=dt.date(2026, 10, 1),
        place="ห้องประชุม ๑",
        attendees=[Attendee(n, "นักวิชาการคอมพิวเตอร์") for n in names],
        blank_rows=2,
    )


def test_sign_in_sheet_keeps_a_name_on_one_line_when_the_cell_has_room() -> None:
    pdf = render_sign_in_sheet(_sheet([NAME, "นายสมชาย ใจดี"]))
    extracted = pdftotext(pdf)
    assert not PUA.search(extracted)
    assert squash(NAME) in squash(extracted)
    lines = [squash(line) for line in _lines(pdf)]
    assert any(squash(NAME) in line for line in lines)


def test_sign_in_sheet_wraps_a_name_wider_than_its_cell_between_its_words() -> None:
    pdf = render_sign_in_sheet(_sheet([LONG_NAME]))
    extracted = pdftotext(pdf)
    assert squash(LONG_NAME) in squash(extracted)
    lines = [squash(line) for line in _lines(pdf)]
    assert not any(squash(LONG_NAME) in line for line in lines)  # too wide: it wraps...
    assert any("ศรีสุวรรณวงศ์" in line for line in lines)  # ...but the surname stays whole
    # and no line of the name reaches the next column (ตำแหน่ง/หน่วยงาน)
    page = pages(pdf)[0]
    column = min(m["x0"] for m in page.search("นักวิชาการ"))
    for part in ("ว่าที่ร้อยตรี", "ศรีสุวรรณวงศ์"):
        found = page.search(part)
        assert found and all(m["x1"] < column - 8 for m in found), part
