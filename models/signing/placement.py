"""Where a signature image may go: on the block of a case's document whose step its owner did in
the app, dated with that step's day, and only by its owner.

A process declares, per printable document, which step (and outcome) each signature block stands
for::

    declare_signature_slots("data_request", "cover_note", (
        SlotDef("signer", N_("ผู้จัดทำบันทึก"), step="prepare", outcomes=("done",)),
        SlotDef("opinion1", N_("ความเห็นของ หน.ภทส."), step="check", outcomes=("approve",)),
    ))

The block's user is whoever last did that step with that outcome (``CaseStep.actor_id``); only
that user, with their own image, can place it (``place_signature``); administrators and the
system cannot. A step redone later (after a send-back) is a new signature: the old placement no
longer prints. ``apply_signatures`` puts the placed images, the signers' names and the steps'
dates on the assembled memo or letter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from models import records
from models.base import Actor
from models.engine.reporting import on_case_documents
from models.engine.tables import Case, CaseStep
from models.errors import NotFound, PermissionDenied, ValidationError
from models.i18n import _
from models.permissions import Permission, require
from models.signing import images
from models.signing.tables import SignatureImage, SignaturePlacement
from models.users import User
from models.write_lock import write_transaction


@dataclass(frozen=True)
class SlotDef:
    key: str  # the document's signature block: "signer", "opinion1", "opinion2" ...
    label: str  # N_-marked, e.g. "ผู้จัดทำบันทึก"
    step: str
    outcomes: tuple[str, ...]


_SLOTS: dict[tuple[str, str], tuple[SlotDef, ...]] = {}


def declare_signature_slots(process: str, document: str, slots: tuple[SlotDef, ...]) -> None:
    _SLOTS[(process, document)] = slots


def slot_defs(process: str, document: str) -> tuple[SlotDef, ...]:
    return _SLOTS.get((process, document), ())


@dataclass(frozen=True)
class SlotState:
    slot: SlotDef
    signer_id: int | None  # who did the step in the app (None: not done yet)
    signer_name: str
    signed_on: dt.date | None
    step_id: int | None
    placed: bool  # the owner placed the image for this very step
    mine: bool  # the acting user is the signer
    has_image: bool  # the acting user has a signature image

    @property
    def can_place(self) -> bool:
        return self.mine and self.has_image and not self.placed and self.step_id is not None


def _signing_step(case: Case, slot: SlotDef) -> CaseStep | None:
    found: CaseStep | None = (
        CaseStep.select()
        .where(
            (CaseStep.case == case.id)
            & (CaseStep.step == slot.step)
            & (CaseStep.outcome.in_(slot.outcomes))
            & CaseStep.actor_id.is_null(False)
        )
        .order_by(CaseStep.at.desc(), CaseStep.id.desc())
        .first()
    )
    return found


def _placement(case: Case, document: str, slot: str) -> SignaturePlacement | None:
    found: SignaturePlacement | None = SignaturePlacement.get_or_none(
        (SignaturePlacement.case == case.id)
        & (SignaturePlacement.document == document)
        & (SignaturePlacement.slot == slot)
    )
    return found


def _slot(case: Case, document: str, key: str) -> SlotDef:
    for slot in slot_defs(str(case.process), document):
        if slot.key == key:
            return slot
    raise NotFound(_("เอกสารนี้ไม่มีช่องลงนาม “{slot}”").format(slot=key))


def slots_for(actor: Actor | None, case: Case, document: str) -> list[SlotState]:
    """The document's signature blocks: who signed each step and whether the image is placed."""
    require(actor, Permission.VIEW)
    own_image = (
        actor is not None
        and SignatureImage.select().where(SignatureImage.user == actor.id).exists()
    )
    out: list[SlotState] = []
    for slot in slot_defs(str(case.process), document):
        step = _signing_step(case, slot)
        placement = _placement(case, document, slot.key)
        signer_id = step.actor_id if step is not None else None
        out.append(
            SlotState(
                slot=slot,
                signer_id=signer_id,
                signer_name=str(step.actor_name) if step is not None else "",
                signed_on=step.on_date if step is not None else None,
                step_id=int(step.id) if step is not None else None,
                placed=placement is not None
                and step is not None
                and placement.__data__["step"] == step.id,
                mine=actor is not None and signer_id == actor.id,
                has_image=own_image,
            )
        )
    return out


