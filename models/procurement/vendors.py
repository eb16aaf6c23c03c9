"""Vendors (ผู้ประกอบการ) as procurement sees them: the shared ``models.org.Vendor`` record with a
verified 13-digit tax ID, addresses, bank account for direct payment, and its contact people.

    vendor = save_vendor(actor, None, name="บริษัท ...", tax_id="0105556000000", address="...")
    add_contact(actor, vendor, full_name="นาย ...", phone="08...", role="ผู้ประสานงาน")
    registered_vendor(vendor_id)  # the vendor or ValidationError (quotations, contracts use it)
"""

from __future__ import annotations

from typing import Any, ClassVar

import peewee

from models import office, records
from models.base import Actor, VersionedModel
from models.errors import ValidationError
from models.i18n import N_, _
from models.org import Vendor
from models.permissions import Permission, require
from models.procurement import rules

VENDOR_LABELS = {
    "name": N_("ชื่อผู้ประกอบการ"),
    "tax_id": N_("เลขประจำตัวผู้เสียภาษี"),
    "branch": N_("สำนักงานใหญ่/สาขา"),
    "address": N_("ที่อยู่ตามทะเบียน"),
    "mailing_address": N_("ที่อยู่สำหรับติดต่อ"),
    "phone": N_("โทรศัพท์"),
    "email": N_("อีเมล"),
    "contact_person": N_("ผู้ติดต่อหลัก"),
    "bank_name": N_("ธนาคาร"),
    "bank_account_no": N_("เลขที่บัญชี"),
    "bank_account_name": N_("ชื่อบัญชี"),
}


class VendorContact(VersionedModel):
    """A person at the vendor the office deals with (ผู้ประสานงาน, ช่างผู้รับผิดชอบ, ผู้มีอำนาจลงนาม)."""

    field_labels: ClassVar[dict[str, str]] = {
        "full_name": N_("ชื่อผู้ติดต่อ"),
        "role": N_("หน้าที่"),
        "phone": N_("โทรศัพท์"),
        "email": N_("อีเมล"),
    }
    vendor = peewee.ForeignKeyField(Vendor, backref="contacts", on_delete="CASCADE")
    full_name = peewee.CharField(max_length=200)
    role = peewee.CharField(max_length=200, default="")
    phone = peewee.CharField(max_length=100, default="")
    email = peewee.CharField(max_length=200, default="")


def save_vendor(
    actor: Actor | None,
    vendor: Vendor | None,
    expected_version: int | None = None,
    **values: Any,
) -> Vendor:
    """Create (``vendor`` None) or update a vendor. The tax ID is required and its checksum
    verified; it is stored as 13 plain digits. Nothing is saved on any error."""
    require(actor, Permission.EDIT_REGISTERS)
    unknown = set(values) - set(VENDOR_LABELS) - {"active"}
    if unknown:
        raise AttributeError(f"Vendor has no field(s) {sorted(unknown)}")
    merged = {**(vendor.__data__ if vendor else {}), **values}
    errors: dict[str, str] = {}
    messages: list[str] = []
    if not str(merged.get("name") or "").strip():
        errors["name"] = _("ต้องกรอก")
        messages.append(_("กรุณากรอกชื่อผู้ประกอบการ"))
    if "tax_id" in values or vendor is None:
        try:
            values["tax_id"] = rules.check_tax_id(values.get("tax_id"))
        except ValidationError as exc:
            errors.update(exc.errors)
            messages.append(exc.message)
    texts = {k: v for k, v in values.items() if isinstance(v, str)}
    long_errors = records.too_long(Vendor, texts, {k: _(v) for k, v in VENDOR_LABELS.items()})
    if long_errors:
        errors.update(long_errors)
        messages.extend(long_errors.values())
    if errors:
        raise ValidationError(" ".join(messages), errors)
    duplicate = Vendor.select().where(Vendor.tax_id == values.get("tax_id", merged.get("tax_id")))
    if vendor is not None:
        duplicate = duplicate.where(Vendor.id != vendor.id)
    if values.get("tax_id") and duplicate.exists():
        other = duplicate.first()
        branch = str(merged.get("branch") or "")
        if other is not None and other.branch == branch:
            raise ValidationError(
                _("เลขประจำตัวผู้เสียภาษีนี้เป็นของ “{name}” อยู่แล้ว").format(name=other.name),
                {"tax_id": _("ซ้ำกับผู้ประกอบการอื่น")},
            )
    return office.save_vendor(actor, vendor, expected_version=expected_version, **values)


def registered_vendor(vendor_id: Any, field: str = "vendor") -> Vendor:
    """The vendor with this id, registered and active, or ``ValidationError`` naming ``field``."""
    vendor = Vendor.get_or_none(Vendor.id == vendor_id) if vendor_id is not None else None
    if vendor is None:
        raise ValidationError(
            _("ผู้ประกอบการต้องอยู่ในทะเบียนผู้ประกอบการก่อน"),
            {field: _("ไม่อยู่ในทะเบียนผู้ประกอบการ")},
        )
    if not vendor.active:
        raise ValidationError(
            _("ผู้ประกอบการ “{name}” ถูกปิดการใช้งานในทะเบียนแล้ว").format(name=vendor.name),
            {field: _("ปิดการใช้งานแล้ว")},
        )
    return vendor


def vendors(active_only: bool = True, text: str = "") -> list[Vendor]:
    query = Vendor.select()
    if active_only:
        query = query.where(Vendor.active == True)  # noqa: E712
    if text.strip():
        needle = text.strip()
        query = query.where(Vendor.name.contains(needle) | Vendor.tax_id.contains(needle))
    return list(query.order_by(Vendor.name))


def add_contact(
    actor: Actor | None,
    vendor: Vendor,
    *,
    full_name: str,
    role: str = "",
    phone: str = "",
    email: str = "",
) -> VendorContact:
    require(actor, Permission.EDIT_REGISTERS)
    name = rules.required_text(full_name, "full_name", _("ชื่อผู้ติดต่อ"))
    return records.create(
        actor,
        VendorContact,
        vendor=vendor,
        full_name=name,
        role=role.strip(),
        phone=phone.strip(),
        email=email.strip(),
    )


def remove_contact(actor: Actor | None, contact: VendorContact) -> None:
    require(actor, Permission.EDIT_REGISTERS)
    records.delete(actor, contact)


def contacts(vendor: Vendor) -> list[VendorContact]:
    return list(
        VendorContact.select().where(VendorContact.vendor == vendor).order_by(VendorContact.id)
    )
