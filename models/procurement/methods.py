"""Procurement methods and their thresholds (PROCUREMENT.md §2.1); the limits are settings.

check_method("specific", Decimal("480000"))           # fine
check_method("specific", Decimal("650000"))           # ValidationError naming "method"
check_method("price_quotation", amount, reason="...")  # a reason is required
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from models.errors import ValidationError
from models.i18n import N_, _
from models.procurement import rules


class Method:
    SPECIFIC = "specific"  # วิธีเฉพาะเจาะจง
    EBIDDING = "ebidding"  # วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)
    EMARKET = "emarket"  # วิธีตลาดอิเล็กทรอนิกส์ (e-market)
    PRICE_QUOTATION = "price_quotation"  # วิธีสอบราคา
    SELECTION = "selection"  # วิธีคัดเลือก


METHOD_LABELS = {
    Method.SPECIFIC: N_("วิธีเฉพาะเจาะจง"),
    Method.EBIDDING: N_("วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)"),
    Method.EMARKET: N_("วิธีตลาดอิเล็กทรอนิกส์ (e-market)"),
    Method.PRICE_QUOTATION: N_("วิธีสอบราคา"),
    Method.SELECTION: N_("วิธีคัดเลือก"),
}


def method_label(method: str) -> str:
    label = METHOD_LABELS.get(method)
    return _(label) if label else method


def check_method(method: str, amount: Any, *, reason: str = "", field: str = "method") -> None:
    """Refuse a method the amount does not allow, or one that needs a written reason without it."""
    if method not in METHOD_LABELS:
        raise ValidationError(_("กรุณาเลือกวิธีจัดซื้อจัดจ้าง"), {field: _("ไม่ถูกต้อง")})
    value = rules.required_amount(amount, "amount", _("วงเงินที่จะซื้อหรือจ้าง"), allow_zero=False)
    specific_max = rules.setting_decimal("procurement.specific_max_baht")
    quotation_max = rules.setting_decimal("procurement.price_quotation_max_baht")
    if method == Method.SPECIFIC and value > specific_max:
        raise ValidationError(
            _(
                "วงเงิน {amount:,.2f} บาท เกินวงเงินของวิธีเฉพาะเจาะจง ({limit:,.2f} บาท) "
                "กรุณาใช้วิธีประกวดราคาอิเล็กทรอนิกส์ วิธีตลาดอิเล็กทรอนิกส์ หรือวิธีคัดเลือกตามเหตุ"
            ).format(amount=value, limit=specific_max),
            {field: _("เกินวงเงินของวิธีนี้")},
        )
    if method == Method.PRICE_QUOTATION and not (specific_max < value <= quotation_max):
        raise ValidationError(
            _("วิธีสอบราคาใช้กับวงเงินเกิน {low:,.2f} บาท แต่ไม่เกิน {high:,.2f} บาท เท่านั้น").format(
                low=specific_max, high=quotation_max
            ),
            {field: _("วงเงินไม่อยู่ในช่วงของวิธีนี้")},
        )
    if method in (Method.PRICE_QUOTATION, Method.SELECTION) and not reason.strip():
        raise ValidationError(
            _("{method} ต้องระบุเหตุผลในรายงานขอซื้อขอจ้าง").format(method=method_label(method)),
            {"method_reason": _("ต้องระบุเหตุผล")},
        )


def suggested_method(amount: Decimal) -> str:
    """The usual method for an amount: specific up to its limit, e-bidding above."""
    if amount <= rules.setting_decimal("procurement.specific_max_baht"):
        return Method.SPECIFIC
    return Method.EBIDDING
