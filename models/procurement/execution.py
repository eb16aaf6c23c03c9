"""Following the contractor: deliveries (หนังสือส่งมอบงาน and the day the work was brought),
inspections by the committee (every member must accept), the penalties that follow from the
contract's terms, and invoices / disbursement per installment.

    d = record_delivery(actor, installment, letter_no="ABC-12", letter_date=day,
                        brought_on=day, value=None)          # None: the whole remaining value
    i = inspect(actor, d, inspected_on=day, votes=[{"member_name": ..., "member_role": "chair",
                "accepted": True}, ...], accepted_value=None)  # None: all that was brought
    installment_penalty(installment, as_of=today)   # PenaltyResult (lines, days, amount)
    contract_penalty(contract, as_of=today)         # PenaltySummary (total, % of price, warning)
    inv = record_invoice(actor, installment, invoice_no="INV-9", received_on=day, amount=...)
    approve_invoice(actor, inv, approved_on=day)    # deducts the installment's penalty
    pay_invoice(actor, inv, paid_on=day)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

import peewee

from models import attachments, calendar, clock, records, settings
from models.base import Actor, BaseModel, VersionedModel
from models.errors import ValidationError
from models.i18n import N_, _
from models.org import Committee, CommitteeRole
from models.permissions import Permission, require
from models.procurement import penalties, rules
from models.procurement.contracts import (
    Contract,
    ContractStatus,
    Installment,
    InstallmentStatus,
    _Errors,
    installments,
)
from models.write_lock import write_transaction


class DeliveryStatus:
    WAITING = "waiting"  # รอตรวจรับ
    ACCEPTED = "accepted"  # ตรวจรับแล้ว (ทั้งหมดหรือบางส่วน)
    REJECTED = "rejected"  # ไม่ผ่านการตรวจรับ / ไม่เป็นเอกฉันท์


class InspectionResult:
    ACCEPTED = "accepted"  # ถูกต้องครบถ้วน
    PARTIAL = "partial"  # ถูกต้องบางส่วน
    REJECTED = "rejected"  # ไม่ถูกต้อง
    DISSENT = "dissent"  # กรรมการเห็นไม่ตรงกัน: เสนอหัวหน้าหน่วยงานวินิจฉัย


INSPECTION_RESULT_LABELS = {
    InspectionResult.ACCEPTED: N_("ถูกต้องครบถ้วน ตรวจรับไว้"),
    InspectionResult.PARTIAL: N_("ถูกต้องบางส่วน ตรวจรับไว้เฉพาะส่วนที่ถูกต้อง"),
    InspectionResult.REJECTED: N_("ไม่ถูกต้อง ไม่ตรวจรับ"),
    InspectionResult.DISSENT: N_("กรรมการมีความเห็นแย้ง เสนอหัวหน้าหน่วยงานพิจารณา"),
}


class Delivery(VersionedModel):
    field_labels: ClassVar[dict[str, str]] = {
        "letter_no": N_("เลขที่หนังสือส่งมอบงาน"),
        "value": N_("มูลค่างานที่ส่งมอบ"),
        "note": N_("หมายเหตุ"),
    }
    installment = peewee.ForeignKeyField(Installment, backref="deliveries", on_delete="CASCADE")
    letter_no = peewee.CharField(max_length=100, default="")  # หนังสือส่งมอบงาน ที่
    letter_date = peewee.DateField(null=True)
    brought_on = peewee.DateField(index=True)  # วันที่ผู้รับจ้างนำงานมาส่ง
    value = peewee.DecimalField(max_digits=15, decimal_places=2)  # value of the work brought
    partial = peewee.BooleanField(default=False)
    status = peewee.CharField(max_length=32, default=DeliveryStatus.WAITING, index=True)
    attachment_id = peewee.IntegerField(null=True)
    note = peewee.TextField(default="")

    if TYPE_CHECKING:
        inspections: peewee.ModelSelect[Inspection]


class Inspection(VersionedModel):
    field_labels: ClassVar[dict[str, str]] = {"note": N_("หมายเหตุ")}
    delivery = peewee.ForeignKeyField(Delivery, backref="inspections", on_delete="CASCADE")
    committee = peewee.ForeignKeyField(Committee, null=True, on_delete="SET NULL")
    inspected_on = peewee.DateField()
    result = peewee.CharField(max_length=32)
    accepted_value = peewee.DecimalField(max_digits=15, decimal_places=2, default=Decimal(0))
    late_days = peewee.IntegerField(default=0)
    penalty = peewee.DecimalField(max_digits=15, decimal_places=2, default=Decimal(0))
    note = peewee.TextField(default="")

    if TYPE_CHECKING:
        votes: peewee.ModelSelect[InspectionVote]


class InspectionVote(BaseModel):
    """One member's sign-off (the member list is copied: committees may change later)."""

    field_labels: ClassVar[dict[str, str]] = {
        "member_name": N_("ชื่อกรรมการ"),
        "member_position": N_("ตำแหน่ง"),
        "note": N_("หมายเหตุ"),
    }

    inspection = peewee.ForeignKeyField(Inspection, backref="votes", on_delete="CASCADE")
    member_name = peewee.CharField(max_length=200)
    member_position = peewee.CharField(max_length=300, default="")
    member_role = peewee.CharField(max_length=32, default=CommitteeRole.MEMBER)
    accepted = peewee.BooleanField()
    note = peewee.TextField(default="")
    sort_order = peewee.IntegerField(default=0)