def place_signature(
    actor: Actor | None, case: Case, document: str, slot_key: str
) -> SignaturePlacement:
    """Put the actor's own signature image on block ``slot_key`` of the case's ``document``.
    Refused unless the actor did that block's step in the app (administrators and the system
    included) and has a signature image."""
    slot = _slot(case, document, slot_key)
    if actor is None:
        raise PermissionDenied(_("ระบบวางลายมือชื่อแทนผู้ใช้ไม่ได้"))
    require(actor, Permission.VIEW)
    step = _signing_step(case, slot)
    if step is None:
        raise ValidationError(
            _("ยังไม่มีผู้ลงนามในขั้นตอน “{slot}” ของเรื่องนี้ จึงยังวางลายมือชื่อไม่ได้").format(slot=_(slot.label))
        )
    if step.actor_id != actor.id:
        raise PermissionDenied(
            _("ลายมือชื่อในช่อง “{slot}” เป็นของ {name} ผู้ดำเนินการขั้นตอนนั้น ผู้อื่นวางแทนไม่ได้").format(
                slot=_(slot.label), name=step.actor_name
            )
        )
    if images.image_of_user(actor.id) is None:
        raise ValidationError(
            _("ท่านยังไม่มีภาพลายมือชื่อ กรุณาเพิ่มที่เมนู “ลายมือชื่อของฉัน” ก่อน"),
            {"signature": _("ยังไม่มีภาพลายมือชื่อ")},
        )
    with write_transaction():  # the old placement goes and the new one comes together
        existing = _placement(case, document, slot_key)
        if existing is not None:
            if existing.__data__["step"] == step.id and existing.__data__["user"] == actor.id:
                return existing
            records.delete(actor, existing, note="superseded")
        return records.create(
            actor,
            SignaturePlacement,
            case=case.id,
            document=document,
            slot=slot_key,
            user=actor.id,
            step=step.id,
            signed_on=step.on_date,
        )


def withdraw_signature(actor: Actor | None, case: Case, document: str, slot_key: str) -> None:
    """Take one's own signature image off a block (only its owner can)."""
    _slot(case, document, slot_key)
    placement = _placement(case, document, slot_key)
    if placement is None:
        return
    if actor is None or placement.__data__["user"] != actor.id:
        raise PermissionDenied(_("ถอนลายมือชื่อได้เฉพาะเจ้าของลายมือชื่อเท่านั้น"))
    require(actor, Permission.VIEW)
    records.delete(actor, placement)


@dataclass(frozen=True)
class PlacedSignature:
    slot: str
    image: bytes
    name: str
    position: str
    signed_on: dt.date


def placed_signatures(case: Case, document: str) -> list[PlacedSignature]:
    """The images that print on the document now: placed by their owner for the step as it
    stands (a redone step's old placement does not print)."""
    out: list[PlacedSignature] = []
    for slot in slot_defs(str(case.process), document):
        placement = _placement(case, document, slot.key)
        step = _signing_step(case, slot)
        if placement is None or step is None or placement.__data__["step"] != step.id:
            continue
        user_id = int(placement.__data__["user"])
        if step.actor_id != user_id:
            continue
        image = images.image_of_user(user_id)
        user = User.get_or_none(User.id == user_id)
        if image is None or user is None:
            continue
        out.append(
            PlacedSignature(
                slot.key, image, str(user.full_name), str(user.position or ""), step.on_date
            )
        )
    return out


def apply_signatures(document: Any, case: Case, key: str) -> None:
    """Put the placed signatures on an assembled ``Memo`` or ``Letter`` (``reports``): the
    image above the name of the one who signed the step, with the step's date."""
    for placed in placed_signatures(case, key):
        if placed.slot == "signer":
            document.signature_image = placed.image
            document.signer_name = placed.name
            document.signer_position = placed.position or document.signer_position
        elif placed.slot.startswith("opinion"):
            index = int(placed.slot.removeprefix("opinion") or "1") - 1
            opinions = getattr(document, "opinions", [])
            if 0 <= index < len(opinions):
                block = opinions[index]
                block.signature_image = placed.image
                block.signer_name = placed.name
                block.signer_position = placed.position or block.signer_position
                block.signed_on = placed.signed_on


def my_slots(actor: Actor | None, case_id: int, document: str) -> list[SlotState]:
    """The blocks of a case's document the acting user signed (for the case screen's buttons)."""
    if actor is None or not slot_defs_for_case(case_id, document):
        return []
    case = records.get(Case, case_id)
    return [s for s in slots_for(actor, case, document) if s.mine and s.step_id is not None]


def slot_defs_for_case(case_id: int, document: str) -> tuple[SlotDef, ...]:
    process = Case.select(Case.process).where(Case.id == case_id).scalar()
    return slot_defs(str(process), document) if process else ()


def toggle_own_signature(actor: Actor | None, case_id: int, document: str, slot_key: str) -> bool:
    """Place the actor's signature on the block, or take it off when placed; True when placed."""
    case = records.get(Case, case_id)
    for state in slots_for(actor, case, document):
        if state.slot.key == slot_key and state.placed:
            withdraw_signature(actor, case, document, slot_key)
            return False
    place_signature(actor, case, document, slot_key)
    return True


def _before_render(actor: Actor | None, case: Case, key: str, document: Any) -> None:
    apply_signatures(document, case, key)


on_case_documents(before=_before_render)
