"""Reading tables from Excel (.xlsx) and CSV files, and writing registers out to .xlsx.

CSV files from Thai offices come in UTF-8 (with or without BOM) or Windows-874 (what Excel on a
Thai Windows saves as "CSV"); the delimiter is sniffed. Cells keep their types from Excel (dates,
numbers) so the importer can parse them without guessing twice.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import hashlib
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.errors import ValidationError
from models.i18n import _
from reports.thaifmt import MONTHS, MONTHS_SHORT, arabic_digits, parse_be_date

CSV_ENCODINGS = ("utf-8-sig", "cp874")


@dataclass
class SourceRow:
    line: int  # the row number people see in Excel (1-based, header included)
    cells: list[Any]


@dataclass
class SourceTable:
    """A sheet: every non-empty row, in file order. ``header_index`` picks the header row."""

    file_name: str
    sha256: str
    rows: list[SourceRow]
    header_index: int = 0
    sheet_names: list[str] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        if not self.rows:
            return []
        return [cell_text(c) for c in self.rows[self.header_index].cells]

    @property
    def data_rows(self) -> list[SourceRow]:
        return self.rows[self.header_index + 1 :]


def read_table(path: Path, *, sheet: str | None = None) -> SourceTable:
    """Read the first (or the named) sheet of an .xlsx file, or a .csv file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            _("เปิดไฟล์ “{name}” ไม่ได้ ({detail})").format(name=path.name, detail=exc.strerror)
        ) from exc
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        rows, names = _read_xlsx(data, path.name, sheet)
    elif suffix in {".csv", ".txt"}:
        rows, names = _read_csv(data, path.name), []
    else:
        raise ValidationError(
            _("ไฟล์ “{name}” ไม่ใช่ไฟล์ Excel (.xlsx) หรือ CSV").format(name=path.name)
        )
    if not rows:
        raise ValidationError(_("ไฟล์ “{name}” ไม่มีข้อมูล").format(name=path.name))
    return SourceTable(path.name, digest, rows, 0, names)


def _read_xlsx(data: bytes, name: str, sheet: str | None) -> tuple[list[SourceRow], list[str]]:
    from zipfile import BadZipFile

    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError(
            _("อ่านไฟล์ Excel “{name}” ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ .xlsx").format(name=name)
        ) from exc
    try:
        names = list(book.sheetnames)
        if sheet is not None and sheet not in names:
            raise ValidationError(_("ไม่พบแผ่นงาน “{sheet}” ในไฟล์").format(sheet=sheet))
        ws = book[sheet] if sheet else book.worksheets[0]
        rows: list[SourceRow] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = list(values)
            while cells and _blank(cells[-1]):
                cells.pop()
            if cells:
                rows.append(SourceRow(number, cells))
        return rows, names
    finally:
        book.close()


