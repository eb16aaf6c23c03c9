"""The office asset register (ทะเบียนครุภัณฑ์): computer equipment, software licences and network
equipment, with the government asset number, custody, warranty and status.

Asset numbers are typed with Thai or Arabic digits (``๗๔๔๐-๐๐๑-๐๐๐๑/๖๕`` and ``7440-001-0001/65`` are
the same asset): ``number_key`` holds the normalised form, is unique, and is what searches match.
The number's shape is an office setting (a mask: ``#`` a digit, ``@`` a letter, ``*`` anything).
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import peewee

from models import clock, records, settings, spreadsheets, text_search
from models.base import Actor, VersionedModel
from models.errors import ValidationError
from models.finder import FinderSource, Hit, register_source
from models.i18n import N_, _
from models.org import Unit, Vendor
from models.paging import Page, sorted_page
from models.permissions import Permission, can, require
from models.recycle import restorable
from models.support.asset_fields import FIELD_BY_KEY
from models.write_lock import retry_transaction, write_transaction
from reports.thaifmt import arabic_digits, date_numeric, parse_be_date


class AssetKind(StrEnum):
    HARDWARE = "hardware"  # ครุภัณฑ์คอมพิวเตอร์
    SOFTWARE = "software"  # ซอฟต์แวร์ (สิทธิ์การใช้งาน)
    NETWORK = "network"  # อุปกรณ์เครือข่าย


KIND_LABELS: dict[str, str] = {
    AssetKind.HARDWARE: N_("ครุภัณฑ์คอมพิวเตอร์"),
    AssetKind.SOFTWARE: N_("ซอฟต์แวร์"),
    AssetKind.NETWORK: N_("อุปกรณ์เครือข่าย"),
}


class AssetStatus(StrEnum):
    IN_USE = "in_use"
    IN_REPAIR = "in_repair"
    LOANER_POOL = "loaner_pool"  # a spare machine kept to lend while another is repaired
    ON_LOAN = "on_loan"  # a pool machine lent out (set and cleared only by models.support.loans)
    RETIRED = "retired"  # จำหน่าย / เลิกใช้


STATUS_LABELS: dict[str, str] = {
    AssetStatus.IN_USE: N_("ใช้งาน"),
    AssetStatus.IN_REPAIR: N_("ส่งซ่อม"),
    AssetStatus.LOANER_POOL: N_("เครื่องทดแทน (พร้อมให้ยืม)"),
    AssetStatus.ON_LOAN: N_("เครื่องทดแทน (ให้ยืมอยู่)"),
    AssetStatus.RETIRED: N_("จำหน่าย/เลิกใช้"),
}

settings.declare(
    settings.SettingDef(
        "assets.number_pattern",
        "####-###-####/##",
        N_("รูปแบบเลขครุภัณฑ์ (# = ตัวเลข, @ = ตัวอักษร, * = อะไรก็ได้, เว้นว่าง = ไม่ตรวจรูปแบบ)"),
    )
)

# Categories an office starts with (editable in settings); added the first time any are needed.
DEFAULT_CATEGORIES: tuple[tuple[str, str], ...] = (
    (AssetKind.HARDWARE, "คอมพิวเตอร์ตั้งโต๊ะ"),
    (AssetKind.HARDWARE, "คอมพิวเตอร์โน้ตบุ๊ก"),
    (AssetKind.HARDWARE, "จอภาพ"),
    (AssetKind.HARDWARE, "เครื่องพิมพ์"),
    (AssetKind.HARDWARE, "เครื่องสแกนเนอร์"),
    (AssetKind.HARDWARE, "เครื่องสำรองไฟฟ้า (UPS)"),
    (AssetKind.HARDWARE, "เครื่องฉายภาพ (โปรเจกเตอร์)"),
    (AssetKind.HARDWARE, "เครื่องคอมพิวเตอร์แม่ข่าย"),
    (AssetKind.SOFTWARE, "ระบบปฏิบัติการ"),
    (AssetKind.SOFTWARE, "ชุดโปรแกรมสำนักงาน"),
    (AssetKind.SOFTWARE, "โปรแกรมป้องกันไวรัส"),
    (AssetKind.SOFTWARE, "โปรแกรมเฉพาะงาน"),
    (AssetKind.NETWORK, "อุปกรณ์กระจายสัญญาณ (Switch)"),
    (AssetKind.NETWORK, "อุปกรณ์จัดเส้นทาง (Router)"),
    (AssetKind.NETWORK, "อุปกรณ์กระจายสัญญาณไร้สาย (Access Point)"),
    (AssetKind.NETWORK, "อุปกรณ์รักษาความปลอดภัยเครือข่าย (Firewall)"),
)


class AssetCategory(VersionedModel):
    kind = peewee.CharField(max_length=32, default=AssetKind.HARDWARE)
    name = peewee.CharField(max_length=200)
    active = peewee.BooleanField(default=True)
    sort_order = peewee.IntegerField(default=0)

    class Meta:
        indexes = ((("kind", "name"), True),)


class Asset(VersionedModel):
    kind = peewee.CharField(max_length=32, index=True)
    number = peewee.CharField(max_length=100)  # as the office writes it
    number_key = peewee.CharField(max_length=100, unique=True)  # normalised: unique, searched
    name = peewee.CharField(max_length=300)
    category = peewee.ForeignKeyField(AssetCategory, null=True, on_delete="RESTRICT", index=True)
    brand = peewee.CharField(max_length=200, default="")
    model_name = peewee.CharField(max_length=200, default="")
    serial_number = peewee.CharField(max_length=200, default="", index=True)
    acquired_on = peewee.DateField(null=True)
    price = peewee.DecimalField(max_digits=14, decimal_places=2, null=True)
    budget_source = peewee.CharField(max_length=200, default="")  # เงินงบประมาณ, เงินรายได้ ...
    budget_year = peewee.IntegerField(null=True)  # fiscal year, B.E.
    vendor = peewee.ForeignKeyField(Vendor, null=True, on_delete="SET NULL")
    warranty_end = peewee.DateField(null=True)
    location = peewee.CharField(max_length=300, default="")
    custodian_name = peewee.CharField(max_length=200, default="")
    custodian_unit = peewee.ForeignKeyField(Unit, null=True, on_delete="SET NULL", index=True)
    status = peewee.CharField(max_length=32, default=AssetStatus.IN_USE, index=True)
    notes = peewee.TextField(default="")
    # Software licences
    seats = peewee.IntegerField(null=True)
    licence_expiry = peewee.DateField(null=True)
    # Network equipment
    ip_address = peewee.CharField(max_length=64, default="")
    mac_address = peewee.CharField(max_length=64, default="")
    # Lower-cased, Arabic-digit text of the searchable fields: one LIKE serves the search box.
    search_text = peewee.TextField(default="")

    if TYPE_CHECKING:
        category_id: int | None
        vendor_id: int | None
        custodian_unit_id: int | None

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


# --- asset numbers -------------------------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−﹘﹣－"), "-")
_SLASHES = dict.fromkeys(map(ord, "⁄∕／"), "/")


def normalise_number(text: str) -> str:
    """The comparable form of an asset number: Arabic digits, no spaces, one kind of dash/slash,
    Latin letters upper-cased."""
    cleaned = unicodedata.normalize("NFC", text or "").translate(_DASHES).translate(_SLASHES)
    return re.sub(r"\s+", "", arabic_digits(cleaned)).upper()


def tidy_number(text: str) -> str:
    """The number as the office typed it, trimmed (digits kept as typed)."""
    cleaned = unicodedata.normalize("NFC", text or "").translate(_DASHES).translate(_SLASHES)
    return re.sub(r"\s+", " ", cleaned).strip()


def number_pattern() -> str:
    return str(settings.get("assets.number_pattern") or "").strip()


def pattern_regex(mask: str) -> re.Pattern[str]:
    parts: list[str] = []
    for ch in normalise_number(mask):
        if ch == "#":
            parts.append("[0-9]")
        elif ch == "@":
            parts.append(r"[^\W\d_]")
        elif ch == "*":
            parts.append(".*")
        else:
            parts.append(re.escape(ch))
    return re.compile("^" + "".join(parts) + "$")


def pattern_example(mask: str) -> str:
    """An example number for messages: ``####-###-####/##`` → ``๗๔๔๐-๐๐๑-๐๐๐๑/๖๕``-like."""
    sample = iter("74400010001650000000000000000")
    return "".join(next(sample) if ch == "#" else ("ก" if ch == "@" else ch) for ch in mask)


