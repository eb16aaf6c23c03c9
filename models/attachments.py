"""Files kept with records: bytes in the database (so a shared server holds everything), the original
name kept for display and download but never used as a path, a SHA-256, and a size limit."""

from __future__ import annotations

import hashlib
import mimetypes
import unicodedata
from pathlib import Path

import peewee

from models import clock, records, settings
from models.base import Actor, BaseModel
from models.db import backend_name, database
from models.errors import NotFound, ValidationError
from models.i18n import _
from models.permissions import Permission, require


class Attachment(BaseModel):
    owner_table = peewee.CharField(max_length=64, default="", index=True)
    owner_id = peewee.IntegerField(null=True, index=True)
    purpose = peewee.CharField(max_length=64, default="")  # e.g. "to_publish", "screenshot"
    filename = peewee.CharField(max_length=255)
    content_type = peewee.CharField(max_length=128, default="application/octet-stream")
    size = peewee.IntegerField()
    sha256 = peewee.CharField(max_length=64, index=True)
    data = peewee.BlobField()
    created_at = peewee.DateTimeField(default=clock.now)
    created_by = peewee.IntegerField(null=True)


def safe_display_name(name: str) -> str:
    """The original name without any folder part or control characters (kept for display only)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(
        ch for ch in unicodedata.normalize("NFC", base) if unicodedata.category(ch)[0] != "C"
    )
    return cleaned.strip().strip(".") or "file"


def max_bytes() -> int:
    return int(settings.get("attachments.max_mb")) * 1024 * 1024


# MySQL/MariaDB receive a file inside the INSERT statement, each of these bytes escaped to two, and
# refuse a statement longer than the server's max_allowed_packet (16 MB by default, below the
# app's default limit) by dropping the connection. The rest of the statement fits in the margin.
_MYSQL_ESCAPED = tuple(bytes([c]) for c in b"\0\n\r\x1a'\"\\")
_STATEMENT_MARGIN = 64 * 1024


def _check_server_room(name: str, data: bytes) -> None:
    if backend_name() != "mysql":
        return
    packet = int(database.execute_sql("SELECT @@max_allowed_packet").fetchone()[0])
    sent = len(data) + sum(data.count(c) for c in _MYSQL_ESCAPED) + _STATEMENT_MARGIN
    if sent > packet:
        raise ValidationError(
            _(
                "ไฟล์ “{name}” มีขนาด {size:.1f} MB ใหญ่เกินกว่าที่เครื่องแม่ข่ายฐานข้อมูลรับได้ "
                "(max_allowed_packet {packet:.0f} MB) กรุณาแจ้งผู้ดูแลระบบให้เพิ่มค่านี้ของ "
                "MySQL/MariaDB หรือแนบไฟล์ที่เล็กลง"
            ).format(name=name, size=len(data) / 1048576, packet=packet / 1048576),
            {"file": _("ไฟล์ใหญ่เกินกว่าที่เครื่องแม่ข่ายรับได้")},
        )


def add(
    actor: Actor | None,
    filename: str,
    data: bytes,
    *,
    owner_table: str = "",
    owner_id: int | None = None,
    purpose: str = "",
    content_type: str | None = None,
) -> Attachment:
    require(actor, Permission.WORK_CASES)
    limit = max_bytes()
    name = safe_display_name(filename)
    if len(data) > limit:
        raise ValidationError(
            _("ไฟล์ “{name}” มีขนาด {size:.1f} MB เกินขนาดที่กำหนด {limit} MB").format(
                name=name, size=len(data) / 1048576, limit=limit // 1048576
            ),
            {"file": _("ไฟล์ใหญ่เกินกำหนด")},
        )
    if not data:
        raise ValidationError(_("ไฟล์ “{name}” ว่างเปล่า").format(name=name))
    _check_server_room(name, data)
    guessed = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return records.create(
        actor,
        Attachment,
        owner_table=owner_table,
        owner_id=owner_id,
        purpose=purpose,
        filename=name,
        content_type=guessed,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        created_by=actor.id if actor else None,
    )


def add_file(actor: Actor | None, path: Path, **owner: object) -> Attachment:
    return add(actor, path.name, path.read_bytes(), **owner)  # type: ignore[arg-type]


def for_owner(owner_table: str, owner_id: int, purpose: str | None = None) -> list[Attachment]:
    """Metadata of a record's files (the bytes are not loaded)."""
    fields = [f for f in Attachment._meta.sorted_fields if f.name != "data"]
    query = Attachment.select(*fields).where(
        (Attachment.owner_table == owner_table) & (Attachment.owner_id == owner_id)
    )
    if purpose is not None:
        query = query.where(Attachment.purpose == purpose)
    return list(query.order_by(Attachment.id))


def _bytes_of(row: Attachment) -> bytes:
    data = bytes(row.data)
    if not data and row.size:
        # Offline, the replica keeps the newest files within its limits; this one was left out.
        raise NotFound(
            _(
                "ไฟล์ “{name}” ({size:.1f} MB) ไม่ได้เก็บไว้ในสำเนาข้อมูลในเครื่องนี้ "
                "จะเปิดได้เมื่อเชื่อมต่อเครื่องแม่ข่ายได้แล้ว"
            ).format(name=row.filename, size=row.size / 1048576)
        )
    return data


def content(attachment_id: int) -> bytes:
    return _bytes_of(records.get(Attachment, attachment_id))


def save_copy(attachment_id: int, folder: Path) -> Path:
    """Write a file out under its display name inside ``folder`` (never outside it)."""
    row = records.get(Attachment, attachment_id)
    data = _bytes_of(row)
    target = folder / safe_display_name(row.filename)
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{Path(row.filename).stem} ({n}){Path(row.filename).suffix}"
    target.write_bytes(data)
    return target


def remove(actor: Actor | None, attachment: Attachment) -> None:
    require(actor, Permission.WORK_CASES)
    records.delete(actor, attachment)
