"""An .xlsx of plain tables with native Excel charts (openpyxl.chart): the figures stay numbers
people can work with, and each chart reads its series from the cells of its sheet, so a figure
changed in Excel moves the chart too.

Input is plain data: ``Sheet`` (title, header, rows of text and numbers, charts over its columns).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

BAR = "bar"
LINE = "line"
# Text Excel would take for a formula (CWE-1236) and characters XML 1.0 cannot hold: the same
# rules as the registers' export (models.spreadsheets), which reports/ cannot import.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass
class SheetChart:
    """A chart of one sheet: categories from one column, one series per value column (1-based
    column numbers; rows are the sheet's data rows, the header names the series)."""

    title: str
    category_column: int
    value_columns: list[int]
    anchor: str  # the top-left cell, e.g. "L2"
    kind: str = BAR
    y_title: str = ""
    percent: bool = False


@dataclass
class Sheet:
    title: str  # at most 31 characters (Excel)
    header: list[str]
    rows: list[list[Any]]
    charts: list[SheetChart] = field(default_factory=list)
    widths: Sequence[float] = ()  # column widths in characters


def workbook_bytes(sheets: Sequence[Sheet], *, title: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    book.remove(book.active)
    if title:
        book.properties.title = title
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE7F3")
    for sheet in sheets:
        ws = book.create_sheet(sheet_title(sheet.title))
        ws.append(sheet.header)
        for cell in ws[1]:
            cell.font = bold
            cell.fill = fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in sheet.rows:
            ws.append([_text(v) if isinstance(v, str) else v for v in row])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    _as_text_cell(cell)
        for index, width in enumerate(sheet.widths, start=1):
            ws.column_dimensions[ws.cell(1, index).column_letter].width = width
        ws.freeze_panes = "A2"
        for chart in sheet.charts:
            ws.add_chart(_chart(ws, chart, len(sheet.rows)), chart.anchor)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(text: str) -> str:
    text = _XML_ILLEGAL.sub(lambda m: chr(0x2400 + ord(m.group())), text)
    return _SURROGATE.sub("\ufffd", text)


def _as_text_cell(cell: Any) -> None:
    """A unit's or person's name stays text: a string cell, quote-prefixed when it starts like a
    formula (a unit called ``=HYPERLINK(…)`` is not a live link)."""
    cell.data_type = "s"
    if cell.value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def sheet_title(title: str) -> str:
    """``title`` as Excel allows it: at most 31 characters, none of ``[]:*?/\\``."""
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in title).strip("'")
    return cleaned[:31] or "-"


def _chart(ws: Any, spec: SheetChart, rows: int) -> Any:
    from openpyxl.chart import BarChart, LineChart, Reference

    chart: Any = LineChart() if spec.kind == LINE else BarChart()
    if spec.kind != LINE:
        chart.type = "col"
        chart.grouping = "clustered"
    chart.title = spec.title
    chart.y_axis.title = spec.y_title
    chart.height, chart.width = 8.0, 16.0
    if spec.percent:
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 100
    for column in spec.value_columns:
        data = Reference(ws, min_col=column, max_col=column, min_row=1, max_row=rows + 1)
        chart.add_data(data, titles_from_data=True)
    categories = Reference(
        ws,
        min_col=spec.category_column,
        max_col=spec.category_column,
        min_row=2,
        max_row=rows + 1,
    )
    chart.set_categories(categories)
    return chart
