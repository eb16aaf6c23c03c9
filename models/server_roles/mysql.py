"""MySQL/MariaDB: an owner with every right on the app's database; the working account gets
per-table rights (never DROP, ALTER or TRIGGER, so it can neither TRUNCATE nor drop a trigger)."""

from __future__ import annotations

import contextlib

import peewee

from models.server_roles.names import APPEND_ONLY


def create_roles(
    db: peewee.Database, owner: str, owner_password: str, app: str, app_password: str
) -> list[str]:
    database = db.database
    done: list[str] = []
    for user, password in ((owner, owner_password), (app, app_password)):
        db.execute_sql(f"CREATE USER IF NOT EXISTS '{user}'@'%%' IDENTIFIED BY %s", (password,))
        db.execute_sql(f"ALTER USER '{user}'@'%%' IDENTIFIED BY %s", (password,))
        done.append(f"USER {user}")
    # '%%': PyMySQL formats every statement peewee sends, so a literal % is doubled.
    # WITH GRANT OPTION: the owner runs ``db grant`` after each upgrade.
    db.execute_sql(f"GRANT ALL PRIVILEGES ON `{database}`.* TO '{owner}'@'%%' WITH GRANT OPTION")
    done.append(f"{database}.*: ALL TO {owner}")
    return done


def grant(db: peewee.Database, app: str, tables: list[str]) -> list[str]:
    database = db.database
    done: list[str] = []
    for table in tables:
        # What an earlier grant gave is taken back first ("no such grant" on a new table).
        with contextlib.suppress(peewee.DatabaseError):
            db.execute_sql(f"REVOKE ALL PRIVILEGES ON `{database}`.`{table}` FROM '{app}'@'%%'")
        rights = "SELECT, INSERT" if table in APPEND_ONLY else "SELECT, INSERT, UPDATE, DELETE"
        db.execute_sql(f"GRANT {rights} ON `{database}`.`{table}` TO '{app}'@'%%'")
        done.append(f"{table}: {rights}")
    return done
