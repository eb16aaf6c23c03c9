"""Substring search for every process's case list (``work_case``), as 0003 gave the asset register
and the repair tickets: the cases' ``search_text`` in the searches' normal form (NFC, Arabic digits,
single spaces, lower case: ``๐๔๕`` finds ``045``), and its side index kept by triggers (SQLite FTS5
trigram table ``work_case_fts``; PostgreSQL ``work_case_search`` with a pg_trgm GIN index).

The side index is made with 0003's own functions (that file never changes), and is optional in the
same way: without FTS5, on MySQL/MariaDB, or without the right to create pg_trgm (an ordinary
account on a shared server), the lists search by scanning; this is logged once here.
"""

import importlib.util
import logging
import re
import unicodedata
from pathlib import Path

from peewee import PostgresqlDatabase, SqliteDatabase

TABLE = "work_case"
log = logging.getLogger("ictdesk.migrations")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def up(migrator, db):
    _normalise_search_text(db)
    m0003 = _load_0003()
    if isinstance(db, SqliteDatabase):
        m0003._sqlite_up(db, TABLE)
        if not _has_table(db, f"{TABLE}_fts"):
            log.warning("SQLite here has no FTS5 trigram tokenizer: case lists search by scanning")
    elif isinstance(db, PostgresqlDatabase):
        schema = m0003._pg_trgm_schema(db)
        if schema is None:
            log.warning(
                "pg_trgm is not installed and this account may not create it: case, asset and "
                "ticket lists search by scanning (a superuser can run CREATE EXTENSION pg_trgm)"
            )
            return
        m0003._pg_up(db, TABLE, schema)


def down(migrator, db):
    if isinstance(db, SqliteDatabase):
        for suffix in ("ai", "ad", "au"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {TABLE}_fts_{suffix}")
        db.execute_sql(f"DROP TABLE IF EXISTS {TABLE}_fts")
    elif isinstance(db, PostgresqlDatabase):
        db.execute_sql(f"DROP TRIGGER IF EXISTS {TABLE}_search_sync ON {TABLE}")
        db.execute_sql(f"DROP FUNCTION IF EXISTS {TABLE}_search_sync()")
        db.execute_sql(f"DROP TABLE IF EXISTS {TABLE}_search")


def _normalise(text):
    text = unicodedata.normalize("NFC", text or "").translate(_THAI_DIGITS)
    return re.sub(r"\s+", " ", text).strip().lower()


def _normalise_search_text(db):
    """Cases stored before this migration kept number, title and requester lower-cased only."""
    rows = db.execute_sql(f"SELECT id, search_text FROM {TABLE}").fetchall()
    changed = [(_normalise(text), row_id) for row_id, text in rows if _normalise(text) != text]
    marker = "?" if isinstance(db, SqliteDatabase) else "%s"
    for start in range(0, len(changed), 500):
        with db.atomic():
            for text, row_id in changed[start : start + 500]:
                db.execute_sql(
                    f"UPDATE {TABLE} SET search_text = {marker} WHERE id = {marker}", (text, row_id)
                )


def _has_table(db, name):
    found = db.execute_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return found is not None


def _load_0003():
    path = Path(__file__).resolve().parent / "0003_text_search.py"
    spec = importlib.util.spec_from_file_location("ictdesk_migration_0003", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
