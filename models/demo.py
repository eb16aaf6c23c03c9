"""A realistic demo office (``python main.py demo``), clearly marked as demo data.

The core seeds the organisation, work groups, people, units, signatories, committees and vendors.
Each process adds its own records with ``@demo_seeder``; ``DEMO_MODULES`` lists the modules that
declare seeders so the command finds them all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from models import calendar, clock, numbering, records
from models.db import database
from models.errors import ValidationError
from models.i18n import _
from models.org import (
    CommitteeKind,
    CommitteeRole,
    Organisation,
    Signatory,
    Unit,
    Vendor,
    WorkGroup,
    WorkGroupCode,
)
from models.permissions import Role
from models.users import User, create_user

DEMO_PASSWORD = "demo1234"
DEMO_MODULES: list[str] = [  # process modules that declare @demo_seeder functions
    "models.publication.demo",
    "models.data_request.demo",
    "models.support.demo",
    "models.infrastructure.demo",
    "models.development.demo",
]


@dataclass
class DemoContext:
    rng: random.Random
    today: dt.date
    users: dict[str, User] = field(default_factory=dict)  # by username
    units: list[Unit] = field(default_factory=list)

    def by_role(self, role: Role) -> list[User]:
        return [u for u in self.users.values() if u.role == role]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    full_name: str


Seeder = Callable[[DemoContext], None]
_SEEDERS: list[tuple[int, str, Seeder]] = []


def demo_seeder(order: int) -> Callable[[Seeder], Seeder]:
    """Register a function that adds a process's demo records (after the core, by ``order``)."""

    def register(fn: Seeder) -> Seeder:
        key = f"{fn.__module__}.{fn.__qualname__}"
        if all(existing != key for _, existing, _ in _SEEDERS):
            _SEEDERS.append((order, key, fn))
        return fn

    return register


PEOPLE: list[tuple[str, Role, str, str, str]] = [
    # username, role, name, position, group
    ("admin", Role.ADMIN, "นายธนากร ศรีสวัสดิ์", "นักวิชาการคอมพิวเตอร์ (ผู้ดูแลระบบ)", "support"),
    ("head", Role.HEAD, "นางสาวพรทิพย์ วงศ์สุวรรณ", "หัวหน้าภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร", ""),
    ("support_head", Role.GROUP_HEAD, "นายวีระพงษ์ แก้วมณี", "หัวหน้างานระบบสนับสนุน", "support"),
    ("eval_head", Role.GROUP_HEAD, "นางกาญจนา ทองดี", "หัวหน้างานระบบการประเมิน", "evaluation"),
    ("somchai", Role.STAFF, "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", "support"),
    ("suda", Role.STAFF, "นางสาวสุดา รักษ์ไทย", "นักวิชาการคอมพิวเตอร์", "support"),
    ("anan", Role.STAFF, "นายอนันต์ บุญมา", "เจ้าหน้าที่ระบบงานคอมพิวเตอร์", "support"),
    ("pim", Role.STAFF, "นางสาวพิมพ์ชนก สายทอง", "นักวิชาการคอมพิวเตอร์", "support"),
    ("kittisak", Role.STAFF, "นายกิตติศักดิ์ มั่นคง", "เจ้าหน้าที่ระบบงานคอมพิวเตอร์", "support"),
    ("nattaya", Role.STAFF, "นางสาวณัฐธยา ประเสริฐ", "นักวิชาการคอมพิวเตอร์", "evaluation"),
    ("prasert", Role.STAFF, "นายประเสริฐ ชัยมงคล", "นักวิเคราะห์ระบบ", "evaluation"),
    ("warunee", Role.STAFF, "นางวารุณี ศรีประเสริฐ", "นักวิชาการคอมพิวเตอร์", "evaluation"),
    ("teerapat", Role.STAFF, "นายธีรภัทร อินทร์แก้ว", "นักพัฒนาระบบ", "evaluation"),
    ("viewer", Role.VIEWER, "นางสาวจันทร์เพ็ญ มีสุข", "เจ้าหน้าที่บริหารทั่วไป", ""),
]

