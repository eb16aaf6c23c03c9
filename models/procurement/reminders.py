"""What the dashboards of processes 4 and 5 show (PROCUREMENT.md §5 R8, R9, R13, R21, R22, R17):
plain rows, each with the owning ``case_id`` so a process can keep to its own cases.

    installments_due(today=None, within_days=None)  # R8: due in the next N days (setting)
    late_installments(today=None)                    # R9: overdue, with the penalty so far
    securities_to_return(today=None)                 # R22: liability ended, not yet returned
    warranties_ending(today=None, within_days=None)  # R21
    open_incident_rows()                             # R17
    securities_falling_short(today=None)             # R7: expires before the liability ends
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from models import clock, settings
from models.base import Actor
from models.engine.tables import Case
from models.i18n import _
from models.org import Vendor
from models.procurement.contracts import (
    Contract,
    ContractStatus,
    Installment,
    InstallmentStatus,
    Security,
    add_months,
    security_return_due,
)
from models.procurement.execution import contract_penalty, installment_penalty
from models.procurement.incidents import Incident
from models.reminders import Notice, declare_notices


@dataclass(frozen=True)
class InstallmentRow:
    case_id: int | None
    contract_id: int
    contract_number: str
    vendor: str
    installment_id: int
    seq: int
    title: str
    due_on: dt.date
    amount: Decimal
    days_left: int  # negative: days late
    penalty_so_far: Decimal = Decimal(0)
    penalty_pct_of_price: Decimal = Decimal(0)
    past_warning: bool = False


def _open_installments() -> list[Installment]:
    return list(
        Installment.select(Installment, Contract, Vendor)
        .join(Contract)
        .join(Vendor)
        .where(
            (Installment.status != InstallmentStatus.ACCEPTED)
            & (Contract.status == ContractStatus.ACTIVE)
        )
        .order_by(Installment.due_on, Installment.id)
    )


def installments_due(
    today: dt.date | None = None, within_days: int | None = None
) -> list[InstallmentRow]:
    day = today or clock.today()
    days = (
        int(settings.get("procurement.installment_reminder_days"))
        if within_days is None
        else within_days
    )
    limit = day + dt.timedelta(days=days)
    return [
        InstallmentRow(
            case_id=i.contract.case_id,
            contract_id=i.contract.id,
            contract_number=i.contract.number,
            vendor=i.contract.vendor.name,
            installment_id=i.id,
            seq=i.seq,
            title=i.title,
            due_on=i.due_on,
            amount=Decimal(i.amount),
            days_left=(i.due_on - day).days,
        )
        for i in _open_installments()
        if day <= i.due_on <= limit
    ]


def late_installments(today: dt.date | None = None) -> list[InstallmentRow]:
    day = today or clock.today()
    rows = []
    for i in _open_installments():
        if i.due_on >= day:
            continue
        so_far = installment_penalty(i, as_of=day).amount
        summary = contract_penalty(i.contract, as_of=day)
        rows.append(
            InstallmentRow(
                case_id=i.contract.case_id,
                contract_id=i.contract.id,
                contract_number=i.contract.number,
                vendor=i.contract.vendor.name,
                installment_id=i.id,
                seq=i.seq,
                title=i.title,
                due_on=i.due_on,
                amount=Decimal(i.amount),
                days_left=(i.due_on - day).days,
                penalty_so_far=so_far,
                penalty_pct_of_price=summary.pct_of_price,
                past_warning=summary.warning,
            )
        )
    return rows


@dataclass(frozen=True)
class ContractDateRow:
    case_id: int | None
    contract_id: int
    contract_number: str
    vendor: str
    date: dt.date  # the return due date, or the warranty's last day
    days_left: int
    amount: Decimal = Decimal(0)


def securities_to_return(today: dt.date | None = None) -> list[ContractDateRow]:
    """Securities not returned whose contract's liability has ended (warranty over, or all
    accepted without a warranty); ``date`` is the return deadline."""
    day = today or clock.today()
    rows = []
    query = (
        Security.select(Security, Contract, Vendor)
        .join(Contract)
        .join(Vendor)
        .where(Security.returned_on.is_null(True) & Contract.warranty_starts_on.is_null(False))
    )
    for security in query:
        contract = security.contract
        end = contract.warranty_ends_on or contract.warranty_starts_on
        if end is None or end >= day:
            continue
        due = security_return_due(contract)
        assert due is not None
        rows.append(
            ContractDateRow(
                case_id=contract.case_id,
                contract_id=contract.id,
                contract_number=contract.number,
                vendor=contract.vendor.name,
                date=due,
                days_left=(due - day).days,
                amount=Decimal(security.amount),
            )
        )
    return sorted(rows, key=lambda r: r.date)


def warranties_ending(
    today: dt.date | None = None, within_days: int | None = None
) -> list[ContractDateRow]:
    day = today or clock.today()
    days = (
        int(settings.get("procurement.warranty_reminder_days"))
        if within_days is None
        else within_days
    )
    rows = []
    query = (
        Contract.select(Contract, Vendor)
        .join(Vendor)
        .where(Contract.warranty_starts_on.is_null(False) & (Contract.warranty_months > 0))
    )
    for contract in query:
        end = contract.warranty_ends_on
        if end is None or not (day <= end <= day + dt.timedelta(days=days)):
            continue
        rows.append(
            ContractDateRow(
                case_id=contract.case_id,
                contract_id=contract.id,
                contract_number=contract.number,
                vendor=contract.vendor.name,
                date=end,
                days_left=(end - day).days,
            )
        )
    return sorted(rows, key=lambda r: r.date)


@dataclass(frozen=True)
class IncidentRow:
    case_id: int | None
    incident_id: int
    system: str
    vendor: str
    contract_number: str
    down_since: dt.datetime
    hours_down: int
    contacted: bool


def open_incident_rows(now: dt.datetime | None = None) -> list[IncidentRow]:
    moment = now or clock.now()
    rows = []
    for incident in (
        Incident.select().where(Incident.restored_at.is_null(True)).order_by(Incident.down_since)
    ):
        rows.append(
            IncidentRow(
                case_id=incident.case_id,
                incident_id=incident.id,
                system=incident.system,
                vendor=incident.vendor.name if incident.vendor else "",
                contract_number=incident.contract.number if incident.contract else "",
                down_since=incident.down_since,
                hours_down=max(0, int((moment - incident.down_since).total_seconds() // 3600)),
                contacted=incident.contacted_at is not None,
            )
        )
    return rows


def securities_falling_short(today: dt.date | None = None) -> list[ContractDateRow]:
    """R7: performance securities not returned that expire before the contract's liability ends
    (the warranty's last day; before full acceptance, the last installment's due date plus the
    warranty), so the contractor must replace or extend them; ``date`` is the expiry."""
    day = today or clock.today()
    rows = []
    query = (
        Security.select(Security, Contract, Vendor)
        .join(Contract)
        .join(Vendor)
        .where(Security.returned_on.is_null(True) & Security.expires_on.is_null(False))
    )
    for security in query:
        contract = security.contract
        liability = contract.warranty_ends_on
        if liability is None:
            plan = list(contract.installments.order_by(Installment.due_on.desc()).limit(1))
            if not plan:
                continue
            liability = add_months(plan[0].due_on, contract.warranty_months)
        expires = security.expires_on
        if expires is None or expires >= liability:
            continue
        rows.append(
            ContractDateRow(
                case_id=contract.case_id,
                contract_id=contract.id,
                contract_number=contract.number,
                vendor=contract.vendor.name,
                date=expires,
                days_left=(expires - day).days,
                amount=Decimal(security.amount),
            )
        )
    return sorted(rows, key=lambda r: r.date)


def _installment_notices(actor: Actor, today: dt.date) -> list[Notice]:
    """Installments due within the reminder days, or late, of the projects ``actor`` holds or is
    responsible for (process 4's and 5's cases alike)."""
    rows = [*late_installments(today), *installments_due(today)]
    case_ids = {r.case_id for r in rows if r.case_id is not None}
    if not case_ids:
        return []
    mine = {
        c.id
        for c in Case.select(Case.id).where(
            Case.id.in_(case_ids)
            & ((Case.assignee_id == actor.id) | (Case.holder_user_id == actor.id))
        )
    }
    notices: list[Notice] = []
    for row in rows:
        if row.case_id not in mine:
            continue
        late = row.days_left < 0
        if late:
            text = _("สัญญา {no} งวดที่ {seq} ส่งมอบล่าช้า {n} วัน ค่าปรับถึงวันนี้ {amount} บาท").format(
                no=row.contract_number,
                seq=row.seq,
                n=-row.days_left,
                amount=f"{row.penalty_so_far:,.2f}",
            )
        else:
            text = _("สัญญา {no} งวดที่ {seq} ครบกำหนดส่งมอบในอีก {n} วัน ({vendor})").format(
                no=row.contract_number, seq=row.seq, n=row.days_left, vendor=row.vendor
            )
        notices.append(Notice(("installment", row.installment_id, late), late, text))
    return notices


declare_notices(_installment_notices)
