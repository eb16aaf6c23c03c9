"""Bringing an existing asset list in from Excel/CSV, and the register out to Excel.

Import is three steps the wizard shows: map the file's columns to the register's fields
(``guess_mapping`` proposes), preview every row with what will happen and why a row is refused
(``preview_import``), then ``run_import``. Nothing is written unless every row is valid or the user
chose to import only the valid ones; the import is one transaction, so a failure half-way leaves
the register as it was. A row whose asset number is already registered is never added twice, so
importing the same file again changes nothing (or updates those assets, when asked to).

The export writes the same column titles and formats (B.E. dates ``dd/mm/yyyy``), so an exported
file can be corrected in Excel and imported back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import peewee

from models import audit, clock, records
from models.base import Actor
from models.db import database
from models.errors import DomainError, ValidationError
from models.i18n import N_, _
from models.org import Unit, Vendor, organisation
from models.permissions import Permission, require
from models.spreadsheets import (
    SheetColumn,
    SourceTable,
    cell_date,
    cell_decimal,
    cell_int,
    cell_text,
    write_xlsx,
)
from models.support import assets
from models.support.asset_fields import FIELD_BY_KEY, FIELDS
from models.support.assets import (
    KIND_LABELS,
    STATUS_LABELS,
    Asset,
    AssetCategory,
    AssetFilter,
    AssetKind,
    AssetStatus,
)
from models.write_lock import write_transaction
from reports.thaifmt import date_long

Progress = Callable[[int, int], None]


def _header_key(text: str) -> str:
    return re.sub(r"[\s.:()_\-/]+", "", cell_text(text).lower())


def _known_headers() -> dict[str, str]:
    out: dict[str, str] = {}
    for f in FIELDS:
        for name in (f.label, _(f.label), *f.aliases):
            out.setdefault(_header_key(name), f.key)
    return out


def find_header_row(table: SourceTable, *, scan: int = 20) -> int:
    """The first row (among the first ``scan``) naming two or more register fields; else the first."""
    known = _known_headers()
    for index, row in enumerate(table.rows[:scan]):
        hits = {known[k] for c in row.cells if (k := _header_key(cell_text(c))) in known}
        if len(hits) >= 2:
            return index
    return 0


def guess_mapping(table: SourceTable) -> dict[str, int]:
    """Field key → column index, for the headers that name a field."""
    known = _known_headers()
    mapping: dict[str, int] = {}
    for index, header in enumerate(table.headers):
        key = known.get(_header_key(header))
        if key and key not in mapping:
            mapping[key] = index
    return mapping


def open_source(path: Path, *, sheet: str | None = None) -> SourceTable:
    from models.spreadsheets import read_table

    table = read_table(path, sheet=sheet)
    table.header_index = find_header_row(table)
    return table


class RowAction(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"  # already registered: left alone
    ERROR = "error"


ACTION_LABELS: dict[str, str] = {
    RowAction.NEW: N_("เพิ่มใหม่"),
    RowAction.UPDATE: N_("ปรับปรุงข้อมูล"),
    RowAction.UNCHANGED: N_("มีในทะเบียนแล้ว (ข้าม)"),
    RowAction.ERROR: N_("ข้อมูลไม่ถูกต้อง"),
}


@dataclass
class PreviewRow:
    line: int
    number: str
    name: str
    action: RowAction
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    existing_id: int | None = None
    category_name: str = ""
    vendor_name: str = ""

    @property
    def action_label(self) -> str:
        return _(ACTION_LABELS[self.action])


@dataclass
class ImportPreview:
    file_name: str
    rows: list[PreviewRow]
    new_categories: list[tuple[str, str]]
    new_vendors: list[str]

    def count(self, action: RowAction) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def errors(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.action == RowAction.ERROR]

    @property
    def all_valid(self) -> bool:
        return not self.errors


def _choice(text: str, labels: Mapping[str, str]) -> str | None:
    wanted = _header_key(text)
    for code, label in labels.items():
        if wanted in {_header_key(code), _header_key(label), _header_key(_(label))}:
            return code
    return None


_KIND_WORDS = {
    "คอมพิวเตอร์": AssetKind.HARDWARE,
    "ครุภัณฑ์": AssetKind.HARDWARE,
    "ฮาร์ดแวร์": AssetKind.HARDWARE,
    "เครือข่าย": AssetKind.NETWORK,
    "software": AssetKind.SOFTWARE,
    "โปรแกรม": AssetKind.SOFTWARE,
}


def _kind_of(text: str) -> str | None:
    code = _choice(text, KIND_LABELS)
    return code or _KIND_WORDS.get(_header_key(text))


def _status_of(text: str) -> str | None:
    return _choice(text, STATUS_LABELS)


class _Lookups:
    """Reference data read once per preview (units, categories, vendors, registered numbers)."""

    def __init__(self, keys: list[str]) -> None:
        self.units: dict[str, int] = {}
        for unit in Unit.select():
            self.units[_header_key(unit.name)] = unit.id
            if unit.short_name:
                self.units.setdefault(_header_key(unit.short_name), unit.id)
        self.categories = {(c.kind, c.name.strip()): c.id for c in AssetCategory.select()}
        self.category_kinds: dict[str, set[str]] = {}
        for kind, name in self.categories:
            self.category_kinds.setdefault(name, set()).add(kind)
        self.vendors = {_header_key(v.name): v.id for v in Vendor.select()}
        self.existing: dict[str, Asset] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            for asset in Asset.select().where(Asset.number_key.in_(chunk)):
                self.existing[asset.number_key] = asset


def _cell(row_cells: list[Any], mapping: Mapping[str, int], key: str) -> Any:
    index = mapping.get(key)
    if index is None or index >= len(row_cells):
        return None
    return row_cells[index]


def preview_import(
    table: SourceTable,
    mapping: Mapping[str, int],
    *,
    default_kind: str = AssetKind.HARDWARE,
    update_existing: bool = False,
) -> ImportPreview:
    """What importing ``table`` with ``mapping`` would do, row by row (nothing is written)."""
    missing = [f for f in FIELDS if f.required and f.key not in mapping]
    if missing:
        raise ValidationError(
            _("กรุณาเลือกคอลัมน์ของ {fields}").format(fields=", ".join(_(f.label) for f in missing)),
            {"mapping": _("ยังไม่ได้เลือกคอลัมน์ที่จำเป็น")},
        )
    if default_kind not in set(AssetKind):
        raise ValidationError(_("ประเภทครุภัณฑ์เริ่มต้นไม่ถูกต้อง"))
    data = table.data_rows
    keys = [assets.normalise_number(cell_text(_cell(r.cells, mapping, "number"))) for r in data]
    lookups = _Lookups(sorted({k for k in keys if k}))
    seen: dict[str, int] = {}
    new_categories: dict[tuple[str, str], None] = {}
    new_vendors: dict[str, str] = {}
    out: list[PreviewRow] = []
    for row, key in zip(data, keys, strict=True):
        preview = _preview_row(row.line, row.cells, mapping, key, default_kind, lookups)
        if key and key in seen:
            preview.errors.append(_("เลขครุภัณฑ์ซ้ำกับแถวที่ {line} ในไฟล์เดียวกัน").format(line=seen[key]))
        elif key:
            seen[key] = row.line
        existing = lookups.existing.get(key) if key else None
        if preview.errors:
            preview.action = RowAction.ERROR
        elif existing is not None:
            preview.existing_id = existing.id
            changed = _differences(existing, _mapped(preview.values, mapping))
            if update_existing and changed:
                preview.action = RowAction.UPDATE
                preview.notes.append(
                    _("จะแก้ไข: {fields}").format(
                        fields=", ".join(_(FIELD_BY_KEY[k].label) for k in changed)
                    )
                )
            else:
                preview.action = RowAction.UNCHANGED
        else:
            preview.action = RowAction.NEW
        if preview.action in {RowAction.NEW, RowAction.UPDATE}:
            if preview.category_name and preview.values.get("category") is None:
                new_categories[(preview.values["kind"], preview.category_name)] = None
                preview.notes.append(_("จะเพิ่มหมวดใหม่ “{name}”").format(name=preview.category_name))
            if preview.vendor_name and preview.values.get("vendor") is None:
                new_vendors.setdefault(_header_key(preview.vendor_name), preview.vendor_name)
                preview.notes.append(_("จะเพิ่มผู้ขายใหม่ “{name}”").format(name=preview.vendor_name))
        out.append(preview)
    return ImportPreview(table.file_name, out, list(new_categories), list(new_vendors.values()))


def _preview_row(
    line: int,
    cells: list[Any],
    mapping: Mapping[str, int],
    key: str,
    default_kind: str,
    lookups: _Lookups,
) -> PreviewRow:
    errors: list[str] = []
    values: dict[str, Any] = {}

    def text(name: str) -> str:
        return cell_text(_cell(cells, mapping, name))

    number = assets.tidy_number(text("number"))
    name = text("name")
    row = PreviewRow(line, number, name, RowAction.NEW, errors)
    problem = assets.check_number(number)
    if problem:
        errors.append(problem)
    if not name:
        errors.append(_("ไม่มีชื่อครุภัณฑ์"))
    values["number"] = number
    values["name"] = name
    category_name = text("category")
    kind_text = text("kind")
    kind: str | None = default_kind
    if kind_text:
        kind = _kind_of(kind_text)
        if kind is None:
            errors.append(_("ไม่รู้จักประเภท “{text}”").format(text=kind_text))
    elif category_name and len(lookups.category_kinds.get(category_name, set())) == 1:
        kind = next(iter(lookups.category_kinds[category_name]))
    values["kind"] = kind or default_kind
    if category_name:
        row.category_name = category_name
        values["category"] = lookups.categories.get((values["kind"], category_name))
    for plain in ("brand", "model_name", "serial_number", "budget_source", "location"):
        values[plain] = text(plain)
    for plain in ("custodian_name", "notes", "ip_address", "mac_address"):
        values[plain] = text(plain)
    for date_field in ("acquired_on", "warranty_end", "licence_expiry"):
        raw = _cell(cells, mapping, date_field)
        try:
            values[date_field] = cell_date(raw)
        except (ValueError, OverflowError):
            errors.append(
                _("{field} “{text}” ไม่ใช่วันที่ (ใช้ วว/ดด/ปปปป พ.ศ. เช่น 23/11/2569)").format(
                    field=_(FIELD_BY_KEY[date_field].label), text=cell_text(raw)
                )
            )
    try:
        values["price"] = cell_decimal(_cell(cells, mapping, "price"))
        if values["price"] is not None and values["price"] < 0:
            errors.append(_("ราคาติดลบ"))
    except ValueError:
        errors.append(_("ราคา “{text}” ไม่ใช่ตัวเลข").format(text=text("price")))
    for int_field in ("budget_year", "seats"):
        try:
            values[int_field] = cell_int(_cell(cells, mapping, int_field))
        except ValueError:
            errors.append(
                _("{field} “{text}” ไม่ใช่จำนวนเต็ม").format(
                    field=_(FIELD_BY_KEY[int_field].label), text=text(int_field)
                )
            )
    if values.get("seats") is not None and values["seats"] < 0:
        errors.append(_("จำนวนสิทธิ์ใช้งานต้องไม่ติดลบ"))
    year = values.get("budget_year")
    if year is not None and not 2400 <= year <= 2800:
        errors.append(_("ปีงบประมาณ “{year}” ต้องเป็นปี พ.ศ.").format(year=year))
    acquired, warranty = values.get("acquired_on"), values.get("warranty_end")
    if acquired and warranty and warranty < acquired:
        errors.append(_("วันสิ้นสุดการรับประกันอยู่ก่อนวันที่ได้มา"))
    status_text = text("status")
    status: str | None = AssetStatus.IN_USE
    if status_text:
        status = _status_of(status_text)
        if status is None:
            errors.append(_("ไม่รู้จักสถานะ “{text}”").format(text=status_text))
        elif status == AssetStatus.ON_LOAN:
            errors.append(_("สถานะ “ให้ยืมอยู่” นำเข้าไม่ได้ (บันทึกจากการให้ยืมเครื่องทดแทน)"))
    values["status"] = status or AssetStatus.IN_USE
    unit_text = text("custodian_unit")
    values["custodian_unit"] = None
    if unit_text:
        unit_id = lookups.units.get(_header_key(unit_text))
        if unit_id is None:
            errors.append(
                _("ไม่พบหน่วยงาน “{name}” ในรายชื่อหน่วยงาน (เพิ่มในการตั้งค่าก่อนนำเข้า)").format(
                    name=unit_text
                )
            )
        values["custodian_unit"] = unit_id
    vendor_text = text("vendor")
    values["vendor"] = None
    if vendor_text:
        row.vendor_name = vendor_text
        values["vendor"] = lookups.vendors.get(_header_key(vendor_text))
    errors.extend(assets.text_length_errors(values).values())
    errors.extend(assets.date_errors(values).values())
    for key, model, given in (
        ("category", AssetCategory, category_name),
        ("vendor", Vendor, vendor_text),
    ):  # a new category or vendor is created under the name given
        label = {"name": _(FIELD_BY_KEY[key].label)}
        errors.extend(records.too_long(model, {"name": given}, label).values())
    row.values = values
    return row


def _mapped(values: Mapping[str, Any], mapping: Mapping[str, int]) -> dict[str, Any]:
    """The values an import may change on an asset already registered: the mapped columns."""
    return {k: v for k, v in values.items() if k in mapping}


def _differences(existing: Asset, values: Mapping[str, Any]) -> list[str]:
    changed = []
    for key, value in values.items():
        if key in {"category", "vendor"} and value is None:
            continue  # a new category/vendor name: compared after it is created
        current = existing.__data__.get(key)
        if key == "number":
            continue  # same key: only the digits' script may differ
        if isinstance(current, decimal.Decimal) and value is not None:
            value = decimal.Decimal(value)
        if (current or None) != (value or None):
            changed.append(key)
    return changed


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped_invalid: int
    new_categories: int
    new_vendors: int


# Rows written per transaction on a shared SQLite file: one batch holds the file's write lock for a
# fraction of a second, so another workstation's save waits well inside its busy timeout (20,000
# rows in one transaction held it 17 s, and a save gave up after its 10 s wait).
BATCH_ROWS = 200


def run_import(
    actor: Actor | None,
    table: SourceTable,
    mapping: Mapping[str, int],
    *,
    default_kind: str = AssetKind.HARDWARE,
    update_existing: bool = False,
    valid_only: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the previewed rows. Refuses (writing nothing) while any row has errors, unless
    ``valid_only``: then the rows with errors are left out.

    On a server the import is one transaction (its row locks stop no one else's save). On SQLite
    it is written in batches of ``BATCH_ROWS``, each its own transaction, so other workstations
    sharing the file can save between them; should it stop half-way, the rows written stay and
    importing the same file again carries on (registered numbers are never added twice)."""
    require(actor, Permission.EDIT_REGISTERS)
    whole = not isinstance(database.obj, peewee.SqliteDatabase) or database.in_transaction()
    with write_transaction() if whole else contextlib.nullcontext():
        return _run_import(
            actor, table, mapping, default_kind, update_existing, valid_only, progress
        )