def check_number(text: str, *, mask: str | None = None) -> str | None:
    """Why ``text`` is not an acceptable asset number, or None."""
    if not normalise_number(text):
        return _("กรุณากรอกเลขครุภัณฑ์")
    chosen = number_pattern() if mask is None else mask
    if chosen and not pattern_regex(chosen).match(normalise_number(text)):
        return _("เลขครุภัณฑ์ “{number}” ไม่ตรงรูปแบบ {mask} (เช่น {example})").format(
            number=text.strip(), mask=chosen, example=pattern_example(chosen)
        )
    return None


def search_text_for(values: Mapping[str, Any]) -> str:
    parts = [
        values.get("number_key", ""),
        values.get("number", ""),
        values.get("name", ""),
        values.get("brand", ""),
        values.get("model_name", ""),
        values.get("serial_number", ""),
        values.get("location", ""),
        values.get("custodian_name", ""),
        values.get("ip_address", ""),
    ]
    return normalise_search(" ".join(str(p) for p in parts if p))


normalise_search = text_search.normalise  # the register's search text, as every list's


# --- categories ----------------------------------------------------------------------------------


def ensure_default_categories() -> None:
    """Give a new installation the usual categories (once: an office that deleted them keeps
    its own list)."""
    if AssetCategory.select().exists():
        return
    try:
        with write_transaction():
            for order, (kind, name) in enumerate(DEFAULT_CATEGORIES):
                records.create(None, AssetCategory, kind=kind, name=name, sort_order=order)
    except peewee.IntegrityError:
        pass  # another workstation added them at the same moment


