"""argparse's own words (``usage:``, ``error:``, "the following arguments are required") in the
program's language, like the rest of the command line.

argparse looks its messages up through ``gettext`` under the domain ``argparse``, for which no
Thai catalog exists; ``install()`` points argparse's ``_``/``ngettext`` at this table instead. The
Thai texts are our own msgids (``N_``) so the English catalog gives English back for ``--lang en``.
"""

from __future__ import annotations

import argparse

from models.i18n import N_, _

ARGPARSE_MESSAGES: dict[str, str] = {
    "usage: ": N_("วิธีใช้: "),
    "positional arguments": N_("ค่าที่ต้องระบุ"),
    "options": N_("ตัวเลือก"),
    "show this help message and exit": N_("แสดงคำอธิบายนี้แล้วจบ"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: ผิดพลาด: %(message)s\n"),
    "argument %(argument_name)s: %(message)s": N_("ค่า %(argument_name)s: %(message)s"),
    "the following arguments are required: %s": N_("ยังไม่ได้ระบุ: %s"),
    "one of the arguments %s is required": N_("ต้องระบุอย่างใดอย่างหนึ่งใน %s"),
    "unrecognized arguments: %s": N_("ไม่รู้จักค่าเหล่านี้: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_(
        "ไม่มีตัวเลือก %(value)r (เลือกจาก %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": N_("ค่า %(value)r ใช้ไม่ได้ (ต้องเป็น %(type)s)"),
    "expected one argument": N_("ต้องตามด้วยค่าหนึ่งค่า"),
    "expected at most one argument": N_("ระบุค่าได้ไม่เกินหนึ่งค่า"),
    "expected at least one argument": N_("ต้องระบุค่าอย่างน้อยหนึ่งค่า"),
    "ambiguous option: %(option)s could match %(matches)s": N_(
        "ตัวเลือก %(option)s กำกวม อาจหมายถึง %(matches)s"
    ),
    "not allowed with argument %s": N_("ใช้ร่วมกับ %s ไม่ได้"),
    "ignored explicit argument %r": N_("ไม่ใช้ค่าที่ระบุ %r"),
    "unexpected option string: %s": N_("ไม่คาดว่าจะมีตัวเลือก %s"),
    "can't open '%(filename)s': %(error)s": N_("เปิดไฟล์ '%(filename)s' ไม่ได้: %(error)s"),
    "expected %s argument": N_("ต้องระบุค่า %s ค่า"),
    "expected %s arguments": N_("ต้องระบุค่า %s ค่า"),
}


def translate(message: str) -> str:
    thai = ARGPARSE_MESSAGES.get(message)
    return _(thai) if thai is not None else message


def translate_plural(singular: str, plural: str, count: int) -> str:
    return translate(singular if count == 1 else plural)


def install() -> None:
    """From now on argparse speaks the current language (``models.i18n.set_language``)."""
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = translate_plural  # type: ignore[attr-defined]
