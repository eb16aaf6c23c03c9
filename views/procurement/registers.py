"""The contract register (ทะเบียนสัญญา) and the incident register on screen, for a fiscal year
or all: the same rows as the print-out, printed (preview) and exported to .xlsx; a contract (or
an incident's contract) opens on the contract page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.i18n import _
from models.procurement import registers as proc_registers
from models.registers import get_register
from reports.thaifmt import fiscal_year, fiscal_year_bounds, number
from views.settings.common import ListPage
from views.widgets import messages
from views.widgets.printing import print_register
from views.widgets.tables import Column

if TYPE_CHECKING:
    import datetime as dt

    from desktop.context import AppContext

REGISTERS = ("contracts", "incidents")


def register_rows(name: str, start: dt.date | None, end: dt.date | None) -> list[dict[str, Any]]:
    """Worker side: the register's rows for the period (display text, with the record ids)."""
    return [dict(row) for row in get_register(name).rows(start, end)]


class RegisterPage(ListPage):
    """One of the procurement registers; ``choose(name)`` switches between them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.name = REGISTERS[0]
        self.period: tuple[dt.date | None, dt.date | None] = fiscal_year_bounds(
            fiscal_year(clock.today())
        )
        super().__init__(
            ctx,
            _("ทะเบียนสัญญาและทะเบียนเหตุขัดข้อง"),
            self._columns(self.name),
            lambda: register_rows(self.name, *self.period),
            parent=parent,
        )
        bar = QHBoxLayout()
        self.register_combo = QComboBox(self)
        for name in REGISTERS:
            self.register_combo.addItem(_(get_register(name).title), name)
        self.register_combo.activated.connect(
            lambda _i: self.choose(self.register_combo.currentData())
        )
        self.year_combo = QComboBox(self)
        this_year = fiscal_year(clock.today())
        for year in range(this_year + 1, this_year - 6, -1):
            self.year_combo.addItem(_("ปีงบประมาณ {year}").format(year=year), year)
        self.year_combo.addItem(_("ทั้งหมด"), None)
        self.year_combo.setCurrentIndex(self.year_combo.findData(this_year))
        self.year_combo.activated.connect(lambda _i: self.set_year(self.year_combo.currentData()))
        bar.addWidget(QLabel(_("ทะเบียน"), self))
        bar.addWidget(self.register_combo)
        bar.addWidget(QLabel(_("ช่วงเวลา"), self))
        bar.addWidget(self.year_combo)
        bar.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, bar)
        self.print_button = self.add_button(_("พิมพ์…"), self.print_current)
        self.export_button = self.add_button(_("ส่งออก Excel…"), self.export_file)
        self.open_button = self.add_button(_("เปิดสัญญา…"), self.open_contract, needs_row=True)
        self.on_activate(self.open_contract)
        self.reload()

    @staticmethod
    def _columns(name: str) -> list[Column]:
        definition = get_register(name)
        return [
            Column(c.key, c.title, stretch=c.weight >= 2.0, sort_key=None)
            for c in definition.columns
        ]

    def choose(self, name: str) -> None:
        self.name = name
        self.model.beginResetModel()
        self.model.columns = self._columns(name)
        self.model.endResetModel()
        self.reload()

    def set_year(self, year: int | None) -> None:
        self.period = fiscal_year_bounds(year) if year else (None, None)
        self.reload()

    def print_current(self) -> None:
        print_register(self.ctx, self, self.name, *self.period)

    def export_file(self) -> None:
        title = _(get_register(self.name).title)
        target, _filter = QFileDialog.getSaveFileName(
            self, _("ส่งออก{title}").format(title=title), f"{title}.xlsx", "Excel (*.xlsx)"
        )
        if target:
            self.export_to(Path(target if target.lower().endswith(".xlsx") else target + ".xlsx"))

    def export_to(self, path: Path) -> None:
        user, name, (start, end) = self.ctx.user, self.name, self.period
        self.ctx.run_in_background(
            lambda: proc_registers.export_register(user, name, path, start=start, end=end),
            lambda count: messages.info(
                self, _("ส่งออก {n} รายการไว้ที่ {path}").format(n=number(count), path=path)
            ),
            owner=self,
            disable=[self.export_button],
        )

    def open_contract(self) -> QWidget | None:
        row = self.current_row()
        if row is None:
            return None
        contract_id = row.get("id") if self.name == "contracts" else row.get("contract_id")
        if not contract_id:
            return None
        from views.procurement.contract_page import ContractWindow

        window = ContractWindow(self.ctx, int(contract_id), self)
        window.open()
        return window
