"""What the office trusts when it verifies signed PDFs: certificates (usually the CAs that issue
the staff's and partners' certificates) kept in the database, and the timestamp server used for
PAdES B-T (empty: B-B, no timestamp)."""

from __future__ import annotations

import hashlib

from models import records, settings
from models.base import Actor
from models.errors import ValidationError
from models.i18n import N_
from models.permissions import Permission, require
from models.settings import SettingDef
from models.signing.tables import TrustedCertificate
from reports.errors import DocumentInputError

TIMESTAMP_URL = "signing.timestamp_url"
settings.declare(
    SettingDef(TIMESTAMP_URL, "", N_("เครื่องให้บริการตราประทับเวลา (TSA) สำหรับลายมือชื่อดิจิทัล (URL)"))
)


def timestamp_url() -> str:
    return str(settings.get(TIMESTAMP_URL) or "").strip()


def trusted_certificates() -> list[TrustedCertificate]:
    return list(TrustedCertificate.select().order_by(TrustedCertificate.subject))


def trusted_pems() -> list[bytes]:
    return [str(row.pem).encode("ascii") for row in trusted_certificates()]


def add_trusted_certificate(
    actor: Actor | None, data: bytes, note: str = ""
) -> list[TrustedCertificate]:
    """Trust every certificate in ``data`` (PEM, one or more, or DER); one already trusted is
    not added twice."""
    from asn1crypto import pem as asn1_pem

    from reports.signing.verify import load_certificates

    require(actor, Permission.MANAGE_SETTINGS)
    try:
        certs = load_certificates(data)
    except DocumentInputError as exc:
        raise ValidationError(exc.message, {"certificate": exc.message}) from exc
    added: list[TrustedCertificate] = []
    for cert in certs:
        der = cert.dump()
        digest = hashlib.sha256(der).hexdigest()
        if TrustedCertificate.select().where(TrustedCertificate.sha256 == digest).exists():
            continue
        pem = asn1_pem.armor("CERTIFICATE", der).decode("ascii")
        added.append(
            records.create(
                actor,
                TrustedCertificate,
                subject=str(cert.subject.human_friendly)[:500],
                sha256=digest,
                pem=pem,
                note=note[:300],
            )
        )
    return added


def remove_trusted_certificate(actor: Actor | None, row: TrustedCertificate) -> None:
    require(actor, Permission.MANAGE_SETTINGS)
    records.delete(actor, row)
