"""Committee rules of PROCUREMENT.md §2.4 on the office's one committee record
(``models.org.Committee``, edited in ตั้งค่า → คณะกรรมการ and from the procurement pages).

``models.office.save_committee`` applies ``check_committee`` to every save (it is declared below), so
a committee saved from any page is refused with a Thai message when:
- a ข้อ ๒๕ committee (procurement by any method, inspection) has fewer members than the setting
  ``procurement.committee_min_members`` (default 3) or not exactly one ประธานกรรมการ; an inspection
  committee of one person (ผู้ตรวจรับพัสดุ) has no chair and is allowed, its amount being checked
  against ``procurement.single_inspector_max_baht`` when a contract uses it (``check_inspector``);
- the same person (same user, or same name) sits on the inspection committee and on the e-bidding,
  price-quotation or selection committee of the same case (ข้อ ๒๖ วรรคท้าย); the scope-of-work and
  specific-method committees are added to the ban only by settings (no legal bar found, §0.4);
- a member declared an interest with a bidder (such a member must leave the committee).

    office.save_committee(actor, None, members, name=..., kind="inspection", case_id=case.id)
    record_declaration(actor, member, declared_on=today, has_interest=False, note="")
    committees_of_case(case_id)
    ready_to_act(committee)  # ValidationError when a member has no F18 declaration yet
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from models import clock, office, records, settings
from models.base import Actor
from models.errors import ValidationError
from models.i18n import _
from models.org import (
    COMMITTEE_KIND_LABELS,
    Committee,
    CommitteeKind,
    CommitteeMember,
    CommitteeRole,
)
from models.permissions import Permission, require
from models.procurement import rules

# ข้อ ๒๕: the committees whose size and chair the regulation fixes.
ARTICLE_25_KINDS = frozenset(
    {
        CommitteeKind.PROCUREMENT,
        CommitteeKind.EBIDDING,
        CommitteeKind.PRICE_QUOTATION,
        CommitteeKind.SELECTION,
        CommitteeKind.SPECIFIC,
        CommitteeKind.INSPECTION,
    }
)
# ข้อ ๒๖ วรรคท้าย: these may not share a member with the inspection committee of the same case.
BANNED_WITH_INSPECTION = frozenset(
    {CommitteeKind.EBIDDING, CommitteeKind.PRICE_QUOTATION, CommitteeKind.SELECTION}
)


def kind_label(kind: str) -> str:
    try:
        return _(COMMITTEE_KIND_LABELS[CommitteeKind(kind)])
    except ValueError:
        return kind


def person_key(member: dict[str, Any] | CommitteeMember) -> str:
    """Who a member is across committees: the app user when linked, otherwise the name with its
    spaces collapsed (committees of outside experts have no user)."""
    if isinstance(member, CommitteeMember):
        user_id, name = member.user_id, member.full_name
    else:
        user_id, name = member.get("user_id"), str(member.get("full_name") or "")
    if user_id:
        return f"user:{user_id}"
    return "name:" + " ".join(name.split())


def _banned_pairs() -> set[frozenset[str]]:
    pairs = {
        frozenset({str(kind), str(CommitteeKind.INSPECTION)}) for kind in BANNED_WITH_INSPECTION
    }
    if settings.get("procurement.ban_scope_inspection_overlap"):
        pairs.add(frozenset({str(CommitteeKind.SCOPE), str(CommitteeKind.INSPECTION)}))
    if settings.get("procurement.ban_specific_inspection_overlap"):
        pairs.add(frozenset({str(CommitteeKind.SPECIFIC), str(CommitteeKind.INSPECTION)}))
    return pairs


def check_composition(kind: str, members: list[dict[str, Any]]) -> None:
    """Size and chair of a ข้อ ๒๕ committee; any committee has at most one chair."""
    chairs = sum(1 for m in members if m.get("role") == CommitteeRole.CHAIR)
    if kind not in ARTICLE_25_KINDS:
        if len(members) > 1 and chairs != 1 and kind == CommitteeKind.SCOPE:
            raise ValidationError(
                _("คณะกรรมการที่มีกรรมการมากกว่าหนึ่งคนต้องมีประธานกรรมการหนึ่งคน"),
                {"members": _("ต้องมีประธานกรรมการหนึ่งคน")},
            )
        return
    if kind == CommitteeKind.INSPECTION and len(members) == 1:
        if chairs:
            raise ValidationError(
                _("ผู้ตรวจรับพัสดุคนเดียวไม่มีตำแหน่งประธานกรรมการ กรุณาเลือกบทบาทกรรมการ"),
                {"members": _("คนเดียวไม่มีประธาน")},
            )
        return
    minimum = int(settings.get("procurement.committee_min_members"))
    if len(members) < minimum:
        raise ValidationError(
            _("{kind} ต้องมีกรรมการอย่างน้อย {n} คน (ประธานกรรมการ 1 คน และกรรมการ) ตามข้อ ๒๕").format(
                kind=kind_label(kind), n=minimum
            ),
            {"members": _("กรรมการไม่ครบ")},
        )
    if chairs != 1:
        raise ValidationError(
            _("{kind} ต้องมีประธานกรรมการหนึ่งคน").format(kind=kind_label(kind)),
            {"members": _("ต้องมีประธานกรรมการหนึ่งคน")},
        )


def check_overlap(
    committee_id: int | None, kind: str, case_id: int | None, members: list[dict[str, Any]]
) -> None:
    """The overlap ban between this committee and the other committees of the same case."""
    if case_id is None:
        return
    pairs = _banned_pairs()
    keys = {person_key(m): str(m.get("full_name") or "").strip() for m in members}
    others = Committee.select().where(Committee.case_id == case_id)
    if committee_id is not None:
        others = others.where(Committee.id != committee_id)
    for other in others:
        if frozenset({str(kind), str(other.kind)}) not in pairs:
            continue
        for member in other.members:
            key = person_key(member)
            if key in keys:
                raise ValidationError(
                    _(
                        "{name} เป็นกรรมการใน{other}ของโครงการนี้อยู่แล้ว จึงเป็นกรรมการใน{kind}"
                        "ของโครงการเดียวกันไม่ได้ (ระเบียบฯ ข้อ ๒๖ วรรคท้าย)"
                    ).format(name=keys[key], other=kind_label(other.kind), kind=kind_label(kind)),
                    {"members": _("เป็นกรรมการซ้ำซ้อนที่ระเบียบห้าม")},
                )


def check_declarations(members: Iterable[dict[str, Any]]) -> None:
    """The F18 date of each member: a date (or none yet), not in the future."""
    for n, member in enumerate(members, start=1):
        day = member.get("declared_on")
        if day is None:
            continue
        if not isinstance(day, dt.date) or day > clock.today():
            raise ValidationError(
                _("วันที่ลงนามแบบแสดงความบริสุทธิ์ใจของกรรมการลำดับที่ {n} ไม่ถูกต้อง").format(n=n),
                {"members": _("วันที่ไม่ถูกต้อง")},
            )


def check_interests(members: Iterable[dict[str, Any]]) -> None:
    for member in members:
        if member.get("has_interest"):
            raise ValidationError(
                _(
                    "{name} แจ้งว่ามีส่วนได้เสียกับผู้ยื่นข้อเสนอหรือคู่สัญญา จึงเป็นกรรมการไม่ได้ กรุณาแต่งตั้งผู้อื่นแทน"
                ).format(name=str(member.get("full_name") or "").strip()),
                {"members": _("มีส่วนได้เสีย")},
            )


@office.declare_committee_check
def check_committee(
    committee_id: int | None, values: dict[str, Any], members: list[dict[str, Any]]
) -> None:
    """Every rule above, for ``office.save_committee``; raises ``ValidationError``."""
    current = Committee.get_or_none(Committee.id == committee_id) if committee_id else None
    kind = str(values.get("kind", current.kind if current else CommitteeKind.OTHER))
    case_id = values.get("case_id", current.case_id if current else None)
    check_composition(kind, members)
    check_declarations(members)
    check_interests(members)
    check_overlap(committee_id, kind, case_id, members)


def check_inspector(committee: Committee, amount: Any) -> None:
    """A one-person inspection committee only up to ``procurement.single_inspector_max_baht``."""
    value = rules.required_amount(amount, "price", _("ราคาตามสัญญา"))
    limit = rules.setting_decimal("procurement.single_inspector_max_baht")
    single = committee.kind == CommitteeKind.INSPECTION and committee.members.count() == 1
    if single and value > limit:
        raise ValidationError(
            _("วงเงินเกิน {limit:,.2f} บาท ต้องแต่งตั้งคณะกรรมการตรวจรับพัสดุ ไม่ใช่ผู้ตรวจรับพัสดุคนเดียว").format(
                limit=limit
            ),
            {"committee": _("ต้องเป็นคณะกรรมการ")},
        )


def record_declaration(
    actor: Actor | None,
    member: CommitteeMember,
    *,
    declared_on: dt.date,
    has_interest: bool = False,
    note: str = "",
) -> CommitteeMember:
    """Record a member's แบบแสดงความบริสุทธิ์ใจ (F18). A declared interest is refused: the member
    must leave the committee first (nothing is saved)."""
    require(actor, Permission.WORK_CASES)
    day = rules.required_date(declared_on, "declared_on", _("วันที่ลงนามแบบแสดงความบริสุทธิ์ใจ"))
    if has_interest:
        raise ValidationError(
            _("{name} แจ้งว่ามีส่วนได้เสียกับผู้ยื่นข้อเสนอหรือคู่สัญญา จึงเป็นกรรมการไม่ได้ กรุณาแต่งตั้งผู้อื่นแทน").format(
                name=member.full_name
            ),
            {"has_interest": _("มีส่วนได้เสีย")},
        )
    return records.update(
        actor, member, declared_on=day, has_interest=False, declaration_note=note.strip()
    )


def members_of(committee: Committee) -> list[CommitteeMember]:
    """Chair first, secretary last, as committees sign."""
    return office.committee_members(committee)


def committees_of_case(case_id: int) -> list[Committee]:
    return list(Committee.select().where(Committee.case_id == case_id).order_by(Committee.id))


def ready_to_act(committee: Committee) -> None:
    """Refuse (``ValidationError``) while a member has not signed the F18 declaration, when the
    setting ``procurement.require_declarations`` is on."""
    if not settings.get("procurement.require_declarations"):
        return
    missing = [m.full_name for m in committee.members if m.declared_on is None]
    if missing:
        raise ValidationError(
            _("กรรมการยังไม่ได้ลงนามแบบแสดงความบริสุทธิ์ใจ: {names}").format(names=", ".join(missing)),
            {"committee": _("ยังไม่ครบทุกคน")},
        )


def member_dicts(committee: Committee) -> list[dict[str, Any]]:
    """The members as ``save_committee`` takes them (to change one and save the whole list)."""
    return [
        {
            "full_name": m.full_name,
            "position": m.position,
            "role": m.role,
            "user_id": m.user_id,
            "is_expert": m.is_expert,
            "declared_on": m.declared_on,
            "has_interest": m.has_interest,
            "declaration_note": m.declaration_note,
        }
        for m in members_of(committee)
    ]
