"""Malformed and hostile import files, made by the test itself: each gets a Thai message naming the
file and the problem (a ``ValidationError``), or a preview whose rows say what is wrong; never a
crash, never garbage read as Thai, never minutes spent on a file that cannot be a register."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from models import office
from models.errors import ValidationError
from models.support import asset_io, assets
from models.support.asset_io import RowAction

HEADER = "เลขครุภัณฑ์,ชื่อครุภัณฑ์,วันที่ได้มา,ราคา,จำนวนสิทธิ์ใช้งาน,หมายเหตุ\n"


def _good_xlsx() -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["เลขครุภัณฑ์", "ชื่อครุภัณฑ์"])
    ws.append(["7440-001-0001/65", "คอมพิวเตอร์"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rezip(replace: dict[str, bytes | None]) -> bytes:
    """The good workbook with some parts replaced (None: left out)."""
    source = zipfile.ZipFile(io.BytesIO(_good_xlsx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename in replace:
                if replace[item.filename] is not None:
                    target.writestr(item.filename, replace[item.filename])
            else:
                target.writestr(item, source.read(item.filename))
        for name, data in replace.items():
            if name not in source.namelist() and data is not None:
                target.writestr(name, data)
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + f']><worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is>'
    "</c></row></sheetData></worksheet>"
).encode()
XXE = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c>'
    "</row></sheetData></worksheet>"
).encode()


def _many_rows(rows: int, *, claim: int | None = None) -> bytes:
    parts = [f'<?xml version="1.0"?><worksheet {NS}>']
    if claim:  # the sheet's dimension (what openpyxl reports before reading a row)
        parts.append(f'<dimension ref="A1:B{claim}"/>')
    parts.append("<sheetData>")
    parts.append(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        + "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(2, rows + 1))
    )
    parts.append("</sheetData></worksheet>")
    return _rezip({SHEET: "".join(parts).encode()})


CORPUS: dict[str, tuple[Callable[[], bytes], str]] = {
    "huge-field.csv": (lambda: (HEADER + "1," + "ก" * 140_000 + "\n").encode(), "CSV"),
    "nul.csv": (lambda: HEADER.encode() + b"7440\x00-001,name\n", "NUL"),
    "utf16.csv": (lambda: HEADER.encode("utf-16"), "NUL"),
    "latin1.csv": (
        lambda: (HEADER + "7440-001-0001/65,Café Müller Ñandú señor,,,,résumé\n").encode(
            "latin-1", "replace"
        ),
        "Latin-1",
    ),
    "gb18030.csv": (
        lambda: "编号,名称,日期\n7440-001-0001/65,计算机显示器打印机,2022\n".encode("gb18030"),
        "UTF-8",
    ),
    "not-a-zip.xlsx": (lambda: b"PK\x03\x04 this is not a workbook", "Excel"),
    "empty.xlsx": (lambda: b"", "Excel"),
    "truncated.xlsx": (lambda: _good_xlsx()[:700], "Excel"),
    "malformed-xml.xlsx": (lambda: _rezip({SHEET: b"<worksheet><sheetData><row><c"}), "Excel"),
    "billion-laughs.xlsx": (lambda: _rezip({SHEET: LAUGHS}), "Excel"),
    "xxe.xlsx": (lambda: _rezip({SHEET: XXE}), "Excel"),
    "no-sheet.xlsx": (lambda: _rezip({SHEET: None}), "Excel"),
    "bad-workbook.xlsx": (lambda: _rezip({"xl/workbook.xml": b"<workbook/>"}), "Excel"),
    "claims-3m-rows.xlsx": (lambda: _many_rows(1_000, claim=3_000_000), "50,000"),
    "has-60k-rows.xlsx": (lambda: _many_rows(60_000), "50,000"),
}


@pytest.fixture
def staff(sqlite_db, make_user):
    user = make_user("staff")
    office.save_unit(user, None, name="งานพัสดุ", short_name="พด.")
    assets.ensure_default_categories()
    return user


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_malformed_file_gets_a_thai_message_naming_it(staff, tmp_path: Path, name: str) -> None:
    make, words = CORPUS[name]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(ValidationError) as caught:
        table = asset_io.open_source(path)
        asset_io.preview_import(table, asset_io.guess_mapping(table))
    message = caught.value.message
    assert name in message or "กรุณาเลือกคอลัมน์" in message
    assert words in message or "กรุณาเลือกคอลัมน์" in message or "Excel" in message
    assert "root:" not in message  # an external entity is never read


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("7440-001-0001/65,คอม,,NaN,,", "ราคา"),
        ("7440-001-0001/65,คอม,,inf,,", "ราคา"),
        ('7440-001-0001/65,คอม,,"1,2,3",,', "ราคา"),
        ("7440-001-0001/65,คอม,,1e12,,", "ราคา"),
        ("7440-001-0001/65,คอม,,1000000000000,,", "ราคา"),
        ("7440-001-0001/65,คอม,1/1/2400,,,", "วันที่ได้มา"),
        ("7440-001-0001/65,คอม,31/02/2569,,,", "วันที่ได้มา"),
        ("7440-001-0001/65,คอม,,,3000000000,", "จำนวนสิทธิ์ใช้งาน"),
        ('7440-001-0001/65,คอม,,,"1,2",', "จำนวนสิทธิ์ใช้งาน"),
        ("7440-001-0001/65,คอม\x07พิวเตอร์,,,,", "ชื่อครุภัณฑ์"),
        ('7440-001-0001/65,คอม,,,,"' + "ก" * 30_000 + '"', "หมายเหตุ"),
    ],
)
def test_bad_values_are_row_errors_with_the_field(
    staff, tmp_path: Path, row: str, reason: str
) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    table = asset_io.open_source(path)
    preview = asset_io.preview_import(table, asset_io.guess_mapping(table))
    (only,) = preview.rows
    assert only.action == RowAction.ERROR
    assert any(reason in e for e in only.errors), only.errors
    with pytest.raises(ValidationError):
        asset_io.run_import(staff, table, asset_io.guess_mapping(table))


def test_windows_874_thai_is_still_read(staff, tmp_path: Path) -> None:
    path = tmp_path / "thai.csv"
    path.write_bytes(
        (HEADER + '7440-001-0001/65,เครื่องพิมพ์เลเซอร์,15/03/2565,"25,900.00",,\n').encode("cp874")
    )
    table = asset_io.open_source(path)
    preview = asset_io.preview_import(table, asset_io.guess_mapping(table))
    assert [r.action for r in preview.rows] == [RowAction.NEW]
    assert preview.rows[0].name == "เครื่องพิมพ์เลเซอร์"
