"""Texts a document cannot print: characters the document font does not have (emoji, arrows,
check marks) would come out as empty boxes, so a document holding one is refused with a Thai
message naming the field and the character (issue 12, part 1, item 6). Nothing is dropped or
replaced: what was typed stays as typed, and the person who typed it decides what to write."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, cast

from reports import fonts
from reports.errors import DocumentInputError
from reports.json_input import bad_character

if TYPE_CHECKING:
    from reports.charts import BarChart
    from reports.letter import Letter
    from reports.memo import Memo, Paragraph, Table


def check_printable(texts: Iterator[tuple[str, str, str]]) -> None:
    """``texts``: (field label, key, text). Raises on the first text the font cannot print."""
    font = fonts.doc_font("regular")
    for label, key, text in texts:
        reason = bad_character(text.replace("\r", ""), font.has_glyph)
        if reason:
            raise DocumentInputError(f"ข้อความใน “{label}” {reason}", key)


def _body(body: Sequence[Paragraph | Table | BarChart]) -> Iterator[tuple[str, str, str]]:
    # told apart by shape, not class: reports.memo calls this module (no import cycle)
    for index, item in enumerate(body, start=1):
        key = f"paragraphs[{index - 1}]"
        if hasattr(item, "rows"):
            table = cast("Table", item)
            for column in table.columns:
                yield f"หัวตาราง ย่อหน้าที่ {index}", key, column.title
            for number, row in enumerate(table.rows, start=1):
                for cell in row:
                    yield f"ตาราง ย่อหน้าที่ {index} แถวที่ {number}", key, cell
        elif hasattr(item, "series"):
            chart = cast("BarChart", item)
            label = f"แผนภูมิ ย่อหน้าที่ {index}"
            yield label, key, chart.title
            for text in (*chart.categories, *(s.name for s in chart.series)):
                yield label, key, text
        else:
            yield f"เนื้อหา ย่อหน้าที่ {index}", key, item.text


def memo_texts(memo: Memo) -> Iterator[tuple[str, str, str]]:
    yield "ส่วนราชการ", "department", memo.department
    yield "ที่", "number", memo.number
    yield "เรื่อง", "subject", memo.subject
    yield "เรียน", "recipient", memo.recipient
    yield from _body(memo.body)
    yield "ชื่อผู้ลงนาม", "signer_name", memo.signer_name
    yield "ตำแหน่งผู้ลงนาม", "signer_position", memo.signer_position
    for index, block in enumerate(memo.opinions):
        for text in (block.heading, block.signer_name, block.signer_position):
            yield block.heading or "ความเห็น", f"opinions[{index}]", text


def letter_texts(letter: Letter) -> Iterator[tuple[str, str, str]]:
    yield "ที่", "number", letter.number
    yield "ชื่อส่วนราชการ", "agency", letter.agency
    yield "ที่อยู่", "address", letter.address
    yield "เรื่อง", "subject", letter.subject
    yield "เรียน", "recipient", letter.recipient
    for text in letter.references:
        yield "อ้างถึง", "references", text
    for text in letter.enclosures:
        yield "สิ่งที่ส่งมาด้วย", "enclosures", text
    yield from _body(letter.body)
    yield "ชื่อผู้ลงนาม", "signer_name", letter.signer_name
    yield "ตำแหน่งผู้ลงนาม", "signer_position", letter.signer_position
    contact = letter.contact
    for text in (contact.unit, contact.phone, contact.fax, contact.email, contact.copy_to):
        yield "ส่วนราชการเจ้าของเรื่อง", "contact", text
