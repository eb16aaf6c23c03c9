"""Reminders in the window (issue 13, point 9): a notification when a case assigned to me
becomes due today, then overdue, each told once; the dashboard refreshes on its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import peewee
import pytest
from PySide6.QtWidgets import QWidget

from desktop.reminders import ReminderNotifier
from models import clock, settings
from models.engine import open_case
from tests.gui.desk import context
from tests.process_office import Office, make_office
from tests.unit.publication.test_publications import FILES, registration
from views.dashboard.tab import DashboardTab

pytestmark = pytest.mark.gui


def at(day: dt.date) -> None:
    moment = dt.datetime.combine(day, dt.time(9))
    clock.set_clock(lambda: moment)


@pytest.fixture
def office(sqlite_db: peewee.Database) -> Iterator[Office]:
    at(dt.date(2026, 4, 10))
    yield make_office()


def test_notified_when_a_case_becomes_due_then_overdue(
    qtbot: Any, office: Office, wait_workers: Any
) -> None:
    somchai = office["somchai"]
    case = open_case(somchai, "publication", registration(office), FILES)  # due 17 April
    window = QWidget()
    qtbot.addWidget(window)
    notifier = ReminderNotifier(context(somchai), window)
    wait_workers()
    qtbot.wait(20)
    wait_workers()
    assert notifier.shown == []  # nothing due yet
    at(dt.date(2026, 4, 17))
    notifier.check()
    wait_workers()
    assert notifier.shown[-1][0] == "มีงานครบกำหนดวันนี้ 1 เรื่อง"
    assert case.number in notifier.shown[-1][1]
    notifier.check()
    wait_workers()
    assert len(notifier.shown) == 1  # told once
    at(dt.date(2026, 4, 20))
    notifier.check()
    wait_workers()
    assert notifier.shown[-1][0] == "มีงานเกินกำหนด 1 เรื่อง" and len(notifier.shown) == 2
    assert notifier.timer.isActive()


def test_dashboard_refreshes_on_its_own(qtbot: Any, office: Office, wait_workers: Any) -> None:
    settings.put(None, "reminders.refresh_minutes", 2)
    tab = DashboardTab(context(office["somchai"]))
    qtbot.addWidget(tab)
    wait_workers()
    assert tab.auto_refresh.isActive() and tab.auto_refresh.interval() == 120_000
    assert not tab.loading
    tab.auto_refresh.timeout.emit()  # the minutes are up: the same load as the button's
    assert tab.loading and tab.status.text() == "กำลังโหลด…"
    wait_workers()
    assert not tab.loading
    tab.set_refresh_minutes(0)
    assert not tab.auto_refresh.isActive()
