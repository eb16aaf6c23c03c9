"""The procurement rules that are office settings, and the checks every procurement record shares:
money amounts, dates and the Thai tax ID.

Every figure PROCUREMENT.md marks [U] (unconfirmed), or where its sources disagree, is a setting
here with the spec's default, shown in ตั้งค่า → ค่าทั่วไป; the rest of the package reads them through
``setting_decimal`` / ``settings.get`` at the moment it applies them.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
from decimal import Decimal
from typing import Any

from models import settings
from models.errors import ValidationError
from models.i18n import N_, _
from models.settings import SettingDef

# The largest amount a DECIMAL(15,2) column holds.
MAX_AMOUNT = Decimal("9999999999999.99")
CENT = Decimal("0.01")
RATE_QUANTUM = Decimal("0.0001")  # rates are stored with four decimals (DECIMAL(7,4))

PROCUREMENT_SETTINGS = [
    # §2.1 methods and thresholds
    SettingDef(
        "procurement.specific_max_baht",
        500_000,
        N_("จัดซื้อจัดจ้าง: วงเงินสูงสุดของวิธีเฉพาะเจาะจง (บาท)"),
        0,
        100_000_000,
    ),
    SettingDef(
        "procurement.price_quotation_max_baht",
        5_000_000,
        N_("จัดซื้อจัดจ้าง: วงเงินสูงสุดของวิธีสอบราคา (บาท)"),
        0,
        1_000_000_000,
    ),
    SettingDef(
        "procurement.single_inspector_max_baht",
        100_000,
        N_("จัดซื้อจัดจ้าง: วงเงินที่แต่งตั้งผู้ตรวจรับพัสดุคนเดียวได้ (บาท)"),
        0,
        10_000_000,
    ),
    SettingDef(
        "procurement.no_written_agreement_max_baht",
        10_000,
        N_("จัดซื้อจัดจ้าง: วงเงินที่ไม่ต้องทำข้อตกลงเป็นหนังสือ (บาท)"),
        0,
        1_000_000,
    ),
    SettingDef(
        "procurement.selection_min_firms",
        3,
        N_("จัดซื้อจัดจ้าง: จำนวนผู้ประกอบการขั้นต่ำที่เชิญในวิธีคัดเลือก"),
        1,
        20,
    ),
    # §2.4 committees
    SettingDef(
        "procurement.committee_min_members",
        3,
        N_("คณะกรรมการ: จำนวนกรรมการขั้นต่ำ (ประธานรวมกรรมการ)"),
        1,
        15,
    ),
    SettingDef(
        "procurement.ban_scope_inspection_overlap",
        False,
        N_("คณะกรรมการ: ห้ามกรรมการจัดทำขอบเขตของงานเป็นกรรมการตรวจรับในโครงการเดียวกัน"),
    ),
    SettingDef(
        "procurement.ban_specific_inspection_overlap",
        False,
        N_("คณะกรรมการ: ห้ามกรรมการวิธีเฉพาะเจาะจงเป็นกรรมการตรวจรับในโครงการเดียวกัน"),
    ),
    SettingDef(
        "procurement.require_declarations",
        True,
        N_("คณะกรรมการ: ต้องมีแบบแสดงความบริสุทธิ์ใจของกรรมการทุกคนก่อนตรวจรับ"),
    ),
    # §2.7 security, §2.5 contract
    SettingDef("procurement.security_pct", 5.0, N_("หลักประกันสัญญา: ร้อยละของราคาตามสัญญา"), 0, 10),
    SettingDef(
        "procurement.security_return_days",
        15,
        N_("หลักประกันสัญญา: คืนภายในกี่วันนับถัดจากวันพ้นข้อผูกพัน"),
        1,
        90,
    ),
    SettingDef(
        "procurement.audit_copy_min_baht",
        1_000_000,
        N_("สัญญา: มูลค่าที่ต้องส่งสำเนาให้ สตง. (บาท)"),
        0,
        1_000_000_000,
    ),
    SettingDef("procurement.audit_copy_days", 30, N_("สัญญา: ส่งสำเนาให้ สตง. ภายในกี่วัน"), 1, 365),
    SettingDef(
        "procurement.payment_days",
        30,
        N_("เบิกจ่าย: จ่ายเงินภายในกี่วันหลังรับใบแจ้งหนี้"),
        1,
        365,
    ),
    SettingDef("procurement.vat_pct", 7.0, N_("ภาษีมูลค่าเพิ่ม (ร้อยละ)"), 0, 30),
    # §2.6 penalties
    SettingDef(
        "procurement.penalty_working_days",
        False,
        N_("ค่าปรับ: นับวันล่าช้าเป็นวันทำการ (ไม่เลือก = นับทุกวันตามปฏิทิน)"),
    ),
    SettingDef(
        "procurement.penalty_base_includes_vat",
        True,
        N_("ค่าปรับ: คิดจากราคารวมภาษีมูลค่าเพิ่ม"),
    ),
    SettingDef(
        "procurement.penalty_min_per_day",
        100,
        N_("ค่าปรับ: ขั้นต่ำต่อวันของงานจ้างที่ต้องการผลสำเร็จพร้อมกัน (บาท)"),
        0,
        100_000,
    ),
    SettingDef(
        "procurement.penalty_min_on_purchases",
        False,
        N_("ค่าปรับ: ใช้ค่าปรับขั้นต่ำต่อวันกับงานซื้อด้วย"),
    ),
    SettingDef(
        "procurement.penalty_warning_pct",
        10.0,
        N_("ค่าปรับ: เตือนให้พิจารณาบอกเลิกสัญญาเมื่อค่าปรับเกินร้อยละของราคาสัญญา"),
        0,
        100,
    ),
    SettingDef(
        "procurement.penalty_notice_pct",
        5.0,
        N_("ค่าปรับ: แจ้งเตือนล่วงหน้าเมื่อค่าปรับถึงร้อยละของราคาสัญญา"),
        0,
        100,
    ),
    # §5 reminders
    SettingDef(
        "procurement.installment_reminder_days",
        14,
        N_("แจ้งเตือน: งวดงานที่ครบกำหนดภายในกี่วัน"),
        0,
        365,
    ),
    SettingDef(
        "procurement.warranty_reminder_days",
        60,
        N_("แจ้งเตือน: การรับประกันที่จะสิ้นสุดภายในกี่วัน"),
        0,
        365,
    ),
    SettingDef(
        "procurement.inspection_within_working_days",
        3,
        N_("แจ้งเตือน: ตรวจรับภายในกี่วันทำการหลังส่งมอบ"),
        0,
        60,
    ),
]
for _definition in PROCUREMENT_SETTINGS:
    settings.declare(_definition)


def setting_decimal(key: str) -> Decimal:
    """A numeric setting as a ``Decimal`` (settings store ints and floats; money needs exactness)."""
    return Decimal(str(settings.get(key)))


def amount(
    value: Any,
    field: str,
    label: str,
    *,
    allow_zero: bool = True,
    required: bool = True,
    quantum: Decimal = CENT,
) -> Decimal | None:
    """``value`` as baht with satang, or ``ValidationError`` naming ``label`` (already translated):
    refused when missing (if required), not a number, NaN or infinite, negative, zero (unless
    allowed), or too large for the database. Accepts Thai digits and thousands separators."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if not required:
            return None
        raise ValidationError(_("กรุณากรอก{label}").format(label=label), {field: _("ต้องกรอก")})
    if isinstance(value, bool):
        value = str(value)
    try:
        if isinstance(value, float):
            if math.isnan(value) or math.isinf(value):
                raise decimal.InvalidOperation
            number = Decimal(str(value))
        elif isinstance(value, (int, Decimal)):
            number = Decimal(value)
        else:
            text = str(value).translate(_THAI_DIGITS).replace(",", "").replace(" ", "").strip()
            number = Decimal(text)
    except (decimal.InvalidOperation, ValueError):
        raise ValidationError(
            _("{label} ต้องเป็นตัวเลข").format(label=label), {field: _("ต้องเป็นตัวเลข")}
        ) from None
    if not number.is_finite():
        raise ValidationError(
            _("{label} ต้องเป็นตัวเลข").format(label=label), {field: _("ต้องเป็นตัวเลข")}
        )
    if number < 0:
        raise ValidationError(_("{label} ต้องไม่ติดลบ").format(label=label), {field: _("ต้องไม่ติดลบ")})
    if number == 0 and not allow_zero:
        raise ValidationError(
            _("{label} ต้องมากกว่าศูนย์").format(label=label), {field: _("ต้องมากกว่าศูนย์")}
        )
    if number > MAX_AMOUNT:
        raise ValidationError(
            _("{label} มากเกินกว่าที่ระบบรับได้").format(label=label), {field: _("มากเกินไป")}
        )
    return number.quantize(quantum, rounding=decimal.ROUND_HALF_UP)


