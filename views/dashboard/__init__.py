"""The "หน้าหลัก" tab: what the registered dashboard providers report (the user's open work and
counts), and the office's own figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.i18n import N_
from views.dashboard.core import office_overview
from views.registry import (
    DashboardProviderSpec,
    ViewSpec,
    register_dashboard_provider,
    register_view,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext


def _make_tab(ctx: AppContext) -> QWidget:
    from views.dashboard.tab import DashboardTab

    return DashboardTab(ctx)


register_view(ViewSpec("dashboard", N_("หน้าหลัก"), 0, _make_tab))
register_dashboard_provider(DashboardProviderSpec("office", 1000, office_overview))