def categories(kind: str | None = None, *, active_only: bool = True) -> list[AssetCategory]:
    ensure_default_categories()
    query = AssetCategory.select()
    if kind:
        query = query.where(AssetCategory.kind == kind)
    if active_only:
        query = query.where(AssetCategory.active == True)  # noqa: E712
    return list(query.order_by(AssetCategory.kind, AssetCategory.sort_order, AssetCategory.name))


def save_category(
    actor: Actor | None,
    category: AssetCategory | None,
    *,
    expected_version: int | None = None,
    **values: Any,
) -> AssetCategory:
    require(actor, Permission.EDIT_REGISTERS)
    name = str(values.get("name", category.name if category else "")).strip()
    kind = str(values.get("kind", category.kind if category else AssetKind.HARDWARE))
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("กรุณากรอกชื่อหมวดครุภัณฑ์")
    if kind not in set(AssetKind):
        errors["kind"] = _("ประเภทครุภัณฑ์ไม่ถูกต้อง")
    if not errors:
        clash = AssetCategory.select().where(
            (AssetCategory.kind == kind) & (AssetCategory.name == name)
        )
        if category is not None:
            clash = clash.where(AssetCategory.id != category.id)
        if clash.exists():
            errors["name"] = _("มีหมวด “{name}” อยู่แล้ว").format(name=name)
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    values = {**values, "name": name, "kind": kind}
    if category is None:
        return records.create(actor, AssetCategory, **values)
    return records.update(actor, category, expected_version=expected_version, **values)


