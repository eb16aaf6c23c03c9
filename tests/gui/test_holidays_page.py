"""The office's holiday table in settings: the year's calendar, adding a day (and open deadlines
moving), refusals kept in the form, CSV import all-or-nothing with every bad line shown, removal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from desktop.context import AppContext
from models import calendar, clock
from models.engine import get_case
from models.permissions import Role
from tests.gui.conftest import MessageBoxes
from tests.process_office import make_office
from views import registry
from views.casework.holidays import HolidaysPage, ImportErrorsDialog, OfficeDayDialog

pytestmark = pytest.mark.gui


def rows(page: HolidaysPage) -> list[list[str]]:
    return [
        [page.table.item(r, c).text() for c in range(page.table.columnCount())]  # type: ignore[union-attr]
        for r in range(page.table.rowCount())
    ]


def test_holiday_table_page(
    qtbot: Any,
    ctx: AppContext,
    wait_workers: Any,
    message_boxes: MessageBoxes,
    dialogs: list[QDialog],
    tmp_path: Path,
) -> None:
    from models.engine import NewFile, open_case

    clock.set_clock(lambda: dt.datetime(2026, 4, 10, 9))
    office = make_office()
    case = open_case(
        office["somchai"],
        "publication",
        {
            "unit": office.units[0].id,
            "paperless_no": "ปชส 1/2569",
            "paperless_date": dt.date(2026, 4, 10),
            "title": "ข่าวประชาสัมพันธ์",
            "received_on": dt.date(2026, 4, 10),
            "assignee": office["somchai"].id,
        },
        [NewFile("to_publish", "a.pdf", b"%PDF")],
    )
    assert case.due_on == dt.date(2026, 4, 17)
    assert "holidays" in [p.key for p in registry.settings_pages_for(ctx.user)]
    assert "holidays" not in [p.key for p in registry.settings_pages_for(office["somchai"])]
    assert office["head"].role == Role.HEAD
    assert "holidays" in [p.key for p in registry.settings_pages_for(office["head"])]

    page = HolidaysPage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    assert page.year.value() == 2569
    table = rows(page)
    assert ["13 เมษายน 2569", "จันทร์", "วันสงกรานต์", "ปฏิทินราชการ"] in table
    assert any(r[2] == "วันพืชมงคล" for r in table)
    assert page.summary.text() == "ปี พ.ศ. 2569 มีวันทำการ 240 วัน"

    # A weekend day is refused in the form, which keeps what was typed.
    dialog = OfficeDayDialog(ctx, 2026, page)
    qtbot.addWidget(dialog)
    dialog.day.set_value(dt.date(2026, 4, 18))
    dialog.name.setText("วันหยุดพิเศษ")
    dialog.ok_button.click()
    wait_workers()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "day" in dialog.errors.marked() and "เสาร์" in dialog.banner.text()
    assert dialog.name.text() == "วันหยุดพิเศษ"
    dialog.day.set_value(dt.date(2026, 4, 17))
    dialog.ok_button.click()
    wait_workers()
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.reload()
    wait_workers()
    assert ["17 เมษายน 2569", "ศุกร์", "วันหยุดพิเศษ", "วันหยุดเพิ่มเติมของสำนักงาน"] in rows(page)
    assert page.summary.text() == "ปี พ.ศ. 2569 มีวันทำการ 239 วัน"
    assert get_case(case.id).due_on == dt.date(2026, 4, 20), "the open case's deadline moved"

    # A file with bad lines: nothing imported, every bad line listed.
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,name\n2026-12-28,หยุด,หยุดพิเศษ\n2026-02-30,หยุด,ผิด\n", "utf-8")
    message_boxes.answer = "นำเข้า"
    page.import_path(bad)
    wait_workers()
    shown = [d for d in dialogs if isinstance(d, ImportErrorsDialog)]
    assert shown and "บรรทัดที่ 3" in shown[-1].text.toPlainText()
    assert [e.day for e in calendar.office_days(2026)] == [dt.date(2026, 4, 17)]

    good = tmp_path / "good.csv"
    good.write_text("\ufeffdate,kind,name\n28/12/2569,หยุด,วันหยุดพิเศษปลายปี\n", "utf-8")
    page.import_path(good)
    wait_workers()
    assert message_boxes.last.text == "นำเข้า 1 รายการแล้ว (แทนที่รายการเดิม 1 รายการ)"
    assert [e.day for e in calendar.office_days(2026)] == [dt.date(2026, 12, 28)]
    assert get_case(case.id).due_on == dt.date(2026, 4, 17), "the replaced day no longer counts"

    # Removing an office entry (a calendar holiday cannot be removed).
    page.reload()
    wait_workers()
    songkran = next(i for i, r in enumerate(rows(page)) if r[0] == "13 เมษายน 2569")
    page.table.selectRow(songkran)
    page.remove()
    assert "ลบไม่ได้" in message_boxes.last.text
    special = next(i for i, r in enumerate(rows(page)) if r[2] == "วันหยุดพิเศษปลายปี")
    page.table.selectRow(special)
    message_boxes.answer = "ลบ"
    page.remove()
    wait_workers()
    assert calendar.office_days(2026) == []
    assert all(r[2] != "วันหยุดพิเศษปลายปี" for r in rows(page))
