"""Thai working days (วันทำการ): Monday to Friday, minus the holidays government offices keep.

Holidays come from the ``holidays`` package for Thailand, categories PUBLIC and GOVERNMENT (offices
also close on e.g. the Royal Ploughing Ceremony day), corrected by the office's own table
(``OfficeDay``): extra closed days (special holidays the Cabinet announces each year, or a date the
package does not know yet) and package holidays the office works on.

Deadlines count from the day of receipt: ``add_working_days(received, n)`` is the n-th working day
*after* that day; a document received on a non-working day counts as received on the next working
day. ``working_days_between(a, b)`` counts the working days after ``a`` up to and including ``b``.

Each year's closed days are cached. The office table carries a revision counter that every change
raises; the cache re-reads it at most every ``REFRESH_SECONDS`` (so another workstation's change is
seen within seconds) and at once after a change made here.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import importlib
import importlib.util
import io
import logging
import sys
import threading
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import peewee

from models.base import BaseModel, VersionedModel
from models.db import database
from models.errors import ValidationError
from models.i18n import N_, _, current_language
from models.write_lock import write_transaction
from reports.thaifmt import arabic_digits, date_long, parse_be_date

log = logging.getLogger(__name__)
REFRESH_SECONDS = 5.0
HOLIDAY_CATEGORIES = ("public", "government")  # holidays.PUBLIC, holidays.GOVERNMENT


class OfficeDayKind(StrEnum):
    CLOSED = "closed"  # the office is closed although the package does not say so
    OPEN = "open"  # the office works although the package lists a holiday


OFFICE_DAY_KIND_LABELS = {
    OfficeDayKind.CLOSED: N_("วันหยุดเพิ่มเติมของสำนักงาน"),
    OfficeDayKind.OPEN: N_("วันทำงาน (ไม่หยุดตามปฏิทิน)"),
}


class OfficeDay(VersionedModel):
    """One entry of the office's own holiday table."""

    day = peewee.DateField(unique=True)
    kind = peewee.CharField(max_length=16, default=OfficeDayKind.CLOSED)
    name = peewee.CharField(max_length=300)


class CalendarRevision(BaseModel):
    """A single row whose number rises with every change of the office table (cache check)."""

    revision = peewee.IntegerField(default=0)


# ---------------------------------------------------------------------------------------------
# The cache


@dataclass
class _Cache:
    db: object | None = None
    revision: int = -1
    checked_at: float = 0.0
    office: dict[dt.date, tuple[str, str]] = field(default_factory=dict)  # day -> (kind, name)
    closed: dict[int, frozenset[dt.date]] = field(default_factory=dict)  # year -> closed weekdays


_cache = _Cache()
_lock = threading.RLock()


def _read_revision() -> int:
    value = (
        CalendarRevision.select(CalendarRevision.revision).order_by(CalendarRevision.id).scalar()
    )
    return int(value or 0)


def _load_office() -> dict[dt.date, tuple[str, str]]:
    return {row.day: (row.kind, row.name) for row in OfficeDay.select()}


def _current() -> _Cache:
    """The cache, refreshed if the database changed or the office table's revision moved."""
    with _lock:
        db = database.obj
        now = time.monotonic()
        if db is None:
            if _cache.db is not None or _cache.revision != 0:
                _reset(None, 0, {})
            return _cache
        if _cache.db is not db:
            _reset(db, _read_revision(), _load_office())
        elif now - _cache.checked_at >= REFRESH_SECONDS:
            revision = _read_revision()
            if revision != _cache.revision:
                _reset(db, revision, _load_office())
            _cache.checked_at = now
        return _cache


def _reset(db: object | None, revision: int, office: dict[dt.date, tuple[str, str]]) -> None:
    _cache.db = db
    _cache.revision = revision
    _cache.office = office
    _cache.closed = {}
    _cache.checked_at = time.monotonic()


def reload() -> None:
    """Forget the cache (e.g. after another workstation changed the table and a user asks)."""
    with _lock:
        _cache.db = None


def package_holidays(year: int, language: str | None = None) -> dict[dt.date, str]:
    """The ``holidays`` package's Thai PUBLIC and GOVERNMENT days of ``year`` with their names."""
    lang = language or ("th" if current_language() == "th" else "en_US")
    key = (year, lang)
    with _lock:
        found = _package_cache.get(key)
    if found is None:
        days = _thailand()(years=year, categories=HOLIDAY_CATEGORIES, language=lang)
        found = {day: str(name) for day, name in days.items()}
        with _lock:
            _package_cache[key] = found
    return dict(found)


_package_cache: dict[tuple[int, str], dict[dt.date, str]] = {}  # the package's data never changes
_thailand_class: Any = None


