"""How a process gets its tab: one call from its view module (no Qt at import time).

    # views/publication/__init__.py
    from views.process_tabs import register_process_tab
    register_process_tab("publication", "publications", order=10, register_name="publications")

and ``"views.publication"`` in ``views.registry.VIEW_MODULES``. The tab is the shared
``views.widgets.cases.ProcessTab``: the list, the case view, the forms built from the process's
fields, printing. ``view_for_process`` tells the dashboard which tab shows a process's cases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from views.registry import ViewSpec, register_view

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext
    from models.users import User

_VIEW_OF_PROCESS: dict[str, str] = {}


def register_process_tab(
    process_key: str,
    view_key: str,
    *,
    order: int,
    register_name: str = "",
    title: str = "",
) -> ViewSpec:
    """Add the tab of ``process_key`` (title: the process's label unless given, N_-marked)."""
    from models.engine import get_process
    from models.permissions import Permission, can

    label = title or get_process(process_key).label

    def make(ctx: AppContext) -> QWidget:
        from views.widgets.cases import ProcessTab

        return ProcessTab(ctx, process_key, register_name=register_name)

    def visible(user: User) -> bool:
        return can(user, Permission.VIEW)

    _VIEW_OF_PROCESS[process_key] = view_key
    return register_view(ViewSpec(view_key, label, order, make, visible))


def set_view_for_process(process_key: str, view_key: str) -> None:
    """For a process shown inside a tab of its own making (not ``register_process_tab``)."""
    _VIEW_OF_PROCESS[process_key] = view_key


def view_for_process(process_key: str) -> str:
    """The tab that shows ``process_key``'s cases (the process key itself when none registered)."""
    return _VIEW_OF_PROCESS.get(process_key, process_key)
