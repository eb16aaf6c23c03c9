"""Process 2's registers for ``print-register`` and the print preview: ``assets`` (the asset
register), ``service-problems`` (landscape), ``loans`` (the loaner log) and ``maintenance`` (the
preventive-maintenance record of a period)."""

from __future__ import annotations

import datetime as dt

from models.i18n import N_, _
from models.registers import RegisterColumn, RegisterDef, RowSource, declare_register
from models.support import assets, loans, maintenance, service_register
from models.support.assets import AssetFilter
from reports.thaifmt import date_short, number


def _landscape(
    name: str,
    title: str,
    columns: tuple[tuple[str, str, float, str], ...],
    rows: RowSource,
    *,
    names: tuple[str, ...] = (),
) -> RegisterDef:
    """Process 2's registers have many columns: A4 landscape at 12 pt. ``columns`` are (key,
    N_-marked title, width weight, alignment); ``names`` the keys of the columns whose cells
    hold people's names, a name per line, each printed on one line when the column has room."""
    return declare_register(
        RegisterDef(
            name,
            title,
            tuple(RegisterColumn(*column, keep=column[0] in names) for column in columns),
            rows,
            landscape=True,
            font_size=12.0,
        )
    )


def _asset_rows(start: dt.date | None, end: dt.date | None) -> list[dict[str, str]]:
    rows = assets.asset_rows(AssetFilter(acquired_from=start, acquired_to=end))
    out = []
    for seq, row in enumerate(rows, start=1):
        item = [row.name]
        make = " ".join(p for p in (row.brand, row.model_name) if p)
        if make:
            item.append(make)
        if row.serial_number:
            item.append(_("S/N {serial}").format(serial=row.serial_number))
        item.append(_("หมวด {name}").format(name=row.category or row.kind_label))
        budget = "\n".join(
            p for p in (row.budget_source, str(row.budget_year) if row.budget_year else "") if p
        )
        out.append(
            {
                "seq": str(seq),
                "number": row.number,
                "item": "\n".join(item),
                "acquired": date_short(row.acquired_on) if row.acquired_on else "",
                "price": number(row.price, decimals=2) if row.price is not None else "",
                "budget": budget,
                "place": "\n".join(
                    p for p in (row.location, row.custodian_name, row.custodian_unit) if p
                ),
                "status": row.status_label,
            }
        )
    return out


# Widths in points of a landscape A4 text line (700 pt), as weights, at 12 pt: the asset number
# never wraps (about 118 pt), dates and amounts stay on one line.
ASSETS = _landscape(
    "assets",
    N_("ทะเบียนครุภัณฑ์คอมพิวเตอร์ ซอฟต์แวร์ และอุปกรณ์เครือข่าย"),
    (
        ("seq", N_("ลำดับ"), 36, "center"),
        ("number", N_("เลขครุภัณฑ์"), 126, "left"),
        ("item", N_("รายการ"), 150, "left"),
        ("acquired", N_("วันที่ได้มา"), 86, "center"),
        ("price", N_("ราคา (บาท)"), 76, "right"),
        ("budget", N_("แหล่งเงิน/ปีงบประมาณ"), 64, "left"),
        ("place", N_("ที่ตั้ง/ผู้รับผิดชอบ"), 104, "left"),
        ("status", N_("สถานะ"), 58, "left"),
    ),
    _asset_rows,
)

SERVICE_PROBLEMS = _landscape(
    "service-problems",
    N_("ทะเบียนบันทึกปัญหาการให้บริการสารสนเทศ"),
    service_register.PRINT_COLUMNS,
    service_register.register_rows,
    names=("staff",),
)


def _loan_rows(start: dt.date | None, end: dt.date | None) -> list[dict[str, str]]:
    rows = loans.loan_rows(loans.LoanFilter(start=start, end=end))
    out = []
    for seq, row in enumerate(rows, start=1):
        dates = [
            _("ยืม {day}").format(day=date_short(row.lent_on)),
            _("กำหนดคืน {day}").format(day=date_short(row.due_back)),
        ]
        if row.returned_on:
            dates.append(_("คืน {day}").format(day=date_short(row.returned_on)))
        staff = [_("ผู้ให้ยืม {name}").format(name=row.lent_by)] if row.lent_by else []
        if row.received_by:
            staff.append(_("ผู้รับคืน {name}").format(name=row.received_by))
        out.append(
            {
                "seq": str(seq),
                "loaner": f"{row.loaner_number}\n{row.loaner_name}",
                "borrower": "\n".join(p for p in (row.borrower_name, row.borrower_unit) if p),
                "ticket": row.ticket_number,
                "dates": "\n".join(dates),
                "staff": "\n".join(staff),
                "state": row.state_label,
            }
        )
    return out


LOANS = _landscape(
    "loans",
    N_("ทะเบียนการยืมเครื่องทดแทน"),
    (
        ("seq", N_("ลำดับ"), 36, "center"),
        ("loaner", N_("เครื่องทดแทน"), 150, "left"),
        ("borrower", N_("ผู้ยืม/หน่วยงาน"), 130, "left"),
        ("ticket", N_("เรื่องแจ้งซ่อม"), 80, "center"),
        ("dates", N_("วันที่ยืม/คืน"), 100, "left"),
        ("staff", N_("ผู้ให้ยืม/ผู้รับคืน"), 126, "left"),
        ("state", N_("สถานะ"), 78, "left"),
    ),
    _loan_rows,
    names=("borrower", "staff"),
)


def _maintenance_rows(start: dt.date | None, end: dt.date | None) -> list[dict[str, str]]:
    items = maintenance.occurrences(start=start, end=end)
    out = []
    for seq, item in enumerate(items, start=1):
        done = [date_short(item.done_on)] if item.done_on else []
        if item.done_by:
            done.append(item.done_by)
        state = item.state_label
        if item.result:
            state += "\n" + _("ผล: {result}").format(result=item.result_label)
        out.append(
            {
                "seq": str(seq),
                "due": date_short(item.due_on),
                "task": item.title,
                "target": item.target,
                "assignee": item.assignee,
                "done": "\n".join(done),
                "findings": item.findings,
                "state": state,
            }
        )
    return out


MAINTENANCE = _landscape(
    "maintenance",
    N_("ทะเบียนการบำรุงรักษาเชิงป้องกัน"),
    (
        ("seq", N_("ลำดับ"), 36, "center"),
        ("due", N_("กำหนด"), 86, "center"),
        ("task", N_("งานบำรุงรักษา"), 120, "left"),
        ("target", N_("ครุภัณฑ์/กลุ่ม"), 110, "left"),
        ("assignee", N_("ผู้รับผิดชอบ"), 74, "left"),
        ("done", N_("ดำเนินการเมื่อ/โดย"), 96, "left"),
        ("findings", N_("สิ่งที่พบ"), 100, "left"),
        ("state", N_("สถานะ/ผล"), 78, "left"),
    ),
    _maintenance_rows,
    names=("assignee", "done"),
)


def register_names() -> list[str]:
    return [ASSETS.name, SERVICE_PROBLEMS.name, LOANS.name, MAINTENANCE.name]


def title_of(name: str) -> str:
    return _({d.name: d.title for d in (ASSETS, SERVICE_PROBLEMS, LOANS, MAINTENANCE)}[name])
