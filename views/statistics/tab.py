"""The statistics tab: a fiscal year's figures, three charts, and the cases behind a clicked bar.

All figures come from ``models.statistics.service`` in the worker (the domain decides whose work
the user may see: a staff member's page is their own work whatever is chosen here); the window
only shows them. Printing and the workbook are ``models.statistics.report``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.i18n import N_, _
from models.permissions import Role, role_of
from models.statistics import charts as stat_charts
from models.statistics import figures as fig
from models.statistics import service
from models.statistics.service import CaseLine, DimensionTable, Pick, StatisticsPage
from reports.thaifmt import date_short, fiscal_year, fiscal_year_bounds, number
from views.process_tabs import view_for_process
from views.registry import OpenRequest, load_views
from views.statistics.charts import BarChartView
from views.widgets import messages
from views.widgets.printing import show_pdf

if TYPE_CHECKING:
    from desktop.context import AppContext

FIGURE_HEADERS = (
    N_("รับ"),
    N_("ยกเลิก"),
    N_("แล้วเสร็จ"),
    N_("ภายในกำหนด"),
    N_("เกินกำหนด"),
    N_("ร้อยละภายในกำหนด"),
    N_("มัธยฐาน (วันทำการ)"),
    N_("P90 (วันทำการ)"),
    N_("ส่งกลับแก้ไข"),
    N_("วันที่หยุดนับเวลา"),
)


def figure_cells(row: fig.Figures) -> list[str]:
    def n(value: int | None) -> str:
        return "-" if value is None else number(value)

    rate = row.on_time_rate
    return [
        n(row.received),
        n(row.withdrawn),
        n(row.completed),
        n(row.on_time),
        n(row.late),
        "-" if rate is None else number(rate, decimals=2),
        n(row.median_days),
        n(row.p90_days),
        n(row.sent_back),
        n(row.paused_days),
    ]


@dataclass(frozen=True)
class Loaded:
    page: StatisticsPage
    people: list[tuple[int, str]]  # whom a head may choose (empty for staff)


def load(user: Any, year: int, assignee_id: int | None) -> Loaded:
    """Worker side: the page and the people to choose from."""
    page = service.statistics_page(user, year, assignee_id=assignee_id, with_dimensions=False)
    people: list[tuple[int, str]] = []
    if role_of(user) != Role.STAFF:
        from models.users import active_users

        people = [(int(u.id), str(u.full_name)) for u in active_users()]
    return Loaded(page, people)


class StatisticsTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.page: StatisticsPage | None = None
        self.lines: list[CaseLine] = []
        self.picked = ""
        self.setObjectName("statistics_tab")

        self.year = QSpinBox()
        self.year.setRange(service.FIRST_FISCAL_YEAR, service.LAST_FISCAL_YEAR)
        self.year.setValue(fiscal_year(clock.today()))
        self.year.setPrefix(_("ปีงบประมาณ "))
        self.person = QComboBox()
        self.person.addItem(_("ทั้งสำนักงาน"), None)
        self.process = QComboBox()
        self.process.addItem(_("ทุกกระบวนงาน"), None)
        self.refresh_button = QPushButton(_("แสดงสถิติ"))
        self.print_button = QPushButton(_("พิมพ์รายงาน…"))
        self.excel_button = QPushButton(_("ส่งออก Excel…"))
        self.status = QLabel()
        bar = QHBoxLayout()
        for widget in (
            self.year,
            QLabel(_("ของ")),
            self.person,
            QLabel(_("แนวโน้มของ")),
            self.process,
        ):
            bar.addWidget(widget)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.excel_button)

        self.trend = BarChartView()
        self.on_time = BarChartView()
        self.backlog = BarChartView()
        self.trend.bar_clicked.connect(self._trend_clicked)
        self.on_time.bar_clicked.connect(self._on_time_clicked)
        self.backlog.bar_clicked.connect(self._backlog_clicked)
        charts = QWidget()
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.trend, 0, 0, 1, 2)
        grid.addWidget(self.on_time, 1, 0)
        grid.addWidget(self.backlog, 1, 1)

        self.tables = QTabWidget()
        self.cases_label = QLabel(_("คลิกแท่งในแผนภูมิเพื่อดูรายการเรื่อง"))
        self.cases = QTableWidget(0, 6)
        self.cases.setObjectName("statistics_cases")
        self.cases.setHorizontalHeaderLabels(
            [_("เลขที่"), _("กระบวนงาน"), _("เรื่อง"), _("วันที่รับ"), _("วันที่เสร็จ"), _("สถานะ")]
        )
        self.cases.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cases.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cases.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.cases.doubleClicked.connect(lambda index: self.open_case(index.row()))
        cases = QWidget()
        cases_layout = QVBoxLayout(cases)
        cases_layout.setContentsMargins(0, 0, 0, 0)
        cases_layout.addWidget(self.cases_label)
        cases_layout.addWidget(self.cases)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.tables)
        lower.addWidget(cases)
        # the charts keep the height their labels need and scroll on a 768-pixel screen
        charts_area = QScrollArea()
        charts_area.setWidgetResizable(True)
        charts_area.setFrameShape(QFrame.Shape.NoFrame)
        charts_area.setWidget(charts)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(charts_area)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

        self.refresh_button.clicked.connect(self.reload)
        self.process.currentIndexChanged.connect(lambda _i: self._show_trend())
        self.print_button.clicked.connect(self.print_report)
        self.excel_button.clicked.connect(self.export_workbook)
        self.reload()

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        user, year, person = self.ctx.user, self.year.value(), self.person.currentData()
        self.status.setText(_("กำลังคำนวณสถิติ…"))
        self.ctx.run_in_background(
            lambda: load(user, year, person),
            self._loaded,
            owner=self,
            disable=[self.refresh_button, self.print_button, self.excel_button],
        )

    def _loaded(self, loaded: Loaded) -> None:
        page = self.page = loaded.page
        self._fill_people(loaded.people, page.assignee_id)
        self._fill_processes(page)
        self.status.setText(
            _("ปีงบประมาณ {year} ({start} - {end}) ของ{scope} ข้อมูล ณ วันที่ {day}").format(
                year=page.fiscal_year,
                start=date_short(page.start),
                end=date_short(page.end),
                scope=page.scope_label,
                day=date_short(page.as_of),
            )
        )
        self._show_trend()
        self.on_time.show_chart(stat_charts.on_time_chart(page))
        self._show_backlog()
        self._fill_tables(page)
        user, year, scope = self.ctx.user, page.fiscal_year, page.assignee_id
        self.ctx.run_in_background(
            lambda: service.breakdowns(user, year, assignee_id=scope),
            self._show_breakdowns,
            owner=self,
        )

    def _show_breakdowns(self, tables: list[DimensionTable]) -> None:
        """The breakdowns by unit, problem type... arrive after the page: added as tabs."""
        page = self.page
        if page is None:
            return
        for table in tables:
            self._add_table(
                f"{page.process_label(table.process)}: {table.title}",
                table.title,
                [(r.label or _("ไม่ระบุ"), r) for r in table.rows],
            )

    def _fill_people(self, people: list[tuple[int, str]], chosen: int | None) -> None:
        self.person.blockSignals(True)
        self.person.clear()
        if people:
            self.person.addItem(_("ทั้งสำนักงาน"), None)
            for user_id, name in people:
                self.person.addItem(name, user_id)
        elif self.page is not None:
            self.person.addItem(self.page.scope_label, chosen)  # a staff member: their own work
        index = self.person.findData(chosen)
        self.person.setCurrentIndex(max(index, 0))
        self.person.setEnabled(bool(people))
        self.person.blockSignals(False)

    def _fill_processes(self, page: StatisticsPage) -> None:
        chosen = self.process.currentData()
        self.process.blockSignals(True)
        self.process.clear()
        self.process.addItem(_("ทุกกระบวนงาน"), None)
        for info in page.processes:
            self.process.addItem(info.label, info.key)
        self.process.setCurrentIndex(max(self.process.findData(chosen), 0))
        self.process.blockSignals(False)

    def _show_trend(self) -> None:
        if self.page is not None:
            self.trend.show_chart(stat_charts.trend_chart(self.page, self.process.currentData()))
            self._show_backlog()

    def _show_backlog(self) -> None:
        if self.page is not None:
            self.backlog.show_chart(
                stat_charts.backlog_chart(self.page, self.process.currentData())
            )

    def _fill_tables(self, page: StatisticsPage) -> None:
        self.tables.clear()
        totals = [(p.label, page.total(p.key)) for p in page.processes]
        self._add_table(_("สรุปตามกระบวนงาน"), _("กระบวนงาน"), totals)
        labels = dict(
            zip(
                service.month_keys(page.fiscal_year),
                service.month_labels(page.fiscal_year),
                strict=True,
            )
        )
        self._add_table(
            _("รายเดือน"),
            _("กระบวนงาน / เดือน"),
            [(f"{page.process_label(m.process)} {labels.get(m.key, '')}", m) for m in page.months],
        )
        self._add_table(
            _("รายไตรมาส"),
            _("กระบวนงาน / ไตรมาส"),
            [
                (f"{page.process_label(q.process)} {service.quarter_label(int(q.key))}", q)
                for q in page.quarters
            ],
        )
        self._add_table(
            _("รายบุคคล"),
            _("กระบวนงาน / ผู้รับผิดชอบ"),
            [(f"{page.process_label(s.process)}: {s.label or _('ไม่ระบุ')}", s) for s in page.staff],
        )
        if page.tallies:
            widget = QTableWidget(0, 3)
            widget.setHorizontalHeaderLabels([_("งาน"), _("รายการ"), _("จำนวน")])
            for tally in page.tallies:
                for label, value, unit, decimals in tally.figures:
                    row = widget.rowCount()
                    widget.insertRow(row)
                    text = number(value, decimals=decimals) + (f" {unit}" if unit else "")
                    for column, cell in enumerate((tally.title, label, text)):
                        widget.setItem(row, column, QTableWidgetItem(cell))
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            widget.resizeColumnsToContents()
            self.tables.addTab(widget, _("งานอื่น ๆ"))

    def _add_table(self, title: str, first: str, rows: list[tuple[str, fig.Figures]]) -> None:
        widget = QTableWidget(len(rows), 1 + len(FIGURE_HEADERS))
        widget.setHorizontalHeaderLabels([first, *(_(h) for h in FIGURE_HEADERS)])
        for index, (label, row) in enumerate(rows):
            widget.setItem(index, 0, QTableWidgetItem(label))
            for column, text in enumerate(figure_cells(row), start=1):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                widget.setItem(index, column, item)
        widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        widget.resizeColumnsToContents()
        self.tables.addTab(widget, title)

    # --- the cases behind a bar ------------------------------------------------------------

    def _trend_clicked(self, series: int, category: int) -> None:
        page = self.page
        if page is None:
            return
        year = page.fiscal_year - series  # series 0: this year; 1: the year before
        start, end = fiscal_year_bounds(year)
        key = service.month_keys(year)[category]
        self.list_cases(
            Pick(
                service.RECEIVED,
                start,
                end,
                page.as_of,
                self.process.currentData(),
                fig.MONTH,
                key,
                page.assignee_id,
            ),
            _("เรื่องที่รับเดือน {month} ปีงบประมาณ {year}").format(
                month=service.month_labels(year)[category], year=year
            ),
        )

    def _on_time_clicked(self, _series: int, category: int) -> None:
        page = self.page
        if page is None or category >= len(page.processes):
            return
        info = page.processes[category]
        self.list_cases(
            Pick(
                service.COMPLETED,
                page.start,
                page.end,
                page.as_of,
                info.key,
                fig.TOTAL,
                "",
                page.assignee_id,
            ),
            _("เรื่องที่แล้วเสร็จ: {process}").format(process=info.label),
        )

    def _backlog_clicked(self, _series: int, category: int) -> None:
        page = self.page
        if page is None:
            return
        bucket = fig.AGE_BUCKETS[category]
        self.list_cases(
            Pick(
                service.BACKLOG,
                page.start,
                page.end,
                page.as_of,
                self.process.currentData(),
                fig.TOTAL,
                bucket[0],
                page.assignee_id,
            ),
            _("เรื่องค้างดำเนินการ {age}").format(age=_(bucket[2])),
        )

    def list_cases(self, pick: Pick, title: str) -> None:
        user = self.ctx.user
        self.picked = title
        self.cases_label.setText(_("{title}: กำลังค้นหา…").format(title=title))
        self.ctx.run_in_background(
            lambda: service.case_lines(user, pick), self._show_cases, owner=self
        )

    def _show_cases(self, lines: list[CaseLine]) -> None:
        self.lines = lines
        page = self.page
        self.cases_label.setText(
            _("{title}: {n} เรื่อง").format(title=self.picked, n=number(len(lines)))
        )
        self.cases.setRowCount(len(lines))
        for row, line in enumerate(lines):
            cells = (
                line.number,
                page.process_label(line.process) if page else line.process,
                line.title,
                date_short(line.received_on),
                date_short(line.closed_on) if line.closed_on else "-",
                line.state,
            )
            for column, text in enumerate(cells):
                self.cases.setItem(row, column, QTableWidgetItem(text))

    def open_case(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            load_views()  # the process tabs say which tab shows their cases
            line = self.lines[row]
            self.ctx.open(OpenRequest(view_for_process(line.process), "case", line.id))

    # --- print and export ------------------------------------------------------------------

    def print_report(self) -> None:
        from models.statistics.report import render_management_report

        user, year, person = self.ctx.user, self.year.value(), self.person.currentData()
        self.ctx.run_in_background(
            lambda: render_management_report(user, year, assignee_id=person),
            lambda result: show_pdf(self, result, _("รายงานสถิติ")),
            owner=self,
            disable=[self.print_button],
        )

    def export_workbook(self) -> None:
        year = self.year.value()
        target, _filter = QFileDialog.getSaveFileName(
            self,
            _("ส่งออกสถิติเป็น Excel"),
            _("สถิติ_ปีงบประมาณ{year}.xlsx").format(year=year),
            "Excel (*.xlsx)",
        )
        if target:
            self.export_to(Path(target if target.lower().endswith(".xlsx") else target + ".xlsx"))

    def export_to(self, path: Path) -> None:
        from models.statistics.report import render_workbook

        user, year, person = self.ctx.user, self.year.value(), self.person.currentData()

        def work() -> Path:
            data, _name = render_workbook(user, year, assignee_id=person)
            path.write_bytes(data)
            return path

        self.ctx.run_in_background(
            work,
            lambda saved: messages.info(self, _("บันทึกสถิติไว้ที่ {path}").format(path=saved)),
            owner=self,
            disable=[self.excel_button],
        )
