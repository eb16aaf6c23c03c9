"""Process 5's own records beside the case view, one page each: requirement meetings (step 4),
development rounds (7), trainings with their sign-in sheets (8 and 16), the median price's cost
items (9), vendors' presentations (11) and the milestones, planned against what happened, drawn as
a strip. Data is read in the worker as plain rows; every change goes through
``models.development.records``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.development import documents, records
from models.i18n import _
from reports.thaifmt import date_short, number
from views.development.dialogs import (
    AttendanceDialog,
    CostItemDialog,
    MeetingDialog,
    MilestoneDialog,
    MilestoneDoneDialog,
    PresentationDialog,
    RoundDialog,
    TrainingDialog,
)
from views.widgets.dialogs import SubmitDialog
from views.widgets.printing import show_pdf
from views.widgets.tables import setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext


@dataclass
class ProjectRecords:
    """One project's records as plain rows (read in the worker)."""

    case_id: int
    started_on: dt.date | None
    is_open: bool
    meetings: list[dict[str, Any]] = field(default_factory=list)
    rounds: list[dict[str, Any]] = field(default_factory=list)
    trainings: list[dict[str, Any]] = field(default_factory=list)
    cost_items: list[dict[str, Any]] = field(default_factory=list)
    median_price: Decimal = Decimal(0)
    presentations: list[dict[str, Any]] = field(default_factory=list)
    milestones: list[dict[str, Any]] = field(default_factory=list)


def load_records(case_id: int) -> ProjectRecords:
    from models.engine import get_case

    case = get_case(case_id)
    today = clock.today()
    return ProjectRecords(
        case_id=case_id,
        started_on=case.received_on,
        is_open=case.status == "open",
        meetings=[
            {"met_on": m.met_on, "group": m.user_group, "attendees": m.attendees, "notes": m.notes}
            for m in records.meetings(case_id)
        ],
        rounds=[
            {
                "seq": r.seq,
                "started_on": r.started_on,
                "finished_on": r.finished_on,
                "tested": r.tested,
                "feedback": r.feedback,
                "fixes": r.fixes,
            }
            for r in records.rounds(case_id)
        ],
        trainings=[
            {
                "id": t.id,
                "version": t.version,
                "held_on": t.held_on,
                "place": t.place,
                "group": t.user_group,
                "invited": t.invited,
                "attended": t.attended,
                "evidence": records.has_sign_in(t),
            }
            for t in records.trainings(case_id)
        ],
        cost_items=[
            {
                "kind": _(records.COST_KIND_LABELS.get(i.kind, i.kind)),
                "description": i.description,
                "quantity": i.quantity,
                "months": Decimal(i.months) if i.kind == records.CostKind.PERSONNEL else None,
                "rate": Decimal(i.rate),
                "amount": i.amount,
            }
            for i in records.cost_items(case_id)
        ],
        median_price=records.median_price(case_id),
        presentations=[
            {
                "vendor": str(p.vendor.name),
                "presented_on": p.presented_on,
                "total": p.total,
                "price": p.offered_price,
            }
            for p in records.presentations(case_id)
        ],
        milestones=[
            {
                "id": m.id,
                "version": m.version,
                "title": m.title,
                "planned_on": m.planned_on,
                "done_on": m.done_on,
                "late": m.is_late(today),
            }
            for m in records.milestones(case_id)
        ],
    )


def _day(value: dt.date | None) -> str:
    return date_short(value) if value else "-"


def _table(parent: QWidget, titles: list[str], stretch: int) -> QTableWidget:
    table = setup_table_widget(QTableWidget(0, len(titles), parent), stretch=stretch)
    table.setHorizontalHeaderLabels(titles)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))


