"""Process 3: providing external-quality-assessment data (การให้บริการข้อมูลสารสนเทศด้านการประเมิน
คุณภาพภายนอก). Deadline: 3 working days from receiving the request letter through Paperless.

1. the incoming letter is registered (organisation, parent body, contact, address, the delivery
   method asked for, Paperless number and date, purpose, scope); หน.ภทส. decides eligibility
   against the four criteria with reasons and assigns ICT staff (not eligible: staff tell the
   requester and the case ends);
2. staff prepare the data (attachments) and the cover note (บันทึกข้อความ);
3. หน.ภทส. checks, or sends back for rework;
4. the Deputy Director in charge approves and signs (recorded by staff), or sends back;
5. staff send the external letter (หนังสือภายนอก, numbered from the outgoing register) with the data
   by the method asked for;
6. staff record the result on the incoming letter and close; the summary report memo
   รายงานผลการอนุเคราะห์ข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก covers a period and the
   data-request log is the register ``data-requests``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import peewee

from models import clock, numbering
from models.base import Actor, VersionedModel
from models.engine import (
    Case,
    CaseResult,
    CaseStep,
    Deadline,
    DocumentRef,
    Field,
    FieldKind,
    GuardContext,
    Outcome,
    OutcomeKind,
    ProcessDef,
    Step,
    detail_of,
    get_process,
    received_on_field,
    register_process,
    send_back,
    staff_roles,
)
from models.engine import reporting as rep
from models.i18n import N_, _
from models.org import Signatory
from models.permissions import Role
from models.registers import RegisterColumn, RegisterDef, declare_register
from models.statistics import CaseFigures, Dimension, declare_cases
from reports.thaifmt import date_long

if TYPE_CHECKING:  # the document engine (ReportLab) loads when a document is printed
    from reports.letter import Letter
    from reports.memo import Memo, Paragraph, Table


KEY = "data_request"
DEADLINE_DAYS = 3

DELIVERY_METHODS: tuple[tuple[str, str], ...] = (
    ("email", N_("ไปรษณีย์อิเล็กทรอนิกส์ (อีเมล)")),
    ("post", N_("ไปรษณีย์")),
    ("pickup", N_("มารับด้วยตนเอง")),
)
DELIVERY_LABELS = dict(DELIVERY_METHODS)
DELIVERY_SHORT = {"email": N_("อีเมล"), "post": N_("ไปรษณีย์"), "pickup": N_("มารับเอง")}
CRITERIA = ("c_rules", "c_purpose", "c_scope", "c_owner")


class DataRequest(VersionedModel):
    """Process 3's own data, 1:1 with its case."""

    case = peewee.ForeignKeyField(Case, unique=True, on_delete="CASCADE")
    organisation = peewee.CharField(max_length=300, index=True)
    parent_body = peewee.CharField(max_length=300, default="")
    addressee = peewee.CharField(max_length=300, default="")  # เรียน ... on the letter
    contact_name = peewee.CharField(max_length=200, default="")
    contact_phone = peewee.CharField(max_length=100, default="")
    contact_email = peewee.CharField(max_length=200, default="")
    address = peewee.TextField(default="")
    delivery_method = peewee.CharField(max_length=16, default="email")
    paperless_no = peewee.CharField(max_length=64, default="")
    paperless_date = peewee.DateField(null=True)
    purpose = peewee.TextField(default="")
    scope = peewee.TextField(default="")
    c_rules = peewee.BooleanField(default=False)
    c_purpose = peewee.BooleanField(default=False)
    c_scope = peewee.BooleanField(default=False)
    c_owner = peewee.BooleanField(default=False)
    eligible = peewee.BooleanField(null=True)
    eligibility_reasons = peewee.TextField(default="")
    data_description = peewee.CharField(max_length=500, default="")
    cover_note = peewee.TextField(default="")
    signatory = peewee.ForeignKeyField(Signatory, null=True, on_delete="SET NULL")
    approved_on = peewee.DateField(null=True)
    letter_number_id = peewee.IntegerField(null=True)
    letter_no = peewee.CharField(max_length=100, default="", index=True)
    letter_date = peewee.DateField(null=True)
    sent_on = peewee.DateField(null=True, index=True)
    sent_method = peewee.CharField(max_length=16, default="")
    sent_ref = peewee.CharField(max_length=200, default="")
    contacted_on = peewee.DateField(null=True)
    contact_note = peewee.TextField(default="")
    summary = peewee.TextField(default="")


