"""The one engine that drives every process: open a case, offer the moves a user may make, make a
move (refusing anything else with a reason), and record it.

Every write happens in one transaction: the case row is updated first with its version checked
(``ConflictError`` when another workstation moved it since it was read), then the process's own
row, the files, and the history entry; the audit log is written by ``models.records``.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import peewee

from models import attachments, calendar, clock, numbering, records, text_search
from models import offline as mode
from models.attachments import Attachment
from models.base import Actor, dumps, to_json_value
from models.engine import deadlines
from models.engine.definition import (
    OUTCOME_KIND_LABELS,
    CaseResult,
    Field,
    FieldKind,
    GuardContext,
    NewFile,
    Outcome,
    OutcomeKind,
    ProcessDef,
    Step,
)
from models.engine.registry import case_series, get_process
from models.engine.tables import Case, CaseStep
from models.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from models.i18n import N_, _
from models.org import Signatory, Unit
from models.permissions import ROLE_LABELS, Permission, Role, require, role_of
from models.write_lock import retry_transaction, write_transaction
from reports.thaifmt import date_long, parse_be_date

CASE_TABLE = "work_case"  # owner_table of a case's attachments
BEFORE_KEY = "_before"  # in a step's data: the values the move overwrote (models.engine.undo)

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Action:
    """A move the engine offers: an outcome of the current step (or resume/withdraw while the case
    waits on the requester), with the inputs its form shows."""

    step: Step
    outcome: Outcome
    fields: tuple[Field, ...]
    roles: frozenset[Role]

    @property
    def key(self) -> str:
        return self.outcome.key

    @property
    def label(self) -> str:
        return self.outcome.label

    @property
    def needs_comment(self) -> bool:
        return self.outcome.needs_comment

    @property
    def comment_label(self) -> str:
        if self.outcome.comment_label:
            return _(self.outcome.comment_label)
        if self.outcome.needs_comment:
            return _("เหตุผล/สิ่งที่ต้องแก้ไข")
        return _("หมายเหตุ")

    def signatory_field(self) -> Field | None:
        return next((f for f in self.fields if f.kind == FieldKind.SIGNATORY), None)


# ---------------------------------------------------------------------------------------------
# Reading a case


def get_case(case_id: int) -> Case:
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise NotFound(_("ไม่พบเรื่องที่ต้องการ (อาจถูกลบไปแล้ว)"))
    return case


def detail_of(process: ProcessDef, case: Case) -> Any:
    if process.detail_model is None:
        return None
    model = process.detail_model
    row = model.get_or_none(model.case == case.id)
    if row is None:
        raise NotFound(_("ไม่พบข้อมูลของเรื่อง {number}").format(number=case.number))
    return row


def case_files(case: Case, purpose: str | None = None) -> list[Attachment]:
    return attachments.for_owner(CASE_TABLE, case.id, purpose)


def history(case: Case) -> list[CaseStep]:
    return list(
        CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.at, CaseStep.id)
    )


# ---------------------------------------------------------------------------------------------
# Which moves are possible


def _resume_actions(process: ProcessDef, step: Step) -> list[Action]:
    roles = step.roles | process.first.roles
    files = tuple(
        Field(f.key, f.label, FieldKind.FILES, store=None, help=f.help)
        for f in process.first.fields
        if f.kind == FieldKind.FILES
    )
    resume = Outcome(
        "resume",
        OutcomeKind.RESUME,
        OUTCOME_KIND_LABELS[OutcomeKind.RESUME],
        comment_label="",
    )
    withdraw = Outcome(
        "withdraw",
        OutcomeKind.WITHDRAW,
        OUTCOME_KIND_LABELS[OutcomeKind.WITHDRAW],
        result=CaseResult.WITHDRAWN,
        confirm=N_("ยืนยันว่าผู้ขอยกเลิกคำขอนี้ (เรื่องจะถูกปิด)"),
    )
    return [Action(step, resume, files, roles), Action(step, withdraw, (), roles)]


def possible_actions(process: ProcessDef, case: Case) -> list[Action]:
    """Every move the case's state allows, whoever asks (roles are checked separately)."""
    if case.status != "open":
        return []
    step = process.step(case.current_step)
    if case.paused_since is not None:
        return _resume_actions(process, step)
    out: list[Action] = []
    for outcome in step.outcomes:
        names = outcome.fields
        fields = step.fields if names is None else tuple(f for f in step.fields if f.key in names)
        out.append(Action(step, outcome, fields, step.roles))
    return out


