"""Plain data for the window's case screens, each built in one call from a worker thread: the case
panel (view, the moves the user may make, documents), an action's form (fields, starting values,
choices), the registration form. The window never decides who may do what: it shows these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from models import clock
from models.base import Actor
from models.engine import core
from models.engine.definition import OUTCOME_KIND_LABELS, Field, FieldKind, OutcomeKind
from models.engine.queries import CaseView, DocumentChoice, case_view, printable_documents
from models.engine.registry import get_process
from models.engine.tables import Case
from models.engine.undo import UndoOffer, undo_offer
from models.errors import PermissionDenied
from models.i18n import _
from models.org import Signatory, Unit
from models.permissions import Permission, Role, can, require


@dataclass(frozen=True)
class ActionInfo:
    key: str
    label: str  # translated
    kind: str  # OutcomeKind
    step_label: str
    needs_comment: bool
    confirm: str  # translated question, "" when none
    has_fields: bool


@dataclass(frozen=True)
class CaseScreen:
    view: CaseView
    actions: list[ActionInfo]
    documents: list[DocumentChoice]
    may_attach: bool
    may_edit: bool
    undo: UndoOffer | None = None  # the user's last move, still to be taken back


@dataclass(frozen=True)
class FormSpec:
    """A form to fill: the fields (frozen definitions), their starting values, the choices of the
    fields that pick from a list, and the case version the form was loaded with."""

    title: str
    intro: str  # a line under the title (the step and who does it)
    fields: tuple[Field, ...]
    defaults: dict[str, Any]
    choices: dict[str, list[tuple[Any, str]]]
    outcome: str = ""
    comment_label: str = ""
    comment_required: bool = False
    show_comment: bool = True
    confirm: str = ""
    case_id: int | None = None
    version: int | None = None
    existing_files: dict[str, list[str]] = field(default_factory=dict)  # purpose -> file names
    # per field, per choice: other words a person may type to find it (a unit's abbreviation)
    hints: dict[str, dict[Any, str]] = field(default_factory=dict)


def _action_info(action: core.Action) -> ActionInfo:
    return ActionInfo(
        key=action.key,
        label=_(action.label),
        kind=str(action.outcome.kind),
        step_label=_(action.step.label),
        needs_comment=action.needs_comment,
        confirm=_(action.outcome.confirm) if action.outcome.confirm else "",
        has_fields=bool(action.fields),
    )


def case_screen(actor: Actor | None, case_id: int, today: dt.date | None = None) -> CaseScreen:
    view = case_view(actor, case_id, today)
    case = core.get_case(case_id)
    process = get_process(case.process)
    actions = [_action_info(a) for a in core.available_actions(actor, case)]
    is_open = case.status == "open"
    return CaseScreen(
        view=view,
        actions=actions,
        documents=printable_documents(actor, case_id),
        may_attach=is_open and can(actor, Permission.WORK_CASES),
        may_edit=is_open and core.may_act(actor, process.first.roles | {Role.HEAD}),
        undo=undo_offer(actor, case_id),
    )


def field_choices(actor: Actor | None, fields: Sequence[Field]) -> dict[str, list[tuple[Any, str]]]:
    """The lists the form's pickers offer (users by role, units, signatories, choices, records)."""
    from models.users import User

    out: dict[str, list[tuple[Any, str]]] = {}
    for f in fields:
        if f.kind == FieldKind.CHOICE:
            out[f.key] = [(value, _(label)) for value, label in f.choices]
        elif f.kind == FieldKind.USER:
            query = User.select().where(User.active == True)  # noqa: E712
            if f.roles:
                query = query.where(User.role.in_([str(r) for r in f.roles]))
            out[f.key] = [(u.id, u.full_name) for u in query.order_by(User.full_name)]
        elif f.kind == FieldKind.UNIT:
            units = Unit.select().where(Unit.active == True).order_by(Unit.name)  # noqa: E712
            out[f.key] = [(u.id, u.name) for u in units]
        elif f.kind == FieldKind.SIGNATORY:
            rows = (
                Signatory.select()
                .where(Signatory.active == True)  # noqa: E712
                .order_by(Signatory.sort_order, Signatory.id)
            )
            out[f.key] = [(s.id, f"{s.full_name} ({s.title})") for s in rows]
        elif f.kind == FieldKind.RECORD:
            from models.engine.registry import get_source

            source = get_source(f.source)
            if source.choices is not None:
                out[f.key] = list(source.choices())
    return out


def choice_hints(fields: Sequence[Field]) -> dict[str, dict[Any, str]]:
    """What else finds a choice in a search-as-you-type list: a unit's abbreviation (ปชส.), a
    user's login name."""
    from models.users import User

    out: dict[str, dict[Any, str]] = {}
    for f in fields:
        if f.kind == FieldKind.UNIT:
            units = Unit.select(Unit.id, Unit.short_name).where(Unit.short_name != "")
            out[f.key] = {u.id: u.short_name for u in units}
        elif f.kind == FieldKind.USER:
            out[f.key] = {u.id: u.username for u in User.select(User.id, User.username)}
    return out


