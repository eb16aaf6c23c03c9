"""A table over a domain "page source": rows load page by page in the worker, sorting and filtering
re-query the source (in SQL), never a proxy over half-loaded rows.

The source is a plain function the domain provides (it runs in a worker thread)::

    def fetch(filters, sort_key: str, descending: bool, offset: int, limit: int) -> Page

returning an object with ``rows`` (dicts or dataclass instances, plain data) and ``total`` (how many
rows the filters match in all). ``models.support.assets.asset_page`` is one. ``filters`` is whatever the view
passes to ``set_filters`` (a dict from ``FilterBar``, or the domain's own filter dataclass).

Usage::

    columns = [
        Column("number", N_("เลขครุภัณฑ์")),
        Column("name", N_("ชื่อ")),
        Column("acquired_on", N_("วันที่ได้มา")),          # dates show as B.E. (23 พ.ย. 2569)
        Column("price", N_("ราคา"), align=RIGHT, format=money),
        Column("status", N_("สถานะ"), sort_key=None),      # not sortable
    ]
    table = PagedTableView(ctx, assets.asset_page, columns, filters=AssetFilter())
    bar.filters_changed.connect(lambda f: table.set_filters(to_asset_filter(f)))
    table.activated_row.connect(self.open_asset)          # row (dict/dataclass) on double-click/Enter
    ...
    table.reload(select_id=new_id)                          # after a save: re-query, select the row

The model keeps only what was fetched; ``canFetchMore``/``fetchMore`` (called by the view as the user
scrolls) load the next page. A result that arrives after the filters or the sort changed again is
dropped. The selection survives a reload by row id (``id_key``, default ``"id"``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.i18n import _
from reports.thaifmt import number
from views.widgets.column_memory import ColumnMemory
from views.widgets.tables import (
    CENTER,
    DATE_SAMPLE,
    ID_ROLE,
    LEFT,
    RIGHT,
    ROW_ROLE,
    SORT_UNSET,
    AnyIndex,
    Column,
    ColumnsModel,
    TableView,
    apply_columns,
    default_format,
    row_value,
)

__all__ = [  # the list vocabulary, importable from here as before
    "CENTER",
    "DATE_SAMPLE",
    "ID_ROLE",
    "LEFT",
    "RIGHT",
    "ROW_ROLE",
    "SORT_UNSET",
    "Column",
    "Page",
    "PageSource",
    "PagedTableModel",
    "PagedTableView",
    "as_dict",
    "default_format",
    "row_value",
]


class PageLike(Protocol):
    @property
    def rows(self) -> Sequence[Any]: ...

    @property
    def total(self) -> int: ...


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    total: int


PageSource = Callable[[Any, str, bool, int, int], PageLike]


class Runner(Protocol):
    """What the table needs from ``AppContext``."""

    def run_in_background(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], object] | None = ...,
        on_failure: Callable[[BaseException], object] | None = ...,
        *,
        owner: QObject | None = ...,
        disable: Iterable[QWidget] = ...,
    ) -> Any: ...

    def show_error(self, exc: BaseException, parent: QWidget | None = ...) -> None: ...


class PagedTableModel(ColumnsModel):
    busy_changed = Signal(bool)
    reloaded = Signal()  # the first page of a new query is in
    page_loaded = Signal()  # any page is in (first or more)
    total_changed = Signal(int)
    failed = Signal(object)

    def __init__(
        self,
        runner: Runner,
        source: PageSource,
        columns: Sequence[Column],
        *,
        filters: Any = None,
        sort_key: str = "",
        descending: bool = False,
        page_size: int = 100,
        id_key: str = "id",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, id_key=id_key, parent=parent)
        self.runner = runner
        self.source = source
        self.filters = filters
        self.sort_key = sort_key
        self.descending = descending
        self.page_size = page_size
        self.total = 0
        self._ids: set[Any] = set()
        self._generation = 0
        self._loading = False  # a page (first or more) is on its way
        self._loaded_once = False

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and 0 <= section < len(self.columns)
            and self.columns[section].sort_key is not None
        ):
            return _("คลิกเพื่อเรียงตามคอลัมน์นี้")
        return super().headerData(section, orientation, role)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return self._loaded_once and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(offset=len(self.rows), reset=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)):
            return
        key = self.columns[column].effective_sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.sort_key and descending == self.descending and self._loaded_once:
            return
        self.sort_key, self.descending = key, descending
        self.reload()

    # --- loading ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    def set_filters(self, filters: Any) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        """Re-query from the first page; the rows shown stay until the new ones arrive."""
        self._generation += 1
        self._fetch(offset=0, reset=True)

    def _fetch(self, *, offset: int, reset: bool) -> None:
        generation = self._generation
        source, filters = self.source, self.filters
        sort_key, descending, limit = self.sort_key, self.descending, self.page_size
        self._set_loading(True)

        def work() -> tuple[list[Any], int]:
            page = source(filters, sort_key, descending, offset, limit)
            return list(page.rows), int(page.total)

        def done(result: tuple[list[Any], int]) -> None:
            if generation != self._generation:
                return  # a newer query is on its way (or has arrived)
            self._set_loading(False)
            rows, total = result
            if reset:
                self.beginResetModel()
                self.rows = rows
                self._ids = {row_value(r, self.id_key) for r in rows}
                self.total = total
                self._loaded_once = True
                self.endResetModel()
                self.total_changed.emit(total)
                self.reloaded.emit()
            else:
                # Rows inserted meanwhile shift the pages: skip ids we already hold.
                fresh = [r for r in rows if row_value(r, self.id_key) not in self._ids]
                if fresh:
                    first = len(self.rows)
                    self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
                    self.rows.extend(fresh)
                    self._ids.update(row_value(r, self.id_key) for r in fresh)
                    self.endInsertRows()
                if total != self.total or not rows:
                    # Fewer rows than promised: stop asking for more.
                    self.total = len(self.rows) if not rows else total
                    self.total_changed.emit(self.total)
            self.page_loaded.emit()

        def fail(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._set_loading(False)
            self.failed.emit(exc)

        self.runner.run_in_background(work, done, fail, owner=self)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.busy_changed.emit(loading)

    # --- rows ---------------------------------------------------------------------------------

    def row_of_id(self, row_id: Any) -> int | None:
        if row_id not in self._ids:
            return None
        for index, row in enumerate(self.rows):
            if row_value(row, self.id_key) == row_id:
                return index
        return None

    def ids(self) -> list[Any]:
        return [row_value(r, self.id_key) for r in self.rows]


def as_dict(row: Any) -> dict[str, Any]:
    """A row as a dict (dataclass rows included), e.g. to fill a form."""
    if isinstance(row, dict):
        return dict(row)
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return dataclasses.asdict(row)
    return dict(vars(row))


class PagedTableView(QWidget):
    """The table, a thin busy bar while a page loads, and "แสดง 100 จาก 1,234 รายการ"."""

    activated_row = Signal(object)  # the row (double-click or Enter)
    exported = Signal(object, int)  # the .xlsx path and the number of rows written
    selection_changed = Signal(object)  # the selected row, or None

    MAX_PAGES_TO_FIND = 20  # reload(select_id=...) fetches at most this many pages to find the row

    def __init__(
        self,
        runner: Runner,
        source: PageSource,
        columns: Sequence[Column],
        *,
        empty_text: str = "",
        multi_select: bool = False,
        export_title: str = "",
        memory_name: str = "",
        parent: QWidget | None = None,
        **query: Any,
    ) -> None:
        """``query``: the model's ``filters``, ``sort_key``, ``descending``, ``page_size`` and
        ``id_key`` (see ``PagedTableModel``). ``export_title``: the title of the Excel export
        (every list has "ส่งออก Excel…"; without a title the window's title is used)."""
        super().__init__(parent)
        self.runner = runner
        self.export_title = export_title
        self.model = PagedTableModel(runner, source, columns, parent=self, **query)
        self.empty_text = empty_text or _("ไม่พบรายการ")
        self._keep_ids: list[Any] = []
        self._find_id: Any = None
        self._find_pages = 0

        self.table = TableView(self, multi_select=multi_select)
        self.table.setModel(self.model)
        apply_columns(self.table, columns)
        # widths, order and hidden columns as the user left them, per list (its columns name it)
        self.column_memory = ColumnMemory(
            self.table,
            memory_name or ",".join(c.key for c in columns),
            [_(c.title) for c in columns],
        )
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(False)
        sort_key, descending = self.model.sort_key, self.model.descending
        current = next(
            (i for i, c in enumerate(columns) if sort_key and c.effective_sort_key == sort_key), -1
        )
        header.setSortIndicator(
            current, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )
        header.sortIndicatorChanged.connect(self._header_sort)
        self.table.activated.connect(self._activated)  # double-click and Enter

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(4)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.count_label = QLabel(self)
        self.empty_label = QLabel(self.empty_text, self.table.viewport())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); padding: 24px;")
        self.empty_label.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.busy)
        layout.addWidget(self.table, 1)
        self.export_button = QPushButton(_("ส่งออก Excel…"), self)
        self.export_button.setToolTip(_("บันทึกทุกรายการตามเงื่อนไขที่เลือกเป็นไฟล์ Excel (.xlsx)"))
        self.export_button.clicked.connect(lambda _checked=False: self.export_to_excel())
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.export_button)
        layout.addLayout(footer)

        self._busy_timer = QTimer(self)  # no flicker for quick pages
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(150)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(self.model.loading))
        self.model.busy_changed.connect(self._busy)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.reloaded.connect(self._restore_selection)
        self.model.page_loaded.connect(self._after_page)
        self.model.failed.connect(lambda exc: self.runner.show_error(exc, self))
        sel = self.table.selectionModel()
        sel.selectionChanged.connect(lambda *_: self.selection_changed.emit(self.current_row()))

    # --- public ---------------------------------------------------------------------------

    def set_filters(self, filters: Any) -> None:
        self.model.set_filters(filters)

    def reload(self, select_id: Any = None) -> None:
        """Re-query; keep the selected rows (by id), or select ``select_id`` once it is loaded."""
        self._find_id = select_id
        self._find_pages = 0
        self.model.reload()

    def current_row(self) -> Any:
        rows = self.selected_rows()
        return rows[0] if rows else None

    def current_id(self) -> Any:
        row = self.current_row()
        return None if row is None else row_value(row, self.model.id_key)

    def selected_rows(self) -> list[Any]:
        indexes = self.table.selectionModel().selectedRows()
        return [self.model.row_at(i.row()) for i in sorted(indexes, key=lambda i: i.row())]

    def step(self, delta: int) -> None:
        """Select the next (``delta`` 1) or previous (-1) row; the first when none is."""
        count = self.model.rowCount()
        if count == 0:
            return
        current = self.table.currentIndex().row()
        row = 0 if current < 0 else max(0, min(count - 1, current + delta))
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def select_id(self, row_id: Any) -> bool:
        row = self.model.row_of_id(row_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def export_to_excel(self, path: Path | None = None) -> None:
        """Every row the filters match, in the list's order and columns, to an .xlsx file
        (asked for, starting in the Documents folder, unless given)."""
        from views.widgets import list_export

        title = self.export_title or self.window().windowTitle() or _("รายการ")
        if path is None:
            path = list_export.ask_xlsx_path(self, _("ส่งออกเป็นไฟล์ Excel"), title)
            if path is None:
                return
        model = self.model
        source, filters = model.source, model.filters
        sort_key, descending = model.sort_key, model.descending
        columns = list(model.columns)
        target = path

        def work() -> int:
            rows = list_export.all_rows(source, filters, sort_key, descending)
            return list_export.write_list(target, title, columns, rows, clock.today())

        self.runner.run_in_background(
            work,
            lambda count: self._exported(target, count),
            owner=self,
            disable=[self.export_button],
        )

    def _exported(self, path: Path, count: int) -> None:
        from views.widgets import messages

        self.exported.emit(path, count)
        messages.info(
            self,
            _("ส่งออก {count} รายการไว้ที่ {path}").format(count=number(count), path=path),
        )

    # --- internals ------------------------------------------------------------------------

    def _header_sort(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.columns[column].effective_sort_key is None:
            # Not sortable: put the indicator back where the data is sorted.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            current = next(
                (
                    i
                    for i, c in enumerate(self.model.columns)
                    if c.effective_sort_key == self.model.sort_key
                ),
                -1,
            )
            header.setSortIndicator(
                current,
                Qt.SortOrder.DescendingOrder
                if self.model.descending
                else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)
            return
        self.model.sort(column, order)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.activated_row.emit(row)

    def _busy(self, loading: bool) -> None:
        if loading:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setVisible(False)

    def _remember_selection(self) -> None:
        self._keep_ids = [row_value(r, self.model.id_key) for r in self.selected_rows()]

    def _restore_selection(self) -> None:
        wanted = [self._find_id] if self._find_id is not None else self._keep_ids
        selection = self.table.selectionModel()
        first = True
        for row_id in wanted:
            row = self.model.row_of_id(row_id)
            if row is None:
                continue
            flag = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                if first
                else QItemSelectionModel.SelectionFlag.Select
            )
            selection.select(
                self.model.index(row, 0), flag | QItemSelectionModel.SelectionFlag.Rows
            )
            if first:
                selection.setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )
                self.table.scrollTo(self.model.index(row, 0))
            first = False
        if self._find_id is not None and self.model.row_of_id(self._find_id) is not None:
            self._find_id = None

    def _after_page(self) -> None:
        shown, total = len(self.model.rows), self.model.total
        self.count_label.setText(
            _("{total} รายการ").format(total=number(total))
            if shown >= total
            else _("แสดง {shown} จาก {total} รายการ").format(
                shown=number(shown), total=number(total)
            )
        )
        self.empty_label.setVisible(total == 0)
        self.empty_label.resize(self.table.viewport().size())
        if self._find_id is not None:
            if self.select_id(self._find_id):
                self._find_id = None
            elif self.model.canFetchMore() and self._find_pages < self.MAX_PAGES_TO_FIND:
                self._find_pages += 1
                self.model.fetchMore()
            else:
                self._find_id = None

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.empty_label.resize(self.table.viewport().size())