# ---------------------------------------------------------------------------------------------
# Rules


def contact_for_delivery(ctx: GuardContext) -> str | None:
    method = ctx.data.get("delivery_method")
    if method == "email" and not ctx.data.get("contact_email"):
        return _("ผู้ขอต้องการรับข้อมูลทางอีเมล กรุณากรอกอีเมลผู้ประสานงาน")
    if method == "post" and not ctx.data.get("address"):
        return _("ผู้ขอต้องการรับข้อมูลทางไปรษณีย์ กรุณากรอกที่อยู่สำหรับจัดส่ง")
    return None


def letter_not_after_receipt(ctx: GuardContext) -> str | None:
    letter = ctx.data.get("paperless_date")
    received = ctx.data.get("received_on") or ctx.case.received_on
    if letter and received and letter > received:
        return _("วันที่ของหนังสือขอข้อมูลต้องไม่หลังวันที่รับเรื่อง")
    return None


def record_eligible(ctx: GuardContext) -> None:
    ctx.detail_changes["eligible"] = True
    ctx.detail_changes["eligibility_reasons"] = ctx.comment


def record_not_eligible(ctx: GuardContext) -> None:
    ctx.detail_changes["eligible"] = False
    ctx.detail_changes["eligibility_reasons"] = ctx.comment


def method_as_asked(ctx: GuardContext) -> str | None:
    asked = ctx.detail.delivery_method if ctx.detail is not None else None
    used = ctx.data.get("sent_method")
    if asked and used and used != asked and not ctx.comment:
        return _("ส่งข้อมูลทาง{used} ซึ่งต่างจากที่ผู้ขอระบุ ({asked}) กรุณาระบุเหตุผลในหมายเหตุ").format(
            used=_(DELIVERY_LABELS.get(used, used)), asked=_(DELIVERY_LABELS.get(asked, asked))
        )
    return None


def sent_not_before_approval(ctx: GuardContext) -> str | None:
    sent = ctx.data.get("sent_on")
    approved = ctx.detail.approved_on if ctx.detail is not None else None
    if sent and approved and sent < approved:
        return _("วันที่ส่งหนังสือต้องไม่ก่อนวันที่รองผู้อำนวยการลงนาม")
    return None


def take_letter_number(ctx: GuardContext) -> None:
    """The external letter's number from the outgoing register, once (a resend keeps it)."""
    detail = ctx.detail
    if detail is None or detail.letter_number_id:
        return
    sent_on = ctx.data.get("sent_on") or clock.today()
    issued = numbering.take_number(
        ctx.actor,
        "outgoing_letter",
        on=sent_on,
        subject=_("ส่งข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอกให้ {org}").format(org=detail.organisation),
        owner_table=DataRequest._meta.table_name,
        owner_id=detail.id,
    )
    ctx.detail_changes.update(
        letter_number_id=issued.id, letter_no=issued.formatted, letter_date=sent_on
    )
    ctx.step_data["letter_no"] = issued.formatted


def summarise(case: Case, detail: Any) -> dict[str, Any]:
    return {"requester": str(detail.organisation) if detail is not None else ""}


# ---------------------------------------------------------------------------------------------
# The definition

STAFF = staff_roles()
HEAD = frozenset({Role.HEAD})

