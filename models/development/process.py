"""Process 5 on the engine: information systems developed on request (การพัฒนาระบบสารสนเทศเพื่อการ
ประเมินคุณภาพภายนอก (AQA) ตามที่ได้รับการร้องขอ). No fixed deadline: the dates come from the agreed
milestones and, once signed, from the contract.

1. the requester's meeting with the stakeholders is recorded (date, attendees, minutes);
2. the chain weighs benefit against budget, people, time, convenience and modernity: approved,
   or not approved (3: the requester is told the reason and the case ends, counted as refused);
4. requirement meetings with every user group (``records.add_meeting``);
5. the analysis: flowchart, functions, inputs and outputs, scope, timeline, equipment;
6. the decision meeting: **in-house** (7-8) or **outsourced** (9-17), and the cost;
7. in-house: the server, rounds of development, test, users' trial and fixes, go-live;
8. training of every user group with the user manual and signed sign-in sheets — the case ends;
9. outsourced: the TOR and the median price from its cost items (บก.๐๕ layout, adaptable);
10. approval of the principle and budget (Director), then of the TOR and median price (Deputy
    Director), each with send-back;
11. vendors present to the procurement committee, with scores per criterion;
12. the committee's selection report (F8): the winner must have a quotation in this project;
13. general administration signs the contract (``models.procurement``, owned by this case);
14-15. each installment delivered and inspected as in process 4;
16. the vendor trains the users, with sign-in sheets as evidence for the inspection committee;
17. disbursement per installment (requested, approved, paid, penalty deducted) — the case ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from models import clock
from models.base import Actor
from models.development import records
from models.development import statistics as development_statistics  # noqa: F401  (declares figures)
from models.development.records import KEY, DevProject, Mode
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
    Printable,
    ProcessDef,
    Step,
    assignee_field,
    received_on_field,
    register_process,
    send_back,
    staff_roles,
)
from models.engine import reporting as rep
from models.i18n import N_, _
from models.org import CommitteeKind
from models.permissions import Role
from models.procurement import contracts as proc_contracts
from models.procurement import execution as proc_execution
from models.procurement import quotations as proc_quotations
from models.procurement.sources import VENDOR_SOURCE, committee_source
from models.registers import RegisterColumn, RegisterDef, declare_register

HEADS = frozenset({Role.HEAD, Role.GROUP_HEAD})


# ---------------------------------------------------------------------------------------------
# Where the contract stands (steps 13-17)


def contract_of_case(case_id: int) -> proc_contracts.Contract | None:
    """The project's contract: the last one signed for its case that was not terminated."""
    found = [
        c
        for c in proc_contracts.contracts_of_case(case_id)
        if c.status != proc_contracts.ContractStatus.TERMINATED
    ]
    return found[-1] if found else None


def _installments(case_id: int) -> list[proc_contracts.Installment]:
    contract = contract_of_case(case_id)
    return proc_contracts.installments(contract) if contract is not None else []


def _paid(installment: proc_contracts.Installment) -> bool:
    return any(i.paid_on is not None for i in proc_execution.invoices_of(installment))


# ---------------------------------------------------------------------------------------------
# Rules


def _needs_meetings(ctx: GuardContext) -> str | None:
    if not records.meetings(ctx.case.id):
        return _("ต้องบันทึกการประชุมรับฟังความต้องการกับกลุ่มผู้ใช้อย่างน้อย 1 ครั้ง")
    return None


def _needs_rounds(ctx: GuardContext) -> str | None:
    if not records.rounds(ctx.case.id):
        return _("ต้องบันทึกรอบการพัฒนาและทดสอบอย่างน้อย 1 รอบ ก่อนเปิดใช้งานระบบ")
    return None


def _needs_trainings(ctx: GuardContext) -> str | None:
    sessions = records.trainings(ctx.case.id)
    if not sessions:
        return _("ต้องบันทึกการอบรมผู้ใช้งานอย่างน้อย 1 ครั้ง")
    missing = [t for t in sessions if not records.has_sign_in(t)]
    if missing:
        return _("การอบรมวันที่ {day} ({group}) ยังไม่ได้แนบใบลงชื่อผู้เข้ารับการอบรมที่ลงนามแล้ว").format(
            day=rep.table_date(missing[0].held_on), group=missing[0].user_group
        )
    return None


