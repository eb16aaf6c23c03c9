"""Process 1: publishing information on the office web site (การเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์
สำนักงาน). Deadline: 2 working days from the day the request memo is received.

1. the requesting unit's memo is registered (unit, Paperless number and date, title, the files);
2. หน.ภทส. or หน.จรส. checks it against the two criteria, or sends it back to the requester for
   correction (the clock pauses);
3. support staff choose the menu, convert the files and publish (URL);
4. staff verify the page (position, characters/fonts, downloads), or send it back to step 3;
5. staff record the result on the memo in Paperless and tell the requester;
6. staff close the case with a summary; the report memo รายงานผลการเผยแพร่ข้อมูลสารสนเทศบน
   เว็บไซต์สำนักงาน covers a period, and the publication log is the register ``publications``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import peewee

from models import clock
from models.base import Actor, VersionedModel
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
    assignee_field,
    received_on_field,
    register_process,
    send_back,
    staff_roles,
)
from models.engine import reporting as rep
from models.i18n import N_, _
from models.org import Unit, WorkGroup, WorkGroupCode
from models.permissions import Role
from models.registers import RegisterColumn, RegisterDef, declare_register
from models.statistics import CaseFigures, Dimension, declare_cases

KEY = "publication"
DEADLINE_DAYS = 2


class Publication(VersionedModel):
    """Process 1's own data, 1:1 with its case."""

    case = peewee.ForeignKeyField(Case, unique=True, on_delete="CASCADE")
    unit = peewee.ForeignKeyField(Unit, null=True, on_delete="SET NULL", index=True)
    contact_name = peewee.CharField(max_length=200, default="")
    paperless_no = peewee.CharField(max_length=64, default="")
    paperless_date = peewee.DateField(null=True)
    criteria_rules = peewee.BooleanField(default=False)
    criteria_chain = peewee.BooleanField(default=False)
    menu = peewee.CharField(max_length=300, default="")
    url = peewee.CharField(max_length=500, default="")
    published_on = peewee.DateField(null=True, index=True)
    check_position = peewee.BooleanField(default=False)
    check_fonts = peewee.BooleanField(default=False)
    check_downloads = peewee.BooleanField(default=False)
    verified_on = peewee.DateField(null=True)
    notified_on = peewee.DateField(null=True)
    notify_note = peewee.CharField(max_length=500, default="")
    summary = peewee.TextField(default="")


# ---------------------------------------------------------------------------------------------
# Rules


def memo_not_after_receipt(ctx: GuardContext) -> str | None:
    memo_date = ctx.data.get("paperless_date")
    received = ctx.data.get("received_on") or ctx.case.received_on
    if memo_date and received and memo_date > received:
        return _("วันที่ของบันทึกข้อความ (Paperless) ต้องไม่หลังวันที่รับเรื่อง")
    return None


def support_heads_only(actor: Actor) -> str | None:
    """Step 2 is for หน.ภทส. and the head of the support-systems group (หน.จรส.) only."""
    if actor.role != Role.GROUP_HEAD:
        return None
    from models.users import User

    user = User.get_or_none(User.id == actor.id)
    group: WorkGroup | None = user.work_group if user is not None else None
    if group is None or group.code != WorkGroupCode.SUPPORT:
        return _("การตรวจสอบคำขอเผยแพร่ทำได้เฉพาะ หน.ภทส. และหัวหน้างานระบบสนับสนุน (หน.จรส.)")
    return None


def published_not_before_receipt(ctx: GuardContext) -> str | None:
    day = ctx.data.get("published_on")
    if day and day < ctx.case.received_on:
        return _("วันที่เผยแพร่ต้องไม่ก่อนวันที่รับเรื่อง")
    return None


def summarise(case: Case, detail: Any) -> dict[str, Any]:
    unit_id = detail.__data__.get("unit") if detail is not None else None
    unit = Unit.get_or_none(Unit.id == unit_id) if unit_id else None
    return {"requester": unit.name if unit else ""}


# ---------------------------------------------------------------------------------------------
# The definition

STAFF = staff_roles()
REVIEWERS = frozenset({Role.HEAD, Role.GROUP_HEAD})

CHECKS = ("check_position", "check_fonts", "check_downloads")