class Invoice(VersionedModel):
    field_labels: ClassVar[dict[str, str]] = {
        "invoice_no": N_("เลขที่ใบแจ้งหนี้"),
        "amount": N_("จำนวนเงินตามใบแจ้งหนี้"),
        "note": N_("หมายเหตุ"),
    }
    installment = peewee.ForeignKeyField(Installment, backref="invoices", on_delete="CASCADE")
    invoice_no = peewee.CharField(max_length=100)
    received_on = peewee.DateField()
    amount = peewee.DecimalField(max_digits=15, decimal_places=2)
    penalty_deducted = peewee.DecimalField(max_digits=15, decimal_places=2, default=Decimal(0))
    approved_on = peewee.DateField(null=True)
    paid_on = peewee.DateField(null=True)
    note = peewee.TextField(default="")

    @property
    def net(self) -> Decimal:
        return Decimal(self.amount) - Decimal(self.penalty_deducted)


def delivered_value(installment: Installment) -> Decimal:
    """Value accepted so far for this installment."""
    total = (
        Inspection.select(peewee.fn.SUM(Inspection.accepted_value))
        .join(Delivery)
        .where(
            (Delivery.installment == installment)
            & (Inspection.result.in_([InspectionResult.ACCEPTED, InspectionResult.PARTIAL]))
        )
        .scalar()
    )
    return Decimal(total or 0)


def waiting_value(installment: Installment) -> Decimal:
    total = (
        Delivery.select(peewee.fn.SUM(Delivery.value))
        .where((Delivery.installment == installment) & (Delivery.status == DeliveryStatus.WAITING))
        .scalar()
    )
    return Decimal(total or 0)


