"""Changing the office's own table of holidays and working days (วันหยุดของสำนักงาน). A change
moves the deadlines of open cases, so it sits above both the calendar, which only counts days, and
the engine's deadlines; each case's history says why its deadline moved."""

from __future__ import annotations

import datetime as dt

import peewee

from models import calendar, records
from models.base import Actor
from models.engine.deadlines import recompute_after_calendar_change
from models.errors import ValidationError
from models.i18n import _
from models.permissions import Permission, require
from reports.thaifmt import date_long


def add_office_day(actor: Actor | None, day: dt.date, kind: str, name: str) -> calendar.OfficeDay:
    """Add an entry to the office's table; open cases' deadlines move with it."""
    require(actor, Permission.MANAGE_OFFICE)
    errors = calendar.check_entry(day, kind, name)
    existing = calendar.OfficeDay.get_or_none(calendar.OfficeDay.day == day)
    if existing is not None and "day" not in errors:
        errors["day"] = _("วันที่ {day} มีอยู่ในตารางวันหยุดของสำนักงานแล้ว ({name})").format(
            day=date_long(day, thai=False), name=existing.name
        )
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    reason = _("สำนักงานเพิ่ม{kind} “{name}” วันที่ {day}").format(
        kind=_(calendar.OFFICE_DAY_KIND_LABELS[calendar.OfficeDayKind(kind)]),
        name=name.strip(),
        day=date_long(day, thai=False),
    )
    try:
        with calendar.changing():
            row = records.create(actor, calendar.OfficeDay, day=day, kind=kind, name=name.strip())
            _moved(actor, [day], reason)
    except peewee.IntegrityError as exc:  # another workstation added the same day just now
        raise ValidationError(
            _("วันที่ {day} มีอยู่ในตารางวันหยุดของสำนักงานแล้ว").format(day=date_long(day, thai=False)),
            {"day": _("วันที่ซ้ำ")},
        ) from exc
    return row


def remove_office_day(
    actor: Actor | None, entry: calendar.OfficeDay, *, expected_version: int | None = None
) -> None:
    require(actor, Permission.MANAGE_OFFICE)
    reason = _("สำนักงานยกเลิก{kind} “{name}” วันที่ {day}").format(
        kind=_(calendar.OFFICE_DAY_KIND_LABELS[calendar.OfficeDayKind(entry.kind)]),
        name=entry.name,
        day=date_long(entry.day, thai=False),
    )
    with calendar.changing():
        records.delete(actor, entry, expected_version=expected_version)
        _moved(actor, [entry.day], reason)


def import_csv(actor: Actor | None, year: int, text: str) -> calendar.ImportResult:
    """Replace the office's entries of ``year`` (C.E.) with the file's, all or nothing."""
    require(actor, Permission.MANAGE_OFFICE)
    rows = calendar.parse_csv(year, text)
    with calendar.changing():
        old = calendar.office_days(year)
        for entry in old:
            records.delete(actor, entry, note=_("แทนที่ด้วยไฟล์นำเข้า"))
        for day, kind, name in rows:
            records.create(actor, calendar.OfficeDay, day=day, kind=kind, name=name)
        changed = sorted({e.day for e in old} | {r[0] for r in rows})
        _moved(
            actor,
            changed,
            _("สำนักงานนำเข้าตารางวันหยุดของปี พ.ศ. {year} ({n} รายการ)").format(
                year=year + 543, n=len(rows)
            ),
        )
    return calendar.ImportResult(year=year, added=len(rows), removed=len(old))


def _moved(actor: Actor | None, days: list[dt.date], reason: str) -> None:
    """Inside the change's transaction: every workstation reloads the table, and the deadlines
    of open cases move."""
    calendar.note_change()
    recompute_after_calendar_change(actor, days, reason)