def _thailand() -> Any:
    """The package's ``Thailand`` class, imported alone.

    ``import holidays`` (and ``holidays.countries``) imports every one of its 250 countries: about
    0.15 s at every start, for one country. The Thai module is imported here with the two package
    modules standing in as empty shells (their ``__init__`` not run), which takes about 0.04 s;
    the shells are removed afterwards, so a later ``import holidays`` still gets the whole package.
    Any surprise (another packaging, a frozen build's importer) falls back to the plain import.
    """
    global _thailand_class
    with _import_lock:
        if _thailand_class is not None:
            return _thailand_class
        try:
            _thailand_class = _import_thailand_alone()
        except Exception:  # pragma: no cover - depends on how the package is installed
            log.warning("importing holidays.countries.thailand alone failed", exc_info=True)
            from holidays.countries.thailand import Thailand

            _thailand_class = Thailand
        return _thailand_class


def _import_thailand_alone() -> Any:
    shells: dict[str, types.ModuleType] = {}
    for name in ("holidays", "holidays.countries"):
        if name not in sys.modules:
            spec = importlib.util.find_spec(name)
            if spec is None:
                raise ImportError(name)
            shells[name] = sys.modules[name] = importlib.util.module_from_spec(spec)
    try:
        module = importlib.import_module("holidays.countries.thailand")
    finally:
        for name, shell in shells.items():
            if sys.modules.get(name) is shell:
                del sys.modules[name]
    return module.Thailand


_import_lock = threading.Lock()


def _closed_days(year: int) -> frozenset[dt.date]:
    cache = _current()
    cached = cache.closed.get(year)
    if cached is not None:
        return cached
    days = set(package_holidays(year, "th"))
    for day, (kind, _name) in cache.office.items():
        if day.year != year:
            continue
        if kind == OfficeDayKind.OPEN:
            days.discard(day)
        else:
            days.add(day)
    result = frozenset(d for d in days if d.weekday() < 5)
    with _lock:
        if cache is _cache:
            cache.closed[year] = result
    return result


# ---------------------------------------------------------------------------------------------
# Working days


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _closed_days(day.year)


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The ``days``-th working day after ``start`` (the day of receipt, which is not counted).

    A receipt on a non-working day counts as received on the next working day; ``days == 0``
    gives that day of receipt itself.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = next_working_day(start)
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not later)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def holiday_name(day: dt.date) -> str | None:
    """Why ``day`` is closed (the office's own name first), or None for a working day/weekend."""
    entry = _current().office.get(day)
    if entry is not None:
        return entry[1] if entry[0] == OfficeDayKind.CLOSED else None
    return package_holidays(day.year).get(day)


# ---------------------------------------------------------------------------------------------
# The office table


@dataclass(frozen=True)
class CalendarDay:
    """One line of the settings page: a package holiday, an office entry, or both."""

    day: dt.date
    name: str
    source: str  # "package" | "office"
    closed: bool  # is the office closed that day (after the office's corrections)
    office_id: int | None = None
    office_kind: str | None = None
    office_version: int | None = None
    package_name: str | None = None


def year_days(year: int) -> list[CalendarDay]:
    """The package's holidays of ``year`` and the office's own entries, in date order."""
    package = package_holidays(year)
    office = {
        row.day: row
        for row in OfficeDay.select().where(
            (OfficeDay.day >= dt.date(year, 1, 1)) & (OfficeDay.day <= dt.date(year, 12, 31))
        )
    }
    out: list[CalendarDay] = []
    for day in sorted(set(package) | set(office)):
        row = office.get(day)
        if row is None:
            out.append(CalendarDay(day, package[day], "package", closed=day.weekday() < 5))
        else:
            out.append(
                CalendarDay(
                    day,
                    row.name,
                    "office",
                    closed=row.kind == OfficeDayKind.CLOSED and day.weekday() < 5,
                    office_id=row.id,
                    office_kind=row.kind,
                    office_version=row.version,
                    package_name=package.get(day),
                )
            )
    return out


def office_days(year: int | None = None) -> list[OfficeDay]:
    query = OfficeDay.select().order_by(OfficeDay.day)
    if year is not None:
        query = query.where(
            (OfficeDay.day >= dt.date(year, 1, 1)) & (OfficeDay.day <= dt.date(year, 12, 31))
        )
    return list(query)


