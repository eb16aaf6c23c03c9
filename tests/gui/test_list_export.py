"""Every list exports to Excel (issue 13, point 10): the case lists of processes 1 and 3 through
their "ส่งออก Excel…" button, every row of the filter, dates read back by openpyxl as dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import peewee
import pytest
from PySide6.QtWidgets import QFileDialog

from models import clock
from models.engine import NewFile, open_case
from models.spreadsheets import BE_DATE_FORMAT
from tests.gui.conftest import MessageBoxes
from tests.gui.desk import Desk, patch_dialogs
from tests.process_office import Office, make_office
from tests.unit.data_request import test_data_requests as data_requests_case
from tests.unit.publication import test_publications as publications_case
from views.widgets import qt_thai
from views.widgets.dialogs import PeriodDialog

pytestmark = pytest.mark.gui
D = dt.date


@pytest.fixture
def office(sqlite_db: peewee.Database) -> Iterator[Office]:
    moment = dt.datetime(2026, 6, 2, 10)
    clock.set_clock(lambda: moment)
    yield make_office()


def read(path: Path) -> tuple[Any, list[list[Any]]]:
    sheet = openpyxl.load_workbook(path).active
    return sheet, [[c.value for c in row] for row in sheet.iter_rows()]


def export_through_the_button(
    qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> Path:
    chosen = tmp_path / name
    asked: list[str] = []

    def save_name(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(chosen.with_suffix("")), "Excel (*.xlsx)"  # ".xlsx" is added

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    table = desk.tab.list.table
    with qtbot.waitSignal(table.exported, timeout=15_000):
        table.export_button.click()
    # the save dialog starts in the Documents folder, named after the list
    assert asked and Path(asked[0]).parent == qt_thai.documents_dir()
    return chosen


def test_publication_case_list_to_excel(
    qtbot: Any,
    office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    somchai = office["somchai"]
    for day, title in ((D(2026, 4, 10), "ข่าวประชุม"), (D(2026, 5, 4), "รายงานประจำปี")):
        values = publications_case.registration(office, received_on=day, title=title)
        open_case(somchai, "publication", values, publications_case.FILES)
    forms, _printed = patch_dialogs(monkeypatch)
    desk = Desk(qtbot, somchai, "publication", forms)
    desk.tab.list.table.model.page_size = 1  # the export reads every page, not what is loaded
    path = export_through_the_button(qtbot, desk, tmp_path, monkeypatch, "p1.xlsx")
    sheet, rows = read(path)
    assert rows[0][0] == desk.tab.list.table.export_title != ""
    header = rows[2]
    assert "เรื่อง" in header and "วันที่รับ" in header
    titles = [r[header.index("เรื่อง")] for r in rows[3:]]
    assert sorted(titles) == ["ข่าวประชุม", "รายงานประจำปี"]
    received = [sheet.cell(row=r, column=header.index("วันที่รับ") + 1) for r in (4, 5)]
    assert all(c.is_date and c.number_format == BE_DATE_FORMAT for c in received)
    assert sorted(c.value.date() for c in received) == [D(2026, 4, 10), D(2026, 5, 4)]
    assert "ส่งออก 2 รายการไว้ที่" in message_boxes.last.text


def test_data_request_case_list_to_excel(
    qtbot: Any,
    office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    open_case(
        office["somchai"],
        "data_request",
        data_requests_case.letter(),
        [NewFile("request_letter", "หนังสือขอข้อมูล.pdf", b"%PDF-1.4")],
    )
    forms, _printed = patch_dialogs(monkeypatch)
    desk = Desk(qtbot, office["somchai"], "data_request", forms)
    path = export_through_the_button(qtbot, desk, tmp_path, monkeypatch, "p3.xlsx")
    sheet, rows = read(path)
    assert len(rows) == 4
    assert "ขข.1/2569" in rows[3]
    dates = [c for c in sheet[4] if c.is_date]
    assert dates and all(c.number_format == BE_DATE_FORMAT for c in dates)
    assert D(2026, 6, 2) in [c.value.date() for c in dates]


def test_register_to_excel_from_the_print_dialog(
    qtbot: Any,
    office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    values = publications_case.registration(office, received_on=D(2026, 5, 4))
    open_case(office["somchai"], "publication", values, publications_case.FILES)
    forms, printed = patch_dialogs(monkeypatch)
    desk = Desk(qtbot, office["somchai"], "publication", forms, register_name="publications")
    target = tmp_path / "register.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), "Excel (*.xlsx)"))

    def choose_register_and_excel(dialog: PeriodDialog) -> int:
        assert dialog.kind is not None and dialog.excel_button is not None
        dialog.kind.setCurrentIndex(dialog.kind.count() - 1)  # the register
        dialog.excel_button.click()
        return dialog.result()

    monkeypatch.setattr(PeriodDialog, "exec", choose_register_and_excel)
    desk.tab.print_period()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=15_000)
    assert printed.docs == []  # exported, not printed
    sheet, rows = read(target)
    assert rows[0][0] == "ทะเบียนการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน"
    received = sheet.cell(row=4, column=rows[2].index("วันที่รับ") + 1)
    assert received.is_date and received.value.date() == D(2026, 5, 4)