STEPS = (
    Step(
        "register",
        N_("รับหนังสือขอข้อมูล"),
        STAFF,
        actor_label=N_("เจ้าหน้าที่ ภทส. (รับหนังสือผ่าน Paperless)"),
        outcomes=(Outcome("register", OutcomeKind.DONE, N_("ลงทะเบียนรับหนังสือ")),),
        fields=(
            Field("title", N_("เรื่อง"), required=True, store="case.title"),
            Field("organisation", N_("หน่วยงานที่ขอข้อมูล"), required=True, store="organisation"),
            Field("parent_body", N_("หน่วยงานต้นสังกัด"), required=True, store="parent_body"),
            Field(
                "addressee",
                N_("เรียน (ตำแหน่งผู้รับหนังสือตอบ)"),
                required=True,
                store="addressee",
                help=N_("เช่น ผู้อำนวยการโรงเรียนบ้านหนองบัว"),
            ),
            Field("contact_name", N_("ผู้ประสานงาน"), store="contact_name"),
            Field("contact_phone", N_("โทรศัพท์"), store="contact_phone"),
            Field("contact_email", N_("อีเมล"), FieldKind.EMAIL, store="contact_email"),
            Field("address", N_("ที่อยู่"), FieldKind.LONG_TEXT, store="address"),
            Field(
                "delivery_method",
                N_("ช่องทางรับข้อมูลที่ขอ"),
                FieldKind.CHOICE,
                required=True,
                store="delivery_method",
                choices=DELIVERY_METHODS,
            ),
            Field("paperless_no", N_("เลขที่หนังสือ (Paperless)"), required=True, store="paperless_no"),
            Field(
                "paperless_date", N_("ลงวันที่"), FieldKind.DATE, required=True, store="paperless_date"
            ),
            received_on_field(N_("วันที่รับหนังสือ"), help=N_("นับกำหนด 3 วันทำการจากวันนี้ (ไม่นับวันรับ)")),
            Field(
                "purpose",
                N_("วัตถุประสงค์การใช้ข้อมูล"),
                FieldKind.LONG_TEXT,
                required=True,
                store="purpose",
            ),
            Field("scope", N_("ขอบเขตข้อมูลที่ขอ"), FieldKind.LONG_TEXT, required=True, store="scope"),
            Field("request_letter", N_("หนังสือขอข้อมูล (ไฟล์)"), FieldKind.FILES),
        ),
        guards=(contact_for_delivery, letter_not_after_receipt),
        documents=(DocumentRef(N_("หนังสือรับเข้า (Paperless)"), "in"),),
    ),
    Step(
        "eligibility",
        N_("พิจารณาคุณสมบัติการขอข้อมูล"),
        HEAD,
        actor_label=N_("หน.ภทส."),
        fields=(
            Field(
                "c_rules",
                N_("เป็นไปตามระเบียบของสำนักงาน/พ.ร.บ.ข้อมูลข่าวสารของราชการ"),
                FieldKind.BOOL,
                store="c_rules",
            ),
            Field(
                "c_purpose", N_("วัตถุประสงค์การนำข้อมูลไปใช้เหมาะสม"), FieldKind.BOOL, store="c_purpose"
            ),
            Field("c_scope", N_("ขอบเขตข้อมูลที่ขอเหมาะสม"), FieldKind.BOOL, store="c_scope"),
            Field(
                "c_owner",
                N_("ตรวจสอบหน่วยงานต้นสังกัดและเจ้าของข้อมูลแล้ว"),
                FieldKind.BOOL,
                store="c_owner",
            ),
            Field(
                "assignee",
                N_("มอบหมายเจ้าหน้าที่"),
                FieldKind.USER,
                store="case.assignee_id",
                roles=STAFF,
            ),
        ),
        outcomes=(
            Outcome(
                "eligible",
                OutcomeKind.APPROVED,
                N_("เข้าเงื่อนไข มอบหมายเจ้าหน้าที่ดำเนินการ"),
                requires=(*CRITERIA, "assignee"),
                comment_label=N_("ความเห็น/ข้อสั่งการ"),
                effects=(record_eligible,),
            ),
            Outcome(
                "not_eligible",
                OutcomeKind.NOT_APPROVED,
                N_("ไม่เข้าเงื่อนไข ให้แจ้งผู้ขอ"),
                target="inform",
                requires=("assignee",),
                comment_label=N_("เหตุผลที่ไม่อนุเคราะห์ข้อมูล"),
                effects=(record_not_eligible,),
            ),
        ),
        documents=(DocumentRef(N_("หนังสือรับเข้า (สั่งการใน Paperless)"), "in"),),
    ),
    Step(
        "prepare",
        N_("จัดเตรียมข้อมูลและบันทึกนำเสนอ"),
        STAFF,
        actor_label=N_("เจ้าหน้าที่งานระบบสนับสนุน"),
        assignee_holds=True,
        fields=(
            Field("data_files", N_("ข้อมูลที่จัดเตรียม"), FieldKind.FILES, required=True),
            Field(
                "data_description",
                N_("รายการข้อมูลที่จัดส่ง"),
                required=True,
                store="data_description",
                help=N_("พิมพ์ในหนังสือเป็น “สิ่งที่ส่งมาด้วย”"),
            ),
            Field(
                "cover_note",
                N_("ข้อความเพิ่มเติมในบันทึกนำเสนอ"),
                FieldKind.LONG_TEXT,
                store="cover_note",
            ),
        ),
        outcomes=(Outcome("done", OutcomeKind.DONE, N_("เสนอ หน.ภทส. ตรวจสอบ")),),
        documents=(
            DocumentRef(N_("บันทึกข้อความนำเสนอ"), "out", printable="cover_note"),
            DocumentRef(N_("ร่างหนังสือภายนอก"), "out", printable="letter"),
            DocumentRef(N_("ข้อมูลที่จัดเตรียม"), "out"),
        ),
    ),
    Step(
        "check",
        N_("ตรวจสอบข้อมูลและบันทึก"),
        HEAD,
        actor_label=N_("หน.ภทส."),
        outcomes=(
            Outcome("approve", OutcomeKind.APPROVED, N_("ถูกต้อง เสนอรองผู้อำนวยการ")),
            send_back(
                "send_back",
                N_("ส่งกลับแก้ไข"),
                target="prepare",
                comment_label=N_("สิ่งที่ต้องแก้ไข"),
            ),
        ),
        documents=(DocumentRef(N_("บันทึกข้อความนำเสนอและข้อมูล"), "in"),),
    ),
    Step(
        "deputy",
        N_("รองผู้อำนวยการ (ในกำกับ) อนุมัติและลงนาม"),
        STAFF | HEAD,
        actor_label=N_("รองผู้อำนวยการ (ในกำกับ) — เจ้าหน้าที่บันทึกผล"),
        assignee_holds=True,
        fields=(
            Field("signatory", N_("ผู้ลงนาม"), FieldKind.SIGNATORY, required=True, store="signatory"),
            Field(
                "approved_on",
                N_("วันที่ลงนาม"),
                FieldKind.DATE,
                required=True,
                store="approved_on",
                default_today=True,
            ),
        ),
        outcomes=(
            Outcome("signed", OutcomeKind.APPROVED, N_("อนุมัติและลงนามแล้ว")),
            send_back(
                "send_back",
                N_("ให้แก้ไข (ส่งกลับเจ้าหน้าที่)"),
                target="prepare",
                comment_label=N_("สิ่งที่รองผู้อำนวยการให้แก้ไข"),
            ),
        ),
        documents=(DocumentRef(N_("หนังสือภายนอก (ลงนามแล้ว)"), "out", printable="letter"),),
    ),
    Step(
        "send",
        N_("ส่งหนังสือภายนอกพร้อมข้อมูล"),
        STAFF,
        actor_label=N_("เจ้าหน้าที่งานระบบสนับสนุน"),
        assignee_holds=True,
        fields=(
            Field(
                "sent_on",
                N_("วันที่ส่ง"),
                FieldKind.DATE,
                required=True,
                store="sent_on",
                default_today=True,
            ),
            Field(
                "sent_method",
                N_("ช่องทางที่ส่ง"),
                FieldKind.CHOICE,
                required=True,
                store="sent_method",
                choices=DELIVERY_METHODS,
                default_from="delivery_method",
            ),
            Field(
                "sent_ref",
                N_("หลักฐานการส่ง"),
                store="sent_ref",
                help=N_("เช่น อีเมลที่ส่ง เลขพัสดุ หรือชื่อผู้มารับ"),
            ),
        ),
        guards=(method_as_asked, sent_not_before_approval),
        outcomes=(
            Outcome(
                "sent",
                OutcomeKind.DONE,
                N_("ส่งแล้ว (ออกเลขหนังสือส่ง)"),
                effects=(take_letter_number,),
            ),
        ),
        documents=(
            DocumentRef(N_("หนังสือภายนอก"), "out", printable="letter"),
            DocumentRef(N_("ข้อมูลที่ส่ง"), "out"),
        ),
    ),
    Step(
        "close",
        N_("บันทึกผลและสรุป"),
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
        documents=(
            DocumentRef(N_("บันทึกผลบนหนังสือรับเข้า (Paperless)"), "out"),
            DocumentRef(N_("รายงานผลการอนุเคราะห์ข้อมูลสารสนเทศ"), "out"),
        ),
    ),
    Step(
        "inform",
        N_("แจ้งผู้ขอว่าไม่อนุเคราะห์ข้อมูล"),
        STAFF,
        actor_label=N_("เจ้าหน้าที่ ภทส."),
        assignee_holds=True,
        fields=(
            Field(
                "contacted_on",
                N_("วันที่แจ้งผู้ขอ"),
                FieldKind.DATE,
                required=True,
                store="contacted_on",
                default_today=True,
            ),
            Field(
                "contact_note",
                N_("วิธีการและผลการแจ้ง"),
                FieldKind.LONG_TEXT,
                required=True,
                store="contact_note",
            ),
        ),
        outcomes=(
            Outcome(
                "informed",
                OutcomeKind.END,
                N_("แจ้งผู้ขอแล้ว ปิดเรื่อง"),
                result=CaseResult.REFUSED,
            ),
        ),
    ),
)


