"""Any list of the window to Excel: every row the current filters match, in the current order,
with the columns the list shows. Dates stay real dates (shown in B.E. by the workbook's number
format, ``models.spreadsheets.BE_DATE_FORMAT``) and amounts numbers, so Excel sorts and filters
them; everything else is the text the list shows.

``PagedTableView`` has the button ("ส่งออก Excel…") for every list built on it; the rows are read
through the same domain page source as the list, in the worker.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from models.i18n import _
from models.spreadsheets import SheetColumn, write_xlsx
from reports.thaifmt import date_long
from views.widgets import qt_thai
from views.widgets.tables import Column, default_format

EXPORT_PAGE = 1000  # rows per query while reading the whole list


def cell_value(column: Column, row: Any) -> Any:
    """A date, a number, or the text the list shows."""
    raw = column.raw(row)
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw
    plain_format = column.format is None or column.format is default_format
    if (
        plain_format
        and isinstance(raw, (int, float, decimal.Decimal))
        and not isinstance(raw, bool)
    ):
        return raw
    return column.text(row)


def all_rows(source: Any, filters: Any, sort_key: str, descending: bool) -> list[Any]:
    """Every row the filters match, page after page (in the worker)."""
    rows: list[Any] = []
    while True:
        page = source(filters, sort_key, descending, len(rows), EXPORT_PAGE)
        rows.extend(page.rows)
        if not page.rows or len(rows) >= page.total:
            return rows


def write_list(
    path: Path,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Any],
    today: dt.date,
) -> int:
    write_xlsx(
        path,
        title=title,
        subtitle=_("ข้อมูล ณ วันที่ {date}").format(date=date_long(today, thai=False)),
        columns=[
            SheetColumn(_(c.title), max(10.0, min(50.0, (c.width or 120) / 7))) for c in columns
        ],
        rows=[[cell_value(c, row) for c in columns] for row in rows],
        sheet_name=title[:31] or "Sheet1",
    )
    return len(rows)


def ask_xlsx_path(parent: QWidget, title: str, name: str) -> Path | None:
    safe = "".join(ch for ch in name if ch not in '\\/:*?"<>|').strip() or "export"
    target, _filter = QFileDialog.getSaveFileName(
        parent, title, qt_thai.in_documents(f"{safe}.xlsx"), "Excel (*.xlsx)"
    )
    if not target:
        return None
    return Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
