"""procurement"""

# Generated from a schema diff on 2026-12-02 06:31.
import decimal

from peewee import *


def up(migrator, db):
    class Case(Model):
        class Meta:
            database = db
            table_name = "work_case"

    class Committee(Model):
        class Meta:
            database = db
            table_name = "committee"

    class Signatory(Model):
        class Meta:
            database = db
            table_name = "signatory"

    class Vendor(Model):
        class Meta:
            database = db
            table_name = "vendor"

    class WorkGroup(Model):
        class Meta:
            database = db
            table_name = "work_group"

    class AnnualPlan(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        fiscal_year = IntegerField(unique=True)
        title = CharField(max_length=300)
        status = CharField(max_length=16, default="draft")
        approved_by = CharField(max_length=200, default="")
        approved_on = DateField(null=True)
        note = TextField(default="")

        class Meta:
            database = db
            table_name = "annual_plan"

    db.create_tables([AnnualPlan])

    class Contract(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case_id = IntegerField(index=True, null=True)
        number = CharField(unique=True, max_length=100)
        title = CharField(max_length=500)
        vendor = ForeignKeyField(Vendor, on_delete="RESTRICT")
        signed_on = DateField(index=True)
        method = CharField(max_length=32)
        nature = CharField(max_length=32, default="hire")
        price = DecimalField(max_digits=15, decimal_places=2)
        vat = DecimalField(max_digits=15, decimal_places=2, default=decimal.Decimal("0"))
        ends_on = DateField(null=True)
        penalty_rate_pct = DecimalField(max_digits=7, decimal_places=4)
        penalty_min_per_day = DecimalField(
            max_digits=15, decimal_places=2, default=decimal.Decimal("0")
        )
        penalty_base = CharField(max_length=32, default="undelivered")
        penalty_includes_vat = BooleanField(default=True)
        penalty_working_days = BooleanField(default=False)
        downtime_allowance_hours = IntegerField(default=0)
        downtime_rate_pct = DecimalField(
            max_digits=7, decimal_places=4, default=decimal.Decimal("0")
        )
        warranty_months = IntegerField(default=0)
        warranty_starts_on = DateField(null=True)
        inspection_committee = ForeignKeyField(Committee, null=True, on_delete="SET NULL")
        status = CharField(index=True, max_length=32, default="active")
        note = TextField(default="")

        class Meta:
            database = db
            table_name = "contract"

    db.create_tables([Contract])

    class Installment(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        contract = ForeignKeyField(Contract, on_delete="CASCADE")
        seq = IntegerField()
        title = CharField(max_length=300, default="")
        due_on = DateField(index=True)
        amount = DecimalField(max_digits=15, decimal_places=2)
        deliverables = TextField(default="")
        status = CharField(index=True, max_length=32, default="pending")
        accepted_on = DateField(null=True)

        class Meta:
            database = db
            table_name = "installment"
            indexes = ((("contract", "seq"), True),)

    db.create_tables([Installment])

    class Delivery(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        installment = ForeignKeyField(Installment, on_delete="CASCADE")
        letter_no = CharField(max_length=100, default="")
        letter_date = DateField(null=True)
        brought_on = DateField(index=True)
        value = DecimalField(max_digits=15, decimal_places=2)
        partial = BooleanField(default=False)
        status = CharField(index=True, max_length=32, default="waiting")
        attachment_id = IntegerField(null=True)
        note = TextField(default="")

        class Meta:
            database = db
            table_name = "delivery"

    db.create_tables([Delivery])

    class Incident(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        contract = ForeignKeyField(Contract, null=True, on_delete="SET NULL")
        vendor = ForeignKeyField(Vendor, null=True, on_delete="SET NULL")
        case_id = IntegerField(index=True, null=True)
        system = CharField(max_length=300)
        description = TextField(default="")
        down_since = DateTimeField(index=True)
        cause = TextField(default="")
        contacted_at = DateTimeField(null=True)
        channel = CharField(max_length=100, default="")
        repair_started_at = DateTimeField(null=True)
        restored_at = DateTimeField(index=True, null=True)
        downtime_hours = IntegerField(null=True)
        hours_over_allowance = IntegerField(default=0)
        penalty = DecimalField(max_digits=15, decimal_places=2, default=decimal.Decimal("0"))
        note = TextField(default="")

        class Meta:
            database = db
            table_name = "incident"

    db.create_tables([Incident])

    class Inspection(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        delivery = ForeignKeyField(Delivery, on_delete="CASCADE")
        committee = ForeignKeyField(Committee, null=True, on_delete="SET NULL")
        inspected_on = DateField()
        result = CharField(max_length=32)
        accepted_value = DecimalField(max_digits=15, decimal_places=2, default=decimal.Decimal("0"))
        late_days = IntegerField(default=0)
        penalty = DecimalField(max_digits=15, decimal_places=2, default=decimal.Decimal("0"))
        note = TextField(default="")

        class Meta:
            database = db
            table_name = "inspection"

    db.create_tables([Inspection])

    class InspectionVote(Model):
        inspection = ForeignKeyField(Inspection, on_delete="CASCADE")
        member_name = CharField(max_length=200)
        member_position = CharField(max_length=300, default="")
        member_role = CharField(max_length=32, default="member")
        accepted = BooleanField()
        note = TextField(default="")
        sort_order = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "inspection_vote"

    db.create_tables([InspectionVote])

    class Invoice(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        installment = ForeignKeyField(Installment, on_delete="CASCADE")
        invoice_no = CharField(max_length=100)
        received_on = DateField()
        amount = DecimalField(max_digits=15, decimal_places=2)
        penalty_deducted = DecimalField(
            max_digits=15, decimal_places=2, default=decimal.Decimal("0")
        )
        approved_on = DateField(null=True)
        paid_on = DateField(null=True)
        note = TextField(default="")

        class Meta:
            database = db
            table_name = "invoice"

    db.create_tables([Invoice])

    class PlanItem(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        plan = ForeignKeyField(AnnualPlan, on_delete="CASCADE")
        seq = IntegerField(default=0)
        title = CharField(max_length=300)
        objective = TextField(default="")
        budget = DecimalField(max_digits=15, decimal_places=2, default=0)
        budget_source = CharField(max_length=16, default="budget")
        quarter = IntegerField(default=1)
        work_group = ForeignKeyField(WorkGroup, null=True, on_delete="SET NULL")
        note = TextField(default="")

        class Meta:
            database = db
            table_name = "plan_item"
            indexes = ((("plan", "seq"), False),)

    db.create_tables([PlanItem])

    class ProblemLog(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        reported_on = DateField(index=True)
        reporter = CharField(max_length=200, default="")
        system = CharField(max_length=300)
        category = CharField(max_length=16, default="other")
        description = TextField()
        impact = TextField(default="")
        frequency = CharField(max_length=200, default="")
        proposed_solution = TextField(default="")
        status = CharField(index=True, max_length=16, default="open")
        plan_item = ForeignKeyField(PlanItem, null=True, on_delete="SET NULL")

        class Meta:
            database = db
            table_name = "problem_log"

    db.create_tables([ProblemLog])

    class Project(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, unique=True, on_delete="CASCADE")
        plan_item = ForeignKeyField(PlanItem, unique=True, on_delete="RESTRICT")
        spec_summary = TextField(default="")
        budget = DecimalField(null=True, max_digits=15, decimal_places=2)
        tor_committee_id = IntegerField(null=True)
        principle_memo_no = CharField(max_length=100, default="")
        director = ForeignKeyField(Signatory, null=True, on_delete="SET NULL")
        principle_approved_on = DateField(null=True)
        tor_summary = TextField(default="")
        median_price = DecimalField(null=True, max_digits=15, decimal_places=2)
        median_price_on = DateField(null=True)
        deputy = ForeignKeyField(Signatory, null=True, on_delete="SET NULL")
        tor_approved_on = DateField(null=True)
        method = CharField(max_length=32, default="")
        method_reason = TextField(default="")
        report22_on = DateField(null=True)
        vendor = ForeignKeyField(Vendor, null=True, on_delete="SET NULL")
        award_amount = DecimalField(null=True, max_digits=15, decimal_places=2)
        awarded_on = DateField(null=True)
        contract_id = IntegerField(null=True)
        completed_on = DateField(null=True)
        summary = TextField(default="")

        class Meta:
            database = db
            table_name = "infrastructure_project"

    db.create_tables([Project])

    class Quotation(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case_id = IntegerField(index=True, null=True)
        purpose = CharField(max_length=32, default="market_survey")
        vendor = ForeignKeyField(Vendor, on_delete="RESTRICT")
        quote_no = CharField(max_length=100, default="")
        quoted_on = DateField()
        description = TextField(default="")
        amount_before_vat = DecimalField(max_digits=15, decimal_places=2)
        vat = DecimalField(max_digits=15, decimal_places=2)
        valid_days = IntegerField(default=0)
        delivery_days = IntegerField(null=True)
        attachment_id = IntegerField(null=True)

        class Meta:
            database = db
            table_name = "quotation"

    db.create_tables([Quotation])

    class Security(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        contract = ForeignKeyField(Contract, on_delete="CASCADE")
        instrument = CharField(max_length=32)
        issuer = CharField(max_length=300, default="")
        number = CharField(max_length=100, default="")
        amount = DecimalField(max_digits=15, decimal_places=2)
        received_on = DateField()
        expires_on = DateField(null=True)
        returned_on = DateField(null=True)
        note = TextField(default="")

        class Meta:
            database = db
            table_name = "security"

    db.create_tables([Security])

    class VendorContact(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        vendor = ForeignKeyField(Vendor, on_delete="CASCADE")
        full_name = CharField(max_length=200)
        role = CharField(max_length=200, default="")
        phone = CharField(max_length=100, default="")
        email = CharField(max_length=200, default="")

        class Meta:
            database = db
            table_name = "vendor_contact"

    db.create_tables([VendorContact])

    migrator.migrate(migrator.add_column("vendor", "branch", CharField(max_length=100, default="")))
    migrator.migrate(migrator.add_column("vendor", "mailing_address", TextField(default="")))
    migrator.migrate(
        migrator.add_column("vendor", "bank_name", CharField(max_length=200, default=""))
    )
    migrator.migrate(
        migrator.add_column("vendor", "bank_account_no", CharField(max_length=50, default=""))
    )
    migrator.migrate(
        migrator.add_column("vendor", "bank_account_name", CharField(max_length=200, default=""))
    )
    migrator.migrate(
        migrator.add_column("committee", "case_id", IntegerField(index=True, null=True))
    )
    migrator.migrate(migrator.add_column("committee", "due_on", DateField(null=True)))
    migrator.migrate(migrator.add_column("committee", "duties", TextField(default="")))
    migrator.migrate(
        migrator.add_column("committee_member", "is_expert", BooleanField(default=False))
    )
    migrator.migrate(migrator.add_column("committee_member", "declared_on", DateField(null=True)))
    migrator.migrate(
        migrator.add_column("committee_member", "has_interest", BooleanField(default=False))
    )
    migrator.migrate(
        migrator.add_column("committee_member", "declaration_note", TextField(default=""))
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_index("committee", "committee_case_id"))
    migrator.migrate(migrator.drop_column("committee_member", "declaration_note"))
    migrator.migrate(migrator.drop_column("committee_member", "has_interest"))
    migrator.migrate(migrator.drop_column("committee_member", "declared_on"))
    migrator.migrate(migrator.drop_column("committee_member", "is_expert"))
    migrator.migrate(migrator.drop_column("committee", "duties"))
    migrator.migrate(migrator.drop_column("committee", "due_on"))
    migrator.migrate(migrator.drop_column("committee", "case_id"))
    migrator.migrate(migrator.drop_column("vendor", "bank_account_name"))
    migrator.migrate(migrator.drop_column("vendor", "bank_account_no"))
    migrator.migrate(migrator.drop_column("vendor", "bank_name"))
    migrator.migrate(migrator.drop_column("vendor", "mailing_address"))
    migrator.migrate(migrator.drop_column("vendor", "branch"))
    migrator.migrate(migrator.drop_table("vendor_contact"))
    migrator.migrate(migrator.drop_table("security"))
    migrator.migrate(migrator.drop_table("quotation"))
    migrator.migrate(migrator.drop_table("infrastructure_project"))
    migrator.migrate(migrator.drop_table("problem_log"))
    migrator.migrate(migrator.drop_table("plan_item"))
    migrator.migrate(migrator.drop_table("invoice"))
    migrator.migrate(migrator.drop_table("inspection_vote"))
    migrator.migrate(migrator.drop_table("inspection"))
    migrator.migrate(migrator.drop_table("incident"))
    migrator.migrate(migrator.drop_table("delivery"))
    migrator.migrate(migrator.drop_table("installment"))
    migrator.migrate(migrator.drop_table("contract"))
    migrator.migrate(migrator.drop_table("annual_plan"))
