"""Qt's own dialogs in Thai (issue 13, point 5): with no qtbase_th shipped, Qt's file and print
dialogs are Qt's own (not native) with Thai labels; the attach dialog starts in Documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
)

from views.widgets import qt_thai
from views.widgets.case_forms import FileListField

pytestmark = pytest.mark.gui


@pytest.fixture
def thai_qt(qapp: QApplication) -> Iterator[list[Any]]:
    installed = qt_thai.install(qapp, "th")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)


def texts(widget: Any) -> set[str]:
    found = [*widget.findChildren(QLabel), *widget.findChildren(QPushButton)]
    found += [*widget.findChildren(QGroupBox), *widget.findChildren(QRadioButton)]
    return {(w.title() if isinstance(w, QGroupBox) else w.text()) for w in found} - {""}


def test_file_dialog_in_thai(qtbot: Any, thai_qt: list[Any]) -> None:
    assert qt_thai.qt_catalog_path("th") is None  # PySide6 ships none: our table is used
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    dialog = QFileDialog(None, "เลือกไฟล์ที่จะแนบ", qt_thai.in_documents())
    qtbot.addWidget(dialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = texts(dialog)
    assert {"ค้นหาใน:", "ชื่อไฟล์:", "ชนิดไฟล์:"} <= shown
    assert "Look in:" not in shown and "Files of type:" not in shown
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    assert {b.text() for b in box.buttons()} >= {"เปิด", "ยกเลิก"}
    assert Path(dialog.directory().absolutePath()) == qt_thai.documents_dir()


def test_print_dialog_in_thai(qtbot: Any, thai_qt: list[Any]) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    shown = texts(dialog)
    assert dialog.windowTitle() == "พิมพ์"
    assert {"พิมพ์", "ยกเลิก", "เครื่องพิมพ์", "ช่วงที่พิมพ์", "จำนวนชุด:", "พิมพ์ทั้งหมด"} <= shown
    assert not ({"Print", "&Print", "Cancel", "Printer", "Print range", "Copies:"} & shown)


def test_english_keeps_native_dialogs(qapp: QApplication) -> None:
    installed = qt_thai.install(qapp, "en")
    try:
        assert not QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
        assert not any(isinstance(t, qt_thai.ThaiQtTranslator) for t in installed)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_attach_dialog_starts_in_documents(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def fake(_parent: Any, _title: str, start: str = "", *_a: Any) -> tuple[list[str], str]:
        seen.append(start)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake)
    field = FileListField([])
    qtbot.addWidget(field)
    field.add_button.click()
    assert seen == [str(qt_thai.documents_dir())]
