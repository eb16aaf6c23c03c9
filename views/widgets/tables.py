"""What every list in the window shares: a table model over ``Column`` definitions, the table view
(whole rows selected, alternating colours, a cut-off cell shows its whole text as a tooltip),
column widths (dates and states fit their content, the title takes the spare room), and the same
set-up for the small ``QTableWidget`` lists of a page (tasks, files, holidays).

Usage::

    columns = [
        Column("number", N_("เลขที่"), fit=NUMBER_SAMPLE),
        Column("title", N_("เรื่อง"), stretch=True),
        Column("received_on", N_("วันที่รับ"), fit=DATE_SAMPLE),
    ]
    view = TableView(parent)
    view.setModel(model)
    apply_columns(view, columns)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QToolTip,
    QWidget,
)

from models.i18n import _
from reports.thaifmt import date_short, datetime_short, number

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's id
SORT_UNSET = ""
CELL_PADDING = 18  # a cell's margins and the sort arrow, around its text

# Sample texts that size a column to its widest usual value (the header counts too).
DATE_SAMPLE = "30 พ.ย. 2569"
DATETIME_SAMPLE = "30 พ.ย. 2569 23:59"
NUMBER_SAMPLE = "ผย.999/2569"
MONEY_SAMPLE = "9,999,999.99"
STATE_SAMPLE = "เกินกำหนด 10 วันทำการ"

AnyIndex = QModelIndex | QPersistentModelIndex


def default_format(value: Any) -> str:
    """Display text: B.E. dates, grouped numbers, ✓ for true; empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, dt.datetime):
        return datetime_short(value)
    if isinstance(value, dt.date):
        return date_short(value)
    if isinstance(value, int):
        return number(value)
    if isinstance(value, float):
        return number(value, decimals=2)
    return str(value)


def row_value(row: Any, key: str) -> Any:
    if isinstance(row, dict):
        return row.get(key)
    return getattr(row, key, None)


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # N_-marked; shown through _()
    sort_key: str | None = SORT_UNSET  # "" = same as key; None = not sortable
    align: Qt.AlignmentFlag | None = None  # default: right for numbers, left otherwise
    format: Callable[[Any], str] | None = None  # value -> text (default: default_format)
    value: Callable[[Any], Any] | None = None  # row -> value (default: row[key])
    width: int = 0  # initial width in pixels (0: fit the header, or ``fit``)
    tooltip: Callable[[Any], str] | None = field(default=None, compare=False)
    fit: str = ""  # a sample of the widest usual value: the column starts that wide
    stretch: bool = False  # the column takes the room the others leave

    @property
    def effective_sort_key(self) -> str | None:
        if self.sort_key is None:
            return None
        return self.sort_key or self.key

    def raw(self, row: Any) -> Any:
        return self.value(row) if self.value is not None else row_value(row, self.key)

    def text(self, row: Any) -> str:
        value = self.raw(row)
        return (self.format or default_format)(value)


