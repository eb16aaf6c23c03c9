"""Process 4's tab "การบำรุงรักษาระบบแม่ข่ายและเครือข่าย" (annual plan, projects on the engine,
problems log) and its dashboard box (installments due soon, late deliveries with the penalty so
far, securities to return, warranties ending, open incidents). Qt is imported only when a widget is
built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.i18n import N_
from models.permissions import Permission, can
from views.registry import (
    DashboardProviderSpec,
    ViewSpec,
    register_dashboard_provider,
    register_view,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext
    from models.users import User
    from views.registry import DashboardSection

VIEW_KEY = "infrastructure"


def _tab(ctx: AppContext) -> QWidget:
    from views.infrastructure.tab import InfrastructureTab

    return InfrastructureTab(ctx)


def _dashboard(user: User) -> DashboardSection | None:
    from views.infrastructure.dashboard import infrastructure_section

    return infrastructure_section(user)


def _views(user: User) -> bool:
    return can(user, Permission.VIEW)


def _register_process() -> None:
    from models.infrastructure.projects import KEY  # registers the process
    from views.process_tabs import set_view_for_process

    set_view_for_process(KEY, VIEW_KEY)  # "my work" on the dashboard opens projects here


_register_process()
register_view(ViewSpec(VIEW_KEY, N_("การบำรุงรักษาระบบแม่ข่ายและเครือข่าย"), 40, _tab, _views))
register_dashboard_provider(
    DashboardProviderSpec(
        "infrastructure",
        50,
        _dashboard,
        _views,
        title=N_("การบำรุงรักษาระบบแม่ข่ายและเครือข่าย"),
    )
)
