"""Validation errors in forms (issue 13, point 6): the red frame stays on the field (not in its
popups), several messages are listed one a line, a corrected field loses its frame at once, and a
field below the visible part of a form is scrolled to."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QScrollArea, QWidget

from models.errors import ValidationError
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.dialogs import BaseDialog
from views.widgets.forms import ERROR_PROPERTY

pytestmark = pytest.mark.gui
RED_BACKGROUND = QColor("#fff3f3")


def has_red(widget: QWidget) -> bool:
    image = widget.grab().toImage()
    step = max(1, min(image.width(), image.height()) // 12)
    return any(
        image.pixelColor(x, y) == RED_BACKGROUND
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


class LongForm(BaseDialog):
    def __init__(self) -> None:
        super().__init__("ทดสอบ", "บันทึก")
        self.resize(420, 300)
        inner = QWidget()
        form = QFormLayout(inner)
        self.name = QLineEdit(inner)
        self.kind = QComboBox(inner)
        self.kind.addItems(["— เลือก —", "ฮาร์ดแวร์", "ซอฟต์แวร์"])
        self.received = BEDateEdit(dt.date(2026, 12, 2), parent=inner)
        self.fillers = [QLineEdit(inner) for _ in range(25)]
        form.addRow("ชื่อ", self.name)
        form.addRow("ประเภท", self.kind)
        for i, filler in enumerate(self.fillers):
            form.addRow(f"ช่อง {i}", filler)
        self.last = QLineEdit(inner)
        form.addRow("หมายเหตุท้ายฟอร์ม", self.last)
        form.addRow("วันที่รับ", self.received)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(inner)
        self.body.addWidget(self.scroll)
        self.errors.add_fields(
            {"name": self.name, "kind": self.kind, "received": self.received, "last": self.last}
        )


def make(qtbot: Any) -> LongForm:
    dialog = LongForm()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_several_messages_one_a_line(qtbot: Any) -> None:
    dialog = make(qtbot)
    exc = ValidationError(
        "กรุณากรอกชื่อ กรุณาเลือกประเภท",
        {"name": "กรุณากรอกชื่อ", "kind": "กรุณาเลือกประเภท"},
    )
    dialog.errors.show(exc)
    assert dialog.banner.text() == "• กรุณากรอกชื่อ\n• กรุณาเลือกประเภท"
    dialog.errors.show(ValidationError("กรุณากรอกชื่อ", {"name": "กรุณากรอกชื่อ"}))
    assert dialog.banner.text() == "กรุณากรอกชื่อ"


def test_a_corrected_field_loses_its_frame_at_once(qtbot: Any) -> None:
    dialog = make(qtbot)
    dialog.errors.mark({"name": "กรุณากรอกชื่อ", "kind": "กรุณาเลือกประเภท", "received": "วันที่ไม่ถูกต้อง"})
    assert set(dialog.errors.marked()) == {"name", "kind", "received"}
    qtbot.keyClicks(dialog.name, "A")
    assert dialog.errors.marked() == ["kind", "received"] and not dialog.name.property(
        ERROR_PROPERTY
    )
    assert "กรุณากรอกชื่อ" not in dialog.banner.text()
    dialog.kind.setCurrentIndex(1)
    dialog.received.set_value(dt.date(2026, 12, 3))
    assert dialog.errors.marked() == [] and dialog.banner.isHidden()


def test_the_frame_does_not_spread_into_popups(qtbot: Any) -> None:
    dialog = make(qtbot)
    dialog.errors.mark({"received": "วันที่ไม่ถูกต้อง", "kind": "กรุณาเลือกประเภท"})
    line = dialog.received.lineEdit()
    assert line.property(ERROR_PROPERTY) and has_red(line)
    calendar = dialog.received.calendarWidget()
    dialog.received.show_calendar()
    qtbot.waitUntil(calendar.isVisible)
    assert not has_red(calendar)
    dialog.kind.showPopup()
    view = dialog.kind.view()
    qtbot.waitUntil(view.isVisible)
    assert not has_red(view)
    dialog.kind.hidePopup()


def test_an_error_below_the_visible_part_is_scrolled_to(qtbot: Any) -> None:
    dialog = make(qtbot)
    bar = dialog.scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    top = dialog.last.mapTo(dialog.scroll.viewport(), dialog.last.rect().topLeft()).y()
    assert top > dialog.scroll.viewport().height()  # below the visible part
    dialog.errors.mark({"last": "กรุณากรอกหมายเหตุ"})
    top = dialog.last.mapTo(dialog.scroll.viewport(), dialog.last.rect().topLeft()).y()
    assert bar.value() > 0 and 0 <= top < dialog.scroll.viewport().height()
    assert dialog.focusWidget() is dialog.last
