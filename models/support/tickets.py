"""Process 2 on the engine: repair and problem tickets (แจ้งซ่อม/แจ้งปัญหา), with the loaner rule.

A ticket is registered from a memo or short note received through Paperless; its category sets the
deadline (1, 2 or 3 working days, office-editable). The head of the group (or staff) assigns it and
records the estimated repair time. **If the estimate is more than one working day, the ticket cannot
move on until a loaner from the pool is lent to the requester, or a head records why none is
needed**: ``loaner_rule`` is a guard on the engine's moves, so no window, script or CLI can skip it.
The repair is recorded (work, parts, cost, outside vendor, result), the requester is notified, and
the closed ticket is the service-problem register's entry (``models.support.service_register``).

The category's days are copied onto the ticket when it is registered (``deadline_days``): an office
that later changes a category's days does not move the deadlines of tickets already received.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field, fields
from typing import Any

import peewee

from models import calendar, clock, records, text_search
from models.base import Actor
from models.engine import (
    Case,
    CaseFilter,
    CaseResult,
    CaseRow,
    CaseStep,
    Deadline,
    DocumentRef,
    Field,
    FieldKind,
    GuardContext,
    Outcome,
    OutcomeKind,
    PeriodReport,
    Printable,
    ProcessDef,
    Step,
    assignee_field,
    received_on_field,
    register_process,
    send_back,
    staff_roles,
)
from models.engine import core as engine_core
from models.engine import queries as engine_queries
from models.engine.definition import RecordSource
from models.engine.registry import register_source
from models.errors import PermissionDenied, ValidationError
from models.i18n import N_, _
from models.org import Unit, Vendor
from models.paging import Page
from models.permissions import Permission, Role, require, role_of
from models.support import assets, loans
from models.support import documents as support_documents
from models.support import statistics as support_statistics  # noqa: F401  (declares figures)
from models.support.assets import Asset, AssetStatus

# The ticket's own records, re-exported: callers know them as part of the process.
from models.support.ticket_records import (
    DEFAULT_CATEGORIES as DEFAULT_CATEGORIES,
)
from models.support.ticket_records import (
    DOC_KIND_CHOICES as DOC_KIND_CHOICES,
)
from models.support.ticket_records import (
    LOANER_THRESHOLD_DAYS as LOANER_THRESHOLD_DAYS,
)
from models.support.ticket_records import (
    MAX_CATEGORY_DAYS as MAX_CATEGORY_DAYS,
)
from models.support.ticket_records import (
    PROCESS_KEY as PROCESS_KEY,
)
from models.support.ticket_records import (
    REPAIR_RESULT_CHOICES as REPAIR_RESULT_CHOICES,
)
from models.support.ticket_records import (
    DocKind as DocKind,
)
from models.support.ticket_records import (
    RepairResult as RepairResult,
)
from models.support.ticket_records import (
    RepairTicket as RepairTicket,
)
from models.support.ticket_records import (
    TicketCategory as TicketCategory,
)
from models.support.ticket_records import (
    categories as categories,
)
from models.support.ticket_records import (
    check_can_lend as check_can_lend,
)
from models.support.ticket_records import (
    delete_category as delete_category,
)
from models.support.ticket_records import (
    ensure_default_categories as ensure_default_categories,
)
from models.support.ticket_records import (
    get_ticket as get_ticket,
)
from models.support.ticket_records import (
    note_loan as note_loan,
)
from models.support.ticket_records import (
    note_return as note_return,
)
from models.support.ticket_records import (
    open_ticket as open_ticket,
)
from models.support.ticket_records import (
    open_ticket_values as open_ticket_values,
)
from models.support.ticket_records import (
    save_category as save_category,
)
from models.support.ticket_records import (
    ticket_for_case as ticket_for_case,
)
from models.support.ticket_records import (
    tickets_for_asset as tickets_for_asset,
)
from models.users import User
from models.write_lock import retry_transaction, write_transaction

# --- categories ----------------------------------------------------------------------------------


# --- record sources for the forms (asset, category, loaner pool, vendor) ------------------------


def _asset_label(asset_id: int) -> str | None:
    asset = Asset.get_or_none(Asset.id == asset_id)
    return f"{asset.number} {asset.name}" if asset else None


def _asset_search(text: str, limit: int) -> list[tuple[int, str]]:
    return [(c.id, c.label) for c in assets.search_assets(text, limit=limit)]


def _category_label(category_id: int) -> str | None:
    row = TicketCategory.get_or_none(TicketCategory.id == category_id)
    if row is None:
        return None
    return _("{name} ({n} วันทำการ)").format(name=row.name, n=row.days)


def _category_choices() -> list[tuple[int, str]]:
    return [(c.id, _("{name} ({n} วันทำการ)").format(name=c.name, n=c.days)) for c in categories()]


def _pool_label(asset_id: int) -> str | None:
    asset = Asset.get_or_none((Asset.id == asset_id) & (Asset.status == AssetStatus.LOANER_POOL))
    return f"{asset.number} {asset.name}" if asset else None


def _pool_choices() -> list[tuple[int, str]]:
    return [(a.id, f"{a.number} {a.name}") for a in loans.pool()]


def _vendor_label(vendor_id: int) -> str | None:
    vendor = Vendor.get_or_none(Vendor.id == vendor_id)
    return str(vendor.name) if vendor else None


def _vendor_choices() -> list[tuple[int, str]]:
    query = Vendor.select().where(Vendor.active == True).order_by(Vendor.name)  # noqa: E712
    return [(v.id, str(v.name)) for v in query]


register_source(RecordSource("asset", N_("ครุภัณฑ์"), _asset_label, search=_asset_search))
register_source(
    RecordSource("ticket_category", N_("ประเภทปัญหา"), _category_label, choices=_category_choices)
)
register_source(RecordSource("loaner_pool", N_("เครื่องทดแทน"), _pool_label, choices=_pool_choices))
register_source(RecordSource("vendor", N_("ผู้รับจ้าง"), _vendor_label, choices=_vendor_choices))
engine_queries.register_event_label("loan", N_("ให้ยืมเครื่องทดแทน"))
engine_queries.register_event_label("loan_returned", N_("รับคืนเครื่องทดแทน"))
engine_queries.register_event_label("loaner_waived", N_("หัวหน้าบันทึกเหตุผลที่ไม่ต้องให้ยืมเครื่องทดแทน"))


# --- the loaner rule -----------------------------------------------------------------------------


def needs_loaner(estimate_days: int | None) -> bool:
    return estimate_days is not None and estimate_days > LOANER_THRESHOLD_DAYS


def is_head(actor: Actor | None) -> bool:
    return actor is None or role_of(actor) in {Role.HEAD, Role.GROUP_HEAD}


def loaner_rule(ctx: GuardContext) -> str | None:
    """Refuse the move while the estimate is over one working day and the requester has neither
    a loaner nor a head's recorded reason why none is needed."""
    ticket: RepairTicket | None = ctx.detail
    if ticket is None:
        return None
    estimate = ctx.data.get("estimate_days", ticket.estimate_days)
    if not needs_loaner(estimate):
        return None
    reason = str(ctx.data.get("no_loaner_reason") or "").strip()
    if reason:
        if not is_head(ctx.actor):
            return _(
                "เฉพาะหัวหน้า (หน.ภทส. หรือ หน.จรส.) บันทึกเหตุผลที่ไม่ต้องให้ยืมเครื่องทดแทนได้ "
                "กรุณาเลือกเครื่องทดแทนจากกลุ่มเครื่องสำรอง หรือให้หัวหน้าบันทึกเหตุผล"
            )
        return None
    if ctx.data.get("loaner") or ticket.loaner_waiver:
        return None
    if loans.Loan.select().where(loans.Loan.ticket == ticket.id).exists():
        return None
    return _(
        "ประมาณเวลาซ่อม {n} วันทำการ เกิน 1 วันทำการ ต้องให้ยืมเครื่องทดแทนแก่ผู้ขอก่อน "
        "หรือให้หัวหน้าบันทึกเหตุผลที่ไม่ต้องให้ยืม จึงจะดำเนินการต่อได้"
    ).format(n=estimate)


