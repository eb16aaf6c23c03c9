"""Process 4's one engine definition: a project (โครงการ) per item of the annual plan, running the
manual's steps 2-8 (การบำรุงรักษาระบบฮาร์ดแวร์และเครือข่าย). No fixed deadline: the dates come from
the plan (the end of the quarter the item is planned for) and, once signed, from the contract (its
last installment).

2. หน.จรป./staff study the technology and draft the project specification (file + summary);
3. they invite 1 to 3 companies to quote (``models.procurement`` quotations) and write the memo
   asking approval of the principle and budget, with the TOR committee (F1);
4. the Director approves the principle and budget, or sends it back;
5. the TOR committee writes the scope of work and the median price (บก.๐๖, F5a);
6. the Deputy Director in charge approves the TOR and median price, or sends it back;
7. general administration runs the procurement: the method (threshold checked), the ข้อ ๒๒ report
   (F6), then the award and the contract, approved or sent back;
8. the inspection committee follows the contractor (installments, deliveries, inspections,
   penalties, invoices, incidents: records of ``models.procurement`` owned by this case); the
   project closes when the last installment is accepted.
"""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any, ClassVar

import peewee

from models.base import Actor, VersionedModel
from models.engine import (
    Case,
    CaseResult,
    Deadline,
    DocumentRef,
    Field,
    FieldKind,
    GuardContext,
    Outcome,
    OutcomeKind,
    ProcessDef,
    Step,
    assignee_field,
    detail_of,
    get_process,
    received_on_field,
    register_process,
    send_back,
    staff_roles,
)
from models.engine import reporting as rep
from models.engine.definition import RecordSource
from models.engine.registry import register_source
from models.i18n import N_, _
from models.infrastructure import contracting
from models.infrastructure.plans import AnnualPlan, PlanItem, quarter_end
from models.org import Signatory, Vendor, WorkGroup
from models.permissions import Role
from models.statistics import (
    CaseFigures,
    Dimension,
    Tally,
    TallyFigure,
    TallyQuery,
    declare_cases,
    declare_tally,
)

KEY = "infrastructure"


class Project(VersionedModel):
    """Process 4's own data, 1:1 with its case; one project per plan item."""

    field_labels: ClassVar[dict[str, str]] = {
        "spec_summary": N_("สาระสำคัญของร่างข้อกำหนดโครงการ"),
        "budget": N_("วงเงินที่ขออนุมัติ (บาท)"),
        "principle_memo_no": N_("เลขที่บันทึกขออนุมัติ"),
        "tor_summary": N_("สาระสำคัญของขอบเขตของงาน"),
        "median_price": N_("ราคากลาง (บาท)"),
        "method_reason": N_("เหตุผลที่เลือกวิธี"),
        "award_amount": N_("ราคาที่ตกลงจ้าง (บาท)"),
        "summary": N_("สรุปผลโครงการ"),
    }

    case = peewee.ForeignKeyField(Case, unique=True, on_delete="CASCADE")
    plan_item = peewee.ForeignKeyField(PlanItem, unique=True, on_delete="RESTRICT")
    spec_summary = peewee.TextField(default="")  # ร่างข้อกำหนดโครงการ, in short
    budget = peewee.DecimalField(max_digits=15, decimal_places=2, null=True)  # asked in F1
    tor_committee_id = peewee.IntegerField(null=True)  # คณะกรรมการจัดทำร่างขอบเขตของงาน
    principle_memo_no = peewee.CharField(max_length=100, default="")
    director = peewee.ForeignKeyField(
        Signatory, null=True, on_delete="SET NULL", column_name="director_id", backref="+"
    )
    principle_approved_on = peewee.DateField(null=True)
    tor_summary = peewee.TextField(default="")
    median_price = peewee.DecimalField(max_digits=15, decimal_places=2, null=True)
    median_price_on = peewee.DateField(null=True)
    deputy = peewee.ForeignKeyField(
        Signatory, null=True, on_delete="SET NULL", column_name="deputy_id", backref="+"
    )
    tor_approved_on = peewee.DateField(null=True)
    method = peewee.CharField(max_length=32, default="")
    method_reason = peewee.TextField(default="")
    report22_on = peewee.DateField(null=True)
    vendor = peewee.ForeignKeyField(Vendor, null=True, on_delete="SET NULL")
    award_amount = peewee.DecimalField(max_digits=15, decimal_places=2, null=True)
    awarded_on = peewee.DateField(null=True)
    contract_id = peewee.IntegerField(null=True)  # models.procurement's contract
    completed_on = peewee.DateField(null=True)
    summary = peewee.TextField(default="")

    class Meta:
        table_name = "infrastructure_project"