# ---------------------------------------------------------------------------------------------
# Documents of a case


def _detail(case: Case) -> DataRequest:
    row: DataRequest = detail_of(get_process(KEY), case)
    return row


def _request_ref(detail: DataRequest, thai: bool) -> str:
    when = date_long(detail.paperless_date, thai=thai) if detail.paperless_date else "-"
    return _("หนังสือ{org} ที่ {no} ลงวันที่ {date}").format(
        org=detail.organisation, no=detail.paperless_no, date=when
    )


def external_letter(actor: Actor | None, case: Case) -> Letter:
    """The หนังสือภายนอก that sends the data; numbered once sent (a draft before). Printed
    through the case's printable, which checks first."""
    from reports.letter import Contact, Letter
    from reports.memo import Paragraph

    detail = _detail(case)
    paper = rep.office_paper()
    thai = paper.thai_digits
    signer: Signatory | None = (
        Signatory.get_or_none(Signatory.id == detail.__data__.get("signatory"))
        if detail.__data__.get("signatory")
        else None
    )
    delivery = {
        "email": _("ทางไปรษณีย์อิเล็กทรอนิกส์ถึง {email}").format(email=detail.contact_email),
        "post": _("มาพร้อมหนังสือนี้"),
        "pickup": _("ให้ผู้ประสานงานของท่านมารับได้ที่ {who}").format(
            who=paper.mission_short or paper.mission or paper.org_name
        ),
    }.get(str(detail.sent_method or detail.delivery_method), "")
    body: list[Paragraph | Table] = [
        Paragraph(
            _("ตามหนังสือที่อ้างถึง ขอความอนุเคราะห์ข้อมูล{scope} เพื่อ{purpose} นั้น").format(
                scope=detail.scope, purpose=detail.purpose
            )
        ),
        Paragraph(
            _(
                "สำนักงานพิจารณาแล้ว ขอส่งข้อมูลดังกล่าว{delivery} ทั้งนี้ ขอให้ใช้ข้อมูลตามวัตถุประสงค์ที่แจ้งเท่านั้น"
            ).format(delivery=delivery)
        ),
        Paragraph(_("จึงเรียนมาเพื่อโปรดทราบ")),
    ]
    number = str(detail.letter_no or "") or _letter_draft_number()
    return Letter(
        number=number,
        agency=paper.org_name,
        address=paper.address,
        date=detail.letter_date or detail.approved_on or clock.today(),
        subject=_("ส่งข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก"),
        recipient=str(detail.addressee or detail.organisation),
        references=[_request_ref(detail, thai)],
        enclosures=[str(detail.data_description or _("ข้อมูลตามที่ขอ"))],
        body=body,
        signer_name=str(signer.full_name) if signer else "",
        signer_position=str(signer.position or signer.title) if signer else "",
        contact=Contact(
            unit=paper.mission or paper.org_name,
            phone=paper.phone,
            fax=paper.fax,
            email=paper.email,
        ),
        **paper.letter_options(),
    )