def _needs_cost_items(ctx: GuardContext) -> str | None:
    if not records.cost_items(ctx.case.id):
        return _("ต้องบันทึกรายการค่าใช้จ่ายของราคากลางอย่างน้อย 1 รายการ")
    return None


def _needs_presentations(ctx: GuardContext) -> str | None:
    if not records.presentations(ctx.case.id):
        return _("ต้องบันทึกผลการนำเสนอของผู้ประกอบการอย่างน้อย 1 ราย")
    return None


def _winner_quoted(ctx: GuardContext) -> str | None:
    """Step 12: the selected vendor presented and has a quotation in this project."""
    winner = ctx.data.get("winner")
    if not winner:
        return None
    winner_id = int(winner)
    quoted = {int(q.__data__["vendor"]) for q in proc_quotations.quotations_of_case(ctx.case.id)}
    if winner_id not in quoted:
        return _("ผู้ได้รับการคัดเลือกยังไม่มีใบเสนอราคาในโครงการนี้ กรุณาบันทึกใบเสนอราคาก่อน")
    if winner_id not in {p.vendor_id for p in records.presentations(ctx.case.id)}:
        return _("ผู้ได้รับการคัดเลือกยังไม่ได้นำเสนอต่อคณะกรรมการในโครงการนี้")
    return None


def _needs_contract(ctx: GuardContext) -> str | None:
    contract = contract_of_case(ctx.case.id)
    if contract is None:
        return _("ยังไม่ได้บันทึกสัญญาจ้างของโครงการนี้")
    detail: DevProject | None = ctx.detail
    if (
        detail is not None
        and detail.winner_id
        and int(contract.__data__["vendor"]) != detail.winner_id
    ):
        return _("คู่สัญญาไม่ใช่ผู้ได้รับการคัดเลือกตามรายงานผลการคัดเลือก")
    ctx.detail_changes["contract_id"] = contract.id
    return None


def _all_accepted(ctx: GuardContext) -> str | None:
    rows = _installments(ctx.case.id)
    if not rows:
        return _("สัญญายังไม่มีงวดงาน")
    waiting = [i for i in rows if i.status != proc_contracts.InstallmentStatus.ACCEPTED]
    if waiting:
        return _("งวดที่ {n} ยังไม่ได้ตรวจรับ").format(n=waiting[0].seq)
    return None


def _all_paid(ctx: GuardContext) -> str | None:
    rows = _installments(ctx.case.id)
    unpaid = [i for i in rows if not _paid(i)]
    if not rows or unpaid:
        return _("งวดที่ {n} ยังไม่ได้เบิกจ่าย").format(n=unpaid[0].seq if unpaid else 1)
    return None


def _mode(mode: str) -> Any:
    def effect(ctx: GuardContext) -> None:
        ctx.detail_changes["mode"] = mode

    return effect


def _completed(ctx: GuardContext) -> None:
    ctx.detail_changes["completed_on"] = clock.today()


def not_before_start(ctx: GuardContext) -> str | None:
    for key in ("met_on", "decided_on", "mode_decided_on", "live_on", "selected_on"):
        day = ctx.data.get(key)
        if isinstance(day, dt.date) and ctx.case.received_on and day < ctx.case.received_on:
            return _("วันที่ต้องไม่ก่อนวันที่เริ่มโครงการ")
    return None


# ---------------------------------------------------------------------------------------------
# The steps

