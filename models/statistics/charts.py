"""The charts of the statistics, as plain data (``reports.charts.BarChart``): the window draws
them with Qt Charts, the management report with ReportLab's graphics, the workbook as native
Excel charts; all three read the same series from here."""

from __future__ import annotations

from models.i18n import _
from models.statistics.service import StatisticsPage, age_labels, month_labels
from reports.charts import BarChart, Series

TREND = "trend"
ON_TIME = "on_time"
BACKLOG = "backlog"


def trend_chart(page: StatisticsPage, process: str | None = None) -> BarChart:
    """Cases received per month, this fiscal year beside the one before."""
    title = _("เรื่องที่รับต่อเดือน")
    if process is not None:
        title = _("{title}: {process}").format(title=title, process=page.process_label(process))
    return BarChart(
        title=title,
        categories=month_labels(page.fiscal_year),
        series=[
            Series(
                _("ปีงบประมาณ {year}").format(year=page.fiscal_year),
                [float(v) for v in page.month_series("received", process)],
                "#1f5f99",
            ),
            Series(
                _("ปีงบประมาณ {year}").format(year=page.fiscal_year - 1),
                [float(v) for v in page.month_series("received", process, previous=True)],
                "#f0a030",
            ),
        ],
    )


def on_time_chart(page: StatisticsPage) -> BarChart:
    """Per cent of completed cases done on time, per process (0 when none was completed)."""
    return BarChart(
        title=_("ร้อยละของเรื่องที่แล้วเสร็จภายในกำหนด"),
        categories=[p.short_label for p in page.processes],
        series=[
            Series(
                _("ร้อยละภายในกำหนด"),
                [page.total(p.key).on_time_rate or 0.0 for p in page.processes],
                "#3c9a5f",
            )
        ],
        percent=True,
        decimals=2,
    )


def backlog_chart(page: StatisticsPage, process: str | None = None) -> BarChart:
    """Cases open on the page's day, by working days since receipt."""
    return BarChart(
        title=_("เรื่องค้างดำเนินการ ณ วันที่ {day} แยกตามอายุเรื่อง").format(day=_day(page)),
        categories=age_labels(),
        series=[
            Series(_("จำนวนเรื่อง"), [float(v) for v in page.backlog_series(process)], "#c0392b")
        ],
    )


def _day(page: StatisticsPage) -> str:
    from reports.thaifmt import date_short

    return date_short(page.as_of)
