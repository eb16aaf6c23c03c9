"""What every process's printouts share, and the one path they are assembled and rendered by.

- counts and on-time results for a period (``period_cases``, ``count``, ``result_text``);
- the office details a memo or letter needs (``office_paper``: department line, emblem, settings)
  and the people on it (``actor_person``, ``head_of_office``, ``director``);
- ``office_memo`` / ``report_memo``: a memo from the office with the ``ความเห็นของ หน.ภทส.`` block;
- ``CaseReportMemo``: a process's report memo over the cases received in a period, declared
  (subject, two paragraphs, the table's columns and a row function) and turned into the
  engine's ``PeriodReport`` by ``period_report()``;
- ``case_document``: a case's printable (a memo or letter maker) as the engine's ``Printable``;
- ``render_document``: PDF bytes of a memo, letter or form, always in Thai
  (``models.i18n.document_language``), bad input as a ``ValidationError``.

So the report memos of all processes count, read and print the same way, and a new process's
report memo is a declaration.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from models import attachments, clock, numbering, settings
from models.base import Actor
from models.engine.deadlines import CaseState, state_of
from models.engine.definition import CaseResult, PeriodReport, Printable
from models.engine.tables import Case
from models.errors import ValidationError
from models.i18n import N_, _, document_language
from models.org import Organisation, Signatory, organisation
from models.permissions import Permission, Role, require
from reports.thaifmt import MONTHS_SHORT, be_year, date_long, number

if TYPE_CHECKING:  # the document engine (ReportLab) is imported when a document is made
    from reports.forms import FormDocument
    from reports.letter import Letter
    from reports.memo import BodyItem, Memo, OpinionBlock, Paragraph, Table


@dataclass(frozen=True)
class PeriodCounts:
    total: int = 0  # received in the period
    completed: int = 0  # closed (served or refused), withdrawn ones excluded
    on_time: int = 0
    late: int = 0
    open: int = 0
    waiting: int = 0  # of the open ones: waiting on the requester
    cancelled: int = 0
    refused: int = 0  # of the completed ones: not approved / not eligible

    @property
    def on_time_rate(self) -> float | None:
        """Per cent of completed cases done on time (None when none was completed)."""
        return 100.0 * self.on_time / self.completed if self.completed else None


def period_cases(process: str, start: dt.date, end: dt.date) -> list[Case]:
    """Cases of ``process`` received from ``start`` to ``end`` (inclusive), oldest first."""
    return list(
        Case.select()
        .where((Case.process == process) & (Case.received_on >= start) & (Case.received_on <= end))
        .order_by(Case.received_on, Case.fiscal_year, Case.seq)
    )


def period_details(model: Any, process: str, start: dt.date | None, end: dt.date | None) -> Any:
    """A process's detail rows joined to their cases (``row.case``), received in the period
    (open-ended when ``start``/``end`` is None), oldest first: the rows of a process's log."""
    query = (
        model.select(model, Case)
        .join(Case)
        .where(Case.process == process)
        .order_by(Case.received_on, Case.fiscal_year, Case.seq)
    )
    if start is not None:
        query = query.where(Case.received_on >= start)
    if end is not None:
        query = query.where(Case.received_on <= end)
    return query


def count(cases: list[Case], today: dt.date | None = None) -> PeriodCounts:
    today = today or clock.today()
    tally: dict[str, int] = dict.fromkeys(PeriodCounts.__dataclass_fields__, 0)
    for case in cases:
        tally["total"] += 1
        state = state_of(case, today).state
        if state == CaseState.CANCELLED:
            tally["cancelled"] += 1
        elif state in {CaseState.DONE_ON_TIME, CaseState.DONE_LATE}:
            tally["completed"] += 1
            tally["on_time" if state == CaseState.DONE_ON_TIME else "late"] += 1
            if case.result == CaseResult.REFUSED:
                tally["refused"] += 1
        else:
            tally["open"] += 1
            if state == CaseState.WAITING:
                tally["waiting"] += 1
    return PeriodCounts(**tally)