# ---------------------------------------------------------------------------------------------
# Where a plan item's project has got to


# The manual's step number of each step of the definition.
MANUAL_STEP = {
    "register": 2,
    "draft_spec": 2,
    "quotations": 3,
    "director": 4,
    "tor": 5,
    "deputy": 6,
    "procure": 7,
    "award": 7,
    "follow": 8,
}


def progress_text(case: Case) -> tuple[int | None, str]:
    """(manual step, text) of a project: "ขั้นที่ 5 คณะกรรมการจัดทำ TOR และราคากลาง", "แล้วเสร็จ"."""
    if case.status != "open":
        if case.result == CaseResult.COMPLETED:
            return 9, _("แล้วเสร็จ")
        return None, _("ยุติโครงการ")
    step_key = str(case.current_step)
    number = MANUAL_STEP.get(step_key)
    label = get_process(KEY).step(step_key).label if get_process(KEY).has_step(step_key) else ""
    return number, _("ขั้นที่ {n} {step}").format(n=number, step=_(label))


def progress_of_items(item_ids: list[int]) -> dict[int, tuple[int, str, int | None, str]]:
    """For each plan item with a project: (case id, case number, manual step, progress text)."""
    if not item_ids:
        return {}
    found: dict[int, tuple[int, str, int | None, str]] = {}
    query = (
        Project.select(Project, Case)
        .join(Case, on=(Project.case == Case.id))
        .where(Project.plan_item.in_(item_ids))
    )
    for project in query:
        case: Case = project.case
        step_no, text = progress_text(case)
        found[project.__data__["plan_item"]] = (case.id, str(case.number), step_no, text)
    return found


def project_for_case(case: Case | int) -> Project:
    case_id = case if isinstance(case, int) else case.id
    return Project.get(Project.case == case_id)


def project_for_item(item_id: int) -> Project | None:
    found: Project | None = Project.get_or_none(Project.plan_item == item_id)
    return found


# ---------------------------------------------------------------------------------------------
# Records to choose from


def _item_label(item_id: int) -> str | None:
    item = PlanItem.get_or_none(PlanItem.id == item_id)
    if item is None:
        return None
    plan: AnnualPlan = item.plan
    return _("{title} (แผนปี {year})").format(title=item.title, year=plan.fiscal_year)


def _free_items() -> list[tuple[int, str]]:
    """Plan items without a project, newest plan first."""
    taken = Project.select(Project.plan_item)
    query = (
        PlanItem.select(PlanItem, AnnualPlan)
        .join(AnnualPlan)
        .where(PlanItem.id.not_in(taken))
        .order_by(AnnualPlan.fiscal_year.desc(), PlanItem.seq)
    )
    return [
        (i.id, _("{title} (แผนปี {year})").format(title=i.title, year=i.plan.fiscal_year))
        for i in query
    ]


register_source(RecordSource("plan_item", N_("รายการในแผนปฏิบัติการ"), _item_label, _free_items))


# ---------------------------------------------------------------------------------------------
# Rules


def _money(value: Any) -> decimal.Decimal | None:
    return None if value is None else decimal.Decimal(value)


def item_free(ctx: GuardContext) -> str | None:
    item_id = ctx.data.get("plan_item")
    if item_id and project_for_item(int(item_id)) is not None:
        return _("รายการนี้ในแผนเปิดโครงการไปแล้ว")
    return None


def quotations_in_range(ctx: GuardContext) -> str | None:
    """Step 3: the manual invites 1 to 3 companies."""
    n = contracting.quotation_count(ctx.case.id)
    if n < 1:
        return _("ต้องบันทึกใบเสนอราคาอย่างน้อย 1 ราย ก่อนเสนอขออนุมัติหลักการ")
    if n > 3:
        return _("คู่มือกำหนดให้เชิญบริษัทเสนอราคา 1 ถึง 3 ราย (บันทึกไว้ {n} ราย)").format(n=n)
    return None


def budget_within_plan(ctx: GuardContext) -> str | None:
    budget = ctx.data.get("budget")
    item: PlanItem | None = ctx.detail.plan_item if ctx.detail is not None else None
    if budget is not None and item is not None and budget > decimal.Decimal(item.budget):
        return _("วงเงินที่ขออนุมัติ ({asked} บาท) สูงกว่างบประมาณในแผน ({plan} บาท)").format(
            asked=f"{budget:,.2f}", plan=f"{decimal.Decimal(item.budget):,.2f}"
        )
    return None


