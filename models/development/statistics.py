"""What process 5 adds to the statistics (``models.statistics``): its projects by approach
(in-house or outsourced), and the trainings held in the period with attendance against the
invited."""

from __future__ import annotations

from typing import Any

import peewee

from models.development.records import KEY, MODE_LABELS, DevProject, Training
from models.engine.tables import Case
from models.i18n import N_
from models.statistics import (
    CaseFigures,
    Dimension,
    Tally,
    TallyFigure,
    TallyQuery,
    declare_cases,
    declare_tally,
)


def _by_mode(query: Any) -> tuple[Any, Any, Any]:
    query = query.join(DevProject, peewee.JOIN.LEFT_OUTER, on=(DevProject.case == Case.id))
    label = peewee.Case(
        None, [(DevProject.mode == key, name) for key, name in MODE_LABELS.items()], DevProject.mode
    )
    return query, DevProject.mode, label


STATISTICS = declare_cases(
    CaseFigures(KEY, order=50, dimensions=(Dimension("mode", N_("แนวทางการพัฒนา"), _by_mode),))
)


def _training_figures(q: TallyQuery) -> list[TallyFigure]:
    """Sessions held in the period, people invited and people who came (one query)."""
    query = Training.select(
        peewee.fn.COUNT(Training.id),
        peewee.fn.COALESCE(peewee.fn.SUM(Training.invited), 0),
        peewee.fn.COALESCE(peewee.fn.SUM(Training.attended), 0),
    ).where(Training.held_on.between(q.start, min(q.end, q.as_of)))
    if q.assignee_id is not None:
        query = query.join(Case, on=(Training.case == Case.id)).where(
            Case.assignee_id == q.assignee_id
        )
    sessions, invited, attended = query.tuples().first() or (0, 0, 0)
    rate = round(100.0 * int(attended) / int(invited), 1) if invited else 0.0
    return [
        TallyFigure(N_("การอบรมที่จัด"), int(sessions), N_("ครั้ง")),
        TallyFigure(N_("ผู้ได้รับเชิญ"), int(invited), N_("คน")),
        TallyFigure(N_("ผู้เข้าอบรม"), int(attended), N_("คน")),
        TallyFigure(N_("ร้อยละของผู้เข้าอบรม"), rate, "", decimals=1),
    ]


declare_tally(
    Tally(
        "development.trainings",
        N_("การอบรมผู้ใช้งานระบบสารสนเทศ"),
        order=55,
        compute=_training_figures,
    )
)
