"""The exception hook: the traceback goes to the rotating log file, the dialog shows it and
copies it for the ICT staff."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop import excepthook
from desktop.excepthook import ErrorDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def hook(tmp_path: Path) -> Iterator[Path]:
    saved_hook = sys.excepthook
    root = logging.getLogger()
    before = list(root.handlers)
    path = excepthook.install(tmp_path / "logs")
    yield path
    sys.excepthook = saved_hook
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def raise_and_catch() -> BaseException:
    try:
        {"units": []}["unit"]  # a bug on purpose
    except KeyError as exc:
        return exc
    raise AssertionError


def test_uncaught_exception_is_logged_and_shown(
    qtbot: Any, hook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[ErrorDialog] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    exc = raise_and_catch()
    sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    dialog = shown[0]
    assert dialog.windowTitle() == "เกิดข้อผิดพลาดในโปรแกรม"
    assert "raise_and_catch" in dialog.details and "KeyError: 'unit'" in dialog.details
    assert str(hook) in dialog.details  # says where the log is
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = hook.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "KeyError: 'unit'" in logged
    assert isinstance(
        next(
            h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(hook)
        ),
        logging.handlers.RotatingFileHandler,
    )


def test_copy_details(qtbot: Any, hook: Path) -> None:
    dialog = ErrorDialog(raise_and_catch())
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == dialog.details
    assert dialog.copy_button.text() == "คัดลอกแล้ว"
    assert dialog.text.toPlainText() == dialog.details


def test_one_dialog_at_a_time(qtbot: Any, hook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[ErrorDialog] = []

    def exec_and_fail_again(dialog: ErrorDialog) -> int:
        shown.append(dialog)
        excepthook.show_exception(RuntimeError("second error while the dialog is open"))
        return 0

    monkeypatch.setattr(ErrorDialog, "exec", exec_and_fail_again)
    excepthook.show_exception(RuntimeError("first"))
    assert len(shown) == 1