MEETING = Step(
    "meeting",
    N_("ประชุมนำเสนอแนวคิดของผู้ขอ"),
    staff_roles(),
    actor_label=N_("ผู้ขอ ร่วมกับผู้บริหารและ ภทส."),
    outcomes=(Outcome("register", OutcomeKind.DONE, N_("ลงทะเบียนโครงการ")),),
    fields=(
        Field("title", N_("ชื่อระบบ/โครงการ"), required=True, store="case.title", max_length=500),
        Field("requester", N_("ผู้ขอ (หน่วยงาน)"), required=True, store="case.requester"),
        received_on_field(),
        Field("idea", N_("แนวคิดที่นำเสนอ"), FieldKind.LONG_TEXT, required=True, store="idea"),
        Field("met_on", N_("วันที่ประชุม"), FieldKind.DATE, required=True, store="met_on"),
        Field("attendees", N_("ผู้เข้าร่วมประชุม"), FieldKind.LONG_TEXT, store="attendees"),
        Field("minutes", N_("รายงานการประชุม"), FieldKind.FILES),
        assignee_field(staff_roles()),
    ),
    guards=(not_before_start,),
    documents=(DocumentRef(N_("รายงานการประชุม"), "in"),),
)

VALUE = Step(
    "value",
    N_("พิจารณาความคุ้มค่า"),
    HEADS,
    actor_label=N_("ผู้อำนวยการ/ผู้บริหารตามลำดับ (บันทึกโดย หน.ภทส.)"),
    fields=(
        Field("benefit", N_("ประโยชน์ที่จะได้รับ"), FieldKind.LONG_TEXT, required=True, store="benefit"),
        Field(
            "weighing",
            N_("การพิจารณางบประมาณ บุคลากร เวลา ความสะดวก และความทันสมัยเทียบกับวิธีเดิม"),
            FieldKind.LONG_TEXT,
            required=True,
            store="weighing",
        ),
        Field(
            "decided_on",
            N_("วันที่พิจารณา"),
            FieldKind.DATE,
            required=True,
            store="decided_on",
            default_today=True,
        ),
    ),
    outcomes=(
        Outcome("approve", OutcomeKind.APPROVED, N_("อนุมัติให้ดำเนินการ")),
        Outcome(
            "refuse",
            OutcomeKind.NOT_APPROVED,
            N_("ไม่อนุมัติ (แจ้งผู้ขอ)"),
            result=CaseResult.REFUSED,
            comment_label=N_("เหตุผลที่แจ้งผู้ขอ"),
            confirm=N_("ไม่อนุมัติและปิดโครงการนี้ โดยแจ้งเหตุผลให้ผู้ขอทราบ ใช่หรือไม่"),
        ),
    ),
    guards=(not_before_start,),
)

REQUIREMENTS = Step(
    "requirements",
    N_("ประชุมรับฟังความต้องการของกลุ่มผู้ใช้"),
    staff_roles(),
    actor_label=N_("เจ้าหน้าที่ ภทส."),
    assignee_holds=True,
    outcomes=(
        Outcome(
            "done",
            OutcomeKind.DONE,
            N_("ได้ขอบเขตความต้องการครบทุกกลุ่มผู้ใช้แล้ว"),
            guards=(_needs_meetings,),
        ),
    ),
)

ANALYSIS = Step(
    "analysis",
    N_("วิเคราะห์ระบบ"),
    staff_roles(),
    actor_label=N_("เจ้าหน้าที่ ภทส."),
    assignee_holds=True,
    fields=(
        Field("flowchart", N_("เอกสารวิเคราะห์ระบบ (Flowchart)"), FieldKind.FILES, required=True),
        Field(
            "functions", N_("ฟังก์ชันการทำงาน"), FieldKind.LONG_TEXT, required=True, store="functions"
        ),
        Field(
            "inputs_outputs", N_("ข้อมูลนำเข้าและรายงาน"), FieldKind.LONG_TEXT, store="inputs_outputs"
        ),
        Field("scope", N_("ขอบเขตของระบบ"), FieldKind.LONG_TEXT, required=True, store="scope"),
        Field("timeline", N_("ระยะเวลาดำเนินงาน"), FieldKind.LONG_TEXT, store="timeline"),
        Field("equipment", N_("อุปกรณ์ที่ต้องใช้"), FieldKind.LONG_TEXT, store="equipment"),
    ),
    outcomes=(Outcome("done", OutcomeKind.DONE, N_("วิเคราะห์ระบบแล้ว")),),
    documents=(DocumentRef(N_("เอกสารวิเคราะห์ระบบ (Flowchart)"), "out"),),
)

