"""statistics: working-day table and indexes"""

# Generated from a schema diff on 2026-12-02 07:05.
from peewee import *


def up(migrator, db):
    class StatDay(Model):
        day = DateField(primary_key=True)
        before = IntegerField()
        upto = IntegerField()
        month = IntegerField(index=True)
        quarter = IntegerField()
        fiscal_year = IntegerField()

        class Meta:
            database = db
            table_name = "stat_day"

    db.create_tables([StatDay])

    class StatDayState(Model):
        revision = IntegerField()
        first_day = DateField()
        last_day = DateField()

        class Meta:
            database = db
            table_name = "stat_day_state"

    db.create_tables([StatDayState])

    migrator.migrate(
        migrator.add_index("work_case", ("process", "received_on", "assignee_id", "result"))
    )
    migrator.migrate(migrator.add_index("case_step", ("kind", "on_date")))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("case_step", "case_step_kind_on_date"))
    migrator.migrate(
        migrator.drop_index("work_case", "work_case_process_received_on_assignee_id_result")
    )
    migrator.migrate(migrator.drop_table("stat_day_state"))
    migrator.migrate(migrator.drop_table("stat_day"))
