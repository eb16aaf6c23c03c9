"""Digital signatures (pyHanko, PAdES): with a test CA and users' certificates made in the test.
Sign -> verifies; one byte changed -> modified; two signers in order, each in their block; an
untrusted CA -> untrusted; a wrong password -> a Thai message; B-T with a timestamp."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber
import pytest

from reports.memo import Memo, OpinionBlock, Paragraph, render_memo
from reports.signing.fields import SignatureField, collect
from reports.signing.pades import SigningError, empty_fields, load_pkcs12, sign_pdf, signed_fields
from reports.signing.verify import VerificationError, verify_pdf
from tests.unit.signing.testca import CertificateAuthority, make_ca, make_user

WHEN = dt.datetime(2026, 11, 23, 10, 30)


@pytest.fixture(scope="module")
def ca() -> CertificateAuthority:
    return make_ca()


def memo() -> Memo:
    return Memo(
        department="ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร โทร. 1234",
        number="ภทส. 045/2569",
        date=dt.date(2026, 11, 23),
        subject="ขอความเห็นชอบจัดซื้อเครื่องคอมพิวเตอร์แม่ข่าย",
        recipient="รองผู้อำนวยการ (ในกำกับ)",
        body=[Paragraph("ด้วยภารกิจเทคโนโลยีสารสนเทศและการสื่อสารมีความจำเป็นต้องจัดซื้อเครื่องแม่ข่าย")],
        signer_name="นายสมชาย ใจดี",
        signer_position="นักวิชาการคอมพิวเตอร์",
        opinions=[OpinionBlock("ความเห็นของ หน.ภทส.", signer_name="นางสาวพรทิพย์ วงศ์สุวรรณ")],
    )


def rendered() -> tuple[bytes, list[SignatureField]]:
    with collect() as fields:
        pdf = render_memo(memo())
    return pdf, fields


def _line_top(pdf: bytes, text: str) -> float:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for line in doc.pages[0].extract_text_lines():
            if text in "".join(line["text"].split()):
                return float(doc.pages[0].height - line["bottom"])
    raise AssertionError(text)


def test_the_engine_reports_each_signature_block_above_its_name() -> None:
    pdf, fields = rendered()
    assert [f.name for f in fields] == ["signer", "opinion1"]
    signer, opinion = fields
    assert signer.page == opinion.page == 1
    name_bottom = _line_top(pdf, "(นายสมชายใจดี)")
    x1, y1, _x2, y2 = signer.box
    assert y1 >= name_bottom and y2 - y1 > 40 and x1 > 250, "the blank lines above the name"
    assert opinion.box[3] < y1, "the head's block is below the signer's"
    with collect() as again:
        render_memo(memo())
    assert again == fields, "the same document, the same blocks"


def test_sign_then_verify(ca: CertificateAuthority) -> None:
    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "รหัส-1234")
    pdf, fields = rendered()
    signed = sign_pdf(pdf, load_pkcs12(p12, "รหัส-1234"), fields=fields, when=WHEN)
    assert signed.startswith(pdf), "an incremental update: the document's bytes stay first"
    (report,) = verify_pdf(signed, [ca.pem])
    assert report.field == "signer" and report.signer == "นายสมชาย ใจดี"
    assert report.issuer == "ICT Desk Test CA"
    assert report.ok and report.intact and report.unmodified and report.trusted
    assert report.status_text() == "ถูกต้อง" and not report.timestamped
    assert report.signed_at is not None
    assert empty_fields(signed) == ["opinion1"] and signed_fields(signed) == ["signer"]
    # the visible signature sits in the block (the widget's rectangle is the block)
    with pdfplumber.open(io.BytesIO(signed)) as doc:
        widgets = [a for a in doc.pages[0].annots if a.get("data", {}).get("FT") is not None]
        rects = sorted(tuple(round(float(v)) for v in w["data"]["Rect"]) for w in widgets)
    assert rects == sorted(tuple(round(v) for v in f.box) for f in fields)
    # the document's text is unchanged by signing
    assert _line_top(signed, "(นายสมชายใจดี)") == _line_top(pdf, "(นายสมชายใจดี)")


def test_one_byte_changed_is_reported_as_modified(ca: CertificateAuthority) -> None:
    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "pw")
    pdf, fields = rendered()
    signed = bytearray(sign_pdf(pdf, load_pkcs12(p12, "pw"), fields=fields, when=WHEN))
    at = signed.index(b"ICT Desk")  # the document's author, inside the signed bytes
    signed[at + 4] = ord("X")
    (report,) = verify_pdf(bytes(signed), [ca.pem])
    assert not report.intact and not report.ok
    assert "ถูกแก้ไขหลังลงนาม" in report.status_text()


def test_content_added_after_signing_is_reported_as_modified(ca: CertificateAuthority) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "pw")
    pdf, fields = rendered()
    signed = sign_pdf(pdf, load_pkcs12(p12, "pw"), fields=fields, when=WHEN)
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.root["/Lang"] = generic.TextStringObject("en")  # a later change of the document
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    (report,) = verify_pdf(out.getvalue(), [ca.pem])
    assert report.intact and not report.unmodified and not report.ok
    assert report.status_text() == "เอกสารถูกแก้ไขหลังลงนาม"


def test_two_signers_in_order_each_in_their_block(ca: CertificateAuthority) -> None:
    staff, _c1, _k1 = make_user(ca, "นายสมชาย ใจดี", "one")
    head, _c2, _k2 = make_user(ca, "พรทิพย์ วงศ์สุวรรณ", "two")
    deputy, _c3, _k3 = make_user(ca, "นางมาลินี ศรีสุข", "three")
    pdf, fields = rendered()
    first = sign_pdf(pdf, load_pkcs12(staff, "one"), fields=fields, when=WHEN)
    second = sign_pdf(first, load_pkcs12(head, "two"), when=WHEN)
    third = sign_pdf(second, load_pkcs12(deputy, "three"), when=WHEN)
    assert second.startswith(first) and third.startswith(second)
    reports = verify_pdf(third, [ca.pem])
    assert [(r.field, r.signer) for r in reports] == [
        ("signer", "นายสมชาย ใจดี"),
        ("opinion1", "พรทิพย์ วงศ์สุวรรณ"),
        ("Signature3", "นางมาลินี ศรีสุข"),  # no block left: invisible
    ]
    assert all(r.ok for r in reports)
    assert [r.whole_file for r in reports] == [False, False, True]
    with pytest.raises(SigningError, match="มีผู้ลงนามแล้ว"):
        sign_pdf(third, load_pkcs12(head, "two"), field_name="opinion1", when=WHEN)


def test_a_certificate_from_an_untrusted_ca_is_reported_untrusted(ca: CertificateAuthority) -> None:
    stranger_ca = make_ca("Somebody Else CA")
    p12, _cert, _key = make_user(stranger_ca, "นายปลอม ลายเซ็น", "pw")
    pdf, fields = rendered()
    signed = sign_pdf(pdf, load_pkcs12(p12, "pw"), fields=fields, when=WHEN)
    (report,) = verify_pdf(signed, [ca.pem])
    assert report.intact and report.unmodified and not report.trusted and not report.ok
    assert "ไม่ได้ออกโดยหน่วยงานที่สำนักงานเชื่อถือ" in report.status_text()
    (nothing_trusted,) = verify_pdf(signed, [])
    assert not nothing_trusted.trusted
    (trusted_now,) = verify_pdf(signed, [ca.pem, stranger_ca.pem])
    assert trusted_now.ok


def test_a_wrong_password_gives_a_thai_message(ca: CertificateAuthority) -> None:
    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "right")
    with pytest.raises(SigningError, match="รหัสผ่านไม่ถูกต้อง"):
        load_pkcs12(p12, "wrong")
    with pytest.raises(SigningError, match="PKCS#12"):
        load_pkcs12(b"not a certificate", "right")


def test_an_expired_certificate_does_not_sign(ca: CertificateAuthority) -> None:
    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "pw", days=1)
    pdf, fields = rendered()
    later = dt.datetime.now() + dt.timedelta(days=3)
    with pytest.raises(SigningError, match="หมดอายุ"):
        sign_pdf(pdf, load_pkcs12(p12, "pw"), fields=fields, when=later)


def test_b_t_with_a_timestamp(ca: CertificateAuthority) -> None:
    from pyhanko.keys.internal import (
        translate_pyca_cryptography_cert_to_asn1,
        translate_pyca_cryptography_key_to_asn1,
    )
    from pyhanko.sign.timestamps import DummyTimeStamper
    from pyhanko.sign.validation import ValidationContext  # noqa: F401  (pyHanko present)

    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "pw")
    _tsa_p12, tsa_cert, tsa_key = make_user(ca, "ICT Desk Test TSA", "tsa", timestamping=True)
    stamper = DummyTimeStamper(
        tsa_cert=translate_pyca_cryptography_cert_to_asn1(tsa_cert),
        tsa_key=translate_pyca_cryptography_key_to_asn1(tsa_key),
        certs_to_embed=[],
    )
    pdf, fields = rendered()
    signed = sign_pdf(pdf, load_pkcs12(p12, "pw"), fields=fields, when=WHEN, timestamper=stamper)
    (report,) = verify_pdf(signed, [ca.pem])
    assert report.timestamped and report.ok
    assert "ตราประทับเวลา" in report.time_text()


def test_not_a_pdf() -> None:
    with pytest.raises(VerificationError, match="PDF"):
        verify_pdf(b"hello", [])
    assert verify_pdf(render_memo(memo()), []) == [], "an unsigned PDF has no signatures"


def test_a_certificate_for_digital_signature_only_is_valid(ca: CertificateAuthority) -> None:
    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "pw", non_repudiation=False)
    pdf, fields = rendered()
    (report,) = verify_pdf(
        sign_pdf(pdf, load_pkcs12(p12, "pw"), fields=fields, when=WHEN), [ca.pem]
    )
    assert report.ok, report.status_text()


def test_the_empty_fields_make_the_same_bytes_every_time() -> None:
    from reports.signing.pades import add_signature_fields

    pdf, fields = rendered()
    first = add_signature_fields(pdf, fields)
    assert first.startswith(pdf) and empty_fields(first) == ["signer", "opinion1"]
    update = first[len(pdf) :]
    assert b"/ModDate" not in update, "no time of day in the update: a reprint is the same bytes"
    assert add_signature_fields(pdf, fields) == first
    assert add_signature_fields(first, fields) == first, "fields are added once"