UNITS = [
    ("สำนักผู้อำนวยการ", "สผอ."),
    ("สำนักนโยบายและแผน", "สนผ."),
    ("สำนักบริหารกลาง", "สบก."),
    ("งานบริหารทั่วไป", "บท."),
    ("งานบัญชีและการเงิน", "บง."),
    ("งานพัสดุ", "พด."),
    ("งานทรัพยากรบุคคล", "ทบ."),
    ("งานนิติการ", "นต."),
    ("งานตรวจสอบภายใน", "ตส."),
    ("งานประชาสัมพันธ์", "ปชส."),
    ("งานสื่อสารองค์กร", "สอ."),
    ("งานประชุมและพิธีการ", "ปพ."),
    ("สำนักรับรองมาตรฐานการศึกษาขั้นพื้นฐาน", "รพฐ."),
    ("สำนักรับรองมาตรฐานการอาชีวศึกษา", "รอศ."),
    ("สำนักรับรองมาตรฐานการอุดมศึกษา", "รอม."),
    ("สำนักรับรองมาตรฐานการศึกษาปฐมวัย", "รปว."),
    ("สำนักพัฒนาระบบการประเมิน", "พรป."),
    ("สำนักวิจัยและพัฒนา", "วพ."),
    ("สำนักพัฒนาผู้ประเมินภายนอก", "พผป."),
    ("งานทะเบียนผู้ประเมินภายนอก", "ทผป."),
    ("งานติดตามและประเมินผล", "ตปผ."),
    ("งานยุทธศาสตร์", "ยศ."),
    ("งานงบประมาณ", "งป."),
    ("งานความร่วมมือระหว่างประเทศ", "ครป."),
    ("งานมาตรฐานและตัวบ่งชี้", "มตบ."),
    ("งานสารบรรณ", "สบ."),
    ("งานอาคารสถานที่", "อส."),
    ("งานยานพาหนะ", "ยพ."),
    ("งานคุ้มครองข้อมูลส่วนบุคคล", "คข."),
    ("ศูนย์ข้อมูลการประกันคุณภาพ", "ศปค."),
]

VENDORS = [
    ("บริษัท ไทยเน็ตเวิร์ค โซลูชั่น จำกัด", "0105556012345", "คุณวิชัย พงษ์ไพร"),
    ("บริษัท ดาต้าเซ็นเตอร์ เซอร์วิส จำกัด", "0105557023456", "คุณอรุณี แสงทอง"),
    ("บริษัท ซอฟต์แวร์ไทย พัฒนา จำกัด", "0105558034567", "คุณภานุวัฒน์ ดีเลิศ"),
    ("ห้างหุ้นส่วนจำกัด คอมพิวเตอร์ซัพพลาย", "0103559045678", "คุณสมศรี นาคสวัสดิ์"),
]


def demo_logins() -> list[DemoLogin]:
    return [DemoLogin(u, r, n) for u, r, n, _, _ in PEOPLE]


def database_is_empty() -> bool:
    return not User.select().exists() and not Organisation.select().exists()


def is_demo_database() -> bool:
    org = Organisation.select().order_by(Organisation.id).first()
    return bool(org and org.is_demo)


def seed_demo(*, today: dt.date | None = None, seed: int = 2569) -> list[DemoLogin]:
    """Fill an empty database with the demo office. Refuses a database that already holds data."""
    for module in DEMO_MODULES:
        importlib.import_module(module)
    if not database_is_empty():
        raise ValidationError(
            _("ฐานข้อมูลนี้มีข้อมูลอยู่แล้ว จึงไม่เพิ่มข้อมูลตัวอย่าง (ใช้ฐานข้อมูลว่างสำหรับข้อมูลตัวอย่าง)")
        )
    ctx = DemoContext(rng=random.Random(seed), today=today or clock.today())
    with database.atomic():
        _seed_core(ctx)
        for _order, _key, seeder in sorted(_SEEDERS, key=lambda s: (s[0], s[1])):
            seeder(ctx)
    return demo_logins()


