"""The internal memo (บันทึกข้อความ), laid out as DOCUMENTS.md prescribes.

Emblem 1.5 cm high top-left at the margin (1.5 cm from the top edge); ``บันทึกข้อความ`` bold 29 pt
centred on the emblem's line; labels ``ส่วนราชการ`` ``ที่`` ``วันที่`` ``เรื่อง`` bold 20 pt, values
16 pt over dotted lines to the margin, ``วันที่`` on the ``ที่`` line about 8 cm in; ``เรียน`` 6 pt
below; body 16 pt, first-line indent 2.5 cm, 6 pt before each paragraph, Thai distributed
justification; three blank lines, then ``(name)`` and the position centred in the right half (a
signature image above the name when given); optional opinion blocks for the chain of approvers;
``- ๒ -`` at the top of pages 2 and on. Any length.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether

from reports import fonts
from reports.charts import BarChart, ChartFlowable
from reports.emblem import draw_emblem, draw_image, emblem_width
from reports.errors import DocumentInputError
from reports.page import Geometry, build_pdf, geometry, page_number_decoration
from reports.registers import TableColumn, data_table
from reports.textflow import (
    Line,
    TextStyle,
    ThaiParagraph,
    draw_lines,
    draw_text,
    layout,
    text_width,
)
from reports.thaifmt import date_long, digits, document_number

BODY_SIZE = 16.0
LABEL_SIZE = 20.0
HEADING_SIZE = 29.0
LINE = 1.3 * BODY_SIZE  # single spacing
ROW_PITCH = 24.0  # between the heading's field rows (20 pt labels)
LABEL_GAP = 5.0  # between a label and its value
INDENT = 2.5 * cm
DOTS = (0.8, 1.8)

BODY = TextStyle(size=BODY_SIZE, first_indent=INDENT, space_before=6.0)
VALUE = TextStyle(size=BODY_SIZE, align="left", leading=LINE)


@dataclass
class Paragraph:
    text: str
    indent_first: bool = True
    level: int = 0  # numbered sub-items (๑. ๒. ...): each level indents 2.5 cm more
    keep: tuple[str, ...] = ()  # people's names in the text: each kept on one line when it fits


@dataclass
class Table:
    """A table inside a memo's body (e.g. the summary table of a report memo)."""

    columns: list[TableColumn]
    rows: list[list[str]]
    font_size: float = 14.0


BodyItem = Paragraph | Table | BarChart  # what a memo's or letter's body is made of


@dataclass
class OpinionBlock:
    """A further signer's block, e.g. ``ความเห็นของ หน.ภทส.`` with lines to write on."""

    heading: str
    lines: int = 3
    signer_name: str = ""
    signer_position: str = ""


@dataclass
class Memo:
    department: str  # ส่วนราชการ: unit name and telephone
    number: str  # ที่
    date: dt.date
    subject: str  # เรื่อง
    recipient: str  # เรียน
    body: Sequence[BodyItem]
    signer_name: str
    signer_position: str
    signature_image: bytes | None = None
    opinions: list[OpinionBlock] = field(default_factory=list)
    thai_digits: bool = True
    emblem: bytes | None = None  # the office's emblem image; None -> the neutral placeholder
    date_indent_cm: float = 8.0  # where วันที่ starts, from the left margin (setting)
    top_margin_cm: float = 1.5
    bottom_margin_cm: float = 2.0
    lines_with_signature: int = 2  # body lines that go to a new page with the signer (setting)
    created: dt.datetime | None = None  # the PDF's creation date (models.clock); None: now


def dotted(canvas: Any, x1: float, x2: float, y: float) -> None:
    if x2 - x1 < 1:
        return
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.setDash(*DOTS)
    canvas.line(x1, y, x2, y)
    canvas.restoreState()


@dataclass
class _Field:
    label: str
    label_x: float
    value_x: float
    value_end: float
    lines: list[Line]