def may_act(actor: Actor | None, roles: frozenset[Role]) -> bool:
    if mode.is_offline():
        return False  # the replica is read-only: no step is offered
    if actor is None:
        return True
    role = role_of(actor)
    return role is not None and role in roles and _active(actor)


def _active(actor: Actor) -> bool:
    return bool(getattr(actor, "active", True))


def refusal(actor: Actor | None, action: Action) -> str | None:
    """Why ``actor`` may not take ``action`` (translated), or None when they may."""
    if mode.is_offline():
        return mode.refusal_message()
    if not may_act(actor, action.roles):
        return _("ขั้นตอน “{step}” สำหรับ {roles} เท่านั้น").format(
            step=_(action.step.label), roles=roles_text(action.roles)
        )
    if actor is not None and action.step.actor_check is not None:
        return action.step.actor_check(actor)
    return None


def available_actions(actor: Actor | None, case: Case) -> list[Action]:
    """The moves ``actor`` may make on ``case`` now (and only those)."""
    process = get_process(case.process)
    return [a for a in possible_actions(process, case) if refusal(actor, a) is None]


def form_defaults(actor: Actor | None, case: Case, action: Action) -> dict[str, Any]:
    """Starting values for an action's form: what is stored already (a send-back loop shows the
    earlier input), a column named by ``default_from``, today for ``default_today`` dates, the
    acting user for ``default_me``, else the field's ``default``."""
    process = get_process(case.process)
    detail = detail_of(process, case)
    out: dict[str, Any] = {}
    for field in action.fields:
        if field.kind == FieldKind.FILES:
            continue
        value = None
        for source in (field.store, field.default_from):
            if source:
                value = stored_value(case, detail, source)
                if value not in (None, "", False):
                    break
        if value in (None, "") and field.default_today:
            value = clock.today()
        if value in (None, "") and field.default_me and actor is not None:
            value = actor.id
        if value in (None, "") and field.default is not None:
            value = field.default
        if value is not None:
            out[field.key] = value
    return out


def stored_value(case: Case, detail: Any, source: str) -> Any:
    """The value kept at ``source`` (``case.<column>`` or a column of the process's table)."""
    if source.startswith("case."):
        return case.__data__.get(source[5:])
    return detail.__data__.get(source) if detail is not None else None  # FKs as ids


def roles_text(roles: frozenset[Role]) -> str:
    order = list(Role)
    return ", ".join(_(ROLE_LABELS[r]) for r in sorted(roles, key=order.index))


# ---------------------------------------------------------------------------------------------
# Checking inputs


def _column(process: ProcessDef, field: Field) -> peewee.Field:
    """The column a field is stored in (its limits are the field's limits); a field stored
    nowhere is checked as a column of its kind would be."""
    column: peewee.Field | None = None
    if field.store is not None:
        if field.store.startswith("case."):
            column = Case._meta.fields.get(field.store[5:])
        elif process.detail_model is not None:
            column = process.detail_model._meta.fields.get(field.store)
    if column is None:
        if field.kind == FieldKind.LONG_TEXT:
            column = peewee.TextField()
        elif field.kind == FieldKind.DECIMAL:
            column = peewee.DecimalField(max_digits=14, decimal_places=2)
        elif field.kind == FieldKind.INT:
            column = peewee.IntegerField()
        else:
            column = peewee.CharField(max_length=field.max_length or 255)
    return column


def _column_limit(process: ProcessDef, field: Field) -> int:
    if field.max_length:
        return field.max_length
    return int(getattr(_column(process, field), "max_length", 0) or 0)


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return parse_be_date(text)


