"""Lists of cases for the window: one process's list (filtered, sorted and paged in SQL), the
dashboard's lists across processes, and a case's timeline as plain display data.

Everything returned here is plain data (dataclasses of str/int/date), safe to hand from a worker
thread to the window.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

import peewee

from models import clock, text_search
from models.base import Actor
from models.engine import deadlines
from models.engine.core import case_files, get_case, history, roles_text
from models.engine.deadlines import CaseState, state_condition, state_of
from models.engine.definition import OUTCOME_KIND_LABELS, FieldKind, ProcessDef
from models.engine.registry import all_processes, get_process
from models.engine.tables import Case, CaseStep
from models.errors import NotFound
from models.i18n import N_, _
from models.org import Signatory, Unit
from models.permissions import Permission, Role, require
from reports.thaifmt import date_short, datetime_short


@dataclass(frozen=True)
class CaseFilter:
    states: frozenset[CaseState] = frozenset()  # empty = any
    step: str | None = None
    person_id: int | None = None  # holder or responsible staff member
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    text: str = ""  # number, title, requester
    open_only: bool = False


@dataclass(frozen=True)
class CaseRow:
    id: int
    process: str
    process_label: str
    number: str
    title: str
    requester: str
    step: str
    step_label: str
    holder: str
    received_on: dt.date
    due_on: dt.date | None
    closed_on: dt.date | None
    state: CaseState
    state_text: str
    state_days: int
    paused_days: int
    version: int


@dataclass(frozen=True)
class CasePage:
    rows: list[CaseRow]
    total: int


SORT_KEYS = ("number", "title", "requester", "step", "holder", "received_on", "due_on", "state")


def _user_names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    from models.users import User

    return {u.id: u.full_name for u in User.select(User.id, User.full_name).where(User.id.in_(ids))}


def holder_text(case: Case, names: dict[int, str]) -> str:
    if case.holder_label:
        return str(case.holder_label)
    if case.holder_user_id:
        return names.get(case.holder_user_id, "-")
    roles = frozenset(Role(r) for r in case.holder_roles.strip(",").split(",") if r)
    return roles_text(roles) if roles else "-"


def to_rows(cases: list[Case], today: dt.date | None = None) -> list[CaseRow]:
    today = today or clock.today()
    names = _user_names({c.holder_user_id for c in cases if c.holder_user_id})
    out: list[CaseRow] = []
    for case in cases:
        process = get_process(case.process)
        info = state_of(case, today)
        step_label = (
            _(process.step(case.current_step).label)
            if case.status == "open" and process.has_step(case.current_step)
            else _("ปิดเรื่องแล้ว")
        )
        out.append(
            CaseRow(
                id=case.id,
                process=case.process,
                process_label=_(process.short_label),
                number=case.number,
                title=case.title,
                requester=case.requester,
                step=case.current_step,
                step_label=step_label,
                holder=holder_text(case, names),
                received_on=case.received_on,
                due_on=case.due_on,
                closed_on=case.closed_on,
                state=info.state,
                state_text=info.text,
                state_days=info.days,
                paused_days=int(case.paused_days or 0),
                version=case.version,
            )
        )
    return out


def _where(process: str | None, filters: CaseFilter, today: dt.date) -> Any:
    cond: Any = Case.id.is_null(False)
    if process is not None:
        cond &= Case.process == process
    if filters.states:
        state_cond: Any = None
        for state in sorted(filters.states):
            one = state_condition(state, today)
            state_cond = one if state_cond is None else (state_cond | one)
        cond &= state_cond
    if filters.open_only:
        cond &= Case.status == "open"
    if filters.step:
        cond &= (Case.current_step == filters.step) & (Case.status == "open")
    if filters.person_id is not None:
        cond &= _person(filters.person_id)
    if filters.received_from is not None:
        cond &= Case.received_on >= filters.received_from
    if filters.received_to is not None:
        cond &= Case.received_on <= filters.received_to
    text = text_search.normalise(filters.text)
    if text:
        cond &= text_search.contains(Case, text)
    return cond


def _person(user_id: int) -> Any:
    """Cases a person is responsible for, or that wait on them as "my work" counts it (a head's
    reviews are held by the role, with nobody named)."""
    from models.users import User

    cond: Any = (Case.holder_user_id == user_id) | (Case.assignee_id == user_id)
    user = User.get_or_none(User.id == user_id)
    return cond | _mine(user) if user is not None else cond


def _order(sort_key: str, descending: bool, today: dt.date) -> list[Any]:
    def d(expr: Any) -> Any:
        return expr.desc() if descending else expr.asc()

    columns: dict[str, list[Any]] = {
        "number": [d(Case.fiscal_year), d(Case.seq)],
        "title": [d(Case.title)],
        "requester": [d(Case.requester)],
        "step": [d(Case.status), d(Case.current_step)],
        "holder": [d(Case.holder_label), d(Case.holder_user_id), d(Case.holder_roles)],
        "received_on": [d(Case.received_on)],
        "due_on": [d(Case.due_on)],
        # Most urgent first without a per-row CASE (that made a 100,000-case sort slow): open
        # before closed, running before waiting, then by due date (overdue, today, later).
        "state": [
            Case.status.desc() if not descending else Case.status.asc(),
            Case.paused_since.asc(nulls="FIRST")
            if not descending
            else Case.paused_since.desc(nulls="LAST"),
            d(Case.due_on),
        ],
    }
    chosen = columns.get(sort_key, columns["received_on"])
    return [*chosen, d(Case.id)]  # a stable order for paging


def case_where(process: str | None, filters: CaseFilter, today: dt.date) -> Any:
    """The WHERE condition of ``list_cases``, for a process's own list joined to its table."""
    return _where(process, filters, today)