def _lend_from_form(ctx: GuardContext) -> None:
    """The assignment form may lend the loaner in the same move (same transaction)."""
    ticket: RepairTicket | None = ctx.detail
    reason = str(ctx.data.get("no_loaner_reason") or "").strip()
    if ticket is None:
        return
    if reason:
        ctx.detail_changes.update(
            loaner_waiver=reason,
            loaner_waived_by=ctx.actor.id if ctx.actor else None,
            loaner_waived_on=clock.today(),
        )
    loaner_id = ctx.data.get("loaner")
    if loaner_id:
        estimate = int(ctx.data.get("estimate_days") or 1)
        due = ctx.data.get("loaner_due_back") or calendar.add_working_days(
            clock.today(), max(estimate, 1)
        )
        loan = loans.lend(
            ctx.actor,
            int(loaner_id),
            borrower_name=ticket.requester_name,
            borrower_unit=ticket.unit_id,
            due_back=due,
            ticket=ticket,
            purpose=_("ใช้แทนระหว่างซ่อมตามเรื่อง {number}").format(number=ctx.case.number),
        )
        ctx.step_data["loan_id"] = loan.id


@retry_transaction
def waive_loaner(actor: Actor | None, ticket: RepairTicket | int, reason: str) -> RepairTicket:
    """A head records why this requester needs no loaner (outside a step, e.g. before staff
    assign the ticket). Recorded in the ticket's history."""
    require(actor, Permission.REVIEW_CASES)
    if not is_head(actor):
        raise PermissionDenied(_("เฉพาะหัวหน้า (หน.ภทส. หรือ หน.จรส.) บันทึกเหตุผลนี้ได้"))
    if not reason.strip():
        raise ValidationError(_("กรุณาระบุเหตุผลที่ไม่ต้องให้ยืมเครื่องทดแทน"), {"reason": _("ต้องระบุ")})
    with write_transaction():
        row = records.get(RepairTicket, ticket if isinstance(ticket, int) else ticket.id)
        case = engine_core.get_case(row.case_id)
        if case.status != "open":
            raise ValidationError(_("เรื่องนี้ปิดแล้ว"))
        updated = records.update(
            actor,
            row,
            loaner_waiver=reason.strip(),
            loaner_waived_by=actor.id if actor else None,
            loaner_waived_on=clock.today(),
        )
        engine_core.record_event(
            actor,
            case,
            "loaner_waived",
            _("ไม่ต้องให้ยืมเครื่องทดแทน: {reason}").format(reason=reason.strip()),
            {},
        )
    return updated


