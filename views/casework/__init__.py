"""Case work across processes: the dashboard's "my work", "due today" and "overdue" sections, and
the settings page of the office's holiday table (working days)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.i18n import N_
from models.permissions import Permission, can
from views.registry import (
    DashboardProviderSpec,
    SettingsPageSpec,
    register_dashboard_provider,
    register_settings_page,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext
    from models.users import User
    from views.registry import DashboardSection


def _my_work(user: User) -> DashboardSection | None:
    from views.casework.dashboard import my_work_section

    return my_work_section(user)


def _due_today(user: User) -> DashboardSection | None:
    from views.casework.dashboard import due_today_section

    return due_today_section(user)


def _overdue(user: User) -> DashboardSection | None:
    from views.casework.dashboard import overdue_section

    return overdue_section(user)


def _holidays(ctx: AppContext) -> QWidget:
    from views.casework.holidays import HolidaysPage

    return HolidaysPage(ctx)


def _works(user: User) -> bool:
    return can(user, Permission.WORK_CASES)


def _views(user: User) -> bool:
    return can(user, Permission.VIEW)


register_dashboard_provider(DashboardProviderSpec("cases.my_work", 10, _my_work, _works))
register_dashboard_provider(DashboardProviderSpec("cases.due_today", 20, _due_today, _views))
register_dashboard_provider(DashboardProviderSpec("cases.overdue", 30, _overdue, _views))
register_settings_page(
    SettingsPageSpec(
        "holidays",
        N_("วันหยุดของสำนักงาน"),
        40,
        _holidays,
        lambda user: can(user, Permission.MANAGE_OFFICE),
    )
)
