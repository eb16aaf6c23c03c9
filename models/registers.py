"""The registers the office browses and prints (``print-register``), declared by each process.

A register is a title, columns and a function that returns its rows for a period as display text;
``print_register`` lays them out with the document engine's register print-out.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from models import settings
from models.errors import ValidationError
from models.i18n import _, document_language
from models.org import organisation
from reports.thaifmt import date_long, parse_be_date


@dataclass(frozen=True)
class RegisterColumn:
    key: str
    title: str  # N_-marked
    weight: float = 1.0  # relative width on paper
    align: str = "left"  # left | center | right
    keep: bool = False  # people's names: each line of a cell printed on one line when it fits


RowSource = Callable[[dt.date | None, dt.date | None], Sequence[dict[str, str]]]


@dataclass(frozen=True)
class RegisterDef:
    name: str  # the CLI name, e.g. "publications"
    title: str  # N_-marked, e.g. "ทะเบียนการเผยแพร่ข้อมูลบนเว็บไซต์"
    columns: tuple[RegisterColumn, ...]
    rows: RowSource
    landscape: bool = False
    font_size: float = 14.0  # smaller for registers with many columns


REGISTER_MODULES: list[str] = [  # process modules that call ``declare_register``
    "models.support.registers",
    "models.publication.process",
    "models.data_request.process",
    "models.outgoing.register",
    "models.infrastructure.documents",
    "models.procurement.registers",
    "models.development.process",
]
_REGISTERS: dict[str, RegisterDef] = {}


def declare_register(definition: RegisterDef) -> RegisterDef:
    _REGISTERS[definition.name] = definition
    return definition


def all_registers() -> list[RegisterDef]:
    for module in REGISTER_MODULES:
        importlib.import_module(module)
    return sorted(_REGISTERS.values(), key=lambda d: d.name)


def get_register(name: str) -> RegisterDef:
    known = {d.name: d for d in all_registers()}
    if name not in known:
        raise ValidationError(
            _("ไม่รู้จักทะเบียน “{name}” (มี: {names})").format(
                name=name, names=", ".join(sorted(known)) or "-"
            )
        )
    return known[name]


def parse_period(
    date_from: str | None, date_to: str | None
) -> tuple[dt.date | None, dt.date | None]:
    def one(text: str | None, label: str) -> dt.date | None:
        if not text:
            return None
        # ISO for scripts; วว/ดด/ปปปป in B.E., as the office writes dates, for people.
        for parse in (dt.date.fromisoformat, parse_be_date):
            try:
                return parse(text)
            except ValueError:
                continue
        raise ValidationError(
            _("วันที่ {label} “{text}” ไม่ถูกต้อง (ใช้รูปแบบ YYYY-MM-DD หรือ วว/ดด/ปปปป เป็น พ.ศ.)").format(
                label=label, text=text
            )
        )

    start, end = one(date_from, "--from"), one(date_to, "--to")
    if start and end and start > end:
        raise ValidationError(_("วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด"))
    return start, end


def period_text(start: dt.date | None, end: dt.date | None, *, thai: bool) -> str:
    if start and end:
        return _("ระหว่างวันที่ {start} ถึง {end}").format(
            start=date_long(start, thai=thai), end=date_long(end, thai=thai)
        )
    if start:
        return _("ตั้งแต่วันที่ {start}").format(start=date_long(start, thai=thai))
    if end:
        return _("ถึงวันที่ {end}").format(end=date_long(end, thai=thai))
    return _("ทั้งหมด")


def render_register(name: str, start: dt.date | None, end: dt.date | None) -> bytes:
    """The register as PDF bytes (for the print preview and for ``print_register``), in Thai
    whatever the window's language."""
    from reports.registers import RegisterTable, TableColumn, render_register_table

    definition = get_register(name)
    with document_language():
        thai = bool(settings.get("documents.thai_digits"))
        rows = definition.rows(start, end)
        org = organisation()
        table = RegisterTable(
            title=_(definition.title),
            office=" ".join(p for p in (org.mission, org.name) if p),
            period=period_text(start, end, thai=thai),
            columns=[
                TableColumn(_(c.title), c.weight, c.align, c.keep) for c in definition.columns
            ],
            rows=[[row.get(c.key, "") for c in definition.columns] for row in rows],
            landscape=definition.landscape,
            thai_digits=thai,
            font_size=definition.font_size,
        )
        return render_register_table(table)


def register_workbook(name: str, start: dt.date | None, end: dt.date | None, output: Path) -> int:
    """The register as an .xlsx workbook (same rows, columns and title as the print-out). A cell
    that holds a date and nothing else (as the registers write them: ``23 พ.ย. 2569``,
    ``10 เม.ย. 69``) becomes a real Excel date shown in B.E., so Excel sorts and filters it; the
    registers stay declared once, for paper. Returns the number of rows written."""
    from models.spreadsheets import SheetColumn, display_date, write_xlsx

    definition = get_register(name)
    with document_language():
        rows = definition.rows(start, end)
        org = organisation()
        subtitle = " ".join(
            p for p in (org.mission, org.name, period_text(start, end, thai=False)) if p
        )
        widths = [c.weight for c in definition.columns]
        scale = 14 / (sum(widths) / len(widths)) if widths else 1.0

        def cell(text: str) -> object:
            day = display_date(text)
            return day if day is not None else text

        write_xlsx(
            output,
            title=_(definition.title),
            subtitle=subtitle,
            columns=[
                SheetColumn(_(c.title), max(8.0, min(60.0, c.weight * scale)))
                for c in definition.columns
            ],
            rows=[[cell(row.get(c.key, "")) for c in definition.columns] for row in rows],
            sheet_name=_(definition.title)[:31],
        )
    return len(rows)


def export_register(
    name: str, *, date_from: str | None, date_to: str | None, output: Path
) -> tuple[Path, int]:
    """``export-register``: as ``print_register``, into an .xlsx file."""
    if output.suffix.lower() != ".xlsx":
        raise ValidationError(
            _("ไฟล์ที่ส่งออกต้องเป็น .xlsx (ได้รับ “{name}”)").format(name=output.name),
            {"output": _("ต้องลงท้ายด้วย .xlsx")},
        )
    start, end = parse_period(date_from, date_to)
    return output, register_workbook(name, start, end, output)


def print_register(name: str, *, date_from: str | None, date_to: str | None, output: Path) -> Path:
    start, end = parse_period(date_from, date_to)
    data = render_register(name, start, end)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    return output
