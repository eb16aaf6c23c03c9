"""Repair tickets' own records (process 2): the ticket table and its categories, what the loaner
rule and the loan register note on a ticket, and opening a ticket on the engine. The process's
definition, its steps, lists and printables are in ``models.support.tickets``, which builds on this
module; loans, maintenance, the service-problem register and the asset history need only this."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import peewee

from models import clock, records
from models.base import Actor, VersionedModel
from models.engine import Case, NewFile
from models.engine import core as engine_core
from models.errors import ValidationError
from models.i18n import N_, _
from models.org import Unit, Vendor
from models.permissions import Permission, require
from models.support.assets import Asset
from models.write_lock import write_transaction

PROCESS_KEY = "support"


LOANER_THRESHOLD_DAYS = 1  # the manual: "more than 1 working day" needs a replacement machine


MAX_CATEGORY_DAYS = 3  # the manual: 1 to 3 working days by case


class TicketCategory(VersionedModel):
    """What kind of problem; its ``days`` set the deadline of tickets registered under it."""

    name = peewee.CharField(max_length=200, unique=True)
    days = peewee.IntegerField(default=1)
    description = peewee.TextField(default="")
    active = peewee.BooleanField(default=True)
    sort_order = peewee.IntegerField(default=0)


DEFAULT_CATEGORIES: tuple[tuple[str, int, str], ...] = (
    ("บัญชีผู้ใช้และรหัสผ่าน", 1, "ลืมรหัสผ่าน บัญชีถูกล็อก ขอสิทธิ์เข้าใช้ระบบ"),
    ("เครือข่ายและอินเทอร์เน็ต", 1, "เชื่อมต่อเครือข่ายไม่ได้ อินเทอร์เน็ตช้า Wi-Fi"),
    ("ซอฟต์แวร์และโปรแกรม", 2, "ติดตั้ง/แก้ไขโปรแกรม ไวรัส ระบบปฏิบัติการ"),
    ("เครื่องพิมพ์และอุปกรณ์ต่อพ่วง", 2, "เครื่องพิมพ์ สแกนเนอร์ จอภาพ เมาส์ แป้นพิมพ์"),
    ("ฮาร์ดแวร์คอมพิวเตอร์", 3, "เครื่องเปิดไม่ติด ฮาร์ดดิสก์ หน่วยความจำ อุปกรณ์ภายในเสีย"),
)


class DocKind:
    MEMO = "memo"
    NOTE = "note"


DOC_KIND_CHOICES = ((DocKind.MEMO, N_("บันทึกข้อความ")), (DocKind.NOTE, N_("บันทึกเล็ก")))


class RepairResult:
    FIXED = "fixed"
    REPLACED = "replaced"
    VENDOR = "vendor"
    NOT_FIXABLE = "not_fixable"
    ADVICE = "advice"


REPAIR_RESULT_CHOICES = (
    (RepairResult.FIXED, N_("แก้ไขเรียบร้อย ใช้งานได้ตามปกติ")),
    (RepairResult.REPLACED, N_("เปลี่ยนอุปกรณ์/ชิ้นส่วนแล้วใช้งานได้")),
    (RepairResult.VENDOR, N_("ส่งซ่อมผู้รับจ้างภายนอกแล้วใช้งานได้")),
    (RepairResult.ADVICE, N_("ให้คำแนะนำการใช้งาน")),
    (RepairResult.NOT_FIXABLE, N_("ซ่อมไม่ได้ เสนอจำหน่าย/จัดหาทดแทน")),
)


class RepairTicket(VersionedModel):
    case = peewee.ForeignKeyField(Case, unique=True, on_delete="CASCADE")
    paperless_no = peewee.CharField(max_length=100, default="")
    paperless_date = peewee.DateField(null=True)
    doc_kind = peewee.CharField(max_length=16, default=DocKind.MEMO)
    unit = peewee.ForeignKeyField(Unit, null=True, on_delete="SET NULL", index=True)
    requester_name = peewee.CharField(max_length=200, default="")
    requester_phone = peewee.CharField(max_length=100, default="")
    asset = peewee.ForeignKeyField(Asset, null=True, on_delete="SET NULL", index=True)
    category = peewee.ForeignKeyField(TicketCategory, on_delete="RESTRICT", index=True)
    description = peewee.TextField(default="")
    # The deadline copied from the category at registration (see the module's docstring).
    deadline_days = peewee.IntegerField(null=True)
    deadline_category = peewee.IntegerField(null=True)
    estimate_days = peewee.IntegerField(null=True)
    loaner_waiver = peewee.TextField(default="")  # why no loaner is needed (a head's reason)
    loaner_waived_by = peewee.IntegerField(null=True)
    loaner_waived_on = peewee.DateField(null=True)
    cause = peewee.TextField(default="")
    work_done = peewee.TextField(default="")
    parts = peewee.TextField(default="")
    cost = peewee.DecimalField(max_digits=12, decimal_places=2, null=True)
    outside_vendor = peewee.ForeignKeyField(Vendor, null=True, on_delete="SET NULL")
    repair_result = peewee.CharField(max_length=32, default="")
    repaired_on = peewee.DateField(null=True)
    notified_on = peewee.DateField(null=True)
    reply_no = peewee.CharField(max_length=100, default="")
    # Lower-cased, Arabic-digit text of number, subject, requester, unit, asset, Paperless no.
    search_text = peewee.TextField(default="")

    if TYPE_CHECKING:
        case_id: int
        unit_id: int | None
        asset_id: int | None
        category_id: int
        outside_vendor_id: int | None


def ensure_default_categories() -> None:
    if TicketCategory.select().exists():
        return
    try:
        with write_transaction():
            for order, (name, days, description) in enumerate(DEFAULT_CATEGORIES):
                records.create(
                    None,
                    TicketCategory,
                    name=name,
                    days=days,
                    description=description,
                    sort_order=order,
                )
    except peewee.IntegrityError:
        pass  # another workstation added them at the same moment


def categories(*, active_only: bool = True) -> list[TicketCategory]:
    ensure_default_categories()
    query = TicketCategory.select()
    if active_only:
        query = query.where(TicketCategory.active == True)  # noqa: E712
    return list(query.order_by(TicketCategory.sort_order, TicketCategory.name))


def save_category(
    actor: Actor | None,
    category: TicketCategory | None,
    *,
    expected_version: int | None = None,
    **values: Any,
) -> TicketCategory:
    """Add or edit a ticket category (office reference data: heads and administrators)."""
    require(actor, Permission.MANAGE_OFFICE)
    merged = {**(category.__data__ if category else {}), **values}
    errors: dict[str, str] = {}
    name = str(merged.get("name") or "").strip()
    if not name:
        errors["name"] = _("กรุณากรอกชื่อประเภทปัญหา")
    else:
        clash = TicketCategory.select().where(TicketCategory.name == name)
        if category is not None:
            clash = clash.where(TicketCategory.id != category.id)
        if clash.exists():
            errors["name"] = _("มีประเภทปัญหา “{name}” อยู่แล้ว").format(name=name)
    try:
        days = int(merged.get("days") or 0)
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= MAX_CATEGORY_DAYS:
        errors["days"] = _("ระยะเวลาดำเนินการต้องเป็น 1 ถึง {n} วันทำการ ตามคู่มือการปฏิบัติงาน").format(
            n=MAX_CATEGORY_DAYS
        )
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    cleaned = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if "days" in cleaned:
        cleaned["days"] = days
    if category is None:
        return records.create(actor, TicketCategory, **cleaned)
    return records.update(actor, category, expected_version=expected_version, **cleaned)


def delete_category(actor: Actor | None, category: TicketCategory) -> None:
    require(actor, Permission.MANAGE_OFFICE)
    used = RepairTicket.select().where(RepairTicket.category == category.id).count()
    if used:
        raise ValidationError(
            _("ประเภท “{name}” ใช้กับเรื่องแจ้งซ่อม {n} เรื่องแล้ว จึงลบไม่ได้ (ปิดการใช้งานแทนได้)").format(
                name=category.name, n=used
            )
        )
    records.delete(actor, category)


def check_can_lend(ticket: RepairTicket, machine: Asset) -> None:
    case = engine_core.get_case(ticket.case_id)
    if case.status != "open":
        raise ValidationError(
            _("เรื่อง {number} ปิดแล้ว จึงให้ยืมเครื่องทดแทนในเรื่องนี้ไม่ได้").format(number=case.number)
        )
    if ticket.asset_id is not None and ticket.asset_id == machine.id:
        raise ValidationError(_("เครื่องทดแทนต้องไม่ใช่เครื่องที่ส่งซ่อม"))


def note_loan(actor: Actor | None, ticket_id: int, loan: Any, machine: Asset) -> None:
    ticket = records.get(RepairTicket, ticket_id)
    engine_core.record_event(
        actor,
        engine_core.get_case(ticket.case_id),
        "loan",
        _("ให้ยืมเครื่องทดแทน {number} {name} กำหนดคืน {due}").format(
            number=machine.number, name=machine.name, due=_date(loan.due_back)
        ),
        {"loan_id": loan.id, "asset_id": machine.id},
    )


def note_return(actor: Actor | None, ticket_id: int, loan: Any, machine: Asset) -> None:
    ticket = records.get(RepairTicket, ticket_id)
    engine_core.record_event(
        actor,
        engine_core.get_case(ticket.case_id),
        "loan_returned",
        _("รับคืนเครื่องทดแทน {number} เมื่อ {day}").format(
            number=machine.number, day=_date(loan.returned_on)
        ),
        {"loan_id": loan.id, "asset_id": machine.id},
    )


def _date(day: dt.date | None) -> str:
    from reports.thaifmt import date_short

    return date_short(day) if day else "-"


def open_ticket(
    actor: Actor | None,
    *,
    files: tuple[NewFile, ...] = (),
    comment: str = "",
    request_key: str | None = None,
    **values: Any,
) -> RepairTicket:
    """Register a ticket (values by the registration fields' keys; ids or rows for records).
    A retry with the same ``request_key`` (the form's) returns the ticket registered first."""
    data = open_ticket_values(
        {k: (v.get_id() if isinstance(v, peewee.Model) else v) for k, v in values.items()}
    )
    case = engine_core.open_case(actor, PROCESS_KEY, data, files, comment, request_key=request_key)
    return ticket_for_case(case.id)


def ticket_for_case(case_id: int) -> RepairTicket:
    row: RepairTicket | None = RepairTicket.get_or_none(RepairTicket.case == case_id)
    if row is None:
        raise ValidationError(_("เรื่องนี้ไม่ใช่เรื่องแจ้งซ่อม"))
    return row


def get_ticket(ticket_id: int) -> RepairTicket:
    return records.get(RepairTicket, ticket_id)


def tickets_for_asset(asset_id: int) -> list[tuple[Case, RepairTicket]]:
    query = (
        Case.select(Case, RepairTicket)
        .join(RepairTicket, on=(RepairTicket.case == Case.id), attr="ticket")
        .where(RepairTicket.asset == asset_id)
        .order_by(Case.received_on, Case.id)
    )
    return [(c, c.ticket) for c in query]  # type: ignore[attr-defined]


def open_ticket_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The registration values with defaults, as the new-ticket form starts."""
    out = dict(values)
    out.setdefault("received_on", clock.today())
    out.setdefault("paperless_date", clock.today())
    out.setdefault("doc_kind", DocKind.MEMO)
    return out
