"""Signing and verifying from the print preview.

``SignDialog`` asks for the PKCS#12 file, its password (or takes it from the operating system's
keyring when the user chose to keep it there) and the signature block. ``sign_in_preview`` signs
the previewed PDF through ``models.signing.digital`` and, when the PDF is a kept outgoing document,
keeps the signed copy in the register. ``verification_text`` says what ``verify_document`` found.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.i18n import N_, _

if TYPE_CHECKING:
    from reports.signing.verify import SignatureReport

log = logging.getLogger(__name__)
KEYRING_SERVICE = "ICT Desk certificate"
LAST_P12 = [""]  # the certificate chosen last in this session (not stored: a path says little)
FIELD_LABELS = {"signer": N_("ผู้ลงนามในหนังสือ"), "opinion1": N_("ความเห็นของ หน.ภทส.")}


def _keyring_key(username: str, p12: bytes) -> str:
    return f"{username}:{hashlib.sha256(p12).hexdigest()}"


def stored_password(username: str, p12: bytes) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _keyring_key(username, p12))
    except KeyringError as exc:
        log.info("keyring unavailable: %s", exc)
        return None


def store_password(username: str, p12: bytes, password: str) -> bool:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_key(username, p12), password)
    except KeyringError as exc:
        log.warning("keyring unavailable: %s", exc)
        return False
    return True


def forget_password(username: str, p12: bytes) -> None:
    import keyring
    from keyring.errors import KeyringError

    with contextlib.suppress(KeyringError):
        keyring.delete_password(KEYRING_SERVICE, _keyring_key(username, p12))


def field_label(name: str) -> str:
    if name in FIELD_LABELS:
        return _(FIELD_LABELS[name])
    if name.startswith("opinion"):
        return _("ความเห็นลำดับที่ {n}").format(n=name.removeprefix("opinion"))
    return name


class SignDialog(QDialog):
    """The certificate, its password and the block to sign in."""

    def __init__(self, username: str, empty_fields: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.username = username
        self.setWindowTitle(_("ลงนามแบบดิจิทัล"))
        self.p12_edit = QLineEdit(LAST_P12[0])
        self.p12_edit.setAccessibleName(_("ไฟล์ใบรับรอง"))
        browse = QPushButton(_("เลือก…"))
        browse.clicked.connect(self.choose_p12)
        row = QHBoxLayout()
        row.addWidget(self.p12_edit, 1)
        row.addWidget(browse)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(_("รหัสผ่านของใบรับรอง"))
        self.remember_box = QCheckBox(_("จำรหัสผ่านไว้ในที่เก็บรหัสผ่านของระบบปฏิบัติการ (keyring)"))
        self.field_box = QComboBox()
        for name in empty_fields:
            self.field_box.addItem(field_label(name), name)
        self.field_box.addItem(_("ไม่แสดงบนหน้าเอกสาร (ลายมือชื่อที่มองไม่เห็น)"), "")
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("ไฟล์ใบรับรอง (.p12/.pfx)"), row)
        form.addRow(_("รหัสผ่าน"), self.password_edit)
        form.addRow("", self.remember_box)
        form.addRow(_("ลงนามในช่อง"), self.field_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("ลงนาม"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("ยกเลิก"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.p12_edit.editingFinished.connect(self.fill_stored_password)
        self.fill_stored_password()

    def choose_p12(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("เลือกใบรับรอง"), str(Path.home()), _("ใบรับรอง PKCS#12 (*.p12 *.pfx)")
        )
        if name:
            self.p12_edit.setText(name)
            self.fill_stored_password()

    def p12_bytes(self) -> bytes | None:
        try:
            return Path(self.p12_edit.text().strip()).read_bytes()
        except OSError:
            return None

    def fill_stored_password(self) -> None:
        data = self.p12_bytes()
        stored = stored_password(self.username, data) if data else None
        if stored is not None:
            self.password_edit.setText(stored)
            self.remember_box.setChecked(True)
            self.note.setText(_("ใช้รหัสผ่านที่จำไว้ในเครื่องนี้"))

    def chosen_field(self) -> str | None:
        value = self.field_box.currentData()
        return str(value) if value else None


def verification_text(reports: list[SignatureReport]) -> tuple[str, str]:
    """A headline and the details, one paragraph per signature."""
    if not reports:
        return _("เอกสารนี้ไม่มีลายมือชื่อดิจิทัล"), ""
    lines = []
    for index, report in enumerate(reports, 1):
        lines.append(
            _("{n}. {name} (ออกโดย {issuer})\nเวลาลงนาม: {when}\nสถานะ: {status}").format(
                n=index,
                name=report.signer,
                issuer=report.issuer,
                when=report.time_text(thai=False),
                status=report.status_text(),
            )
        )
    good = all(r.ok for r in reports)
    headline = (
        _("ลายมือชื่อดิจิทัลทั้ง {n} รายการถูกต้อง เอกสารไม่ถูกแก้ไขหลังลงนาม").format(n=len(reports))
        if good
        else _("มีลายมือชื่อดิจิทัลที่ไม่ผ่านการตรวจสอบ")
    )
    return headline, "\n\n".join(lines)


def empty_fields_of(pdf: bytes) -> list[str]:
    from reports.errors import DocumentInputError
    from reports.signing.pades import empty_fields

    try:
        return empty_fields(pdf)
    except DocumentInputError:
        return []


def context_of(widget: Any) -> Any:
    """The window's ``AppContext``: the first parent carrying one (the preview has no ctx)."""
    while widget is not None:
        ctx = getattr(widget, "ctx", None)
        if ctx is not None and hasattr(ctx, "user"):
            return ctx
        widget = widget.parentWidget() if hasattr(widget, "parentWidget") else None
    return None
