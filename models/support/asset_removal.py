"""Deleting an asset from the register: only a record added by mistake. An asset that a ticket,
a loan or a maintenance round has touched keeps its record and is retired instead; knowing that
needs the history across process 2, so this sits above the asset records and their history."""

from __future__ import annotations

from models import records
from models.base import Actor
from models.errors import ValidationError
from models.i18n import _
from models.permissions import Permission, require
from models.support.asset_history import has_history
from models.support.assets import Asset


def delete_asset(actor: Actor | None, asset: Asset, *, expected_version: int | None = None) -> None:
    """Only a record added by mistake may be deleted; an asset with history is retired instead."""
    require(actor, Permission.EDIT_REGISTERS)
    if has_history(asset.id):
        raise ValidationError(
            _(
                "ครุภัณฑ์ {number} มีประวัติการซ่อม การยืม หรือการบำรุงรักษาแล้ว จึงลบไม่ได้ "
                "ให้เปลี่ยนสถานะเป็น “จำหน่าย/เลิกใช้” แทน"
            ).format(number=asset.number)
        )
    records.delete(actor, asset, expected_version=expected_version)
