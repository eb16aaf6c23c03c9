"""The tray tells the responsible staff member once when a contract installment of their project
falls due within the reminder days, and once again when it is late."""

from __future__ import annotations

from typing import Any

import peewee
import pytest
from PySide6.QtWidgets import QWidget

from desktop.reminders import ReminderNotifier
from tests.gui.desk import context
from tests.unit.development.dev_office import D, at, make_dev_office, outsourced_to_contract

pytestmark = pytest.mark.gui


def test_installment_notified_when_due_then_late(
    qtbot: Any, sqlite_db: peewee.Database, wait_workers: Any
) -> None:
    o = make_dev_office()
    outsourced_to_contract(o)
    at(D(2027, 1, 20))
    window = QWidget()
    qtbot.addWidget(window)
    notifier = ReminderNotifier(context(o["somchai"]), window)
    wait_workers()
    qtbot.wait(20)
    wait_workers()
    assert "งวดที่ 1 ครบกำหนดส่งมอบในอีก 9 วัน" in notifier.shown[-1][1]
    notifier.check()
    wait_workers()
    assert len(notifier.shown) == 1  # told once
    at(D(2027, 2, 3))
    notifier.check()
    wait_workers()
    assert notifier.shown[-1][0] == "มีงานเกินกำหนด 1 เรื่อง" and len(notifier.shown) == 2
    assert "ส่งมอบล่าช้า 5 วัน" in notifier.shown[-1][1]