def tor_committee_ok(ctx: GuardContext) -> str | None:
    committee = ctx.data.get("tor_committee_id")
    if committee is None:
        return None
    return contracting.tor_committee_problem(int(committee), ctx.case.id)


def attach_committee(ctx: GuardContext) -> None:
    committee = ctx.data.get("tor_committee_id")
    if committee is not None:
        contracting.attach_committee(ctx.actor, int(committee), ctx.case.id)


def _not_before(field: str, earlier: str, label: str) -> Any:
    def check(ctx: GuardContext) -> str | None:
        day = ctx.data.get(field)
        before = getattr(ctx.detail, earlier, None) if ctx.detail is not None else None
        if before is None and earlier == "received_on":
            before = ctx.case.received_on
        if day and before and day < before:
            return _(label)
        return None

    return check


def median_within_budget(ctx: GuardContext) -> str | None:
    price = ctx.data.get("median_price")
    budget = _money(ctx.detail.budget) if ctx.detail is not None else None
    if price is not None and budget is not None and price > budget:
        return _(
            "ราคากลาง ({price} บาท) สูงกว่าวงเงินงบประมาณที่ได้รับอนุมัติ ({budget} บาท) ต้องขออนุมัติวงเงินเพิ่มก่อน"
        ).format(price=f"{price:,.2f}", budget=f"{budget:,.2f}")
    return None


def method_allowed(ctx: GuardContext) -> str | None:
    """Step 7: the method must fit the amount (median price, else the budget)."""
    method = ctx.data.get("method")
    if not method or ctx.detail is None:
        return None
    amount = _money(ctx.detail.median_price) or _money(ctx.detail.budget) or decimal.Decimal(0)
    return contracting.method_problem(str(method), amount, str(ctx.data.get("method_reason") or ""))


def contract_signed(ctx: GuardContext) -> str | None:
    """Step 7's approval: the award needs the contract signed with the vendor chosen."""
    contract = contracting.contract_of_case(ctx.case.id)
    if contract is None:
        return _("ยังไม่ได้บันทึกสัญญาของโครงการนี้ จึงยังอนุมัติผลการจัดซื้อจัดจ้างไม่ได้")
    vendor = ctx.data.get("vendor")
    if vendor and contract.vendor_id != int(vendor):
        return _("ผู้รับจ้างที่เลือกไม่ตรงกับคู่สัญญาในสัญญาเลขที่ {no}").format(no=contract.number)
    amount = ctx.data.get("award_amount")
    budget = _money(ctx.detail.budget) if ctx.detail is not None else None
    if amount is not None and budget is not None and amount > budget:
        return _("ราคาที่ตกลงจ้าง ({amount} บาท) สูงกว่าวงเงินงบประมาณ ({budget} บาท)").format(
            amount=f"{amount:,.2f}", budget=f"{budget:,.2f}"
        )
    return None


def link_contract(ctx: GuardContext) -> None:
    contract = contracting.contract_of_case(ctx.case.id)
    if contract is not None:
        ctx.detail_changes["contract_id"] = contract.id
        ctx.step_data["contract_no"] = contract.number


def all_installments_accepted(ctx: GuardContext) -> str | None:
    status = contracting.installment_status(ctx.case.id)
    if status.total == 0:
        return _("สัญญานี้ยังไม่มีงวดงาน จึงยังปิดโครงการไม่ได้")
    if status.accepted < status.total:
        return _("ตรวจรับแล้ว {done} จาก {total} งวด ต้องตรวจรับครบทุกงวดก่อนปิดโครงการ").format(
            done=status.accepted, total=status.total
        )
    return None


def summarise(case: Case, detail: Any) -> dict[str, Any]:
    if detail is None:
        return {}
    item: PlanItem | None = PlanItem.get_or_none(PlanItem.id == detail.__data__.get("plan_item"))
    if item is None:
        return {}
    group = item.work_group
    return {"title": str(item.title), "requester": str(group.name) if group else ""}


def plan_date(case: Case, detail: Any) -> dt.date | None:
    """Before the contract: the end of the quarter the plan gives the item; then the contract's
    last installment."""
    if detail is None:
        return None
    due = contracting.last_due_date(case.id) if case.id is not None else None
    if due is not None:
        return due
    item: PlanItem | None = PlanItem.get_or_none(PlanItem.id == detail.__data__.get("plan_item"))
    if item is None:
        return None
    plan: AnnualPlan = item.plan
    return quarter_end(int(plan.fiscal_year), int(item.quarter))