def _read_csv(data: bytes, name: str) -> list[SourceRow]:
    text = None
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise ValidationError(
            _("อ่านไฟล์ “{name}” ไม่ได้: ไม่ใช่ข้อความ UTF-8 หรือ Windows-874").format(name=name)
        )
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[SourceRow] = []
    for number, values in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
        cells: list[Any] = [v.strip() for v in values]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append(SourceRow(number, cells))
    return rows


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Any) -> str:
    """A cell as text: whole floats without ``.0`` (serial numbers typed into Excel as numbers)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    return str(value).strip()


_MONTH_NAMES = {name: i + 1 for i, name in enumerate(MONTHS)} | {
    name: i + 1 for i, name in enumerate(MONTHS_SHORT)
}
_THAI_DATE = re.compile(r"^(\d{1,2})\s*([ก-๙.]+)\s*(?:พ\.ศ\.)?\s*(\d{4})$")


def cell_date(value: Any) -> dt.date | None:
    """A date from a cell: an Excel date, ``dd/mm/yyyy`` B.E., ``23 พ.ย. 2569``, or ISO.
    Empty gives None; anything else raises ValueError."""
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = arabic_digits(str(value)).strip()
    try:
        return parse_be_date(text)
    except ValueError:
        pass
    match = _THAI_DATE.match(text)
    if match and match.group(2) in _MONTH_NAMES:
        year = int(match.group(3))
        if year < 2400:
            raise ValueError(text)
        return dt.date(year - 543, _MONTH_NAMES[match.group(2)], int(match.group(1)))
    iso = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return dt.date(year - 543 if year > 2400 else year, month, day)
    raise ValueError(text)


def cell_decimal(value: Any) -> decimal.Decimal | None:
    if _blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return decimal.Decimal(str(value)).quantize(decimal.Decimal("0.01"))
    text = arabic_digits(str(value)).replace(",", "").replace("บาท", "").strip()
    try:
        return decimal.Decimal(text).quantize(decimal.Decimal("0.01"))
    except decimal.InvalidOperation as exc:
        raise ValueError(text) from exc


def cell_int(value: Any) -> int | None:
    if _blank(value):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(str(value))
        return int(value)
    if isinstance(value, int):
        return value
    text = arabic_digits(str(value)).replace(",", "").strip()
    if not re.fullmatch(r"-?\d+", text):
        raise ValueError(text)
    return int(text)


# --- writing -------------------------------------------------------------------------------------


# Real Excel dates shown in B.E.: calendar 07 (Thai Buddhist) of the Thai locale (041E), Arabic
# digits (01; 0D would write Thai digits). Excel and LibreOffice sort and filter them as dates;
# openpyxl reads them back as dates.
BE_DATE_FORMAT = "[$-107041E]dd/mm/yyyy"
BE_DATETIME_FORMAT = "[$-107041E]dd/mm/yyyy hh:mm"


def _cell(value: Any) -> Any:
    """What openpyxl writes: dates stay dates (formatted in B.E. by the caller), amounts numbers."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


@dataclass(frozen=True)
class SheetColumn:
    title: str
    width: float = 16  # characters


def display_date(text: str) -> dt.date | None:
    """A date as this program shows it in tables and registers, read back for a spreadsheet:
    ``23/11/2569``, ``23 พ.ย. 2569``, ``10 เม.ย. 69`` (no-break spaces too), Thai digits. None for
    anything else (an empty cell, ``-``, a cell with more than a date), which stays text."""
    plain = " ".join(arabic_digits(text).split())
    if not plain or plain == "-":
        return None
    try:
        return cell_date(plain)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2}) ([ก-๙.]+) (\d{2})", plain)
    if match and match.group(2) in _MONTH_NAMES:
        year_be = 2500 + int(match.group(3))  # two-digit B.E. years of the tables: 25xx
        try:
            return dt.date(year_be - 543, _MONTH_NAMES[match.group(2)], int(match.group(1)))
        except ValueError:
            return None
    return None


def write_xlsx(
    path: Path,
    *,
    title: str,
    subtitle: str,
    columns: Sequence[SheetColumn],
    rows: Sequence[Sequence[Any]],
    sheet_name: str,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """A register as a workbook: title lines, a bold header row (frozen, filterable), the rows."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet_name[:31]
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([subtitle])
    header_row = 3
    ws.append([c.title for c in columns])
    fill = PatternFill("solid", fgColor="DDE7F0")
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=header_row, column=index)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = column.width
    total = len(rows)
    for done, row in enumerate(rows, start=1):
        ws.append([_cell(value) for value in row])
        for index, value in enumerate(row, start=1):
            if isinstance(value, dt.date):
                cell = ws.cell(row=header_row + done, column=index)
                cell.number_format = (
                    BE_DATETIME_FORMAT if isinstance(value, dt.datetime) else BE_DATE_FORMAT
                )
        if progress and done % 500 == 0:
            progress(done, total)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if columns:
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(total, 1)}"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        book.save(path)
    except OSError as exc:
        raise ValidationError(
            _("บันทึกไฟล์ “{name}” ไม่ได้ ({detail}) ไฟล์อาจเปิดค้างอยู่ในโปรแกรมอื่น").format(
                name=path.name, detail=exc.strerror or exc
            )
        ) from exc
    if progress:
        progress(total, total)
    return path