def _run_import(
    actor: Actor | None,
    table: SourceTable,
    mapping: Mapping[str, int],
    default_kind: str,
    update_existing: bool,
    valid_only: bool,
    progress: Progress | None,
) -> ImportResult:
    preview = preview_import(
        table, mapping, default_kind=default_kind, update_existing=update_existing
    )
    bad = preview.errors
    if bad and not valid_only:
        raise ValidationError(
            _(
                "ยังไม่ได้นำเข้า: มี {n} แถวที่ข้อมูลไม่ถูกต้อง (เช่น แถวที่ {line}: {reason}) "
                "กรุณาแก้ไขไฟล์ หรือเลือกนำเข้าเฉพาะแถวที่ถูกต้อง"
            ).format(n=len(bad), line=bad[0].line, reason=bad[0].errors[0])
        )
    category_ids: dict[tuple[str, str], int] = {}
    vendor_ids: dict[str, int] = {}
    with write_transaction():
        for kind, name in preview.new_categories:
            found = assets.find_category(kind, name)  # added meanwhile by another workstation
            category_ids[(kind, name)] = (
                found.id
                if found
                else records.create(actor, AssetCategory, kind=kind, name=name, sort_order=100).id
            )
        for name in preview.new_vendors:
            vendor_ids[_header_key(name)] = records.create(actor, Vendor, name=name).id
    todo = [r for r in preview.rows if r.action in {RowAction.NEW, RowAction.UPDATE}]
    created = updated = unchanged = 0
    note = _("นำเข้าจากไฟล์ {name}").format(name=table.file_name)
    for start in range(0, len(todo), BATCH_ROWS):
        batch = todo[start : start + BATCH_ROWS]
        try:
            with write_transaction():
                made, changed, skipped = _write_batch(
                    actor, batch, mapping, category_ids, vendor_ids, note
                )
        except DomainError as exc:
            if start == 0:
                raise
            raise ValidationError(
                _(
                    "นำเข้าแล้ว {done} แถว แล้วหยุดที่แถวที่ {line}: {reason} "
                    "แก้ไขแล้วนำเข้าไฟล์เดิมอีกครั้งเพื่อทำต่อได้ (แถวที่นำเข้าแล้วจะถูกข้าม)"
                ).format(done=created + updated, line=batch[0].line, reason=exc.message)
            ) from exc
        created, updated, unchanged = created + made, updated + changed, unchanged + skipped
        if progress:
            progress(start + len(batch), len(todo))
    result = ImportResult(
        created=created,
        updated=updated,
        unchanged=preview.count(RowAction.UNCHANGED) + unchanged,
        skipped_invalid=len(bad),
        new_categories=len(category_ids),
        new_vendors=len(vendor_ids),
    )
    with write_transaction():
        audit.record(
            actor,
            "import",
            Asset._meta.table_name,
            None,
            after={"file": table.file_name, "sha256": table.sha256, **result.__dict__},
        )
    return result


