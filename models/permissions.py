"""Roles and what each may do. Domain functions call ``require`` themselves: a hidden button is only a
courtesy, the rule lives here."""

from __future__ import annotations

from enum import StrEnum

from models import offline as mode
from models.accounts import User
from models.base import Actor
from models.errors import PermissionDenied
from models.i18n import N_, _
from models.roles import (
    Role as Role,
)  # re-exported: the roles are part of the permissions' vocabulary

ROLE_LABELS = {
    Role.ADMIN: N_("ผู้ดูแลระบบ"),
    Role.HEAD: N_("หัวหน้าภารกิจ (หน.ภทส.)"),
    Role.GROUP_HEAD: N_("หัวหน้างาน"),
    Role.STAFF: N_("เจ้าหน้าที่"),
    Role.VIEWER: N_("ผู้ดูข้อมูล"),
}


class Permission(StrEnum):
    VIEW = "view"
    WORK_CASES = "work_cases"  # do the staff steps of a process
    REVIEW_CASES = "review_cases"  # approve / send back as a head
    EDIT_REGISTERS = "edit_registers"  # assets, units, vendors, plans
    MANAGE_OFFICE = "manage_office"  # office details, signatories, committees, holidays
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"  # settings and the database connection


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.HEAD: frozenset(
        {
            Permission.VIEW,
            Permission.WORK_CASES,
            Permission.REVIEW_CASES,
            Permission.EDIT_REGISTERS,
            Permission.MANAGE_OFFICE,
        }
    ),
    Role.GROUP_HEAD: frozenset(
        {Permission.VIEW, Permission.WORK_CASES, Permission.REVIEW_CASES, Permission.EDIT_REGISTERS}
    ),
    Role.STAFF: frozenset({Permission.VIEW, Permission.WORK_CASES, Permission.EDIT_REGISTERS}),
    Role.VIEWER: frozenset({Permission.VIEW}),
}

PERMISSION_LABELS = {
    Permission.VIEW: N_("ดูข้อมูล"),
    Permission.WORK_CASES: N_("ดำเนินงานตามขั้นตอน"),
    Permission.REVIEW_CASES: N_("พิจารณา อนุมัติ หรือส่งกลับแก้ไข"),
    Permission.EDIT_REGISTERS: N_("แก้ไขทะเบียน"),
    Permission.MANAGE_OFFICE: N_("จัดการข้อมูลสำนักงาน"),
    Permission.MANAGE_USERS: N_("จัดการผู้ใช้"),
    Permission.MANAGE_SETTINGS: N_("ตั้งค่าระบบ"),
}


def role_of(actor: Actor | None) -> Role | None:
    if actor is None:
        return None
    try:
        return Role(actor.role)
    except ValueError:
        return None


def can(actor: Actor | None, permission: Permission) -> bool:
    """``None`` is the system itself (migrations, demo seeding, CLI tasks run by an operator)."""
    if actor is None:
        return True
    role = role_of(actor)
    return role is not None and permission in ROLE_PERMISSIONS[role]


def _check_account_now(actor: Actor) -> None:
    """The logged-in user is a snapshot taken at login: refuse if the administrator has since
    switched the account off or changed its role (another workstation may have done it), so old
    rights do not outlive the change. Stand-ins that are not stored accounts are taken as they are."""
    stored = User.select(User.role, User.active).where(User.id == actor.id).tuples().first()
    if stored is None:
        return
    role, active = stored
    if not active:
        raise PermissionDenied(_("บัญชีผู้ใช้ของท่านถูกปิดการใช้งานแล้ว กรุณาติดต่อผู้ดูแลระบบ"))
    if role != actor.role:
        raise PermissionDenied(_("สิทธิ์ของบัญชีท่านถูกเปลี่ยนแล้ว กรุณาออกจากระบบแล้วเข้าสู่ระบบใหม่"))


def require(actor: Actor | None, permission: Permission) -> None:
    if permission is not Permission.VIEW:
        mode.refuse_writes()  # every domain write asks for more than viewing
    if actor is not None:
        _check_account_now(actor)
    if not can(actor, permission):
        raise PermissionDenied(
            _("ท่านไม่มีสิทธิ์{action} (สิทธิ์ของท่าน: {role})").format(
                action=_(PERMISSION_LABELS[permission]),
                role=_(ROLE_LABELS[r]) if (r := role_of(actor)) else "-",
            )
        )


def require_role(actor: Actor | None, *roles: Role) -> None:
    """For steps reserved to named roles (e.g. only หน.ภทส. decides eligibility)."""
    mode.refuse_writes()  # named roles are asked for steps, which write
    if actor is None:
        return
    _check_account_now(actor)
    if role_of(actor) not in roles:
        raise PermissionDenied(
            _("ขั้นตอนนี้สำหรับ {roles} เท่านั้น").format(roles=", ".join(_(ROLE_LABELS[r]) for r in roles))
        )
