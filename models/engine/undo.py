"""Taking back the last move of a case: its actor may, for a while after (setting
``cases.undo_minutes``, default 15), as long as nobody has done anything to the case since.

The case (and the process's own row) get back the values the move overwrote, which the engine keeps
with each step (``core.BEFORE_KEY``); the history keeps both entries, the move and "ยกเลิกการ
ดำเนินการ", so the record of what happened stays whole. Numbers issued and files attached by the
move stay (a number is never reused; the files stay listed with the case).
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass
from typing import Any

import peewee

from models import clock, records, settings
from models.base import Actor
from models.engine import core
from models.engine.queries import register_event_label
from models.engine.registry import get_process
from models.engine.tables import Case, CaseStep
from models.errors import ConflictError, PermissionDenied, ValidationError
from models.i18n import N_, _
from models.permissions import Permission, require
from models.write_lock import write_transaction
from reports.thaifmt import datetime_short

UNDO_SETTING = "cases.undo_minutes"
UNDONE = "undone"  # the history entry's outcome key

settings.declare(
    settings.SettingDef(
        UNDO_SETTING, 15, N_("ยกเลิกการดำเนินการล่าสุดของเรื่องได้ภายใน (นาที)"), 0, 24 * 60
    )
)
register_event_label(UNDONE, N_("ยกเลิกการดำเนินการ"))


@dataclass(frozen=True)
class UndoOffer:
    """The move the actor may still take back, and until when."""

    step_id: int
    label: str  # the move as the history names it
    until: dt.datetime

    @property
    def until_text(self) -> str:
        return datetime_short(self.until)


def _last_entry(case_id: int) -> CaseStep | None:
    entry: CaseStep | None = (
        CaseStep.select()
        .where(CaseStep.case == case_id)
        .order_by(CaseStep.at.desc(), CaseStep.id.desc())
        .first()
    )
    return entry


def _move_label(case: Case, entry: CaseStep) -> str:
    process = get_process(case.process)
    if process.has_step(entry.step):
        outcome = process.step(entry.step).outcome(entry.outcome)
        if outcome is not None:
            return _(outcome.label)
    return entry.outcome


def _why_not(actor: Actor | None, case: Case, entry: CaseStep | None) -> str | None:
    """Why the last move cannot be taken back (None: it can)."""
    if entry is None or entry.kind == "event" or core.BEFORE_KEY not in entry.values():
        return _("เรื่องนี้ไม่มีการดำเนินการที่ยกเลิกได้")
    if actor is None or entry.actor_id != actor.id:
        return _("ยกเลิกได้เฉพาะผู้ที่ดำเนินการนั้นเอง ({name})").format(name=entry.actor_name)
    before = entry.values()[core.BEFORE_KEY]
    if case.version != before.get("version_after"):
        return _("มีผู้ดำเนินการกับเรื่องนี้ต่อแล้ว จึงยกเลิกไม่ได้")
    minutes = int(settings.get(UNDO_SETTING))
    if clock.now() > entry.at + dt.timedelta(minutes=minutes):
        return _("เลยเวลาที่ยกเลิกได้แล้ว (ภายใน {minutes} นาทีหลังดำเนินการ)").format(minutes=minutes)
    return None


def undo_offer(actor: Actor | None, case_id: int) -> UndoOffer | None:
    """What ``actor`` may take back on this case now, or None."""
    case = core.get_case(case_id)
    entry = _last_entry(case_id)
    if entry is None or _why_not(actor, case, entry) is not None:
        return None
    minutes = int(settings.get(UNDO_SETTING))
    return UndoOffer(entry.id, _move_label(case, entry), entry.at + dt.timedelta(minutes=minutes))


def _field_value(model: type[peewee.Model], key: str, value: Any) -> Any:
    """A value kept as JSON back in its column's type."""
    field = model._meta.fields.get(key)
    if value is None or field is None or not isinstance(value, str):
        return value
    if isinstance(field, peewee.DateTimeField):
        return dt.datetime.fromisoformat(value)
    if isinstance(field, peewee.DateField):
        return dt.date.fromisoformat(value)
    if isinstance(field, peewee.DecimalField):
        return decimal.Decimal(value)
    return value


def take_back(actor: Actor | None, case_id: int, *, comment: str = "") -> Case:
    """Undo the last move of ``case_id``: the case as it was before it, both entries in the
    history. Refused (``PermissionDenied`` / ``ValidationError``) when ``actor`` did not make the
    move, the time is over, or someone acted on the case since."""
    require(actor, Permission.WORK_CASES)
    try:
        with write_transaction():
            case = core.get_case(case_id)
            entry = _last_entry(case_id)
            reason = _why_not(actor, case, entry)
            if reason is not None or entry is None:
                someone_elses = (
                    entry is not None
                    and entry.kind != "event"
                    and (actor is None or entry.actor_id != actor.id)
                )
                raise (PermissionDenied if someone_elses else ValidationError)(reason or "")
            before = entry.values()[core.BEFORE_KEY]
            changes = {k: _field_value(Case, k, v) for k, v in before.get("case", {}).items()}
            records.update(actor, case, expected_version=before.get("version_after"), **changes)
            process = get_process(case.process)
            detail = core.detail_of(process, case)
            detail_before = before.get("detail", {})
            if detail is not None and detail_before:
                model = type(detail)
                records.update(
                    actor,
                    detail,
                    **{k: _field_value(model, k, v) for k, v in detail_before.items()},
                )
            label = _move_label(case, entry)
            core.record_event(
                actor,
                case,
                UNDONE,
                comment.strip()
                or _("ยกเลิก “{label}” ที่บันทึกเมื่อ {at}").format(
                    label=label, at=datetime_short(entry.at)
                ),
                {"undone_step": entry.id},
            )
            return case
    except ConflictError:
        raise ValidationError(_("มีผู้ดำเนินการกับเรื่องนี้ต่อแล้ว จึงยกเลิกไม่ได้")) from None


__all__ = ["UNDONE", "UNDO_SETTING", "UndoOffer", "take_back", "undo_offer"]
