"""The emergency and incident log (เหตุขัดข้อง/เหตุฉุกเฉิน, F21): since when a system was down, the cause,
when the contractor was told and how, when repair started, when it was restored; the response time
and the downtime penalty where the contract has one (ร.310-60 ข้อ ๕: hours a month beyond the
allowance × the hourly rate × the contract price; part of an hour counts as a whole hour).

    inc = open_incident(actor, contract_id=c.id, system="สวิตช์แกนหลัก", down_since=moment)
    update_incident(actor, inc, contacted_at=moment, channel="โทรศัพท์", cause="...")
    restore_incident(actor, inc, restored_at=moment)   # computes downtime hours and penalty
    open_incidents(); incidents_of_contract(c); incidents_of_vendor(v)
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any, ClassVar

import peewee

from models import clock, records
from models.base import Actor, VersionedModel
from models.errors import ValidationError
from models.i18n import N_, _
from models.org import Vendor
from models.permissions import Permission, require
from models.procurement import penalties, rules
from models.procurement.contracts import Contract, _Errors
from models.write_lock import write_transaction


class Incident(VersionedModel):
    field_labels: ClassVar[dict[str, str]] = {
        "system": N_("อุปกรณ์/ระบบที่ขัดข้อง"),
        "description": N_("อาการที่พบ"),
        "cause": N_("สาเหตุ"),
        "channel": N_("ช่องทางที่แจ้ง"),
        "note": N_("หมายเหตุ"),
    }
    contract = peewee.ForeignKeyField(
        Contract, null=True, backref="incidents", on_delete="SET NULL"
    )
    vendor = peewee.ForeignKeyField(Vendor, null=True, backref="incidents", on_delete="SET NULL")
    case_id = peewee.IntegerField(null=True, index=True)
    system = peewee.CharField(max_length=300)  # อุปกรณ์/ระบบ
    description = peewee.TextField(default="")
    down_since = peewee.DateTimeField(index=True)
    cause = peewee.TextField(default="")
    contacted_at = peewee.DateTimeField(null=True)  # แจ้งผู้รับจ้างเมื่อ
    channel = peewee.CharField(max_length=100, default="")  # วาจา / โทรศัพท์ / e-mail / โทรสาร
    repair_started_at = peewee.DateTimeField(null=True)
    restored_at = peewee.DateTimeField(null=True, index=True)
    downtime_hours = peewee.IntegerField(null=True)  # whole hours, a part counted as one
    hours_over_allowance = peewee.IntegerField(default=0)
    penalty = peewee.DecimalField(max_digits=15, decimal_places=2, default=Decimal(0))
    note = peewee.TextField(default="")

    @property
    def response_minutes(self) -> int | None:
        """From the contractor being told to the repair starting (or the system restored)."""
        start = self.repair_started_at or self.restored_at
        if self.contacted_at is None or start is None:
            return None
        return max(0, int((start - self.contacted_at).total_seconds() // 60))


def _moment(value: Any, field: str, label: str, *, required: bool) -> dt.datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(_("กรุณากรอก{label}").format(label=label), {field: _("ต้องกรอก")})
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(
        _("กรุณากรอก{label}ให้ถูกต้อง").format(label=label), {field: _("วันเวลาไม่ถูกต้อง")}
    )


def open_incident(
    actor: Actor | None,
    *,
    system: str,
    down_since: Any,
    contract_id: int | None = None,
    vendor_id: int | None = None,
    case_id: int | None = None,
    description: str = "",
) -> Incident:
    require(actor, Permission.WORK_CASES)
    errs = _Errors()
    name = errs.check(lambda: rules.required_text(system, "system", _("อุปกรณ์/ระบบที่ขัดข้อง")))
    since = errs.check(
        lambda: _moment(down_since, "down_since", _("วันเวลาที่เริ่มขัดข้อง"), required=True)
    )
    if since is not None and since > clock.now():
        errs.add("down_since", _("เป็นเวลาในอนาคต"), _("วันเวลาที่เริ่มขัดข้องต้องไม่เป็นเวลาในอนาคต"))
    contract = None
    if contract_id is not None:
        contract = Contract.get_or_none(Contract.id == contract_id)
        if contract is None:
            errs.add("contract", _("ไม่พบ"), _("ไม่พบสัญญาที่เลือก"))
    vendor = contract.vendor if contract is not None else None
    if vendor is None and vendor_id is not None:
        vendor = Vendor.get_or_none(Vendor.id == vendor_id)
        if vendor is None:
            errs.add("vendor", _("ไม่อยู่ในทะเบียน"), _("ผู้ประกอบการต้องอยู่ในทะเบียนผู้ประกอบการก่อน"))
    errs.raise_if_any()
    return records.create(
        actor,
        Incident,
        contract=contract,
        vendor=vendor,
        case_id=case_id if case_id is not None else (contract.case_id if contract else None),
        system=name,
        description=description.strip(),
        down_since=since,
    )


def update_incident(
    actor: Actor | None,
    incident: Incident,
    *,
    cause: str | None = None,
    contacted_at: Any = None,
    channel: str | None = None,
    repair_started_at: Any = None,
    note: str | None = None,
) -> Incident:
    """Fill in what became known: the cause, when and how the contractor was told, repair start."""
    require(actor, Permission.WORK_CASES)
    errs = _Errors()
    contacted = errs.check(
        lambda: _moment(contacted_at, "contacted_at", _("วันเวลาที่แจ้งผู้รับจ้าง"), required=False)
    )
    started = errs.check(
        lambda: _moment(repair_started_at, "repair_started_at", _("วันเวลาที่เริ่มซ่อม"), required=False)
    )
    for field, moment, label in (
        ("contacted_at", contacted, _("วันเวลาที่แจ้งผู้รับจ้าง")),
        ("repair_started_at", started, _("วันเวลาที่เริ่มซ่อม")),
    ):
        if moment is not None and moment < incident.down_since:
            errs.add(
                field,
                _("ก่อนเวลาที่ขัดข้อง"),
                _("{label}ต้องไม่อยู่ก่อนวันเวลาที่เริ่มขัดข้อง").format(label=label),
            )
    errs.raise_if_any()
    changes: dict[str, Any] = {}
    if cause is not None:
        changes["cause"] = cause.strip()
    if contacted is not None:
        changes["contacted_at"] = contacted
    if channel is not None:
        changes["channel"] = channel.strip()
    if started is not None:
        changes["repair_started_at"] = started
    if note is not None:
        changes["note"] = note.strip()
    return records.update(actor, incident, **changes)


def _month_bounds(moment: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    start = moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = (start + dt.timedelta(days=32)).replace(day=1)
    return start, end


def restore_incident(actor: Actor | None, incident: Incident, *, restored_at: Any) -> Incident:
    """Close the incident: downtime in whole hours, and where the contract has a downtime penalty,
    the hours of this month beyond the allowance not yet counted by earlier incidents."""
    require(actor, Permission.WORK_CASES)
    moment = _moment(restored_at, "restored_at", _("วันเวลาที่ใช้งานได้ตามปกติ"), required=True)
    assert moment is not None
    if moment < incident.down_since:
        raise ValidationError(
            _("วันเวลาที่ใช้งานได้ตามปกติต้องไม่อยู่ก่อนวันเวลาที่เริ่มขัดข้อง"),
            {"restored_at": _("ก่อนเวลาที่ขัดข้อง")},
        )
    if moment > clock.now():
        raise ValidationError(
            _("วันเวลาที่ใช้งานได้ตามปกติต้องไม่เป็นเวลาในอนาคต"), {"restored_at": _("เป็นเวลาในอนาคต")}
        )
    hours = math.ceil((moment - incident.down_since).total_seconds() / 3600)
    over = 0
    amount = Decimal(0)
    contract = incident.contract
    with write_transaction():
        if contract is not None and Decimal(contract.downtime_rate_pct) > 0:
            start, end = _month_bounds(incident.down_since)
            earlier = list(
                Incident.select().where(
                    (Incident.contract == contract)
                    & (Incident.id != incident.id)
                    & (Incident.restored_at.is_null(False))
                    & (Incident.down_since >= start)
                    & (Incident.down_since < end)
                )
            )
            used = sum(i.downtime_hours or 0 for i in earlier)
            counted = sum(i.hours_over_allowance for i in earlier)
            over = max(0, used + hours - contract.downtime_allowance_hours) - counted
            over = max(0, over)
            amount = penalties.downtime_penalty(
                Decimal(over), Decimal(contract.downtime_rate_pct), Decimal(contract.price)
            )
        return records.update(
            actor,
            incident,
            restored_at=moment,
            downtime_hours=hours,
            hours_over_allowance=over,
            penalty=amount,
        )


def downtime_penalties(contract: Contract) -> Decimal:
    total = (
        Incident.select(peewee.fn.SUM(Incident.penalty))
        .where(Incident.contract == contract)
        .scalar()
    )
    return Decimal(total or 0)


def open_incidents() -> list[Incident]:
    return list(
        Incident.select().where(Incident.restored_at.is_null(True)).order_by(Incident.down_since)
    )


def incidents_of_contract(contract: Contract) -> list[Incident]:
    return list(
        Incident.select().where(Incident.contract == contract).order_by(Incident.down_since.desc())
    )


def incidents_of_vendor(vendor: Vendor) -> list[Incident]:
    return list(
        Incident.select().where(Incident.vendor == vendor).order_by(Incident.down_since.desc())
    )


def incidents_between(start: dt.date | None, end: dt.date | None) -> list[Incident]:
    query = Incident.select()
    if start is not None:
        query = query.where(Incident.down_since >= dt.datetime.combine(start, dt.time()))
    if end is not None:
        query = query.where(
            Incident.down_since < dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
        )
    return list(query.order_by(Incident.down_since, Incident.id))
