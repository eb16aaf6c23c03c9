"""The office and the people and bodies around it: the organisation, its work groups, the units that
ask for service, named signatories, committees and their members, and vendors."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

import peewee

from models.base import VersionedModel
from models.i18n import N_

# Labels people see, for messages about a value that does not fit its column (models.records).
FIELD_LABELS: dict[str, str] = {
    "name": N_("ชื่อ"),
    "short_name": N_("ชื่อย่อ"),
    "phone": N_("โทรศัพท์"),
    "email": N_("อีเมล"),
    "address": N_("ที่อยู่"),
    "contact_person": N_("ผู้ติดต่อ"),
    "tax_id": N_("เลขประจำตัวผู้เสียภาษี"),
    "title": N_("ตำแหน่งที่ลงนาม"),
    "full_name": N_("ชื่อ-นามสกุล"),
    "position": N_("ตำแหน่ง"),
    "branch": N_("สำนักงานใหญ่/สาขา"),
    "mailing_address": N_("ที่อยู่สำหรับติดต่อ"),
    "bank_name": N_("ธนาคาร"),
    "bank_account_no": N_("เลขที่บัญชี"),
    "bank_account_name": N_("ชื่อบัญชี"),
}


class Organisation(VersionedModel):
    """The agency's details printed on documents (one row)."""

    field_labels: ClassVar[dict[str, str]] = FIELD_LABELS
    name = peewee.CharField(
        max_length=300
    )  # สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา (องค์การมหาชน)
    short_name = peewee.CharField(max_length=50, default="")  # สมศ.
    division = peewee.CharField(max_length=300, default="")  # สำนักสนับสนุนการปฏิบัติงาน
    mission = peewee.CharField(max_length=300, default="")  # ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร
    mission_short = peewee.CharField(max_length=50, default="")  # ภทส.
    address = peewee.TextField(default="")
    phone = peewee.CharField(max_length=100, default="")
    fax = peewee.CharField(max_length=100, default="")
    email = peewee.CharField(max_length=200, default="")
    website = peewee.CharField(max_length=200, default="")
    # Attachment id of the office's own emblem image; none = the neutral placeholder.
    emblem_attachment_id = peewee.IntegerField(null=True)
    is_demo = peewee.BooleanField(default=False)


class WorkGroupCode(StrEnum):
    SUPPORT = "support"  # งานระบบสนับสนุน (จรส.)
    EVALUATION = "evaluation"  # งานระบบการประเมิน (จรป.)


class WorkGroup(VersionedModel):
    code = peewee.CharField(max_length=32, unique=True)
    name = peewee.CharField(max_length=200)
    short_name = peewee.CharField(max_length=50, default="")


class Unit(VersionedModel):
    """A requesting unit inside the agency (หน่วยงานที่ขอรับบริการ)."""

    field_labels: ClassVar[dict[str, str]] = FIELD_LABELS
    name = peewee.CharField(max_length=300, unique=True)
    short_name = peewee.CharField(max_length=50, default="")
    phone = peewee.CharField(max_length=100, default="")
    email = peewee.CharField(max_length=200, default="")
    active = peewee.BooleanField(default=True)


class Signatory(VersionedModel):
    """A named person who signs or approves on a step but does not log in (e.g. the Director)."""

    field_labels: ClassVar[dict[str, str]] = FIELD_LABELS
    title = peewee.CharField(max_length=200)  # ผู้อำนวยการ, รองผู้อำนวยการ (ในกำกับ)
    full_name = peewee.CharField(max_length=200)
    position = peewee.CharField(max_length=300, default="")  # printed under the name
    signature_attachment_id = peewee.IntegerField(null=True)
    sort_order = peewee.IntegerField(default=0)
    active = peewee.BooleanField(default=True)


class CommitteeKind(StrEnum):
    SCOPE = "scope"  # คณะกรรมการจัดทำขอบเขตของงาน
    PROCUREMENT = "procurement"  # คณะกรรมการจัดซื้อจัดจ้าง
    INSPECTION = "inspection"  # คณะกรรมการตรวจรับพัสดุ
    # The ข้อ ๒๕ procurement committees by method: the overlap ban of ข้อ ๒๖ names three of them.
    EBIDDING = "ebidding"  # คณะกรรมการพิจารณาผลการประกวดราคาอิเล็กทรอนิกส์
    PRICE_QUOTATION = "price_quotation"  # คณะกรรมการพิจารณาผลการสอบราคา
    SELECTION = "selection"  # คณะกรรมการซื้อหรือจ้างโดยวิธีคัดเลือก
    SPECIFIC = "specific"  # คณะกรรมการซื้อหรือจ้างโดยวิธีเฉพาะเจาะจง
    OTHER = "other"


