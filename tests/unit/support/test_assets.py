"""The asset register: government asset numbers (Thai or Arabic digits), validation, permissions,
statuses, categories, and the paged, filtered, sorted list."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest

from models import office, records, settings
from models.errors import ConflictError, PermissionDenied, ValidationError
from models.support import asset_removal, assets
from models.support.assets import Asset, AssetFilter, AssetKind, AssetStatus


def _values(**extra: object) -> dict[str, object]:
    base: dict[str, object] = {
        "kind": AssetKind.HARDWARE,
        "number": "7440-001-0001/65",
        "name": "เครื่องคอมพิวเตอร์ตั้งโต๊ะ",
    }
    base.update(extra)
    return base


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("๗๔๔๐-๐๐๑-๐๐๐๑/๖๕", "7440-001-0001/65"),
        (" 7440 – 001 – 0001 / 65 ", "7440-001-0001/65"),
        ("สมศ.๗๔๔๐-๐๐๑", "สมศ.7440-001"),
        ("ab-1", "AB-1"),
    ],
)
def test_numbers_normalise_thai_digits_dashes_and_spaces(typed: str, key: str) -> None:
    assert assets.normalise_number(typed) == key


@pytest.mark.parametrize(
    ("mask", "number", "ok"),
    [
        ("####-###-####/##", "๗๔๔๐-๐๐๑-๐๐๐๑/๖๕", True),
        ("####-###-####/##", "7440-001-0001/65", True),
        ("####-###-####/##", "7440-001-001/65", False),
        ("####-###-####/##", "7440-001-0001-65", False),
        ("สมศ.####-*", "สมศ.7440-anything", True),
        ("@@-####", "คอ-0001", True),
        ("", "whatever you like", True),
    ],
)
def test_the_number_pattern_is_a_mask(mask: str, number: str, ok: bool) -> None:
    assert (assets.check_number(number, mask=mask) is None) is ok


def test_number_unique_whatever_the_digits(db, make_user) -> None:
    staff = make_user("staff")
    first = assets.save_asset(staff, None, _values(number="๗๔๔๐-๐๐๑-๐๐๐๑/๖๕"))
    assert first.number == "๗๔๔๐-๐๐๑-๐๐๐๑/๖๕"
    assert first.number_key == "7440-001-0001/65"
    with pytest.raises(ValidationError) as dup:
        assets.save_asset(staff, None, _values(number="7440-001-0001/65", name="อีกเครื่อง"))
    assert "มีอยู่แล้ว" in dup.value.errors["number"]
    assert assets.find_by_number("7440 - 001 - 0001/65") == first
    assert Asset.select().count() == 1


def test_bad_input_names_each_field_and_saves_nothing(db, make_user) -> None:
    staff = make_user("staff")
    with pytest.raises(ValidationError) as bad:
        assets.save_asset(
            staff,
            None,
            _values(
                number="12-34",
                name=" ",
                price=decimal.Decimal("-1"),
                budget_year=2026,
                acquired_on=dt.date(2025, 1, 10),
                warranty_end=dt.date(2024, 1, 10),
            ),
        )
    assert set(bad.value.errors) == {"number", "name", "price", "budget_year", "warranty_end"}
    assert "####-###-####/##" in bad.value.errors["number"]
    assert Asset.select().count() == 0


def test_text_longer_than_its_column_is_refused_on_every_backend(db, make_user) -> None:
    """PostgreSQL and MariaDB would refuse the row with a database error; the register refuses
    it first with the field's name, and keeps what was stored."""
    staff = make_user("staff")
    with pytest.raises(ValidationError) as bad:
        assets.save_asset(staff, None, _values(brand="ก" * 201, serial_number="S" * 201))
    assert set(bad.value.errors) == {"brand", "serial_number"}
    assert "ยี่ห้อ ยาวเกิน 200 ตัวอักษร" in bad.value.message
    assert Asset.select().count() == 0
    saved = assets.save_asset(staff, None, _values(brand="ก" * 200, location="ห้อง ๒๐๑"))
    with pytest.raises(ValidationError) as bad:
        assets.save_asset(staff, saved, {"location": "ช" * 301}, expected_version=saved.version)
    assert set(bad.value.errors) == {"location"}
    assert records.get(Asset, saved.id).location == "ห้อง ๒๐๑"