# --- the process ---------------------------------------------------------------------------------


def _deadline_days(case: Case, ticket: RepairTicket | None) -> int | None:
    if ticket is None or ticket.category_id is None:
        return None
    if ticket.deadline_days is not None and ticket.deadline_category == ticket.category_id:
        return int(ticket.deadline_days)
    category = TicketCategory.get_or_none(TicketCategory.id == ticket.category_id)
    return int(category.days) if category else None


def _summarise(case: Case, ticket: RepairTicket | None) -> dict[str, Any]:
    if ticket is None:
        return {}
    unit = Unit.get_or_none(Unit.id == ticket.unit_id) if ticket.unit_id else None
    who = ticket.requester_name
    if unit is not None:
        who = f"{who} ({unit.short_name or unit.name})" if who else str(unit.name)
    return {"requester": who[:300]}


def _search_text(case: Case, ticket: RepairTicket) -> str:
    parts = [case.number, case.title, case.requester, ticket.paperless_no, ticket.requester_name]
    unit = Unit.get_or_none(Unit.id == ticket.unit_id) if ticket.unit_id else None
    if unit is not None:
        parts += [unit.name, unit.short_name]
    asset = Asset.get_or_none(Asset.id == ticket.asset_id) if ticket.asset_id else None
    if asset is not None:
        parts += [asset.number_key, asset.number, asset.serial_number, asset.name]
    return assets.normalise_search(" ".join(str(p) for p in parts if p))


def _on_saved(actor: Actor | None, case: Case, ticket: RepairTicket | None) -> None:
    """After every move: the search text, the deadline snapshot, the asset's repair status."""
    if ticket is None:
        return
    changes: dict[str, Any] = {}
    text = _search_text(case, ticket)
    if text != ticket.search_text:
        changes["search_text"] = text
    if ticket.deadline_category != ticket.category_id:
        category = TicketCategory.get_or_none(TicketCategory.id == ticket.category_id)
        changes["deadline_days"] = category.days if category else None
        changes["deadline_category"] = ticket.category_id
    if case.current_step == "notify" and ticket.repaired_on is None:
        changes["repaired_on"] = clock.today()
    if changes:
        # Bookkeeping columns derived from the ticket: no new version, no audit noise.
        RepairTicket.update(changes).where(RepairTicket.id == ticket.id).execute()
    _sync_asset_status(actor, case, ticket)


# --- the asset's status while it is repaired -----------------------------------------------------

ASSET_TO_REPAIR = "asset_to_repair"  # history events of the ticket (their data says which asset)
ASSET_RELEASED = "asset_released"
REPAIR_STEPS = ("repair", "notify")  # the machine is with the repairers from "repair" on
# Statuses a repair may take over and give back; a machine out on loan (models.support.loans owns that
# status), retired, or already marked in repair by hand is left as it is.
_REPAIRABLE = (AssetStatus.IN_USE, AssetStatus.LOANER_POOL)
engine_queries.register_event_label(ASSET_TO_REPAIR, N_("ครุภัณฑ์ส่งซ่อม"))
engine_queries.register_event_label(ASSET_RELEASED, N_("สถานะครุภัณฑ์หลังซ่อม"))


