"""Process 2's printed documents: the loaner hand-over and return slips (both signature lines), the
asset label sheet, and the maintenance report memo (รายงานผลการบำรุงรักษา) with its table and
plan-versus-done figures. Each function checks the actor's permission and returns PDF bytes with a
suggested file name; the window shows them in the print preview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from models import clock, records
from models.base import Actor
from models.engine import reporting as rep
from models.errors import ValidationError
from models.i18n import _, document_language
from models.org import Unit
from models.permissions import Permission, require
from models.support import maintenance, ticket_records
from models.support.assets import Asset
from models.support.loans import Loan
from models.support.maintenance import OccurrenceState
from models.users import User
from reports.thaifmt import date_long, date_short, number

if TYPE_CHECKING:  # the document engine (ReportLab) is imported when a document is made
    from reports.forms import SignatureLine
    from reports.memo import Memo


def _person(user_id: int | None) -> tuple[str, str]:
    user = User.get_or_none(User.id == user_id) if user_id else None
    return (str(user.full_name), str(user.position)) if user else ("", "")


def _loan_fields(loan: Loan, machine: Asset, thai: bool) -> list[tuple[str, str]]:
    unit = Unit.get_or_none(Unit.id == loan.borrower_unit_id) if loan.borrower_unit_id else None
    make = " ".join(p for p in (machine.brand, machine.model_name) if p)
    fields = [
        (_("เครื่อง"), " ".join(p for p in (machine.name, make) if p)),
        (_("หมายเลขครุภัณฑ์"), str(machine.number)),
    ]
    if machine.serial_number:
        fields.append((_("หมายเลขเครื่อง"), str(machine.serial_number)))
    fields.append((_("ผู้ยืม"), str(loan.borrower_name)))
    if loan.borrower_position:
        fields.append((_("ตำแหน่ง"), str(loan.borrower_position)))
    if unit is not None:
        fields.append((_("หน่วยงาน"), str(unit.name)))
    if loan.ticket_id:
        from models.engine import get_case

        ticket = ticket_records.get_ticket(loan.ticket_id)
        case_number = get_case(ticket.case_id).number
        repaired = Asset.get_or_none(Asset.id == ticket.asset_id) if ticket.asset_id else None
        why = _("ใช้แทนระหว่างซ่อมตามเรื่องแจ้งซ่อมเลขที่ {number}").format(number=case_number)
        if repaired is not None:
            why += " " + _("(เครื่องที่ส่งซ่อม {number})").format(number=repaired.number)
        fields.append((_("วัตถุประสงค์"), why))
    elif loan.purpose:
        fields.append((_("วัตถุประสงค์"), str(loan.purpose)))
    fields.append((_("วันที่ยืม"), date_long(loan.lent_on, thai=thai)))
    fields.append((_("กำหนดส่งคืน"), date_long(loan.due_back, thai=thai)))
    return fields


def handover_slip(actor: Actor | None, loan_id: int) -> tuple[bytes, str]:
    """ใบส่งมอบเครื่องคอมพิวเตอร์ทดแทน: the machine, the borrower, the dates, both signatures."""
    require(actor, Permission.VIEW)
    loan = records.get(Loan, loan_id)
    machine = records.get(Asset, loan.loaner_id)
    with document_language():
        pdf = _handover_slip(loan, machine)
    return pdf, f"ใบส่งมอบเครื่องทดแทน_{rep.file_part(machine.number_key)}_{loan.lent_on}.pdf"


def _handover_slip(loan: Loan, machine: Asset) -> bytes:
    from reports.forms import SignatureLine

    paper = rep.office_paper()
    giver = _person(loan.lent_by_id)
    fields = _loan_fields(loan, machine, paper.thai_digits)
    fields.append((_("สภาพและอุปกรณ์ที่ส่งมอบ"), str(loan.condition_out) or _("ใช้งานได้ตามปกติ")))
    return _slip(
        paper,
        _("ใบส่งมอบเครื่องคอมพิวเตอร์ทดแทน (ยืมใช้งาน)"),
        fields,
        _(
            "ผู้ยืมได้รับเครื่องคอมพิวเตอร์ตามรายการข้างต้นไว้ในสภาพใช้งานได้ จะดูแลรักษาและใช้งาน"
            "เพื่อราชการเท่านั้น และจะส่งคืนเมื่อซ่อมเครื่องเดิมแล้วเสร็จหรือภายในกำหนดส่งคืน"
        ),
        [
            SignatureLine(_("ผู้ส่งมอบ"), giver[0], giver[1]),
            SignatureLine(_("ผู้รับมอบ (ผู้ยืม)"), str(loan.borrower_name), str(loan.borrower_position)),
        ],
        loan.lent_on,
    )


def return_slip(actor: Actor | None, loan_id: int) -> tuple[bytes, str]:
    """ใบรับคืนเครื่องคอมพิวเตอร์ทดแทน, after the return has been recorded."""
    require(actor, Permission.VIEW)
    loan = records.get(Loan, loan_id)
    if loan.returned_on is None:
        raise ValidationError(_("ยังไม่ได้บันทึกการรับคืนเครื่องนี้ จึงพิมพ์ใบรับคืนไม่ได้"))
    machine = records.get(Asset, loan.loaner_id)
    with document_language():
        pdf = _return_slip(loan, machine, loan.returned_on)
    return pdf, f"ใบรับคืนเครื่องทดแทน_{rep.file_part(machine.number_key)}_{loan.returned_on}.pdf"


def _return_slip(loan: Loan, machine: Asset, returned_on: dt.date) -> bytes:
    from reports.forms import SignatureLine

    paper = rep.office_paper()
    receiver = _person(loan.received_by_id)
    fields = _loan_fields(loan, machine, paper.thai_digits)
    fields.append((_("วันที่ส่งคืน"), date_long(returned_on, thai=paper.thai_digits)))
    fields.append((_("สภาพเมื่อรับคืน"), str(loan.condition_in) or _("ใช้งานได้ตามปกติ")))
    late = returned_on > loan.due_back
    return _slip(
        paper,
        _("ใบรับคืนเครื่องคอมพิวเตอร์ทดแทน"),
        fields,
        _("ผู้รับคืนได้ตรวจรับเครื่องคอมพิวเตอร์ตามรายการข้างต้นคืนเรียบร้อยแล้ว")
        + (" " + _("(ส่งคืนเกินกำหนด)") if late else ""),
        [
            SignatureLine(_("ผู้ส่งคืน (ผู้ยืม)"), str(loan.borrower_name), str(loan.borrower_position)),
            SignatureLine(_("ผู้รับคืน"), receiver[0], receiver[1]),
        ],
        returned_on,
    )


def _slip(
    paper: rep.OfficePaper,
    title: str,
    fields: list[tuple[str, str]],
    paragraph: str,
    signatures: list[SignatureLine],
    day: dt.date,
) -> bytes:
    """A loaner slip: the office's line under the title, the fields, one paragraph, both
    signature lines."""
    from reports.forms import FormDocument

    form = FormDocument(
        title=title,
        office=" ".join(p for p in (paper.mission, paper.org_name) if p),
        fields=fields,
        paragraphs=[paragraph],
        signatures=signatures,
        thai_digits=paper.thai_digits,
        date=day,
    )
    return rep.render_document(form)


def latest_loan(ticket_id: int, *, returned: bool = False) -> Loan | None:
    query = Loan.select().where(Loan.ticket == ticket_id)
    if returned:
        query = query.where(Loan.returned_on.is_null(False))
    row: Loan | None = query.order_by(Loan.id.desc()).first()
    return row


# --- labels --------------------------------------------------------------------------------------


def label_sheet_names() -> list[str]:
    from reports.labels import SHEETS

    return list(SHEETS)


def asset_labels(
    actor: Actor | None,
    asset_ids: Sequence[int],
    *,
    sheet: str | None = None,
    start_at: int = 1,
    outlines: bool = False,
) -> tuple[bytes, str]:
    """Labels for the chosen assets, in register order (asset number)."""
    from reports.errors import DocumentInputError
    from reports.labels import SHEETS, AssetLabel, render_labels

    require(actor, Permission.VIEW)
    if not asset_ids:
        raise ValidationError(_("กรุณาเลือกครุภัณฑ์ที่จะพิมพ์ป้าย"))
    rows: list[Asset] = []
    ids = list(dict.fromkeys(asset_ids))
    for start in range(0, len(ids), 500):
        rows += list(Asset.select().where(Asset.id.in_(ids[start : start + 500])))
    rows.sort(key=lambda a: a.number_key)
    paper = rep.office_paper()
    from models.org import organisation

    org = organisation()
    office = " ".join(p for p in (str(org.short_name or ""), paper.mission_short) if p)
    labels = [AssetLabel(a.number, a.name, a.number_key, office) for a in rows]
    chosen = SHEETS.get(sheet or "") if sheet else None
    if sheet and chosen is None:
        raise ValidationError(_("ไม่รู้จักแผ่นป้าย “{name}”").format(name=sheet))
    try:
        with document_language():
            pdf = render_labels(
                labels, chosen, start_at=start_at, thai_digits=paper.thai_digits, outlines=outlines
            )
    except DocumentInputError as exc:
        raise ValidationError(exc.message) from exc
    return pdf, f"ป้ายครุภัณฑ์_{len(labels)}_รายการ.pdf"


# --- the maintenance report memo -----------------------------------------------------------------


OVERDUE = OccurrenceState.OVERDUE


def maintenance_report_memo(actor: Actor | None, start: dt.date, end: dt.date) -> Memo:
    """รายงานผลการบำรุงรักษา for the occurrences due in the period: counts, plan versus done per
    task, and the list of what was done and found."""
    require(actor, Permission.VIEW)
    rep.check_period(start, end)
    with document_language():
        return _maintenance_report_memo(actor, start, end)


def _maintenance_report_memo(actor: Actor | None, start: dt.date, end: dt.date) -> Memo:
    from reports.memo import Paragraph, Table
    from reports.registers import TableColumn

    paper = rep.office_paper()
    thai = paper.thai_digits
    today = clock.today()
    items = maintenance.occurrences(start=start, end=end, today=today)
    figures = maintenance.plan_figures(items)
    who = paper.mission_short or paper.mission
    per_task: dict[tuple[int, str, str], list[maintenance.Occurrence]] = {}
    for item in items:
        per_task.setdefault((item.task_id, item.title, item.target), []).append(item)
    plan_rows: list[list[str]] = []
    for index, ((_id, title, target), occ) in enumerate(per_task.items(), start=1):
        f = maintenance.plan_figures(occ)
        due = f.planned - f.not_yet_due
        plan_rows.append(
            [
                str(index),
                title,
                target,
                str(f.planned),
                str(due),
                str(f.done),
                number(100.0 * f.done / due, decimals=2) if due else "-",
            ]
        )
    if not plan_rows:
        plan_rows.append(["-", _("ไม่มีงานตามแผนในช่วงเวลานี้"), "-", "-", "-", "-", "-"])
    done_rows: list[list[str]] = []
    shown = (o for o in items if o.done_on is not None or o.state == OVERDUE)
    for index, item in enumerate(shown, start=1):
        state = item.state_label + (f" / {item.result_label}" if item.result else "")
        done_rows.append(
            [
                str(index),
                _("{title} ({target}) กำหนด {day}").format(
                    title=item.title, target=item.target, day=date_short(item.due_on)
                ),
                date_short(item.done_on) if item.done_on else "-",
                state,
                item.findings or "-",
            ]
        )
    if not done_rows:
        done_rows.append(["-", _("ไม่มีรายการ"), "-", "-", "-"])
    body: list[Paragraph | Table] = [
        Paragraph(
            _(
                "ตามที่ {who} ได้จัดทำแผนการบำรุงรักษาเชิงป้องกันครุภัณฑ์คอมพิวเตอร์ ซอฟต์แวร์ "
                "และระบบเครือข่ายประจำปีงบประมาณ และดำเนินการบำรุงรักษาตามแผน นั้น"
            ).format(who=who)
        ),
        Paragraph(
            _(
                "{who} ขอรายงานผลการบำรุงรักษา{period} มีงานตามแผน {planned} ครั้ง ถึงกำหนดแล้ว "
                "{due} ครั้ง ดำเนินการแล้ว {done} ครั้ง (ตามกำหนด {on_time} ครั้ง ล่าช้า {late} ครั้ง) "
                "คิดเป็นร้อยละ {rate} ของงานที่ถึงกำหนด ยังไม่ได้ดำเนินการ {overdue} ครั้ง "
                "และพบปัญหาที่ต้องแก้ไข {issues} ครั้ง รายละเอียดดังตารางต่อไปนี้"
            ).format(
                who=who,
                period=rep.period_words(start, end, thai),
                planned=figures.planned,
                due=figures.planned - figures.not_yet_due,
                done=figures.done,
                on_time=figures.done_on_time,
                late=figures.done_late,
                rate=number(figures.percent_done, decimals=2),
                overdue=figures.overdue,
                issues=figures.with_issues,
            )
        ),
        Paragraph(_("๑. ผลการดำเนินงานเทียบกับแผน"), indent_first=False),
        # Widths in points of the memo's 16 cm text line (453 pt).
        Table(
            [
                TableColumn(_("ลำดับ"), 40, "center"),
                TableColumn(_("งานบำรุงรักษา"), 118),
                TableColumn(_("ครุภัณฑ์/กลุ่ม"), 108),
                TableColumn(_("ตามแผน (ครั้ง)"), 45, "center"),
                TableColumn(_("ถึงกำหนด (ครั้ง)"), 45, "center"),
                TableColumn(_("ดำเนินการ (ครั้ง)"), 45, "center"),
                TableColumn(_("ร้อยละ"), 52, "center"),
            ],
            plan_rows,
        ),
        Paragraph(_("๒. รายการบำรุงรักษาและสิ่งที่พบ"), indent_first=False),
        Table(
            [
                TableColumn(_("ลำดับ"), 40, "center"),
                TableColumn(_("งาน (ครุภัณฑ์/กลุ่ม) และกำหนด"), 150),
                TableColumn(_("วันที่ดำเนินการ"), 86, "center"),
                TableColumn(_("สถานะ/ผล"), 86),
                TableColumn(_("สิ่งที่พบ"), 91),
            ],
            done_rows,
            font_size=12.0,
        ),
        Paragraph(_("จึงเรียนมาเพื่อโปรดทราบ")),
    ]
    return rep.report_memo(
        actor,
        subject=_("รายงานผลการบำรุงรักษาเชิงป้องกันครุภัณฑ์คอมพิวเตอร์และระบบเครือข่าย"),
        body=body,
        paper=paper,
    )


def maintenance_report(actor: Actor | None, start: dt.date, end: dt.date) -> tuple[bytes, str]:
    memo = maintenance_report_memo(actor, start, end)
    name = f"รายงานผลการบำรุงรักษา_{start.isoformat()}_{end.isoformat()}.pdf"
    return rep.render_document(memo), name


def service_register_report(actor: Actor | None, start: dt.date, end: dt.date) -> tuple[bytes, str]:
    """The service-problem register of a period (the ticket list's period report)."""
    require(actor, Permission.VIEW)
    from models import registers

    pdf = registers.render_register("service-problems", start, end)
    return pdf, f"ทะเบียนบันทึกปัญหา_{start.isoformat()}_{end.isoformat()}.pdf"


def loan_documents(actor: Actor | None, loan_id: int) -> list[tuple[str, Any]]:
    """The slips a loan can print now: (label, zero-argument renderer)."""
    loan = records.get(Loan, loan_id)
    out: list[tuple[str, Any]] = [(_("ใบส่งมอบเครื่องทดแทน"), lambda: handover_slip(actor, loan_id))]
    if loan.returned_on is not None:
        out.append((_("ใบรับคืนเครื่องทดแทน"), lambda: return_slip(actor, loan_id)))
    return out