# ---------------------------------------------------------------------------------------------
# The definition

STAFF = staff_roles()
HEADS = frozenset({Role.HEAD, Role.GROUP_HEAD})
REMINDER_CHANNELS: tuple[tuple[str, str], ...] = (
    ("letter", N_("หนังสือ")),
    ("email", N_("อีเมล")),
    ("phone", N_("โทรศัพท์")),
    ("meeting", N_("ประชุม/แจ้งด้วยวาจา")),
)
RECORDERS = STAFF | frozenset({Role.HEAD})  # staff record what a named signatory decided

STEPS = (
    Step(
        "register",
        N_("เปิดโครงการจากแผนปฏิบัติการ"),
        STAFF | frozenset({Role.HEAD}),
        actor_label=N_("หน.ภทส. / หน.จรป."),
        outcomes=(Outcome("register", OutcomeKind.DONE, N_("เปิดโครงการ")),),
        fields=(
            Field(
                "plan_item",
                N_("รายการในแผนปฏิบัติการประจำปี"),
                FieldKind.RECORD,
                required=True,
                store="plan_item",
                source="plan_item",
            ),
            received_on_field(N_("วันที่เริ่มโครงการ")),
            assignee_field(STAFF, N_("ผู้รับผิดชอบโครงการ")),
        ),
        guards=(item_free,),
        documents=(DocumentRef(N_("แผนปฏิบัติการประจำปี"), "in"),),
    ),
    Step(
        "draft_spec",
        N_("ศึกษาเทคโนโลยีและจัดทำร่างข้อกำหนดโครงการ"),
        STAFF,
        actor_label=N_("หน.จรป. / เจ้าหน้าที่"),
        assignee_holds=True,
        fields=(
            Field(
                "spec_summary",
                N_("สาระสำคัญของร่างข้อกำหนดโครงการ"),
                FieldKind.LONG_TEXT,
                required=True,
                store="spec_summary",
            ),
            Field("spec_file", N_("ไฟล์ร่างข้อกำหนดโครงการ"), FieldKind.FILES, required=True),
        ),
        outcomes=(Outcome("done", OutcomeKind.DONE, N_("จัดทำร่างข้อกำหนดแล้ว")),),
        documents=(DocumentRef(N_("ร่างข้อกำหนดโครงการ"), "out"),),
    ),
    Step(
        "quotations",
        N_("เชิญบริษัทเสนอราคาและขออนุมัติหลักการ"),
        STAFF,
        actor_label=N_("หน.จรป. / เจ้าหน้าที่"),
        assignee_holds=True,
        fields=(
            Field(
                "budget",
                N_("วงเงินที่ขออนุมัติ (บาท)"),
                FieldKind.DECIMAL,
                required=True,
                store="budget",
                minimum=0,
            ),
            Field(
                "tor_committee_id",
                N_("คณะกรรมการจัดทำร่างขอบเขตของงาน"),
                FieldKind.RECORD,
                required=True,
                store="tor_committee_id",
                source=contracting.TOR_COMMITTEE_SOURCE,
            ),
            Field("principle_memo_no", N_("เลขที่บันทึกขออนุมัติ"), store="principle_memo_no"),
        ),
        guards=(quotations_in_range, budget_within_plan, tor_committee_ok),
        outcomes=(
            Outcome(
                "done",
                OutcomeKind.DONE,
                N_("เสนอขออนุมัติหลักการและงบประมาณ"),
                effects=(attach_committee,),
            ),
        ),
        documents=(
            DocumentRef(N_("ใบเสนอราคา (1-3 ราย)"), "in"),
            DocumentRef(N_("ตารางเปรียบเทียบใบเสนอราคา"), "out", printable="comparison"),
            DocumentRef(
                N_("บันทึกขออนุมัติหลักการและงบประมาณ และแต่งตั้งคณะกรรมการ"),
                "out",
                printable="f1",
            ),
        ),
    ),
    Step(
        "director",
        N_("ผู้อำนวยการอนุมัติหลักการและงบประมาณ"),
        RECORDERS,
        actor_label=N_("ผู้อำนวยการ — เจ้าหน้าที่บันทึกผล"),
        assignee_holds=True,
        fields=(
            Field("director", N_("ผู้อนุมัติ"), FieldKind.SIGNATORY, required=True, store="director"),
            Field(
                "principle_approved_on",
                N_("วันที่อนุมัติ"),
                FieldKind.DATE,
                required=True,
                store="principle_approved_on",
                default_today=True,
            ),
        ),
        guards=(),
        outcomes=(
            Outcome(
                "approve",
                OutcomeKind.APPROVED,
                N_("อนุมัติหลักการและงบประมาณ"),
                guards=(
                    _not_before(
                        "principle_approved_on",
                        "received_on",
                        N_("วันที่อนุมัติต้องไม่ก่อนวันที่เริ่มโครงการ"),
                    ),
                ),
            ),
            send_back(
                "send_back",
                N_("ส่งกลับแก้ไข"),
                target="quotations",
                comment_label=N_("สิ่งที่ผู้อำนวยการให้แก้ไข"),
            ),
            Outcome(
                "refuse",
                OutcomeKind.NOT_APPROVED,
                N_("ไม่อนุมัติ (ยุติโครงการ)"),
                fields=("director",),
                result=CaseResult.REFUSED,
                confirm=N_("ผู้อำนวยการไม่อนุมัติ โครงการจะยุติ ยืนยันหรือไม่"),
            ),
        ),
        documents=(DocumentRef(N_("บันทึกขออนุมัติ (อนุมัติแล้ว)"), "in"),),
    ),
    Step(
        "tor",
        N_("จัดทำขอบเขตของงาน (TOR) และราคากลาง"),
        STAFF,
        actor_label=N_("คณะกรรมการจัดทำร่างขอบเขตของงาน"),
        assignee_holds=True,
        fields=(
            Field(
                "tor_summary",
                N_("สาระสำคัญของขอบเขตของงาน"),
                FieldKind.LONG_TEXT,
                required=True,
                store="tor_summary",
            ),
            Field(
                "median_price",
                N_("ราคากลาง (บาท)"),
                FieldKind.DECIMAL,
                required=True,
                store="median_price",
                minimum=0,
            ),
            Field(
                "median_price_on",
                N_("วันที่กำหนดราคากลาง"),
                FieldKind.DATE,
                required=True,
                store="median_price_on",
                default_today=True,
            ),
            Field("tor_file", N_("ไฟล์ขอบเขตของงาน (TOR)"), FieldKind.FILES, required=True),
        ),
        guards=(
            median_within_budget,
            _not_before(
                "median_price_on",
                "principle_approved_on",
                N_("วันที่กำหนดราคากลางต้องไม่ก่อนวันที่ผู้อำนวยการอนุมัติหลักการ"),
            ),
        ),
        outcomes=(Outcome("done", OutcomeKind.DONE, N_("เสนอรองผู้อำนวยการ")),),
        documents=(
            DocumentRef(N_("ขอบเขตของงาน (TOR)"), "out"),
            DocumentRef(N_("ตารางราคากลาง (แบบ บก.๐๖)"), "out", printable="f5a"),
        ),
    ),
    Step(
        "deputy",
        N_("รองผู้อำนวยการอนุมัติ TOR และราคากลาง"),
        RECORDERS,
        actor_label=N_("รองผู้อำนวยการ (ในกำกับ) — เจ้าหน้าที่บันทึกผล"),
        assignee_holds=True,
        fields=(
            Field("deputy", N_("ผู้อนุมัติ"), FieldKind.SIGNATORY, required=True, store="deputy"),
            Field(
                "tor_approved_on",
                N_("วันที่อนุมัติ"),
                FieldKind.DATE,
                required=True,
                store="tor_approved_on",
                default_today=True,
            ),
        ),
        outcomes=(
            Outcome(
                "approve",
                OutcomeKind.APPROVED,
                N_("อนุมัติขอบเขตของงานและราคากลาง"),
                guards=(
                    _not_before(
                        "tor_approved_on",
                        "median_price_on",
                        N_("วันที่อนุมัติต้องไม่ก่อนวันที่กำหนดราคากลาง"),
                    ),
                ),
            ),
            send_back(
                "send_back",
                N_("ส่งกลับคณะกรรมการแก้ไข"),
                target="tor",
                comment_label=N_("สิ่งที่รองผู้อำนวยการให้แก้ไข"),
            ),
        ),
        documents=(DocumentRef(N_("บันทึกอนุมัติขอบเขตของงานและราคากลาง"), "in"),),
    ),
    Step(
        "procure",
        N_("งานบริหารทั่วไปดำเนินการจัดซื้อจัดจ้าง"),
        STAFF,
        actor_label=N_("งานบริหารทั่วไป — เจ้าหน้าที่บันทึกผล"),
        assignee_holds=True,
        fields=(
            Field(
                "method",
                N_("วิธีจัดซื้อจัดจ้าง"),
                FieldKind.CHOICE,
                required=True,
                store="method",
                choices=contracting.METHODS,
                default=contracting.METHODS[0][0],
            ),
            Field(
                "method_reason",
                N_("เหตุผลที่เลือกวิธี"),
                FieldKind.LONG_TEXT,
                store="method_reason",
            ),
            Field(
                "report22_on",
                N_("วันที่รายงานขอซื้อขอจ้าง (ข้อ ๒๒)"),
                FieldKind.DATE,
                required=True,
                store="report22_on",
                default_today=True,
            ),
        ),
        guards=(
            method_allowed,
            _not_before(
                "report22_on",
                "tor_approved_on",
                N_("วันที่รายงานขอซื้อขอจ้างต้องไม่ก่อนวันที่อนุมัติขอบเขตของงาน"),
            ),
        ),
        outcomes=(Outcome("done", OutcomeKind.DONE, N_("เสนอรายงานขอซื้อขอจ้าง")),),
        documents=(DocumentRef(N_("รายงานขอซื้อขอจ้าง (ข้อ ๒๒)"), "out", printable="f6"),),
    ),
    Step(
        "award",
        N_("อนุมัติผลการจัดซื้อจัดจ้างและลงนามสัญญา"),
        RECORDERS,
        actor_label=N_("งานบริหารทั่วไป / ผู้มีอำนาจ — เจ้าหน้าที่บันทึกผล"),
        assignee_holds=True,
        fields=(
            Field(
                "vendor",
                N_("ผู้รับจ้าง"),
                FieldKind.RECORD,
                required=True,
                store="vendor",
                source=contracting.VENDOR_SOURCE,
            ),
            Field(
                "award_amount",
                N_("ราคาที่ตกลงจ้าง (บาท)"),
                FieldKind.DECIMAL,
                required=True,
                store="award_amount",
                minimum=0,
            ),
            Field(
                "awarded_on",
                N_("วันที่อนุมัติสั่งจ้าง"),
                FieldKind.DATE,
                required=True,
                store="awarded_on",
                default_today=True,
            ),
        ),
        outcomes=(
            Outcome(
                "approve",
                OutcomeKind.APPROVED,
                N_("อนุมัติและลงนามสัญญาแล้ว"),
                guards=(
                    contract_signed,
                    _not_before(
                        "awarded_on",
                        "report22_on",
                        N_("วันที่อนุมัติสั่งจ้างต้องไม่ก่อนวันที่รายงานขอซื้อขอจ้าง"),
                    ),
                ),
                effects=(link_contract,),
            ),
            send_back(
                "send_back",
                N_("ส่งกลับงานบริหารทั่วไปแก้ไข"),
                target="procure",
                comment_label=N_("สิ่งที่ต้องแก้ไข"),
            ),
        ),
        documents=(DocumentRef(N_("สัญญาจ้าง"), "out"),),
    ),
    Step(
        "follow",
        N_("บริหารสัญญาและติดตามผู้รับจ้าง ตรวจรับงาน"),
        STAFF | frozenset({Role.HEAD}),
        actor_label=N_("คณะกรรมการตรวจรับพัสดุ / เจ้าหน้าที่"),
        assignee_holds=True,
        fields=(
            Field(
                "reminded_on",
                N_("วันที่แจ้งเตือน"),
                FieldKind.DATE,
                default_today=True,
            ),
            Field(
                "reminder_channel",
                N_("ช่องทางที่แจ้ง"),
                FieldKind.CHOICE,
                choices=REMINDER_CHANNELS,
                default="letter",
            ),
            Field(
                "reminder_note",
                N_("เรื่องที่แจ้ง"),
                help=N_("เช่น งวดที่ 2 ครบกำหนดส่งมอบวันที่ 26 ก.พ. 2570"),
            ),
            Field(
                "completed_on",
                N_("วันที่ตรวจรับงวดสุดท้าย"),
                FieldKind.DATE,
                store="completed_on",
                default_today=True,
            ),
            Field("summary", N_("สรุปผลโครงการ"), FieldKind.LONG_TEXT, store="summary"),
        ),
        outcomes=(
            # the manual's step 8 (1): remind the contractor as a due date nears; the case stays
            Outcome(
                "remind",
                OutcomeKind.DONE,
                N_("บันทึกการแจ้งเตือนผู้รับจ้าง"),
                target="follow",
                fields=("reminded_on", "reminder_channel", "reminder_note"),
                requires=("reminded_on", "reminder_channel", "reminder_note"),
            ),
            Outcome(
                "close",
                OutcomeKind.END,
                N_("ตรวจรับครบทุกงวด ปิดโครงการ"),
                result=CaseResult.COMPLETED,
                guards=(all_installments_accepted,),
                fields=("completed_on", "summary"),
                requires=("completed_on", "summary"),
            ),
        ),
        documents=(
            DocumentRef(N_("หนังสือส่งมอบงานและใบแจ้งหนี้ของผู้รับจ้าง"), "in"),
            DocumentRef(N_("รายงานปัญหาของผู้รับจ้าง/เหตุขัดข้อง"), "in"),
            DocumentRef(N_("ใบตรวจรับพัสดุและรายงานผลการตรวจรับ"), "out"),
        ),
    ),
)


