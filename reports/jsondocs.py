"""Documents from JSON files: ``python main.py render memo|letter --input J --output P``.

The format is documented in the README ("Documents from the command line"). Every key is checked:
an unknown key, a missing one or a value of the wrong type stops with a Thai message naming the
key, and nothing is written. Image paths are relative to the JSON file's folder.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reports.emblem import image_size
from reports.errors import DocumentInputError
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
            raise DocumentInputError(
                f"ค่าของคีย์ “{where}{key}” ต้องเป็น{kind} (ได้ {json.dumps(value, ensure_ascii=False)[:60]})",
                where + key,
            )
    return data


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
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentInputError(f"อ่านไฟล์ภาพของคีย์ “{key}” ไม่ได้: {path}", key) from exc
    try:
        image_size(data)
    except DocumentInputError as exc:
        raise DocumentInputError(
            f"ไฟล์ของคีย์ “{key}” ไม่ใช่ภาพที่อ่านได้ (ใช้ PNG หรือ JPEG): {path}", key
        ) from exc
    return data


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
            rows = item["rows"]
            for r_index, row in enumerate(rows):
                if not (isinstance(row, list) and all(isinstance(v, str) for v in row)):
                    raise DocumentInputError(
                        f"ค่าของคีย์ “{where}.rows[{r_index}]” ต้องเป็นรายการข้อความ",
                        f"{where}.rows[{r_index}]",
                    )
                if len(row) != len(columns):
                    raise DocumentInputError(
                        f"“{where}.rows[{r_index}]” มี {len(row)} ช่อง แต่ตารางมี {len(columns)} คอลัมน์",
                        f"{where}.rows[{r_index}]",
                    )
            body.append(Table(columns, rows, float(item.get("font_size", 14.0))))
        else:
            raise DocumentInputError(
                f'ค่าของคีย์ “{where}” ต้องเป็นข้อความ หรือตาราง {{"columns": ..., "rows": ...}}',
                where,
            )
    if not body:
        raise DocumentInputError("คีย์ “paragraphs” ต้องมีอย่างน้อยหนึ่งย่อหน้า", "paragraphs")
    return body


def memo_from_json(data: Any, base: Path = Path(".")) -> Memo:
    d = check_keys(data, MEMO_KEYS)
    opinions = []
    for index, raw in enumerate(d.get("opinions", [])):
        o = check_keys(raw, OPINION_KEYS, f"opinions[{index}].")
        opinions.append(
            OpinionBlock(
                o["heading"],
                int(o.get("lines", 3)),
                o.get("signer_name", ""),
                o.get("signer_position", ""),
            )
        )
    indent = float(d.get("date_indent_cm", 8.0))
    if not 4 <= indent <= 12:
        raise DocumentInputError("ค่าของคีย์ “date_indent_cm” ต้องอยู่ระหว่าง 4 ถึง 12", "date_indent_cm")
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


def render_json(kind: str, data: Any, base: Path = Path(".")) -> bytes:
    if kind == "memo":
        return render_memo(memo_from_json(data, base))
    if kind == "letter":
        return render_letter(letter_from_json(data, base))
    raise DocumentInputError(f"ไม่รู้จักชนิดเอกสาร “{kind}” (ใช้ memo หรือ letter)", "kind")


def render_json_file(kind: str, input: Path, output: Path) -> None:
    """Read ``input`` (UTF-8 JSON), render, write ``output``. Bad input writes nothing."""
    try:
        text = input.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DocumentInputError(f"ไม่พบไฟล์ {input}", "input") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentInputError(
            f"อ่านไฟล์ {input} ไม่ได้ (ต้องเป็นข้อความ UTF-8): {exc}", "input"
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentInputError(
            f"ไฟล์ {input} ไม่ใช่ JSON ที่ถูกต้อง: บรรทัด {exc.lineno} คอลัมน์ {exc.colno} ({exc.msg})",
            "input",
        ) from exc
    pdf = render_json(kind, data, input.parent)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(pdf)
    except OSError as exc:
        raise DocumentInputError(f"บันทึกไฟล์ {output} ไม่ได้: {exc.strerror or exc}", "output") from exc
