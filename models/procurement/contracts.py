"""Contracts (สัญญา) owned by any process's case, with their installments (งวดงาน), performance
security (หลักประกันสัญญา) and warranty (counted from the day after full acceptance).

    contract = create_contract(
        actor, case_id=case.id, number="12/2570", title="จ้างบำรุงรักษาระบบเครือข่าย",
        vendor_id=vendor.id, signed_on=date(2026, 11, 2), price="480000.00", vat="31401.87",
        method="specific", nature="hire", penalty_rate_pct="0.10", warranty_months=12,
        installments=[
            {"title": "งวดที่ 1", "due_on": date(2027, 1, 31), "amount": "240000.00",
             "deliverables": "รายงานการบำรุงรักษา"},
            {"title": "งวดที่ 2", "due_on": date(2027, 3, 31), "amount": "240000.00"},
        ],
    )
    set_security(actor, contract, instrument="bank_guarantee", amount=None, ...)  # 5 % default
    installments(contract); security_of(contract); warranty_end(contract)

Installment amounts must add up to the contract price and no due date may fall before the
signing date; the penalty terms (rate per day checked against the range for the contract's
nature, minimum per day, base, VAT, calendar or working days) are stored with the contract.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

import peewee

from models import records, settings
from models.base import Actor, VersionedModel
from models.errors import ValidationError
from models.i18n import N_, _
from models.org import Committee, Vendor
from models.permissions import Permission, require
from models.procurement import rules
from models.procurement.methods import check_method
from models.procurement.penalties import PenaltyBase, PenaltyTerms
from models.procurement.vendors import registered_vendor
from models.write_lock import write_transaction


class Nature:
    PURCHASE = "purchase"  # ซื้อ
    HIRE = "hire"  # จ้าง ที่ตรวจรับเป็นส่วน ๆ ได้
    HIRE_WHOLE = "hire_whole"  # จ้าง ที่ต้องการผลสำเร็จของงานทั้งหมดพร้อมกัน
    MAINTENANCE = "maintenance"  # จ้างบริการบำรุงรักษา (ร.310-60)
    RENT = "rent"  # เช่า


NATURE_LABELS = {
    Nature.PURCHASE: N_("ซื้อ"),
    Nature.HIRE: N_("จ้าง (ตรวจรับเป็นงวดได้)"),
    Nature.HIRE_WHOLE: N_("จ้าง (ต้องการผลสำเร็จของงานทั้งหมดพร้อมกัน)"),
    Nature.MAINTENANCE: N_("จ้างบริการบำรุงรักษา"),
    Nature.RENT: N_("เช่า"),
}

# Daily late-penalty rates the standard forms allow (ข้อ ๑๖๒; PROCUREMENT.md §2.6.1), in %.
RATE_RANGES: dict[str, tuple[Decimal, Decimal]] = {
    Nature.PURCHASE: (Decimal("0.01"), Decimal("0.20")),
    Nature.HIRE: (Decimal("0.01"), Decimal("0.20")),
    Nature.HIRE_WHOLE: (Decimal("0.01"), Decimal("0.10")),
    Nature.MAINTENANCE: (Decimal("0.01"), Decimal("0.10")),
    Nature.RENT: (Decimal("0.01"), Decimal("0.20")),
}
DEFAULT_BASE = {
    Nature.PURCHASE: PenaltyBase.UNDELIVERED,
    Nature.HIRE: PenaltyBase.UNDELIVERED,
    Nature.HIRE_WHOLE: PenaltyBase.CONTRACT,
    Nature.MAINTENANCE: PenaltyBase.INSTALLMENT,
    Nature.RENT: PenaltyBase.UNDELIVERED,
}
# Ranges of the hourly downtime penalty (ร.310-60 ข้อ ๕), in % of the contract price per hour.
DOWNTIME_RATE_RANGE = (Decimal("0.025"), Decimal("0.035"))


class SecurityInstrument:
    CASH = "cash"
    BANK_CHEQUE = "bank_cheque"
    BANK_GUARANTEE = "bank_guarantee"
    E_GUARANTEE = "e_guarantee"
    FINANCE_COMPANY = "finance_company"
    GOVERNMENT_BOND = "government_bond"


SECURITY_LABELS = {
    SecurityInstrument.CASH: N_("เงินสด"),
    SecurityInstrument.BANK_CHEQUE: N_("เช็คหรือดราฟท์ที่ธนาคารรับรอง"),
    SecurityInstrument.BANK_GUARANTEE: N_("หนังสือค้ำประกันของธนาคาร"),
    SecurityInstrument.E_GUARANTEE: N_("หนังสือค้ำประกันอิเล็กทรอนิกส์"),
    SecurityInstrument.FINANCE_COMPANY: N_("หนังสือค้ำประกันของบริษัทเงินทุน"),
    SecurityInstrument.GOVERNMENT_BOND: N_("พันธบัตรรัฐบาลไทย"),
}


class InstallmentStatus:
    PENDING = "pending"  # รอส่งมอบ
    DELIVERED = "delivered"  # ส่งมอบแล้ว รอตรวจรับ
    PARTIAL = "partial"  # ตรวจรับบางส่วน
    ACCEPTED = "accepted"  # ตรวจรับแล้ว


INSTALLMENT_STATUS_LABELS = {
    InstallmentStatus.PENDING: N_("รอส่งมอบ"),
    InstallmentStatus.DELIVERED: N_("ส่งมอบแล้ว รอตรวจรับ"),
    InstallmentStatus.PARTIAL: N_("ตรวจรับบางส่วน"),
    InstallmentStatus.ACCEPTED: N_("ตรวจรับแล้ว"),
}


class ContractStatus:
    ACTIVE = "active"  # ระหว่างดำเนินการ
    ACCEPTED = "accepted"  # ตรวจรับครบทุกงวด (อยู่ในระยะรับประกัน)
    CLOSED = "closed"  # คืนหลักประกันแล้ว
    TERMINATED = "terminated"  # บอกเลิกสัญญา


CONTRACT_STATUS_LABELS = {
    ContractStatus.ACTIVE: N_("ระหว่างดำเนินการ"),
    ContractStatus.ACCEPTED: N_("ตรวจรับครบแล้ว"),
    ContractStatus.CLOSED: N_("ปิดสัญญาแล้ว"),
    ContractStatus.TERMINATED: N_("บอกเลิกสัญญา"),
}


class Contract(VersionedModel):
    field_labels: ClassVar[dict[str, str]] = {
        "number": N_("เลขที่สัญญา"),
        "title": N_("ชื่อสัญญา/งานที่จ้าง"),
        "price": N_("ราคาตามสัญญา"),
        "vat": N_("ภาษีมูลค่าเพิ่ม"),
        "note": N_("หมายเหตุ"),
    }
    case_id = peewee.IntegerField(null=True, index=True)  # the owning case (process 4 or 5)
    number = peewee.CharField(max_length=100, unique=True)  # สัญญาเลขที่
    title = peewee.CharField(max_length=500)
    vendor = peewee.ForeignKeyField(Vendor, backref="contracts", on_delete="RESTRICT")
    signed_on = peewee.DateField(index=True)
    method = peewee.CharField(max_length=32)
    nature = peewee.CharField(max_length=32, default=Nature.HIRE)
    price = peewee.DecimalField(max_digits=15, decimal_places=2)  # รวมภาษีมูลค่าเพิ่ม
    vat = peewee.DecimalField(max_digits=15, decimal_places=2, default=Decimal(0))
    ends_on = peewee.DateField(null=True)
    # The contract's own penalty terms (PROCUREMENT.md §3.7 penalty_terms).
    penalty_rate_pct = peewee.DecimalField(max_digits=7, decimal_places=4)
    penalty_min_per_day = peewee.DecimalField(max_digits=15, decimal_places=2, default=Decimal(0))
    penalty_base = peewee.CharField(max_length=32, default=PenaltyBase.UNDELIVERED)
    penalty_includes_vat = peewee.BooleanField(default=True)
    penalty_working_days = peewee.BooleanField(default=False)
    # Downtime (ร.310-60 ข้อ ๕): hours a month allowed, then a rate per hour (0 = no such penalty).
    downtime_allowance_hours = peewee.IntegerField(default=0)
    downtime_rate_pct = peewee.DecimalField(max_digits=7, decimal_places=4, default=Decimal(0))
    warranty_months = peewee.IntegerField(default=0)
    warranty_starts_on = peewee.DateField(null=True)  # the day after full acceptance
    inspection_committee = peewee.ForeignKeyField(Committee, null=True, on_delete="SET NULL")
    status = peewee.CharField(max_length=32, default=ContractStatus.ACTIVE, index=True)
    note = peewee.TextField(default="")

    if TYPE_CHECKING:
        installments: peewee.ModelSelect[Installment]

    def penalty_terms(self) -> PenaltyTerms:
        return PenaltyTerms(
            rate_pct=Decimal(self.penalty_rate_pct),
            min_per_day=Decimal(self.penalty_min_per_day),
            base=self.penalty_base,
            includes_vat=self.penalty_includes_vat,
            vat_pct=rules.setting_decimal("procurement.vat_pct"),
            working_days=self.penalty_working_days,
        )

    @property
    def warranty_ends_on(self) -> dt.date | None:
        if self.warranty_starts_on is None:
            return None
        return add_months(self.warranty_starts_on, self.warranty_months) - dt.timedelta(days=1)


class Installment(VersionedModel):
    field_labels: ClassVar[dict[str, str]] = {
        "title": N_("ชื่องวดงาน"),
        "amount": N_("จำนวนเงินของงวด"),
        "deliverables": N_("สิ่งที่ต้องส่งมอบ"),
    }
    contract = peewee.ForeignKeyField(Contract, backref="installments", on_delete="CASCADE")
    seq = peewee.IntegerField()
    title = peewee.CharField(max_length=300, default="")
    due_on = peewee.DateField(index=True)
    amount = peewee.DecimalField(max_digits=15, decimal_places=2)
    deliverables = peewee.TextField(default="")
    status = peewee.CharField(max_length=32, default=InstallmentStatus.PENDING, index=True)
    accepted_on = peewee.DateField(null=True)

    class Meta:
        indexes = ((("contract", "seq"), True),)


class Security(VersionedModel):
    field_labels: ClassVar[dict[str, str]] = {
        "issuer": N_("ธนาคาร/ผู้ออก"),
        "number": N_("เลขที่หลักประกัน"),
        "amount": N_("จำนวนเงินหลักประกัน"),
        "note": N_("หมายเหตุ"),
    }
    contract = peewee.ForeignKeyField(Contract, backref="securities", on_delete="CASCADE")
    instrument = peewee.CharField(max_length=32)
    issuer = peewee.CharField(max_length=300, default="")  # ธนาคาร/สาขา
    number = peewee.CharField(max_length=100, default="")
    amount = peewee.DecimalField(max_digits=15, decimal_places=2)
    received_on = peewee.DateField()
    expires_on = peewee.DateField(null=True)  # none: no expiry (cash, cheque)
    returned_on = peewee.DateField(null=True)
    note = peewee.TextField(default="")


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def nature_label(nature: str) -> str:
    label = NATURE_LABELS.get(nature)
    return _(label) if label else nature


class _Errors:
    """Collect every field's error, then raise them together (the form marks all at once)."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}
        self.messages: list[str] = []

    def check(self, fn: Any) -> Any:
        try:
            return fn()
        except ValidationError as exc:
            self.errors.update(exc.errors)
            self.messages.append(exc.message)
            return None

    def add(self, field: str, short: str, message: str) -> None:
        self.errors[field] = short
        self.messages.append(message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(" ".join(self.messages), self.errors)


def check_installments(
    rows: list[dict[str, Any]], *, price: Decimal, signed_on: dt.date
) -> list[dict[str, Any]]:
    """Clean installment rows: each a title, due date (not before ``signed_on``) and amount; the
    amounts must add up to ``price``. Errors name ``installments[n].field``."""
    if not rows:
        raise ValidationError(_("สัญญาต้องมีงวดงานอย่างน้อยหนึ่งงวด"), {"installments": _("ต้องมีงวดงาน")})
    errs = _Errors()
    cleaned: list[dict[str, Any]] = []
    for n, row in enumerate(rows, start=1):
        key = f"installments[{n}]"
        due = errs.check(
            lambda row=row, n=n, key=key: rules.required_date(
                row.get("due_on"), f"{key}.due_on", _("วันครบกำหนดส่งมอบงวดที่ {n}").format(n=n)
            )
        )
        share = errs.check(
            lambda row=row, n=n, key=key: rules.required_amount(
                row.get("amount"),
                f"{key}.amount",
                _("จำนวนเงินงวดที่ {n}").format(n=n),
                allow_zero=False,
            )
        )
        if due is not None and due < signed_on:
            errs.add(
                f"{key}.due_on",
                _("ก่อนวันลงนามสัญญา"),
                _("วันครบกำหนดส่งมอบงวดที่ {n} ต้องไม่อยู่ก่อนวันลงนามสัญญา").format(n=n),
            )
        cleaned.append(
            {
                "seq": n,
                "title": str(row.get("title") or "").strip() or _("งวดที่ {n}").format(n=n),
                "due_on": due,
                "amount": share,
                "deliverables": str(row.get("deliverables") or "").strip(),
            }
        )
    errs.raise_if_any()
    total = sum((row["amount"] for row in cleaned), Decimal(0))
    if total != price:
        raise ValidationError(
            _("จำนวนเงินของงวดงานรวมกัน {total:,.2f} บาท ไม่เท่ากับราคาตามสัญญา {price:,.2f} บาท").format(
                total=total, price=price
            ),
            {"installments": _("ยอดรวมไม่เท่าราคาตามสัญญา")},
        )
    dues = [row["due_on"] for row in cleaned]
    if dues != sorted(dues):
        raise ValidationError(
            _("วันครบกำหนดของงวดงานต้องเรียงตามลำดับงวด"),
            {"installments": _("วันครบกำหนดไม่เรียงลำดับ")},
        )
    return cleaned


def create_contract(
    actor: Actor | None,
    *,
    case_id: int | None,
    number: str,
    title: str,
    vendor_id: Any,
    signed_on: Any,
    price: Any,
    vat: Any = 0,
    method: str,
    method_reason: str = "",
    nature: str = Nature.HIRE,
    penalty_rate_pct: Any,
    penalty_min_per_day: Any = None,
    penalty_base: str | None = None,
    penalty_includes_vat: bool | None = None,
    penalty_working_days: bool | None = None,
    downtime_allowance_hours: int = 0,
    downtime_rate_pct: Any = 0,
    warranty_months: int = 0,
    ends_on: Any = None,
    inspection_committee_id: int | None = None,
    installments: list[dict[str, Any]],
    note: str = "",
) -> Contract:
    """Record a signed contract with its installment plan, in one transaction. Defaults come from
    the settings (minimum per day for whole-result hire, VAT in the base, calendar days); every
    error names its field; nothing is saved on any error."""
    require(actor, Permission.WORK_CASES)
    errs = _Errors()
    number_text = errs.check(lambda: rules.required_text(number, "number", _("เลขที่สัญญา")))
    title_text = errs.check(lambda: rules.required_text(title, "title", _("ชื่อสัญญา/งานที่จ้าง")))
    vendor = errs.check(lambda: registered_vendor(vendor_id))
    signed = errs.check(lambda: rules.required_date(signed_on, "signed_on", _("วันที่ลงนามสัญญา")))
    total = errs.check(
        lambda: rules.required_amount(price, "price", _("ราคาตามสัญญา"), allow_zero=False)
    )
    tax = errs.check(lambda: rules.required_amount(vat, "vat", _("ภาษีมูลค่าเพิ่ม")))
    end = errs.check(lambda: rules.optional_date(ends_on, "ends_on", _("วันสิ้นสุดสัญญา")))
    if nature not in NATURE_LABELS:
        errs.add("nature", _("ไม่ถูกต้อง"), _("กรุณาเลือกประเภทสัญญา (ซื้อ/จ้าง/เช่า)"))
        low, high = Decimal("0.01"), Decimal("0.20")
    else:
        low, high = RATE_RANGES[nature]
    rate = errs.check(
        lambda: rules.percent(
            penalty_rate_pct, "penalty_rate_pct", _("อัตราค่าปรับต่อวัน"), low=low, high=high
        )
    )
    minimum = errs.check(
        lambda: rules.amount(
            penalty_min_per_day, "penalty_min_per_day", _("ค่าปรับขั้นต่ำต่อวัน"), required=False
        )
    )
    downtime_rate = errs.check(
        lambda: rules.required_amount(
            downtime_rate_pct,
            "downtime_rate_pct",
            _("อัตราค่าปรับต่อชั่วโมง"),
            quantum=rules.RATE_QUANTUM,
        )
    )
    if downtime_rate and not (DOWNTIME_RATE_RANGE[0] <= downtime_rate <= DOWNTIME_RATE_RANGE[1]):
        errs.add(
            "downtime_rate_pct",
            _("อยู่นอกช่วงที่กำหนด"),
            _("อัตราค่าปรับต่อชั่วโมงต้องอยู่ระหว่างร้อยละ 0.025 ถึง 0.035 ของราคาสัญญา"),
        )
    base = penalty_base or DEFAULT_BASE.get(nature, PenaltyBase.UNDELIVERED)
    if base not in (PenaltyBase.UNDELIVERED, PenaltyBase.INSTALLMENT, PenaltyBase.CONTRACT):
        errs.add("penalty_base", _("ไม่ถูกต้อง"), _("ฐานการคิดค่าปรับไม่ถูกต้อง"))
    for name, value, label in (
        ("warranty_months", warranty_months, _("ระยะเวลารับประกัน (เดือน)")),
        ("downtime_allowance_hours", downtime_allowance_hours, _("ชั่วโมงที่ยอมให้ขัดข้องต่อเดือน")),
    ):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1200:
            errs.add(name, _("ไม่ถูกต้อง"), _("{label} ต้องเป็นจำนวนเต็มไม่ติดลบ").format(label=label))
    if total is not None and tax is not None and tax >= total:
        errs.add("vat", _("มากเกินไป"), _("ภาษีมูลค่าเพิ่มต้องน้อยกว่าราคาตามสัญญา"))
    if total is not None:
        errs.check(lambda: check_method(method, total, reason=method_reason))
    if signed is not None and end is not None and end < signed:
        errs.add("ends_on", _("ก่อนวันลงนาม"), _("วันสิ้นสุดสัญญาต้องไม่อยู่ก่อนวันลงนามสัญญา"))
    if number_text and Contract.select().where(Contract.number == number_text).exists():
        errs.add(
            "number",
            _("ซ้ำ"),
            _("มีสัญญาเลขที่ {number} อยู่แล้ว").format(number=number_text),
        )
    committee = None
    if inspection_committee_id is not None:
        committee = Committee.get_or_none(Committee.id == inspection_committee_id)
        if committee is None:
            errs.add("inspection_committee", _("ไม่พบ"), _("ไม่พบคณะกรรมการตรวจรับที่เลือก"))
    errs.raise_if_any()
    assert total is not None and signed is not None and rate is not None
    plan = check_installments(installments, price=total, signed_on=signed)
    if committee is not None:
        from models.procurement.committees import check_inspector

        check_inspector(committee, total)
    if minimum is None:
        whole = nature == Nature.HIRE_WHOLE
        purchases_too = bool(settings.get("procurement.penalty_min_on_purchases"))
        minimum = (
            rules.setting_decimal("procurement.penalty_min_per_day")
            if whole or purchases_too
            else Decimal(0)
        )
    with write_transaction():
        contract = records.create(
            actor,
            Contract,
            case_id=case_id,
            number=number_text,
            title=title_text,
            vendor=vendor,
            signed_on=signed,
            method=method,
            nature=nature,
            price=total,
            vat=tax,
            ends_on=end,
            penalty_rate_pct=rate,
            penalty_min_per_day=minimum,
            penalty_base=base,
            penalty_includes_vat=(
                bool(settings.get("procurement.penalty_base_includes_vat"))
                if penalty_includes_vat is None
                else penalty_includes_vat
            ),
            penalty_working_days=(
                bool(settings.get("procurement.penalty_working_days"))
                if penalty_working_days is None
                else penalty_working_days
            ),
            downtime_allowance_hours=downtime_allowance_hours,
            downtime_rate_pct=downtime_rate or Decimal(0),
            warranty_months=warranty_months,
            inspection_committee=committee,
            note=note.strip(),
        )
        for row in plan:
            records.create(actor, Installment, contract=contract, **row)
    return contract


def replace_installments(
    actor: Actor | None, contract: Contract, rows: list[dict[str, Any]]
) -> list[Installment]:
    """Replace the installment plan while nothing has been delivered yet."""
    require(actor, Permission.WORK_CASES)
    current = installments(contract)
    if any(i.status != InstallmentStatus.PENDING for i in current):
        raise ValidationError(
            _("มีงวดงานที่ส่งมอบแล้ว จึงแก้ไขแผนงวดงานไม่ได้"), {"installments": _("ส่งมอบแล้ว")}
        )
    plan = check_installments(rows, price=Decimal(contract.price), signed_on=contract.signed_on)
    with write_transaction():
        for old in current:
            records.delete(actor, old)
        return [records.create(actor, Installment, contract=contract, **row) for row in plan]


def set_inspection_committee(
    actor: Actor | None, contract: Contract, committee: Committee
) -> Contract:
    require(actor, Permission.WORK_CASES)
    from models.procurement.committees import check_inspector

    check_inspector(committee, contract.price)
    return records.update(actor, contract, inspection_committee=committee)


def installments(contract: Contract) -> list[Installment]:
    return list(
        Installment.select().where(Installment.contract == contract).order_by(Installment.seq)
    )


def required_security(contract: Contract) -> Decimal:
    """The performance security the setting asks for (5 % of the price by default)."""
    pct = rules.setting_decimal("procurement.security_pct")
    return (Decimal(contract.price) * pct / 100).quantize(rules.CENT)


def set_security(
    actor: Actor | None,
    contract: Contract,
    *,
    instrument: str,
    amount: Any = None,
    received_on: Any,
    issuer: str = "",
    number: str = "",
    expires_on: Any = None,
    note: str = "",
) -> Security:
    """Record the performance security (``amount`` None: the required percentage of the price).
    An amount below the requirement, an unknown instrument, or an expiry before the signing date
    is refused."""
    require(actor, Permission.WORK_CASES)
    errs = _Errors()
    if instrument not in SECURITY_LABELS:
        errs.add("instrument", _("ไม่ถูกต้อง"), _("กรุณาเลือกชนิดหลักประกัน"))
    needed = required_security(contract)
    value = errs.check(
        lambda: rules.required_amount(
            needed if amount is None else amount, "amount", _("จำนวนเงินหลักประกัน")
        )
    )
    if value is not None and value < needed:
        errs.add(
            "amount",
            _("น้อยกว่าที่กำหนด"),
            _("จำนวนเงินหลักประกันต้องไม่น้อยกว่า {needed:,.2f} บาท (ร้อยละ {pct} ของราคาสัญญา)").format(
                needed=needed, pct=settings.get("procurement.security_pct")
            ),
        )
    received = errs.check(
        lambda: rules.required_date(received_on, "received_on", _("วันที่รับหลักประกัน"))
    )
    expiry = errs.check(
        lambda: rules.optional_date(expires_on, "expires_on", _("วันหมดอายุหลักประกัน"))
    )
    if expiry is not None and expiry < contract.signed_on:
        errs.add(
            "expires_on",
            _("ก่อนวันลงนาม"),
            _("วันหมดอายุหลักประกันต้องไม่อยู่ก่อนวันลงนามสัญญา"),
        )
    errs.raise_if_any()
    with write_transaction():
        current = security_of(contract)
        values = {
            "instrument": instrument,
            "amount": value,
            "received_on": received,
            "issuer": issuer.strip(),
            "number": number.strip(),
            "expires_on": expiry,
            "note": note.strip(),
        }
        if current is None:
            return records.create(actor, Security, contract=contract, **values)
        return records.update(actor, current, **values)


def security_of(contract: Contract) -> Security | None:
    found: Security | None = (
        Security.select().where(Security.contract == contract).order_by(Security.id).first()
    )
    return found


def security_return_due(contract: Contract) -> dt.date | None:
    """The day the security must be back with the vendor: the liability ends at the warranty's end
    (or at full acceptance without one), and the return is due within the setting's days after."""
    if contract.warranty_starts_on is None:
        return None
    end = contract.warranty_ends_on or contract.warranty_starts_on
    return end + dt.timedelta(days=int(settings.get("procurement.security_return_days")))


def return_security(actor: Actor | None, security: Security, *, returned_on: Any) -> Security:
    """Record the security's return; refused before every installment is accepted."""
    require(actor, Permission.WORK_CASES)
    day = rules.required_date(returned_on, "returned_on", _("วันที่คืนหลักประกัน"))
    contract = security.contract
    if contract.warranty_starts_on is None:
        raise ValidationError(
            _("ยังตรวจรับงานไม่ครบทุกงวด จึงคืนหลักประกันสัญญาไม่ได้"),
            {"returned_on": _("ยังตรวจรับไม่ครบ")},
        )
    if day < security.received_on:
        raise ValidationError(
            _("วันที่คืนหลักประกันต้องไม่อยู่ก่อนวันที่รับหลักประกัน"),
            {"returned_on": _("ก่อนวันที่รับ")},
        )
    with write_transaction():
        records.update(actor, contract, status=ContractStatus.CLOSED)
        return records.update(actor, security, returned_on=day)


def contracts_of_case(case_id: int) -> list[Contract]:
    return list(Contract.select().where(Contract.case_id == case_id).order_by(Contract.id))


def contracts_of_vendor(vendor: Vendor) -> list[Contract]:
    return list(
        Contract.select().where(Contract.vendor == vendor).order_by(Contract.signed_on.desc())
    )


def all_contracts(start: dt.date | None = None, end: dt.date | None = None) -> list[Contract]:
    query = Contract.select(Contract, Vendor).join(Vendor)
    if start is not None:
        query = query.where(Contract.signed_on >= start)
    if end is not None:
        query = query.where(Contract.signed_on <= end)
    return list(query.order_by(Contract.signed_on, Contract.id))