DECISION = Step(
    "decision",
    N_("ประชุมพิจารณาแนวทาง: พัฒนาเองหรือจ้างพัฒนา"),
    staff_roles(),
    actor_label=N_("รอง ผอ. / ผู้อำนวยการสำนัก / หน.ภทส. / หัวหน้างาน"),
    assignee_holds=True,
    fields=(
        Field(
            "cost",
            N_("ค่าใช้จ่ายโดยประมาณ (บาท)"),
            FieldKind.DECIMAL,
            required=True,
            store="cost",
            minimum=0,
        ),
        Field(
            "mode_decided_on",
            N_("วันที่ประชุม"),
            FieldKind.DATE,
            required=True,
            store="mode_decided_on",
            default_today=True,
        ),
    ),
    outcomes=(
        Outcome(
            "in_house",
            OutcomeKind.BRANCH,
            N_("พัฒนาเอง"),
            target="develop",
            effects=(_mode(Mode.IN_HOUSE),),
        ),
        Outcome(
            "outsource",
            OutcomeKind.BRANCH,
            N_("จ้างพัฒนา"),
            target="tor",
            effects=(_mode(Mode.OUTSOURCED),),
        ),
    ),
    guards=(not_before_start,),
)

DEVELOP = Step(
    "develop",
    N_("พัฒนา ทดสอบ และให้ผู้ใช้ทดลองใช้"),
    staff_roles(),
    actor_label=N_("เจ้าหน้าที่ ภทส."),
    assignee_holds=True,
    fields=(
        Field(
            "server", N_("เครื่องแม่ข่ายที่เตรียมไว้"), FieldKind.LONG_TEXT, required=True, store="server"
        ),
        Field(
            "live_on",
            N_("วันที่เปิดใช้งานระบบ"),
            FieldKind.DATE,
            required=True,
            store="live_on",
            default_today=True,
        ),
    ),
    outcomes=(Outcome("live", OutcomeKind.DONE, N_("เปิดใช้งานระบบแล้ว"), guards=(_needs_rounds,)),),
    guards=(not_before_start,),
)

TRAIN_IN_HOUSE = Step(
    "train_in_house",
    N_("อบรมผู้ใช้งานและส่งมอบคู่มือ"),
    staff_roles(),
    actor_label=N_("เจ้าหน้าที่ ภทส."),
    assignee_holds=True,
    fields=(Field("user_manual", N_("คู่มือการใช้งาน (PDF)"), FieldKind.FILES, required=True),),
    outcomes=(
        Outcome(
            "close",
            OutcomeKind.END,
            N_("ปิดโครงการ (อบรมครบแล้ว)"),
            result=CaseResult.COMPLETED,
            guards=(_needs_trainings,),
            effects=(_completed,),
        ),
    ),
    documents=(
        DocumentRef(N_("คู่มือการใช้งาน"), "out"),
        DocumentRef(N_("ใบลงชื่อผู้เข้ารับการอบรม"), "in"),
    ),
)

TOR = Step(
    "tor",
    N_("จัดทำ TOR และราคากลาง"),
    staff_roles(),
    actor_label=N_("เจ้าหน้าที่ ภทส."),
    assignee_holds=True,
    fields=(
        Field(
            "tor_summary",
            N_("สรุปขอบเขตของงาน (TOR)"),
            FieldKind.LONG_TEXT,
            required=True,
            store="tor_summary",
        ),
        Field("tor", N_("ร่างขอบเขตของงาน (TOR)"), FieldKind.FILES, required=True),
        Field(
            "median_price_on",
            N_("วันที่กำหนดราคากลาง"),
            FieldKind.DATE,
            required=True,
            store="median_price_on",
            default_today=True,
        ),
    ),
    outcomes=(Outcome("done", OutcomeKind.DONE, N_("เสนอขออนุมัติ"), guards=(_needs_cost_items,)),),
    documents=(
        DocumentRef(N_("ร่างขอบเขตของงาน (TOR)"), "out"),
        DocumentRef(N_("ตารางแสดงรายละเอียดค่าใช้จ่ายการจ้างพัฒนาระบบคอมพิวเตอร์"), "out", "median_price"),
    ),
)

