"""desktop.worker: work runs off the UI thread, results and errors come back on it."""

from __future__ import annotations

import threading
from typing import Any

import peewee
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop import worker
from desktop.context import AppContext
from models import office
from models.errors import DatabaseUnavailable, ValidationError
from models.org import Unit

pytestmark = pytest.mark.gui


def test_result_arrives_on_ui_thread(qtbot: Any, sqlite_db: Any, wait_workers: Any) -> None:
    seen: dict[str, Any] = {}

    def work() -> list[str]:
        seen["work_thread"] = threading.current_thread()
        Unit.create(name="งานทดสอบ")
        return [u.name for u in Unit.select()]

    def done(names: list[str]) -> None:
        seen["callback_thread"] = threading.current_thread()
        seen["names"] = names

    worker.run_in_background(work, done)
    qtbot.waitUntil(lambda: "names" in seen)
    assert seen["names"] == ["งานทดสอบ"]
    assert seen["work_thread"] is not threading.main_thread()
    assert seen["callback_thread"] is threading.main_thread()
    wait_workers()


def test_domain_error_goes_to_failure_callback(qtbot: Any, sqlite_db: Any) -> None:
    failures: list[BaseException] = []
    successes: list[object] = []

    def work() -> None:
        office.save_unit(None, None, name="   ")

    worker.run_in_background(work, successes.append, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], ValidationError)
    assert "name" in failures[0].errors
    assert successes == []
    assert Unit.select().count() == 0


def test_driver_error_becomes_thai_environment_problem(qtbot: Any, sqlite_db: Any) -> None:
    failures: list[BaseException] = []

    def work() -> None:
        raise peewee.OperationalError("could not connect to server: Connection refused")

    worker.run_in_background(work, None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    problem = failures[0]
    assert isinstance(problem, DatabaseUnavailable)
    assert "การเชื่อมต่อฐานข้อมูลขัดข้อง" in problem.message
    assert "Connection refused" in problem.message
    assert problem.advice


def test_disabled_widgets_come_back_and_dead_owner_gets_nothing(
    qtbot: Any, wait_workers: Any
) -> None:
    release = threading.Event()
    button = QPushButton("save")
    qtbot.addWidget(button)
    calls: list[object] = []

    op = worker.run_in_background(lambda: release.wait(5) and 42, calls.append, disable=[button])
    assert not button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: op.done)
    assert button.isEnabled()
    assert calls == [42]

    owner = QWidget()
    release.clear()
    worker.run_in_background(lambda: release.wait(5), calls.append, owner=owner)
    owner.deleteLater()
    qtbot.wait(10)  # the owner is gone before the result arrives
    release.set()
    wait_workers()
    assert calls == [42]


def test_context_shows_errors_by_kind(
    qtbot: Any, ctx: AppContext, message_boxes: Any, wait_workers: Any, monkeypatch: Any
) -> None:
    ctx.run_in_background(lambda: office.save_unit(ctx.user, None, name=""))
    wait_workers()
    assert message_boxes.last.text == "กรุณากรอกชื่อหน่วยงาน"
    assert message_boxes.last.icon == QMessageBox.Icon.Warning

    def unreachable() -> None:
        raise DatabaseUnavailable("เชื่อมต่อฐานข้อมูลไม่ได้", "ตรวจสอบเครือข่าย")

    ctx.run_in_background(unreachable)
    wait_workers()
    assert message_boxes.last.text == "เชื่อมต่อฐานข้อมูลไม่ได้"
    assert message_boxes.last.informative == "ตรวจสอบเครือข่าย"
    assert message_boxes.last.icon == QMessageBox.Icon.Critical

    bugs: list[BaseException] = []
    monkeypatch.setattr(
        "desktop.excepthook.show_exception", lambda exc, parent=None: bugs.append(exc)
    )
    ctx.run_in_background(lambda: 1 / 0)
    wait_workers()
    assert isinstance(bugs[0], ZeroDivisionError)
    assert "ZeroDivisionError" in bugs[0].__traceback_text__  # type: ignore[attr-defined]


def test_refresh_user_rereads_after_edit(qtbot: Any, ctx: AppContext, wait_workers: Any) -> None:
    from models.users import User, update_user

    update_user(ctx.user, User.get_by_id(ctx.user.id), position="นักวิชาการคอมพิวเตอร์ชำนาญการ")
    changed: list[bool] = []
    ctx.user_changed.connect(lambda: changed.append(True))
    ctx.refresh_user()
    wait_workers()
    assert changed == [True]
    assert ctx.user.position == "นักวิชาการคอมพิวเตอร์ชำนาญการ"
    assert ctx.user.version == 2
