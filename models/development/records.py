"""Process 5's own records besides the case: the project row (1:1 with the case) and what happens
around the steps — requirement meetings per user group, development rounds, trainings with their
attendance, the median-price cost items (บก.๐๕ layout, adaptable), vendors' presentations with
scores per criterion, and the milestones planned against what happened.

Every function takes the acting user first and checks permissions; bad input raises
``ValidationError`` naming the field, and nothing is saved.

    add_meeting(actor, case_id, met_on=date, user_group="ฝ่ายประเมิน", attendees="...", notes="")
    add_round(actor, case_id, started_on=..., finished_on=..., tested="...", feedback="...", fixes="")
    add_training(actor, case_id, held_on=..., place="...", user_group="...", invited=20, attended=18)
    add_cost_item(actor, case_id, kind=CostKind.PERSONNEL, description="นักวิเคราะห์ระบบ",
                  quantity=2, months=6, rate="40,000")
    add_presentation(actor, case_id, vendor_id=..., presented_on=..., scores={"ผลงาน": 25, ...})
    add_milestone(actor, case_id, title="ส่งมอบงวดที่ 1", planned_on=..., done_on=None)
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import peewee

from models import clock, records, settings
from models.base import Actor, VersionedModel
from models.engine import CASE_TABLE, Case
from models.errors import ValidationError
from models.i18n import N_, _
from models.org import Vendor
from models.permissions import Permission, require
from models.procurement import rules
from models.procurement.vendors import registered_vendor
from models.settings import SettingDef
from models.write_lock import write_transaction

KEY = "development"  # the process's key (its cases' ``Case.process``)

# ---------------------------------------------------------------------------------------------
# Tables


class Mode:
    IN_HOUSE = "in_house"  # พัฒนาเอง (steps 7-8)
    OUTSOURCED = "outsourced"  # จ้างพัฒนา (steps 9-17)


MODE_LABELS = {Mode.IN_HOUSE: N_("พัฒนาเอง"), Mode.OUTSOURCED: N_("จ้างพัฒนา")}


class DevProject(VersionedModel):
    """Process 5's own data, 1:1 with its case (requester, title and dates are on the case)."""

    case = peewee.ForeignKeyField(Case, unique=True, on_delete="CASCADE")
    idea = peewee.TextField(default="")  # what the requester presented at the first meeting
    met_on = peewee.DateField(null=True)  # the requester's meeting with the stakeholders
    attendees = peewee.TextField(default="")
    # step 2: the chain weighs benefit against budget, people, time, convenience, modernity
    benefit = peewee.TextField(default="")
    weighing = peewee.TextField(default="")
    decided_on = peewee.DateField(null=True)
    # step 5: the analysis
    functions = peewee.TextField(default="")
    inputs_outputs = peewee.TextField(default="")
    scope = peewee.TextField(default="")
    timeline = peewee.TextField(default="")
    equipment = peewee.TextField(default="")
    # step 6: in-house or outsourced, and the cost
    mode = peewee.CharField(max_length=16, default="")
    cost = peewee.DecimalField(max_digits=15, decimal_places=2, null=True)
    mode_decided_on = peewee.DateField(null=True)
    # in-house (7-8)
    server = peewee.TextField(default="")
    live_on = peewee.DateField(null=True)
    # outsourced (9-17)
    tor_summary = peewee.TextField(default="")
    median_price_on = peewee.DateField(null=True)
    principle_approved_on = peewee.DateField(null=True)
    tor_approved_on = peewee.DateField(null=True)
    procurement_committee_id = peewee.IntegerField(null=True)  # models.org.Committee
    winner = peewee.ForeignKeyField(Vendor, null=True, on_delete="SET NULL", backref="+")
    selection_reason = peewee.TextField(default="")
    selected_on = peewee.DateField(null=True)
    contract_id = peewee.IntegerField(null=True)  # models.procurement's contract
    completed_on = peewee.DateField(null=True)

    if TYPE_CHECKING:
        case_id: int
        winner_id: int | None

    class Meta:
        table_name = "development_project"


class RequirementMeeting(VersionedModel):
    """Step 4: a requirement meeting with one user group."""

    case = peewee.ForeignKeyField(Case, on_delete="CASCADE", backref="+")
    met_on = peewee.DateField()
    user_group = peewee.CharField(max_length=200)
    attendees = peewee.TextField(default="")
    notes = peewee.TextField(default="")

    if TYPE_CHECKING:
        case_id: int

    class Meta:
        table_name = "development_meeting"


