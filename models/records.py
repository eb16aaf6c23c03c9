"""Every insert, update and delete the app makes: versioned, stamped and audited in one transaction.

``update`` and ``delete`` take the version the user's form was loaded with. If someone else saved the
record meanwhile, nothing is written and ``ConflictError`` says who and when; the caller keeps the
user's input so it can be re-applied over the current values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

import peewee

from models import audit, clock
from models.accounts import User
from models.base import Actor, BaseModel, VersionedModel
from models.errors import ConflictError, NotFound
from models.i18n import _
from models.write_lock import write_transaction
from reports.thaifmt import datetime_short

M = TypeVar("M", bound=BaseModel)


def too_long(
    model: type[BaseModel], texts: Mapping[str, Any], labels: Mapping[str, str]
) -> dict[str, str]:
    """Field errors for texts longer than their column holds (``texts``: field name → value,
    ``labels``: field name → the label the user sees). PostgreSQL and MySQL refuse such a row with
    a database error (SQLite would keep it), so forms and imports check first."""
    errors: dict[str, str] = {}
    for name, value in texts.items():
        limit = getattr(model._meta.fields[name], "max_length", None)
        if limit and isinstance(value, str) and len(value.strip()) > limit:
            errors[name] = _("{field} ยาวเกิน {n} ตัวอักษร").format(field=labels[name], n=limit)
    return errors


def create(actor: Actor | None, model: type[M], **values: Any) -> M:
    """Insert a record and log it."""
    with write_transaction():
        obj = model(**values)
        if isinstance(obj, VersionedModel):
            obj.version = 1
            obj.created_at = obj.modified_at = clock.now()
            obj.modified_by = actor.id if actor else None
        obj.save(force_insert=True)
        audit.record(actor, "insert", model._meta.table_name, obj.get_id(), after=obj.snapshot())
    return obj


def update(
    actor: Actor | None,
    obj: M,
    *,
    expected_version: int | None = None,
    note: str = "",
    **changes: Any,
) -> M:
    """Apply ``changes`` if the stored record is still at ``expected_version`` (default: ``obj``'s)."""
    model = type(obj)
    unknown = [name for name in changes if name not in model._meta.fields]
    if unknown:
        raise AttributeError(f"{model.__name__} has no field(s) {unknown}")
    changed = {name for name, value in changes.items() if obj.__data__.get(name) != _raw(value)}
    before = obj.snapshot(changed | {"version"} if changed else {"version"})
    with write_transaction():
        if isinstance(obj, VersionedModel):
            vmodel = cast(type[VersionedModel], model)
            expected = obj.version if expected_version is None else expected_version
            assignments: dict[Any, Any] = {getattr(model, k): v for k, v in changes.items()}
            now = clock.now()
            assignments[vmodel.version] = vmodel.version + 1
            assignments[vmodel.modified_at] = now
            assignments[vmodel.modified_by] = actor.id if actor else None
            count = (
                vmodel.update(assignments)
                .where((vmodel.id == obj.get_id()) & (vmodel.version == expected))
                .execute()
            )
            if count == 0:
                raise conflict(model, obj.get_id())
            obj.version = expected + 1
            obj.modified_at = now
            obj.modified_by = actor.id if actor else None
        else:
            count = (
                model.update({getattr(model, k): v for k, v in changes.items()})
                .where(model._meta.primary_key == obj.get_id())
                .execute()
            )
            if count == 0:
                raise conflict(model, obj.get_id())
        for name, value in changes.items():
            setattr(obj, name, value)
        audit.record(
            actor,
            "update",
            model._meta.table_name,
            obj.get_id(),
            before=before,
            after=obj.snapshot(changed | {"version"} if changed else {"version"}),
            note=note,
        )
    return obj


def delete(
    actor: Actor | None, obj: M, *, expected_version: int | None = None, note: str = ""
) -> None:
    model = type(obj)
    with write_transaction():
        query = model.delete().where(model._meta.primary_key == obj.get_id())
        if isinstance(obj, VersionedModel):
            expected = obj.version if expected_version is None else expected_version
            query = query.where(cast(type[VersionedModel], model).version == expected)
        if query.execute() == 0:
            raise conflict(model, obj.get_id())
        audit.record(
            actor, "delete", model._meta.table_name, obj.get_id(), before=obj.snapshot(), note=note
        )


def conflict(model: type[BaseModel], row_id: Any) -> ConflictError:
    """Explain why a versioned write found nothing to change: edited or deleted by someone else."""
    current = model.get_or_none(model._meta.primary_key == row_id)
    if current is None:
        deleted = (
            audit.AuditEntry.select()
            .where(
                (audit.AuditEntry.table_name == model._meta.table_name)
                & (audit.AuditEntry.row_id == row_id)
                & (audit.AuditEntry.action == "delete")
            )
            .order_by(audit.AuditEntry.id.desc())
            .first()
        )
        who = deleted.user_name if deleted else None
        when = deleted.at if deleted else None
        message = (
            _("รายการนี้ถูกลบโดย {who} เมื่อ {when} จึงบันทึกไม่ได้").format(
                who=who, when=datetime_short(when)
            )
            if who and when
            else _("ไม่พบรายการนี้แล้ว อาจถูกลบไปแล้ว")
        )
        return ConflictError(message, changed_by=who, changed_at=when, current=None)
    who_id = getattr(current, "modified_by", None)
    who = _user_name(who_id)
    when = getattr(current, "modified_at", None)
    message = _(
        "รายการนี้ถูกแก้ไขโดย {who} เมื่อ {when} หลังจากที่ท่านเปิดขึ้นมา "
        "จึงยังไม่ได้บันทึกข้อมูลของท่าน ข้อมูลที่ท่านกรอกยังอยู่ครบ "
        "กรุณาตรวจสอบข้อมูลล่าสุดแล้วบันทึกอีกครั้ง"
    ).format(who=who, when=datetime_short(when) if when else "-")
    return ConflictError(message, changed_by=who, changed_at=when, current=current.snapshot())


def _user_name(user_id: int | None) -> str:
    if user_id is None:
        return _("ระบบ")
    user = User.get_or_none(User.id == user_id)
    return user.full_name if user else _("ผู้ใช้รหัส {id}").format(id=user_id)


def _raw(value: Any) -> Any:
    return value.get_id() if isinstance(value, peewee.Model) else value


def get(model: type[M], row_id: Any) -> M:
    """Fetch one record or raise ``NotFound`` with a plain message."""
    obj = model.get_or_none(model._meta.primary_key == row_id)
    if obj is None:
        raise NotFound(_("ไม่พบรายการที่ต้องการ (อาจถูกลบไปแล้ว)"))
    return obj
