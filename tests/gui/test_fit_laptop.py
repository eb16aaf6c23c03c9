"""1366×768 at 100 % and 125 % (issue 13, point 3): no dialog is wider than the screen and none
scrolls sideways; the print preview fits; a list remembers its columns' widths, order and hidden
columns. At 125 % the screen offers 1093×614 device-independent pixels."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import peewee
import pytest
from PySide6.QtWidgets import QScrollArea, QWidget

from desktop.context import AppContext
from models.engine import open_case, screens
from tests.gui.desk import context
from tests.process_office import Office, make_office
from tests.unit.publication.test_publications import FILES, registration
from views.widgets import splitters
from views.widgets.case_forms import FormDialog
from views.widgets.dialogs import PeriodDialog
from views.widgets.paged_table import Page, PagedTableView
from views.widgets.pdf_preview import PdfPreviewDialog
from views.widgets.tables import Column

pytestmark = pytest.mark.gui
SCREENS = {"100 %": (1366, 768), "125 %": (1093, 614)}


@pytest.fixture
def office(sqlite_db: peewee.Database) -> Iterator[Office]:
    yield make_office()


def no_sideways_scroll(dialog: QWidget) -> None:
    for area in dialog.findChildren(QScrollArea):
        inner = area.widget()
        if inner is None or not area.isVisible():
            continue
        assert inner.minimumSizeHint().width() <= area.viewport().width(), (
            f"{dialog.windowTitle()}: the form is wider than its dialog"
        )
        bar = area.horizontalScrollBar()
        assert not (bar.isVisible() and bar.maximum() > 0)


def check_fits(qtbot: Any, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    for label, (width, height) in SCREENS.items():
        hint = dialog.sizeHint()
        assert hint.width() <= width, f"{dialog.windowTitle()} at {label}: {hint.width()} px"
        dialog.resize(min(dialog.width(), width - 40), min(dialog.height(), height - 40))
        dialog.show()
        qtbot.waitExposed(dialog)
        no_sideways_scroll(dialog)


def forms(office: Office) -> list[tuple[AppContext, screens.FormSpec]]:
    somchai, head = office["somchai"], office["support_head"]
    case = open_case(somchai, "publication", registration(office), FILES)
    return [
        (context(somchai), screens.registration_form(somchai, "publication")),
        (context(somchai), screens.registration_form(somchai, "data_request")),
        (context(head), screens.action_form(head, case.id, "to_requester")),
        (context(head), screens.action_form(head, case.id, "approve")),
        (context(somchai), screens.details_form(somchai, case.id)),
    ]


def test_case_forms_fit_a_laptop(qtbot: Any, office: Office) -> None:
    for ctx, spec in forms(office):
        dialog = FormDialog(ctx, spec, lambda *_a: None)
        check_fits(qtbot, dialog)


def test_period_dialog_and_print_preview_fit(qtbot: Any) -> None:
    check_fits(qtbot, PeriodDialog("พิมพ์ทะเบียน", choices=[("a", "ทะเบียนครุภัณฑ์")], excel=True))
    preview = PdfPreviewDialog(None, b"%PDF-1.4\n%%EOF", "ทดสอบ")
    qtbot.addWidget(preview)
    room = preview.screen().availableGeometry()
    assert preview.width() <= room.width() and preview.height() <= room.height()


class MemoryStore:
    def __init__(self) -> None:
        self.saved: dict[str, list[int]] = {}

    def load(self, name: str) -> list[int] | None:
        return self.saved.get(name)

    def save(self, name: str, sizes: list[int]) -> None:
        self.saved[name] = list(sizes)


class Runner:
    def run_in_background(self, fn: Any, on_success: Any = None, *_a: Any, **_k: Any) -> None:
        result = fn()
        if on_success is not None:
            on_success(result)

    def show_error(self, exc: BaseException, parent: Any = None) -> None:
        raise exc


def test_a_list_remembers_its_columns(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    store = MemoryStore()
    monkeypatch.setattr(splitters, "_store", store)
    columns = [Column("number", "เลขที่"), Column("title", "เรื่อง"), Column("due", "ครบกำหนด")]
    rows = [{"id": 1, "number": "1/2569", "title": "ก", "due": "-"}]

    def fetch(*_a: Any) -> Page:
        return Page(rows, 1)

    def make() -> PagedTableView:
        view = PagedTableView(Runner(), fetch, columns)
        qtbot.addWidget(view)
        view.resize(900, 400)
        view.show()
        return view

    first = make()
    header = first.table.horizontalHeader()
    header.resizeSection(2, 222)
    header.moveSection(2, 0)  # ครบกำหนด first
    menu = first.column_memory.column_menu()
    hide_title = next(a for a in menu.actions() if a.text() == "เรื่อง")
    hide_title.setChecked(False)
    # a restart: a new list with the same columns
    second = make()
    header = second.table.horizontalHeader()
    assert header.sectionSize(2) == 222
    assert header.visualIndex(2) == 0 and header.isSectionHidden(1)
    assert not header.isSectionHidden(0) and not header.isSectionHidden(2)
    second.column_memory.reset()
    assert header.visualIndex(2) == 2 and not header.isSectionHidden(1)


def test_details_pane_can_be_hidden_and_stays_so(
    qtbot: Any, office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.gui.desk import Desk, patch_dialogs

    store = MemoryStore()
    monkeypatch.setattr(splitters, "_store", store)
    forms_, _printed = patch_dialogs(monkeypatch)
    desk = Desk(qtbot, office["somchai"], "publication", forms_)
    tab = desk.tab
    assert tab.panel.isVisible()
    list_width = tab.list.width()
    tab.pane_button.click()
    qtbot.waitUntil(lambda: not tab.panel.isVisible())
    qtbot.waitUntil(lambda: tab.list.width() > list_width)
    assert tab.pane_button.text() == "แสดงรายละเอียด"
    again = Desk(qtbot, office["somchai"], "publication", forms_)  # a restart
    assert not again.tab.panel.isVisible() and again.tab.pane_button.isChecked()
    again.tab.pane_button.click()
    assert again.tab.panel.isVisible()