class DevRound(VersionedModel):
    """Step 7: one round of development, test, the users' trial and the fixes after it."""

    case = peewee.ForeignKeyField(Case, on_delete="CASCADE", backref="+")
    seq = peewee.IntegerField()
    started_on = peewee.DateField()
    finished_on = peewee.DateField(null=True)
    tested = peewee.TextField(default="")  # what was tested, and the result
    feedback = peewee.TextField(default="")  # the users' trial and what they said
    fixes = peewee.TextField(default="")

    if TYPE_CHECKING:
        case_id: int

    class Meta:
        table_name = "development_round"


class Training(VersionedModel):
    """Steps 8 and 16: a training session for one user group, with the sign-in sheet's scan kept
    as evidence (``models.attachments``, purpose ``sign_in:<id>``)."""

    case = peewee.ForeignKeyField(Case, on_delete="CASCADE", backref="+")
    held_on = peewee.DateField()
    place = peewee.CharField(max_length=300)
    user_group = peewee.CharField(max_length=200)
    invited = peewee.IntegerField()
    attended = peewee.IntegerField(default=0)
    trainer = peewee.CharField(max_length=300, default="")
    installment_id = peewee.IntegerField(null=True)  # the contract's installment it is evidence for
    notes = peewee.TextField(default="")

    if TYPE_CHECKING:
        case_id: int

    class Meta:
        table_name = "development_training"


class CostKind:
    PERSONNEL = "personnel"  # ค่าตอบแทนบุคลากร: headcount × months × monthly rate
    EQUIPMENT = "equipment"  # ค่าวัสดุอุปกรณ์/ครุภัณฑ์
    LICENCE = "licence"  # ค่าลิขสิทธิ์ซอฟต์แวร์
    OTHER = "other"  # ค่าใช้จ่ายอื่น ๆ


COST_KIND_LABELS = {
    CostKind.PERSONNEL: N_("ค่าตอบแทนบุคลากร"),
    CostKind.EQUIPMENT: N_("ค่าวัสดุอุปกรณ์และครุภัณฑ์"),
    CostKind.LICENCE: N_("ค่าลิขสิทธิ์ซอฟต์แวร์"),
    CostKind.OTHER: N_("ค่าใช้จ่ายอื่น ๆ"),
}


class CostItem(VersionedModel):
    """A line of the software-development median price (ราคากลาง): for personnel, a role with its
    headcount, months and monthly rate; otherwise a quantity and a unit price."""

    case = peewee.ForeignKeyField(Case, on_delete="CASCADE", backref="+")
    seq = peewee.IntegerField()
    kind = peewee.CharField(max_length=16)
    description = peewee.CharField(max_length=300)
    quantity = peewee.IntegerField(default=1)  # people, or units
    months = peewee.DecimalField(max_digits=6, decimal_places=2, default=Decimal(1))
    rate = peewee.DecimalField(max_digits=15, decimal_places=2)  # per person-month, or per unit

    if TYPE_CHECKING:
        case_id: int

    class Meta:
        table_name = "development_cost_item"

    @property
    def amount(self) -> Decimal:
        months = Decimal(self.months) if self.kind == CostKind.PERSONNEL else Decimal(1)
        return (Decimal(self.quantity) * months * Decimal(self.rate)).quantize(Decimal("0.01"))


class Presentation(VersionedModel):
    """Step 11: a vendor's presentation to the procurement committee, with the committee's scores
    per criterion (JSON ``{criterion: score}``, criteria and their maxima from the settings)."""

    case = peewee.ForeignKeyField(Case, on_delete="CASCADE", backref="+")
    vendor = peewee.ForeignKeyField(Vendor, on_delete="RESTRICT", backref="+")
    presented_on = peewee.DateField()
    scores = peewee.TextField(default="{}")
    offered_price = peewee.DecimalField(max_digits=15, decimal_places=2, null=True)
    notes = peewee.TextField(default="")

    if TYPE_CHECKING:
        case_id: int
        vendor_id: int

    class Meta:
        table_name = "development_presentation"

    def score_map(self) -> dict[str, Decimal]:
        raw = json.loads(self.scores or "{}")
        return {str(k): Decimal(str(v)) for k, v in raw.items()}

    @property
    def total(self) -> Decimal:
        return sum(self.score_map().values(), Decimal(0))


