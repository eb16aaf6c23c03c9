"""Signed documents in the window: the user's own signature image (``own_signature``), the
office's trusted certificates (a settings page) and the outgoing document register
(``outgoing``). Signing and verifying in the print preview are shared widgets
(``views.widgets.digital_signing``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.i18n import N_
from models.permissions import Permission, can
from views.registry import SettingsPageSpec, register_settings_page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext


def _trust(ctx: AppContext) -> QWidget:
    from views.signing.trust import TrustPage

    return TrustPage(ctx)


def _outgoing(ctx: AppContext) -> QWidget:
    from views.signing.outgoing import OutgoingPage

    return OutgoingPage(ctx)


register_settings_page(
    SettingsPageSpec(
        "trusted_certificates",
        N_("ลายมือชื่อดิจิทัล"),
        820,
        _trust,
        lambda user: can(user, Permission.MANAGE_SETTINGS),
    )
)
register_settings_page(
    SettingsPageSpec(
        "outgoing",
        N_("ทะเบียนหนังสือส่ง"),
        60,
        _outgoing,
        lambda user: can(user, Permission.MANAGE_OFFICE),
    )
)
