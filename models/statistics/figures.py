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
  of the cases at or below it; ``percentile_disc``), computed in SQL on every backend: the
  durations grouped into a histogram, a window ``SUM`` of running totals over it, the first
  duration reaching the rank. SQLite has no percentile function, and one form keeps the
  backends giving the same answer; the histogram keeps the window small.
- **sent back**: moves back to an earlier step or to the requester made in the period (by the
  step's day); **days paused**: working days the completed cases waited on the requester.
- **backlog by age**: cases open on ``as_of`` (received by then, not closed by then), by working
  days since receipt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
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


def _group(
    query: Any, by: str, day: Any, dimension: Dimension | None
) -> tuple[Any, list[Any], Any]:
    """The query joined for grouping ``by``; the key expressions and the label expression.

    ``day`` is the ``StatDay`` alias already joined on the date that places a row in time."""
    if by == MONTH:
        return query, [day.month], None
    if by == QUARTER:
        return query, [day.quarter], None
    if by == FISCAL_YEAR:
        return query, [day.fiscal_year], None
    if by == STAFF:
        person = User.alias("person")
        query = query.join(person, peewee.JOIN.LEFT_OUTER, on=(person.id == Case.assignee_id))
        return query, [Case.assignee_id], person.full_name
    if by == TOTAL:
        return query, [], None
    if dimension is None:
        raise ValueError(by)
    query, key, label = dimension.join(query)
    return query, [key], label


def _scope(assignee_id: int | None) -> Any:
    return True if assignee_id is None else (Case.assignee_id == assignee_id)


def _fields(groups: list[Any], label: Any) -> list[Any]:
    out = [g.alias(f"g{i}") for i, g in enumerate(groups)]
    if label is not None:
        out.append(label.alias("glabel"))
    return out


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

    ``by``: ``MONTH``, ``QUARTER``, ``FISCAL_YEAR``, ``STAFF``, ``TOTAL`` or a dimension's key
    (then ``dimension`` is it, and ``declared`` is its one process)."""
    processes = [d.process for d in declared]
    if not processes:
        return []
    ensure_days(start, end)
    found: dict[tuple[str, Any], dict[str, Any]] = {}

    def slot(process: str, key: Any, label: Any) -> dict[str, Any]:
        entry = found.setdefault((process, key), {"label": ""})
        if label is not None:
            entry["label"] = str(label)
        return entry

    # received (and withdrawn among them), by the day of receipt
    rday = StatDay.alias("rday")
    query: Any = Case.select().join(rday, on=(rday.day == Case.received_on))
    query, groups, label = _group(query, by, rday, dimension)
    received = query.select(
        Case.process,
        *_fields(groups, label),
        peewee.fn.COUNT(Case.id),
        _sum_if(Case.result == CaseResult.WITHDRAWN.value),
    ).where(
        Case.process.in_(processes)
        & (Case.received_on >= start)
        & (Case.received_on <= end)
        & _scope(assignee_id)
    )
    for row in received.group_by(
        Case.process, *groups, *([label] if label is not None else [])
    ).tuples():
        key = _key(row, len(groups))
        entry = slot(row[0], key, row[1 + len(groups)] if label is not None else None)
        entry["received"], entry["withdrawn"] = int(row[-2] or 0), int(row[-1] or 0)

    # completed: on time, durations and their percentiles, by the closing day
    for row in _completed(processes, start, end, by, dimension, assignee_id):
        process, key, glabel, count, on_time, paused, median, p90 = row
        entry = slot(process, key, glabel)
        entry.update(
            completed=int(count or 0),
            on_time=int(on_time or 0),
            paused_days=int(paused or 0),
            median_days=None if median is None else int(median),
            p90_days=None if p90 is None else int(p90),
        )

    # sent back, by the day of the move
    sday = StatDay.alias("sday")
    query = (
        CaseStep.select()
        .join(Case, on=(Case.id == CaseStep.case))
        .join(sday, on=(sday.day == CaseStep.on_date))
    )
    query, groups, label = _group(query, by, sday, dimension)
    sent = query.select(Case.process, *_fields(groups, label), peewee.fn.COUNT(CaseStep.id)).where(
        Case.process.in_(processes)
        & CaseStep.kind.in_(SENT_BACK_KINDS)
        & (CaseStep.on_date >= start)
        & (CaseStep.on_date <= end)
        & _scope(assignee_id)
    )
    for row in sent.group_by(
        Case.process, *groups, *([label] if label is not None else [])
    ).tuples():
        key = _key(row, len(groups))
        entry = slot(row[0], key, row[1 + len(groups)] if label is not None else None)
        entry["sent_back"] = int(row[-1] or 0)

    out = []
    for (process, key), values in found.items():
        label_text = values.pop("label")
        out.append(Figures(process, key, label_text, **values))
    order = {p: i for i, p in enumerate(processes)}
    return sorted(out, key=lambda f: (order[f.process], _sortable(f.key), f.label))


def _key(row: tuple[Any, ...], groups: int) -> Any:
    return row[1] if groups else ""


def _sortable(key: Any) -> tuple[int, Any]:
    if key is None:
        return (2, "")
    if isinstance(key, (int, float)):
        return (0, key)
    return (1, str(key))


def _completed(
    processes: list[str],
    start: dt.date,
    end: dt.date,
    by: str,
    dimension: Dimension | None,
    assignee_id: int | None,
) -> list[tuple[Any, ...]]:
    """Per process and group: completed, on time, days paused, median and 90th percentile.

    Three nested selects, one statement: the completed cases grouped by their working days to
    complete (a histogram: a few dozen rows per group, however many cases), running totals over
    it (window ``SUM``), then per group the smallest duration whose running total reaches half /
    nine tenths of the group's count: the nearest-rank percentile, the same on every backend."""
    rday = StatDay.alias("rday")
    cday = StatDay.alias("cday")
    query: Any = (
        Case.select()
        .join(rday, on=(rday.day == Case.received_on))
        .join(cday, on=(cday.day == Case.closed_on))
    )
    query, groups, label = _group(query, by, cday, dimension)
    raw = cday.upto - rday.before - 1 - Case.paused_days
    days = peewee.Case(None, [(raw < 0, 0)], raw)
    on_time = peewee.Case(None, [(Case.due_on.is_null() | (Case.closed_on <= Case.due_on), 1)], 0)
    labels = [label] if label is not None else []
    histogram = (
        query.select(
            Case.process.alias("process"),
            *_fields(groups, label),
            days.alias("days"),
            peewee.fn.COUNT(Case.id).alias("n"),
            peewee.fn.SUM(on_time).alias("on_time"),
            peewee.fn.SUM(Case.paused_days).alias("paused"),
        )
        .where(
            Case.process.in_(processes)
            & (Case.status != "open")
            & (Case.result != CaseResult.WITHDRAWN.value)
            & (Case.closed_on >= start)
            & (Case.closed_on <= end)
            & _scope(assignee_id)
        )
        .group_by(Case.process, *groups, *labels, days)
        .alias("hist")
    )
    key_columns = [histogram.c[f"g{i}"] for i in range(len(groups))]
    partition = [histogram.c.process, *key_columns]
    running = (
        Case.select(
            histogram.c.process,
            *key_columns,
            *([histogram.c.glabel] if label is not None else []),
            histogram.c.days,
            histogram.c.n,
            histogram.c.on_time,
            histogram.c.paused,
            peewee.fn.SUM(histogram.c.n)
            .over(partition_by=partition, order_by=[histogram.c.days])
            .alias("cum"),
            peewee.fn.SUM(histogram.c.n).over(partition_by=partition).alias("total"),
        )
        .from_(histogram)
        .alias("running")
    )
    r_keys = [running.c[f"g{i}"] for i in range(len(groups))]
    r_labels = [running.c.glabel] if label is not None else []
    cum, total, value = running.c.cum, running.c.total, running.c.days
    outer = (
        Case.select(
            running.c.process,
            *r_keys,
            *r_labels,
            peewee.fn.SUM(running.c.n),
            peewee.fn.SUM(running.c.on_time),
            peewee.fn.SUM(running.c.paused),
            peewee.fn.MIN(peewee.Case(None, [((cum * 2) >= total, value)], None)),
            peewee.fn.MIN(peewee.Case(None, [((cum * 10) >= (total * 9), value)], None)),
        )
        .from_(running)
        .group_by(running.c.process, *r_keys, *r_labels)
    )
    rows = []
    tuples: Any = outer.tuples()
    for row in tuples:
        key = row[1] if groups else ""
        glabel = row[1 + len(groups)] if label is not None else None
        rows.append((row[0], key, glabel, *row[-5:]))
    return rows


def backlog(
    declared: Sequence[CaseFigures], as_of: dt.date, *, assignee_id: int | None = None
) -> list[BacklogCount]:
    """Cases open on ``as_of`` by working days since receipt, per process and age bucket."""
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
    query: Any = (
        Case.select(Case.process, bucket.alias("bucket"), peewee.fn.COUNT(Case.id))
        .join(StatDay, on=(StatDay.day == Case.received_on))
        .where(open_on(as_of) & Case.process.in_(processes) & _scope(assignee_id))
        .group_by(Case.process, bucket)
    )
    tuples: Any = query.tuples()
    return [BacklogCount(p, str(b), int(n)) for p, b, n in tuples]


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
