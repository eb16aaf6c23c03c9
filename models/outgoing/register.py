"""The outgoing document register (ทะเบียนหนังสือส่ง).

Every numbered document the app issues is kept: number, date, subject, recipient, signer(s), the
final PDF's bytes and their SHA-256. A case's numbered letter or memo is kept each time it is
printed (the same number again replaces the kept PDF when it changed; the audit log keeps the
history); a digitally signed copy of a kept PDF replaces it (a PAdES signature is an incremental
update, so the kept bytes are the signed file's first bytes: that is how it is recognised).
Opening a kept document checks its SHA-256 and gives back exactly the bytes kept. A number the
app issued whose document has not been printed yet is listed too (ยังไม่ได้เก็บไฟล์), so the
register never misses a number.

Printable as the register ``outgoing`` (``print-register outgoing``) and exported to .xlsx.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from models import clock, records
from models.base import Actor, BaseModel
from models.engine.reporting import on_case_documents
from models.engine.tables import Case
from models.errors import NotFound, ValidationError
from models.i18n import N_, _, document_language
from models.numbering import IssuedNumber
from models.permissions import Permission, require
from models.registers import RegisterColumn, RegisterDef, declare_register
from reports.thaifmt import date_short

SEARCH_BACK = 500  # kept documents looked at when a signed copy comes back
OUTGOING_SERIES = ("outgoing_letter",)  # number series of documents sent out by the app


class OutgoingDocument(BaseModel):
    number = peewee.CharField(max_length=200, unique=True)  # as printed: "ภทส. 0045/2569"
    doc_date = peewee.DateField(index=True)
    subject = peewee.TextField()
    recipient = peewee.CharField(max_length=500, default="")
    signers = peewee.CharField(max_length=1000, default="")  # "name; name" in signing order
    kind = peewee.CharField(max_length=32, default="")  # "letter", "memo"
    file_name = peewee.CharField(max_length=255)
    pdf = peewee.BlobField()
    sha256 = peewee.CharField(max_length=64, index=True)
    size = peewee.IntegerField()
    signed = peewee.BooleanField(default=False)  # the kept PDF carries digital signatures
    case = peewee.ForeignKeyField(Case, null=True, on_delete="SET NULL")
    kept_at = peewee.DateTimeField(default=clock.now)
    kept_by = peewee.IntegerField(null=True)


def is_numbered(number: str) -> bool:
    """A number given (``ภทส. 0045/2569``), not the bare prefix ``ภทส./`` of a draft."""
    text = number.strip()
    return bool(text) and not text.endswith("/") and any(ch.isdigit() for ch in text)


def keep(
    actor: Actor | None,
    *,
    number: str,
    date: dt.date,
    subject: str,
    recipient: str,
    signers: Sequence[str],
    pdf: bytes,
    file_name: str,
    kind: str = "",
    case: Case | None = None,
) -> OutgoingDocument:
    """Keep (or replace) the PDF of the document numbered ``number``."""
    require(actor, Permission.VIEW)
    if not number.strip():
        raise ValidationError(
            _("หนังสือที่ยังไม่มีเลขที่ เก็บในทะเบียนหนังสือส่งไม่ได้"), {"number": _("ยังไม่มีเลขที่")}
        )
    digest = hashlib.sha256(pdf).hexdigest()
    values: dict[str, Any] = {
        "doc_date": date,
        "subject": subject,
        "recipient": recipient[:500],
        "signers": "; ".join(s for s in signers if s.strip())[:1000],
        "kind": kind,
        "file_name": file_name[:255],
        "pdf": pdf,
        "sha256": digest,
        "size": len(pdf),
        "case": case.id if case is not None else None,
    }
    row = OutgoingDocument.get_or_none(OutgoingDocument.number == number.strip())
    if row is None:
        return records.create(
            actor,
            OutgoingDocument,
            number=number.strip(),
            kept_by=actor.id if actor else None,
            **values,
        )
    if row.sha256 == digest:
        return row
    if row.signed:  # a signed copy is final: a reprint does not replace it
        return row
    return records.update(actor, row, kept_at=clock.now(), **values)


def keep_signed(
    actor: Actor | None, signed_pdf: bytes, signers: Sequence[str]
) -> OutgoingDocument | None:
    """Replace a kept PDF by its digitally signed copy (recognised as its first bytes);
    None when the signed PDF is not a kept document."""
    require(actor, Permission.VIEW)
    candidates = (
        OutgoingDocument.select(OutgoingDocument.id, OutgoingDocument.size, OutgoingDocument.sha256)
        .where(OutgoingDocument.size < len(signed_pdf))
        .order_by(OutgoingDocument.kept_at.desc())
        .limit(SEARCH_BACK)
    )
    for candidate in candidates:
        if hashlib.sha256(signed_pdf[: candidate.size]).hexdigest() == candidate.sha256:
            row = records.get(OutgoingDocument, candidate.id)
            return records.update(
                actor,
                row,
                pdf=signed_pdf,
                sha256=hashlib.sha256(signed_pdf).hexdigest(),
                size=len(signed_pdf),
                signed=True,
                signers="; ".join(s for s in signers if s.strip())[:1000],
                kept_at=clock.now(),
            )
    return None


def open_document(actor: Actor | None, document_id: int) -> tuple[bytes, str]:
    """The kept PDF, exactly as kept, and its file name; refused if the bytes no longer match
    their SHA-256."""
    require(actor, Permission.VIEW)
    row = OutgoingDocument.get_or_none(OutgoingDocument.id == document_id)
    if row is None:
        raise NotFound(_("ไม่พบหนังสือในทะเบียนหนังสือส่ง"))
    data = bytes(row.pdf)
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise ValidationError(
            _("ไฟล์ของหนังสือเลขที่ {number} ไม่ตรงกับค่า SHA-256 ที่บันทึกไว้ ไฟล์อาจถูกแก้ไข").format(
                number=row.number
            )
        )
    return data, str(row.file_name)


@dataclass(frozen=True)
class Entry:
    """A line of the register: a kept document, or a number the app issued whose document has
    not been printed (so not kept) yet."""

    number: str
    date: dt.date
    subject: str
    recipient: str
    signers: str
    signed: bool
    file_name: str
    sha256: str  # "" while not kept


def entries(start: dt.date | None, end: dt.date | None) -> list[Entry]:
    """Every kept document and every outgoing number issued without a kept document yet, by
    date."""
    out = [
        Entry(
            str(r.number),
            r.doc_date,
            str(r.subject),
            str(r.recipient),
            str(r.signers),
            bool(r.signed),
            str(r.file_name),
            str(r.sha256),
        )
        for r in kept_documents(start, end)
    ]
    kept = {e.number for e in out}
    issued = IssuedNumber.select().where(IssuedNumber.kind.in_(OUTGOING_SERIES))
    if start is not None:
        issued = issued.where(IssuedNumber.issued_on >= start)
    if end is not None:
        issued = issued.where(IssuedNumber.issued_on <= end)
    for number in issued:
        if str(number.formatted) not in kept:
            out.append(
                Entry(
                    str(number.formatted),
                    number.issued_on,
                    str(number.subject),
                    "",
                    "",
                    False,
                    "",
                    "",
                )
            )
    return sorted(out, key=lambda e: (e.date, e.number))


def kept_documents(start: dt.date | None, end: dt.date | None) -> list[OutgoingDocument]:
    fields = [f for f in OutgoingDocument._meta.sorted_fields if f.name != "pdf"]
    query = OutgoingDocument.select(*fields)
    if start is not None:
        query = query.where(OutgoingDocument.doc_date >= start)
    if end is not None:
        query = query.where(OutgoingDocument.doc_date <= end)
    return list(query.order_by(OutgoingDocument.doc_date, OutgoingDocument.id))


COLUMNS = (
    RegisterColumn("seq", N_("ลำดับ"), 0.6, "center"),
    RegisterColumn("number", N_("เลขที่หนังสือ"), 1.6, "center"),
    RegisterColumn("date", N_("ลงวันที่"), 1.2, "center"),
    RegisterColumn("subject", N_("เรื่อง"), 3.2),
    RegisterColumn("recipient", N_("ถึง"), 2.0),
    RegisterColumn("signers", N_("ผู้ลงนาม"), 1.8, keep=True),
    RegisterColumn("sha256", N_("SHA-256 ของไฟล์"), 2.2),
)


def register_rows(start: dt.date | None, end: dt.date | None) -> list[dict[str, str]]:
    rows = []
    for index, entry in enumerate(entries(start, end), 1):
        signers = entry.signers or "-"
        if entry.signed:
            signers += " " + _("(ลงนามดิจิทัล)")
        rows.append(
            {
                "seq": str(index),
                "number": entry.number,
                "date": date_short(entry.date),
                "subject": entry.subject,
                "recipient": entry.recipient or "-",
                "signers": signers,
                # broken in four so the column stays narrow on paper
                "sha256": " ".join(entry.sha256[i : i + 16] for i in range(0, 64, 16))
                if entry.sha256
                else _("ยังไม่ได้เก็บไฟล์"),
            }
        )
    return rows


REGISTER = declare_register(
    RegisterDef(
        name="outgoing",
        title=N_("ทะเบียนหนังสือส่ง"),
        columns=COLUMNS,
        rows=register_rows,
        landscape=True,
        font_size=13.0,
    )
)


def export_xlsx(
    actor: Actor | None, path: Path, start: dt.date | None = None, end: dt.date | None = None
) -> Path:
    """The register as an Excel workbook (the full SHA-256 in one cell)."""
    from models.spreadsheets import SheetColumn, write_xlsx

    require(actor, Permission.VIEW)
    with document_language():
        rows = [
            [
                index,
                entry.number,
                entry.date,
                entry.subject,
                entry.recipient,
                entry.signers,
                _("ใช่") if entry.signed else _("ไม่ใช่"),
                entry.file_name,
                entry.sha256 or _("ยังไม่ได้เก็บไฟล์"),
            ]
            for index, entry in enumerate(entries(start, end), 1)
        ]
        columns = [
            SheetColumn(_("ลำดับ"), 8),
            SheetColumn(_("เลขที่หนังสือ"), 20),
            SheetColumn(_("ลงวันที่"), 14),
            SheetColumn(_("เรื่อง"), 50),
            SheetColumn(_("ถึง"), 30),
            SheetColumn(_("ผู้ลงนาม"), 30),
            SheetColumn(_("ลงนามดิจิทัล"), 12),
            SheetColumn(_("ชื่อไฟล์"), 30),
            SheetColumn(_("SHA-256"), 70),
        ]
        return write_xlsx(
            path,
            title=_("ทะเบียนหนังสือส่ง"),
            subtitle="",
            columns=columns,
            rows=rows,
            sheet_name=_("ทะเบียนหนังสือส่ง"),
        )


def keep_if_numbered(actor: Actor | None, case: Case, document: Any, pdf: bytes, name: str) -> None:
    """A numbered letter or memo printed from a case goes into the register as printed."""
    number = str(getattr(document, "number", "") or "")
    if not is_numbered(number):
        return
    signers = [str(getattr(document, "signer_name", "") or "")]
    signers += [o.signer_name for o in getattr(document, "opinions", []) if o.signature_image]
    keep(
        actor,
        number=number,
        date=getattr(document, "date", None) or clock.today(),
        subject=str(getattr(document, "subject", "")),
        recipient=str(getattr(document, "recipient", "")),
        signers=signers,
        pdf=pdf,
        file_name=name,
        kind=type(document).__name__.lower(),
        case=case,
    )


on_case_documents(after=keep_if_numbered)
