"""Office-wide settings kept in the database, declared once here with their defaults.

Workstation settings (which database, language) live in the workstation's own config file
(``desktop/config.py``), since they are needed before any database is open.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import peewee

from models import records
from models.base import Actor, VersionedModel
from models.errors import ValidationError
from models.i18n import N_, _
from models.permissions import Permission, require


@dataclass(frozen=True)
class SettingDef:
    key: str
    default: Any
    label: str  # N_-marked; translate when shown
    minimum: float | None = None
    maximum: float | None = None

    def coerce(self, value: Any) -> Any:
        kind = type(self.default)
        try:
            if kind is bool:
                out: Any = (
                    value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes"}
                )
            elif kind is int:
                out = int(value)
            elif kind is float:
                out = float(value)
            else:
                out = kind(value)
        except (TypeError, ValueError) as exc:
            raise ValidationError(
                _("ค่าของ “{label}” ไม่ถูกต้อง").format(label=_(self.label)), {self.key: str(exc)}
            ) from exc
        numeric = isinstance(out, (int, float)) and not isinstance(out, bool)
        if numeric and (
            (self.minimum is not None and out < self.minimum)
            or (self.maximum is not None and out > self.maximum)
        ):
            raise ValidationError(
                _("ค่าของ “{label}” ต้องอยู่ระหว่าง {low} ถึง {high}").format(
                    label=_(self.label), low=self.minimum, high=self.maximum
                ),
                {self.key: _("อยู่นอกช่วงที่กำหนด")},
            )
        return out


_DEFS = [
    SettingDef("attachments.max_mb", 20, N_("ขนาดไฟล์แนบสูงสุด (เมกะไบต์)"), 1, 500),
    SettingDef("documents.thai_digits", True, N_("ใช้เลขไทยในหนังสือราชการ")),
    SettingDef("documents.prefer_th_sarabun", True, N_("ใช้ฟอนต์ TH Sarabun ของเครื่องเมื่อมี")),
    SettingDef("documents.date_indent_cm", 8.0, N_("ระยะเริ่ม “วันที่” ในบันทึกข้อความ (ซม.)"), 4, 12),
    SettingDef("documents.top_margin_cm", 1.5, N_("ระยะขอบบน (ซม.)"), 0.5, 4),
    SettingDef("documents.bottom_margin_cm", 2.0, N_("ระยะขอบล่าง (ซม.)"), 0.5, 4),
    SettingDef(
        "documents.lines_with_signature",
        2,
        N_("จำนวนบรรทัดท้ายเนื้อหาที่ขึ้นหน้าใหม่พร้อมคำลงท้ายและลายมือชื่อ"),
        1,
        6,
    ),
    SettingDef("backup.keep_daily", 14, N_("จำนวนสำเนาสำรองรายวันที่เก็บไว้"), 1, 365),
]
SETTINGS: dict[str, SettingDef] = {d.key: d for d in _DEFS}


def declare(definition: SettingDef) -> None:
    """Processes add their own settings (e.g. default deadlines) at import time."""
    SETTINGS[definition.key] = definition


class Setting(VersionedModel):
    key = peewee.CharField(max_length=100, unique=True)
    value = peewee.TextField()  # JSON


def get(key: str) -> Any:
    definition = SETTINGS[key]
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return definition.default
    try:
        return definition.coerce(json.loads(row.value))
    except (ValueError, ValidationError):
        return definition.default


def put(actor: Actor | None, key: str, value: Any) -> None:
    require(actor, Permission.MANAGE_SETTINGS)
    definition = SETTINGS.get(key)
    if definition is None:
        raise ValidationError(_("ไม่รู้จักการตั้งค่า “{key}”").format(key=key))
    text = json.dumps(definition.coerce(value), ensure_ascii=False)
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        records.create(actor, Setting, key=key, value=text)
    elif row.value != text:
        records.update(actor, row, value=text)


def all_values() -> dict[str, Any]:
    return {key: get(key) for key in SETTINGS}


def put_many(actor: Actor | None, values: dict[str, Any]) -> None:
    """Save several settings at once: every value is checked first, then all are written in one
    transaction (a bad value changes nothing)."""
    from models.db import database

    require(actor, Permission.MANAGE_SETTINGS)
    errors: dict[str, str] = {}
    messages: list[str] = []
    for key, value in values.items():
        definition = SETTINGS.get(key)
        if definition is None:
            raise ValidationError(_("ไม่รู้จักการตั้งค่า “{key}”").format(key=key))
        try:
            definition.coerce(value)
        except ValidationError as exc:
            errors[key] = exc.errors.get(key, exc.message)
            messages.append(exc.message)
    if errors:
        raise ValidationError(" ".join(messages), errors)
    with database.atomic():
        for key, value in values.items():
            put(actor, key, value)