def result_text(case: Case, today: dt.date | None = None) -> str:
    """A case's result for a report table: ภายในกำหนด / เกินกำหนด N วันทำการ / ..."""
    info = state_of(case, today or clock.today())
    if info.state == CaseState.DONE_ON_TIME:
        return _("ภายในกำหนด")
    if info.state == CaseState.DONE_LATE:
        return _("เกินกำหนด {n} วันทำการ").format(n=info.days)
    if info.state == CaseState.CANCELLED:
        return _("ยกเลิก")
    if info.state == CaseState.WAITING:
        return _("รอผู้ขอแก้ไข")
    if info.state == CaseState.OVERDUE:
        return _("อยู่ระหว่างดำเนินการ (เกินกำหนด {n} วันทำการ)").format(n=info.days)
    return _("อยู่ระหว่างดำเนินการ")


def table_date(day: dt.date | None) -> str:
    """A date in a table cell: ``10 เม.ย. 69`` (two-digit B.E. year keeps the column narrow),
    joined by no-break spaces so a line never breaks inside it."""
    if day is None:
        return "-"
    return f"{day.day}\u00a0{MONTHS_SHORT[day.month - 1]}\u00a0{be_year(day) % 100:02d}"


def percent(value: float | None, thai: bool) -> str:
    return "-" if value is None else number(value, decimals=2, thai=thai)


def period_words(start: dt.date, end: dt.date, thai: bool) -> str:
    return _("ระหว่างวันที่ {start} ถึงวันที่ {end}").format(
        start=date_long(start, thai=thai), end=date_long(end, thai=thai)
    )


# ---------------------------------------------------------------------------------------------
# The office's details on paper


@dataclass(frozen=True)
class OfficePaper:
    """Everything a memo or letter takes from the office's details and settings."""

    org_name: str
    address: str
    mission: str
    mission_short: str
    department: str  # ส่วนราชการ line: mission, division, phone
    phone: str
    fax: str
    email: str
    emblem: bytes | None
    thai_digits: bool
    date_indent_cm: float
    top_margin_cm: float
    bottom_margin_cm: float
    lines_with_signature: int  # body lines that go to a new page with the signature
    created: dt.datetime  # the PDF's creation date

    def memo_options(self) -> dict[str, Any]:
        return {
            "thai_digits": self.thai_digits,
            "emblem": self.emblem,
            "date_indent_cm": self.date_indent_cm,
            "top_margin_cm": self.top_margin_cm,
            "bottom_margin_cm": self.bottom_margin_cm,
            "lines_with_signature": self.lines_with_signature,
            "created": self.created,
        }

    def letter_options(self) -> dict[str, Any]:
        return {
            "thai_digits": self.thai_digits,
            "emblem": self.emblem,
            "top_margin_cm": self.top_margin_cm,
            "bottom_margin_cm": self.bottom_margin_cm,
            "lines_with_signature": self.lines_with_signature,
            "created": self.created,
        }


def office_paper() -> OfficePaper:
    org: Organisation = organisation()
    emblem: bytes | None = None
    if org.emblem_attachment_id:
        try:
            emblem = attachments.content(int(org.emblem_attachment_id))
        except Exception:  # a removed emblem file falls back to the placeholder
            emblem = None
    mission = str(org.mission or "")
    short = str(org.mission_short or "")
    head = f"{mission} ({short})" if mission and short else (mission or short or str(org.name))
    department = " ".join(
        p
        for p in (
            head,
            str(org.division or ""),
            _("โทร. {phone}").format(phone=org.phone) if org.phone else "",
        )
        if p
    )
    return OfficePaper(
        org_name=str(org.name or ""),
        address=str(org.address or ""),
        mission=mission,
        mission_short=short,
        department=department,
        phone=str(org.phone or ""),
        fax=str(org.fax or ""),
        email=str(org.email or ""),
        emblem=emblem,
        thai_digits=bool(settings.get("documents.thai_digits")),
        date_indent_cm=float(settings.get("documents.date_indent_cm")),
        top_margin_cm=float(settings.get("documents.top_margin_cm")),
        bottom_margin_cm=float(settings.get("documents.bottom_margin_cm")),
        lines_with_signature=int(settings.get("documents.lines_with_signature")),
        created=clock.now(),
    )


@dataclass(frozen=True)
class Person:
    name: str
    position: str


def person_of(user_id: int | None) -> Person | None:
    if user_id is None:
        return None
    from models.users import User

    user = User.get_or_none(User.id == user_id)
    return Person(user.full_name, user.position) if user else None