def delete_category(actor: Actor | None, category: AssetCategory) -> None:
    require(actor, Permission.EDIT_REGISTERS)
    used = Asset.select().where(Asset.category == category.id).count()
    if used:
        raise ValidationError(
            _("หมวด “{name}” มีครุภัณฑ์ {n} รายการ จึงลบไม่ได้ (ปิดการใช้งานหมวดแทนได้)").format(
                name=category.name, n=used
            )
        )
    records.delete(actor, category)


def find_category(kind: str, name: str) -> AssetCategory | None:
    wanted = name.strip()
    row: AssetCategory | None = AssetCategory.get_or_none(
        (AssetCategory.kind == kind) & (AssetCategory.name == wanted)
    )
    return row


# --- saving assets -------------------------------------------------------------------------------

EDITABLE_FIELDS = (
    "kind",
    "number",
    "name",
    "category",
    "brand",
    "model_name",
    "serial_number",
    "acquired_on",
    "price",
    "budget_source",
    "budget_year",
    "vendor",
    "warranty_end",
    "location",
    "custodian_name",
    "custodian_unit",
    "status",
    "notes",
    "seats",
    "licence_expiry",
    "ip_address",
    "mac_address",
)
TEXT_FIELDS = (
    "name",
    "brand",
    "model_name",
    "serial_number",
    "budget_source",
    "location",
    "custodian_name",
    "notes",
    "ip_address",
    "mac_address",
)
# Statuses a person may choose in the asset form; the loan statuses belong to models.support.loans.
MANUAL_STATUSES = (
    AssetStatus.IN_USE,
    AssetStatus.IN_REPAIR,
    AssetStatus.LOANER_POOL,
    AssetStatus.RETIRED,
)


def _fk_id(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, peewee.Model):
        return int(value.get_id())
    return int(value)


def field_labels() -> dict[str, str]:
    return {key: _(f.label) for key, f in FIELD_BY_KEY.items()}


def text_length_errors(values: Mapping[str, Any]) -> dict[str, str]:
    """Values that do not fit their columns (texts too long or with control characters, numbers
    out of range): PostgreSQL and MySQL refuse them with a database error (SQLite would keep
    them), so they are refused here, the same on every backend, with the field's name."""
    return records.field_errors(
        Asset,
        {name: values.get(name) for name in EDITABLE_FIELDS if name in values},
        field_labels(),
    )