def case_order(sort_key: str, descending: bool, today: dt.date) -> list[Any]:
    """The ORDER BY of ``list_cases`` for ``sort_key`` (one of ``SORT_KEYS``)."""
    return _order(sort_key, descending, today)


def list_cases(
    actor: Actor | None,
    process: str | None,
    filters: CaseFilter,
    sort_key: str = "received_on",
    descending: bool = True,
    offset: int = 0,
    limit: int = 50,
    today: dt.date | None = None,
) -> CasePage:
    """One page of cases (of one process, or all when ``process`` is None) and the total."""
    require(actor, Permission.VIEW)
    today = today or clock.today()
    where = _where(process, filters, today)
    order = _order(sort_key, descending, today)
    offset, limit = max(0, offset), max(1, min(limit, 1000))
    if filters.text.strip():
        # A text search reads the matching ids once, in order, and takes both the total and the
        # page from them: measured on 100,000 cases, cheaper than a count and a page query apart
        # whether the side index answers (a rare string: the page query would walk the sort
        # index looking for 50 matches) or a scan does (two scans).
        rows = cast(
            Iterable[tuple[int]], Case.select(Case.id).where(where).order_by(*order).tuples()
        )
        ids = [row[0] for row in rows]
        wanted = ids[offset : offset + limit]
        found = {c.id: c for c in Case.select().where(Case.id.in_(wanted))} if wanted else {}
        return CasePage(to_rows([found[i] for i in wanted if i in found], today), len(ids))
    total = Case.select(peewee.fn.COUNT(Case.id)).where(where).scalar() or 0
    query = Case.select().where(where).order_by(*order).offset(offset).limit(limit)
    return CasePage(to_rows(list(query), today), int(total))


# ---------------------------------------------------------------------------------------------
# The dashboard


def _refused_steps(user: Actor) -> list[tuple[str, str]]:
    """(process, step) pairs the user's role is named on but the step's finer check refuses, e.g.
    the evaluation group's head on the publication review: such cases are not their work."""
    role = str(user.role)
    return [
        (process.key, step.key)
        for process in all_processes()
        for step in process.steps
        if step.actor_check is not None and role in step.roles and step.actor_check(user)
    ]


def _mine(user: Actor) -> Any:
    role = str(user.role)
    cond = (Case.status == "open") & (
        (Case.holder_user_id == user.id)
        | (Case.holder_user_id.is_null() & Case.holder_roles.contains(f",{role},"))
    )
    for process, step in _refused_steps(user):
        cond &= ~((Case.process == process) & (Case.current_step == step))
    return cond


