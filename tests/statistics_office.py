"""The small office of the statistics tests; its figures are worked out by hand in
``tests/unit/test_statistics.py``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from models import clock, records
from models.engine import Case, CaseStep
from tests.process_office import Office, make_office

D = dt.date
TODAY = D(2025, 12, 19)


def _case(
    process: str,
    seq: int,
    received: dt.date,
    due: dt.date,
    *,
    assignee: Any,
    closed: dt.date | None = None,
    result: str = "completed",
    paused: int = 0,
) -> Case:
    from reports.thaifmt import fiscal_year

    return Case.create(
        process=process,
        fiscal_year=fiscal_year(received),
        seq=seq,
        number=f"{seq}/{fiscal_year(received)}",
        title=f"เรื่องที่ {seq}",
        requester="ผู้ขอ",
        received_on=received,
        current_step="done" if closed else "work",
        status="closed" if closed else "open",
        result=result if closed else "",
        assignee_id=assignee.id,
        allowed_days=2,
        paused_days=paused,
        due_on=due,
        closed_on=closed,
    )


def statistics_office() -> Iterator[Office]:
    """Yield the office with "today" set to ``TODAY`` (the clock is reset afterwards)."""
    clock.set_clock(lambda: dt.datetime.combine(TODAY, dt.time(10)))
    from models.publication.process import Publication

    o = make_office()
    somchai, suda = o["somchai"], o["suda"]
    a = _case(
        "publication", 1, D(2025, 10, 6), D(2025, 10, 8), assignee=somchai, closed=D(2025, 10, 7)
    )
    b = _case(
        "publication", 2, D(2025, 10, 10), D(2025, 10, 15), assignee=somchai, closed=D(2025, 10, 13)
    )
    c = _case(
        "publication",
        3,
        D(2025, 10, 14),
        D(2025, 10, 21),
        assignee=suda,
        closed=D(2025, 10, 22),
        paused=3,
    )
    CaseStep.create(
        case=c, on_date=D(2025, 10, 15), step="check", outcome="fix", kind="to_requester"
    )
    CaseStep.create(case=c, on_date=D(2025, 10, 20), step="check", outcome="resume", kind="resume")
    _case(
        "publication",
        4,
        D(2025, 11, 3),
        D(2025, 11, 5),
        assignee=suda,
        closed=D(2025, 11, 10),
        result="withdrawn",
    )
    _case("publication", 5, D(2025, 12, 1), D(2025, 12, 3), assignee=somchai)
    _case(
        "publication", 99, D(2025, 9, 22), D(2025, 9, 24), assignee=somchai, closed=D(2025, 10, 2)
    )
    _case("data_request", 1, D(2025, 11, 5), D(2025, 11, 10), assignee=suda, closed=D(2025, 11, 7))
    records.create(None, Publication, case=a, unit=o.units[0])
    records.create(None, Publication, case=b, unit=o.units[0])
    records.create(None, Publication, case=c, unit=o.units[1])
    yield o
    clock.set_clock(None)
