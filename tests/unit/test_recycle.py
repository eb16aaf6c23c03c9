"""Deleted records restored (issue 13, point 8): an administrator brings back a deleted asset for
30 days, with its own id and values; others may not; an asset number reused meanwhile is refused."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable
from typing import Any

import pytest

from models import audit, clock, recycle
from models.errors import PermissionDenied, ValidationError
from models.support import asset_removal, assets
from models.support.assets import Asset, AssetKind
from models.users import User

DAY = dt.datetime(2026, 11, 2, 9, 0)


def at(moment: dt.datetime) -> None:
    clock.set_clock(lambda: moment)


def new_asset(actor: User, number: str = "7440-001-0001/65") -> Asset:
    return assets.save_asset(
        actor,
        None,
        {
            "kind": AssetKind.HARDWARE,
            "number": number,
            "name": "เครื่องคอมพิวเตอร์ตั้งโต๊ะ",
            "acquired_on": dt.date(2022, 3, 15),
            "price": decimal.Decimal("25900.00"),
        },
    )


def test_admin_restores_a_deleted_asset(db: Any, make_user: Callable[..., User]) -> None:
    at(DAY)
    admin, staff = make_user("admin"), make_user("staff")
    asset = new_asset(staff)
    asset_removal.delete_asset(staff, asset)
    assert Asset.get_or_none(Asset.id == asset.id) is None
    with pytest.raises(PermissionDenied):
        recycle.deleted_items(staff)  # an administrator's work
    items = recycle.deleted_items(admin)
    assert [(i.kind, i.description) for i in items] == [
        ("ครุภัณฑ์", "7440-001-0001/65 เครื่องคอมพิวเตอร์ตั้งโต๊ะ")
    ]
    assert items[0].restorable_until == DAY + dt.timedelta(days=30)
    with pytest.raises(PermissionDenied):
        recycle.restore(staff, items[0].audit_id)

    at(DAY + dt.timedelta(days=29))
    recycle.restore(admin, items[0].audit_id)
    back = Asset.get_by_id(asset.id)  # the same id: what pointed to it points to it again
    assert back.number == "7440-001-0001/65" and back.acquired_on == dt.date(2022, 3, 15)
    assert back.price == decimal.Decimal("25900.00") and back.version == asset.version + 1
    assert recycle.deleted_items(admin) == []
    assert audit.AuditEntry.select().where(audit.AuditEntry.action == "restore").count() == 1
    with pytest.raises(ValidationError):
        recycle.restore(admin, items[0].audit_id)  # already back
    # and it can be edited as usual
    assets.save_asset(staff, back, {"name": "คอมพิวเตอร์สำนักงาน"})


def test_after_thirty_days_or_when_the_number_is_taken(
    db: Any, make_user: Callable[..., User]
) -> None:
    at(DAY)
    admin = make_user("admin")
    old = new_asset(admin)
    asset_removal.delete_asset(admin, old)
    entry = recycle.deleted_items(admin)[0]
    new_asset(admin)  # the number registered again meanwhile
    with pytest.raises(ValidationError, match="ใช้ข้อมูลเดียวกัน"):
        recycle.restore(admin, entry.audit_id)
    assert Asset.select().where(Asset.number == old.number).count() == 1  # nothing doubled

    other = new_asset(admin, "7440-001-0002/65")
    asset_removal.delete_asset(admin, other)
    at(DAY + dt.timedelta(days=31))
    assert all(i.row_id != other.id for i in recycle.deleted_items(admin))
    item = (
        audit.AuditEntry.select()
        .where(audit.AuditEntry.row_id == other.id)
        .order_by(audit.AuditEntry.id.desc())
        .first()
    )
    with pytest.raises(ValidationError, match="เกิน 30 วัน"):
        recycle.restore(admin, item.id)
