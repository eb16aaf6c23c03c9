"""A long import on a shared SQLite file writes in batches: another workstation's save gets the
write lock between two batches instead of waiting for the whole import (it used to give up after
its busy timeout while 20,000 rows went in as one transaction). Two connections, no timing: the
other workstation saves from the import's progress callback with a 0.2 s busy timeout."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.spreadsheets import SourceRow, SourceTable
from models.support import asset_io, assets
from models.support.assets import Asset, AssetKind

ROWS = asset_io.BATCH_ROWS * 3 + 7


def _table() -> SourceTable:
    rows = [SourceRow(1, ["เลขครุภัณฑ์", "ชื่อครุภัณฑ์"])]
    rows += [SourceRow(n + 2, [f"7440-001-{n:04d}/65", f"เครื่องที่ {n}"]) for n in range(ROWS)]
    return SourceTable("ใหญ่.xlsx", "0" * 64, rows)


def test_another_workstation_saves_during_a_long_import(sqlite_db, make_user) -> None:
    staff = make_user("staff")
    theirs = assets.save_asset(
        staff, None, {"kind": AssetKind.HARDWARE, "number": "7440-009-0001/65", "name": "ของเขา"}
    )
    other = sqlite3.connect(str(Path(sqlite_db.database)), timeout=0.2, isolation_level=None)
    saves: list[int] = []

    def other_workstation_saves(done: int, total: int) -> None:
        if done < total:
            other.execute("BEGIN IMMEDIATE")  # what every save of the app begins with
            other.execute(
                "UPDATE asset SET notes = ? WHERE id = ?", (f"ระหว่างนำเข้า {done}", theirs.id)
            )
            other.execute("COMMIT")
            saves.append(done)

    table = _table()
    result = asset_io.run_import(
        staff, table, asset_io.guess_mapping(table), progress=other_workstation_saves
    )
    other.close()
    assert result.created == ROWS
    assert saves == [asset_io.BATCH_ROWS * n for n in (1, 2, 3)]
    assert Asset.get_by_id(theirs.id).notes == f"ระหว่างนำเข้า {asset_io.BATCH_ROWS * 3}"
    assert Asset.select().count() == ROWS + 1


def test_importing_again_after_a_stop_carries_on(sqlite_db, make_user) -> None:
    staff = make_user("staff")
    table = _table()
    mapping = asset_io.guess_mapping(table)
    half = SourceTable(table.file_name, table.sha256, table.rows[: asset_io.BATCH_ROWS + 1])
    asset_io.run_import(staff, half, mapping)  # as if it had stopped after the first batch
    again = asset_io.run_import(staff, table, mapping)
    assert (again.created, again.unchanged) == (ROWS - asset_io.BATCH_ROWS, asset_io.BATCH_ROWS)
    assert Asset.select().count() == ROWS