class ColumnsModel(QAbstractTableModel):
    """Rows (dicts or dataclasses) shown through ``Column`` definitions."""

    def __init__(
        self, columns: Sequence[Column], *, id_key: str = "id", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.id_key = id_key
        self.rows: list[Any] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return _(self.columns[section].title)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align is not None:
                return column.align
            raw = column.raw(row)
            numeric = isinstance(raw, (int, float)) and not isinstance(raw, bool)
            return RIGHT if numeric else LEFT
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row_value(row, self.id_key)
        return self.more_data(row, column, role)

    def more_data(self, row: Any, column: Column, role: int) -> Any:
        """Other roles a list adds (sort keys, colours)."""
        return None

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None


def elided(view: QAbstractItemView, index: QModelIndex, text: str) -> bool:
    """Is ``text`` cut off in the cell at ``index``?"""
    width = view.visualRect(index).width()
    return view.fontMetrics().horizontalAdvance(text) + CELL_PADDING > width


def show_cell_tooltip(view: QAbstractItemView, event: QEvent) -> bool:
    """A tooltip event on ``view``'s viewport: the cell's own tooltip, else its whole text when
    the cell cuts it off. Returns True when handled."""
    if not isinstance(event, QHelpEvent):
        return False
    index = view.indexAt(event.pos())
    if not index.isValid():
        QToolTip.hideText()
        return True
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    if not tip:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        tip = str(text) if text and elided(view, index, str(text)) else ""
    if tip:
        QToolTip.showText(event.globalPos(), str(tip), view.viewport(), view.visualRect(index))
    else:
        QToolTip.hideText()
    return True


class TableView(QTableView):
    """Whole rows, one at a time (or several with ``multi_select``), read only; a cut-off cell
    shows its whole text as a tooltip."""

    def __init__(self, parent: QWidget | None = None, *, multi_select: bool = False) -> None:
        super().__init__(parent)
        setup_rows(self, multi_select=multi_select)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.stretch_column = -1
        self.stretch_minimum = 0
        self._fitting = False
        self.horizontalHeader().sectionResized.connect(self._section_resized)

    def set_stretch_column(self, index: int, minimum: int) -> None:
        """Column ``index`` takes the width the others leave (never less than ``minimum``); the
        user can still drag every column. (``QHeaderView.Stretch`` cannot be dragged, and gives
        odd widths once the columns are wider than the table.)"""
        self.stretch_column = index
        self.stretch_minimum = minimum
        self.fit_stretch_column()

    def fit_stretch_column(self) -> None:
        header = self.horizontalHeader()
        index = self.stretch_column
        if not (0 <= index < header.count()) or self._fitting:
            return
        others = sum(
            header.sectionSize(i)
            for i in range(header.count())
            if i != index and not header.isSectionHidden(i)
        )
        width = max(self.stretch_minimum, self.viewport().width() - others)
        self._fitting = True
        try:
            header.resizeSection(index, width)
        finally:
            self._fitting = False

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if index != self.stretch_column:
            self.fit_stretch_column()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and show_cell_tooltip(self, event):
            return True
        if event.type() == QEvent.Type.Resize:
            handled = super().viewportEvent(event)
            self.fit_stretch_column()
            return handled
        return super().viewportEvent(event)


def setup_rows(view: QAbstractItemView, *, multi_select: bool = False, stretch: int = -1) -> None:
    """The set-up every list shares (a ``QTableView`` or a ``QTableWidget``): read only, whole
    rows, no row numbers, alternating colours; ``stretch``: the column that takes the spare
    width (the last one when -1)."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi_select
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setAlternatingRowColors(True)
    if isinstance(view, QTableView):
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        if stretch >= 0:
            header.setStretchLastSection(False)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)


def column_width(view: QTableView, column: Column) -> int:
    """The width a column starts at: its ``fit`` sample or its header text, at least ``width``."""
    metrics = view.fontMetrics()
    header = view.horizontalHeader().fontMetrics()
    needed = max(
        header.horizontalAdvance(_(column.title)),
        metrics.horizontalAdvance(column.fit) if column.fit else 0,
    )
    return max(column.width, needed + CELL_PADDING)


def apply_columns(view: QTableView, columns: Sequence[Column]) -> None:
    """Widths from the column definitions: the ``stretch`` column (else the last) takes the spare
    room; the others can still be dragged wider or narrower."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setMinimumSectionSize(max(40, view.fontMetrics().horizontalAdvance("ww") + 12))
    stretch = next((i for i, c in enumerate(columns) if c.stretch), -1)
    header.setStretchLastSection(stretch < 0)
    for index, column in enumerate(columns):
        view.setColumnWidth(index, column_width(view, column))
    if stretch >= 0:
        if isinstance(view, TableView):
            view.set_stretch_column(stretch, column_width(view, columns[stretch]))
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class TableWidgetTips(QObject):
    """Cut-off cells of a ``QTableWidget`` show their whole text as a tooltip."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            return show_cell_tooltip(self.table, event)
        return False


def setup_table_widget(table: QTableWidget, *, stretch: int = -1) -> QTableWidget:
    """A small read-only list (tasks, files, holidays): ``setup_rows`` plus cut-off tooltips."""
    setup_rows(table, stretch=stretch)
    table.setWordWrap(False)
    TableWidgetTips(table)
    return table
