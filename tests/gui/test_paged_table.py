"""views.widgets.paged_table: pages on demand, sorting and filtering re-query the source."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from views.widgets.paged_table import Column, Page, PagedTableModel, PagedTableView

pytestmark = pytest.mark.gui

ROWS = [{"id": i, "name": f"รายการ {i:04d}", "size": (i * 37) % 1000} for i in range(1, 1001)]


class Source:
    """A fake domain page source over ROWS that records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, str, bool, int, int]] = []
        self.threads: set[threading.Thread] = set()
        self.rows = list(ROWS)

    def __call__(
        self, filters: Any, sort_key: str, descending: bool, offset: int, limit: int
    ) -> Page:
        self.calls.append((filters, sort_key, descending, offset, limit))
        self.threads.add(threading.current_thread())
        rows = self.rows
        text = (filters or {}).get("text", "")
        if text:
            rows = [r for r in rows if text in r["name"]]
        if sort_key:
            rows = sorted(rows, key=lambda r: (r[sort_key], r["id"]), reverse=descending)
        return Page(rows[offset : offset + limit], len(rows))


class Runner:
    def __init__(self) -> None:
        self.errors: list[BaseException] = []

    def run_in_background(
        self, fn: Any, on_success: Any = None, on_failure: Any = None, **kw: Any
    ) -> Any:
        from desktop import worker

        return worker.run_in_background(fn, on_success, on_failure, **kw)

    def show_error(self, exc: BaseException, parent: Any = None) -> None:
        self.errors.append(exc)


COLUMNS = [Column("name", "ชื่อ"), Column("size", "ขนาด"), Column("id", "รหัส", sort_key=None)]


def loaded(model: PagedTableModel) -> bool:
    return model.total > 0 and not model.loading


def test_first_page_then_more_on_demand(qtbot: Any) -> None:
    source = Source()
    model = PagedTableModel(Runner(), source, COLUMNS, page_size=50)
    model.reload()
    qtbot.waitUntil(lambda: loaded(model))
    assert model.rowCount() == 50 and model.total == 1000
    assert all(t is not threading.main_thread() for t in source.threads)
    assert model.canFetchMore()
    model.fetchMore()
    assert not model.canFetchMore()  # one page at a time
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert source.calls[-1][3:] == (50, 50)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DisplayRole) == "37"
    assert (
        model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole)
        & Qt.AlignmentFlag.AlignRight
    )


def test_sort_requeries_and_covers_rows_not_loaded(qtbot: Any) -> None:
    source = Source()
    model = PagedTableModel(Runner(), source, COLUMNS, page_size=20)
    model.reload()
    qtbot.waitUntil(lambda: loaded(model))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: source.calls[-1][1] == "size" and not model.loading)
    # The largest size overall (999) is in a row far beyond the first loaded page.
    assert model.rows[0]["size"] == 999
    assert source.calls[-1] == (None, "size", True, 0, 20)
    calls = len(source.calls)
    model.sort(2, Qt.SortOrder.AscendingOrder)  # the id column is not sortable
    assert len(source.calls) == calls


def test_filter_requery_and_stale_results_dropped(qtbot: Any) -> None:
    source = Source()
    model = PagedTableModel(Runner(), source, COLUMNS, page_size=10)
    model.set_filters({"text": "09"})
    model.set_filters({"text": "0999"})  # the first query's answer must not win
    qtbot.waitUntil(lambda: len(source.calls) == 2 and not model.loading)
    qtbot.wait(50)
    assert model.total == 1
    assert [r["id"] for r in model.rows] == [999]


def test_view_keeps_selection_by_id_and_finds_new_rows(qtbot: Any) -> None:
    source = Source()
    view = PagedTableView(Runner(), source, COLUMNS, sort_key="name", page_size=30)
    qtbot.addWidget(view)
    view.reload()
    qtbot.waitUntil(lambda: loaded(view.model))
    assert view.select_id(7)
    # A new row sorts to the top: rows shift, the selection follows the record, not the position.
    source.rows.insert(0, {"id": 5000, "name": "รายการ 0000", "size": 1})
    view.reload()
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rows[0]["id"] == 5000)
    assert view.current_id() == 7
    # Selecting a row that is on a later page fetches pages until it is loaded.
    view.reload(select_id=400)
    qtbot.waitUntil(lambda: view.current_id() == 400, timeout=5000)
    assert view.model.rowCount() >= 400
    assert "1,001" in view.count_label.text()


def test_activation_and_empty_text(qtbot: Any) -> None:
    source = Source()
    view = PagedTableView(Runner(), source, COLUMNS, filters={"text": "ไม่มีแน่นอน"})
    qtbot.addWidget(view)
    view.show()
    view.reload()
    qtbot.waitUntil(lambda: not view.model.loading and bool(source.calls))
    qtbot.waitUntil(lambda: view.empty_label.isVisible())
    assert view.empty_label.text() == "ไม่พบรายการ"
    view.set_filters({"text": "0010"})
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    activated: list[Any] = []
    view.activated_row.connect(activated.append)
    rect = view.table.visualRect(view.model.index(0, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated == [{"id": 10, "name": "รายการ 0010", "size": 370}]  # once per double-click
    assert not view.empty_label.isVisible()


def test_source_error_keeps_rows_and_reports(qtbot: Any) -> None:
    source = Source()
    runner = Runner()
    view = PagedTableView(runner, source, COLUMNS, page_size=10)
    qtbot.addWidget(view)
    view.reload()
    qtbot.waitUntil(lambda: loaded(view.model))

    def broken(*_args: Any) -> Page:
        raise RuntimeError("boom")

    view.model.source = broken
    view.reload()
    qtbot.waitUntil(lambda: bool(runner.errors))
    assert str(runner.errors[0]) == "boom"
    assert view.model.rowCount() == 10  # what was shown stays
