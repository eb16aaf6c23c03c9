"""Which database this workstation opens: the embedded file or a shared server (PostgreSQL,
MySQL/MariaDB), and the interface language. Both are workstation settings (``WorkstationConfig``);
the server password goes to the operating system's keyring (``desktop.secrets``), never to a file.

``ConnectionForm`` is used twice: in the start-up dialog when the database cannot be opened, and
as the settings page "ฐานข้อมูลและภาษา" (registered here, for administrators).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import worker
from desktop.config import WorkstationConfig
from models import db as dbmod
from models.errors import EnvironmentProblem
from models.i18n import LANGUAGES, N_, _
from models.permissions import Permission, can
from views.registry import SettingsPageSpec, register_settings_page
from views.widgets import messages
from views.widgets.dialogs import dialog_buttons
from views.widgets.forms import FormErrors


def _keyring() -> Any:
    """``desktop.secrets``, imported when first needed: the keyring library takes a noticeable
    part of a second to import, and most starts never touch it."""
    from desktop import secrets

    return secrets


SERVER_BACKENDS = {"postgresql": ("PostgreSQL", 5432), "mysql": ("MySQL / MariaDB", 3306)}


@dataclass(frozen=True)
class ConnectionTest:
    display: str
    schema_version: int
    app_version: int
    pending: int
    unknown: int

    def describe(self) -> str:
        if self.unknown:
            return _("เชื่อมต่อได้ แต่ฐานข้อมูลนี้มาจาก ICT Desk รุ่นที่ใหม่กว่า ต้องปรับรุ่นโปรแกรมก่อนใช้")
        if self.schema_version == 0:
            return _("เชื่อมต่อได้ ฐานข้อมูลยังว่าง จะสร้างโครงสร้างเมื่อเปิดใช้งาน")
        if self.pending:
            return _("เชื่อมต่อได้ (ฐานข้อมูลรุ่น {n} จะปรับรุ่นเมื่อเปิดใช้งาน)").format(n=self.schema_version)
        return _("เชื่อมต่อได้ (ฐานข้อมูลรุ่น {n})").format(n=self.schema_version)


def test_connection(url: str, password: str | None) -> ConnectionTest:
    """Worker side: connect without migrating or binding the app to it, look, and disconnect."""
    database = dbmod.connect(url, password=password)
    try:
        status = dbmod.schema_status(database)
    finally:
        database.close()
    return ConnectionTest(
        display=dbmod.parse_url(url).display,
        schema_version=status.version,
        app_version=dbmod.app_schema_version(),
        pending=len(status.pending),
        unknown=len(status.unknown),
    )


def server_url(backend: str, host: str, port: int, name: str, user: str) -> str:
    """A password-less server URL (the password travels separately, to the keyring)."""
    auth = f"{quote(user, safe='')}@" if user else ""
    return f"{backend}://{auth}{host}:{port}/{quote(name, safe='')}"


class ConnectionForm(QWidget):
    """Embedded file or server: host, port, database, user, password; and a test button."""

    changed = Signal()

    def __init__(self, url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.embedded_radio = QRadioButton(_("ฐานข้อมูลในเครื่องนี้ (ไฟล์ SQLite)"))
        self.server_radio = QRadioButton(_("ฐานข้อมูลบนเครื่องแม่ข่าย (ใช้ร่วมกันหลายเครื่อง)"))
        group = QButtonGroup(self)
        group.addButton(self.embedded_radio)
        group.addButton(self.server_radio)
        layout.addWidget(self.embedded_radio)
        self.embedded_note = QLabel(_("ไฟล์: {path}").format(path=dbmod.default_sqlite_path()))
        self.embedded_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.embedded_note.setContentsMargins(24, 0, 0, 0)
        layout.addWidget(self.embedded_note)
        layout.addWidget(self.server_radio)

        self.server_box = QWidget()
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.backend = QComboBox()
        for key, (label, _port) in SERVER_BACKENDS.items():
            self.backend.addItem(label, key)
        self.host = QLineEdit()
        self.host.setPlaceholderText(_("เช่น 192.168.1.10 หรือ dbserver"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.name = QLineEdit()
        self.name.setPlaceholderText("ictdesk")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("เว้นว่างไว้ถ้าใช้รหัสผ่านที่บันทึกไว้"))
        form.addRow(_("ชนิดฐานข้อมูล"), self.backend)
        form.addRow(_("เครื่องแม่ข่าย"), self.host)
        form.addRow(_("พอร์ต"), self.port)
        form.addRow(_("ชื่อฐานข้อมูล"), self.name)
        form.addRow(_("ชื่อผู้ใช้ฐานข้อมูล"), self.user)
        form.addRow(_("รหัสผ่าน"), self.password)
        layout.addWidget(self.server_box)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(_("ทดสอบการเชื่อมต่อ"))
        self.test_button.clicked.connect(self.run_test)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        self.banner = QLabel()
        layout.addWidget(self.banner)
        self.errors = FormErrors(
            {"host": self.host, "name": self.name, "user": self.user}, banner=self.banner
        )

        self.backend.currentIndexChanged.connect(self._backend_changed)
        self.embedded_radio.toggled.connect(self._mode_changed)
        for edit in (self.host, self.name, self.user, self.password):
            edit.textChanged.connect(self.changed)
        self.port.valueChanged.connect(self.changed)
        self.set_url(url)

    def set_url(self, url: str | None) -> None:
        parsed = None
        if url:
            try:
                parsed = dbmod.parse_url(url)
            except EnvironmentProblem:
                parsed = None
        if parsed is None or parsed.is_embedded:
            self.embedded_radio.setChecked(True)
            if parsed is not None and parsed.path is not None:
                self.embedded_note.setText(_("ไฟล์: {path}").format(path=parsed.path))
        else:
            self.server_radio.setChecked(True)
            self.backend.setCurrentIndex(max(0, self.backend.findData(parsed.backend)))
            self.host.setText(parsed.host)
            self.port.setValue(parsed.port or SERVER_BACKENDS[parsed.backend][1])
            self.name.setText(parsed.name)
            self.user.setText(parsed.user)
        self._mode_changed()

    def _backend_changed(self) -> None:
        defaults = {port for _label, port in SERVER_BACKENDS.values()}
        if self.port.value() in defaults:
            self.port.setValue(SERVER_BACKENDS[self.backend.currentData()][1])
        self.changed.emit()

    def _mode_changed(self) -> None:
        self.server_box.setEnabled(self.server_radio.isChecked())
        self.embedded_note.setEnabled(self.embedded_radio.isChecked())
        self.test_result.clear()
        self.changed.emit()

    @property
    def is_embedded(self) -> bool:
        return self.embedded_radio.isChecked()

    def url_and_password(self) -> tuple[str, str | None]:
        """The password-less URL ("" for the embedded default) and the typed password.
        Empty required fields are marked and refused."""
        self.errors.clear()
        if self.is_embedded:
            return "", None
        errors = {}
        if not self.host.text().strip():
            errors["host"] = _("กรุณากรอกชื่อเครื่องแม่ข่าย")
        if not self.name.text().strip():
            errors["name"] = _("กรุณากรอกชื่อฐานข้อมูล")
        if not self.user.text().strip():
            errors["user"] = _("กรุณากรอกชื่อผู้ใช้ฐานข้อมูล")
        if errors:
            self.errors.mark(errors)
            raise ValueError(" ".join(errors.values()))
        url = server_url(
            self.backend.currentData(),
            self.host.text().strip(),
            self.port.value(),
            self.name.text().strip(),
            self.user.text().strip(),
        )
        password = self.password.text() or _keyring().get_password(url)
        return url, password

    def run_test(self) -> None:
        try:
            url, password = self.url_and_password()
        except ValueError:
            return
        target = url or dbmod.default_url()
        self.test_result.setText(_("กำลังทดสอบ…"))
        self.test_result.setStyleSheet("")

        def ok(result: ConnectionTest) -> None:
            self.test_result.setText("✔ " + result.describe())
            self.test_result.setStyleSheet("color: #1b5e20;")

        def failed(exc: BaseException) -> None:
            text = exc.message if isinstance(exc, EnvironmentProblem) else str(exc)
            self.test_result.setText("✘ " + text)
            self.test_result.setStyleSheet("color: #b71c1c;")

        worker.run_in_background(
            lambda: test_connection(target, password),
            ok,
            failed,
            owner=self,
            disable=[self.test_button],
        )


def save_connection(url: str, password: str | None) -> bool:
    """Keep the choice for the next start; False when the password could not be kept."""
    config = WorkstationConfig.load()
    config.database_url = url
    if url:
        config.recent_databases = [url, *[u for u in config.recent_databases if u != url]][:5]
    config.save()
    if url and password:
        return bool(_keyring().set_password(url, password))
    return True


class ConnectionDialog(QDialog):
    """Start-up: choose another database after the configured one failed."""

    def __init__(self, url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("เปลี่ยนการเชื่อมต่อฐานข้อมูล"))
        self.result_url: str | None = None
        self.result_password: str | None = None
        layout = QVBoxLayout(self)
        self.form = ConnectionForm(url, self)
        layout.addWidget(self.form)
        buttons, self.ok_button, _cancel = dialog_buttons(self, _("เชื่อมต่อ"))
        self.ok_button.clicked.connect(self._accept)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        try:
            url, password = self.form.url_and_password()
        except ValueError:
            return
        self.result_url = url or None
        self.result_password = password
        self.accept()

    def save_to_workstation(self) -> None:
        kept = save_connection(self.result_url or "", self.result_password)
        if not kept:
            messages.warn(self, keyring_missing_text())


def keyring_missing_text() -> str:
    return _(
        "เครื่องนี้ไม่มีที่เก็บรหัสผ่านของระบบปฏิบัติการ จึงไม่ได้เก็บรหัสผ่านฐานข้อมูลไว้ "
        "ต้องกรอกรหัสผ่านอีกครั้งเมื่อเปิดโปรแกรมครั้งต่อไป"
    )


class DatabaseSettingsPage(QWidget):
    """Settings → ฐานข้อมูลและภาษา (this workstation's own settings)."""

    def __init__(self, ctx: object = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        config = WorkstationConfig.load()
        layout = QVBoxLayout(self)
        current = QLabel(
            _("ขณะนี้ใช้: {where}").format(
                where=getattr(getattr(ctx, "database", None), "display", "")
            )
        )
        current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(current)
        box = QGroupBox(_("ฐานข้อมูลที่เครื่องนี้ใช้"))
        inner = QVBoxLayout(box)
        self.form = ConnectionForm(config.database_url or None)
        inner.addWidget(self.form)
        timeout_row = QFormLayout()
        self.connect_timeout = QSpinBox()
        self.connect_timeout.setRange(1, 60)
        self.connect_timeout.setSuffix(_(" วินาที"))
        self.connect_timeout.setValue(config.connect_timeout_s)
        self.connect_timeout.setToolTip(
            _("ถ้าเครื่องแม่ข่ายไม่ตอบภายในเวลานี้ โปรแกรมจะเสนอให้เปิดสำเนาข้อมูลในเครื่องแบบดูอย่างเดียว")
        )
        timeout_row.addRow(_("รอเครื่องแม่ข่ายตอบไม่เกิน"), self.connect_timeout)
        inner.addLayout(timeout_row)
        layout.addWidget(box)

        language_box = QGroupBox(_("ภาษาของโปรแกรม"))
        language_row = QFormLayout(language_box)
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(config.language)))
        language_row.addRow(_("ภาษา"), self.language)
        layout.addWidget(language_box)

        note = QLabel(_("การเปลี่ยนฐานข้อมูลหรือภาษาจะมีผลเมื่อเปิดโปรแกรมครั้งถัดไป"))
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(_("บันทึก"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def save(self) -> None:
        try:
            url, password = self.form.url_and_password()
        except ValueError:
            return
        kept = save_connection(url, password if self.form.password.text() else None)
        config = WorkstationConfig.load()
        config.language = self.language.currentData()
        config.connect_timeout_s = self.connect_timeout.value()
        config.save()
        self.form.password.clear()
        text = _("บันทึกแล้ว จะมีผลเมื่อเปิดโปรแกรมครั้งถัดไป")
        messages.info(self, text, "" if kept else keyring_missing_text())


register_settings_page(
    SettingsPageSpec(
        "database",
        N_("ฐานข้อมูลและภาษา"),
        900,
        lambda ctx: DatabaseSettingsPage(ctx),
        visible=lambda user: can(user, Permission.MANAGE_SETTINGS),
    )
)
