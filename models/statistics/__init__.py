"""Statistics for the chain of command: one aggregation layer over every process.

Every figure is computed by the database (``GROUP BY`` over the engine's plain state columns and
a working-day table; see ``figures`` and ``workdays``), the same way on SQLite, PostgreSQL and
MariaDB. ``service.statistics_page(actor, fiscal_year)`` gives the tab and the printed report all
their figures as plain data; ``service.case_lines(actor, pick)`` the cases behind one figure.

How a process adds its figures (processes 4 and 5: a declaration in the process's own module,
nothing here changes)
=====================================================================================

Cases on the engine: declare the process and how its cases break down::

    from models.statistics import CaseFigures, Dimension, declare_cases

    def _by_contract_type(query):  # LEFT OUTER joins: cases without the detail still count
        query = query.join(Job, peewee.JOIN.LEFT_OUTER, on=(Job.case == Case.id))
        return query, Job.kind, Job.kind  # key expression, label expression

    declare_cases(CaseFigures("infrastructure", order=40,
                              dimensions=(Dimension("kind", N_("ประเภทงาน"), _by_contract_type),)))

It then gets received / completed / on time / on-time rate / median and 90th-percentile working
days / backlog by age / sent back / days paused, per month, quarter, fiscal year, staff member
and per dimension, in the tab, the printed report and the workbook.

Figures of its own records (installments on time, penalties, training attendance): a tally, one
SQL query per figure over its own tables for the period asked::

    from models.statistics import Tally, TallyFigure, TallyQuery, declare_tally

    def _installments(q: TallyQuery) -> list[TallyFigure]:
        due = Installment.select().where(Installment.due_on.between(q.start, q.end))
        on_time = due.where(Installment.delivered_on <= Installment.due_on).count()
        penalty = (Installment.select(fn.COALESCE(fn.SUM(Installment.penalty), 0))
                   .where(Installment.due_on.between(q.start, q.end)).scalar())
        return [TallyFigure(N_("งวดงานที่ครบกำหนด"), due.count(), N_("งวด")),
                TallyFigure(N_("ส่งมอบตรงเวลา"), on_time, N_("งวด")),
                TallyFigure(N_("ค่าปรับ"), float(penalty), N_("บาท"), decimals=2)]

    declare_tally(Tally("contracts", N_("งวดงานตามสัญญา"), order=50, compute=_installments,
                        staff_scoped=False))

``staff_scoped=False`` keeps office-wide figures from a staff member's own page; otherwise the
function narrows to ``q.assignee_id`` when it is set. The module must be imported at start (it
is, when listed in the engine's ``PROCESS_MODULES`` or imported by a module that is).
"""

from __future__ import annotations

from models.statistics.declarations import (
    CaseFigures,
    Dimension,
    Tally,
    TallyFigure,
    TallyQuery,
    declare_cases,
    declare_tally,
    declared_cases,
    declared_tallies,
    undeclare,
)

__all__ = [
    "CaseFigures",
    "Dimension",
    "Tally",
    "TallyFigure",
    "TallyQuery",
    "declare_cases",
    "declare_tally",
    "declared_cases",
    "declared_tallies",
    "undeclare",
]
