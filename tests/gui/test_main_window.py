"""The main window: tabs from the registry by role, switching, the status bar, menus, the
dashboard's providers and record links, geometry kept across restarts."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from desktop import worker
from desktop.config import WorkstationConfig
from desktop.context import AppContext
from desktop.main_window import MainWindow
from models import db as dbmod
from models.permissions import Role
from views import registry
from views.dashboard.tab import DashboardTab
from views.registry import (
    DashboardProviderSpec,
    DashboardSection,
    OpenRequest,
    ViewSpec,
    WorkItem,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: Any, ctx: AppContext, wait_workers: Any) -> Iterator[MainWindow]:
    win = MainWindow(ctx, office_name="ภทส. สมศ.")
    qtbot.addWidget(win)
    win.show()
    wait_workers()
    yield win
    wait_workers()


class RecordTab(QLabel):
    def __init__(self) -> None:
        super().__init__("records")
        self.requests: list[OpenRequest] = []

    def open_request(self, request: OpenRequest) -> None:
        self.requests.append(request)


@pytest.fixture
def extra_views() -> Iterator[dict[str, Any]]:
    built: dict[str, Any] = {}

    def make(ctx: AppContext) -> QWidget:
        built["records"] = RecordTab()
        return built["records"]

    registry.register_view(ViewSpec("t_records", "ทะเบียนทดสอบ", 50, make))
    registry.register_view(
        ViewSpec("t_broken", "แท็บเสีย", 60, lambda ctx: 1 / 0)  # type: ignore[arg-type,return-value]
    )

    def work(user: Any) -> DashboardSection:
        return DashboardSection(
            "งานเผยแพร่ทดสอบ",
            items=[
                WorkItem(
                    "ขอเผยแพร่ประกาศรับสมัครงาน",
                    dt.date(2026, 11, 20),
                    "รอตรวจสอบ",
                    OpenRequest("t_records", "case", 7),
                    overdue=True,
                ),
                WorkItem("ขอเผยแพร่รายงานประจำปี", dt.date(2026, 11, 30), "กำลังดำเนินการ"),
            ],
        )

    def broken(user: Any) -> DashboardSection:
        raise RuntimeError("provider bug")

    registry.register_dashboard_provider(DashboardProviderSpec("t_work", 10, work))
    registry.register_dashboard_provider(DashboardProviderSpec("t_broken", 20, broken))
    yield built
    for key in ("t_records", "t_broken", "t_work"):
        registry.unregister(key)


def test_tabs_for_admin_and_staff(qtbot: Any, window: MainWindow, make_user: Any) -> None:
    assert window.tab_keys()[0] == "dashboard"
    assert window.tab_keys()[-1] == "settings"
    assert window.tabs.tabText(0) == "หน้าหลัก"
    assert isinstance(window.current_tab(), DashboardTab)
    staff_ctx = AppContext(make_user(Role.STAFF), window.ctx.database)
    staff_window = MainWindow(staff_ctx)
    qtbot.addWidget(staff_window)
    assert "settings" not in staff_window.tab_keys()
    head_window = MainWindow(AppContext(make_user(Role.HEAD), window.ctx.database))
    qtbot.addWidget(head_window)
    settings_tab = head_window.tab_widget("settings")
    pages = settings_tab.page_keys()  # type: ignore[union-attr]
    assert {"office", "signatories", "committees", "units"} <= set(pages)
    assert not {"users", "database", "general"} & set(pages)  # administrators only


def test_switch_tabs_by_shortcut_and_menu(
    qtbot: Any, window: MainWindow, message_boxes: Any
) -> None:
    last = len(window.tab_keys())
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    assert window.view_actions[0].shortcut().toString() == "Ctrl+1"
    window.view_actions[0].trigger()
    assert window.tabs.currentIndex() == 0
    window.view_actions[last - 1].trigger()
    assert window.tab_keys()[window.tabs.currentIndex()] == "settings"


def test_broken_tab_and_record_links(
    qtbot: Any, ctx: AppContext, extra_views: dict[str, Any], wait_workers: Any, monkeypatch: Any
) -> None:
    errors: list[BaseException] = []
    monkeypatch.setattr(ctx, "show_error", lambda exc, parent=None: errors.append(exc))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.build_all_tabs() == ["t_broken"]
    assert isinstance(errors[0], ZeroDivisionError)
    dashboard = win.tab_widget("dashboard")
    assert isinstance(dashboard, DashboardTab)
    dashboard.refresh()
    wait_workers()
    qtbot.waitUntil(lambda: not dashboard.loading)
    boxes = {box.key: box for box in dashboard.section_boxes()}
    work = boxes["t_work"]
    assert work.title() == "งานเผยแพร่ทดสอบ"
    assert work.table.item(0, 1).text() == "20 พ.ย. 2569"
    assert work.table.item(0, 0).foreground().color().name() == "#c62828"  # overdue in red
    assert "โหลดข้อมูลส่วนนี้ไม่ได้" in boxes["t_broken"].findChild(QLabel).text()
    work.open_item(0)
    assert win.tab_keys()[win.tabs.currentIndex()] == "t_records"
    assert extra_views["records"].requests == [OpenRequest("t_records", "case", 7)]


def test_dashboard_counts_open_settings_pages(
    qtbot: Any, window: MainWindow, wait_workers: Any
) -> None:
    dashboard = window.tab_widget("dashboard")
    assert isinstance(dashboard, DashboardTab)
    qtbot.waitUntil(lambda: bool(dashboard.results))
    office_box = next(b for b in dashboard.section_boxes() if b.key == "office")
    users_button = office_box.count_buttons[0]
    assert users_button.text().endswith("ผู้ใช้ที่ใช้งานอยู่") and users_button.value == 1
    users_button.click()
    settings_tab = window.tab_widget("settings")
    assert window.current_tab() is settings_tab
    assert settings_tab.current_page() is settings_tab.pages["users"]  # type: ignore[union-attr]


def test_status_bar_and_health(
    qtbot: Any, window: MainWindow, monkeypatch: Any, wait_workers: Any
) -> None:
    assert window.user_label.text() == f"ผู้ใช้: {window.ctx.user.full_name} (ผู้ดูแลระบบ)"
    assert window.database_label.text() == f"ฐานข้อมูลในเครื่อง: {window.ctx.database.display}"
    qtbot.waitUntil(lambda: window.health == "ok")
    assert "เชื่อมต่อฐานข้อมูลปกติ" in window.health_label.text()
    monkeypatch.setattr(dbmod, "ping", lambda: False)
    window.check_health()
    qtbot.waitUntil(lambda: window.health == "down")
    assert "ขาดการเชื่อมต่อฐานข้อมูล" in window.health_label.text()
    assert window.windowTitle() == "ICT Desk — ภทส. สมศ."


def test_about_and_backup(
    qtbot: Any,
    window: MainWindow,
    message_boxes: Any,
    monkeypatch: Any,
    tmp_path: Path,
    wait_workers: Any,
) -> None:
    window.about_action.trigger()
    about = message_boxes.last.text
    assert "ICT Desk 0.1.0" in about
    assert f"รุ่นโครงสร้างฐานข้อมูล: {dbmod.app_schema_version()}" in about
    assert window.ctx.database.display in about
    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.backup_action.trigger()
    wait_workers()
    assert message_boxes.last.text == f"สำรองฐานข้อมูลไว้ที่ {target}"
    with sqlite3.connect(target) as con:
        assert con.execute("SELECT username FROM app_user").fetchall() == [("admin",)]


def test_geometry_survives_restart_and_logout(
    qtbot: Any, ctx: AppContext, wait_workers: Any
) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)
    with qtbot.waitSignal(first.quit_requested):
        first.quit_action.trigger()
    assert WorkstationConfig.load().window_geometry
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 520)
    with qtbot.waitSignal(second.logout_requested):
        second.logout_action.trigger()
    assert not second.isVisible()
    wait_workers()
    worker.wait_idle()
