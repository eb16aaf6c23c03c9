"""The Qt binding keeps Python's reference counts right. PySide6 6.12.0 under Python 3.11 dropped a
reference to None on every call that returns nothing, and the window aborted ("deallocating None")
after a few thousand such calls; this guards the pinned version."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui

CALLS = 2000


def test_void_calls_keep_none_alive(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(str(n))
        QCoreApplication.processEvents()
    lost = before - sys.getrefcount(None)
    assert lost < CALLS // 10, f"None lost {lost} references over {CALLS} calls"


def test_pdf_modules_are_installed() -> None:
    from PySide6 import QtPdf, QtPdfWidgets

    assert QtPdf.QPdfDocument is not None and QtPdfWidgets.QPdfView is not None
