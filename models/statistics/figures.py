"""The aggregation queries: every figure of the statistics is one ``GROUP BY`` over the engine's
plain state columns (``received_on``, ``closed_on``, ``due_on``, ``result``, ``paused_days``) and
the working-day table (``models.statistics.workdays``); no case row is loaded into Python.

- **received**: cases received in the period (by ``received_on``); **withdrawn**: of those, the
  ones the requester withdrew (they are never late and never "completed").
- **completed**: cases closed in the period (by ``closed_on``) and not withdrawn; **on time**:
  closed on or before the due date (as ``models.engine.deadlines``: a case without a due date is
  on time). The on-time rate is on time / completed.
- **working days to complete**: from the first working day of receipt to the closing day, minus
  the working days the case waited on the requester (the clock was paused then, as for the due
  date). A case closed on a holiday ends on the working day before it (the holiday adds nothing).
- **median / 90th percentile**: nearest rank (the smallest value with at least half / nine tenths
  of the cases at or below it, as ``percentile_disc``). SQL groups the completed cases by their
  working days to complete (``GROUP BY ..., days``: a histogram of a few dozen rows per group
  however many cases there are); the rank is read off that histogram in Python
  (``nearest_rank``). This is the "narrow projection of durations" way rather than a percentile
  function in SQL: SQLite has none, and histograms can be added, so one set of grouped queries
  at the grain (process, month, staff member) gives months, quarters, the year, each person
  and the office, with the same percentiles on every backend.

Counts are grouped in SQL at that grain and added up in Python (``add_up``): months into
quarters and the year, people into the office. No case row is loaded to count it.
- **sent back**: moves back to an earlier step or to the requester made in the period (by the
  step's day); **days paused**: working days the completed cases waited on the requester.
- **backlog by age**: cases open on ``as_of`` (received by then, not closed by then), by working
  days since receipt.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import peewee

from models.engine.definition import CaseResult, OutcomeKind
from models.engine.tables import Case, CaseStep
from models.i18n import N_
from models.statistics.declarations import CaseFigures, Dimension
from models.statistics.workdays import StatDay, ensure_days, upto
from models.users import User

MONTH = "month"
QUARTER = "quarter"
FISCAL_YEAR = "fiscal_year"
STAFF = "staff"
TOTAL = "total"  # one row per process
CALENDAR_GROUPS = (MONTH, QUARTER, FISCAL_YEAR)

SENT_BACK_KINDS = (OutcomeKind.SEND_BACK.value, OutcomeKind.TO_REQUESTER.value)

# Backlog ages in working days since receipt: (key, upper bound inclusive or None, label)
AGE_BUCKETS: tuple[tuple[str, int | None, str], ...] = (
    ("0-5", 5, N_("ไม่เกิน 5 วันทำการ")),
    ("6-10", 10, N_("6-10 วันทำการ")),
    ("11-20", 20, N_("11-20 วันทำการ")),
    ("21-60", 60, N_("21-60 วันทำการ")),
    ("60+", None, N_("เกิน 60 วันทำการ")),
)


@dataclass(frozen=True)
class Figures:
    """The figures of one process in one group (a month, a staff member, a unit...)."""

    process: str
    key: Any  # the group's key (None: not recorded; for TOTAL: "")
    label: str  # the group's label as stored (a unit's name...); calendar groups: ""
    received: int = 0
    withdrawn: int = 0
    completed: int = 0
    on_time: int = 0
    median_days: int | None = None
    p90_days: int | None = None
    sent_back: int = 0
    paused_days: int = 0

    @property
    def late(self) -> int:
        return self.completed - self.on_time

    @property
    def on_time_rate(self) -> float | None:
        return 100.0 * self.on_time / self.completed if self.completed else None


@dataclass(frozen=True)
class BacklogCount:
    process: str
    bucket: str  # AGE_BUCKETS key
    count: int


def _sum_if(condition: Any) -> Any:
    return peewee.fn.SUM(peewee.Case(None, [(condition, 1)], 0))


def _scope(assignee_id: int | None) -> Any:
    return True if assignee_id is None else (Case.assignee_id == assignee_id)


# How a query is grouped: given the query (over ``Case``) and the ``StatDay`` alias joined on the
# date that places a row in time, the query with any joins it needs, the key expressions and the
# label expression (or None).
Grouping = Callable[[Any, Any], tuple[Any, list[Any], Any]]


def calendar_grouping(query: Any, day: Any) -> tuple[Any, list[Any], Any]:
    """Month and staff member: the grain every calendar and per-person figure of the page is
    added up from (quarters and years from their months; few keys keep SQLite's sort small)."""
    return query, [day.month, Case.assignee_id], None


def month_grouping(query: Any, day: Any) -> tuple[Any, list[Any], Any]:
    return query, [day.month], None


def dimension_grouping(dimension: Dimension) -> Grouping:
    def group(query: Any, _day: Any) -> tuple[Any, list[Any], Any]:
        query, key, label = dimension.join(query)
        return query, [key], label

    return group


@dataclass
class _Tally:
    """Counts of one group as they are added up from the grouped rows."""

    label: str = ""
    received: int = 0
    withdrawn: int = 0
    completed: int = 0
    on_time: int = 0
    sent_back: int = 0
    paused_days: int = 0
    durations: dict[int, int] = field(default_factory=dict)  # working days -> cases

    def figures(self, process: str, key: Any) -> Figures:
        return Figures(
            process,
            key,
            self.label,
            received=self.received,
            withdrawn=self.withdrawn,
            completed=self.completed,
            on_time=self.on_time,
            median_days=nearest_rank(self.durations, 1, 2),
            p90_days=nearest_rank(self.durations, 9, 10),
            sent_back=self.sent_back,
            paused_days=self.paused_days,
        )


def nearest_rank(histogram: dict[int, int], numerator: int, denominator: int) -> int | None:
    """The smallest duration with at least numerator/denominator of the cases at or below it
    (``percentile_disc``), read off a histogram of durations."""
    count = sum(histogram.values())
    if not count:
        return None
    running = 0
    for days in sorted(histogram):
        running += histogram[days]
        if running * denominator >= count * numerator:
            return days
    return max(histogram)


@dataclass(frozen=True)
class GroupedRows:
    """The three grouped queries' rows: (process, *keys, label, counts...)."""

    received: list[tuple[Any, ...]]  # ..., received, withdrawn
    completed: list[tuple[Any, ...]]  # ..., days, completed, on time, paused
    sent_back: list[tuple[Any, ...]]  # ..., sent back
    keys: int
    labelled: bool


def grouped_rows(
    processes: list[str],
    start: dt.date,
    end: dt.date,
    group: Grouping,
    *,
    assignee_id: int | None = None,
    received_only: bool = False,
) -> GroupedRows:
    """Three ``GROUP BY`` queries over the period: cases received (by day of receipt), cases
    completed with their working days to complete (by closing day; grouped by the duration too,
    so the median and 90th percentile are read off the histogram), moves sent back (by day)."""
    ensure_days(start, end)
    in_scope = Case.process.in_(processes) & _scope(assignee_id)

    rday = StatDay.alias("rday")
    query: Any = Case.select().join(rday, on=(rday.day == Case.received_on))
    query, keys, label = group(query, rday)
    labels = [label] if label is not None else []
    received = query.select(
        Case.process,
        *keys,
        *labels,
        peewee.fn.COUNT(Case.id),
        _sum_if(Case.result == CaseResult.WITHDRAWN.value),
    ).where(in_scope & (Case.received_on >= start) & (Case.received_on <= end))
    received_rows: Any = received.group_by(Case.process, *keys, *labels).tuples()
    if received_only:
        return GroupedRows(list(received_rows), [], [], len(keys), label is not None)

    start_day = StatDay.alias("sday")
    close_day = StatDay.alias("cday")
    query = (
        Case.select()
        .join(start_day, on=(start_day.day == Case.received_on))
        .join(close_day, on=(close_day.day == Case.closed_on))
    )
    query, keys, label = group(query, close_day)
    raw = close_day.upto - start_day.before - 1 - Case.paused_days
    days = peewee.Case(None, [(raw < 0, 0)], raw)
    on_time = peewee.Case(None, [(Case.due_on.is_null() | (Case.closed_on <= Case.due_on), 1)], 0)
    completed = query.select(
        Case.process,
        *keys,
        *labels,
        days,
        peewee.fn.COUNT(Case.id),
        peewee.fn.SUM(on_time),
        peewee.fn.SUM(Case.paused_days),
    ).where(
        in_scope
        & (Case.status != "open")
        & (Case.result != CaseResult.WITHDRAWN.value)
        & (Case.closed_on >= start)
        & (Case.closed_on <= end)
    )
    completed_rows: Any = completed.group_by(Case.process, *keys, *labels, days).tuples()

    step_day = StatDay.alias("stepday")
    query = (
        CaseStep.select()
        .join(Case, on=(Case.id == CaseStep.case))
        .join(step_day, on=(step_day.day == CaseStep.on_date))
    )
    query, keys, label = group(query, step_day)
    # no condition on the process here: the (kind, on_date) index then drives the query, and
    # rows of other processes are left out when added up
    sent = query.select(Case.process, *keys, *labels, peewee.fn.COUNT(CaseStep.id)).where(
        _scope(assignee_id)
        & CaseStep.kind.in_(SENT_BACK_KINDS)
        & (CaseStep.on_date >= start)
        & (CaseStep.on_date <= end)
    )
    sent_rows: Any = sent.group_by(Case.process, *keys, *labels).tuples()
    return GroupedRows(
        list(received_rows), list(completed_rows), list(sent_rows), len(keys), label is not None
    )


def add_up(
    rows: GroupedRows, key_of: Callable[[tuple[Any, ...]], Any], order: list[str]
) -> list[Figures]:
    """The figures per process and ``key_of(keys)``: counts and duration histograms added up
    from the grouped rows (months into quarters and years, people into the office)."""
    tallies: dict[tuple[str, Any], _Tally] = {}
    width = rows.keys

    def tally(row: tuple[Any, ...]) -> _Tally:
        keys = tuple(row[1 : 1 + width])
        entry = tallies.setdefault((row[0], key_of(keys)), _Tally())
        if rows.labelled and row[1 + width] is not None:
            entry.label = str(row[1 + width])
        return entry

    rest = 1 + width + (1 if rows.labelled else 0)
    for row in rows.received:
        entry = tally(row)
        entry.received += int(row[rest] or 0)
        entry.withdrawn += int(row[rest + 1] or 0)
    for row in rows.completed:
        entry = tally(row)
        days, count = int(row[rest]), int(row[rest + 1] or 0)
        entry.durations[days] = entry.durations.get(days, 0) + count
        entry.completed += count
        entry.on_time += int(row[rest + 2] or 0)
        entry.paused_days += int(row[rest + 3] or 0)
    for row in rows.sent_back:
        if row[0] in order:
            tally(row).sent_back += int(row[rest] or 0)
    position = {p: i for i, p in enumerate(order)}
    out = [t.figures(process, key) for (process, key), t in tallies.items()]
    return sorted(out, key=lambda f: (position[f.process], _sortable(f.key), f.label))


def quarter_of(month: int) -> int:
    """``YYYYMM`` (C.E.) to its fiscal quarter key: B.E. fiscal year * 10 + quarter."""
    number = int(month) % 100
    return fiscal_year_of(month) * 10 + ((number - 10) % 12) // 3 + 1


def fiscal_year_of(month: int) -> int:
    year, number = divmod(int(month), 100)
    return year + 543 + (1 if number >= 10 else 0)


_CALENDAR_KEYS: dict[str, Callable[[tuple[Any, ...]], Any]] = {
    MONTH: lambda keys: keys[0],
    QUARTER: lambda keys: quarter_of(keys[0]),
    FISCAL_YEAR: lambda keys: fiscal_year_of(keys[0]),
    STAFF: lambda keys: keys[1],
    TOTAL: lambda keys: "",
}


def calendar_figures(
    declared: Sequence[CaseFigures],
    start: dt.date,
    end: dt.date,
    groupings: Sequence[str],
    *,
    assignee_id: int | None = None,
    received_only: bool = False,
) -> dict[str, list[Figures]]:
    """The figures by each of ``groupings`` (``MONTH``, ``QUARTER``, ``FISCAL_YEAR``, ``STAFF``,
    ``TOTAL``) from one set of grouped queries."""
    processes = [d.process for d in declared]
    if not processes:
        return {g: [] for g in groupings}
    rows = grouped_rows(
        processes,
        start,
        end,
        calendar_grouping,
        assignee_id=assignee_id,
        received_only=received_only,
    )
    out = {g: add_up(rows, _CALENDAR_KEYS[g], processes) for g in groupings}
    if STAFF in out:
        out[STAFF] = _with_names(out[STAFF])
    return out


def _with_names(rows: list[Figures]) -> list[Figures]:
    ids = {r.key for r in rows if r.key is not None}
    names = (
        {u.id: u.full_name for u in User.select(User.id, User.full_name).where(User.id.in_(ids))}
        if ids
        else {}
    )
    return [dataclasses.replace(r, label=str(names.get(r.key, ""))) for r in rows]


def case_figures(
    declared: Sequence[CaseFigures],
    start: dt.date,
    end: dt.date,
    by: str,
    *,
    dimension: Dimension | None = None,
    assignee_id: int | None = None,
) -> list[Figures]:
    """The figures of ``declared`` processes for ``start``..``end``, one per process and group.

    ``by``: ``MONTH``, ``QUARTER``, ``FISCAL_YEAR``, ``STAFF``, ``TOTAL``, or a dimension's key
    (then ``dimension`` is it, and ``declared`` is its one process)."""
    if by in _CALENDAR_KEYS:
        return calendar_figures(declared, start, end, [by], assignee_id=assignee_id)[by]
    if dimension is None:
        raise ValueError(by)
    processes = [d.process for d in declared]
    rows = grouped_rows(
        processes, start, end, dimension_grouping(dimension), assignee_id=assignee_id
    )
    return add_up(rows, lambda keys: keys[0], processes)


def _sortable(key: Any) -> tuple[int, Any]:
    if key is None:
        return (2, "")
    if isinstance(key, (int, float)):
        return (0, key)
    return (1, str(key))


def backlog(
    declared: Sequence[CaseFigures], as_of: dt.date, *, assignee_id: int | None = None
) -> list[BacklogCount]:
    """Cases open on ``as_of`` by working days since receipt, per process and age bucket.

    Two index-friendly queries added together: cases still open (received by ``as_of``), and
    cases closed after ``as_of`` (received by then): one condition with OR scans every case."""
    processes = [d.process for d in declared]
    if not processes:
        return []
    ensure_days(as_of, as_of)
    age = upto(as_of) - StatDay.before - 1
    bucket = peewee.Case(
        None,
        [(age <= limit, key) for key, limit, _label in AGE_BUCKETS if limit is not None],
        AGE_BUCKETS[-1][0],
    )
    # received after ``as_of``: not open then (tested here, not in WHERE, so the planner takes
    # the (process, closed_on) index and not a scan of every case received until then)
    bucket = peewee.Case(None, [(Case.received_on > as_of, LATER)], bucket)
    counts: dict[tuple[str, str], int] = {}
    # open now (closed_on IS NULL), or closed after ``as_of``: two index ranges
    for still_open in (Case.closed_on.is_null(), Case.closed_on > as_of):
        query: Any = (
            Case.select(Case.process, bucket, peewee.fn.COUNT(Case.id))
            .join(StatDay, on=(StatDay.day == Case.received_on))
            .where(still_open & Case.process.in_(processes) & _scope(assignee_id))
            .group_by(Case.process, bucket)
        )
        for process, key, n in query.tuples():
            if key != LATER:
                counts[(process, str(key))] = counts.get((process, str(key)), 0) + int(n)
    return [BacklogCount(p, b, n) for (p, b), n in sorted(counts.items())]


LATER = "later"  # received after the backlog's day


def open_on(as_of: dt.date) -> Any:
    """Cases open on ``as_of``: received by then and not closed by then."""
    return (Case.received_on <= as_of) & (Case.closed_on.is_null() | (Case.closed_on > as_of))


def age_condition(as_of: dt.date, bucket: str) -> Any:
    """The cases of one backlog bucket (``StatDay`` joined on ``received_on``)."""
    age = upto(as_of) - StatDay.before - 1
    lower = 0
    for key, limit, _label in AGE_BUCKETS:
        if key == bucket:
            condition = age >= lower
            return condition if limit is None else condition & (age <= limit)
        lower = (limit or 0) + 1
    raise ValueError(bucket)
