"""Procurement pages shared by processes 4 and 5: the vendor register (ตั้งค่า → ผู้ประกอบการ for
heads and administrators; staff reach it from the process tabs), the contract page
(``contract_page.ContractWindow``: installments, security, warranty, deliveries, inspections,
penalties, invoices, printed forms) that the processes open from their cases and the vendor page
opens from a vendor's contracts, and ตั้งค่า → ทะเบียนสัญญา (``registers.RegisterPage``: the
contract and incident registers on screen for a fiscal year, printed and exported to .xlsx).

Committees live in one place, ตั้งค่า → คณะกรรมการ (``views.settings.committees``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import models.procurement.rules  # noqa: F401  (declares the procurement settings for ตั้งค่า)
from models.i18n import N_
from models.permissions import Permission, can
from views.registry import SettingsPageSpec, register_settings_page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext


def _vendors(ctx: AppContext) -> QWidget:
    from views.procurement.vendors import VendorsPage

    return VendorsPage(ctx)


def _registers(ctx: AppContext) -> QWidget:
    from views.procurement.registers import RegisterPage

    return RegisterPage(ctx)


register_settings_page(
    SettingsPageSpec(
        "procurement-registers",
        N_("ทะเบียนสัญญา"),
        46,
        _registers,
        lambda user: can(user, Permission.MANAGE_OFFICE),  # as the vendor page below
    )
)
register_settings_page(
    SettingsPageSpec(
        "vendors",
        N_("ผู้ประกอบการ"),
        45,
        _vendors,
        # staff keep the vendor register from the process tabs' own page; ตั้งค่า stays the
        # heads' and administrators'
        lambda user: can(user, Permission.MANAGE_OFFICE),
    )
)
