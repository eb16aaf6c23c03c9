"""The preventive-maintenance plan of a fiscal year: its tasks, the occurrences due and overdue (or
all of them), recording one carried out (with findings and a follow-up repair ticket), the
plan-versus-done figures, and the maintenance report memo and register for a period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import clock, office
from models.i18n import N_, _
from models.permissions import Permission, Role
from models.support import assets, maintenance, tickets
from models.support import documents as support_documents
from models.support.assets import KIND_LABELS, AssetKind
from models.support.maintenance import (
    OCCURRENCE_LABELS,
    RESULT_LABELS,
    SCHEDULE_LABELS,
    Occurrence,
    OccurrenceState,
    PlanFigures,
    Result,
    Schedule,
)
from reports.thaifmt import date_short, fiscal_year, number, parse_be_date
from views.widgets import messages
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.case_forms import RecordPicker
from views.widgets.combos import fill_combo, make_compact, select_data
from views.widgets.commands import mnemonic, run_list_command
from views.widgets.dialogs import PeriodDialog, SubmitDialog
from views.widgets.flow import FlowRow, labelled
from views.widgets.printing import ask_and_print_register, print_in_background
from views.widgets.splitters import RememberedSplitter
from views.widgets.tables import setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext

STATE_COLOURS = {
    OccurrenceState.DONE: "#e8f5e9",
    OccurrenceState.DONE_LATE: "#fbe9e7",
    OccurrenceState.OVERDUE: "#fde2e1",
    OccurrenceState.DUE: "#fff3cd",
    OccurrenceState.UPCOMING: "#ffffff",
}
SHOW_CHOICES = [
    ("todo", N_("ค้างและถึงกำหนด")),
    ("all", N_("ทั้งหมดในแผน")),
    ("done", N_("ดำเนินการแล้ว")),
    ("overdue", N_("เกินกำหนด")),
]


@dataclass(frozen=True)
class TaskRow:
    id: int
    version: int
    title: str
    description: str
    target: str
    asset_id: int | None
    category_id: int | None
    kind: str
    schedule: str
    day_of_month: int
    dates: list[dt.date]
    assignee_id: int | None
    assignee: str
    active: bool


@dataclass(frozen=True)
class PlanScreen:
    plans: list[tuple[int, int, str]]  # id, fiscal year, title
    plan_id: int | None
    tasks: list[TaskRow]
    occurrences: list[Occurrence]
    figures: PlanFigures | None


def plan_screen(plan_id: int | None) -> PlanScreen:
    plans = maintenance.plans()
    chosen = next((p for p in plans if p.id == plan_id), None)
    if chosen is None and plans:
        this_year = fiscal_year(clock.today())
        chosen = next((p for p in plans if p.fiscal_year == this_year), plans[0])
    if chosen is None:
        return PlanScreen([], None, [], [], None)
    users = {u.id: u.full_name for u in office_users()}
    tasks = [
        TaskRow(
            id=t.id,
            version=t.version,
            title=t.title,
            description=t.description,
            target=maintenance.target_label(t),
            asset_id=t.asset_id,
            category_id=t.category_id,
            kind=t.kind,
            schedule=t.schedule,
            day_of_month=t.day_of_month,
            dates=t.given_dates(),
            assignee_id=t.assignee_id,
            assignee=users.get(t.assignee_id or 0, ""),
            active=t.active,
        )
        for t in chosen.tasks.order_by(maintenance.MaintenanceTask.id)
    ]
    items = maintenance.occurrences(plan=chosen)
    return PlanScreen(
        [(p.id, p.fiscal_year, p.title) for p in plans],
        chosen.id,
        tasks,
        items,
        maintenance.plan_figures(items),
    )


def office_users() -> list[Any]:
    from models.users import active_users

    return [u for u in active_users() if u.role in {Role.STAFF, Role.GROUP_HEAD, Role.HEAD}]


def figures_text(f: PlanFigures) -> str:
    due = f.planned - f.not_yet_due
    return _(
        "ตามแผน {planned} ครั้ง · ถึงกำหนดแล้ว {due} · ดำเนินการแล้ว {done} "
        "(ตามกำหนด {on_time} ล่าช้า {late}) · ร้อยละ {rate} · ค้าง {overdue} · พบปัญหา {issues}"
    ).format(
        planned=f.planned,
        due=due,
        done=f.done,
        on_time=f.done_on_time,
        late=f.done_late,
        rate=number(f.percent_done, decimals=2),
        overdue=f.overdue,
        issues=f.with_issues,
    )


class PlanDialog(SubmitDialog):
    def __init__(
        self, ctx: AppContext, plan: tuple[int, int, str] | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("แผนบำรุงรักษาเชิงป้องกัน"), _("บันทึก"), parent)
        self.plan = plan
        self.saved_id: int | None = None
        self.year = QSpinBox(self)
        self.year.setRange(2500, 2800)
        self.year.setValue(plan[1] if plan else fiscal_year(clock.today()))
        self.title_edit = QLineEdit(plan[2] if plan else "", self)
        if plan is None:
            self.title_edit.setText(
                _("แผนการบำรุงรักษาเชิงป้องกันครุภัณฑ์คอมพิวเตอร์และระบบเครือข่าย ปีงบประมาณ {year}").format(
                    year=self.year.value()
                )
            )
        self.title_edit.setMinimumWidth(self.title_edit.fontMetrics().averageCharWidth() * 60)
        form = self.add_form()
        form.addRow(_("ปีงบประมาณ *"), self.year)
        form.addRow(_("ชื่อแผน *"), self.title_edit)
        self.errors.add_fields({"fiscal_year": self.year, "title": self.title_edit})

    def send(self) -> None:
        user, plan = self.ctx.user, self.plan
        values: dict[str, Any] = {"fiscal_year": self.year.value(), "title": self.title_edit.text()}

        def work() -> int:
            current = maintenance.MaintenancePlan.get_by_id(plan[0]) if plan else None
            return int(maintenance.save_plan(user, current, **values).id)

        self.save(work)

    def on_saved(self, result: Any) -> None:
        self.saved_id = int(result)


@dataclass(frozen=True)
class TaskChoices:
    categories: list[tuple[int, str]]
    users: list[tuple[int, str]]


def task_choices() -> TaskChoices:
    return TaskChoices(
        categories=[
            (c.id, f"{_(KIND_LABELS[c.kind])}: {c.name}")
            for c in assets.categories(active_only=False)
        ],
        users=[(u.id, str(u.full_name)) for u in office_users()],
    )


class TaskDialog(SubmitDialog):
    TARGETS: ClassVar[list[tuple[str, str]]] = [
        ("asset", N_("ครุภัณฑ์รายการเดียว")),
        ("category", N_("หมวดครุภัณฑ์")),
        ("kind", N_("ครุภัณฑ์ทั้งประเภท")),
    ]

    def __init__(
        self,
        ctx: AppContext,
        plan_id: int,
        choices: TaskChoices,
        task: TaskRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("แก้ไขงานบำรุงรักษา") if task else _("เพิ่มงานบำรุงรักษา")
        super().__init__(ctx, title, _("บันทึก"), parent)
        self.plan_id = plan_id
        self.task = task
        self.resize(620, 480)
        self.title_edit = QLineEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(70)
        self.target_kind = QComboBox(self)
        for key, label in self.TARGETS:
            self.target_kind.addItem(_(label), key)
        self.asset = RecordPicker(ctx, "asset", [], self)
        self.category = QComboBox(self)
        fill_combo(self.category, choices.categories, empty=_("— เลือก —"))
        self.kind = QComboBox(self)
        for kind in AssetKind:
            self.kind.addItem(_(KIND_LABELS[kind]), str(kind))
        self.schedule = QComboBox(self)
        for schedule in Schedule:
            self.schedule.addItem(_(SCHEDULE_LABELS[schedule]), str(schedule))
        self.day = QSpinBox(self)
        self.day.setRange(1, 31)
        self.day.setValue(15)
        self.dates = QLineEdit(self)
        self.dates.setPlaceholderText(_("วันที่ พ.ศ. คั่นด้วยจุลภาค เช่น 15/11/2569, 15/05/2570"))
        self.assignee = QComboBox(self)
        fill_combo(self.assignee, choices.users, empty=_("— ไม่ระบุ —"))
        self.active = QCheckBox(_("ใช้งาน"), self)
        self.active.setChecked(True)
        form = self.add_form()
        form.addRow(_("งาน *"), self.title_edit)
        form.addRow(_("รายละเอียด"), self.description)
        form.addRow(_("บำรุงรักษา"), self.target_kind)
        form.addRow(_("ครุภัณฑ์"), self.asset)
        form.addRow(_("หมวด"), self.category)
        form.addRow(_("ประเภท"), self.kind)
        form.addRow(_("รอบ"), self.schedule)
        form.addRow(_("วันที่ของเดือน"), self.day)
        form.addRow(_("วันที่กำหนด"), self.dates)
        form.addRow(_("ผู้รับผิดชอบ"), self.assignee)
        form.addRow("", self.active)
        self.form = form
        self.errors.add_fields(
            {
                "title": self.title_edit,
                "target": self.target_kind,
                "schedule": self.schedule,
                "day_of_month": self.day,
                "dates": self.dates,
            }
        )
        self.target_kind.currentIndexChanged.connect(lambda _i: self._sync())
        self.schedule.currentIndexChanged.connect(lambda _i: self._sync())
        if task is not None:
            self.title_edit.setText(task.title)
            self.description.setPlainText(task.description)
            if task.asset_id:
                select_data(self.target_kind, "asset")
                self.asset.combo.addItem(task.target, task.asset_id)
                self.asset.combo.setCurrentIndex(self.asset.combo.count() - 1)
            elif task.category_id:
                select_data(self.target_kind, "category")
                select_data(self.category, task.category_id)
            else:
                select_data(self.target_kind, "kind")
                select_data(self.kind, task.kind)
            select_data(self.schedule, task.schedule)
            self.day.setValue(task.day_of_month)
            self.dates.setText(", ".join(date_short_numeric(d) for d in task.dates))
            select_data(self.assignee, task.assignee_id)
            self.active.setChecked(task.active)
        self._sync()

    def _sync(self) -> None:
        target = self.target_kind.currentData()
        dates = self.schedule.currentData() == Schedule.DATES
        for widget, visible in (
            (self.asset, target == "asset"),
            (self.category, target == "category"),
            (self.kind, target == "kind"),
            (self.day, not dates),
            (self.dates, dates),
        ):
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)

    def values(self) -> dict[str, Any]:
        target = self.target_kind.currentData()
        values: dict[str, Any] = {
            "plan": self.plan_id,
            "title": self.title_edit.text(),
            "description": self.description.toPlainText(),
            "asset": self.asset.value() if target == "asset" else None,
            "category": self.category.currentData() if target == "category" else None,
            "kind": self.kind.currentData() if target == "kind" else "",
            "schedule": self.schedule.currentData(),
            "day_of_month": self.day.value(),
            "assignee": self.assignee.currentData(),
            "active": self.active.isChecked(),
        }
        if values["schedule"] == Schedule.DATES:
            values["dates"] = parse_dates(self.dates.text())
        return values

    def send(self) -> None:
        try:
            values = self.values()
        except ValueError:
            self.refuse(
                {"dates": _("วันที่ไม่ถูกต้อง")},
                _("วันที่กำหนดไม่ถูกต้อง (ใช้ วว/ดด/ปปปป พ.ศ. คั่นด้วยจุลภาค)"),
            )
            return
        user, task = self.ctx.user, self.task

        def work() -> int:
            current = maintenance.MaintenanceTask.get_by_id(task.id) if task else None
            return int(
                maintenance.save_task(
                    user, current, expected_version=task.version if task else None, **values
                ).id
            )

        self.save(work)


def date_short_numeric(day: dt.date) -> str:
    from reports.thaifmt import date_numeric

    return date_numeric(day)


def parse_dates(text: str) -> list[dt.date]:
    return [parse_be_date(part) for part in text.replace(";", ",").split(",") if part.strip()]


@dataclass(frozen=True)
class RecordChoices:
    categories: list[tuple[int, str]]
    units: list[tuple[int, str]]


def record_choices() -> RecordChoices:
    return RecordChoices(
        categories=[(c.id, f"{c.name} ({c.days} วันทำการ)") for c in tickets.categories()],
        units=[(u.id, str(u.name)) for u in office.units()],
    )


class RecordDialog(SubmitDialog):
    """Record one occurrence: when, the result, what was found; optionally open a repair ticket."""

    def __init__(
        self,
        ctx: AppContext,
        occurrence: Occurrence,
        choices: RecordChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _("บันทึกผลการบำรุงรักษา"), _("บันทึก"), parent)
        self.occurrence = occurrence
        self.resize(620, 560)
        self.done_on = BEDateEdit(clock.today(), parent=self)
        self.result_combo = QComboBox(self)
        for result in Result:
            self.result_combo.addItem(_(RESULT_LABELS[result]), str(result))
        self.findings = QPlainTextEdit(self)
        self.findings.setMaximumHeight(80)
        self.checked = QSpinBox(self)
        self.checked.setRange(0, 100_000)
        self.checked.setSpecialValueText(_("ทุกเครื่องในกลุ่ม"))
        self.asset = RecordPicker(ctx, "asset", [], self)
        self.follow = QGroupBox(_("เปิดเรื่องแจ้งซ่อมต่อจากสิ่งที่พบ"), self)
        self.follow.setCheckable(True)
        self.follow.setChecked(False)
        self.ticket_title = QLineEdit(self.follow)
        self.ticket_unit = QComboBox(self.follow)
        fill_combo(self.ticket_unit, choices.units, empty=_("— เลือก —"))
        self.ticket_requester = QLineEdit(ctx.user.full_name, self.follow)
        self.ticket_category = QComboBox(self.follow)
        fill_combo(self.ticket_category, choices.categories, empty=_("— เลือก —"))
        self.ticket_paperless = QLineEdit(_("บันทึกภายใน ภทส."), self.follow)
        follow_form = QFormLayout(self.follow)
        follow_form.addRow(_("เรื่อง *"), self.ticket_title)
        follow_form.addRow(_("หน่วยงาน *"), self.ticket_unit)
        follow_form.addRow(_("ผู้แจ้ง *"), self.ticket_requester)
        follow_form.addRow(_("ประเภทปัญหา *"), self.ticket_category)
        follow_form.addRow(_("เลขที่หนังสือ *"), self.ticket_paperless)
        form = self.add_form()
        form.addRow(_("งาน"), QLabel(f"{occurrence.title} ({occurrence.target})", self))
        form.addRow(_("กำหนด"), QLabel(date_short(occurrence.due_on), self))
        form.addRow(_("วันที่ดำเนินการ *"), self.done_on)
        form.addRow(_("ผล *"), self.result_combo)
        form.addRow(_("สิ่งที่พบ/เหตุที่ไม่ได้ดำเนินการ"), self.findings)
        form.addRow(_("จำนวนเครื่องที่ตรวจ"), self.checked)
        form.addRow(_("ครุภัณฑ์ที่พบปัญหา"), self.asset)
        self.body.addWidget(self.follow)
        self.errors.add_fields(
            {
                "done_on": self.done_on,
                "result": self.result_combo,
                "findings": self.findings,
                "due_on": self.done_on,
                "follow_up": self.follow,
                "title": self.ticket_title,
                "unit": self.ticket_unit,
                "requester_name": self.ticket_requester,
                "category": self.ticket_category,
                "paperless_no": self.ticket_paperless,
                "assets_checked": self.checked,
            }
        )

    def send(self) -> None:
        occ, user = self.occurrence, self.ctx.user
        follow_up = None
        if self.follow.isChecked():
            follow_up = {
                "title": self.ticket_title.text(),
                "unit": self.ticket_unit.currentData(),
                "requester_name": self.ticket_requester.text(),
                "category": self.ticket_category.currentData(),
                "paperless_no": self.ticket_paperless.text(),
            }
        done_on, result = self.done_on.value(), self.result_combo.currentData()
        findings, checked = self.findings.toPlainText(), self.checked.value() or None
        asset_id = self.asset.value()

        def work() -> int:
            task = maintenance.MaintenanceTask.get_by_id(occ.task_id)
            assert done_on is not None
            return int(
                maintenance.record_execution(
                    user,
                    task,
                    occ.due_on,
                    done_on=done_on,
                    result=result,
                    findings=findings,
                    assets_checked=checked,
                    asset=asset_id,
                    follow_up=follow_up,
                ).id
            )

        self.save(work)


class MaintenanceView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_data: PlanScreen | None = None
        self.plan = QComboBox(self)
        self.plan.currentIndexChanged.connect(lambda _i: self._plan_chosen())
        self.new_plan_button = mnemonic(QPushButton(_("แผนใหม่…"), self), "N")
        self.edit_plan_button = mnemonic(QPushButton(_("แก้ไขแผน…"), self), "E")
        self.new_plan_button.clicked.connect(lambda: self.edit_plan(new=True))
        self.edit_plan_button.clicked.connect(lambda: self.edit_plan(new=False))
        self.report_button = mnemonic(QPushButton(_("พิมพ์รายงานผลการบำรุงรักษา…"), self), "O")
        self.register_button = mnemonic(QPushButton(_("พิมพ์ทะเบียนการบำรุงรักษา…"), self), "G")
        self.report_button.clicked.connect(self.print_report)
        self.register_button.clicked.connect(self.print_register)
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        make_compact(self.plan, 40)
        plan_label = QLabel(_("แผนปีงบประมาณ"), self)
        plan_label.setBuddy(self.plan)
        head = FlowRow(self)
        head.add(labelled(plan_label, self.plan, parent=self))
        for button in (
            self.new_plan_button,
            self.edit_plan_button,
            self.report_button,
            self.register_button,
        ):
            head.add(button)

        self.tasks = QTableWidget(0, 5, self)
        self.tasks.setHorizontalHeaderLabels(
            [_("งาน"), _("ครุภัณฑ์/กลุ่ม"), _("รอบ"), _("ผู้รับผิดชอบ"), _("ใช้งาน")]
        )
        setup_table_widget(self.tasks, stretch=0)
        self.add_task_button = mnemonic(QPushButton(_("เพิ่มงาน…"), self), "A")
        self.edit_task_button = mnemonic(QPushButton(_("แก้ไขงาน…"), self), "T")
        self.delete_task_button = mnemonic(QPushButton(_("ลบงาน"), self), "D")
        self.add_task_button.clicked.connect(lambda: self.edit_task(new=True))
        self.edit_task_button.clicked.connect(lambda: self.edit_task(new=False))
        self.delete_task_button.clicked.connect(self.delete_task)
        self.tasks.doubleClicked.connect(lambda _i: self.edit_task(new=False))
        task_buttons = QHBoxLayout()
        task_buttons.addWidget(QLabel(_("งานในแผน"), self))
        task_buttons.addStretch(1)
        for button in (self.add_task_button, self.edit_task_button, self.delete_task_button):
            task_buttons.addWidget(button)

        self.show_choice = QComboBox(self)
        for key, label in SHOW_CHOICES:
            self.show_choice.addItem(_(label), key)
        self.show_choice.currentIndexChanged.connect(lambda _i: self._fill_occurrences())
        self.record_button = mnemonic(QPushButton(_("บันทึกผลการบำรุงรักษา…"), self), "C")
        self.record_button.clicked.connect(self.record)
        self.occurrences = QTableWidget(0, 8, self)
        self.occurrences.setHorizontalHeaderLabels(
            [
                _("กำหนด"),
                _("งาน"),
                _("ครุภัณฑ์/กลุ่ม"),
                _("ผู้รับผิดชอบ"),
                _("สถานะ"),
                _("วันที่ดำเนินการ"),
                _("ผล"),
                _("สิ่งที่พบ"),
            ]
        )
        setup_table_widget(self.occurrences, stretch=7)
        self.occurrences.doubleClicked.connect(lambda _i: self.record())
        show_label = QLabel(_("รอบการบำรุงรักษา"), self)
        show_label.setBuddy(self.show_choice)
        occ_buttons = QHBoxLayout()
        occ_buttons.addWidget(show_label)
        occ_buttons.addWidget(self.show_choice)
        occ_buttons.addStretch(1)
        occ_buttons.addWidget(self.record_button)

        editable = ctx.can(Permission.EDIT_REGISTERS)
        for button in (
            self.new_plan_button,
            self.edit_plan_button,
            self.add_task_button,
            self.edit_task_button,
            self.delete_task_button,
        ):
            button.setVisible(editable)
        self.record_button.setVisible(ctx.can(Permission.WORK_CASES))

        splitter = RememberedSplitter("support.maintenance", Qt.Orientation.Vertical, (2, 3), self)
        splitter.add_pane(task_buttons, self.tasks)
        splitter.add_pane(occ_buttons, self.occurrences)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(head)
        layout.addWidget(self.figures)
        layout.addWidget(splitter, 1)
        self.reload()

    def run_command(self, key: str) -> bool:
        return run_list_command(
            key, handlers={"print": self.print_report, "refresh": lambda: self.reload()}
        )

    def focus_target(self) -> QWidget:
        return self.occurrences

    # --- loading --------------------------------------------------------------------------

    def reload(self, plan_id: int | None = None) -> None:
        wanted = (
            plan_id if plan_id is not None else (self.plan_data.plan_id if self.plan_data else None)
        )
        self.ctx.run_in_background(lambda: plan_screen(wanted), self._show, owner=self)

    def _plan_chosen(self) -> None:
        plan_id = self.plan.currentData()
        if self.plan_data is not None and plan_id != self.plan_data.plan_id and plan_id is not None:
            self.reload(int(plan_id))

    def _show(self, screen: PlanScreen) -> None:
        self.plan_data = screen
        self.plan.blockSignals(True)
        self.plan.clear()
        for plan_id, year, title in screen.plans:
            self.plan.addItem(f"{year} — {title}", plan_id)
        select_data(self.plan, screen.plan_id)
        self.plan.blockSignals(False)
        has_plan = screen.plan_id is not None
        for button in (
            self.edit_plan_button,
            self.add_task_button,
            self.edit_task_button,
            self.delete_task_button,
        ):
            button.setEnabled(has_plan)
        self.figures.setText(
            figures_text(screen.figures)
            if screen.figures
            else _("ยังไม่มีแผนบำรุงรักษา กด “แผนใหม่…” เพื่อเริ่ม")
        )
        self.tasks.setRowCount(len(screen.tasks))
        for index, task in enumerate(screen.tasks):
            schedule = _(SCHEDULE_LABELS.get(task.schedule, task.schedule))
            if task.schedule != Schedule.DATES:
                schedule += " " + _("(วันที่ {day})").format(day=task.day_of_month)
            cells = [task.title, task.target, schedule, task.assignee, "✓" if task.active else ""]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, task.id)
                self.tasks.setItem(index, column, item)
        self.tasks.resizeColumnsToContents()
        self._fill_occurrences()

    def visible_occurrences(self) -> list[Occurrence]:
        if self.plan_data is None:
            return []
        show = self.show_choice.currentData()
        items = self.plan_data.occurrences
        if show == "todo":
            return [o for o in items if o.state in {OccurrenceState.OVERDUE, OccurrenceState.DUE}]
        if show == "done":
            return [
                o for o in items if o.state in {OccurrenceState.DONE, OccurrenceState.DONE_LATE}
            ]
        if show == "overdue":
            return [o for o in items if o.state == OccurrenceState.OVERDUE]
        return list(items)

    def _fill_occurrences(self) -> None:
        items = self.visible_occurrences()
        self.occurrences.setRowCount(len(items))
        for index, occ in enumerate(items):
            cells = [
                date_short(occ.due_on),
                occ.title,
                occ.target,
                occ.assignee,
                _(OCCURRENCE_LABELS[occ.state]),
                date_short(occ.done_on) if occ.done_on else "",
                occ.result_label,
                occ.findings,
            ]
            brush = QBrush(QColor(STATE_COLOURS[OccurrenceState(occ.state)]))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setBackground(brush)
                item.setData(Qt.ItemDataRole.UserRole, index)
                self.occurrences.setItem(index, column, item)
        self.occurrences.resizeColumnsToContents()

    # --- plan and tasks -------------------------------------------------------------------

    def _current_plan(self) -> tuple[int, int, str] | None:
        if self.plan_data is None or self.plan_data.plan_id is None:
            return None
        return next((p for p in self.plan_data.plans if p[0] == self.plan_data.plan_id), None)

    def edit_plan(self, *, new: bool) -> None:
        dialog = PlanDialog(self.ctx, None if new else self._current_plan(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(dialog.saved_id)

    def current_task(self) -> TaskRow | None:
        row = self.tasks.currentRow()
        if self.plan_data is None or row < 0 or row >= len(self.plan_data.tasks):
            return None
        return self.plan_data.tasks[row]

    def edit_task(self, *, new: bool) -> None:
        if self.plan_data is None or self.plan_data.plan_id is None:
            return
        task = None if new else self.current_task()
        if not new and task is None:
            messages.info(self, _("กรุณาเลือกงานในรายการก่อน"))
            return
        plan_id = self.plan_data.plan_id

        def open_dialog(choices: TaskChoices) -> None:
            dialog = self.build_task_dialog(plan_id, choices, task)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.reload()

        self.ctx.run_in_background(task_choices, open_dialog, owner=self)

    def build_task_dialog(
        self, plan_id: int, choices: TaskChoices, task: TaskRow | None
    ) -> TaskDialog:
        return TaskDialog(self.ctx, plan_id, choices, task, self)

    def delete_task(self) -> None:
        task = self.current_task()
        if task is None:
            messages.info(self, _("กรุณาเลือกงานในรายการก่อน"))
            return
        if not messages.confirm(
            self, _("ลบงาน “{title}” ออกจากแผน?").format(title=task.title), _("ลบ"), dangerous=True
        ):
            return
        user = self.ctx.user
        self.ctx.run_in_background(
            lambda: maintenance.delete_task(user, maintenance.MaintenanceTask.get_by_id(task.id)),
            lambda _r: self.reload(),
            owner=self,
        )

    # --- recording ------------------------------------------------------------------------

    def current_occurrence(self) -> Occurrence | None:
        items = self.visible_occurrences()
        row = self.occurrences.currentRow()
        return items[row] if 0 <= row < len(items) else None

    def record(self) -> None:
        occ = self.current_occurrence()
        if occ is None:
            messages.info(self, _("กรุณาเลือกรอบการบำรุงรักษาในรายการก่อน"))
            return
        if occ.record_id is not None:
            messages.info(
                self,
                _("รอบนี้บันทึกผลไว้แล้วเมื่อ {day}").format(
                    day=date_short(occ.done_on) if occ.done_on else "-"
                ),
            )
            return

        def open_dialog(choices: RecordChoices) -> None:
            dialog = self.build_record_dialog(occ, choices)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.reload()

        self.ctx.run_in_background(record_choices, open_dialog, owner=self)

    def build_record_dialog(self, occ: Occurrence, choices: RecordChoices) -> RecordDialog:
        return RecordDialog(self.ctx, occ, choices, self)

    # --- printing -------------------------------------------------------------------------

    def print_report(self) -> None:
        dialog = PeriodDialog(_("พิมพ์รายงานผลการบำรุงรักษา"), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_report_for(*dialog.period())

    def print_report_for(self, start: dt.date, end: dt.date) -> None:
        user = self.ctx.user
        print_in_background(
            self.ctx,
            self,
            lambda: support_documents.maintenance_report(user, start, end),
            _("รายงานผลการบำรุงรักษา"),
        )

    def print_register(self) -> None:
        ask_and_print_register(self.ctx, self, "maintenance")
