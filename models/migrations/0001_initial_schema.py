"""The initial schema: every table of the first release."""

# Generated from a schema diff on 2026-11-23 23:29.
from peewee import *


def up(migrator, db):
    class AssetCategory(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        kind = CharField(max_length=32, default="hardware")
        name = CharField(max_length=200)
        active = BooleanField(default=True)
        sort_order = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "asset_category"
            indexes = ((("kind", "name"), True),)

    db.create_tables([AssetCategory])

    class Vendor(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        name = CharField(unique=True, max_length=300)
        tax_id = CharField(max_length=20, default="")
        address = TextField(default="")
        phone = CharField(max_length=100, default="")
        email = CharField(max_length=200, default="")
        contact_person = CharField(max_length=200, default="")
        active = BooleanField(default=True)

        class Meta:
            database = db
            table_name = "vendor"

    db.create_tables([Vendor])

    class Unit(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        name = CharField(unique=True, max_length=300)
        short_name = CharField(max_length=50, default="")
        phone = CharField(max_length=100, default="")
        email = CharField(max_length=200, default="")
        active = BooleanField(default=True)

        class Meta:
            database = db
            table_name = "unit"

    db.create_tables([Unit])

    class Asset(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        kind = CharField(index=True, max_length=32)
        number = CharField(max_length=100)
        number_key = CharField(unique=True, max_length=100)
        name = CharField(max_length=300)
        category = ForeignKeyField(AssetCategory, null=True, on_delete="RESTRICT")
        brand = CharField(max_length=200, default="")
        model_name = CharField(max_length=200, default="")
        serial_number = CharField(index=True, max_length=200, default="")
        acquired_on = DateField(null=True)
        price = DecimalField(null=True, max_digits=14, decimal_places=2)
        budget_source = CharField(max_length=200, default="")
        budget_year = IntegerField(null=True)
        vendor = ForeignKeyField(Vendor, null=True, on_delete="SET NULL")
        warranty_end = DateField(null=True)
        location = CharField(max_length=300, default="")
        custodian_name = CharField(max_length=200, default="")
        custodian_unit = ForeignKeyField(Unit, null=True, on_delete="SET NULL")
        status = CharField(index=True, max_length=32, default="in_use")
        notes = TextField(default="")
        seats = IntegerField(null=True)
        licence_expiry = DateField(null=True)
        ip_address = CharField(max_length=64, default="")
        mac_address = CharField(max_length=64, default="")
        search_text = TextField(default="")

        class Meta:
            database = db
            table_name = "asset"

    db.create_tables([Asset])

    class Attachment(Model):
        owner_table = CharField(index=True, max_length=64, default="")
        owner_id = IntegerField(index=True, null=True)
        purpose = CharField(max_length=64, default="")
        filename = CharField()
        content_type = CharField(max_length=128, default="application/octet-stream")
        size = IntegerField()
        sha256 = CharField(index=True, max_length=64)
        data = BlobField()
        created_at = DateTimeField()
        created_by = IntegerField(null=True)

        class Meta:
            database = db
            table_name = "attachment"

    db.create_tables([Attachment])

    class AuditEntry(Model):
        at = DateTimeField(index=True)
        user_id = IntegerField(index=True, null=True)
        user_name = CharField(max_length=200, default="")
        action = CharField(max_length=32)
        table_name = CharField(max_length=64)
        row_id = IntegerField(null=True)
        before = TextField(null=True)
        after = TextField(null=True)
        note = TextField(default="")

        class Meta:
            database = db
            table_name = "audit_entry"
            indexes = ((("table_name", "row_id"), False),)

    db.create_tables([AuditEntry])

    class CalendarRevision(Model):
        revision = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "calendar_revision"

    db.create_tables([CalendarRevision])

    class Case(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        process = CharField(max_length=32)
        fiscal_year = IntegerField()
        seq = IntegerField()
        number = CharField(max_length=64)
        title = CharField(max_length=500, default="")
        requester = CharField(max_length=300, default="")
        received_on = DateField()
        current_step = CharField(max_length=32)
        status = CharField(max_length=16, default="open")
        result = CharField(max_length=16, default="")
        assignee_id = IntegerField(null=True)
        holder_user_id = IntegerField(null=True)
        holder_roles = CharField(max_length=100, default="")
        holder_label = CharField(max_length=300, default="")
        allowed_days = IntegerField(null=True)
        paused_days = IntegerField(default=0)
        paused_since = DateField(null=True)
        due_on = DateField(null=True)
        closed_on = DateField(null=True)
        opened_by = IntegerField(null=True)
        search_text = TextField(default="")

        class Meta:
            database = db
            table_name = "work_case"
            indexes = (
                (("process", "fiscal_year", "seq"), True),
                (("process", "received_on"), False),
                (("process", "status", "due_on"), False),
                (("process", "current_step"), False),
                (("process", "closed_on"), False),
                (("process", "due_on"), False),
                (("process", "title"), False),
                (("process", "requester"), False),
                (("status", "due_on"), False),
                (("holder_user_id", "status"), False),
                (("assignee_id", "status"), False),
            )

    db.create_tables([Case])

    class CaseStep(Model):
        case = ForeignKeyField(Case, on_delete="CASCADE")
        at = DateTimeField()
        on_date = DateField()
        step = CharField(max_length=32)
        outcome = CharField(max_length=32)
        kind = CharField(max_length=16)
        to_step = CharField(max_length=32, default="")
        actor_id = IntegerField(null=True)
        actor_name = CharField(max_length=200, default="")
        signatory_id = IntegerField(null=True)
        signatory_name = CharField(max_length=300, default="")
        comment = TextField(default="")
        data = TextField(default="{}")
        attachment_ids = CharField(max_length=500, default="")

        class Meta:
            database = db
            table_name = "case_step"
            indexes = ((("case", "at"), False),)

    db.create_tables([CaseStep])

    class Committee(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        name = CharField(max_length=300)
        kind = CharField(max_length=32, default="other")
        order_ref = CharField(max_length=200, default="")
        appointed_on = DateField(null=True)
        active = BooleanField(default=True)

        class Meta:
            database = db
            table_name = "committee"

    db.create_tables([Committee])

    class CommitteeMember(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        committee = ForeignKeyField(Committee, on_delete="CASCADE")
        full_name = CharField(max_length=200)
        position = CharField(max_length=300, default="")
        role = CharField(max_length=32, default="member")
        user_id = IntegerField(null=True)
        sort_order = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "committee_member"

    db.create_tables([CommitteeMember])

    class CustomWord(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        word = CharField(unique=True, max_length=100)
        note = CharField(max_length=300, default="")

        class Meta:
            database = db
            table_name = "custom_word"

    db.create_tables([CustomWord])

    class Signatory(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        title = CharField(max_length=200)
        full_name = CharField(max_length=200)
        position = CharField(max_length=300, default="")
        signature_attachment_id = IntegerField(null=True)
        sort_order = IntegerField(default=0)
        active = BooleanField(default=True)

        class Meta:
            database = db
            table_name = "signatory"

    db.create_tables([Signatory])

    class DataRequest(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, unique=True, on_delete="CASCADE")
        organisation = CharField(index=True, max_length=300)
        parent_body = CharField(max_length=300, default="")
        addressee = CharField(max_length=300, default="")
        contact_name = CharField(max_length=200, default="")
        contact_phone = CharField(max_length=100, default="")
        contact_email = CharField(max_length=200, default="")
        address = TextField(default="")
        delivery_method = CharField(max_length=16, default="email")
        paperless_no = CharField(max_length=64, default="")
        paperless_date = DateField(null=True)
        purpose = TextField(default="")
        scope = TextField(default="")
        c_rules = BooleanField(default=False)
        c_purpose = BooleanField(default=False)
        c_scope = BooleanField(default=False)
        c_owner = BooleanField(default=False)
        eligible = BooleanField(null=True)
        eligibility_reasons = TextField(default="")
        data_description = CharField(max_length=500, default="")
        cover_note = TextField(default="")
        signatory = ForeignKeyField(Signatory, null=True, on_delete="SET NULL")
        approved_on = DateField(null=True)
        letter_number_id = IntegerField(null=True)
        letter_no = CharField(index=True, max_length=100, default="")
        letter_date = DateField(null=True)
        sent_on = DateField(index=True, null=True)
        sent_method = CharField(max_length=16, default="")
        sent_ref = CharField(max_length=200, default="")
        contacted_on = DateField(null=True)
        contact_note = TextField(default="")
        summary = TextField(default="")

        class Meta:
            database = db
            table_name = "data_request"

    db.create_tables([DataRequest])

    class DocumentCounter(Model):
        kind = CharField(max_length=64)
        year = IntegerField()
        last_number = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "document_counter"
            indexes = ((("kind", "year"), True),)

    db.create_tables([DocumentCounter])

    class IssuedNumber(Model):
        kind = CharField(max_length=64)
        year = IntegerField()
        number = IntegerField()
        formatted = CharField(max_length=200)
        issued_on = DateField()
        subject = TextField(default="")
        owner_table = CharField(max_length=64, default="")
        owner_id = IntegerField(null=True)
        issued_at = DateTimeField()
        issued_by = IntegerField(null=True)

        class Meta:
            database = db
            table_name = "issued_number"
            indexes = ((("kind", "year", "number"), True), (("owner_table", "owner_id"), False))

    db.create_tables([IssuedNumber])

    class TicketCategory(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        name = CharField(unique=True, max_length=200)
        days = IntegerField(default=1)
        description = TextField(default="")
        active = BooleanField(default=True)
        sort_order = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "ticket_category"

    db.create_tables([TicketCategory])

    class RepairTicket(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, unique=True, on_delete="CASCADE")
        paperless_no = CharField(max_length=100, default="")
        paperless_date = DateField(null=True)
        doc_kind = CharField(max_length=16, default="memo")
        unit = ForeignKeyField(Unit, null=True, on_delete="SET NULL")
        requester_name = CharField(max_length=200, default="")
        requester_phone = CharField(max_length=100, default="")
        asset = ForeignKeyField(Asset, null=True, on_delete="SET NULL")
        category = ForeignKeyField(TicketCategory, on_delete="RESTRICT")
        description = TextField(default="")
        deadline_days = IntegerField(null=True)
        deadline_category = IntegerField(null=True)
        estimate_days = IntegerField(null=True)
        loaner_waiver = TextField(default="")
        loaner_waived_by = IntegerField(null=True)
        loaner_waived_on = DateField(null=True)
        cause = TextField(default="")
        work_done = TextField(default="")
        parts = TextField(default="")
        cost = DecimalField(null=True, max_digits=12, decimal_places=2)
        outside_vendor = ForeignKeyField(Vendor, null=True, on_delete="SET NULL")
        repair_result = CharField(max_length=32, default="")
        repaired_on = DateField(null=True)
        notified_on = DateField(null=True)
        reply_no = CharField(max_length=100, default="")
        search_text = TextField(default="")

        class Meta:
            database = db
            table_name = "repair_ticket"

    db.create_tables([RepairTicket])

    class WorkGroup(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        code = CharField(unique=True, max_length=32)
        name = CharField(max_length=200)
        short_name = CharField(max_length=50, default="")

        class Meta:
            database = db
            table_name = "work_group"

    db.create_tables([WorkGroup])

    class User(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        username = CharField(unique=True, max_length=64)
        full_name = CharField(max_length=200)
        position = CharField(max_length=300, default="")
        role = CharField(index=True, max_length=20, default="staff")
        work_group = ForeignKeyField(WorkGroup, null=True, on_delete="SET NULL")
        email = CharField(max_length=200, default="")
        phone = CharField(max_length=100, default="")
        password_hash = CharField()
        failed_logins = IntegerField(default=0)
        locked_until = DateTimeField(null=True)
        must_change_password = BooleanField(default=False)
        last_login_at = DateTimeField(null=True)
        active = BooleanField(default=True)

        class Meta:
            database = db
            table_name = "app_user"

    db.create_tables([User])

    class Loan(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        loaner = ForeignKeyField(Asset, on_delete="RESTRICT")
        ticket = ForeignKeyField(RepairTicket, null=True, on_delete="SET NULL")
        borrower_name = CharField(max_length=200)
        borrower_position = CharField(max_length=300, default="")
        borrower_unit = ForeignKeyField(Unit, null=True, on_delete="SET NULL")
        purpose = CharField(max_length=500, default="")
        lent_on = DateField(index=True)
        due_back = DateField(index=True)
        lent_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
        condition_out = TextField(default="")
        returned_on = DateField(index=True, null=True)
        received_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
        condition_in = TextField(default="")
        notes = TextField(default="")

        class Meta:
            database = db
            table_name = "loan"

    db.create_tables([Loan])

    class MaintenancePlan(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        fiscal_year = IntegerField(unique=True)
        title = CharField(max_length=300)
        notes = TextField(default="")

        class Meta:
            database = db
            table_name = "maintenance_plan"

    db.create_tables([MaintenancePlan])

    class MaintenanceTask(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        plan = ForeignKeyField(MaintenancePlan, on_delete="CASCADE")
        title = CharField(max_length=300)
        description = TextField(default="")
        asset = ForeignKeyField(Asset, null=True, on_delete="RESTRICT")
        category = ForeignKeyField(AssetCategory, null=True, on_delete="RESTRICT")
        kind = CharField(max_length=32, default="")
        schedule = CharField(max_length=16, default="monthly")
        day_of_month = IntegerField(default=15)
        dates = TextField(default="[]")
        assignee = ForeignKeyField(User, null=True, on_delete="SET NULL")
        active = BooleanField(default=True)

        class Meta:
            database = db
            table_name = "maintenance_task"

    db.create_tables([MaintenanceTask])

    class MaintenanceRecord(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        task = ForeignKeyField(MaintenanceTask, on_delete="CASCADE")
        due_on = DateField()
        done_on = DateField(index=True)
        done_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
        result = CharField(max_length=16, default="normal")
        findings = TextField(default="")
        assets_checked = IntegerField(default=0)
        asset = ForeignKeyField(Asset, null=True, on_delete="SET NULL")
        follow_up_ticket = ForeignKeyField(RepairTicket, null=True, on_delete="SET NULL")

        class Meta:
            database = db
            table_name = "maintenance_record"
            indexes = ((("task", "due_on"), True),)

    db.create_tables([MaintenanceRecord])

    class NumberSeries(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        kind = CharField(unique=True, max_length=64)
        label = CharField(max_length=200)
        prefix = CharField(max_length=100, default="")
        pattern = CharField(max_length=100, default="{prefix}/{number}")
        reset = CharField(max_length=16, default="year")
        width = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "number_series"

    db.create_tables([NumberSeries])

    class OfficeDay(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        day = DateField(unique=True)
        kind = CharField(max_length=16, default="closed")
        name = CharField(max_length=300)

        class Meta:
            database = db
            table_name = "office_day"

    db.create_tables([OfficeDay])

    class Organisation(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        name = CharField(max_length=300)
        short_name = CharField(max_length=50, default="")
        division = CharField(max_length=300, default="")
        mission = CharField(max_length=300, default="")
        mission_short = CharField(max_length=50, default="")
        address = TextField(default="")
        phone = CharField(max_length=100, default="")
        fax = CharField(max_length=100, default="")
        email = CharField(max_length=200, default="")
        website = CharField(max_length=200, default="")
        emblem_attachment_id = IntegerField(null=True)
        is_demo = BooleanField(default=False)

        class Meta:
            database = db
            table_name = "organisation"

    db.create_tables([Organisation])

    class Publication(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        case = ForeignKeyField(Case, unique=True, on_delete="CASCADE")
        unit = ForeignKeyField(Unit, null=True, on_delete="SET NULL")
        contact_name = CharField(max_length=200, default="")
        paperless_no = CharField(max_length=64, default="")
        paperless_date = DateField(null=True)
        criteria_rules = BooleanField(default=False)
        criteria_chain = BooleanField(default=False)
        menu = CharField(max_length=300, default="")
        url = CharField(max_length=500, default="")
        published_on = DateField(index=True, null=True)
        check_position = BooleanField(default=False)
        check_fonts = BooleanField(default=False)
        check_downloads = BooleanField(default=False)
        verified_on = DateField(null=True)
        notified_on = DateField(null=True)
        notify_note = CharField(max_length=500, default="")
        summary = TextField(default="")

        class Meta:
            database = db
            table_name = "publication"

    db.create_tables([Publication])

    class Setting(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        key = CharField(unique=True, max_length=100)
        value = TextField()

        class Meta:
            database = db
            table_name = "setting"

    db.create_tables([Setting])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("setting"))
    migrator.migrate(migrator.drop_table("publication"))
    migrator.migrate(migrator.drop_table("organisation"))
    migrator.migrate(migrator.drop_table("office_day"))
    migrator.migrate(migrator.drop_table("number_series"))
    migrator.migrate(migrator.drop_table("maintenance_record"))
    migrator.migrate(migrator.drop_table("maintenance_task"))
    migrator.migrate(migrator.drop_table("maintenance_plan"))
    migrator.migrate(migrator.drop_table("loan"))
    migrator.migrate(migrator.drop_table("app_user"))
    migrator.migrate(migrator.drop_table("work_group"))
    migrator.migrate(migrator.drop_table("repair_ticket"))
    migrator.migrate(migrator.drop_table("ticket_category"))
    migrator.migrate(migrator.drop_table("issued_number"))
    migrator.migrate(migrator.drop_table("document_counter"))
    migrator.migrate(migrator.drop_table("data_request"))
    migrator.migrate(migrator.drop_table("signatory"))
    migrator.migrate(migrator.drop_table("custom_word"))
    migrator.migrate(migrator.drop_table("committee_member"))
    migrator.migrate(migrator.drop_table("committee"))
    migrator.migrate(migrator.drop_table("case_step"))
    migrator.migrate(migrator.drop_table("work_case"))
    migrator.migrate(migrator.drop_table("calendar_revision"))
    migrator.migrate(migrator.drop_table("audit_entry"))
    migrator.migrate(migrator.drop_table("attachment"))
    migrator.migrate(migrator.drop_table("asset"))
    migrator.migrate(migrator.drop_table("unit"))
    migrator.migrate(migrator.drop_table("vendor"))
    migrator.migrate(migrator.drop_table("asset_category"))
