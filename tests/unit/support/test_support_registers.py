"""Process 2's registers and the service-problem register: SQL paging over tickets and maintenance
findings, filters, export to .xlsx, and the printed registers read back."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pdfplumber
import pytest

from models import registers
from models.support import service_register
from models.support.service_register import MAINTENANCE, TICKET, ServiceFilter
from tests import support_office
from tests.unit.reports_helpers import pdftotext, squash


@pytest.fixture
def office(sql_db):
    return support_office.walk(support_office.build())


@pytest.fixture
def printed_office(sqlite_db):
    """Printing does not depend on the backend: one database is enough."""
    return support_office.walk(support_office.build())


def test_service_register_merges_tickets_and_findings(office) -> None:
    page = service_register.service_page(office.staff, ServiceFilter(), True, 0, 100)
    kinds = [e.kind for e in page.rows]
    assert page.total == 5 and kinds.count(TICKET) == 4 and kinds.count(MAINTENANCE) == 1
    days = [e.day for e in page.rows]
    assert days == sorted(days, reverse=True)
    done = next(e for e in page.rows if e.problem.startswith("ฮาร์ดดิสก์เสีย"))
    assert (done.days_taken, done.days_allowed, done.result) == (1, 3, "ภายในกำหนด")
    assert done.cause == "ฮาร์ดดิสก์เสื่อม" and "เปลี่ยนฮาร์ดดิสก์" in done.fix
    late = next(e for e in page.rows if e.problem.startswith("อินเทอร์เน็ต"))
    assert late.result == "เกินกำหนด 3 วันทำการ" and late.unit == "บง."
    finding = next(e for e in page.rows if e.kind == MAINTENANCE)
    assert finding.problem == "พัดลมระบายความร้อนมีเสียงดัง"
    assert finding.asset.startswith("7440-001-0002/65")


def test_service_register_paging_and_filters(office) -> None:
    first = service_register.service_page(office.staff, ServiceFilter(), False, 0, 2)
    rest = service_register.service_page(office.staff, ServiceFilter(), False, 2, 10)
    ids = [(e.kind, e.ref_id) for e in first.rows + rest.rows]
    assert len(ids) == 5 and len(set(ids)) == 5
    by_unit = service_register.service_page(office.staff, ServiceFilter(unit_id=office.unit2.id))
    assert by_unit.total == 1
    by_staff = service_register.service_page(office.staff, ServiceFilter(staff_id=office.other.id))
    assert by_staff.total == 1
    closed = service_register.service_page(
        office.staff, ServiceFilter(closed_only=True, include_maintenance=False)
    )
    assert closed.total == 2
    by_text = service_register.service_page(office.staff, ServiceFilter(text="พัดลม"))
    assert [e.kind for e in by_text.rows] == [MAINTENANCE]
    april = service_register.service_page(
        office.staff, ServiceFilter(start=dt.date(2026, 4, 11), end=dt.date(2026, 4, 30))
    )
    assert april.total == 3


def test_service_register_export(office, tmp_path) -> None:
    path = tmp_path / "problems.xlsx"
    count = service_register.export_service_register(office.staff, ServiceFilter(), path)
    assert count == 5
    rows = [[c.value for c in r] for r in openpyxl.load_workbook(path).active.iter_rows()]
    assert rows[0][0] == "ทะเบียนบันทึกปัญหาการให้บริการสารสนเทศ"
    assert rows[2][:3] == ["ลำดับ", "วันที่รับแจ้ง", "เลขที่"]
    day = openpyxl.load_workbook(path).active.cell(row=4, column=2)
    assert day.is_date and day.value.date() == dt.date(2026, 4, 10)  # shown as 10/04/2569
    assert day.number_format == "[$-107041E]dd/mm/yyyy"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("assets", ["ทะเบียนครุภัณฑ์คอมพิวเตอร์", "๗๔๔๐-๐๐๑-๐๐๐๑/๖๕", "โน้ตบุ๊กสำรอง๒", "เครื่องทดแทน(ให้ยืมอยู่)"]),
        ("service-problems", ["ทะเบียนบันทึกปัญหาการให้บริการสารสนเทศ", "ฮาร์ดดิสก์เสื่อม", "เกินกำหนด๓วันทำการ", "พัดลมระบายความร้อนมีเสียงดัง"]),
        ("loans", ["ทะเบียนการยืมเครื่องทดแทน", "โน้ตบุ๊กสำรอง๑", "คืนแล้ว", "นางสาวสุดารักษ์ไทยงานพัสดุ"]),
        ("maintenance", ["ทะเบียนการบำรุงรักษาเชิงป้องกัน", "ทำความสะอาดและตรวจสภาพเครื่อง", "ดำเนินการแล้ว(ล่าช้า)ผล:พบปัญหา", "เกินกำหนด"]),
    ],
)  # fmt: skip
def test_registers_print_landscape_and_read_back(
    printed_office, name: str, expected: list[str]
) -> None:
    pdf = registers.render_register(name, None, None)
    text = squash(pdftotext(pdf)) + "".join(
        squash(column_text(pdf, name, c.key)) for c in registers.get_register(name).columns
    )
    for piece in expected:
        assert squash(piece) in text, piece
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert all(p.width > p.height for p in doc.pages)


def column_text(pdf: bytes, name: str, key: str) -> str:
    """The text printed in one column of a register, top to bottom over every page (a cell's
    wrapped lines would otherwise interleave with the neighbouring cells'). Column edges come
    from the table's ruled vertical lines."""
    index = [c.key for c in registers.get_register(name).columns].index(key)
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            edges: list[float] = []
            rules = [ln for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 0.5 and ln["height"] > 8]
            for x in sorted(ln["x0"] for ln in rules):
                if not edges or x - edges[-1] > 2:  # a ruled line reads as two close edges
                    edges.append(x)
            if len(edges) <= index + 1:
                continue
            box = (edges[index] + 0.5, 0, edges[index + 1] - 0.5, page.height)
            out.append(page.crop(box).extract_text() or "")
    return "\n".join(out)


def test_asset_numbers_never_wrap_in_the_register(printed_office) -> None:
    pdf = registers.render_register("assets", None, None)
    numbers = column_text(pdf, "assets", "number").split("\n")
    assert "๗๔๔๐-๐๐๑-๐๐๐๑/๖๕" in [n.strip() for n in numbers]


def test_register_names_are_listed(office) -> None:
    names = {d.name for d in registers.all_registers()}
    assert {"assets", "service-problems", "loans", "maintenance"} <= names
