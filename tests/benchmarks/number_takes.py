"""Failures per 10,000 concurrent document-number takes, per backend.

8 worker processes (8 workstations) each take their share of ``--takes`` numbers from the same
series at the same time, on a fresh SQLite file, a fresh PostgreSQL schema and a fresh MariaDB
database; the script prints how many takes failed (any exception), how many were retried after a
deadlock, and whether the numbers issued are exactly 1..N. Run:
``.venv/bin/python tests/benchmarks/number_takes.py [--takes 10000] [--backends sqlite,postgresql,mysql]``
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing as mp
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from models import db as dbmod
from models import numbering
from models.users import User, create_user, use_fast_hashing_for_tests

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
MYSQL_URL = "mysql://root@127.0.0.1:3306/test"
WORKERS = 8


class _CountRetries(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _worker(url: str, user_id: int, n: int, start: mp.synchronize.Event, out: mp.Queue) -> None:
    counter = _CountRetries()
    retry_log = logging.getLogger("models.write_lock")
    retry_log.setLevel(logging.INFO)
    retry_log.addHandler(counter)
    dbmod.init_db(url, migrate=False)
    actor = User.get_by_id(user_id)
    start.wait()
    taken: list[int] = []
    failures = 0
    for _ in range(n):
        try:
            taken.append(numbering.take_number(actor, "outgoing_letter").number)
        except Exception:  # what the benchmark counts
            failures += 1
    dbmod.close_db()
    out.put((taken, failures, counter.count))


def _fresh(backend: str, tmp: Path) -> tuple[str, object]:
    if backend == "sqlite":
        return dbmod.sqlite_url(tmp / f"numbers-{uuid.uuid4().hex[:8]}.sqlite3"), None
    if backend == "postgresql":
        schema = "bench_" + uuid.uuid4().hex[:12]
        admin = dbmod.make_database(dbmod.parse_url(PG_URL))
        admin.execute_sql(f'CREATE SCHEMA "{schema}"')
        return dbmod.url_with_query(PG_URL, options=f"-csearch_path={schema}"), (admin, schema)
    name = "bench_" + uuid.uuid4().hex[:12]
    admin = dbmod.make_database(dbmod.parse_url(MYSQL_URL))
    admin.execute_sql(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    return MYSQL_URL.rsplit("/", 1)[0] + f"/{name}", (admin, name)


def _drop(backend: str, handle: object) -> None:
    if handle is None:
        return
    admin, name = handle  # type: ignore[misc]
    if backend == "postgresql":
        admin.execute_sql(f'DROP SCHEMA "{name}" CASCADE')
    else:
        admin.execute_sql(f"DROP DATABASE `{name}`")
    admin.close()


def run(backend: str, takes: int, tmp: Path) -> None:
    url, handle = _fresh(backend, tmp)
    try:
        dbmod.init_db(url)
        user = create_user(None, "bench", "ผู้ทดสอบ", "admin", "password123")
        dbmod.close_db()
        ctx = mp.get_context("spawn")
        start, out = ctx.Event(), ctx.Queue()
        share = takes // WORKERS
        workers = [
            ctx.Process(target=_worker, args=(url, user.id, share, start, out))
            for _ in range(WORKERS)
        ]
        for w in workers:
            w.start()
        time.sleep(2)  # let every worker connect before the start
        began = time.perf_counter()
        start.set()
        results = [out.get(timeout=3600) for _ in workers]
        elapsed = time.perf_counter() - began
        for w in workers:
            w.join()
        numbers = sorted(n for taken, _f, _r in results for n in taken)
        failures = sum(f for _t, f, _r in results)
        retries = sum(r for _t, _f, r in results)
        exact = numbers == list(range(1, len(numbers) + 1))
        per_10k = failures * 10_000 / (share * WORKERS)
        print(
            f"{backend:10} {share * WORKERS:6} takes by {WORKERS} processes: "
            f"{failures} failed ({per_10k:.1f} per 10,000), {retries} deadlock retries, "
            f"numbers 1..{len(numbers)} {'exact' if exact else 'NOT EXACT'}, "
            f"{elapsed:.1f} s ({share * WORKERS / elapsed:.0f} takes/s)",
            flush=True,
        )
    finally:
        dbmod.close_db()
        _drop(backend, handle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--takes", type=int, default=10_000)
    parser.add_argument("--backends", default="sqlite,postgresql,mysql")
    args = parser.parse_args()
    use_fast_hashing_for_tests()
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            run(backend, args.takes, Path(tmp))


if __name__ == "__main__":
    main()