def validate_asset(values: Mapping[str, Any], *, exclude_id: int | None = None) -> dict[str, str]:
    """Field errors of a complete set of asset values (empty when they may be saved)."""
    errors: dict[str, str] = text_length_errors(values)
    kind = values.get("kind")
    if kind not in set(AssetKind):
        errors["kind"] = _("กรุณาเลือกประเภทครุภัณฑ์")
    problem = check_number(str(values.get("number") or ""))
    if problem:
        errors["number"] = problem
    elif "number" not in errors:
        key = normalise_number(str(values["number"]))
        clash = Asset.select(Asset.id, Asset.name).where(Asset.number_key == key)
        if exclude_id is not None:
            clash = clash.where(Asset.id != exclude_id)
        other = clash.first()
        if other is not None:
            errors["number"] = _("เลขครุภัณฑ์ “{number}” มีอยู่แล้ว ({name})").format(
                number=str(values["number"]).strip(), name=other.name
            )
    if not str(values.get("name") or "").strip():
        errors["name"] = _("กรุณากรอกชื่อครุภัณฑ์")
    price = values.get("price")
    if price is not None and "price" not in errors and decimal.Decimal(str(price)) < 0:
        errors["price"] = _("ราคาต้องไม่ติดลบ")
    year = values.get("budget_year")
    if year is not None and not 2400 <= int(year) <= 2800:
        errors["budget_year"] = _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569")
    seats = values.get("seats")
    if seats is not None and "seats" not in errors and int(seats) < 0:
        errors["seats"] = _("จำนวนสิทธิ์ใช้งานต้องไม่ติดลบ")
    if values.get("status") not in set(AssetStatus):
        errors["status"] = _("สถานะไม่ถูกต้อง")
    errors.update(date_errors(values))
    acquired, warranty = values.get("acquired_on"), values.get("warranty_end")
    if acquired and warranty and "warranty_end" not in errors and warranty < acquired:
        errors["warranty_end"] = _("วันสิ้นสุดการรับประกันต้องไม่ก่อนวันที่ได้มา")
    category_id = _fk_id(values.get("category"))
    if category_id is not None and "kind" not in errors:
        category = AssetCategory.get_or_none(AssetCategory.id == category_id)
        if category is None:
            errors["category"] = _("ไม่พบหมวดครุภัณฑ์ที่เลือก")
        elif category.kind != kind:
            errors["category"] = _("หมวด “{name}” ไม่ใช่หมวดของ{kind}").format(
                name=category.name, kind=_(KIND_LABELS[str(kind)])
            )
    return errors


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("ไม่รู้จักช่องข้อมูล {names}").format(names=", ".join(sorted(unknown))))
    out: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, value in values.items():
        try:
            out[name] = _clean_one(name, value)
        except (ValueError, TypeError, OverflowError, ArithmeticError):
            label = field_labels().get(name, name)
            errors[name] = (
                _("{field} ต้องเป็นตัวเลข").format(field=label)
                if name in {"price", "budget_year", "seats"}
                else _("{field}: ค่าที่เลือกไม่ถูกต้อง").format(field=label)
            )
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    return out


def _clean_one(name: str, value: Any) -> Any:
    if name in TEXT_FIELDS:
        return str(value or "").strip()
    if name == "number":
        return tidy_number(str(value or ""))
    if name in {"category", "vendor", "custodian_unit"}:
        return _fk_id(value)
    if name == "price":
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):  # as typed: "25,900.50"; "1,2,3" and "1e400" are no price
            return spreadsheets.cell_decimal(value)
        amount = decimal.Decimal(str(value))
        if not amount.is_finite():
            raise ValueError(value)
        return amount
    if name in {"budget_year", "seats"}:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            return spreadsheets.cell_int(value)
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(value)
        return int(value)
    if name in {"kind", "status"}:
        return str(value) if value is not None else value
    if name in DATE_FIELDS:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = arabic_digits(str(value)).strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return parse_be_date(text)
    return value


DATE_FIELDS = ("acquired_on", "warranty_end", "licence_expiry")
# Dates an asset register can hold: a typo such as 1/1/2400 (C.E. 1857) or 2659 is refused.
EARLIEST_DATE = dt.date(1950, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)


def date_errors(values: Mapping[str, Any]) -> dict[str, str]:
    """Dates outside what a register may plausibly hold."""
    errors: dict[str, str] = {}
    labels = field_labels()
    for name in DATE_FIELDS:
        day = values.get(name)
        if not isinstance(day, dt.date):
            continue
        latest = LATEST_DATE
        if not EARLIEST_DATE <= day <= latest:
            errors[name] = _("{field} {day} ไม่อยู่ในช่วงที่เป็นไปได้ (พ.ศ. {low} ถึง {high})").format(
                field=labels[name],
                day=date_numeric(day),
                low=EARLIEST_DATE.year + 543,
                high=latest.year + 543,
            )
    return errors


