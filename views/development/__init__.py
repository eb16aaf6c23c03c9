"""Process 5's tab "การพัฒนาระบบสารสนเทศ" (projects on the engine, their records, the training
register) and its dashboard box (late milestones). Qt is imported only when a widget is built."""

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

VIEW_KEY = "development"


def _tab(ctx: AppContext) -> QWidget:
    from views.development.tab import DevelopmentTab

    return DevelopmentTab(ctx)


def _dashboard(user: User) -> DashboardSection | None:
    from views.development.dashboard import development_section

    return development_section(user)


def _views(user: User) -> bool:
    return can(user, Permission.VIEW)


def _register_process() -> None:
    from models.development.process import KEY  # registers the process
    from views.process_tabs import set_view_for_process

    set_view_for_process(KEY, VIEW_KEY)  # "my work" on the dashboard opens projects here


_register_process()
register_view(ViewSpec(VIEW_KEY, N_("การพัฒนาระบบสารสนเทศ"), 50, _tab, _views))
register_dashboard_provider(
    DashboardProviderSpec(
        "development", 55, _dashboard, _views, title=N_("การพัฒนาระบบสารสนเทศ: หมุดหมายล่าช้า")
    )
)