def clean_values(
    actor: Actor | None,
    process: ProcessDef,
    fields: Sequence[Field],
    data: dict[str, Any],
    files: Sequence[NewFile],
    existing: Sequence[Attachment],
    *,
    also_required: Sequence[str] = (),
) -> dict[str, Any]:
    """Validate an action's inputs; returns the cleaned values (files excluded)."""
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    today = clock.today()
    for field in fields:
        label = _(field.label)
        required = field.required or field.key in also_required
        raw = data.get(field.key)
        if field.kind == FieldKind.FILES:
            count = sum(1 for f in files if f.purpose == field.key) + sum(
                1 for a in existing if a.purpose == field.key
            )
            if required and count == 0:
                errors[field.key] = _("กรุณาแนบไฟล์: {label}").format(label=label)
            continue
        if field.kind == FieldKind.BOOL:
            value = bool(raw)
            if required and not value:
                errors[field.key] = _("กรุณายืนยัน: {label}").format(label=label)
            out[field.key] = value
            continue
        empty = raw is None or (isinstance(raw, str) and not raw.strip())
        if empty:
            if required:
                errors[field.key] = _("กรุณากรอก{label}").format(label=label)
            out[field.key] = None if field.kind not in {FieldKind.TEXT, FieldKind.LONG_TEXT} else ""
            continue
        try:
            out[field.key] = _clean_one(actor, process, field, raw, today)
        except ValidationError as exc:
            errors[field.key] = exc.message
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    return out


def _clean_one(
    actor: Actor | None, process: ProcessDef, field: Field, raw: Any, today: dt.date
) -> Any:
    label = _(field.label)
    kind = field.kind
    if kind in {FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.URL, FieldKind.EMAIL}:
        text = str(raw).strip()
        limit = _column_limit(process, field)
        if limit and len(text) > limit:
            raise ValidationError(_("{label} ยาวเกิน {n} ตัวอักษร").format(label=label, n=limit))
        column = _column(process, field)
        if kind == FieldKind.LONG_TEXT and not records.allows_lines(column):
            column = peewee.TextField()  # a long text kept in a wide CharField may still wrap
        problem = records.text_error(column, text, label)
        if problem:
            raise ValidationError(problem)
        if kind == FieldKind.URL and not _URL.match(text):
            raise ValidationError(
                _("{label} ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย http:// หรือ https://").format(label=label)
            )
        if kind == FieldKind.EMAIL and not _EMAIL.match(text):
            raise ValidationError(_("{label} ไม่ใช่ที่อยู่อีเมลที่ถูกต้อง").format(label=label))
        return text
    if kind == FieldKind.INT:
        try:
            number = int(str(raw).strip())
        except (ValueError, OverflowError) as exc:
            raise ValidationError(_("{label} ต้องเป็นตัวเลข").format(label=label)) from exc
        if (problem := records.value_error(_column(process, field), number, label)) is not None:
            raise ValidationError(problem)
        if (field.minimum is not None and number < field.minimum) or (
            field.maximum is not None and number > field.maximum
        ):
            raise ValidationError(
                _("{label} ต้องอยู่ระหว่าง {low} ถึง {high}").format(
                    label=label, low=field.minimum, high=field.maximum
                )
            )
        return number
    if kind == FieldKind.DATE:
        try:
            day = _as_date(raw)
        except (ValueError, OverflowError, TypeError) as exc:
            raise ValidationError(
                _("{label} ไม่ใช่วันที่ที่ถูกต้อง (วว/ดด/ปปปป พ.ศ.)").format(label=label)
            ) from exc
        if not field.allow_future and day > today:
            raise ValidationError(
                _("{label} ต้องไม่เป็นวันในอนาคต ({day})").format(
                    label=label, day=date_long(day, thai=False)
                )
            )
        if day.year < 2000:
            raise ValidationError(_("{label} เก่าเกินไป").format(label=label))
        return day
    if kind == FieldKind.CHOICE:
        value = str(raw)
        if value not in {v for v, _label in field.choices}:
            raise ValidationError(_("{label}: กรุณาเลือกจากรายการ").format(label=label))
        return value
    if kind == FieldKind.USER:
        from models.users import User

        user = User.get_or_none((User.id == _as_int(raw, label)) & (User.active == True))  # noqa: E712
        if user is None:
            raise ValidationError(_("{label}: ไม่พบผู้ใช้ที่เลือก").format(label=label))
        if field.roles and user.role not in field.roles:
            raise ValidationError(
                _("{label}: {name} ไม่ได้มีบทบาท {roles}").format(
                    label=label, name=user.full_name, roles=roles_text(field.roles)
                )
            )
        return user.id
    if kind == FieldKind.UNIT:
        unit = Unit.get_or_none(Unit.id == _as_int(raw, label))
        if unit is None:
            raise ValidationError(_("{label}: ไม่พบหน่วยงานที่เลือก").format(label=label))
        return unit.id
    if kind == FieldKind.SIGNATORY:
        signatory = Signatory.get_or_none(Signatory.id == _as_int(raw, label))
        if signatory is None or not signatory.active:
            raise ValidationError(_("{label}: ไม่พบผู้ลงนามที่เลือก").format(label=label))
        return signatory.id
    if kind == FieldKind.DECIMAL:
        try:
            amount = decimal.Decimal(str(raw).replace(",", "").strip()).quantize(
                decimal.Decimal("0.01")
            )
        except (decimal.InvalidOperation, ValueError) as exc:
            raise ValidationError(_("{label} ต้องเป็นตัวเลข").format(label=label)) from exc
        if not amount.is_finite() or (
            (field.minimum is not None and amount < field.minimum)
            or (field.maximum is not None and amount > field.maximum)
        ):
            raise ValidationError(
                _("{label} ต้องไม่น้อยกว่า {low}").format(label=label, low=field.minimum)
                if field.maximum is None
                else _("{label} ต้องอยู่ระหว่าง {low} ถึง {high}").format(
                    label=label, low=field.minimum, high=field.maximum
                )
            )
        if (problem := records.value_error(_column(process, field), amount, label)) is not None:
            raise ValidationError(problem)
        return amount
    if kind == FieldKind.RECORD:
        from models.engine.registry import get_source

        record_id = _as_int(raw, label)
        if get_source(field.source).label(record_id) is None:
            raise ValidationError(_("{label}: ไม่พบรายการที่เลือก").format(label=label))
        return record_id
    raise AssertionError(kind)  # pragma: no cover - every kind is handled above


