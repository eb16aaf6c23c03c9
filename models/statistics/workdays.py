"""Working days in SQL: one row per calendar day with the running count of working days.

``working_days_between(a, b)`` of ``models.calendar`` is ``upto(b) - upto(a)``, where ``upto(d)``
counts the working days up to and including ``d``. Keeping that count per day in a table lets a
query turn any two date columns into working days with two joins, so durations, ages and their
percentiles are computed by the database (``GROUP BY``, window functions), never by loading rows.

- ``before``: working days strictly before the day. A case received on day ``r`` starts counting
  on its first working day (``calendar.next_working_day(r)``), whose ``upto`` is always
  ``before(r) + 1``; so the working days from receipt to ``c`` are ``upto(c) - before(r) - 1``,
  the same convention as the deadlines (``add_working_days(r, n)`` is the n-th working day after).
- ``month`` (``YYYYMM``, C.E.), ``quarter`` (``25691`` = first quarter of fiscal year 2569) and
  ``fiscal_year`` (B.E.): the groups of the statistics, without date functions that differ between
  SQLite, PostgreSQL and MariaDB.

The table is derived data: it is rebuilt from ``models.calendar`` (holidays package plus the
office's own table) whenever the calendar's revision moved or a query needs days it does not cover.
"""

from __future__ import annotations

import datetime as dt
import threading

import peewee

from models import calendar
from models.base import BaseModel
from models.write_lock import write_transaction
from reports.thaifmt import fiscal_year

FIRST_YEAR_MARGIN = 10  # years kept before the earliest day asked for (old cases still open)


class StatDay(BaseModel):
    day = peewee.DateField(primary_key=True)
    before = peewee.IntegerField()  # working days before this day (from the table's first day)
    upto = peewee.IntegerField()  # working days up to and including this day
    month = peewee.IntegerField(index=True)  # YYYYMM (C.E.)
    quarter = peewee.IntegerField()  # B.E. fiscal year * 10 + fiscal quarter (1 = Oct-Dec)
    fiscal_year = peewee.IntegerField()  # B.E.

    class Meta:
        table_name = "stat_day"


class StatDayState(BaseModel):
    """One row: the calendar revision and the span the table was built for."""

    revision = peewee.IntegerField()
    first_day = peewee.DateField()
    last_day = peewee.DateField()

    class Meta:
        table_name = "stat_day_state"


_lock = threading.Lock()


def fiscal_quarter(day: dt.date) -> int:
    fy = fiscal_year(day)
    return fy * 10 + ((day.month - 10) % 12) // 3 + 1


def _calendar_revision() -> int:
    value = calendar.CalendarRevision.select(calendar.CalendarRevision.revision).scalar()
    return int(value or 0)


def ensure_days(first: dt.date, last: dt.date) -> None:
    """Make sure ``stat_day`` covers ``first``..``last`` with the calendar as it is now."""
    revision = _calendar_revision()
    state = StatDayState.select().first()
    if (
        state is not None
        and state.revision == revision
        and state.first_day <= first
        and state.last_day >= last
    ):
        return
    with _lock:
        if state is not None:
            first, last = min(first, state.first_day), max(last, state.last_day)
        # whole years: fewer rebuilds as the figures move through time
        _rebuild(
            dt.date(first.year - FIRST_YEAR_MARGIN, 1, 1), dt.date(last.year + 1, 12, 31), revision
        )


def _rebuild(first: dt.date, last: dt.date, revision: int) -> None:
    rows = []
    before = 0
    day = first
    while day <= last:
        working = calendar.is_working_day(day)
        upto = before + (1 if working else 0)
        rows.append(
            (day, before, upto, day.year * 100 + day.month, fiscal_quarter(day), fiscal_year(day))
        )
        before = upto
        day += dt.timedelta(days=1)
    fields = [
        StatDay.day,
        StatDay.before,
        StatDay.upto,
        StatDay.month,
        StatDay.quarter,
        StatDay.fiscal_year,
    ]
    try:
        with write_transaction():
            StatDay.delete().execute()
            StatDayState.delete().execute()
            for at in range(0, len(rows), 500):
                StatDay.insert_many(rows[at : at + 500], fields=fields).execute()
            StatDayState.create(revision=revision, first_day=first, last_day=last)
    except peewee.IntegrityError:
        pass  # another workstation rebuilt it at the same moment, from the same calendar


def upto(day: dt.date) -> int:
    """The ``upto`` count of ``day`` (the table must cover it: ``ensure_days``)."""
    value = StatDay.select(StatDay.upto).where(StatDay.day == day).scalar()
    if value is None:
        raise LookupError(day)
    return int(value)
