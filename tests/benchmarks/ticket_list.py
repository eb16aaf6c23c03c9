"""Ticket and asset list figures (a script, never a test):

    .venv/bin/python tests/benchmarks/ticket_list.py [--tickets 100000] [--assets 20000] [--repeat 30]

Builds 20,000 assets and 100,000 repair tickets (with their cases, some loans) by bulk insert in a
fresh SQLite file and a fresh PostgreSQL schema, then times what the window does: the ticket list's
first page (50 rows, newest first, with its total), the same list filtered by free text (asset
numbers, serial numbers, requester names, Paperless numbers: each search a different string), the
asset register's first page and free-text filter, and the service-problem register's first page.
Prints the median and the 95th percentile of each. Targets: first page ≤ 200 ms, filter ≤ 50 ms p95.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import peewee  # noqa: E402

from models import clock  # noqa: E402
from models import db as dbmod  # noqa: E402
from models.engine import Case, CaseFilter  # noqa: E402
from models.org import Unit  # noqa: E402
from models.permissions import Role  # noqa: E402
from models.support import assets, tickets  # noqa: E402
from models.support.assets import Asset, AssetFilter, AssetKind, AssetStatus  # noqa: E402
from models.support.loans import Loan  # noqa: E402
from models.support.service_register import ServiceFilter, service_page  # noqa: E402
from models.support.tickets import RepairTicket, TicketFilter  # noqa: E402
from models.users import User, create_user, use_fast_hashing_for_tests  # noqa: E402
from reports.thaifmt import fiscal_year  # noqa: E402

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
TODAY = dt.date(2026, 11, 23)
NAMES = ["สมชาย", "สุดา", "วิไลวรรณ", "ประยุทธ", "กนกวรรณ", "ธีระ", "ปวีณา", "อภิชาติ", "จิราพร", "วรวุฒิ"]
SURNAMES = ["ใจดี", "รักษ์ไทย", "แสงจันทร์", "มั่นคง", "ใจงาม", "วงศ์ใหญ่", "รุ่งเรือง", "พรหมมา"]
TITLES = ["เครื่องเปิดไม่ติด", "อินเทอร์เน็ตใช้งานไม่ได้", "เครื่องพิมพ์กระดาษติด", "ลืมรหัสผ่าน",
          "ติดตั้งโปรแกรม", "จอภาพไม่แสดงผล", "เครื่องช้ามาก", "ไวรัสแจ้งเตือน"]  # fmt: skip


def build(n_assets: int, n_tickets: int, seed: int = 7) -> dict[str, list[str]]:
    """Bulk-load the office; returns sample search strings."""
    rng = random.Random(seed)
    use_fast_hashing_for_tests()
    staff = create_user(None, "bench", "นายทดสอบ ความเร็ว", Role.STAFF, "password123")
    units = [Unit.create(name=f"หน่วยงานทดสอบ {i}", short_name=f"ทด{i}.") for i in range(30)]
    categories = tickets.categories()
    assets.ensure_default_categories()
    now = clock.now()
    samples: dict[str, list[str]] = {"number": [], "serial": [], "name": [], "paperless": []}
    asset_rows = []
    for i in range(n_assets):
        number = f"7440-{1 + i % 9:03d}-{i:05d}/{65 + i % 5}"
        serial = f"SN{rng.randint(10**8, 10**9 - 1)}"
        custodian = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}"
        values = {
            "kind": AssetKind.HARDWARE if i % 10 else AssetKind.NETWORK,
            "number": number,
            "number_key": number,
            "name": "เครื่องคอมพิวเตอร์ตั้งโต๊ะ" if i % 3 else "เครื่องคอมพิวเตอร์โน้ตบุ๊ก",
            "serial_number": serial,
            "custodian_name": custodian,
            "custodian_unit": units[i % len(units)].id,
            "location": f"อาคาร {i % 3 + 1} ชั้น {i % 8 + 1}",
            "status": AssetStatus.LOANER_POOL if i < 50 else AssetStatus.IN_USE,
            "created_at": now,
            "modified_at": now,
        }
        values["search_text"] = assets.search_text_for(values)
        asset_rows.append(values)
        if i % 997 == 0:
            samples["number"].append(number[5:13])
            samples["serial"].append(serial[:8].lower())
    with dbmod.database.atomic():
        for start in range(0, len(asset_rows), 1000):
            Asset.insert_many(asset_rows[start : start + 1000]).execute()
    asset_ids = [a.id for a in Asset.select(Asset.id)]
    numbers = {
        a.id: (a.number, a.serial_number)
        for a in Asset.select(Asset.id, Asset.number, Asset.serial_number)
    }
    seq_by_year: dict[int, int] = {}
    case_rows = []
    for i in range(n_tickets):
        received = TODAY - dt.timedelta(days=int(i * 1500 / n_tickets))
        fy = fiscal_year(received)
        seq_by_year[fy] = seq_by_year.get(fy, 0) + 1
        closed = received < TODAY - dt.timedelta(days=10)
        due = received + dt.timedelta(days=3)
        case_rows.append(
            {
                "process": tickets.PROCESS_KEY,
                "fiscal_year": fy,
                "seq": seq_by_year[fy],
                "number": f"ซ.{seq_by_year[fy]}/{fy}",
                "title": rng.choice(TITLES),
                "requester": f"{rng.choice(NAMES)} {rng.choice(SURNAMES)} (ทด{i % 30}.)",
                "received_on": received,
                "current_step": "notify" if closed else rng.choice(["assign", "repair", "notify"]),
                "status": "closed" if closed else "open",
                "result": "completed" if closed else "",
                "assignee_id": staff.id,
                "holder_roles": ",staff,group_head,head,",
                "allowed_days": 3,
                "due_on": due,
                "closed_on": received + dt.timedelta(days=rng.randint(0, 5)) if closed else None,
                "created_at": now,
                "modified_at": now,
            }
        )
    with dbmod.database.atomic():
        for start in range(0, len(case_rows), 1000):
            Case.insert_many(case_rows[start : start + 1000]).execute()
    ticket_rows = []
    for case_id, requester, number, title in Case.select(
        Case.id, Case.requester, Case.number, Case.title
    ).tuples():
        asset_id = rng.choice(asset_ids)
        paperless = f"ทด {rng.randint(100, 9999)}/2569"
        if case_id % 4999 == 0:
            samples["name"].append(requester.split()[0])
            samples["paperless"].append(paperless)
        ticket_rows.append(
            {
                "case": case_id,
                "paperless_no": paperless,
                "unit": units[case_id % len(units)].id,
                "requester_name": requester,
                "asset": asset_id,
                "category": categories[case_id % len(categories)].id,
                "description": "รายละเอียดของปัญหาที่แจ้งมา",
                "deadline_days": 3,
                "deadline_category": categories[case_id % len(categories)].id,
                "estimate_days": 1,
                "search_text": assets.normalise_search(
                    " ".join([number, title, requester, paperless, *numbers[asset_id]])
                ),
                "created_at": now,
                "modified_at": now,
            }
        )
    with dbmod.database.atomic():
        for start in range(0, len(ticket_rows), 1000):
            RepairTicket.insert_many(ticket_rows[start : start + 1000]).execute()
        loans = [
            {
                "loaner": asset_ids[i],
                "borrower_name": "ผู้ยืมทดสอบ",
                "lent_on": TODAY - dt.timedelta(days=i),
                "due_back": TODAY - dt.timedelta(days=i - 3),
                "created_at": now,
                "modified_at": now,
            }
            for i in range(50)
        ]
        Loan.insert_many(loans).execute()
    db = dbmod.database.obj
    if isinstance(db, peewee.PostgresqlDatabase):
        db.execute_sql("ANALYZE")
    else:
        db.execute_sql("ANALYZE")
    return samples


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def measure(fn: Callable[[int], object], repeat: int) -> tuple[float, float]:
    fn(0)  # warm the connection and caches once
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), percentile(times, 95)


def run(label: str, url: str, args: argparse.Namespace) -> list[tuple[str, str, float, float]]:
    dbmod.init_db(url)
    clock.set_clock(lambda: dt.datetime.combine(TODAY, dt.time(10)))
    started = time.perf_counter()
    samples = build(args.assets, args.tickets)
    print(
        f"[{label}] loaded {args.assets} assets and {args.tickets} tickets in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    actor = User.get(User.username == "bench")
    texts = [t for values in samples.values() for t in values]
    print(f"[{label}] {len(texts)} different search strings, e.g. {texts[:4]}", flush=True)
    results = []

    def ticket_first(_i: int) -> object:
        page = tickets.ticket_page(actor, TicketFilter(), "received_on", True, 0, 50)
        assert page.total == args.tickets and len(page.rows) == 50
        return page

    def ticket_filter(i: int) -> object:
        return tickets.ticket_page(
            actor,
            TicketFilter(case=CaseFilter(text=texts[i % len(texts)])),
            "received_on",
            True,
            0,
            50,
        )

    def ticket_open(_i: int) -> object:
        return tickets.ticket_page(
            actor, TicketFilter(case=CaseFilter(open_only=True)), "due_on", False, 0, 50
        )

    def asset_first(_i: int) -> object:
        return assets.asset_page(AssetFilter(), "number", False, 0, 100)

    def asset_filter(i: int) -> object:
        return assets.asset_page(AssetFilter(text=texts[i % len(texts)]), "number", False, 0, 100)

    def register_first(_i: int) -> object:
        return service_page(actor, ServiceFilter(), True, 0, 100)

    for name, fn in [
        ("ticket list, first page", ticket_first),
        ("ticket list, free-text filter", ticket_filter),
        ("ticket list, open ones by due date", ticket_open),
        ("asset register, first page", asset_first),
        ("asset register, free-text filter", asset_filter),
        ("service-problem register, first page", register_first),
    ]:
        median, p95 = measure(fn, args.repeat)
        results.append((label, name, median, p95))
        print(f"[{label}] {name:<40} median {median:7.1f} ms   p95 {p95:7.1f} ms", flush=True)
    dbmod.close_db()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--assets", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    results = []
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            results += run("SQLite", dbmod.sqlite_url(Path(tmp) / "bench.sqlite3"), args)
    if args.only in (None, "postgresql"):
        schema = "bench_" + uuid.uuid4().hex[:12]
        admin = dbmod.make_database(dbmod.parse_url(PG_URL))
        try:
            admin.connect()
        except peewee.OperationalError as exc:
            print(f"PostgreSQL at {PG_URL} is unreachable: {exc}")
        else:
            admin.execute_sql(f'CREATE SCHEMA "{schema}"')
            try:
                results += run(
                    "PostgreSQL",
                    dbmod.url_with_query(PG_URL, options=f"-csearch_path={schema},public"),
                    args,
                )
            finally:
                admin.execute_sql(f'DROP SCHEMA "{schema}" CASCADE')
                admin.close()
    print()
    print("| Database | What | Median | p95 |")
    print("|---|---|---|---|")
    for label, name, median, p95 in results:
        print(f"| {label} | {name} | {median:.1f} ms | {p95:.1f} ms |")


if __name__ == "__main__":
    main()
