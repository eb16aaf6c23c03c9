"""Search-as-you-type lists (issue 13, point 4): what is typed matches anywhere in a choice's name
and its abbreviation, and choosing a suggestion picks that choice."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from models import office
from models.engine import Field, FieldKind
from models.engine.screens import FormSpec, choice_hints
from views.widgets.case_forms import FieldForm, _combo_value

pytestmark = pytest.mark.gui

UNITS = [(1, "งานการเงิน"), (2, "งานประชาสัมพันธ์"), (3, "กลุ่มงานพัสดุ")]


def suggestions(combo: QComboBox, typed: str) -> list[str]:
    completer = combo.completer()
    completer.setCompletionPrefix(typed)
    model = completer.completionModel()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


KEEP: list[FieldForm] = []


def unit_form(qtbot: Any, ctx: Any) -> QComboBox:
    spec = FormSpec(
        title="t",
        intro="",
        fields=(Field("unit", "หน่วยงาน", FieldKind.UNIT),),
        defaults={},
        choices={"unit": UNITS},
        hints={"unit": {2: "ปชส.", 3: "พด."}},
    )
    form = FieldForm(ctx, spec)
    KEEP[:] = [form]  # alive while the test uses its combo box
    qtbot.addWidget(form)
    form.show()
    combo = form.widgets["unit"]
    assert isinstance(combo, QComboBox)
    return combo


def test_matches_anywhere_in_the_name_and_the_abbreviation(qtbot: Any, ctx: Any) -> None:
    combo = unit_form(qtbot, ctx)
    assert suggestions(combo, "ประชา") == ["งานประชาสัมพันธ์"]
    assert suggestions(combo, "ปชส") == ["งานประชาสัมพันธ์"]
    assert suggestions(combo, "ปชส.") == ["งานประชาสัมพันธ์"]
    assert suggestions(combo, "พัสดุ") == ["กลุ่มงานพัสดุ"]
    assert suggestions(combo, "งาน") == [label for _id, label in UNITS]
    assert suggestions(combo, "xyz") == []


def test_choosing_a_suggestion_picks_the_choice(qtbot: Any, ctx: Any) -> None:
    combo = unit_form(qtbot, ctx)
    combo.setFocus()
    combo.lineEdit().clear()
    combo.lineEdit().insert("ปชส")  # QTest cannot type Thai; insert() edits as typing does
    completer = combo.completer()
    completer.setCompletionPrefix("ปชส")
    completer.complete()
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    popup = completer.popup()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "งานประชาสัมพันธ์"
    assert _combo_value(combo) == 2


def test_hints_come_from_the_units_abbreviations(ctx: Any) -> None:
    unit = office.save_unit(None, None, name="งานประชาสัมพันธ์", short_name="ปชส.")
    hints = choice_hints((Field("unit", "หน่วยงาน", FieldKind.UNIT),))
    assert hints["unit"][unit.id] == "ปชส."
