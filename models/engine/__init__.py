"""The process engine: every work process of PROCESSES.md is a declaration driven by one engine.

How to define a process
=======================

1. **Its own table** (optional, for data lists must filter and sort on), 1:1 with the case::

       class Ticket(VersionedModel):
           case = peewee.ForeignKeyField(Case, unique=True, on_delete="CASCADE")
           category = peewee.CharField(max_length=32, default="")
           asset_no = peewee.CharField(max_length=64, default="")
           estimate_days = peewee.IntegerField(null=True)

   List the module in ``models/schema.py`` ``MODEL_MODULES`` and regenerate the migration.

2. **The steps**, in order. Each names the roles that may act (``models.permissions.Role``), the
   outcomes it allows, its inputs (``Field``; ``store=`` says where a value is kept besides the
   step's history: ``"case.title"`` / ``"case.requester"`` / ``"case.received_on"`` /
   ``"case.assignee_id"``, or a column of the process's table), and the documents it produces or
   receives (``DocumentRef``)::

       from models.engine import (Deadline, DocumentRef, Field, FieldKind, Outcome,
                                  OutcomeKind, ProcessDef, Step, received_on_field,
                                  register_process, send_back, staff_roles)

       REGISTER = Step(
           "register", N_("รับแจ้งปัญหา"), staff_roles(),
           outcomes=(Outcome("register", OutcomeKind.DONE, N_("ลงทะเบียนรับเรื่อง")),),
           fields=(
               Field("title", N_("เรื่อง"), required=True, store="case.title"),
               received_on_field(),  # required, kept on the case, today unless changed
               Field("category", N_("ประเภทงาน"), FieldKind.CHOICE, required=True,
                     store="category", choices=CATEGORIES),
               Field("assignee", N_("ผู้รับผิดชอบ"), FieldKind.USER, store="case.assignee_id",
                     default_me=True, roles=staff_roles()),
           ),
           documents=(DocumentRef(N_("บันทึกแจ้งซ่อม (Paperless)"), "in"),),
       )

   The first step is the registration: exactly one ``DONE`` outcome; ``open_case`` records it.
   Outcomes (``OutcomeKind``): ``DONE`` / ``APPROVED`` go to the next step (or ``target``);
   ``SEND_BACK`` returns to an earlier step (``target``, a reason is required, the clock runs;
   ``send_back(key, label, target=...)`` makes one whose form asks only for the reason);
   ``TO_REQUESTER`` returns the case to the requester for correction (the clock pauses when
   ``Deadline.pause_on_requester``; the engine then offers only *resume* and *withdraw*);
   ``NOT_APPROVED`` goes to ``target`` or ends the case as refused; ``BRANCH`` goes to ``target``;
   ``END`` closes the case (``result=CaseResult...``). ``Outcome.fields`` picks which step
   inputs its form shows; ``requires`` makes more of them required for that outcome only.

3. **Rules** that refuse a move are guards: ``guard(ctx) -> str | None`` returns a Thai reason
   (already translated with ``_()``) or None. ``ctx`` holds the actor, the case and the process
   row *before* the move, the cleaned inputs (``ctx.data``), the comment and the files
   (``ctx.files(purpose)`` counts them). Example, process 2's loaner rule::

       def loaner_needed(ctx: GuardContext) -> str | None:
           if (ctx.data.get("estimate_days") or 0) > 1 and not (
               ctx.data.get("loaner_asset") or ctx.data.get("no_loaner_reason")):
               return _("งานซ่อมเกิน 1 วันทำการ ต้องให้ยืมเครื่องทดแทน หรือให้หัวหน้าบันทึกเหตุผล")
           return None

   Effects (``effect(ctx) -> None``) run after the guards in the same transaction: put values in
   ``ctx.detail_changes`` (the process row) or ``ctx.step_data`` (the history), e.g. a letter number.

4. **The deadline**: ``Deadline(days=2)``; ``Deadline(days_from=lambda case, row: DAYS[row.category])``
   for a deadline set by the case's own data (recomputed after every move); ``Deadline(date_from=...)``
   for dates from a plan or contract; ``NO_DEADLINE``. Due dates count Thai working days
   (``models.calendar``) from the day of receipt and move when the office's holiday table changes.

5. **Register it**: ``register_process(ProcessDef(key, label, short_label, steps, deadline,
   detail_model, printables=..., reports=...))`` at import time, and add the module to
   ``models.engine.registry.PROCESS_MODULES``. ``Printable`` / ``PeriodReport`` return PDF bytes
   (built with ``reports.memo`` / ``reports.letter``) and a suggested file name.

6. **The tab** is one thin view module calling
   ``views.process_tabs.register_process_tab(key, view_key, order=..., register_name=...)`` and
   listed in ``views.registry.VIEW_MODULES``. It builds the shared ``views.widgets.cases.ProcessTab``:
   the list (filters, paging, state colours), the case view (timeline, only the moves the user may
   make, forms built from the fields, files, printing), registration, period reports. The
   dashboard's "my work", due-today and overdue sections include the process's cases by themselves.

Using the engine
================

``open_case(actor, key, data, files)``, ``available_actions(actor, case)``,
``act(actor, case, outcome_key, comment=, data=, files=, expected_version=)`` (refuses with
``ValidationError`` / ``PermissionDenied`` / ``ConflictError``), ``list_cases``, ``case_view``,
``my_work``, ``my_work_counts``, ``due_today``, ``overdue``, ``state_of``.
"""