class MemoHead(Flowable):
    """Emblem, heading and the ส่วนราชการ / ที่ / วันที่ / เรื่อง rows."""

    def __init__(self, memo: Memo, thai: bool) -> None:
        super().__init__()
        self.memo = memo
        self.thai = thai
        self.rows: list[list[_Field]] = []
        self.width = 0.0
        self.height = 0.0

    def _field(self, label: str, x: float, end: float, value: str) -> _Field:
        value_x = x + text_width(label, "bold", LABEL_SIZE) + LABEL_GAP
        lines = layout(digits(value, self.thai), VALUE, max(end - value_x, 2 * cm))
        return _Field(label, x, value_x, end, lines)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        memo, width = self.memo, avail_width
        date_x = min(max(memo.date_indent_cm * cm, 4 * cm), width - 4 * cm)
        self.rows = [
            [self._field("ส่วนราชการ", 0, width, memo.department)],
            [
                self._field("ที่", 0, date_x - LABEL_GAP, document_number(memo.number)),
                self._field("วันที่", date_x, width, date_long(memo.date, thai=self.thai)),
            ],
            [self._field("เรื่อง", 0, width, memo.subject)],
        ]
        height = 1.5 * cm - 0.1 * cm + 30.0  # emblem down to the first row's baseline
        for index, row in enumerate(self.rows):
            extra = max(len(f.lines) for f in row) - 1
            height += extra * LINE + (ROW_PITCH if index < len(self.rows) - 1 else 0)
        height += 0.3 * BODY_SIZE  # below the last baseline
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        canvas, width, top = self.canv, self.width, self.height
        emblem_h = 1.5 * cm
        draw_emblem(canvas, 0, top - emblem_h, emblem_h, self.memo.emblem)
        heading_y = top - emblem_h + 0.1 * cm
        draw_text(
            canvas,
            width / 2,
            heading_y,
            "บันทึกข้อความ",
            style="bold",
            size=HEADING_SIZE,
            align="center",
        )
        baseline = heading_y - 30.0
        for row in self.rows:
            for f in row:
                draw_text(canvas, f.label_x, baseline, f.label, style="bold", size=LABEL_SIZE)
                draw_lines(canvas, f.lines, VALUE, f.value_x, baseline + VALUE.baseline_drop)
                for i in range(max(len(f.lines), 1)):
                    dotted(canvas, f.value_x - 2, f.value_end, baseline - i * LINE - 2.0)
            baseline -= (max(len(f.lines) for f in row) - 1) * LINE + ROW_PITCH


class SignatureBlock(Flowable):
    """Blank lines (or the signature image), ``(name)`` and the position, centred at ``centre``
    (a fraction of the frame width)."""

    def __init__(
        self,
        name: str,
        position: str,
        *,
        image: bytes | None = None,
        blank_lines: float = 3.0,
        centre: float = 0.75,
        thai: bool = True,
        date_line: bool = False,
    ) -> None:
        super().__init__()
        self.name = digits(name, thai)
        self.position_lines = [digits(p, thai) for p in position.splitlines() if p.strip()]
        self.image = image
        self.blank = blank_lines * LINE
        self.centre = centre
        self.date_line = digits("วันที่ ........../........../..........", thai) if date_line else ""
        self.width = 0.0
        self.height = 0.0

    def bands(self, width: float) -> list[tuple[float, float, float]]:
        """What the block draws in a frame ``width`` wide, as (bottom, top, left edge) bands
        measured up from the block's foot: each text line, then the blank (or image) above."""
        texts = self._texts()
        widest = max(text_width(t) for t in texts)
        cx = max(min(width * self.centre, width - widest / 2), widest / 2)
        out = []
        for k, text in enumerate(reversed(texts)):
            out.append((k * LINE, (k + 1) * LINE, cx - text_width(text) / 2))
        image_left = width
        if self.image is not None:
            height = min(self.blank - 4, 1.6 * cm)
            image_left = cx - emblem_width(self.image, height) / 2
        out.append((len(texts) * LINE, len(texts) * LINE + self.blank, image_left))
        return out

    def _texts(self) -> list[str]:
        name = f"({self.name})" if self.name.strip() else "(" + "." * 60 + ")"
        texts = [name, *self.position_lines]
        if self.date_line:
            texts.append(self.date_line)
        return texts

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.blank + len(self._texts()) * LINE
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        texts = self._texts()
        widest = max(text_width(t) for t in texts)
        cx = min(self.width * self.centre, self.width - widest / 2)
        cx = max(cx, widest / 2)
        if self.image is not None:
            height = min(self.blank - 4, 1.6 * cm)
            w = emblem_width(self.image, height)
            draw_image(canvas, self.image, cx - w / 2, self.height - self.blank + 4, height)
        y = self.height - self.blank - LINE + 0.3 * BODY_SIZE
        for text in texts:
            draw_text(canvas, cx, y, text, align="center")
            y -= LINE


