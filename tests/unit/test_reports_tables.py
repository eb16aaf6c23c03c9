"""A report memo's table sizes its columns to their content (issue 12, part 1, item 4): a
22-case report had 3-6-line rows in narrow columns and took 4 pages."""

from __future__ import annotations

import dataclasses

from reports.memo import Paragraph, Table, render_memo
from reports.registers import TableColumn, _height, fit_columns
from reports.samples import sample_memo
from reports.thaifmt import digits
from tests.unit.reports_helpers import pages, pdftotext, squash

COLUMNS = [
    TableColumn("เลขที่", 2.9, "center"),
    TableColumn("วันที่รับ", 2.5, "center"),
    TableColumn("หน่วยงาน", 3.3),
    TableColumn("เรื่อง", 4.3),
    TableColumn("ผลการดำเนินงาน", 3.0, "center"),
]
SUBJECT = "ขอเผยแพร่ประกาศผลการจัดซื้อจัดจ้างครุภัณฑ์คอมพิวเตอร์ประจำปีงบประมาณ 2569"
ROWS = [
    [
        f"ผด.{i}/2569",
        "3\u00a0ต.ค.\u00a069",  # as models.engine.reporting.table_date writes it
        "กลุ่มงานบริหารทั่วไป" if i % 2 else "ภทส.",
        SUBJECT if i % 3 else "ขอเผยแพร่ข่าวประชาสัมพันธ์",
        "เผยแพร่ 5\u00a0ต.ค.\u00a069 ภายในกำหนด",
    ]
    for i in range(1, 23)
]
WIDTH = 16 * 72 / 2.54


def test_columns_sized_to_content_make_a_shorter_table() -> None:
    cells = [[digits(v, True) for v in row] for row in ROWS]
    size, by_weight = fit_columns(COLUMNS, ROWS, WIDTH, thai=True, size=13.0)
    _size, by_content = fit_columns(COLUMNS, ROWS, WIDTH, thai=True, size=13.0, to_content=True)
    assert sum(by_content) <= WIDTH + 0.01
    assert _height(cells, by_content, size) < _height(cells, by_weight, size)
    assert by_content[3] > by_weight[3]  # the subject column takes the room


def test_a_22_case_report_memo_fits_in_fewer_pages() -> None:
    memo = dataclasses.replace(
        sample_memo(),
        body=[
            Paragraph("ขอรายงานผลการเผยแพร่ข้อมูล รายละเอียดดังตารางต่อไปนี้"),
            Table(COLUMNS, ROWS, 13.0),
            Paragraph("จึงเรียนมาเพื่อโปรดทราบ"),
        ],
    )
    pdf = render_memo(memo)
    assert len(pages(pdf)) <= 3
    text = squash(pdftotext(pdf))
    assert squash(digits(SUBJECT, True)) in text or squash("ขอเผยแพร่ประกาศ") in text
    assert text.count(squash("ผด.")) == 22
