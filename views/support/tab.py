"""The tab "สนับสนุนการใช้งานคอมพิวเตอร์": repair tickets, the asset register, the maintenance plan,
the replacement machines and the service-problem register, one page each.

Keyboard (``views.widgets.commands``): Ctrl+N registers a new ticket and Ctrl+Shift+F finds an
asset (the register's search box) from any page; Ctrl+F, Ctrl+E, Ctrl+P, F5, Alt+Down / Alt+Up and
F6 act on the page shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from models.i18n import _
from views.registry import OpenRequest
from views.support.assets import AssetsView
from views.support.loans import LoansView
from views.support.maintenance import MaintenanceView
from views.support.service_register import ServiceRegisterView
from views.support.tickets import TicketsTab
from views.widgets.commands import CommandSet

if TYPE_CHECKING:
    from desktop.context import AppContext

SUPPORT_COMMANDS = (
    "new",
    "find",
    "find_asset",
    "edit",
    "print",
    "refresh",
    "next",
    "previous",
    "pane",
)


class SupportTab(QWidget):
    """The pages other than the tickets are built the first time they are shown (or asked for),
    so opening the main window loads one list, not five."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages = QTabWidget(self)
        self.tickets = TicketsTab(ctx, self)
        self.pages.addTab(self.tickets, _("เรื่องแจ้งซ่อม/แจ้งปัญหา"))
        self._built: dict[str, QWidget] = {}
        self._holders: dict[str, QWidget] = {}
        for key, title in (
            ("assets", _("ทะเบียนครุภัณฑ์")),
            ("maintenance", _("แผนบำรุงรักษา")),
            ("loans", _("เครื่องทดแทน")),
            ("register", _("ทะเบียนบันทึกปัญหา")),
        ):
            holder = QWidget(self)
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            self._holders[key] = holder
            self.pages.addTab(holder, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.tickets.open_asset.connect(self.show_asset)
        self.pages.currentChanged.connect(self._page_shown)
        self.commands = CommandSet(self, SUPPORT_COMMANDS, self.run_command)

    # --- the pages, built on first use ----------------------------------------------------

    def _page(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            holder = self._holders[key]
            if key == "assets":
                page = AssetsView(self.ctx, holder)
            elif key == "maintenance":
                page = MaintenanceView(self.ctx, holder)
            elif key == "loans":
                loans_view = LoansView(self.ctx, holder)
                loans_view.open_ticket.connect(self.show_ticket)
                page = loans_view
            else:
                register = ServiceRegisterView(self.ctx, holder)
                register.open_ticket.connect(self.show_ticket)
                page = register
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(page)
            self._built[key] = page
        return page

    @property
    def assets(self) -> AssetsView:
        page = self._page("assets")
        assert isinstance(page, AssetsView)
        return page

    @property
    def maintenance(self) -> MaintenanceView:
        page = self._page("maintenance")
        assert isinstance(page, MaintenanceView)
        return page

    @property
    def loans(self) -> LoansView:
        page = self._page("loans")
        assert isinstance(page, LoansView)
        return page

    @property
    def register(self) -> ServiceRegisterView:
        page = self._page("register")
        assert isinstance(page, ServiceRegisterView)
        return page

    def _show_page(self, key: str) -> QWidget:
        page = self._page(key)
        self.pages.setCurrentWidget(self._holders[key])
        return page

    def current_page(self) -> QWidget | None:
        holder = self.pages.currentWidget()
        if holder is self.tickets:
            return self.tickets
        key = next((k for k, h in self._holders.items() if h is holder), None)
        return self._built.get(key) if key else None

    # --- navigation -----------------------------------------------------------------------

    def open_request(self, request: OpenRequest) -> None:
        if request.kind == "case" and request.id is not None:
            self.show_ticket(int(request.id))
        elif request.kind == "asset" and request.id is not None:
            self.show_asset(int(request.id))
        elif request.kind in {"loans", "maintenance"}:
            self._show_page(request.kind)

    def show_ticket(self, case_id: int) -> None:
        self.pages.setCurrentWidget(self.tickets)
        self.tickets.show_case(case_id)

    def show_asset(self, asset_id: int) -> None:
        self._show_page("assets")
        self.assets.show_asset(asset_id)

    def _page_shown(self, _index: int) -> None:
        holder = self.pages.currentWidget()
        key = next((k for k, h in self._holders.items() if h is holder), None)
        if key is None:
            return
        fresh = key not in self._built
        page = self._page(key)
        if not fresh and isinstance(page, (LoansView, MaintenanceView, ServiceRegisterView)):
            page.reload()  # work saved elsewhere since it was last shown

    # --- keyboard -------------------------------------------------------------------------

    def run_command(self, key: str) -> bool:
        """Ctrl+N registers a ticket and Ctrl+Shift+F finds an asset from any page; the other
        commands go to the page on show."""
        if key == "new":
            self.new_ticket()
            return True
        if key == "find_asset":
            self.find_asset()
            return True
        page = self.current_page()
        handler = getattr(page, "run_command", None)
        return bool(handler(key)) if callable(handler) else False

    def focus_target(self) -> QWidget | None:
        page = self.current_page()
        target = getattr(page, "focus_target", None)
        return target() if callable(target) else None

    def new_ticket(self) -> None:
        self.pages.setCurrentWidget(self.tickets)
        if self.tickets.new_button.isVisible():
            self.tickets.register_case()

    def find_asset(self) -> None:
        self._show_page("assets")
        self.assets.focus_search()
