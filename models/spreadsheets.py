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
import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.errors import ValidationError
from models.i18n import _
from reports.thaifmt import MONTHS, MONTHS_SHORT, arabic_digits, parse_be_date

CSV_ENCODINGS = ("utf-8-sig", "cp874")
# What an import reads at most: a register is thousands of rows, never millions. A file past these
# is refused before it is read whole (a 1 MB .xlsx can claim millions of rows).
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 32_767  # what an Excel cell holds
log = logging.getLogger(__name__)


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
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(
                _("ไฟล์ “{name}” ใหญ่เกินไป (เกิน {n} MB)").format(
                    name=path.name, n=MAX_FILE_BYTES // (1024 * 1024)
                )
            )
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

    damaged = _("อ่านไฟล์ Excel “{name}” ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ .xlsx").format(name=name)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError(damaged) from exc
    except Exception as exc:  # malformed or hostile XML: any parser error means "cannot read"
        log.info("unreadable workbook %s: %r", name, exc)
        raise ValidationError(damaged + f" ({type(exc).__name__})") from exc
    try:
        names = list(book.sheetnames)
        if sheet is not None and sheet not in names:
            raise ValidationError(
                _("ไม่พบแผ่นงาน “{sheet}” ในไฟล์ “{name}”").format(sheet=sheet, name=name)
            )
        if not names:
            raise ValidationError(_("ไฟล์ Excel “{name}” ไม่มีแผ่นงาน").format(name=name))
        ws = book[sheet] if sheet else book.worksheets[0]
        return _sheet_rows(ws, name), names
    except ValidationError:
        raise
    except Exception as exc:  # a sheet part missing or malformed inside the zip
        log.info("unreadable sheet in %s: %r", name, exc)
        raise ValidationError(
            _("อ่านแผ่นงานในไฟล์ Excel “{name}” ไม่ได้ ไฟล์อาจเสียหาย ({detail})").format(
                name=name, detail=type(exc).__name__
            )
        ) from exc
    finally:
        book.close()


def _too_many_rows(name: str) -> ValidationError:
    return ValidationError(
        _("ไฟล์ “{name}” มีเกิน {n:,} แถว ซึ่งมากเกินกว่าจะเป็นทะเบียนเดียว กรุณาแบ่งไฟล์").format(
            name=name, n=MAX_ROWS
        )
    )


def _sheet_rows(ws: Any, name: str) -> list[SourceRow]:
    """The sheet's rows, refused as soon as it claims or turns out to hold too many."""
    if getattr(ws, "max_row", None) and ws.max_row > MAX_ROWS + 100:
        raise _too_many_rows(name)  # the sheet's own dimension says so: nothing is read
    rows: list[SourceRow] = []
    for number, values in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
        if number > MAX_ROWS + 100:  # counted as they stream: a dimension may lie
            raise _too_many_rows(name)
        cells = [_checked_cell(v, name, number) for v in values]
        while cells and _blank(cells[-1]):
            cells.pop()
        if cells:
            rows.append(SourceRow(number, cells))
    return rows


def _checked_cell(value: Any, name: str, line: int) -> Any:
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        raise ValidationError(
            _("ไฟล์ “{name}” แถวที่ {line} มีช่องที่ยาวเกิน {n:,} ตัวอักษร").format(
                name=name, line=line, n=MAX_CELL_CHARS
            )
        )
    return value


def _read_csv(data: bytes, name: str) -> list[SourceRow]:
    if b"\x00" in data:
        raise ValidationError(
            _(
                "อ่านไฟล์ “{name}” ไม่ได้: ไฟล์มีอักขระ NUL (อาจเป็นไฟล์ UTF-16 หรือไม่ใช่ไฟล์ข้อความ) "
                "กรุณาบันทึกเป็น CSV แบบ UTF-8"
            ).format(name=name)
        )
    text = None
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None or (encoding == "cp874" and not plausible_thai(text)):
        raise ValidationError(
            _(
                "อ่านไฟล์ “{name}” ไม่ได้: ไม่ใช่ข้อความ UTF-8 หรือ Windows-874 (อาจเป็นภาษาอื่น "
                "เช่น Latin-1 หรือ GB18030) กรุณาบันทึกเป็น CSV แบบ UTF-8"
            ).format(name=name)
        )
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[SourceRow] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        for number, values in enumerate(reader, start=1):
            if number > MAX_ROWS + 100:
                raise _too_many_rows(name)
            cells: list[Any] = [_checked_cell(v.strip(), name, number) for v in values]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append(SourceRow(number, cells[:MAX_COLUMNS]))
    except csv.Error as exc:  # e.g. a field over the csv module's 131,072-character limit
        raise ValidationError(
            _("อ่านไฟล์ “{name}” ไม่ได้ แถวที่ {line}: รูปแบบ CSV ไม่ถูกต้อง ({detail})").format(
                name=name, line=reader.line_num, detail=exc
            )
        ) from exc
    return rows


