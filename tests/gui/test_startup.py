"""Start-up: the database that cannot be opened (retry / change / embedded / quit), a corrupt or
newer file, the first start (administrator set-up or the demo office), and the daily backup."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from desktop import shell as shellmod
from desktop.config import WorkstationConfig
from desktop.connection import ConnectionDialog
from desktop.login import DemoLoginsDialog, FirstAdminDialog, LoginDialog
from desktop.startup import open_database_flow
from models import db as dbmod
from models.org import Organisation
from models.users import User

pytestmark = pytest.mark.gui

UNREACHABLE = "postgresql://ictdesk@127.0.0.1:1/ictdesk"  # nothing listens on port 1


@pytest.fixture(autouse=True)
def _close() -> Any:
    yield
    dbmod.close_db()


def test_unreachable_server_offers_retry_then_embedded(qtbot: Any, message_boxes: Any) -> None:
    answers = iter(["ลองใหม่", "เปิดฐานข้อมูลในเครื่องนี้"])
    message_boxes.answer = lambda box: next(answers)
    opened = open_database_flow(UNREACHABLE, "secret")
    assert len(message_boxes.shown) == 2  # tried twice, then chose the embedded database
    box = message_boxes.shown[0]
    assert box.title == "เปิดฐานข้อมูลไม่ได้"
    assert "เชื่อมต่อฐานข้อมูล postgresql://ictdesk@127.0.0.1:1/ictdesk ไม่ได้" in box.text
    assert "secret" not in box.text
    assert sorted(box.buttons) == sorted(
        ["ลองใหม่", "เปลี่ยนการเชื่อมต่อ…", "เปิดฐานข้อมูลในเครื่องนี้", "ออกจากโปรแกรม"]
    )
    assert opened is not None and opened.info.is_embedded
    assert opened.info.display == str(dbmod.default_sqlite_path())
    assert opened.needs_setup
    assert WorkstationConfig.load().database_url == ""  # a one-off: the setting is unchanged


def test_malformed_url_offers_no_retry_but_the_embedded_database(
    qtbot: Any, message_boxes: Any
) -> None:
    message_boxes.answer = "เปิดฐานข้อมูลในเครื่องนี้"
    opened = open_database_flow("postgresql://:5432/ictdesk")  # no server named
    box = message_boxes.shown[0]
    assert len(message_boxes.shown) == 1
    assert "ต้องระบุชื่อเครื่องแม่ข่าย" in box.text and "postgresql://" in box.informative
    assert sorted(box.buttons) == sorted(["เปลี่ยนการเชื่อมต่อ…", "เปิดฐานข้อมูลในเครื่องนี้", "ออกจากโปรแกรม"])
    assert opened is not None and opened.info.is_embedded
    assert WorkstationConfig.load().database_url == ""


def test_quit_after_failure(qtbot: Any, message_boxes: Any) -> None:
    message_boxes.answer = "ออกจากโปรแกรม"
    assert open_database_flow(UNREACHABLE) is None


def test_change_connection_saves_url_and_password_in_keyring(
    qtbot: Any,
    message_boxes: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    _workstation: Any,
) -> None:
    target = tmp_path / "chosen.sqlite3"
    answers = iter(["เปลี่ยนการเชื่อมต่อ…"])
    message_boxes.answer = lambda box: next(answers)

    def choose(dialog: ConnectionDialog) -> int:
        dialog.result_url = dbmod.sqlite_url(target)
        dialog.result_password = None
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ConnectionDialog, "exec", choose)
    opened = open_database_flow(UNREACHABLE)
    assert opened is not None and opened.info.display == str(target)
    assert WorkstationConfig.load().database_url == dbmod.sqlite_url(target)


def test_connection_dialog_builds_server_url(qtbot: Any, _workstation: Any) -> None:
    dialog = ConnectionDialog(None)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.server_radio.setChecked(True)
    dialog.ok_button.click()  # empty host, database and user are marked, nothing accepted
    assert dialog.result_url is None
    assert set(form.errors.marked()) == {"host", "name", "user"}
    form.backend.setCurrentIndex(form.backend.findData("mysql"))
    assert form.port.value() == 3306
    form.host.setText("db.office.local")
    form.name.setText("ictdesk")
    form.user.setText("ict desk")
    form.password.setText("p@ss/word")
    dialog.ok_button.click()
    assert dialog.result_url == "mysql://ict%20desk@db.office.local:3306/ictdesk"
    assert dialog.result_password == "p@ss/word"
    dialog.save_to_workstation()
    assert WorkstationConfig.load().database_url == dialog.result_url
    assert _workstation.get_password("ICT Desk database", dialog.result_url) == "p@ss/word"
    assert "p@ss" not in WorkstationConfig.path().read_text(encoding="utf-8")


def test_corrupt_file_is_refused_with_backup_path(
    qtbot: Any, message_boxes: Any, tmp_path: Path
) -> None:
    path = tmp_path / "office.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    backups = dbmod.backups_dir_for(path)
    backups.mkdir()
    last = backups / "ictdesk-20261120-080000-daily.sqlite3"
    last.write_bytes(b"backup")
    path.write_bytes(path.read_bytes()[:100] + b"\x00garbage" * 400)
    message_boxes.answer = "ออกจากโปรแกรม"
    assert open_database_flow(dbmod.sqlite_url(path)) is None
    box = message_boxes.last
    assert "เสียหาย" in box.text and str(last) in box.informative
    assert "ลองใหม่" not in box.buttons  # retrying a corrupt file cannot help
    assert path.read_bytes()[100:108] == b"\x00garbage"  # the file is left as it was


def test_newer_database_is_refused(qtbot: Any, message_boxes: Any, tmp_path: Path) -> None:
    url = dbmod.sqlite_url(tmp_path / "newer.sqlite3")
    database = dbmod.init_db(url)
    database.execute_sql(
        "INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', ?)",
        (dt.datetime.now(),),
    )
    dbmod.close_db()
    message_boxes.answer = "ออกจากโปรแกรม"
    assert open_database_flow(url) is None
    assert "ICT Desk รุ่นที่ใหม่กว่า" in message_boxes.last.text
    assert "ลองใหม่" not in message_boxes.last.buttons


def test_first_admin_dialog(qtbot: Any, fresh_database: Any) -> None:
    dbmod.init_db(fresh_database.url)
    dialog = FirstAdminDialog()
    qtbot.addWidget(dialog)
    dialog.full_name.setText("")
    dialog.password.setText("12345678")
    dialog.again.setText("1234567")
    dialog.ok_button.click()
    assert dialog.errors.marked() == ["again"]
    dialog.again.setText("12345678")
    dialog.ok_button.click()  # the domain refuses the empty name: the field is marked
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "full_name" in dialog.errors.marked()
    assert "กรุณากรอกชื่อ-นามสกุล" in dialog.error.text()
    assert User.select().count() == 0
    dialog.full_name.setText("นายทดสอบ ระบบ")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.user_id is not None)
    assert User.get_by_id(dialog.user_id).role == "admin"


def script_dialogs(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, login: tuple[str, str]
) -> list[str]:
    """Drive Shell.start's dialogs: log in with ``login``, accept the others; names them."""
    seen: list[str] = []

    def run(dialog: QDialog) -> int:
        seen.append(type(dialog).__name__)
        if isinstance(dialog, LoginDialog):
            dialog.username.setText(login[0])
            dialog.password.setText(login[1])
            dialog.login_button.click()
            qtbot.waitUntil(lambda: dialog.user is not None or bool(dialog.error.text()))
            return int(dialog.user is not None)
        if isinstance(dialog, FirstAdminDialog):
            dialog.full_name.setText("นางสาวผู้ดูแล ระบบ")
            dialog.password.setText("password123")
            dialog.again.setText("password123")
            dialog.ok_button.click()
            qtbot.waitUntil(lambda: dialog.user_id is not None)
            return 1
        return 1

    monkeypatch.setattr(QDialog, "exec", run)
    return seen