def record_delivery(
    actor: Actor | None,
    installment: Installment,
    *,
    brought_on: Any,
    letter_no: str = "",
    letter_date: Any = None,
    value: Any = None,
    note: str = "",
    filename: str | None = None,
    data: bytes | None = None,
) -> Delivery:
    """Record the contractor's delivery of (part of) an installment. ``value`` None: everything
    still undelivered; less than that makes it a partial delivery."""
    require(actor, Permission.WORK_CASES)
    contract = installment.contract
    errs = _Errors()
    brought = errs.check(
        lambda: rules.required_date(brought_on, "brought_on", _("วันที่ผู้รับจ้างนำงานมาส่ง"))
    )
    letter_day = errs.check(
        lambda: rules.optional_date(letter_date, "letter_date", _("วันที่หนังสือส่งมอบงาน"))
    )
    outstanding = (
        Decimal(installment.amount) - delivered_value(installment) - waiting_value(installment)
    )
    amount = errs.check(
        lambda: rules.required_amount(
            outstanding if value is None else value,
            "value",
            _("มูลค่างานที่ส่งมอบ"),
            allow_zero=False,
        )
    )
    if installment.status == InstallmentStatus.ACCEPTED or outstanding <= 0:
        errs.add("installment", _("ส่งมอบครบแล้ว"), _("งวดงานนี้ส่งมอบครบแล้ว"))
    elif amount is not None and amount > outstanding:
        errs.add(
            "value",
            _("เกินมูลค่าที่ค้างส่ง"),
            _("มูลค่างานที่ส่งมอบต้องไม่เกิน {left:,.2f} บาท ที่ยังค้างส่ง").format(left=outstanding),
        )
    if brought is not None and brought < contract.signed_on:
        errs.add(
            "brought_on",
            _("ก่อนวันลงนาม"),
            _("วันที่นำงานมาส่งต้องไม่อยู่ก่อนวันลงนามสัญญา"),
        )
    if brought is not None and brought > clock.today():
        errs.add("brought_on", _("เป็นวันในอนาคต"), _("วันที่นำงานมาส่งต้องไม่เป็นวันในอนาคต"))
    errs.raise_if_any()
    assert amount is not None
    with write_transaction():
        delivery = records.create(
            actor,
            Delivery,
            installment=installment,
            letter_no=letter_no.strip(),
            letter_date=letter_day,
            brought_on=brought,
            value=amount,
            partial=amount < outstanding,
            note=note.strip(),
        )
        if data is not None:
            file = attachments.add(
                actor,
                filename or "delivery-letter.pdf",
                data,
                owner_table="delivery",
                owner_id=delivery.id,
                purpose="delivery_letter",
            )
            records.update(actor, delivery, attachment_id=file.id)
        if installment.status == InstallmentStatus.PENDING:
            records.update(actor, installment, status=InstallmentStatus.DELIVERED)
    return delivery


def _handovers(
    installment: Installment, extra: penalties.Handover | None = None
) -> list[penalties.Handover]:
    rows: list[tuple[Any, dt.date]] = list(
        Inspection.select(Inspection.accepted_value, Delivery.brought_on)
        .join(Delivery)
        .where(
            (Delivery.installment == installment)
            & (Inspection.result.in_([InspectionResult.ACCEPTED, InspectionResult.PARTIAL]))
        )
        .tuples()  # type: ignore[arg-type]
    )
    out = [penalties.Handover(brought_on=day, value=Decimal(value)) for value, day in rows]
    if extra is not None:
        out.append(extra)
    return out


def installment_penalty(
    installment: Installment,
    *,
    as_of: dt.date | None = None,
    extra: penalties.Handover | None = None,
) -> penalties.PenaltyResult:
    """The late penalty of an installment from its accepted handovers (and, with ``as_of``, the
    part still undelivered up to that day), by the contract's own terms."""
    contract = installment.contract
    return penalties.installment_penalty(
        contract.penalty_terms(),
        due_on=installment.due_on,
        installment_value=Decimal(installment.amount),
        contract_value=Decimal(contract.price),
        handovers=_handovers(installment, extra),
        as_of=as_of,
        is_working_day=calendar.is_working_day,
    )


@dataclass(frozen=True)
class PenaltySummary:
    total: Decimal
    pct_of_price: Decimal
    warning: bool  # past procurement.penalty_warning_pct (10 %): consider termination
    notice: bool  # past procurement.penalty_notice_pct (5 %)
    by_installment: dict[int, penalties.PenaltyResult]