@retry_transaction
def save_asset(
    actor: Actor | None,
    asset: Asset | None,
    values: Mapping[str, Any],
    *,
    expected_version: int | None = None,
    note: str = "",
) -> Asset:
    """Add (``asset`` None) or edit an asset. Refuses a loan status (lending sets it) and
    changing the status of a machine that is out on loan."""
    require(actor, Permission.EDIT_REGISTERS)
    cleaned = _clean(values)
    if asset is None:
        cleaned.setdefault("status", AssetStatus.IN_USE)
    merged: dict[str, Any] = {
        **({name: asset.__data__.get(name) for name in EDITABLE_FIELDS} if asset else {}),
        **cleaned,
    }
    errors = validate_asset(merged, exclude_id=asset.id if asset else None)
    new_status = cleaned.get("status")
    old_status = asset.status if asset else None
    if new_status is not None and new_status != old_status:
        if new_status == AssetStatus.ON_LOAN:
            errors["status"] = _("สถานะ “ให้ยืมอยู่” ตั้งได้จากการให้ยืมเครื่องทดแทนเท่านั้น")
        elif old_status == AssetStatus.ON_LOAN:
            errors["status"] = _("เครื่องนี้ให้ยืมอยู่ กรุณาบันทึกการรับคืนก่อนเปลี่ยนสถานะ")
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)
    merged["number_key"] = normalise_number(str(merged["number"]))
    search = search_text_for(merged)
    try:
        with write_transaction():
            if asset is None:
                fields = {k: v for k, v in merged.items() if v is not None}
                return records.create(actor, Asset, **fields, search_text=search)
            changes = dict(cleaned)
            changes["number_key"] = merged["number_key"]
            changes["search_text"] = search
            return records.update(
                actor, asset, expected_version=expected_version, note=note, **changes
            )
    except peewee.IntegrityError as exc:  # two workstations saving the same number at once
        raise ValidationError(
            _("เลขครุภัณฑ์ “{number}” มีอยู่แล้ว").format(number=merged["number"]),
            {"number": _("เลขครุภัณฑ์ซ้ำ")},
        ) from exc


def set_status(actor: Actor | None, asset: Asset, status: AssetStatus, *, note: str = "") -> Asset:
    """Status changes made by other rules (loans, repairs): no form, no version check by caller.
    Those rules are staff work, so the actor must be allowed to work on cases or edit the register
    (a viewer retires nothing)."""
    if not can(actor, Permission.EDIT_REGISTERS):
        require(actor, Permission.WORK_CASES)
    fresh = records.get(Asset, asset.id)
    if fresh.status == status:
        return fresh
    return records.update(actor, fresh, status=status, note=note)


def get_asset(asset_id: int) -> Asset:
    return records.get(Asset, asset_id)


def find_by_number(text: str) -> Asset | None:
    row: Asset | None = Asset.get_or_none(Asset.number_key == normalise_number(text))
    return row


# --- listing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssetFilter:
    text: str = ""
    kind: str = ""
    status: str = ""
    category_id: int | None = None
    unit_id: int | None = None
    location: str = ""
    acquired_from: dt.date | None = None
    acquired_to: dt.date | None = None
    warranty_expired: bool | None = None  # True: expired, False: still under warranty
    include_retired: bool = True


@dataclass(frozen=True)
class AssetRow:
    id: int
    version: int
    kind: str
    number: str
    name: str
    category: str
    brand: str
    model_name: str
    serial_number: str
    acquired_on: dt.date | None
    price: decimal.Decimal | None
    budget_source: str
    budget_year: int | None
    vendor: str
    warranty_end: dt.date | None
    location: str
    custodian_name: str
    custodian_unit: str
    status: str
    notes: str
    seats: int | None
    licence_expiry: dt.date | None
    ip_address: str
    mac_address: str

    @property
    def kind_label(self) -> str:
        return _(KIND_LABELS.get(self.kind, self.kind))

    @property
    def status_label(self) -> str:
        return _(STATUS_LABELS.get(self.status, self.status))


SORT_KEYS: dict[str, Any] = {
    "number": Asset.number_key,
    "name": Asset.name,
    "kind": Asset.kind,
    "category": AssetCategory.name,
    "serial_number": Asset.serial_number,
    "acquired_on": Asset.acquired_on,
    "price": Asset.price,
    "warranty_end": Asset.warranty_end,
    "location": Asset.location,
    "custodian": Asset.custodian_name,
    "unit": Unit.name,
    "status": Asset.status,
}