def my_work(actor: Actor, limit: int = 100, today: dt.date | None = None) -> list[CaseRow]:
    """Open cases waiting on ``actor``: held by them, or by their role with nobody named (and
    the step's own check lets them act); most urgent first."""
    require(actor, Permission.VIEW)
    today = today or clock.today()
    query = (
        Case.select()
        .where(_mine(actor) & Case.paused_since.is_null())
        .order_by(deadlines.state_order(today), Case.due_on.asc(nulls="LAST"), Case.id)
        .limit(limit)
    )
    return to_rows(list(query), today)


@dataclass(frozen=True)
class WorkCounts:
    """How many cases wait on a user, and how many of them are due today or overdue."""

    total: int
    due_today: int
    overdue: int


def my_work_counts(actor: Actor, today: dt.date | None = None) -> WorkCounts:
    """The counts of ``my_work`` over all of the user's cases (the list itself is cut short)."""
    require(actor, Permission.VIEW)
    today = today or clock.today()
    mine = _mine(actor) & Case.paused_since.is_null()

    def count(extra: Any = None) -> int:
        where = mine if extra is None else mine & extra
        return int(Case.select(peewee.fn.COUNT(Case.id)).where(where).scalar() or 0)

    return WorkCounts(
        total=count(),
        due_today=count(state_condition(CaseState.DUE_TODAY, today)),
        overdue=count(state_condition(CaseState.OVERDUE, today)),
    )


def due_today(actor: Actor | None, limit: int = 100, today: dt.date | None = None) -> list[CaseRow]:
    require(actor, Permission.VIEW)
    today = today or clock.today()
    query = (
        Case.select()
        .where(state_condition(CaseState.DUE_TODAY, today))
        .order_by(Case.process, Case.received_on, Case.id)
        .limit(limit)
    )
    return to_rows(list(query), today)


def overdue(actor: Actor | None, limit: int = 100, today: dt.date | None = None) -> list[CaseRow]:
    require(actor, Permission.VIEW)
    today = today or clock.today()
    query = (
        Case.select()
        .where(state_condition(CaseState.OVERDUE, today))
        .order_by(Case.due_on, Case.id)
        .limit(limit)
    )
    return to_rows(list(query), today)


@dataclass(frozen=True)
class StateCount:
    process: str
    process_label: str
    counts: dict[CaseState, int]


def state_counts(
    actor: Actor | None,
    received_from: dt.date | None = None,
    received_to: dt.date | None = None,
    today: dt.date | None = None,
) -> list[StateCount]:
    """Cases per state for every process (for the dashboard and the report memos)."""
    require(actor, Permission.VIEW)
    today = today or clock.today()
    out: list[StateCount] = []
    for process in all_processes():
        counts: dict[CaseState, int] = {}
        base = CaseFilter(received_from=received_from, received_to=received_to)
        for state in CaseState:
            where = _where(process.key, base, today) & state_condition(state, today)
            counts[state] = int(Case.select(peewee.fn.COUNT(Case.id)).where(where).scalar() or 0)
        out.append(StateCount(process.key, _(process.short_label), counts))
    return out


# ---------------------------------------------------------------------------------------------
# One case: header, timeline, files


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    at_text: str
    step_label: str
    outcome_label: str
    kind: str
    actor: str
    signatory: str
    comment: str
    values: list[tuple[str, str]]  # (label, value) of the step's inputs
    files: list[tuple[int, str]]  # (attachment id, file name)
    documents: list[str]  # the documents the step produces or receives (labels)
    to_step_label: str


@dataclass(frozen=True)
class PendingStep:
    label: str
    actor_label: str
    current: bool


@dataclass(frozen=True)
class FileInfo:
    id: int
    filename: str
    purpose: str
    purpose_label: str
    size: int
    created_at: dt.datetime


