"""Every insert, update and delete the app makes: versioned, stamped and audited in one transaction.

``update`` and ``delete`` take the version the user's form was loaded with. If someone else saved the
record meanwhile, nothing is written and ``ConflictError`` says who and when; the caller keeps the
user's input so it can be re-applied over the current values.
"""

from __future__ import annotations

import decimal
import math
import re
from collections.abc import Mapping
from typing import Any, TypeVar, cast

import peewee

from models import audit, clock
from models.accounts import User
from models.base import Actor, BaseModel, VersionedModel
from models.errors import ConflictError, NotFound, ValidationError
from models.i18n import _
from models.write_lock import retry_transaction, write_transaction
from reports.thaifmt import datetime_short

M = TypeVar("M", bound=BaseModel)


# Limits every backend enforces the same way. PostgreSQL and MySQL refuse a value that does not fit
# its column with a raw driver error (SQLite keeps it, so an office moving to a server would fail
# on those rows): the rules below are checked before any write, from the column's own definition.
INT_RANGE = (-(2**31), 2**31 - 1)  # INTEGER on PostgreSQL and MySQL
BIGINT_RANGE = (-(2**63), 2**63 - 1)
TEXT_MAX_BYTES = 65_535  # MySQL's TEXT column, in UTF-8 bytes (about 21,000 Thai characters)
_SINGLE_LINE_BAD = re.compile(r"[\x00-\x1f\x7f]")  # every C0 control and DEL
_MULTI_LINE_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # tab, LF, CR allowed
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def allows_lines(field: peewee.Field) -> bool:
    """A long-text column (TextField) may hold tabs and line breaks; a CharField is one line."""
    return isinstance(field, peewee.TextField)


def value_error(field: peewee.Field, value: Any, label: str) -> str | None:
    """Why ``value`` does not fit ``field``'s column, in Thai naming ``label``; None when it fits."""
    if value is None or isinstance(value, (bool, peewee.Model)):
        return None
    if isinstance(value, str):
        return text_error(field, value, label)
    if isinstance(field, (peewee.IntegerField, peewee.ForeignKeyField)) and isinstance(value, int):
        low, high = BIGINT_RANGE if isinstance(field, peewee.BigIntegerField) else INT_RANGE
        if not low <= value <= high:
            return _("{field} ต้องอยู่ระหว่าง {low:,} ถึง {high:,}").format(
                field=label, low=low, high=high
            )
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return _("{field} ต้องเป็นตัวเลข").format(field=label)
    if isinstance(field, peewee.DecimalField) and isinstance(value, (decimal.Decimal, int, float)):
        return _decimal_error(field, decimal.Decimal(str(value)), label)
    return None


def text_error(field: peewee.Field, value: str, label: str) -> str | None:
    if _SURROGATE.search(value):
        return _("{field} มีอักขระที่ไม่ใช่ตัวอักษรที่ถูกต้อง").format(field=label)
    bad = (_MULTI_LINE_BAD if allows_lines(field) else _SINGLE_LINE_BAD).search(value)
    if bad:
        return (
            _("{field} มีอักขระควบคุมที่ใช้ไม่ได้ (รหัส {code}) กรุณาลบออก").format(
                field=label, code=f"U+{ord(bad.group()):04X}"
            )
            if allows_lines(field) or bad.group() not in "\t\n\r"
            else _("{field} ต้องเป็นข้อความบรรทัดเดียว").format(field=label)
        )
    limit = getattr(field, "max_length", None)
    if limit and len(value.strip()) > limit:
        return _("{field} ยาวเกิน {n} ตัวอักษร").format(field=label, n=limit)
    if isinstance(field, peewee.TextField) and len(value.encode("utf-8")) > TEXT_MAX_BYTES:
        return _("{field} ยาวเกินที่บันทึกได้ (ไม่เกินประมาณ {n:,} ตัวอักษร)").format(
            field=label, n=TEXT_MAX_BYTES // 3
        )
    return None


def _decimal_error(field: peewee.DecimalField, value: decimal.Decimal, label: str) -> str | None:
    if not value.is_finite():
        return _("{field} ต้องเป็นตัวเลข").format(field=label)
    places = int(field.decimal_places or 0)
    whole = int(field.max_digits or 0) - places
    if abs(value) >= decimal.Decimal(10) ** whole:
        largest = decimal.Decimal(10) ** whole - decimal.Decimal(1) / (
            decimal.Decimal(10) ** places
        )
        return _("{field} ต้องไม่เกิน {n}").format(field=label, n=f"{largest:,.{places}f}")
    return None


def field_errors(
    model: type[BaseModel], values: Mapping[str, Any], labels: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Field errors for values that do not fit their columns: text too long, control characters
    (a one-line column refuses tab and newline too), lone surrogates, numbers out of the column's
    range or precision, NaN and infinity. ``labels``: field name → the label the user sees (the
    field's name when missing). One place for every limit, the same on every backend."""
    errors: dict[str, str] = {}
    for name, value in values.items():
        field = model._meta.fields.get(name)
        if field is None:
            continue
        label = (labels or {}).get(name) or str(field.verbose_name or name)
        problem = value_error(field, value, label)
        if problem:
            errors[name] = problem
    return errors


def check_fields(
    model: type[BaseModel], values: Mapping[str, Any], labels: Mapping[str, str] | None = None
) -> None:
    """Raise ``ValidationError`` when ``field_errors`` finds anything."""
    errors = field_errors(model, values, labels)
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)


def model_labels(model: type[BaseModel]) -> dict[str, str]:
    """The labels people see for a model's fields (``field_labels``: name → ``N_`` text)."""
    return {name: _(label) for name, label in getattr(model, "field_labels", {}).items()}


def too_long(
    model: type[BaseModel], texts: Mapping[str, Any], labels: Mapping[str, str]
) -> dict[str, str]:
    """Field errors for texts that do not fit their columns (``texts``: field name → value,
    ``labels``: field name → the label the user sees): ``field_errors`` for texts."""
    return field_errors(model, {k: v for k, v in texts.items() if isinstance(v, str)}, labels)


@retry_transaction
def create(actor: Actor | None, model: type[M], **values: Any) -> M:
    """Insert a record and log it."""
    check_fields(model, values, model_labels(model))
    with write_transaction():
        obj = model(**values)
        if isinstance(obj, VersionedModel):
            obj.version = 1
            obj.created_at = obj.modified_at = clock.now()
            obj.modified_by = actor.id if actor else None
        obj.save(force_insert=True)
        audit.record(actor, "insert", model._meta.table_name, obj.get_id(), after=obj.snapshot())
    return obj


@retry_transaction
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
    check_fields(model, changes, model_labels(model))
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


@retry_transaction
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
