"""The tab "การบำรุงรักษาระบบแม่ข่ายและเครือข่าย" (process 4): the annual plan and its items, the
projects (the shared case list and case view of the engine, with the project's procurement records
beside it), and the problems log. Pages other than the plan are built when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from models.i18n import _
from models.infrastructure import contracting
from models.infrastructure.projects import KEY
from views.infrastructure.plan import PlanView
from views.infrastructure.problems import ProblemsView
from views.procurement.case_panel import ProcurementPanel
from views.registry import OpenRequest
from views.widgets.cases import REGISTER_CHOICE, ProcessTab
from views.widgets.commands import CommandSet
from views.widgets.printing import register_title

if TYPE_CHECKING:
    from desktop.context import AppContext
    from views.widgets.case_forms import FormDialog

TAB_COMMANDS = ("new", "find", "edit", "print", "refresh", "next", "previous", "pane")


class ProjectsTab(ProcessTab):
    """The engine's process tab for projects; a registration started from a plan item comes with
    that item chosen."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, KEY, register_name="annual-plan", commands=False, parent=parent)
        self.preset_item: int | None = None
        # the project's procurement records under the list and the case view
        layout = self.layout()
        assert layout is not None
        layout.removeWidget(self.splitter)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.splitter)
        self.records = ProcurementPanel(
            ctx,
            split,
            remove_quotation=contracting.remove_quotation,
            quote_title=_("ใบเสนอราคา (ขั้นที่ 3)"),
            contract_title=_("สัญญาและการติดตามผู้รับจ้าง (ขั้นที่ 7-8)"),
        )
        split.addWidget(self.records)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)
        self.list.case_selected.connect(self.records.show_case)
        self.records.changed.connect(self.panel.reload)
        self.panel.changed.connect(lambda _case_id: self.records.reload())

    def show_case(self, case_id: int) -> None:
        super().show_case(case_id)
        self.records.show_case(case_id)

    def period_choices(self) -> list[tuple[str, str]]:
        """The report memo and the annual plan, then the registers process 4 keeps through the
        procurement package: contracts and incidents."""
        choices = super().period_choices()
        for name in ("infrastructure-problems", "contracts", "incidents"):
            choices.append((REGISTER_CHOICE + name, register_title(name)))
        return choices

    def start_for_item(self, item_id: int) -> None:
        self.preset_item = item_id
        self.register_case()

    def build_registration(self, spec: Any) -> FormDialog:
        dialog = super().build_registration(spec)
        if self.preset_item is not None:
            dialog.form.set_value("plan_item", self.preset_item)
            self.preset_item = None
        return dialog


class InfrastructureTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages = QTabWidget(self)
        self.plan = PlanView(ctx, self)
        self.pages.addTab(self.plan, _("แผนปฏิบัติการประจำปี"))
        self._built: dict[str, QWidget] = {}
        self._holders: dict[str, QWidget] = {}
        for key, title in self.page_titles():
            holder = QWidget(self)
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            self._holders[key] = holder
            self.pages.addTab(holder, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.plan.open_project.connect(self.open_project_of_item)
        self.pages.currentChanged.connect(self._page_shown)
        self.commands = CommandSet(self, TAB_COMMANDS, self.run_command)

    @staticmethod
    def page_titles() -> list[tuple[str, str]]:
        return [
            ("projects", _("โครงการ")),
            ("problems", _("ปัญหาและอุปสรรค")),
            ("vendors", _("ผู้ประกอบการ")),
        ]

    def _page(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            holder = self._holders[key]
            if key == "projects":
                page = ProjectsTab(self.ctx, holder)
            elif key == "vendors":
                # the procurement package's vendor register (contacts, contracts, incidents)
                from views.procurement.vendors import VendorsPage

                page = VendorsPage(self.ctx, holder)
            else:
                page = ProblemsView(self.ctx, holder)
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(page)
            self._built[key] = page
        return page

    @property
    def projects(self) -> ProjectsTab:
        page = self._page("projects")
        assert isinstance(page, ProjectsTab)
        return page

    @property
    def problems(self) -> ProblemsView:
        page = self._page("problems")
        assert isinstance(page, ProblemsView)
        return page

    def show_page(self, key: str) -> QWidget:
        if key == "plan":
            self.pages.setCurrentWidget(self.plan)
            return self.plan
        page = self._page(key)
        self.pages.setCurrentWidget(self._holders[key])
        return page

    def current_page(self) -> QWidget | None:
        holder = self.pages.currentWidget()
        if holder is self.plan:
            return self.plan
        key = next((k for k, h in self._holders.items() if h is holder), None)
        return self._built.get(key) if key else None

    def _page_shown(self, _index: int) -> None:
        holder = self.pages.currentWidget()
        if holder is self.plan:
            self.plan.load_plan()  # a project moved since: the progress column follows
            return
        key = next((k for k, h in self._holders.items() if h is holder), None)
        if key is None:
            return
        fresh = key not in self._built
        page = self._page(key)
        if not fresh:
            refresh = getattr(page, "refresh", None) or getattr(page, "reload", None)
            if callable(refresh):
                refresh()

    # --- navigation -----------------------------------------------------------------------

    def open_request(self, request: OpenRequest) -> None:
        if request.kind == "case" and request.id is not None:
            self.show_page("projects")
            self.projects.show_case(int(request.id))
        elif request.kind in {"plan", "problems"}:
            self.show_page(request.kind)
        elif request.kind:
            opener = getattr(self, f"open_{request.kind}", None)
            if callable(opener):
                opener(request)

    def open_project_of_item(self, item_id: int, case_id: int | None) -> None:
        self.show_page("projects")
        if case_id is not None:
            self.projects.show_case(int(case_id))
        else:
            self.projects.start_for_item(item_id)

    # --- keyboard -------------------------------------------------------------------------

    def run_command(self, key: str) -> bool:
        page = self.current_page()
        handler = getattr(page, "run_command", None)
        return bool(handler(key)) if callable(handler) else False

    def focus_target(self) -> QWidget | None:
        page = self.current_page()
        target = getattr(page, "focus_target", None)
        return target() if callable(target) else None
