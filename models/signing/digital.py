"""Digital signatures from the window: sign a PDF the app made with a PKCS#12 certificate (the
office's timestamp server makes it B-T), verify any PDF against the office's trusted
certificates. The certificate's password may be kept in the operating system's keyring (the
window does that, ``desktop.secrets``); the domain only takes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models import clock
from models.base import Actor
from models.errors import PermissionDenied, ValidationError
from models.i18n import _
from models.permissions import Permission, require
from models.signing.trust import timestamp_url, trusted_pems
from reports.errors import DocumentInputError

if TYPE_CHECKING:  # pyHanko loads when a document is signed or verified
    from reports.signing.verify import SignatureReport


def sign_document(
    actor: Actor | None,
    pdf: bytes,
    p12: bytes,
    password: str,
    *,
    field: str | None = None,
    reason: str = "",
) -> bytes:
    """``pdf`` signed by the actor's certificate in the next empty signature block (or
    ``field``). Bad password or certificate: a Thai ``ValidationError``, nothing changed."""
    from reports.signing.pades import load_pkcs12, sign_pdf

    if actor is None:
        raise PermissionDenied(_("ระบบลงนามแทนผู้ใช้ไม่ได้"))
    require(actor, Permission.VIEW)
    try:
        credentials = load_pkcs12(p12, password)
        return sign_pdf(
            pdf,
            credentials,
            field_name=field,
            timestamp_url=timestamp_url(),
            reason=reason,
            when=clock.now(),
        )
    except DocumentInputError as exc:
        raise ValidationError(exc.message, {exc.key or "certificate": exc.message}) from exc


def verify_document(pdf: bytes, extra_trusted: list[bytes] | None = None) -> list[SignatureReport]:
    from reports.signing.verify import verify_pdf

    try:
        return verify_pdf(pdf, trusted_pems() + list(extra_trusted or []))
    except DocumentInputError as exc:
        raise ValidationError(exc.message) from exc
