"""Signing and verifying through the domain: the office's trusted certificates kept in the
database, the timestamp server setting (B-T), refusals as Thai ``ValidationError``s."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import peewee
import pytest

from models import settings
from models.errors import PermissionDenied, ValidationError
from models.signing import digital, trust
from reports.memo import Memo, Paragraph
from tests.process_office import Office, make_office
from tests.unit.signing.testca import make_ca, make_user


@pytest.fixture
def office(sql_db: peewee.Database) -> Iterator[Office]:
    yield make_office()


def _pdf() -> bytes:
    from models.engine.reporting import render_document

    memo = Memo(
        department="ภทส.",
        number="ภทส./",
        date=dt.date(2026, 11, 23),
        subject="ทดสอบ",
        recipient="ผู้อำนวยการ",
        body=[Paragraph("ข้อความ")],
        signer_name="นายสมชาย ใจดี",
        signer_position="นักวิชาการคอมพิวเตอร์",
    )
    return render_document(memo)


def test_trusted_certificates_in_the_database(office: Office) -> None:
    somchai, admin = office["somchai"], office["sysadmin"]
    ca = make_ca()
    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "pw")
    pdf = _pdf()
    signed = digital.sign_document(somchai, pdf, p12, "pw", reason="เสนอ")
    (report,) = digital.verify_document(signed)
    assert report.field == "signer" and not report.trusted

    with pytest.raises(PermissionDenied):
        trust.add_trusted_certificate(somchai, ca.pem)
    with pytest.raises(ValidationError) as err:
        trust.add_trusted_certificate(admin, b"-----BEGIN CERTIFICATE-----\nnope\n")
    assert "certificate" in err.value.errors
    (row,) = trust.add_trusted_certificate(admin, ca.pem, note="CA ของสำนักงาน")
    assert trust.add_trusted_certificate(admin, ca.pem) == [], "not added twice"
    assert row.subject == "Common Name: ICT Desk Test CA"
    (report,) = digital.verify_document(signed)
    assert report.ok
    trust.remove_trusted_certificate(admin, row)
    (report,) = digital.verify_document(signed)
    assert not report.trusted


def test_refusals(office: Office) -> None:
    somchai, admin = office["somchai"], office["sysadmin"]
    ca = make_ca()
    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "pw")
    pdf = _pdf()
    with pytest.raises(ValidationError, match="รหัสผ่านไม่ถูกต้อง"):
        digital.sign_document(somchai, pdf, p12, "ผิด")
    with pytest.raises(PermissionDenied):
        digital.sign_document(None, pdf, p12, "pw")
    with pytest.raises(ValidationError, match="PDF"):
        digital.sign_document(somchai, b"not a pdf", p12, "pw")
    with pytest.raises(ValidationError, match="PDF"):
        digital.verify_document(b"not a pdf")
    # B-T: the timestamp server set in settings is asked; unreachable -> nothing signed
    settings.put(admin, trust.TIMESTAMP_URL, "http://127.0.0.1:9/tsa")
    assert trust.timestamp_url() == "http://127.0.0.1:9/tsa"
    with pytest.raises(ValidationError, match="ตราประทับเวลา"):
        digital.sign_document(somchai, pdf, p12, "pw")
