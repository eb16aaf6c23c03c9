"""Replacement machines (เครื่องทดแทน): the loaner pool, lending one to a requester while their
machine is repaired, the return, and overdue loans.

A pool machine is an asset with status "in the loaner pool"; lending sets it "on loan" and the
return puts it back, in the same transaction as the loan record. A loan made for a repair ticket
is what satisfies the ticket's loaner rule (``models.support.tickets``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import peewee

from models import clock, records, text_search
from models.base import Actor, VersionedModel
from models.errors import ValidationError
from models.i18n import N_, _
from models.org import Unit
from models.paging import Page, sorted_page
from models.permissions import Permission, require
from models.support import assets, ticket_records
from models.support.assets import Asset, AssetStatus
from models.support.ticket_records import RepairTicket
from models.users import User
from models.write_lock import retry_transaction, write_transaction
from reports.thaifmt import date_short


class Loan(VersionedModel):
    loaner = peewee.ForeignKeyField(Asset, on_delete="RESTRICT", index=True)
    ticket = peewee.ForeignKeyField(RepairTicket, null=True, on_delete="SET NULL", index=True)
    borrower_name = peewee.CharField(max_length=200)
    borrower_position = peewee.CharField(max_length=300, default="")
    borrower_unit = peewee.ForeignKeyField(Unit, null=True, on_delete="SET NULL")
    purpose = peewee.CharField(max_length=500, default="")
    lent_on = peewee.DateField(index=True)
    due_back = peewee.DateField(index=True)
    lent_by = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL")
    condition_out = peewee.TextField(default="")  # accessories and condition when handed over
    returned_on = peewee.DateField(null=True, index=True)
    received_by = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL")
    condition_in = peewee.TextField(default="")
    notes = peewee.TextField(default="")

    if TYPE_CHECKING:
        loaner_id: int
        ticket_id: int | None
        borrower_unit_id: int | None
        lent_by_id: int | None
        received_by_id: int | None

    @property
    def is_out(self) -> bool:
        return self.returned_on is None


class LoanState:
    OUT = "out"
    OVERDUE = "overdue"
    RETURNED = "returned"
    RETURNED_LATE = "returned_late"


LOAN_STATE_LABELS = {
    LoanState.OUT: N_("ยืมอยู่"),
    LoanState.OVERDUE: N_("เกินกำหนดคืน"),
    LoanState.RETURNED: N_("คืนแล้ว"),
    LoanState.RETURNED_LATE: N_("คืนแล้ว (เกินกำหนด)"),
}


def loan_state(loan: Loan, today: dt.date | None = None) -> str:
    today = today or clock.today()
    if loan.returned_on is None:
        return LoanState.OVERDUE if loan.due_back < today else LoanState.OUT
    return LoanState.RETURNED_LATE if loan.returned_on > loan.due_back else LoanState.RETURNED


def pool(*, include_out: bool = False) -> list[Asset]:
    """The loaner pool: machines ready to lend (and those out, when asked)."""
    statuses = [AssetStatus.LOANER_POOL] + ([AssetStatus.ON_LOAN] if include_out else [])
    return list(Asset.select().where(Asset.status.in_(statuses)).order_by(Asset.number_key))


def active_loan_for_ticket(ticket_id: int) -> Loan | None:
    row: Loan | None = (
        Loan.select()
        .where((Loan.ticket == ticket_id) & Loan.returned_on.is_null())
        .order_by(Loan.id.desc())
        .first()
    )
    return row


def loans_for_ticket(ticket_id: int) -> list[Loan]:
    return list(Loan.select().where(Loan.ticket == ticket_id).order_by(Loan.lent_on, Loan.id))


@retry_transaction
def lend(
    actor: Actor | None,
    loaner: Asset | int,
    *,
    borrower_name: str,
    due_back: dt.date,
    borrower_unit: Unit | int | None = None,
    borrower_position: str = "",
    ticket: RepairTicket | int | None = None,
    lent_on: dt.date | None = None,
    purpose: str = "",
    condition_out: str = "",
) -> Loan:
    """Lend a pool machine. The machine must be in the pool now (checked again inside the
    transaction, so two workstations cannot lend the same machine)."""
    require(actor, Permission.WORK_CASES)
    day = lent_on or clock.today()
    if not isinstance(day, dt.date) or not isinstance(due_back, dt.date):
        raise ValidationError(_("กรุณาระบุวันที่ยืมและกำหนดคืนเป็นวันที่"), {"due_back": _("วันที่ไม่ถูกต้อง")})
    try:
        loaner_id = loaner.id if isinstance(loaner, Asset) else int(loaner)
        ticket_id = ticket.id if isinstance(ticket, RepairTicket) else ticket
        unit_id = borrower_unit.id if isinstance(borrower_unit, Unit) else borrower_unit
        for key in (loaner_id, ticket_id, unit_id):
            if key is not None and not records.INT_RANGE[0] <= int(key) <= records.INT_RANGE[1]:
                raise ValueError(key)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValidationError(_("ไม่พบรายการที่เลือก")) from exc
    errors: dict[str, str] = {}
    if not borrower_name.strip():
        errors["borrower_name"] = _("กรุณากรอกชื่อผู้ยืม")
    if day > clock.today():
        errors["lent_on"] = _("วันที่ยืมต้องไม่เป็นวันในอนาคต")
    if due_back < day:
        errors["due_back"] = _("กำหนดคืนต้องไม่ก่อนวันที่ยืม")
    errors |= records.too_long(
        Loan,
        {
            "borrower_name": borrower_name,
            "borrower_position": borrower_position,
            "purpose": purpose,
        },
        {"borrower_name": _("ผู้ยืม"), "borrower_position": _("ตำแหน่ง"), "purpose": _("วัตถุประสงค์")},
    )
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    with write_transaction():
        machine = records.get(Asset, loaner_id)
        if ticket_id is not None:
            ticket_row = ticket_records.get_ticket(ticket_id)
            ticket_records.check_can_lend(ticket_row, machine)
        # Claim the machine: only succeeds while it is still in the pool.
        claimed = (
            Asset.update(
                status=AssetStatus.ON_LOAN,
                version=Asset.version + 1,
                modified_at=clock.now(),
                modified_by=actor.id if actor else None,
            )
            .where((Asset.id == loaner_id) & (Asset.status == AssetStatus.LOANER_POOL))
            .execute()
        )
        if not claimed:
            raise ValidationError(
                _("เครื่อง {number} ไม่อยู่ในกลุ่มเครื่องทดแทนที่พร้อมให้ยืม (สถานะ: {status})").format(
                    number=machine.number,
                    status=_(assets.STATUS_LABELS.get(machine.status, machine.status)),
                ),
                {"loaner": _("เลือกเครื่องอื่น")},
            )
        from models import audit

        audit.record(
            actor,
            "update",
            Asset._meta.table_name,
            loaner_id,
            before={"status": machine.status, "version": machine.version},
            after={"status": AssetStatus.ON_LOAN, "version": machine.version + 1},
            note=_("ให้ยืมเป็นเครื่องทดแทน"),
        )
        loan = records.create(
            actor,
            Loan,
            loaner=loaner_id,
            ticket=ticket_id,
            borrower_name=borrower_name.strip(),
            borrower_position=borrower_position.strip(),
            borrower_unit=unit_id,
            purpose=purpose.strip(),
            lent_on=day,
            due_back=due_back,
            lent_by=actor.id if actor else None,
            condition_out=condition_out.strip(),
        )
        if ticket_id is not None:
            ticket_records.note_loan(actor, ticket_id, loan, machine)
    return loan


@retry_transaction
def return_loan(
    actor: Actor | None,
    loan: Loan | int,
    *,
    returned_on: dt.date | None = None,
    condition_in: str = "",
    expected_version: int | None = None,
) -> Loan:
    """Record the machine back: the loan closes and the machine returns to the pool."""
    require(actor, Permission.WORK_CASES)
    with write_transaction():
        return _return(actor, loan, returned_on, condition_in, expected_version)


def _return(  # inside return_loan's write transaction
    actor: Actor | None,
    loan: Loan | int,
    returned_on: dt.date | None,
    condition_in: str,
    expected_version: int | None,
) -> Loan:
    row = records.get(Loan, loan.id if isinstance(loan, Loan) else loan)
    day = returned_on or clock.today()
    if row.returned_on is not None:
        raise ValidationError(_("รับคืนเครื่องนี้ไปแล้วเมื่อ {day}").format(day=date_short(row.returned_on)))
    if day < row.lent_on:
        raise ValidationError(
            _("วันที่รับคืนต้องไม่ก่อนวันที่ยืม ({day})").format(day=date_short(row.lent_on)),
            {"returned_on": _("วันที่ไม่ถูกต้อง")},
        )
    if day > clock.today():
        raise ValidationError(_("วันที่รับคืนต้องไม่เป็นวันในอนาคต"), {"returned_on": _("วันที่ไม่ถูกต้อง")})
    updated = records.update(
        actor,
        row,
        expected_version=expected_version,
        returned_on=day,
        received_by=actor.id if actor else None,
        condition_in=condition_in.strip(),
    )
    machine = records.get(Asset, row.loaner_id)
    if machine.status == AssetStatus.ON_LOAN:
        records.update(actor, machine, status=AssetStatus.LOANER_POOL, note=_("รับคืนเครื่องทดแทน"))
    if row.ticket_id is not None:
        ticket_records.note_return(actor, row.ticket_id, updated, machine)
    return updated


# --- lists ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoanFilter:
    text: str = ""
    state: str = ""  # LoanState value, or "" for all
    start: dt.date | None = None  # lent on or after
    end: dt.date | None = None  # lent on or before


@dataclass(frozen=True)
class LoanRow:
    id: int
    version: int
    loaner_id: int
    loaner_number: str
    loaner_name: str
    ticket_id: int | None
    ticket_number: str
    borrower_name: str
    borrower_position: str
    borrower_unit: str
    purpose: str
    lent_on: dt.date
    due_back: dt.date
    returned_on: dt.date | None
    lent_by: str
    received_by: str
    condition_out: str
    condition_in: str
    state: str

    @property
    def state_label(self) -> str:
        return _(LOAN_STATE_LABELS[self.state])


LOAN_SORT_KEYS: dict[str, Any] = {
    "lent_on": Loan.lent_on,
    "due_back": Loan.due_back,
    "returned_on": Loan.returned_on,
    "borrower": Loan.borrower_name,
    "loaner": Asset.number_key,
}


def _loan_query(filters: LoanFilter) -> peewee.ModelSelect[Loan]:
    today = clock.today()
    query = (
        Loan.select(Loan, Asset.id, Asset.number, Asset.name, Unit.id, Unit.name)
        .join(Asset, on=(Loan.loaner == Asset.id))
        .switch(Loan)
        .join(Unit, peewee.JOIN.LEFT_OUTER, on=(Loan.borrower_unit == Unit.id))
    )
    text = assets.normalise_search(filters.text)
    if text:
        query = query.where(
            text_search.contains(Asset, text)
            | text_search.field_contains(Loan.borrower_name, filters.text.strip())
            | text_search.field_contains(Unit.name, filters.text.strip())
        )
    if filters.state == LoanState.OUT:
        query = query.where(Loan.returned_on.is_null() & (Loan.due_back >= today))
    elif filters.state == LoanState.OVERDUE:
        query = query.where(Loan.returned_on.is_null() & (Loan.due_back < today))
    elif filters.state == "open":
        query = query.where(Loan.returned_on.is_null())
    elif filters.state == LoanState.RETURNED:
        query = query.where(Loan.returned_on.is_null(False))
    elif filters.state == LoanState.RETURNED_LATE:
        query = query.where(Loan.returned_on > Loan.due_back)
    if filters.start:
        query = query.where(Loan.lent_on >= filters.start)
    if filters.end:
        query = query.where(Loan.lent_on <= filters.end)
    return query


def _loan_rows(loans: list[Loan]) -> list[LoanRow]:
    from models.engine.tables import Case

    users = {u.id: u.full_name for u in User.select(User.id, User.full_name)}
    ticket_ids = {ln.ticket_id for ln in loans if ln.ticket_id}
    numbers: dict[int, str] = {}
    if ticket_ids:
        for t in (
            RepairTicket.select(RepairTicket.id, Case.number)
            .join(Case)
            .where(RepairTicket.id.in_(ticket_ids))
        ):
            numbers[t.id] = t.case.number
    today = clock.today()
    out = []
    for ln in loans:
        machine = ln.__rel__.get("loaner")
        unit = ln.__rel__.get("borrower_unit")
        out.append(
            LoanRow(
                id=ln.id,
                version=ln.version,
                loaner_id=ln.loaner_id,
                loaner_number=machine.number if machine else "",
                loaner_name=machine.name if machine else "",
                ticket_id=ln.ticket_id,
                ticket_number=numbers.get(ln.ticket_id or 0, ""),
                borrower_name=ln.borrower_name,
                borrower_position=ln.borrower_position,
                borrower_unit=unit.name if unit is not None and unit.name else "",
                purpose=ln.purpose,
                lent_on=ln.lent_on,
                due_back=ln.due_back,
                returned_on=ln.returned_on,
                lent_by=users.get(ln.lent_by_id or 0, ""),
                received_by=users.get(ln.received_by_id or 0, ""),
                condition_out=ln.condition_out,
                condition_in=ln.condition_in,
                state=loan_state(ln, today),
            )
        )
    return out


def loan_page(
    filters: LoanFilter,
    sort_key: str = "lent_on",
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> Page[LoanRow]:
    column = LOAN_SORT_KEYS.get(sort_key, Loan.lent_on)
    return sorted_page(
        _loan_query(filters), column, descending, Loan.id.desc(), offset, limit, _loan_rows
    )


def loan_rows(filters: LoanFilter) -> list[LoanRow]:
    return _loan_rows(list(_loan_query(filters).order_by(Loan.lent_on, Loan.id)))


def loan_row(loan_id: int) -> LoanRow:
    rows = _loan_rows(list(_loan_query(LoanFilter()).where(Loan.id == loan_id)))
    if not rows:
        records.get(Loan, loan_id)
    return rows[0]


def overdue_loans(today: dt.date | None = None) -> list[LoanRow]:
    """Loans past their return date (for the dashboard)."""
    day = today or clock.today()
    query = (
        _loan_query(LoanFilter())
        .where(Loan.returned_on.is_null() & (Loan.due_back < day))
        .order_by(Loan.due_back)
    )
    return _loan_rows(list(query))
