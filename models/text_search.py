"""Substring search over a table's ``search_text`` column, through its side index when the database
has one (migrations 0003 and 0004: SQLite FTS5 trigram tables, PostgreSQL pg_trgm), by scanning
otherwise: text under three characters, MySQL/MariaDB, or a server that would not create pg_trgm
(an ordinary account on a shared server: the migration logs it and the lists scan).

Both ways give the same rows: the side index holds the same text (``normalise``: NFC, Arabic
digits, single spaces, lower case) and answers "contains this substring" for three characters or
more. Tables with a side index: ``asset``, ``repair_ticket``, ``work_case`` (every process's
cases).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from typing import Any

import peewee

from models.db import database
from reports.thaifmt import arabic_digits

log = logging.getLogger(__name__)
MIN_INDEXED = 3  # trigram indexes answer substrings of three characters or more
_known: dict[tuple[int, str], bool] = {}  # (database object, its address and table)
_lock = threading.Lock()


def _side_index(table: str) -> str | None:
    """``fts`` / ``trgm`` when ``table`` has a side index in the open database, else None."""
    db = database.obj
    if db is None:
        return None
    key = (id(db), f"{getattr(db, 'database', '')}|{getattr(db, 'connect_params', '')}|{table}")
    with _lock:
        found = _known.get(key)
    if found is None:
        if isinstance(db, peewee.SqliteDatabase):
            found = bool(
                db.execute_sql(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    (f"{table}_fts",),
                ).fetchone()
            )
        elif isinstance(db, peewee.PostgresqlDatabase):
            found = bool(
                db.execute_sql(
                    "SELECT to_regclass(%s) IS NOT NULL", (f"{table}_search",)
                ).fetchone()[0]
            )
        else:
            found = False
        with _lock:
            _known[key] = found
        if not found:
            log.info(
                "no substring index for %s in this database (%s): its list searches by scanning",
                table,
                type(db).__name__,
            )
    if not found:
        return None
    return "fts" if isinstance(db, peewee.SqliteDatabase) else "trgm"


def normalise(text: str) -> str:
    """The form a ``search_text`` column holds and a search looks for: ``๐๔๕`` finds ``045``,
    any run of spaces is one space, capitals match."""
    return re.sub(r"\s+", " ", arabic_digits(unicodedata.normalize("NFC", text))).strip().lower()


def forget() -> None:
    """Look again (after a migration or a new connection)."""
    with _lock:
        _known.clear()


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# A filter longer than this matches nothing: no stored search text is searched for by a paragraph
# (and SQLite refuses LIKE patterns past 50,000 bytes: "LIKE or GLOB pattern too complex").
MAX_FILTER = 1_000
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
NOTHING = peewee.SQL("1 = 0")


def can_match(text: str) -> bool:
    """False for a filter no stored text can contain: control characters and lone surrogates are
    refused at entry (PostgreSQL refuses a NUL in a query, SQLite reads it as the pattern's end
    and matches every row, and no driver encodes a lone surrogate), or an overlong filter."""
    return len(text) <= MAX_FILTER and not _UNSTORABLE.search(text)


def field_contains(field: Any, text: str) -> Any:
    """A WHERE condition: a plain text column contains ``text`` (or nothing, as ``can_match``)."""
    return field.contains(text) if can_match(text) else NOTHING


def contains(model: type[peewee.Model], text: str) -> Any:
    """A WHERE condition: ``model.search_text`` contains ``text`` (already normalised)."""
    if not can_match(text):
        return NOTHING
    field = model._meta.fields["search_text"]
    key: Any = model._meta.primary_key
    table = model._meta.table_name
    kind = _side_index(table) if len(text) >= MIN_INDEXED else None
    if kind == "fts":
        phrase = '"' + text.replace('"', '""') + '"'
        return key.in_(
            peewee.SQL(f"(SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)", [phrase])
        )
    if kind == "trgm":
        pattern = "%" + _escape_like(text) + "%"
        return key.in_(
            peewee.SQL(f"(SELECT id FROM {table}_search WHERE search_text LIKE %s)", [pattern])
        )
    return field.contains(text)
