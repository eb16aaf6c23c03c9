"""A sixth process that exists only in the tests: one definition (this module) plus one view module
(``tests/gui/test_sixth_process.py`` builds its tab with the shared widgets). It proves that a new
process needs nothing else: no engine change, no copied code.

"ขอใช้ห้องประชุม" (meeting-room requests): register, the head reviews (approve / send back to the
requester / refuse), staff prepare the room, a named signatory approves, staff close.
"""

from __future__ import annotations

from typing import Any

import peewee

from models.base import VersionedModel
from models.engine import (
    Case,
    CaseResult,
    Deadline,
    DocumentRef,
    Field,
    FieldKind,
    GuardContext,
    Outcome,
    OutcomeKind,
    ProcessDef,
    Step,
    register_process,
    staff_roles,
    unregister_process,
)
from models.i18n import N_, _
from models.permissions import Role

KEY = "room_request"


class RoomRequest(VersionedModel):
    case = peewee.ForeignKeyField(Case, unique=True, on_delete="CASCADE")
    people = peewee.IntegerField(default=0)
    room = peewee.CharField(max_length=32, default="")
    summary = peewee.TextField(default="")

    class Meta:
        table_name = "test_room_request"


def room_fits(ctx: GuardContext) -> str | None:
    people = ctx.detail.people if ctx.detail is not None else 0
    if people > 50:
        return _("ห้องประชุมรับได้ไม่เกิน 50 คน (คำขอนี้ {n} คน)").format(n=people)
    return None


def days_for(case: Case, detail: Any) -> int | None:
    return 3 if detail is not None and detail.people > 20 else 2


STAFF = staff_roles()
HEADS = frozenset({Role.HEAD})

DEFINITION = ProcessDef(
    key=KEY,
    label=N_("ขอใช้ห้องประชุม"),
    short_label=N_("ห้องประชุม"),
    number_prefix="ห.",
    deadline=Deadline(days_from=days_for),
    detail_model=RoomRequest,
    steps=(
        Step(
            "register",
            N_("รับคำขอ"),
            STAFF,
            outcomes=(Outcome("register", OutcomeKind.DONE, N_("ลงทะเบียนรับเรื่อง")),),
            fields=(
                Field("title", N_("เรื่อง"), required=True, store="case.title"),
                Field("requester", N_("ผู้ขอ"), required=True, store="case.requester"),
                Field(
                    "received_on",
                    N_("วันที่รับเรื่อง"),
                    FieldKind.DATE,
                    required=True,
                    store="case.received_on",
                    default_today=True,
                ),
                Field(
                    "people",
                    N_("จำนวนผู้เข้าประชุม"),
                    FieldKind.INT,
                    store="people",
                    minimum=1,
                    maximum=500,
                    required=True,
                ),
                Field("request", N_("บันทึกขอใช้ห้อง"), FieldKind.FILES),
                Field(
                    "assignee",
                    N_("ผู้รับผิดชอบ"),
                    FieldKind.USER,
                    store="case.assignee_id",
                    default_me=True,
                    roles=STAFF,
                ),
            ),
            documents=(DocumentRef(N_("บันทึกขอใช้ห้อง"), "in"),),
        ),
        Step(
            "review",
            N_("พิจารณาคำขอ"),
            HEADS,
            actor_label=N_("หน.ภทส."),
            outcomes=(
                Outcome("approve", OutcomeKind.APPROVED, N_("อนุมัติ"), guards=(room_fits,)),
                Outcome("to_requester", OutcomeKind.TO_REQUESTER, N_("ส่งกลับผู้ขอแก้ไข")),
                Outcome("refuse", OutcomeKind.NOT_APPROVED, N_("ไม่อนุมัติ")),
            ),
        ),
        Step(
            "prepare",
            N_("เตรียมห้อง"),
            STAFF,
            assignee_holds=True,
            fields=(
                Field(
                    "room",
                    N_("ห้อง"),
                    FieldKind.CHOICE,
                    required=True,
                    store="room",
                    choices=(("a", N_("ห้องประชุม 1")), ("b", N_("ห้องประชุม 2"))),
                ),
            ),
            outcomes=(Outcome("done", OutcomeKind.DONE, N_("เตรียมห้องแล้ว")),),
        ),
        Step(
            "sign",
            N_("ผู้อำนวยการลงนาม"),
            STAFF | HEADS,
            fields=(Field("signatory", N_("ผู้ลงนาม"), FieldKind.SIGNATORY, required=True),),
            outcomes=(
                Outcome("signed", OutcomeKind.APPROVED, N_("ลงนามแล้ว")),
                Outcome(
                    "back", OutcomeKind.SEND_BACK, N_("ส่งกลับแก้ไข"), target="prepare", fields=()
                ),
            ),
        ),
        Step(
            "close",
            N_("ปิดเรื่อง"),
            STAFF,
            assignee_holds=True,
            fields=(
                Field("summary", N_("สรุปผล"), FieldKind.LONG_TEXT, required=True, store="summary"),
            ),
            outcomes=(
                Outcome("close", OutcomeKind.END, N_("ปิดเรื่อง"), result=CaseResult.COMPLETED),
            ),
        ),
    ),
)


def install(database: peewee.Database) -> ProcessDef:
    database.create_tables([RoomRequest])
    return register_process(DEFINITION)


def uninstall() -> None:
    unregister_process(KEY)