class Milestone(VersionedModel):
    """A milestone of the agreed timeline: planned against what happened."""

    case = peewee.ForeignKeyField(Case, on_delete="CASCADE", backref="+")
    title = peewee.CharField(max_length=300)
    planned_on = peewee.DateField()
    done_on = peewee.DateField(null=True)

    if TYPE_CHECKING:
        case_id: int

    class Meta:
        table_name = "development_milestone"

    def is_late(self, today: dt.date) -> bool:
        return self.done_on is None and self.planned_on < today


# The committee's criteria in step 12 (the manual: record, past work, approach, price), with the
# most points each may give. The law leaves them to the committee (PROCUREMENT.md §3.6), so they
# are an office setting: "name=points; name=points".
DEFAULT_CRITERIA = (
    "ประวัติและความน่าเชื่อถือของบริษัท=20; ผลงานที่ผ่านมา=25; แนวทางการพัฒนาระบบ=30; ราคาที่เสนอ=25"
)
settings.declare(
    SettingDef(
        "development.criteria",
        DEFAULT_CRITERIA,
        N_("เกณฑ์การให้คะแนนการนำเสนอของผู้รับจ้างพัฒนาระบบ (ชื่อเกณฑ์=คะแนนเต็ม; ...)"),
    )
)


# ---------------------------------------------------------------------------------------------
# Checks


def _case(case_id: int) -> Case:
    case: Case = records.get(Case, case_id)
    if case.process != KEY:
        raise ValidationError(_("เรื่องนี้ไม่ใช่โครงการพัฒนาระบบสารสนเทศ"))
    return case


def _open_case(case_id: int) -> Case:
    case = _case(case_id)
    if case.status != "open":
        raise ValidationError(_("โครงการนี้ปิดแล้ว จึงแก้ไขข้อมูลไม่ได้"))
    return case


def _text(value: Any, field: str, label: str, limit: int, *, required: bool) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise ValidationError(_("กรุณากรอก{label}").format(label=label), {field: _("ต้องกรอก")})
    if len(text) > limit:
        raise ValidationError(
            _("{label} ยาวเกิน {n} ตัวอักษร").format(label=label, n=limit),
            {field: _("ยาวเกินไป")},
        )
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text) or "\x7f" in text:
        raise ValidationError(
            _("{label} มีอักขระควบคุมที่ใช้ไม่ได้").format(label=label), {field: _("มีอักขระที่ใช้ไม่ได้")}
        )
    return text


def _count(value: Any, field: str, label: str, *, minimum: int = 0, maximum: int = 100_000) -> int:
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except (TypeError, ValueError):
        raise ValidationError(
            _("{label} ต้องเป็นจำนวนเต็ม").format(label=label), {field: _("ต้องเป็นจำนวนเต็ม")}
        ) from None
    if isinstance(value, bool) or not (minimum <= number <= maximum):
        raise ValidationError(
            _("{label} ต้องอยู่ระหว่าง {low} ถึง {high}").format(label=label, low=minimum, high=maximum),
            {field: _("อยู่นอกช่วงที่รับได้")},
        )
    return number


def _not_before_start(case: Case, day: dt.date, field: str, label: str) -> None:
    if case.received_on and day < case.received_on:
        raise ValidationError(
            _("{label} ต้องไม่ก่อนวันที่เริ่มโครงการ").format(label=label),
            {field: _("ก่อนวันที่เริ่มโครงการ")},
        )


def _not_future(day: dt.date, field: str, label: str) -> None:
    if day > clock.today():
        raise ValidationError(
            _("{label} ต้องไม่เป็นวันในอนาคต").format(label=label), {field: _("เป็นวันในอนาคต")}
        )


def _date(value: Any, field: str, label: str) -> dt.date:
    return rules.required_date(value, field, label)


# ---------------------------------------------------------------------------------------------
# Requirement meetings (step 4)


def add_meeting(
    actor: Actor | None,
    case_id: int,
    *,
    met_on: Any,
    user_group: Any,
    attendees: Any = "",
    notes: Any = "",
) -> RequirementMeeting:
    require(actor, Permission.WORK_CASES)
    day = _date(met_on, "met_on", _("วันที่ประชุม"))
    group = _text(user_group, "user_group", _("กลุ่มผู้ใช้"), 200, required=True)
    who = _text(attendees, "attendees", _("ผู้เข้าประชุม"), 5000, required=False)
    what = _text(notes, "notes", _("บันทึกการประชุม"), 20000, required=False)
    with write_transaction():
        case = _open_case(case_id)
        _not_before_start(case, day, "met_on", _("วันที่ประชุม"))
        _not_future(day, "met_on", _("วันที่ประชุม"))
        return records.create(
            actor,
            RequirementMeeting,
            case=case.id,
            met_on=day,
            user_group=group,
            attendees=who,
            notes=what,
        )


