"""Case list figures (a script, never a test):

    .venv/bin/python tests/benchmarks/case_list.py [--cases 100000] [--repeat 15] [--backend both]

Bulk-loads 100,000 publication-request cases (with their process rows; five fiscal years, every
state: mostly closed, some open, overdue, due today, waiting on the requester) into a fresh SQLite
file and a fresh PostgreSQL schema, then times what the window asks for: the list's first page
(50 rows and the total) in each sort order, each filter (state, step, person, fiscal year, free
text: a different string each time), the dashboard's "my work" and overdue-across-processes, and
one case's screen (header, timeline, the user's moves, documents). Prints the median and the 95th
percentile of each. Targets: first page ≤ 200 ms, filters ≤ 200 ms.
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

from models import calendar, clock, text_search  # noqa: E402
from models import db as dbmod  # noqa: E402
from models.engine import (  # noqa: E402
    Case,
    CaseFilter,
    CaseResult,
    CaseState,
    CaseStep,
    list_cases,
    my_work,
    my_work_counts,
)
from models.engine.screens import case_screen  # noqa: E402
from models.i18n import set_language  # noqa: E402
from models.org import Unit  # noqa: E402
from models.permissions import Role  # noqa: E402
from models.publication.process import Publication  # noqa: E402
from models.users import User, create_user, use_fast_hashing_for_tests  # noqa: E402
from reports.thaifmt import fiscal_year, fiscal_year_bounds  # noqa: E402

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
TODAY = dt.date(2026, 11, 23)
STEPS = ["review", "publish", "verify", "notify", "close"]
WORDS = ["ประกาศ", "รายงาน", "ข่าว", "คู่มือ", "แผน", "สรุปผล", "กำหนดการ", "ผลการคัดเลือก"]
TOPICS = ["ผู้ประเมินภายนอก", "ประจำปี", "การประชุม", "จัดซื้อจัดจ้าง", "ไตรมาส", "สัมมนา"]


def build(n_cases: int, seed: int = 11) -> tuple[User, User, list[str]]:
    """Bulk-load the cases; returns a staff member, the head, and search strings to try."""
    rng = random.Random(seed)
    use_fast_hashing_for_tests()
    staff = [
        create_user(None, f"staff{i}", f"เจ้าหน้าที่ทดสอบ {i}", Role.STAFF, "password123")
        for i in range(8)
    ]
    head = create_user(None, "head", "หัวหน้าทดสอบ", Role.HEAD, "password123")
    units = [Unit.create(name=f"หน่วยงานทดสอบ {i}", short_name=f"ทด{i}.") for i in range(30)]
    now = clock.now()
    first = TODAY - dt.timedelta(days=5 * 365)
    span = (TODAY - first).days
    per_fy: dict[int, int] = {}
    searches: list[str] = []
    cases: list[dict[str, object]] = []
    days = sorted(first + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(n_cases))
    for i, received in enumerate(days):
        fy = fiscal_year(received)
        per_fy[fy] = per_fy.get(fy, 0) + 1
        seq = per_fy[fy]
        assignee = staff[i % len(staff)]
        due = calendar.add_working_days(received, 2)
        age = (TODAY - received).days
        title = f"{rng.choice(WORDS)}{rng.choice(TOPICS)} เลขที่ {i}"
        values: dict[str, object] = {
            "version": 3,
            "created_at": now,
            "modified_at": now,
            "process": "publication",
            "fiscal_year": fy,
            "seq": seq,
            "number": f"ผย.{seq}/{fy}",
            "title": title,
            "requester": units[i % len(units)].name,
            "received_on": received,
            "assignee_id": assignee.id,
            "allowed_days": 2,
            "paused_days": 0,
            "due_on": due,
            "holder_roles": "",
            "holder_label": "",
            "search_text": text_search.normalise(
                f"ผย.{seq}/{fy} {title} {units[i % len(units)].name}"
            ),
        }
        if age > 12 or rng.random() < 0.3:
            late = rng.random() < 0.1
            closed = calendar.add_working_days(received, 3 if late else rng.choice([0, 1, 2]))
            values.update(
                current_step="close",
                status="closed",
                result=CaseResult.WITHDRAWN if rng.random() < 0.02 else CaseResult.COMPLETED,
                closed_on=min(closed, TODAY),
            )
        else:
            step = rng.choice(STEPS)
            values.update(current_step=step, status="open", result="")
            if step == "review":
                values["holder_roles"] = ",group_head,head,"
                if rng.random() < 0.3:
                    values["paused_since"] = received
                    values["holder_label"] = f"ผู้ขอ: {values['requester']}"
            else:
                values["holder_user_id"] = assignee.id
                values["holder_roles"] = ",group_head,staff,"
        cases.append(values)
        if i % (n_cases // 40 or 1) == 0:
            searches.append(title.split(" ")[0][:8])
            searches.append(f"ผย.{seq}/{fy}")
    database = dbmod.database
    with database.atomic():
        for start in range(0, len(cases), 1000):
            Case.insert_many(cases[start : start + 1000]).execute()
    ids = [c.id for c in Case.select(Case.id).order_by(Case.id)]
    with database.atomic():
        for start in range(0, len(ids), 1000):
            Publication.insert_many(
                [
                    {
                        "case": case_id,
                        "version": 1,
                        "created_at": now,
                        "modified_at": now,
                        "paperless_no": f"ทด {case_id}/2569",
                    }
                    for case_id in ids[start : start + 1000]
                ]
            ).execute()
            CaseStep.insert_many(
                [
                    {
                        "case": case_id,
                        "at": now,
                        "on_date": TODAY,
                        "step": "register",
                        "outcome": "register",
                        "kind": "done",
                        "to_step": "review",
                        "actor_name": "เจ้าหน้าที่ทดสอบ",
                        "data": "{}",
                    }
                    for case_id in ids[start : start + 1000]
                ]
            ).execute()
    if isinstance(database.obj, peewee.PostgresqlDatabase):
        database.execute_sql("ANALYZE")
    else:
        database.execute_sql("ANALYZE")
    return staff[0], head, searches


def timed(fn: Callable[[int], object], repeat: int) -> tuple[float, float]:
    times = []
    for n in range(repeat):
        start = time.perf_counter()
        fn(n)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95


def run(backend: str, n_cases: int, repeat: int) -> list[tuple[str, float, float]]:
    set_language("th")
    clock.set_clock(lambda: dt.datetime.combine(TODAY, dt.time(10)))
    if backend == "sqlite":
        folder = Path(tempfile.mkdtemp())
        dbmod.init_db(dbmod.sqlite_url(folder / "bench.sqlite3"))
        cleanup: Callable[[], None] = lambda: None  # noqa: E731
    else:
        schema = "bench_" + uuid.uuid4().hex[:10]
        admin = dbmod.make_database(dbmod.parse_url(PG_URL))
        admin.execute_sql(f'CREATE SCHEMA "{schema}"')
        dbmod.init_db(dbmod.url_with_query(PG_URL, options=f"-csearch_path={schema}"))

        def cleanup() -> None:
            dbmod.close_db()
            admin.execute_sql(f'DROP SCHEMA "{schema}" CASCADE')
            admin.close()

    t0 = time.perf_counter()
    staff, head, searches = build(n_cases)
    print(f"[{backend}] loaded {n_cases:,} cases in {time.perf_counter() - t0:.1f} s", flush=True)
    fy_start, fy_end = fiscal_year_bounds(fiscal_year(TODAY) - 1)
    some_case = Case.select(Case.id).where(Case.status == "open").first().id

    def page(
        filters: CaseFilter, sort: str = "received_on", desc: bool = True
    ) -> Callable[[int], object]:
        return lambda _n: list_cases(staff, "publication", filters, sort, desc, 0, 50)

    results: list[tuple[str, float, float]] = []
    checks: list[tuple[str, Callable[[int], object]]] = [
        ("first page, newest first (+ total)", page(CaseFilter())),
        ("first page by number", page(CaseFilter(), "number", False)),
        ("first page by state (most urgent first)", page(CaseFilter(), "state", False)),
        ("first page by due date", page(CaseFilter(), "due_on", False)),
        ("filter: overdue", page(CaseFilter(states=frozenset({CaseState.OVERDUE})))),
        (
            "filter: waiting on the requester",
            page(CaseFilter(states=frozenset({CaseState.WAITING}))),
        ),
        ("filter: done late", page(CaseFilter(states=frozenset({CaseState.DONE_LATE})))),
        ("filter: step = publish", page(CaseFilter(step="publish"))),
        ("filter: person", page(CaseFilter(person_id=staff.id))),
        ("filter: last fiscal year", page(CaseFilter(received_from=fy_start, received_to=fy_end))),
        (
            "filter: free text (a new string each time)",
            lambda n: list_cases(
                staff,
                "publication",
                CaseFilter(text=searches[n % len(searches)]),
                "received_on",
                True,
                0,
                50,
            ),
        ),
        (
            "dashboard: my work (head)",
            lambda _n: (my_work(head, limit=30), my_work_counts(head)),
        ),
        ("filter: person = head (held by role)", page(CaseFilter(person_id=head.id))),
        (
            "dashboard: overdue, all processes",
            lambda _n: list_cases(
                staff,
                None,
                CaseFilter(states=frozenset({CaseState.OVERDUE})),
                "due_on",
                False,
                0,
                30,
            ),
        ),
        ("one case's screen", lambda _n: case_screen(staff, some_case)),
    ]
    for name, fn in checks:
        fn(0)  # warm the cache once, as a user's second look would be
        median, p95 = timed(fn, repeat)
        results.append((name, median, p95))
        print(f"[{backend}] {name:<45} median {median:7.1f} ms   p95 {p95:7.1f} ms", flush=True)
    cleanup()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    table: dict[str, dict[str, tuple[float, float]]] = {}
    for backend in backends:
        for name, median, p95 in run(backend, args.cases, args.repeat):
            table.setdefault(name, {})[backend] = (median, p95)
    print()
    print("| What | " + " | ".join(f"{b} median / p95" for b in backends) + " |")
    print("|---|" + "---|" * len(backends))
    for name, by_backend in table.items():
        cells = [f"{by_backend[b][0]:.0f} / {by_backend[b][1]:.0f} ms" for b in backends]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
