"""Reading the input of ``render`` safely: the JSON file, the image files it names, and every text
in it, each refused with a Thai message that names the file or the key (issue 15, item 8).

What a probe of 344 malformed inputs found and what is refused here, before anything is laid out:
a file that is not a regular file or is too large (a FIFO hung the renderer, ``/dev/zero``
exhausted memory); text that is not UTF-8 (a Windows-874 file is recognised and named); JSON nested
deeper than a document needs, ``NaN`` / ``Infinity``, numbers too large to mean anything and
integers of thousands of digits; texts holding a NUL, a lone surrogate or other control characters,
or characters the document font does not have (emoji would print as empty boxes).
"""

from __future__ import annotations

import json
import math
import os
import stat
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reports.errors import DocumentInputError

MAX_JSON_BYTES = 5 * 1024 * 1024  # a memo of a thousand paragraphs is under 1 MB
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 12  # the deepest a document goes is 5 (paragraphs[i].rows[j][k])
MAX_NUMBER = 1e6  # no number of a document (cm, pt, weights, lines) comes near
MAX_INT_DIGITS = 12


def _thai_size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def read_regular_file(path: Path, limit: int, what: str, key: str) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes; a FIFO, a device
    (``/dev/zero``), a folder or a larger file is refused before it is opened for reading."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise DocumentInputError(f"ไม่พบ{what}: {path}", key) from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise DocumentInputError(f"เปิด{what}ไม่ได้: {_printable(str(path))}", key) from exc
    if not stat.S_ISREG(info.st_mode):
        raise DocumentInputError(
            f"{what} “{path}” ไม่ใช่ไฟล์ธรรมดา (ใช้ไฟล์ในดิสก์ ไม่ใช่โฟลเดอร์ อุปกรณ์ หรือไปป์)", key
        )
    if info.st_size > limit:
        raise DocumentInputError(
            f"{what} “{path}” ใหญ่เกินไป ({_thai_size(info.st_size)}; ไม่เกิน {_thai_size(limit)})",
            key,
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise DocumentInputError(f"อ่าน{what}ไม่ได้: {path} ({exc.strerror or exc})", key) from exc
    if len(data) > limit:  # grew since it was looked at
        raise DocumentInputError(f"{what} “{path}” ใหญ่เกินไป", key)
    return data


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is dropped); another encoding is told apart and named, in Thai."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            data.decode("cp874")
        except UnicodeDecodeError:
            pass
        else:
            hint = " ไฟล์นี้ดูเหมือนเข้ารหัสแบบ Windows-874 (TIS-620): บันทึกใหม่เป็น UTF-8 แล้วลองอีกครั้ง"
        raise DocumentInputError(
            f"ไฟล์ {name} ต้องเป็นข้อความ UTF-8 (พบไบต์ที่อ่านไม่ได้ที่ตำแหน่ง {exc.start}){hint}",
            "input",
        ) from exc


def _no_constant(name: str) -> Any:
    raise DocumentInputError(
        f"ค่า {name} ใช้ในเอกสารไม่ได้: ใส่ตัวเลขที่มีค่าจริง (JSON ไม่มี NaN หรือ Infinity)", "input"
    )


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise DocumentInputError(f"ตัวเลข {text[:40]} ใหญ่เกินกว่าจะใช้ในเอกสารได้", "input")
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise DocumentInputError(
            f"ตัวเลขยาว {len(text)} หลัก ใหญ่เกินกว่าจะใช้ในเอกสารได้ (ไม่เกิน {MAX_INT_DIGITS} หลัก)",
            "input",
        )
    return int(text)


def parse(text: str, name: str) -> Any:
    """The JSON value of ``text``; bad JSON, ``NaN``, huge numbers and deep nesting refused."""
    depth = deepest(text)
    if depth > MAX_DEPTH:
        raise DocumentInputError(
            f"ไฟล์ {name} ซ้อนวงเล็บลึก {depth} ชั้น เกินกว่าที่เอกสารใช้ (ไม่เกิน {MAX_DEPTH} ชั้น)",
            "input",
        )
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_float, parse_int=_int)
    except json.JSONDecodeError as exc:
        raise DocumentInputError(
            f"ไฟล์ {name} ไม่ใช่ JSON ที่ถูกต้อง: บรรทัด {exc.lineno} คอลัมน์ {exc.colno} ({exc.msg})",
            "input",
        ) from exc
    except (RecursionError, ValueError) as exc:
        if isinstance(exc, DocumentInputError):
            raise
        raise DocumentInputError(f"ไฟล์ {name} อ่านเป็น JSON ไม่ได้: {exc}", "input") from exc


def deepest(text: str) -> int:
    """How deep ``[`` and ``{`` nest in ``text``, outside strings (before parsing: the parser
    itself recurses once per level)."""
    depth = top = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            top = max(top, depth)
        elif ch in "]}":
            depth -= 1
    return top


def texts(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every text in a parsed JSON value with the key path naming it (``paragraphs[2]``); keys
    count as texts too. Iterative: depth is bounded by ``parse`` already."""
    stack: list[tuple[Any, str]] = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            yield path, item
        elif isinstance(item, dict):
            for key, child in item.items():
                yield (f"{path}.{key}" if path else str(key)), str(key)
                stack.append((child, f"{path}.{key}" if path else str(key)))
        elif isinstance(item, list):
            stack += [(child, f"{path}[{index}]") for index, child in enumerate(item)]


ALLOWED_CONTROLS = frozenset("\n\t")


def bad_character(text: str, has_glyph: Callable[[str], bool] | None = None) -> str | None:
    """Why ``text`` cannot be printed, or None: a NUL or another control character, a lone
    surrogate, or (given ``has_glyph``) a character the document font does not have."""
    for ch in text:
        category = unicodedata.category(ch)
        if ch == "\x00":
            return "มีอักขระ NUL (รหัส 0)"
        if category == "Cs":
            return f"มีอักขระเสีย (surrogate U+{ord(ch):04X} ที่ไม่มีคู่)"
        if category == "Cc" and ch not in ALLOWED_CONTROLS:
            return f"มีอักขระควบคุม U+{ord(ch):04X} ที่พิมพ์ไม่ได้"
        printing = category not in ("Cc", "Cf", "Zs", "Zl", "Zp")
        if has_glyph is not None and printing and not has_glyph(ch):
            kind = "อีโมจิ" if _is_emoji(ch) else "อักขระ"
            return (
                f"มี{kind} “{ch}” (U+{ord(ch):04X}) ซึ่งฟอนต์ของหนังสือราชการไม่มี"
                " จะพิมพ์ออกมาเป็นกล่องว่าง: ลบออกหรือใช้คำแทน"
            )
    return None


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or code in (0xFE0F, 0x200D)
