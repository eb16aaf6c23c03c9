"""Offline-replica figures on PostgreSQL (a script, never a test):

    .venv/bin/python tests/benchmarks/replica.py            # the demo office
    .venv/bin/python tests/benchmarks/replica.py --big      # also 100,000 cases + 100,000 tickets

For each database, in a fresh PostgreSQL schema: the first full replica (seconds, MB), an
incremental refresh after 100 changes made from another connection (median of --rounds; target
≤ 200 ms), and browsing from the replica (the ticket list's and the asset register's first page,
as tests/benchmarks/ticket_list.py times them online). For the demo office also the time from the
server going away (a relay cut between the window and PostgreSQL) to a usable offline window:
the offline banner shown and the shown tab rebuilt from the replica with its first load done
(target ≤ 5 s; the window notices within its 3-second health check).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models import clock  # noqa: E402
from models import db as dbmod  # noqa: E402
from models import offline as mode  # noqa: E402
from models.i18n import set_language  # noqa: E402
from models.org import Unit  # noqa: E402
from models.replica import files, store  # noqa: E402
from models.support import assets, tickets  # noqa: E402
from models.support.assets import AssetFilter  # noqa: E402
from models.support.tickets import TicketFilter  # noqa: E402
from models.users import User, use_fast_hashing_for_tests  # noqa: E402
from tests.relay import Relay  # noqa: E402

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
MB = 1024 * 1024


def median(values: list[float]) -> float:
    """(Not ``statistics.median``: run as a script, this folder's statistics.py shadows the
    standard library's module.)"""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def fresh_schema() -> tuple[str, Callable[[], None]]:
    schema = "bench_" + uuid.uuid4().hex[:10]
    admin = dbmod.make_database(dbmod.parse_url(PG_URL))
    admin.execute_sql(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        dbmod.close_db()
        admin.execute_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()

    return dbmod.url_with_query(PG_URL, options=f"-csearch_path={schema}"), drop


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return median(times)


def hundred_changes(url: str, round_no: int) -> None:
    """100 rows changed from another connection: 60 asset edits, 30 case titles, 5 new units
    and 5 deletions of those added the round before."""
    other = dbmod.make_database(dbmod.parse_url(url))
    other.connect()
    with other.atomic():
        other.execute_sql(
            "UPDATE asset SET location = %s WHERE id IN (SELECT id FROM asset ORDER BY id LIMIT 60)",
            (f"รอบที่ {round_no}",),
        )
        other.execute_sql(
            "UPDATE work_case SET title = title || '.' "
            "WHERE id IN (SELECT id FROM work_case ORDER BY id DESC LIMIT 30)"
        )
        other.execute_sql("DELETE FROM unit WHERE name LIKE 'หน่วยงานชั่วคราว %%'")
        for i in range(5):
            other.execute_sql(
                "INSERT INTO unit (version, created_at, modified_at, name, short_name, phone, email,"
                " active) VALUES (1, now(), now(), %s, '', '', '', true)",
                (f"หน่วยงานชั่วคราว {round_no}-{i}",),
            )
    other.close()


def measure_database(label: str, url: str, folder: Path, rounds: int) -> dict[str, float]:
    server = dbmod.database.obj
    path = folder / f"{label}.sqlite3"
    began = time.perf_counter()
    full = store.refresh(server, path=path, owner_user_id=None)
    figures = {"full_s": time.perf_counter() - began, "full_mb": full.size_bytes / MB}
    print(
        f"[{label}] first full replica: {figures['full_s']:.1f} s, {figures['full_mb']:.1f} MB"
        f" ({full.rows:,} rows)",
        flush=True,
    )
    times = []  # the whole call: the checks before, the copy, the log pruning after
    for round_no in range(rounds):
        hundred_changes(url, round_no)
        began = time.perf_counter()
        result = store.refresh(server, path=path, owner_user_id=None)
        times.append((time.perf_counter() - began) * 1000)
        assert result.kind == "incremental" and result.rows >= 95  # round 0 deletes none
    figures["incremental_ms"] = median(times)
    print(
        f"[{label}] incremental refresh after 100 changes: median {figures['incremental_ms']:.0f} ms"
        f" (min {min(times):.0f}, max {max(times):.0f}, {rounds} rounds)",
        flush=True,
    )

    actor = User.select().where(User.active == True).first()  # noqa: E712
    online = {
        "ticket list, first page": median_ms(
            lambda: tickets.ticket_page(actor, TicketFilter(), "received_on", True, 0, 50), 10
        ),
        "asset register, first page": median_ms(
            lambda: assets.asset_page(AssetFilter(), "number", False, 0, 100), 10
        ),
    }
    replica = store.open_read_only(path)
    meta = files.read_meta(path)
    dbmod.database.initialize(replica)
    mode.set_offline(True, meta.refreshed_at if meta else None)
    try:
        for name, online_ms in online.items():
            if name.startswith("ticket"):
                offline_ms = median_ms(
                    lambda: tickets.ticket_page(actor, TicketFilter(), "received_on", True, 0, 50),
                    10,
                )
            else:
                offline_ms = median_ms(
                    lambda: assets.asset_page(AssetFilter(), "number", False, 0, 100), 10
                )
            figures[name] = offline_ms
            print(
                f"[{label}] {name:<28} replica {offline_ms:6.1f} ms   server {online_ms:6.1f} ms",
                flush=True,
            )
    finally:
        mode.set_offline(False)
        replica.close()
        dbmod.database.initialize(server)
    return figures


def time_to_offline_window(url: str, folder: Path, runs: int) -> list[float]:
    """Seconds from the relay cut to a usable offline window (banner up, shown tab rebuilt from
    the replica, its first load done)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from desktop import worker
    from desktop.app import make_application
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.startup import open_and_describe

    os.environ[files.REPLICA_DIR_ENV] = str(folder / "window")
    make_application(language="th")
    target = dbmod.parse_url(PG_URL)
    relay = Relay(target.host, target.port or 5432)
    app_url = relay.url_for(url)

    def pump(until: Callable[[], bool], limit: float = 30.0) -> None:
        end = time.perf_counter() + limit
        while not until() and time.perf_counter() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    results = []
    for _ in range(runs):
        relay.restore()
        dbmod.close_db()
        opened = open_and_describe(app_url, None)
        store.refresh(dbmod.database.obj, owner_user_id=None)
        user = User.select().where(User.username == "admin").first() or User.select().first()
        window = MainWindow(AppContext(user, opened.info))
        window.show()
        pump(lambda: worker.running_count() == 0)
        time.sleep(0.5)
        began = time.perf_counter()
        relay.cut()
        controller = window.offline
        assert controller is not None
        pump(lambda w=window: w.ctx.database.offline)  # type: ignore[misc]
        pump(lambda c=controller: worker.running_count() == 0 and not c.rebuild_timer.isActive())  # type: ignore[misc]
        results.append(time.perf_counter() - began)
        print(f"[window] server gone → offline window usable: {results[-1]:.2f} s", flush=True)
        window.close()
        window.deleteLater()
        mode.set_offline(False)
        pump(lambda: worker.running_count() == 0, 5)
    relay.restore()
    dbmod.close_db()
    return results


def load_big(n_cases: int, n_assets: int, n_tickets: int) -> None:
    from tests.benchmarks import case_list, ticket_list

    t0 = time.perf_counter()
    case_list.build(n_cases)
    Unit.update(name=Unit.name.concat(" (ก)")).execute()  # both loaders name their units alike
    ticket_list.build(n_assets, n_tickets)
    print(
        f"[big] loaded {n_cases:,} cases, {n_assets:,} assets and {n_tickets:,} tickets in"
        f" {time.perf_counter() - t0:.0f} s",
        flush=True,
    )


class _Skip(Exception):
    pass


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--big", action="store_true", help="also 100,000 cases and 100,000 tickets")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--assets", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--window-runs", type=int, default=3)
    parser.add_argument(
        "--skip-demo", action="store_true", help="with --big: the big database only"
    )
    args = parser.parse_args()
    set_language("th")
    use_fast_hashing_for_tests()
    folder = Path(tempfile.mkdtemp(prefix="replica-bench-"))

    url, drop = fresh_schema()
    try:
        if args.skip_demo:
            raise _Skip
        dbmod.init_db(url)
        from models.demo import seed_demo

        t0 = time.perf_counter()
        seed_demo()
        print(f"[demo] demo office seeded in {time.perf_counter() - t0:.0f} s", flush=True)
        measure_database("demo", url, folder, args.rounds)
        dbmod.close_db()
        times = time_to_offline_window(url, folder, args.window_runs)
        print(
            f"[window] median {median(times):.2f} s, worst {max(times):.2f} s",
            flush=True,
        )
    except _Skip:
        pass
    finally:
        drop()

    if args.big:
        url, drop = fresh_schema()
        try:
            dbmod.init_db(url)
            clock.set_clock(lambda: dt.datetime(2026, 11, 23, 10))
            load_big(args.cases, args.assets, args.tickets)
            clock.set_clock(None)
            measure_database("big", url, folder, args.rounds)
        finally:
            drop()


if __name__ == "__main__":
    main()