PRINCIPLE = Step(
    "principle",
    N_("ขออนุมัติหลักการและงบประมาณ"),
    HEADS,
    actor_label=N_("ผู้อำนวยการ (บันทึกโดย หน.ภทส.)"),
    fields=(
        Field(
            "principle_approved_on",
            N_("วันที่อนุมัติ"),
            FieldKind.DATE,
            store="principle_approved_on",
            default_today=True,
        ),
        Field("principle_memo", N_("บันทึกอนุมัติหลักการ"), FieldKind.FILES),
    ),
    outcomes=(
        Outcome(
            "approve",
            OutcomeKind.APPROVED,
            N_("อนุมัติหลักการและงบประมาณ"),
            requires=("principle_approved_on",),
        ),
        send_back("send_back", N_("ส่งกลับแก้ไข"), target="tor"),
    ),
)

TOR_APPROVAL = Step(
    "tor_approval",
    N_("ขออนุมัติ TOR และราคากลาง"),
    HEADS,
    actor_label=N_("รองผู้อำนวยการที่กำกับดูแล (บันทึกโดย หน.ภทส.)"),
    fields=(
        Field(
            "tor_approved_on",
            N_("วันที่อนุมัติ"),
            FieldKind.DATE,
            store="tor_approved_on",
            default_today=True,
        ),
    ),
    outcomes=(
        Outcome(
            "approve",
            OutcomeKind.APPROVED,
            N_("อนุมัติ TOR และราคากลาง"),
            requires=("tor_approved_on",),
        ),
        send_back("send_back", N_("ส่งกลับแก้ไข"), target="tor"),
    ),
)

PRESENTATIONS = Step(
    "presentations",
    N_("เชิญผู้ประกอบการนำเสนอต่อคณะกรรมการ"),
    staff_roles(),
    actor_label=N_("เจ้าหน้าที่ ภทส."),
    assignee_holds=True,
    outcomes=(
        Outcome("done", OutcomeKind.DONE, N_("นำเสนอครบแล้ว"), guards=(_needs_presentations,)),
    ),
    documents=(DocumentRef(N_("ใบเสนอราคา"), "in"),),
)

SELECTION = Step(
    "selection",
    N_("คณะกรรมการคัดเลือกผู้รับจ้าง"),
    staff_roles(),
    actor_label=N_("คณะกรรมการจัดซื้อจัดจ้าง"),
    fields=(
        Field(
            "committee",
            N_("คณะกรรมการจัดซื้อจัดจ้าง"),
            FieldKind.RECORD,
            source=committee_source(CommitteeKind.PROCUREMENT),
            store="procurement_committee_id",
        ),
        Field(
            "winner", N_("ผู้ได้รับการคัดเลือก"), FieldKind.RECORD, source=VENDOR_SOURCE, store="winner"
        ),
        Field(
            "selection_reason", N_("เหตุผลการคัดเลือก"), FieldKind.LONG_TEXT, store="selection_reason"
        ),
        Field(
            "selected_on",
            N_("วันที่รายงานผล"),
            FieldKind.DATE,
            store="selected_on",
            default_today=True,
        ),
    ),
    outcomes=(
        Outcome(
            "select",
            OutcomeKind.APPROVED,
            N_("รายงานผลการคัดเลือก"),
            requires=("winner", "selection_reason", "selected_on"),
            guards=(_winner_quoted,),
        ),
        send_back("send_back", N_("ส่งกลับให้นำเสนอเพิ่มเติม"), target="presentations"),
    ),
    guards=(not_before_start,),
    documents=(DocumentRef(N_("รายงานผลการคัดเลือก"), "out", "selection_report"),),
)

CONTRACT = Step(
    "contract",
    N_("ทำสัญญาจ้าง"),
    staff_roles(),
    actor_label=N_("งานบริหารทั่วไป"),
    outcomes=(Outcome("done", OutcomeKind.DONE, N_("ลงนามสัญญาแล้ว"), guards=(_needs_contract,)),),
    documents=(DocumentRef(N_("สัญญาจ้าง"), "in"),),
)

