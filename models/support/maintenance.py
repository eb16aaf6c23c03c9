"""Preventive maintenance (แผนบำรุงรักษาเชิงป้องกัน): a plan per fiscal year, tasks for one asset or a
group (a category, or every asset of a kind), each with a schedule (monthly, quarterly, twice a
year, or given dates), and the record of each occurrence carried out (date, who, result, findings,
follow-up repair ticket).

Occurrences are computed from the schedule, not stored: the plan can be edited and the due list
follows. An occurrence that falls on a non-working day is due on the next working day.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import peewee

from models import calendar, clock, records
from models.base import Actor, VersionedModel
from models.errors import ValidationError
from models.i18n import N_, _
from models.permissions import Permission, require
from models.recycle import restorable
from models.support import ticket_records
from models.support.assets import KIND_LABELS, Asset, AssetCategory, AssetKind, AssetStatus
from models.support.ticket_records import RepairTicket
from models.users import User
from models.write_lock import write_transaction
from reports.thaifmt import date_short, fiscal_year, fiscal_year_bounds


class Schedule(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    DATES = "dates"


SCHEDULE_LABELS: dict[str, str] = {
    Schedule.MONTHLY: N_("ทุกเดือน"),
    Schedule.QUARTERLY: N_("ทุกไตรมาส"),
    Schedule.SEMIANNUAL: N_("ทุก ๖ เดือน"),
    Schedule.DATES: N_("ตามวันที่กำหนด"),
}


class Result(StrEnum):
    NORMAL = "normal"  # ปกติ
    ISSUES = "issues"  # พบปัญหา
    NOT_DONE = "not_done"  # ไม่ได้ดำเนินการ (with the reason in findings)


RESULT_LABELS: dict[str, str] = {
    Result.NORMAL: N_("ปกติ"),
    Result.ISSUES: N_("พบปัญหา"),
    Result.NOT_DONE: N_("ไม่ได้ดำเนินการ"),
}


class OccurrenceState(StrEnum):
    DONE = "done"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"
    DUE = "due"  # due within the look-ahead window (today included)
    UPCOMING = "upcoming"


OCCURRENCE_LABELS: dict[str, str] = {
    OccurrenceState.DONE: N_("ดำเนินการแล้ว"),
    OccurrenceState.DONE_LATE: N_("ดำเนินการแล้ว (ล่าช้า)"),
    OccurrenceState.OVERDUE: N_("เกินกำหนด"),
    OccurrenceState.DUE: N_("ถึงกำหนด"),
    OccurrenceState.UPCOMING: N_("ยังไม่ถึงกำหนด"),
}


class MaintenancePlan(VersionedModel):
    fiscal_year = peewee.IntegerField(unique=True)  # B.E.
    title = peewee.CharField(max_length=300)
    notes = peewee.TextField(default="")

    if TYPE_CHECKING:
        tasks: peewee.ModelSelect[MaintenanceTask]


class MaintenanceTask(VersionedModel):
    plan = peewee.ForeignKeyField(MaintenancePlan, backref="tasks", on_delete="CASCADE")
    title = peewee.CharField(max_length=300)
    description = peewee.TextField(default="")  # what to do: clean, update, check backups ...
    # The target: one asset, a category, or every asset of a kind (exactly one is set).
    asset = peewee.ForeignKeyField(Asset, null=True, on_delete="RESTRICT", index=True)
    category = peewee.ForeignKeyField(AssetCategory, null=True, on_delete="RESTRICT")
    kind = peewee.CharField(max_length=32, default="")
    schedule = peewee.CharField(max_length=16, default=Schedule.MONTHLY)
    day_of_month = peewee.IntegerField(default=15)
    dates = peewee.TextField(default="[]")  # ISO dates, for Schedule.DATES
    assignee = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL")
    active = peewee.BooleanField(default=True)

    if TYPE_CHECKING:
        executions: peewee.ModelSelect[MaintenanceRecord]
        plan_id: int
        asset_id: int | None
        category_id: int | None
        assignee_id: int | None

    def given_dates(self) -> list[dt.date]:
        return sorted(dt.date.fromisoformat(d) for d in json.loads(self.dates or "[]"))


class MaintenanceRecord(VersionedModel):
    """One occurrence carried out (or recorded as not done, with the reason)."""

    task = peewee.ForeignKeyField(MaintenanceTask, backref="executions", on_delete="CASCADE")
    due_on = peewee.DateField()  # the occurrence this record closes
    done_on = peewee.DateField(index=True)
    done_by = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL")
    result = peewee.CharField(max_length=16, default=Result.NORMAL)
    findings = peewee.TextField(default="")
    assets_checked = peewee.IntegerField(default=0)
    asset = peewee.ForeignKeyField(Asset, null=True, on_delete="SET NULL", index=True)
    follow_up_ticket = peewee.ForeignKeyField(RepairTicket, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("task", "due_on"), True),)

    if TYPE_CHECKING:
        task_id: int
        done_by_id: int | None
        asset_id: int | None
        follow_up_ticket_id: int | None


# --- plans and tasks -----------------------------------------------------------------------------


def save_plan(
    actor: Actor | None,
    plan: MaintenancePlan | None,
    *,
    expected_version: int | None = None,
    **values: Any,
) -> MaintenancePlan:
    require(actor, Permission.EDIT_REGISTERS)
    merged = {**(plan.__data__ if plan else {}), **values}
    errors: dict[str, str] = {}
    year = merged.get("fiscal_year")
    try:
        year = int(year) if year not in (None, "") else None
    except (TypeError, ValueError):
        year = None
    if year is None or not 2500 <= year <= 2800:
        errors["fiscal_year"] = _("กรุณาระบุปีงบประมาณเป็นปี พ.ศ. เช่น 2570")
    else:
        clash = MaintenancePlan.select().where(MaintenancePlan.fiscal_year == year)
        if plan is not None:
            clash = clash.where(MaintenancePlan.id != plan.id)
        if clash.exists():
            errors["fiscal_year"] = _("มีแผนบำรุงรักษาของปีงบประมาณ {year} อยู่แล้ว").format(year=year)
    if not str(merged.get("title") or "").strip():
        errors["title"] = _("กรุณากรอกชื่อแผน")
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    cleaned = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if "fiscal_year" in cleaned:
        cleaned["fiscal_year"] = year
    if plan is None:
        return records.create(actor, MaintenancePlan, **cleaned)
    return records.update(actor, plan, expected_version=expected_version, **cleaned)


def plans() -> list[MaintenancePlan]:
    return list(MaintenancePlan.select().order_by(MaintenancePlan.fiscal_year.desc()))


def plan_for_year(year: int) -> MaintenancePlan | None:
    row: MaintenancePlan | None = MaintenancePlan.get_or_none(MaintenancePlan.fiscal_year == year)
    return row


def _parse_dates(value: Any) -> list[dt.date]:
    if isinstance(value, str):
        value = json.loads(value or "[]")
    out = []
    for item in value or []:
        out.append(item if isinstance(item, dt.date) else dt.date.fromisoformat(str(item)))
    return sorted(set(out))


def save_task(
    actor: Actor | None,
    task: MaintenanceTask | None,
    *,
    expected_version: int | None = None,
    **values: Any,
) -> MaintenanceTask:
    """Add or edit a task. ``dates`` may be a list of dates (stored as ISO text)."""
    require(actor, Permission.EDIT_REGISTERS)
    if "dates" in values:
        try:
            given = _parse_dates(values["dates"])
        except (ValueError, TypeError) as exc:
            raise ValidationError(_("วันที่กำหนดไม่ถูกต้อง"), {"dates": str(exc)}) from exc
        values = {**values, "dates": json.dumps([d.isoformat() for d in given])}
    for fk in ("asset", "category", "assignee", "plan"):
        if isinstance(values.get(fk), peewee.Model):
            values = {**values, fk: values[fk].get_id()}
    merged = {**(task.__data__ if task else {}), **values}
    errors: dict[str, str] = {}
    plan = MaintenancePlan.get_or_none(MaintenancePlan.id == merged.get("plan"))
    if plan is None:
        errors["plan"] = _("ไม่พบแผนบำรุงรักษา")
    if not str(merged.get("title") or "").strip():
        errors["title"] = _("กรุณากรอกชื่องานบำรุงรักษา")
    targets = [bool(merged.get("asset")), bool(merged.get("category")), bool(merged.get("kind"))]
    if sum(targets) != 1:
        errors["target"] = _("กรุณาเลือกครุภัณฑ์ หรือกลุ่มครุภัณฑ์ (หมวดหรือประเภท) อย่างใดอย่างหนึ่ง")
    if merged.get("kind") and merged["kind"] not in set(AssetKind):
        errors["target"] = _("ประเภทครุภัณฑ์ไม่ถูกต้อง")
    schedule = merged.get("schedule", Schedule.MONTHLY)
    if schedule not in set(Schedule):
        errors["schedule"] = _("รอบการบำรุงรักษาไม่ถูกต้อง")
    day = merged.get("day_of_month", 15)
    if schedule != Schedule.DATES and not (isinstance(day, int) and 1 <= day <= 31):
        errors["day_of_month"] = _("วันที่ของเดือนต้องอยู่ระหว่าง 1 ถึง 31")
    if schedule == Schedule.DATES and plan is not None:
        given = _parse_dates(merged.get("dates", "[]"))
        start, end = fiscal_year_bounds(plan.fiscal_year)
        if not given:
            errors["dates"] = _("กรุณาระบุวันที่ที่จะบำรุงรักษาอย่างน้อยหนึ่งวัน")
        elif any(not start <= d <= end for d in given):
            errors["dates"] = _("วันที่กำหนดต้องอยู่ในปีงบประมาณ {year} ({start} ถึง {end})").format(
                year=plan.fiscal_year, start=date_short(start), end=date_short(end)
            )
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    cleaned = {
        k: (v.strip() if isinstance(v, str) and k != "dates" else v) for k, v in values.items()
    }
    if task is None:
        return records.create(actor, MaintenanceTask, **cleaned)
    return records.update(actor, task, expected_version=expected_version, **cleaned)


def delete_task(actor: Actor | None, task: MaintenanceTask) -> None:
    require(actor, Permission.EDIT_REGISTERS)
    if task.executions.exists():
        raise ValidationError(
            _("งาน “{title}” มีผลการบำรุงรักษาบันทึกไว้แล้ว จึงลบไม่ได้ (ปิดใช้งานแทนได้)").format(
                title=task.title
            )
        )
    records.delete(actor, task)


def target_label(task: MaintenanceTask) -> str:
    if task.asset_id:
        asset = Asset.get_or_none(Asset.id == task.asset_id)
        return f"{asset.number} {asset.name}" if asset else "-"
    if task.category_id:
        category = AssetCategory.get_or_none(AssetCategory.id == task.category_id)
        return _("หมวด {name}").format(name=category.name) if category else "-"
    return _("{kind} ทั้งหมด").format(kind=_(KIND_LABELS.get(task.kind, task.kind)))


def target_assets(task: MaintenanceTask) -> peewee.ModelSelect[Asset]:
    """The assets a task covers now (retired ones are left out)."""
    query = Asset.select().where(Asset.status != AssetStatus.RETIRED)
    if task.asset_id:
        return Asset.select().where(Asset.id == task.asset_id)
    if task.category_id:
        return query.where(Asset.category == task.category_id)
    return query.where(Asset.kind == task.kind)


# --- schedule ------------------------------------------------------------------------------------


def _next_working_day(day: dt.date) -> dt.date:
    return calendar.next_working_day(day)


def _fiscal_months(year: int) -> list[tuple[int, int]]:
    start, _end = fiscal_year_bounds(year)
    months = []
    y, m = start.year, start.month
    for _i in range(12):
        months.append((y, m))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return months


def scheduled_dates(task: MaintenanceTask, year: int) -> list[dt.date]:
    """The task's due dates in fiscal year ``year``, moved to a working day when needed."""
    if task.schedule == Schedule.DATES:
        nominal = task.given_dates()
    else:
        step = {Schedule.MONTHLY: 1, Schedule.QUARTERLY: 3, Schedule.SEMIANNUAL: 6}[
            Schedule(task.schedule)
        ]
        nominal = []
        for index, (y, m) in enumerate(_fiscal_months(year)):
            if index % step:
                continue
            last = pycalendar.monthrange(y, m)[1]
            nominal.append(dt.date(y, m, min(int(task.day_of_month), last)))
    return sorted({_next_working_day(d) for d in nominal})


