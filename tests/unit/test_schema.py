"""The migrations build exactly the tables and columns the models declare, on every backend, and
an older database upgrades without losing data."""

from __future__ import annotations

from pathlib import Path

import peewee
from playhouse.schema_diff import diff_models

from models import db as dbmod
from models.audit import AuditEntry
from models.schema import all_models


def test_models_and_migrations_agree(db: peewee.Database) -> None:
    models = all_models()
    with db.bind_ctx(models):
        diff = diff_models(db, models)
    assert not diff, f"run tools/makemigration.py:\n{diff}"


def test_upgrade_from_the_first_version_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database = dbmod.connect(dbmod.sqlite_url(path))
    first = sorted(dbmod.MIGRATIONS_DIR.glob("0001_*.py"))[0].stem
    dbmod.migration_runner(database).up(target=first)
    database.execute_sql(
        "INSERT INTO unit (version, created_at, modified_at, name, short_name, phone, email, active)"
        " VALUES (1, '2026-01-05 09:00:00', '2026-01-05 09:00:00', 'งานพัสดุ', 'พด.', '', '', 1)"
    )
    database.execute_sql(
        "INSERT INTO audit_entry (at, user_name, action, table_name, row_id, note)"
        " VALUES ('2026-01-05 09:00:00', 'ระบบ', 'insert', 'unit', 1, '')"
    )
    database.close()

    upgraded = dbmod.init_db(dbmod.sqlite_url(path))
    try:
        assert upgraded.execute_sql("SELECT name FROM unit").fetchone()[0] == "งานพัสดุ"
        assert not dbmod.schema_status(upgraded).pending
        assert AuditEntry.select().count() == 1
    finally:
        dbmod.close_db()


def test_every_migration_can_be_reverted(tmp_path: Path) -> None:
    database = dbmod.connect(dbmod.sqlite_url(tmp_path / "down.sqlite3"))
    runner = dbmod.migration_runner(database)
    applied = runner.up()
    for _ in applied:
        runner.down()
    assert not [m for m in runner.status() if m.applied]
    database.close()


def test_every_table_of_the_app_is_in_the_schema() -> None:
    """A table whose module is missing from ``MODEL_MODULES`` would silently escape the migration
    tool and this file's checks (it happened once, when a table moved to another module)."""
    import importlib
    import pkgutil

    import models
    from models.base import BaseModel
    from models.schema import all_models

    for info in pkgutil.walk_packages(models.__path__, "models."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)
    declared: set[type] = set()
    stack: list[type] = [BaseModel]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("models.") and sub.__module__ != "models.base":
                declared.add(sub)
    missing = sorted(f"{m.__module__}.{m.__name__}" for m in declared - set(all_models()))
    assert not missing, f"add their modules to models/schema.py MODEL_MODULES: {missing}"