from __future__ import annotations

from models.engine.core import (
    CASE_TABLE,
    Action,
    act,
    add_files,
    available_actions,
    case_files,
    detail_of,
    form_defaults,
    get_case,
    history,
    open_case,
    possible_actions,
    refusal,
    update_details,
)
from models.engine.deadlines import (
    OPEN_STATES,
    STATE_COLOURS,
    STATE_LABELS,
    CaseState,
    StateInfo,
    state_condition,
    state_of,
)
from models.engine.definition import (
    NO_DEADLINE,
    OUTCOME_KIND_LABELS,
    RESULT_LABELS,
    CaseResult,
    Deadline,
    DocumentRef,
    Field,
    FieldKind,
    GuardContext,
    NewFile,
    Outcome,
    OutcomeKind,
    PeriodReport,
    Printable,
    ProcessDef,
    Step,
    assignee_field,
    received_on_field,
    send_back,
    staff_roles,
)
from models.engine.queries import (
    CaseFilter,
    CasePage,
    CaseRow,
    CaseView,
    DocumentChoice,
    WorkCounts,
    case_view,
    due_today,
    list_cases,
    my_work,
    my_work_counts,
    overdue,
    period_reports,
    print_document,
    print_period_report,
    printable_documents,
    state_counts,
)
from models.engine.registry import (
    PROCESS_MODULES,
    all_processes,
    get_process,
    register_process,
    unregister_process,
)
from models.engine.tables import Case, CaseStep
from models.engine.undo import UndoOffer, take_back, undo_offer

__all__ = [
    "CASE_TABLE",
    "NO_DEADLINE",
    "OPEN_STATES",
    "OUTCOME_KIND_LABELS",
    "PROCESS_MODULES",
    "RESULT_LABELS",
    "STATE_COLOURS",
    "STATE_LABELS",
    "Action",
    "Case",
    "CaseFilter",
    "CasePage",
    "CaseResult",
    "CaseRow",
    "CaseState",
    "CaseStep",
    "CaseView",
    "Deadline",
    "DocumentChoice",
    "DocumentRef",
    "Field",
    "FieldKind",
    "GuardContext",
    "NewFile",
    "Outcome",
    "OutcomeKind",
    "PeriodReport",
    "Printable",
    "ProcessDef",
    "StateInfo",
    "Step",
    "UndoOffer",
    "WorkCounts",
    "act",
    "add_files",
    "all_processes",
    "assignee_field",
    "available_actions",
    "case_files",
    "case_view",
    "detail_of",
    "due_today",
    "form_defaults",
    "get_case",
    "get_process",
    "history",
    "list_cases",
    "my_work",
    "my_work_counts",
    "open_case",
    "overdue",
    "period_reports",
    "possible_actions",
    "print_document",
    "print_period_report",
    "printable_documents",
    "received_on_field",
    "refusal",
    "register_process",
    "send_back",
    "staff_roles",
    "state_condition",
    "state_counts",
    "state_of",
    "take_back",
    "undo_offer",
    "unregister_process",
    "update_details",
]
