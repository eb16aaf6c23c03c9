"""Registers and lists to Excel (issue 13, point 10): dates are real Excel dates shown in B.E.
(read back by openpyxl as dates), and ``export-register`` takes the names and --from/--to of
``print-register``."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from models import db as dbmod
from models import registers
from models.errors import ValidationError
from models.spreadsheets import BE_DATE_FORMAT, SheetColumn, display_date, write_xlsx
from tests import support_office

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def printed_office(sqlite_db: Any) -> Any:
    return support_office.walk(support_office.build())


def sheet_rows(path: Path) -> tuple[Any, list[list[Any]]]:
    sheet = openpyxl.load_workbook(path).active
    return sheet, [[c.value for c in row] for row in sheet.iter_rows()]


def test_dates_are_excel_dates_in_be_format(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "t.xlsx",
        title="ทดสอบ",
        subtitle="",
        columns=[SheetColumn("วันที่"), SheetColumn("เรื่อง")],
        rows=[[dt.date(2026, 11, 23), "ก"], [dt.date(2025, 1, 2), "ข"], ["", "ค"]],
        sheet_name="ทดสอบ",
    )
    sheet, _rows = sheet_rows(path)
    first = sheet.cell(row=4, column=1)
    assert first.is_date and first.value == dt.datetime(2026, 11, 23)
    assert first.number_format == BE_DATE_FORMAT == "[$-107041E]dd/mm/yyyy"
    assert sheet.cell(row=5, column=1).value == dt.datetime(2025, 1, 2)
    assert sheet.cell(row=4, column=2).number_format == "General"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23/11/2569", dt.date(2026, 11, 23)),
        ("23 พ.ย. 2569", dt.date(2026, 11, 23)),
        ("10\u00a0เม.ย.\u00a069", dt.date(2026, 4, 10)),
        ("๒๓ พ.ย. ๒๕๖๙", dt.date(2026, 11, 23)),
        ("-", None),
        ("", None),
        ("ผย.1/2569", None),
        ("ยืม 2 ม.ค. 2569", None),
    ],
)
def test_display_dates_read_back(text: str, expected: dt.date | None) -> None:
    assert display_date(text) == expected


def test_register_workbook_has_real_dates(printed_office: Any, tmp_path: Path) -> None:
    path = tmp_path / "assets.xlsx"
    count = registers.register_workbook("assets", None, None, path)
    sheet, rows = sheet_rows(path)
    assert count == len(rows) - 3 > 0
    assert rows[0][0] == "ทะเบียนครุภัณฑ์คอมพิวเตอร์ ซอฟต์แวร์ และอุปกรณ์เครือข่าย"
    column = rows[2].index("วันที่ได้มา") + 1
    dated = [sheet.cell(row=r, column=column) for r in range(4, len(rows) + 1)]
    dated = [c for c in dated if c.value not in (None, "")]
    assert dated and all(c.is_date and c.number_format == BE_DATE_FORMAT for c in dated)
    # the maintenance register's due dates too
    path = tmp_path / "maintenance.xlsx"
    registers.register_workbook("maintenance", None, None, path)
    sheet, rows = sheet_rows(path)
    due = sheet.cell(row=4, column=rows[2].index("กำหนด") + 1)
    assert due.is_date and isinstance(due.value, dt.datetime)


def test_export_register_needs_xlsx(printed_office: Any, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        registers.export_register("assets", date_from=None, date_to=None, output=tmp_path / "a.pdf")
    with pytest.raises(ValidationError):
        registers.export_register(
            "assets", date_from="2026-12-01", date_to="2026-01-01", output=tmp_path / "a.xlsx"
        )


def run_cli(*args: str, config_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ICTDESK_CONFIG_DIR=str(config_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_cli_export_register(tmp_path: Path) -> None:
    url = dbmod.sqlite_url(tmp_path / "office.sqlite3")
    listed = run_cli("--database", url, "export-register", "--list", config_dir=tmp_path)
    assert listed.returncode == 0, listed.stderr
    for name in ("assets", "service-problems", "loans", "maintenance", "publications"):
        assert name in listed.stdout
    out = tmp_path / "reg.xlsx"
    done = run_cli(
        "--database", url, "export-register", "publications",
        "--from", "1/10/2568", "--to", "2026-09-30", "--output", str(out),
        config_dir=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    _sheet, rows = sheet_rows(out)
    assert rows[0][0] == "ทะเบียนการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน"
    assert "1 ตุลาคม 2568" in rows[1][0] and rows[2][0] == "เลขที่"
    refused = run_cli(
        "--database", url, "export-register", "nosuch", "--output", str(out), config_dir=tmp_path
    )
    assert refused.returncode == 1 and "ไม่รู้จักทะเบียน" in refused.stderr
