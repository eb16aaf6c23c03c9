"""The register of IT service problems (ทะเบียนบันทึกปัญหาการให้บริการสารสนเทศ): every repair ticket
(open and closed) and every maintenance finding, with the date, unit, asset, problem, cause, fix,
who did it, and the working days taken against the deadline.

Tickets are many (the list must stay quick at 100,000): the two sources are merged in SQL with
``UNION ALL`` on (date, kind, id), sorted and paged there, and only the page's rows are read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import peewee

from models import calendar, clock, text_search
from models.engine import Case
from models.engine.deadlines import CaseState, state_of
from models.i18n import N_, _
from models.org import Unit
from models.paging import Page
from models.permissions import Permission, require
from models.spreadsheets import SheetColumn, write_xlsx
from models.support import assets
from models.support.assets import Asset
from models.support.maintenance import MaintenanceRecord, MaintenanceTask, Result, target_label
from models.support.ticket_records import (
    PROCESS_KEY,
    REPAIR_RESULT_CHOICES,
    RepairTicket,
    TicketCategory,
)
from models.users import User
from reports.thaifmt import date_short

TICKET = "ticket"
MAINTENANCE = "maintenance"


@dataclass(frozen=True)
class ServiceFilter:
    start: dt.date | None = None  # received (tickets) / done (maintenance) on or after
    end: dt.date | None = None
    category_id: int | None = None  # tickets only
    unit_id: int | None = None  # tickets only
    asset_id: int | None = None
    staff_id: int | None = None  # responsible (tickets) / done by (maintenance)
    text: str = ""
    include_tickets: bool = True
    include_maintenance: bool = True
    closed_only: bool = False


@dataclass(frozen=True)
class ServiceEntry:
    kind: str  # TICKET | MAINTENANCE
    ref_id: int  # case id / maintenance record id
    day: dt.date
    number: str
    unit: str
    asset: str
    category: str
    problem: str
    cause: str
    fix: str
    staff: str
    finished_on: dt.date | None
    days_taken: int | None  # working days from receipt to closing
    days_allowed: int | None
    result: str

    @property
    def kind_label(self) -> str:
        return _("แจ้งซ่อม") if self.kind == TICKET else _("บำรุงรักษา")

    @property
    def days_text(self) -> str:
        if self.days_taken is None:
            return "-"
        if self.days_allowed is None:
            return str(self.days_taken)
        return f"{self.days_taken}/{self.days_allowed}"


Q = TypeVar("Q", bound="peewee.ModelSelect[Any]")
R = TypeVar("R", bound=peewee.Model)


def _shared_filters(query: Q, filters: ServiceFilter, day: Any, asset: Any, staff: Any) -> Q:
    """The filters both sources of the register take (period, asset, staff), each through its
    own columns: a ticket's day of receipt and assignee, a maintenance record's day and doer."""
    if filters.start:
        query = query.where(day >= filters.start)
    if filters.end:
        query = query.where(day <= filters.end)
    if filters.asset_id is not None:
        query = query.where(asset == filters.asset_id)
    if filters.staff_id is not None:
        query = query.where(staff == filters.staff_id)
    return query


def _source(model: type[R], day: Any, kind: str) -> peewee.ModelSelect[R]:
    """The register's entries from one source, as the UNION ALL of both reads them: the entry's
    day, its kind and the source row's id."""
    return model.select(
        day.alias("entry_day"),
        peewee.Value(kind).alias("entry_kind"),
        cast(peewee.Field, model._meta.primary_key).alias("entry_id"),
    )


def _ticket_query(filters: ServiceFilter) -> peewee.ModelSelect[Case]:
    query = _source(Case, Case.received_on, TICKET).where(Case.process == PROCESS_KEY)
    text = assets.normalise_search(filters.text)
    # Every case of the process has its ticket row: join it only to filter on it.
    if (
        filters.category_id is not None
        or filters.unit_id is not None
        or filters.asset_id is not None
        or text
    ):
        query = query.join(RepairTicket, on=(RepairTicket.case == Case.id))
    query = _shared_filters(query, filters, Case.received_on, RepairTicket.asset, Case.assignee_id)
    if filters.category_id is not None:
        query = query.where(RepairTicket.category == filters.category_id)
    if filters.unit_id is not None:
        query = query.where(RepairTicket.unit == filters.unit_id)
    if filters.closed_only:
        query = query.where(Case.status != "open")
    if text:
        query = query.where(text_search.contains(RepairTicket, text))
    return query