_THAI_CONSONANT = re.compile(r"[\u0e01-\u0e2e]")
_THAI_MARK = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def plausible_thai(text: str) -> bool:
    """False when text decoded as Windows-874 is really another 8-bit encoding: Latin-1 or
    GB18030 bytes decode to Thai letters too, but to vowel and tone marks that follow no Thai
    consonant ("Café" → "Caf้"), which Thai writing never has."""
    thai = marks_astray = 0
    previous = ""
    for ch in text:
        if "\u0e00" <= ch <= "\u0e7f":
            thai += 1
            if _THAI_MARK.match(ch) and not (
                _THAI_CONSONANT.match(previous) or _THAI_MARK.match(previous)
            ):
                marks_astray += 1
        previous = ch
    return thai == 0 or marks_astray * 50 <= thai


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
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(str(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return decimal.Decimal(str(value)).quantize(decimal.Decimal("0.01"))
        except decimal.InvalidOperation as exc:  # more digits than a price has
            raise ValueError(str(value)) from exc
    text = arabic_digits(str(value)).replace("บาท", "").strip()
    # Thousands separators only in threes: "1,2,3" is not 123. No exponents, NaN or Infinity.
    if not re.fullmatch(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", text):
        raise ValueError(text)
    try:
        return decimal.Decimal(text.replace(",", "")).quantize(decimal.Decimal("0.01"))
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
    text = arabic_digits(str(value)).strip()
    if not re.fullmatch(r"-?(\d{1,3}(,\d{3})+|\d{1,18})", text):  # "1,2,3" is not 123
        raise ValueError(text)
    return int(text.replace(",", ""))


# --- writing -------------------------------------------------------------------------------------

# Characters an .xlsx (XML 1.0) cannot hold: C0 controls but tab, newline and carriage return.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Excel reads a cell typed with these first characters as a formula (CWE-1236, CSV/formula
# injection); tab and carriage return lead DDE payloads too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def sheet_text(text: str) -> str:
    """Stored text as a workbook can hold it: a control character becomes its visible picture
    (U+2400 + code, e.g. ␀), a lone surrogate the replacement character, so exporting a register
    never fails on text saved before entry refused such characters."""
    text = _XML_ILLEGAL.sub(lambda m: chr(0x2400 + ord(m.group())), text)
    return _SURROGATE.sub("\ufffd", text)


def _as_text_cell(cell: Any) -> None:
    """Keep a cell's text as typed, never as a formula: a string cell (openpyxl would otherwise
    write ``=HYPERLINK(…)`` as a live formula), and Excel's quote prefix on text that starts like
    a formula, so editing the cell in Excel does not turn it into one either."""
    cell.data_type = "s"
    if cell.value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


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
    ws.append([sheet_text(title)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([sheet_text(subtitle)])
    header_row = 3
    ws.append([sheet_text(c.title) for c in columns])
    for cell in (ws["A1"], ws["A2"], *ws[header_row]):
        _as_text_cell(cell)
    fill = PatternFill("solid", fgColor="DDE7F0")
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=header_row, column=index)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = column.width
    total = len(rows)
    for done, row in enumerate(rows, start=1):
        ws.append([sheet_text(v) if isinstance(v, str) else _cell(v) for v in row])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                _as_text_cell(cell)
            elif isinstance(cell.value, dt.date):
                # a real Excel date shown in B.E. (openpyxl writes datetime for a date)
                cell.number_format = (
                    BE_DATETIME_FORMAT
                    if isinstance(cell.value, dt.datetime) and cell.value.time() != dt.time()
                    else BE_DATE_FORMAT
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
