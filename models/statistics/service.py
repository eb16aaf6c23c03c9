"""The statistics page for one fiscal year, and the cases behind any of its figures.

Domain functions, actor first: heads (and viewers, administrators) see the whole office; a staff
member sees only the cases assigned to them, whatever they ask for (``scope_for``). Everything
returned is plain data (dataclasses of numbers, text and dates), so a worker thread can hand it to
the window, and ``reports/`` can print it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from models import clock
from models.base import Actor
from models.engine.deadlines import state_of
from models.engine.definition import CaseResult
from models.engine.registry import get_process
from models.engine.tables import Case, CaseStep
from models.errors import ValidationError
from models.i18n import _
from models.permissions import Permission, Role, require, role_of
from models.statistics import figures as fig
from models.statistics.declarations import (
    CaseFigures,
    Dimension,
    TallyFigure,
    TallyQuery,
    declared_cases,
    declared_tallies,
)
from models.statistics.workdays import StatDay, ensure_days
from reports.thaifmt import MONTHS_SHORT, fiscal_year_bounds

FISCAL_MONTHS = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
OFFICE_WIDE_ROLES = frozenset({Role.ADMIN, Role.HEAD, Role.GROUP_HEAD, Role.VIEWER})
MAX_CASE_LINES = 2000
FIRST_FISCAL_YEAR = 2500
LAST_FISCAL_YEAR = 2700


@dataclass(frozen=True)
class ProcessInfo:
    key: str
    label: str  # translated
    short_label: str


@dataclass(frozen=True)
class DimensionTable:
    process: str
    key: str
    title: str  # translated column title
    rows: list[fig.Figures]


@dataclass(frozen=True)
class TallySection:
    key: str
    title: str  # translated
    figures: list[tuple[str, float, str, int]]  # (label, value, unit, decimals), translated


@dataclass(frozen=True)
class StatisticsPage:
    fiscal_year: int  # B.E.
    start: dt.date
    end: dt.date
    as_of: dt.date  # "now" for the backlog: today, or the year's last day for a past year
    assignee_id: int | None  # whose work (None: the whole office)
    scope_label: str  # translated: "ทั้งสำนักงาน" or the person's name
    processes: list[ProcessInfo]
    totals: list[fig.Figures]
    months: list[fig.Figures]
    previous_months: list[fig.Figures]  # the fiscal year before, by month (the trend's other bar)
    quarters: list[fig.Figures]
    staff: list[fig.Figures]
    dimensions: list[DimensionTable]
    backlog: list[fig.BacklogCount]
    tallies: list[TallySection] = field(default_factory=list)

    def process_label(self, key: str) -> str:
        return next((p.label for p in self.processes if p.key == key), key)

    def total(self, process: str) -> fig.Figures:
        found = next((f for f in self.totals if f.process == process), None)
        return found or fig.Figures(process, "", "")

    def office_total(self) -> fig.Figures:
        return _merge_counts("", self.totals)

    def month_series(
        self, measure: str, process: str | None = None, *, previous: bool = False
    ) -> list[int]:
        """Twelve values, October to September, of ``measure`` (``received``, ``completed``,
        ``on_time``) for one process or all of them."""
        rows = self.previous_months if previous else self.months
        year = self.fiscal_year - 1 if previous else self.fiscal_year
        keys = month_keys(year)
        values = [0] * 12
        for row in rows:
            if process is not None and row.process != process:
                continue
            if row.key in keys:
                values[keys.index(row.key)] += int(getattr(row, measure))
        return values

    def backlog_series(self, process: str | None = None) -> list[int]:
        values = [0] * len(fig.AGE_BUCKETS)
        keys = [b[0] for b in fig.AGE_BUCKETS]
        for row in self.backlog:
            if process is None or row.process == process:
                values[keys.index(row.bucket)] += row.count
        return values


def _merge_counts(process: str, rows: list[fig.Figures]) -> fig.Figures:
    """Counts added up (percentiles cannot be added: left out)."""
    return fig.Figures(
        process,
        "",
        "",
        received=sum(r.received for r in rows),
        withdrawn=sum(r.withdrawn for r in rows),
        completed=sum(r.completed for r in rows),
        on_time=sum(r.on_time for r in rows),
        sent_back=sum(r.sent_back for r in rows),
        paused_days=sum(r.paused_days for r in rows),
    )


def month_keys(fiscal_year: int) -> list[int]:
    """``YYYYMM`` keys of a B.E. fiscal year's months, October first."""
    first = fiscal_year - 543 - 1
    return [(first if m >= 10 else first + 1) * 100 + m for m in FISCAL_MONTHS]


def month_labels(fiscal_year: int) -> list[str]:
    """``ต.ค. 68`` ... ``ก.ย. 69``."""
    return [
        f"{MONTHS_SHORT[key % 100 - 1]} {(key // 100 + 543) % 100:02d}"
        for key in month_keys(fiscal_year)
    ]


