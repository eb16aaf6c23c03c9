"""ทะเบียนหนังสือส่ง (File menu, and a settings page): the numbered documents the office issued, each opened exactly
as kept (its SHA-256 checked), printed as a register or exported to Excel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.i18n import _
from models.outgoing import register
from reports.thaifmt import date_short
from views.widgets import messages, pdf_preview, printing

if TYPE_CHECKING:
    from desktop.context import AppContext


class OutgoingPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [_("เลขที่หนังสือ"), _("ลงวันที่"), _("เรื่อง"), _("ถึง"), _("ผู้ลงนาม"), _("ลงนามดิจิทัล")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(_("ทะเบียนหนังสือส่ง"))
        self.open_button = QPushButton(_("เปิดหนังสือ"))
        self.print_button = QPushButton(_("พิมพ์ทะเบียน…"))
        self.export_button = QPushButton(_("ส่งออกเป็น Excel…"))
        buttons = QHBoxLayout()
        for button in (self.open_button, self.print_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.print_button.clicked.connect(
            lambda: printing.ask_and_print_register(self.ctx, self, "outgoing", allow_all=True)
        )
        self.export_button.clicked.connect(self.choose_export)
        self.refresh()

    def refresh(self) -> None:
        self.rows = register.kept_documents(None, None)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            values = (
                row.number,
                date_short(row.doc_date),
                row.subject,
                row.recipient,
                row.signers,
                _("ใช่") if row.signed else "",
            )
            for column, text in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(str(text)))
        self.table.resizeColumnsToContents()

    def open_selected(self) -> None:
        index = self.table.currentRow()
        if not (0 <= index < len(self.rows)):
            return
        try:
            data, name = register.open_document(self.ctx.user, int(self.rows[index].id))
        except DomainError as exc:
            messages.domain_error(self, exc)
            return
        pdf_preview.show_pdf_preview(self, data, str(self.rows[index].number), name)
        self.refresh()

    def export_to(self, path: Path) -> bool:
        try:
            register.export_xlsx(self.ctx.user, path)
        except DomainError as exc:
            messages.domain_error(self, exc)
            return False
        return True

    def choose_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("ส่งออกทะเบียนหนังสือส่ง"), str(Path.home() / "ทะเบียนหนังสือส่ง.xlsx"), "Excel (*.xlsx)"
        )
        if name and self.export_to(Path(name)):
            messages.info(self, _("ส่งออกไว้ที่ {path}").format(path=name))


class OutgoingDialog(QDialog):
    """The register for everyone who may view (the settings page is for office managers)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ทะเบียนหนังสือส่ง"))
        self.resize(1000, 600)
        self.page = OutgoingPage(ctx, self)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(_("ปิด"))
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(box)
