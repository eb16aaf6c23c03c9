"""The "ตั้งค่า" tab: pages registered with ``register_settings_page`` (office details, users,
signatories, committees, units, the office's words for line breaking, general settings here; the
database page from ``desktop``; processes add theirs, e.g. holidays or ticket categories). The tab shows only the pages the user may
use, and is hidden when there is none (staff and viewers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.i18n import N_
from models.permissions import Permission, Role, can, role_of
from views.registry import SettingsPageSpec, ViewSpec, register_settings_page, register_view

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext
    from models.users import User


def _tab(ctx: AppContext) -> QWidget:
    from views.settings.tab import SettingsTab

    return SettingsTab(ctx)


def _visible(user: User) -> bool:
    from views.registry import settings_pages_for

    return bool(settings_pages_for(user))


def _office(ctx: AppContext) -> QWidget:
    from views.settings.office import OfficePage

    return OfficePage(ctx)


def _users(ctx: AppContext) -> QWidget:
    from views.settings.users import UsersPage

    return UsersPage(ctx)


def _signatories(ctx: AppContext) -> QWidget:
    from views.settings.people import SignatoriesPage

    return SignatoriesPage(ctx)


def _committees(ctx: AppContext) -> QWidget:
    from views.settings.committees import CommitteesPage

    return CommitteesPage(ctx)


def _units(ctx: AppContext) -> QWidget:
    from views.settings.people import UnitsPage

    return UnitsPage(ctx)


def _words(ctx: AppContext) -> QWidget:
    from views.settings.words import WordsPage

    return WordsPage(ctx)


def _general(ctx: AppContext) -> QWidget:
    from views.settings.general import GeneralPage

    return GeneralPage(ctx)


def _recycle(ctx: AppContext) -> QWidget:
    from views.settings.recycle import RecyclePage

    return RecyclePage(ctx)


def _admin(user: User) -> bool:
    return role_of(user) == Role.ADMIN


def _may(permission: Permission):  # type: ignore[no-untyped-def]
    return lambda user: can(user, permission)


register_view(ViewSpec("settings", N_("ตั้งค่า"), 1000, _tab, visible=_visible))
register_settings_page(
    SettingsPageSpec("office", N_("ข้อมูลสำนักงาน"), 10, _office, _may(Permission.MANAGE_OFFICE))
)
register_settings_page(
    SettingsPageSpec("users", N_("ผู้ใช้"), 20, _users, _may(Permission.MANAGE_USERS))
)
register_settings_page(
    SettingsPageSpec("signatories", N_("ผู้ลงนาม"), 30, _signatories, _may(Permission.MANAGE_OFFICE))
)
register_settings_page(
    SettingsPageSpec(
        "committees", N_("คณะกรรมการ"), 40, _committees, _may(Permission.MANAGE_OFFICE)
    )
)
register_settings_page(
    SettingsPageSpec("units", N_("หน่วยงาน"), 50, _units, _may(Permission.MANAGE_OFFICE))
)
register_settings_page(
    SettingsPageSpec("words", N_("คำศัพท์สำหรับตัดคำ"), 55, _words, _may(Permission.MANAGE_OFFICE))
)
register_settings_page(
    SettingsPageSpec("general", N_("ค่าทั่วไป"), 800, _general, _may(Permission.MANAGE_SETTINGS))
)
register_settings_page(SettingsPageSpec("recycle", N_("รายการที่ลบ"), 850, _recycle, _admin))
