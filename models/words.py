"""The office's own words for Thai line breaking: agency names and terms a printed line must never
split (e.g. ``สมศ.``, ``ระบบสารบรรณอิเล็กทรอนิกส์``).

Kept in the database so every workstation prints the same; ``load_custom_words`` hands them to the
document engine (``reports.thai_text.set_custom_words``) after the database is opened and after
every change made here.
"""

from __future__ import annotations

import peewee

from models import records
from models.base import Actor, VersionedModel
from models.errors import ValidationError
from models.i18n import _
from models.permissions import Permission, require
from reports.thai_text import set_custom_words

MAX_WORD_LENGTH = 100


class CustomWord(VersionedModel):
    word = peewee.CharField(max_length=MAX_WORD_LENGTH, unique=True)
    note = peewee.CharField(max_length=300, default="")


def list_words() -> list[CustomWord]:
    return list(CustomWord.select().order_by(CustomWord.word))


def _clean(word: str) -> str:
    text = " ".join(word.split())
    if not text:
        raise ValidationError(_("กรุณากรอกคำ"), {"word": _("กรุณากรอกคำ")})
    if " " in text:
        raise ValidationError(
            _("คำต้องไม่มีช่องว่าง (บรรทัดตัดที่ช่องว่างได้เสมอ จึงไม่ต้องเพิ่มคำที่มีช่องว่าง)"),
            {"word": _("มีช่องว่าง")},
        )
    if len(text) < 2:
        raise ValidationError(_("คำต้องยาวอย่างน้อย 2 ตัวอักษร"), {"word": _("สั้นเกินไป")})
    if len(text) > MAX_WORD_LENGTH:
        raise ValidationError(
            _("คำยาวเกิน {n} ตัวอักษร").format(n=MAX_WORD_LENGTH), {"word": _("ยาวเกินไป")}
        )
    if any(not ch.isprintable() for ch in text):
        raise ValidationError(_("คำมีอักขระที่พิมพ์ไม่ได้"), {"word": _("มีอักขระที่พิมพ์ไม่ได้")})
    return text


def add_word(actor: Actor | None, word: str, note: str = "") -> CustomWord:
    """Add a word the printed lines must keep whole."""
    require(actor, Permission.MANAGE_OFFICE)
    text = _clean(word)
    if CustomWord.get_or_none(CustomWord.word == text) is not None:
        raise ValidationError(_("มีคำ “{word}” อยู่แล้ว").format(word=text), {"word": _("มีคำนี้อยู่แล้ว")})
    try:
        created = records.create(actor, CustomWord, word=text, note=note.strip())
    except peewee.IntegrityError as exc:  # added by someone else a moment ago
        raise ValidationError(
            _("มีคำ “{word}” อยู่แล้ว").format(word=text), {"word": _("มีคำนี้อยู่แล้ว")}
        ) from exc
    load_custom_words()
    return created


def update_word(
    actor: Actor | None,
    custom: CustomWord,
    *,
    word: str,
    note: str = "",
    expected_version: int | None = None,
) -> CustomWord:
    require(actor, Permission.MANAGE_OFFICE)
    text = _clean(word)
    other = CustomWord.get_or_none((CustomWord.word == text) & (CustomWord.id != custom.id))
    if other is not None:
        raise ValidationError(_("มีคำ “{word}” อยู่แล้ว").format(word=text), {"word": _("มีคำนี้อยู่แล้ว")})
    updated = records.update(
        actor, custom, expected_version=expected_version, word=text, note=note.strip()
    )
    load_custom_words()
    return updated


def remove_word(
    actor: Actor | None, custom: CustomWord, expected_version: int | None = None
) -> None:
    require(actor, Permission.MANAGE_OFFICE)
    records.delete(actor, custom, expected_version=expected_version)
    load_custom_words()


def load_custom_words() -> int:
    """Give the document engine the office's words; returns how many. The app calls this after
    opening the database."""
    words = [w.word for w in CustomWord.select(CustomWord.word)]
    set_custom_words(words)
    return len(words)


def configure_documents() -> None:
    """After opening the database: the office's words and font preference for printed documents.
    (``reports/`` reads no database; this hands it what it needs.)"""
    from models import settings
    from reports.fonts import set_prefer_system_font

    set_prefer_system_font(bool(settings.get("documents.prefer_th_sarabun")))
    load_custom_words()