STEPS = (
    Step(
        "register",
        N_("รับบันทึกขอเผยแพร่ข้อมูล"),
        STAFF,
        actor_label=N_("หน่วยงานที่ขอรับบริการ (เจ้าหน้าที่ ภทส. ลงทะเบียน)"),
        outcomes=(Outcome("register", OutcomeKind.DONE, N_("ลงทะเบียนรับเรื่อง")),),
        fields=(
            Field("unit", N_("หน่วยงานที่ขอเผยแพร่"), FieldKind.UNIT, required=True, store="unit"),
            Field("contact_name", N_("ผู้ประสานงาน"), store="contact_name"),
            Field(
                "paperless_no",
                N_("เลขที่บันทึกข้อความ (Paperless)"),
                required=True,
                store="paperless_no",
            ),
            Field(
                "paperless_date",
                N_("ลงวันที่"),
                FieldKind.DATE,
                required=True,
                store="paperless_date",
            ),
            Field("title", N_("เรื่องที่ขอเผยแพร่"), required=True, store="case.title"),
            received_on_field(help=N_("นับกำหนด 2 วันทำการจากวันนี้ (ไม่นับวันรับ)")),
            Field("to_publish", N_("ไฟล์ที่ขอเผยแพร่"), FieldKind.FILES, required=True),
            assignee_field(STAFF),
        ),
        guards=(memo_not_after_receipt,),
        documents=(
            DocumentRef(N_("บันทึกข้อความ/บันทึกเล็กขอเผยแพร่ (Paperless)"), "in"),
            DocumentRef(N_("ไฟล์ข้อมูลที่ขอเผยแพร่"), "in"),
        ),
    ),
    Step(
        "review",
        N_("ตรวจสอบความถูกต้องและครบถ้วน"),
        REVIEWERS,
        actor_label=N_("หน.ภทส. และ หน.จรส."),
        actor_check=support_heads_only,
        fields=(
            Field(
                "criteria_rules",
                N_("เป็นไปตามระเบียบของสำนักงาน/พ.ร.บ.ข้อมูลข่าวสารของราชการ"),
                FieldKind.BOOL,
                store="criteria_rules",
            ),
            Field(
                "criteria_chain",
                N_("ผ่านการอนุมัติตามลำดับชั้นอย่างถูกต้องครบถ้วน"),
                FieldKind.BOOL,
                store="criteria_chain",
            ),
        ),
        outcomes=(
            Outcome(
                "approve",
                OutcomeKind.APPROVED,
                N_("ถูกต้องครบถ้วน ให้เผยแพร่"),
                requires=("criteria_rules", "criteria_chain"),
            ),
            Outcome(
                "to_requester",
                OutcomeKind.TO_REQUESTER,
                N_("ส่งกลับผู้ขอเพื่อแก้ไข"),
                comment_label=N_("สิ่งที่ต้องแก้ไข (แจ้งผู้ขอ)"),
            ),
        ),
        documents=(DocumentRef(N_("บันทึกข้อความขอเผยแพร่"), "in"),),
    ),
    Step(
        "publish",
        N_("เผยแพร่ข้อมูลบนเว็บไซต์"),
        STAFF,
        actor_label=N_("เจ้าหน้าที่งานระบบสนับสนุน"),
        assignee_holds=True,
        fields=(
            Field("menu", N_("เมนูที่เผยแพร่"), required=True, store="menu"),
            Field("url", N_("ที่อยู่หน้าเว็บ (URL)"), FieldKind.URL, required=True, store="url"),
            Field(
                "published_on",
                N_("วันที่เผยแพร่"),
                FieldKind.DATE,
                required=True,
                store="published_on",
                default_today=True,
            ),
            Field("web_files", N_("ไฟล์ที่แปลงสำหรับเว็บไซต์"), FieldKind.FILES),
        ),
        guards=(published_not_before_receipt,),
        outcomes=(Outcome("done", OutcomeKind.DONE, N_("เผยแพร่แล้ว")),),
        documents=(DocumentRef(N_("เว็บไซต์สำนักงาน (เมนู, URL)"), "out"),),
    ),
    Step(
        "verify",
        N_("ตรวจสอบการแสดงผลบนเว็บไซต์"),
        STAFF,
        actor_label=N_("เจ้าหน้าที่งานระบบสนับสนุน"),
        assignee_holds=True,
        fields=(
            Field(
                "check_position", N_("ตำแหน่งการแสดงผลถูกต้อง"), FieldKind.BOOL, store="check_position"
            ),
            Field("check_fonts", N_("ตัวอักษร/ฟอนต์แสดงผลถูกต้อง"), FieldKind.BOOL, store="check_fonts"),
            Field(
                "check_downloads",
                N_("ดาวน์โหลดเอกสารได้ครบถ้วน"),
                FieldKind.BOOL,
                store="check_downloads",
            ),
            Field(
                "verified_on",
                N_("วันที่ตรวจสอบ"),
                FieldKind.DATE,
                required=True,
                store="verified_on",
                default_today=True,
            ),
            Field("screenshot", N_("ภาพหน้าจอเป็นหลักฐาน"), FieldKind.FILES),
        ),
        outcomes=(
            Outcome("done", OutcomeKind.DONE, N_("ตรวจสอบถูกต้อง"), requires=CHECKS),
            send_back(
                "fix",
                N_("พบข้อผิดพลาด ส่งกลับแก้ไขการเผยแพร่"),
                target="publish",
                comment_label=N_("สิ่งที่ต้องแก้ไข"),
                fields=None,  # the checklist shows what was wrong
            ),
        ),
        documents=(DocumentRef(N_("ผลการตรวจสอบหน้าเว็บ (รายการตรวจสอบ)"), "out"),),
    ),
    Step(
        "notify",
        N_("บันทึกผลและแจ้งผู้ขอ"),
        STAFF,
        actor_label=N_("เจ้าหน้าที่ ภทส. / หน่วยงานที่ขอรับบริการ"),
        assignee_holds=True,
        fields=(
            Field(
                "notified_on",
                N_("วันที่แจ้งผล"),
                FieldKind.DATE,
                required=True,
                store="notified_on",
                default_today=True,
            ),
            Field(
                "notify_note",
                N_("การบันทึกผลใน Paperless/ช่องทางที่แจ้ง"),
                required=True,
                store="notify_note",
            ),
        ),
        outcomes=(Outcome("done", OutcomeKind.DONE, N_("แจ้งผลผู้ขอแล้ว")),),
        documents=(DocumentRef(N_("บันทึกผลบนบันทึกข้อความ (Paperless)"), "out"),),
    ),
    Step(
        "close",
        N_("สรุปผลและปิดเรื่อง"),
        STAFF,
        actor_label=N_("เจ้าหน้าที่งานระบบสนับสนุน"),
        assignee_holds=True,
        fields=(
            Field(
                "summary",
                N_("สรุปผลการดำเนินงาน"),
                FieldKind.LONG_TEXT,
                required=True,
                store="summary",
            ),
        ),
        outcomes=(Outcome("close", OutcomeKind.END, N_("ปิดเรื่อง"), result=CaseResult.COMPLETED),),
        documents=(DocumentRef(N_("รายงานผลการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน"), "out"),),
    ),
)


