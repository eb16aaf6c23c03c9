"""The สถิติและรายงาน tab: its charts show the hand-worked office's series, a click on a bar
lists that bar's cases, and a double click opens one in its process's tab."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from desktop import worker
from models.users import User
from tests.gui.desk import context, patch_dialogs
from tests.process_office import Office, pdf_text, squash
from tests.statistics_office import statistics_office
from views.registry import OpenRequest
from views.statistics.charts import BarChartView
from views.statistics.tab import StatisticsTab


@pytest.fixture
def office(sqlite_db: Any) -> Iterator[Office]:
    yield from statistics_office()


def _tab(qtbot: Any, user: User) -> tuple[StatisticsTab, list[OpenRequest]]:
    ctx = context(user)
    opened: list[OpenRequest] = []
    ctx.set_opener(opened.append)
    tab = StatisticsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.year.setValue(2569)
    tab.show()
    _wait(qtbot)
    tab.reload()
    _wait(qtbot)
    return tab, opened


def _wait(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: worker.running_count() == 0, timeout=15_000)
    qtbot.wait(20)


def _click_bar(qtbot: Any, view: BarChartView, series: int, category: int) -> None:
    """A mouse click in the middle of one bar, where the chart draws it."""
    assert view.series is not None
    value = view.sets[series].at(category)
    chart = view.chart()
    point = chart.mapToPosition(QPointF(category, value / 2), view.series)
    # bars of a set sit side by side inside the category: aim at this set's bar
    width = chart.plotArea().width() / len(view.data.categories) if view.data else 0
    count = len(view.sets)
    offset = (series - (count - 1) / 2) * width * 0.5 / count
    scene = chart.mapToScene(QPointF(point.x() + offset, point.y()))
    target = view.mapFromScene(scene)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    _wait(qtbot)


def test_charts_show_the_series_and_a_bar_lists_its_cases(qtbot: Any, office: Office) -> None:
    tab, opened = _tab(qtbot, office["head"])
    assert tab.trend.sets[0].label() == "ปีงบประมาณ 2569"
    assert [tab.trend.sets[0].at(i) for i in range(3)] == [3, 2, 1]
    assert [tab.on_time.sets[0].at(i) for i in range(3)] == [50.0, 0.0, 100.0]
    assert [tab.backlog.sets[0].at(i) for i in range(5)] == [0, 0, 1, 0, 0]

    _click_bar(qtbot, tab.trend, 0, 0)  # October 2568 (fiscal year 2569): A, B, C
    assert [tab.cases.item(r, 0).text() for r in range(tab.cases.rowCount())] == [
        "1/2569",
        "2/2569",
        "3/2569",
    ]
    assert "3 เรื่อง" in tab.cases_label.text()

    _click_bar(qtbot, tab.on_time, 0, 0)  # publications completed in the year: F, A, B, C
    numbers = [tab.cases.item(r, 0).text() for r in range(tab.cases.rowCount())]
    assert numbers == ["99/2568", "1/2569", "2/2569", "3/2569"]

    tab.open_case(1)
    assert opened and opened[-1].kind == "case" and opened[-1].view == "publications"

    titles = [tab.tables.tabText(i) for i in range(tab.tables.count())]
    assert "เผยแพร่ข้อมูลบนเว็บไซต์: หน่วยงานที่ขอ" in titles  # the breakdowns arrived
    assert "สนับสนุนการใช้งานคอมพิวเตอร์: ประเภทปัญหา" in titles

    tab.backlog.click_bar(0, 2)  # the keyboard path: 11-20 working days
    _wait(qtbot)
    assert [tab.cases.item(r, 0).text() for r in range(tab.cases.rowCount())] == ["5/2569"]


def test_staff_see_their_own_work(qtbot: Any, office: Office) -> None:
    tab, _opened = _tab(qtbot, office["suda"])
    assert not tab.person.isEnabled()
    assert tab.page is not None and tab.page.assignee_id == office["suda"].id
    assert [tab.trend.sets[0].at(i) for i in range(3)] == [1, 2, 0]  # C in Oct; D and G in Nov


def test_print_and_export(
    qtbot: Any,
    office: Office,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    message_boxes: Any,
) -> None:
    _forms, printed = patch_dialogs(monkeypatch)
    tab, _opened = _tab(qtbot, office["head"])
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    _wait(qtbot)
    assert "เรื่องที่รับต่อเดือน" in squash(pdf_text(printed.last))
    target = tmp_path / "stats.xlsx"
    tab.export_to(target)
    _wait(qtbot)
    assert load_workbook(target)["สรุปตามกระบวนงาน"]["B2"].value == 5
    assert str(target) in message_boxes.last.text
