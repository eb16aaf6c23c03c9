"""The one registry of what the main window shows: tabs, settings pages and dashboard providers.

A process adds its tab without touching any other tab's code: it writes a module that registers its
specs at import time and lists that module in ``VIEW_MODULES``. The main window imports those modules
(``load_views()``), then asks ``views_for(user)``, ``settings_pages_for(user)`` and
``dashboard_providers_for(user)``.

Usage (``views/publishing/__init__.py``)::

    from models.i18n import N_
    from models.permissions import Permission, can
    from views.registry import (
        DashboardProviderSpec, DashboardSection, OpenRequest, ViewSpec, WorkItem,
        register_dashboard_provider, register_view,
    )

    def _make_tab(ctx: AppContext) -> QWidget:
        from views.publishing.tab import PublishingTab  # Qt imports only when the tab is built
        return PublishingTab(ctx)

    register_view(ViewSpec("publishing", N_("เผยแพร่ข้อมูล"), 10, _make_tab))

    def _my_work(user: User) -> DashboardSection:  # runs in a worker thread: plain data only
        cases = publishing.open_cases_for(user)
        return DashboardSection(
            title=N_("เผยแพร่ข้อมูลบนเว็บไซต์"),
            counts=[Count(N_("เรื่องที่ยังไม่เสร็จ"), len(cases))],
            items=[
                WorkItem(c.subject, c.due, c.state_label,
                         open=OpenRequest("publishing", "case", c.id), overdue=c.overdue)
                for c in cases
            ],
        )

    register_dashboard_provider(DashboardProviderSpec("publishing", 10, _my_work))

and add ``"views.publishing"`` to ``VIEW_MODULES`` below.

Opening a record from elsewhere (the dashboard, a link in another tab) goes through
``ctx.open(OpenRequest(view_key, kind, id))``: the main window switches to the tab whose key is
``view_key`` and, if that tab widget has a method ``open_request(request)``, calls it.

A view module is imported off the UI thread while the login dialog is open (so the window opens
at once): at import time it registers specs and defines things, but creates no widget, pixmap or
icon, and does no database work. Keep heavy imports (the document engine, spreadsheets) inside the
factories and functions that need them.

Titles are ``N_()``-marked at declaration and translated with ``_()`` when shown. Dashboard providers
run off the UI thread and must return plain data (the dataclasses below: text, numbers, dates), never
peewee model instances or widgets.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext
    from models.users import User

log = logging.getLogger(__name__)

# Modules imported to register their tabs, settings pages and dashboard providers. The shell's own
# come first; a process appends its package here (one line: no other tab's code changes).
VIEW_MODULES: list[str] = [
    "views.dashboard",
    "views.settings",
    "views.publication",
    "views.data_request",
    "views.casework",
    "views.support",
    "views.signing",
    "views.infrastructure",
    "views.development",
    "views.procurement",
    "views.statistics",
]


def _everyone(_user: User) -> bool:
    return True


@dataclass(frozen=True)
class OpenRequest:
    """Where to go: the tab ``view`` and, optionally, one of its records (``kind``, ``id``)."""

    view: str
    kind: str = ""
    id: int | None = None
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


class Openable(Protocol):
    """A tab widget that can show a record asked for by ``ctx.open(...)``."""

    def open_request(self, request: OpenRequest) -> None: ...


@dataclass(frozen=True)
class _PageSpec:
    key: str
    title: str  # N_-marked
    order: int
    factory: Callable[[AppContext], QWidget]  # builds the widget, on the UI thread
    visible: Callable[[User], bool] = _everyone


@dataclass(frozen=True)
class ViewSpec(_PageSpec):
    """A main-window tab. ``factory`` builds the widget (called on the UI thread, once per login)."""


@dataclass(frozen=True)
class SettingsPageSpec(_PageSpec):
    """A page of the "ตั้งค่า" tab (office details, users, holidays, ticket categories...)."""


@dataclass(frozen=True)
class Count:
    """A figure on the dashboard, e.g. "เรื่องที่ยังไม่เสร็จ 4"; clicking it follows ``open``."""

    label: str  # already translated, or N_-marked (the dashboard passes it through _())
    value: int
    open: OpenRequest | None = None


@dataclass(frozen=True)
class WorkItem:
    """One piece of the user's open work."""

    title: str
    due: dt.date | None = None
    state: str = ""  # e.g. "รอตรวจสอบ" (translated, or N_-marked)
    open: OpenRequest | None = None
    overdue: bool = False  # the provider decides (it knows the working-day calendar)
    detail: str = ""  # a second line: requester, case number...


@dataclass(frozen=True)
class DashboardSection:
    """What one provider shows on "หน้าหลัก"."""

    title: str
    counts: list[Count] = field(default_factory=list)
    items: list[WorkItem] = field(default_factory=list)
    empty_text: str = ""  # shown when ``items`` is empty (default: a generic "nothing to do")


@dataclass(frozen=True)
class DashboardProviderSpec:
    """``fetch(user)`` runs in a worker thread and returns plain data (``DashboardSection``).
    Return ``None`` to show nothing for this user."""

    key: str
    order: int
    fetch: Callable[[User], DashboardSection | None]
    visible: Callable[[User], bool] = _everyone
    title: str = ""  # N_-marked; heads the box when ``fetch`` fails (else the section's own title)


_VIEWS: dict[str, ViewSpec] = {}
_SETTINGS_PAGES: dict[str, SettingsPageSpec] = {}
_PROVIDERS: dict[str, DashboardProviderSpec] = {}


def register_view(spec: ViewSpec) -> ViewSpec:
    """Add (or, under the same key, replace) a main-window tab."""
    _VIEWS[spec.key] = spec
    return spec


def register_settings_page(spec: SettingsPageSpec) -> SettingsPageSpec:
    _SETTINGS_PAGES[spec.key] = spec
    return spec


def register_dashboard_provider(spec: DashboardProviderSpec) -> DashboardProviderSpec:
    _PROVIDERS[spec.key] = spec
    return spec


def unregister(key: str) -> None:
    """Remove a tab, settings page or provider by key (tests that declare throwaway views)."""
    _VIEWS.pop(key, None)
    _SETTINGS_PAGES.pop(key, None)
    _PROVIDERS.pop(key, None)


def load_views() -> None:
    """Import every module of ``VIEW_MODULES`` (each registers its specs at import)."""
    for module in VIEW_MODULES:
        importlib.import_module(module)


def _visible_to(spec_visible: Callable[[User], bool], user: User) -> bool:
    try:
        return bool(spec_visible(user))
    except Exception:  # a broken rule hides one tab instead of stopping the whole window
        log.exception("visibility check failed")
        return False


def views_for(user: User) -> list[ViewSpec]:
    """The tabs this user sees, in order."""
    load_views()
    return sorted(
        (s for s in _VIEWS.values() if _visible_to(s.visible, user)), key=lambda s: (s.order, s.key)
    )


def view_spec(key: str) -> ViewSpec | None:
    load_views()
    return _VIEWS.get(key)


def settings_pages_for(user: User) -> list[SettingsPageSpec]:
    load_views()
    return sorted(
        (s for s in _SETTINGS_PAGES.values() if _visible_to(s.visible, user)),
        key=lambda s: (s.order, s.key),
    )


def dashboard_providers_for(user: User) -> list[DashboardProviderSpec]:
    load_views()
    return sorted(
        (s for s in _PROVIDERS.values() if _visible_to(s.visible, user)),
        key=lambda s: (s.order, s.key),
    )
