"""Settings → รายการที่ลบ (administrators): assets and other records deleted in the last 30 days,
each with who deleted it and when, and "กู้คืน" to bring it back (``models.recycle``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import recycle
from models.i18n import _
from reports.thaifmt import datetime_short
from views.widgets import messages
from views.widgets.commands import mnemonic
from views.widgets.tables import setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext


class RecyclePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[recycle.DeletedItem] = []
        intro = QLabel(
            _(
                "รายการที่ถูกลบในช่วง {days} วันที่ผ่านมา ผู้ดูแลระบบกู้คืนได้ โดยรายการจะกลับมาพร้อมข้อมูลเดิมทั้งหมด"
            ).format(days=recycle.RESTORE_DAYS),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [_("ประเภท"), _("รายการ"), _("ลบโดย"), _("ลบเมื่อ"), _("กู้คืนได้ถึง")]
        )
        setup_table_widget(self.table, stretch=1)
        self.restore_button = mnemonic(QPushButton(_("กู้คืน"), self), "R")
        self.restore_button.clicked.connect(lambda _checked=False: self.restore_selected())
        self.refresh_button = QPushButton(_("รีเฟรช"), self)
        self.refresh_button.clicked.connect(lambda _checked=False: self.reload())
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        user = self.ctx.user
        self.ctx.run_in_background(lambda: recycle.deleted_items(user), self._fill, owner=self)

    def _fill(self, items: list[recycle.DeletedItem]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = [
                item.kind,
                item.description,
                item.deleted_by,
                datetime_short(item.deleted_at),
                datetime_short(item.restorable_until),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.restore_button.setEnabled(bool(items))
        if items:
            self.table.selectRow(0)

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        if not messages.confirm(
            self,
            _("กู้คืน{kind} “{what}” หรือไม่").format(kind=item.kind, what=item.description),
            _("กู้คืน"),
        ):
            return
        user, audit_id = self.ctx.user, item.audit_id

        def done(_row: object) -> None:
            messages.info(self, _("กู้คืน “{what}” แล้ว").format(what=item.description))
            self.reload()

        self.ctx.run_in_background(
            lambda: recycle.restore(user, audit_id),
            done,
            owner=self,
            disable=[self.restore_button],
        )
