"""One asset's history on one timeline: when it was registered and every change to its record (from
the audit log), every repair ticket about it, every loan of it as a replacement machine, and every
preventive maintenance that covered it. Plain data, newest first, for the asset's history tab."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from models import records
from models.audit import AuditEntry
from models.base import Actor
from models.engine import Case, state_of
from models.i18n import N_, _
from models.org import Unit, Vendor
from models.permissions import Permission, require
from models.support import loans, maintenance
from models.support.asset_fields import FIELDS
from models.support.assets import KIND_LABELS, STATUS_LABELS, Asset, AssetCategory, asset_files
from models.support.ticket_records import REPAIR_RESULT_CHOICES, RepairTicket
from models.users import User
from reports.thaifmt import date_short

KIND_LABELS_TIMELINE = {
    "created": N_("ขึ้นทะเบียน"),
    "change": N_("แก้ไขข้อมูล"),
    "import": N_("นำเข้าจากไฟล์"),
    "repair": N_("แจ้งซ่อม"),
    "repaired": N_("ซ่อมเสร็จ"),
    "loan": N_("ให้ยืมเป็นเครื่องทดแทน"),
    "return": N_("รับคืนเครื่องทดแทน"),
    "maintenance": N_("บำรุงรักษา"),
    "file": N_("แนบไฟล์"),
}

# Columns whose changes are bookkeeping, not history.
_QUIET = {"version", "modified_at", "modified_by", "created_at", "search_text", "number_key"}


@dataclass(frozen=True)
class HistoryEvent:
    at: dt.datetime
    kind: str
    title: str
    detail: str
    who: str
    ref_kind: str = ""  # "case" | "loan" | "maintenance": what the window can open
    ref_id: int | None = None

    @property
    def kind_label(self) -> str:
        return _(KIND_LABELS_TIMELINE.get(self.kind, self.kind))

    @property
    def day(self) -> dt.date:
        return self.at.date()


def _field_labels() -> dict[str, str]:
    labels = {f.key: f.label for f in FIELDS}
    labels["status"] = N_("สถานะ")
    return labels


def _show(key: str, value: Any) -> str:
    if value in (None, ""):
        return "-"
    if key == "status":
        return _(STATUS_LABELS.get(str(value), str(value)))
    if key == "kind":
        return _(KIND_LABELS.get(str(value), str(value)))
    if key in {"category", "vendor", "custodian_unit"}:
        model: Any = {"category": AssetCategory, "vendor": Vendor, "custodian_unit": Unit}[key]
        row = model.get_or_none(model.id == int(value))
        return str(row.name) if row is not None else str(value)
    if key in {"acquired_on", "warranty_end", "licence_expiry"}:
        try:
            return date_short(dt.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    return str(value)


def _changes(entry: AuditEntry, labels: dict[str, str]) -> str:
    before = json.loads(entry.before or "{}")
    after = json.loads(entry.after or "{}")
    parts = []
    for key, new in after.items():
        if key in _QUIET or before.get(key) == new:
            continue
        label = _(labels.get(key, key))
        parts.append(f"{label}: {_show(key, before.get(key))} → {_show(key, new)}")
    return "; ".join(parts)


def _at(day: dt.date, hour: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def asset_timeline(actor: Actor | None, asset_id: int) -> list[HistoryEvent]:
    require(actor, Permission.VIEW)
    asset = records.get(Asset, asset_id)
    labels = _field_labels()
    events: list[HistoryEvent] = []
    for entry in (
        AuditEntry.select()
        .where((AuditEntry.table_name == Asset._meta.table_name) & (AuditEntry.row_id == asset.id))
        .order_by(AuditEntry.at, AuditEntry.id)
    ):
        if entry.action == "insert":
            events.append(
                HistoryEvent(entry.at, "created", _("ขึ้นทะเบียนครุภัณฑ์"), "", entry.user_name)
            )
        elif entry.action == "update":
            detail = _changes(entry, labels)
            if detail:
                events.append(
                    HistoryEvent(
                        entry.at,
                        "change",
                        entry.note or _("แก้ไขข้อมูลครุภัณฑ์"),
                        detail,
                        entry.user_name,
                    )
                )
    names = {u.id: u.full_name for u in User.select(User.id, User.full_name)}
    results = dict(REPAIR_RESULT_CHOICES)
    tickets = (
        Case.select(Case, RepairTicket)
        .join(RepairTicket, on=(RepairTicket.case == Case.id), attr="ticket")
        .where(RepairTicket.asset == asset.id)
    )
    for case in tickets:
        ticket: RepairTicket = case.ticket  # type: ignore[attr-defined]
        events.append(
            HistoryEvent(
                _at(case.received_on, 8),
                "repair",
                _("แจ้งซ่อมเรื่อง {number}: {title}").format(number=case.number, title=case.title),
                ticket.description,
                names.get(case.assignee_id or 0, ""),
                "case",
                case.id,
            )
        )
        if case.closed_on is not None:
            fix = ticket.work_done
            if ticket.repair_result:
                fix = f"{fix} ({_(results.get(ticket.repair_result, ticket.repair_result))})"
            events.append(
                HistoryEvent(
                    _at(case.closed_on, 17),
                    "repaired",
                    _("ปิดเรื่อง {number}: {state}").format(
                        number=case.number, state=state_of(case).text
                    ),
                    " ".join(p for p in (ticket.cause, fix) if p),
                    names.get(case.assignee_id or 0, ""),
                    "case",
                    case.id,
                )
            )
    for loan in loans.Loan.select().where(loans.Loan.loaner == asset.id):
        events.append(
            HistoryEvent(
                _at(loan.lent_on, 9),
                "loan",
                _("ให้ยืมแก่ {name}").format(name=loan.borrower_name),
                _("กำหนดคืน {day}").format(day=date_short(loan.due_back)),
                names.get(loan.lent_by_id or 0, ""),
                "loan",
                loan.id,
            )
        )
        if loan.returned_on is not None:
            events.append(
                HistoryEvent(
                    _at(loan.returned_on, 16),
                    "return",
                    _("รับคืนจาก {name}").format(name=loan.borrower_name),
                    loan.condition_in,
                    names.get(loan.received_by_id or 0, ""),
                    "loan",
                    loan.id,
                )
            )
    for record in maintenance.records_for_asset(asset):
        task = record.task
        events.append(
            HistoryEvent(
                _at(record.done_on, 12),
                "maintenance",
                _("{title}: {result}").format(
                    title=task.title, result=_(maintenance.RESULT_LABELS[record.result])
                ),
                record.findings,
                names.get(record.done_by_id or 0, ""),
                "maintenance",
                record.id,
            )
        )
    for file in asset_files(asset.id):
        events.append(HistoryEvent(file.created_at, "file", file.filename, "", file.added_by))
    events.sort(key=lambda e: e.at, reverse=True)
    return events


def has_history(asset_id: int) -> bool:
    """Whether anything besides the register itself refers to the asset."""
    return bool(
        RepairTicket.select().where(RepairTicket.asset == asset_id).exists()
        or loans.Loan.select().where(loans.Loan.loaner == asset_id).exists()
        or maintenance.MaintenanceRecord.select()
        .where(maintenance.MaintenanceRecord.asset == asset_id)
        .exists()
        or maintenance.MaintenanceTask.select()
        .where(maintenance.MaintenanceTask.asset == asset_id)
        .exists()
    )