# ---------------------------------------------------------------------------------------------
# The report memo for a period


def _report_row(case: Case, detail: Project | None, today: dt.date) -> list[str]:
    _step, progress = progress_text(case)
    contract = "-"
    if detail is not None and detail.contract_id:
        info = contracting.contract_by_id(int(detail.contract_id))
        if info is not None:
            contract = _("{no} {vendor}").format(no=info.number, vendor=info.vendor_name)
    budget = detail.budget if detail is not None and detail.budget is not None else None
    return [
        case.number,
        case.title,
        _amount(budget),
        contract,
        progress,
    ]


def _amount(value: Any) -> str:
    if value is None:
        return "-"
    return f"{decimal.Decimal(value):,.2f}"


REPORT = rep.CaseReportMemo(
    key="report_memo",
    label=N_("รายงานผลการดำเนินงานบำรุงรักษาระบบฮาร์ดแวร์และเครือข่าย"),
    process=KEY,
    intro=N_(
        "ตามที่ {who} มีหน้าที่บำรุงรักษาระบบฮาร์ดแวร์และเครือข่ายของสำนักงาน "
        "ตามแผนปฏิบัติการประจำปี โดยจัดทำโครงการ จัดหาผู้รับจ้าง และบริหารสัญญาจนตรวจรับงานครบถ้วน นั้น"
    ),
    summary=N_(
        "{who} ขอรายงานผลการดำเนินงาน{period} มีโครงการที่เริ่มดำเนินการทั้งสิ้น {total} โครงการ "
        "ดำเนินการแล้วเสร็จ {completed} โครงการ (ตรวจรับงานครบถ้วน {served} โครงการ "
        "ไม่ได้รับอนุมัติ {refused} โครงการ) และอยู่ระหว่างดำเนินการ {open} โครงการ "
        "รายละเอียดดังตารางต่อไปนี้"
    ),
    columns=(
        rep.ReportColumn(N_("เลขที่"), 2.4, "center"),
        rep.ReportColumn(N_("โครงการ"), 4.4),
        rep.ReportColumn(N_("วงเงิน (บาท)"), 2.3, "right"),
        rep.ReportColumn(N_("สัญญา/ผู้รับจ้าง"), 3.3),
        rep.ReportColumn(N_("ความก้าวหน้า"), 3.2),
    ),
    row=_report_row,
    empty=N_("ไม่มีโครงการในช่วงเวลานี้"),
    empty_column=1,
    file_name="รายงานผลการบำรุงรักษาระบบ",
)