def _write_batch(
    actor: Actor | None,
    batch: list[PreviewRow],
    mapping: Mapping[str, int],
    category_ids: Mapping[tuple[str, str], int],
    vendor_ids: Mapping[str, int],
    note: str,
) -> tuple[int, int, int]:
    """Write one batch inside the caller's transaction: (created, updated, already registered)."""
    created = updated = skipped = 0
    for row in batch:
        values = dict(row.values)
        if row.category_name and values.get("category") is None:
            values["category"] = category_ids[(values["kind"], row.category_name)]
        if row.vendor_name and values.get("vendor") is None:
            values["vendor"] = vendor_ids[_header_key(row.vendor_name)]
        if row.action == RowAction.NEW:
            if assets.find_by_number(values["number"]) is not None:
                skipped += 1  # registered meanwhile (another workstation, an earlier attempt)
                continue
            _create(actor, values)
            created += 1
        else:
            assert row.existing_id is not None
            existing = records.get(Asset, row.existing_id)
            values = _mapped(values, mapping)
            values.pop("number", None)
            assets.save_asset(actor, existing, values, note=note)
            updated += 1
    return created, updated, skipped


def _create(actor: Actor | None, values: dict[str, Any]) -> Asset:
    """Insert one previewed row (already validated against the same rules as the form)."""
    values = {k: v for k, v in values.items() if v is not None}
    values["number_key"] = assets.normalise_number(values["number"])
    values["search_text"] = assets.search_text_for(values)
    return records.create(actor, Asset, **values)


