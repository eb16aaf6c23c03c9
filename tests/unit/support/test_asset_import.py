"""Importing the asset register from Excel/CSV: mapping, preview with reasons, all-or-nothing,
valid-only, no duplicates on re-import, and export → import round trip."""

from __future__ import annotations

import datetime as dt
import decimal
from pathlib import Path

import openpyxl
import pytest

from models import office
from models.audit import AuditEntry
from models.errors import PermissionDenied, ValidationError
from models.org import Vendor
from models.support import asset_fields, asset_io, assets
from models.support.asset_io import RowAction
from models.support.assets import Asset, AssetCategory, AssetFilter, AssetKind, AssetStatus

HEADERS = [
    "ลำดับ",
    "เลขที่ครุภัณฑ์",
    "รายการ",
    "หมวดครุภัณฑ์",
    "ยี่ห้อ",
    "รุ่น",
    "S/N",
    "วันที่ซื้อ",
    "ราคา",
    "ผู้ขาย",
    "หน่วยงาน",
]


def _xlsx(path: Path, rows: list[list[object]], *, title: bool = True) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    if title:
        ws.append(["ทะเบียนครุภัณฑ์คอมพิวเตอร์ ประจำปี ๒๕๖๙"])
        ws.append([])
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


GOOD = [
    [1, "๗๔๔๐-๐๐๑-๐๐๐๑/๖๕", "คอมพิวเตอร์ตั้งโต๊ะ", "คอมพิวเตอร์ตั้งโต๊ะ", "Dell", "OptiPlex 7010",
     "ABC123", "15/03/2565", "25,900.00", "บริษัท ทดสอบ จำกัด", "งานพัสดุ"],
    [2, "7440-001-0002/65", "โน้ตบุ๊ก", "คอมพิวเตอร์โน้ตบุ๊ก", "Lenovo", "T14", 123456789.0,
     dt.datetime(2022, 3, 15), 32000, "", ""],
    [3, "7440-002-0001/66", "Switch ชั้น 3", "อุปกรณ์กระจายสัญญาณ (Switch)", "Cisco", "C9200",
     "FOC1", "1 ต.ค. 2565", "", "", "พด."],
]  # fmt: skip


@pytest.fixture
def staff(db, make_user):
    user = make_user("staff")
    office.save_unit(user, None, name="งานพัสดุ", short_name="พด.")
    assets.ensure_default_categories()
    return user


def test_header_found_below_a_title_and_columns_guessed(staff, tmp_path) -> None:
    table = asset_io.open_source(_xlsx(tmp_path / "a.xlsx", GOOD))
    assert table.headers[1] == "เลขที่ครุภัณฑ์"
    mapping = asset_io.guess_mapping(table)
    assert mapping == {
        "number": 1,
        "name": 2,
        "category": 3,
        "brand": 4,
        "model_name": 5,
        "serial_number": 6,
        "acquired_on": 7,
        "price": 8,
        "vendor": 9,
        "custodian_unit": 10,
    }


def test_good_file_imports_with_kinds_dates_prices_and_new_vendor(staff, tmp_path) -> None:
    table = asset_io.open_source(_xlsx(tmp_path / "a.xlsx", GOOD))
    mapping = asset_io.guess_mapping(table)
    preview = asset_io.preview_import(table, mapping)
    assert [r.action for r in preview.rows] == [RowAction.NEW] * 3
    assert preview.new_vendors == ["บริษัท ทดสอบ จำกัด"]
    result = asset_io.run_import(staff, table, mapping)
    assert (result.created, result.new_vendors) == (3, 1)
    first = assets.find_by_number("7440-001-0001/65")
    assert first is not None
    assert first.acquired_on == dt.date(2022, 3, 15)
    assert first.price == decimal.Decimal("25900.00")
    assert first.vendor.name == "บริษัท ทดสอบ จำกัด"
    assert first.custodian_unit.name == "งานพัสดุ"
    laptop = assets.find_by_number("7440-001-0002/65")
    assert laptop.serial_number == "123456789"  # an Excel number, not "123456789.0"
    switch = assets.find_by_number("7440-002-0001/66")
    assert switch.kind == AssetKind.NETWORK  # from its category
    assert switch.acquired_on == dt.date(2022, 10, 1)
    assert switch.custodian_unit.short_name == "พด."
    assert AuditEntry.select().where(AuditEntry.action == "import").count() == 1