def _has_committee(case: Case, detail: Any) -> bool:
    return detail is not None and bool(detail.tor_committee_id)


def _has_quotations(case: Case, detail: Any) -> bool:
    return detail is not None and contracting.quotation_count(case.id) > 0


def _has_median(case: Case, detail: Any) -> bool:
    return detail is not None and detail.median_price is not None


def _has_method(case: Case, detail: Any) -> bool:
    return detail is not None and bool(detail.method)


def _print(kind: str) -> Any:
    def render(actor: Actor | None, case: Case) -> tuple[bytes, str]:
        from models.infrastructure.case_forms import print_case_form

        project: Project = detail_of(get_process(KEY), case)
        return print_case_form(actor, kind, case, project)

    return render


def _printable(key: str, label: str, available: Any) -> Any:
    from models.engine import Printable

    def guarded(actor: Actor | None, case: Case) -> tuple[bytes, str]:
        from models.errors import ValidationError
        from models.permissions import Permission, require

        require(actor, Permission.VIEW)
        if not available(case, detail_of(get_process(KEY), case)):
            raise ValidationError(
                _("เรื่องนี้ยังพิมพ์ “{document}” ไม่ได้ในขั้นตอนนี้").format(document=_(label))
            )
        bytes_, name = _print(key)(actor, case)
        return bytes_, name

    return Printable(key, label, available, guarded)