def meetings(case_id: int) -> list[RequirementMeeting]:
    return list(
        RequirementMeeting.select()
        .where(RequirementMeeting.case == case_id)
        .order_by(RequirementMeeting.met_on, RequirementMeeting.id)
    )


# ---------------------------------------------------------------------------------------------
# Development rounds (step 7)


def add_round(
    actor: Actor | None,
    case_id: int,
    *,
    started_on: Any,
    finished_on: Any = None,
    tested: Any = "",
    feedback: Any = "",
    fixes: Any = "",
) -> DevRound:
    require(actor, Permission.WORK_CASES)
    start = _date(started_on, "started_on", _("วันที่เริ่มรอบ"))
    end = rules.optional_date(finished_on, "finished_on", _("วันที่เสร็จรอบ"))
    if end is not None and end < start:
        raise ValidationError(_("วันที่เสร็จรอบต้องไม่ก่อนวันที่เริ่มรอบ"), {"finished_on": _("ก่อนวันที่เริ่ม")})
    tested_text = _text(tested, "tested", _("ผลการทดสอบ"), 20000, required=False)
    feedback_text = _text(feedback, "feedback", _("ความเห็นผู้ใช้ที่ทดลองใช้"), 20000, required=False)
    fixes_text = _text(fixes, "fixes", _("การปรับแก้"), 20000, required=False)
    with write_transaction():
        case = _open_case(case_id)
        _not_before_start(case, start, "started_on", _("วันที่เริ่มรอบ"))
        seq = (
            DevRound.select(peewee.fn.MAX(DevRound.seq)).where(DevRound.case == case.id).scalar()
            or 0
        ) + 1
        return records.create(
            actor,
            DevRound,
            case=case.id,
            seq=seq,
            started_on=start,
            finished_on=end,
            tested=tested_text,
            feedback=feedback_text,
            fixes=fixes_text,
        )


def rounds(case_id: int) -> list[DevRound]:
    return list(DevRound.select().where(DevRound.case == case_id).order_by(DevRound.seq))


# ---------------------------------------------------------------------------------------------
# Trainings (steps 8 and 16)


def add_training(
    actor: Actor | None,
    case_id: int,
    *,
    held_on: Any,
    place: Any,
    user_group: Any,
    invited: Any,
    attended: Any = 0,
    trainer: Any = "",
    installment_id: int | None = None,
    notes: Any = "",
) -> Training:
    require(actor, Permission.WORK_CASES)
    day = _date(held_on, "held_on", _("วันที่อบรม"))
    where = _text(place, "place", _("สถานที่"), 300, required=True)
    group = _text(user_group, "user_group", _("กลุ่มผู้ใช้"), 200, required=True)
    invited_n = _count(invited, "invited", _("จำนวนผู้ได้รับเชิญ"), minimum=1)
    attended_n = _count(attended, "attended", _("จำนวนผู้เข้าอบรม"))
    if attended_n > invited_n:
        raise ValidationError(
            _("จำนวนผู้เข้าอบรม ({n}) มากกว่าจำนวนผู้ได้รับเชิญ ({m})").format(n=attended_n, m=invited_n),
            {"attended": _("มากกว่าผู้ได้รับเชิญ")},
        )
    by = _text(trainer, "trainer", _("วิทยากร"), 300, required=False)
    what = _text(notes, "notes", _("หมายเหตุ"), 5000, required=False)
    with write_transaction():
        case = _open_case(case_id)
        _not_before_start(case, day, "held_on", _("วันที่อบรม"))
        return records.create(
            actor,
            Training,
            case=case.id,
            held_on=day,
            place=where,
            user_group=group,
            invited=invited_n,
            attended=attended_n,
            trainer=by,
            installment_id=installment_id,
            notes=what,
        )


def record_attendance(
    actor: Actor | None, training: Training, attended: Any, *, expected_version: int | None = None
) -> Training:
    """After the session: how many came (from the signed sheet), never more than invited."""
    require(actor, Permission.WORK_CASES)
    n = _count(attended, "attended", _("จำนวนผู้เข้าอบรม"))
    if n > training.invited:
        raise ValidationError(
            _("จำนวนผู้เข้าอบรม ({n}) มากกว่าจำนวนผู้ได้รับเชิญ ({m})").format(n=n, m=training.invited),
            {"attended": _("มากกว่าผู้ได้รับเชิญ")},
        )
    with write_transaction():
        _open_case(training.case_id)
        return records.update(actor, training, expected_version=expected_version, attended=n)


