"""The login dialog: success, a wrong password (clear message, attempts left), the lockout, and
the password change an administrator's reset forces."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from desktop.login import ChangePasswordDialog, LoginDialog
from models import clock, users
from models.permissions import Role

pytestmark = pytest.mark.gui


def try_login(qtbot: Any, dialog: LoginDialog, name: str, password: str) -> None:
    dialog.username.setText(name)
    dialog.password.setText(password)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: not dialog.busy)


@pytest.fixture
def dialog(qtbot: Any, sqlite_db: Any, make_user: Any) -> LoginDialog:
    make_user(Role.STAFF, username="somchai", full_name="นายสมชาย ใจดี")
    login = LoginDialog(username="somchai", office_name="ภทส. สมศ.")
    qtbot.addWidget(login)
    return login


def test_login_succeeds(qtbot: Any, dialog: LoginDialog) -> None:
    try_login(qtbot, dialog, "SomChai ", "password123")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.full_name == "นายสมชาย ใจดี"


def test_wrong_password_is_explained_and_cleared(qtbot: Any, dialog: LoginDialog) -> None:
    try_login(qtbot, dialog, "somchai", "wrong-password")
    assert dialog.user is None
    assert dialog.error.text() == users.login_refused_message()
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in dialog.error.text()
    assert dialog.password.text() == ""
    assert dialog.username.text() == "somchai"  # what was typed stays
    try_login(qtbot, dialog, "nobody", "whatever1")
    assert dialog.error.text() == users.login_refused_message()  # no hint a name exists
    dialog.username.setText("")
    dialog.login_button.click()
    assert dialog.error.text() == "กรุณากรอกชื่อผู้ใช้และรหัสผ่าน"


def test_lockout_message(qtbot: Any, dialog: LoginDialog) -> None:
    clock.set_clock(lambda: dt.datetime(2026, 11, 23, 10, 0, 0))
    for _attempt in range(users.MAX_FAILED_LOGINS):
        try_login(qtbot, dialog, "somchai", "wrong-password")
    # The same words as any failure (a locked account is no hint that the name exists).
    assert dialog.error.text() == users.login_refused_message()
    try_login(qtbot, dialog, "somchai", "password123")  # even the right password waits
    assert dialog.user is None and dialog.error.text() == users.login_refused_message()
    clock.set_clock(lambda: dt.datetime(2026, 11, 23, 10, 6, 0))
    try_login(qtbot, dialog, "somchai", "password123")
    assert dialog.user is not None


def test_reset_password_forces_a_change(
    qtbot: Any, dialog: LoginDialog, make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = make_user(Role.ADMIN)
    target = users.User.get(users.User.username == "somchai")
    users.reset_password(admin, target, "temporary1")
    changes: list[ChangePasswordDialog] = []

    def change(box: ChangePasswordDialog) -> int:
        changes.append(box)
        box.old.setText("temporary1")
        box.new.setText("temporary1")
        box.again.setText("temporary1")
        box.ok_button.click()  # the same password again is refused by the domain
        qtbot.waitUntil(lambda: not box.busy)
        assert box.error.text() == "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม"
        box.new.setText("brand-new-pass")
        box.again.setText("brand-new-pass")
        box.ok_button.click()
        qtbot.waitUntil(lambda: box.user is not None)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ChangePasswordDialog, "exec", change)
    try_login(qtbot, dialog, "somchai", "temporary1")
    assert len(changes) == 1
    assert dialog.user is not None and not dialog.user.must_change_password
    assert users.authenticate("somchai", "brand-new-pass").id == target.id


def test_refusing_the_forced_change_keeps_the_door_shut(
    qtbot: Any, dialog: LoginDialog, make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    users.reset_password(make_user(Role.ADMIN), users.User.get(username="somchai"), "temporary1")
    monkeypatch.setattr(ChangePasswordDialog, "exec", lambda box: 0)
    try_login(qtbot, dialog, "somchai", "temporary1")
    assert dialog.user is None
    assert dialog.error.text() == "ต้องเปลี่ยนรหัสผ่านก่อนเข้าใช้งาน"
