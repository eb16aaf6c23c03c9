"""Settings pages for signatories (ผู้ลงนาม) and requesting units (หน่วยงาน)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from models import office, records
from models.i18n import N_, _
from models.org import Signatory, Unit
from views.settings.common import (
    STATUS_COLUMN,
    FieldSpec,
    RecordListPage,
    RecordTexts,
    record_dicts,
)
from views.widgets.paged_table import Column

if TYPE_CHECKING:
    from desktop.context import AppContext


# --- signatories ---------------------------------------------------------------------------------


def signatory_rows() -> list[dict[str, Any]]:
    return record_dicts(
        office.signatories(active_only=False),
        "title",
        "full_name",
        "position",
        "sort_order",
        "active",
    )


def signatory_fields() -> list[FieldSpec]:
    return [
        FieldSpec("title", _("ตำแหน่งที่ลงนาม"), required=True, placeholder=_("เช่น ผู้อำนวยการ")),
        FieldSpec("full_name", _("ชื่อ-นามสกุล"), required=True),
        FieldSpec("position", _("ตำแหน่งที่พิมพ์ใต้ชื่อ")),
        FieldSpec("sort_order", _("ลำดับ"), kind="int", maximum=999),
        FieldSpec("active", _("ใช้งาน"), kind="bool"),
    ]


class SignatoriesPage(RecordListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            _("ผู้ลงนาม"),
            [
                Column("sort_order", N_("ลำดับ")),
                Column("title", N_("ตำแหน่งที่ลงนาม")),
                Column("full_name", N_("ชื่อ-นามสกุล")),
                Column("position", N_("ตำแหน่ง"), stretch=True),
                STATUS_COLUMN,
            ],
            signatory_rows,
            RecordTexts(
                add_button=_("เพิ่มผู้ลงนาม…"),
                add_title=_("เพิ่มผู้ลงนาม"),
                edit_title=_("แก้ไขผู้ลงนาม"),
                choose_first=_("กรุณาเลือกผู้ลงนามก่อน"),
            ),
            note=_("ผู้ที่ลงนามหรืออนุมัติในขั้นตอนต่าง ๆ แต่ไม่ได้เข้าใช้โปรแกรม เช่น ผู้อำนวยการ"),
            parent=parent,
        )
        self.reload()

    def fields(self, row: dict[str, Any] | None) -> list[FieldSpec]:
        return signatory_fields()

    def defaults(self) -> dict[str, Any]:
        return {"active": True, "sort_order": len(self.model.rows) + 1}

    def save_record(
        self, actor: Any, row_id: Any, values: dict[str, Any], version: int | None
    ) -> int:
        obj = records.get(Signatory, row_id) if row_id is not None else None
        return int(office.save_signatory(actor, obj, expected_version=version, **values).id)


# --- units ---------------------------------------------------------------------------------------


def unit_rows() -> list[dict[str, Any]]:
    return record_dicts(
        office.units(active_only=False), "name", "short_name", "phone", "email", "active"
    )


def unit_fields() -> list[FieldSpec]:
    return [
        FieldSpec("name", _("ชื่อหน่วยงาน"), required=True),
        FieldSpec("short_name", _("ชื่อย่อ")),
        FieldSpec("phone", _("โทรศัพท์")),
        FieldSpec("email", _("อีเมล")),
        FieldSpec("active", _("ใช้งาน"), kind="bool"),
    ]


class UnitsPage(RecordListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            _("หน่วยงานที่ขอรับบริการ"),
            [
                Column("name", N_("ชื่อหน่วยงาน"), stretch=True),
                Column("short_name", N_("ชื่อย่อ")),
                Column("phone", N_("โทรศัพท์")),
                Column("email", N_("อีเมล")),
                STATUS_COLUMN,
            ],
            unit_rows,
            RecordTexts(
                add_button=_("เพิ่มหน่วยงาน…"),
                add_title=_("เพิ่มหน่วยงาน"),
                edit_title=_("แก้ไขหน่วยงาน"),
                choose_first=_("กรุณาเลือกหน่วยงานก่อน"),
            ),
            note=_("หน่วยงานภายในสำนักงานที่ส่งเรื่องขอรับบริการจาก ภทส."),
            parent=parent,
        )
        self.reload()

    def fields(self, row: dict[str, Any] | None) -> list[FieldSpec]:
        return unit_fields()

    def defaults(self) -> dict[str, Any]:
        return {"active": True}

    def save_record(
        self, actor: Any, row_id: Any, values: dict[str, Any], version: int | None
    ) -> int:
        obj = records.get(Unit, row_id) if row_id is not None else None
        return int(office.save_unit(actor, obj, expected_version=version, **values).id)
