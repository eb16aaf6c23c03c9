"""The change feed of the offline replica (``models/replica/feed.py``): on PostgreSQL, a log of
changed rows written by a trigger on every table. SQLite and MySQL/MariaDB get nothing: an
embedded file needs no replica, and a MySQL server's replica is rebuilt whole at each refresh."""

from peewee import PostgresqlDatabase

SKIP = ("schema_migration", "replica_change")


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    db.execute_sql(
        "CREATE TABLE IF NOT EXISTS replica_change ("
        " id BIGSERIAL PRIMARY KEY,"
        " txid BIGINT NOT NULL DEFAULT txid_current(),"
        " at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,"
        " table_name VARCHAR(64) NOT NULL,"
        " row_id BIGINT)"
    )
    db.execute_sql("CREATE INDEX IF NOT EXISTS replica_change_txid ON replica_change (txid)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS replica_change_at ON replica_change (at)")
    db.execute_sql(
        "CREATE OR REPLACE FUNCTION replica_change_log() RETURNS trigger AS $$ BEGIN "
        "IF TG_OP = 'DELETE' THEN "
        "INSERT INTO replica_change (table_name, row_id) VALUES (TG_TABLE_NAME, OLD.id); "
        "ELSE INSERT INTO replica_change (table_name, row_id) VALUES (TG_TABLE_NAME, NEW.id); "
        "END IF; RETURN NULL; END; $$ LANGUAGE plpgsql"
    )
    tables = db.execute_sql(
        "SELECT c.table_name FROM information_schema.columns c "
        "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
        " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
        "WHERE c.table_schema = current_schema() AND c.column_name = 'id'"
    ).fetchall()
    for (table,) in tables:
        if table in SKIP or table.endswith("_search"):
            continue
        db.execute_sql(
            f'CREATE TRIGGER replica_change AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION replica_change_log()"
        )


def down(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    tables = db.execute_sql(
        "SELECT k.relname FROM pg_trigger g JOIN pg_class k ON k.oid = g.tgrelid "
        "JOIN pg_namespace n ON n.oid = k.relnamespace "
        "WHERE n.nspname = current_schema() AND g.tgname = 'replica_change'"
    ).fetchall()
    for (table,) in tables:
        db.execute_sql(f'DROP TRIGGER IF EXISTS replica_change ON "{table}"')
    db.execute_sql("DROP FUNCTION IF EXISTS replica_change_log()")
    db.execute_sql("DROP TABLE IF EXISTS replica_change")
