"""The offline replica against a real PostgreSQL server: a full copy equal to the server row by
row, an incremental refresh that follows changes made from another connection (deletions and
writes without an audit entry included), a refresh killed half-way that leaves the previous
replica whole, the file's permissions, the office's switch and a deactivated user, and the
command line (``replica status`` / ``replica refresh``, ``print-register`` from the replica while
the server is cut off by a relay)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import peewee
import pytest

from models import db as dbmod
from models import offline as mode
from models import settings, users
from models.offline import OfflineReadOnly
from models.replica import files, policy, store
from models.statistics import workdays
from models.support import assets
from reports.thaifmt import thai_digits
from tests.integration.test_server_roles import pg_accounts  # noqa: F401  (a fixture)
from tests.process_office import pdf_text, squash
from tests.replica_helpers import (
    TEST_LIMITS,
    ServerOffice,
    differences,
    server_office,
)

pytestmark = pytest.mark.server
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ServerOffice]:
    yield from server_office(tmp_path, monkeypatch)
    mode.set_offline(False)


def refresh(so: ServerOffice, **kwargs: Any) -> store.RefreshResult:
    return store.refresh(
        dbmod.database.obj,
        path=so.replica,
        limits=TEST_LIMITS,
        owner_user_id=so.office.staff.id,
        **kwargs,
    )


def reconnect() -> None:
    """The app's own connection died with the relay: open a new one."""
    server = dbmod.database.obj
    with contextlib.suppress(peewee.PeeweeException):
        server.close()
    server.connect()


def second_connection(so: ServerOffice) -> peewee.Database:
    other = dbmod.make_database(dbmod.parse_url(so.direct_url))
    other.connect()
    return other


def test_full_then_incremental_refresh_matches_the_server_row_by_row(so: ServerOffice) -> None:
    server = dbmod.database.obj
    first = refresh(so)
    assert first.kind == "full" and first.rows > 50
    assert differences(server, so.replica) == []
    meta = files.read_meta(so.replica)
    assert meta is not None and meta.mark > 0 and meta.owner_user_id == so.office.staff.id
    assert meta.attachment_bytes == 140  # the small file kept, the 150 KB one left out

    # From a second connection: an edit, a row deleted, a row added with no audit entry, a
    # counter bumped; and through the app a new asset and a ticket moved on.
    other = second_connection(so)
    pc = so.office.pcs[0]
    other.execute_sql("UPDATE asset SET location = 'ห้องประชุม ๒' WHERE id = %s", (pc.id,))
    other.execute_sql("DELETE FROM attachment WHERE filename = %s", ("ใบเสนอราคา.pdf",))
    other.execute_sql(
        "INSERT INTO unit (version, created_at, modified_at, name, short_name, phone, email, active)"
        " VALUES (1, now(), now(), 'งานสารบรรณ', 'สบ.', '', '', true)"
    )
    other.execute_sql("UPDATE document_counter SET last_number = last_number + 5")
    other.close()
    # a table without ids (the statistics' working-day table) is filled: copied whole, by digest
    workdays.ensure_days(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    stale = differences(server, so.replica)  # the comparison sees what the replica lacks
    assert any(d.startswith(f"asset {pc.id}.location") for d in stale)
    assert any(d.startswith("unit:") for d in stale)
    assets.save_asset(
        so.office.staff,
        None,
        {"kind": assets.AssetKind.HARDWARE, "number": "7440-001-0777/65", "name": "เครื่องพิมพ์เลเซอร์"},
    )

    second = refresh(so)
    assert second.kind == "incremental"
    assert second.rows >= 4
    assert differences(server, so.replica) == []
    replica = store.open_read_only(so.replica)
    try:
        location = replica.execute_sql("SELECT location FROM asset WHERE id = ?", (pc.id,))
        assert location.fetchone()[0] == "ห้องประชุม ๒"
        days = replica.execute_sql("SELECT count(*) FROM stat_day").fetchone()[0]
        assert days == workdays.StatDay.select().count() > 365
        names = [r[0] for r in replica.execute_sql("SELECT filename FROM attachment").fetchall()]
        assert names == ["รูปหน้าจอ.png"]  # the deleted one is gone
        assert (
            replica.execute_sql("SELECT count(*) FROM unit WHERE name = 'งานสารบรรณ'").fetchone()[0]
            == 1
        )
    finally:
        replica.close()

    # nothing changed here (rows of transactions that were running elsewhere on the server at
    # the last snapshot are read again, harmlessly): the same rows
    third = refresh(so)
    assert third.kind == "incremental"
    assert differences(server, so.replica) == []


def test_replica_file_is_private_and_read_only(so: ServerOffice) -> None:
    refresh(so)
    if os.name == "posix":
        assert stat.S_IMODE(so.replica.stat().st_mode) == 0o600
        assert stat.S_IMODE(so.replica.parent.stat().st_mode) == 0o700
    replica = store.open_read_only(so.replica)
    mode.set_offline(True, files.read_meta(so.replica).refreshed_at)  # type: ignore[union-attr]
    try:
        with pytest.raises(OfflineReadOnly, match="ออฟไลน์"):
            replica.execute_sql("UPDATE asset SET name = 'x'")
    finally:
        mode.set_offline(False)
        replica.close()


def _run_refresh_until(so: ServerOffice, stop_at: str, full: bool) -> subprocess.Popen[str]:
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from models import db as dbmod\n"
        "from models.replica import store\n"
        "server = dbmod.init_db(sys.argv[1], migrate=False)\n"
        "def progress(table):\n"
        "    if table == sys.argv[3]:\n"
        "        print('PAUSED', flush=True)\n"
        "        time.sleep(600)\n"
        "store.refresh(server, path=Path(sys.argv[2]), progress=progress, full=sys.argv[4] == 'full',"
        " limits=store.Limits(100 * 1024, 10 * 1024 * 1024))\n"
        "print('FINISHED', flush=True)\n"
    )
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            script,
            so.direct_url,
            str(so.replica),
            stop_at,
            "full" if full else "inc",
        ],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("full", [False, True], ids=["incremental", "full"])
