"""Thai formats shared by the window, the domain's messages and the printed documents.

Buddhist-Era dates (``๒๓ พฤศจิกายน ๒๕๖๙``), real Thai digit characters (U+0E50-U+0E59), fiscal
years (1 October - 30 September, named by the B.E. year of the September end), grouped numbers,
and amounts of money in Thai words (``หนึ่งล้านบาทถ้วน``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import re

BE_OFFSET = 543
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")

MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)


_DIGIT = "[0-9\u0e50-\u0e59]"
_GAP = "[ \u00a0\u202f]+"
_MONTH = "|".join(re.escape(m) for m in sorted(MONTHS + MONTHS_SHORT, key=len, reverse=True))
_YEAR = f"(?:\u0e1e\\.\u0e28\\.[ \u00a0\u202f]*)?{_DIGIT}{{4}}(?!{_DIGIT})"
_TIME = f"(?:{_GAP}{_DIGIT}{{1,2}}[:.]{_DIGIT}{{2}}(?:{_GAP}\u0e19\\.)?)?"
DATE_PATTERN = re.compile(
    f"(?<!{_DIGIT}){_DIGIT}{{1,2}}{_GAP}(?:{_MONTH})(?:{_GAP}{_YEAR}{_TIME})?"
    f"|(?:{_MONTH}){_GAP}{_YEAR}"
)
"""A date as the helpers below write it in running text: ``๑ ตุลาคม ๒๕๖๙``, ``1 ต.ค. 2569 14:05
น.``, ``๑ ตุลาคม พ.ศ. ๒๕๖๙``, ``ตุลาคม ๒๕๖๙``. The line breaker keeps such a date on one line
when it fits (``reports.thai_text.keep_spans``)."""


LATIN_TOKEN = re.compile(r"[!-~]+")
"""A run of printable ASCII: with a Latin letter in it, it is an e-mail address, a URL, a file name
or a model number (``contact17@example.ac.th``, ``page?id=2569``, ``T14``, ``LTO-9``), which keeps
its digits as typed and is never split across lines."""
_LATIN_LETTER = re.compile("[A-Za-z]")


def _digits_of(match: re.Match[str]) -> str:
    token = match.group(0)
    return token if _LATIN_LETTER.search(token) else token.translate(_TO_THAI)


def thai_digits(text: str) -> str:
    """Arabic digits to Thai digit characters (text stays searchable and copyable), only in Thai
    text: a token with Latin letters in it (``LATIN_TOKEN``) stays exactly as typed."""
    if not any("0" <= ch <= "9" for ch in text):
        return text
    return LATIN_TOKEN.sub(_digits_of, text)


def arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def digits(text: str, thai: bool) -> str:
    return thai_digits(text) if thai else text


NUMBER_BLANK = "." * 12


def document_number(number: str) -> str:
    """A document's ``ที่`` as printed: a number still to be given by the outgoing register
    (``ภทส/``, or nothing) gets a dotted blank to write it on, never a bare slash."""
    text = number.strip()
    if not text:
        return NUMBER_BLANK
    if text.endswith("/"):
        return text + NUMBER_BLANK
    return text


def be_year(day: dt.date) -> int:
    return day.year + BE_OFFSET


def date_long(day: dt.date, *, thai: bool = True) -> str:
    """``23 พฤศจิกายน 2569`` (Thai digits by default): the official documents' date."""
    return digits(f"{day.day} {MONTHS[day.month - 1]} {be_year(day)}", thai)


def date_short(day: dt.date, *, thai: bool = False) -> str:
    """``23 พ.ย. 2569``: tables and registers."""
    return digits(f"{day.day} {MONTHS_SHORT[day.month - 1]} {be_year(day)}", thai)


def date_numeric(day: dt.date, *, thai: bool = False) -> str:
    """``23/11/2569``: compact input/display form."""
    return digits(f"{day.day:02d}/{day.month:02d}/{be_year(day)}", thai)


def datetime_short(moment: dt.datetime, *, thai: bool = False) -> str:
    """``23 พ.ย. 2569 14:05 น.``"""
    return digits(f"{date_short(moment.date())} {moment:%H:%M} น.", thai)


_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")


def parse_be_date(text: str) -> dt.date:
    """Parse ``dd/mm/yyyy`` with a B.E. year (Thai or Arabic digits). Raises ValueError."""
    match = _NUMERIC_DATE.match(arabic_digits(text))
    if not match:
        raise ValueError(text)
    day, month, year = (int(g) for g in match.groups())
    if year < 2400:  # a C.E. year typed by habit is not silently shifted by 543 years
        raise ValueError(text)
    return dt.date(year - BE_OFFSET, month, day)


def fiscal_year(day: dt.date) -> int:
    """Thai fiscal year (B.E.) containing ``day``: October starts the next year's budget."""
    return be_year(day) + (1 if day.month >= 10 else 0)


def fiscal_year_bounds(fy_be: int) -> tuple[dt.date, dt.date]:
    """First and last day of fiscal year ``fy_be`` (B.E.)."""
    end_ce = fy_be - BE_OFFSET
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def number(value: int | float | decimal.Decimal, *, decimals: int = 0, thai: bool = False) -> str:
    """Grouped number in Thai locale conventions, e.g. ``1,250,000.00`` (comma groups, full stop,
    half-even rounding of the decimal value as written, as CLDR's th_TH pattern ``#,##0.00``
    gives: loading Babel's locale data for it took 0.1 s at start-up)."""
    amount = value if isinstance(value, decimal.Decimal) else decimal.Decimal(str(value))
    step = decimal.Decimal(1).scaleb(-decimals)
    rounded = amount.quantize(step, rounding=decimal.ROUND_HALF_EVEN)
    return digits(f"{rounded:,.{decimals}f}", thai)


_UNITS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")


def _words_below_million(n: int, *, has_higher: bool) -> str:
    text = ""
    for place, digit_char in enumerate(reversed(str(n))):
        d = int(digit_char)
        if d == 0:
            continue
        if place == 0 and d == 1 and (n >= 10 or has_higher):
            word = "เอ็ด"  # 11, 21, 101, 1,000,001 end in เอ็ด (as BAHTTEXT writes them)
        elif place == 1 and d == 1:
            word = ""  # สิบ, not หนึ่งสิบ
        elif place == 1 and d == 2:
            word = "ยี่"
        else:
            word = _UNITS[d]
        text = word + _PLACES[place] + text
    return text


def _integer_words(n: int) -> str:
    if n == 0:
        return "ศูนย์"
    millions, rest = divmod(n, 1_000_000)
    text = _integer_words(millions) + "ล้าน" if millions else ""
    if rest:
        text += _words_below_million(rest, has_higher=bool(millions))
    return text


def baht_text(amount: decimal.Decimal | int | float | str) -> str:
    """Amount in Thai words as official documents write it: ``หนึ่งล้านบาทถ้วน``, ``ห้าสิบสตางค์``."""
    value = decimal.Decimal(str(amount)).quantize(decimal.Decimal("0.01"), decimal.ROUND_HALF_UP)
    if value < 0:
        return "ลบ" + baht_text(-value)
    baht = int(value)
    satang = int((value - baht) * 100)
    if baht == 0 and satang == 0:
        return "ศูนย์บาทถ้วน"
    text = _integer_words(baht) + "บาท" if baht else ""
    return text + (_integer_words(satang) + "สตางค์" if satang else "ถ้วน")
