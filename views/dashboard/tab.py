"""The dashboard widget: a greeting, then one box per provider with its counts and work items."""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.errors import DomainError, EnvironmentProblem
from models.i18n import N_, _, current_language
from models.permissions import ROLE_LABELS, Role
from reports.thaifmt import be_year, date_long, date_short, number
from views.registry import DashboardSection, OpenRequest, WorkItem, dashboard_providers_for
from views.widgets.be_date_edit import month_names
from views.widgets.commands import CommandSet, mnemonic, with_shortcut

if TYPE_CHECKING:
    from desktop.context import AppContext
    from models.users import User

log = logging.getLogger(__name__)
REFRESH_AFTER_S = 60
WEEKDAYS = (N_("จันทร์"), N_("อังคาร"), N_("พุธ"), N_("พฤหัสบดี"), N_("ศุกร์"), N_("เสาร์"), N_("อาทิตย์"))


@dataclass(frozen=True)
class ProviderResult:
    key: str
    section: DashboardSection | None
    error: str = ""
    title: str = ""


def collect(user: User) -> list[ProviderResult]:
    """Worker side: every provider visible to the user; one failing provider spoils only its box."""
    out: list[ProviderResult] = []
    for spec in dashboard_providers_for(user):
        try:
            out.append(ProviderResult(spec.key, spec.fetch(user)))
        except (DomainError, EnvironmentProblem) as exc:
            out.append(ProviderResult(spec.key, None, exc.message, spec.title))
        except Exception:
            log.exception("dashboard provider %s failed", spec.key)
            out.append(
                ProviderResult(
                    spec.key,
                    None,
                    _("โหลดข้อมูลส่วนนี้ไม่ได้ (รายละเอียดอยู่ในบันทึกการทำงาน)"),
                    spec.title,
                )
            )
    return out


def long_date(day: dt.date) -> str:
    """``23 พฤศจิกายน 2569``; in English ``23 November 2569`` (the year stays Buddhist Era)."""
    if current_language() == "th":
        return date_long(day, thai=False)
    return f"{day.day} {month_names()[day.month - 1]} {be_year(day)}"


class CountButton(QPushButton):
    """A figure; a button when it leads somewhere, plain (not greyed out) when it does not."""

    def __init__(
        self, label: str, value: int, clickable: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"{number(value)}\n{label}", parent)
        self.value = value
        self.setMinimumHeight(64)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if clickable else Qt.FocusPolicy.NoFocus)
        hover = "QPushButton:hover { background: palette(midlight); }" if clickable else ""
        self.setStyleSheet(
            "QPushButton { text-align: center; padding: 6px 14px; color: palette(text);"
            " border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }"
            + hover
        )
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)


class SectionBox(QGroupBox):
    COLUMNS = 3

    def __init__(self, result: ProviderResult, ctx: AppContext) -> None:
        section = result.section
        if section is not None:
            title = _(section.title)
        else:
            title = _(result.title) if result.title else _("ข้อมูลส่วนนี้")
        super().__init__(title)
        self.key = result.key
        self.ctx = ctx
        self.count_buttons: list[CountButton] = []
        self.items: list[WorkItem] = list(section.items) if section else []
        layout = QVBoxLayout(self)
        if section is None:
            error = QLabel(result.error)
            error.setWordWrap(True)
            error.setStyleSheet("color: #b71c1c;")
            layout.addWidget(error)
            return
        if section.counts:
            counts = QHBoxLayout()
            for count in section.counts:
                button = CountButton(_(count.label), count.value, count.open is not None, self)
                if count.open is not None:
                    target = count.open
                    button.clicked.connect(lambda _c=False, t=target: self.ctx.open(t))
                counts.addWidget(button)
                self.count_buttons.append(button)
            counts.addStretch(1)
            layout.addLayout(counts)
        if self.items:
            self.table = QTableWidget(len(self.items), self.COLUMNS, self)
            self.table.setHorizontalHeaderLabels([_("เรื่อง"), _("กำหนดเสร็จ"), _("สถานะ")])
            self.table.verticalHeader().setVisible(False)
            self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
            late = QBrush(QColor("#c62828"))
            for row, item in enumerate(self.items):
                title = item.title + (f"\n{item.detail}" if item.detail else "")
                cells = [title, date_short(item.due) if item.due else "-", _(item.state)]
                for column, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    if item.overdue:
                        cell.setForeground(late)
                        if column == 1:
                            cell.setToolTip(_("เกินกำหนดแล้ว"))
                    self.table.setItem(row, column, cell)
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
            # Row heights from the number of lines, not from a word-wrapped measure taken before
            # the columns have their widths (which made rows hundreds of pixels tall).
            self.table.setWordWrap(False)
            line = self.table.fontMetrics().lineSpacing()
            for row, item in enumerate(self.items):
                self.table.setRowHeight(row, line * (2 if item.detail else 1) + 10)
            visible_rows = min(len(self.items), 8)
            self.table.setMinimumHeight(
                header.sizeHint().height()
                + sum(self.table.rowHeight(r) for r in range(visible_rows))
                + 2 * self.table.frameWidth()
            )
            self.table.cellActivated.connect(self.open_item)  # double-click and Enter
            layout.addWidget(self.table)
        elif section.empty_text or not section.counts:
            empty = QLabel(_(section.empty_text) if section.empty_text else _("ไม่มีงานค้าง"))
            empty.setStyleSheet("color: palette(mid);")
            layout.addWidget(empty)

    def open_item(self, row: int, _column: int = 0) -> None:
        target: OpenRequest | None = self.items[row].open if 0 <= row < len(self.items) else None
        if target is not None:
            self.ctx.open(target)