def filtered_assets(filters: AssetFilter) -> peewee.ModelSelect[Asset]:
    """The register filtered in SQL (joined to category, unit and vendor for display)."""
    query = (
        Asset.select(Asset, AssetCategory.name, Unit.name, Vendor.name)
        .join(AssetCategory, peewee.JOIN.LEFT_OUTER, on=(Asset.category == AssetCategory.id))
        .switch(Asset)
        .join(Unit, peewee.JOIN.LEFT_OUTER, on=(Asset.custodian_unit == Unit.id))
        .switch(Asset)
        .join(Vendor, peewee.JOIN.LEFT_OUTER, on=(Asset.vendor == Vendor.id))
    )
    text = normalise_search(filters.text)
    if text:
        query = query.where(text_search.contains(Asset, text))
    if filters.kind:
        query = query.where(Asset.kind == filters.kind)
    if filters.status:
        query = query.where(Asset.status == filters.status)
    elif not filters.include_retired:
        query = query.where(Asset.status != AssetStatus.RETIRED)
    if filters.category_id is not None:
        query = query.where(Asset.category == filters.category_id)
    if filters.unit_id is not None:
        query = query.where(Asset.custodian_unit == filters.unit_id)
    if filters.location.strip():
        query = query.where(text_search.field_contains(Asset.location, filters.location.strip()))
    if filters.acquired_from:
        query = query.where(Asset.acquired_on >= filters.acquired_from)
    if filters.acquired_to:
        query = query.where(Asset.acquired_on <= filters.acquired_to)
    if filters.warranty_expired is True:
        query = query.where(Asset.warranty_end < clock.today())
    elif filters.warranty_expired is False:
        query = query.where(Asset.warranty_end >= clock.today())
    return query


_BY_NAME = ("category", "vendor", "custodian_unit")  # joined rows, shown by their names


def _row(asset: Asset) -> AssetRow:
    values = {f.name: getattr(asset, f.name) for f in fields(AssetRow) if f.name not in _BY_NAME}
    for key in _BY_NAME:
        joined = asset.__rel__.get(key)
        values[key] = joined.name if joined is not None and joined.name else ""
    return AssetRow(**values)


def asset_page(
    filters: AssetFilter,
    sort_key: str = "number",
    descending: bool = False,
    offset: int = 0,
    limit: int = 100,
) -> Page[AssetRow]:
    """One page of the filtered register, sorted in SQL; ``total`` counts every match."""
    column = SORT_KEYS.get(sort_key, Asset.number_key)
    tiebreak = Asset.id.desc() if descending else Asset.id
    return sorted_page(
        filtered_assets(filters),
        column,
        descending,
        tiebreak,
        offset,
        limit,
        lambda found: [_row(a) for a in found],
    )


def asset_rows(
    filters: AssetFilter, sort_key: str = "number", descending: bool = False
) -> list[AssetRow]:
    """Every row of the filtered register (export and print)."""
    column = SORT_KEYS.get(sort_key, Asset.number_key)
    query = filtered_assets(filters).order_by(
        column.desc() if descending else column.asc(), Asset.id
    )
    return [_row(a) for a in query.iterator()]


def asset_row(asset_id: int) -> AssetRow:
    asset = filtered_assets(AssetFilter()).where(Asset.id == asset_id).first()
    if asset is None:
        records.get(Asset, asset_id)  # raises NotFound with the plain message
    return _row(asset)


@dataclass(frozen=True)
class AssetChoice:
    id: int
    number: str
    name: str
    serial_number: str
    custodian: str
    status: str

    @property
    def label(self) -> str:
        extra = " / ".join(p for p in (self.serial_number, self.custodian) if p)
        return f"{self.number} {self.name}" + (f" ({extra})" if extra else "")


