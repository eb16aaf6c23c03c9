"""Process 5 in the statistics: its projects by approach, and the trainings held with attendance."""

from __future__ import annotations

import datetime as dt

import peewee

from models.development.statistics import STATISTICS, _training_figures
from models.statistics import TallyQuery, declared_cases
from tests.unit.development.dev_office import D, make_dev_office, outsourced_to_end


def test_trainings_held_with_attendance_and_the_process_declared(
    sqlite_db: peewee.Database,
) -> None:
    o = make_dev_office()
    outsourced_to_end(o)  # one session on 12 May 2027: 20 invited, 18 came
    year = TallyQuery(D(2026, 10, 1), D(2027, 9, 30), D(2027, 9, 30))
    figures = [(f.label, f.value) for f in _training_figures(year)]
    assert figures == [
        ("การอบรมที่จัด", 1),
        ("ผู้ได้รับเชิญ", 20),
        ("ผู้เข้าอบรม", 18),
        ("ร้อยละของผู้เข้าอบรม", 90.0),
    ]
    before = TallyQuery(D(2026, 10, 1), D(2027, 9, 30), dt.date(2027, 5, 1))
    assert _training_figures(before)[0].value == 0  # not held yet on 1 May
    mine = TallyQuery(D(2026, 10, 1), D(2027, 9, 30), D(2027, 9, 30), assignee_id=o["suda"].id)
    assert _training_figures(mine)[0].value == 0  # not her project
    assert STATISTICS in declared_cases()
