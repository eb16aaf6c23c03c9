"""The settings tab: office details (kept across a restart), emblem, number series, users
(duplicate names, empty fields, reset, deactivate), units with the conflict flow, committees,
general settings, and the workstation's database and language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog

from desktop.config import WorkstationConfig
from desktop.connection import DatabaseSettingsPage
from desktop.context import AppContext
from models import attachments, office, settings, users
from models import db as dbmod
from models.org import Committee, Organisation, Unit
from models.users import User
from views.settings.committees import CommitteesPage
from views.settings.common import RecordDialog
from views.settings.general import GeneralPage
from views.settings.office import OfficePage
from views.settings.people import UnitsPage
from views.settings.users import UsersPage
from views.widgets.forms import ConflictChoice, ConflictDialog

pytestmark = pytest.mark.gui


def fill(dialog: RecordDialog, **values: Any) -> None:
    from views.settings.common import set_editor_value

    for name, value in values.items():
        set_editor_value(dialog.editors[name], value)


def submit(qtbot: Any, dialog: RecordDialog, wait_workers: Any) -> None:
    dialog.save_button.click()
    wait_workers()


@pytest.fixture
def office_page(qtbot: Any, ctx: AppContext, wait_workers: Any) -> OfficePage:
    office.update_organisation(None, name="สำนักงานเดิม", mission_short="ภทส.")
    page = OfficePage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    return page


def test_office_details_survive_a_restart(
    qtbot: Any, office_page: OfficePage, message_boxes: Any, wait_workers: Any, sqlite_db: Any
) -> None:
    assert office_page.editors["name"].text() == "สำนักงานเดิม"  # type: ignore[attr-defined]
    office_page.editors["name"].setText("")  # type: ignore[attr-defined]
    office_page.save_button.click()
    wait_workers()
    assert office_page.errors.marked() == ["name"]
    assert office_page.banner.text() == "กรุณากรอกชื่อหน่วยงาน"
    assert Organisation.get().name == "สำนักงานเดิม"  # nothing changed
    office_page.editors["name"].setText("สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา")  # type: ignore[attr-defined]
    office_page.editors["address"].setPlainText("ถนนพญาไท กรุงเทพมหานคร")  # type: ignore[attr-defined]
    office_page.save_button.click()
    wait_workers()
    assert message_boxes.last.text == "บันทึกข้อมูลสำนักงานแล้ว"
    assert not office_page.errors.marked()
    # Restart: close the database and open it again from its URL.
    dbmod.close_db()
    dbmod.init_db(sqlite_db.test_url)
    org = Organisation.get()
    assert (org.name, org.address) == (
        "สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา",
        "ถนนพญาไท กรุงเทพมหานคร",
    )
    assert org.version == 2


def test_emblem_upload_and_bad_file(
    qtbot: Any, office_page: OfficePage, message_boxes: Any, wait_workers: Any, tmp_path: Path
) -> None:
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    png = tmp_path / "ตรา.png"
    assert image.save(str(png))
    office_page.choose_emblem(str(png))
    wait_workers()
    org = Organisation.get()
    assert attachments.content(org.emblem_attachment_id) == png.read_bytes()
    assert office_page.emblem.pixmap() is not None and not office_page.emblem.pixmap().isNull()
    text = tmp_path / "notes.png"
    text.write_text("not an image")
    office_page.choose_emblem(str(text))
    assert message_boxes.last.text == "ไฟล์นี้ไม่ใช่ภาพที่เปิดได้ กรุณาเลือกไฟล์ PNG หรือ JPEG"
    assert Organisation.get().emblem_attachment_id == org.emblem_attachment_id


def test_number_series_pattern_is_checked(
    qtbot: Any, office_page: OfficePage, wait_workers: Any
) -> None:
    series = office_page.series
    qtbot.waitUntil(lambda: series.row_count() > 0)
    assert series.select_id("memo")
    dialog = series.edit()
    assert dialog is not None
    qtbot.addWidget(dialog)
    fill(dialog, pattern="{prefix}/")
    assert dialog.example.text() == "รูปแบบยังไม่ถูกต้อง"
    submit(qtbot, dialog, wait_workers)
    assert dialog.errors.marked() == ["pattern"]
    assert dialog.isVisible()
    fill(dialog, pattern="{prefix}/{number}/{year}", width=3)
    assert dialog.example.text().startswith("ตัวอย่างเลขที่ลำดับ 12: ภทส/012/25")
    submit(qtbot, dialog, wait_workers)
    assert not dialog.isVisible()
    from models import numbering

    assert numbering.series("memo").pattern == "{prefix}/{number}/{year}"


@pytest.fixture
def users_page(qtbot: Any, ctx: AppContext, wait_workers: Any) -> UsersPage:
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    return page


def test_add_user_duplicate_and_empty_fields(
    qtbot: Any, users_page: UsersPage, wait_workers: Any
) -> None:
    assert users_page.row_count() == 1
    dialog = users_page.add()
    qtbot.addWidget(dialog)
    fill(dialog, username="admin", full_name="", password="password123", again="password124")
    submit(qtbot, dialog, wait_workers)
    assert dialog.errors.marked() == ["again"]  # the dialog's own check first
    fill(dialog, again="password123")
    submit(qtbot, dialog, wait_workers)
    assert set(dialog.errors.marked()) == {"username", "full_name"}
    assert "ชื่อผู้ใช้ “admin” มีผู้ใช้อยู่แล้ว" in dialog.banner.text()
    assert "กรุณากรอกชื่อ-นามสกุล" in dialog.banner.text()
    assert dialog.isVisible() and dialog.editors["password"].text() == "password123"  # type: ignore[attr-defined]
    assert User.select().count() == 1
    fill(dialog, username="Suda.R", full_name="นางสาวสุดา รักษ์ไทย", role="staff")
    submit(qtbot, dialog, wait_workers)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: users_page.row_count() == 2)
    assert users_page.current_row()["username"] == "suda.r"  # type: ignore[index]
    created = User.get(User.username == "suda.r")
    assert created.must_change_password


def test_reset_password_and_deactivate(
    qtbot: Any, users_page: UsersPage, make_user: Any, message_boxes: Any, wait_workers: Any
) -> None:
    target = make_user("staff", username="pim", full_name="นางสาวพิมพ์ชนก สายทอง")
    users_page.reload(select_id=target.id)
    wait_workers()
    assert users_page.current_id() == target.id
    dialog = users_page.reset_password()
    assert dialog is not None
    qtbot.addWidget(dialog)
    fill(dialog, password="short", again="short")
    submit(qtbot, dialog, wait_workers)
    assert "รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร" in dialog.banner.text()
    fill(dialog, password="temporary1", again="temporary1")
    submit(qtbot, dialog, wait_workers)
    assert message_boxes.last.text == "ตั้งรหัสผ่านใหม่แล้ว"
    assert User.get_by_id(target.id).must_change_password
    message_boxes.answer = "ปิดใช้งาน"
    users_page.toggle_active()
    wait_workers()
    assert "ปิดใช้งานบัญชี นางสาวพิมพ์ชนก สายทอง หรือไม่" in message_boxes.last.text
    assert not User.get_by_id(target.id).active
    # The last administrator cannot be switched off: the domain refuses, the page says so.
    users_page.reload(select_id=users_page.ctx.user.id)
    wait_workers()
    message_boxes.answer = "ปิดใช้งาน"
    users_page.toggle_active()
    wait_workers()
    assert message_boxes.last.text == "ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน"
    assert User.get_by_id(users_page.ctx.user.id).active


def test_unit_conflict_keeps_input(
    qtbot: Any, ctx: AppContext, wait_workers: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = office.save_unit(None, None, name="งานพัสดุ", phone="1200")
    page = UnitsPage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    page.select_id(unit.id)
    dialog = page.edit()
    assert dialog is not None
    qtbot.addWidget(dialog)
    fill(dialog, phone="1250")
    office.save_unit(None, Unit.get_by_id(unit.id), phone="1299")  # another workstation saves first
    choices = iter([ConflictChoice.EDIT, ConflictChoice.OVERWRITE])
    shown: list[ConflictDialog] = []

    def ask(box: ConflictDialog) -> ConflictChoice:
        shown.append(box)
        return next(choices)

    monkeypatch.setattr(ConflictDialog, "ask", ask)
    submit(qtbot, dialog, wait_workers)
    assert len(shown) == 1 and "หลังจากที่ท่านเปิดขึ้นมา" in shown[0].findChild(type(dialog.banner)).text()
    assert dialog.isVisible() and dialog.editors["phone"].text() == "1250"  # type: ignore[attr-defined]
    assert Unit.get_by_id(unit.id).phone == "1299"
    submit(qtbot, dialog, wait_workers)  # conflict again: this time "save mine over theirs"
    wait_workers()
    assert Unit.get_by_id(unit.id).phone == "1250"
    assert Unit.get_by_id(unit.id).version == 3
    assert not dialog.isVisible()


def test_units_filter_and_sort(qtbot: Any, ctx: AppContext, wait_workers: Any) -> None:
    for name in ("งานพัสดุ", "งานบัญชีและการเงิน", "สำนักผู้อำนวยการ"):
        office.save_unit(None, None, name=name)
    page = UnitsPage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    page.search.setText("บัญชี")
    assert page.row_count() == 1
    page.search.clear()
    assert page.row_count() == 3
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, 0).data() == "สำนักผู้อำนวยการ"


def test_committee_with_members(qtbot: Any, ctx: AppContext, wait_workers: Any) -> None:
    page = CommitteesPage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    dialog = page.add()
    qtbot.addWidget(dialog)
    fill(dialog, name="คณะกรรมการตรวจรับพัสดุ ๒๕๗๐", kind="inspection")
    dialog.members.add_member({"full_name": "นายก ประธาน", "role": "chair"})
    dialog.members.add_member({"full_name": "นางข ประธานซ้ำ", "role": "chair"})
    submit(qtbot, dialog, wait_workers)
    assert dialog.banner.text() == "คณะกรรมการมีประธานกรรมการได้เพียงคนเดียว"
    assert not Committee.select().exists()
    dialog.members.table.setCurrentCell(1, 0)
    dialog.members.remove_current()
    dialog.members.person.activated.emit(1)  # pick the administrator from the user list
    submit(qtbot, dialog, wait_workers)
    # ข้อ ๒๕: an inspection committee has at least three members (procurement settings).
    assert "อย่างน้อย 3 คน" in dialog.banner.text()
    assert not Committee.select().exists()
    dialog.members.add_member({"full_name": "นางค เลขานุการ", "role": "secretary"})
    submit(qtbot, dialog, wait_workers)
    assert not dialog.isVisible()
    committee = Committee.get()
    members = office.committee_members(committee)
    assert [(m.full_name, m.role) for m in members] == [
        ("นายก ประธาน", "chair"),
        (ctx.user.full_name, "member"),
        ("นางค เลขานุการ", "secretary"),
    ]
    assert members[1].user_id == ctx.user.id


def test_general_settings(
    qtbot: Any, ctx: AppContext, wait_workers: Any, message_boxes: Any
) -> None:
    page = GeneralPage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    page.editors["backup.keep_daily"].setValue(30)  # type: ignore[attr-defined]
    page.editors["documents.thai_digits"].setChecked(False)  # type: ignore[attr-defined]
    page.save_button.click()
    wait_workers()
    assert message_boxes.last.text == "บันทึกแล้ว"
    assert settings.get("backup.keep_daily") == 30
    assert settings.get("documents.thai_digits") is False
    page.save_button.click()
    assert message_boxes.last.text == "ไม่มีการเปลี่ยนแปลง"


def test_workstation_database_and_language(
    qtbot: Any, ctx: AppContext, message_boxes: Any, _workstation: Any
) -> None:
    page = DatabaseSettingsPage(ctx)
    qtbot.addWidget(page)
    form = page.form
    assert form.is_embedded
    form.server_radio.setChecked(True)
    form.host.setText("10.0.0.5")
    form.name.setText("ictdesk")
    form.user.setText("ict")
    form.password.setText("s3cret")
    page.language.setCurrentIndex(page.language.findData("en"))
    page.save_button.click()
    assert message_boxes.last.text == "บันทึกแล้ว จะมีผลเมื่อเปิดโปรแกรมครั้งถัดไป"
    config = WorkstationConfig.load()
    assert config.database_url == "postgresql://ict@10.0.0.5:5432/ictdesk"
    assert config.language == "en"
    assert _workstation.get_password("ICT Desk database", config.database_url) == "s3cret"
    again = DatabaseSettingsPage(ctx)  # a restart reads the same choice back
    qtbot.addWidget(again)
    assert again.form.server_radio.isChecked() and again.form.host.text() == "10.0.0.5"
    assert again.language.currentData() == "en"


def test_connection_test_reports_in_the_form(
    qtbot: Any, ctx: AppContext, wait_workers: Any
) -> None:
    page = DatabaseSettingsPage(ctx)
    qtbot.addWidget(page)
    page.form.run_test()  # the embedded default file
    wait_workers()
    assert page.form.test_result.text().startswith("✔ เชื่อมต่อได้")
    page.form.server_radio.setChecked(True)
    page.form.host.setText("127.0.0.1")
    page.form.port.setValue(1)
    page.form.name.setText("x")
    page.form.user.setText("y")
    page.form.run_test()
    wait_workers()
    assert page.form.test_result.text().startswith("✘ เชื่อมต่อฐานข้อมูล")


def test_edit_own_account_refreshes_context(
    qtbot: Any, users_page: UsersPage, wait_workers: Any
) -> None:
    users_page.select_id(users_page.ctx.user.id)
    dialog = users_page.edit()
    assert dialog is not None
    qtbot.addWidget(dialog)
    fill(dialog, position="ผู้ดูแลระบบคอมพิวเตอร์")
    submit(qtbot, dialog, wait_workers)
    wait_workers()
    assert users_page.ctx.user.position == "ผู้ดูแลระบบคอมพิวเตอร์"
    assert users.User.get_by_id(users_page.ctx.user.id).version == 2
    assert isinstance(dialog, QDialog)