def contract_penalty(contract: Contract, *, as_of: dt.date | None = None) -> PenaltySummary:
    """Late penalties of all installments (so far, with ``as_of``) plus downtime penalties."""
    from models.procurement.incidents import downtime_penalties

    by_installment = {
        i.id: installment_penalty(
            i, as_of=as_of if i.status != InstallmentStatus.ACCEPTED else None
        )
        for i in installments(contract)
    }
    total = sum((r.amount for r in by_installment.values()), Decimal(0)) + downtime_penalties(
        contract
    )
    pct = penalties.share_of_contract(total, Decimal(contract.price))
    return PenaltySummary(
        total=total,
        pct_of_price=pct,
        warning=pct > rules.setting_decimal("procurement.penalty_warning_pct"),
        notice=pct >= rules.setting_decimal("procurement.penalty_notice_pct") and total > 0,
        by_installment=by_installment,
    )


def inspect(
    actor: Actor | None,
    delivery: Delivery,
    *,
    inspected_on: Any,
    votes: list[dict[str, Any]],
    accepted_value: Any = None,
    rejected: bool = False,
    note: str = "",
) -> Inspection:
    """Record the committee's inspection of a delivery. ``votes``: one per member
    (``member_name``, ``member_role``, ``member_position``, ``accepted``, ``note``); the work is
    accepted only when every member accepts (otherwise the result is a dissent for the head).
    ``accepted_value`` below the delivery's value is a partial acceptance. On acceptance the late
    penalty is computed from the day the work was brought; when the last installment is fully
    accepted, the warranty starts the next day."""
    require(actor, Permission.WORK_CASES)
    installment = delivery.installment
    contract = installment.contract
    errs = _Errors()
    day = errs.check(lambda: rules.required_date(inspected_on, "inspected_on", _("วันที่ตรวจรับ")))
    if delivery.status != DeliveryStatus.WAITING:
        errs.add("delivery", _("ตรวจรับแล้ว"), _("การส่งมอบครั้งนี้ตรวจรับไปแล้ว"))
    if day is not None and day < delivery.brought_on:
        errs.add(
            "inspected_on",
            _("ก่อนวันส่งมอบ"),
            _("วันที่ตรวจรับต้องไม่อยู่ก่อนวันที่ผู้รับจ้างนำงานมาส่ง"),
        )
    if day is not None and day > clock.today():
        errs.add("inspected_on", _("เป็นวันในอนาคต"), _("วันที่ตรวจรับต้องไม่เป็นวันในอนาคต"))
    if not votes:
        errs.add("votes", _("ต้องมีผลของกรรมการ"), _("กรุณาบันทึกผลการตรวจรับของกรรมการทุกคน"))
    for n, vote in enumerate(votes, start=1):
        if not str(vote.get("member_name") or "").strip():
            errs.add(
                f"votes[{n}]",
                _("ต้องกรอก"),
                _("กรุณากรอกชื่อกรรมการลำดับที่ {n}").format(n=n),
            )
    committee = contract.inspection_committee
    if committee is not None and votes:
        expected = {" ".join(m.full_name.split()) for m in committee.members}
        given = {" ".join(str(v.get("member_name") or "").split()) for v in votes}
        missing = sorted(expected - given)
        if missing:
            errs.add(
                "votes",
                _("กรรมการไม่ครบ"),
                _("ยังไม่มีผลการตรวจรับของกรรมการ: {names}").format(names=", ".join(missing)),
            )
    accepted_amount = errs.check(
        lambda: rules.required_amount(
            delivery.value if accepted_value is None else accepted_value,
            "accepted_value",
            _("มูลค่างานที่ตรวจรับ"),
        )
    )
    if accepted_amount is not None and accepted_amount > Decimal(delivery.value):
        errs.add(
            "accepted_value",
            _("เกินมูลค่าที่ส่งมอบ"),
            _("มูลค่างานที่ตรวจรับต้องไม่เกินมูลค่าที่ส่งมอบ {value:,.2f} บาท").format(
                value=Decimal(delivery.value)
            ),
        )
    errs.raise_if_any()
    if committee is not None:
        from models.procurement.committees import ready_to_act

        ready_to_act(committee)
    assert day is not None and accepted_amount is not None
    unanimous = all(bool(v.get("accepted")) for v in votes)
    if not unanimous:
        result = InspectionResult.DISSENT
    elif rejected or accepted_amount == 0:
        result = InspectionResult.REJECTED
    elif accepted_amount < Decimal(delivery.value):
        result = InspectionResult.PARTIAL
    else:
        result = InspectionResult.ACCEPTED
    accepted_now = result in (InspectionResult.ACCEPTED, InspectionResult.PARTIAL)
    with write_transaction():
        before = installment_penalty(installment).amount
        handover = (
            penalties.Handover(brought_on=delivery.brought_on, value=accepted_amount)
            if accepted_now
            else None
        )
        after = installment_penalty(installment, extra=handover)
        late = penalties.count_days(
            installment.due_on,
            delivery.brought_on,
            working_days=contract.penalty_working_days,
            is_working_day=calendar.is_working_day,
        )
        inspection = records.create(
            actor,
            Inspection,
            delivery=delivery,
            committee=committee,
            inspected_on=day,
            result=result,
            accepted_value=accepted_amount if accepted_now else Decimal(0),
            late_days=late if accepted_now else 0,
            penalty=after.amount - before if accepted_now else Decimal(0),
            note=note.strip(),
        )
        for order, vote in enumerate(votes):
            records.create(
                actor,
                InspectionVote,
                inspection=inspection,
                member_name=str(vote["member_name"]).strip(),
                member_position=str(vote.get("member_position") or "").strip(),
                member_role=str(vote.get("member_role") or CommitteeRole.MEMBER),
                accepted=bool(vote.get("accepted")),
                note=str(vote.get("note") or "").strip(),
                sort_order=order,
            )
        records.update(
            actor,
            delivery,
            status=DeliveryStatus.ACCEPTED if accepted_now else DeliveryStatus.REJECTED,
        )
        done = delivered_value(installment)
        if done >= Decimal(installment.amount):
            records.update(actor, installment, status=InstallmentStatus.ACCEPTED, accepted_on=day)
        elif done > 0:
            records.update(actor, installment, status=InstallmentStatus.PARTIAL)
        elif waiting_value(installment) == 0:
            records.update(actor, installment, status=InstallmentStatus.PENDING)
        if all(i.status == InstallmentStatus.ACCEPTED for i in installments(contract)):
            records.update(
                actor,
                contract,
                status=ContractStatus.ACCEPTED,
                warranty_starts_on=day + dt.timedelta(days=1),
            )
    return inspection


