"""The print preview: paging, zoom, save as PDF (dialog patched), print into a PDF printer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from reports.memo import render_memo
from reports.samples import sample_memo
from tests.unit.reports_helpers import pages, pdftotext, squash
from views.widgets import pdf_preview
from views.widgets.pdf_preview import PdfPreviewDialog

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def two_pages() -> bytes:
    return render_memo(sample_memo(pages=2))


@pytest.fixture
def dialog(qtbot: Any, two_pages: bytes) -> PdfPreviewDialog:
    widget = PdfPreviewDialog(None, two_pages, "บันทึกข้อความ", "memo-045.pdf")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_pages_and_zoom(dialog: PdfPreviewDialog, qtbot: Any) -> None:
    assert dialog.page_count == 2
    assert dialog.page_label.text() == "หน้า 1 / 2"
    assert not dialog.previous_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_PageDown)
    assert dialog.current_page == 1
    assert dialog.page_label.text() == "หน้า 2 / 2"
    assert not dialog.next_button.isEnabled()
    dialog.next_page()  # stays on the last page
    assert dialog.current_page == 1
    qtbot.keyClick(dialog, Qt.Key.Key_PageUp)
    assert dialog.current_page == 0
    dialog.zoom_box.setCurrentIndex(dialog.zoom_box.findData(1.5))
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.view.zoomFactor() == pytest.approx(1.5)
    dialog.zoom_in()
    assert dialog.view.zoomFactor() == pytest.approx(2.0)
    dialog.zoom_out()
    dialog.zoom_out()
    assert dialog.view.zoomFactor() == pytest.approx(1.25)
    dialog.zoom_box.setCurrentIndex(0)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_save_as_pdf_writes_the_same_bytes(
    dialog: PdfPreviewDialog, two_pages: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_save(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(tmp_path / "saved"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    path = dialog.save_pdf()
    assert path == tmp_path / "saved.pdf"
    assert path.read_bytes() == two_pages
    assert asked[0].endswith("memo-045.pdf")


def test_cancelled_save_writes_nothing(
    dialog: PdfPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert dialog.save_pdf() is None
    assert list(tmp_path.iterdir()) == []


def test_failed_save_says_why(
    dialog: PdfPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes: Any
) -> None:
    target = tmp_path / "no-such-folder" / "x.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    assert dialog.save_pdf() is None
    assert "บันทึกไฟล์" in message_boxes.last.text


def test_print_renders_every_page_into_the_printer(
    dialog: PdfPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printed.pdf"

    def accept(self: QPrintDialog) -> int:
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert dialog.print_pdf() is True
    printed = pages(out.read_bytes())
    assert len(printed) == 2
    # each page printed as a raster covering the whole sheet (margins kept at full size)
    for page in printed:
        [image] = page.images
        assert image["x0"] == pytest.approx(0, abs=1) and image["top"] == pytest.approx(0, abs=1)
        assert image["x1"] == pytest.approx(page.width, abs=1.5)
        assert image["bottom"] == pytest.approx(page.height, abs=1.5)


def test_cancelled_print_prints_nothing(
    dialog: PdfPreviewDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected))
    assert dialog.print_pdf() is False


def test_show_pdf_preview_opens_a_modal_dialog(
    qtbot: Any, two_pages: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[PdfPreviewDialog] = []

    def fake_exec(self: PdfPreviewDialog) -> int:
        seen.append(self)
        return 0

    monkeypatch.setattr(PdfPreviewDialog, "exec", fake_exec)
    pdf_preview.show_pdf_preview(None, two_pages, "ทะเบียน", "register.pdf")
    assert seen and seen[0].page_count == 2
    assert "ทะเบียน" in seen[0].windowTitle()
    assert squash("บันทึกข้อความ") in squash(pdftotext(seen[0].pdf))
    seen[0].deleteLater()