def _as_int(raw: Any, label: str) -> int:
    try:
        number = int(raw)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValidationError(_("{label}: ค่าที่เลือกไม่ถูกต้อง").format(label=label)) from exc
    if not records.INT_RANGE[0] <= number <= records.INT_RANGE[1]:  # no such row: not a query
        raise ValidationError(_("{label}: ค่าที่เลือกไม่ถูกต้อง").format(label=label))
    return number


def _split_stores(
    fields: Sequence[Field], values: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    core: dict[str, Any] = {}
    detail: dict[str, Any] = {}
    for field in fields:
        if field.store is None or field.key not in values:
            continue
        if field.store.startswith("case."):
            core[field.store[5:]] = values[field.key]
        else:
            detail[field.store] = values[field.key]
    return core, detail


# ---------------------------------------------------------------------------------------------
# Holder, deadline and summary after a move


def holder_columns(process: ProcessDef, case: Case) -> dict[str, Any]:
    if case.status != "open":
        return {"holder_user_id": None, "holder_roles": "", "holder_label": ""}
    if case.paused_since is not None:
        return {
            "holder_user_id": None,
            "holder_roles": "",
            "holder_label": _("ผู้ขอ: {name}").format(name=case.requester or "-"),
        }
    step = process.step(case.current_step)
    user_id = case.assignee_id if step.assignee_holds and case.assignee_id else None
    roles = "," + ",".join(sorted(step.roles)) + ","
    return {"holder_user_id": user_id, "holder_roles": roles, "holder_label": ""}


def _refresh(process: ProcessDef, case: Case, detail: Any) -> dict[str, Any]:
    """The derived columns (summary, deadline, holder) for the case as it now stands in memory."""
    changes: dict[str, Any] = {}
    if process.summarise is not None:
        for key, value in process.summarise(case, detail).items():
            if key not in {"title", "requester"}:
                raise AssertionError(f"summarise may only set title/requester, not {key}")
            changes[key] = value
            setattr(case, key, value)
    if case.status == "open" and case.paused_since is None:
        for key, value in deadlines.deadline_columns(process.deadline, case, detail).items():
            changes[key] = value
            setattr(case, key, value)
    for key, value in holder_columns(process, case).items():
        changes[key] = value
        setattr(case, key, value)
    changes["search_text"] = search_text(case)
    return changes


def search_text(case: Case) -> str:
    """What the list's free-text filter looks in: number, title, requester (``text_search``'s
    normal form, searched through the side index of migration 0004)."""
    return text_search.normalise(
        " ".join(str(v or "") for v in (case.number, case.title, case.requester))
    )


# ---------------------------------------------------------------------------------------------
# Opening a case


def open_case(
    actor: Actor | None,
    process_key: str,
    data: dict[str, Any],
    files: Sequence[NewFile] = (),
    comment: str = "",
    *,
    request_key: str | None = None,
) -> Case:
    """Register a new case: the process's first step, recorded as done by ``actor``.

    ``request_key``: made once by the registration form when it opens. When the answer to a
    registration is lost (the connection died right after the commit) and the user presses
    ลงทะเบียน again, the case registered the first time is returned instead of a second one."""
    require(actor, Permission.WORK_CASES)
    if request_key is not None:
        if not 8 <= len(request_key) <= 64 or not request_key.isascii():
            raise ValidationError(_("รหัสคำขอลงทะเบียนไม่ถูกต้อง"))
        done = Case.get_or_none(Case.request_key == request_key)
        if done is not None:
            return _registered_before(done, process_key)
        try:
            return _open_case(actor, process_key, data, files, comment, request_key)
        except peewee.IntegrityError:  # the same form's retry raced its own first attempt
            done = Case.get_or_none(Case.request_key == request_key)
            if done is None:
                raise
            return _registered_before(done, process_key)
    return _open_case(actor, process_key, data, files, comment, None)


def _registered_before(case: Case, process_key: str) -> Case:
    if case.process != process_key:
        raise ValidationError(_("รหัสคำขอลงทะเบียนนี้ใช้กับเรื่องอื่นไปแล้ว"))
    return case


@retry_transaction
def _open_case(
    actor: Actor | None,
    process_key: str,
    data: dict[str, Any],
    files: Sequence[NewFile],
    comment: str,
    request_key: str | None,
) -> Case:
    process = get_process(process_key)
    step = process.first
    outcome = step.outcomes[0]
    if not may_act(actor, step.roles):
        raise PermissionDenied(
            _("การลงทะเบียนเรื่องสำหรับ {roles} เท่านั้น").format(roles=roles_text(step.roles))
        )
    if actor is not None and step.actor_check is not None and (reason := step.actor_check(actor)):
        raise PermissionDenied(reason)
    values = clean_values(actor, process, step.fields, data, files, ())
    core, detail_values = _split_stores(step.fields, values)
    received = core.get("received_on") or clock.today()
    core["received_on"] = received
    following = process.following(step.key)
    if following is None:
        raise AssertionError(f"process {process.key} has a single step")
    with write_transaction():
        number = numbering.take_number(
            actor,
            case_series(process.key),
            on=received,
            subject=str(core.get("title", "")),
            owner_table=CASE_TABLE,
        )
        case_values: dict[str, Any] = {
            "process": process.key,
            "fiscal_year": number.year,
            "seq": number.number,
            "number": number.formatted,
            "current_step": following.key,
            "status": "open",
            "opened_by": actor.id if actor else None,
            "request_key": request_key,
            **core,
        }
        case = Case(**case_values)
        detail = process.detail_model(**detail_values) if process.detail_model else None
        ctx = GuardContext(actor, case, detail, step, outcome, values, comment, files, ())
        _run_guards(ctx)
        for effect in outcome.effects:
            effect(ctx)
        case_values.update(_refresh(process, case, detail))
        case = records.create(actor, Case, **case_values)
        _own_number(number, case)
        saved = None
        if process.detail_model is not None:
            saved = records.create(
                actor, process.detail_model, case=case, **{**detail_values, **ctx.detail_changes}
            )
        ids = _store_files(actor, case, files)
        _record_step(actor, case, step, outcome, following.key, comment, values, ctx, ids)
        _after_save(actor, process, case, saved)
    return case


def _own_number(number: numbering.IssuedNumber, case: Case) -> None:
    numbering.IssuedNumber.update(owner_id=case.id).where(
        numbering.IssuedNumber.id == number.id
    ).execute()


# ---------------------------------------------------------------------------------------------
# Moving a case


def find_action(process: ProcessDef, case: Case, outcome_key: str) -> Action:
    """The action ``outcome_key`` names in the case's current state, or a refusal saying why."""
    if case.status != "open":
        raise ValidationError(_("เรื่อง {number} ปิดแล้ว จึงดำเนินการต่อไม่ได้").format(number=case.number))
    actions = possible_actions(process, case)
    for action in actions:
        if action.key == outcome_key:
            return action
    step = process.step(case.current_step)
    if case.paused_since is not None:
        raise ValidationError(
            _(
                "เรื่อง {number} รอผู้ขอแก้ไขอยู่ (หยุดนับเวลาตั้งแต่ {since}) "
                "ทำได้เฉพาะบันทึกว่าผู้ขอส่งเรื่องกลับมาแล้ว หรือผู้ขอยกเลิกคำขอ"
            ).format(number=case.number, since=date_long(case.paused_since, thai=False))
        )
    allowed = ", ".join(_(a.label) for a in actions)
    raise ValidationError(
        _("ขั้นตอน “{step}” ไม่มีการดำเนินการ “{key}” (ทำได้: {allowed})").format(
            step=_(step.label), key=outcome_key, allowed=allowed or "-"
        )
    )


@retry_transaction
def act(
    actor: Actor | None,
    case: Case | int,
    outcome: str,
    *,
    comment: str = "",
    data: dict[str, Any] | None = None,
    files: Sequence[NewFile] = (),
    expected_version: int | None = None,
) -> Case:
    """Move ``case`` by ``outcome`` (an outcome key of its current step, or ``resume`` /
    ``withdraw`` while it waits on the requester). Returns the case as stored afterwards.

    ``expected_version`` is the version the user's screen was loaded with (default: ``case``'s
    when an instance is given): a case moved by someone else meanwhile raises ``ConflictError``.
    """
    require(actor, Permission.WORK_CASES)
    case_id = case if isinstance(case, int) else case.id
    if expected_version is None and isinstance(case, Case):
        expected_version = case.version
    try:
        with write_transaction():
            return _act(actor, case_id, outcome, comment, data or {}, files, expected_version)
    except ConflictError:
        # Explained again after the rollback, from the case as now committed.
        raise records.conflict(Case, case_id) from None


def _act(
    actor: Actor | None,
    case_id: int,
    outcome_key: str,
    comment: str,
    data: dict[str, Any],
    files: Sequence[NewFile],
    expected_version: int | None,
) -> Case:
    case = get_case(case_id)
    if expected_version is not None and case.version != expected_version:
        raise records.conflict(Case, case_id)
    version = case.version
    process = get_process(case.process)
    action = find_action(process, case, outcome_key)
    refused = refusal(actor, action)
    if refused:
        raise PermissionDenied(refused)
    comment = comment.strip()
    step, outcome = action.step, action.outcome
    existing = case_files(case)
    values = clean_values(
        actor, process, action.fields, data, files, existing, also_required=outcome.requires
    )
    if outcome.needs_comment and not comment:
        raise ValidationError(
            _("กรุณาระบุ{label}").format(label=action.comment_label),
            {"comment": _("ต้องระบุ")},
        )
    detail = detail_of(process, case)
    ctx = GuardContext(actor, case, detail, step, outcome, values, comment, files, existing)
    _run_guards(ctx)
    for effect in outcome.effects:
        effect(ctx)

    today = clock.today()
    core, detail_values = _split_stores(action.fields, values)
    detail_values.update(ctx.detail_changes)
    changes: dict[str, Any] = dict(core)
    # The move is worked out on copies: the stored rows keep their old values for the audit.
    work, work_detail = _copy(case, core), _copy(detail, detail_values)
    to_step = _apply_move(process, work, step, outcome, today, changes, ctx)
    changes.update(_refresh(process, work, work_detail))
    # What the move overwrites, kept with the step so its actor can take it back for a while
    # (models.engine.undo)
    before: dict[str, Any] = {
        "case": {k: to_json_value(getattr(case, k)) for k in changes},
        "detail": {k: to_json_value(getattr(detail, k)) for k in detail_values}
        if detail is not None
        else {},
    }

    # The case first: its version check serialises two workstations acting at once.
    records.update(actor, case, expected_version=version, **changes)
    if detail is not None and detail_values:
        records.update(actor, detail, **detail_values)
    ids = _store_files(actor, case, files)
    before["version_after"] = case.version
    ctx.step_data[BEFORE_KEY] = before
    _record_step(actor, case, step, outcome, to_step, comment, values, ctx, ids)
    _after_save(actor, process, case, detail)
    return case


def _apply_move(
    process: ProcessDef,
    case: Case,
    step: Step,
    outcome: Outcome,
    today: dt.date,
    changes: dict[str, Any],
    ctx: GuardContext,
) -> str:
    """Set the case's step/status/pause columns for the move; returns the step it goes to."""

    def set_(key: str, value: Any) -> None:
        changes[key] = value
        setattr(case, key, value)

    kind = outcome.kind
    if kind == OutcomeKind.RESUME:
        paused = calendar_days(case.paused_since, today)
        set_("paused_days", int(case.paused_days or 0) + paused)
        set_("paused_since", None)
        ctx.step_data["_paused_days"] = paused
        return str(case.current_step)
    if kind == OutcomeKind.WITHDRAW:
        if case.paused_since is not None:
            paused = calendar_days(case.paused_since, today)
            set_("paused_days", int(case.paused_days or 0) + paused)
            set_("paused_since", None)
        return _close(case, outcome.result or CaseResult.WITHDRAWN, today, set_)
    if kind == OutcomeKind.TO_REQUESTER:
        target = outcome.target or step.key
        set_("current_step", target)
        if process.deadline.pause_on_requester:
            set_("paused_since", today)
            ctx.step_data["_pauses_clock"] = True
        return target
    if kind == OutcomeKind.END:
        return _close(case, outcome.result or CaseResult.COMPLETED, today, set_)
    if kind == OutcomeKind.NOT_APPROVED and outcome.target is None:
        return _close(case, outcome.result or CaseResult.REFUSED, today, set_)
    if outcome.target is not None:
        target = outcome.target
    else:
        following = process.following(step.key)
        if following is None:
            return _close(case, outcome.result or CaseResult.COMPLETED, today, set_)
        target = following.key
    set_("current_step", target)
    return target


def calendar_days(since: dt.date | None, today: dt.date) -> int:
    return calendar.working_days_between(since, today) if since is not None else 0


def _close(case: Case, result: CaseResult, today: dt.date, set_: Any) -> str:
    set_("status", "closed")
    set_("result", result)
    set_("closed_on", today)
    return ""


def _run_guards(ctx: GuardContext) -> None:
    for guard in (*ctx.step.guards, *ctx.outcome.guards):
        reason = guard(ctx)
        if reason:
            raise ValidationError(reason)


def _store_files(actor: Actor | None, case: Case, files: Sequence[NewFile]) -> list[int]:
    ids: list[int] = []
    for new in files:
        row = attachments.add(
            actor,
            new.filename,
            new.data,
            owner_table=CASE_TABLE,
            owner_id=case.id,
            purpose=new.purpose,
        )
        ids.append(row.id)
    return ids


def _record_step(
    actor: Actor | None,
    case: Case,
    step: Step,
    outcome: Outcome,
    to_step: str,
    comment: str,
    values: dict[str, Any],
    ctx: GuardContext,
    attachment_ids: list[int],
) -> CaseStep:
    signatory_id: int | None = None
    signatory_name = ""
    sig_field = next((f for f in step.fields if f.kind == FieldKind.SIGNATORY), None)
    if sig_field is not None and values.get(sig_field.key):
        signatory = Signatory.get_by_id(values[sig_field.key])
        signatory_id = signatory.id
        signatory_name = f"{signatory.full_name} ({signatory.title})"
    stored = {k: to_json_value(v) for k, v in {**values, **ctx.step_data}.items()}
    return CaseStep.create(
        case=case,
        at=clock.now(),
        on_date=clock.today(),
        step=step.key,
        outcome=outcome.key,
        kind=str(outcome.kind),
        to_step=to_step,
        actor_id=actor.id if actor else None,
        actor_name=actor.full_name if actor else _("ระบบ"),
        signatory_id=signatory_id,
        signatory_name=signatory_name,
        comment=comment,
        data=dumps(stored),
        attachment_ids=",".join(str(i) for i in attachment_ids),
    )


# ---------------------------------------------------------------------------------------------
# Between steps: files, corrections of the registration


@retry_transaction
def add_files(
    actor: Actor | None,
    case: Case | int,
    files: Sequence[NewFile],
    comment: str = "",
) -> list[Attachment]:
    """Attach files to an open case outside a step (recorded in its history)."""
    require(actor, Permission.WORK_CASES)
    if not files:
        raise ValidationError(_("กรุณาเลือกไฟล์ที่จะแนบ"))
    with write_transaction():
        row = get_case(case if isinstance(case, int) else case.id)
        if row.status != "open":
            raise ValidationError(_("เรื่องนี้ปิดแล้ว จึงแนบไฟล์เพิ่มไม่ได้"))
        ids = _store_files(actor, row, files)
        _event(actor, row, "attached", comment or _("แนบไฟล์เพิ่ม"), {"files": len(ids)}, ids)
    return [a for a in case_files(row) if a.id in ids]


@retry_transaction
def update_details(
    actor: Actor | None,
    case: Case | int,
    data: dict[str, Any],
    *,
    expected_version: int | None = None,
) -> Case:
    """Correct the registration data of an open case (roles of the first step, and heads)."""
    require(actor, Permission.WORK_CASES)
    case_id = case if isinstance(case, int) else case.id
    if expected_version is None and isinstance(case, Case):
        expected_version = case.version
    with write_transaction():
        row = get_case(case_id)
        if expected_version is not None and row.version != expected_version:
            raise records.conflict(Case, case_id)
        process = get_process(row.process)
        step = process.first
        if not may_act(actor, step.roles | {Role.HEAD}):
            raise PermissionDenied(_("ท่านไม่มีสิทธิ์แก้ไขข้อมูลการลงทะเบียนเรื่องนี้"))
        if row.status != "open":
            raise ValidationError(_("เรื่องนี้ปิดแล้ว จึงแก้ไขข้อมูลไม่ได้"))
        fields = tuple(f for f in step.fields if f.kind != FieldKind.FILES)
        values = clean_values(actor, process, fields, data, (), ())
        core, detail_values = _split_stores(fields, values)
        detail = detail_of(process, row)
        before = {f.key: _current_value(row, detail, f) for f in fields}
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        if not changed:
            return row
        changes = dict(core)
        work, work_detail = _copy(row, core), _copy(detail, detail_values)
        changes.update(
            _refresh(process, work, work_detail)
        )  # a new receipt date moves the due date
        records.update(actor, row, expected_version=row.version, **changes)
        if detail is not None and detail_values:
            records.update(actor, detail, **detail_values)
        _event(actor, row, "edited", _("แก้ไขข้อมูลการลงทะเบียน"), changed, [])
        _after_save(actor, process, row, detail)
    return row


def _after_save(actor: Actor | None, process: ProcessDef, case: Case, detail: Any) -> None:
    if process.on_saved is not None:
        process.on_saved(actor, case, detail)


def record_event(
    actor: Actor | None, case: Case, what: str, comment: str, data: dict[str, Any] | None = None
) -> CaseStep:
    """Note something that happened to a case outside a step (e.g. a loaner lent) in its history.
    ``what`` is a key; ``models.engine.queries.register_event_label`` gives it a label."""
    return _event(actor, case, what, comment, data or {}, [])


def _copy(row: Any, changes: dict[str, Any]) -> Any:
    """An unsaved copy of ``row`` with ``changes`` applied (None stays None)."""
    if row is None:
        return None
    copy = type(row)(**{**row.__data__, **changes})
    return copy


def _current_value(case: Case, detail: Any, field: Field) -> Any:
    if field.store is None:
        return None
    if field.store.startswith("case."):
        return getattr(case, field.store[5:])
    return getattr(detail, field.store) if detail is not None else None


def _event(
    actor: Actor | None,
    case: Case,
    what: str,
    comment: str,
    data: dict[str, Any],
    attachment_ids: list[int],
) -> CaseStep:
    return CaseStep.create(
        case=case,
        at=clock.now(),
        on_date=clock.today(),
        step=case.current_step,
        outcome=what,
        kind="event",
        to_step=case.current_step,
        actor_id=actor.id if actor else None,
        actor_name=actor.full_name if actor else _("ระบบ"),
        comment=comment,
        data=dumps({k: to_json_value(v) for k, v in data.items()}),
        attachment_ids=",".join(str(i) for i in attachment_ids),
    )


__all__ = [
    "CASE_TABLE",
    "Action",
    "ConflictError",
    "act",
    "add_files",
    "available_actions",
    "case_files",
    "detail_of",
    "form_defaults",
    "get_case",
    "history",
    "open_case",
    "possible_actions",
    "refusal",
    "update_details",
]