def inspections_of(installment: Installment) -> list[Inspection]:
    return list(
        Inspection.select()
        .join(Delivery)
        .where(Delivery.installment == installment)
        .order_by(Inspection.inspected_on, Inspection.id)
    )


def deliveries_of(installment: Installment) -> list[Delivery]:
    return list(
        Delivery.select()
        .where(Delivery.installment == installment)
        .order_by(Delivery.brought_on, Delivery.id)
    )


def votes_of(inspection: Inspection) -> list[InspectionVote]:
    order = {CommitteeRole.CHAIR: 0, CommitteeRole.MEMBER: 1, CommitteeRole.SECRETARY: 2}
    return sorted(
        inspection.votes, key=lambda v: (order.get(CommitteeRole(v.member_role), 1), v.sort_order)
    )


def record_invoice(
    actor: Actor | None,
    installment: Installment,
    *,
    invoice_no: str,
    received_on: Any,
    amount: Any = None,
    note: str = "",
) -> Invoice:
    """Record the vendor's invoice for an installment (``amount`` None: the installment's)."""
    require(actor, Permission.WORK_CASES)
    errs = _Errors()
    number = errs.check(lambda: rules.required_text(invoice_no, "invoice_no", _("เลขที่ใบแจ้งหนี้")))
    day = errs.check(lambda: rules.required_date(received_on, "received_on", _("วันที่รับใบแจ้งหนี้")))
    value = errs.check(
        lambda: rules.required_amount(
            installment.amount if amount is None else amount,
            "amount",
            _("จำนวนเงินตามใบแจ้งหนี้"),
            allow_zero=False,
        )
    )
    if value is not None and value > Decimal(installment.amount):
        errs.add(
            "amount",
            _("เกินจำนวนเงินงวด"),
            _("จำนวนเงินตามใบแจ้งหนี้ต้องไม่เกินจำนวนเงินของงวด {amount:,.2f} บาท").format(
                amount=Decimal(installment.amount)
            ),
        )
    errs.raise_if_any()
    return records.create(
        actor,
        Invoice,
        installment=installment,
        invoice_no=number,
        received_on=day,
        amount=value,
        note=note.strip(),
    )


