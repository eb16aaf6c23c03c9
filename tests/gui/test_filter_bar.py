"""views.widgets.filter_bar: debounced search, fiscal-year periods, declared combos."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from models import clock
from views.widgets.filter_bar import ComboFilter, FilterBar

pytestmark = pytest.mark.gui


def make_bar(qtbot: Any) -> FilterBar:
    clock.set_clock(lambda: dt.datetime(2026, 11, 23, 9, 0))  # fiscal year 2570 (Oct 2026-Sep 2027)
    bar = FilterBar(
        combos=[ComboFilter("status", "สถานะ", [("open", "ยังไม่เสร็จ"), ("done", "เสร็จแล้ว")])]
    )
    qtbot.addWidget(bar)
    return bar


def test_defaults(qtbot: Any) -> None:
    bar = make_bar(qtbot)
    assert bar.filters() == {"text": "", "date_from": None, "date_to": None, "status": None}
    assert bar.combos["status"].itemText(0) == "ทั้งหมด"


def test_search_is_debounced_into_one_emission(qtbot: Any) -> None:
    bar = make_bar(qtbot)
    emitted: list[dict[str, Any]] = []
    bar.filters_changed.connect(emitted.append)
    assert bar.search is not None
    for part in ("เครื่อง", "พิมพ์"):  # QTest cannot type Thai keys: edit the text as typing does
        bar.search.insert(part)
    assert emitted == []  # nothing while typing
    qtbot.waitUntil(lambda: len(emitted) == 1, timeout=2000)
    qtbot.wait(400)
    assert len(emitted) == 1
    assert emitted[0]["text"] == "เครื่องพิมพ์"


def test_fiscal_year_quick_pick(qtbot: Any) -> None:
    bar = make_bar(qtbot)
    assert bar.period is not None
    labels = [bar.period.itemText(i) for i in range(bar.period.count())]
    assert labels[1] == "ปีงบประมาณ 2570" and labels[2] == "ปีงบประมาณ 2569"
    with qtbot.waitSignal(bar.filters_changed) as signal:
        bar.period.setCurrentIndex(2)
    assert signal.args[0]["date_from"] == dt.date(2025, 10, 1)
    assert signal.args[0]["date_to"] == dt.date(2026, 9, 30)
    assert bar.describe() == "ปีงบประมาณ 2569"


def test_month_and_custom_period(qtbot: Any) -> None:
    bar = make_bar(qtbot)
    assert bar.period is not None and bar.date_from is not None
    bar.period.setCurrentIndex(bar.period.findData(FilterBar.PERIOD_MONTH))
    assert bar.period_bounds() == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    bar.show()
    bar.set_custom_period(dt.date(2026, 3, 31), dt.date(2026, 1, 1))
    assert bar.date_from.isVisible()
    assert bar.period_bounds() == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))  # put in order


def test_combo_choices_and_reset(qtbot: Any) -> None:
    bar = make_bar(qtbot)
    bar.set_value("status", "done")
    assert bar.filters()["status"] == "done"
    bar.set_choices("status", [("done", "เสร็จแล้ว"), ("late", "เกินกำหนด")])
    assert bar.filters()["status"] == "done"  # still offered: kept
    with qtbot.waitSignal(bar.filters_changed) as signal:
        bar.reset()
    assert signal.args[0] == {"text": "", "date_from": None, "date_to": None, "status": None}