def _maintenance_query(filters: ServiceFilter) -> peewee.ModelSelect[MaintenanceRecord]:
    query = _source(MaintenanceRecord, MaintenanceRecord.done_on, MAINTENANCE).where(
        MaintenanceRecord.result == Result.ISSUES
    )
    query = _shared_filters(
        query,
        filters,
        MaintenanceRecord.done_on,
        MaintenanceRecord.asset,
        MaintenanceRecord.done_by,
    )
    text = filters.text.strip()
    if text:
        query = query.join(MaintenanceTask).where(
            text_search.field_contains(MaintenanceRecord.findings, text)
            | text_search.field_contains(MaintenanceTask.title, text)
        )
    return query


def _parts(filters: ServiceFilter) -> list[Any]:
    parts: list[Any] = []
    if filters.include_tickets:
        parts.append(_ticket_query(filters))
    # Findings have no category or requesting unit: a filter on those leaves them out.
    if filters.include_maintenance and filters.category_id is None and filters.unit_id is None:
        parts.append(_maintenance_query(filters))
    return parts


def service_page(
    actor: Any,
    filters: ServiceFilter,
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> Page[ServiceEntry]:
    """One page of the register, newest first by default; ``total`` counts every entry.

    Each source is read in order up to the end of the page (an index serves each) and the two
    are merged here: sorting their union in SQL would sort every ticket first."""
    require(actor, Permission.VIEW)
    parts = _parts(filters)
    if not parts:
        return Page([], 0)
    total = sum(int(p.count()) for p in parts)
    wanted = max(0, offset) + max(1, limit)
    rows: list[tuple[dt.date, str, int]] = []
    for part, (day, row_id) in zip(parts, _order_columns(filters), strict=True):
        order = [day.desc(), row_id.desc()] if descending else [day.asc(), row_id.asc()]
        for entry_day, kind, entry_id in cast(
            Iterable[tuple[Any, Any, Any]], part.order_by(*order).limit(wanted).tuples()
        ):
            rows.append((_as_date(entry_day), str(kind), int(entry_id)))
    rows.sort(key=lambda r: (r[0], r[1], r[2]), reverse=descending)
    keys = [(kind, entry_id) for _day, kind, entry_id in rows[offset : offset + limit]]
    return Page(_entries(keys), total)


def _order_columns(filters: ServiceFilter) -> list[tuple[Any, Any]]:
    columns: list[tuple[Any, Any]] = []
    if filters.include_tickets:
        columns.append((Case.received_on, Case.id))
    if filters.include_maintenance and filters.category_id is None and filters.unit_id is None:
        columns.append((MaintenanceRecord.done_on, MaintenanceRecord.id))
    return columns


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def service_entries(actor: Any, filters: ServiceFilter) -> list[ServiceEntry]:
    """Every entry of the filtered register, oldest first (print and export)."""
    require(actor, Permission.VIEW)
    keys: list[tuple[str, int]] = []
    for part in _parts(filters):
        keys += [(row[1], int(row[2])) for row in part.tuples()]
    entries = _entries(keys)
    entries.sort(key=lambda e: (e.day, e.kind, e.ref_id))
    return entries


def _entries(keys: list[tuple[str, int]]) -> list[ServiceEntry]:
    ticket_ids = [i for k, i in keys if k == TICKET]
    record_ids = [i for k, i in keys if k == MAINTENANCE]
    found: dict[tuple[str, int], ServiceEntry] = {}
    if ticket_ids:
        for entry in _ticket_entries(ticket_ids):
            found[(TICKET, entry.ref_id)] = entry
    if record_ids:
        for entry in _maintenance_entries(record_ids):
            found[(MAINTENANCE, entry.ref_id)] = entry
    return [found[k] for k in keys if k in found]


_RESULT_LABELS = dict(REPAIR_RESULT_CHOICES)


def _ticket_entries(case_ids: list[int]) -> list[ServiceEntry]:
    today = clock.today()
    rows = list(
        Case.select(Case, RepairTicket)
        .join(RepairTicket, on=(RepairTicket.case == Case.id), attr="ticket")
        .where(Case.id.in_(case_ids))
    )
    tickets = [c.ticket for c in rows]  # type: ignore[attr-defined]
    units = _by_id(Unit, {t.unit_id for t in tickets if t.unit_id})
    asset_rows = _by_id(Asset, {t.asset_id for t in tickets if t.asset_id})
    categories = {c.id: c.name for c in TicketCategory.select()}
    names = _names({c.assignee_id for c in rows if c.assignee_id})
    out = []
    for case, ticket in zip(rows, tickets, strict=True):
        unit = units.get(ticket.unit_id or 0)
        asset = asset_rows.get(ticket.asset_id or 0)
        info = state_of(case, today)
        taken = (
            calendar.working_days_between(case.received_on, case.closed_on)
            if case.closed_on
            else None
        )
        if info.state == CaseState.DONE_ON_TIME:
            result = _("ภายในกำหนด")
        elif info.state == CaseState.DONE_LATE:
            result = _("เกินกำหนด {n} วันทำการ").format(n=info.days)
        elif info.state == CaseState.CANCELLED:
            result = _("ยกเลิก")
        else:
            result = _("ยังไม่แล้วเสร็จ") + (
                " " + _("(เกินกำหนด {n} วันทำการ)").format(n=info.days)
                if info.state == CaseState.OVERDUE
                else ""
            )
        fix = ticket.work_done
        if ticket.repair_result:
            label = _(_RESULT_LABELS.get(ticket.repair_result, ticket.repair_result))
            fix = f"{fix} ({label})" if fix else label
        out.append(
            ServiceEntry(
                kind=TICKET,
                ref_id=case.id,
                day=case.received_on,
                number=case.number,
                unit=str(unit.short_name or unit.name) if unit else "",
                asset=f"{asset.number} {asset.name}" if asset else "",
                category=categories.get(ticket.category_id, ""),
                problem=" ".join(p for p in (case.title, ticket.description) if p),
                cause=ticket.cause,
                fix=fix,
                staff=names.get(case.assignee_id or 0, ""),
                finished_on=case.closed_on,
                days_taken=taken,
                days_allowed=case.allowed_days,
                result=result,
            )
        )
    return out


def _maintenance_entries(record_ids: list[int]) -> list[ServiceEntry]:
    rows = list(
        MaintenanceRecord.select(MaintenanceRecord, MaintenanceTask)
        .join(MaintenanceTask)
        .where(MaintenanceRecord.id.in_(record_ids))
    )
    asset_rows = _by_id(Asset, {r.asset_id for r in rows if r.asset_id})
    names = _names({r.done_by_id for r in rows if r.done_by_id})
    ticket_numbers: dict[int, str] = {}
    ticket_ids = {r.follow_up_ticket_id for r in rows if r.follow_up_ticket_id}
    if ticket_ids:
        query = (
            RepairTicket.select(RepairTicket.id, Case.number)
            .join(Case, on=(RepairTicket.case == Case.id))
            .where(RepairTicket.id.in_(ticket_ids))
        )
        for pair in cast(Iterable[tuple[Any, Any]], query.tuples()):
            ticket_numbers[int(pair[0])] = str(pair[1])
    out = []
    for record in rows:
        asset = asset_rows.get(record.asset_id or 0)
        follow = ticket_numbers.get(record.follow_up_ticket_id or 0)
        out.append(
            ServiceEntry(
                kind=MAINTENANCE,
                ref_id=record.id,
                day=record.done_on,
                number=_("บำรุงรักษา"),
                unit="",
                asset=f"{asset.number} {asset.name}" if asset else target_label(record.task),
                category=_("บำรุงรักษาเชิงป้องกัน"),
                problem=record.findings,
                cause="",
                fix=_("เปิดเรื่องแจ้งซ่อม {number}").format(number=follow) if follow else "",
                staff=names.get(record.done_by_id or 0, ""),
                finished_on=record.done_on,
                days_taken=None,
                days_allowed=None,
                result=_("พบปัญหา"),
            )
        )
    return out


def _by_id(model: Any, ids: set[int]) -> dict[int, Any]:
    if not ids:
        return {}
    return {row.id: row for row in model.select().where(model.id.in_(ids))}


def _names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {u.id: u.full_name for u in User.select(User.id, User.full_name).where(User.id.in_(ids))}


# --- print and export -----------------------------------------------------------------------------

# key, N_ title, weight, align. The export keeps every field in its own column.
COLUMNS: tuple[tuple[str, str, float, str], ...] = (
    ("seq", N_("ลำดับ"), 0.45, "center"),
    ("day", N_("วันที่รับแจ้ง"), 0.9, "center"),
    ("number", N_("เลขที่"), 0.8, "center"),
    ("unit", N_("หน่วยงาน"), 0.9, "left"),
    ("asset", N_("ครุภัณฑ์"), 1.4, "left"),
    ("category", N_("ประเภทปัญหา"), 1.0, "left"),
    ("problem", N_("ปัญหา"), 1.8, "left"),
    ("cause", N_("สาเหตุ"), 1.3, "left"),
    ("fix", N_("การแก้ไข"), 1.6, "left"),
    ("staff", N_("ผู้ดำเนินการ"), 1.1, "left"),
    ("finished", N_("วันที่แล้วเสร็จ"), 0.9, "center"),
    ("days", N_("ใช้เวลา/กำหนด (วันทำการ)"), 0.8, "center"),
    ("result", N_("ผล"), 1.0, "left"),
)
# On paper (landscape A4, 700 pt at 12 pt): fewer, combined columns so none is too narrow; the
# weights are the columns' widths in points.
PRINT_COLUMNS: tuple[tuple[str, str, float, str], ...] = (
    ("seq", N_("ลำดับ"), 36, "center"),
    ("received", N_("เลขที่/วันที่รับแจ้ง"), 88, "left"),
    ("unit", N_("หน่วยงาน"), 56, "left"),
    ("asset", N_("ครุภัณฑ์"), 96, "left"),
    ("problem", N_("ปัญหา"), 104, "left"),
    ("cause", N_("สาเหตุ"), 78, "left"),
    ("fix", N_("การแก้ไข"), 100, "left"),
    ("staff", N_("ผู้ดำเนินการ"), 62, "left"),
    ("outcome", N_("ผลและระยะเวลา"), 80, "left"),
)


def entry_cells(seq: int, entry: ServiceEntry) -> dict[str, str]:
    finished = date_short(entry.finished_on) if entry.finished_on else ""
    outcome = [entry.result]
    if finished:
        outcome.insert(0, _("เสร็จ {day}").format(day=finished))
    if entry.days_taken is not None:
        outcome.append(_("ใช้ {days} วันทำการ").format(days=entry.days_text))
    return {
        "seq": str(seq),
        "day": date_short(entry.day),
        "number": entry.number,
        "received": f"{entry.number}\n{date_short(entry.day)}",
        "unit": entry.unit,
        "asset": entry.asset,
        "category": entry.category,
        "problem": entry.problem,
        "cause": entry.cause,
        "fix": entry.fix,
        "staff": entry.staff,
        "finished": finished,
        "days": entry.days_text,
        "result": entry.result,
        "outcome": "\n".join(outcome),
    }


def register_rows(start: dt.date | None, end: dt.date | None) -> list[dict[str, str]]:
    """The ``service-problems`` register for ``print-register`` (oldest first)."""
    entries = service_entries(None, ServiceFilter(start=start, end=end))
    return [entry_cells(seq, e) for seq, e in enumerate(entries, start=1)]


def export_service_register(
    actor: Any,
    filters: ServiceFilter,
    path: Path,
    *,
    subtitle: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> int:
    entries = service_entries(actor, filters)
    rows = []
    for seq, e in enumerate(entries, start=1):
        cells = entry_cells(seq, e)
        values: dict[str, Any] = dict(cells)
        values["day"] = e.day  # real Excel dates, shown in B.E.
        values["finished"] = e.finished_on or ""
        rows.append([values[key] for key, *_rest in COLUMNS])
    write_xlsx(
        path,
        title=_("ทะเบียนบันทึกปัญหาการให้บริการสารสนเทศ"),
        subtitle=subtitle,
        columns=[SheetColumn(_(title), 10 + 12 * weight) for _key, title, weight, _a in COLUMNS],
        rows=rows,
        sheet_name=_("ทะเบียนปัญหา"),
        progress=progress,
    )
    return len(rows)