def required_amount(
    value: Any, field: str, label: str, *, allow_zero: bool = True, quantum: Decimal = CENT
) -> Decimal:
    result = amount(value, field, label, allow_zero=allow_zero, quantum=quantum)
    assert result is not None  # required=True never returns None
    return result


def percent(value: Any, field: str, label: str, *, low: Decimal, high: Decimal) -> Decimal:
    """A percentage within ``low``..``high`` (e.g. a penalty rate per day)."""
    number = required_amount(value, field, label, quantum=RATE_QUANTUM)
    if not (low <= number <= high):
        raise ValidationError(
            _("{label} ต้องอยู่ระหว่างร้อยละ {low} ถึง {high}").format(label=label, low=low, high=high),
            {field: _("อยู่นอกช่วงที่กำหนด")},
        )
    return number


def required_date(value: Any, field: str, label: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(_("กรุณากรอก{label}ให้ถูกต้อง").format(label=label), {field: _("วันที่ไม่ถูกต้อง")})


def optional_date(value: Any, field: str, label: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return required_date(value, field, label)


def required_text(value: Any, field: str, label: str) -> str:
    text = str(value or "").strip()
    if not text:
        raise ValidationError(_("กรุณากรอก{label}").format(label=label), {field: _("ต้องกรอก")})
    return text


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def tax_id_digits(value: str) -> str:
    """The 13 digits of a tax ID typed with or without dashes, spaces or Thai digits."""
    return "".join(
        ch for ch in str(value).translate(_THAI_DIGITS) if not ch.isspace() and ch != "-"
    )


def tax_id_is_valid(value: str) -> bool:
    """The Revenue Department's checksum: the 13th digit is (11 - Σ dᵢ·(13-i) mod 11) mod 10."""
    digits = tax_id_digits(value)
    if len(digits) != 13 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def check_tax_id(value: Any, field: str = "tax_id") -> str:
    """The tax ID as 13 plain digits, or ``ValidationError`` (length or checksum)."""
    digits = tax_id_digits(str(value or ""))
    if len(digits) != 13 or not digits.isascii() or not digits.isdigit():
        raise ValidationError(
            _("เลขประจำตัวผู้เสียภาษีต้องเป็นตัวเลข 13 หลัก"), {field: _("ต้องเป็นตัวเลข 13 หลัก")}
        )
    if not tax_id_is_valid(digits):
        raise ValidationError(
            _("เลขประจำตัวผู้เสียภาษี {tax_id} ไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)").format(tax_id=digits),
            {field: _("หลักตรวจสอบไม่ตรง")},
        )
    return digits
