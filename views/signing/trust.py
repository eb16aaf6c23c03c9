"""Settings → ลายมือชื่อดิจิทัล: the certificates the office trusts when it verifies signed PDFs
(kept in the database, so every workstation verifies alike) and the timestamp server that makes
signatures PAdES B-T."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import settings
from models.errors import DomainError
from models.i18n import _
from models.signing import trust
from views.widgets import messages

if TYPE_CHECKING:
    from desktop.context import AppContext


class TrustPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("ใบรับรอง"), _("หมายเหตุ"), _("SHA-256")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(_("ใบรับรองที่เชื่อถือ"))
        self.add_button = QPushButton(_("เพิ่มใบรับรอง…"))
        self.remove_button = QPushButton(_("เลิกเชื่อถือ"))
        self.tsa_edit = QLineEdit(trust.timestamp_url())
        self.tsa_edit.setPlaceholderText("https://tsa.example.go.th/tsa")
        self.tsa_edit.setAccessibleName(_("เครื่องให้บริการตราประทับเวลา"))
        self.save_button = QPushButton(_("บันทึก"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.tsa_edit, 1)
        row.addWidget(self.save_button)
        form.addRow(_("เครื่องให้บริการตราประทับเวลา (TSA)"), row)
        hint = QLabel(
            _("เมื่อระบุ TSA ลายมือชื่อดิจิทัลจะเป็นแบบ PAdES B-T (มีตราประทับเวลา) เว้นว่างไว้จะเป็นแบบ PAdES B-B")
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("ใบรับรองที่สำนักงานเชื่อถือ (ใช้ตรวจสอบลายมือชื่อดิจิทัลในไฟล์ PDF)")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(hint)
        self.add_button.clicked.connect(self.choose_file)
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(self.save_timestamp_url)
        self.refresh()

    def refresh(self) -> None:
        self.rows = trust.trusted_certificates()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            for column, text in enumerate((row.subject, row.note, row.sha256)):
                self.table.setItem(index, column, QTableWidgetItem(str(text)))
        self.table.resizeColumnsToContents()

    def add_file(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
        except OSError as exc:
            messages.warn(self, _("อ่านไฟล์ {path} ไม่ได้").format(path=path), str(exc.strerror or exc))
            return False
        try:
            trust.add_trusted_certificate(self.ctx.user, data, note=path.name)
        except DomainError as exc:
            messages.domain_error(self, exc)
            return False
        self.refresh()
        return True

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("เลือกใบรับรอง"), str(Path.home()), _("ใบรับรอง (*.pem *.crt *.cer *.der)")
        )
        if name:
            self.add_file(Path(name))

    def remove_selected(self) -> None:
        index = self.table.currentRow()
        if not (0 <= index < len(self.rows)):
            return
        row = self.rows[index]
        if not messages.confirm(
            self, _("เลิกเชื่อถือใบรับรอง “{name}” หรือไม่").format(name=row.subject), dangerous=True
        ):
            return
        try:
            trust.remove_trusted_certificate(self.ctx.user, row)
        except DomainError as exc:
            messages.domain_error(self, exc)
        self.refresh()

    def save_timestamp_url(self) -> None:
        try:
            settings.put(self.ctx.user, trust.TIMESTAMP_URL, self.tsa_edit.text().strip())
        except DomainError as exc:
            messages.domain_error(self, exc)
            return
        messages.info(self, _("บันทึกแล้ว"))