def refresh_minutes() -> int:
    """Worker side: the office's setting (declared by ``models.reminders``)."""
    from models import (
        reminders,  # noqa: F401  # declares the setting
        settings,
    )

    return int(settings.get("reminders.refresh_minutes"))


class DashboardTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded_at = 0.0
        self.loading = False
        self.results: list[ProviderResult] = []
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.greeting = QLabel()
        font = self.greeting.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.greeting.setFont(font)
        self.subtitle = QLabel()
        heading = QVBoxLayout()
        heading.addWidget(self.greeting)
        heading.addWidget(self.subtitle)
        top.addLayout(heading, 1)
        self.refresh_button = mnemonic(QPushButton(_("รีเฟรช")), "R")
        self.refresh_button.setToolTip(with_shortcut(_("โหลดข้อมูลใหม่"), "refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button, alignment=Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.status = QLabel()
        outer.addWidget(self.status)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)
        self.commands = CommandSet(self, ("refresh",), lambda _key: self.refresh())
        ctx.user_changed.connect(self._greet)
        self._greet()
        # refreshes by itself every reminders.refresh_minutes (0: only by hand)
        self.auto_refresh = QTimer(self)
        self.auto_refresh.timeout.connect(self.refresh)
        self.ctx.run_in_background(refresh_minutes, self.set_refresh_minutes, owner=self)
        self.refresh()

    def set_refresh_minutes(self, minutes: int) -> None:
        self.auto_refresh.stop()
        if minutes > 0:
            self.auto_refresh.start(int(minutes) * 60_000)

    def _greet(self) -> None:
        user = self.ctx.user
        self.greeting.setText(_("สวัสดี {name}").format(name=user.full_name))
        try:
            role = _(ROLE_LABELS[Role(user.role)])
        except ValueError:
            role = user.role
        today = clock.today()
        self.subtitle.setText(
            _("{role} · วัน{weekday}ที่ {date}").format(
                role=role, weekday=_(WEEKDAYS[today.weekday()]), date=long_date(today)
            )
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.loaded_at and time.monotonic() - self.loaded_at > REFRESH_AFTER_S:
            self.refresh()

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        self.status.setText(_("กำลังโหลด…"))
        user = self.ctx.user
        self.ctx.run_in_background(
            lambda: collect(user), self.show_results, self._failed, owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.status.setText("")
        self.ctx.show_error(exc, self)

    def show_results(self, results: list[ProviderResult]) -> None:
        self.loading = False
        self.loaded_at = time.monotonic()
        self.results = results
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        with_work = [r for r in results if r.section is None or r.section.items]
        others = [r for r in results if r not in with_work]
        row = 0
        if not any(r.section and r.section.items for r in results):
            empty = QLabel(_("ยังไม่มีงานที่รอท่านดำเนินการ เมื่อมีเรื่องที่มอบหมายให้ท่านหรือรอท่านพิจารณา จะแสดงที่นี่"))
            empty.setWordWrap(True)
            empty.setObjectName("dashboard_empty")
            empty.setStyleSheet("padding: 12px;")
            self.grid.addWidget(empty, row, 0, 1, 2)
            row += 1
        for result in with_work:
            self.grid.addWidget(SectionBox(result, self.ctx), row, 0, 1, 2)
            row += 1
        for index, result in enumerate(others):
            self.grid.addWidget(SectionBox(result, self.ctx), row + index // 2, index % 2)
        self.grid.setRowStretch(row + (len(others) + 1) // 2, 1)
        self.status.setText(_("ข้อมูล ณ {time} น.").format(time=clock.now().strftime("%H:%M")))

    def section_boxes(self) -> list[SectionBox]:
        return self.body.findChildren(SectionBox)

    def open_request(self, request: OpenRequest) -> None:
        self.refresh()
