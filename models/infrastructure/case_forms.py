"""The procurement forms a process-4 project prints from its case, assembled from the project
(plan item, specification, budget, median price, method) and its ``models.procurement`` records
(quotations, committee), rendered by ``reports.procurement``:

- ``comparison``: ตารางเปรียบเทียบใบเสนอราคา (step 3);
- ``f1``: บันทึกขออนุมัติหลักการและงบประมาณ และแต่งตั้งคณะกรรมการจัดทำร่างขอบเขตของงาน (step 3);
- ``f5a``: ตารางราคากลาง แบบ บก.๐๖ (step 5), the quotations as its price sources;
- ``f6``: รายงานขอซื้อขอจ้าง ข้อ ๒๒ (step 7).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from models import clock, office
from models.base import Actor
from models.engine import CaseStep
from models.engine import reporting as rep
from models.errors import ValidationError
from models.i18n import _, document_language
from models.infrastructure import contracting
from models.infrastructure.plans import BUDGET_SOURCE_LABELS, AnnualPlan, PlanItem
from models.infrastructure.problems import ProblemLog
from models.org import COMMITTEE_ROLE_LABELS, Committee, CommitteeKind, CommitteeRole, Signatory
from models.procurement import quotations
from reports.thaifmt import date_long

if TYPE_CHECKING:
    from models.engine import Case
    from reports.memo import OpinionBlock
    from reports.procurement.common import Member, MemoHead


def _members(committee_id: int | None) -> list[Member]:
    from reports.procurement.common import Member

    committee = Committee.get_or_none(Committee.id == committee_id) if committee_id else None
    if committee is None:
        return []
    out: list[Member] = []
    for m in office.committee_members(committee):
        try:
            role = _(COMMITTEE_ROLE_LABELS[CommitteeRole(m.role)])
        except ValueError:
            role = str(m.role)
        out.append(Member(str(m.full_name), str(m.position), role))
    return out


def _step_day(case: Case, step: str) -> dt.date | None:
    """The day the project last left ``step`` (a reprint keeps the memo's date)."""
    last = (
        CaseStep.select(CaseStep.on_date)
        .where((CaseStep.case == case.id) & (CaseStep.step == step))
        .order_by(CaseStep.at.desc(), CaseStep.id.desc())
        .first()
    )
    return last.on_date if last is not None else None


def _approver(heading: str, signatory: Signatory | None) -> OpinionBlock:
    """The approving authority's block (the Director unless the project recorded another)."""
    from reports.memo import OpinionBlock

    chief = signatory or rep.director()
    return OpinionBlock(
        heading,
        lines=2,
        signer_name=str(chief.full_name) if chief else "",
        signer_position=str(chief.position or chief.title) if chief else "",
    )


def _head(
    actor: Actor | None,
    case: Case,
    recipient: str,
    day: dt.date | None,
    approver: OpinionBlock | None = None,
) -> MemoHead:
    """The memo's head: from the project's staff member, through the หน.ภทส. opinion, to the
    approving authority's block (PROCUREMENT.md F1 and F6: ผู้เสนอ → หัวหน้า → ผู้มีอำนาจ)."""
    from reports.procurement.common import MemoHead

    paper = rep.office_paper()
    signer = rep.person_of(case.assignee_id) or rep.actor_person(actor)
    return MemoHead(
        department=paper.department,
        number=rep.memo_number(),
        date=day or clock.today(),
        recipient=recipient,
        signer_name=signer.name,
        signer_position=signer.position,
        opinions=[rep.head_opinion(), *([approver] if approver is not None else [])],
        thai_digits=paper.thai_digits,
        emblem=paper.emblem,
        date_indent_cm=paper.date_indent_cm,
        top_margin_cm=paper.top_margin_cm,
        bottom_margin_cm=paper.bottom_margin_cm,
    )


def _item(project: Any) -> PlanItem:
    item: PlanItem = PlanItem.get_by_id(project.__data__["plan_item"])
    return item


def _money(value: Any) -> Decimal:
    return Decimal(value) if value is not None else Decimal(0)


def comparison(actor: Actor | None, case: Case, project: Any) -> bytes:
    from reports.procurement.forms import (
        QuotationComparison,
        QuotationRow,
        render_quotation_comparison,
    )

    paper = rep.office_paper()
    rows = [
        QuotationRow(
            vendor=str(r["vendor"]),
            quote_no=str(r["quote_no"]),
            quoted_on=r["quoted_on"],
            amount_before_vat=r["amount_before_vat"],
            vat=r["vat"],
            total=r["total"],
            valid_until=r["valid_until"],
        )
        for r in quotations.comparison_rows(case.id)
    ]
    signer = rep.person_of(case.assignee_id) or rep.actor_person(actor)
    return render_quotation_comparison(
        QuotationComparison(
            project=str(case.title),
            office=paper.mission or paper.org_name,
            rows=rows,
            prepared_by=signer.name,
            prepared_position=signer.position,
            date=_step_day(case, "quotations") or clock.today(),
            thai_digits=paper.thai_digits,
        )
    )


def principle_memo(actor: Actor | None, case: Case, project: Any) -> bytes:
    from reports.procurement.memos import PrincipleMemo, render_principle_memo

    item = _item(project)
    plan: AnnualPlan = item.plan
    paper = rep.office_paper()
    chief = rep.director()
    reasons = [str(item.objective)] if item.objective else []
    reasons += [
        str(p.description)
        for p in ProblemLog.select().where(ProblemLog.plan_item == item.id).order_by(ProblemLog.id)
    ]
    committee: Committee | None = Committee.get_or_none(Committee.id == project.tor_committee_id)
    memo = PrincipleMemo(
        head=_head(
            actor,
            case,
            str(chief.title) if chief else _("ผู้อำนวยการ"),
            _step_day(case, "quotations") if case.current_step != "quotations" else None,
            _approver(_("คำสั่งผู้อำนวยการ (อนุมัติ / ไม่อนุมัติ)"), project.director),
        ),
        project=str(case.title),
        plan=str(plan.title),
        mission=(
            f"{paper.mission} ({paper.mission_short})"
            if paper.mission and paper.mission_short
            else paper.mission or paper.org_name
        ),
        reasons=reasons or [str(case.title)],
        budget=_money(project.budget if project.budget is not None else item.budget),
        budget_source=_(BUDGET_SOURCE_LABELS.get(str(item.budget_source), "")),
        spec_summary=str(project.spec_summary or "-"),
        committee=_members(project.tor_committee_id),
        committee_due=committee.due_on if committee is not None else None,
        market_prices=[(str(r["vendor"]), r["total"]) for r in quotations.comparison_rows(case.id)],
    )
    return render_principle_memo(memo)


def median_price(actor: Actor | None, case: Case, project: Any) -> bytes:
    from reports.procurement.forms import MedianPriceTable, PriceSource, render_median_price

    paper = rep.office_paper()
    thai = paper.thai_digits
    sources = [
        PriceSource(
            _("ใบเสนอราคาของ{vendor} เลขที่ {no} ลงวันที่ {day} (สืบราคาจากท้องตลาด)").format(
                vendor=r["vendor"],
                no=r["quote_no"] or "-",
                day=date_long(r["quoted_on"], thai=thai),
            ),
            r["total"],
        )
        for r in quotations.comparison_rows(case.id)
    ]
    return render_median_price(
        MedianPriceTable(
            project=str(case.title),
            items=1,
            owner=(
                f"{paper.mission} ({paper.mission_short})"
                if paper.mission and paper.mission_short
                else paper.mission or paper.org_name
            ),
            budget=_money(project.budget),
            price_date=project.median_price_on or clock.today(),
            median_price=_money(project.median_price),
            sources=sources,
            people=_members(project.tor_committee_id),
            thai_digits=thai,
        )
    )


def report22(actor: Actor | None, case: Case, project: Any) -> bytes:
    from reports.procurement.memos import Report22, render_report22

    item = _item(project)
    chief = rep.director()
    inspection = [
        c
        for c in Committee.select().where(
            (Committee.case_id == case.id) & (Committee.kind == CommitteeKind.INSPECTION)
        )
    ]
    report = Report22(
        head=_head(
            actor,
            case,
            str(chief.title) if chief else _("ผู้อำนวยการ"),
            project.report22_on,
            _approver(_("ความเห็นของผู้มีอำนาจ (เห็นชอบและอนุมัติ)"), None),
        ),
        nature=_("จ้าง"),
        project=str(case.title),
        reason=str(item.objective or case.title),
        scope=str(project.tor_summary or project.spec_summary or "-"),
        median_price=_money(project.median_price),
        budget=_money(project.budget),
        budget_source=_(BUDGET_SOURCE_LABELS.get(str(item.budget_source), "")),
        delivery=_("ตามงวดงานที่กำหนดในขอบเขตของงาน"),
        method=_(contracting.METHOD_LABELS.get(str(project.method), str(project.method))),
        method_reason=str(project.method_reason or "-"),
        criteria=_("เกณฑ์ราคา"),
        inspection_committee=_members(inspection[-1].id) if inspection else [],
    )
    return render_report22(report)


FORMS = {
    "comparison": (comparison, "ตารางเปรียบเทียบใบเสนอราคา"),
    "f1": (principle_memo, "บันทึกขออนุมัติหลักการ"),
    "f5a": (median_price, "ตารางราคากลาง_บก06"),
    "f6": (report22, "รายงานขอซื้อขอจ้าง"),
}


def print_case_form(actor: Actor | None, kind: str, case: Case, project: Any) -> tuple[bytes, str]:
    """The PDF and file name of one of the project's forms (``FORMS``), always in Thai."""
    if kind not in FORMS:
        raise ValidationError(_("ไม่รู้จักแบบฟอร์ม “{kind}”").format(kind=kind))
    make, stem = FORMS[kind]
    with document_language():
        data = make(actor, case, project)
    return data, f"{stem}_{rep.file_part(case.number)}.pdf"