def _letter_draft_number() -> str:
    prefix = str(numbering.series("outgoing_letter").prefix or "")
    return f"{prefix}/" if prefix else ""


def cover_note(actor: Actor | None, case: Case) -> Memo:
    """The บันทึกข้อความ that puts the letter and the data before the Deputy Director. Printed
    through the case's printable, which checks first."""
    from reports.memo import Paragraph

    detail = _detail(case)
    paper = rep.office_paper()
    thai = paper.thai_digits
    who = paper.mission_short or paper.mission
    staff = rep.person_of(case.assignee_id) or rep.actor_person(actor)
    body: list[Paragraph | Table] = [
        Paragraph(
            _("ตาม{ref} ขอความอนุเคราะห์ข้อมูล{scope} เพื่อ{purpose} ความละเอียดแจ้งแล้ว นั้น").format(
                ref=_request_ref(detail, thai), scope=detail.scope, purpose=detail.purpose
            )
        ),
        Paragraph(
            _(
                "{who} ได้พิจารณาแล้ว เป็นไปตามระเบียบของสำนักงานและพระราชบัญญัติข้อมูลข่าวสารของราชการ "
                "และได้จัดเตรียมข้อมูล ได้แก่ {data} เรียบร้อยแล้ว"
            ).format(who=who, data=detail.data_description)
            if str(detail.data_description or "").strip()
            # nothing recorded yet: no "ได้แก่ -", the sentence says what was asked for
            else _(
                "{who} ได้พิจารณาแล้ว เป็นไปตามระเบียบของสำนักงานและพระราชบัญญัติข้อมูลข่าวสารของราชการ "
                "และได้จัดเตรียมข้อมูลตามที่ขอเรียบร้อยแล้ว"
            ).format(who=who)
        ),
    ]
    if detail.cover_note:
        body.append(Paragraph(str(detail.cover_note)))
    body.append(
        Paragraph(
            _(
                "จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบ ขอได้โปรดลงนามในหนังสือถึง{addressee} ที่แนบมาพร้อมนี้"
            ).format(addressee=detail.addressee or detail.organisation)
        )
    )
    deputy = (
        Signatory.select()
        .where((Signatory.active == True) & Signatory.title.contains("รอง"))  # noqa: E712
        .order_by(Signatory.sort_order)
        .first()
    )
    return rep.office_memo(
        subject=_("ขอส่งข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอกให้{org}").format(org=detail.organisation),
        recipient=str(deputy.title) if deputy else _("รองผู้อำนวยการ"),
        body=body,
        signer=staff,
        paper=paper,
        date=_cover_note_date(case),
    )


