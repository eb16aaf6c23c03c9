"""Running document numbers per kind and year (ทะเบียนหนังสือส่ง and the like).

A number is taken inside one transaction that increments the counter row with a single upsert
(``INSERT … ON CONFLICT DO UPDATE`` / MySQL's ``ON DUPLICATE KEY UPDATE``): the statement takes the
row's exclusive lock at once (PostgreSQL, MySQL) or SQLite's write lock, so two workstations asking
at the same instant queue instead of deadlocking. (An ``INSERT IGNORE`` followed by an ``UPDATE``
took InnoDB's shared lock first and then needed the exclusive one: with 8 workstations a third of
the takes died as deadlock victims.) A unique index on (kind, year, number) guards the issued
register besides, and ``@retry_transaction`` re-runs the whole transaction should the server still
pick it as a deadlock victim. Numbers are never reused.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import Any

import peewee

from models import clock, records
from models.base import Actor, BaseModel, VersionedModel
from models.db import database
from models.errors import ValidationError
from models.i18n import N_, _
from models.permissions import Permission, require
from models.write_lock import retry_transaction, write_transaction
from reports.thaifmt import be_year, fiscal_year


class NumberSeries(VersionedModel):
    """How one kind of document is numbered. ``pattern`` fields: {prefix} {number} {year} {fy}."""

    kind = peewee.CharField(max_length=64, unique=True)
    label = peewee.CharField(max_length=200)
    prefix = peewee.CharField(max_length=100, default="")
    pattern = peewee.CharField(max_length=100, default="{prefix}/{number}")
    reset = peewee.CharField(max_length=16, default="year")  # year | fiscal_year | never
    width = peewee.IntegerField(default=0)  # zero-pad the number to this many digits


class DocumentCounter(BaseModel):
    kind = peewee.CharField(max_length=64)
    year = peewee.IntegerField()  # B.E. year, fiscal year, or 0 for "never resets"
    last_number = peewee.IntegerField(default=0)

    class Meta:
        indexes = ((("kind", "year"), True),)


class IssuedNumber(BaseModel):
    """The register of every number handed out, with what it was for."""

    kind = peewee.CharField(max_length=64)
    year = peewee.IntegerField()
    number = peewee.IntegerField()
    formatted = peewee.CharField(max_length=200)
    issued_on = peewee.DateField()
    subject = peewee.TextField(default="")
    owner_table = peewee.CharField(max_length=64, default="")
    owner_id = peewee.IntegerField(null=True)
    issued_at = peewee.DateTimeField(default=clock.now)
    issued_by = peewee.IntegerField(null=True)

    class Meta:
        indexes = ((("kind", "year", "number"), True), (("owner_table", "owner_id"), False))


# Series every installation starts with; processes may declare more.
DEFAULT_SERIES: dict[str, dict[str, Any]] = {
    "outgoing_letter": {
        "label": N_("หนังสือส่งภายนอก"),
        "prefix": "สมศ",
        "pattern": "{prefix}/{number}",
    },
    "memo": {"label": N_("บันทึกข้อความ"), "prefix": "ภทส", "pattern": "{prefix}/{number}"},
}

_FIELDS = {"prefix", "number", "year", "fy"}


def validate_pattern(pattern: str) -> None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError as exc:
        raise ValidationError(
            _("รูปแบบเลขที่ไม่ถูกต้อง: {detail}").format(detail=exc), {"pattern": str(exc)}
        ) from exc
    if "number" not in names:
        raise ValidationError(_("รูปแบบเลขที่ต้องมี {number}"), {"pattern": _("ต้องมี {number}")})
    unknown = names - _FIELDS
    if unknown:
        raise ValidationError(
            _("รูปแบบเลขที่มีช่องที่ไม่รู้จัก: {names}").format(names=", ".join(sorted(unknown))),
            {"pattern": _("ใช้ได้เฉพาะ {prefix} {number} {year} {fy}")},
        )


def series(kind: str) -> NumberSeries:
    row = NumberSeries.get_or_none(NumberSeries.kind == kind)
    if row is not None:
        return row
    default = DEFAULT_SERIES.get(kind)
    if default is None:
        raise ValidationError(_("ยังไม่ได้กำหนดเลขที่สำหรับเอกสารชนิด “{kind}”").format(kind=kind))
    return NumberSeries(kind=kind, **default)


def save_series(actor: Actor | None, kind: str, **values: Any) -> NumberSeries:
    require(actor, Permission.MANAGE_OFFICE)
    if "pattern" in values:
        validate_pattern(values["pattern"])
    row = NumberSeries.get_or_none(NumberSeries.kind == kind)
    if row is None:
        base = dict(DEFAULT_SERIES.get(kind, {"label": kind}))
        base.update(values)
        return records.create(actor, NumberSeries, kind=kind, **base)
    return records.update(actor, row, **values)


def _period(row: NumberSeries, day: dt.date) -> int:
    if row.reset == "never":
        return 0
    if row.reset == "fiscal_year":
        return fiscal_year(day)
    return be_year(day)


def format_number(row: NumberSeries, number: int, day: dt.date) -> str:
    shown = str(number).zfill(int(row.width or 0))
    text = row.pattern.format(
        prefix=row.prefix, number=shown, year=be_year(day), fy=fiscal_year(day)
    )
    return re.sub(r"\s+", " ", text).strip()


@retry_transaction
def take_number(
    actor: Actor | None,
    kind: str,
    *,
    on: dt.date | None = None,
    subject: str = "",
    owner_table: str = "",
    owner_id: int | None = None,
) -> IssuedNumber:
    """Take the next number of ``kind`` for a document dated ``on`` (default today)."""
    require(actor, Permission.WORK_CASES)
    day = on or clock.today()
    row = series(kind)
    period = _period(row, day)
    with write_transaction():
        number = _next_number(kind, period)
        return records.create(
            actor,
            IssuedNumber,
            kind=kind,
            year=period,
            number=number,
            formatted=format_number(row, number, day),
            issued_on=day,
            subject=subject,
            owner_table=owner_table,
            owner_id=owner_id,
            issued_by=actor.id if actor else None,
        )


def _next_number(kind: str, period: int) -> int:
    """Increment (or start at 1) the counter of ``kind`` and ``period``; the row stays locked
    until the surrounding transaction ends, so the value read back is ours."""
    query = DocumentCounter.insert(kind=kind, year=period, last_number=1)
    increment = {DocumentCounter.last_number: DocumentCounter.last_number + 1}
    if isinstance(database.obj, peewee.MySQLDatabase):
        query = query.on_conflict(update=increment)
    else:
        query = query.on_conflict(
            conflict_target=[DocumentCounter.kind, DocumentCounter.year], update=increment
        )
    query.execute()
    read = DocumentCounter.select(DocumentCounter.last_number).where(
        (DocumentCounter.kind == kind) & (DocumentCounter.year == period)
    )
    if not isinstance(database.obj, peewee.SqliteDatabase):
        read = read.for_update()  # a locking read sees the latest committed row, never a snapshot
    return int(read.scalar())


def issued(kind: str, year: int | None = None) -> peewee.ModelSelect[IssuedNumber]:
    query = IssuedNumber.select().where(IssuedNumber.kind == kind)
    if year is not None:
        query = query.where(IssuedNumber.year == year)
    return query.order_by(IssuedNumber.year, IssuedNumber.number)
