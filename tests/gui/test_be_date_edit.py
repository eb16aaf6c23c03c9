"""views.widgets.be_date_edit: B.E. years shown and accepted; C.E. years refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from views.widgets.be_date_edit import BECalendarWidget, BEDateEdit, parse_text

pytestmark = pytest.mark.gui


def type_into(qtbot: Any, edit: BEDateEdit, text: str) -> None:
    edit.lineEdit().selectAll()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest cannot synthesise keys for Thai digits; insert() goes through the validator too
        edit.lineEdit().insert(text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_shows_buddhist_era_year(qtbot: Any) -> None:
    edit = BEDateEdit(dt.date(2026, 11, 23))
    qtbot.addWidget(edit)
    assert edit.text() == "23/11/2569"
    assert edit.value() == dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("01/02/2568", dt.date(2025, 2, 1)),
        ("๐๑/๐๒/๒๕๖๘", dt.date(2025, 2, 1)),
        ("29/02/2567", dt.date(2024, 2, 29)),
    ],
)
def test_accepts_typed_be_dates(qtbot: Any, typed: str, expected: dt.date) -> None:
    edit = BEDateEdit(dt.date(2026, 11, 23))
    qtbot.addWidget(edit)
    changes: list[Any] = []
    edit.value_changed.connect(changes.append)
    type_into(qtbot, edit, typed)
    assert edit.value() == expected
    assert changes[-1] == expected
    assert edit.text() == f"{expected.day:02d}/{expected.month:02d}/{expected.year + 543}"


def test_christian_year_and_bad_dates_are_not_taken(qtbot: Any) -> None:
    edit = BEDateEdit(dt.date(2026, 11, 23))
    qtbot.addWidget(edit)
    type_into(qtbot, edit, "01/02/2025")  # a C.E. year is never shifted silently
    assert edit.value() == dt.date(2026, 11, 23)
    type_into(qtbot, edit, "29/02/2568")  # 2025 has no 29 February
    assert edit.value() == dt.date(2026, 11, 23)
    edit.lineEdit().selectAll()
    edit.lineEdit().insert("ab")  # letters are refused while typing
    assert edit.text() == "23/11/2569"
    assert parse_text("01/02/2025") is None
    assert parse_text("31/04/2569") is None


def test_arrow_keys_step_the_year_section(qtbot: Any) -> None:
    edit = BEDateEdit(dt.date(2026, 1, 15))
    qtbot.addWidget(edit)
    edit.setCurrentSection(BEDateEdit.Section.YearSection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.value() == dt.date(2027, 1, 15)
    assert edit.text() == "15/01/2570"


def test_optional_date(qtbot: Any) -> None:
    edit = BEDateEdit(allow_empty=True)
    qtbot.addWidget(edit)
    assert edit.value() is None
    assert edit.text() == "ไม่ระบุ"
    edit.set_value(dt.date(2025, 10, 1))
    assert edit.text() == "01/10/2568"
    edit.lineEdit().selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.value() is None
    with pytest.raises(ValueError):
        BEDateEdit().set_value(None)


def test_calendar_header_in_buddhist_era(qtbot: Any) -> None:
    edit = BEDateEdit(dt.date(2026, 11, 23))
    qtbot.addWidget(edit)
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
