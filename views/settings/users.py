"""Settings → ผู้ใช้: the accounts, their roles and groups; add, edit, reset a password,
deactivate. Every rule (unique user names, at least one administrator, password length, who may do
this) is in ``models.users``; this page shows its answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from models import clock, office, records, users
from models.i18n import N_, _
from models.permissions import ROLE_LABELS, Role
from models.users import User
from reports.thaifmt import datetime_short
from views.settings.common import FieldSpec, ListPage, RecordDialog
from views.widgets import messages
from views.widgets.commands import mnemonic, with_mnemonic
from views.widgets.paged_table import Column

if TYPE_CHECKING:
    from desktop.context import AppContext


def group_choices() -> list[tuple[int | None, str]]:
    """Worker side: the work groups a user may belong to."""
    return [(None, "-"), *[(g.id, g.name) for g in office.work_groups()]]


def user_rows() -> list[dict[str, Any]]:
    """Worker side: every account as plain data."""
    names = {g.id: g.name for g in office.work_groups()}
    now = clock.now()
    rows = []
    for u in users.all_users():
        locked = bool(u.locked_until and u.locked_until > now)
        rows.append(
            {
                "id": u.id,
                "version": u.version,
                "username": u.username,
                "full_name": u.full_name,
                "position": u.position,
                "role": u.role,
                "work_group": u.__data__.get("work_group"),
                "group_name": names.get(u.__data__.get("work_group"), ""),
                "email": u.email,
                "phone": u.phone,
                "active": u.active,
                "locked_until": u.locked_until if locked else None,
                "last_login_at": u.last_login_at,
            }
        )
    return rows


def role_label(role: str) -> str:
    try:
        return _(ROLE_LABELS[Role(role)])
    except ValueError:
        return role


def status_text(row: dict[str, Any]) -> str:
    if not row.get("active"):
        return _("ปิดใช้งาน")
    if row.get("locked_until"):
        return _("ถูกระงับชั่วคราวถึง {time} น.").format(time=row["locked_until"].strftime("%H:%M"))
    return _("ใช้งาน")


def role_choices() -> list[tuple[str, str]]:
    return [(role.value, _(label)) for role, label in ROLE_LABELS.items()]


class PasswordDialog(RecordDialog):
    def check(self, values: dict[str, Any]) -> dict[str, str]:
        if "password" in values and values["password"] != values.get("again"):
            return {"again": _("รหัสผ่านทั้งสองช่องไม่ตรงกัน")}
        return {}


class UsersPage(ListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.groups: list[tuple[int | None, str]] = [(None, "-")]
        super().__init__(
            ctx,
            _("ผู้ใช้"),
            [
                Column("username", N_("ชื่อผู้ใช้")),
                Column("full_name", N_("ชื่อ-นามสกุล")),
                Column("position", N_("ตำแหน่ง")),
                Column("role", N_("บทบาท"), format=role_label),
                Column("group_name", N_("กลุ่มงาน")),
                Column("status", N_("สถานะ"), value=status_text),
                Column(
                    "last_login_at",
                    N_("เข้าสู่ระบบล่าสุด"),
                    format=lambda v: datetime_short(v) if v else "-",
                ),
            ],
            user_rows,
            choices=group_choices,
            parent=parent,
        )
        mnemonic(self.add_button(_("เพิ่มผู้ใช้…"), self.add), "A")
        self.edit_button = mnemonic(self.add_button(_("แก้ไข…"), self.edit, needs_row=True), "E")
        self.reset_button = self.add_button(_("ตั้งรหัสผ่านใหม่…"), self.reset_password, needs_row=True)
        mnemonic(self.reset_button, "W")
        self.toggle_button = self.add_button(_("ปิด/เปิดใช้งาน"), self.toggle_active, needs_row=True)
        self.on_activate(self.edit)
        self.reload()

    def on_choices(self, choices: Any) -> None:
        self.groups = choices

    def command_handlers(self) -> dict[str, Callable[[], object]]:
        return {**super().command_handlers(), "new": self.add, "edit": self.edit}

    def selection_changed(self) -> None:
        super().selection_changed()
        row = self.current_row()
        if row is not None:
            text = _("ปิดใช้งาน") if row["active"] else _("เปิดใช้งาน")
            self.toggle_button.setText(with_mnemonic(text, "T"))

    def fields(self, *, new: bool) -> list[FieldSpec]:
        specs = [
            FieldSpec("username", _("ชื่อผู้ใช้"), required=True, placeholder="somchai.j"),
            FieldSpec("full_name", _("ชื่อ-นามสกุล"), required=True),
            FieldSpec("position", _("ตำแหน่ง")),
            FieldSpec("role", _("บทบาท"), kind="choice", choices=role_choices()),
            FieldSpec("work_group", _("กลุ่มงาน"), kind="choice", choices=self.groups),
            FieldSpec("email", _("อีเมล")),
            FieldSpec("phone", _("โทรศัพท์")),
        ]
        if new:
            specs += [
                FieldSpec("password", _("รหัสผ่านเริ่มต้น"), kind="password", required=True),
                FieldSpec("again", _("ยืนยันรหัสผ่าน"), kind="password", required=True),
                FieldSpec(
                    "must_change_password",
                    _("ให้เปลี่ยนรหัสผ่านเมื่อเข้าสู่ระบบครั้งแรก"),
                    kind="bool",
                ),
            ]
        return specs

    def add(self) -> RecordDialog:
        actor = self.ctx.user

        def save(values: dict[str, Any], _version: int | None) -> int:
            details = {
                k: values[k]
                for k in ("position", "work_group", "email", "phone", "must_change_password")
            }
            return users.create_user(
                actor,
                values["username"],
                values["full_name"],
                values["role"],
                values["password"],
                **details,
            ).id

        dialog = PasswordDialog(
            self.ctx,
            _("เพิ่มผู้ใช้"),
            self.fields(new=True),
            save,
            values={"role": Role.STAFF.value, "must_change_password": True},
            intro=_("ชื่อผู้ใช้ใช้ได้เฉพาะ a-z 0-9 จุด ขีดกลาง และขีดล่าง"),
            parent=self,
        )
        dialog.saved.connect(lambda new_id: self.reload(select_id=new_id))
        dialog.open()
        return dialog

    def edit(self) -> RecordDialog | None:
        row = self.current_row()
        if row is None:
            return None
        actor = self.ctx.user
        user_id = row["id"]

        def save(values: dict[str, Any], version: int | None) -> int:
            target = records.get(User, user_id)
            return users.update_user(actor, target, expected_version=version, **values).id

        dialog = RecordDialog(
            self.ctx,
            _("แก้ไขผู้ใช้ {name}").format(name=row["username"]),
            self.fields(new=False),
            save,
            values=row,
            version=row["version"],
            parent=self,
        )
        dialog.saved.connect(lambda saved_id: self._after_edit(saved_id))
        dialog.open()
        return dialog

    def _after_edit(self, user_id: int) -> None:
        self.reload(select_id=user_id)
        if user_id == self.ctx.user.id:
            self.ctx.refresh_user()

    def reset_password(self) -> RecordDialog | None:
        row = self.current_row()
        if row is None:
            return None
        actor = self.ctx.user
        user_id = row["id"]

        def save(values: dict[str, Any], _version: int | None) -> int:
            return users.reset_password(actor, records.get(User, user_id), values["password"]).id

        dialog = PasswordDialog(
            self.ctx,
            _("ตั้งรหัสผ่านใหม่ให้ {name}").format(name=row["full_name"]),
            [
                FieldSpec("password", _("รหัสผ่านชั่วคราว"), kind="password", required=True),
                FieldSpec("again", _("ยืนยันรหัสผ่าน"), kind="password", required=True),
            ],
            save,
            intro=_("ผู้ใช้จะต้องเปลี่ยนรหัสผ่านนี้เมื่อเข้าสู่ระบบครั้งถัดไป และการระงับบัญชีชั่วคราว (ถ้ามี) จะถูกยกเลิก"),
            parent=self,
        )

        def saved(saved_id: int) -> None:
            self.reload(select_id=saved_id)
            messages.info(self, _("ตั้งรหัสผ่านใหม่แล้ว"))

        dialog.saved.connect(saved)
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        row = self.current_row()
        if row is None:
            return
        active = not row["active"]
        question = (
            _("เปิดใช้งานบัญชี {name} หรือไม่")
            if active
            else _("ปิดใช้งานบัญชี {name} หรือไม่ ผู้ใช้นี้จะเข้าสู่ระบบไม่ได้ แต่ประวัติการทำงานยังอยู่ครบ")
        ).format(name=row["full_name"])
        if not messages.confirm(
            self,
            question,
            _("เปิดใช้งาน") if active else _("ปิดใช้งาน"),
            dangerous=not active,
        ):
            return
        actor = self.ctx.user
        user_id, version = row["id"], row["version"]
        self.ctx.run_in_background(
            lambda: (
                users.update_user(
                    actor, records.get(User, user_id), expected_version=version, active=active
                ).id
            ),
            lambda saved_id: self.reload(select_id=saved_id),
            owner=self,
        )