def test_first_start_with_demo_then_login(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, message_boxes: Any, fresh_database: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    seen = script_dialogs(monkeypatch, qtbot, ("head", "demo1234"))
    shell = shellmod.Shell(
        QApplication.instance(),
        database_url=fresh_database.url,
        demo_on_first_start=True,  # type: ignore[arg-type]
    )
    assert shell.start()
    assert seen == [DemoLoginsDialog.__name__, LoginDialog.__name__]
    window = shell.window
    qtbot.addWidget(window)  # type: ignore[arg-type]
    assert Organisation.get().is_demo
    assert window.windowTitle().endswith("ข้อมูลตัวอย่าง")  # type: ignore[union-attr]
    assert shell.ctx is not None and shell.ctx.user.username == "head"
    assert WorkstationConfig.load().last_username == "head"
    qtbot.waitUntil(
        lambda: Path(dbmod.parse_url(fresh_database.url).path.parent / "backups").exists()
    )


def test_first_start_without_demo_creates_admin(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, message_boxes: Any, fresh_database: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    seen = script_dialogs(monkeypatch, qtbot, ("admin", "password123"))
    shell = shellmod.Shell(QApplication.instance(), database_url=fresh_database.url)  # type: ignore[arg-type]
    assert shell.start()
    qtbot.addWidget(shell.window)  # type: ignore[arg-type]
    assert seen == [FirstAdminDialog.__name__, LoginDialog.__name__]
    assert shell.ctx is not None and shell.ctx.user.role == "admin"
    assert not Organisation.select().exists()
    assert not shell.window.windowTitle().endswith("ข้อมูลตัวอย่าง")  # type: ignore[union-attr]


def test_a_window_that_fails_to_build_does_not_hang(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, message_boxes: Any, fresh_database: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop import excepthook
    from desktop.main_window import MainWindow

    script_dialogs(monkeypatch, qtbot, ("admin", "password123"))
    bugs: list[BaseException] = []
    monkeypatch.setattr(excepthook, "show_exception", lambda exc, parent=None: bugs.append(exc))

    def broken(self: MainWindow, *args: Any, **kwargs: Any) -> None:
        raise RuntimeError("window bug")

    monkeypatch.setattr(MainWindow, "__init__", broken)
    shell = shellmod.Shell(QApplication.instance(), database_url=fresh_database.url)  # type: ignore[arg-type]
    assert shell.start() is False  # run_gui then returns 1 instead of waiting with no window
    assert [str(b) for b in bugs] == ["window bug"]
