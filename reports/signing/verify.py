"""Verifying the signatures of any PDF, the app's own or received, with pyHanko.

For each signature, in signing order: who signed (the certificate's subject), when (the
timestamp's time when there is one, else the time the signer's computer claimed), whether the
signed bytes are intact, whether the document was changed afterwards beyond what later signers
may add (filling signature fields), and whether the certificate chains to one the office trusts.
Nothing is fetched from the network: trust comes only from the given certificates.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reports.errors import DocumentInputError
from reports.thaifmt import date_long, digits

# pyHanko logs every untrusted chain with a traceback; the reports below say it in Thai. With a
# handler here, a command-line run prints nothing extra (the window's log file still gets them).
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())


class VerificationError(DocumentInputError):
    """The file could not be read as a PDF (a Thai message)."""


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str
    issuer: str
    signed_at: dt.datetime | None
    timestamped: bool  # the time comes from a timestamp server (PAdES B-T)
    intact: bool  # the signed bytes are unchanged (their digest matches the signed one)
    unmodified: bool  # nothing but later signatures added after this one
    trusted: bool  # the certificate chains to a certificate the office trusts
    whole_file: bool  # the signature covers the file to its last byte
    problem: str = ""  # why the signature could not be checked at all
    valid: bool = True  # the signature value checks out with the certificate, fit for signing

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.unmodified and self.trusted

    def status_text(self) -> str:
        """The status in Thai, e.g. ``ถูกต้อง`` or ``เอกสารถูกแก้ไขหลังลงนาม; ไม่อยู่ในรายการที่เชื่อถือ``."""
        if self.problem:
            return self.problem
        if self.ok:
            return "ถูกต้อง"
        problems = []
        if not self.intact:
            problems.append("เอกสารถูกแก้ไขหลังลงนาม (ลายมือชื่อไม่ตรงกับเนื้อหา)")
        elif not self.valid:
            problems.append("ลายมือชื่อไม่ถูกต้อง (ใบรับรองนี้ใช้ลงนามเอกสารไม่ได้ หรือค่าลายมือชื่อไม่ตรงกับใบรับรอง)")
        elif not self.unmodified:
            problems.append("เอกสารถูกแก้ไขหลังลงนาม")
        if self.intact and self.valid and not self.trusted:
            problems.append("ใบรับรองไม่ได้ออกโดยหน่วยงานที่สำนักงานเชื่อถือ")
        return "; ".join(problems)

    def time_text(self, thai: bool = True) -> str:
        if self.signed_at is None:
            return "ไม่ระบุเวลา"
        local = self.signed_at.astimezone(dt.timezone(dt.timedelta(hours=7)))  # เวลาประเทศไทย
        text = f"{date_long(local.date(), thai=thai)} เวลา {local:%H:%M:%S} น."
        if self.timestamped:
            text += " (ตราประทับเวลา)"
        return digits(text, thai)


def load_certificates(data: bytes) -> list[Any]:
    """asn1crypto certificates from PEM (one or more) or DER bytes; a Thai error otherwise."""
    from pyhanko.keys import load_certs_from_pemder_data

    try:
        certs = list(load_certs_from_pemder_data(data))
    except (ValueError, TypeError, KeyError) as exc:
        raise VerificationError("ไฟล์ใบรับรองต้องเป็น PEM หรือ DER (X.509)", "certificate") from exc
    if not certs:
        raise VerificationError("ไม่พบใบรับรองในไฟล์", "certificate")
    return certs


def certificate_name(data: bytes) -> str:
    """The first certificate's subject, for lists of trusted certificates."""
    cert = load_certificates(data)[0]
    return str(cert.subject.human_friendly)


def _name(cert: Any) -> str:
    try:
        common = cert.subject.native.get("common_name")
    except (ValueError, AttributeError):
        common = None
    return str(common or cert.subject.human_friendly)


def verify_pdf(pdf: bytes, trusted: Sequence[bytes]) -> list[SignatureReport]:
    """Every signature of ``pdf`` checked against the ``trusted`` certificates (PEM/DER)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    roots = [cert for data in trusted for cert in load_certificates(data)]
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise VerificationError("อ่านไฟล์ PDF ไม่ได้ (ไฟล์เสียหรือไม่ใช่ PDF)", "pdf") from exc
    reports: list[SignatureReport] = []
    # signing certificates carry digitalSignature, nonRepudiation or both (pyHanko asks for
    # nonRepudiation alone by default, which would call many real certificates invalid)
    usage = KeyUsageConstraints(
        key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
    )
    allowed = {
        ModificationLevel.NONE,
        ModificationLevel.LTA_UPDATES,
        ModificationLevel.FORM_FILLING,
    }
    for embedded in signatures:
        context = ValidationContext(
            trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
        )
        try:
            status = validate_pdf_signature(embedded, context, key_usage_settings=usage)
        except (PdfError, ValueError, KeyError, TypeError):  # a damaged signature dictionary
            reports.append(
                SignatureReport(
                    str(embedded.field_name),
                    "-",
                    "-",
                    None,
                    False,
                    False,
                    False,
                    False,
                    False,
                    problem="อ่านลายมือชื่อนี้ไม่ได้ (ข้อมูลลายมือชื่อเสียหาย)",
                )
            )
            continue
        stamp = status.timestamp_validity
        when = stamp.timestamp if stamp is not None else status.signer_reported_dt
        level = status.modification_level
        reports.append(
            SignatureReport(
                field=str(embedded.field_name),
                signer=_name(status.signing_cert),
                issuer=_name_of_issuer(status.signing_cert),
                signed_at=when,
                timestamped=stamp is not None,
                intact=bool(status.intact),
                valid=bool(status.valid),
                unmodified=bool(
                    status.intact and level in allowed and status.docmdp_ok is not False
                ),
                trusted=bool(status.trusted),
                whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
            )
        )
    return reports


def _name_of_issuer(cert: Any) -> str:
    try:
        common = cert.issuer.native.get("common_name")
    except (ValueError, AttributeError):
        common = None
    return str(common or cert.issuer.human_friendly)
