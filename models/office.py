"""Editing the office's reference data: its details, requesting units, signatories, committees,
vendors. Each function checks the actor's permission and the required fields itself."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar

import peewee

from models import records
from models.base import Actor, VersionedModel
from models.errors import ValidationError
from models.i18n import N_, _
from models.org import (
    Committee,
    CommitteeMember,
    CommitteeRole,
    Organisation,
    Signatory,
    Unit,
    Vendor,
    WorkGroup,
)
from models.permissions import Permission, require
from models.write_lock import write_transaction

M = TypeVar("M", bound=VersionedModel)


def _require_text(values: dict[str, Any], labels: dict[str, str]) -> None:
    errors = {
        name: _("กรุณากรอก{label}").format(label=label)
        for name, label in labels.items()
        if not str(values.get(name) or "").strip()
    }
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)


def save_record(
    actor: Actor | None,
    model: type[M],
    obj: M | None,
    values: dict[str, Any],
    *,
    permission: Permission,
    required: dict[str, str],
    expected_version: int | None = None,
) -> M:
    """Create (``obj`` None) or update a reference record; duplicate names get a clear message."""
    require(actor, permission)
    merged = {**(obj.__data__ if obj else {}), **values}
    _require_text(merged, required)
    cleaned = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    try:
        with write_transaction():
            if obj is None:
                return records.create(actor, model, **cleaned)
            return records.update(actor, obj, expected_version=expected_version, **cleaned)
    except peewee.IntegrityError as exc:
        raise ValidationError(
            _("มีรายการชื่อ “{name}” อยู่แล้ว").format(name=cleaned.get("name", "")),
            {"name": _("ชื่อซ้ำ")},
        ) from exc


# Each reference table: who may edit it, and its required fields with their labels (N_-marked).
REFERENCE_RULES: dict[type[VersionedModel], tuple[Permission, dict[str, str]]] = {
    Organisation: (Permission.MANAGE_OFFICE, {"name": N_("ชื่อหน่วยงาน")}),
    Unit: (Permission.EDIT_REGISTERS, {"name": N_("ชื่อหน่วยงาน")}),
    Vendor: (Permission.EDIT_REGISTERS, {"name": N_("ชื่อผู้ขาย/ผู้รับจ้าง")}),
    Signatory: (
        Permission.MANAGE_OFFICE,
        {"title": N_("ตำแหน่งที่ลงนาม"), "full_name": N_("ชื่อ-นามสกุล")},
    ),
    Committee: (Permission.MANAGE_OFFICE, {"name": N_("ชื่อคณะกรรมการ")}),
}


def save_reference(
    actor: Actor | None,
    model: type[M],
    obj: M | None,
    values: dict[str, Any],
    expected_version: int | None = None,
) -> M:
    """Create or update a record of one of the office's reference tables by its rule."""
    permission, required = REFERENCE_RULES[model]
    return save_record(
        actor,
        model,
        obj,
        values,
        permission=permission,
        required={key: _(label) for key, label in required.items()},
        expected_version=expected_version,
    )


def update_organisation(
    actor: Actor | None, expected_version: int | None = None, **values: Any
) -> Organisation:
    require(actor, Permission.MANAGE_OFFICE)
    current: Organisation | None = Organisation.select().order_by(Organisation.id).first()
    return save_reference(actor, Organisation, current, values, expected_version)


def set_emblem(
    actor: Actor | None,
    filename: str | None,
    data: bytes | None,
    expected_version: int | None = None,
) -> Organisation:
    """Store the office's own emblem image and point the organisation at it, in one transaction
    (``data`` None: back to the neutral placeholder). Size and emptiness are checked by
    ``attachments.add``."""
    from models import attachments

    require(actor, Permission.MANAGE_OFFICE)
    with write_transaction():
        attachment_id = None
        if data is not None:
            attachment_id = attachments.add(
                actor, filename or "emblem", data, owner_table="organisation", purpose="emblem"
            ).id
        return update_organisation(
            actor, expected_version=expected_version, emblem_attachment_id=attachment_id
        )


def save_unit(
    actor: Actor | None, unit: Unit | None, expected_version: int | None = None, **values: Any
) -> Unit:
    return save_reference(actor, Unit, unit, values, expected_version)


