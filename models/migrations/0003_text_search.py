"""Substring search indexes for the search boxes of the big lists (assets, repair tickets).

The lists search a lower-cased ``search_text`` column for any substring (``%text%``), which a
b-tree cannot serve. Each table gets a side index kept in step by triggers:

- SQLite: an FTS5 table with the trigram tokenizer (``<table>_fts``, external content);
- PostgreSQL: a table ``<table>_search`` with a pg_trgm GIN index.

Both are optional: without FTS5 (SQLite older than 3.34) or without the right to create the
pg_trgm extension, nothing is created and the lists search by scanning, as on MySQL/MariaDB.
``models.text_search`` looks for the side index at run time. The side tables are not models: the
schema check compares models only.
"""

from peewee import PostgresqlDatabase, SqliteDatabase

TABLES = ("asset", "repair_ticket")


def up(migrator, db):
    if isinstance(db, SqliteDatabase):
        for table in TABLES:
            _sqlite_up(db, table)
    elif isinstance(db, PostgresqlDatabase):
        schema = _pg_trgm_schema(db)
        if schema is None:
            return
        for table in TABLES:
            _pg_up(db, table, schema)


def down(migrator, db):
    for table in TABLES:
        if isinstance(db, SqliteDatabase):
            for suffix in ("ai", "ad", "au"):
                db.execute_sql(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            db.execute_sql(f"DROP TABLE IF EXISTS {table}_fts")
        elif isinstance(db, PostgresqlDatabase):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {table}_search_sync ON {table}")
            db.execute_sql(f"DROP FUNCTION IF EXISTS {table}_search_sync()")
            db.execute_sql(f"DROP TABLE IF EXISTS {table}_search")


def _sqlite_up(db, table):
    try:
        with db.atomic():
            db.execute_sql(
                f"CREATE VIRTUAL TABLE {table}_fts USING fts5(search_text, content='{table}', "
                "content_rowid='id', tokenize='trigram')"
            )
    except Exception:  # no FTS5 or no trigram tokenizer in this SQLite: lists scan instead
        return
    db.execute_sql(
        f"INSERT INTO {table}_fts(rowid, search_text) SELECT id, search_text FROM {table}"
    )
    db.execute_sql(
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {table}_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    db.execute_sql(
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {table}_fts({table}_fts, rowid, search_text) "
        f"VALUES ('delete', old.id, old.search_text); END"
    )
    db.execute_sql(
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF search_text ON {table} BEGIN "
        f"INSERT INTO {table}_fts({table}_fts, rowid, search_text) "
        f"VALUES ('delete', old.id, old.search_text); "
        f"INSERT INTO {table}_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )


def _pg_trgm_schema(db):
    """The schema holding pg_trgm (installed here when missing), or None without the right."""
    created = False
    for statement in (
        # in public when it can: schemas come and go (tests), the extension should not
        "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public",
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    ):
        try:
            with db.atomic():
                db.execute_sql(statement)
            created = True
            break
        except Exception:  # not allowed to create extensions: lists scan instead
            continue
    if not created:
        return None
    row = db.execute_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    ).fetchone()
    return row[0] if row else None


def _pg_up(db, table, schema):
    db.execute_sql(
        f"CREATE TABLE {table}_search (id INTEGER PRIMARY KEY "
        f"REFERENCES {table}(id) ON DELETE CASCADE, search_text TEXT NOT NULL DEFAULT '')"
    )
    db.execute_sql(
        f"INSERT INTO {table}_search (id, search_text) SELECT id, search_text FROM {table}"
    )
    db.execute_sql(
        f'CREATE INDEX {table}_search_trgm ON {table}_search USING gin (search_text "{schema}".gin_trgm_ops)'
    )
    db.execute_sql(
        f"CREATE OR REPLACE FUNCTION {table}_search_sync() RETURNS trigger AS $$ BEGIN "
        f"INSERT INTO {table}_search (id, search_text) VALUES (NEW.id, NEW.search_text) "
        "ON CONFLICT (id) DO UPDATE SET search_text = EXCLUDED.search_text; "
        "RETURN NEW; END; $$ LANGUAGE plpgsql"
    )
    db.execute_sql(
        f"CREATE TRIGGER {table}_search_sync AFTER INSERT OR UPDATE OF search_text ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_search_sync()"
    )
