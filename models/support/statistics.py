"""Process 2's figures for the statistics (``models.statistics``): repair tickets on the engine
broken down by problem type, asset category and requesting unit; loaners lent, out and overdue;
preventive maintenance planned against done. Imported by ``models.support.tickets``."""

from __future__ import annotations

from typing import Any

import peewee

from models.engine import Case
from models.i18n import N_
from models.org import Unit
from models.statistics import (
    CaseFigures,
    Dimension,
    Tally,
    TallyFigure,
    TallyQuery,
    declare_cases,
    declare_tally,
)
from models.support import assets
from models.support.assets import Asset
from models.support.ticket_records import PROCESS_KEY, RepairTicket, TicketCategory
from models.users import User


def _stat_ticket(query: Any) -> Any:
    return query.join(RepairTicket, peewee.JOIN.LEFT_OUTER, on=(RepairTicket.case == Case.id))


def _by_problem_type(query: Any) -> tuple[Any, Any, Any]:
    category = TicketCategory.alias("stat_category")
    query = _stat_ticket(query).join(
        category, peewee.JOIN.LEFT_OUTER, on=(category.id == RepairTicket.category)
    )
    return query, RepairTicket.category, category.name


def _by_asset_category(query: Any) -> tuple[Any, Any, Any]:
    asset = Asset.alias("stat_asset")
    category = assets.AssetCategory.alias("stat_asset_category")
    query = (
        _stat_ticket(query)
        .join(asset, peewee.JOIN.LEFT_OUTER, on=(asset.id == RepairTicket.asset))
        .join(category, peewee.JOIN.LEFT_OUTER, on=(category.id == asset.category))
    )
    return query, asset.category, category.name


def _by_unit(query: Any) -> tuple[Any, Any, Any]:
    unit = Unit.alias("stat_unit")
    query = _stat_ticket(query).join(
        unit, peewee.JOIN.LEFT_OUTER, on=(unit.id == RepairTicket.unit)
    )
    return query, RepairTicket.unit, unit.name


STATISTICS = declare_cases(
    CaseFigures(
        PROCESS_KEY,
        order=20,
        dimensions=(
            Dimension("category", N_("ประเภทปัญหา"), _by_problem_type),
            Dimension("asset_category", N_("หมวดครุภัณฑ์"), _by_asset_category),
            Dimension("unit", N_("หน่วยงานที่แจ้ง"), _by_unit),
        ),
    )
)


def _loaner_figures(q: TallyQuery) -> list[TallyFigure]:
    """Loaners lent in the period, out on ``as_of`` and, of those, past their return date."""
    from models.support.loans import Loan

    mine = True if q.assignee_id is None else (Loan.lent_by == q.assignee_id)
    out_then = (Loan.lent_on <= q.as_of) & (
        Loan.returned_on.is_null() | (Loan.returned_on > q.as_of)
    )
    lent = Loan.select().where(mine & (Loan.lent_on >= q.start) & (Loan.lent_on <= q.end))
    out = Loan.select().where(mine & out_then)
    overdue = Loan.select().where(mine & out_then & (Loan.due_back < q.as_of))
    return [
        TallyFigure(N_("ให้ยืมในปีงบประมาณ"), lent.count(), N_("ครั้ง")),
        TallyFigure(N_("ยังไม่คืน"), out.count(), N_("เครื่อง")),
        TallyFigure(N_("เกินกำหนดคืน"), overdue.count(), N_("เครื่อง")),
    ]


def _maintenance_figures(q: TallyQuery) -> list[TallyFigure]:
    """Planned against done. The planned occurrences come from each task's schedule (monthly,
    quarterly, set dates): there are no rows to count, so the maintenance module expands them;
    what was done is its records."""
    from models.support import maintenance

    items = maintenance.occurrences(start=q.start, end=q.end, today=q.as_of)
    if q.assignee_id is not None:
        names = User.select(User.full_name).where(User.id == q.assignee_id).scalar()
        items = [o for o in items if o.assignee == names]
    figures = maintenance.plan_figures(items)
    return [
        TallyFigure(N_("ตามแผน"), figures.planned, N_("ครั้ง")),
        TallyFigure(N_("ทำแล้ว"), figures.done, N_("ครั้ง")),
        TallyFigure(N_("ทำแล้วตรงกำหนด"), figures.done_on_time, N_("ครั้ง")),
        TallyFigure(N_("เกินกำหนดยังไม่ได้ทำ"), figures.overdue, N_("ครั้ง")),
        TallyFigure(N_("ร้อยละที่ทำแล้วของที่ถึงกำหนด"), figures.percent_done, "", decimals=2),
    ]


declare_tally(Tally("loaners", N_("เครื่องทดแทน"), order=60, compute=_loaner_figures))
declare_tally(Tally("maintenance", N_("บำรุงรักษาเชิงป้องกัน"), order=70, compute=_maintenance_figures))
