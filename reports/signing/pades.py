"""Digital signatures on a PDF with pyHanko: PAdES baseline B-B, or B-T when a timestamp server
is given, each signature an incremental update so earlier ones stay valid.

The first signer of a document the app made also adds the document's empty signature fields
(``SignatureField``s from the document engine: the signer's block, then each opinion block), so
later signers sign in those blocks, in their order. A signer with no empty block left (the Deputy
Director on a memo, a received PDF) gets an invisible signature.

The visible appearance is drawn with the document's own Thai text engine (pyHanko's stamp fonts
have no Thai): "ลงนามแบบดิจิทัลโดย ..." and the time, small, at the top of the block.
"""

from __future__ import annotations

import binascii
import datetime as dt
import hashlib
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reports.errors import DocumentInputError
from reports.signing.fields import SignatureField
from reports.thaifmt import date_long, digits

STAMP_SIZE = 8.0


class SigningError(DocumentInputError):
    """The PDF could not be signed (a Thai message); nothing was written."""


@dataclass(frozen=True)
class Credentials:
    """A signer's key and certificate from a PKCS#12 file."""

    signer: Any  # pyhanko.sign.signers.SimpleSigner
    name: str  # the certificate's subject, e.g. its common name
    not_after: dt.datetime


def load_pkcs12(data: bytes, password: str) -> Credentials:
    """Open a .p12/.pfx with its password; a wrong password or a file that is not PKCS#12 gives
    a Thai ``SigningError``."""
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign import signers

    try:
        key, cert, _others = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except ValueError as exc:
        raise SigningError(
            "เปิดใบรับรองไม่ได้: รหัสผ่านไม่ถูกต้อง หรือไฟล์ไม่ใช่ใบรับรองแบบ PKCS#12 (.p12/.pfx)",
            "password",
        ) from exc
    if key is None or cert is None:
        raise SigningError("ไฟล์ใบรับรองนี้ไม่มีกุญแจส่วนตัวสำหรับลงนาม", "certificate")
    signer = signers.SimpleSigner.load_pkcs12_data(data, [], passphrase=password.encode("utf-8"))
    names = cert.subject.get_attributes_for_oid(_common_name_oid())
    name = str(names[0].value) if names else cert.subject.rfc4514_string()
    return Credentials(signer, name, cert.not_valid_after_utc)


def _common_name_oid() -> Any:
    from cryptography.x509.oid import NameOID

    return NameOID.COMMON_NAME


def stamp_pdf(width: float, height: float, name: str, when: dt.datetime, thai: bool) -> bytes:
    """A one-page PDF the size of the block: the appearance of the signature."""
    from reportlab.pdfgen.canvas import Canvas

    from reports import fonts
    from reports.textflow import draw_text

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    fonts.doc_font("regular")
    lines = [
        "ลงนามแบบดิจิทัลโดย " + name,
        digits(f"{date_long(when.date(), thai=thai)} เวลา {when:%H:%M} น.", thai),
    ]
    y = height - STAMP_SIZE * 1.2
    canvas.setFillColorRGB(0.1, 0.2, 0.55)
    for line in lines:
        draw_text(canvas, width / 2, y, line, size=STAMP_SIZE, align="center")
        y -= STAMP_SIZE * 1.25
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _stamp_style(pdf: bytes) -> Any:
    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.stamp import StaticStampStyle

    class _PageBytes(PdfContent):
        """``ImportedPdfPage`` from bytes instead of a file name."""

        def render(self) -> bytes:
            writer = self._ensure_writer
            xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(pdf)), page_ix=0)
            resource = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
            self.resources.xobject[resource.decode("ascii")] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return bytes(resource + b" Do")

    return StaticStampStyle(background=_PageBytes(), border_width=0)


def _points(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    x1, y1, x2, y2 = (round(v) for v in box)
    return x1, y1, x2, y2


def _open(pdf: bytes) -> Any:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError

    try:
        return IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, IndexError) as exc:
        raise SigningError("อ่านไฟล์ PDF ที่จะลงนามไม่ได้ (ไฟล์เสียหรือไม่ใช่ PDF)", "pdf") from exc


def empty_fields(pdf: bytes) -> list[str]:
    """Names of the PDF's signature fields nobody has signed yet, in the document's order."""
    from pyhanko.sign.fields import enumerate_sig_fields

    writer = _open(pdf)
    return [name for name, _value, _ref in enumerate_sig_fields(writer, filled_status=False)]


def signed_fields(pdf: bytes) -> list[str]:
    from pyhanko.sign.fields import enumerate_sig_fields

    writer = _open(pdf)
    return [name for name, _value, _ref in enumerate_sig_fields(writer, filled_status=True)]


def _field_box(writer: Any, name: str) -> tuple[float, float] | None:
    from pyhanko.sign.fields import enumerate_sig_fields

    for _name, _value, ref in enumerate_sig_fields(writer, with_name=name):
        field = ref.get_object()
        rect = field.get("/Rect")
        if rect is None and "/Kids" in field:
            rect = field["/Kids"][0].get_object().get("/Rect")
        if rect is None:
            return None
        x1, y1, x2, y2 = (float(v) for v in rect)
        width, height = abs(x2 - x1), abs(y2 - y1)
        return (width, height) if width > 1 and height > 1 else None
    return None