# ---------------------------------------------------------------------------------------------
# The report memo for a period


def _report_row(case: Case, detail: Publication | None, today: dt.date) -> list[str]:
    published = detail.published_on if detail is not None else None
    result = rep.result_text(case, today)
    if published is not None:
        result = _("เผยแพร่ {day} {result}").format(day=rep.table_date(published), result=result)
    return [
        case.number,
        rep.table_date(case.received_on),
        case.requester or "-",
        case.title,
        result,
    ]


REPORT = rep.CaseReportMemo(
    key="report_memo",
    label=N_("รายงานผลการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน"),
    process=KEY,
    intro=N_(
        "ตามที่ {who} มีหน้าที่ให้บริการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงานแก่หน่วยงานภายใน "
        "ให้แล้วเสร็จภายใน {days} วันทำการนับจากวันที่ได้รับบันทึกข้อความ นั้น"
    ),
    summary=N_(
        "{who} ขอรายงานผลการให้บริการ{period} มีคำขอเผยแพร่ข้อมูลทั้งสิ้น {total} เรื่อง "
        "ดำเนินการแล้วเสร็จ {completed} เรื่อง แล้วเสร็จภายในกำหนด {on_time} เรื่อง "
        "คิดเป็นร้อยละ {rate} ของเรื่องที่แล้วเสร็จ เกินกำหนด {late} เรื่อง "
        "อยู่ระหว่างดำเนินการ {open} เรื่อง (รอผู้ขอแก้ไข {waiting} เรื่อง) "
        "และผู้ขอยกเลิก {cancelled} เรื่อง รายละเอียดดังตารางต่อไปนี้"
    ),
    columns=(
        rep.ReportColumn(N_("เลขที่"), 2.9, "center"),
        rep.ReportColumn(N_("วันที่รับ"), 2.5, "center"),
        rep.ReportColumn(N_("หน่วยงาน"), 3.3),
        rep.ReportColumn(N_("เรื่อง"), 4.3),
        rep.ReportColumn(N_("ผลการดำเนินงาน"), 3.0, "center"),
    ),
    row=_report_row,
    empty=N_("ไม่มีคำขอในช่วงเวลานี้"),
    empty_column=3,
    file_name="รายงานผลการเผยแพร่ข้อมูล",
)