def search_assets(
    text: str, *, limit: int = 20, statuses: tuple[str, ...] = ()
) -> list[AssetChoice]:
    """Assets matching a number, serial number, name or custodian (the ticket form's asset box).
    An exact asset number comes first."""
    wanted = normalise_search(text)
    if not wanted:
        return []
    query = Asset.select(
        Asset.id,
        Asset.number,
        Asset.number_key,
        Asset.name,
        Asset.serial_number,
        Asset.custodian_name,
        Asset.status,
    ).where(text_search.contains(Asset, wanted))
    if statuses:
        query = query.where(Asset.status.in_(statuses))
    exact = normalise_number(text)
    found = list(query.order_by(Asset.number_key).limit(limit))
    found.sort(
        key=lambda a: (a.number_key != exact, a.serial_number.upper() != exact, a.number_key)
    )
    return [
        AssetChoice(a.id, a.number, a.name, a.serial_number, a.custodian_name, a.status)
        for a in found
    ]


# --- files kept with an asset (delivery notes, licence certificates, photos) ---------------------

FILES_OWNER = "asset"  # Attachment.owner_table of an asset's files


@dataclass(frozen=True)
class AssetFile:
    id: int
    filename: str
    size: int
    created_at: dt.datetime
    added_by: str


def asset_files(asset_id: int) -> list[AssetFile]:
    from models import attachments
    from models.users import User

    rows = attachments.for_owner(FILES_OWNER, asset_id)
    ids = {a.created_by for a in rows if a.created_by}
    names = (
        {u.id: u.full_name for u in User.select(User.id, User.full_name).where(User.id.in_(ids))}
        if ids
        else {}
    )
    return [
        AssetFile(a.id, a.filename, a.size, a.created_at, names.get(a.created_by or 0, ""))
        for a in rows
    ]


def attach_files(actor: Actor | None, asset_id: int, files: list[tuple[str, bytes]]) -> int:
    """Keep files with an asset (all or none); returns how many were added."""
    from models import attachments

    require(actor, Permission.EDIT_REGISTERS)
    if not files:
        raise ValidationError(_("กรุณาเลือกไฟล์ที่จะแนบ"))
    asset = records.get(Asset, asset_id)
    with write_transaction():
        for name, data in files:
            attachments.add(actor, name, data, owner_table=FILES_OWNER, owner_id=asset.id)
    return len(files)


def remove_file(actor: Actor | None, asset_id: int, file_id: int) -> None:
    from models import attachments

    require(actor, Permission.EDIT_REGISTERS)
    row = records.get(attachments.Attachment, file_id)
    if row.owner_table != FILES_OWNER or row.owner_id != asset_id:
        raise ValidationError(_("ไฟล์นี้ไม่ได้แนบกับครุภัณฑ์นี้"))
    attachments.remove(actor, row)


# A deleted asset can be brought back by an administrator for 30 days (models.recycle).
restorable(Asset, N_("ครุภัณฑ์"), lambda row: f"{row.get('number', '')} {row.get('name', '')}")
restorable(AssetCategory, N_("หมวดครุภัณฑ์"), lambda row: str(row.get("name", "")))


def _find_assets(actor: Actor | None, text: str, limit: int) -> list[Hit]:
    """Ctrl+K: assets by number, name, serial number or custodian (models.finder)."""
    require(actor, Permission.VIEW)
    page = asset_page(AssetFilter(text=text), limit=limit)
    return [
        Hit(
            kind="asset",
            id=row.id,
            process="support",
            kind_label=_("ครุภัณฑ์"),
            title=f"{row.number} {row.name}",
            detail=" · ".join(p for p in (row.custodian_name, row.location, row.status_label) if p),
        )
        for row in page.rows
    ]


register_source(FinderSource("assets", N_("ครุภัณฑ์"), 20, _find_assets))
