"""Documents from JSON files: ``python main.py render memo|letter --input J --output P``.

The format is documented in the README ("Documents from the command line"). Every key is checked:
an unknown key, a missing one or a value of the wrong type stops with a Thai message naming the
key, and nothing is written. Image paths are relative to the JSON file's folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.platypus.doctemplate import LayoutError

from reports import fonts
from reports.emblem import image_size
from reports.errors import DocumentInputError
from reports.json_input import (
    MAX_IMAGE_BYTES,
    MAX_JSON_BYTES,
    bad_character,
    decode,
    parse,
    read_regular_file,
    texts,
)
from reports.letter import Contact, Letter, render_letter
from reports.memo import Memo, OpinionBlock, Paragraph, Table, render_memo

Check = Callable[[Any], bool]

_STR: tuple[str, Check] = ("ข้อความ", lambda v: isinstance(v, str))
_BOOL: tuple[str, Check] = ("true หรือ false", lambda v: isinstance(v, bool))
_NUMBER: tuple[str, Check] = (
    "ตัวเลข",
    lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
)
_STR_LIST: tuple[str, Check] = (
    'รายการข้อความ เช่น ["...", "..."]',
    lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
)
_OBJECT: tuple[str, Check] = ("ออบเจ็กต์ { ... }", lambda v: isinstance(v, dict))
_LIST: tuple[str, Check] = ("รายการ [ ... ]", lambda v: isinstance(v, list))

COMMON_REQUIRED = {
    "number": _STR,
    "date": _STR,
    "subject": _STR,
    "recipient": _STR,
    "paragraphs": _LIST,
    "signer_name": _STR,
    "signer_position": _STR,
}
COMMON_OPTIONAL = {"signature_image": _STR, "thai_digits": _BOOL, "emblem": _STR}

MEMO_KEYS = (
    {**COMMON_REQUIRED, "department": _STR},
    {**COMMON_OPTIONAL, "opinions": _LIST, "date_indent_cm": _NUMBER},
)
LETTER_KEYS = (
    {**COMMON_REQUIRED, "address": _STR},
    {
        **COMMON_OPTIONAL,
        "agency": _STR,
        "references": _STR_LIST,
        "enclosures": _STR_LIST,
        "contact": _OBJECT,
    },
)
CONTACT_KEYS = ({"unit": _STR}, {"phone": _STR, "fax": _STR, "email": _STR, "copy_to": _STR})
OPINION_KEYS = (
    {"heading": _STR},
    {"lines": _NUMBER, "signer_name": _STR, "signer_position": _STR},
)
TABLE_KEYS = ({"columns": _LIST, "rows": _LIST}, {"font_size": _NUMBER})
COLUMN_KEYS = ({"title": _STR}, {"weight": _NUMBER, "align": _STR})


def check_keys(
    data: Any,
    keys: tuple[dict[str, tuple[str, Check]], dict[str, tuple[str, Check]]],
    where: str = "",
) -> dict[str, Any]:
    """Refuse unknown, missing and mistyped keys, naming the key (``contact.phone``)."""
    required, optional = keys
    if not isinstance(data, dict):
        raise DocumentInputError(f"“{where or 'ข้อมูล'}” ต้องเป็นออบเจ็กต์ {{ ... }} ของคีย์และค่า", where)
    known = {**required, **optional}
    for key in data:
        if key not in known:
            raise DocumentInputError(
                f"ไม่รู้จักคีย์ “{where}{key}” (คีย์ที่ใช้ได้: {', '.join(known)})", where + key
            )
    for key in required:
        if key not in data:
            raise DocumentInputError(f"ขาดคีย์ “{where}{key}” ซึ่งต้องมี", where + key)
    for key, value in data.items():
        kind, check = known[key]
        if not check(value):
            shown = json.dumps(value, ensure_ascii=False)[:60]
            raise DocumentInputError(
                f"ค่าของคีย์ “{where}{key}” ต้องเป็น{kind} (ได้ {shown})", where + key
            )
        _check_size(value, where + key, MAX_CHARS.get(key, MAX_TEXT))
    return data


# The longest text each key may hold: a field of the heading or the signature block must fit on
# one page with the rest (a 2,000-character subject ended in ReportLab's LayoutError).
MAX_CHARS = {
    "department": 300,
    "number": 100,
    "date": 40,
    "subject": 600,
    "recipient": 300,
    "signer_name": 200,
    "signer_position": 300,
    "signature_image": 1000,
    "emblem": 1000,
    "agency": 300,
    "address": 600,
    "unit": 300,
    "phone": 100,
    "fax": 100,
    "email": 200,
    "copy_to": 300,
    "heading": 200,
    "title": 200,
    "align": 10,
    "references": 600,
    "enclosures": 600,
}
MAX_TEXT = 20_000  # a body paragraph (it flows over pages; this only bounds the work)
MAX_CELL = 1_500
MAX_ITEMS = {"paragraphs": 1000, "rows": 2000, "columns": 12, "opinions": 10}
RANGES = {
    "lines": (0, 20),
    "font_size": (8, 20),
    "weight": (0.1, 100),
    "date_indent_cm": (4, 12),
}


MAX_LINES = {"signer_position": 6, "address": 8, "department": 4, "subject": 8}
MAX_TOTAL = {"references": 2000, "enclosures": 2000}  # one label's values share one block


def _check_size(value: Any, where: str, limit: int) -> None:
    key = where.rsplit(".", 1)[-1]
    if isinstance(value, str) and key in MAX_LINES:
        lines = [line for line in value.splitlines() if line.strip()]
        if len(lines) > MAX_LINES[key]:
            raise DocumentInputError(
                f"ค่าของคีย์ “{where}” มี {len(lines)} บรรทัด เกินที่พิมพ์ได้ (ไม่เกิน {MAX_LINES[key]})",
                where,
            )
    if isinstance(value, list) and key in MAX_TOTAL:
        total = sum(len(v) for v in value if isinstance(v, str))
        if total > MAX_TOTAL[key]:
            raise DocumentInputError(
                f"ค่าของคีย์ “{where}” รวม {total:,} ตัวอักษร เกินที่พิมพ์ได้ (ไม่เกิน {MAX_TOTAL[key]:,})",
                where,
            )
    if isinstance(value, str) and len(value) > limit:
        raise DocumentInputError(
            f"ค่าของคีย์ “{where}” ยาว {len(value):,} ตัวอักษร เกินที่พิมพ์ได้ (ไม่เกิน {limit:,})", where
        )
    if isinstance(value, list):
        most = MAX_ITEMS.get(key, 30)
        if len(value) > most:
            raise DocumentInputError(
                f"คีย์ “{where}” มี {len(value):,} รายการ เกินที่ใช้ได้ (ไม่เกิน {most:,})", where
            )
        for index, item in enumerate(value):
            if isinstance(item, str) and len(item) > limit:
                raise DocumentInputError(
                    f"ค่าของคีย์ “{where}[{index}]” ยาว {len(item):,} ตัวอักษร เกินที่พิมพ์ได้"
                    f" (ไม่เกิน {limit:,})",
                    f"{where}[{index}]",
                )
    if key in RANGES and isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = RANGES[key]
        if not low <= value <= high:
            raise DocumentInputError(
                f"ค่าของคีย์ “{where}” ต้องอยู่ระหว่าง {low} ถึง {high} (ได้ {value})", where
            )


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise DocumentInputError(
            f"ค่าของคีย์ “date” ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) เช่น 2026-11-23 (ได้ “{value}”)", "date"
        ) from exc


def _image(value: str | None, key: str, base: Path) -> bytes | None:
    if value is None:
        return None
    path = (base / value).expanduser()
    data = read_regular_file(path, MAX_IMAGE_BYTES, f"ไฟล์ภาพของคีย์ “{key}”", key)
    try:
        width, height = image_size(data)
    except DocumentInputError as exc:
        raise DocumentInputError(
            f"ไฟล์ของคีย์ “{key}” ไม่ใช่ภาพที่อ่านได้ (ใช้ PNG หรือ JPEG): {path}", key
        ) from exc
    if width * height > MAX_PIXELS:
        raise DocumentInputError(
            f"ภาพของคีย์ “{key}” ใหญ่เกินไป ({width} x {height} จุด; ไม่เกิน 40 ล้านจุด)", key
        )
    return data


MAX_PIXELS = 40_000_000


def _body(items: list[Any]) -> list[Paragraph | Table]:
    body: list[Paragraph | Table] = []
    from reports.registers import TableColumn

    for index, item in enumerate(items):
        where = f"paragraphs[{index}]"
        if isinstance(item, str):
            body.append(Paragraph(item))
        elif isinstance(item, dict):
            check_keys(item, TABLE_KEYS, where + ".")
            columns = []
            for c_index, column in enumerate(item["columns"]):
                c = check_keys(column, COLUMN_KEYS, f"{where}.columns[{c_index}].")
                align = c.get("align", "left")
                if align not in ("left", "center", "right"):
                    raise DocumentInputError(
                        f"ค่าของคีย์ “{where}.columns[{c_index}].align” ต้องเป็น left, center หรือ right",
                        f"{where}.columns[{c_index}].align",
                    )
                columns.append(TableColumn(c["title"], float(c.get("weight", 1.0)), align))
            if not columns:
                raise DocumentInputError(
                    f"ตารางของคีย์ “{where}” ต้องมีอย่างน้อยหนึ่งคอลัมน์", f"{where}.columns"
                )
            rows = item["rows"]
            for r_index, row in enumerate(rows):
                if not (isinstance(row, list) and all(isinstance(v, str) for v in row)):
                    raise DocumentInputError(
                        f"ค่าของคีย์ “{where}.rows[{r_index}]” ต้องเป็นรายการข้อความ",
                        f"{where}.rows[{r_index}]",
                    )
                _check_size(row, f"{where}.rows[{r_index}]", MAX_CELL)
                if len(row) != len(columns):
                    raise DocumentInputError(
                        f"“{where}.rows[{r_index}]” มี {len(row)} ช่อง แต่ตารางมี {len(columns)} คอลัมน์",
                        f"{where}.rows[{r_index}]",
                    )
            table = Table(columns, rows, float(item.get("font_size", 14.0)))
            _check_rows_fit(table, where)
            body.append(table)
        else:
            raise DocumentInputError(
                f'ค่าของคีย์ “{where}” ต้องเป็นข้อความ หรือตาราง {{"columns": ..., "rows": ...}}',
                where,
            )
    if not body:
        raise DocumentInputError("คีย์ “paragraphs” ต้องมีอย่างน้อยหนึ่งย่อหน้า", "paragraphs")
    return body


def _check_rows_fit(table: Table, where: str) -> None:
    """A table row taller than a page cannot be printed (ReportLab never splits a row)."""
    from reports.memo import table_flowable
    from reports.page import LATER_TOP, geometry

    geo = geometry()
    page = geo.height - LATER_TOP - geo.bottom
    flowable = table_flowable(table, geo.text_width, thai=True)
    for index, height in enumerate(flowable._argH[1:]):
        if height > 0.9 * page:
            raise DocumentInputError(
                f"แถว “{where}.rows[{index}]” ของตารางยาวเกินหนึ่งหน้ากระดาษ:"
                " แบ่งข้อความเป็นหลายแถวหรือย่อให้สั้นลง",
                f"{where}.rows[{index}]",
            )


def memo_from_json(data: Any, base: Path = Path(".")) -> Memo:
    d = check_keys(data, MEMO_KEYS)
    opinions = []
    for index, raw in enumerate(d.get("opinions", [])):
        o = check_keys(raw, OPINION_KEYS, f"opinions[{index}].")
        opinions.append(
            OpinionBlock(
                o["heading"],
                int(o.get("lines", 3)),  # 0-30 (RANGES)
                o.get("signer_name", ""),
                o.get("signer_position", ""),
            )
        )
    indent = float(d.get("date_indent_cm", 8.0))
    return Memo(
        department=d["department"],
        number=d["number"],
        date=_date(d["date"]),
        subject=d["subject"],
        recipient=d["recipient"],
        body=_body(d["paragraphs"]),
        signer_name=d["signer_name"],
        signer_position=d["signer_position"],
        signature_image=_image(d.get("signature_image"), "signature_image", base),
        opinions=opinions,
        thai_digits=d.get("thai_digits", True),
        emblem=_image(d.get("emblem"), "emblem", base),
        date_indent_cm=indent,
    )


def letter_from_json(data: Any, base: Path = Path(".")) -> Letter:
    d = check_keys(data, LETTER_KEYS)
    c = check_keys(d.get("contact", {"unit": ""}), CONTACT_KEYS, "contact.")
    return Letter(
        number=d["number"],
        agency=d.get("agency", ""),
        address=d["address"],
        date=_date(d["date"]),
        subject=d["subject"],
        recipient=d["recipient"],
        references=list(d.get("references", [])),
        enclosures=list(d.get("enclosures", [])),
        body=_body(d["paragraphs"]),
        signer_name=d["signer_name"],
        signer_position=d["signer_position"],
        contact=Contact(
            c["unit"],
            c.get("phone", ""),
            c.get("fax", ""),
            c.get("email", ""),
            c.get("copy_to", ""),
        ),
        signature_image=_image(d.get("signature_image"), "signature_image", base),
        thai_digits=d.get("thai_digits", True),
        emblem=_image(d.get("emblem"), "emblem", base),
    )


def check_texts(data: Any) -> None:
    """Every text of the input is printable: no NUL, lone surrogate or control character, and
    nothing the document font lacks (emoji print as empty boxes): refused, naming the key."""
    font = fonts.doc_font("regular")
    for where, text in texts(data):
        reason = bad_character(text, font.has_glyph)
        if reason:
            raise DocumentInputError(f"ค่าของคีย์ “{where}” {reason}", where)


@fonts.one_font_choice
def render_json(kind: str, data: Any, base: Path = Path(".")) -> bytes:
    """The document's PDF from parsed JSON; every bad input a ``DocumentInputError``."""
    if kind not in ("memo", "letter"):
        raise DocumentInputError(f"ไม่รู้จักชนิดเอกสาร “{kind}” (ใช้ memo หรือ letter)", "kind")
    check_texts(data)
    try:
        if kind == "memo":
            return render_memo(memo_from_json(data, base))
        return render_letter(letter_from_json(data, base))
    except LayoutError as exc:  # the last guard: the limits above should leave nothing here
        key = next((k for name, k in BLOCK_KEYS.items() if name in str(exc)), "paragraphs")
        raise DocumentInputError(
            f"ส่วนของเอกสารที่มาจากคีย์ “{key}” ยาวเกินกว่าจะพิมพ์ลงหนึ่งหน้ากระดาษได้: ย่อข้อความให้สั้นลง",
            key,
        ) from exc


