"""Ctrl+K search across processes (issue 13, point 11): cases of every process and assets by
number, title or person; Enter opens the record in its tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import peewee
import pytest
from PySide6.QtCore import Qt

from desktop import worker
from desktop.finder import FinderDialog
from desktop.main_window import MainWindow
from models import clock, finder
from models.engine import NewFile, open_case
from models.support import assets
from models.support.assets import AssetKind
from tests.gui.desk import context
from tests.process_office import Office, make_office
from tests.unit.data_request import test_data_requests as data_requests_case
from tests.unit.publication.test_publications import FILES, registration
from views.process_tabs import view_for_process
from views.widgets.cases import ProcessTab

pytestmark = pytest.mark.gui


@pytest.fixture
def office(sqlite_db: peewee.Database) -> Iterator[Office]:
    moment = dt.datetime(2026, 6, 2, 10)
    clock.set_clock(lambda: moment)
    yield make_office()


def seed(office: Office) -> dict[str, Any]:
    somchai = office["somchai"]
    publication = open_case(
        somchai, "publication", registration(office, title="ประกาศผลการคัดเลือกนักวิชาการ"), FILES
    )
    request = open_case(
        somchai,
        "data_request",
        data_requests_case.letter(title="ขอข้อมูลผลการคัดเลือกสถานศึกษา"),
        [NewFile("request_letter", "หนังสือ.pdf", b"%PDF-1.4")],
    )
    asset = assets.save_asset(
        somchai,
        None,
        {"kind": AssetKind.HARDWARE, "number": "7440-001-0042/65", "name": "เครื่องพิมพ์เลเซอร์"},
    )
    return {"publication": publication, "request": request, "asset": asset}


def test_find_searches_every_process_and_assets(office: Office) -> None:
    made = seed(office)
    hits = finder.find(
        office["viewer"] if "viewer" in office.users else office["somchai"], "คัดเลือก"
    )
    assert {(h.kind, h.id) for h in hits} == {
        ("case", made["publication"].id),
        ("case", made["request"].id),
    }
    by_number = finder.find(office["somchai"], made["request"].number)
    assert [(h.kind, h.process) for h in by_number] == [("case", "data_request")]
    asset_hits = finder.find(office["somchai"], "0042")
    assert [(h.kind, h.id, h.process) for h in asset_hits] == [
        ("asset", made["asset"].id, "support")
    ]
    assert asset_hits[0].title == "7440-001-0042/65 เครื่องพิมพ์เลเซอร์"
    assert finder.find(office["somchai"], "ก") == []  # too short to mean anything


def test_ctrl_k_opens_the_record_in_its_tab(qtbot: Any, office: Office, wait_workers: Any) -> None:
    made = seed(office)
    window = MainWindow(context(office["somchai"]))
    qtbot.addWidget(window)
    window.show()
    wait_workers()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = next(w for w in window.findChildren(FinderDialog) if w.isVisible())
    dialog.search.setText(made["publication"].number)
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=10_000)
    assert "ประกาศผลการคัดเลือกนักวิชาการ" in dialog.results.item(0).text()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    wait_workers()
    assert not dialog.isVisible()
    view = view_for_process("publication")
    tab = window.tab_widget(view)
    assert isinstance(tab, ProcessTab) and window.current_tab() is tab
    qtbot.waitUntil(lambda: tab.panel.case_id == made["publication"].id)
    worker.wait_idle()


def test_finder_dialog_moves_with_arrows(qtbot: Any, office: Office) -> None:
    seed(office)
    dialog = FinderDialog(context(office["somchai"]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setText("คัดเลือก")
    qtbot.waitUntil(lambda: dialog.results.count() == 2, timeout=10_000)
    assert dialog.results.currentRow() == 0
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == 1
    chosen: list[Any] = []
    dialog.chosen.connect(chosen.append)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert chosen and chosen[0].kind == "case"
