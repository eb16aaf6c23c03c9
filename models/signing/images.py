"""A user's own signature image: upload, see, remove. Always the acting user's own: there is no
function that takes another user, so nobody (administrators included) can set or read anyone
else's signature through the domain."""

from __future__ import annotations

import hashlib

from models import records
from models.base import Actor
from models.errors import PermissionDenied, ValidationError
from models.i18n import _
from models.permissions import Permission, require
from models.signing.tables import SignatureImage
from reports.errors import DocumentInputError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def _own(actor: Actor | None) -> Actor:
    if actor is None:
        raise PermissionDenied(_("ลายมือชื่อเป็นของผู้ใช้แต่ละคน ระบบจึงจัดการแทนผู้ใช้ไม่ได้"))
    require(actor, Permission.VIEW)
    return actor


def upload_signature(actor: Actor | None, data: bytes, filename: str = "") -> SignatureImage:
    """Keep ``data`` (PNG or JPEG) as the actor's signature, cleaned to a transparent PNG;
    replaces the actor's earlier one."""
    from reports.signing.images import prepare_signature

    user = _own(actor)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("ไฟล์ลายมือชื่อใหญ่เกิน 10 MB กรุณาสแกนที่ความละเอียดต่ำลง"),
            {"signature": _("ไฟล์ใหญ่เกินกำหนด")},
        )
    try:
        png = prepare_signature(data)
    except DocumentInputError as exc:
        raise ValidationError(exc.message, {"signature": exc.message}) from exc
    digest = hashlib.sha256(png).hexdigest()
    name = filename.replace("\\", "/").rsplit("/", 1)[-1][:255]
    row = SignatureImage.get_or_none(SignatureImage.user == user.id)
    if row is None:
        return records.create(
            user, SignatureImage, user=user.id, image=png, sha256=digest, original_name=name
        )
    return records.update(user, row, image=png, sha256=digest, original_name=name)


def own_signature(actor: Actor | None) -> bytes | None:
    """The actor's signature PNG, or None."""
    user = _own(actor)
    row = SignatureImage.get_or_none(SignatureImage.user == user.id)
    return bytes(row.image) if row is not None else None


def remove_signature(actor: Actor | None) -> None:
    """Remove the actor's signature; documents already placed keep theirs until reprinted
    (a placement without an image prints no image)."""
    user = _own(actor)
    row = SignatureImage.get_or_none(SignatureImage.user == user.id)
    if row is not None:
        records.delete(user, row)


def image_of_user(user_id: int) -> bytes | None:
    """For the document engine only (``placement.apply_signatures``): the image of a user who
    placed it. Not for views."""
    row = SignatureImage.get_or_none(SignatureImage.user == user_id)
    return bytes(row.image) if row is not None else None