def test_the_pattern_is_an_office_setting(db, admin) -> None:
    settings.put(admin, "assets.number_pattern", "สมศ-####")
    with pytest.raises(ValidationError):
        assets.save_asset(admin, None, _values())
    saved = assets.save_asset(admin, None, _values(number="สมศ-๐๐๑๒"))
    assert saved.number_key == "สมศ-0012"


def test_viewers_cannot_edit_the_register(db, make_user) -> None:
    with pytest.raises(PermissionDenied):
        assets.save_asset(make_user("viewer"), None, _values())
    assert Asset.select().count() == 0


def test_loan_statuses_belong_to_lending(db, make_user) -> None:
    staff = make_user("staff")
    with pytest.raises(ValidationError):
        assets.save_asset(staff, None, _values(status=AssetStatus.ON_LOAN))
    spare = assets.save_asset(staff, None, _values(status=AssetStatus.LOANER_POOL))
    assets.set_status(None, spare, AssetStatus.ON_LOAN)
    spare = assets.get_asset(spare.id)
    with pytest.raises(ValidationError) as out:
        assets.save_asset(staff, spare, {"status": AssetStatus.RETIRED})
    assert "รับคืน" in out.value.message
    edited = assets.save_asset(staff, spare, {"location": "ห้อง ๓๐๑"})
    assert (edited.location, edited.status) == ("ห้อง ๓๐๑", AssetStatus.ON_LOAN)


def test_category_must_match_the_kind(db, make_user) -> None:
    staff = make_user("staff")
    software = assets.save_category(staff, None, kind=AssetKind.SOFTWARE, name="ชุดโปรแกรม")
    with pytest.raises(ValidationError) as wrong:
        assets.save_asset(staff, None, _values(category=software.id))
    assert "category" in wrong.value.errors


def test_default_categories_once_and_delete_only_unused(db, make_user) -> None:
    staff = make_user("staff")
    listed = assets.categories(AssetKind.NETWORK)
    assert any("Switch" in c.name for c in listed)
    desktop = next(c for c in assets.categories(AssetKind.HARDWARE) if c.name == "จอภาพ")
    assets.save_asset(staff, None, _values(category=desktop.id))
    with pytest.raises(ValidationError):
        assets.delete_category(staff, desktop)
    with pytest.raises(ValidationError):
        assets.save_category(staff, None, kind=AssetKind.HARDWARE, name="จอภาพ")


def test_stale_edit_is_refused_and_keeps_the_stored_values(db, make_user) -> None:
    one, two = make_user("staff"), make_user("staff")
    asset = assets.save_asset(one, None, _values())
    stale_version = asset.version
    assets.save_asset(one, asset, {"location": "ห้อง ๑"})
    with pytest.raises(ConflictError):
        assets.save_asset(
            two, records.get(Asset, asset.id), {"location": "ห้อง ๒"}, expected_version=stale_version
        )
    assert records.get(Asset, asset.id).location == "ห้อง ๑"


def _bulk(staff, n: int) -> None:
    unit = office.save_unit(staff, None, name="งานพัสดุ")
    for i in range(n):
        assets.save_asset(
            staff,
            None,
            _values(
                number=f"7440-001-{i + 1:04d}/65",
                name=f"{'โน้ตบุ๊ก' if i % 2 else 'เครื่องพิมพ์'} {i}",
                kind=AssetKind.HARDWARE if i % 3 else AssetKind.NETWORK,
                serial_number=f"SN{i:05d}",
                custodian_name="นายสมชาย ใจดี" if i % 5 == 0 else "นางสาวสุดา รักษ์ไทย",
                custodian_unit=unit.id if i % 2 else None,
                status=AssetStatus.RETIRED if i == 7 else AssetStatus.IN_USE,
            ),
        )