def _sync_asset_status(actor: Actor | None, case: Case, ticket: RepairTicket) -> None:
    """When the ticket reaches "repair" its asset becomes ส่งซ่อม; when the ticket closes (or
    names another asset) the asset gets its earlier status back, unless someone changed the
    status by hand meanwhile or the repair found it beyond repair. Each change is an audited
    update of the asset (so it shows on the asset's history) and an event on the ticket."""
    marked = _marked_asset(case.id)
    is_open = case.status == "open"
    if marked is not None and (not is_open or marked["asset_id"] != ticket.asset_id):
        _release_asset(actor, case, ticket, marked)
        marked = None
    if is_open and marked is None and ticket.asset_id and case.current_step in REPAIR_STEPS:
        _mark_asset(actor, case, int(ticket.asset_id))


def _marked_asset(case_id: int) -> dict[str, Any] | None:
    """The asset this ticket put into repair and has not given back, with what to give back."""
    last = (
        CaseStep.select()
        .where(
            (CaseStep.case == case_id)
            & (CaseStep.kind == "event")
            & CaseStep.outcome.in_((ASSET_TO_REPAIR, ASSET_RELEASED))
        )
        .order_by(CaseStep.id.desc())
        .first()
    )
    if last is None or last.outcome != ASSET_TO_REPAIR:
        return None
    marked: dict[str, Any] = last.values()
    return marked


def _mark_asset(actor: Actor | None, case: Case, asset_id: int) -> None:
    asset = Asset.get_or_none(Asset.id == asset_id)
    if asset is None or asset.status not in _REPAIRABLE:
        return
    before = str(asset.status)
    assets.set_status(
        actor,
        asset,
        AssetStatus.IN_REPAIR,
        note=_("ส่งซ่อมตามเรื่องแจ้งซ่อม {number}").format(number=case.number),
    )
    engine_core.record_event(
        actor,
        case,
        ASSET_TO_REPAIR,
        _("ครุภัณฑ์ {number}: {before} → {after}").format(
            number=asset.number,
            before=_(assets.STATUS_LABELS[before]),
            after=_(assets.STATUS_LABELS[AssetStatus.IN_REPAIR]),
        ),
        {"asset_id": asset.id, "before": before, "audit_id": _last_audit_id(asset.id)},
    )


def _release_asset(
    actor: Actor | None, case: Case, ticket: RepairTicket, marked: dict[str, Any]
) -> None:
    asset = Asset.get_or_none(Asset.id == marked["asset_id"])
    data: dict[str, Any] = {"asset_id": marked["asset_id"], "restored": False}
    if asset is None:
        return
    before = str(marked.get("before") or AssetStatus.IN_USE)
    closing = case.status != "open" and marked["asset_id"] == ticket.asset_id
    if _status_changed_since(asset.id, int(marked.get("audit_id") or 0)):
        comment = _("ครุภัณฑ์ {number} มีผู้เปลี่ยนสถานะระหว่างซ่อมแล้ว ({status}) จึงคงไว้ตามนั้น").format(
            number=asset.number, status=_(assets.STATUS_LABELS.get(asset.status, asset.status))
        )
    elif closing and ticket.repair_result == RepairResult.NOT_FIXABLE:
        comment = _("ครุภัณฑ์ {number} ซ่อมไม่ได้ สถานะยังเป็น “ส่งซ่อม” จนกว่าจะเปลี่ยนเป็นจำหน่าย/เลิกใช้").format(
            number=asset.number
        )
    else:
        note = (
            _("ซ่อมเสร็จตามเรื่องแจ้งซ่อม {number}")
            if closing
            else _("เรื่องแจ้งซ่อม {number} เปลี่ยนไปแจ้งครุภัณฑ์อื่น")
        ).format(number=case.number)
        assets.set_status(actor, asset, AssetStatus(before), note=note)
        data["restored"] = True
        comment = _("ครุภัณฑ์ {number}: {before} → {after}").format(
            number=asset.number,
            before=_(assets.STATUS_LABELS[AssetStatus.IN_REPAIR]),
            after=_(assets.STATUS_LABELS[before]),
        )
    engine_core.record_event(actor, case, ASSET_RELEASED, comment, data)


def _last_audit_id(asset_id: int) -> int:
    from models.audit import AuditEntry

    found = (
        AuditEntry.select(peewee.fn.MAX(AuditEntry.id))
        .where((AuditEntry.table_name == Asset._meta.table_name) & (AuditEntry.row_id == asset_id))
        .scalar()
    )
    return int(found or 0)