@dataclass(frozen=True)
class CaseView:
    row: CaseRow
    process: str
    process_label: str
    received_text: str
    due_text: str
    timeline: list[TimelineEntry]
    steps: list[PendingStep]  # the process's steps, marking the current one
    files: list[FileInfo]
    details: list[tuple[str, str]] = field(default_factory=list)  # registration data


def _display_value(kind: FieldKind, value: Any, choices: dict[str, str], source: str = "") -> str:
    if value is None or value == "":
        return "-"
    if kind == FieldKind.RECORD:
        from models.engine.registry import get_source

        try:
            return get_source(source).label(int(value)) or "-"
        except (TypeError, ValueError):
            return str(value)
    if kind == FieldKind.DECIMAL:
        from reports.thaifmt import number

        try:
            return number(decimal.Decimal(str(value)), decimals=2)
        except decimal.InvalidOperation:
            return str(value)
    if kind == FieldKind.BOOL:
        return _("ใช่") if value else _("ไม่ใช่")
    if kind == FieldKind.DATE:
        try:
            return date_short(dt.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if kind == FieldKind.CHOICE:
        return _(choices.get(str(value), str(value)))
    if kind == FieldKind.USER:
        return _user_names({int(value)}).get(int(value), "-")
    if kind == FieldKind.UNIT:
        unit = Unit.get_or_none(Unit.id == int(value))
        return str(unit.name) if unit else "-"
    if kind == FieldKind.SIGNATORY:
        sig = Signatory.get_or_none(Signatory.id == int(value))
        return f"{sig.full_name} ({sig.title})" if sig else "-"
    return str(value)


def describe_values(
    process: ProcessDef, step_key: str, values: dict[str, Any]
) -> list[tuple[str, str]]:
    """A step's recorded inputs as (label, text), in the step's field order."""
    if not process.has_step(step_key):
        return []
    out: list[tuple[str, str]] = []
    for f in process.step(step_key).fields:
        if f.kind == FieldKind.FILES or f.key not in values:
            continue
        out.append((_(f.label), _display_value(f.kind, values[f.key], dict(f.choices), f.source)))
    for key, label in process.extra_labels:
        if values.get(key) not in (None, ""):
            out.append((_(label), str(values[key])))
    return out


_EVENT_LABELS = {
    "deadline_changed": N_("วันครบกำหนดเปลี่ยน"),
    "attached": N_("แนบไฟล์เพิ่ม"),
    "edited": N_("แก้ไขข้อมูลการลงทะเบียน"),
}


def register_event_label(key: str, label: str) -> None:
    """The timeline's label (N_-marked) for events a process notes with ``record_event``."""
    _EVENT_LABELS[key] = label


def _file_purposes(process: ProcessDef) -> dict[str, str]:
    return {f.key: _(f.label) for s in process.steps for f in s.fields if f.kind == FieldKind.FILES}


def case_view(actor: Actor | None, case_id: int, today: dt.date | None = None) -> CaseView:
    require(actor, Permission.VIEW)
    case = get_case(case_id)
    process = get_process(case.process)
    row = to_rows([case], today)[0]
    purposes = _file_purposes(process)
    files = [
        FileInfo(
            a.id, a.filename, a.purpose, purposes.get(a.purpose, a.purpose), a.size, a.created_at
        )
        for a in case_files(case)
    ]
    names = {f.id: f.filename for f in files}
    timeline: list[TimelineEntry] = []
    for entry in history(case):
        values = entry.values()
        if entry.kind == "event":
            outcome_label = _(_EVENT_LABELS.get(entry.outcome, entry.outcome))
            described: list[tuple[str, str]] = (
                describe_values(process, process.first.key, values)
                if entry.outcome == "edited"
                else []
            )
            documents: list[str] = []
        else:
            step = process.step(entry.step) if process.has_step(entry.step) else None
            outcome = step.outcome(entry.outcome) if step else None
            kind_labels: dict[str, str] = {str(k): v for k, v in OUTCOME_KIND_LABELS.items()}
            outcome_label = _(outcome.label if outcome else kind_labels.get(entry.kind, entry.kind))
            described = describe_values(process, entry.step, values)
            if values.get("_paused_days"):
                described.append(
                    (_("หยุดนับเวลา"), _("{n} วันทำการ").format(n=values["_paused_days"]))
                )
            documents = [_(d.label) for d in step.documents] if step else []
        to_label = (
            _(process.step(entry.to_step).label)
            if entry.to_step and process.has_step(entry.to_step)
            else (_("ปิดเรื่อง") if entry.kind != "event" else "")
        )
        timeline.append(
            TimelineEntry(
                at=entry.at,
                at_text=datetime_short(entry.at),
                step_label=_(process.step(entry.step).label)
                if process.has_step(entry.step)
                else entry.step,
                outcome_label=outcome_label,
                kind=entry.kind,
                actor=entry.actor_name,
                signatory=entry.signatory_name,
                comment=entry.comment,
                values=described,
                files=[(i, names.get(i, "?")) for i in entry.attachment_id_list()],
                documents=documents,
                to_step_label=to_label,
            )
        )
    steps = [
        PendingStep(
            _(s.label),
            _(s.actor_label) if s.actor_label else roles_text(s.roles),
            case.status == "open" and s.key == case.current_step,
        )
        for s in process.steps
    ]
    due_text = "-"
    if case.due_on is not None:
        due_text = date_short(case.due_on)
        if case.paused_days:
            due_text += " " + _("(รวมหยุดนับ {n} วันทำการ)").format(n=case.paused_days)
    if case.paused_since is not None:
        due_text = _("หยุดนับเวลาตั้งแต่ {day}").format(day=date_short(case.paused_since))
    details = describe_values(process, process.first.key, _first_values(process, case))
    return CaseView(
        row=row,
        process=process.key,
        process_label=_(process.label),
        received_text=date_short(case.received_on),
        due_text=due_text,
        timeline=timeline,
        steps=steps,
        files=files,
        details=details,
    )


def _first_values(process: ProcessDef, case: Case) -> dict[str, Any]:
    """The registration data as it stands now (from the case and its process row)."""
    from models.base import to_json_value
    from models.engine.core import detail_of

    detail = detail_of(process, case)
    out: dict[str, Any] = {}
    for f in process.first.fields:
        if f.store is None or f.kind == FieldKind.FILES:
            continue
        if f.store.startswith("case."):
            value = case.__data__.get(f.store[5:])
        else:
            value = detail.__data__.get(f.store) if detail is not None else None  # FKs as ids
        out[f.key] = to_json_value(value)
    return out


def case_steps_count(case_id: int) -> int:
    return int(CaseStep.select().where(CaseStep.case == case_id).count())


# ---------------------------------------------------------------------------------------------
# Printing


@dataclass(frozen=True)
class DocumentChoice:
    key: str
    label: str


def printable_documents(actor: Actor | None, case_id: int) -> list[DocumentChoice]:
    """The documents ``case`` can print now (e.g. the external letter once eligible)."""
    require(actor, Permission.VIEW)
    from models.engine.core import detail_of

    case = get_case(case_id)
    process = get_process(case.process)
    detail = detail_of(process, case)
    return [
        DocumentChoice(p.key, _(p.label)) for p in process.printables if p.available(case, detail)
    ]


def print_document(actor: Actor | None, case_id: int, key: str) -> tuple[bytes, str]:
    """PDF bytes and a suggested file name of one of the case's documents."""
    require(actor, Permission.VIEW)
    case = get_case(case_id)
    process = get_process(case.process)
    for printable in process.printables:
        if printable.key == key:
            return printable.render(actor, case)
    raise NotFound(_("ไม่มีเอกสาร “{key}” สำหรับเรื่องนี้").format(key=key))


def period_reports(process_key: str) -> list[DocumentChoice]:
    return [DocumentChoice(r.key, _(r.label)) for r in get_process(process_key).reports]


def print_period_report(
    actor: Actor | None, process_key: str, key: str, start: dt.date, end: dt.date
) -> tuple[bytes, str]:
    require(actor, Permission.VIEW)
    for report in get_process(process_key).reports:
        if report.key == key:
            return report.render(actor, start, end)
    raise NotFound(_("ไม่มีรายงาน “{key}”").format(key=key))
