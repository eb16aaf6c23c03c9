"""Page geometry of the official documents and the build step every document shares.

A4, left margin 3 cm, right 2 cm, top 1.5 cm to the emblem, bottom 2 cm (DOCUMENTS.md). Page
decorations that need the page count (``หน้า ๒ / ๕``) are drawn when the document is saved.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from reports import fonts
from reports.textflow import draw_text
from reports.thaifmt import digits

# Compressed streams stay binary: ASCII85 on top made files 25 % larger and long registers slower.
rl_config.useA85 = 0

MM = cm / 10
LEFT = 3 * cm
RIGHT = 2 * cm
TOP = 1.5 * cm
BOTTOM = 2 * cm
LATER_TOP = 2.5 * cm  # pages 2+: below the page number
PAGE_NUMBER_BASELINE = 1.5 * cm  # from the top edge, pages 2+

Decorate = Callable[[Canvas, int, int], None]


@dataclass(frozen=True)
class Geometry:
    pagesize: tuple[float, float] = A4
    left: float = LEFT
    right: float = RIGHT
    top: float = TOP
    bottom: float = BOTTOM
    later_top: float = LATER_TOP

    @property
    def width(self) -> float:
        return self.pagesize[0]

    @property
    def height(self) -> float:
        return self.pagesize[1]

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right


def geometry(
    *, is_landscape: bool = False, top_cm: float = 1.5, bottom_cm: float = 2.0
) -> Geometry:
    size = landscape(A4) if is_landscape else A4
    return Geometry(pagesize=size, top=top_cm * cm, bottom=bottom_cm * cm)


class _Stamp:
    """What ReportLab's ``TimeStamp`` gives its ``CreationDate``/``ModDate``: the document's real
    date (ReportLab's invariant mode, kept for reproducible bytes, would write 1 January 2000)."""

    def __init__(self, moment: dt.datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.astimezone()  # a naive time is the workstation's local time
        offset = moment.utcoffset() or dt.timedelta()
        minutes = int(offset.total_seconds() // 60)
        self.t = moment.timestamp()
        self.lt = moment.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        sign = -1 if minutes < 0 else 1
        self.dhh, self.dmm = sign * (abs(minutes) // 60), abs(minutes) % 60
        self.tzname = moment.tzname() or "UTC"


class _DecoratedCanvas(Canvas):
    """Keeps every page until the end so decorations can say how many pages there are."""

    decorate: Decorate | None = None
    created: dt.datetime | None = None
    page_count: list[int] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The page preamble selects the initial font: make it the (embedded) document font,
        # or every PDF would name a non-embedded Helvetica.
        if not kwargs.get("initialFontName"):
            kwargs["initialFontName"] = fonts.doc_font("regular").name
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._doc._timeStamp = _Stamp(self.created or dt.datetime.now().astimezone())

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        if self.page_count is not None:
            self.page_count.append(total)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if self.decorate is not None:
                self.decorate(self, number, total)
            super().showPage()
        super().save()


def page_number_decoration(geo: Geometry, *, thai: bool) -> Decorate:
    """``- ๒ -`` centred at the top of every page from the second on."""

    def decorate(canvas: Canvas, number: int, total: int) -> None:
        if number >= 2:
            draw_text(
                canvas,
                geo.left + geo.text_width / 2,
                geo.height - PAGE_NUMBER_BASELINE,
                digits(f"- {number} -", thai),
                align="center",
            )

    return decorate


def build_pdf(
    story: list[Flowable],
    geo: Geometry,
    *,
    title: str = "",
    subject: str = "",
    author: str = "",
    created: dt.datetime | None = None,
    decorate: Decorate | None = None,
    first_top: float | None = None,
    page_count: list[int] | None = None,
) -> bytes:
    """Lay ``story`` out on pages of ``geo``; the first page's frame starts ``first_top`` from the
    top edge (default ``geo.top``), later pages' at ``geo.later_top``. The PDF's information:
    ``title``, ``subject``, ``author`` (the signer or the office) and ``created`` (the creation
    date: the app passes ``models.clock``'s time; default the workstation's clock).
    ``page_count`` receives the number of pages."""
    out = io.BytesIO()
    top1 = geo.top if first_top is None else first_top
    doc = BaseDocTemplate(
        out,
        pagesize=geo.pagesize,
        leftMargin=geo.left,
        rightMargin=geo.right,
        topMargin=top1,
        bottomMargin=geo.bottom,
        title=title,
        subject=subject,
        author=author or "ICT Desk",
        creator="ICT Desk",
        invariant=1,
        pageCompression=1,
    )

    def frame(top: float, name: str) -> Frame:
        return Frame(
            geo.left,
            geo.bottom,
            geo.text_width,
            geo.height - top - geo.bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )

    doc.addPageTemplates(
        [
            PageTemplate("first", [frame(top1, "first")], autoNextPageTemplate="later"),
            PageTemplate("later", [frame(geo.later_top, "later")]),
        ]
    )

    class Maker(_DecoratedCanvas):
        pass

    Maker.decorate = staticmethod(decorate) if decorate else None
    Maker.created = created
    Maker.page_count = page_count
    doc.build(story, canvasmaker=Maker)
    return out.getvalue()