def _status_changed_since(asset_id: int, audit_id: int) -> bool:
    """Whether the asset's status was changed (by anyone, by hand or by another rule) after the
    audit entry ``audit_id``, or is no longer ส่งซ่อม."""
    import json

    from models.audit import AuditEntry

    asset = Asset.get_or_none(Asset.id == asset_id)
    if asset is None or asset.status != AssetStatus.IN_REPAIR:
        return True
    later = AuditEntry.select(AuditEntry.after).where(
        (AuditEntry.table_name == Asset._meta.table_name)
        & (AuditEntry.row_id == asset_id)
        & (AuditEntry.action == "update")
        & (AuditEntry.id > audit_id)
    )
    return any("status" in json.loads(entry.after or "{}") for entry in later)


TICKET_FIELDS = (
    Field("title", N_("เรื่อง/อาการโดยย่อ"), required=True, store="case.title"),
    received_on_field(),
    Field("paperless_no", N_("เลขที่หนังสือ (Paperless)"), required=True, store="paperless_no"),
    Field(
        "paperless_date",
        N_("ลงวันที่"),
        FieldKind.DATE,
        required=True,
        store="paperless_date",
        default_today=True,
    ),
    Field(
        "doc_kind",
        N_("ชนิดหนังสือ"),
        FieldKind.CHOICE,
        required=True,
        store="doc_kind",
        choices=DOC_KIND_CHOICES,
        default=DocKind.MEMO,  # most requests come as a บันทึกข้อความ
    ),
    Field("unit", N_("หน่วยงานที่แจ้ง"), FieldKind.UNIT, required=True, store="unit"),
    Field("requester_name", N_("ผู้แจ้ง"), required=True, store="requester_name"),
    Field("requester_phone", N_("โทรศัพท์ผู้แจ้ง"), store="requester_phone"),
    Field(
        "asset",
        N_("ครุภัณฑ์ (ค้นด้วยเลขครุภัณฑ์ หมายเลขเครื่อง หรือผู้รับผิดชอบ)"),
        FieldKind.RECORD,
        store="asset",
        source="asset",
    ),
    Field(
        "category",
        N_("ประเภทปัญหา"),
        FieldKind.RECORD,
        required=True,
        store="category",
        source="ticket_category",
        help=N_("ประเภทปัญหากำหนดระยะเวลาดำเนินการ 1-3 วันทำการ"),
    ),
    Field("description", N_("รายละเอียดปัญหา"), FieldKind.LONG_TEXT, store="description"),
    Field("request_files", N_("หนังสือแจ้งซ่อม (ไฟล์)"), FieldKind.FILES),
)

REGISTER = Step(
    "register",
    N_("รับเรื่องแจ้งซ่อม/แจ้งปัญหา"),
    staff_roles() | {Role.HEAD},
    outcomes=(Outcome("register", OutcomeKind.DONE, N_("ลงทะเบียนรับเรื่อง")),),
    actor_label=N_("เจ้าหน้าที่งานระบบสนับสนุน"),
    fields=TICKET_FIELDS,
    documents=(DocumentRef(N_("บันทึกข้อความ/บันทึกเล็กแจ้งซ่อม (Paperless)"), "in"),),
)

ASSIGN = Step(
    "assign",
    N_("มอบหมายผู้รับผิดชอบและประเมินเวลาซ่อม"),
    staff_roles() | {Role.HEAD},
    outcomes=(
        Outcome(
            "assign",
            OutcomeKind.DONE,
            N_("มอบหมายงาน"),
            guards=(loaner_rule,),
            effects=(_lend_from_form,),
        ),
    ),
    actor_label=N_("หน.จรส. / เจ้าหน้าที่งานระบบสนับสนุน ร่วมกับหน่วยงานที่ขอรับบริการ"),
    fields=(
        assignee_field(staff_roles()),
        Field(
            "estimate_days",
            N_("ประมาณเวลาซ่อม (วันทำการ)"),
            FieldKind.INT,
            required=True,
            store="estimate_days",
            minimum=0,
            maximum=60,
            help=N_("เกิน 1 วันทำการ ต้องให้ยืมเครื่องทดแทนแก่ผู้ขอจนกว่าจะซ่อมเสร็จ"),
        ),
        Field(
            "loaner",
            N_("เครื่องทดแทนที่ให้ยืม"),
            FieldKind.RECORD,
            source="loaner_pool",
        ),
        Field(
            "loaner_due_back",
            N_("กำหนดคืนเครื่องทดแทน"),
            FieldKind.DATE,
            allow_future=True,
            help=N_("เว้นว่าง = ตามเวลาซ่อมที่ประมาณไว้"),
        ),
        Field(
            "no_loaner_reason",
            N_("เหตุผลที่ไม่ต้องให้ยืม (หัวหน้าเท่านั้น)"),
            FieldKind.LONG_TEXT,
        ),
    ),
    documents=(DocumentRef(N_("การมอบหมายงานในบันทึกแจ้งซ่อม (Paperless)"), "in"),),
)