def record_label(source_key: str, record_id: int) -> str | None:
    from models.engine.registry import get_source

    return get_source(source_key).label(record_id)


def record_search(source_key: str, text: str, limit: int = 20) -> list[tuple[int, str]]:
    from models.engine.registry import get_source

    source = get_source(source_key)
    if source.search is None:
        return []
    return list(source.search(text, limit))


def _record_defaults(
    fields: Sequence[Field], defaults: dict[str, Any], choices: dict[str, Any]
) -> None:
    """A searched record field starts with its current record as the only choice."""
    for f in fields:
        if f.kind == FieldKind.RECORD and f.key not in choices and defaults.get(f.key):
            label = record_label(f.source, int(defaults[f.key]))
            choices[f.key] = [(defaults[f.key], label)] if label else []


def action_form(actor: Actor | None, case_id: int, outcome: str) -> FormSpec:
    """The form of one move the user may make now (refused when they may not)."""
    require(actor, Permission.WORK_CASES)
    case = core.get_case(case_id)
    process = get_process(case.process)
    action = core.find_action(process, case, outcome)
    refused = core.refusal(actor, action)
    if refused:
        raise PermissionDenied(refused)
    defaults = core.form_defaults(actor, case, action)
    choices = field_choices(actor, action.fields)
    _record_defaults(action.fields, defaults, choices)
    files: dict[str, list[str]] = {}
    for attachment in core.case_files(case):
        files.setdefault(str(attachment.purpose), []).append(str(attachment.filename))
    who = _(action.step.actor_label) if action.step.actor_label else core.roles_text(action.roles)
    return FormSpec(
        title=_(action.label),
        intro=_("{number} {title} — ขั้นตอน: {step} ({who})").format(
            number=case.number, title=case.title, step=_(action.step.label), who=who
        ),
        fields=action.fields,
        defaults=defaults,
        choices=choices,
        outcome=action.key,
        comment_label=action.comment_label,
        comment_required=action.needs_comment,
        confirm=_(action.outcome.confirm) if action.outcome.confirm else "",
        case_id=case.id,
        version=case.version,
        existing_files=files,
        hints=choice_hints(action.fields),
    )


def registration_form(actor: Actor | None, process_key: str) -> FormSpec:
    """The form that registers a new case of ``process_key``."""
    require(actor, Permission.WORK_CASES)
    process = get_process(process_key)
    step = process.first
    if not core.may_act(actor, step.roles):
        raise PermissionDenied(
            _("การลงทะเบียนเรื่องสำหรับ {roles} เท่านั้น").format(roles=core.roles_text(step.roles))
        )
    defaults: dict[str, Any] = {}
    for f in step.fields:
        if f.kind == FieldKind.DATE and f.default_today:
            defaults[f.key] = clock.today()
        if f.kind == FieldKind.USER and f.default_me and actor is not None:
            defaults[f.key] = actor.id
        if f.default is not None:
            defaults[f.key] = f.default
    return FormSpec(
        title=_("ลงทะเบียนเรื่องใหม่: {process}").format(process=_(process.label)),
        intro=_(step.label),
        fields=step.fields,
        defaults=defaults,
        choices=field_choices(actor, step.fields),
        comment_label=_("หมายเหตุ"),
        show_comment=True,
        hints=choice_hints(step.fields),
    )


def details_form(actor: Actor | None, case_id: int) -> FormSpec:
    """The registration data of an open case, to correct."""
    require(actor, Permission.WORK_CASES)
    case = core.get_case(case_id)
    process = get_process(case.process)
    fields = tuple(f for f in process.first.fields if f.kind != FieldKind.FILES)
    detail = core.detail_of(process, case)
    defaults: dict[str, Any] = {}
    for f in fields:
        if f.store:
            value = core.stored_value(case, detail, f.store)
            if value is not None:
                defaults[f.key] = value
    choices = field_choices(actor, fields)
    _record_defaults(fields, defaults, choices)
    return FormSpec(
        title=_("แก้ไขข้อมูลการลงทะเบียน {number}").format(number=case.number),
        intro=case.title,
        fields=fields,
        defaults=defaults,
        choices=choices,
        show_comment=False,
        case_id=case.id,
        version=case.version,
        hints=choice_hints(fields),
    )


def kind_label(kind: str) -> str:
    labels = {str(k): v for k, v in OUTCOME_KIND_LABELS.items()}
    return _(labels.get(kind, kind))


def is_send_back(kind: str) -> bool:
    return kind in {OutcomeKind.SEND_BACK, OutcomeKind.TO_REQUESTER, OutcomeKind.NOT_APPROVED}


def case_version(case_id: int) -> int:
    return int(Case.get_by_id(case_id).version)
