"""PostgreSQL: a schema owned by the owner role; the working role gets usage and table rights."""

from __future__ import annotations

import peewee

from models.server_roles.names import APPEND_ONLY


def _exists(db: peewee.Database, role: str) -> bool:
    return bool(db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone())


def create_roles(
    db: peewee.Database, owner: str, owner_password: str, app: str, app_password: str, schema: str
) -> list[str]:
    done: list[str] = []
    database = db.execute_sql("SELECT current_database()").fetchone()[0]
    with db.atomic():
        for role, password in ((owner, owner_password), (app, app_password)):
            verb = "ALTER" if _exists(db, role) else "CREATE"
            # NOSUPERUSER etc.: neither account may create roles or databases or bypass rights.
            db.execute_sql(
                f'{verb} ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %s',
                (password,),
            )
            done.append(f"{verb} ROLE {role}")
        db.execute_sql(f'GRANT CONNECT ON DATABASE "{database}" TO "{owner}", "{app}"')
        # The owner may install the trusted pg_trgm extension (migration 0003) in this database.
        db.execute_sql(f'GRANT CREATE ON DATABASE "{database}" TO "{owner}"')
        db.execute_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}" AUTHORIZATION "{owner}"')
        db.execute_sql(f'ALTER SCHEMA "{schema}" OWNER TO "{owner}"')
        db.execute_sql(f'REVOKE CREATE ON SCHEMA "{schema}" FROM PUBLIC')
        db.execute_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO "{app}"')
        for role in (owner, app):
            db.execute_sql(
                f'ALTER ROLE "{role}" IN DATABASE "{database}" SET search_path = "{schema}"'
            )
        # Tables a later migration adds are usable by the working role at once.
        db.execute_sql(
            f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA "{schema}" '
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{app}"'
        )
        db.execute_sql(
            f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA "{schema}" '
            f'GRANT USAGE, SELECT ON SEQUENCES TO "{app}"'
        )
        done.append(f"SCHEMA {schema} OWNER {owner}; USAGE TO {app}")
    return done


def grant(db: peewee.Database, app: str, tables: list[str]) -> list[str]:
    schema = db.execute_sql("SELECT current_schema()").fetchone()[0]
    done: list[str] = []
    with db.atomic():
        db.execute_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO "{app}"')
        for table in tables:
            db.execute_sql(f'REVOKE ALL ON TABLE "{schema}"."{table}" FROM "{app}"')
            rights = "SELECT, INSERT" if table in APPEND_ONLY else "SELECT, INSERT, UPDATE, DELETE"
            db.execute_sql(f'GRANT {rights} ON TABLE "{schema}"."{table}" TO "{app}"')
            done.append(f"{table}: {rights}")
        db.execute_sql(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{app}"')
    return done