def test_refresh_killed_half_way_leaves_the_previous_replica_whole(
    so: ServerOffice, full: bool
) -> None:
    server = dbmod.database.obj
    refresh(so)
    before = files.read_meta(so.replica)
    pc = so.office.pcs[1]
    other = second_connection(so)
    other.execute_sql("UPDATE asset SET location = 'ย้ายแล้ว' WHERE id = %s", (pc.id,))
    other.execute_sql("UPDATE work_case SET title = title || ' (แก้)'")
    other.close()

    process = _run_refresh_until(so, "work_case" if not full else "maintenance_plan", full)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "PAUSED"  # half-way: some tables written
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)

    assert files.read_meta(so.replica) == before  # the previous replica, untouched
    with sqlite3.connect(so.replica) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        location = con.execute("SELECT location FROM asset WHERE id = ?", (pc.id,)).fetchone()[0]
        assert location != "ย้ายแล้ว"
        edited = con.execute("SELECT count(*) FROM work_case WHERE title LIKE '%(แก้)'")
        assert edited.fetchone()[0] == 0

    again = refresh(so)
    assert again.kind == "incremental"
    assert differences(server, so.replica) == []
    assert not list(so.replica.parent.glob("*.building-*"))


def test_office_switch_and_deactivated_user_delete_the_replica(so: ServerOffice) -> None:
    admin = users.create_user(None, "boss_admin", "ผู้ดูแล", "admin", "password123")
    refresh(so)
    assert policy.check_at_start_online(so.replica).deleted is False
    users.update_user(admin, users.User.get_by_id(so.office.staff.id), active=False)
    check = policy.check_at_start_online(so.replica)
    assert check.deleted and check.reason == "deactivated" and not so.replica.exists()

    refresh(so)  # refreshed for the (now inactive) staff member, the server away: the replica's
    so.relay.cut()  # own copy of the user table decides
    check = policy.check_at_start_offline(so.replica)
    assert check.deleted and check.reason == "deactivated"
    so.relay.restore()
    reconnect()

    users.update_user(admin, users.User.get_by_id(so.office.staff.id), active=True)
    refresh(so)
    settings.put(admin, "replica.enabled", False)
    check = policy.check_at_start_online(so.replica)
    assert check.deleted and check.reason == "disabled" and not so.replica.exists()


def _cli(so: ServerOffice, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        files.REPLICA_DIR_ENV: str(so.replica.parent),
        "ICTDESK_CONFIG_DIR": str(tmp_path / "workstation"),
    }
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--database", so.app_url, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_replica_status_refresh_and_print_register_from_the_replica(
    so: ServerOffice, tmp_path: Path
) -> None:
    missing = _cli(so, tmp_path, "replica", "status")
    assert missing.returncode == 1 and "ยังไม่มีสำเนาข้อมูล" in missing.stdout

    made = _cli(so, tmp_path, "replica", "refresh")
    assert made.returncode == 0, made.stderr
    assert "สร้างใหม่ทั้งหมด" in made.stdout
    again = _cli(so, tmp_path, "replica", "refresh")
    assert again.returncode == 0 and "ปรับเฉพาะที่เปลี่ยน" in again.stdout

    status = _cli(so, tmp_path, "replica", "status")
    assert status.returncode == 0
    assert str(so.replica) in status.stdout
    assert "ข้อมูล ณ:" in status.stdout and " 25" in status.stdout  # a B.E. year
    assert "MB" in status.stdout

    so.relay.cut()
    output = tmp_path / "assets.pdf"
    printed = _cli(so, tmp_path, "print-register", "assets", "--output", str(output))
    assert printed.returncode == 0, printed.stderr
    assert "สำเนาข้อมูลในเครื่อง" in printed.stderr and "เชื่อมต่อเครื่องแม่ข่ายไม่ได้" in printed.stderr
    text = squash(pdf_text(output.read_bytes()))
    assert squash(thai_digits("7440-001-0001/65")) in text
    assert squash("คอมพิวเตอร์ตั้งโต๊ะ") in text

    refused = _cli(so, tmp_path, "replica", "refresh")
    assert refused.returncode == 2  # the server is away: nothing to refresh from


def test_the_working_account_of_a_two_account_server_keeps_a_replica(
    pg_accounts: tuple[str, str],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    """With the schema owned by a migrations-only role, the workstations' working role feeds the
    change log through the triggers, refreshes and prunes, and cannot remove the triggers."""
    from tests.integration.test_server_roles import _migrate_grant_and_use

    owner_url, app_url = pg_accounts
    working = _migrate_grant_and_use(owner_url, app_url)
    path = tmp_path / "replica.sqlite3"
    first = store.refresh(working, path=path, limits=TEST_LIMITS)
    assert first.kind == "full"
    admin = users.User.get(users.User.username == "admin")
    asset = assets.Asset.get(assets.Asset.number == "7440-001-0001/65")
    assets.save_asset(admin, asset, {"location": "ห้อง ๓๐๑"}, expected_version=asset.version)
    second = store.refresh(working, path=path, limits=TEST_LIMITS)
    assert second.kind == "incremental" and second.rows >= 1
    assert differences(working, path) == []
    with pytest.raises(peewee.DatabaseError), working.atomic():
        working.execute_sql('DROP TRIGGER replica_change ON "asset"')
