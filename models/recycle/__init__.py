"""Deleted records brought back: for 30 days after a deletion an administrator may restore an
asset or another record whose kind declared itself restorable.

Nothing new is stored: ``models.records.delete`` already writes the deleted row's full snapshot
to the audit log, in the same transaction. ``deleted_items`` lists the deletions of the last
``RESTORE_DAYS`` whose row is still gone; ``restore`` inserts the row again with its own id (so
whatever pointed to it points to it again), a version past the deleted one, and an audit entry.

A kind registers itself where its model is defined (a platform module never imports a process)::

    restorable(Asset, N_("ครุภัณฑ์"), lambda row: f"{row['number']} {row['name']}")
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import peewee

from models import audit, clock
from models.base import Actor, BaseModel, VersionedModel
from models.errors import NotFound, ValidationError
from models.i18n import _
from models.permissions import Role, require_role
from models.write_lock import write_transaction

RESTORE_DAYS = 30


@dataclass(frozen=True)
class Restorable:
    model: type[BaseModel]
    label: str  # N_-marked: what the record is ("ครุภัณฑ์")
    describe: Callable[[dict[str, Any]], str]  # the deleted row's snapshot -> a line for people


_KINDS: dict[str, Restorable] = {}


def restorable(
    model: type[BaseModel], label: str, describe: Callable[[dict[str, Any]], str]
) -> None:
    _KINDS[model._meta.table_name] = Restorable(model, label, describe)


@dataclass(frozen=True)
class DeletedItem:
    audit_id: int
    table: str
    row_id: int
    kind: str  # translated label
    description: str
    deleted_at: dt.datetime
    deleted_by: str
    restorable_until: dt.datetime


def _snapshot(entry: audit.AuditEntry) -> dict[str, Any]:
    import json

    data = json.loads(entry.before or "{}")
    return data if isinstance(data, dict) else {}


def _exists(kind: Restorable, row_id: int) -> bool:
    model = kind.model
    return bool(model.select().where(model._meta.primary_key == row_id).exists())


def deleted_items(actor: Actor | None) -> list[DeletedItem]:
    """Deletions of the last 30 days that can still be undone, newest first."""
    require_role(actor, Role.ADMIN)
    since = clock.now() - dt.timedelta(days=RESTORE_DAYS)
    entries = (
        audit.AuditEntry.select()
        .where(
            (audit.AuditEntry.action == "delete")
            & (audit.AuditEntry.table_name.in_(list(_KINDS)))
            & (audit.AuditEntry.at >= since)
        )
        .order_by(audit.AuditEntry.at.desc(), audit.AuditEntry.id.desc())
    )
    out: list[DeletedItem] = []
    seen: set[tuple[str, int | None]] = set()
    for entry in entries:
        key = (entry.table_name, entry.row_id)
        if key in seen:
            continue  # an older deletion of the same row (restored, then deleted again)
        seen.add(key)
        kind = _KINDS[entry.table_name]
        if entry.row_id is None or _exists(kind, entry.row_id):
            continue
        out.append(
            DeletedItem(
                audit_id=entry.id,
                table=entry.table_name,
                row_id=entry.row_id,
                kind=_(kind.label),
                description=kind.describe(_snapshot(entry)),
                deleted_at=entry.at,
                deleted_by=entry.user_name,
                restorable_until=entry.at + dt.timedelta(days=RESTORE_DAYS),
            )
        )
    return out


def _value(field: peewee.Field, value: Any) -> Any:
    if value is None or not isinstance(value, str):
        return value
    if isinstance(field, peewee.DateTimeField):
        return dt.datetime.fromisoformat(value)
    if isinstance(field, peewee.DateField):
        return dt.date.fromisoformat(value)
    if isinstance(field, peewee.DecimalField):
        return decimal.Decimal(value)
    return value


def restore(actor: Actor | None, audit_id: int) -> BaseModel:
    """Bring back the row a deletion removed (refused after 30 days, or when the row, or another
    one with the same unique values, is there again)."""
    require_role(actor, Role.ADMIN)
    entry = audit.AuditEntry.get_or_none(audit.AuditEntry.id == audit_id)
    if entry is None or entry.action != "delete" or entry.table_name not in _KINDS:
        raise NotFound(_("ไม่พบรายการที่ถูกลบนี้"))
    kind = _KINDS[entry.table_name]
    if clock.now() > entry.at + dt.timedelta(days=RESTORE_DAYS):
        raise ValidationError(_("รายการนี้ถูกลบเกิน {days} วันแล้ว จึงกู้คืนไม่ได้").format(days=RESTORE_DAYS))
    model = kind.model
    snapshot = _snapshot(entry)
    fields = model._meta.fields
    values = {name: _value(fields[name], v) for name, v in snapshot.items() if name in fields}
    if issubclass(model, VersionedModel):
        values["version"] = int(values.get("version") or 0) + 1
        values["modified_at"] = clock.now()
        values["modified_by"] = actor.id if actor else None
    description = kind.describe(snapshot)
    try:
        with write_transaction():
            if entry.row_id is not None and _exists(kind, entry.row_id):
                restored = (
                    audit.AuditEntry.select()
                    .where(
                        (audit.AuditEntry.table_name == entry.table_name)
                        & (audit.AuditEntry.row_id == entry.row_id)
                        & (audit.AuditEntry.action == "restore")
                        & (audit.AuditEntry.id > entry.id)
                    )
                    .exists()
                )
                if restored:
                    raise ValidationError(_("รายการนี้ถูกกู้คืนไปแล้ว"))
                raise peewee.IntegrityError("the row's id is in use again")
            model.insert(**values).execute()
            row = model.get_by_id(entry.row_id)
            audit.record(
                actor,
                "restore",
                entry.table_name,
                entry.row_id,
                after=row.snapshot(),
                note=_("กู้คืนรายการที่ลบเมื่อ {at}").format(at=entry.at.isoformat(" ", "minutes")),
            )
    except peewee.IntegrityError as exc:
        raise ValidationError(
            _("กู้คืน {what} ไม่ได้ เพราะมีรายการอื่นที่ใช้ข้อมูลเดียวกันอยู่แล้ว").format(what=description)
        ) from exc
    return row


__all__ = ["RESTORE_DAYS", "DeletedItem", "deleted_items", "restorable", "restore"]
