"""The tables of signed documents."""

from __future__ import annotations

import peewee

from models import clock
from models.base import BaseModel, VersionedModel
from models.engine.tables import Case, CaseStep
from models.users import User


class SignatureImage(VersionedModel):
    """A user's own signature, cleaned to a transparent PNG; one per user."""

    user = peewee.ForeignKeyField(User, unique=True, on_delete="CASCADE")
    image = peewee.BlobField()
    sha256 = peewee.CharField(max_length=64)
    original_name = peewee.CharField(max_length=255, default="")


class SignaturePlacement(BaseModel):
    """A signature image its owner put on one block of a case's document, standing for the step
    they did in the app (a redone step needs placing again: the old one no longer applies)."""

    case = peewee.ForeignKeyField(Case, on_delete="CASCADE")
    document = peewee.CharField(max_length=32)  # the printable's key, e.g. "cover_note"
    slot = peewee.CharField(max_length=32)  # the block: "signer", "opinion1", ...
    user = peewee.ForeignKeyField(User, on_delete="CASCADE")
    step = peewee.ForeignKeyField(CaseStep, on_delete="CASCADE")
    signed_on = peewee.DateField()  # the step's working day: printed with the signature
    placed_at = peewee.DateTimeField(default=clock.now)

    class Meta:
        indexes = ((("case", "document", "slot"), True),)


class TrustedCertificate(VersionedModel):
    """A certificate (usually a CA's) the office trusts when verifying signed PDFs."""

    subject = peewee.CharField(max_length=500)
    sha256 = peewee.CharField(max_length=64, unique=True)
    pem = peewee.TextField()
    note = peewee.CharField(max_length=300, default="")