def test_list_is_filtered_sorted_and_paged_in_sql(db, make_user) -> None:
    staff = make_user("staff")
    _bulk(staff, 30)
    page = assets.asset_page(AssetFilter(), "number", True, 0, 10)
    assert page.total == 30 and len(page.rows) == 10
    assert page.rows[0].number == "7440-001-0030/65"
    second = assets.asset_page(AssetFilter(), "number", True, 10, 10)
    assert second.rows[0].number == "7440-001-0020/65"
    by_text = assets.asset_page(AssetFilter(text="สมชาย"), "number", False, 0, 100)
    assert by_text.total == 6
    by_thai_digits = assets.asset_page(AssetFilter(text="๐๐๑๒/๖๕"), "number", False, 0, 10)
    assert [r.number for r in by_thai_digits.rows] == ["7440-001-0012/65"]
    network = assets.asset_page(AssetFilter(kind=AssetKind.NETWORK), "name", False, 0, 100)
    assert network.total == 10 and all(r.kind == AssetKind.NETWORK for r in network.rows)
    unit_rows = assets.asset_page(AssetFilter(text="โน้ตบุ๊ก"), "unit", False, 0, 100)
    assert unit_rows.total == 15 and all(r.custodian_unit == "งานพัสดุ" for r in unit_rows.rows)
    active = assets.asset_page(AssetFilter(include_retired=False), "number", False, 0, 100)
    assert active.total == 29
    wildcard = assets.asset_page(AssetFilter(text="%"), "number", False, 0, 100)
    assert wildcard.total == 0


def test_asset_search_puts_exact_number_or_serial_first(db, make_user) -> None:
    staff = make_user("staff")
    _bulk(staff, 12)
    found = assets.search_assets("๗๔๔๐-๐๐๑-๐๐๐๑/๖๕")
    assert found[0].number == "7440-001-0001/65"
    by_serial = assets.search_assets("sn00003")
    assert [c.number for c in by_serial] == ["7440-001-0004/65"]


@pytest.mark.parametrize(
    "text",
    [
        "7440",
        "๐๐๑๒",
        "sn000",
        "สมชาย ใจดี",
        "โน้ตบุ๊ก 1",
        '"7440',
        "100%",
        "sn_0",
        "งานพัสดุ",
        "zz",
        "4/6",
    ],
)
def test_indexed_search_finds_the_same_rows_as_a_scan(sql_db, make_user, text: str) -> None:
    from models import text_search

    staff = make_user("staff")
    _bulk(staff, 30)
    wanted = assets.normalise_search(text)
    indexed = {a.id for a in Asset.select().where(text_search.contains(Asset, wanted))}
    scanned = {a.id for a in Asset.select().where(Asset.search_text.contains(wanted))}
    assert indexed == scanned
    if text in {"7440", "sn000", "สมชาย ใจดี"}:
        assert indexed  # these strings are in the data: an empty answer would prove nothing


def test_the_side_indexes_exist_and_follow_writes(sql_db, make_user) -> None:
    """Migration 0003 built them here (SQLite has FTS5 trigram; the test server allows pg_trgm),
    and the triggers keep them in step with inserts, updates and deletes."""
    from models import text_search

    text_search.forget()
    kind = "fts" if sql_db.__class__.__name__.startswith("Sqlite") else "trgm"
    assert text_search._side_index("asset") == kind
    assert text_search._side_index("repair_ticket") == kind
    staff = make_user("staff")
    asset = assets.save_asset(staff, None, _values(name="เครื่องพิมพ์เลเซอร์"))

    def found(text: str) -> set[int]:
        return {a.id for a in Asset.select().where(text_search.contains(Asset, text))}

    assert found("เลเซอร์") == {asset.id}
    assets.save_asset(staff, asset, {"name": "เครื่องสแกนเอกสาร"})
    assert found("เลเซอร์") == set() and found("สแกน") == {asset.id}
    asset_removal.delete_asset(staff, assets.get_asset(asset.id))
    assert found("สแกน") == set()


def test_files_kept_with_an_asset(db, make_user) -> None:
    staff = make_user("staff")
    asset = assets.save_asset(staff, None, _values())
    with pytest.raises(PermissionDenied):
        assets.attach_files(make_user("viewer"), asset.id, [("a.pdf", b"%PDF")])
    with pytest.raises(ValidationError):
        assets.attach_files(staff, asset.id, [("ok.pdf", b"%PDF"), ("empty.pdf", b"")])
    assert assets.asset_files(asset.id) == []  # all or none
    assets.attach_files(staff, asset.id, [("ใบรับประกัน.pdf", b"%PDF-1.4")])
    files = assets.asset_files(asset.id)
    assert [f.filename for f in files] == ["ใบรับประกัน.pdf"] and files[0].added_by
    other = assets.save_asset(staff, None, _values(number="7440-001-0002/65"))
    with pytest.raises(ValidationError):
        assets.remove_file(staff, other.id, files[0].id)
    assets.remove_file(staff, asset.id, files[0].id)
    assert assets.asset_files(asset.id) == []