def _cover_note_date(case: Case) -> dt.date | None:
    """The day the data and the note were last put forward (a reprint keeps the memo's date);
    None (today) while the staff member is still preparing them."""
    if case.status == "open" and case.current_step == "prepare":
        return None
    last = (
        CaseStep.select(CaseStep.on_date)
        .where(
            (CaseStep.case == case.id) & (CaseStep.step == "prepare") & (CaseStep.outcome == "done")
        )
        .order_by(CaseStep.at.desc(), CaseStep.id.desc())
        .first()
    )
    return last.on_date if last is not None else None


def _eligible(case: Case, detail: Any) -> bool:
    return detail is not None and detail.eligible is True


# ---------------------------------------------------------------------------------------------
# The summary report memo for a period


def _report_row(case: Case, d: DataRequest | None, today: dt.date) -> list[str]:
    eligible = (
        "-"
        if d is None or d.eligible is None
        else (_("อนุเคราะห์") if d.eligible else _("ไม่อนุเคราะห์"))
    )
    sent = "-"
    if d is not None and d.letter_no:
        sent = _("{number} ส่ง {day}").format(number=d.letter_no, day=rep.table_date(d.sent_on))
    return [
        case.number,
        rep.table_date(case.received_on),
        case.requester or "-",
        eligible,
        sent,
        rep.result_text(case, today),
    ]