def test_bad_rows_are_listed_with_reasons_and_nothing_is_imported(staff, tmp_path) -> None:
    rows = [
        *GOOD,
        [4, "7440-001-0001/65", "ซ้ำในไฟล์", "", "", "", "", "", "", "", ""],
        [5, "12345", "เลขผิดรูปแบบ", "", "", "", "", "", "", "", ""],
        [6, "7440-009-0001/66", "", "", "", "", "", "31/02/2566", "ฟรี", "", "งานที่ไม่มี"],
    ]
    table = asset_io.open_source(_xlsx(tmp_path / "bad.xlsx", rows))
    mapping = asset_io.guess_mapping(table)
    preview = asset_io.preview_import(table, mapping)
    errors = {r.line: r.errors for r in preview.errors}
    assert set(errors) == {7, 8, 9}
    assert "แถวที่ 4" in errors[7][0]
    assert "ไม่ตรงรูปแบบ" in errors[8][0]
    reasons = " ".join(errors[9])
    for expected in ("ไม่มีชื่อครุภัณฑ์", "31/02/2566", "ฟรี", "งานที่ไม่มี"):
        assert expected in reasons
    with pytest.raises(ValidationError) as refused:
        asset_io.run_import(staff, table, mapping)
    assert "3 แถว" in refused.value.message
    assert Asset.select().count() == 0
    assert Vendor.select().count() == 0  # nothing partial: not even the new vendor


def test_too_long_texts_and_negative_seats_are_row_errors_on_every_backend(staff, tmp_path) -> None:
    """Cells longer than the register's columns would stop the import with a database error on
    PostgreSQL and MariaDB: they are listed as row errors, and nothing is imported."""
    rows = [
        *GOOD,
        [4, "7440-001-0004/66", "ชื่อ", "ห" * 201, "ย" * 201, "", "", "", "", "บ" * 301, ""],
        [5, "7440-001-0005/66", "ร" * 301, "", "", "", "", "", "", "", ""],
    ]
    table = asset_io.open_source(_xlsx(tmp_path / "long.xlsx", rows))
    mapping = asset_io.guess_mapping(table)
    preview = asset_io.preview_import(table, mapping)
    errors = {r.line: " ".join(r.errors) for r in preview.errors}
    assert set(errors) == {7, 8}
    for expected in ("หมวด ยาวเกิน 200", "ยี่ห้อ ยาวเกิน 200", "ผู้ขาย/ผู้รับจ้าง ยาวเกิน 300"):
        assert expected in errors[7], errors[7]
    assert "ชื่อครุภัณฑ์ ยาวเกิน 300" in errors[8]
    with pytest.raises(ValidationError):
        asset_io.run_import(staff, table, mapping)
    assert Asset.select().count() == 0 and Vendor.select().count() == 0
    result = asset_io.run_import(staff, table, mapping, valid_only=True)
    assert (result.created, result.skipped_invalid) == (3, 2)

    licences = tmp_path / "seats.csv"
    licences.write_text(
        "เลขครุภัณฑ์,ชื่อครุภัณฑ์,ประเภท,จำนวนสิทธิ์ใช้งาน\n7030-001-0001/66,Windows 11 Pro,ซอฟต์แวร์,-5\n",
        encoding="utf-8",
    )
    table = asset_io.open_source(licences)
    preview = asset_io.preview_import(table, asset_io.guess_mapping(table))
    assert [r.errors for r in preview.errors] == [["จำนวนสิทธิ์ใช้งานต้องไม่ติดลบ"]]


def test_valid_only_imports_the_good_rows(staff, tmp_path) -> None:
    rows = [*GOOD, [4, "bad", "เลขผิด", "", "", "", "", "", "", "", ""]]
    table = asset_io.open_source(_xlsx(tmp_path / "mixed.xlsx", rows))
    result = asset_io.run_import(staff, table, asset_io.guess_mapping(table), valid_only=True)
    assert (result.created, result.skipped_invalid) == (3, 1)
    assert Asset.select().count() == 3


