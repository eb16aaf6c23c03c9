"""Drive a process tab as a user would: log in as someone, open a case from the list, press the
action's button, fill its form, press OK; print a document and keep the PDF bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop import worker
from desktop.context import AppContext, DatabaseInfo
from models import db as dbmod
from models.users import User
from views.widgets import case_forms, cases, pdf_preview
from views.widgets.case_forms import FormDialog
from views.widgets.cases import ProcessTab


class Printed:
    """PDFs the print preview was asked to show (the preview itself is not opened)."""

    def __init__(self) -> None:
        self.docs: list[tuple[bytes, str, str]] = []  # (pdf, title, suggested name)

    @property
    def last(self) -> bytes:
        assert self.docs, "nothing was printed"
        return self.docs[-1][0]


def patch_dialogs(monkeypatch: pytest.MonkeyPatch) -> tuple[list[FormDialog], Printed]:
    """Forms open without blocking (kept for the test to fill); previews are captured."""
    forms: list[FormDialog] = []
    printed = Printed()

    def show_form(dialog: FormDialog) -> int:
        dialog.show()
        forms.append(dialog)
        return 0

    def preview(_parent: Any, pdf: bytes, title: str, name: str) -> None:
        printed.docs.append((pdf, title, name))

    monkeypatch.setattr(FormDialog, "exec", show_form)
    monkeypatch.setattr(pdf_preview, "show_pdf_preview", preview)  # every preview goes there
    return forms, printed


CTRL = Qt.KeyboardModifier.ControlModifier


def press(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed while ``widget``'s window is the active one (shortcuts fire only there),
    sent to whatever has the keyboard focus, as a real key press is."""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        QApplication.setActiveWindow(window)
    target = QApplication.focusWidget() or widget
    QTest.keyClick(target, key, modifiers)
    QApplication.processEvents()


def type_text(text: str) -> None:
    """Characters typed into the focused widget as a keyboard sends them (Thai included:
    ``QTest.keyClicks`` only knows ASCII)."""
    for ch in text:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    QApplication.processEvents()


def context(user: User) -> AppContext:
    info = DatabaseInfo(
        url="test", display=dbmod.current_url_display(), backend="sqlite", is_embedded=True
    )
    return AppContext(user, info)


class Desk:
    """One user's process tab."""

    def __init__(
        self,
        qtbot: Any,
        user: User,
        process_key: str,
        forms: list[FormDialog],
        *,
        register_name: str = "",
    ) -> None:
        self.qtbot = qtbot
        self.user = user
        self.forms = forms
        self.ctx = context(user)
        self.tab = ProcessTab(self.ctx, process_key, register_name=register_name)
        qtbot.addWidget(self.tab)
        self.tab.resize(1400, 800)
        self.tab.show()
        self.wait()

    @property
    def panel(self) -> cases.CasePanel:
        return self.tab.panel

    def wait(self) -> None:
        self.qtbot.waitUntil(lambda: worker.running_count() == 0, timeout=15_000)
        self.qtbot.wait(10)

    def numbers(self) -> list[str]:
        return [row.number for row in self.tab.list.table.model.rows]

    def open(self, number: str) -> None:
        self.tab.list.reload()
        self.wait()
        row = self.numbers().index(number)
        self.tab.list.table.table.selectRow(row)
        self.wait()
        current = self.panel.current
        assert current is not None and current.view.row.number == number

    def buttons(self) -> list[str]:
        return list(self.panel.action_buttons)

    def form_for(self, outcome: str) -> FormDialog:
        before = len(self.forms)
        self.qtbot.mouseClick(self.panel.action_buttons[outcome], Qt.MouseButton.LeftButton)
        self.wait()
        assert len(self.forms) == before + 1, f"no form opened for {outcome}"
        return self.forms[-1]

    def submit(self, dialog: FormDialog) -> None:
        self.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        self.wait()

    def act(
        self,
        outcome: str,
        values: dict[str, Any] | None = None,
        comment: str = "",
        files: dict[str, list[Path]] | None = None,
    ) -> FormDialog:
        dialog = self.form_for(outcome)
        fill(dialog, values or {}, comment, files or {})
        self.submit(dialog)
        return dialog

    def register(
        self, values: dict[str, Any], files: dict[str, list[Path]] | None = None
    ) -> FormDialog:
        before = len(self.forms)
        self.qtbot.mouseClick(self.tab.new_button, Qt.MouseButton.LeftButton)
        self.wait()
        assert len(self.forms) == before + 1
        dialog = self.forms[-1]
        fill(dialog, values, "", files or {})
        self.submit(dialog)
        return dialog

    def print(self, key: str) -> None:
        self.qtbot.mouseClick(self.panel.print_buttons[key], Qt.MouseButton.LeftButton)
        self.wait()

    def timeline(self) -> str:
        return self.panel.timeline.toPlainText()


def fill(
    dialog: FormDialog, values: dict[str, Any], comment: str, files: dict[str, list[Path]]
) -> None:
    for key, value in values.items():
        widget = dialog.form.widgets[key]
        if isinstance(value, str) and isinstance(widget, case_forms.QLineEdit):
            # typed into the line edit (QTest.keyClicks only knows ASCII keys, not Thai)
            widget.clear()
            widget.setFocus()
            widget.insert(value)
        else:
            dialog.form.set_value(key, value)
    for key, paths in files.items():
        dialog.form.set_value(key, paths)
    if comment:
        assert dialog.form.comment is not None
        dialog.form.comment.setPlainText(comment)


def accepted(dialog: QDialog) -> bool:
    return dialog.result() == QDialog.DialogCode.Accepted


def day(y: int, m: int, d: int) -> dt.date:
    return dt.date(y, m, d)