DEFINITION = register_process(
    ProcessDef(
        key=KEY,
        label=N_("เผยแพร่ข้อมูลบนเว็บไซต์"),
        short_label=N_("เผยแพร่ข้อมูล"),
        manual_ref=N_("การเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน"),
        steps=STEPS,
        deadline=Deadline(days=DEADLINE_DAYS),
        detail_model=Publication,
        number_prefix="ผย.",
        summarise=summarise,
        reports=(REPORT.period_report(),),
    )
)


# ---------------------------------------------------------------------------------------------
# The publication log (register ``publications``)


def register_rows(start: dt.date | None, end: dt.date | None) -> Sequence[dict[str, str]]:
    query = rep.period_details(Publication, KEY, start, end)
    today = clock.today()
    rows: list[dict[str, str]] = []
    for pub in query:
        case: Case = pub.case
        rows.append(
            {
                "number": case.number,
                "received_on": rep.table_date(case.received_on),
                "unit": case.requester or "-",
                "title": case.title,
                "paperless": " ".join(
                    p
                    for p in (
                        pub.paperless_no,
                        rep.table_date(pub.paperless_date) if pub.paperless_date else "",
                    )
                    if p
                )
                or "-",
                "web": " ".join(p for p in (pub.menu, pub.url) if p) or "-",
                "published_on": rep.table_date(pub.published_on),
                "due_on": rep.table_date(case.due_on),
                "result": rep.result_text(case, today),
            }
        )
    return rows


REGISTER = declare_register(
    RegisterDef(
        name="publications",
        title=N_("ทะเบียนการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน"),
        columns=(
            RegisterColumn("number", N_("เลขที่"), 1.8, "center"),
            RegisterColumn("received_on", N_("วันที่รับ"), 1.45, "center"),
            RegisterColumn("unit", N_("หน่วยงาน"), 1.6),
            RegisterColumn("title", N_("เรื่อง"), 2.4),
            RegisterColumn("paperless", N_("บันทึก Paperless"), 1.6),
            RegisterColumn("web", N_("เมนู/URL"), 2.7),
            RegisterColumn("published_on", N_("วันที่เผยแพร่"), 1.45, "center"),
            RegisterColumn("due_on", N_("ครบกำหนด"), 1.45, "center"),
            RegisterColumn("result", N_("ผล"), 1.3, "center"),
        ),
        rows=register_rows,
        landscape=True,
    )
)


def _by_unit(query: Any) -> tuple[Any, Any, Any]:
    """Statistics per requesting unit (a case without a unit counts under "ไม่ระบุ")."""
    unit = Unit.alias("stat_unit")
    query = query.join(Publication, peewee.JOIN.LEFT_OUTER, on=(Publication.case == Case.id)).join(
        unit, peewee.JOIN.LEFT_OUTER, on=(unit.id == Publication.unit)
    )
    return query, Publication.unit, unit.name


STATISTICS = declare_cases(
    CaseFigures(KEY, order=10, dimensions=(Dimension("unit", N_("หน่วยงานที่ขอ"), _by_unit),))
)

__all__ = ["DEFINITION", "KEY", "REPORT", "STATISTICS", "Publication"]
