"""Offline mode in the window, against PostgreSQL behind a relay the test cuts and restores:

- at start: the server does not answer, the start-up box says so and offers the replica; the
  window shows the banner and ``ออฟไลน์ — ข้อมูล ณ …`` in the status bar, write actions are
  hidden or disabled, lists, case screens, the register print-out and the Excel export work from
  the replica, the domain refuses writes; the server back, the window offers to go online;
- mid-session: the server is lost while a form is open; the window goes offline by itself, the
  form keeps its input, its save is refused, and once online again the same form saves.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop import worker
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.startup import open_database_flow
from models import attachments, registers, settings, users
from models import db as dbmod
from models import offline as mode
from models.engine import CaseFilter, screens
from models.errors import NotFound
from models.offline import OfflineReadOnly
from models.replica import store
from models.support import asset_io, assets, tickets
from reports.thaifmt import thai_digits
from tests.process_office import pdf_text, squash
from tests.replica_helpers import TEST_LIMITS, ServerOffice, server_office
from views.support.assets import AssetsView, asset_choices

pytestmark = [pytest.mark.gui, pytest.mark.server]

OFFLINE_BUTTON = "เปิดสำเนาข้อมูลในเครื่อง (ดูอย่างเดียว)"
GO_ONLINE = "กลับไปทำงานแบบออนไลน์"


@pytest.fixture
def so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ServerOffice]:
    yield from server_office(tmp_path, monkeypatch)
    worker.wait_idle()
    mode.set_offline(False)


def make_replica(so: ServerOffice) -> None:
    store.refresh(
        dbmod.database.obj, limits=TEST_LIMITS, owner_user_id=so.office.staff.id, path=so.replica
    )


def open_window(qtbot: Any, user: users.User, info: Any, wait: Any) -> MainWindow:
    window = MainWindow(AppContext(user, info), office_name="ภทส.")
    qtbot.addWidget(window)
    window.show()
    wait()
    return window


def assets_view(window: MainWindow, qtbot: Any) -> AssetsView:
    window.switch_to("support")
    tab = window.tab_widget("support")
    assert tab is not None
    view = tab.assets  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(view.table.model.rows) > 0, timeout=10_000)
    return view  # type: ignore[no-any-return]


def test_offline_at_start_reads_prints_refuses_writes_and_goes_online(
    qtbot: Any, so: ServerOffice, message_boxes: Any, wait_workers: Any, tmp_path: Path
) -> None:
    make_replica(so)
    dbmod.close_db()
    so.relay.cut()

    message_boxes.answer = OFFLINE_BUTTON
    opened = open_database_flow(so.app_url)
    box = message_boxes.last
    assert "เชื่อมต่อฐานข้อมูล" in box.text and "ไม่ได้" in box.text
    assert "สำเนาข้อมูล ณ" in box.informative and "25" in box.informative  # B.E. date
    assert OFFLINE_BUTTON in box.buttons
    assert opened is not None and opened.info.offline and mode.is_offline()

    user = users.authenticate("somchai", "password123")  # against the replica, nothing written
    window = open_window(qtbot, user, opened.info, wait_workers)
    assert window.offline is not None
    banner = window.offline.banner
    assert banner.isVisible()
    assert banner.label.text().startswith("ออฟไลน์ — ข้อมูล ณ ")
    assert window.database_label.text().startswith("ออฟไลน์ — ข้อมูล ณ ")
    assert "ออฟไลน์" in window.health_label.text()
    assert not window.backup_action.isEnabled() and not window.password_action.isEnabled()

    # browsing: the asset register from the replica, without its write buttons
    view = assets_view(window, qtbot)
    numbers = [row.number for row in view.table.model.rows]
    assert "7440-001-0001/65" in numbers
    for button in (view.new_button, view.edit_button, view.delete_button, view.import_button):
        assert button.isHidden()
    assert not view.export_button.isHidden() and not view.print_button.isHidden()

    # search and filters run on the replica (its own trigram index)
    found = assets.asset_page(assets.AssetFilter(text="0002"), "number", False, 0, 100)
    assert [r.number for r in found.rows] == ["7440-001-0002/65"]
    open_tickets = tickets.ticket_page(
        user, tickets.TicketFilter(case=CaseFilter(text="อินเทอร์เน็ต")), "received_on", True, 0, 50
    )
    assert [r.title for r in open_tickets.rows] == ["อินเทอร์เน็ตใช้งานไม่ได้"]

    # a case's screen offers no step; the domain refuses writes with the Thai message
    ticket = so.office.tickets["done"]
    screen = screens.case_screen(user, ticket.case_id)
    assert screen.actions == [] and not screen.may_edit and not screen.may_attach
    with pytest.raises(OfflineReadOnly, match="ออฟไลน์"):
        assets.save_asset(
            user, None, {"kind": "hardware", "number": "7440-001-0555/65", "name": "x"}
        )

    # files: the small one was kept in the replica, the large one says why it cannot open
    files_of_ticket = attachments.for_owner("repair_ticket", ticket.id)
    small = next(f for f in files_of_ticket if f.filename == "ใบเสนอราคา.pdf")
    large = next(f for f in files_of_ticket if f.filename == "รูปหน้าจอ.png")
    assert attachments.content(small.id).startswith(b"%PDF")
    with pytest.raises(NotFound, match="ไม่ได้เก็บไว้ในสำเนาข้อมูล"):
        attachments.content(large.id)

    # printing and the Excel export work from the replica
    text = squash(pdf_text(registers.render_register("assets", None, None)))
    assert squash(thai_digits("7440-001-0001/65")) in text
    sheet_path = tmp_path / "assets.xlsx"
    assert asset_io.export_assets(assets.AssetFilter(), sheet_path) >= 5
    cells = [c.value for row in openpyxl.load_workbook(sheet_path).active.iter_rows() for c in row]
    assert "7440-001-0001/65" in cells

    # every tab opens from the replica, and nothing went wrong on the way
    assert window.build_all_tabs() == []
    wait_workers()
    assert [b.text for b in message_boxes.shown] == [box.text]

    # the server comes back: the window offers to go online, and does
    so.relay.restore()
    message_boxes.answer = GO_ONLINE
    window.offline.probe_now()
    qtbot.waitUntil(lambda: not window.ctx.database.offline, timeout=15_000)
    assert "เชื่อมต่อเครื่องแม่ข่ายได้แล้ว" in message_boxes.last.text
    assert not mode.is_offline() and not banner.isVisible()
    assert window.backup_action.isEnabled()
    saved = assets.save_asset(
        user, None, {"kind": "hardware", "number": "7440-001-0556/65", "name": "สแกนเนอร์"}
    )
    assert saved.id is not None
    wait_workers()


def test_server_lost_mid_session_keeps_the_open_form_which_saves_once_online(
    qtbot: Any, so: ServerOffice, message_boxes: Any, wait_workers: Any
) -> None:
    dbmod.close_db()
    opened = open_database_flow(so.app_url)
    assert opened is not None and not opened.info.offline
    user = users.User.get(users.User.username == "somchai")
    window = open_window(qtbot, user, opened.info, wait_workers)
    assert window.offline is not None and not window.offline.banner.isVisible()
    with qtbot.waitSignal(window.offline.refreshed, timeout=20_000):
        window.offline.refresh_now()  # the background refresh (also on its timer)

    view = assets_view(window, qtbot)
    assert not view.new_button.isHidden()
    dialog = view.build_dialog(asset_choices(), None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    dialog.number.setText("7440-001-0888/65")
    dialog.name.setText("เครื่องสำรองไฟ")

    so.relay.cut()
    window.check_health()
    qtbot.waitUntil(lambda: window.ctx.database.offline, timeout=15_000)
    assert window.offline.banner.isVisible()
    assert window.database_label.text().startswith("ออฟไลน์ — ข้อมูล ณ ")
    assert dialog.isVisible()  # the tabs wait for the form before they are rebuilt

    dialog.send()
    wait_workers()
    assert "ออฟไลน์" in message_boxes.last.text
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.number.text() == "7440-001-0888/65" and dialog.name.text() == "เครื่องสำรองไฟ"

    so.relay.restore()
    message_boxes.answer = GO_ONLINE
    window.offline.probe_now()
    qtbot.waitUntil(lambda: not window.ctx.database.offline, timeout=15_000)
    saved: list[object] = []
    dialog.saved.connect(saved.append)  # the form closes, then the tabs are rebuilt under it
    dialog.send()
    qtbot.waitUntil(lambda: bool(saved), timeout=15_000)
    wait_workers()
    other = dbmod.make_database(dbmod.parse_url(so.direct_url))
    try:
        row = other.execute_sql("SELECT name FROM asset WHERE number = %s", ("7440-001-0888/65",))
        assert row.fetchone()[0] == "เครื่องสำรองไฟ"
    finally:
        other.close()

    # once the form is closed, the tabs are rebuilt from the server, write buttons back
    qtbot.waitUntil(lambda: not assets_view(window, qtbot).new_button.isHidden(), timeout=10_000)


def test_a_start_deletes_the_replica_of_a_deactivated_user_or_when_switched_off(
    qtbot: Any, so: ServerOffice, message_boxes: Any, wait_workers: Any
) -> None:
    make_replica(so)
    users.update_user(None, users.User.get_by_id(so.office.staff.id), active=False)
    dbmod.close_db()
    assert open_database_flow(so.app_url) is not None
    wait_workers()
    assert not so.replica.exists()

    users.update_user(None, users.User.get_by_id(so.office.staff.id), active=True)
    make_replica(so)
    settings.put(None, "replica.enabled", False)
    dbmod.close_db()
    assert open_database_flow(so.app_url) is not None
    wait_workers()
    assert not so.replica.exists()
    assert message_boxes.shown == []


def test_connect_timeout_is_a_workstation_setting(qtbot: Any, message_boxes: Any) -> None:
    from desktop.config import WorkstationConfig
    from desktop.connection import DatabaseSettingsPage
    from desktop.database_choice import resolve_database

    page = DatabaseSettingsPage()
    qtbot.addWidget(page)
    assert page.connect_timeout.value() == 3  # the default
    page.connect_timeout.setValue(7)
    page.save()
    assert WorkstationConfig.load().connect_timeout_s == 7
    resolve_database(None)
    assert dbmod.connect_timeout() == 7
    dbmod.set_connect_timeout(3)