COMMITTEE_KIND_LABELS = {
    CommitteeKind.SCOPE: N_("คณะกรรมการจัดทำขอบเขตของงาน"),
    CommitteeKind.PROCUREMENT: N_("คณะกรรมการจัดซื้อจัดจ้าง"),
    CommitteeKind.INSPECTION: N_("คณะกรรมการตรวจรับพัสดุ"),
    CommitteeKind.EBIDDING: N_("คณะกรรมการพิจารณาผลการประกวดราคาอิเล็กทรอนิกส์"),
    CommitteeKind.PRICE_QUOTATION: N_("คณะกรรมการพิจารณาผลการสอบราคา"),
    CommitteeKind.SELECTION: N_("คณะกรรมการซื้อหรือจ้างโดยวิธีคัดเลือก"),
    CommitteeKind.SPECIFIC: N_("คณะกรรมการซื้อหรือจ้างโดยวิธีเฉพาะเจาะจง"),
    CommitteeKind.OTHER: N_("คณะกรรมการอื่น"),
}


class CommitteeRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"
    SECRETARY = "secretary"


COMMITTEE_ROLE_LABELS = {
    CommitteeRole.CHAIR: N_("ประธานกรรมการ"),
    CommitteeRole.MEMBER: N_("กรรมการ"),
    CommitteeRole.SECRETARY: N_("กรรมการและเลขานุการ"),
}


class Committee(VersionedModel):
    name = peewee.CharField(max_length=300)
    kind = peewee.CharField(max_length=32, default=CommitteeKind.OTHER)
    order_ref = peewee.CharField(max_length=200, default="")  # คำสั่งแต่งตั้ง
    appointed_on = peewee.DateField(null=True)
    active = peewee.BooleanField(default=True)
    # The case (procurement project) the committee serves, any process's ``work_case`` id; the
    # overlap ban of PROCUREMENT.md §2.4 compares committees of the same case.
    case_id = peewee.IntegerField(null=True, index=True)
    due_on = peewee.DateField(null=True)  # the time limit the head set (ข้อ ๒๑)
    duties = peewee.TextField(default="")  # อำนาจหน้าที่

    if TYPE_CHECKING:
        members: peewee.ModelSelect[CommitteeMember]


class CommitteeMember(VersionedModel):
    committee = peewee.ForeignKeyField(Committee, backref="members", on_delete="CASCADE")
    full_name = peewee.CharField(max_length=200)
    position = peewee.CharField(max_length=300, default="")
    role = peewee.CharField(max_length=32, default=CommitteeRole.MEMBER)
    user_id = peewee.IntegerField(null=True)  # when the member is also an app user
    sort_order = peewee.IntegerField(default=0)
    is_expert = peewee.BooleanField(default=False)  # ผู้เชี่ยวชาญ/ผู้ทรงคุณวุฒิ
    # The member's แบบแสดงความบริสุทธิ์ใจ (F18): when signed, and any interest declared with a
    # bidder or contractor (a member with one must leave the committee).
    declared_on = peewee.DateField(null=True)
    has_interest = peewee.BooleanField(default=False)
    declaration_note = peewee.TextField(default="")


class Vendor(VersionedModel):
    """A company the office buys from or contracts with (ผู้รับจ้าง / ผู้ขาย)."""

    field_labels: ClassVar[dict[str, str]] = FIELD_LABELS
    name = peewee.CharField(max_length=300, unique=True)
    tax_id = peewee.CharField(max_length=20, default="")
    address = peewee.TextField(default="")
    phone = peewee.CharField(max_length=100, default="")
    email = peewee.CharField(max_length=200, default="")
    contact_person = peewee.CharField(max_length=200, default="")
    active = peewee.BooleanField(default=True)
    # ผู้ประกอบการ details for contracts and direct payment (PROCUREMENT.md §3.2).
    branch = peewee.CharField(max_length=100, default="")  # สำนักงานใหญ่ / สาขาที่ ...
    mailing_address = peewee.TextField(default="")  # ที่อยู่สำหรับติดต่อ/ส่งเอกสาร
    bank_name = peewee.CharField(max_length=200, default="")
    bank_account_no = peewee.CharField(max_length=50, default="")
    bank_account_name = peewee.CharField(max_length=200, default="")


def organisation() -> Organisation:
    """The office's details; a blank record before setup has filled them in."""
    org = Organisation.select().order_by(Organisation.id).first()
    return org if org is not None else Organisation(name="", is_demo=False)