class MilestoneStrip(QWidget):
    """The plan against what happened: each milestone a mark on a time line, the planned day as an
    open circle, the day it was done as a filled one (red when late), today as a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.start: dt.date | None = None
        self.setMinimumHeight(84)

    def set_rows(self, rows: list[dict[str, Any]], start: dt.date | None) -> None:
        self.rows = rows
        self.start = start
        self.setToolTip(
            "\n".join(
                _("{title}: กำหนด {planned} แล้วเสร็จ {done}").format(
                    title=r["title"], planned=_day(r["planned_on"]), done=_day(r["done_on"])
                )
                for r in rows
            )
        )
        self.update()

    def span(self) -> tuple[dt.date, dt.date] | None:
        days = [r["planned_on"] for r in self.rows] + [
            r["done_on"] for r in self.rows if r["done_on"]
        ]
        if not days:
            return None
        first = min([*days, *([self.start] if self.start else [])])
        last = max([*days, clock.today()])
        if last <= first:
            last = first + dt.timedelta(days=1)
        return first, last

    def x_of(self, day: dt.date) -> float:
        span = self.span()
        assert span is not None
        first, last = span
        margin = 16.0
        width = max(1.0, self.width() - 2 * margin)
        return margin + width * (day - first).days / (last - first).days

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.span() is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("ยังไม่มีหมุดหมาย"))
            return
        mid = self.height() / 2
        painter.setPen(QPen(self.palette().mid().color(), 2))
        painter.drawLine(16, int(mid), self.width() - 16, int(mid))
        today_x = self.x_of(clock.today())
        painter.setPen(QPen(QColor("#1565c0"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(int(today_x), 4, int(today_x), self.height() - 4)
        for n, row in enumerate(self.rows):
            y = mid + (-18 if n % 2 else 18)
            planned = self.x_of(row["planned_on"])
            painter.setPen(QPen(self.palette().text().color(), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(planned - 5, mid - 5, 10, 10))
            if row["done_on"]:
                done = self.x_of(row["done_on"])
                late = row["done_on"] > row["planned_on"]
                painter.setBrush(QColor("#c62828") if late else QColor("#2e7d32"))
                painter.drawEllipse(QRectF(done - 4, mid - 4, 8, 8))
            elif row["late"]:
                painter.setPen(QPen(QColor("#c62828"), 2))
                painter.drawLine(int(planned) - 4, int(mid) - 4, int(planned) + 4, int(mid) + 4)
                painter.drawLine(int(planned) - 4, int(mid) + 4, int(planned) + 4, int(mid) - 4)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(planned - 60, y - 8, 120, 16),
                Qt.AlignmentFlag.AlignCenter,
                row["title"][:20],
            )
        painter.end()


class DevRecordsPanel(QTabWidget):
    """``changed`` after any record was saved (the case view re-reads its moves and guards)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: ProjectRecords | None = None
        self.meetings = _table(self, [_("วันที่"), _("กลุ่มผู้ใช้"), _("ผู้เข้าประชุม"), _("บันทึก")], 3)
        self.rounds = _table(
            self,
            [_("รอบ"), _("เริ่ม"), _("เสร็จ"), _("ผลการทดสอบ"), _("ความเห็นผู้ใช้"), _("การปรับแก้")],
            3,
        )
        self.trainings = _table(
            self,
            [_("วันที่"), _("กลุ่มผู้ใช้"), _("สถานที่"), _("ผู้ได้รับเชิญ"), _("ผู้เข้าอบรม"), _("ใบลงชื่อ")],
            1,
        )
        self.costs = _table(
            self, [_("ประเภท"), _("รายการ"), _("จำนวน"), _("เดือน"), _("อัตรา"), _("จำนวนเงิน")], 1
        )
        self.presentations = _table(
            self, [_("ผู้ประกอบการ"), _("วันที่นำเสนอ"), _("คะแนนรวม"), _("ราคาที่เสนอ")], 0
        )
        self.milestones = _table(self, [_("หมุดหมาย"), _("กำหนด"), _("แล้วเสร็จ"), _("สถานะ")], 0)
        self.strip = MilestoneStrip(self)
        self.median_label = QLabel(self)
        self.buttons: list[QPushButton] = []
        self._page(_("ความต้องการ"), self.meetings, [(_("บันทึกการประชุม…"), self.add_meeting)])
        self._page(_("รอบพัฒนา"), self.rounds, [(_("บันทึกรอบพัฒนา…"), self.add_round)])
        self._page(
            _("การอบรม"),
            self.trainings,
            [
                (_("บันทึกการอบรม…"), self.add_training),
                (_("พิมพ์ใบลงชื่อ"), self.print_sign_in),
                (_("แนบใบลงชื่อที่ลงนามแล้ว…"), self.attach_sign_in),
                (_("บันทึกจำนวนผู้เข้าอบรม…"), self.record_attendance),
            ],
        )
        self._page(
            _("ราคากลาง"), self.costs, [(_("เพิ่มรายการ…"), self.add_cost_item)], self.median_label
        )
        self._page(
            _("การนำเสนอ"), self.presentations, [(_("บันทึกผลการนำเสนอ…"), self.add_presentation)]
        )
        self._page(
            _("หมุดหมาย"),
            self.milestones,
            [(_("เพิ่มหมุดหมาย…"), self.add_milestone), (_("บันทึกแล้วเสร็จ…"), self.complete_milestone)],
            self.strip,
        )
        self.show_case(None)

    def _page(
        self,
        title: str,
        table: QTableWidget,
        actions: list[tuple[str, Any]],
        extra: QWidget | None = None,
    ) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        if extra is not None:
            layout.addWidget(extra)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for text, slot in actions:
            button = QPushButton(text, page)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            self.buttons.append(button)
        layout.addLayout(row)
        self.addTab(page, title)

    # --- loading ------------------------------------------------------------------------------

    def show_case(self, case_id: int | None) -> None:
        if case_id is None:
            self.data = None
            self._show()
            return
        self.ctx.run_in_background(lambda: load_records(case_id), self._loaded, owner=self)

    def reload(self) -> None:
        if self.data is not None:
            self.show_case(self.data.case_id)

    def _loaded(self, data: ProjectRecords) -> None:
        self.data = data
        self._show()

    def _show(self) -> None:
        d = self.data
        _fill(
            self.meetings,
            [
                [_day(m["met_on"]), m["group"], m["attendees"], m["notes"]]
                for m in (d.meetings if d else [])
            ],
        )
        _fill(
            self.rounds,
            [
                [
                    str(r["seq"]),
                    _day(r["started_on"]),
                    _day(r["finished_on"]),
                    r["tested"],
                    r["feedback"],
                    r["fixes"],
                ]
                for r in (d.rounds if d else [])
            ],
        )
        _fill(
            self.trainings,
            [
                [
                    _day(t["held_on"]),
                    t["group"],
                    t["place"],
                    str(t["invited"]),
                    str(t["attended"]),
                    _("แนบแล้ว") if t["evidence"] else _("ยังไม่แนบ"),
                ]
                for t in (d.trainings if d else [])
            ],
        )
        _fill(
            self.costs,
            [
                [
                    c["kind"],
                    c["description"],
                    str(c["quantity"]),
                    f"{c['months'].normalize():f}" if c["months"] is not None else "-",
                    number(c["rate"], decimals=2),
                    number(c["amount"], decimals=2),
                ]
                for c in (d.cost_items if d else [])
            ],
        )
        self.median_label.setText(
            _("ราคากลางรวม {amount} บาท").format(amount=number(d.median_price, decimals=2))
            if d
            else ""
        )
        _fill(
            self.presentations,
            [
                [
                    p["vendor"],
                    _day(p["presented_on"]),
                    f"{p['total'].normalize():f}",
                    number(p["price"], decimals=2) if p["price"] is not None else "-",
                ]
                for p in (d.presentations if d else [])
            ],
        )
        _fill(
            self.milestones,
            [
                [
                    m["title"],
                    _day(m["planned_on"]),
                    _day(m["done_on"]),
                    _("ล่าช้า") if m["late"] else (_("แล้วเสร็จ") if m["done_on"] else _("ตามแผน")),
                ]
                for m in (d.milestones if d else [])
            ],
        )
        self.strip.set_rows(d.milestones if d else [], d.started_on if d else None)
        for button in self.buttons:
            button.setEnabled(d is not None and d.is_open)

    # --- actions ------------------------------------------------------------------------------

    def _open(self, dialog: SubmitDialog) -> SubmitDialog:
        dialog.saved.connect(self._saved)
        return dialog

    def _saved(self, _result: object) -> None:
        self.reload()
        self.changed.emit()

    def _current(self, table: QTableWidget, rows: list[dict[str, Any]]) -> dict[str, Any] | None:
        row = table.currentRow()
        return rows[row] if 0 <= row < len(rows) else None

    def build(self, kind: str) -> SubmitDialog | None:
        """The dialog for ``kind`` on the project shown (None when nothing is chosen)."""
        d = self.data
        if d is None:
            return None
        makers: dict[str, Callable[[], SubmitDialog]] = {
            "meeting": lambda: MeetingDialog(self.ctx, d.case_id, self),
            "round": lambda: RoundDialog(self.ctx, d.case_id, self),
            "training": lambda: TrainingDialog(self.ctx, d.case_id, self),
            "cost": lambda: CostItemDialog(self.ctx, d.case_id, self),
            "presentation": lambda: PresentationDialog(self.ctx, d.case_id, self),
            "milestone": lambda: MilestoneDialog(self.ctx, d.case_id, self),
        }
        if kind in makers:
            return self._open(makers[kind]())
        if kind == "attendance":
            row = self._current(self.trainings, d.trainings)
            return self._open(AttendanceDialog(self.ctx, row, self)) if row else None
        if kind == "milestone_done":
            row = self._current(self.milestones, d.milestones)
            return self._open(MilestoneDoneDialog(self.ctx, row, self)) if row else None
        raise KeyError(kind)

    def _run(self, kind: str) -> None:
        dialog = self.build(kind)
        if dialog is not None:
            dialog.exec()

    def add_meeting(self) -> None:
        self._run("meeting")

    def add_round(self) -> None:
        self._run("round")

    def add_training(self) -> None:
        self._run("training")

    def add_cost_item(self) -> None:
        self._run("cost")

    def add_presentation(self) -> None:
        self._run("presentation")

    def add_milestone(self) -> None:
        self._run("milestone")

    def record_attendance(self) -> None:
        self._run("attendance")

    def complete_milestone(self) -> None:
        self._run("milestone_done")

    def print_sign_in(self) -> None:
        d = self.data
        row = self._current(self.trainings, d.trainings) if d else None
        if row is None:
            return
        user, training_id = self.ctx.user, int(row["id"])
        self.ctx.run_in_background(
            lambda: documents.sign_in_sheet_pdf(user, training_id),
            lambda result: show_pdf(self, result, _("ใบลงชื่อผู้เข้ารับการอบรม")),
            owner=self,
        )

    def attach_sign_in(self, path: Path | None = None) -> None:
        d = self.data
        row = self._current(self.trainings, d.trainings) if d else None
        if row is None:
            return
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, _("เลือกไฟล์ใบลงชื่อที่สแกน"), "", _("PDF หรือรูปภาพ (*.pdf *.png *.jpg *.jpeg)")
            )
            if not chosen:
                return
            path = Path(chosen)
        user, training_id, file_path = self.ctx.user, int(row["id"]), path

        def work() -> int:
            training = records.Training.get_by_id(training_id)
            records.attach_sign_in(user, training, file_path.name, file_path.read_bytes())
            return training_id

        self.ctx.run_in_background(work, self._saved, owner=self)
