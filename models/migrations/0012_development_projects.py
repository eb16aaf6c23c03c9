"""development projects"""

# Generated from a schema diff on 2026-12-02 06:45.
import decimal

from peewee import *


def up(migrator, db):
    class Case(Model):
        class Meta:
            database = db
            table_name = "work_case"

    class Vendor(Model):
        class Meta:
            database = db
            table_name = "vendor"

    class CostItem(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, on_delete="CASCADE")
        seq = IntegerField()
        kind = CharField(max_length=16)
        description = CharField(max_length=300)
        quantity = IntegerField(default=1)
        months = DecimalField(max_digits=6, decimal_places=2, default=decimal.Decimal("1"))
        rate = DecimalField(max_digits=15, decimal_places=2)

        class Meta:
            database = db
            table_name = "development_cost_item"

    db.create_tables([CostItem])

    class DevProject(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, unique=True, on_delete="CASCADE")
        idea = TextField(default="")
        met_on = DateField(null=True)
        attendees = TextField(default="")
        benefit = TextField(default="")
        weighing = TextField(default="")
        decided_on = DateField(null=True)
        functions = TextField(default="")
        inputs_outputs = TextField(default="")
        scope = TextField(default="")
        timeline = TextField(default="")
        equipment = TextField(default="")
        mode = CharField(max_length=16, default="")
        cost = DecimalField(null=True, max_digits=15, decimal_places=2)
        mode_decided_on = DateField(null=True)
        server = TextField(default="")
        live_on = DateField(null=True)
        tor_summary = TextField(default="")
        median_price_on = DateField(null=True)
        principle_approved_on = DateField(null=True)
        tor_approved_on = DateField(null=True)
        procurement_committee_id = IntegerField(null=True)
        winner = ForeignKeyField(Vendor, null=True, on_delete="SET NULL")
        selection_reason = TextField(default="")
        selected_on = DateField(null=True)
        contract_id = IntegerField(null=True)
        completed_on = DateField(null=True)

        class Meta:
            database = db
            table_name = "development_project"

    db.create_tables([DevProject])

    class DevRound(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, on_delete="CASCADE")
        seq = IntegerField()
        started_on = DateField()
        finished_on = DateField(null=True)
        tested = TextField(default="")
        feedback = TextField(default="")
        fixes = TextField(default="")

        class Meta:
            database = db
            table_name = "development_round"

    db.create_tables([DevRound])

    class Milestone(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, on_delete="CASCADE")
        title = CharField(max_length=300)
        planned_on = DateField()
        done_on = DateField(null=True)

        class Meta:
            database = db
            table_name = "development_milestone"

    db.create_tables([Milestone])

    class Presentation(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, on_delete="CASCADE")
        vendor = ForeignKeyField(Vendor, on_delete="RESTRICT")
        presented_on = DateField()
        scores = TextField(default="{}")
        offered_price = DecimalField(null=True, max_digits=15, decimal_places=2)
        notes = TextField(default="")

        class Meta:
            database = db
            table_name = "development_presentation"

    db.create_tables([Presentation])

    class RequirementMeeting(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, on_delete="CASCADE")
        met_on = DateField()
        user_group = CharField(max_length=200)
        attendees = TextField(default="")
        notes = TextField(default="")

        class Meta:
            database = db
            table_name = "development_meeting"

    db.create_tables([RequirementMeeting])

    class Training(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, on_delete="CASCADE")
        held_on = DateField()
        place = CharField(max_length=300)
        user_group = CharField(max_length=200)
        invited = IntegerField()
        attended = IntegerField(default=0)
        trainer = CharField(max_length=300, default="")
        installment_id = IntegerField(null=True)
        notes = TextField(default="")

        class Meta:
            database = db
            table_name = "development_training"

    db.create_tables([Training])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("development_training"))
    migrator.migrate(migrator.drop_table("development_meeting"))
    migrator.migrate(migrator.drop_table("development_presentation"))
    migrator.migrate(migrator.drop_table("development_milestone"))
    migrator.migrate(migrator.drop_table("development_round"))
    migrator.migrate(migrator.drop_table("development_project"))
    migrator.migrate(migrator.drop_table("development_cost_item"))
