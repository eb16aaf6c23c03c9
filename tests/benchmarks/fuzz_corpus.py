"""Counts unhandled exceptions over a fuzz corpus: hostile text and numbers (``tests/hostile.py``)
fed to the domain functions that take user input and to the importer. A refusal (``DomainError``)
or success is fine; anything else is counted and its kind printed. Target: 0.

``.venv/bin/python tests/benchmarks/fuzz_corpus.py [--examples 300] [--backends sqlite,postgresql,mysql]``
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import sys
import tempfile
import traceback
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import clock, users
from models import db as dbmod
from models.engine import CaseFilter, list_cases
from models.i18n import set_language
from models.support import asset_io, assets, tickets
from models.support.assets import AssetFilter
from tests.hostile import NUMBER, TEXT, VALUE, refused_or_done
from tests.support_office import build

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
MYSQL_URL = "mysql://root@127.0.0.1:3306/test"


def _fresh(backend: str, tmp: Path) -> tuple[str, Any]:
    if backend == "sqlite":
        return dbmod.sqlite_url(tmp / f"fuzz-{uuid.uuid4().hex[:8]}.sqlite3"), None
    name = "fuzz_" + uuid.uuid4().hex[:12]
    if backend == "postgresql":
        admin = dbmod.make_database(dbmod.parse_url(PG_URL))
        admin.execute_sql(f'CREATE SCHEMA "{name}"')
        return dbmod.url_with_query(PG_URL, options=f"-csearch_path={name}"), (admin, name)
    admin = dbmod.make_database(dbmod.parse_url(MYSQL_URL))
    admin.execute_sql(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    return MYSQL_URL.rsplit("/", 1)[0] + f"/{name}", (admin, name)


def run(backend: str, examples: int, tmp: Path) -> None:
    url, handle = _fresh(backend, tmp)
    calls = 0
    problems: collections.Counter[str] = collections.Counter()

    def check(fn: Any) -> None:
        nonlocal calls
        calls += 1
        problem = refused_or_done(fn)
        if problem is not None:
            kind = f"{type(problem).__name__}: {str(problem)[:80]}"
            if kind not in problems:
                traceback.print_exception(problem, limit=-4)
            problems[kind] += 1

    try:
        dbmod.init_db(url)
        office = build()
        fuzz = settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )

        @fuzz
        @given(TEXT, TEXT, TEXT, NUMBER, NUMBER, NUMBER, VALUE, NUMBER)
        def forms(name, number, notes, price, seats, year, day, unit) -> None:  # type: ignore[no-untyped-def]
            check(
                lambda: assets.save_asset(
                    office.staff,
                    None,
                    {
                        "kind": "hardware",
                        "number": number,
                        "name": name,
                        "notes": notes,
                        "price": price,
                        "seats": seats,
                        "budget_year": year,
                        "acquired_on": day,
                    },
                )
            )
            check(
                lambda: tickets.open_ticket(
                    office.staff,
                    title=name,
                    paperless_no=number,
                    requester_name=notes,
                    description=notes,
                    unit=unit,
                    received_on=day,
                    category=office.categories[3].id,
                )
            )
            check(lambda: users.authenticate(name, notes))
            check(lambda: assets.asset_page(AssetFilter(text=name, location=notes)))
            check(lambda: list_cases(office.viewer, None, CaseFilter(text=name)))

        @fuzz
        @given(
            st.lists(
                st.lists(st.one_of(TEXT, NUMBER.map(str)), min_size=1, max_size=6), max_size=4
            ),
            st.binary(max_size=300),
        )
        def imports(rows, raw) -> None:  # type: ignore[no-untyped-def]
            out = io.StringIO()
            csv.writer(out).writerows(
                [["เลขครุภัณฑ์", "ชื่อครุภัณฑ์", "ราคา", "วันที่ได้มา", "หมายเหตุ"], *rows]
            )
            for name, data in (
                ("rows.csv", out.getvalue().encode("utf-8", "surrogatepass")),
                ("raw.csv", raw),
                ("raw.xlsx", b"PK\x03\x04" + raw),
            ):
                path = tmp / name
                path.write_bytes(data)

                def go(path: Path = path) -> None:
                    table = asset_io.open_source(path)
                    mapping = asset_io.guess_mapping(table)
                    asset_io.run_import(office.staff, table, mapping, valid_only=True)

                check(go)

        forms()
        imports()
    finally:
        dbmod.close_db()
        clock.set_clock(None)
        if handle is not None:
            admin, name = handle
            admin.execute_sql(
                f'DROP SCHEMA "{name}" CASCADE'
                if backend == "postgresql"
                else f"DROP DATABASE `{name}`"
            )
            admin.close()
    total = sum(problems.values())
    print(f"{backend:10} {calls:6} calls: {total} unhandled exceptions", flush=True)
    for kind, count in problems.most_common():
        print(f"           {count:5}  {kind}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=300)
    parser.add_argument("--backends", default="sqlite,postgresql,mysql")
    args = parser.parse_args()
    users.use_fast_hashing_for_tests()
    set_language("th")
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            run(backend, args.examples, Path(tmp))


if __name__ == "__main__":
    main()