# which key fills each block that cannot split across pages (named in LayoutError's message)
BLOCK_KEYS = {
    "MemoHead": "subject",
    "LetterHead": "address",
    "LabeledField": "references",
    "OpinionFlowable": "opinions",
    "SignatureBlock": "signer_position",
    "ContactBlock": "contact",
    "Table": "paragraphs",
}


def render_json_file(kind: str, input: Path, output: Path) -> None:
    """Read ``input`` (UTF-8 JSON), render, write ``output``. Bad input writes nothing: the
    output is refused when it is the input itself, when its folder does not exist, or when it
    is not a regular file; the PDF is written to a temporary file and moved into place."""
    _check_output(input, output)
    raw = read_regular_file(input, MAX_JSON_BYTES, "ไฟล์ JSON", "input")
    data = parse(decode(raw, str(input)), str(input))
    pdf = render_json(kind, data, input.parent)
    try:
        handle, temporary = tempfile.mkstemp(dir=output.parent, suffix=".pdf.part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(pdf)
            os.replace(temporary, output)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise DocumentInputError(f"บันทึกไฟล์ {output} ไม่ได้: {exc.strerror or exc}", "output") from exc


def _check_output(input: Path, output: Path) -> None:
    try:
        same = output.exists() and input.exists() and os.path.samefile(input, output)
        same = same or output.resolve() == input.resolve()
    except (OSError, ValueError) as exc:
        raise DocumentInputError(f"ใช้ไฟล์ผลลัพธ์ {output} ไม่ได้", "output") from exc
    if same:
        raise DocumentInputError(
            f"ไฟล์ผลลัพธ์ (--output) เป็นไฟล์เดียวกับไฟล์ JSON (--input): {output}"
            " จะเขียนทับข้อมูลต้นฉบับ เลือกชื่อไฟล์ PDF อื่น",
            "output",
        )
    folder = output.parent
    if not folder.is_dir():
        raise DocumentInputError(
            f"ไม่พบโฟลเดอร์ของไฟล์ผลลัพธ์: {folder} (สร้างโฟลเดอร์ก่อน หรือเลือกโฟลเดอร์ที่มีอยู่)",
            "output",
        )
    if output.exists() and not output.is_file():
        raise DocumentInputError(
            f"ไฟล์ผลลัพธ์ {output} ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์ อุปกรณ์ หรือไปป์)", "output"
        )
