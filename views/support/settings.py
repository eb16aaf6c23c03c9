"""Settings pages of the IT support process: the ticket categories (their 1-3 working days set the
deadline) and the asset categories of the register."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from models import records
from models.i18n import N_, _
from models.permissions import Permission
from models.support import assets, tickets
from models.support.assets import KIND_LABELS, AssetCategory, AssetKind
from models.support.tickets import MAX_CATEGORY_DAYS, TicketCategory
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


def ticket_category_rows() -> list[dict[str, Any]]:
    return record_dicts(
        tickets.categories(active_only=False),
        "name",
        "days",
        "description",
        "sort_order",
        "active",
    )


class TicketCategoriesPage(RecordListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            _("ประเภทปัญหาของเรื่องแจ้งซ่อม"),
            [
                Column("name", N_("ประเภทปัญหา"), width=220),
                Column("days", N_("ระยะเวลาดำเนินการ (วันทำการ)")),
                Column("description", N_("ตัวอย่างปัญหา"), width=260, stretch=True),
                STATUS_COLUMN,
            ],
            ticket_category_rows,
            RecordTexts(
                add_button=_("เพิ่มประเภท…"),
                add_title=_("เพิ่มประเภทปัญหา"),
                edit_title=_("แก้ไขประเภทปัญหา"),
                choose_first=_("กรุณาเลือกประเภทปัญหาก่อน"),
                remove_question=_("ลบประเภท “{name}”?"),
            ),
            editable=ctx.can(Permission.MANAGE_OFFICE),
            removable=True,
            note=_(
                "ประเภทปัญหากำหนดระยะเวลาดำเนินการของเรื่อง 1 ถึง 3 วันทำการ ตามคู่มือการปฏิบัติงาน "
                "การแก้ไขมีผลกับเรื่องที่รับใหม่ เรื่องที่รับไว้แล้วคงกำหนดเดิม"
            ),
            parent=parent,
        )
        self.reload()

    def fields(self, row: dict[str, Any] | None) -> list[FieldSpec]:
        return [
            FieldSpec("name", _("ประเภทปัญหา"), required=True),
            FieldSpec(
                "days",
                _("ระยะเวลาดำเนินการ (วันทำการ)"),
                kind="int",
                minimum=1,
                maximum=MAX_CATEGORY_DAYS,
            ),
            FieldSpec("description", _("ตัวอย่างปัญหา"), kind="multiline"),
            FieldSpec("sort_order", _("ลำดับ"), kind="int", maximum=999),
            FieldSpec("active", _("ใช้งาน"), kind="bool"),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"active": True, "days": 1}

    def save_record(
        self, actor: Any, row_id: Any, values: dict[str, Any], version: int | None
    ) -> int:
        obj = records.get(TicketCategory, row_id) if row_id is not None else None
        return int(tickets.save_category(actor, obj, expected_version=version, **values).id)

    def remove_record(self, actor: Any, row: dict[str, Any]) -> None:
        tickets.delete_category(actor, records.get(TicketCategory, row["id"]))


def asset_category_rows() -> list[dict[str, Any]]:
    return record_dicts(
        assets.categories(active_only=False),
        "kind",
        "name",
        "sort_order",
        "active",
        kind_text=lambda c: _(KIND_LABELS.get(c.kind, c.kind)),
    )


class AssetCategoriesPage(RecordListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            _("หมวดครุภัณฑ์"),
            [
                Column("kind_text", N_("ประเภท"), width=170),
                Column("name", N_("หมวด"), width=320, stretch=True),
                STATUS_COLUMN,
            ],
            asset_category_rows,
            RecordTexts(
                add_button=_("เพิ่มหมวด…"),
                add_title=_("เพิ่มหมวดครุภัณฑ์"),
                edit_title=_("แก้ไขหมวดครุภัณฑ์"),
                choose_first=_("กรุณาเลือกหมวดก่อน"),
                remove_question=_("ลบหมวด “{name}”?"),
            ),
            editable=ctx.can(Permission.EDIT_REGISTERS),
            removable=True,
            note=_("หมวดที่ใช้ในทะเบียนครุภัณฑ์ (การนำเข้าจากไฟล์เพิ่มหมวดใหม่ให้เองเมื่อพบ)"),
            parent=parent,
        )
        self.reload()

    def fields(self, row: dict[str, Any] | None) -> list[FieldSpec]:
        return [
            FieldSpec(
                "kind",
                _("ประเภท"),
                kind="choice",
                required=True,
                choices=[(str(k), _(KIND_LABELS[k])) for k in AssetKind],
            ),
            FieldSpec("name", _("หมวด"), required=True),
            FieldSpec("sort_order", _("ลำดับ"), kind="int", maximum=999),
            FieldSpec("active", _("ใช้งาน"), kind="bool"),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"active": True, "kind": str(AssetKind.HARDWARE)}

    def save_record(
        self, actor: Any, row_id: Any, values: dict[str, Any], version: int | None
    ) -> int:
        obj = records.get(AssetCategory, row_id) if row_id is not None else None
        return int(assets.save_category(actor, obj, expected_version=version, **values).id)

    def remove_record(self, actor: Any, row: dict[str, Any]) -> None:
        assets.delete_category(actor, records.get(AssetCategory, row["id"]))