FOLLOW = Step(
    "follow",
    N_("ติดตามการพัฒนาและตรวจรับงวดงาน"),
    staff_roles(),
    actor_label=N_("ผู้รับจ้าง / เจ้าหน้าที่ ภทส. / คณะกรรมการตรวจรับพัสดุ"),
    assignee_holds=True,
    outcomes=(Outcome("done", OutcomeKind.DONE, N_("ตรวจรับครบทุกงวดแล้ว"), guards=(_all_accepted,)),),
    documents=(
        DocumentRef(N_("หนังสือส่งมอบงาน"), "in"),
        DocumentRef(N_("ใบตรวจรับพัสดุ"), "out"),
    ),
)

TRAIN_VENDOR = Step(
    "train_vendor",
    N_("ผู้รับจ้างอบรมผู้ใช้งาน"),
    staff_roles(),
    actor_label=N_("ผู้รับจ้าง / เจ้าหน้าที่ ภทส."),
    assignee_holds=True,
    fields=(Field("user_manual", N_("คู่มือการใช้งาน (PDF)"), FieldKind.FILES, required=True),),
    outcomes=(Outcome("done", OutcomeKind.DONE, N_("อบรมครบแล้ว"), guards=(_needs_trainings,)),),
    documents=(DocumentRef(N_("ใบลงชื่อผู้เข้ารับการอบรม"), "in"),),
)

DISBURSE = Step(
    "disburse",
    N_("เบิกจ่ายเงิน"),
    staff_roles(),
    actor_label=N_("งานบริหารทั่วไป / งานบัญชี / เจ้าหน้าที่ ภทส."),
    outcomes=(
        Outcome(
            "close",
            OutcomeKind.END,
            N_("ปิดโครงการ (เบิกจ่ายครบแล้ว)"),
            result=CaseResult.COMPLETED,
            guards=(_all_paid,),
            effects=(_completed,),
        ),
    ),
    documents=(DocumentRef(N_("เอกสารขอเบิกจ่าย"), "out"),),
)

STEPS = (
    MEETING,
    VALUE,
    REQUIREMENTS,
    ANALYSIS,
    DECISION,
    DEVELOP,
    TRAIN_IN_HOUSE,
    TOR,
    PRINCIPLE,
    TOR_APPROVAL,
    PRESENTATIONS,
    SELECTION,
    CONTRACT,
    FOLLOW,
    TRAIN_VENDOR,
    DISBURSE,
)

# The manual's step number of each step.
MANUAL_STEP = {
    "meeting": 1,
    "value": 2,
    "requirements": 4,
    "analysis": 5,
    "decision": 6,
    "develop": 7,
    "train_in_house": 8,
    "tor": 9,
    "principle": 10,
    "tor_approval": 10,
    "presentations": 11,
    "selection": 12,
    "contract": 13,
    "follow": 14,
    "train_vendor": 16,
    "disburse": 17,
}


def _planned_end(case: Case, detail: DevProject | None) -> dt.date | None:
    """The last milestone's planned date; once a contract is signed, its last installment."""
    rows = _installments(case.id)
    if rows:
        return max(i.due_on for i in rows)
    planned = [m.planned_on for m in records.milestones(case.id)]
    return max(planned) if planned else None


def _summarise(case: Case, detail: Any) -> dict[str, Any]:
    return {}


# ---------------------------------------------------------------------------------------------
# Printed from the case


def _has_cost_items(case: Case, detail: Any) -> bool:
    return bool(records.cost_items(case.id))


def _has_winner(case: Case, detail: Any) -> bool:
    return detail is not None and detail.winner_id is not None


def _median_price_memo(actor: Actor | None, case: Case) -> Any:
    from models.development import documents

    return documents.median_price_memo(actor, case)


def _selection_pdf(actor: Actor | None, case: Case) -> tuple[bytes, str]:
    from models.development import documents

    return documents.selection_report_pdf(actor, case)


def _report_row(case: Case, detail: DevProject | None, today: dt.date) -> list[str]:
    mode = _(records.MODE_LABELS[detail.mode]) if detail is not None and detail.mode else "-"
    return [
        case.number,
        rep.table_date(case.received_on),
        case.requester or "-",
        case.title,
        mode,
        rep.result_text(case, today),
    ]


