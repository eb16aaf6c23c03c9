"""Print preview of a generated document: page through, zoom, print, save as PDF.

Usage::

    from views.widgets.pdf_preview import show_pdf_preview

    show_pdf_preview(self, pdf_bytes, _("บันทึกข้อความ"), "memo-045-2569.pdf")

Shortcuts: Ctrl+P print, Ctrl+S save, PgUp / PgDn previous / next page, Ctrl++ / Ctrl+- zoom,
Esc close. Printing renders each page with QtPdf at the printer's resolution into the printer's
painter, so what is printed is the PDF itself (same fonts, same line breaks).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfPageNavigator
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.i18n import _
from views.widgets import messages, qt_thai

ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PRINT_DPI = 300


class PdfPreviewDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, pdf: bytes, title: str, suggested_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ตัวอย่างก่อนพิมพ์: {title}").format(title=title))
        self.resize(900, 1000)
        screen = self.screen()
        if screen is not None:
            # a whole A4 page where the screen allows; on a 1366×768 laptop, the screen less a
            # margin for the task bar and the frame
            room = screen.availableGeometry()
            self.resize(min(900, room.width() - 40), min(1000, room.height() - 40))
        self.pdf = bytes(pdf)
        self.suggested_name = suggested_name or "document.pdf"
        self._data = QByteArray(self.pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.navigator: QPdfPageNavigator = self.view.pageNavigator()

        self.previous_button = QPushButton(_("◀ หน้าก่อน"))
        self.next_button = QPushButton(_("หน้าถัดไป ▶"))
        self.page_label = QLabel()
        self.zoom_box = QComboBox()
        self.zoom_box.addItem(_("พอดีความกว้าง"), "width")
        self.zoom_box.addItem(_("ทั้งหน้า"), "page")
        for step in ZOOM_STEPS:
            self.zoom_box.addItem(f"{round(step * 100)}%", step)
        self.print_button = QPushButton(_("พิมพ์…"))
        self.save_button = QPushButton(_("บันทึกเป็น PDF…"))
        self.close_button = QPushButton(_("ปิด"))
        self.print_button.setToolTip(_("พิมพ์ (Ctrl+P)"))
        self.save_button.setToolTip(_("บันทึกเป็นไฟล์ PDF (Ctrl+S)"))
        self.previous_button.setToolTip(_("หน้าก่อน (PgUp)"))
        self.next_button.setToolTip(_("หน้าถัดไป (PgDn)"))

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button, self.zoom_box):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.zoom_box.currentIndexChanged.connect(self._zoom_chosen)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        self.navigator.currentPageChanged.connect(self._update_page_label)
        shortcuts = (
            (QKeySequence.StandardKey.Print, self.print_pdf),
            (QKeySequence.StandardKey.Save, self.save_pdf),
            (QKeySequence(Qt.Key.Key_PageUp), self.previous_page),
            (QKeySequence(Qt.Key.Key_PageDown), self.next_page),
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
        )
        for key, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
        self._update_page_label()

    # --- paging and zoom ------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    @property
    def current_page(self) -> int:
        return int(self.navigator.currentPage())

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.page_count - 1))
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._update_page_label()

    def next_page(self) -> None:
        self.go_to(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page - 1)

    def _update_page_label(self, *_args: object) -> None:
        count = self.page_count
        self.page_label.setText(
            _("หน้า {page} / {count}").format(
                page=self.current_page + 1 if count else 0, count=count
            )
        )
        self.previous_button.setEnabled(self.current_page > 0)
        self.next_button.setEnabled(self.current_page < count - 1)

    def _zoom_chosen(self, index: int) -> None:
        choice = self.zoom_box.itemData(index)
        if choice == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    def _step_zoom(self, direction: int) -> None:
        factor = self.view.zoomFactor()
        steps = list(ZOOM_STEPS)
        if direction > 0:
            target = next((s for s in steps if s > factor + 1e-3), steps[-1])
        else:
            target = next((s for s in reversed(steps) if s < factor - 1e-3), steps[0])
        self.zoom_box.setCurrentIndex(self.zoom_box.findData(target))

    def zoom_in(self) -> None:
        self._step_zoom(1)

    def zoom_out(self) -> None:
        self._step_zoom(-1)

    # --- print and save -------------------------------------------------------------------

    def print_pdf(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        printer.setFromTo(1, max(self.page_count, 1))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("พิมพ์เอกสาร"))
        dialog.setMinMax(1, max(self.page_count, 1))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Render the chosen pages into ``printer`` at its resolution (one PDF page per sheet)."""
        count = self.page_count
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(printer.toPage() or count, count)
        if printer.printRange() == QPrinter.PrintRange.CurrentPage:
            first = last = self.current_page + 1
        # The whole sheet is the page: the document's own margins (3 cm / 2 cm) then land where
        # the regulation puts them instead of being shrunk into the printer's printable area.
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            messages.warn(self, _("พิมพ์ไม่สำเร็จ: เปิดเครื่องพิมพ์ไม่ได้ กรุณาตรวจสอบเครื่องพิมพ์แล้วลองอีกครั้ง"))
            return False
        try:
            target = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            target.moveTo(0, 0)
            # Pages are rendered at no more than 300 dpi: sharp on office printers, and an A4
            # page stays near 35 MB of pixels (1200 dpi would need over 500 MB).
            dpi = min(printer.resolution(), PRINT_DPI)
            for number in range(first, last + 1):
                if number > first:
                    printer.newPage()
                points = self.document.pagePointSize(number - 1)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image: QImage = self.document.render(number - 1, size)
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), scaled), image)
        finally:
            painter.end()
        return True

    def save_pdf(self) -> Path | None:
        start = qt_thai.in_documents(self.suggested_name)
        name, _filter = QFileDialog.getSaveFileName(
            self, _("บันทึกเป็น PDF"), start, _("เอกสาร PDF (*.pdf)")
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = (
                path.with_suffix(path.suffix + ".pdf") if path.suffix else path.with_suffix(".pdf")
            )
        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            messages.warn(
                self,
                _("บันทึกไฟล์ {path} ไม่ได้").format(path=path),
                str(exc.strerror or exc),
            )
            return None
        return path


def show_pdf_preview(parent: QWidget | None, pdf: bytes, title: str, suggested_name: str) -> None:
    """Show ``pdf`` in a modal preview with print and save."""
    dialog = PdfPreviewDialog(parent, pdf, title, suggested_name)
    dialog.exec()
