"""statistics: working-day table"""

# Generated from a schema diff on 2026-12-02 06:25.
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


def down(migrator, db):
    migrator.migrate(migrator.drop_table("stat_day_state"))
    migrator.migrate(migrator.drop_table("stat_day"))