REPORT = rep.CaseReportMemo(
    key="report_memo",
    label=N_("รายงานผลการพัฒนาระบบสารสนเทศตามที่ได้รับการร้องขอ"),
    process=KEY,
    intro=N_(
        "ตามที่ {who} มีหน้าที่พัฒนาระบบสารสนเทศเพื่อการประเมินคุณภาพภายนอกตามที่หน่วยงานภายในร้องขอ "
        "ทั้งการพัฒนาเองและการจ้างพัฒนา นั้น"
    ),
    summary=N_(
        "{who} ขอรายงานผลการดำเนินงาน{period} มีคำขอพัฒนาระบบทั้งสิ้น {total} เรื่อง "
        "ดำเนินการแล้วเสร็จ {completed} เรื่อง (ไม่อนุมัติและแจ้งผู้ขอแล้ว {refused} เรื่อง) "
        "และอยู่ระหว่างดำเนินการ {open} เรื่อง รายละเอียดดังตารางต่อไปนี้"
    ),
    columns=(
        rep.ReportColumn(N_("เลขที่"), 2.4, "center"),
        rep.ReportColumn(N_("วันที่รับ"), 2.3, "center"),
        rep.ReportColumn(N_("ผู้ขอ"), 2.8),
        rep.ReportColumn(N_("ระบบ/โครงการ"), 4.0),
        rep.ReportColumn(N_("แนวทาง"), 2.0, "center"),
        rep.ReportColumn(N_("ผลการดำเนินงาน"), 2.6, "center"),
    ),
    row=_report_row,
    empty=N_("ไม่มีคำขอพัฒนาระบบในช่วงเวลานี้"),
    empty_column=3,
    file_name="รายงานผลการพัฒนาระบบสารสนเทศ",
)


DEFINITION = register_process(
    ProcessDef(
        key=KEY,
        label=N_("การพัฒนาระบบสารสนเทศ"),
        short_label=N_("พัฒนาระบบ"),
        manual_ref=N_("การพัฒนาระบบสารสนเทศเพื่อการประเมินคุณภาพภายนอก (AQA) ตามที่ได้รับการร้องขอ"),
        steps=STEPS,
        deadline=Deadline(date_from=_planned_end, pause_on_requester=False),
        detail_model=DevProject,
        number_prefix="พร.",
        summarise=_summarise,
        printables=(
            rep.case_document(
                "median_price",
                N_("ตารางแสดงรายละเอียดค่าใช้จ่ายการจ้างพัฒนาระบบคอมพิวเตอร์ (ราคากลาง)"),
                _has_cost_items,
                _median_price_memo,
                "ราคากลาง",
                N_("ยังไม่มีรายการค่าใช้จ่ายของราคากลาง"),
            ),
            Printable("selection_report", N_("รายงานผลการคัดเลือก"), _has_winner, _selection_pdf),
        ),
        reports=(REPORT.period_report(),),
    )
)


# ---------------------------------------------------------------------------------------------
# Registers: the information-system projects and the trainings


def project_rows(start: dt.date | None, end: dt.date | None) -> Sequence[dict[str, str]]:
    query = rep.period_details(DevProject, KEY, start, end)
    today = clock.today()
    rows: list[dict[str, str]] = []
    for project in query:
        case: Case = project.case
        contract = contract_of_case(case.id)
        late = sum(1 for m in records.milestones(case.id) if m.is_late(today))
        rows.append(
            {
                "number": case.number,
                "received_on": rep.table_date(case.received_on),
                "requester": case.requester or "-",
                "title": case.title,
                "mode": _(records.MODE_LABELS[project.mode]) if project.mode else "-",
                "cost": f"{project.cost:,.2f}" if project.cost is not None else "-",
                "contract": f"{contract.number} {contract.vendor.name}" if contract else "-",
                "late": str(late) if late else "-",
                "result": rep.result_text(case, today),
            }
        )
    return rows