@dataclass(frozen=True)
class Occurrence:
    task_id: int
    plan_year: int
    title: str
    target: str
    schedule: str
    assignee: str
    due_on: dt.date
    state: str
    record_id: int | None
    done_on: dt.date | None
    done_by: str
    result: str
    findings: str
    follow_up_ticket_id: int | None

    @property
    def state_label(self) -> str:
        return _(OCCURRENCE_LABELS[self.state])

    @property
    def result_label(self) -> str:
        return _(RESULT_LABELS[self.result]) if self.result else ""


def occurrences(
    *,
    plan: MaintenancePlan | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    today: dt.date | None = None,
    due_window_days: int = 7,
    states: Iterable[str] = (),
) -> list[Occurrence]:
    """Every scheduled occurrence (of one plan, or of the plans covering the period) with its
    state, sorted by due date. ``due_window_days``: how far ahead counts as "due"."""
    today = today or clock.today()
    wanted = set(states)
    if plan is not None:
        chosen = [plan]
    else:
        years = None
        if start or end:
            first = fiscal_year(start) if start else fiscal_year(end or today)
            last = fiscal_year(end) if end else first
            years = list(range(first, last + 1))
        query = MaintenancePlan.select()
        if years is not None:
            query = query.where(MaintenancePlan.fiscal_year.in_(years))
        chosen = list(query)
    users = {u.id: u.full_name for u in User.select(User.id, User.full_name)}
    out: list[Occurrence] = []
    for p in chosen:
        tasks = list(p.tasks.where(MaintenanceTask.active == True))  # noqa: E712
        done = {
            (r.task_id, r.due_on): r
            for r in MaintenanceRecord.select().where(
                MaintenanceRecord.task.in_([t.id for t in tasks] or [0])
            )
        }
        for task in tasks:
            label = target_label(task)
            for due in scheduled_dates(task, p.fiscal_year):
                if (start and due < start) or (end and due > end):
                    continue
                record = done.get((task.id, due))
                if record is not None:
                    state = (
                        OccurrenceState.DONE_LATE if record.done_on > due else OccurrenceState.DONE
                    )
                elif due < today:
                    state = OccurrenceState.OVERDUE
                elif due <= today + dt.timedelta(days=due_window_days):
                    state = OccurrenceState.DUE
                else:
                    state = OccurrenceState.UPCOMING
                if wanted and state not in wanted:
                    continue
                out.append(
                    Occurrence(
                        task_id=task.id,
                        plan_year=p.fiscal_year,
                        title=task.title,
                        target=label,
                        schedule=task.schedule,
                        assignee=users.get(task.assignee_id or 0, ""),
                        due_on=due,
                        state=state,
                        record_id=record.id if record else None,
                        done_on=record.done_on if record else None,
                        done_by=users.get(record.done_by_id or 0, "") if record else "",
                        result=record.result if record else "",
                        findings=record.findings if record else "",
                        follow_up_ticket_id=record.follow_up_ticket_id if record else None,
                    )
                )
    out.sort(key=lambda o: (o.due_on, o.title, o.task_id))
    return out


