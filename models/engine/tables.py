"""The engine's tables: one row per case (every process), and its step history.

A case's state is kept in plain columns (due date, closing date, pause start, holder) so lists can
filter and sort by state in SQL; ``models.engine.deadlines`` turns them into "on time", "overdue by
N working days" and so on. Process-specific data lives in each process's own table, 1:1 with
``Case`` (``case = ForeignKeyField(Case, unique=True)``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import peewee

from models import clock
from models.base import BaseModel, VersionedModel


class Case(VersionedModel):
    process = peewee.CharField(max_length=32)
    fiscal_year = peewee.IntegerField()  # B.E. fiscal year of the receipt (numbering)
    seq = peewee.IntegerField()  # running number within the process and fiscal year
    number = peewee.CharField(max_length=64)  # as shown: "12/2569"
    title = peewee.CharField(max_length=500, default="")
    requester = peewee.CharField(max_length=300, default="")
    received_on = peewee.DateField()
    current_step = peewee.CharField(max_length=32)
    status = peewee.CharField(max_length=16, default="open")  # open | closed
    result = peewee.CharField(max_length=16, default="")  # CaseResult when closed
    assignee_id = peewee.IntegerField(null=True)  # the responsible staff member
    # Who holds the case now: a user, else anyone with one of the roles; the label is shown
    # when the case waits on someone outside the app (the requester).
    holder_user_id = peewee.IntegerField(null=True)
    holder_roles = peewee.CharField(max_length=100, default="")  # ",head,group_head,"
    holder_label = peewee.CharField(max_length=300, default="")
    allowed_days = peewee.IntegerField(null=True)  # working days allowed (None: plan date / none)
    paused_days = peewee.IntegerField(default=0)  # working days waited on the requester
    paused_since = peewee.DateField(null=True)  # waiting on the requester since
    due_on = peewee.DateField(null=True)
    closed_on = peewee.DateField(null=True)
    opened_by = peewee.IntegerField(null=True)
    # Number, title and requester in lower case: one substring test per row for the free-text
    # filter instead of three LIKEs (models.engine.core.search_text keeps it in step).
    search_text = peewee.TextField(default="")
    # The registration form's own key, made once when the form opens: a retry after a lost answer
    # (the connection died right after the commit) finds the case instead of registering it twice.
    request_key = peewee.CharField(max_length=64, null=True, unique=True)

    class Meta:
        table_name = "work_case"  # "case" is an SQL keyword
        indexes = (
            (("process", "fiscal_year", "seq"), True),
            (("process", "received_on"), False),
            (("process", "status", "due_on"), False),
            (("process", "current_step"), False),
            (("process", "closed_on"), False),
            (("process", "due_on"), False),  # sort by due date
            (("process", "title"), False),  # sort by title
            (("process", "requester"), False),  # sort by requester
            (("status", "due_on"), False),
            (("holder_user_id", "status"), False),
            (("assignee_id", "status"), False),
            # statistics: cases received in a period per person, read from the index alone
            (("process", "received_on", "assignee_id", "result"), False),
        )

    if TYPE_CHECKING:
        steps: peewee.ModelSelect[CaseStep]

    @property
    def is_open(self) -> bool:
        return bool(self.status == "open")

    @property
    def is_paused(self) -> bool:
        return self.paused_since is not None


class CaseStep(BaseModel):
    """One entry of a case's history: a move by a person, or an event (deadline changed)."""

    case = peewee.ForeignKeyField(Case, backref="steps", on_delete="CASCADE")
    at = peewee.DateTimeField(default=clock.now)
    on_date = peewee.DateField()  # the working day it counts for (pauses, deadlines)
    step = peewee.CharField(max_length=32)  # the step acted on
    outcome = peewee.CharField(max_length=32)  # the outcome's key ("event" for system notes)
    kind = peewee.CharField(max_length=16)  # OutcomeKind, or "event"
    to_step = peewee.CharField(max_length=32, default="")  # where the case went
    actor_id = peewee.IntegerField(null=True)
    actor_name = peewee.CharField(max_length=200, default="")  # as it was at the time
    signatory_id = peewee.IntegerField(null=True)  # a named actor recorded by the user
    signatory_name = peewee.CharField(max_length=300, default="")
    comment = peewee.TextField(default="")
    data = peewee.TextField(default="{}")  # JSON of the step's inputs
    attachment_ids = peewee.CharField(max_length=500, default="")  # "12,13"

    class Meta:
        indexes = (
            (("case", "at"), False),
            (("kind", "on_date"), False),  # moves of a kind in a period (statistics: sent back)
        )

    def values(self) -> dict[str, Any]:
        loaded = json.loads(self.data or "{}")
        return loaded if isinstance(loaded, dict) else {}

    def attachment_id_list(self) -> list[int]:
        return [int(x) for x in self.attachment_ids.split(",") if x]