def actor_person(actor: Any) -> Person:
    """The signer of a memo the acting user prints (the system prints unsigned)."""
    if actor is None:
        return Person("", "")
    return Person(str(actor.full_name), str(getattr(actor, "position", "") or ""))


def head_of_office() -> Person | None:
    """The active หน.ภทส. (for the "ความเห็นของ หน.ภทส." block)."""
    from models.users import User

    user = (
        User.select()
        .where((User.role == Role.HEAD) & (User.active == True))  # noqa: E712
        .order_by(User.id)
        .first()
    )
    return Person(user.full_name, user.position) if user else None


def director() -> Signatory | None:
    """The first active signatory (by sort order): whom report memos are addressed to."""
    found: Signatory | None = (
        Signatory.select()
        .where(Signatory.active == True)  # noqa: E712
        .order_by(Signatory.sort_order, Signatory.id)
        .first()
    )
    return found


# ---------------------------------------------------------------------------------------------
# One assembly path for memos and case documents


def check_period(start: dt.date, end: dt.date) -> None:
    if start > end:
        raise ValidationError(_("วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด"))


def memo_number() -> str:
    """``ที่`` of a memo printed from the app: the memo series' prefix (Paperless gives the
    running number)."""
    prefix = str(numbering.series("memo").prefix or "")
    return f"{prefix}/" if prefix else ""


def head_opinion() -> OpinionBlock:
    """The ``ความเห็นของ หน.ภทส.`` block, with the active head's name when there is one."""
    from reports.memo import OpinionBlock

    head = head_of_office()
    return OpinionBlock(
        _("ความเห็นของ หน.ภทส."),
        signer_name=head.name if head else "",
        signer_position=head.position if head else "",
    )


def office_memo(
    *,
    subject: str,
    recipient: str,
    body: Sequence[BodyItem],
    signer: Person,
    paper: OfficePaper | None = None,
    date: dt.date | None = None,
) -> Memo:
    """A memo from the office: its ส่วนราชการ line and settings, the memo series' ``ที่``,
    today's date, signed by ``signer``, with the หน.ภทส. opinion block."""
    from reports.memo import Memo

    paper = paper or office_paper()
    return Memo(
        department=paper.department,
        number=memo_number(),
        date=date or clock.today(),
        subject=subject,
        recipient=recipient,
        body=body,
        signer_name=signer.name,
        signer_position=signer.position,
        opinions=[head_opinion()],
        **paper.memo_options(),
    )


def report_memo(
    actor: Actor | None,
    *,
    subject: str,
    body: Sequence[BodyItem],
    paper: OfficePaper | None = None,
) -> Memo:
    """A report memo: to the director (the first active signatory), signed by the acting user."""
    chief = director()
    return office_memo(
        subject=subject,
        recipient=str(chief.title) if chief else _("ผู้อำนวยการ"),
        body=body,
        signer=actor_person(actor),
        paper=paper,
    )


def render_document(document: Memo | Letter | FormDocument) -> bytes:
    """The document's PDF, in Thai whatever the window's language; bad input (e.g. an unreadable
    emblem file) as a ``ValidationError`` with the engine's Thai message."""
    from reports.errors import DocumentInputError
    from reports.forms import FormDocument, render_form
    from reports.letter import Letter, render_letter
    from reports.memo import render_memo

    with document_language():
        try:
            if isinstance(document, Letter):
                return render_letter(document)
            if isinstance(document, FormDocument):
                return render_form(document)
            return render_memo(document)
        except DocumentInputError as exc:
            raise ValidationError(exc.message) from exc


def file_part(text: str) -> str:
    """``text`` fit for a file name: spaces dropped, slashes and other marks made ``-``."""
    return "".join(ch if ch.isalnum() or ch in ".-_" else "-" for ch in text if not ch.isspace())