def quarter_label(key: int) -> str:
    return _("ไตรมาส {q}/{year}").format(q=key % 10, year=key // 10)


def age_labels() -> list[str]:
    return [_(label) for _key, _limit, label in fig.AGE_BUCKETS]


def scope_for(actor: Actor | None, assignee_id: int | None) -> int | None:
    """Whose work ``actor`` may count: a staff member only their own, whatever was asked."""
    require(actor, Permission.VIEW)
    if actor is None or role_of(actor) in OFFICE_WIDE_ROLES:
        return assignee_id
    return int(actor.id)


def check_fiscal_year(year: int) -> None:
    if not FIRST_FISCAL_YEAR <= year <= LAST_FISCAL_YEAR:
        raise ValidationError(
            _("ปีงบประมาณ {year} ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2569)").format(year=year),
            {"fiscal_year": _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569")},
        )


def statistics_page(
    actor: Actor | None,
    fiscal_year: int,
    *,
    assignee_id: int | None = None,
    today: dt.date | None = None,
    with_dimensions: bool = True,
) -> StatisticsPage:
    """Every figure of the statistics tab (and of the printed report) for one B.E. fiscal year;
    without the breakdowns by dimension when ``with_dimensions`` is False (``breakdowns``)."""
    check_fiscal_year(fiscal_year)
    scope = scope_for(actor, assignee_id)
    today = today or clock.today()
    start, end = fiscal_year_bounds(fiscal_year)
    previous_start, _previous_end = fiscal_year_bounds(fiscal_year - 1)
    as_of = min(today, end)
    ensure_days(previous_start, max(end, today))
    declared = declared_cases()
    processes = [_process_info(d) for d in declared]
    groupings = [fig.TOTAL, fig.MONTH, fig.QUARTER, fig.STAFF]
    this_year = fig.calendar_figures(declared, start, end, groupings, assignee_id=scope)
    year_before = fig.calendar_figures(
        declared,
        previous_start,
        start - dt.timedelta(days=1),
        [fig.MONTH],
        assignee_id=scope,
        received_only=True,  # the trend's other bar: cases received
    )
    dimensions = [
        dimension_table(d, dim, start, end, scope)
        for d in (declared if with_dimensions else [])
        for dim in d.dimensions
    ]
    return StatisticsPage(
        fiscal_year=fiscal_year,
        start=start,
        end=end,
        as_of=as_of,
        assignee_id=scope,
        scope_label=_scope_label(scope),
        processes=processes,
        totals=this_year[fig.TOTAL],
        months=this_year[fig.MONTH],
        previous_months=year_before[fig.MONTH],
        quarters=this_year[fig.QUARTER],
        staff=this_year[fig.STAFF],
        dimensions=dimensions,
        backlog=fig.backlog(declared, as_of, assignee_id=scope),
        tallies=_tallies(TallyQuery(start, end, as_of, scope), scope),
    )


def dimension_table(
    declared: CaseFigures, dimension: Dimension, start: dt.date, end: dt.date, scope: int | None
) -> DimensionTable:
    rows = fig.case_figures(
        [declared], start, end, dimension.key, dimension=dimension, assignee_id=scope
    )
    return DimensionTable(declared.process, dimension.key, _(dimension.label), rows)


def breakdowns(
    actor: Actor | None, fiscal_year: int, *, assignee_id: int | None = None
) -> list[DimensionTable]:
    """Every declared breakdown (per unit, problem type, asset category...) of a fiscal year:
    the tab shows the page first and adds these when they arrive."""
    check_fiscal_year(fiscal_year)
    scope = scope_for(actor, assignee_id)
    start, end = fiscal_year_bounds(fiscal_year)
    return [
        dimension_table(d, dim, start, end, scope) for d in declared_cases() for dim in d.dimensions
    ]


def _process_info(declared: CaseFigures) -> ProcessInfo:
    process = get_process(declared.process)
    return ProcessInfo(process.key, _(process.label), _(process.short_label))


def _scope_label(assignee_id: int | None) -> str:
    if assignee_id is None:
        return _("ทั้งสำนักงาน")
    from models.users import User

    user = User.get_or_none(User.id == assignee_id)
    return str(user.full_name) if user else str(assignee_id)


def _tallies(query: TallyQuery, scope: int | None) -> list[TallySection]:
    out = []
    for tally in declared_tallies():
        if scope is not None and not tally.staff_scoped:
            continue  # the office's figures, not one person's work
        figures: list[TallyFigure] = list(tally.compute(query))
        out.append(
            TallySection(
                tally.key,
                _(tally.title),
                [
                    (_(f.label), float(f.value), _(f.unit) if f.unit else "", f.decimals)
                    for f in figures
                ],
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# The cases behind a figure


RECEIVED = "received"
COMPLETED = "completed"
ON_TIME = "on_time"
LATE = "late"
BACKLOG = "backlog"
SENT_BACK = "sent_back"
MEASURES = (RECEIVED, COMPLETED, ON_TIME, LATE, BACKLOG, SENT_BACK)


@dataclass(frozen=True)
class Pick:
    """A figure clicked: ``measure`` of ``process`` (None: every process) in the group ``key`` of
    grouping ``by`` (``figures.MONTH`` ..., ``figures.TOTAL``, a dimension key; for ``BACKLOG``
    the age bucket), within ``start``..``end`` (``as_of`` for the backlog)."""

    measure: str
    start: dt.date
    end: dt.date
    as_of: dt.date
    process: str | None = None
    by: str = fig.TOTAL
    key: Any = ""
    assignee_id: int | None = None


@dataclass(frozen=True)
class CaseLine:
    id: int
    process: str
    number: str
    title: str
    requester: str
    received_on: dt.date
    closed_on: dt.date | None
    due_on: dt.date | None
    state: str  # translated


def case_lines(actor: Actor | None, pick: Pick) -> list[CaseLine]:
    """The cases counted in one figure of the page (at most ``MAX_CASE_LINES``), oldest first."""
    scope = scope_for(actor, pick.assignee_id)
    if pick.measure not in MEASURES:
        raise ValidationError(_("ไม่รู้จักตัวเลขที่เลือก"))
    ensure_days(min(pick.start, pick.as_of), max(pick.end, pick.as_of))
    declared = {d.process: d for d in declared_cases()}
    processes = [pick.process] if pick.process else list(declared)
    day = StatDay.alias("pday")
    query = Case.select(Case)
    condition: Any = Case.process.in_(processes)
    if scope is not None:
        condition &= Case.assignee_id == scope
    if pick.measure == BACKLOG:
        query = query.join(StatDay, on=(StatDay.day == Case.received_on))
        condition &= fig.open_on(pick.as_of) & fig.age_condition(pick.as_of, str(pick.key))
        return _lines(query.where(condition))
    if pick.measure == RECEIVED:
        query = query.join(day, on=(day.day == Case.received_on))
        condition &= (Case.received_on >= pick.start) & (Case.received_on <= pick.end)
    elif pick.measure == SENT_BACK:
        step_day = StatDay.alias("sday")
        steps = (
            CaseStep.select(CaseStep.case)
            .join(step_day, on=(step_day.day == CaseStep.on_date))
            .where(
                CaseStep.kind.in_(fig.SENT_BACK_KINDS)
                & (CaseStep.on_date >= pick.start)
                & (CaseStep.on_date <= pick.end)
                & _calendar_condition(pick.by, step_day, pick.key)
            )
        )
        query = query.join(day, on=(day.day == Case.received_on))
        condition &= Case.id.in_(steps)
        return _lines(_dimension_filter(query, pick, declared).where(condition))
    else:
        query = query.join(day, on=(day.day == Case.closed_on))
        condition &= (
            (Case.status != "open")
            & (Case.result != CaseResult.WITHDRAWN.value)
            & (Case.closed_on >= pick.start)
            & (Case.closed_on <= pick.end)
        )
        on_time = Case.due_on.is_null() | (Case.closed_on <= Case.due_on)
        if pick.measure == ON_TIME:
            condition &= on_time
        elif pick.measure == LATE:
            condition &= ~on_time
    condition &= _calendar_condition(pick.by, day, pick.key)
    return _lines(_dimension_filter(query, pick, declared).where(condition))


def _calendar_condition(by: str, day: Any, key: Any) -> Any:
    column = {fig.MONTH: day.month, fig.QUARTER: day.quarter, fig.FISCAL_YEAR: day.fiscal_year}
    if by in column:
        return column[by] == int(key)
    return True


def _dimension_filter(query: Any, pick: Pick, declared: dict[str, CaseFigures]) -> Any:
    if pick.by in (fig.TOTAL, *fig.CALENDAR_GROUPS):
        return query
    if pick.by == fig.STAFF:
        match = Case.assignee_id.is_null() if pick.key is None else Case.assignee_id == pick.key
        return query.where(match)
    dimension = _find_dimension(pick, declared)
    query, key, _label = dimension.join(query)
    return query.where(key.is_null() if pick.key is None else key == pick.key)


def _find_dimension(pick: Pick, declared: dict[str, CaseFigures]) -> Dimension:
    owner = declared.get(pick.process or "")
    for dim in owner.dimensions if owner else ():
        if dim.key == pick.by:
            return dim
    raise ValidationError(_("ไม่รู้จักการจำแนกตัวเลขที่เลือก"))


def _lines(query: Any) -> list[CaseLine]:
    today = clock.today()
    rows = query.order_by(Case.received_on, Case.id).limit(MAX_CASE_LINES)
    return [
        CaseLine(
            id=int(c.id),
            process=str(c.process),
            number=str(c.number),
            title=str(c.title),
            requester=str(c.requester),
            received_on=c.received_on,
            closed_on=c.closed_on,
            due_on=c.due_on,
            state=state_of(c, today).text,
        )
        for c in rows
    ]
