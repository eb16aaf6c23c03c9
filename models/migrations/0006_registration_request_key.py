"""registration request key"""

# Generated from a schema diff on 2026-12-02 06:47.
from peewee import *


def up(migrator, db):
    migrator.migrate(
        migrator.add_column(
            "work_case", "request_key", CharField(unique=True, null=True, max_length=64)
        )
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_index("work_case", "work_case_request_key"))
    migrator.migrate(migrator.drop_column("work_case", "request_key"))
