"""ลายมือชื่อของฉัน: the user sees, uploads or removes their own signature image (File menu).
Everything goes through ``models.signing.images``, which only ever touches the actor's own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.i18n import _
from models.signing import images
from views.widgets import messages

if TYPE_CHECKING:
    from desktop.context import AppContext


class OwnSignaturePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        intro = QLabel(
            _(
                "ภาพลายมือชื่อของท่านใช้ได้เฉพาะท่านเท่านั้น และจะปรากฏบนเอกสารเมื่อท่านวางเองในช่องที่ท่าน"
                "ลงนามในขั้นตอนนั้น ใช้ภาพ PNG พื้นโปร่งใส หรือภาพสแกน JPEG (ระบบทำพื้นหลังให้โปร่งใส)"
            )
        )
        intro.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setMinimumSize(360, 140)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(_("ภาพลายมือชื่อของฉัน"))
        self.upload_button = QPushButton(_("เลือกไฟล์ภาพ…"))
        self.remove_button = QPushButton(_("ลบลายมือชื่อ"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.upload_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.upload_button.clicked.connect(self.choose_file)
        self.remove_button.clicked.connect(self.remove)
        self.refresh()

    def refresh(self) -> None:
        data = images.own_signature(self.ctx.user)
        self.remove_button.setEnabled(data is not None)
        if data is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("ยังไม่มีภาพลายมือชื่อ"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data, "PNG")
        # shown on a light grey ground: the transparent background is visible as such
        canvas = QPixmap(pixmap.size())
        canvas.fill(QColor(236, 236, 236))
        from PySide6.QtGui import QPainter

        painter = QPainter(canvas)
        painter.drawPixmap(0, 0, pixmap)
        painter.end()
        self.preview.setText("")
        self.preview.setPixmap(
            canvas.scaled(
                360,
                140,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def upload_file(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
        except OSError as exc:
            messages.warn(self, _("อ่านไฟล์ {path} ไม่ได้").format(path=path), str(exc.strerror or exc))
            return False
        try:
            images.upload_signature(self.ctx.user, data, path.name)
        except DomainError as exc:
            messages.domain_error(self, exc)
            return False
        self.refresh()
        return True

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("เลือกภาพลายมือชื่อ"), str(Path.home()), _("ภาพ (*.png *.jpg *.jpeg)")
        )
        if name:
            self.upload_file(Path(name))

    def remove(self) -> None:
        if not messages.confirm(self, _("ลบภาพลายมือชื่อของท่านหรือไม่")):
            return
        try:
            images.remove_signature(self.ctx.user)
        except DomainError as exc:
            messages.domain_error(self, exc)
        self.refresh()


class OwnSignatureDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ลายมือชื่อของฉัน"))
        self.page = OwnSignaturePage(ctx, self)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(_("ปิด"))
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(box)