class OpinionFlowable(Flowable):
    """An opinion block: heading, dotted lines to write on, a signature with a date line."""

    def __init__(self, block: OpinionBlock, thai: bool) -> None:
        super().__init__()
        self.block = block
        self.thai = thai
        self.signature = SignatureBlock(
            block.signer_name, block.signer_position, blank_lines=2, thai=thai, date_line=True
        )
        self.width = 0.0
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _w, sig_h = self.signature.wrap(avail_width, avail_height)
        self.height = 12.0 + LINE * (1 + max(self.block.lines, 0)) + sig_h
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = self.height - 12.0 - LINE + 0.3 * BODY_SIZE
        draw_text(canvas, 0, y, digits(self.block.heading, self.thai), style="bold")
        for _ in range(max(self.block.lines, 0)):
            y -= LINE
            dotted(canvas, INDENT, self.width, y)
        self.signature.drawOn(canvas, 0, 0)


def table_flowable(
    table: Table, width: float, thai: bool, *, space_before: float = 6.0
) -> Flowable:
    """A ``Table`` of a memo, letter or form as a ruled table ``width`` points wide."""
    flowable = data_table(
        table.columns, table.rows, width, thai=thai, size=table.font_size, to_content=True
    )
    flowable.spaceBefore = space_before
    flowable.spaceAfter = 2.0
    return flowable


def body_flowables(body: Sequence[BodyItem], width: float, thai: bool) -> list[Flowable]:
    out: list[Flowable] = []
    for item in body:
        if isinstance(item, Paragraph):
            left = INDENT * max(item.level, 0)
            style = BODY.with_(left_indent=left, first_indent=INDENT if item.indent_first else 0.0)
            keep = tuple(digits(name, thai) for name in item.keep)
            out.append(ThaiParagraph(digits(item.text, thai), style, keep=keep))
        elif isinstance(item, Table):
            out.append(table_flowable(item, width, thai))
        elif isinstance(item, BarChart):
            out.append(ChartFlowable(item, thai))
        else:
            raise DocumentInputError("เนื้อหาของหนังสือต้องเป็นย่อหน้า ตาราง หรือแผนภูมิ", "body")
    return out


def last_lines_apart(
    body: list[Flowable], geo: Geometry, count: int = 2
) -> tuple[list[Flowable], list[Flowable]]:
    """The body without its last ``count`` lines, and those lines: they stay on one page with
    the signature (and a letter's closing and contact block): never a last page with the
    signature alone, nor one with only the contact lines. A table at the end stays where it
    falls (its last rows then go with the signature as they are)."""
    count = max(count, 1)
    head = list(body)
    tail: list[Flowable] = []
    while count > 0 and head and isinstance(head[-1], ThaiParagraph):
        last = head.pop()
        lines = last.lines_for(geo.text_width)
        if len(lines) <= count:
            tail.insert(0, last)
            count -= len(lines)
            continue
        head.append(
            ThaiParagraph(last.text, last.style.with_(space_after=0.0), lines=lines[:-count])
        )
        tail.insert(
            0, ThaiParagraph(last.text, last.style.with_(space_before=0.0), lines=lines[-count:])
        )
        break
    return head, tail


def memo_geometry(memo: Memo) -> Geometry:
    return geometry(top_cm=memo.top_margin_cm, bottom_cm=memo.bottom_margin_cm)


def memo_story(memo: Memo, geo: Geometry) -> list[Flowable]:
    thai = memo.thai_digits
    story: list[Flowable] = [MemoHead(memo, thai)]
    story.append(
        ThaiParagraph(
            digits(f"เรียน  {memo.recipient}", thai), BODY.with_(first_indent=0, align="left")
        )
    )
    body, tail = last_lines_apart(
        body_flowables(memo.body, geo.text_width, thai), geo, memo.lines_with_signature
    )
    signature = SignatureBlock(
        memo.signer_name, memo.signer_position, image=memo.signature_image, thai=thai
    )
    story += [*body, KeepTogether([*tail, signature])]
    story += [OpinionFlowable(block, thai) for block in memo.opinions]
    return story


@fonts.one_font_choice
def render_memo(memo: Memo) -> bytes:
    """The memo as PDF bytes."""
    from reports.printable import check_printable, memo_texts

    fonts.doc_font("regular")
    check_printable(memo_texts(memo))
    geo = memo_geometry(memo)
    return build_pdf(
        memo_story(memo, geo),
        geo,
        title=memo.subject,
        subject=memo.subject,
        author=memo.signer_name,
        created=memo.created,
        decorate=page_number_decoration(geo, thai=memo.thai_digits),
    )