def approve_invoice(
    actor: Actor | None, invoice: Invoice, *, approved_on: Any, penalty_deducted: Any = None
) -> Invoice:
    """Approve payment; only after the installment is accepted (payment follows acceptance).
    ``penalty_deducted`` None: the installment's late penalty."""
    require(actor, Permission.REVIEW_CASES)
    installment = invoice.installment
    if installment.status != InstallmentStatus.ACCEPTED:
        raise ValidationError(
            _("งวดงานนี้ยังไม่ได้ตรวจรับครบ จึงอนุมัติเบิกจ่ายไม่ได้"),
            {"approved_on": _("ยังไม่ได้ตรวจรับ")},
        )
    day = rules.required_date(approved_on, "approved_on", _("วันที่อนุมัติเบิกจ่าย"))
    if day < invoice.received_on:
        raise ValidationError(
            _("วันที่อนุมัติเบิกจ่ายต้องไม่อยู่ก่อนวันที่รับใบแจ้งหนี้"),
            {"approved_on": _("ก่อนวันที่รับใบแจ้งหนี้")},
        )
    deduction = rules.required_amount(
        installment_penalty(installment).amount if penalty_deducted is None else penalty_deducted,
        "penalty_deducted",
        _("ค่าปรับที่หักไว้"),
    )
    if deduction > Decimal(invoice.amount):
        raise ValidationError(
            _("ค่าปรับที่หักไว้ต้องไม่เกินจำนวนเงินตามใบแจ้งหนี้"),
            {"penalty_deducted": _("มากเกินไป")},
        )
    return records.update(actor, invoice, approved_on=day, penalty_deducted=deduction)


def pay_invoice(actor: Actor | None, invoice: Invoice, *, paid_on: Any) -> Invoice:
    require(actor, Permission.WORK_CASES)
    if invoice.approved_on is None:
        raise ValidationError(_("ใบแจ้งหนี้นี้ยังไม่ได้อนุมัติเบิกจ่าย"), {"paid_on": _("ยังไม่ได้อนุมัติ")})
    day = rules.required_date(paid_on, "paid_on", _("วันที่จ่ายเงิน"))
    if day < invoice.approved_on:
        raise ValidationError(_("วันที่จ่ายเงินต้องไม่อยู่ก่อนวันที่อนุมัติเบิกจ่าย"), {"paid_on": _("ก่อนวันอนุมัติ")})
    return records.update(actor, invoice, paid_on=day)


def invoices_of(installment: Installment) -> list[Invoice]:
    return list(Invoice.select().where(Invoice.installment == installment).order_by(Invoice.id))


def payment_due(invoice: Invoice) -> dt.date:
    """The day payment is due by the office's rule (setting ``procurement.payment_days``)."""
    return invoice.received_on + dt.timedelta(days=int(settings.get("procurement.payment_days")))