REPORT = rep.CaseReportMemo(
    key="report_memo",
    label=N_("รายงานผลการอนุเคราะห์ข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก"),
    process=KEY,
    intro=N_(
        "ตามที่ {who} มีหน้าที่ให้บริการข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอกแก่หน่วยงานภายนอก "
        "ให้แล้วเสร็จภายใน {days} วันทำการนับจากวันที่ได้รับหนังสือขอความอนุเคราะห์ นั้น"
    ),
    summary=N_(
        "{who} ขอรายงานผลการให้บริการ{period} มีหนังสือขอความอนุเคราะห์ข้อมูลทั้งสิ้น {total} เรื่อง "
        "ดำเนินการแล้วเสร็จ {completed} เรื่อง (อนุเคราะห์ข้อมูล {served} เรื่อง "
        "ไม่เข้าเงื่อนไขและแจ้งผู้ขอแล้ว {refused} เรื่อง) แล้วเสร็จภายในกำหนด {on_time} เรื่อง "
        "คิดเป็นร้อยละ {rate} ของเรื่องที่แล้วเสร็จ เกินกำหนด {late} เรื่อง "
        "และอยู่ระหว่างดำเนินการ {open} เรื่อง รายละเอียดดังตารางต่อไปนี้"
    ),
    columns=(
        rep.ReportColumn(N_("เลขที่"), 2.7, "center"),
        rep.ReportColumn(N_("วันที่รับ"), 2.4, "center"),
        rep.ReportColumn(N_("หน่วยงานที่ขอ"), 3.4),
        rep.ReportColumn(N_("ผลการพิจารณา"), 2.3, "center"),
        rep.ReportColumn(N_("หนังสือส่ง"), 2.4, "center"),
        rep.ReportColumn(N_("ผลการดำเนินงาน"), 2.8, "center"),
    ),
    row=_report_row,
    empty=N_("ไม่มีหนังสือขอข้อมูลในช่วงเวลานี้"),
    empty_column=2,
    file_name="รายงานผลการอนุเคราะห์ข้อมูล",
)


