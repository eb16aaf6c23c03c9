"""Nothing typed is lost (issue 13, point 1): a changed form asks before it is discarded, Escape on
an open suggestion list closes only the list, and a draft kept on disk comes back after the dialog
was destroyed without a save (a crash, a power cut, a closed window)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QWidget

from views.widgets.be_date_edit import BEDateEdit
from views.widgets.dialogs import BaseDialog
from views.widgets.drafts import DraftStore, drafts_dir

pytestmark = pytest.mark.gui


class TicketLikeDialog(BaseDialog):
    def __init__(self, record: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__("แจ้งซ่อม", "บันทึก", parent)
        self.draft_record = record
        form = self.add_form()
        self.title = QLineEdit(self)
        self.detail = QPlainTextEdit(self)
        self.unit = QComboBox(self)
        self.unit.setEditable(True)
        self.unit.addItems(["งานการเงิน", "งานประชาสัมพันธ์", "งานพัสดุ"])
        self.unit.setCurrentIndex(0)
        completer = QCompleter(["งานการเงิน", "งานประชาสัมพันธ์", "งานพัสดุ"], self.unit)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.unit.setCompleter(completer)
        self.received = BEDateEdit(dt.date(2026, 12, 2), parent=self)
        form.addRow("เรื่อง", self.title)
        form.addRow("รายละเอียด", self.detail)
        form.addRow("หน่วยงาน", self.unit)
        form.addRow("วันที่รับ", self.received)


def open_dialog(
    qtbot: Any, record: int | None = 7, *, destroyed_later: bool = False
) -> TicketLikeDialog:
    dialog = TicketLikeDialog(record)
    if not destroyed_later:
        qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def dialog_alive(dialog: QWidget) -> bool:
    from shiboken6 import isValid

    return bool(isValid(dialog))


def fill(qtbot: Any, dialog: TicketLikeDialog) -> None:
    # QTest cannot synthesise Thai keys; insert() edits as typing does
    dialog.title.insert("เครื่องพิมพ์ไม่ทำงาน")
    dialog.detail.setPlainText("กระดาษติดทุกครั้งที่พิมพ์")
    dialog.received.set_value(dt.date(2026, 12, 1))


def test_escape_on_a_changed_form_asks_and_keeps_it_open(qtbot: Any, message_boxes: Any) -> None:
    dialog = open_dialog(qtbot)
    fill(qtbot, dialog)
    message_boxes.answer = "กลับไปกรอกต่อ"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert message_boxes.texts == ["ข้อมูลที่กรอกในแบบฟอร์มนี้ยังไม่ได้บันทึก ต้องการทิ้งข้อมูลนี้หรือไม่"]
    assert dialog.isVisible() and dialog.title.text() == "เครื่องพิมพ์ไม่ทำงาน"
    dialog.cancel_button.click()  # ยกเลิก asks the same question
    assert len(message_boxes.shown) == 2 and dialog.isVisible()
    message_boxes.answer = "ทิ้งข้อมูลที่กรอก"
    dialog.close()  # the window's close button too
    assert len(message_boxes.shown) == 3 and not dialog.isVisible()
    assert dialog.result() == int(BaseDialog.DialogCode.Rejected)
    # discarded on purpose: no draft comes back
    again = open_dialog(qtbot)
    assert again.title.text() == "" and again.draft_note.isHidden()


def test_unchanged_form_closes_without_a_question(qtbot: Any, message_boxes: Any) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert message_boxes.shown == [] and not dialog.isVisible()


def test_escape_on_an_open_suggestion_list_closes_only_the_list(
    qtbot: Any, message_boxes: Any
) -> None:
    dialog = open_dialog(qtbot)
    dialog.unit.setFocus()
    dialog.unit.lineEdit().clear()
    dialog.unit.lineEdit().insert("งาน")
    completer = dialog.unit.completer()
    completer.complete()
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Escape)
    assert not completer.popup().isVisible()
    assert dialog.isVisible() and message_boxes.shown == []
    # the list also closes when the key reaches the dialog itself
    completer.complete()
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not completer.popup().isVisible()
    assert dialog.isVisible() and message_boxes.shown == []


def test_draft_comes_back_after_the_dialog_is_destroyed(qtbot: Any, message_boxes: Any) -> None:
    dialog = open_dialog(qtbot, destroyed_later=True)
    fill(qtbot, dialog)
    store = DraftStore(dialog.draft_key(dialog._initial or {}))
    # the autosave timer writes it; nobody calls save_draft() here
    qtbot.waitUntil(store.path.exists, timeout=5000)
    assert store.path.parent == drafts_dir()
    dialog.hide()
    dialog.deleteLater()  # the window goes away without OK or Cancel (crash, closed program)
    qtbot.waitUntil(lambda: not dialog_alive(dialog))

    again = open_dialog(qtbot)
    assert again.title.text() == "เครื่องพิมพ์ไม่ทำงาน"
    assert again.detail.toPlainText() == "กระดาษติดทุกครั้งที่พิมพ์"
    assert again.received.value() == dt.date(2026, 12, 1)
    assert again.draft_note.isVisible()
    assert "กรอกค้างไว้" in again.draft_label.text()
    # another record's form does not get this draft
    other = open_dialog(qtbot, record=8)
    assert other.title.text() == "" and other.draft_note.isHidden()
    # a save drops the draft
    again.ok_button.click()
    assert not store.path.exists()
    assert open_dialog(qtbot).title.text() == ""


def test_start_again_drops_the_draft(qtbot: Any, message_boxes: Any) -> None:
    dialog = open_dialog(qtbot, destroyed_later=True)
    fill(qtbot, dialog)
    dialog.save_draft()
    dialog.deleteLater()
    again = open_dialog(qtbot)
    assert again.title.text() == "เครื่องพิมพ์ไม่ทำงาน"
    again.draft_discard_button.click()
    assert again.title.text() == "" and again.received.value() == dt.date(2026, 12, 2)
    assert again.draft_note.isHidden()
    qtbot.keyClick(again, Qt.Key.Key_Escape)  # back to the starting values: no question
    assert message_boxes.shown == []
