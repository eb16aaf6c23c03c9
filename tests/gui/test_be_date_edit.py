"""views.widgets.be_date_edit: B.E. years shown and accepted, tolerant typing, C.E. years named and
the B.E. date offered, nothing changed without the user seeing it (issue 13, point 2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from models import clock
from views.widgets.be_date_edit import BECalendarWidget, BEDateEdit, parse_text
from views.widgets.date_text import read_typed_date
from views.widgets.dialogs import BaseDialog

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 12, 2)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def type_into(qtbot: Any, edit: BEDateEdit, text: str, *, enter: bool = True) -> None:
    edit.lineEdit().setFocus()
    edit.lineEdit().selectAll()
    if text.isascii():
        qtbot.keyClicks(edit.lineEdit(), text)
    else:  # QTest cannot synthesise keys for Thai text; insert() edits as typing does
        edit.lineEdit().insert(text)
    if enter:
        qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Return)


def make(qtbot: Any, value: dt.date | None = dt.date(2026, 11, 23), **kw: Any) -> BEDateEdit:
    edit = BEDateEdit(value, **kw)
    qtbot.addWidget(edit)
    edit.show()
    return edit


def test_shows_buddhist_era_year(qtbot: Any) -> None:
    edit = make(qtbot)
    assert edit.text() == "23/11/2569"
    assert edit.value() == dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("01/02/2568", dt.date(2025, 2, 1)),
        ("๐๑/๐๒/๒๕๖๘", dt.date(2025, 2, 1)),
        ("29/02/2567", dt.date(2024, 2, 29)),
        ("2/12/69", dt.date(2026, 12, 2)),
        ("2 ธ.ค. 69", dt.date(2026, 12, 2)),
        ("๒ ธ.ค. ๖๙", dt.date(2026, 12, 2)),
        ("2 ธันวาคม 2569", dt.date(2026, 12, 2)),
        ("2 ธ.ค. พ.ศ. 2569", dt.date(2026, 12, 2)),
        ("2-12-2569", dt.date(2026, 12, 2)),
        ("2.12.69", dt.date(2026, 12, 2)),
        ("5/1", dt.date(2026, 1, 5)),
    ],
)
def test_accepts_typed_be_dates(qtbot: Any, typed: str, expected: dt.date) -> None:
    edit = make(qtbot)
    changes: list[Any] = []
    edit.value_changed.connect(changes.append)
    type_into(qtbot, edit, typed)
    assert edit.value() == expected
    assert changes == [expected]
    # shown in the usual form at once: the user sees what was understood
    assert edit.text() == f"{expected.day:02d}/{expected.month:02d}/{expected.year + 543}"
    assert edit.error_text() == ""


def test_typing_into_an_empty_optional_field(qtbot: Any) -> None:
    edit = make(qtbot, None, allow_empty=True)
    assert edit.value() is None and edit.text() == ""
    assert edit.lineEdit().placeholderText() == "ไม่ระบุ"
    type_into(qtbot, edit, "15/11/2569")
    assert edit.value() == dt.date(2026, 11, 15)
    edit.lineEdit().selectAll()
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Delete)
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Return)
    assert edit.value() is None
    with pytest.raises(ValueError):
        BEDateEdit().set_value(None)


@pytest.mark.parametrize("typed", ["15/11/2026", "2026-11-15"])
def test_christian_year_is_named_and_the_be_date_offered(qtbot: Any, typed: str) -> None:
    edit = make(qtbot)
    changes: list[Any] = []
    edit.value_changed.connect(changes.append)
    type_into(qtbot, edit, typed)
    # nothing taken, nothing reverted: the text stays for the user to see and correct
    assert edit.text() == typed
    assert edit.value() == dt.date(2026, 11, 23) and changes == []
    assert edit.has_pending_error()
    assert "ปี 2026 เป็นปี ค.ศ." in edit.error_text()
    assert edit.message.isVisible() and edit.message.text() == edit.error_text()
    assert edit.suggest_button.isVisible() and edit.suggest_button.text() == "ใช้ 15/11/2569"
    edit.suggest_button.click()
    assert edit.value() == dt.date(2026, 11, 15) and edit.text() == "15/11/2569"
    assert not edit.has_pending_error() and edit.message_row.isHidden()


def test_invalid_date_keeps_the_text_with_a_message(qtbot: Any) -> None:
    edit = make(qtbot)
    type_into(qtbot, edit, "31/04/2569")
    assert edit.text() == "31/04/2569"
    assert edit.error_text() == "เดือนเมษายน พ.ศ. 2569 ไม่มีวันที่ 31"
    assert not edit.suggest_button.isVisible()
    type_into(qtbot, edit, "30/04/2569")  # corrected: taken, message gone
    assert edit.value() == dt.date(2026, 4, 30) and edit.message_row.isHidden()
    type_into(qtbot, edit, "ab")
    assert edit.text() == "ab" and "อ่านวันที่ “ab” ไม่ได้" in edit.error_text()
    assert parse_text("01/02/2025") is None and parse_text("31/04/2569") is None


def test_one_tab_leaves_the_field_and_digits_do_not_change_the_value(qtbot: Any) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    edit = BEDateEdit(dt.date(2026, 12, 2), parent=host)
    after = QLineEdit(host)
    host.show()
    qtbot.waitExposed(host)
    edit.lineEdit().setFocus()
    qtbot.waitUntil(lambda: edit.lineEdit().hasFocus())
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Tab)
    assert after.hasFocus()
    qtbot.keyClicks(after, "04")  # digits typed after the Tab go to the next field
    assert edit.value() == dt.date(2026, 12, 2) and after.text() == "04"


def test_up_arrow_on_an_empty_field_starts_from_today(qtbot: Any) -> None:
    edit = make(qtbot, None, allow_empty=True)
    edit.lineEdit().setFocus()
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Up)
    assert edit.value() == TODAY and edit.text() == "02/12/2569"


def test_arrow_keys_step_the_part_under_the_cursor(qtbot: Any) -> None:
    edit = make(qtbot, dt.date(2026, 1, 31))
    edit.lineEdit().setCursorPosition(8)  # in the year
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Up)
    assert edit.value() == dt.date(2027, 1, 31) and edit.text() == "31/01/2570"
    edit.lineEdit().setCursorPosition(4)  # in the month: 31 January -> 28 February
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Up)
    assert edit.value() == dt.date(2027, 2, 28)
    edit.lineEdit().setCursorPosition(1)  # in the day
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Down)
    assert edit.value() == dt.date(2027, 2, 27)


def test_a_form_with_a_date_to_correct_does_not_save(qtbot: Any) -> None:
    dialog = BaseDialog("ทดสอบ", "บันทึก")
    qtbot.addWidget(dialog)
    edit = BEDateEdit(dt.date(2026, 12, 2), parent=dialog)
    dialog.add_form().addRow("วันที่รับ", edit)
    dialog.show()
    edit.lineEdit().setText("15/11/2026")  # typed, OK pressed at once (Ctrl+Enter)
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.result() == 0
    assert "ค.ศ." in dialog.banner.text() and edit.value() == dt.date(2026, 12, 2)
    edit.suggest_button.click()
    dialog.ok_button.click()
    assert not dialog.isVisible() and edit.value() == dt.date(2026, 11, 15)


def test_calendar_popup_picks_a_date(qtbot: Any) -> None:
    edit = make(qtbot, dt.date(2026, 11, 23))
    edit.lineEdit().setFocus()
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = edit.calendarWidget()
    assert calendar.isVisible() and calendar.header_text() == "พฤศจิกายน 2569"
    popup = calendar.window()
    # the whole month grid and header fit in the popup (nothing cut)
    assert popup.height() >= calendar.sizeHint().height()
    calendar.clicked.emit(calendar.selectedDate().addDays(2))
    assert edit.value() == dt.date(2026, 11, 25) and not calendar.isVisible()


def test_calendar_header_in_buddhist_era(qtbot: Any) -> None:
    edit = make(qtbot, dt.date(2026, 11, 23))
    calendar = edit.calendarWidget()
    assert isinstance(calendar, BECalendarWidget)
    calendar.setCurrentPage(2026, 11)
    assert calendar.header_text() == "พฤศจิกายน 2569"
    calendar.next_button.click()
    assert calendar.header_text() == "ธันวาคม 2569"
    calendar.next_button.click()
    assert calendar.header_text() == "มกราคม 2570"
    calendar.year_spin.setValue(2560)
    assert calendar.yearShown() == 2017


def test_two_digit_years_are_the_nearest_be_year() -> None:
    assert read_typed_date("1/1/30", TODAY).date == dt.date(1987, 1, 1)  # 2530, not 2630
    assert read_typed_date("1/1/99", TODAY).date == dt.date(2599 - 543, 1, 1)
    assert read_typed_date("", TODAY).date is None and read_typed_date("", TODAY).error == ""