def case_document(
    key: str,
    label: str,
    available: Callable[[Case, Any], bool],
    make: Callable[[Actor | None, Case], Memo | Letter | FormDocument],
    file_name: str,
    refusal: str = N_("เรื่องนี้ยังพิมพ์ “{document}” ไม่ได้ในขั้นตอนนี้"),
) -> Printable:
    """A case's printable: once the actor may view the case and ``available(case, detail)``
    holds (else ``refusal``, N_-marked, in the window's language), ``make`` assembles the
    document in Thai; the file is named ``{file_name}_{case number}.pdf``."""

    def render(actor: Actor | None, case: Case) -> tuple[bytes, str]:
        from models.engine.core import detail_of
        from models.engine.registry import get_process

        require(actor, Permission.VIEW)
        if not available(case, detail_of(get_process(case.process), case)):
            raise ValidationError(_(refusal).format(document=_(label)))
        with document_language():
            document = make(actor, case)
        return render_document(document), f"{file_name}_{file_part(case.number)}.pdf"

    return Printable(key, label, available, render)


@dataclass(frozen=True)
class ReportColumn:
    title: str  # N_-marked
    weight: float = 1.0
    align: str = "left"  # left | center | right


@dataclass(frozen=True)
class CaseReportMemo:
    """A process's report memo over the cases received in a period, declared.

    The memo goes to the director, signed by whoever prints it, with the หน.ภทส. opinion block;
    its body is ``intro`` and ``summary`` (N_-marked; placeholders ``{who}`` the unit's short
    name, ``{days}`` the process's deadline in working days, ``{period}``, ``{rate}`` the on-time
    per cent of completed cases, ``{served}`` completed and not refused, and every
    ``PeriodCounts`` field: ``{total}`` ``{completed}`` ``{on_time}`` ``{late}`` ``{open}``
    ``{waiting}`` ``{cancelled}`` ``{refused}``), a table of one row per case from ``row(case,
    detail, today)`` (``empty`` in column ``empty_column`` when there is none), and the closing
    sentence. ``label`` names the report in the window and is the memo's subject."""

    key: str
    label: str  # N_-marked
    process: str
    intro: str  # N_-marked
    summary: str  # N_-marked
    columns: tuple[ReportColumn, ...]
    row: Callable[[Case, Any, dt.date], Sequence[str]]
    empty: str  # N_-marked
    empty_column: int
    file_name: str
    font_size: float = 13.0
    closing: str = N_("จึงเรียนมาเพื่อโปรดทราบ")

    def memo(self, actor: Actor | None, start: dt.date, end: dt.date) -> Memo:
        require(actor, Permission.VIEW)
        check_period(start, end)
        with document_language():
            return self._assemble(actor, start, end)

    def _assemble(self, actor: Actor | None, start: dt.date, end: dt.date) -> Memo:
        from models.engine.registry import get_process
        from reports.memo import Paragraph, Table
        from reports.registers import TableColumn

        process = get_process(self.process)
        paper = office_paper()
        today = clock.today()
        cases = period_cases(self.process, start, end)
        counts = count(cases, today)
        details: dict[int, Any] = {}
        model = process.detail_model
        if model is not None and cases:
            ids = [c.id for c in cases]
            for at in range(0, len(ids), 500):
                for detail in model.select().where(model.case.in_(ids[at : at + 500])):
                    details[detail.__data__["case"]] = detail
        rows = [list(self.row(case, details.get(case.id), today)) for case in cases]
        if not rows:
            empty = ["-"] * len(self.columns)
            empty[self.empty_column] = _(self.empty)
            rows.append(empty)
        values: dict[str, Any] = {
            **dataclasses.asdict(counts),
            "who": paper.mission_short or paper.mission,
            "days": process.deadline.days,
            "period": period_words(start, end, paper.thai_digits),
            "rate": percent(counts.on_time_rate, False),
            "served": counts.completed - counts.refused,
        }
        body: list[Paragraph | Table] = [
            Paragraph(_(self.intro).format(**values)),
            Paragraph(_(self.summary).format(**values)),
            Table(
                [TableColumn(_(c.title), c.weight, c.align) for c in self.columns],
                rows,
                font_size=self.font_size,
            ),
            Paragraph(_(self.closing)),
        ]
        return report_memo(actor, subject=_(self.label), body=body, paper=paper)

    def render(self, actor: Actor | None, start: dt.date, end: dt.date) -> tuple[bytes, str]:
        memo = self.memo(actor, start, end)
        name = f"{self.file_name}_{start.isoformat()}_{end.isoformat()}.pdf"
        return render_document(memo), name

    def period_report(self) -> PeriodReport:
        return PeriodReport(self.key, self.label, self.render)
