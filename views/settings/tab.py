"""The settings tab: the page list on the left, the chosen page on the right (built when first
chosen). ``ctx.open(OpenRequest("settings", "page", params={"page": "users"}))`` opens a page."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from models.i18n import _
from views.registry import OpenRequest, SettingsPageSpec, settings_pages_for
from views.widgets.commands import CommandSet

if TYPE_CHECKING:
    from desktop.context import AppContext

log = logging.getLogger(__name__)


def _scrolling(page: QWidget) -> QScrollArea:
    """A page taller than a laptop's screen (the database form) scrolls instead of stretching
    the window; a list page fills the height as before."""
    frame = QScrollArea()
    frame.setWidgetResizable(True)
    frame.setFrameShape(QFrame.Shape.NoFrame)
    frame.setWidget(page)
    return frame


class SettingsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.specs: list[SettingsPageSpec] = settings_pages_for(ctx.user)
        self.pages: dict[str, QWidget] = {}
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(_("หัวข้อการตั้งค่า"))
        self.list.setMaximumWidth(260)
        self.list.setMinimumWidth(150)
        self.stack = QStackedWidget()
        for spec in self.specs:
            QListWidgetItem(_(spec.title), self.list)
            self.stack.addWidget(QLabel(""))
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self.list.currentRowChanged.connect(self.show_index)
        if self.specs:
            self.list.setCurrentRow(0)
        self.commands = CommandSet(self, ("new", "find", "edit", "refresh"), self.run_command)

    def run_command(self, key: str) -> bool:
        """The page on show answers the keyboard commands it knows (list pages: Ctrl+N,
        Ctrl+F, Ctrl+E, F5)."""
        handler = getattr(self.current_page(), "run_command", None)
        return bool(handler(key)) if callable(handler) else False

    def focus_target(self) -> QWidget:
        return self.list

    def current_page(self) -> QWidget | None:
        """The page on show (inside its scroll frame)."""
        frame = self.stack.currentWidget()
        return frame.widget() if isinstance(frame, QScrollArea) else frame

    def page_keys(self) -> list[str]:
        return [s.key for s in self.specs]

    def show_index(self, index: int) -> None:
        if not (0 <= index < len(self.specs)):
            return
        spec = self.specs[index]
        if spec.key not in self.pages:
            try:
                page = spec.factory(self.ctx)
            except Exception as exc:
                log.exception("building the settings page %s failed", spec.key)
                self.ctx.show_error(exc, self)
                page = QLabel(_("เปิดหน้านี้ไม่ได้"))
            old = self.stack.widget(index)
            self.stack.insertWidget(index, _scrolling(page))
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.pages[spec.key] = page
        self.stack.setCurrentIndex(index)

    def show_page(self, key: str) -> QWidget | None:
        for index, spec in enumerate(self.specs):
            if spec.key == key:
                self.list.setCurrentRow(index)
                self.show_index(index)
                return self.pages.get(key)
        return None

    def open_request(self, request: OpenRequest) -> None:
        page = request.params.get("page")
        if isinstance(page, str):
            self.show_page(page)
