"""The bar above a list: free-text search (debounced), a period (fiscal-year quick pick, or two B.E.
dates), and combo filters the caller declares. It emits one dict whenever anything changes.

Usage::

    bar = FilterBar(
        combos=[
            ComboFilter("status", N_("สถานะ"), [("open", N_("ยังไม่เสร็จ")), ("done", N_("เสร็จแล้ว"))]),
            ComboFilter("unit_id", N_("หน่วยงาน"), units_as_choices),  # [(id, name), ...]
        ],
        period=True,                    # show the period picker (default)
        search_placeholder=N_("ค้นหาเลขที่ เรื่อง หรือผู้ขอ"),
    )
    bar.filters_changed.connect(lambda f: table.set_filters(f))
    bar.filters()  # {"text": "", "date_from": None, "date_to": None, "status": None, "unit_id": None}

Keys: ``text`` (stripped; "" when empty), ``date_from`` / ``date_to`` (``datetime.date`` or None,
both inclusive), and one key per combo (the chosen value, or None for "ทั้งหมด"). Choices may be
replaced later with ``bar.set_choices(key, choices)`` (e.g. after loading units in the worker).
The period choices: ทุกช่วงเวลา, this fiscal year and the four before it (1 Oct - 30 Sep, named
by B.E. year), this month, and กำหนดเอง (two date inputs).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from models import clock
from models.i18n import _
from reports.thaifmt import be_year, fiscal_year, fiscal_year_bounds
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.combos import make_compact
from views.widgets.flow import FlowLayout, labelled

DEBOUNCE_MS = 300
SEARCH_CHARS = 30  # the search box's least width, in average characters
FISCAL_YEARS_BACK = 5


@dataclass(frozen=True)
class ComboFilter:
    key: str
    label: str  # N_-marked
    choices: Sequence[tuple[Any, str]] = field(default_factory=list)  # (value, N_-marked label)
    all_label: str = ""  # default "ทั้งหมด"


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


class FilterBar(QWidget):
    filters_changed = Signal(dict)

    PERIOD_ALL = "all"
    PERIOD_MONTH = "month"
    PERIOD_CUSTOM = "custom"

    def __init__(
        self,
        combos: Sequence[ComboFilter] = (),
        *,
        period: bool = True,
        search: bool = True,
        search_placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._emitting_blocked = False
        # The filters wrap onto a second line in a narrow list instead of widening the tab.
        layout = FlowLayout(self)

        self.search: QLineEdit | None = None
        if search:
            self.search = QLineEdit(self)
            self.search.setClearButtonEnabled(True)
            self.search.setPlaceholderText(
                _(search_placeholder) if search_placeholder else _("ค้นหา…")
            )
            self.search.setAccessibleName(_("ค้นหา"))
            self.search.setToolTip(self.search.placeholderText())
            width = self.search.fontMetrics().horizontalAdvance("x" * SEARCH_CHARS)
            self.search.setMinimumWidth(width)
            layout.addWidget(self.search)
            self._debounce = QTimer(self)
            self._debounce.setSingleShot(True)
            self._debounce.setInterval(DEBOUNCE_MS)
            self._debounce.timeout.connect(self._emit)
            self.search.textChanged.connect(lambda _t: self._debounce.start())
            self.search.returnPressed.connect(self._emit_now)

        self.combos: dict[str, QComboBox] = {}
        self._combo_defs: dict[str, ComboFilter] = {}
        for spec in combos:
            label = QLabel(_(spec.label), self)
            box = make_compact(QComboBox(self))
            box.setAccessibleName(_(spec.label))
            label.setBuddy(box)
            self.combos[spec.key] = box
            self._combo_defs[spec.key] = spec
            self._fill_combo(spec.key, spec.choices)
            box.currentIndexChanged.connect(lambda _i: self._emit())
            layout.addWidget(labelled(label, box, parent=self))

        self.period: QComboBox | None = None
        self.date_from: BEDateEdit | None = None
        self.date_to: BEDateEdit | None = None
        if period:
            label = QLabel(_("ช่วงเวลา"), self)
            self.period = QComboBox(self)
            self.period.setAccessibleName(_("ช่วงเวลา"))
            label.setBuddy(self.period)
            self.period.addItem(_("ทุกช่วงเวลา"), self.PERIOD_ALL)
            this_fy = fiscal_year(clock.today())
            for fy in range(this_fy, this_fy - FISCAL_YEARS_BACK, -1):
                self.period.addItem(_("ปีงบประมาณ {year}").format(year=fy), fy)
            self.period.addItem(_("เดือนนี้"), self.PERIOD_MONTH)
            self.period.addItem(_("กำหนดเอง…"), self.PERIOD_CUSTOM)
            start, end = fiscal_year_bounds(this_fy)
            self.date_from = BEDateEdit(start, parent=self)
            self.date_to = BEDateEdit(end, parent=self)
            self.date_from.setAccessibleName(_("ตั้งแต่วันที่"))
            self.date_to.setAccessibleName(_("ถึงวันที่"))
            self.to_label = QLabel(_("ถึง"), self)
            for widget in (self.date_from, self.to_label, self.date_to):
                widget.setVisible(False)
            self.period.currentIndexChanged.connect(self._period_changed)
            self.date_from.value_changed.connect(lambda _v: self._emit())
            self.date_to.value_changed.connect(lambda _v: self._emit())
            self.period_group = labelled(
                label, self.period, self.date_from, self.to_label, self.date_to, parent=self
            )
            layout.addWidget(self.period_group)

        self.reset_button = QToolButton(self)
        self.reset_button.setText(_("ล้างตัวกรอง"))
        self.reset_button.setToolTip(_("ล้างตัวกรองทั้งหมด (Ctrl+Shift+L)"))
        self.reset_button.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.reset_button.clicked.connect(self.reset)
        layout.addWidget(self.reset_button)

    # --- public ---------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.search.text().strip() if self.search else ""}
        out["date_from"], out["date_to"] = self.period_bounds()
        for key, box in self.combos.items():
            out[key] = box.currentData()
        return out

    def period_bounds(self) -> tuple[dt.date | None, dt.date | None]:
        if self.period is None:
            return None, None
        choice = self.period.currentData()
        if choice == self.PERIOD_ALL:
            return None, None
        if choice == self.PERIOD_MONTH:
            return month_bounds(clock.today())
        if choice == self.PERIOD_CUSTOM:
            assert self.date_from is not None and self.date_to is not None
            start, end = self.date_from.value(), self.date_to.value()
            if start and end and start > end:
                start, end = end, start  # a reversed range is meant the other way round
            return start, end
        return fiscal_year_bounds(int(choice))

    def set_fiscal_year(self, fy_be: int) -> None:
        """Pick a fiscal year (B.E.) as the period."""
        if self.period is None:
            return
        index = self.period.findData(fy_be)
        if index < 0:
            self.period.insertItem(
                self.period.count() - 2, _("ปีงบประมาณ {year}").format(year=fy_be), fy_be
            )
            index = self.period.findData(fy_be)
        self.period.setCurrentIndex(index)

    def set_custom_period(self, start: dt.date, end: dt.date) -> None:
        if self.period is None or self.date_from is None or self.date_to is None:
            return
        self._emitting_blocked = True
        self.date_from.set_value(start)
        self.date_to.set_value(end)
        self._emitting_blocked = False
        self.period.setCurrentIndex(self.period.findData(self.PERIOD_CUSTOM))
        self._emit()

    def set_choices(self, key: str, choices: Sequence[tuple[Any, str]]) -> None:
        """Replace a combo's choices, keeping the current value when it is still offered."""
        box = self.combos[key]
        current = box.currentData()
        box.blockSignals(True)
        self._fill_combo(key, choices)
        index = box.findData(current)
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)
        if index < 0 and current is not None:
            self._emit()

    def set_value(self, key: str, value: Any) -> None:
        box = self.combos[key]
        index = box.findData(value)
        box.setCurrentIndex(max(index, 0))

    def reset(self) -> None:
        self._emitting_blocked = True
        if self.search:
            self.search.clear()
        for box in self.combos.values():
            box.setCurrentIndex(0)
        if self.period is not None:
            self.period.setCurrentIndex(0)
        self._emitting_blocked = False
        self._emit_now()

    def describe(self) -> str:
        """The period in words, for a print-out heading (e.g. "ปีงบประมาณ 2569")."""
        if self.period is None:
            return ""
        choice = self.period.currentData()
        if choice == self.PERIOD_CUSTOM:
            start, end = self.period_bounds()
            from reports.thaifmt import date_long

            if start and end:
                return _("ตั้งแต่ {start} ถึง {end}").format(
                    start=date_long(start, thai=False), end=date_long(end, thai=False)
                )
        if choice == self.PERIOD_MONTH:
            from reports.thaifmt import MONTHS

            today = clock.today()
            return f"{MONTHS[today.month - 1]} {be_year(today)}"
        return self.period.currentText()

    # --- internals ------------------------------------------------------------------------

    def _fill_combo(self, key: str, choices: Sequence[tuple[Any, str]]) -> None:
        box = self.combos[key]
        spec = self._combo_defs[key]
        box.clear()
        box.addItem(_(spec.all_label) if spec.all_label else _("ทั้งหมด"), None)
        for value, label in choices:
            box.addItem(_(label), value)

    def _period_changed(self, _index: int) -> None:
        custom = self.period is not None and self.period.currentData() == self.PERIOD_CUSTOM
        for widget in (self.date_from, self.to_label, self.date_to):
            if widget is not None:
                widget.setVisible(custom)
        self._emit()

    def _emit_now(self) -> None:
        if self.search:
            self._debounce.stop()
        self._emit()

    def _emit(self) -> None:
        if not self._emitting_blocked:
            self.filters_changed.emit(self.filters())
