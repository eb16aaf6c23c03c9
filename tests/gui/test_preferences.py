"""ค่าของฉัน (issue 13, point 12): every user, staff included, sets the language and the text size
of this workstation, apart from the administrator's settings; kept across a restart."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop import ui_font
from desktop.config import WorkstationConfig
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.preferences import PreferencesDialog
from models.permissions import Role
from tests.gui.conftest import MessageBoxes

pytestmark = pytest.mark.gui


@pytest.fixture
def restore_font(qapp: QApplication) -> Iterator[None]:
    font = qapp.font()
    yield
    qapp.setFont(font)


def test_staff_sets_language_and_text_size(
    qtbot: Any,
    ctx: AppContext,
    make_user: Any,
    message_boxes: MessageBoxes,
    restore_font: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    staff_ctx = AppContext(make_user(Role.STAFF), ctx.database)
    window = MainWindow(staff_ctx)
    qtbot.addWidget(window)
    assert window.preferences_action.isEnabled() and window.preferences_action.isVisible()
    opened: list[PreferencesDialog] = []
    monkeypatch.setattr(PreferencesDialog, "exec", lambda d: opened.append(d) or 0)
    window.preferences_action.trigger()
    assert len(opened) == 1
    dialog = opened[0]
    qtbot.addWidget(dialog)
    before = QApplication.font().pointSizeF()
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(1.3))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.ok_button.click()
    saved = WorkstationConfig.load()  # what the next start reads
    assert saved.text_scale == 1.3 and saved.language == "en"
    assert QApplication.font().pointSizeF() > before * 1.2  # applied at once
    assert message_boxes.last.text == "ภาษาที่เลือกจะใช้เมื่อเปิดโปรแกรมครั้งถัดไป"
    again = PreferencesDialog()
    qtbot.addWidget(again)
    assert again.text_size.currentData() == 1.3 and again.language.currentData() == "en"
    ui_font.apply_text_scale(1.0)
