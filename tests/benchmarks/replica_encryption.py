"""What encrypting the replica with SQLCipher would cost (a script, never a test):

    python tests/benchmarks/replica_encryption.py REPLICA.sqlite3

Run with a Python that has ``sqlcipher3`` (e.g. the ``sqlcipher3-wheels`` package, SQLCipher 4
built in; it is not a dependency of ICT Desk). Given a replica made by ``replica refresh``, it
writes an encrypted copy (``sqlcipher_export``, a random 256-bit key as the OS keyring would
hold) and times, on the plain file with the standard ``sqlite3`` and on the encrypted one:
writing the whole copy, opening it, reading every row of every table, and the pages the window
asks for most (the newest 50 work cases, the first 100 assets by number), cold and warm.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3  # type: ignore[import-not-found]

QUERIES = {
    "newest 50 cases": "SELECT * FROM work_case ORDER BY received_on DESC, id DESC LIMIT 50",
    "first 100 assets": "SELECT * FROM asset ORDER BY number_key LIMIT 100",
    "count repair tickets": "SELECT count(*) FROM repair_ticket",
}


def timed(fn: Callable[[], Any], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def read_everything(con: Any) -> int:
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return sum(len(con.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables)


def main() -> None:
    plain = Path(sys.argv[1])
    key = secrets.token_hex(32)
    folder = Path(tempfile.mkdtemp())
    encrypted = folder / "encrypted.sqlite3"

    began = time.perf_counter()
    con = sqlcipher3.connect(str(plain))
    con.execute(f"ATTACH DATABASE '{encrypted}' AS enc KEY \"x'{key}'\"")
    con.execute("SELECT sqlcipher_export('enc')")
    con.execute("DETACH DATABASE enc")
    con.close()
    write_s = time.perf_counter() - began
    print(
        f"replica {plain.stat().st_size / 1048576:.1f} MB; encrypted copy written in {write_s:.2f} s"
        f" ({encrypted.stat().st_size / 1048576:.1f} MB)"
    )

    def open_plain() -> Any:
        return sqlite3.connect(str(plain))

    def open_encrypted() -> Any:
        c = sqlcipher3.connect(str(encrypted))
        c.execute(f"PRAGMA key = \"x'{key}'\"")
        return c

    for label, opener in (("plain sqlite3", open_plain), ("SQLCipher 4", open_encrypted)):
        opened = timed(
            lambda o=opener: o().execute("SELECT count(*) FROM sqlite_master").fetchone()
        )
        c = opener()
        everything = timed(lambda c=c: read_everything(c), 3)
        parts = [f"open {opened:.1f} ms", f"read all rows {everything:.0f} ms"]
        for name, sql in QUERIES.items():
            fresh = opener()
            cold = timed(lambda f=fresh, s=sql: f.execute(s).fetchall(), 1)
            warm = timed(lambda f=fresh, s=sql: f.execute(s).fetchall())
            parts.append(f"{name} {cold:.1f} / {warm:.1f} ms")
        print(f"{label:<14} " + "; ".join(parts))
    os.remove(encrypted)


if __name__ == "__main__":
    main()