def test_reimporting_the_same_file_adds_nothing(staff, tmp_path) -> None:
    path = _xlsx(tmp_path / "a.xlsx", GOOD)
    table = asset_io.open_source(path)
    mapping = asset_io.guess_mapping(table)
    asset_io.run_import(staff, table, mapping)
    again = asset_io.open_source(path)
    preview = asset_io.preview_import(again, mapping)
    assert {r.action for r in preview.rows} == {RowAction.UNCHANGED}
    result = asset_io.run_import(staff, again, mapping)
    assert (result.created, result.unchanged) == (0, 3)
    assert Asset.select().count() == 3
    assert Vendor.select().count() == 1


def test_reimport_can_update_changed_rows(staff, tmp_path) -> None:
    table = asset_io.open_source(_xlsx(tmp_path / "a.xlsx", GOOD))
    mapping = asset_io.guess_mapping(table)
    asset_io.run_import(staff, table, mapping)
    changed = [list(r) for r in GOOD]
    changed[0][4] = "HP"
    table2 = asset_io.open_source(_xlsx(tmp_path / "b.xlsx", changed))
    preview = asset_io.preview_import(table2, mapping, update_existing=True)
    assert [r.action for r in preview.rows] == [
        RowAction.UPDATE,
        RowAction.UNCHANGED,
        RowAction.UNCHANGED,
    ]
    result = asset_io.run_import(staff, table2, mapping, update_existing=True)
    assert (result.created, result.updated) == (0, 1)
    assert assets.find_by_number("7440-001-0001/65").brand == "HP"


def test_csv_in_windows_874_with_semicolons(staff, tmp_path) -> None:
    path = tmp_path / "assets.csv"
    text = "เลขครุภัณฑ์;ชื่อครุภัณฑ์;ประเภท;สถานะ\n7440-001-0009/65;เครื่องสำรองไฟ;ครุภัณฑ์คอมพิวเตอร์;เครื่องทดแทน (พร้อมให้ยืม)\n"
    path.write_bytes(text.encode("cp874"))
    table = asset_io.open_source(path)
    mapping = asset_io.guess_mapping(table)
    assert mapping == {"number": 0, "name": 1, "kind": 2, "status": 3}
    asset_io.run_import(staff, table, mapping)
    spare = assets.find_by_number("7440-001-0009/65")
    assert (spare.name, spare.status) == ("เครื่องสำรองไฟ", AssetStatus.LOANER_POOL)


def test_missing_required_column_and_wrong_file(staff, tmp_path) -> None:
    table = asset_io.open_source(_xlsx(tmp_path / "a.xlsx", GOOD))
    with pytest.raises(ValidationError) as missing:
        asset_io.preview_import(table, {"number": 1})
    assert "ชื่อครุภัณฑ์" in missing.value.message
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(ValidationError):
        asset_io.open_source(junk)
    with pytest.raises(ValidationError):
        asset_io.open_source(tmp_path / "none.csv")


def test_viewer_cannot_import(db, make_user, tmp_path) -> None:
    table = asset_io.open_source(_xlsx(tmp_path / "a.xlsx", GOOD[:1]))
    with pytest.raises(PermissionDenied):
        asset_io.run_import(make_user("viewer"), table, asset_io.guess_mapping(table))


def test_export_then_import_round_trips(staff, tmp_path) -> None:
    table = asset_io.open_source(_xlsx(tmp_path / "a.xlsx", GOOD))
    asset_io.run_import(staff, table, asset_io.guess_mapping(table))
    out = tmp_path / "export.xlsx"
    count = asset_io.export_assets(AssetFilter(kind=AssetKind.HARDWARE), out)
    assert count == 2
    sheet = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[2][:2] == ["เลขครุภัณฑ์", "ชื่อครุภัณฑ์"]
    assert values[3][0] == "๗๔๔๐-๐๐๑-๐๐๐๑/๖๕"
    # dates are real Excel dates shown in B.E. (sortable and filterable in Excel)
    acquired = sheet.cell(row=4, column=values[2].index("วันที่ได้มา") + 1)
    assert acquired.is_date and acquired.value.date() == dt.date(2022, 3, 15)
    assert acquired.number_format == "[$-107041E]dd/mm/yyyy"
    back = asset_io.open_source(out)
    mapping = asset_io.guess_mapping(back)
    assert len(mapping) == len(asset_fields.FIELDS)
    preview = asset_io.preview_import(back, mapping, update_existing=True)
    assert {r.action for r in preview.rows} == {RowAction.UNCHANGED}, [
        (r.errors, r.notes) for r in preview.rows
    ]
    assert AssetCategory.select().where(AssetCategory.sort_order == 100).count() == 0