DEFINITION = register_process(
    ProcessDef(
        key=KEY,
        label=N_("ให้บริการข้อมูลสารสนเทศ"),
        short_label=N_("ให้บริการข้อมูล"),
        manual_ref=N_("การให้บริการข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก"),
        steps=STEPS,
        deadline=Deadline(days=DEADLINE_DAYS),
        detail_model=DataRequest,
        number_prefix="ขข.",
        summarise=summarise,
        extra_labels=(("letter_no", N_("เลขที่หนังสือส่ง")),),
        printables=(
            rep.case_document(
                "cover_note",
                N_("บันทึกข้อความนำเสนอ"),
                _eligible,
                cover_note,
                "บันทึกนำเสนอ",
                N_("เรื่องนี้ยังไม่ได้รับอนุมัติให้อนุเคราะห์ข้อมูล จึงยังพิมพ์บันทึกนำเสนอไม่ได้"),
            ),
            rep.case_document(
                "letter",
                N_("หนังสือภายนอกส่งข้อมูล"),
                _eligible,
                external_letter,
                "หนังสือส่งข้อมูล",
                N_("เรื่องนี้ยังไม่ได้รับอนุมัติให้อนุเคราะห์ข้อมูล จึงยังพิมพ์หนังสือตอบไม่ได้"),
            ),
        ),
        reports=(REPORT.period_report(),),
    )
)


# ---------------------------------------------------------------------------------------------
# The data-request log (register ``data-requests``)


def register_rows(start: dt.date | None, end: dt.date | None) -> Sequence[dict[str, str]]:
    query = rep.period_details(DataRequest, KEY, start, end)
    today = clock.today()
    rows: list[dict[str, str]] = []
    for d in query:
        case: Case = d.case
        rows.append(
            {
                "number": case.number,
                "received_on": rep.table_date(case.received_on),
                "organisation": d.organisation,
                "parent_body": d.parent_body or "-",
                "purpose": d.purpose or "-",
                "eligible": "-"
                if d.eligible is None
                else (_("อนุเคราะห์") if d.eligible else _("ไม่อนุเคราะห์")),
                "letter": d.letter_no or "-",
                "sent": " ".join(
                    p
                    for p in (
                        rep.table_date(d.sent_on) if d.sent_on else "",
                        _(DELIVERY_SHORT.get(d.sent_method, "")) if d.sent_method else "",
                    )
                    if p
                )
                or "-",
                "due_on": rep.table_date(case.due_on),
                "result": rep.result_text(case, today),
            }
        )
    return rows


REGISTER = declare_register(
    RegisterDef(
        name="data-requests",
        title=N_("ทะเบียนการให้บริการข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก"),
        columns=(
            RegisterColumn("number", N_("เลขที่"), 1.8, "center"),
            RegisterColumn("received_on", N_("วันที่รับ"), 1.4, "center"),
            RegisterColumn("organisation", N_("หน่วยงานที่ขอ"), 1.9),
            RegisterColumn("parent_body", N_("ต้นสังกัด"), 1.7),
            RegisterColumn("purpose", N_("วัตถุประสงค์"), 2.0),
            RegisterColumn("eligible", N_("ผลการพิจารณา"), 1.65, "center"),
            RegisterColumn("letter", N_("หนังสือส่งที่"), 1.3, "center"),
            RegisterColumn("sent", N_("วันที่/ช่องทางส่ง"), 1.5, "center"),
            RegisterColumn("due_on", N_("ครบกำหนด"), 1.4, "center"),
            RegisterColumn("result", N_("ผล"), 1.3, "center"),
        ),
        rows=register_rows,
        landscape=True,
    )
)


def _by_organisation(query: Any) -> tuple[Any, Any, Any]:
    """Statistics per requesting organisation (an external body: its name as recorded)."""
    query = query.join(DataRequest, peewee.JOIN.LEFT_OUTER, on=(DataRequest.case == Case.id))
    return query, DataRequest.organisation, DataRequest.organisation


STATISTICS = declare_cases(
    CaseFigures(KEY, order=30, dimensions=(Dimension("unit", N_("หน่วยงานที่ขอ"), _by_organisation),))
)