PROJECT_REGISTER = declare_register(
    RegisterDef(
        name="development-projects",
        title=N_("ทะเบียนโครงการพัฒนาระบบสารสนเทศ"),
        columns=(
            RegisterColumn("number", N_("เลขที่"), 1.6, "center"),
            RegisterColumn("received_on", N_("วันที่รับ"), 1.45, "center"),
            RegisterColumn("requester", N_("ผู้ขอ"), 1.8),
            RegisterColumn("title", N_("ระบบ/โครงการ"), 2.8),
            RegisterColumn("mode", N_("แนวทาง"), 1.2, "center"),
            RegisterColumn("cost", N_("ค่าใช้จ่าย (บาท)"), 1.5, "right"),
            RegisterColumn("contract", N_("สัญญา/ผู้รับจ้าง"), 2.2),
            RegisterColumn("late", N_("หมุดหมายล่าช้า"), 1.1, "center"),
            RegisterColumn("result", N_("ผล"), 1.4, "center"),
        ),
        rows=project_rows,
        landscape=True,
    )
)


def training_rows(start: dt.date | None, end: dt.date | None) -> Sequence[dict[str, str]]:
    query = (
        records.Training.select(records.Training, Case)
        .join(Case, on=(records.Training.case == Case.id))
        .order_by(records.Training.held_on, records.Training.id)
    )
    if start is not None:
        query = query.where(records.Training.held_on >= start)
    if end is not None:
        query = query.where(records.Training.held_on <= end)
    rows: list[dict[str, str]] = []
    for training in query:
        case: Case = training.case
        rate = training.attended * 100 / training.invited if training.invited else 0
        rows.append(
            {
                "held_on": rep.table_date(training.held_on),
                "project": f"{case.number} {case.title}",
                "group": training.user_group,
                "place": training.place,
                "invited": str(training.invited),
                "attended": str(training.attended),
                "rate": f"{rate:.0f}%",
                "evidence": _("มี") if records.has_sign_in(training) else _("ยังไม่มี"),
            }
        )
    return rows


TRAINING_REGISTER = declare_register(
    RegisterDef(
        name="trainings",
        title=N_("ทะเบียนการอบรมผู้ใช้งานระบบสารสนเทศ"),
        columns=(
            RegisterColumn("held_on", N_("วันที่อบรม"), 1.4, "center"),
            RegisterColumn("project", N_("ระบบ/โครงการ"), 3.0),
            RegisterColumn("group", N_("กลุ่มผู้ใช้"), 1.8),
            RegisterColumn("place", N_("สถานที่"), 1.8),
            RegisterColumn("invited", N_("ผู้ได้รับเชิญ"), 1.1, "center"),
            RegisterColumn("attended", N_("ผู้เข้าอบรม"), 1.1, "center"),
            RegisterColumn("rate", N_("ร้อยละ"), 0.9, "center"),
            RegisterColumn("evidence", N_("ใบลงชื่อ"), 1.1, "center"),
        ),
        rows=training_rows,
        landscape=True,
    )
)


def remove_quotation(actor: Actor | None, case_id: int, quotation_id: int) -> None:
    """Take a quotation entered by mistake off the project, until the committee has reported
    its selection (the report cites the quotations)."""
    from models.engine import get_case
    from models.errors import ValidationError

    case = get_case(case_id)
    if case.process != KEY:
        raise ValidationError(_("เรื่องนี้ไม่ใช่โครงการพัฒนาระบบสารสนเทศ"))
    cited = {"contract", "follow", "train_vendor", "disburse"}
    if (
        case.status != "open"
        or case.current_step in cited
        or (case.current_step == "selection" and project_for_case(case).winner_id is not None)
    ):
        raise ValidationError(
            _("คณะกรรมการรายงานผลการคัดเลือกแล้ว จึงลบใบเสนอราคาไม่ได้"),
            {"quotation": _("ใช้อ้างอิงแล้ว")},
        )
    found = [q for q in proc_quotations.quotations_of_case(case_id) if q.id == quotation_id]
    if not found:
        raise ValidationError(_("ไม่พบใบเสนอราคาที่เลือก"), {"quotation": _("ไม่พบ")})
    proc_quotations.delete_quotation(actor, found[0])


def project_for_case(case: Case | int) -> DevProject:
    case_id = case if isinstance(case, int) else case.id
    return DevProject.get(DevProject.case == case_id)


__all__ = ["DEFINITION", "KEY", "MANUAL_STEP", "REPORT", "DevProject"]