def due_list(today: dt.date | None = None, *, window_days: int = 7) -> list[Occurrence]:
    """What needs doing: overdue occurrences and those due within ``window_days``."""
    today = today or clock.today()
    return occurrences(
        end=today + dt.timedelta(days=window_days),
        start=fiscal_year_bounds(fiscal_year(today) - 1)[0],
        today=today,
        due_window_days=window_days,
        states=(OccurrenceState.OVERDUE, OccurrenceState.DUE),
    )


@dataclass(frozen=True)
class PlanFigures:
    planned: int
    done: int
    done_on_time: int
    done_late: int
    overdue: int
    not_yet_due: int
    with_issues: int

    @property
    def percent_done(self) -> float:
        due = self.planned - self.not_yet_due
        return 100.0 * self.done / due if due else 0.0


def plan_figures(items: Iterable[Occurrence]) -> PlanFigures:
    """Plan versus done over a set of occurrences (e.g. one plan, one period)."""
    rows = list(items)
    done_states = {OccurrenceState.DONE, OccurrenceState.DONE_LATE}
    return PlanFigures(
        planned=len(rows),
        done=sum(1 for o in rows if o.state in done_states),
        done_on_time=sum(1 for o in rows if o.state == OccurrenceState.DONE),
        done_late=sum(1 for o in rows if o.state == OccurrenceState.DONE_LATE),
        overdue=sum(1 for o in rows if o.state == OccurrenceState.OVERDUE),
        not_yet_due=sum(
            1 for o in rows if o.state in {OccurrenceState.DUE, OccurrenceState.UPCOMING}
        ),
        with_issues=sum(1 for o in rows if o.result == Result.ISSUES),
    )


