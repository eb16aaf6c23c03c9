"""The external letter (หนังสือภายนอก), laid out as DOCUMENTS.md prescribes.

Emblem 3 cm high centred at the top (1.5 cm from the top edge); ``ที่`` at the left margin and the
agency's name and address on the right, both level with the emblem's foot (baseline 4.5 cm from the
top); the date one line + 6 pt below the address, starting at the page centre; ``เรื่อง``
``เรียน`` ``อ้างถึง`` ``สิ่งที่ส่งมาด้วย`` at the margin, each 6 pt before (the last two only when
given); body as in the memo; ``ขอแสดงความนับถือ`` 12 pt after the body at the date's x; three blank
lines, ``(name)`` and the position centred under it; the contact block at the bottom-left of the
last page, against the bottom margin. The body's last two lines, the closing, the signature and
the contact block share a page: when they do not fit, they move on together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether

from reports import fonts
from reports.emblem import draw_emblem, emblem_width
from reports.memo import (
    BODY,
    LINE,
    Paragraph,
    SignatureBlock,
    Table,
    body_flowables,
    last_lines_apart,
)
from reports.page import Geometry, build_pdf, geometry, page_number_decoration
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

EMBLEM_HEIGHT = 3 * cm
EMBLEM_GAP = 0.2 * cm  # between the emblem and the agency block's first line
LABEL_GAP = 8.0
VALUE = TextStyle(size=16, align="left")


@dataclass
class Contact:
    unit: str
    phone: str = ""
    fax: str = ""
    email: str = ""
    copy_to: str = ""


@dataclass
class Letter:
    number: str  # ที่
    agency: str
    address: str
    date: dt.date
    subject: str
    recipient: str
    references: list[str]  # อ้างถึง
    enclosures: list[str]  # สิ่งที่ส่งมาด้วย
    body: list[Paragraph | Table]
    signer_name: str
    signer_position: str
    contact: Contact
    signature_image: bytes | None = None
    thai_digits: bool = True
    emblem: bytes | None = None
    closing: str = "ขอแสดงความนับถือ"
    top_margin_cm: float = 1.5
    bottom_margin_cm: float = 2.0
    lines_with_signature: int = 2  # body lines that go to a new page with the closing (setting)
    created: dt.datetime | None = None  # the PDF's creation date (models.clock); None: now


def date_x(geo: Geometry) -> float:
    """The page centre, measured from the left margin."""
    return geo.width / 2 - geo.left


class LetterHead(Flowable):
    """Emblem, ``ที่`` and the agency's name and address, and the date.

    The agency block sits on the right with its first baseline level with the emblem's foot, so
    its first line starts right of the emblem. Its lines share the left edge that puts the
    longest line against the right margin. A long name and address would make that a narrow
    column of five or six lines (the demo office's name alone is wider than the text line), so
    when starting the lines below the emblem further left (never left of the emblem's own left
    edge) saves lines, they do, and only the first line keeps clear of the emblem."""

    def __init__(self, letter: Letter, geo: Geometry) -> None:
        super().__init__()
        self.letter = letter
        self.geo = geo
        self.thai = letter.thai_digits
        self.number_lines: list[Line] = []
        self.address_lines: list[Line] = []
        self.address_x = 0.0
        self.address_style = VALUE
        self.width = 0.0
        self.height = 0.0

    def _address_layout(self, address: str, width: float) -> tuple[float, TextStyle, list[Line]]:
        """(left edge, style, lines) of the agency block in a frame ``width`` wide."""
        half_emblem = emblem_width(self.letter.emblem, EMBLEM_HEIGHT) / 2
        first_x = min(width / 2 + half_emblem + EMBLEM_GAP, width - 4 * cm)
        widest = max((text_width(part) for part in address.split("\n")), default=0.0)
        left = max(first_x, width - widest - 1)
        best = (left, VALUE, layout(address, VALUE, width - left))
        lowest = min(width / 2 - half_emblem, first_x)
        step = 0.25 * cm
        candidate = first_x - step
        while candidate >= lowest - 0.01 and len(best[2]) > 1:
            style = VALUE.with_(first_indent=first_x - candidate)
            lines = layout(address, style, width - candidate)
            if len(lines) < len(best[2]):
                best = (candidate, style, lines)
            candidate -= step
        return best

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        thai, width = self.thai, avail_width
        address = "\n".join(
            p for p in (self.letter.agency.strip(), self.letter.address.strip()) if p
        )
        self.address_x, self.address_style, self.address_lines = self._address_layout(
            digits(address, thai), width
        )
        number_x = text_width("ที่") + LABEL_GAP
        # more than an em clear of the agency block, so extractors keep the two apart
        number_room = self.address_x - number_x - 1.5 * VALUE.size
        self.number_lines = layout(
            digits(document_number(self.letter.number), thai), VALUE, max(number_room, 3 * cm)
        )
        self.width = width
        rows = max(len(self.address_lines), len(self.number_lines), 1)
        self.height = EMBLEM_HEIGHT + (rows - 1) * LINE + LINE + 6.0 + 0.3 * 16
        return width, self.height

    def date_baseline(self) -> float:
        rows = max(len(self.address_lines), len(self.number_lines), 1)
        return float(self.height - EMBLEM_HEIGHT - (rows - 1) * LINE - LINE - 6.0)

    def draw(self) -> None:
        canvas, top, width = self.canv, self.height, self.width
        ew = emblem_width(self.letter.emblem, EMBLEM_HEIGHT)
        draw_emblem(
            canvas, width / 2 - ew / 2, top - EMBLEM_HEIGHT, EMBLEM_HEIGHT, self.letter.emblem
        )
        baseline = top - EMBLEM_HEIGHT
        draw_text(canvas, 0, baseline, "ที่")
        box_top = baseline + VALUE.baseline_drop
        draw_lines(canvas, self.number_lines, VALUE, text_width("ที่") + LABEL_GAP, box_top)
        draw_lines(canvas, self.address_lines, self.address_style, self.address_x, box_top)
        draw_text(
            canvas,
            date_x(self.geo),
            self.date_baseline(),
            date_long(self.letter.date, thai=self.thai),
        )


class LabeledField(Flowable):
    """``เรื่อง  value`` with the value (or each of several values) hanging under itself;
    ``keep``: each value is a name (``เรียน``), printed on one line when it fits."""

    def __init__(
        self,
        label: str,
        values: list[str],
        *,
        thai: bool,
        space_before: float = 6.0,
        keep: bool = False,
    ):
        super().__init__()
        self.label = label
        self.values = [digits(v, thai) for v in values]
        self.keep = keep
        self.space_before = space_before
        self.lines: list[Line] = []
        self.value_x = 0.0
        self.width = 0.0
        self.height = 0.0

    def getSpaceBefore(self) -> float:
        return self.space_before

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.value_x = text_width(self.label) + LABEL_GAP
        self.lines = []
        for value in self.values:
            kept = (value,) if self.keep else ()
            self.lines += layout(value, VALUE, avail_width - self.value_x, kept)
        self.width = avail_width
        self.height = max(len(self.lines), 1) * LINE
        return avail_width, self.height

    def draw(self) -> None:
        draw_text(self.canv, 0, self.height - VALUE.baseline_drop, self.label)
        draw_lines(self.canv, self.lines, VALUE, self.value_x, self.height)


class ContactBlock(Flowable):
    """The owning unit's contact lines at the foot of the page the letter ends on.

    It takes only its own height in the story, so it moves to a new page only when it does not
    fit below the signature, and it is drawn against the bottom margin wherever it lands (it is
    the last thing on the page). ``beside``: when the letter would otherwise need one more page
    for these few lines, they sit at the bottom-left beside the closing and the signature
    (wrapped to the room left of them, on their baselines) and take only what reaches below
    those from the story."""

    def __init__(
        self,
        contact: Contact,
        thai: bool,
        bottom: float,
        beside: tuple[float, float] | None = None,
    ) -> None:
        super().__init__()
        lines = [contact.unit]
        if contact.phone.strip():
            lines.append(f"โทร. {contact.phone}")
        if contact.fax.strip():
            lines.append(f"โทรสาร {contact.fax}")
        if contact.email.strip():
            lines.append(f"ไปรษณีย์อิเล็กทรอนิกส์ {contact.email}")
        if contact.copy_to.strip():
            lines.append(f"สำเนาส่ง {contact.copy_to}")
        self.texts = [digits(t, thai) for t in lines if t.strip()]
        self.bottom = bottom  # the frame's bottom edge on the page
        self.beside = beside  # (room: width left of the ending, shared: the ending's height)
        self.lines: list[Line] = []
        self.drawn_height = 0.0
        self.width = 0.0
        self.height = 0.0

    def getSpaceBefore(self) -> float:
        return 0.0 if self.beside else 6.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        room = self.beside[0] if self.beside else avail_width
        self.lines = [line for text in self.texts for line in layout(text, VALUE, room)]
        self.drawn_height = len(self.lines) * LINE
        shared = self.beside[1] if self.beside else 0.0
        self.height = max(self.drawn_height - shared, 0.0)
        return avail_width, self.height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
        canvas.saveState()
        # beside the signature: on the signature's own baselines (extractors then read the two
        # as columns); below it: against the bottom margin
        canvas.translate(x, y if self.beside else self.bottom)
        self.canv = canvas
        try:
            self.draw()
        finally:
            del self.canv
            canvas.restoreState()

    def draw(self) -> None:
        draw_lines(self.canv, self.lines, VALUE, 0, self.drawn_height)


ROOM_GAP = 1.5 * VALUE.size  # between the contact column and the signature beside it
ROOM_MIN = 4.5 * cm  # the narrowest column the contact lines are wrapped to


def contact_beside(
    contact: ContactBlock, bands: list[tuple[float, float, float]], width: float
) -> tuple[float, float] | None:
    """(column width, shared height) that lets the contact lines rise highest beside the ending
    drawn flush with the frame's foot: each contact line must end left of everything the
    ending draws level with it (``bands``: bottom, top, left edge, up from the ending's foot,
    the body above them as wide as the frame). None when nothing can be shared."""
    best: tuple[float, float, float] | None = None  # (story height, -room, shared)
    room = width
    while room >= ROOM_MIN:
        widths = [line.natural for text in contact.texts for line in layout(text, VALUE, room)]
        drawn = len(widths) * LINE
        for rows in range(len(widths), 0, -1):  # whole lines: the baselines line up
            shared = rows * LINE
            foot = drawn - shared  # the ending's foot
            if all(
                w + ROOM_GAP <= left
                for i, w in enumerate(widths)
                for bottom, top, left in [*bands, (bands[-1][1], 1e9, 0.0)]
                if min(drawn - i * LINE, foot + top) - max(drawn - (i + 1) * LINE, foot + bottom)
                > 0.5
            ):
                height = drawn - shared
                if best is None or (height, -room) < best[:2]:
                    best = (height, -room, float(shared))
                break
        room -= 0.5 * cm
    if best is None:
        return None
    return -best[1], best[2]


def letter_story(letter: Letter, geo: Geometry, *, beside: bool = False) -> list[Flowable]:
    thai = letter.thai_digits
    story: list[Flowable] = [LetterHead(letter, geo)]
    story.append(LabeledField("เรื่อง", [letter.subject], thai=thai))
    story.append(LabeledField("เรียน", [letter.recipient], thai=thai, keep=True))
    numbered = len(letter.references) > 1
    if letter.references:
        refs = [f"{i}. {r}" if numbered else r for i, r in enumerate(letter.references, 1)]
        story.append(LabeledField("อ้างถึง", refs, thai=thai))
    if letter.enclosures:
        many = len(letter.enclosures) > 1
        encl = [f"{i}. {e}" if many else e for i, e in enumerate(letter.enclosures, 1)]
        story.append(LabeledField("สิ่งที่ส่งมาด้วย", encl, thai=thai))
    body, ending = last_lines_apart(
        body_flowables(letter.body, geo.text_width, thai), geo, letter.lines_with_signature
    )
    x = date_x(geo)
    closing = digits(letter.closing, thai)
    closing_style = BODY.with_(first_indent=0, left_indent=x, align="left", space_before=12)
    ending.append(ThaiParagraph(closing, closing_style))
    centre = (x + text_width(closing) / 2) / geo.text_width
    signature = SignatureBlock(
        letter.signer_name,
        letter.signer_position,
        image=letter.signature_image,
        centre=centre,
        thai=thai,
    )
    ending.append(signature)
    if letter.contact.unit.strip() or letter.contact.phone.strip():
        block = ContactBlock(letter.contact, thai, geo.bottom)
        if beside:
            _w, sig_h = signature.wrap(geo.text_width, geo.height)
            bands = [
                *signature.bands(geo.text_width),
                (sig_h, sig_h + closing_style.line_height, x),  # the closing
                (sig_h + closing_style.line_height, sig_h + 1e9, 0.0),  # the body
            ]
            block.beside = contact_beside(block, bands, geo.text_width)
        ending.append(block)
    return story + body + [KeepTogether(ending)]


@fonts.one_font_choice
def render_letter(letter: Letter) -> bytes:
    """The external letter as PDF bytes.

    A contact block that would push the ending onto one more page than the letter needs without
    it goes beside the closing and the signature instead (when there is room left of them), so
    page 1 of a letter that fits on it is filled rather than left half empty."""
    from reports.printable import check_printable, letter_texts

    fonts.doc_font("regular")
    check_printable(letter_texts(letter))
    geo = geometry(top_cm=letter.top_margin_cm, bottom_cm=letter.bottom_margin_cm)

    def build(story: list[Flowable]) -> tuple[bytes, int]:
        counted: list[int] = []
        pdf = build_pdf(
            story,
            geo,
            title=letter.subject,
            subject=letter.subject,
            author=letter.signer_name,
            created=letter.created,
            decorate=page_number_decoration(geo, thai=letter.thai_digits),
            page_count=counted,
        )
        return pdf, counted[0]

    pdf, count = build(letter_story(letter, geo))
    if not (letter.contact.unit.strip() or letter.contact.phone.strip()):
        return pdf
    _bare, bare_count = build(letter_story(replace(letter, contact=Contact("")), geo))
    if count > bare_count:
        beside, beside_count = build(letter_story(letter, geo, beside=True))
        if beside_count < count:
            return beside
    return pdf
