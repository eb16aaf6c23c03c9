"""Every field's limits come from its column and are checked the same way on every backend: a
value that passes the form but not the column gets a Thai message naming the field, never a raw
driver error (DataError, InvalidOperation, UnicodeEncodeError), and nothing is saved."""

from __future__ import annotations

import decimal
from typing import Any

import pytest

from models.errors import ValidationError
from models.support import assets, tickets
from models.support.assets import Asset, AssetKind
from tests.support_office import build

BASE = {"kind": AssetKind.HARDWARE, "number": "7440-001-0009/65", "name": "คอมพิวเตอร์"}


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"price": decimal.Decimal("1000000000000")}, "price", "ราคา"),
        ({"price": "1e12"}, "price", "ราคา"),
        ({"price": decimal.Decimal("NaN")}, "price", "ราคา"),
        ({"price": float("inf")}, "price", "ราคา"),
        ({"price": "1,2,3"}, "price", "ราคา"),
        ({"price": "abc"}, "price", "ราคา"),
        ({"seats": 3_000_000_000}, "seats", "จำนวนสิทธิ์ใช้งาน"),
        ({"seats": "สิบ"}, "seats", "จำนวนสิทธิ์ใช้งาน"),
        ({"notes": "ก" * 70_000}, "notes", "หมายเหตุ"),
        ({"name": "เครื่อง\x00พิมพ์"}, "name", "ชื่อครุภัณฑ์"),
        ({"name": "เครื่อง\ud800พิมพ์"}, "name", "ชื่อครุภัณฑ์"),
        ({"name": "เครื่อง\x07พิมพ์"}, "name", "ชื่อครุภัณฑ์"),
        ({"name": "บรรทัดแรก\nบรรทัดสอง"}, "name", "ชื่อครุภัณฑ์"),
        ({"brand": "Dell\tInc"}, "brand", "ยี่ห้อ"),
        ({"notes": "หมายเหตุ\x1b[31m"}, "notes", "หมายเหตุ"),
        ({"acquired_on": "1/1/2400"}, "acquired_on", "วันที่ได้มา"),
        ({"category": 2**40}, "category", "หมวด"),
    ],
)
def test_values_the_column_cannot_hold_are_refused_by_name(
    db, make_user, values: dict[str, Any], field: str, words: str
) -> None:
    staff = make_user("staff")
    with pytest.raises(ValidationError) as caught:
        assets.save_asset(staff, None, {**BASE, **values})
    assert field in caught.value.errors
    assert words in caught.value.errors[field]
    assert not Asset.select().exists()


def test_lines_and_tabs_where_the_field_allows_lines(db, make_user) -> None:
    staff = make_user("staff")
    asset = assets.save_asset(staff, None, {**BASE, "notes": "บรรทัดแรก\n\tบรรทัดสอง\r\nสาม"})
    assert assets.get_asset(asset.id).notes == "บรรทัดแรก\n\tบรรทัดสอง\r\nสาม"
    edited = assets.save_asset(staff, asset, {"price": "25,900.50", "seats": "1,000"})
    assert edited.price == decimal.Decimal("25900.50") and edited.seats == 1000


def test_the_largest_value_each_column_holds_is_kept(db, make_user) -> None:
    staff = make_user("staff")
    asset = assets.save_asset(
        staff,
        None,
        {**BASE, "price": "999999999999.99", "seats": 2**31 - 1, "name": "ก" * 300},
    )
    fresh = assets.get_asset(asset.id)
    assert fresh.price == decimal.Decimal("999999999999.99") and fresh.seats == 2**31 - 1


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title": "จอ\x00ไม่ติด"}, "title"),
        ({"title": "จอ\ud83dไม่ติด"}, "title"),
        ({"description": "ก" * 70_000}, "description"),
        ({"requester_name": "นาย\x1fสมชาย"}, "requester_name"),
        ({"unit": 2**40}, "unit"),
        ({"received_on": "99/99/9999"}, "received_on"),
    ],
)
def test_ticket_registration_refuses_what_the_columns_cannot_hold(
    db, values: dict[str, Any], field: str
) -> None:
    office = build()
    before = tickets.RepairTicket.select().count()
    with pytest.raises(ValidationError) as caught:
        office.open(**values)
    assert field in caught.value.errors
    assert tickets.RepairTicket.select().count() == before


def test_reference_records_name_the_field_in_thai(db, make_user) -> None:
    from models import office

    head = make_user("head")
    with pytest.raises(ValidationError) as caught:
        office.save_unit(head, None, name="งานพัสดุ", phone="02\x00123")
    assert "โทรศัพท์" in caught.value.errors["phone"]
    with pytest.raises(ValidationError) as caught:
        office.save_vendor(head, None, name="บริษัท\nทดสอบ")
    assert "ชื่อ" in caught.value.errors["name"]