REPAIR = Step(
    "repair",
    N_("ดำเนินการซ่อม/แก้ไขปัญหา"),
    staff_roles() | {Role.HEAD},
    outcomes=(
        Outcome("repaired", OutcomeKind.DONE, N_("บันทึกผลการซ่อม")),
        send_back("reassign", N_("ส่งกลับเพื่อมอบหมาย/ประเมินเวลาใหม่"), target="assign"),
    ),
    actor_label=N_("หน่วยงานที่ขอรับบริการ และเจ้าหน้าที่งานระบบสนับสนุน"),
    assignee_holds=True,
    guards=(loaner_rule,),
    fields=(
        Field("cause", N_("สาเหตุของปัญหา"), FieldKind.LONG_TEXT, required=True, store="cause"),
        Field(
            "work_done",
            N_("การแก้ไข/งานที่ทำ"),
            FieldKind.LONG_TEXT,
            required=True,
            store="work_done",
        ),
        Field("parts", N_("อะไหล่/วัสดุที่ใช้"), store="parts"),
        Field("cost", N_("ค่าใช้จ่าย (บาท)"), FieldKind.DECIMAL, store="cost", minimum=0),
        Field(
            "outside_vendor",
            N_("ผู้รับจ้างภายนอก (ถ้ามี)"),
            FieldKind.RECORD,
            store="outside_vendor",
            source="vendor",
        ),
        Field(
            "repair_result",
            N_("ผลการซ่อม"),
            FieldKind.CHOICE,
            required=True,
            store="repair_result",
            choices=REPAIR_RESULT_CHOICES,
        ),
    ),
    documents=(DocumentRef(N_("บันทึกผลการซ่อม"), "out"),),
)

NOTIFY = Step(
    "notify",
    N_("แจ้งผลผ่าน Paperless และบันทึกทะเบียนปัญหา"),
    staff_roles() | {Role.HEAD},
    outcomes=(
        Outcome(
            "close",
            OutcomeKind.END,
            N_("แจ้งผลแล้ว ปิดเรื่อง"),
            result=CaseResult.COMPLETED,
            confirm=N_("ปิดเรื่องนี้และบันทึกลงทะเบียนบันทึกปัญหาการให้บริการสารสนเทศ?"),
        ),
    ),
    actor_label=N_("เจ้าหน้าที่งานระบบสนับสนุน"),
    assignee_holds=True,
    guards=(loaner_rule,),
    fields=(
        Field(
            "notified_on",
            N_("วันที่แจ้งผลผู้ขอ"),
            FieldKind.DATE,
            required=True,
            store="notified_on",
            default_today=True,
        ),
        Field("reply_no", N_("เลขที่บันทึกแจ้งผล (Paperless)"), store="reply_no"),
    ),
    documents=(
        DocumentRef(N_("บันทึกแจ้งผลการซ่อม (Paperless)"), "out"),
        DocumentRef(N_("ทะเบียนบันทึกปัญหาการให้บริการสารสนเทศ"), "out"),
    ),
)


def _has_loan(case: Case, ticket: RepairTicket | None, *, returned: bool = False) -> bool:
    return (
        ticket is not None
        and support_documents.latest_loan(ticket.id, returned=returned) is not None
    )


def _print_handover(actor: Actor | None, case: Case) -> tuple[bytes, str]:
    loan = support_documents.latest_loan(ticket_for_case(case.id).id)
    if loan is None:
        raise ValidationError(_("เรื่องนี้ยังไม่มีการให้ยืมเครื่องทดแทน"))
    return support_documents.handover_slip(actor, loan.id)


def _print_return(actor: Actor | None, case: Case) -> tuple[bytes, str]:
    loan = support_documents.latest_loan(ticket_for_case(case.id).id, returned=True)
    if loan is None:
        raise ValidationError(_("ยังไม่ได้รับคืนเครื่องทดแทนของเรื่องนี้"))
    return support_documents.return_slip(actor, loan.id)


def _print_register(actor: Actor | None, start: dt.date, end: dt.date) -> tuple[bytes, str]:
    return support_documents.service_register_report(actor, start, end)


