"""The สถิติและรายงาน tab: the office's figures per process, month, quarter, person and category,
with charts whose bars list their cases (``models.statistics``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.i18n import N_
from views.registry import ViewSpec, register_view

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext
    from models.users import User


def _make_tab(ctx: AppContext) -> QWidget:
    from views.statistics.tab import StatisticsTab

    return StatisticsTab(ctx)


def _visible(user: User) -> bool:
    from models.permissions import Permission, can

    return can(user, Permission.VIEW)


register_view(ViewSpec("statistics", N_("สถิติและรายงาน"), 90, _make_tab, _visible))