def check_entry(day: dt.date, kind: str, name: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if kind not in set(OfficeDayKind):
        errors["kind"] = _("ชนิดของวันไม่ถูกต้อง (ใช้ได้: วันหยุด หรือ วันทำงาน)")
    if not name.strip():
        errors["name"] = _("กรุณากรอกชื่อวันหยุดหรือเหตุผล")
    elif len(name.strip()) > 300:
        errors["name"] = _("ชื่อยาวเกิน 300 ตัวอักษร")
    if kind == OfficeDayKind.CLOSED and day.weekday() >= 5:
        errors["day"] = _("วันที่ {day} เป็นวันเสาร์หรือวันอาทิตย์ซึ่งเป็นวันหยุดอยู่แล้ว").format(
            day=date_long(day, thai=False)
        )
    if kind == OfficeDayKind.OPEN and day not in package_holidays(day.year, "th"):
        errors["day"] = _("วันที่ {day} ไม่ใช่วันหยุดตามปฏิทินราชการ จึงไม่ต้องบันทึกเป็นวันทำงาน").format(
            day=date_long(day, thai=False)
        )
    return errors


@dataclass(frozen=True)
class CsvRowError:
    line: int  # line number in the file (1 = the first line)
    message: str


class CalendarImportError(ValidationError):
    """A CSV file with bad rows: nothing was imported; ``rows`` says what is wrong where."""

    def __init__(self, message: str, rows: list[CsvRowError]) -> None:
        super().__init__(message)
        self.rows = rows


@dataclass(frozen=True)
class ImportResult:
    year: int
    added: int
    removed: int  # the year's previous entries, replaced by the file's


_KIND_WORDS = {
    "closed": OfficeDayKind.CLOSED,
    "holiday": OfficeDayKind.CLOSED,
    "หยุด": OfficeDayKind.CLOSED,
    "วันหยุด": OfficeDayKind.CLOSED,
    "open": OfficeDayKind.OPEN,
    "work": OfficeDayKind.OPEN,
    "ทำงาน": OfficeDayKind.OPEN,
    "วันทำงาน": OfficeDayKind.OPEN,
}
_HEADER_WORDS = {"date", "day", "วันที่"}


def _parse_csv_date(text: str) -> dt.date:
    """``2026-05-13`` or a B.E. ``13/05/2569`` (Thai or Arabic digits)."""
    value = arabic_digits(text.strip())
    if "-" in value and len(value) == 10 and value[4] == "-":
        return dt.date.fromisoformat(value)
    return parse_be_date(value)


def parse_csv(year: int, text: str) -> list[tuple[dt.date, str, str]]:
    """Read ``date,kind,name`` rows (header optional; kind: หยุด/ทำงาน or closed/open).

    Raises ``CalendarImportError`` listing every bad row.
    """
    rows: list[tuple[dt.date, str, str]] = []
    errors: list[CsvRowError] = []
    seen: dict[dt.date, int] = {}
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    for line, raw in enumerate(reader, start=1):
        cells = [c.strip() for c in raw]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if line == 1 and cells[0].lower() in _HEADER_WORDS:
            continue
        if len(cells) < 3:
            errors.append(CsvRowError(line, _("ต้องมี 3 ช่อง: วันที่, ชนิด (หยุด/ทำงาน), ชื่อวัน")))
            continue
        date_text, kind_text, name = cells[0], cells[1], ",".join(raw[2:]).strip()
        try:
            day = _parse_csv_date(date_text)
        except ValueError:
            errors.append(
                CsvRowError(
                    line,
                    _("วันที่ “{text}” ไม่ถูกต้อง (ใช้ 2026-05-13 หรือ 13/05/2569)").format(text=date_text),
                )
            )
            continue
        kind = _KIND_WORDS.get(kind_text.lower())
        if kind is None:
            errors.append(
                CsvRowError(
                    line, _("ชนิด “{text}” ไม่ถูกต้อง (ใช้ หยุด หรือ ทำงาน)").format(text=kind_text)
                )
            )
            continue
        if day.year != year:
            errors.append(
                CsvRowError(
                    line,
                    _("วันที่ {day} ไม่อยู่ในปี พ.ศ. {year} ที่นำเข้า").format(
                        day=date_long(day, thai=False), year=year + 543
                    ),
                )
            )
            continue
        if day in seen:
            errors.append(CsvRowError(line, _("วันที่ซ้ำกับบรรทัดที่ {other}").format(other=seen[day])))
            continue
        problems = check_entry(day, kind, name)
        if problems:
            errors.append(CsvRowError(line, " ".join(problems.values())))
            continue
        seen[day] = line
        rows.append((day, kind, name))
    if errors:
        raise CalendarImportError(
            _("ไฟล์มีข้อผิดพลาด {n} บรรทัด จึงยังไม่นำเข้าข้อมูลใด ๆ").format(n=len(errors)), errors
        )
    if not rows:
        raise CalendarImportError(_("ไม่พบรายการวันหยุดในไฟล์"), [])
    return rows


def export_csv(year: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "kind", "name"])
    for entry in office_days(year):
        writer.writerow(
            [
                entry.day.isoformat(),
                "หยุด" if entry.kind == OfficeDayKind.CLOSED else "ทำงาน",
                entry.name,
            ]
        )
    return out.getvalue()


def _bump_revision() -> None:
    updated = CalendarRevision.update(revision=CalendarRevision.revision + 1).execute()
    if updated == 0:
        CalendarRevision.create(revision=1)


def note_change() -> None:
    """Inside the transaction that changed the office's table: raise the revision, so every
    workstation reloads it, and refresh this process's cache now."""
    _bump_revision()
    with _lock:
        _reset(database.obj, _read_revision(), _load_office())


@contextlib.contextmanager
def changing() -> Iterator[None]:
    """One transaction for a change of the office table; a failure leaves no stale cache."""
    try:
        with write_transaction():
            yield
    except BaseException:
        reload()
        raise