def trainings(case_id: int) -> list[Training]:
    return list(
        Training.select().where(Training.case == case_id).order_by(Training.held_on, Training.id)
    )


def sign_in_purpose(training_id: int) -> str:
    return f"sign_in:{training_id}"


def attach_sign_in(actor: Actor | None, training: Training, filename: str, data: bytes) -> None:
    """Keep the signed sign-in sheet's scan as the session's evidence."""
    from models import attachments

    require(actor, Permission.WORK_CASES)
    if not data:
        raise ValidationError(_("ไฟล์ใบลงชื่อว่างเปล่า"), {"file": _("ไฟล์ว่าง")})
    with write_transaction():
        _open_case(training.case_id)
        attachments.add(
            actor,
            filename,
            data,
            owner_table=CASE_TABLE,
            owner_id=training.case_id,
            purpose=sign_in_purpose(training.id),
        )


def has_sign_in(training: Training) -> bool:
    from models import attachments

    return bool(attachments.for_owner(CASE_TABLE, training.case_id, sign_in_purpose(training.id)))


# ---------------------------------------------------------------------------------------------
# Median price items (step 9)


def add_cost_item(
    actor: Actor | None,
    case_id: int,
    *,
    kind: str,
    description: Any,
    rate: Any,
    quantity: Any = 1,
    months: Any = 1,
) -> CostItem:
    require(actor, Permission.WORK_CASES)
    if kind not in COST_KIND_LABELS:
        raise ValidationError(_("กรุณาเลือกประเภทค่าใช้จ่าย"), {"kind": _("ต้องเลือก")})
    text = _text(description, "description", _("รายการ"), 300, required=True)
    count = _count(quantity, "quantity", _("จำนวน"), minimum=1, maximum=10_000)
    month_count = rules.required_amount(months, "months", _("จำนวนเดือน"), allow_zero=False)
    if month_count > 120:
        raise ValidationError(_("จำนวนเดือนต้องไม่เกิน 120 เดือน"), {"months": _("มากเกินไป")})
    price = rules.required_amount(rate, "rate", _("อัตรา (บาท)"), allow_zero=False)
    with write_transaction():
        case = _open_case(case_id)
        seq = (
            CostItem.select(peewee.fn.MAX(CostItem.seq)).where(CostItem.case == case.id).scalar()
            or 0
        ) + 1
        item: CostItem = records.create(
            actor,
            CostItem,
            case=case.id,
            seq=seq,
            kind=kind,
            description=text,
            quantity=count,
            months=month_count if kind == CostKind.PERSONNEL else Decimal(1),
            rate=price,
        )
        if item.amount > rules.MAX_AMOUNT:
            raise ValidationError(
                _("จำนวนเงินของรายการนี้มากเกินกว่าที่ระบบรับได้"), {"rate": _("มากเกินไป")}
            )
        return item


def delete_cost_item(actor: Actor | None, item: CostItem) -> None:
    require(actor, Permission.WORK_CASES)
    with write_transaction():
        _open_case(item.case_id)
        records.delete(actor, item)


def cost_items(case_id: int) -> list[CostItem]:
    return list(CostItem.select().where(CostItem.case == case_id).order_by(CostItem.seq))


def median_price(case_id: int) -> Decimal:
    return sum((i.amount for i in cost_items(case_id)), Decimal("0.00"))


# ---------------------------------------------------------------------------------------------
# Vendors' presentations (step 11)


def parse_criteria(text: str) -> list[tuple[str, int]]:
    """``"name=points; name=points"`` as pairs; parts without a whole number of points are left out."""
    pairs: list[tuple[str, int]] = []
    for part in text.split(";"):
        name, _sep, points = part.partition("=")
        try:
            value = int(points.strip())
        except ValueError:
            continue
        if name.strip() and value > 0:
            pairs.append((name.strip(), value))
    return pairs


def criteria() -> list[tuple[str, int]]:
    return parse_criteria(str(settings.get("development.criteria"))) or parse_criteria(
        DEFAULT_CRITERIA
    )


