"""Process 2's documents read back: the loaner slips (both signature lines), the label sheet (text
and the QR codes decoded), and the maintenance report memo's figures and tables."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from models import clock
from models.errors import ValidationError
from models.support import documents as support_documents
from models.support import loans, maintenance
from models.support.tickets import PROCESS
from reports.labels import SHEETS, AssetLabel, qr_geometry, qr_matrix, render_labels
from reports.thaifmt import thai_digits
from tests import support_office
from tests.unit.reports_helpers import pdftotext, squash


@pytest.fixture
def office(sqlite_db):
    return support_office.walk(support_office.build())


def test_handover_and_return_slips(office) -> None:
    loan = loans.Loan.select().order_by(loans.Loan.id).first()
    out_pdf, name = support_documents.handover_slip(office.staff, loan.id)
    assert name.endswith(".pdf")
    text = squash(pdftotext(out_pdf))
    for piece in (
        "ใบส่งมอบเครื่องคอมพิวเตอร์ทดแทน",
        "๗๔๔๐-๐๐๑-๐๐๙๑/๖๕",
        "โน้ตบุ๊กสำรอง๑",
        "ผู้ส่งมอบ",
        "ผู้รับมอบ(ผู้ยืม)",
        "(นายสมชายใจดี)",
        "(นางสาวสุดารักษ์ไทย)",
        "๑๐เมษายน๒๕๖๙",
        "๑๗เมษายน๒๕๖๙",
        "ซ.๑/๒๕๖๙",
    ):
        assert squash(piece) in text, piece
    in_pdf, _name = support_documents.return_slip(office.staff, loan.id)
    text = squash(pdftotext(in_pdf))
    for piece in ("ใบรับคืนเครื่องคอมพิวเตอร์ทดแทน", "ผู้ส่งคืน(ผู้ยืม)", "ผู้รับคืน", "ครบถ้วน"):
        assert squash(piece) in text, piece


def test_return_slip_needs_a_return(office) -> None:
    out = loans.active_loan_for_ticket(office.tickets["loaner_out"].id)
    with pytest.raises(ValidationError):
        support_documents.return_slip(office.staff, out.id)


def test_ticket_printables_follow_the_loans(office) -> None:
    from models.engine import get_case
    from models.support.tickets import ticket_for_case

    slips = {p.key: p for p in PROCESS.printables}
    lent = get_case(office.tickets["loaner_out"].case_id)
    fresh = get_case(office.tickets["new"].case_id)
    assert slips["handover_slip"].available(lent, ticket_for_case(lent.id))
    assert not slips["return_slip"].available(lent, ticket_for_case(lent.id))
    assert not slips["handover_slip"].available(fresh, ticket_for_case(fresh.id))
    pdf, _name = slips["handover_slip"].render(office.staff, lent)
    assert "โน้ตบุ๊กสำรอง" in pdftotext(pdf)


def _module_grid(
    png: Image.Image, x: float, y: float, side: float, page_h: float, n: int, dpi: int
) -> list[list[bool]]:
    """Sample the centre of each module of a QR code drawn at (x, y, side) points."""
    scale = dpi / 72.0
    count = n + 4  # two quiet-zone modules each side
    module = side / count
    grey = png.convert("L")
    grid = []
    for r in range(n):
        row = []
        for c in range(n):
            px = (x + (c + 2.5) * module) * scale
            py = (page_h - (y + side - (r + 2.5) * module)) * scale
            row.append(grey.getpixel((int(px), int(py))) < 128)
        grid.append(row)
    return grid


def test_label_sheet_text_and_qr_codes(office, tmp_path: Path) -> None:
    pdf, _name = support_documents.asset_labels(office.staff, [a.id for a in office.pcs])
    text = squash(pdftotext(pdf))
    assert "๗๔๔๐-๐๐๑-๐๐๐๑/๖๕" in text and "คอมพิวเตอร์ตั้งโต๊ะDellOptiPlex" in text
    path = tmp_path / "labels.pdf"
    path.write_bytes(pdf)
    dpi = 200
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png")))
    sheet = SHEETS[next(iter(SHEETS))]
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page_h = doc.pages[0].height
    for index, asset in enumerate(sorted(office.pcs, key=lambda a: a.number_key)):
        expected = qr_matrix(asset.number_key)
        x, y, side = qr_geometry(sheet, index)
        assert _module_grid(image, x, y, side, page_h, len(expected), dpi) == expected
    if shutil.which("zbarimg"):
        found = subprocess.run(
            ["zbarimg", "-q", "--raw", str(next(tmp_path.glob("p*.png")))],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        assert sorted(found) == sorted(a.number_key for a in office.pcs)


def test_labels_start_position_and_pages() -> None:
    sheet = SHEETS[next(iter(SHEETS))]
    labels = [AssetLabel(f"A-{i}", f"ชื่อ {i}", f"A-{i}") for i in range(30)]
    pdf = render_labels(labels, sheet, start_at=20, thai_digits=False)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == 3  # 5 on the first sheet, 24 on the second, 1 on the third
        first = doc.pages[0].extract_text()
        assert "A-0" in first and "A-4" in first and "A-5" not in first
    with pytest.raises(ValueError):
        render_labels(labels, sheet, start_at=25)


def test_maintenance_report_memo_figures(office) -> None:
    start, end = dt.date(2026, 1, 1), dt.date(2026, 4, 30)
    items = maintenance.occurrences(start=start, end=end)
    figures = maintenance.plan_figures(items)
    pdf, _name = support_documents.maintenance_report(office.staff, start, end)
    text = squash(pdftotext(pdf))
    assert "บันทึกข้อความ" in text and "รายงานผลการบำรุงรักษา" in text
    expected = thai_digits(
        f"มีงานตามแผน{figures.planned}ครั้งถึงกำหนดแล้ว{figures.planned - figures.not_yet_due}ครั้ง"
        f"ดำเนินการแล้ว{figures.done}ครั้ง"
    )
    assert expected in text
    assert figures.done == 2 and figures.with_issues == 1
    assert "พัดลมระบาย" in text  # the finding (wrapped inside its cell)
    assert "ความเห็นของหน.ภทส." in text
    with pytest.raises(ValidationError):
        support_documents.maintenance_report(office.staff, end, start)


def test_maintenance_report_tables_keep_words_and_numbers_whole(office) -> None:
    """The plan-versus-done table holds an asset number (one unbreakable word) beside five narrow
    figure columns: its headers and figures wrap between words, never inside one."""
    start, end = dt.date(2025, 10, 1), dt.date(2026, 9, 30)
    backups = maintenance.MaintenanceTask.get(maintenance.MaintenanceTask.asset == office.pcs[0].id)
    for due in maintenance.scheduled_dates(backups, 2569):
        if due <= clock.today():  # every backup check done: a rate of 100.00
            maintenance.record_execution(office.staff, backups, due, done_on=due, result="normal")
    items = maintenance.occurrences(start=start, end=end)
    pdf, _name = support_documents.maintenance_report(office.staff, start, end)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        words = [w["text"] for page in doc.pages for w in page.extract_words()]
    headers = [w for w in words if w.startswith("ลำด")]
    assert headers and set(headers) == {"ลำดับ"}, headers
    assert "ร้อยละ" in words and "ครุภัณฑ์/กลุ่ม" in words
    assert thai_digits(office.pcs[0].number) in words
    for task_id in {o.task_id for o in items}:
        figures = maintenance.plan_figures(o for o in items if o.task_id == task_id)
        due = figures.planned - figures.not_yet_due
        rate = thai_digits(f"{100.0 * figures.done / due:.2f}") if due else "-"
        assert rate in words, rate