PROCESS = register_process(
    ProcessDef(
        key=PROCESS_KEY,
        label=N_("สนับสนุนการใช้งานคอมพิวเตอร์"),
        short_label=N_("แจ้งซ่อม/ปัญหา"),
        steps=(REGISTER, ASSIGN, REPAIR, NOTIFY),
        deadline=Deadline(days_from=_deadline_days),
        detail_model=RepairTicket,
        number_prefix="ซ.",
        summarise=_summarise,
        on_saved=_on_saved,
        printables=(
            Printable(
                "handover_slip",
                N_("ใบส่งมอบเครื่องทดแทน"),
                lambda case, ticket: _has_loan(case, ticket),
                _print_handover,
            ),
            Printable(
                "return_slip",
                N_("ใบรับคืนเครื่องทดแทน"),
                lambda case, ticket: _has_loan(case, ticket, returned=True),
                _print_return,
            ),
        ),
        reports=(
            PeriodReport(
                "service_problems",
                N_("ทะเบียนบันทึกปัญหาการให้บริการสารสนเทศ"),
                _print_register,
            ),
        ),
        manual_ref=N_("การสนับสนุนการใช้งานครุภัณฑ์คอมพิวเตอร์ ซอฟต์แวร์และระบบเครือข่าย"),
    )
)


# --- domain functions the window and the demo call -----------------------------------------------


@dataclass(frozen=True)
class TicketFilter:
    case: CaseFilter = field(default_factory=CaseFilter)
    category_id: int | None = None
    unit_id: int | None = None
    asset_id: int | None = None


@dataclass(frozen=True)
class TicketRow(CaseRow):
    """A case row of the ticket list (``id`` is the case's), with the ticket's own columns: the
    shared case list shows it like any process's case."""

    ticket_id: int
    ticket_version: int
    paperless_no: str
    unit: str
    asset_id: int | None
    asset_number: str
    category: str
    category_days: int | None
    assignee: str
    estimate_days: int | None
    loaner: str  # "", or the state of the loaner rule for this ticket
    loaner_needed: bool


LOANER_STATES = {
    "lent": N_("ให้ยืมแล้ว"),
    "returned": N_("คืนเครื่องทดแทนแล้ว"),
    "waived": N_("ไม่ต้องให้ยืม (หัวหน้าบันทึกเหตุผล)"),
    "pending": N_("ต้องให้ยืมเครื่องทดแทน"),
}


def _ticket_where(filters: TicketFilter, today: dt.date) -> Any:
    cond: Any = engine_queries.case_where(PROCESS_KEY, _without_text(filters.case), today)
    text = assets.normalise_search(filters.case.text)
    if text:
        cond &= text_search.contains(RepairTicket, text)
    if filters.category_id is not None:
        cond &= RepairTicket.category == filters.category_id
    if filters.unit_id is not None:
        cond &= RepairTicket.unit == filters.unit_id
    if filters.asset_id is not None:
        cond &= RepairTicket.asset == filters.asset_id
    return cond


def _needs_ticket_table(filters: TicketFilter) -> bool:
    return bool(
        filters.case.text.strip()
        or filters.category_id is not None
        or filters.unit_id is not None
        or filters.asset_id is not None
    )


def _without_text(filters: CaseFilter) -> CaseFilter:
    from dataclasses import replace

    return replace(filters, text="")


TICKET_SORT_KEYS = (*engine_queries.SORT_KEYS, "category", "unit", "asset")


def ticket_page(
    actor: Actor | None,
    filters: TicketFilter,
    sort_key: str = "received_on",
    descending: bool = True,
    offset: int = 0,
    limit: int = 50,
    today: dt.date | None = None,
) -> Page[TicketRow]:
    """One page of tickets, filtered and sorted in SQL; ``total`` counts every match."""
    require(actor, Permission.VIEW)
    today = today or clock.today()
    where = _ticket_where(filters, today)
    if _needs_ticket_table(filters):
        base = Case.select(peewee.fn.COUNT(Case.id)).join(
            RepairTicket, on=(RepairTicket.case == Case.id)
        )
    else:  # every case of the process has its ticket row: count the cases (an index scan)
        base = Case.select(peewee.fn.COUNT(Case.id))
    total = int(base.where(where).scalar() or 0)
    order: list[Any]
    if sort_key == "category":
        order = [_dir(TicketCategory.name, descending), _dir(Case.id, descending)]
    elif sort_key == "unit":
        order = [_dir(Unit.name, descending), _dir(Case.id, descending)]
    elif sort_key == "asset":
        order = [_dir(Asset.number_key, descending), _dir(Case.id, descending)]
    else:
        order = engine_queries.case_order(sort_key, descending, today)
    query = (
        Case.select(Case, RepairTicket)
        .join(RepairTicket, on=(RepairTicket.case == Case.id), attr="ticket")
        .where(where)
    )
    if sort_key == "category":
        query = query.join(TicketCategory, on=(RepairTicket.category == TicketCategory.id))
    elif sort_key == "unit":
        query = query.join(Unit, peewee.JOIN.LEFT_OUTER, on=(RepairTicket.unit == Unit.id))
    elif sort_key == "asset":
        query = query.join(Asset, peewee.JOIN.LEFT_OUTER, on=(RepairTicket.asset == Asset.id))
    cases = list(query.order_by(*order).offset(max(0, offset)).limit(max(1, min(limit, 1000))))
    return Page(_ticket_rows(cases, today), total)


