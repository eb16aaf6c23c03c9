"""A small office for process tests: the organisation, the two work groups, the people who do each
step, requesting units and the named signatories."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber

from models import numbering, records
from models.org import Organisation, Signatory, Unit, WorkGroup, WorkGroupCode
from models.permissions import Role
from models.users import User, create_user


@dataclass
class Office:
    users: dict[str, User]
    units: list[Unit]
    director: Signatory
    deputy: Signatory

    def __getitem__(self, name: str) -> User:
        return self.users[name]


def make_office() -> Office:
    records.create(
        None,
        Organisation,
        name="สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา (องค์การมหาชน)",
        short_name="สมศ.",
        division="สำนักสนับสนุนการปฏิบัติงาน",
        mission="ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร",
        mission_short="ภทส.",
        address="เลขที่ ๑๒๘ ถนนพญาไท แขวงทุ่งพญาไท เขตราชเทวี กรุงเทพมหานคร ๑๐๔๐๐",
        phone="๐ ๒๒๑๖ ๓๙๕๕",
        fax="๐ ๒๒๑๖ ๕๐๔๓",
        email="ict@example.go.th",
    )
    support = records.create(None, WorkGroup, code=WorkGroupCode.SUPPORT, name="งานระบบสนับสนุน")
    evaluation = records.create(
        None, WorkGroup, code=WorkGroupCode.EVALUATION, name="งานระบบการประเมิน"
    )
    people = [
        ("head", Role.HEAD, "นางสาวพรทิพย์ วงศ์สุวรรณ", "หัวหน้าภารกิจเทคโนโลยีสารสนเทศฯ", None),
        ("support_head", Role.GROUP_HEAD, "นายวีระพงษ์ แก้วมณี", "หัวหน้างานระบบสนับสนุน", support),
        ("eval_head", Role.GROUP_HEAD, "นางกาญจนา ทองดี", "หัวหน้างานระบบการประเมิน", evaluation),
        ("somchai", Role.STAFF, "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", support),
        ("suda", Role.STAFF, "นางสาวสุดา รักษ์ไทย", "นักวิชาการคอมพิวเตอร์", support),
        ("viewer", Role.VIEWER, "นางสาวจันทร์เพ็ญ มีสุข", "เจ้าหน้าที่บริหารทั่วไป", None),
        ("sysadmin", Role.ADMIN, "นายธนากร ศรีสวัสดิ์", "ผู้ดูแลระบบ", support),
    ]
    users = {
        username: create_user(
            None, username, name, role, "password123", position=position, work_group=group
        )
        for username, role, name, position, group in people
    }
    units = [
        records.create(None, Unit, name=name, short_name=short)
        for name, short in (("งานประชาสัมพันธ์", "ปชส."), ("สำนักนโยบายและแผน", "สนผ."))
    ]
    director = records.create(
        None,
        Signatory,
        title="ผู้อำนวยการ",
        full_name="ศาสตราจารย์ ดร.สมศักดิ์ วิทยาพัฒน์",
        position="ผู้อำนวยการสำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา",
        sort_order=1,
    )
    deputy = records.create(
        None,
        Signatory,
        title="รองผู้อำนวยการ (ในกำกับ)",
        full_name="รองศาสตราจารย์ ดร.มาลินี ศรีสุข",
        position="รองผู้อำนวยการสำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา",
        sort_order=2,
    )
    for kind, values in numbering.DEFAULT_SERIES.items():
        if kind in {"outgoing_letter", "memo"}:
            numbering.save_series(None, kind, **values)
    return Office(users, units, director, deputy)


def pdf_text(data: bytes) -> str:
    """All the text of a PDF, pages joined, as pdfplumber extracts it."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def squash(text: str) -> str:
    """Text without spaces or line breaks (Thai lines break and justify between words)."""
    return "".join(text.split())


def pdf_table_rows(data: bytes) -> list[list[str]]:
    """Every row of every ruled table in the PDF, each cell's lines joined without spaces."""
    rows: list[list[str]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows.extend([squash(cell or "") for cell in row] for row in table)
    return rows
