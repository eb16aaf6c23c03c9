"""signature images and placements, trusted certificates, outgoing document register"""

# Generated from a schema diff on 2026-12-02 06:27.
from peewee import *


def up(migrator, db):
    class Case(Model):
        class Meta:
            database = db
            table_name = "work_case"

    class CaseStep(Model):
        class Meta:
            database = db
            table_name = "case_step"

    class User(Model):
        class Meta:
            database = db
            table_name = "app_user"

    class OutgoingDocument(Model):
        number = CharField(unique=True, max_length=200)
        doc_date = DateField(index=True)
        subject = TextField()
        recipient = CharField(max_length=500, default="")
        signers = CharField(max_length=1000, default="")
        kind = CharField(max_length=32, default="")
        file_name = CharField()
        pdf = BlobField()
        sha256 = CharField(index=True, max_length=64)
        size = IntegerField()
        signed = BooleanField(default=False)
        case = ForeignKeyField(Case, null=True, on_delete="SET NULL")
        kept_at = DateTimeField()
        kept_by = IntegerField(null=True)

        class Meta:
            database = db
            table_name = "outgoing_document"

    db.create_tables([OutgoingDocument])

    class SignatureImage(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        user = ForeignKeyField(User, unique=True, on_delete="CASCADE")
        image = BlobField()
        sha256 = CharField(max_length=64)
        original_name = CharField(default="")

        class Meta:
            database = db
            table_name = "signature_image"

    db.create_tables([SignatureImage])

    class SignaturePlacement(Model):
        case = ForeignKeyField(Case, on_delete="CASCADE")
        document = CharField(max_length=32)
        slot = CharField(max_length=32)
        user = ForeignKeyField(User, on_delete="CASCADE")
        step = ForeignKeyField(CaseStep, on_delete="CASCADE")
        signed_on = DateField()
        placed_at = DateTimeField()

        class Meta:
            database = db
            table_name = "signature_placement"
            indexes = ((("case", "document", "slot"), True),)

    db.create_tables([SignaturePlacement])

    class TrustedCertificate(Model):
        version = IntegerField(default=1)
        created_at = DateTimeField()
        modified_at = DateTimeField()
        modified_by = IntegerField(null=True)
        subject = CharField(max_length=500)
        sha256 = CharField(unique=True, max_length=64)
        pem = TextField()
        note = CharField(max_length=300, default="")

        class Meta:
            database = db
            table_name = "trusted_certificate"

    db.create_tables([TrustedCertificate])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("trusted_certificate"))
    migrator.migrate(migrator.drop_table("signature_placement"))
    migrator.migrate(migrator.drop_table("signature_image"))
    migrator.migrate(migrator.drop_table("outgoing_document"))
