"""The contract register (ทะเบียนสัญญา) and the incident register (ทะเบียนเหตุขัดข้อง) for
``print-register`` (``contracts``, ``incidents``), the print preview and the .xlsx export.

    contract_rows(start, end) / incident_rows(start, end)   # display text per column
    export_register("contracts", path, start=None, end=None)  # the same columns as a workbook
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from models import permissions
from models.base import Actor
from models.i18n import N_, _
from models.procurement import contracts as contract_records
from models.procurement import execution, incidents
from models.procurement.methods import method_label
from models.registers import (
    RegisterColumn,
    RegisterDef,
    declare_register,
    get_register,
    period_text,
)
from models.spreadsheets import SheetColumn, write_xlsx
from reports.thaifmt import date_short, datetime_short, number

CONTRACT_COLUMNS = (
    RegisterColumn("seq", N_("ลำดับ"), 0.5, "center"),
    RegisterColumn("number", N_("เลขที่สัญญา"), 1.0),
    RegisterColumn("signed", N_("วันที่ลงนาม"), 1.0),
    RegisterColumn("title", N_("งานที่จัดซื้อจัดจ้าง"), 2.6),
    RegisterColumn("vendor", N_("คู่สัญญา"), 2.0),
    RegisterColumn("method", N_("วิธีจัดซื้อจัดจ้าง"), 1.4),
    RegisterColumn("price", N_("ราคาตามสัญญา (บาท)"), 1.2, "right"),
    RegisterColumn("installments", N_("งวดงาน (ตรวจรับแล้ว/ทั้งหมด)"), 1.0, "center"),
    RegisterColumn("security", N_("หลักประกันสัญญา"), 1.4),
    RegisterColumn("warranty", N_("สิ้นสุดการรับประกัน"), 1.0),
    RegisterColumn("penalty", N_("ค่าปรับ (บาท)"), 1.0, "right"),
    RegisterColumn("status", N_("สถานะ"), 1.0),
)

INCIDENT_COLUMNS = (
    RegisterColumn("seq", N_("ลำดับ"), 0.5, "center"),
    RegisterColumn("down_since", N_("วันเวลาที่พบ"), 1.2),
    RegisterColumn("system", N_("อุปกรณ์/ระบบ"), 1.8),
    RegisterColumn("vendor", N_("ผู้รับจ้าง/สัญญา"), 1.8),
    RegisterColumn("contacted", N_("แจ้งผู้รับจ้าง (ช่องทาง)"), 1.4),
    RegisterColumn("started", N_("เริ่มซ่อม"), 1.2),
    RegisterColumn("response", N_("เวลาตอบสนอง (นาที)"), 0.8, "right"),
    RegisterColumn("restored", N_("ใช้งานได้ตามปกติ"), 1.2),
    RegisterColumn("hours", N_("ชั่วโมงขัดข้อง"), 0.8, "right"),
    RegisterColumn("over", N_("ชั่วโมงเกินเกณฑ์"), 0.8, "right"),
    RegisterColumn("penalty", N_("ค่าปรับ (บาท)"), 0.9, "right"),
    RegisterColumn("cause", N_("สาเหตุ/หมายเหตุ"), 2.0),
)


def _money(value: Decimal) -> str:
    return number(value, decimals=2)


def contract_rows(start: dt.date | None, end: dt.date | None) -> list[dict[str, str]]:
    """The contracts signed in the period, oldest first."""
    rows = []
    for seq, c in enumerate(contract_records.all_contracts(start, end), start=1):
        plan = contract_records.installments(c)
        accepted = sum(1 for i in plan if i.status == contract_records.InstallmentStatus.ACCEPTED)
        security = contract_records.security_of(c)
        if security is None:
            security_text = _("ยังไม่ได้รับ")
        elif security.returned_on:
            security_text = _("{amount} คืนแล้ว {day}").format(
                amount=_money(Decimal(security.amount)), day=date_short(security.returned_on)
            )
        else:
            security_text = _money(Decimal(security.amount))
        ends = c.warranty_ends_on
        rows.append(
            {
                "id": str(c.id),  # for the on-screen register (not a printed column)
                "seq": str(seq),
                "number": c.number,
                "signed": date_short(c.signed_on),
                "title": c.title,
                "vendor": c.vendor.name,
                "method": method_label(c.method),
                "price": _money(Decimal(c.price)),
                "installments": f"{accepted}/{len(plan)}",
                "security": security_text,
                "warranty": date_short(ends) if ends else "",
                "penalty": _money(execution.contract_penalty(c).total),
                "status": _(contract_records.CONTRACT_STATUS_LABELS.get(c.status, c.status)),
            }
        )
    return rows


def incident_rows(start: dt.date | None, end: dt.date | None) -> list[dict[str, str]]:
    """The incidents that began in the period, oldest first."""
    rows = []
    for seq, i in enumerate(incidents.incidents_between(start, end), start=1):
        who = i.vendor.name if i.vendor else ""
        if i.contract:
            who += "\n" + _("สัญญา {number}").format(number=i.contract.number)
        contacted = datetime_short(i.contacted_at) if i.contacted_at else ""
        if contacted and i.channel:
            contacted += f"\n({i.channel})"
        rows.append(
            {
                "id": str(i.id),
                "contract_id": str(i.contract.id) if i.contract else "",
                "seq": str(seq),
                "down_since": datetime_short(i.down_since),
                "system": i.system,
                "vendor": who.strip(),
                "contacted": contacted,
                "started": datetime_short(i.repair_started_at) if i.repair_started_at else "",
                "response": str(i.response_minutes) if i.response_minutes is not None else "",
                "restored": datetime_short(i.restored_at) if i.restored_at else _("ยังขัดข้อง"),
                "hours": str(i.downtime_hours) if i.downtime_hours is not None else "",
                "over": str(i.hours_over_allowance) if i.hours_over_allowance else "",
                "penalty": _money(Decimal(i.penalty)) if Decimal(i.penalty) else "",
                "cause": "\n".join(p for p in (i.cause, i.note) if p),
            }
        )
    return rows


CONTRACTS = declare_register(
    RegisterDef(
        "contracts",
        N_("ทะเบียนสัญญา"),
        CONTRACT_COLUMNS,
        contract_rows,
        landscape=True,
        font_size=12.0,
    )
)
INCIDENTS = declare_register(
    RegisterDef(
        "incidents",
        N_("ทะเบียนเหตุขัดข้องและเหตุฉุกเฉิน"),
        INCIDENT_COLUMNS,
        incident_rows,
        landscape=True,
        font_size=12.0,
    )
)


def export_register(
    actor: Actor | None,
    name: str,
    path: Path,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> int:
    """Write register ``name`` (``contracts`` or ``incidents``) for the period as .xlsx, with the
    printed register's columns; returns the number of rows."""
    permissions.require(actor, permissions.Permission.VIEW)
    definition = get_register(name)
    rows = definition.rows(start, end)
    write_xlsx(
        path,
        title=_(definition.title),
        subtitle=period_text(start, end, thai=False),
        columns=[SheetColumn(_(c.title), 8 + 12 * c.weight) for c in definition.columns],
        rows=[[row.get(c.key, "") for c in definition.columns] for row in rows],
        sheet_name=_(definition.title),
    )
    return len(rows)
