"""The statistics on paper: the management report memo of a fiscal year (tables and the three
charts) and the workbook (every table as a sheet with native Excel charts).

Both are assembled here from ``service.statistics_page`` (so they show exactly what the tab
shows, scoped the same way) and handed to ``reports/`` as plain data.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.base import Actor
from models.engine import reporting as rep
from models.errors import ValidationError
from models.i18n import N_, _, document_language
from models.statistics import charts
from models.statistics import figures as fig
from models.statistics.service import (
    StatisticsPage,
    age_labels,
    month_keys,
    month_labels,
    quarter_label,
    statistics_page,
)
from reports.thaifmt import date_long, number

if TYPE_CHECKING:
    from reports.memo import BodyItem, Memo
    from reports.workbook import Sheet

OUTPUT_KINDS = (".pdf", ".xlsx")

FIGURE_COLUMNS: tuple[tuple[str, float, str], ...] = (
    (N_("รับ"), 0.8, "right"),
    (N_("แล้วเสร็จ"), 0.9, "right"),
    (N_("ภายในกำหนด"), 1.0, "right"),
    (N_("ร้อยละ"), 0.9, "right"),
    (N_("มัธยฐาน (วันทำการ)"), 1.1, "right"),
    (N_("P90 (วันทำการ)"), 1.0, "right"),
    (N_("ส่งกลับแก้ไข"), 0.9, "right"),
    (N_("วันที่หยุดนับเวลา"), 1.0, "right"),
)


def _cells(row: fig.Figures, thai: bool) -> list[str]:
    def n(value: int | None) -> str:
        return "-" if value is None else number(value, thai=thai)

    rate = row.on_time_rate
    return [
        n(row.received),
        n(row.completed),
        n(row.on_time),
        "-" if rate is None else number(rate, decimals=2, thai=thai),
        n(row.median_days),
        n(row.p90_days),
        n(row.sent_back),
        n(row.paused_days),
    ]


def _figure_table(
    first: str, first_weight: float, rows: list[tuple[str, fig.Figures]], thai: bool
) -> Any:
    from reports.memo import Table
    from reports.registers import TableColumn

    columns = [TableColumn(first, first_weight, "left")]
    columns += [TableColumn(_(title), weight, align) for title, weight, align in FIGURE_COLUMNS]
    body = [[label, *_cells(f, thai)] for label, f in rows] or [[_("ไม่มีข้อมูล")] + ["-"] * 8]
    return Table(columns, body, font_size=12.0)


def management_memo(
    actor: Actor | None, fiscal_year: int, *, assignee_id: int | None = None
) -> Memo:
    page = statistics_page(actor, fiscal_year, assignee_id=assignee_id)
    with document_language():
        return _memo(actor, page)


def _memo(actor: Actor | None, page: StatisticsPage) -> Memo:
    from reports.memo import Paragraph, Table
    from reports.registers import TableColumn

    paper = rep.office_paper()
    thai = paper.thai_digits
    office = page.office_total()
    backlog = sum(page.backlog_series())
    who = paper.mission_short or paper.mission
    body: list[BodyItem] = [
        Paragraph(
            _(
                "{who} ขอรายงานผลการดำเนินงานตามกระบวนงานของ{scope} ประจำปีงบประมาณ พ.ศ. {year} "
                "{period} ข้อมูล ณ วันที่ {day} ดังนี้"
            ).format(
                who=who,
                scope=_("สำนักงาน") if page.assignee_id is None else page.scope_label,
                year=page.fiscal_year,
                period=rep.period_words(page.start, page.end, thai),
                day=date_long(page.as_of, thai=thai),
            )
        ),
        Paragraph(
            _(
                "รับเรื่องทั้งสิ้น {received} เรื่อง (ผู้ขอยกเลิก {withdrawn} เรื่อง) ดำเนินการแล้วเสร็จ "
                "{completed} เรื่อง แล้วเสร็จภายในกำหนด {on_time} เรื่อง คิดเป็นร้อยละ {rate} "
                "และมีเรื่องค้างดำเนินการ {backlog} เรื่อง รายละเอียดตามตารางและแผนภูมิ"
            ).format(
                received=office.received,
                withdrawn=office.withdrawn,
                completed=office.completed,
                on_time=office.on_time,
                rate=rep.percent(office.on_time_rate, False),
                backlog=backlog,
            )
        ),
        _figure_table(
            _("กระบวนงาน"),
            2.2,
            [(p.short_label, page.total(p.key)) for p in page.processes],
            thai,
        ),
        Paragraph(
            _(
                "ระยะเวลาดำเนินการนับเป็นวันทำการตั้งแต่วันที่รับเรื่องถึงวันที่แล้วเสร็จ "
                "ไม่นับวันที่รอผู้ขอแก้ไข มัธยฐานคือจำนวนวันทำการที่เรื่องครึ่งหนึ่งแล้วเสร็จภายในนั้น "
                "และ P90 คือจำนวนวันทำการที่เรื่องร้อยละ 90 แล้วเสร็จภายในนั้น"
            )
        ),
        charts.trend_chart(page),
        charts.on_time_chart(page),
        charts.backlog_chart(page),
        _figure_table(
            _("ไตรมาส"),
            2.2,
            [(f"{_short(page, q.process)} {quarter_label(int(q.key))}", q) for q in page.quarters],
            thai,
        ),
    ]
    for table in page.dimensions:
        if table.process != "support" or not table.rows:
            continue
        body.append(
            Paragraph(
                _("{process} จำแนกตาม{what}").format(
                    process=page.process_label(table.process), what=table.title
                )
            )
        )
        body.append(
            _figure_table(
                table.title,
                2.2,
                [(r.label or _("ไม่ระบุ"), r) for r in table.rows],
                thai,
            )
        )
    if page.tallies:
        rows = [
            [t.title, label, number(value, decimals=decimals, thai=thai), unit or "-"]
            for t in page.tallies
            for label, value, unit, decimals in t.figures
        ]
        body.append(
            Table(
                [
                    TableColumn(_("งาน"), 1.6),
                    TableColumn(_("รายการ"), 2.6),
                    TableColumn(_("จำนวน"), 1.0, "right"),
                    TableColumn(_("หน่วย"), 0.8, "center"),
                ],
                rows,
                font_size=12.0,
            )
        )
    body.append(Paragraph(_("จึงเรียนมาเพื่อโปรดทราบ")))
    subject = _("รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. {year}").format(year=page.fiscal_year)
    return rep.report_memo(actor, subject=subject, body=body, paper=paper)


def _short(page: StatisticsPage, process: str) -> str:
    return next((p.short_label for p in page.processes if p.key == process), process)


def render_management_report(
    actor: Actor | None, fiscal_year: int, *, assignee_id: int | None = None
) -> tuple[bytes, str]:
    memo = management_memo(actor, fiscal_year, assignee_id=assignee_id)
    return rep.render_document(memo), f"รายงานสถิติ_ปีงบประมาณ{fiscal_year}.pdf"


# ---------------------------------------------------------------------------------------------
# The workbook


def workbook_sheets(page: StatisticsPage) -> list[Sheet]:
    from reports.workbook import LINE, Sheet, SheetChart

    header = [_(title) for title, _w, _a in FIGURE_COLUMNS]

    def numbers(row: fig.Figures) -> list[Any]:
        rate = row.on_time_rate
        return [
            row.received,
            row.completed,
            row.on_time,
            None if rate is None else round(rate, 2),
            row.median_days,
            row.p90_days,
            row.sent_back,
            row.paused_days,
        ]

    summary = Sheet(
        _("สรุปตามกระบวนงาน"),
        [_("กระบวนงาน"), *header],
        [[p.label, *numbers(page.total(p.key))] for p in page.processes],
        charts=[SheetChart(_("ร้อยละของเรื่องที่แล้วเสร็จภายในกำหนด"), 1, [5], "K2", percent=True)],
        widths=[40] + [12] * len(header),
    )
    labels = month_labels(page.fiscal_year)
    this_year = _("ปีงบประมาณ {year}").format(year=page.fiscal_year)
    last_year = _("ปีงบประมาณ {year}").format(year=page.fiscal_year - 1)
    trend_rows = [
        [label, this, previous]
        for label, this, previous in zip(
            labels,
            page.month_series("received"),
            page.month_series("received", previous=True),
            strict=True,
        )
    ]
    trend = Sheet(
        _("แนวโน้มรายเดือน"),
        [_("เดือน"), this_year, last_year],
        trend_rows,
        charts=[
            SheetChart(_("เรื่องที่รับต่อเดือน"), 1, [2, 3], "E2"),
            SheetChart(_("เรื่องที่รับต่อเดือน (เส้น)"), 1, [2, 3], "E20", kind=LINE),
        ],
        widths=[14, 16, 16],
    )
    keys = month_keys(page.fiscal_year)
    month_rows = [
        [page.process_label(m.process), labels[keys.index(m.key)], *numbers(m)]
        for m in page.months
        if m.key in keys
    ]
    months = Sheet(_("รายเดือน"), [_("กระบวนงาน"), _("เดือน"), *header], month_rows, widths=[40, 12])
    quarters = Sheet(
        _("รายไตรมาส"),
        [_("กระบวนงาน"), _("ไตรมาส"), *header],
        [
            [page.process_label(q.process), quarter_label(int(q.key)), *numbers(q)]
            for q in page.quarters
        ],
        widths=[40, 16],
    )
    staff = Sheet(
        _("รายบุคคล"),
        [_("กระบวนงาน"), _("ผู้รับผิดชอบ"), *header],
        [[page.process_label(s.process), s.label or _("ไม่ระบุ"), *numbers(s)] for s in page.staff],
        widths=[40, 28],
    )
    backlog = Sheet(
        _("เรื่องค้างตามอายุ"),
        [_("อายุเรื่อง"), _("จำนวนเรื่อง")],
        [[label, value] for label, value in zip(age_labels(), page.backlog_series(), strict=True)],
        charts=[SheetChart(_("เรื่องค้างดำเนินการแยกตามอายุเรื่อง"), 1, [2], "D2")],
        widths=[22, 14],
    )
    sheets = [summary, trend, months, quarters, staff, backlog]
    for table in page.dimensions:
        sheets.append(
            Sheet(
                f"{_short(page, table.process)} {table.title}"[:31],
                [table.title, *header],
                [[r.label or _("ไม่ระบุ"), *numbers(r)] for r in table.rows],
                widths=[36],
            )
        )
    if page.tallies:
        sheets.append(
            Sheet(
                _("งานอื่น ๆ"),
                [_("งาน"), _("รายการ"), _("จำนวน"), _("หน่วย")],
                [
                    [t.title, label, round(value, decimals), unit]
                    for t in page.tallies
                    for label, value, unit, decimals in t.figures
                ],
                widths=[28, 36, 12, 10],
            )
        )
    return sheets


def render_workbook(
    actor: Actor | None, fiscal_year: int, *, assignee_id: int | None = None
) -> tuple[bytes, str]:
    from reports.workbook import workbook_bytes

    page = statistics_page(actor, fiscal_year, assignee_id=assignee_id)
    title = _("สถิติการดำเนินงานประจำปีงบประมาณ พ.ศ. {year}").format(year=fiscal_year)
    return workbook_bytes(workbook_sheets(page), title=title), f"สถิติ_ปีงบประมาณ{fiscal_year}.xlsx"


def write_statistics(actor: Actor | None, fiscal_year: int, output: Path) -> Path:
    """The management report (``.pdf``) or the workbook (``.xlsx``) to ``output``."""
    suffix = output.suffix.lower()
    if suffix not in OUTPUT_KINDS:
        raise ValidationError(
            _("ไฟล์ผลลัพธ์ต้องเป็น .pdf หรือ .xlsx ({name})").format(name=output.name),
            {"output": _("ใช้นามสกุล .pdf หรือ .xlsx")},
        )
    maker = render_management_report if suffix == ".pdf" else render_workbook
    data, _name = maker(actor, fiscal_year)
    output.write_bytes(data)
    return output


__all__: Sequence[str] = [
    "management_memo",
    "render_management_report",
    "render_workbook",
    "workbook_sheets",
    "write_statistics",
]
