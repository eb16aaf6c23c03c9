"""The audit log cannot be cleared through the account the workstations use. On PostgreSQL the
schema belongs to an owner role used only for migrations; the working role may read and append to
``audit_entry`` and nothing more: no TRUNCATE, no DISABLE/DROP TRIGGER, no replacing the trigger
function, no UPDATE or DELETE. MariaDB the same through grants. The app itself works as the
working role (log in, save an asset, take a number)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import peewee
import pytest

from models import db as dbmod
from models import numbering, server_roles, users
from models.audit import AuditEntry
from models.support import assets
from models.support.assets import AssetKind
from tests.conftest import MYSQL_URL, PG_URL, require_server

pytestmark = pytest.mark.server

OWNER_PW, APP_PW = "owner-pass-1", "app-pass-12"

PG_FORBIDDEN = [
    "TRUNCATE audit_entry",
    "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
    "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
    "DROP TRIGGER audit_entry_append_only ON audit_entry",
    "CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$ "
    "BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql",
    "DROP FUNCTION audit_entry_append_only() CASCADE",
    "UPDATE audit_entry SET action = 'x'",
    "DELETE FROM audit_entry",
    "DROP TABLE audit_entry",
    "ALTER TABLE audit_entry OWNER TO CURRENT_USER",
    "CREATE TABLE sneaky (id integer)",
]
MYSQL_FORBIDDEN = [
    "TRUNCATE TABLE audit_entry",
    "DROP TRIGGER audit_entry_no_delete",
    "DROP TRIGGER audit_entry_no_update",
    "UPDATE audit_entry SET action = 'x'",
    "DELETE FROM audit_entry",
    "DROP TABLE audit_entry",
    "ALTER TABLE audit_entry ADD COLUMN x INT",
    "CREATE TABLE sneaky (id INT)",
]


def _with_user(url: str, user: str, password: str) -> str:
    parsed = dbmod.parse_url(url)
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.backend}://{user}:{password}@{parsed.host}{port}/{parsed.name}"


@pytest.fixture
def pg_accounts() -> Iterator[tuple[str, str]]:
    """(owner URL, working URL) on a new database with its two new roles."""
    require_server("postgresql")
    suffix = uuid.uuid4().hex[:10]
    owner, app, name = f"own_{suffix}", f"app_{suffix}", f"roles_{suffix}"
    admin = dbmod.make_database(dbmod.parse_url(PG_URL))
    admin.execute_sql(f'CREATE DATABASE "{name}"')
    target = PG_URL.rsplit("/", 1)[0] + f"/{name}"
    on_target = dbmod.make_database(dbmod.parse_url(target))
    server_roles.create_roles(
        on_target,
        owner=owner,
        owner_password=OWNER_PW,
        app=app,
        app_password=APP_PW,
        schema="ictdesk",
    )
    on_target.close()
    try:
        yield _with_user(target, owner, OWNER_PW), _with_user(target, app, APP_PW)
    finally:
        dbmod.close_db()
        admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for role in (app, owner):
            admin.execute_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.close()


@pytest.fixture
def mysql_accounts() -> Iterator[tuple[str, str]]:
    require_server("mysql")
    suffix = uuid.uuid4().hex[:10]
    owner, app, name = f"own_{suffix}", f"app_{suffix}", f"roles_{suffix}"
    admin = dbmod.make_database(dbmod.parse_url(MYSQL_URL))
    admin.execute_sql(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    target = MYSQL_URL.rsplit("/", 1)[0] + f"/{name}"
    on_target = dbmod.make_database(dbmod.parse_url(target))
    server_roles.create_roles(
        on_target, owner=owner, owner_password=OWNER_PW, app=app, app_password=APP_PW
    )
    on_target.close()
    try:
        yield _with_user(target, owner, OWNER_PW), _with_user(target, app, APP_PW)
    finally:
        dbmod.close_db()
        admin.execute_sql(f"DROP DATABASE IF EXISTS `{name}`")
        for user in (app, owner):
            admin.execute_sql(f"DROP USER IF EXISTS '{user}'@'%%'")
        admin.close()


def _migrate_grant_and_use(owner_url: str, app_url: str) -> peewee.Database:
    dbmod.init_db(owner_url)  # migrations as the schema owner
    server_roles.grant(dbmod.database.obj, app=dbmod.parse_url(app_url).user)
    dbmod.close_db()
    working = dbmod.init_db(app_url)  # the workstation: no pending migration, nothing to create
    admin = users.create_user(None, "admin", "ผู้ดูแลระบบ", "admin", "password123")
    assert users.authenticate("admin", "password123").id == admin.id
    assets.save_asset(
        admin, None, {"kind": AssetKind.HARDWARE, "number": "7440-001-0001/65", "name": "คอม"}
    )
    assert numbering.take_number(admin, "memo").number == 1
    assert AuditEntry.select().count() >= 3
    return working


def _refused(db: peewee.Database, statements: list[str]) -> list[str]:
    allowed = []
    for sql in statements:
        try:
            with db.atomic():
                db.execute_sql(sql)
            allowed.append(sql)
        except peewee.DatabaseError:
            pass
    return allowed


def test_postgres_working_role_cannot_clear_the_audit_log(pg_accounts) -> None:
    owner_url, app_url = pg_accounts
    working = _migrate_grant_and_use(owner_url, app_url)
    before = AuditEntry.select().count()
    assert _refused(working, PG_FORBIDDEN) == []
    assert AuditEntry.select().count() == before


def test_mysql_working_account_cannot_clear_the_audit_log(mysql_accounts) -> None:
    owner_url, app_url = mysql_accounts
    working = _migrate_grant_and_use(owner_url, app_url)
    before = AuditEntry.select().count()
    assert _refused(working, MYSQL_FORBIDDEN) == []
    assert AuditEntry.select().count() == before


def test_the_administrators_commands_on_postgresql(tmp_path) -> None:
    """What the README tells the administrator to type: create-roles, upgrade as the owner,
    grant, then the workstations' account opens the database and finds nothing to migrate."""
    from tests.unit.test_cli import run_cli

    require_server("postgresql")
    suffix = uuid.uuid4().hex[:10]
    owner, app, name = f"own_{suffix}", f"app_{suffix}", f"roles_{suffix}"
    admin = dbmod.make_database(dbmod.parse_url(PG_URL))
    admin.execute_sql(f'CREATE DATABASE "{name}"')
    target = PG_URL.rsplit("/", 1)[0] + f"/{name}"
    env = {"ICTDESK_OWNER_PASSWORD": OWNER_PW, "ICTDESK_APP_PASSWORD": APP_PW}
    try:
        steps = [
            (target, "create-roles", "--owner", owner, "--app", app),
            (_with_user(target, owner, OWNER_PW), "upgrade"),
            (_with_user(target, owner, OWNER_PW), "grant", "--app", app),
            (_with_user(target, app, APP_PW), "status"),
        ]
        for url, *task in steps:
            result = run_cli("--database", url, "db", *task, config_dir=tmp_path, extra_env=env)
            assert result.returncode == 0, result.stderr
        assert "รอปรับรุ่น" not in result.stdout
    finally:
        admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for role in (app, owner):
            admin.execute_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.close()
