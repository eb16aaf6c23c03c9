"""Who is at the keyboard: the login dialog, the forced or voluntary password change, the first
start's administrator set-up, and the demo logins shown after seeding the demo office.

Each dialog runs its domain call in the worker and stays open on a refusal, with the message shown
in the dialog and the typed values kept (the password field is cleared after a wrong password).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import worker
from desktop.context import user_from_snapshot, user_snapshot
from models import users
from models.demo import DEMO_PASSWORD, DemoLogin
from models.errors import AuthenticationError, DomainError, EnvironmentProblem, ValidationError
from models.i18n import _
from models.permissions import ROLE_LABELS
from models.users import User
from views.widgets.dialogs import dialog_buttons, error_banner
from views.widgets.forms import FormErrors


class _WorkerDialog(QDialog):
    """A dialog whose OK runs a domain call in the worker; refusals are shown inside it."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.error = error_banner(self)
        self.busy = False

    def show_message(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def failed(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, DomainError):
            self.show_message(exc.message)
        elif isinstance(exc, EnvironmentProblem):
            self.show_message(f"{exc.message}\n{exc.advice}".strip())
        else:
            from desktop.excepthook import show_exception

            show_exception(exc, self)


class LoginDialog(_WorkerDialog):
    """ชื่อผู้ใช้ + รหัสผ่าน. After ``exec()`` returns Accepted, ``user`` is the logged-in User."""

    def __init__(
        self,
        *,
        username: str = "",
        office_name: str = "",
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.user: User | None = None
        self.setWindowTitle(_("เข้าสู่ระบบ ICT Desk"))
        layout = QVBoxLayout(self)
        heading = QLabel(office_name or "ICT Desk")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if demo:
            note = QLabel(
                _("ฐานข้อมูลตัวอย่าง: ทุกบัญชีใช้รหัสผ่าน {password}").format(password=DEMO_PASSWORD)
            )
            note.setStyleSheet("color: #8d6e00;")
            layout.addWidget(note)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setAccessibleName(_("ชื่อผู้ใช้"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(_("รหัสผ่าน"))
        form.addRow(_("ชื่อผู้ใช้"), self.username)
        form.addRow(_("รหัสผ่าน"), self.password)
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons, self.login_button, _quit = dialog_buttons(self, _("เข้าสู่ระบบ"), _("ออกจากโปรแกรม"))
        self.login_button.clicked.connect(self.attempt)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(420)

    def attempt(self) -> None:
        if self.busy:
            return
        name, password = self.username.text().strip(), self.password.text()
        if not name or not password:
            self.show_message(_("กรุณากรอกชื่อผู้ใช้และรหัสผ่าน"))
            return
        self.busy = True
        self.show_message("")
        worker.run_in_background(
            lambda: user_snapshot(users.authenticate(name, password)),
            self._logged_in,
            self._refused,
            owner=self,
            disable=[self.login_button],
        )

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, AuthenticationError):
            self.password.clear()
            self.password.setFocus()
        self.failed(exc)

    def _logged_in(self, data: dict[str, Any]) -> None:
        self.busy = False
        user = user_from_snapshot(data)
        if user.must_change_password:
            change = ChangePasswordDialog(user, forced=True, parent=self)
            if not change.exec() or change.user is None:
                self.show_message(_("ต้องเปลี่ยนรหัสผ่านก่อนเข้าใช้งาน"))
                self.password.clear()
                return
            user = change.user
        self.user = user
        self.accept()


class ChangePasswordDialog(_WorkerDialog):
    """The user's own password: old, new, new again. ``forced`` after an administrator's reset."""

    def __init__(self, user: User, *, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = user
        self.user: User | None = None
        self.setWindowTitle(_("เปลี่ยนรหัสผ่าน"))
        layout = QVBoxLayout(self)
        if forced:
            intro = QLabel(_("ผู้ดูแลระบบตั้งรหัสผ่านชั่วคราวให้ท่าน กรุณาตั้งรหัสผ่านใหม่ก่อนเข้าใช้งาน"))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.old, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("รหัสผ่านเดิม"), self.old)
        form.addRow(_("รหัสผ่านใหม่"), self.new)
        form.addRow(_("ยืนยันรหัสผ่านใหม่"), self.again)
        hint = QLabel(
            _("อย่างน้อย {n} ตัวอักษร และต้องไม่ซ้ำรหัสผ่านเดิม").format(n=users.MIN_PASSWORD_LENGTH)
        )
        form.addRow("", hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.errors = FormErrors(
            {"old_password": self.old, "password": self.new, "again": self.again}
        )
        buttons, self.ok_button, _cancel = dialog_buttons(self, _("บันทึก"))
        self.ok_button.clicked.connect(self.attempt)
        layout.addWidget(buttons)

    def attempt(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        old, new, again = self.old.text(), self.new.text(), self.again.text()
        if new != again:
            self.errors.mark({"again": _("รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน")})
            self.show_message(_("รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน"))
            return
        user_id = self.target.id
        self.busy = True

        def work() -> dict[str, Any]:
            return user_snapshot(users.change_own_password(User.get_by_id(user_id), old, new))

        worker.run_in_background(
            work, self._done, self._refused, owner=self, disable=[self.ok_button]
        )

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show(exc)
        self.failed(exc)

    def _done(self, data: dict[str, Any]) -> None:
        self.busy = False
        self.user = user_from_snapshot(data)
        self.accept()


class FirstAdminDialog(_WorkerDialog):
    """First start on an empty database: create the administrator's account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_id: int | None = None
        self.setWindowTitle(_("ตั้งค่าเริ่มต้น ICT Desk"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _("ยินดีต้อนรับ ฐานข้อมูลนี้ยังไม่มีผู้ใช้ กรุณาสร้างบัญชีผู้ดูแลระบบ เพื่อเข้าไปตั้งค่าข้อมูลสำนักงานและเพิ่มผู้ใช้คนอื่น")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("ชื่อผู้ใช้"), self.username)
        form.addRow(_("ชื่อ-นามสกุล"), self.full_name)
        form.addRow(_("รหัสผ่าน"), self.password)
        form.addRow(_("ยืนยันรหัสผ่าน"), self.again)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.errors = FormErrors(
            {
                "username": self.username,
                "full_name": self.full_name,
                "password": self.password,
                "again": self.again,
            }
        )
        buttons, self.ok_button, _quit = dialog_buttons(
            self, _("สร้างบัญชีผู้ดูแลระบบ"), _("ออกจากโปรแกรม")
        )
        self.ok_button.clicked.connect(self.attempt)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def attempt(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        username, full_name = self.username.text(), self.full_name.text()
        password, again = self.password.text(), self.again.text()
        if password != again:
            self.errors.mark({"again": _("รหัสผ่านทั้งสองช่องไม่ตรงกัน")})
            self.show_message(_("รหัสผ่านทั้งสองช่องไม่ตรงกัน"))
            return
        self.busy = True
        worker.run_in_background(
            lambda: users.create_first_admin(username, full_name, password).id,
            self._done,
            self._refused,
            owner=self,
            disable=[self.ok_button],
        )

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show(exc)
        self.failed(exc)

    def _done(self, user_id: int) -> None:
        self.busy = False
        self.user_id = user_id
        self.accept()


class DemoLoginsDialog(QDialog):
    """After seeding the demo office: the accounts to try, all with the demo password."""

    def __init__(self, logins: list[DemoLogin], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ข้อมูลตัวอย่าง"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _("เพิ่มข้อมูลสำนักงานตัวอย่างแล้ว (ข้อมูลสมมุติ ไม่ใช่ข้อมูลจริง) ทุกบัญชีใช้รหัสผ่าน {password}").format(
                password=DEMO_PASSWORD
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(logins), 3)
        self.table.setHorizontalHeaderLabels([_("ชื่อผู้ใช้"), _("ชื่อ-นามสกุล"), _("บทบาท")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, login in enumerate(logins):
            for column, text in enumerate(
                (login.username, login.full_name, _(ROLE_LABELS[login.role]))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumSize(560, 360)
        layout.addWidget(self.table)
        close = QPushButton(_("เข้าสู่ระบบ"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