def _seed_core(ctx: DemoContext) -> None:
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
        website="www.example.go.th",
        is_demo=True,
    )
    groups = {
        WorkGroupCode.SUPPORT: records.create(
            None, WorkGroup, code=WorkGroupCode.SUPPORT, name="งานระบบสนับสนุน", short_name="จรส."
        ),
        WorkGroupCode.EVALUATION: records.create(
            None,
            WorkGroup,
            code=WorkGroupCode.EVALUATION,
            name="งานระบบการประเมิน",
            short_name="จรป.",
        ),
    }
    for username, role, name, position, group in PEOPLE:
        ctx.users[username] = create_user(
            None,
            username,
            name,
            role,
            DEMO_PASSWORD,
            position=position,
            work_group=groups[WorkGroupCode(group)] if group else None,
            email=f"{username}@example.go.th",
        )
    for name, short in UNITS:
        ctx.units.append(records.create(None, Unit, name=name, short_name=short, phone="๑๒๐๐"))
    records.create(
        None,
        Signatory,
        title="ผู้อำนวยการ",
        full_name="ศาสตราจารย์ ดร.สมศักดิ์ วิทยาพัฒน์",
        position="ผู้อำนวยการสำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา",
        sort_order=1,
    )
    records.create(
        None,
        Signatory,
        title="รองผู้อำนวยการ (ในกำกับ)",
        full_name="รองศาสตราจารย์ ดร.มาลินี ศรีสุข",
        position="รองผู้อำนวยการสำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา",
        sort_order=2,
    )
    _seed_committees(ctx)
    for name, tax_id, contact in VENDORS:
        records.create(
            None,
            Vendor,
            name=name,
            tax_id=tax_id,
            contact_person=contact,
            phone="๐ ๒๑๒๓ ๔๕๖๗",
            address="กรุงเทพมหานคร",
        )
    for kind, values in numbering.DEFAULT_SERIES.items():
        numbering.save_series(None, kind, **values)


def _seed_committees(ctx: DemoContext) -> None:
    from models.office import save_committee

    staff = ctx.by_role(Role.STAFF)
    plans = [
        (CommitteeKind.SCOPE, "คณะกรรมการจัดทำขอบเขตของงานระบบเครือข่าย ปีงบประมาณ ๒๕๗๐"),
        (CommitteeKind.PROCUREMENT, "คณะกรรมการจัดซื้อจัดจ้างระบบสารสนเทศเพื่อการประเมิน"),
        (CommitteeKind.INSPECTION, "คณะกรรมการตรวจรับพัสดุระบบสารสนเทศเพื่อการประเมิน"),
    ]
    for index, (kind, name) in enumerate(plans):
        chosen = [ctx.users["eval_head"], *staff[index * 2 : index * 2 + 2]]
        roles = [CommitteeRole.CHAIR, CommitteeRole.MEMBER, CommitteeRole.SECRETARY]
        save_committee(
            None,
            None,
            [
                {"full_name": u.full_name, "position": u.position, "role": r, "user_id": u.id}
                for u, r in zip(chosen, roles, strict=True)
            ],
            name=name,
            kind=kind,
            order_ref=f"คำสั่ง สมศ. ที่ {index + 101}/๒๕๖๙",
            appointed_on=ctx.today - dt.timedelta(days=60 + index * 10),
        )


# ---------------------------------------------------------------------------------------------
# Helpers for the processes' seeders: replaying past office days


@contextlib.contextmanager
def on_day(day: dt.date, hour: int = 10, minute: int = 0) -> Iterator[None]:
    """Make the moves in the block on ``day`` (restores the real clock after)."""
    saved = clock._now  # the demo replays past days; restored below
    moment = dt.datetime.combine(day, dt.time(hour, minute))
    clock.set_clock(lambda: moment)
    try:
        yield
    finally:
        clock.set_clock(saved)


def working_days_back(today: dt.date, n: int) -> dt.date:
    """The working day ``n`` working days before ``today`` (0: today or the last working day)."""
    day = today
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    while n > 0:
        day -= dt.timedelta(days=1)
        if calendar.is_working_day(day):
            n -= 1
    return day


def later(day: dt.date, n: int) -> dt.date:
    return calendar.add_working_days(day, n)


def tiny_pdf(title: str) -> bytes:
    # A tiny valid PDF with the title in its metadata: enough to open in a viewer.
    safe = title.encode("utf-8").hex()
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"3 0 obj<</Title<" + safe.encode() + b">>>endobj\n"
        b"trailer<</Root 1 0 R/Info 3 0 R>>\n%%EOF\n"
    )