def save_vendor(
    actor: Actor | None, vendor: Vendor | None, expected_version: int | None = None, **values: Any
) -> Vendor:
    return save_reference(actor, Vendor, vendor, values, expected_version)


def save_signatory(
    actor: Actor | None,
    signatory: Signatory | None,
    expected_version: int | None = None,
    **values: Any,
) -> Signatory:
    return save_reference(actor, Signatory, signatory, values, expected_version)


def save_committee(
    actor: Actor | None,
    committee: Committee | None,
    members: list[dict[str, Any]],
    expected_version: int | None = None,
    **values: Any,
) -> Committee:
    """Save a committee with its full member list (replaced as a whole, in one transaction)."""
    require(actor, Permission.MANAGE_OFFICE)
    for index, member in enumerate(members, start=1):
        if not str(member.get("full_name") or "").strip():
            raise ValidationError(_("กรุณากรอกชื่อกรรมการลำดับที่ {n}").format(n=index))
        if member.get("role", CommitteeRole.MEMBER) not in set(CommitteeRole):
            raise ValidationError(_("บทบาทกรรมการลำดับที่ {n} ไม่ถูกต้อง").format(n=index))
    chairs = sum(1 for m in members if m.get("role") == CommitteeRole.CHAIR)
    if chairs > 1:
        raise ValidationError(_("คณะกรรมการมีประธานกรรมการได้เพียงคนเดียว"))
    for module in COMMITTEE_RULE_MODULES:
        importlib.import_module(module)
    for check in _COMMITTEE_CHECKS:
        check(committee.id if committee is not None else None, values, members)
    with write_transaction():
        saved = save_reference(actor, Committee, committee, values, expected_version)
        for old in list(saved.members):
            records.delete(actor, old)
        for order, member in enumerate(members):
            records.create(
                actor,
                CommitteeMember,
                committee=saved,
                full_name=str(member["full_name"]).strip(),
                position=str(member.get("position", "")).strip(),
                role=member.get("role", CommitteeRole.MEMBER),
                user_id=member.get("user_id"),
                sort_order=order,
                is_expert=bool(member.get("is_expert", False)),
                declared_on=member.get("declared_on"),
                has_interest=bool(member.get("has_interest", False)),
                declaration_note=str(member.get("declaration_note") or "").strip(),
            )
    return saved


# Modules whose committee rules ``save_committee`` applies (the procurement rules of ข้อ ๒๕-๒๖),
# listed by name as registers and demo seeders are, so the platform imports no process package.
COMMITTEE_RULE_MODULES: list[str] = ["models.procurement.committees"]
CommitteeCheck = Callable[[int | None, dict[str, Any], list[dict[str, Any]]], None]
_COMMITTEE_CHECKS: list[CommitteeCheck] = []


def declare_committee_check(check: CommitteeCheck) -> CommitteeCheck:
    """Add a rule every committee save must pass: ``check(committee_id, values, members)`` raises
    ``ValidationError`` to refuse (nothing is saved)."""
    if check not in _COMMITTEE_CHECKS:
        _COMMITTEE_CHECKS.append(check)
    return check


def committee_members(committee: Committee) -> list[CommitteeMember]:
    """Chair first, secretary last, as committees sign."""
    order: dict[str, int] = {
        CommitteeRole.CHAIR: 0,
        CommitteeRole.MEMBER: 1,
        CommitteeRole.SECRETARY: 2,
    }
    return sorted(committee.members, key=lambda m: (order.get(m.role, 1), m.sort_order))


def work_groups() -> list[WorkGroup]:
    return list(WorkGroup.select().order_by(WorkGroup.id))


def units(active_only: bool = True) -> list[Unit]:
    query = Unit.select()
    if active_only:
        query = query.where(Unit.active == True)  # noqa: E712
    return list(query.order_by(Unit.name))


def signatories(active_only: bool = True) -> list[Signatory]:
    query = Signatory.select()
    if active_only:
        query = query.where(Signatory.active == True)  # noqa: E712
    return list(query.order_by(Signatory.sort_order, Signatory.id))


def committees(active_only: bool = True) -> list[Committee]:
    query = Committee.select()
    if active_only:
        query = query.where(Committee.active == True)  # noqa: E712
    return list(query.order_by(Committee.name, Committee.id))
