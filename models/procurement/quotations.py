"""Quotations (ใบเสนอราคา): market-survey prices for a project and vendors' offers, with the amount
before VAT and the VAT shown separately, how long the price holds, and the vendor's file.

    q = add_quotation(actor, case_id=case.id, vendor_id=v.id, quote_no="QT-001",
                      quoted_on=date, amount_before_vat="93,457.94", vat="6,542.06",
                      valid_days=30, filename="qt.pdf", data=pdf_bytes)
    quotations_of_case(case.id)   # cheapest first, for the comparison table
    comparison_rows(case.id)      # plain rows for reports.procurement.quotation_comparison
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

import peewee

from models import attachments, records
from models.base import Actor, VersionedModel
from models.errors import ValidationError
from models.i18n import N_, _
from models.org import Vendor
from models.permissions import Permission, require
from models.procurement import rules
from models.procurement.vendors import registered_vendor
from models.write_lock import write_transaction


class QuotationPurpose:
    MARKET_SURVEY = "market_survey"  # สืบราคาจากท้องตลาด (source ๔ of ราคากลาง)
    OFFER = "offer"  # ข้อเสนอในการจัดซื้อจัดจ้าง


class Quotation(VersionedModel):
    field_labels: ClassVar[dict[str, str]] = {
        "quote_no": N_("เลขที่ใบเสนอราคา"),
        "description": N_("รายการ"),
        "amount_before_vat": N_("ราคาก่อนภาษีมูลค่าเพิ่ม"),
        "vat": N_("ภาษีมูลค่าเพิ่ม"),
    }
    case_id = peewee.IntegerField(null=True, index=True)  # the owning case (process 4 or 5)
    purpose = peewee.CharField(max_length=32, default=QuotationPurpose.MARKET_SURVEY)
    vendor = peewee.ForeignKeyField(Vendor, backref="quotations", on_delete="RESTRICT")
    quote_no = peewee.CharField(max_length=100, default="")
    quoted_on = peewee.DateField()
    description = peewee.TextField(default="")
    amount_before_vat = peewee.DecimalField(max_digits=15, decimal_places=2)
    vat = peewee.DecimalField(max_digits=15, decimal_places=2)
    valid_days = peewee.IntegerField(default=0)  # ยืนราคา
    delivery_days = peewee.IntegerField(null=True)
    attachment_id = peewee.IntegerField(null=True)

    @property
    def total(self) -> Decimal:
        return Decimal(self.amount_before_vat) + Decimal(self.vat)

    @property
    def valid_until(self) -> dt.date:
        return self.quoted_on + dt.timedelta(days=self.valid_days)


def add_quotation(
    actor: Actor | None,
    *,
    case_id: int | None,
    vendor_id: Any,
    quoted_on: Any,
    amount_before_vat: Any,
    vat: Any,
    valid_days: Any = 30,
    quote_no: str = "",
    description: str = "",
    purpose: str = QuotationPurpose.MARKET_SURVEY,
    delivery_days: int | None = None,
    filename: str | None = None,
    data: bytes | None = None,
) -> Quotation:
    """Record a quotation. The vendor must be in the register (``vendors.save_vendor``); amounts
    are ``Decimal`` baht, never negative; the file, if any, is kept through ``models.attachments``.
    Every error names its field; nothing is saved on any error."""
    require(actor, Permission.WORK_CASES)
    errors: dict[str, str] = {}
    messages: list[str] = []

    def collect(check: Any) -> Any:
        try:
            return check()
        except ValidationError as exc:
            errors.update(exc.errors)
            messages.append(exc.message)
            return None

    vendor = collect(lambda: registered_vendor(vendor_id))
    day = collect(lambda: rules.required_date(quoted_on, "quoted_on", _("วันที่ใบเสนอราคา")))
    before = collect(
        lambda: rules.required_amount(
            amount_before_vat, "amount_before_vat", _("ราคาก่อนภาษีมูลค่าเพิ่ม"), allow_zero=False
        )
    )
    tax = collect(lambda: rules.required_amount(vat, "vat", _("ภาษีมูลค่าเพิ่ม")))
    days = collect(lambda: _whole_days(valid_days, "valid_days", _("ระยะเวลายืนราคา")))
    if purpose not in (QuotationPurpose.MARKET_SURVEY, QuotationPurpose.OFFER):
        errors["purpose"] = _("ไม่ถูกต้อง")
        messages.append(_("วัตถุประสงค์ของใบเสนอราคาไม่ถูกต้อง"))
    if errors:
        raise ValidationError(" ".join(messages), errors)
    with write_transaction():
        quotation = records.create(
            actor,
            Quotation,
            case_id=case_id,
            purpose=purpose,
            vendor=vendor,
            quote_no=quote_no.strip(),
            quoted_on=day,
            description=description.strip(),
            amount_before_vat=before,
            vat=tax,
            valid_days=days,
            delivery_days=delivery_days,
        )
        if data is not None:
            file = attachments.add(
                actor,
                filename or "quotation.pdf",
                data,
                owner_table="quotation",
                owner_id=quotation.id,
                purpose="quotation",
            )
            records.update(actor, quotation, attachment_id=file.id)
    return quotation


def _whole_days(value: Any, field: str, label: str) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError(
            _("{label} ต้องเป็นจำนวนวันเต็ม").format(label=label), {field: _("ต้องเป็นตัวเลข")}
        ) from None
    if not 0 <= number <= 3650:
        raise ValidationError(
            _("{label} ต้องอยู่ระหว่าง 0 ถึง 3650 วัน").format(label=label),
            {field: _("อยู่นอกช่วงที่กำหนด")},
        )
    return number


def delete_quotation(actor: Actor | None, quotation: Quotation) -> None:
    require(actor, Permission.WORK_CASES)
    records.delete(actor, quotation)


def quotations_of_case(case_id: int) -> list[Quotation]:
    rows = list(
        Quotation.select(Quotation, Vendor).join(Vendor).where(Quotation.case_id == case_id)
    )
    return sorted(rows, key=lambda q: (q.total, q.id))


def comparison_rows(case_id: int) -> list[dict[str, Any]]:
    """The comparison table's rows as plain data: vendor, number, date, amounts, validity; the
    lowest total is marked."""
    rows = quotations_of_case(case_id)
    lowest = min((q.total for q in rows), default=None)
    return [
        {
            "vendor": q.vendor.name,
            "tax_id": q.vendor.tax_id,
            "quote_no": q.quote_no,
            "quoted_on": q.quoted_on,
            "amount_before_vat": Decimal(q.amount_before_vat),
            "vat": Decimal(q.vat),
            "total": q.total,
            "valid_until": q.valid_until,
            "lowest": q.total == lowest,
        }
        for q in rows
    ]
