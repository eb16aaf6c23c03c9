"""Asset labels on a sheet of sticky labels: the asset number, its name and a QR code of the number.

A sheet is a grid (``LabelSheet``: A4 with so many columns and rows of a given size); the office
picks its label stock from ``SHEETS`` or gives its own measurements. Printing can start at any
position, so a partly used sheet is not wasted. Text uses the document font (shaped Thai, text that
extracts back); the QR code is drawn module by module from ReportLab's encoder and carries
``qr_text`` (the normalised asset number, Arabic digits: any scanner types it back correctly).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports import fonts
from reports.errors import DocumentInputError
from reports.textflow import TextStyle, draw_lines, draw_text, layout, text_width
from reports.thaifmt import digits

QR_BORDER = 2  # quiet-zone modules around the code (scanners read 2 reliably on white labels)


@dataclass(frozen=True)
class AssetLabel:
    number: str  # as printed
    name: str
    qr_text: str  # what the QR code carries (the asset number, normalised)
    office: str = ""  # a short line above the number, e.g. "สมศ. ภทส."


@dataclass(frozen=True)
class LabelSheet:
    """A sheet of labels; lengths in millimetres, measured from the top-left corner."""

    name: str
    columns: int
    rows: int
    label_width: float
    label_height: float
    margin_left: float
    margin_top: float
    gap_x: float = 0.0
    gap_y: float = 0.0
    page_width: float = 210.0
    page_height: float = 297.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def check(self) -> None:
        right = self.margin_left + self.columns * self.label_width + (self.columns - 1) * self.gap_x
        bottom = self.margin_top + self.rows * self.label_height + (self.rows - 1) * self.gap_y
        if self.columns < 1 or self.rows < 1 or self.label_width <= 10 or self.label_height <= 10:
            raise DocumentInputError("แผ่นป้ายต้องมีอย่างน้อย 1 แถว 1 คอลัมน์ ขนาดป้ายไม่น้อยกว่า 10 มม.")
        if right > self.page_width + 0.01 or bottom > self.page_height + 0.01:
            raise DocumentInputError("ขนาดป้ายและระยะขอบรวมกันเกินขนาดกระดาษ")

    def origin(self, index: int) -> tuple[float, float]:
        """Bottom-left corner (points) of the label at ``index`` on its page."""
        row, column = divmod(index % self.per_page, self.columns)
        x = (self.margin_left + column * (self.label_width + self.gap_x)) * mm
        top = (self.margin_top + row * (self.label_height + self.gap_y)) * mm
        return x, self.page_height * mm - top - self.label_height * mm


# Common A4 label stock (names as sold in Thai stationery shops).
SHEETS: dict[str, LabelSheet] = {
    s.name: s
    for s in (
        LabelSheet("A4 24 ดวง (3×8, 70×37 มม.)", 3, 8, 70.0, 37.0, 0.0, 0.5),
        LabelSheet("A4 21 ดวง (3×7, 70×42.3 มม.)", 3, 7, 70.0, 42.3, 0.0, 0.45),
        LabelSheet("A4 14 ดวง (2×7, 99.1×38.1 มม.)", 2, 7, 99.1, 38.1, 4.65, 15.15, 2.5, 0.0),
        LabelSheet("A4 40 ดวง (4×10, 48.5×25.4 มม.)", 4, 10, 48.5, 25.4, 8.0, 21.5),
    )
}
DEFAULT_SHEET = next(iter(SHEETS))


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code's modules for ``text`` (medium error correction, smallest version)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    return [[bool(cell) for cell in row] for row in code.modules]


def qr_geometry(sheet: LabelSheet, index: int) -> tuple[float, float, float]:
    """Where the QR code (with its quiet zone) is drawn on the label at ``index``: the bottom-left
    corner and the side, in points."""
    x, y = sheet.origin(index)
    pad = _padding(sheet)
    side = min(sheet.label_height * mm - 2 * pad, sheet.label_width * mm * 0.42)
    return x + pad, y + (sheet.label_height * mm - side) / 2, side


def _padding(sheet: LabelSheet) -> float:
    return float(min(2.5 * mm, sheet.label_height * mm * 0.08))


def _draw_qr(canvas: Canvas, text: str, x: float, y: float, side: float) -> None:
    matrix = qr_matrix(text)
    count = len(matrix) + 2 * QR_BORDER
    module = side / count
    canvas.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if row[c]:
                run = 1
                while c + run < len(row) and row[c + run]:
                    run += 1
                canvas.rect(
                    x + (c + QR_BORDER) * module,
                    y + side - (r + QR_BORDER + 1) * module,
                    run * module,
                    module,
                    stroke=0,
                    fill=1,
                )
                c += run
            else:
                c += 1


def _fit_size(text: str, style: str, width: float, largest: float, smallest: float) -> float:
    size = largest
    while size > smallest and text_width(text, style, size) > width:
        size -= 0.5
    return size


def _draw_label(
    canvas: Canvas, sheet: LabelSheet, index: int, label: AssetLabel, thai: bool
) -> None:
    x, y = sheet.origin(index)
    pad = _padding(sheet)
    qx, qy, side = qr_geometry(sheet, index)
    if label.qr_text:
        _draw_qr(canvas, label.qr_text, qx, qy, side)
    left = qx + side + pad
    width = x + sheet.label_width * mm - pad - left
    top = y + sheet.label_height * mm - pad
    scale = min(1.0, sheet.label_height / 37.0)
    cursor = top
    if label.office:
        office = digits(label.office, thai)
        size = _fit_size(office, "bold", width, 10 * scale, 6)
        cursor -= size
        draw_text(canvas, left, cursor, office, style="bold", size=size)
        cursor -= size * 0.45
    number = digits(label.number, thai)
    size = _fit_size(number, "bold", width, 15 * scale, 7)
    cursor -= size
    draw_text(canvas, left, cursor, number, style="bold", size=size)
    cursor -= size * 0.35
    style = TextStyle(font="regular", size=max(7.0, 11 * scale), align="left")
    lines = layout(label.name, style, width)  # model names keep their digits (T14, not T๑๔)
    room = int((cursor - (y + pad)) // style.line_height)
    if room > 0 and lines:
        draw_lines(canvas, lines[:room], style, left, cursor)


def _draw_outline(canvas: Canvas, sheet: LabelSheet, index: int) -> None:
    x, y = sheet.origin(index)
    canvas.setStrokeColorRGB(0.75, 0.75, 0.75)
    canvas.setLineWidth(0.3)
    canvas.setDash(2, 2)
    canvas.rect(x, y, sheet.label_width * mm, sheet.label_height * mm, stroke=1, fill=0)
    canvas.setDash()


@fonts.one_font_choice
def render_labels(
    labels: Sequence[AssetLabel],
    sheet: LabelSheet | None = None,
    *,
    start_at: int = 1,
    thai_digits: bool = True,
    outlines: bool = False,
    title: str = "ป้ายครุภัณฑ์",
) -> bytes:
    """The labels on as many sheets as needed; the first goes at position ``start_at`` (1 = the
    top-left label, counting along each row) of the first sheet. ``outlines`` draws dashed cut
    lines, for plain paper."""
    chosen = sheet or SHEETS[DEFAULT_SHEET]
    chosen.check()
    if not labels:
        raise DocumentInputError("ไม่มีครุภัณฑ์ที่จะพิมพ์ป้าย")
    if not 1 <= start_at <= chosen.per_page:
        raise DocumentInputError(
            f"ตำแหน่งเริ่มพิมพ์ต้องอยู่ระหว่าง 1 ถึง {chosen.per_page} (จำนวนดวงในหนึ่งแผ่น)"
        )
    out = io.BytesIO()
    canvas = Canvas(
        out,
        pagesize=(chosen.page_width * mm, chosen.page_height * mm)
        if (chosen.page_width, chosen.page_height) != (210.0, 297.0)
        else A4,
        initialFontName=fonts.doc_font("regular").name,
        invariant=1,
        pageCompression=1,
    )
    canvas.setTitle(title)
    canvas.setAuthor("ICT Desk")
    canvas.setCreator("ICT Desk")
    position = start_at - 1
    for label in labels:
        if position and position % chosen.per_page == 0:
            canvas.showPage()
        if outlines:
            _draw_outline(canvas, chosen, position)
        _draw_label(canvas, chosen, position, label, thai_digits)
        position += 1
    canvas.showPage()
    canvas.save()
    return out.getvalue()