DEFINITION = register_process(
    ProcessDef(
        key=KEY,
        label=N_("การบำรุงรักษาระบบแม่ข่ายและเครือข่าย"),
        short_label=N_("บำรุงรักษาระบบ"),
        manual_ref=N_("การบำรุงรักษาระบบฮาร์ดแวร์และเครือข่าย"),
        steps=STEPS,
        deadline=Deadline(date_from=plan_date, pause_on_requester=False),
        detail_model=Project,
        number_prefix="บร.",
        summarise=summarise,
        extra_labels=(("contract_no", N_("สัญญาเลขที่")),),
        printables=(
            _printable("comparison", N_("ตารางเปรียบเทียบใบเสนอราคา"), _has_quotations),
            _printable("f1", N_("บันทึกขออนุมัติหลักการและงบประมาณ และแต่งตั้งคณะกรรมการ"), _has_committee),
            _printable("f5a", N_("ตารางราคากลาง (แบบ บก.๐๖)"), _has_median),
            _printable("f6", N_("รายงานขอซื้อขอจ้าง (ข้อ ๒๒)"), _has_method),
        ),
        reports=(REPORT.period_report(),),
    )
)

# ---------------------------------------------------------------------------------------------
# Figures for the statistics (``models.statistics``)


def _stat_project(query: Any) -> Any:
    return query.join(Project, peewee.JOIN.LEFT_OUTER, on=(Project.case == Case.id))