# --- export --------------------------------------------------------------------------------------


def _export_value(row: assets.AssetRow, key: str) -> Any:
    value = {
        "category": row.category,
        "vendor": row.vendor,
        "custodian_unit": row.custodian_unit,
        "kind": row.kind_label,
        "status": row.status_label,
    }.get(key, getattr(row, key, ""))
    if isinstance(value, dt.date):
        return value  # a real Excel date, shown in B.E. (models.spreadsheets.BE_DATE_FORMAT)
    if isinstance(value, decimal.Decimal):
        return float(value)
    return "" if value is None else value


def export_assets(
    filters: AssetFilter,
    path: Path,
    *,
    sort_key: str = "number",
    descending: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write the filtered register to ``path`` (.xlsx). Returns the number of assets written."""
    rows = assets.asset_rows(filters, sort_key, descending)
    org = organisation()
    subtitle = " ".join(
        p
        for p in (
            org.mission,
            org.name,
            _("ข้อมูล ณ วันที่ {date}").format(date=date_long(clock.today(), thai=False)),
        )
        if p
    )
    write_xlsx(
        path,
        title=_("ทะเบียนครุภัณฑ์คอมพิวเตอร์ ซอฟต์แวร์ และอุปกรณ์เครือข่าย"),
        subtitle=subtitle,
        columns=[SheetColumn(_(f.label), f.width) for f in FIELDS],
        rows=[[_export_value(r, f.key) for f in FIELDS] for r in rows],
        sheet_name=_("ทะเบียนครุภัณฑ์"),
        progress=progress,
    )
    return len(rows)
