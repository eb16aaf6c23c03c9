"""Helpers for the offline-replica tests: a PostgreSQL office through a relay, the replica kept in
the test's own folder, and the row-by-row comparison of replica and server."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from models import attachments, clock
from models import db as dbmod
from models.replica import files, store
from models.schema import all_models
from tests import support_office
from tests.conftest import PG_URL, _fresh_postgres
from tests.relay import Relay


@dataclass
class ServerOffice:
    direct_url: str  # straight to PostgreSQL (the "second connection", the test's own)
    app_url: str  # through the relay (what the app uses)
    relay: Relay
    office: support_office.SupportOffice
    replica: Path


def server_office(tmp_path: Path, monkeypatch: Any) -> Iterator[ServerOffice]:
    """A fresh PostgreSQL schema with the small support office (tickets in several states,
    loans, a maintenance plan, attachments), opened by the app through a relay."""
    source = _fresh_postgres()
    fresh = next(source)
    target = dbmod.parse_url(PG_URL)
    relay = Relay(target.host, target.port or 5432)
    replica_dir = tmp_path / "replica"
    monkeypatch.setenv(files.REPLICA_DIR_ENV, str(replica_dir))
    app_url = relay.url_for(fresh.url)
    try:
        dbmod.init_db(app_url)
        office = support_office.walk(support_office.build())
        clock.set_clock(lambda: dt.datetime(2026, 4, 20, 10, 0))
        attachments.add(
            office.staff,
            "ใบเสนอราคา.pdf",
            b"%PDF-1.4 small" * 10,
            owner_table="repair_ticket",
            owner_id=office.tickets["done"].id,
        )
        attachments.add(
            office.staff,
            "รูปหน้าจอ.png",
            b"\x89PNG" + bytes(range(256)) * 600,  # about 150 KB: above the test's per-file limit
            owner_table="repair_ticket",
            owner_id=office.tickets["done"].id,
        )
        clock.set_clock(None)
        yield ServerOffice(fresh.url, app_url, relay, office, replica_dir / files.FILE_NAME)
    finally:
        relay.cut()
        dbmod.close_db()
        next(source, None)


TEST_LIMITS = store.Limits(per_file_bytes=100 * 1024, total_bytes=10 * 1024 * 1024)


def rows_of(database: peewee.Database, model: type[peewee.Model]) -> list[tuple[Any, ...]]:
    with database.bind_ctx([model]):
        return list(model.select().order_by(model._meta.primary_key).tuples())


def differences(
    server: peewee.Database, replica_path: Path, limits: store.Limits = TEST_LIMITS
) -> list[str]:
    """Every difference between the server and the replica, table by table, row by row, column
    by column (attachments' bytes: equal when kept, empty when left out)."""
    replica = store.open_read_only(replica_path)
    found: list[str] = []
    try:
        kept = store.kept_attachments(server, limits)
        for model in all_models():
            table = model._meta.table_name
            columns = [f.name for f in model._meta.sorted_fields]
            theirs = rows_of(server, model)
            ours = rows_of(replica, model)
            if len(theirs) != len(ours):
                found.append(
                    f"{table}: {len(theirs)} rows on the server, {len(ours)} in the replica"
                )
            for a, b in zip(theirs, ours, strict=False):
                for name, x, y in zip(columns, a, b, strict=True):
                    if table == "attachment" and name == "data":
                        wanted = bytes(x) if a[0] in kept else b""
                        if bytes(y) != wanted:
                            found.append(f"{table} {a[0]}.data: {len(bytes(y))} bytes kept")
                    elif x != y:
                        found.append(f"{table} {a[0]}.{name}: server {x!r}, replica {y!r}")
        # every table of the server's schema, whether or not a model module lists it
        tables = server.execute_sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            " AND table_type = 'BASE TABLE' AND table_name NOT IN ('schema_migration', 'replica_change')"
            " AND table_name NOT LIKE '%%\\_search'"
        ).fetchall()
        modelled = {m._meta.table_name for m in all_models()}
        for (table,) in tables:
            if table not in modelled:
                found.append(f"{table}: a table with no model in models.schema")
            # the first column: the id, or the key of a table without one (stat_day's day)
            sql = f'SELECT * FROM "{table}" ORDER BY 1'
            theirs_ids = [str(r[0]) for r in server.execute_sql(sql)]
            ours_ids = [str(r[0]) for r in replica.execute_sql(sql)]
            if theirs_ids != ours_ids:
                found.append(
                    f"{table}: rows {theirs_ids[:5]}… on the server, {ours_ids[:5]}… in the replica"
                )
    finally:
        replica.close()
    return found


def table_counts(database: peewee.Database) -> dict[str, int]:
    counts = {}
    for model in all_models():
        with database.bind_ctx([model]):
            counts[model._meta.table_name] = model.select().count()
    return counts
