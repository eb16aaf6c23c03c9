"""Process 2's tab "สนับสนุนการใช้งานคอมพิวเตอร์" (tickets, assets, maintenance, loaners, the
service-problem register), its settings pages (ticket and asset categories) and its dashboard box
(open and overdue tickets, overdue loans, overdue maintenance). Qt is imported only when a widget
is built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.i18n import N_
from models.permissions import Permission, can
from views.registry import (
    DashboardProviderSpec,
    SettingsPageSpec,
    ViewSpec,
    register_dashboard_provider,
    register_settings_page,
    register_view,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext
    from models.users import User
    from views.registry import DashboardSection

VIEW_KEY = "support"


def _tab(ctx: AppContext) -> QWidget:
    from views.support.tab import SupportTab

    return SupportTab(ctx)


def _ticket_categories(ctx: AppContext) -> QWidget:
    from views.support.settings import TicketCategoriesPage

    return TicketCategoriesPage(ctx)


def _asset_categories(ctx: AppContext) -> QWidget:
    from views.support.settings import AssetCategoriesPage

    return AssetCategoriesPage(ctx)


def _dashboard(user: User) -> DashboardSection | None:
    from views.support.dashboard import support_section

    return support_section(user)


def _views(user: User) -> bool:
    return can(user, Permission.VIEW)


def _manages(user: User) -> bool:
    """Reference tables of the office: heads and administrators (staff see no settings tab)."""
    return can(user, Permission.MANAGE_OFFICE)


def _register_process() -> None:
    from models.support.tickets import PROCESS_KEY  # registers the process
    from views.process_tabs import set_view_for_process

    # The dashboard's "my work" opens support cases in this tab.
    set_view_for_process(PROCESS_KEY, VIEW_KEY)


_register_process()
register_view(ViewSpec(VIEW_KEY, N_("สนับสนุนการใช้งานคอมพิวเตอร์"), 20, _tab, _views))
register_settings_page(
    SettingsPageSpec(
        "support.ticket_categories", N_("ประเภทปัญหาแจ้งซ่อม"), 60, _ticket_categories, _manages
    )
)
register_settings_page(
    SettingsPageSpec("support.asset_categories", N_("หมวดครุภัณฑ์"), 61, _asset_categories, _manages)
)
register_dashboard_provider(
    DashboardProviderSpec("support", 40, _dashboard, _views, title=N_("สนับสนุนการใช้งานคอมพิวเตอร์"))
)