def add_presentation(
    actor: Actor | None,
    case_id: int,
    *,
    vendor_id: Any,
    presented_on: Any,
    scores: dict[str, Any],
    offered_price: Any = None,
    notes: Any = "",
) -> Presentation:
    """Record a vendor's presentation and the committee's score on every criterion (each from 0
    to the criterion's points). The vendor must be in the register."""
    require(actor, Permission.WORK_CASES)
    vendor = registered_vendor(vendor_id)
    day = _date(presented_on, "presented_on", _("วันที่นำเสนอ"))
    clean: dict[str, str] = {}
    for name, points in criteria():
        if name not in scores or scores[name] in (None, ""):
            raise ValidationError(
                _("กรุณากรอกคะแนน “{name}”").format(name=name), {f"score:{name}": _("ต้องกรอก")}
            )
        value = rules.required_amount(scores[name], f"score:{name}", name)
        if value > points:
            raise ValidationError(
                _("คะแนน “{name}” ต้องไม่เกิน {points}").format(name=name, points=points),
                {f"score:{name}": _("เกินคะแนนเต็ม")},
            )
        clean[name] = str(value)
    unknown = set(scores) - set(clean)
    if unknown:
        raise ValidationError(
            _("ไม่รู้จักเกณฑ์ “{name}”").format(name=sorted(unknown)[0]), {"scores": _("ไม่รู้จักเกณฑ์")}
        )
    price = rules.amount(offered_price, "offered_price", _("ราคาที่เสนอ"), required=False)
    what = _text(notes, "notes", _("หมายเหตุ"), 5000, required=False)
    with write_transaction():
        case = _open_case(case_id)
        _not_before_start(case, day, "presented_on", _("วันที่นำเสนอ"))
        if (
            Presentation.select()
            .where((Presentation.case == case.id) & (Presentation.vendor == vendor.id))
            .exists()
        ):
            raise ValidationError(
                _("บริษัท {name} นำเสนอในโครงการนี้แล้ว").format(name=vendor.name),
                {"vendor": _("ซ้ำ")},
            )
        return records.create(
            actor,
            Presentation,
            case=case.id,
            vendor=vendor.id,
            presented_on=day,
            scores=json.dumps(clean, ensure_ascii=False),
            offered_price=price,
            notes=what,
        )


def presentations(case_id: int) -> list[Presentation]:
    """Highest total first."""
    rows = list(Presentation.select().where(Presentation.case == case_id))
    return sorted(rows, key=lambda p: (-p.total, p.id))


# ---------------------------------------------------------------------------------------------
# Milestones


def add_milestone(
    actor: Actor | None, case_id: int, *, title: Any, planned_on: Any, done_on: Any = None
) -> Milestone:
    require(actor, Permission.WORK_CASES)
    text = _text(title, "title", _("ชื่อหมุดหมาย"), 300, required=True)
    planned = _date(planned_on, "planned_on", _("วันที่กำหนด"))
    done = rules.optional_date(done_on, "done_on", _("วันที่แล้วเสร็จ"))
    with write_transaction():
        case = _case(case_id)
        _not_before_start(case, planned, "planned_on", _("วันที่กำหนด"))
        if done is not None:
            _not_before_start(case, done, "done_on", _("วันที่แล้วเสร็จ"))
            _not_future(done, "done_on", _("วันที่แล้วเสร็จ"))
        return records.create(
            actor, Milestone, case=case.id, title=text, planned_on=planned, done_on=done
        )


def complete_milestone(
    actor: Actor | None, milestone: Milestone, done_on: Any, *, expected_version: int | None = None
) -> Milestone:
    require(actor, Permission.WORK_CASES)
    done = _date(done_on, "done_on", _("วันที่แล้วเสร็จ"))
    with write_transaction():
        case = _case(milestone.case_id)
        _not_before_start(case, done, "done_on", _("วันที่แล้วเสร็จ"))
        _not_future(done, "done_on", _("วันที่แล้วเสร็จ"))
        return records.update(actor, milestone, expected_version=expected_version, done_on=done)


def milestones(case_id: int) -> list[Milestone]:
    return list(
        Milestone.select()
        .where(Milestone.case == case_id)
        .order_by(Milestone.planned_on, Milestone.id)
    )


def late_milestones(today: dt.date | None = None) -> list[tuple[Case, Milestone]]:
    """Milestones past their date and not done, of open projects (for the dashboard)."""
    day = today or clock.today()
    query = (
        Milestone.select(Milestone, Case)
        .join(Case, on=(Milestone.case == Case.id))
        .where(
            (Milestone.done_on.is_null(True))
            & (Milestone.planned_on < day)
            & (Case.status == "open")
        )
        .order_by(Milestone.planned_on)
    )
    return [(m.case, m) for m in query]
