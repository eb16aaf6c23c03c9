"""The contract-stage forms assembled from the records and rendered by ``reports.procurement``
(processes 4 and 5 print them from their case pages), in Thai whatever the window's language:

    inspection_record_pdf(actor, inspection_id)   # F13 ใบตรวจรับ, a signature line per member
    inspection_report_pdf(actor, inspection_id)   # F14 รายงานผลการตรวจรับ (memo to the head)
    penalty_letter_pdf(actor, installment_id)     # F15 แจ้งสงวนสิทธิ์เรียกค่าปรับ (penalty so far)
    members_for_print(committee)                  # the members as the forms print them

Each returns ``(pdf_bytes, suggested_file_name)``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from models import clock, office, records, settings
from models.base import Actor
from models.engine import reporting as rep
from models.errors import ValidationError
from models.i18n import _, document_language
from models.org import COMMITTEE_ROLE_LABELS, Committee, CommitteeRole
from models.permissions import Permission, require
from models.procurement import execution
from models.procurement.contracts import Installment
from models.procurement.execution import INSPECTION_RESULT_LABELS, Inspection, InspectionResult
from models.procurement.methods import method_label
from models.procurement.penalties import PenaltyBase

if TYPE_CHECKING:
    from reports.procurement.common import Member, MemoHead


def _role(role: str) -> str:
    try:
        return _(COMMITTEE_ROLE_LABELS[CommitteeRole(role)])
    except ValueError:
        return role


def members_for_print(committee: Committee | None) -> list[Member]:
    from reports.procurement.common import Member

    if committee is None:
        return []
    return [
        Member(m.full_name, m.position, _role(m.role)) for m in office.committee_members(committee)
    ]


def _vote_members(inspection: Inspection) -> list[Member]:
    from reports.procurement.common import Member

    return [
        Member(v.member_name, v.member_position, _role(v.member_role))
        for v in execution.votes_of(inspection)
    ]


def _head(actor: Actor | None, recipient: str) -> MemoHead:
    from reports.procurement.common import MemoHead

    paper = rep.office_paper()
    signer = rep.actor_person(actor)
    return MemoHead(
        department=paper.department,
        number=rep.memo_number(),
        date=clock.today(),
        recipient=recipient,
        signer_name=signer.name,
        signer_position=signer.position,
        opinions=[rep.head_opinion()],
        thai_digits=paper.thai_digits,
        emblem=paper.emblem,
        date_indent_cm=paper.date_indent_cm,
        top_margin_cm=paper.top_margin_cm,
        bottom_margin_cm=paper.bottom_margin_cm,
    )


def _accepted_inspection(inspection_id: int) -> Inspection:
    inspection = records.get(Inspection, inspection_id)
    if inspection.result not in (InspectionResult.ACCEPTED, InspectionResult.PARTIAL):
        raise ValidationError(
            _("การตรวจรับครั้งนี้ไม่ได้ตรวจรับงานไว้ จึงพิมพ์ใบตรวจรับไม่ได้"),
            {"inspection": _("ไม่ได้ตรวจรับ")},
        )
    return inspection


def _rate_text(inspection: Inspection) -> str:
    contract = inspection.delivery.installment.contract
    base = {
        PenaltyBase.UNDELIVERED: _("ของราคางานที่ยังไม่ได้ส่งมอบ"),
        PenaltyBase.INSTALLMENT: _("ของราคางานงวดนั้น"),
        PenaltyBase.CONTRACT: _("ของราคาตามสัญญา"),
    }.get(contract.penalty_base, "")
    rate = f"{Decimal(contract.penalty_rate_pct).normalize():f}"
    return _("ร้อยละ {rate} ต่อวัน {base}").format(rate=rate, base=base)


def inspection_record_pdf(actor: Actor | None, inspection_id: int) -> tuple[bytes, str]:
    from reports.procurement.forms import InspectionRecord, render_inspection_record

    require(actor, Permission.VIEW)
    inspection = _accepted_inspection(inspection_id)
    delivery = inspection.delivery
    installment = delivery.installment
    contract = installment.contract
    with document_language():
        paper = rep.office_paper()
        record = InspectionRecord(
            date=inspection.inspected_on,
            agency=paper.org_name,
            contract_no=contract.number,
            contract_date=contract.signed_on,
            vendor=contract.vendor.name,
            project=contract.title,
            budget_source=_("เงินงบประมาณ"),
            price=Decimal(contract.price),
            installment=installment.seq,
            letter_no=delivery.letter_no,
            letter_date=delivery.letter_date,
            brought_on=delivery.brought_on,
            result=_(INSPECTION_RESULT_LABELS[inspection.result]),
            late_days=inspection.late_days,
            rate_text=_rate_text(inspection),
            penalty=Decimal(inspection.penalty),
            payment=Decimal(inspection.accepted_value) - Decimal(inspection.penalty),
            committee=_vote_members(inspection),
            thai_digits=paper.thai_digits,
        )
        pdf = render_inspection_record(record)
    return pdf, f"inspection-{contract.number.replace('/', '-')}-{installment.seq}.pdf"


def inspection_report_pdf(actor: Actor | None, inspection_id: int) -> tuple[bytes, str]:
    from reports.procurement.memos import InspectionReport, render_inspection_report

    require(actor, Permission.VIEW)
    inspection = _accepted_inspection(inspection_id)
    delivery = inspection.delivery
    installment = delivery.installment
    contract = installment.contract
    with document_language():
        report = InspectionReport(
            head=_head(actor, _("ผู้อำนวยการ")),
            installment=installment.seq,
            project=contract.title,
            method=method_label(contract.method),
            contract_no=contract.number,
            contract_date=contract.signed_on,
            vendor=contract.vendor.name,
            price=Decimal(contract.price),
            installment_amount=Decimal(installment.amount),
            letter_no=delivery.letter_no,
            letter_date=delivery.letter_date,
            brought_on=delivery.brought_on,
            inspected_on=inspection.inspected_on,
            result=_(INSPECTION_RESULT_LABELS[inspection.result]),
            late_days=inspection.late_days,
            penalty=Decimal(inspection.penalty),
            committee=_vote_members(inspection),
        )
        pdf = render_inspection_report(report)
    return pdf, f"inspection-report-{contract.number.replace('/', '-')}-{installment.seq}.pdf"


def penalty_letter_pdf(actor: Actor | None, installment_id: int) -> tuple[bytes, str]:
    """F15 for a late installment: the penalty so far (to today, or to the day the rest was
    brought when it has been accepted)."""
    from reports.letter import Contact
    from reports.procurement.letters import PenaltyLetter, render_penalty_letter

    require(actor, Permission.VIEW)
    installment = records.get(Installment, installment_id)
    contract = installment.contract
    today = clock.today()
    result = execution.installment_penalty(installment, as_of=today)
    if result.amount <= 0:
        raise ValidationError(
            _("งวดงานนี้ไม่มีค่าปรับ จึงไม่ต้องมีหนังสือแจ้งสงวนสิทธิ์"),
            {"installment": _("ไม่มีค่าปรับ")},
        )
    summary = execution.contract_penalty(contract, as_of=today)
    last = result.lines[-1]
    deliveries = [d for d in execution.deliveries_of(installment) if d.status == "accepted"]
    brought = (
        deliveries[-1].brought_on if installment.accepted_on is not None and deliveries else None
    )
    with document_language():
        paper = rep.office_paper()
        signer = rep.actor_person(actor)
        letter = PenaltyLetter(
            number=rep.memo_number(),
            agency=paper.org_name,
            address=paper.address,
            date=today,
            vendor=contract.vendor.name,
            contract_no=contract.number,
            contract_date=contract.signed_on,
            project=contract.title,
            installment=installment.seq,
            due_on=installment.due_on,
            brought_on=brought,
            late_days=result.days,
            rate_pct=Decimal(contract.penalty_rate_pct),
            base=last.base,
            per_day=last.per_day,
            penalty=result.amount,
            pct_of_price=summary.pct_of_price,
            warning_pct=Decimal(str(settings.get("procurement.penalty_warning_pct"))),
            signer_name=signer.name,
            signer_position=signer.position,
            contact=Contact(paper.mission or paper.org_name, paper.phone, paper.fax, paper.email),
            thai_digits=paper.thai_digits,
            emblem=paper.emblem,
        )
        pdf = render_penalty_letter(letter)
    return pdf, f"penalty-{contract.number.replace('/', '-')}-{installment.seq}.pdf"
