"""Ctrl+K: one search box over every process (``models.finder``): type a number, a title or a
person; the hits come as you type (in the worker); Enter or a double-click opens the record in
its tab, Up/Down move in the list from the search box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from models import finder
from models.i18n import _
from views.process_tabs import view_for_process
from views.registry import OpenRequest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext

SEARCH_DELAY_MS = 250
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


def open_request_for(hit: finder.Hit) -> OpenRequest:
    return OpenRequest(view_for_process(hit.process), hit.kind, hit.id)


class FinderDialog(QDialog):
    chosen = Signal(object)  # OpenRequest

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("ค้นหาทุกงาน"))
        self.resize(640, 420)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("พิมพ์เลขที่ เรื่อง ชื่อผู้ขอ หรือเลขครุภัณฑ์"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.open_current)
        self.search.installEventFilter(self)
        self.results.itemActivated.connect(lambda _item: self.open_current())
        self._asked = ""

    def run_search(self) -> None:
        text, user = self.search.text().strip(), self.ctx.user
        self._asked = text
        if len(text) < finder.MIN_TEXT:
            self.results.clear()
            self.status.setText(_("พิมพ์อย่างน้อย {n} ตัวอักษร").format(n=finder.MIN_TEXT))
            return
        self.ctx.run_in_background(
            lambda: finder.find(user, text),
            lambda hits: self._show(text, hits),
            owner=self,
        )

    def _show(self, text: str, hits: list[finder.Hit]) -> None:
        if text != self._asked:
            return  # typed on since: a newer search is on its way
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.kind_label}: {hit.title}\n    {hit.detail}")
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        self.status.setText(
            _("พบ {n} รายการ — Enter เพื่อเปิด").format(n=len(hits)) if hits else _("ไม่พบรายการ")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(self.results.count() - 1, row)))
                return True
        return super().eventFilter(watched, event)

    def open_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        hit = item.data(HIT_ROLE)
        if isinstance(hit, finder.Hit):
            self.chosen.emit(open_request_for(hit))
            self.accept()
