"""The statistics in print and in Excel: the charts' data series, the PDF's chart text and bars
read back, the workbook's native charts, and the ``statistics`` command."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import peewee
import pytest
from openpyxl import load_workbook

from models import db as dbmod
from models.errors import ValidationError
from models.statistics import charts, report, service
from tests.process_office import Office, pdf_text, squash
from tests.statistics_office import statistics_office

ROOT = Path(__file__).resolve().parents[2]
MONTHS = ["ต.ค. 68", "พ.ย. 68", "ธ.ค. 68", "ม.ค. 69", "ก.พ. 69", "มี.ค. 69"]


@pytest.fixture
def office(sql_db: peewee.Database) -> Iterator[Office]:
    yield from statistics_office()


def test_chart_series(office: Office) -> None:
    page = service.statistics_page(office["head"], 2569)
    trend = charts.trend_chart(page)
    assert trend.categories[:6] == MONTHS and trend.categories[-1] == "ก.ย. 69"
    assert [s.name for s in trend.series] == ["ปีงบประมาณ 2569", "ปีงบประมาณ 2568"]
    assert trend.series[0].values == [3, 2, 1] + [0] * 9
    assert trend.series[1].values == [0] * 11 + [1]
    on_time = charts.on_time_chart(page)
    keys = [p.key for p in page.processes]
    # every process on the engine, processes 4 and 5 without cases in this office
    assert keys == ["publication", "support", "data_request", "infrastructure", "development"]
    assert on_time.series[0].values == [50.0, 0.0, 100.0, 0.0, 0.0]
    assert charts.backlog_chart(page).series[0].values == [0, 0, 1, 0, 0]


def test_management_report_reads_back(office: Office) -> None:
    data, name = report.render_management_report(office["head"], 2569)
    assert name.endswith(".pdf")
    text = squash(pdf_text(data))
    for expected in (
        "รายงานผลการดำเนินงานประจำปีงบประมาณพ.ศ.๒๕๖๙",
        "เรื่องที่รับต่อเดือน",
        "ปีงบประมาณ๒๕๖๙",
        "ปีงบประมาณ๒๕๖๘",
        "ร้อยละของเรื่องที่แล้วเสร็จภายในกำหนด",
        "เรื่องค้างดำเนินการณวันที่",
        "๑๑-๒๐วันทำการ",
        "รับเรื่องทั้งสิ้น๖เรื่อง",  # 5 publications and 1 data request
    ):
        assert expected in text, expected
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chart_page = next(p for p in pdf.pages if "เรื่องที่รับต่อเดือน" in (p.extract_text() or ""))
        on_page = chart_page.extract_words()
        # the trend chart's categories: October to September on one line, the years below
        october = next(w for w in on_page if w["text"] == "ต.ค.")
        line = sorted(
            (w for w in on_page if abs(w["top"] - october["top"]) < 1), key=lambda w: w["x0"]
        )
        assert [w["text"] for w in line] == [
            "ต.ค.",
            "พ.ย.",
            "ธ.ค.",
            "ม.ค.",
            "ก.พ.",
            "มี.ค.",
            "เม.ย.",
            "พ.ค.",
            "มิ.ย.",
            "ก.ค.",
            "ส.ค.",
            "ก.ย.",
        ]
        years = sorted(
            (
                w
                for w in on_page
                if 5 < w["top"] - october["top"] < 20 and w["text"] in ("๖๘", "๖๙")
            ),
            key=lambda w: w["x0"],
        )
        assert [w["text"] for w in years] == ["๖๘"] * 3 + ["๖๙"] * 9
        # the bars are vector rectangles: the data-request bar is twice the publication bar, and
        # each carries its value label just above it (publications 50 %, data requests 100 %)
        green = [
            r
            for r in chart_page.rects
            if r.get("non_stroking_color")
            and _close(r["non_stroking_color"], (0.235, 0.604, 0.373))
        ]
        bars = sorted(green, key=lambda r: r["x0"])
        labels = [w for w in on_page if w["text"] in ("๕๐.๐๐", "๑๐๐.๐๐")]
        on_bars = [
            [
                w["text"]
                for w in labels
                if w["x0"] < (bar["x0"] + bar["x1"]) / 2 < w["x1"]
                and bar["top"] - 25 < w["top"] < bar["bottom"]
            ]
            for bar in bars
        ]
        assert on_bars == [["๕๐.๐๐"], ["๑๐๐.๐๐"]]
        heights = sorted(round(r["height"], 1) for r in green)
        assert len(heights) == 2 and abs(heights[1] - 2 * heights[0]) < 0.5


def _close(colour: object, rgb: tuple[float, float, float]) -> bool:
    values = list(colour) if isinstance(colour, (list, tuple)) else []
    return len(values) == 3 and all(abs(a - b) < 0.01 for a, b in zip(values, rgb, strict=True))


def test_workbook_has_the_figures_and_native_charts(office: Office) -> None:
    data, name = report.render_workbook(office["head"], 2569)
    assert name.endswith(".xlsx")
    book = load_workbook(io.BytesIO(data))
    trend = book["แนวโน้มรายเดือน"]
    rows = list(trend.iter_rows(min_row=1, max_row=4, values_only=True))
    assert rows[0] == ("เดือน", "ปีงบประมาณ 2569", "ปีงบประมาณ 2568")
    assert rows[1:] == [("ต.ค. 68", 3, 0), ("พ.ย. 68", 2, 0), ("ธ.ค. 68", 1, 0)]
    assert trend["C13"].value == 1  # September of 2568
    chart = trend._charts[0]
    refs = [s.val.numRef.f for s in chart.series]
    assert refs == ["'แนวโน้มรายเดือน'!$B$2:$B$13", "'แนวโน้มรายเดือน'!$C$2:$C$13"]
    summary = book["สรุปตามกระบวนงาน"]
    first = [c.value for c in summary[2]]
    assert first[1:7] == [5, 4, 2, 50.0, 1, 8]
    assert summary._charts[0].series[0].val.numRef.f == "'สรุปตามกระบวนงาน'!$E$2:$E$6"


def test_output_must_be_pdf_or_xlsx(office: Office, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        report.write_statistics(office["head"], 2569, tmp_path / "report.docx")
    assert not (tmp_path / "report.docx").exists()


def _run(*args: str, config_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ICTDESK_CONFIG_DIR=str(config_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_command_line(sqlite_db: peewee.Database, tmp_path: Path) -> None:
    for _ in statistics_office():
        pass
    url = sqlite_db.test_url  # type: ignore[attr-defined]
    dbmod.close_db()
    pdf, xlsx = tmp_path / "stats.pdf", tmp_path / "stats.xlsx"
    done = _run(
        "--database",
        url,
        "statistics",
        "--fiscal-year",
        "2569",
        "--output",
        str(pdf),
        config_dir=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "เรื่องที่รับต่อเดือน" in squash(pdf_text(pdf.read_bytes()))
    done = _run(
        "--database",
        url,
        "statistics",
        "--fiscal-year",
        "๒๕๖๙",
        "--output",
        str(xlsx),
        config_dir=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert load_workbook(xlsx)["สรุปตามกระบวนงาน"]["B2"].value == 5
    for bad, message in (
        (("--fiscal-year", "2025", "--output", str(pdf)), "ปีงบประมาณ"),
        (("--fiscal-year", "สองห้า", "--output", str(pdf)), "ปีงบประมาณ"),
        (("--fiscal-year", "2569", "--output", str(tmp_path / "x.txt")), ".pdf หรือ .xlsx"),
    ):
        done = _run("--database", url, "statistics", *bad, config_dir=tmp_path)
        assert done.returncode == 1 and message in done.stderr, done.stderr


def test_workbook_text_is_never_a_formula() -> None:
    from reports.workbook import Sheet, workbook_bytes

    data = workbook_bytes(
        [Sheet("หน่วยงาน", ["หน่วยงาน", "รับ"], [['=HYPERLINK("x")', 1], ["ก\x00ข", 2]])]
    )
    sheet = load_workbook(io.BytesIO(data))["หน่วยงาน"]
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == '=HYPERLINK("x")'
    assert sheet["A2"].quotePrefix
    assert sheet["A3"].value == "ก\u2400ข" and sheet["B3"].value == 2