def _by_method(query: Any) -> tuple[Any, Any, Any]:
    # the method's name as the office writes it (the stored key otherwise)
    label = peewee.Case(
        None,
        [(Project.method == key, name) for key, name in contracting.METHOD_LABELS.items()],
        Project.method,
    )
    return _stat_project(query), Project.method, label


def _by_group(query: Any) -> tuple[Any, Any, Any]:
    item = PlanItem.alias("stat_plan_item")
    group = WorkGroup.alias("stat_group")
    query = (
        _stat_project(query)
        .join(item, peewee.JOIN.LEFT_OUTER, on=(item.id == Project.plan_item))
        .join(group, peewee.JOIN.LEFT_OUTER, on=(group.id == item.work_group))
    )
    return query, item.work_group, group.name


STATISTICS = declare_cases(
    CaseFigures(
        KEY,
        order=40,
        dimensions=(
            Dimension("method", N_("วิธีจัดซื้อจัดจ้าง"), _by_method),
            Dimension("group", N_("กลุ่มงานที่รับผิดชอบ"), _by_group),
        ),
    )
)


def _installment_figures(q: TallyQuery) -> list[TallyFigure]:
    """The installments of process 4's contracts due in the period: how many, how many accepted,
    and the late penalties charged at their inspections."""
    from models.procurement.contracts import Contract, Installment, InstallmentStatus
    from models.procurement.execution import Delivery, Inspection

    mine = Contract.case_id.in_(Case.select(Case.id).where(Case.process == KEY))
    due = (
        Installment.select().join(Contract).where(mine & Installment.due_on.between(q.start, q.end))
    )
    accepted = due.where(Installment.status == InstallmentStatus.ACCEPTED)
    penalty = (
        Inspection.select(peewee.fn.COALESCE(peewee.fn.SUM(Inspection.penalty), 0))
        .join(Delivery)
        .join(Installment)
        .join(Contract)
        .where(mine & Inspection.inspected_on.between(q.start, q.end))
        .scalar()
    )
    return [
        TallyFigure(N_("งวดงานที่ครบกำหนด"), due.count(), N_("งวด")),
        TallyFigure(N_("ตรวจรับแล้ว"), accepted.count(), N_("งวด")),
        TallyFigure(N_("ค่าปรับส่งมอบล่าช้า"), float(penalty or 0), N_("บาท"), decimals=2),
    ]


declare_tally(
    Tally(
        "infrastructure.installments",
        N_("งวดงานตามสัญญาบำรุงรักษาระบบ"),
        order=45,
        compute=_installment_figures,
        staff_scoped=False,
    )
)

__all__ = ["DEFINITION", "KEY", "REPORT", "STATISTICS", "Project", "progress_of_items"]
