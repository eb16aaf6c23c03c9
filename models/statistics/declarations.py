"""What processes declare to the statistics: their cases on the engine, the dimensions their cases
can be broken down by, and tallies of their own records (loaners, maintenance, installments...).

The statistics layer never imports a process package: a process module calls ``declare_cases`` /
``declare_tally`` at import time (the engine's ``PROCESS_MODULES`` imports it), and
``models.statistics`` reads the declarations from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# A dimension's join: takes a query over ``Case`` and returns it joined to what it needs (LEFT
# OUTER joins, so a case without the detail still counts, under "ไม่ระบุ"), with the group's key
# expression and its label expression.
JoinDimension = Callable[[Any], tuple[Any, Any, Any]]


@dataclass(frozen=True)
class Dimension:
    """A breakdown of a process's cases, e.g. by requesting unit or by problem type."""

    key: str  # "unit", "category", "asset_category" ...
    label: str  # N_-marked column title
    join: JoinDimension


@dataclass(frozen=True)
class CaseFigures:
    """A process on the engine counted by the statistics: received, completed, on time,
    working days to complete, backlog by age, sent back, days paused; per month, quarter, fiscal
    year, staff member and each of ``dimensions``."""

    process: str  # the engine's process key
    order: int  # where it stands in tables and charts
    dimensions: tuple[Dimension, ...] = ()


@dataclass(frozen=True)
class TallyQuery:
    """What a tally is asked for: a period, the day "now" means, and whose work (None: all)."""

    start: dt.date
    end: dt.date
    as_of: dt.date
    assignee_id: int | None = None


@dataclass(frozen=True)
class TallyFigure:
    """One figure of a tally, e.g. ("เครื่องทดแทนที่ยืมเกินกำหนดคืน", 2)."""

    label: str  # N_-marked
    value: float
    unit: str = ""  # N_-marked: "เครื่อง", "บาท", "ครั้ง"
    decimals: int = 0


@dataclass(frozen=True)
class Tally:
    """Figures a process counts over its own records for a period (each one query in SQL)."""

    key: str
    title: str  # N_-marked section heading
    order: int
    compute: Callable[[TallyQuery], Sequence[TallyFigure]]
    staff_scoped: bool = True  # False: the figures are the office's, not one person's


_CASES: dict[str, CaseFigures] = {}
_TALLIES: dict[str, Tally] = {}


def declare_cases(figures: CaseFigures) -> CaseFigures:
    _CASES[figures.process] = figures
    return figures


def declare_tally(tally: Tally) -> Tally:
    _TALLIES[tally.key] = tally
    return tally


def undeclare(key: str) -> None:
    """For tests that declare throwaway figures."""
    _CASES.pop(key, None)
    _TALLIES.pop(key, None)


def _load() -> None:
    from models.engine.registry import load_all  # imports every process module (they declare)

    load_all()


def declared_cases() -> list[CaseFigures]:
    _load()
    return sorted(_CASES.values(), key=lambda c: (c.order, c.process))


def declared_tallies() -> list[Tally]:
    _load()
    return sorted(_TALLIES.values(), key=lambda t: (t.order, t.key))
