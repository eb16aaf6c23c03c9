"""Splitters that remember where the user left them (per workstation).

A view gives each splitter a name; the shell installs a store (``set_store``) that keeps the sizes
in the workstation's settings. Views never import the shell: without a store (tests, the
self-test) a splitter simply starts at its default proportions.

Usage::

    splitter = RememberedSplitter("cases.publication", Qt.Orientation.Horizontal, (3, 2), self)
    splitter.addWidget(self.list)
    splitter.addWidget(self.panel)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLayout, QSplitter, QVBoxLayout, QWidget


class SplitterStore(Protocol):
    def load(self, name: str) -> list[int] | None: ...

    def save(self, name: str, sizes: list[int]) -> None: ...


_store: SplitterStore | None = None
MIN_LENGTH = 80  # shorter than this, a splitter has not been laid out yet


def set_store(store: SplitterStore | None) -> None:
    global _store
    _store = store


def store() -> SplitterStore | None:
    return _store


class RememberedSplitter(QSplitter):
    """A ``QSplitter`` that starts at the sizes last left (else at ``ratio``) and tells the store
    whenever the user drags it. Panes are never collapsed to nothing by a drag."""

    def __init__(
        self,
        name: str,
        orientation: Qt.Orientation,
        ratio: Sequence[int] = (1, 1),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(orientation, parent)
        self.setObjectName(name)
        self.name = name
        self.ratio = list(ratio)
        self._placed = False
        self.setChildrenCollapsible(False)
        self.splitterMoved.connect(lambda _pos, _index: self._moved())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:
            # once the layouts have given the splitter its real size (not within showEvent)
            QTimer.singleShot(0, self._place)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._placed and self.isVisible():
            self._place()

    def _place(self) -> None:
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        if self._placed or (self.width() if horizontal else self.height()) < MIN_LENGTH:
            return  # not laid out yet: the next resize places it
        self._placed = True
        self.restore()

    def add_pane(self, *items: QWidget | QLayout) -> QWidget:
        """A pane of widgets and layouts one under another (the last one takes the height)."""
        pane = QWidget(self)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, item in enumerate(items):
            stretch = 1 if index == len(items) - 1 else 0
            if isinstance(item, QLayout):
                layout.addLayout(item, stretch)
            else:
                layout.addWidget(item, stretch)
        self.addWidget(pane)
        return pane

    def restore(self) -> None:
        saved = _store.load(self.name) if _store is not None else None
        if saved and len(saved) == self.count() and all(size > 0 for size in saved):
            self.set_proportions(saved)  # left on another screen: the same proportions here
        else:
            self.set_proportions((self.ratio + [1] * self.count())[: self.count()])

    def set_proportions(self, weights: Sequence[int]) -> None:
        """Share the splitter's length among the panes in proportion to ``weights``.
        (``setSizes`` takes pixels: larger numbers than the splitter holds do not scale.)"""
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        length = self.width() if horizontal else self.height()
        length -= self.handleWidth() * max(0, self.count() - 1)
        total = sum(max(1, w) for w in weights)
        self.setSizes([max(1, length * max(1, w) // total) for w in weights])

    def _moved(self) -> None:
        if _store is not None:
            _store.save(self.name, self.sizes())