def sign_pdf(
    pdf: bytes,
    credentials: Credentials,
    *,
    fields: Sequence[SignatureField] = (),
    field_name: str | None = None,
    timestamp_url: str = "",
    timestamper: Any = None,
    reason: str = "",
    location: str = "",
    when: dt.datetime,
    thai_digits: bool = True,
) -> bytes:
    """``pdf`` with one more signature by ``credentials``: in ``field_name``, else the first
    empty signature field, else an invisible one. ``fields`` are the document's signature blocks,
    added (empty) by the first signer. B-T when ``timestamp_url`` (or a ``timestamper``) is given.
    """
    from pyhanko.sign import fields as sig_fields
    from pyhanko.sign import signers
    from pyhanko.sign.timestamps import HTTPTimeStamper, TimestampRequestError

    if credentials.not_after < when.astimezone(dt.UTC):
        raise SigningError(
            f"ใบรับรองของ {credentials.name} หมดอายุแล้ว จึงใช้ลงนามไม่ได้",
            "certificate",
        )
    writer = _open(pdf)
    existing = [name for name, _v, _r in sig_fields.enumerate_sig_fields(writer)]
    if not existing:
        for spec in fields:
            sig_fields.append_signature_field(
                writer,
                sig_fields.SigFieldSpec(spec.name, on_page=spec.page - 1, box=_points(spec.box)),
            )
    empty = [n for n, _v, _r in sig_fields.enumerate_sig_fields(writer, filled_status=False)]
    new_field: Any = None
    if field_name is not None:
        if field_name not in empty:
            taken = field_name in existing or any(f.name == field_name for f in fields)
            raise SigningError(
                (
                    "ช่องลงนาม “{name}” มีผู้ลงนามแล้ว" if taken else "ไม่มีช่องลงนาม “{name}” ในเอกสารนี้"
                ).format(name=field_name),
                "field",
            )
        target = field_name
    elif empty:
        target = empty[0]
    else:
        target = f"Signature{len(existing) + 1}"
        while target in existing:
            target += "_"
        new_field = sig_fields.SigFieldSpec(target)  # invisible: no block left to sign in
    size = _field_box(writer, target) if new_field is None else None
    style = None
    if size is not None:
        style = _stamp_style(stamp_pdf(*size, credentials.name, when, thai_digits))
    if timestamper is None and timestamp_url:
        timestamper = HTTPTimeStamper(timestamp_url, timeout=15)
    meta = signers.PdfSignatureMetadata(
        field_name=target,
        md_algorithm="sha256",
        subfilter=sig_fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
        name=credentials.name,
    )
    signer = signers.PdfSigner(
        meta,
        signer=credentials.signer,
        timestamper=timestamper,
        stamp_style=style,
        new_field_spec=new_field,
    )
    out = io.BytesIO()
    try:
        signer.sign_pdf(writer, output=out)
    except TimestampRequestError as exc:
        raise SigningError(
            "ขอตราประทับเวลาจากเครื่องให้บริการ {url} ไม่ได้ จึงยังไม่ได้ลงนาม ({detail})".format(
                url=timestamp_url or "-", detail=exc
            ),
            "timestamp_url",
        ) from exc
    except OSError as exc:  # the timestamp server cannot be reached
        raise SigningError(
            "ติดต่อเครื่องให้บริการตราประทับเวลา {url} ไม่ได้ จึงยังไม่ได้ลงนาม ({detail})".format(
                url=timestamp_url or "-", detail=exc
            ),
            "timestamp_url",
        ) from exc
    return out.getvalue()


def add_signature_fields(pdf: bytes, fields: Sequence[SignatureField]) -> bytes:
    """``pdf`` with its signature blocks as empty signature fields (one incremental update), so
    whoever signs it later, in the window or elsewhere, signs in the right block. Unchanged when
    there are no fields or the PDF already has signature fields."""
    from pyhanko.pdf_utils import generic
    from pyhanko.sign import fields as sig_fields

    if not fields:
        return pdf
    writer = _open(pdf)
    if any(True for _field in sig_fields.enumerate_sig_fields(writer)):
        return pdf
    for spec in fields:
        sig_fields.append_signature_field(
            writer, sig_fields.SigFieldSpec(spec.name, on_page=spec.page - 1, box=_points(spec.box))
        )
    # pyHanko gives every update a random second ID and a ModDate of the moment; the ID derived
    # from the content and the metadata left as rendered, the same document printed twice is the
    # same bytes (the outgoing register keeps one copy)
    writer._update_meta = lambda: None
    first_id = writer._document_id[0]
    writer._document_id = generic.ArrayObject(
        [first_id, generic.ByteStringObject(hashlib.sha256(pdf).digest()[:16])]
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
