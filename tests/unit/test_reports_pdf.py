"""What a generated PDF holds, read back: text that extracts to the source (no private-use code
points), embedded subset fonts, markup printed as typed, Thai digits, B.E. dates, baht text,
register print-outs with repeated headers and page counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.letter import render_letter
from reports.memo import Memo, OpinionBlock, Paragraph, Table, render_memo
from reports.registers import RegisterTable, TableColumn, render_register_table
from reports.samples import sample_letter, sample_memo
from reports.thai_text import tokens
from reports.thaifmt import baht_text, number, thai_digits
from tests.unit.reports_helpers import PUA, pages, pdffonts, pdftotext, squash
from tests.unit.test_reports_text import PARAGRAPHS, runt_paragraphs


def _memo(paragraphs: list[str], **changes: object) -> Memo:
    return dataclasses.replace(sample_memo(), body=[Paragraph(p) for p in paragraphs], **changes)


def test_every_paragraph_extracts_back_exactly() -> None:
    pdf = render_memo(_memo(PARAGRAPHS))
    text = pdftotext(pdf)
    assert not PUA.search(text)
    flat = squash(text)
    for paragraph in PARAGRAPHS:
        assert squash(thai_digits(paragraph)) in flat
    # pdfplumber (another extractor) agrees
    plumber = "".join(page.extract_text() for page in pages(pdf))
    assert not PUA.search(plumber)
    for paragraph in PARAGRAPHS:
        assert squash(thai_digits(paragraph)) in squash(plumber)


def test_two_line_paragraphs_with_a_short_last_line_extract_in_order() -> None:
    """A last line narrower than the first-line indent (a runt) used to extract before its first
    line; the breaker now pulls a word down so it never is."""
    paragraphs = runt_paragraphs()
    assert len(paragraphs) >= 4
    # each paragraph ends with its own number, so a line read out of order cannot hide
    tagged = [f"{text} ({thai_digits(str(n))})" for n, text in enumerate(paragraphs, 1)]
    for start in range(0, len(tagged), 5):  # five to a memo: none runs onto a second page
        chunk = tagged[start : start + 5]
        pdf = render_memo(_memo(chunk))
        assert len(pages(pdf)) == 1
        flat = squash(pdftotext(pdf))
        plumber = squash("".join(page.extract_text() for page in pages(pdf)))
        for text in chunk:
            assert squash(text) in flat
            assert squash(text) in plumber


def test_shifted_marks_and_sara_am_extract_as_typed() -> None:
    # one line each (a justified line's extra goes to its spaces: compare without them)
    for words in ("ต้อง ที่ ถ้วน น้ำ ปั้น ป่า ปู่ ผู้ใหญ่ ฎีกา ญาติ", "กำหนด ซ้ำ ฐาน office fi ffl"):
        text = pdftotext(render_memo(_memo([words])))
        assert words in text  # same characters, same order, nothing split or merged
        assert not PUA.search(text)


def test_fonts_are_embedded_and_subset() -> None:
    for pdf in (render_memo(sample_memo(pages=2)), render_letter(sample_letter())):
        fonts = pdffonts(pdf)
        assert fonts
        for font in fonts:
            assert font["emb"] == "yes" and font["sub"] == "yes" and font["uni"] == "yes", font
            assert "+" in font["name"]


def test_hyphenated_words_are_never_split_at_a_line_end() -> None:
    text = " ".join(["การรับ-ส่งหนังสือ ICT-Desk"] * 20)
    extracted = pdftotext(render_memo(_memo([text], thai_digits=False)))
    assert not any(line.rstrip().endswith("-") for line in extracted.splitlines())
    assert squash(text) in squash(extracted)


def test_markup_characters_print_as_typed() -> None:
    typed = "<b>ตัวหนา</b> &amp; & \"คำพูด\" 'เดี่ยว' <font size=40>x</font>"
    memo = _memo([typed], subject='เรื่อง <i>ทดสอบ</i> & ที่มี "เครื่องหมาย"')
    text = pdftotext(render_memo(memo))
    assert squash(thai_digits(typed)) in squash(text)
    assert squash(memo.subject) in squash(text)


def test_thai_digits_dates_and_amounts() -> None:
    amount = 1_000_000
    paragraph = f"วงเงิน {number(amount, decimals=2)} บาท ({baht_text(amount)}) จำนวน 12 เครื่อง"
    memo = dataclasses.replace(
        sample_memo(),
        body=[Paragraph(paragraph, indent_first=False)],
        date=dt.date(2026, 11, 23),
        number="ภทส. 045/2569",
    )
    text = pdftotext(render_memo(memo))
    assert "๒๓ พฤศจิกายน ๒๕๖๙" in text
    assert "ภทส. ๐๔๕/๒๕๖๙" in text
    expected = "วงเงิน ๑,๐๐๐,๐๐๐.๐๐ บาท (หนึ่งล้านบาทถ้วน) จำนวน ๑๒ เครื่อง"
    assert squash(expected) in squash(text)
    assert not any(ch in text for ch in "0123456789")
    arabic = pdftotext(render_memo(dataclasses.replace(memo, thai_digits=False)))
    assert "23 พฤศจิกายน 2569" in arabic and "045/2569" in arabic
    assert not any(ch in arabic for ch in "๐๑๒๓๔๕๖๗๘๙")


def test_memo_body_table_and_opinion_blocks() -> None:
    memo = dataclasses.replace(
        sample_memo(),
        body=[
            Paragraph("สรุปผลการดำเนินงานตามตารางต่อไปนี้"),
            Table(
                [
                    TableColumn("ลำดับ", 0.5, "center"),
                    TableColumn("รายการ", 3),
                    TableColumn("จำนวน", 1, "right"),
                ],
                [["1", "คำขอเผยแพร่ข้อมูลบนเว็บไซต์", "25"], ["2", "คำขออนุเคราะห์ข้อมูล", "7"]],
            ),
        ],
        opinions=[OpinionBlock("ความเห็นของ หน.ภทส.", 3, "นางสาวพรทิพย์ วงศ์สุวรรณ", "หน.ภทส.")],
    )
    pdf = render_memo(memo)
    text = squash(pdftotext(pdf))
    for expected in (
        "ลำดับ",
        "รายการ",
        "คำขอเผยแพร่ข้อมูลบนเว็บไซต์",
        "๒๕",
        "ความเห็นของหน.ภทส.",
        "(นางสาวพรทิพย์วงศ์สุวรรณ)",
    ):
        assert expected in text
    [table] = pages(pdf)[0].extract_tables()
    assert [squash(cell or "") for cell in table[0]] == ["ลำดับ", "รายการ", "จำนวน"]
    assert [squash(cell or "") for cell in table[1]] == ["๑", "คำขอเผยแพร่ข้อมูลบนเว็บไซต์", "๒๕"]


def test_letter_text() -> None:
    letter = sample_letter()
    text = pdftotext(render_letter(letter))
    flat = squash(text)
    for part in (
        "ที่ศธ๐๒๐๑/๑๒๓",
        "ขอแสดงความนับถือ",
        "(นายวิชัยประเสริฐวงศ์)",
        "โทร.",
        "ไปรษณีย์อิเล็กทรอนิกส์ict@example.go.th",
    ):
        assert part in flat
    assert squash(letter.subject) in flat


def test_register_repeats_the_header_and_counts_pages() -> None:
    columns = [
        TableColumn("ลำดับ", 0.6, "center"),
        TableColumn("รายการ", 4),
        TableColumn("ราคา (บาท)", 1.5, "right"),
    ]
    rows = [
        [str(i), f"เครื่องคอมพิวเตอร์ตั้งโต๊ะสำหรับงานสำนักงาน รายการที่ {i}", f"{20000 + i:,}.00"]
        for i in range(1, 121)
    ]
    table = RegisterTable(
        "ทะเบียนครุภัณฑ์คอมพิวเตอร์",
        "ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร",
        "ปีงบประมาณ พ.ศ. 2569",
        columns,
        rows,
        printed_on=dt.date(2026, 11, 23),
    )
    pdf = render_register_table(table)
    doc = pages(pdf)
    assert len(doc) >= 3
    for index, page in enumerate(doc, start=1):
        text = page.extract_text()
        assert "ลำดับ" in text and "ราคา (บาท)" in text, f"header missing on page {index}"
        assert thai_digits(f"หน้า {index} / {len(doc)}") in text
        assert "พิมพ์เมื่อ ๒๓ พฤศจิกายน ๒๕๖๙" in text
    flat = squash(pdftotext(pdf))
    for row in rows:
        assert squash(thai_digits(row[1])) in flat
    # landscape: the page is wider than high
    landscape = pages(
        render_register_table(dataclasses.replace(table, landscape=True, rows=rows[:3]))
    )
    assert landscape[0].width > landscape[0].height


def test_register_refuses_rows_that_do_not_match_the_columns() -> None:
    from reports.errors import DocumentInputError

    table = RegisterTable("ทะเบียน", "", "", [TableColumn("ก")], [["1", "2"]])
    with pytest.raises(DocumentInputError, match="แถวที่ 1"):
        render_register_table(table)


CONSONANTS = "กขคงจชซดตถทนบปผพฟมยรลวสหอฮ"
MARKS = "ัิีึืุู็่้๊๋์"
PIECES = st.one_of(
    # a consonant with up to two marks (Thai never puts a mark without its base)
    st.tuples(st.sampled_from(CONSONANTS), st.text(st.sampled_from(MARKS), max_size=2)).map(
        "".join
    ),
    st.tuples(st.sampled_from("เแโใไ"), st.sampled_from(CONSONANTS)).map("".join),
    st.sampled_from(list("ะาำๆฯ")),
    st.sampled_from(list("abcdefXYZ 0123456789๑๒๓<>&\"'()[].,;:-/%  ")),
)
TEXT = st.lists(PIECES, min_size=1, max_size=120).map("".join)


# ICTDESK_EXAMPLES=500 shakes out rarer failures locally; the committed runs stay quick.
EXAMPLES = int(os.environ.get("ICTDESK_EXAMPLES", "0"))


@settings(max_examples=EXAMPLES or 25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=3), TEXT, st.booleans())
def test_random_text_never_crashes_and_always_round_trips(
    paragraphs: list[str], subject: str, thai: bool
) -> None:
    # a paragraph may end with "-": pdftotext would take it for a hyphenated line end and drop
    # it, unless the engine marks the line end (DocFont.line_final)
    memo = _memo(paragraphs, subject=subject, thai_digits=thai)
    pdf = render_memo(memo)
    text = pdftotext(pdf)
    assert not PUA.search(text)
    flat = squash(text)
    from reports.thaifmt import digits

    for paragraph in paragraphs:
        assert squash(digits(paragraph, thai)) in flat
    assert io.BytesIO(pdf).getvalue().startswith(b"%PDF")


def test_marks_are_drawn_on_their_own_base() -> None:
    """Marks are drawn as glyph outlines (form XObjects): each scaled to the text's size and on
    the baseline of a text run (a regression once drew them 25 % too big, hence too high)."""
    import re
    import zlib

    pdf = render_memo(_memo([PARAGRAPHS[0], "ผู้ใหญ่ ปั้น ต้อง น้ำ ที่"]))
    contents = []
    for match in re.finditer(rb"stream\r?\n", pdf):
        end = pdf.find(b"endstream", match.end())
        try:
            contents.append(zlib.decompress(pdf[match.end() : end]).decode("latin-1"))
        except zlib.error:
            continue
    placements = [
        (float(k), float(x), float(y))
        for text in contents
        for k, x, y in re.findall(r"q ([\d.]+) 0 0 \1 ([\d.-]+) ([\d.-]+) cm /FormXob", text)
    ]
    assert placements
    baselines = {
        round(float(y), 2)
        for text in contents
        for y in re.findall(r"1 0 0 1 [\d.-]+ ([\d.-]+) Tm", text)
    }
    by_size = {round(k * 1000, 3) for k, _x, _y in placements}
    assert by_size <= {16.0, 20.0, 29.0}, by_size
    for k, x, y in placements:
        # same coordinate space as the text runs (both inside the flowable's transform)
        assert round(y, 2) in baselines, (k, x, y)


@settings(max_examples=EXAMPLES or 15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(TEXT, min_size=3, max_size=3), min_size=1, max_size=12), TEXT)
def test_random_register_and_letter_cells_never_crash_and_round_trip(
    rows: list[list[str]], subject: str
) -> None:
    columns = [TableColumn("ก", 1), TableColumn("ข", 2, "center"), TableColumn("ค", 1, "right")]
    table = RegisterTable("ทะเบียน", "สำนักงาน", "", columns, rows, thai_digits=False)
    flat = squash(pdftotext(render_register_table(table)))
    for row in rows:
        for cell in row:
            assert squash(cell) in flat
    letter = dataclasses.replace(sample_letter(), subject=subject, thai_digits=False)
    assert squash(subject) in squash(pdftotext(render_letter(letter)))


def test_numbered_sub_items_are_indented() -> None:
    memo = dataclasses.replace(
        sample_memo(),
        body=[
            Paragraph("รายการที่ขอจัดซื้อ มีดังนี้"),
            Paragraph("1. เครื่องคอมพิวเตอร์แม่ข่าย จำนวน 1 เครื่อง", level=1, indent_first=False),
            Paragraph("2. เครื่องสำรองไฟฟ้า จำนวน 2 เครื่อง", level=1, indent_first=False),
        ],
    )
    page = pages(render_memo(memo))[0]
    lines: dict[float, list[dict[str, object]]] = {}
    for char in page.chars:
        if str(char["text"]).strip():
            lines.setdefault(round(float(char["matrix"][5]), 1), []).append(char)
    starts = {}
    for chars in lines.values():
        ordered = sorted(chars, key=lambda c: float(c["x0"]))  # type: ignore[arg-type]
        starts["".join(str(c["text"]) for c in ordered)[:2]] = float(ordered[0]["x0"])  # type: ignore[arg-type]
    indent = (3 + 2.5) * 72 / 2.54
    assert abs(starts["๑."] - indent) < 72 / 25.4
    assert abs(starts["๒."] - indent) < 72 / 25.4


def test_narrow_columns_widen_to_their_longest_word() -> None:
    columns = [
        TableColumn("ลำดับ", 0.2, "center"),
        TableColumn("เลขครุภัณฑ์", 0.3),
        TableColumn("รายการ", 6),
    ]
    rows = [["1", "7440-001-0001/2568", "เครื่องคอมพิวเตอร์"], ["1000", "7440-001-0002/2568", "จอภาพ"]]
    pdf = render_register_table(RegisterTable("ทะเบียน", "", "", columns, rows))
    [table] = pages(pdf)[0].extract_tables()
    assert table[0][:2] == ["ลำดับ", "เลขครุภัณฑ์"]  # header words whole, on one line
    assert [row[1] for row in table[1:]] == [thai_digits(r[1]) for r in rows]
    assert table[2][0] == "๑๐๐๐"


# a register like the data-request log: ten columns whose dates, numbers and words cannot all
# stand side by side at 14 pt on a landscape page
WIDE_COLUMNS = [
    TableColumn("เลขที่", 2.2, "center"),
    TableColumn("วันที่รับ", 1.1, "center"),
    TableColumn("หน่วยงานที่ขอ", 1.9),
    TableColumn("ต้นสังกัด", 1.7),
    TableColumn("วัตถุประสงค์", 2.0),
    TableColumn("ผลการพิจารณา", 1.65, "center"),
    TableColumn("หนังสือส่งที่", 1.3, "center"),
    TableColumn("วันที่/ช่องทางส่ง", 1.4, "center"),
    TableColumn("ครบกำหนด", 1.1, "center"),
    TableColumn("ผล", 1.3, "center"),
]
WIDE_ROW = [
    "ขข.10/2570",
    "10\u00a0พ.ย.\u00a069",
    "มหาวิทยาลัยราชภัฏนครปฐม",
    "จุฬาลงกรณ์มหาวิทยาลัย",
    "ใช้ประกอบการวิจัย",
    "อนุเคราะห์",
    "สมศ/1",
    "12\u00a0พ.ย.\u00a069 อีเมล",
    "13\u00a0พ.ย.\u00a069",
    "ภายในกำหนด",
]


def _cell_lines(cell: str | None) -> list[str]:
    return [line.replace("\u00a0", " ").strip() for line in (cell or "").split("\n")]


def test_a_register_too_wide_for_its_words_gets_smaller_text_not_cut_words() -> None:
    table = RegisterTable("ทะเบียน", "", "", WIDE_COLUMNS, [WIDE_ROW] * 3, landscape=True)
    page = pages(render_register_table(table))[0]
    sizes = {round(c["size"], 1) for c in page.chars if c["top"] > 3 * 72 / 2.54}
    sizes.discard(14.0)  # the printed-on date and page number at the foot
    [size] = sizes
    assert 14 * 0.8 <= size < 14
    [extracted] = page.extract_tables()
    assert [squash(h or "") for h in extracted[0]] == [squash(c.title) for c in WIDE_COLUMNS]
    for row in extracted[1:]:
        for value, cell in zip(WIDE_ROW, row, strict=True):
            # every word unit (a date with no-break spaces is one) whole on one line
            for unit in tokens(thai_digits(value)):
                if unit.kind == "unit":
                    word = unit.text.replace("\u00a0", " ")
                    assert any(word in line for line in _cell_lines(cell)), (word, cell)
            assert squash(cell or "") == squash(thai_digits(value))


def test_words_too_wide_for_any_size_cut_only_their_own_column() -> None:
    columns = [
        TableColumn("ผลการพิจารณา", 1, "center"),
        TableColumn("ที่อยู่เว็บไซต์", 8),
        TableColumn("ครบกำหนด", 1, "center"),
    ]
    url = "https://www.example.go.th/" + "a" * 180
    rows = [["อนุเคราะห์", url, "13\u00a0พ.ย.\u00a069"]]
    page = pages(render_register_table(RegisterTable("ทะเบียน", "", "", columns, rows)))[0]
    [extracted] = page.extract_tables()
    assert _cell_lines(extracted[0][2]) == ["ครบกำหนด"]
    assert _cell_lines(extracted[1][0]) == ["อนุเคราะห์"]
    assert _cell_lines(extracted[1][2]) == [thai_digits("13 พ.ย. 69")]
    assert squash(extracted[1][1] or "") == url
