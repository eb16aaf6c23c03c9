"""views.widgets.messages: Thai wording and buttons; the safe answer is the default."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from models.errors import DatabaseUnavailable, PermissionDenied
from views.widgets import messages

pytestmark = pytest.mark.gui


def test_info_and_problem(message_boxes: Any) -> None:
    messages.info(None, "บันทึกแล้ว")
    assert message_boxes.last.text == "บันทึกแล้ว"
    assert message_boxes.last.buttons == ["ตกลง"]
    messages.environment_problem(None, DatabaseUnavailable("เชื่อมต่อไม่ได้", "ลองใหม่"))
    assert message_boxes.last.icon == QMessageBox.Icon.Critical
    assert (message_boxes.last.text, message_boxes.last.informative) == ("เชื่อมต่อไม่ได้", "ลองใหม่")
    messages.domain_error(None, PermissionDenied("ท่านไม่มีสิทธิ์จัดการผู้ใช้"))
    assert message_boxes.last.title == "ทำรายการไม่สำเร็จ"


def test_confirm_answers(message_boxes: Any) -> None:
    message_boxes.answer = "ลบ"
    assert messages.confirm(None, "ลบรายการนี้หรือไม่", "ลบ", dangerous=True) is True
    assert message_boxes.last.buttons == ["ลบ", "ยกเลิก"]
    message_boxes.answer = None  # the default button of a dangerous question is "ยกเลิก"
    assert messages.confirm(None, "ลบรายการนี้หรือไม่", "ลบ", dangerous=True) is False
    assert messages.confirm(None, "บันทึกหรือไม่") is True  # a plain question defaults to yes
