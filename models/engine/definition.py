"""A process declared as data: steps, who does them, what each step may lead to, the fields it
records, the documents it produces or receives, the deadline rule. See ``models.engine`` for the
guide to defining one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from models.base import Actor
from models.i18n import N_
from models.permissions import Role

if TYPE_CHECKING:
    from models.attachments import Attachment
    from models.engine.tables import Case


class OutcomeKind(StrEnum):
    DONE = "done"  # the step is done: go on (to the next step, or to ``target``)
    APPROVED = "approved"  # a reviewer approves: go on
    NOT_APPROVED = "not_approved"  # a reviewer refuses: ``target`` step, or the case ends
    SEND_BACK = "send_back"  # back to an earlier step of the office (``target``); clock runs
    TO_REQUESTER = "to_requester"  # back to the requester for correction; the clock may pause
    BRANCH = "branch"  # to ``target`` (a choice between paths)
    END = "end"  # the case is closed
    # Offered by the engine itself while a case waits on the requester:
    RESUME = "resume"  # the requester sent the corrected request back
    WITHDRAW = "withdraw"  # the requester withdrew the request (the case ends, cancelled)


OUTCOME_KIND_LABELS = {
    OutcomeKind.DONE: N_("ดำเนินการแล้ว"),
    OutcomeKind.APPROVED: N_("เห็นชอบ/อนุมัติ"),
    OutcomeKind.NOT_APPROVED: N_("ไม่เห็นชอบ/ไม่อนุมัติ"),
    OutcomeKind.SEND_BACK: N_("ส่งกลับแก้ไข"),
    OutcomeKind.TO_REQUESTER: N_("ส่งกลับผู้ขอเพื่อแก้ไข"),
    OutcomeKind.BRANCH: N_("เลือกแนวทาง"),
    OutcomeKind.END: N_("ปิดเรื่อง"),
    OutcomeKind.RESUME: N_("ผู้ขอส่งเรื่องที่แก้ไขแล้วกลับมา"),
    OutcomeKind.WITHDRAW: N_("ผู้ขอยกเลิกคำขอ"),
}


class CaseResult(StrEnum):
    """How a closed case ended (``Case.result``)."""

    COMPLETED = "completed"  # served
    REFUSED = "refused"  # not approved / not eligible (the requester was told)
    WITHDRAWN = "withdrawn"  # cancelled by the requester: not counted in on-time rates


RESULT_LABELS = {
    CaseResult.COMPLETED: N_("ดำเนินการแล้วเสร็จ"),
    CaseResult.REFUSED: N_("ไม่อนุมัติ/ไม่เข้าเงื่อนไข"),
    CaseResult.WITHDRAWN: N_("ยกเลิกคำขอ"),
}


class FieldKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    INT = "int"
    DATE = "date"  # a datetime.date; not in the future unless ``allow_future``
    BOOL = "bool"  # a checkbox (criteria, checklist items)
    CHOICE = "choice"  # one of ``choices``
    URL = "url"  # http(s)://...
    EMAIL = "email"
    USER = "user"  # an active user's id (``roles`` limits who may be chosen)
    UNIT = "unit"  # a requesting unit's id (models.org.Unit)
    SIGNATORY = "signatory"  # a named signatory's id (models.org.Signatory): a named actor
    FILES = "files"  # attachments given with the action; ``purpose`` = the field's key
    DECIMAL = "decimal"  # a decimal.Decimal with 2 places (amounts of money, quantities)
    RECORD = "record"  # the id of a record from a registered ``RecordSource`` (``source``)


@dataclass(frozen=True)
class Field:
    """One input of a step. ``store`` says where the value is kept besides the step's history:

    - ``None``: only in the step's history (``CaseStep.data``);
    - ``"case.<column>"``: a core column of the case: ``title``, ``requester``, ``received_on``,
      ``assignee_id``;
    - any other name: that column of the process's own table (``ProcessDef.detail_model``).

    ``required`` means: a value must be given; for BOOL, the box must be ticked (a checklist item
    or a criterion); for FILES, the case must hold at least one file of this purpose afterwards.
    """

    key: str
    label: str  # N_-marked
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    store: str | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, N_ label)
    help: str = ""  # N_-marked hint shown under the input
    max_length: int = 0  # 0 = the column's own limit (or none)
    allow_future: bool = False  # for DATE
    default_today: bool = False  # for DATE: the form starts at today
    default_me: bool = False  # for USER: the form starts at the acting user
    default: str | None = None  # for CHOICE: the value the form starts at (e.g. the usual kind)
    roles: frozenset[Role] = frozenset()  # for USER: who may be chosen (empty = any active user)
    minimum: int | None = None  # for INT and DECIMAL
    maximum: int | None = None  # for INT and DECIMAL
    source: str = ""  # for RECORD: the key of a ``RecordSource`` (``register_source``)
    # The form starts at the value stored in this column ("case.x" or a process column), e.g.
    # the delivery method the requester asked for. A field with ``store`` starts at its own
    # stored value (a send-back loop shows what was entered before).
    default_from: str | None = None


@dataclass(frozen=True)
class RecordSource:
    """Records a RECORD field chooses from (assets, categories, vendors ...), registered once with
    ``models.engine.registry.register_source`` by the module that owns them.

    ``label(id)`` gives the record's display text, or None when it does not exist or may not be
    chosen (the engine then refuses the value). A form offers ``choices()`` (short lists) or
    ``search(text, limit)`` (long lists: typed text finds matches).
    """

    key: str
    title: str  # N_-marked, e.g. "ครุภัณฑ์"
    label: Callable[[int], str | None]
    choices: Callable[[], list[tuple[int, str]]] | None = None
    search: Callable[[str, int], list[tuple[int, str]]] | None = None


@dataclass(frozen=True)
class DocumentRef:
    """A document a step produces (``out``) or receives (``in``), for the timeline."""

    label: str  # N_-marked, e.g. "บันทึกข้อความขอเผยแพร่ (Paperless)"
    direction: str = "out"  # "in" | "out"
    printable: str | None = None  # key of a ``Printable`` that prints it


@dataclass
class GuardContext:
    """What a guard or an effect sees. ``data`` holds the validated inputs of this action."""

    actor: Actor | None
    case: Case
    detail: Any  # the process's own row (or None when the process has no table)
    step: Step
    outcome: Outcome
    data: dict[str, Any]
    comment: str
    new_files: Sequence[NewFile]
    existing_files: Sequence[Attachment]
    # Effects may add values: stored in the detail row / recorded with the step's history.
    detail_changes: dict[str, Any] = field(default_factory=dict)
    step_data: dict[str, Any] = field(default_factory=dict)

    def files(self, purpose: str) -> int:
        """How many files of ``purpose`` the case will hold after this action."""
        return sum(1 for f in self.existing_files if f.purpose == purpose) + sum(
            1 for f in self.new_files if f.purpose == purpose
        )


# A guard returns None to allow the move, or a translated Thai sentence saying why not.
Guard = Callable[[GuardContext], str | None]
# An effect runs inside the action's transaction, after the guards (e.g. take a letter number).
Effect = Callable[[GuardContext], None]


@dataclass(frozen=True)
class NewFile:
    """A file given with an action: stored as an attachment of the case with ``purpose``."""

    purpose: str  # the FILES field's key
    filename: str
    data: bytes


@dataclass(frozen=True)
class Outcome:
    key: str  # unique within the step, e.g. "approve", "send_back"
    kind: OutcomeKind
    label: str  # N_-marked button text
    target: str | None = None  # step key (SEND_BACK/BRANCH required; DONE/APPROVED: optional)
    fields: tuple[str, ...] | None = None  # step fields shown for this outcome (None = all)
    requires: tuple[str, ...] = ()  # fields required for this outcome besides ``Field.required``
    comment_required: bool = False  # always True for send-backs and refusals
    comment_label: str = ""  # N_-marked label of the comment box (default by kind)
    result: CaseResult | None = None  # when the move closes the case
    guards: tuple[Guard, ...] = ()
    effects: tuple[Effect, ...] = ()
    confirm: str = ""  # N_-marked question asked before acting (e.g. closing for good)

    @property
    def needs_comment(self) -> bool:
        return self.comment_required or self.kind in {
            OutcomeKind.SEND_BACK,
            OutcomeKind.TO_REQUESTER,
            OutcomeKind.NOT_APPROVED,
            OutcomeKind.WITHDRAW,
        }


@dataclass(frozen=True)
class Step:
    key: str
    label: str  # N_-marked, e.g. "ตรวจสอบความถูกต้องและครบถ้วน"
    roles: frozenset[Role]  # who may act on this step
    outcomes: tuple[Outcome, ...]
    actor_label: str = (
        ""  # N_-marked, who does it in the manual's words (e.g. "หน.ภทส. และ หน.จรส.")
    )
    fields: tuple[Field, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    guards: tuple[Guard, ...] = ()  # apply to every outcome of the step
    assignee_holds: bool = False  # the case's assignee holds it at this step (else the roles)
    next: str | None = None  # where DONE/APPROVED go (default: the following step)
    # A finer rule on who may act than the roles (e.g. only the support group's head): returns a
    # translated reason to refuse, or None. Actions the check refuses are not offered.
    actor_check: Callable[[Actor], str | None] | None = None

    def outcome(self, key: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.key == key), None)

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)


@dataclass(frozen=True)
class Deadline:
    """When a case is due. One of:

    - ``days``: N working days from the day of receipt (``Deadline(days=2)``);
    - ``days_from(case, detail)``: N from the case's own data, e.g. its category (None = no deadline);
    - ``date_from(case, detail)``: a date from a plan or a contract (None = not yet known);
    - none of them: no deadline.

    ``pause_on_requester``: the clock stops while the case waits on the requester after a
    send-back; the paused working days are added to the deadline and shown.
    """

    days: int | None = None
    days_from: Callable[[Case, Any], int | None] | None = None
    date_from: Callable[[Case, Any], dt.date | None] | None = None
    pause_on_requester: bool = True

    def allowed_days(self, case: Case, detail: Any) -> int | None:
        if self.days_from is not None:
            return self.days_from(case, detail)
        return self.days

    def plan_date(self, case: Case, detail: Any) -> dt.date | None:
        return self.date_from(case, detail) if self.date_from is not None else None


NO_DEADLINE = Deadline()


@dataclass(frozen=True)
class Printable:
    """A document a case can print. ``render`` returns the PDF bytes and a suggested file name."""

    key: str
    label: str  # N_-marked
    available: Callable[[Case, Any], bool]
    render: Callable[[Actor | None, Case], tuple[bytes, str]]


@dataclass(frozen=True)
class PeriodReport:
    """A report over a period (e.g. the report memo that closes a process), printed from the list."""

    key: str
    label: str  # N_-marked
    render: Callable[[Actor | None, dt.date, dt.date], tuple[bytes, str]]


@dataclass(frozen=True)
class ProcessDef:
    key: str  # e.g. "publication"; also the case-number series "case.<key>"
    label: str  # N_-marked tab/process name
    short_label: str  # N_-marked, for lists across processes
    steps: tuple[Step, ...]
    deadline: Deadline = NO_DEADLINE
    detail_model: type[Any] | None = (
        None  # peewee model with ``case = ForeignKeyField(Case, unique)``
    )
    number_prefix: str = ""  # shown before the running number, e.g. "ผย." gives "ผย. 12/2569"
    # Recomputes core columns from the process's data after every move (e.g. the requester
    # text from a unit id): returns {column: value} for title/requester.
    summarise: Callable[[Case, Any], dict[str, Any]] | None = None
    # Runs after every open / move / registration edit, in the same transaction, with the case and
    # the process row as stored: keeps derived columns of the process's own table (search text,
    # snapshots) in step. It writes what it needs itself.
    on_saved: Callable[[Actor | None, Case, Any], None] | None = None
    printables: tuple[Printable, ...] = ()
    reports: tuple[PeriodReport, ...] = ()
    manual_ref: str = ""  # N_-marked, the manual's section title
    # Labels of values effects record with a step (``ctx.step_data``), shown in the timeline.
    extra_labels: tuple[tuple[str, str], ...] = ()

    @property
    def first(self) -> Step:
        return self.steps[0]

    def step(self, key: str) -> Step:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(f"process {self.key} has no step {key!r}")

    def has_step(self, key: str) -> bool:
        return any(s.key == key for s in self.steps)

    def following(self, key: str) -> Step | None:
        step = self.step(key)
        if step.next is not None:
            return self.step(step.next)
        index = self.steps.index(step)
        return self.steps[index + 1] if index + 1 < len(self.steps) else None

    def validate(self) -> None:
        """Refuse an inconsistent definition at import time (a developer's mistake)."""
        keys = [s.key for s in self.steps]
        if len(set(keys)) != len(keys):
            raise ValueError(f"{self.key}: duplicate step keys")
        if not self.steps:
            raise ValueError(f"{self.key}: no steps")
        printables = {p.key for p in self.printables}
        for step in self.steps:
            outcome_keys = [o.key for o in step.outcomes]
            if len(set(outcome_keys)) != len(outcome_keys):
                raise ValueError(f"{self.key}.{step.key}: duplicate outcome keys")
            if step.next is not None and step.next not in keys:
                raise ValueError(f"{self.key}.{step.key}: next {step.next!r} is not a step")
            field_keys = {f.key for f in step.fields}
            if len(field_keys) != len(step.fields):
                raise ValueError(f"{self.key}.{step.key}: duplicate field keys")
            for f in step.fields:
                if f.kind == FieldKind.CHOICE and not f.choices:
                    raise ValueError(f"{self.key}.{step.key}.{f.key}: choice without choices")
                if f.kind == FieldKind.RECORD and not f.source:
                    raise ValueError(f"{self.key}.{step.key}.{f.key}: record without source")
                if (
                    f.store
                    and not f.store.startswith("case.")
                    and (self.detail_model is None or f.store not in self.detail_model._meta.fields)
                ):
                    raise ValueError(f"{self.key}.{step.key}.{f.key}: no column {f.store!r}")
                if (
                    f.default_from
                    and not f.default_from.startswith("case.")
                    and (
                        self.detail_model is None
                        or f.default_from not in self.detail_model._meta.fields
                    )
                ):
                    raise ValueError(f"{self.key}.{step.key}.{f.key}: no column {f.default_from!r}")
                if f.store and f.store.startswith("case.") and f.store[5:] not in CORE_STORES:
                    raise ValueError(f"{self.key}.{step.key}.{f.key}: bad store {f.store!r}")
            for doc in step.documents:
                if doc.printable is not None and doc.printable not in printables:
                    raise ValueError(f"{self.key}.{step.key}: no printable {doc.printable!r}")
            for o in step.outcomes:
                if o.kind in {OutcomeKind.RESUME, OutcomeKind.WITHDRAW}:
                    raise ValueError(f"{self.key}.{step.key}.{o.key}: engine-only outcome kind")
                if o.kind in {OutcomeKind.SEND_BACK, OutcomeKind.BRANCH} and o.target is None:
                    raise ValueError(f"{self.key}.{step.key}.{o.key}: needs a target step")
                if o.target is not None and o.target not in keys:
                    raise ValueError(f"{self.key}.{step.key}.{o.key}: unknown target")
                if (
                    o.kind == OutcomeKind.SEND_BACK
                    and o.target is not None
                    and keys.index(o.target) >= keys.index(step.key)
                ):
                    raise ValueError(f"{self.key}.{step.key}.{o.key}: sends forward")
                for name in (*(o.fields or ()), *o.requires):
                    if name not in field_keys:
                        raise ValueError(f"{self.key}.{step.key}.{o.key}: unknown field {name}")
        if [o.kind for o in self.first.outcomes] != [OutcomeKind.DONE]:
            raise ValueError(f"{self.key}: the first step (registration) has one DONE outcome")


CORE_STORES = frozenset({"title", "requester", "received_on", "assignee_id"})


def received_on_field(label: str = N_("วันที่รับเรื่อง"), help: str = "") -> Field:
    """The registration's day of receipt: required, kept on the case (deadlines count from it),
    today unless changed."""
    return Field(
        "received_on",
        label,
        FieldKind.DATE,
        required=True,
        store="case.received_on",
        default_today=True,
        help=help,
    )


def assignee_field(
    roles: frozenset[Role], label: str = N_("ผู้รับผิดชอบ"), *, required: bool = True
) -> Field:
    """The staff member responsible for the case (kept on the case: lists, "my work" and the
    holder follow it), one of ``roles``, starting at the acting user."""
    return Field(
        "assignee",
        label,
        FieldKind.USER,
        required=required,
        store="case.assignee_id",
        default_me=True,
        roles=roles,
    )


def send_back(
    key: str,
    label: str,
    target: str,
    *,
    comment_label: str = "",
    fields: tuple[str, ...] | None = (),
) -> Outcome:
    """An outcome that returns the case to the earlier step ``target`` for rework, with the reason
    (always asked). Its form shows none of the step's inputs unless ``fields`` names them
    (``None``: all of them, e.g. a checklist that says what was wrong)."""
    return Outcome(
        key, OutcomeKind.SEND_BACK, label, target=target, fields=fields, comment_label=comment_label
    )


def staff_roles() -> frozenset[Role]:
    """Roles that do the staff steps: staff, and group heads who work cases themselves."""
    return frozenset({Role.STAFF, Role.GROUP_HEAD})
