"""A list's columns as the user left them: widths, order and hidden columns, per list and per
workstation. Right-click on the header to hide or show a column; drag a header to move it.

Kept through the same workstation store as the splitters (``views.widgets.splitters``: the
shell installs it; without one, tests and the self-test, a list starts from its definitions).
The state is a list of numbers: for each column, its place, its width and 1 when hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from models.i18n import _
from views.widgets import splitters


class ColumnMemory(QObject):
    """Restores and records the header of ``view`` under ``name`` (``columns.`` + name)."""

    def __init__(self, view: QTableView, name: str, titles: Sequence[str]) -> None:
        super().__init__(view)
        self.view = view
        self.key = f"columns.{name}"
        self.titles = list(titles)
        self._restoring = False
        header = view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        self.restore()
        header.sectionResized.connect(lambda *_a: self.save())
        header.sectionMoved.connect(lambda *_a: self.save())

    def state(self) -> list[int]:
        header = self.view.horizontalHeader()
        out: list[int] = []
        for logical in range(header.count()):
            out += [
                header.visualIndex(logical),
                header.sectionSize(logical),
                int(header.isSectionHidden(logical)),
            ]
        return out

    def save(self) -> None:
        store = splitters.store()
        if store is not None and not self._restoring:
            store.save(self.key, self.state())

    def restore(self) -> None:
        store = splitters.store()
        saved = store.load(self.key) if store is not None else None
        header = self.view.horizontalHeader()
        count = header.count()
        if not saved or len(saved) != 3 * count:
            return  # none yet, or the list's columns changed since: its own defaults
        self._restoring = True
        try:
            places = [(saved[3 * i], i) for i in range(count)]
            for place, logical in sorted(places):
                header.moveSection(header.visualIndex(logical), max(0, min(count - 1, place)))
            for logical in range(count):
                width, hidden = saved[3 * logical + 1], saved[3 * logical + 2]
                if width > 0:
                    header.resizeSection(logical, width)
                header.setSectionHidden(logical, bool(hidden))
            if all(header.isSectionHidden(i) for i in range(count)):
                header.setSectionHidden(0, False)  # never a list without columns
        finally:
            self._restoring = False

    def set_hidden(self, logical: int, hidden: bool) -> None:
        header = self.view.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if hidden and shown == [logical]:
            return  # the last column stays
        header.setSectionHidden(logical, hidden)
        self.save()

    def show_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        header: QHeaderView = self.view.horizontalHeader()
        menu.exec(header.mapToGlobal(position))

    def column_menu(self) -> QMenu:
        header = self.view.horizontalHeader()
        menu = QMenu(self.view)
        menu.setTitle(_("คอลัมน์ที่แสดง"))
        for logical, title in enumerate(self.titles):
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            action.toggled.connect(lambda on, i=logical: self.set_hidden(i, not on))
        menu.addSeparator()
        reset = menu.addAction(_("คืนค่าคอลัมน์เริ่มต้น"))
        reset.triggered.connect(self.reset)
        return menu

    def reset(self) -> None:
        """Back to the list's own order, with every column shown (widths stay)."""
        header = self.view.horizontalHeader()
        self._restoring = True
        try:
            for logical in range(header.count()):
                header.moveSection(header.visualIndex(logical), logical)
                header.setSectionHidden(logical, False)
        finally:
            self._restoring = False
        self.save()
