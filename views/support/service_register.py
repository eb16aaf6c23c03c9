"""The register of IT service problems (ทะเบียนบันทึกปัญหาการให้บริการสารสนเทศ): tickets and
maintenance findings, filtered by period, category, unit, asset text and staff, paged from the
database; printed (landscape) for a period and exported to Excel with the filters shown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from models import office
from models.i18n import N_, _
from models.support import service_register, tickets
from models.support.service_register import MAINTENANCE, TICKET, ServiceEntry, ServiceFilter
from reports.thaifmt import number
from views.widgets import messages
from views.widgets.commands import mnemonic, run_list_command
from views.widgets.filter_bar import ComboFilter, FilterBar
from views.widgets.paged_table import Column, Page, PagedTableView
from views.widgets.printing import ask_and_print_register, print_register

if TYPE_CHECKING:
    from desktop.context import AppContext

COLUMNS = [
    Column("day", N_("วันที่"), sort_key="day", width=95),
    Column("number", N_("เลขที่"), sort_key=None, width=95),
    Column("unit", N_("หน่วยงาน"), sort_key=None, width=90),
    Column("asset", N_("ครุภัณฑ์"), sort_key=None, width=200),
    Column("category", N_("ประเภทปัญหา"), sort_key=None, width=150),
    Column("problem", N_("ปัญหา"), sort_key=None, width=230),
    Column("cause", N_("สาเหตุ"), sort_key=None, width=160),
    Column("fix", N_("การแก้ไข"), sort_key=None, width=200),
    Column("staff", N_("ผู้ดำเนินการ"), sort_key=None, width=140),
    Column("finished_on", N_("วันที่แล้วเสร็จ"), sort_key=None, width=95),
    Column("days_text", N_("ใช้เวลา/กำหนด"), sort_key=None, width=90),
    Column("result", N_("ผล"), sort_key=None, width=150),
]
SOURCE_CHOICES = [(TICKET, N_("เรื่องแจ้งซ่อม")), (MAINTENANCE, N_("การบำรุงรักษา"))]


def service_filter(values: dict[str, Any]) -> ServiceFilter:
    source = values.get("source")
    return ServiceFilter(
        start=values.get("date_from"),
        end=values.get("date_to"),
        category_id=values.get("category"),
        unit_id=values.get("unit"),
        staff_id=values.get("staff"),
        text=str(values.get("text") or ""),
        include_tickets=source in (None, TICKET),
        include_maintenance=source in (None, MAINTENANCE),
    )


@dataclass(frozen=True)
class EntryRow:
    """A register entry as a table row (its own id: kind and reference together)."""

    entry: ServiceEntry

    @property
    def id(self) -> str:
        return f"{self.entry.kind}:{self.entry.ref_id}"

    def __getattr__(self, name: str) -> Any:
        return getattr(self.entry, name)


class ServiceRegisterView(QWidget):
    open_ticket = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        user = ctx.user
        self.bar = FilterBar(
            combos=[
                ComboFilter("source", N_("ที่มา"), SOURCE_CHOICES),
                ComboFilter("category", N_("ประเภทปัญหา"), []),
                ComboFilter("unit", N_("หน่วยงาน"), []),
                ComboFilter("staff", N_("ผู้ดำเนินการ"), []),
            ],
            search_placeholder=N_("ค้นหาเลขที่ เรื่อง ผู้แจ้ง หรือเลขครุภัณฑ์"),
            parent=self,
        )

        def fetch(filters: Any, _sort: str, descending: bool, offset: int, limit: int) -> Any:
            page = service_register.service_page(
                user, service_filter(filters or {}), descending, offset, limit
            )
            return Page([EntryRow(e) for e in page.rows], page.total)

        self.table = PagedTableView(
            ctx,
            fetch,
            COLUMNS,
            filters=self.bar.filters(),
            sort_key="day",
            descending=True,
            empty_text=_("ยังไม่มีรายการตามเงื่อนไขนี้"),
            parent=self,
        )
        self.bar.filters_changed.connect(self.table.set_filters)
        self.table.activated_row.connect(self._activated)
        self.print_button = mnemonic(QPushButton(_("พิมพ์ทะเบียน…"), self), "P")
        self.export_button = mnemonic(QPushButton(_("ส่งออก Excel…"), self), "X")
        self.print_button.clicked.connect(self.print_register)
        self.export_button.clicked.connect(self.export_file)
        head = QHBoxLayout()
        head.addWidget(self.print_button)
        head.addWidget(self.export_button)
        head.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        self._load_choices()
        self.table.reload()

    def _load_choices(self) -> None:
        def load() -> dict[str, list[tuple[int, str]]]:
            from views.support.maintenance import office_users

            return {
                "category": [(c.id, str(c.name)) for c in tickets.categories(active_only=False)],
                "unit": [(u.id, str(u.name)) for u in office.units()],
                "staff": [(u.id, str(u.full_name)) for u in office_users()],
            }

        def show(choices: dict[str, list[tuple[int, str]]]) -> None:
            for key, values in choices.items():
                self.bar.set_choices(key, values)

        self.ctx.run_in_background(load, show, owner=self)

    def _activated(self, row: EntryRow) -> None:
        if row.entry.kind == TICKET:
            self.open_ticket.emit(row.entry.ref_id)

    def reload(self) -> None:
        self.table.reload()

    def run_command(self, key: str) -> bool:
        return run_list_command(
            key,
            search=self.bar.search,
            table=self.table,
            handlers={"print": self.print_register, "refresh": self.reload},
        )

    def focus_target(self) -> QWidget:
        return self.table.table

    def print_register(self) -> None:
        ask_and_print_register(self.ctx, self, "service-problems", self.bar.period_bounds())

    def print_for(self, start: Any, end: Any) -> None:
        print_register(self.ctx, self, "service-problems", start, end)

    def export_file(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(
            self, _("ส่งออกทะเบียนบันทึกปัญหา"), _("ทะเบียนบันทึกปัญหา.xlsx"), "Excel (*.xlsx)"
        )
        if target:
            self.export_to(Path(target if target.lower().endswith(".xlsx") else target + ".xlsx"))

    def export_to(self, path: Path) -> None:
        user, filters, described = (
            self.ctx.user,
            service_filter(self.bar.filters()),
            self.bar.describe(),
        )

        def work() -> int:
            return service_register.export_service_register(user, filters, path, subtitle=described)

        self.ctx.run_in_background(
            work,
            lambda count: messages.info(
                self, _("ส่งออก {n} รายการไว้ที่ {path}").format(n=number(count), path=path)
            ),
            owner=self,
            disable=[self.export_button],
        )