# --- recording -----------------------------------------------------------------------------------


def record_execution(
    actor: Actor | None,
    task: MaintenanceTask,
    due_on: dt.date,
    *,
    done_on: dt.date,
    result: str,
    findings: str = "",
    assets_checked: int | None = None,
    asset: Asset | int | None = None,
    follow_up: Mapping[str, Any] | None = None,
) -> MaintenanceRecord:
    """Record one occurrence carried out. ``follow_up``: values for a repair ticket opened from
    the findings (see ``models.support.tickets.open_ticket``), in the same transaction."""
    require(actor, Permission.WORK_CASES)
    task = records.get(MaintenanceTask, task.id)
    plan = records.get(MaintenancePlan, task.plan_id)
    errors: dict[str, str] = {}
    if due_on not in scheduled_dates(task, plan.fiscal_year):
        errors["due_on"] = _("วันที่ {day} ไม่ใช่รอบกำหนดของงานนี้").format(day=date_short(due_on))
    elif (
        MaintenanceRecord.select()
        .where((MaintenanceRecord.task == task.id) & (MaintenanceRecord.due_on == due_on))
        .exists()
    ):
        errors["due_on"] = _("รอบวันที่ {day} บันทึกผลไว้แล้ว").format(day=date_short(due_on))
    if done_on > clock.today():
        errors["done_on"] = _("วันที่ดำเนินการต้องไม่เป็นวันในอนาคต")
    if result not in set(Result):
        errors["result"] = _("กรุณาเลือกผลการบำรุงรักษา")
    elif result in {Result.ISSUES, Result.NOT_DONE} and not findings.strip():
        errors["findings"] = (
            _("กรุณาบันทึกสิ่งที่พบ") if result == Result.ISSUES else _("กรุณาบันทึกเหตุที่ไม่ได้ดำเนินการ")
        )
    if follow_up is not None and result != Result.ISSUES:
        errors["follow_up"] = _("เปิดเรื่องแจ้งซ่อมต่อได้เฉพาะเมื่อพบปัญหา")
    if assets_checked is not None and assets_checked < 0:
        errors["assets_checked"] = _("จำนวนเครื่องที่ตรวจต้องไม่ติดลบ")
    asset_id = asset.id if isinstance(asset, Asset) else asset
    if asset_id is not None and not target_assets(task).where(Asset.id == asset_id).exists():
        # A finding belongs to an asset the task looks after: it is on that asset's history.
        found = Asset.get_or_none(Asset.id == asset_id)
        errors["asset"] = _("ครุภัณฑ์ {number} ไม่อยู่ในงานบำรุงรักษานี้ ({target})").format(
            number=found.number if found else asset_id, target=target_label(task)
        )
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    if asset_id is None and task.asset_id:
        asset_id = task.asset_id
    checked = assets_checked if assets_checked is not None else target_assets(task).count()
    try:
        with write_transaction():
            ticket_id = None
            if follow_up is not None:
                values = dict(follow_up)
                values.setdefault("asset", asset_id)
                values.setdefault("description", findings.strip())
                ticket_id = ticket_records.open_ticket(actor, **values).id
            return records.create(
                actor,
                MaintenanceRecord,
                task=task.id,
                due_on=due_on,
                done_on=done_on,
                done_by=actor.id if actor else None,
                result=result,
                findings=findings.strip(),
                assets_checked=checked,
                asset=asset_id,
                follow_up_ticket=ticket_id,
            )
    except peewee.IntegrityError as exc:  # recorded from another workstation a moment ago
        raise ValidationError(_("รอบวันที่ {day} บันทึกผลไว้แล้ว").format(day=date_short(due_on))) from exc


def records_for_asset(asset: Asset) -> list[MaintenanceRecord]:
    """Maintenance that covered ``asset``: its own tasks, its category's or kind's, or a
    finding about it."""
    covering = MaintenanceTask.select(MaintenanceTask.id).where(
        (MaintenanceTask.asset == asset.id)
        | (
            (MaintenanceTask.category == asset.category_id)
            & MaintenanceTask.category.is_null(False)
        )
        | (MaintenanceTask.kind == asset.kind)
    )
    query = (
        MaintenanceRecord.select(MaintenanceRecord, MaintenanceTask)
        .join(MaintenanceTask)
        .where((MaintenanceRecord.task.in_(covering)) | (MaintenanceRecord.asset == asset.id))
    )
    if asset.acquired_on:
        query = query.where(MaintenanceRecord.done_on >= asset.acquired_on)
    return list(query.order_by(MaintenanceRecord.done_on))


# A deleted maintenance task can be brought back by an administrator for 30 days (models.recycle).
restorable(MaintenanceTask, N_("งานบำรุงรักษา"), lambda row: str(row.get("title", "")))
