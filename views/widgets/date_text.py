"""Reading a date as people type it at the desk (no Qt here, so it is tested on its own).

Accepted: ``วว/ดด/ปปปป`` in B.E. with ``/``, ``.``, ``-`` or spaces between the parts, a two-digit
B.E. year (``2/12/69``), the month by name or abbreviation (``2 ธ.ค. 69``, ``2 ธันวาคม 2569``,
``2 ธค 2569``), an optional ``พ.ศ.`` before the year, Thai or Arabic digits, and day and month
alone (the current B.E. year). A year that looks Christian Era (``15/11/2026``, ISO
``2026-11-15``) is never shifted silently: the result says so and offers the B.E. date instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from models.i18n import _
from reports.thaifmt import BE_OFFSET, MONTHS, MONTHS_SHORT, arabic_digits

MIN_BE_YEAR = 2400  # a four-digit year below this is read as Christian Era
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\- ]+(\d{1,2})(?:[/.\- ]+(\d{2}|\d{4}))?$")


def _month_key(text: str) -> str:
    return text.replace(".", "").replace(" ", "")


_MONTH_NAMES: dict[str, int] = {}
for _number, (_long, _short) in enumerate(zip(MONTHS, MONTHS_SHORT, strict=True), start=1):
    _MONTH_NAMES[_month_key(_long)] = _number
    _MONTH_NAMES[_month_key(_short)] = _number
_NAMED = re.compile(r"^(\d{1,2})\s*([\u0e00-\u0e7f.\s]+?)\s*(?:พ\.?\s*ศ\.?)?\s*(\d{2}|\d{4})?$")


@dataclass(frozen=True)
class TypedDate:
    """What the typed text means: a date, or why not (``error``), with the B.E. date the person
    probably meant when the year looked Christian Era (``suggestion``)."""

    date: dt.date | None = None
    error: str = ""
    suggestion: dt.date | None = None

    @property
    def ok(self) -> bool:
        return self.date is not None


def be_numeric(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + BE_OFFSET:04d}"


def _full_year(text: str | None, today: dt.date) -> tuple[int, bool]:
    """The B.E. year and whether it was written as a Christian-Era year."""
    this_year = today.year + BE_OFFSET
    if not text:
        return this_year, False
    year = int(text)
    if len(text) == 2:
        # two digits are the end of a B.E. year: the one nearest this year (69 -> 2569)
        century = this_year - this_year % 100
        candidates = (century - 100 + year, century + year, century + 100 + year)
        return min(candidates, key=lambda y: abs(y - this_year)), False
    if year < MIN_BE_YEAR:
        return year + BE_OFFSET, True
    return year, False


def _build(day: int, month: int, be_year: int, christian: bool, typed_year: str) -> TypedDate:
    try:
        date = dt.date(be_year - BE_OFFSET, month, day)
    except ValueError:
        if 1 <= month <= 12:
            return TypedDate(
                error=_("เดือน{month} พ.ศ. {year} ไม่มีวันที่ {day}").format(
                    day=day, month=MONTHS[month - 1], year=be_year
                )
            )
        return TypedDate(error=_("เดือนต้องเป็น 1 ถึง 12 (พิมพ์ {month})").format(month=month))
    if christian:
        return TypedDate(
            error=_("ปี {typed} เป็นปี ค.ศ. ช่องนี้ใช้ปี พ.ศ. หมายถึงวันที่ {be} ใช่หรือไม่").format(
                typed=typed_year, be=be_numeric(date)
            ),
            suggestion=date,
        )
    return TypedDate(date=date)


def read_typed_date(text: str, today: dt.date) -> TypedDate:
    """What ``text`` means; an empty text is neither a date nor an error (the caller decides)."""
    plain = " ".join(arabic_digits(text).split())
    if not plain:
        return TypedDate()
    iso = _ISO.match(plain)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        christian = year < MIN_BE_YEAR
        be_year = year + BE_OFFSET if christian else year
        return _build(day, month, be_year, christian, iso.group(1))
    numeric = _NUMERIC.match(plain)
    if numeric:
        day_text, month_text, year_text = numeric.groups()
        be_year, christian = _full_year(year_text, today)
        return _build(int(day_text), int(month_text), be_year, christian, year_text or "")
    named = _NAMED.match(plain)
    if named:
        day_text, month_name, year_text = named.groups()
        named_month = _MONTH_NAMES.get(_month_key(month_name))
        if named_month is not None:
            be_year, christian = _full_year(year_text, today)
            return _build(int(day_text), named_month, be_year, christian, year_text or "")
    return TypedDate(
        error=_("อ่านวันที่ “{text}” ไม่ได้ กรุณากรอกเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 23/11/2569").format(
            text=text.strip()
        )
    )
