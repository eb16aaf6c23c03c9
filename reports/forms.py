"""Printed forms: the training sign-in sheet, committee signature blocks, and a generic form for
slips such as the loaner hand-over / return slip.

Dataclasses:

``SignInSheet(title, subject, date, place, attendees=[], blank_rows=10, organiser="", thai_digits=True)``
    ใบลงชื่อเข้าร่วมการอบรม: title, the system or course (``subject``), date and place, then a table
    ลำดับ | ชื่อ-สกุล | ตำแหน่ง/หน่วยงาน | ลายมือชื่อ | หมายเหตุ with the named ``attendees``
    (``Attendee(name, position)``) and ``blank_rows`` empty rows to fill by hand.
    ``render_sign_in_sheet(sheet) -> bytes``.

``CommitteeSigner(name, role, position="")``
    One committee member; ``role`` is printed under the name: ``ประธานกรรมการ``, ``กรรมการ``,
    ``กรรมการและเลขานุการ`` (``CHAIR``, ``MEMBER``, ``SECRETARY``). ``committee_signatures(signers,
    thai_digits=True) -> list[Flowable]`` gives the signature lines (two per row, chair first as
    given) to append to any story; ``FormDocument.committee`` prints them on a form.

``SignatureLine(role, name="", position="")``
    A signature line ``ลงชื่อ ...... role`` with ``(name)`` and position under it (dotted when the
    name is not known yet), e.g. ``SignatureLine("ผู้ส่งมอบ", "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์")``.

``FormDocument(title, office="", subtitle="", fields=[], paragraphs=[], table=None, signatures=[],
committee=[], thai_digits=True, emblem=None, show_emblem=False, date=None)``
    A generic one-or-more-page form: centred title (and optional emblem), office and subtitle lines,
    ``fields`` as ``(label, value)`` lines with the value hanging after its bold label,
    ``paragraphs`` of text, an optional ``FormTable(columns, rows)``, then the signature lines (two
    per row) and the committee's signatures. ``render_form(form) -> bytes``. The loaner slip is
    ``FormDocument("ใบส่งมอบเครื่องคอมพิวเตอร์ยืมใช้งาน", fields=[("เครื่อง", ...), ("หมายเลขครุภัณฑ์",
    ...), ("ผู้ยืม", ...), ("วันที่ยืม", ...), ("กำหนดส่งคืน", ...)], signatures=[SignatureLine("ผู้ส่งมอบ",
    ...), SignatureLine("ผู้รับมอบ", ...)])``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from reports import fonts
from reports.emblem import draw_emblem
from reports.memo import LINE, Table, dotted, table_flowable
from reports.page import build_pdf, geometry, page_number_decoration
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
from reports.thaifmt import date_long, digits

CHAIR = "ประธานกรรมการ"
MEMBER = "กรรมการ"
SECRETARY = "กรรมการและเลขานุการ"

TITLE = TextStyle(font="bold", size=20, align="center", leading=26)
CENTRED = TextStyle(size=16, align="center")
TEXT = TextStyle(size=16, first_indent=2.5 * cm, space_before=6)


@dataclass
class Attendee:
    name: str
    position: str = ""
    note: str = ""


@dataclass
class SignInSheet:
    title: str  # e.g. ใบลงชื่อเข้าร่วมการอบรม
    subject: str  # the system or course, e.g. การใช้งานระบบสารบรรณอิเล็กทรอนิกส์
    date: dt.date
    place: str
    attendees: list[Attendee] = field(default_factory=list)
    blank_rows: int = 10
    organiser: str = ""  # e.g. จัดโดย ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร
    thai_digits: bool = True


@dataclass
class CommitteeSigner:
    name: str
    role: str = MEMBER
    position: str = ""


@dataclass
class SignatureLine:
    role: str  # printed after the dotted line: ผู้ส่งมอบ, ผู้รับมอบ, ผู้ยืม ...
    name: str = ""
    position: str = ""


FormTable = Table  # one table type for memos and forms


@dataclass
class FormDocument:
    title: str
    office: str = ""
    subtitle: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    table: FormTable | None = None
    signatures: list[SignatureLine] = field(default_factory=list)
    committee: list[CommitteeSigner] = field(default_factory=list)
    thai_digits: bool = True
    emblem: bytes | None = None
    show_emblem: bool = False
    date: dt.date | None = None  # printed under the subtitle when given


class _SignatureGrid(Flowable):
    """Signature lines two per row: ``ลงชื่อ ........ role``, ``(name)``, position."""

    def __init__(self, entries: list[tuple[str, str, str]], thai: bool) -> None:
        super().__init__()
        self.entries = [(digits(r, thai), digits(n, thai), digits(p, thai)) for r, n, p in entries]
        self.width = 0.0
        self.height = 0.0

    def _rows(self) -> list[list[tuple[str, str, str]]]:
        if len(self.entries) == 1:
            return [self.entries]
        return [self.entries[i : i + 2] for i in range(0, len(self.entries), 2)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self._rows()) * (LINE * 5) + LINE
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = self.height - 2 * LINE
        for row in self._rows():
            centres = (
                [self.width * 0.72] if len(row) == 1 else [self.width * 0.25, self.width * 0.75]
            )
            for (role, name, position), cx in zip(row, centres, strict=True):
                label = "ลงชื่อ"
                role_w = text_width(role)
                column = self.width if len(row) == 1 else self.width / 2
                # two signers on a row stay over an em apart (extractors keep them separate)
                line_w = max(min(4.2 * cm, column - 24 - text_width(label) - role_w - 8), 1.5 * cm)
                total = text_width(label) + 4 + line_w + 4 + role_w
                x = max(cx - total / 2, 0.0)
                draw_text(canvas, x, y, label)
                x += text_width(label) + 4
                dotted(canvas, x, x + line_w, y - 2)
                draw_text(canvas, x + line_w + 4, y, role)
                shown = f"({name})" if name.strip() else "(" + "." * 50 + ")"
                draw_text(canvas, cx, y - LINE, shown, align="center")
                if position.strip():
                    draw_text(canvas, cx, y - 2 * LINE, position, align="center")
                else:
                    draw_text(canvas, cx, y - 2 * LINE, "ตำแหน่ง " + "." * 40, align="center")
            y -= LINE * 5


def committee_signatures(
    signers: list[CommitteeSigner], thai_digits: bool = True
) -> list[Flowable]:
    """Signature lines for a committee (ประธานกรรมการ / กรรมการ / กรรมการและเลขานุการ), two per row."""
    if not signers:
        return []
    return [_SignatureGrid([(s.role, s.name, s.position) for s in signers], thai_digits)]


class _FieldLine(Flowable):
    """``label`` in bold, the value hanging after it over a dotted line."""

    def __init__(self, label: str, value: str, thai: bool) -> None:
        super().__init__()
        self.label = digits(label, thai)
        self.value = digits(value, thai)
        self.lines: list[Line] = []
        self.value_x = 0.0
        self.width = 0.0
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.value_x = text_width(self.label, "bold") + 6
        style = TextStyle(size=16, align="left")
        self.lines = layout(self.value, style, avail_width - self.value_x)
        self.width = avail_width
        self.height = max(len(self.lines), 1) * LINE + 4
        return avail_width, self.height

    def draw(self) -> None:
        style = TextStyle(size=16, align="left")
        top = self.height - 4
        draw_text(self.canv, 0, top - style.baseline_drop, self.label, style="bold")
        draw_lines(self.canv, self.lines, style, self.value_x, top)
        for i in range(max(len(self.lines), 1)):
            dotted(
                self.canv, self.value_x - 2, self.width, top - style.baseline_drop - i * LINE - 2
            )


def form_story(form: FormDocument, width: float) -> list[Flowable]:
    thai = form.thai_digits
    story: list[Flowable] = []
    if form.show_emblem:
        story.append(_Emblem(form.emblem))
    story.append(ThaiParagraph(digits(form.title, thai), TITLE))
    for line in (form.office, form.subtitle):
        if line.strip():
            story.append(ThaiParagraph(digits(line, thai), CENTRED))
    if form.date is not None:
        story.append(ThaiParagraph(digits("วันที่ " + date_long(form.date, thai=thai), thai), CENTRED))
    story.append(Spacer(1, 8))
    story += [_FieldLine(label, value, thai) for label, value in form.fields]
    story += [ThaiParagraph(digits(text, thai), TEXT) for text in form.paragraphs]
    if form.table is not None:
        story.append(table_flowable(form.table, width, thai, space_before=8.0))
    if form.signatures:
        story.append(_SignatureGrid([(s.role, s.name, s.position) for s in form.signatures], thai))
    story += committee_signatures(form.committee, thai)
    return story


class _Emblem(Flowable):
    def __init__(self, image: bytes | None) -> None:
        super().__init__()
        self.image = image
        self.width = 0.0
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 1.5 * cm + 4
        return self.width, self.height

    def draw(self) -> None:
        from reports.emblem import emblem_width

        w = emblem_width(self.image, 1.5 * cm)
        draw_emblem(self.canv, self.width / 2 - w / 2, 4, 1.5 * cm, self.image)


@fonts.one_font_choice
def render_form(form: FormDocument) -> bytes:
    geo = geometry()
    return build_pdf(
        form_story(form, geo.text_width),
        geo,
        title=form.title,
        decorate=page_number_decoration(geo, thai=form.thai_digits),
    )


SIGN_IN_COLUMNS = [
    TableColumn("ลำดับ", 0.9, "center"),
    TableColumn("ชื่อ-สกุล", 3.4, keep=True),
    TableColumn("ตำแหน่ง/หน่วยงาน", 2.6),
    TableColumn("ลายมือชื่อ", 2.0),
    TableColumn("หมายเหตุ", 1.6),
]


@fonts.one_font_choice
def render_sign_in_sheet(sheet: SignInSheet) -> bytes:
    """The sign-in sheet; named attendees first, then numbered blank rows to fill by hand."""
    thai = sheet.thai_digits
    geo = geometry()
    rows = [[str(i), a.name, a.position, "", a.note] for i, a in enumerate(sheet.attendees, 1)]
    start = len(rows) + 1
    rows += [[str(i), "", "", "", ""] for i in range(start, start + max(sheet.blank_rows, 0))]
    story: list[Flowable] = [ThaiParagraph(digits(sheet.title, thai), TITLE)]
    story.append(ThaiParagraph(digits(sheet.subject, thai), CENTRED.with_(font="bold")))
    when = "วันที่ " + date_long(sheet.date, thai=thai)
    if sheet.place.strip():
        when += " ณ " + sheet.place
    story.append(ThaiParagraph(digits(when, thai), CENTRED))
    if sheet.organiser.strip():
        story.append(ThaiParagraph(digits(sheet.organiser, thai), CENTRED))
    story.append(Spacer(1, 8))
    story.append(
        data_table(
            SIGN_IN_COLUMNS, rows, geo.text_width, thai=thai, size=15, min_row_height=0.95 * cm
        )
    )
    return build_pdf(story, geo, title=sheet.title, decorate=page_number_decoration(geo, thai=thai))
