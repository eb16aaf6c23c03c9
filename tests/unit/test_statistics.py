"""The statistics layer against a small office whose figures are worked out by hand below.

Fiscal year 2569 runs 1 Oct 2025 - 30 Sep 2026; "today" is Fri 19 Dec 2025. Holidays used (Thai
government calendar, checked first): Mon 13 Oct 2025, Thu 23 Oct 2025, Fri 5 Dec, Wed 10 Dec 2025.

Publication requests (2 working days), assignee, unit:

- A somchai, unit 0: received Mon 6 Oct, due Wed 8 Oct, closed Tue 7 Oct: on time, 1 working day.
- B somchai, unit 0: received Fri 10 Oct, due Wed 15 Oct (Mon 13 is a holiday), **closed on the
  holiday Mon 13 Oct**: on time, 0 working days (the holiday adds none).
- C suda, unit 1: received Tue 14 Oct; **sent back to the requester** Wed 15 Oct, resumed Mon 20 Oct
  (3 working days paused: 16, 17, 20), so due Tue 21 Oct; closed Wed 22 Oct: late; working days
  15..22 are 6, minus 3 paused = 3.
- D suda: received Mon 3 Nov, due Wed 5 Nov, **withdrawn** Mon 10 Nov (after its due date): counted
  as received and withdrawn, never as completed or late.
- E somchai: received Mon 1 Dec, still open: on 19 Dec it is 12 working days old (2, 3, 4, 8, 9,
  11, 12, 15-19): backlog bucket 11-20.
- F somchai: received Mon 22 Sep 2025 (fiscal year 2568), due Wed 24 Sep, closed Thu 2 Oct: late,
  completed in 2569; working days 23 Sep - 2 Oct: 8.

Fiscal year 2569, publications: received 5 (A B C D E), withdrawn 1 (D), completed 4 (A B C F),
on time 2 (A B), rate 50 %, durations [0, 1, 3, 8]: median (nearest rank 2 of 4) 1, 90th
percentile (rank 4 of 4) 8; sent back 1 (C); days paused 3 (C).

Data request G suda (3 working days): received Wed 5 Nov, closed Fri 7 Nov: on time, 2 days.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import peewee
import pytest

from models import calendar, office_days
from models.errors import ValidationError
from models.statistics import figures as fig
from models.statistics import service
from tests.process_office import Office
from tests.statistics_office import TODAY, D, statistics_office


@pytest.fixture
def office(db: peewee.Database) -> Iterator[Office]:
    yield from statistics_office()


def test_the_calendar_is_the_one_worked_by_hand(office: Office) -> None:
    for holiday in (D(2025, 10, 13), D(2025, 10, 23), D(2025, 12, 5), D(2025, 12, 10)):
        assert not calendar.is_working_day(holiday)
    assert calendar.add_working_days(D(2025, 10, 10), 2) == D(2025, 10, 15)
    assert calendar.add_working_days(D(2025, 10, 14), 5) == D(2025, 10, 21)


def _one(rows: list[fig.Figures], process: str, key: Any = "") -> fig.Figures:
    found = [r for r in rows if r.process == process and r.key == key]
    assert len(found) == 1, rows
    return found[0]


def test_fiscal_year_figures_worked_by_hand(office: Office) -> None:
    page = service.statistics_page(office["head"], 2569)
    assert (page.start, page.end, page.as_of) == (D(2025, 10, 1), D(2026, 9, 30), TODAY)
    pub = page.total("publication")
    assert (pub.received, pub.withdrawn, pub.completed, pub.on_time, pub.late) == (5, 1, 4, 2, 2)
    assert pub.on_time_rate == 50.0
    assert (pub.median_days, pub.p90_days) == (1, 8)
    assert (pub.sent_back, pub.paused_days) == (1, 3)
    data = page.total("data_request")
    assert (data.received, data.completed, data.on_time, data.median_days, data.p90_days) == (
        1,
        1,
        1,
        2,
        2,
    )


def test_months_quarters_and_the_year_before(office: Office) -> None:
    page = service.statistics_page(office["head"], 2569)
    october = _one(page.months, "publication", 202510)
    assert (october.received, october.completed, october.on_time, october.sent_back) == (3, 4, 2, 1)
    assert (october.median_days, october.p90_days) == (1, 8)
    november = _one(page.months, "publication", 202511)
    assert (november.received, november.withdrawn, november.completed) == (1, 1, 0)
    assert page.month_series("received", "publication") == [3, 1, 1] + [0] * 9
    assert page.month_series("received") == [3, 2, 1] + [0] * 9
    assert page.month_series("received", "publication", previous=True) == [0] * 11 + [1]
    first_quarter = _one(page.quarters, "publication", 25691)
    assert (first_quarter.received, first_quarter.completed, first_quarter.on_time) == (5, 4, 2)


def test_staff_units_and_backlog(office: Office) -> None:
    page = service.statistics_page(office["head"], 2569)
    somchai = _one(page.staff, "publication", office["somchai"].id)
    assert somchai.label == office["somchai"].full_name
    assert (somchai.received, somchai.completed, somchai.on_time) == (3, 3, 2)
    assert (somchai.median_days, somchai.p90_days) == (1, 8)
    suda = _one(page.staff, "publication", office["suda"].id)
    assert (suda.received, suda.withdrawn, suda.completed, suda.on_time, suda.median_days) == (
        2,
        1,
        1,
        0,
        3,
    )
    units = next(t for t in page.dimensions if t.process == "publication" and t.key == "unit")
    first = _one(units.rows, "publication", office.units[0].id)
    assert (first.label, first.received, first.on_time, first.median_days, first.p90_days) == (
        office.units[0].name,
        2,
        2,
        0,
        1,
    )
    unknown = _one(units.rows, "publication", None)
    assert (unknown.received, unknown.completed) == (2, 1)  # D and E received; F completed
    assert page.backlog_series("publication") == [0, 0, 1, 0, 0]


def test_a_staff_member_sees_only_their_own_work(office: Office) -> None:
    page = service.statistics_page(office["suda"], 2569, assignee_id=office["somchai"].id)
    assert page.assignee_id == office["suda"].id
    assert page.total("publication").received == 2
    assert page.total("data_request").received == 1
    assert page.backlog_series() == [0] * 5
    lines = service.case_lines(
        office["suda"], service.Pick("received", page.start, page.end, page.as_of)
    )
    assert sorted(line.number for line in lines) == ["1/2569", "3/2569", "4/2569"]


def test_the_cases_behind_a_figure(office: Office) -> None:
    start, end = D(2025, 10, 1), D(2026, 9, 30)
    pick = service.Pick("late", start, end, TODAY, "publication", fig.MONTH, 202510)
    late = service.case_lines(office["head"], pick)
    assert [line.number for line in late] == ["99/2568", "3/2569"]
    backlog = service.case_lines(
        office["head"], service.Pick("backlog", start, end, TODAY, "publication", key="11-20")
    )
    assert [line.number for line in backlog] == ["5/2569"]
    by_unit = service.Pick(
        "completed", start, end, TODAY, "publication", "unit", office.units[0].id
    )
    assert [line.number for line in service.case_lines(office["head"], by_unit)] == [
        "1/2569",
        "2/2569",
    ]
    sent = service.case_lines(
        office["head"],
        service.Pick("sent_back", start, end, TODAY, "publication", fig.MONTH, 202510),
    )
    assert [line.number for line in sent] == ["3/2569"]


def test_a_holiday_added_by_the_office_changes_the_working_days(office: Office) -> None:
    before = service.statistics_page(office["head"], 2569).total("publication")
    office_days.add_office_day(office["head"], D(2025, 9, 30), "closed", "วันหยุดพิเศษ")
    after = service.statistics_page(office["head"], 2569).total("publication")
    assert (before.p90_days, after.p90_days) == (8, 7)  # F's 8 working days lose 30 Sep


def test_a_bad_fiscal_year_is_refused(office: Office) -> None:
    with pytest.raises(ValidationError) as raised:
        service.statistics_page(office["head"], 2025)
    assert "fiscal_year" in raised.value.errors


def test_declared_tallies_count_loaners(sql_db: peewee.Database) -> None:
    """Process 2's loaner tally: lent in the year, out on the day, overdue among them; a staff
    member's page counts only the machines they lent."""
    import datetime as dt

    from models import clock
    from models.support import loans
    from tests import support_office

    try:
        o = support_office.build()
        clock.set_clock(lambda: dt.datetime.combine(D(2025, 12, 1), dt.time(10)))  # after build()
        back = loans.lend(
            o.head, o.spares[0], borrower_name="ค", due_back=D(2025, 11, 3), lent_on=D(2025, 10, 27)
        )
        loans.return_loan(o.head, back, returned_on=D(2025, 11, 3))
        loans.lend(
            o.staff,
            o.spares[0],
            borrower_name="ก",
            due_back=D(2025, 11, 20),
            lent_on=D(2025, 11, 10),
        )
        loans.lend(
            o.staff,
            o.spares[1],
            borrower_name="ข",
            due_back=D(2025, 12, 5),
            lent_on=D(2025, 11, 28),
        )
        page = service.statistics_page(o.head, 2569)
        section = next(t for t in page.tallies if t.key == "loaners")
        assert [value for _label, value, _unit, _d in section.figures] == [3, 2, 1]
        mine = service.statistics_page(o.staff, 2569)
        section = next(t for t in mine.tallies if t.key == "loaners")
        assert [value for _label, value, _unit, _d in section.figures] == [2, 2, 1]
    finally:
        clock.set_clock(None)