def _dir(column: Any, descending: bool) -> Any:
    return column.desc() if descending else column.asc()


def _ticket_rows(cases: list[Case], today: dt.date) -> list[TicketRow]:
    case_rows = engine_queries.to_rows(cases, today)
    tickets: list[RepairTicket] = [c.ticket for c in cases]  # type: ignore[attr-defined]
    unit_ids = {t.unit_id for t in tickets if t.unit_id}
    asset_ids = {t.asset_id for t in tickets if t.asset_id}
    units = {u.id: u for u in Unit.select().where(Unit.id.in_(unit_ids))} if unit_ids else {}
    numbers = (
        {
            a.id: a.number
            for a in Asset.select(Asset.id, Asset.number).where(Asset.id.in_(asset_ids))
        }
        if asset_ids
        else {}
    )
    cats = {c.id: c for c in TicketCategory.select()}
    user_ids = {c.assignee_id for c in cases if c.assignee_id}
    names = (
        {
            u.id: u.full_name
            for u in User.select(User.id, User.full_name).where(User.id.in_(user_ids))
        }
        if user_ids
        else {}
    )
    ids = [t.id for t in tickets]
    loan_state: dict[int, str] = {}
    if ids:
        for ln in loans.Loan.select(loans.Loan.ticket, loans.Loan.returned_on).where(
            loans.Loan.ticket.in_(ids)
        ):
            key = int(ln.ticket_id or 0)
            if ln.returned_on is None or loan_state.get(key) != "lent":
                loan_state[key] = "lent" if ln.returned_on is None else "returned"
    out = []
    for case, row, ticket in zip(cases, case_rows, tickets, strict=True):
        category = cats.get(ticket.category_id)
        needed = needs_loaner(ticket.estimate_days)
        state = loan_state.get(ticket.id, "")
        if not state and needed:
            state = "waived" if ticket.loaner_waiver else "pending"
        unit = units.get(ticket.unit_id or 0)
        out.append(
            TicketRow(
                **{f.name: getattr(row, f.name) for f in fields(CaseRow)},
                ticket_id=ticket.id,
                ticket_version=ticket.version,
                paperless_no=ticket.paperless_no,
                unit=str(unit.short_name or unit.name) if unit else "",
                asset_id=ticket.asset_id,
                asset_number=numbers.get(ticket.asset_id or 0, ""),
                category=str(category.name) if category else "",
                category_days=ticket.deadline_days,
                assignee=names.get(case.assignee_id or 0, ""),
                estimate_days=ticket.estimate_days,
                loaner=_(LOANER_STATES[state]) if state else "",
                loaner_needed=needed and state == "pending" and case.status == "open",
            )
        )
    return out


def ticket_row(actor: Actor | None, case_id: int) -> TicketRow:
    require(actor, Permission.VIEW)
    case = engine_core.get_case(case_id)
    case.ticket = ticket_for_case(case_id)  # type: ignore[attr-defined]
    return _ticket_rows([case], clock.today())[0]


@dataclass(frozen=True)
class TicketDetails:
    """What the ticket view shows beside the engine's timeline."""

    ticket_id: int
    case_id: int
    number: str
    asset_id: int | None
    asset_text: str
    category: str
    deadline_days: int | None
    estimate_days: int | None
    loaner_needed: bool
    loaner_waiver: str
    loans: list[Any]  # models.support.loans.LoanRow
    cost: decimal.Decimal | None
    is_open: bool


def ticket_details(actor: Actor | None, case_id: int) -> TicketDetails:
    require(actor, Permission.VIEW)
    case = engine_core.get_case(case_id)
    ticket = ticket_for_case(case_id)
    asset = Asset.get_or_none(Asset.id == ticket.asset_id) if ticket.asset_id else None
    category = TicketCategory.get_or_none(TicketCategory.id == ticket.category_id)
    rows = [loans.loan_row(ln.id) for ln in loans.loans_for_ticket(ticket.id)]
    pending = (
        case.status == "open"
        and needs_loaner(ticket.estimate_days)
        and not ticket.loaner_waiver
        and not rows
    )
    return TicketDetails(
        ticket_id=ticket.id,
        case_id=case.id,
        number=case.number,
        asset_id=ticket.asset_id,
        asset_text=f"{asset.number} {asset.name}" if asset else "",
        category=str(category.name) if category else "",
        deadline_days=ticket.deadline_days,
        estimate_days=ticket.estimate_days,
        loaner_needed=pending,
        loaner_waiver=ticket.loaner_waiver,
        loans=rows,
        cost=ticket.cost,
        is_open=case.status == "open",
    )
