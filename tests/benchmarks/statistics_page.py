"""Statistics figures (a script, never a test):

    .venv/bin/python tests/benchmarks/statistics_page.py [--cases 100000] [--tickets 100000]
                                                    [--repeat 7] [--backend both]

Bulk-loads 100,000 publication-request cases and 100,000 repair tickets (with 20,000 assets and
their loans) with the loaders of ``case_list.py`` and ``ticket_list.py`` into a fresh SQLite
file and a fresh PostgreSQL schema, then times what the statistics tab asks for one fiscal year
(2569): the page for a head (every process: totals, months, the year before, quarters, staff, backlog,
loaners and maintenance: what the tab shows first), the same for a staff member, the breakdowns
by unit, problem type and asset category (added to the tab when they arrive), the cases behind
one bar; and the printed management report (PDF with its charts) and the
workbook. Prints the median and the 95th percentile of each. Targets: the page ≤ 300 ms, the
report ≤ 2 s.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file's name hides the standard library's ``statistics`` from the scripts beside it: take
# its folder off the path before anything imports it.
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import importlib.util  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Callable  # noqa: E402
from types import ModuleType  # noqa: E402


def _load(name: str) -> ModuleType:
    """A benchmark script beside this one, by its path (its bulk loader is reused)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


case_list = _load("case_list")
ticket_list = _load("ticket_list")

from models import clock  # noqa: E402
from models import db as dbmod  # noqa: E402
from models.i18n import set_language  # noqa: E402
from models.org import Unit  # noqa: E402
from models.statistics import figures as fig  # noqa: E402
from models.statistics import report, service  # noqa: E402
from reports.thaifmt import fiscal_year_bounds  # noqa: E402

PG_URL = case_list.PG_URL
TODAY = case_list.TODAY
YEAR = 2569


def run(backend: str, args: argparse.Namespace) -> list[tuple[str, float, float]]:
    set_language("th")
    clock.set_clock(lambda: dt.datetime.combine(TODAY, dt.time(10)))
    if backend == "sqlite":
        folder = Path(tempfile.mkdtemp())
        dbmod.init_db(dbmod.sqlite_url(folder / "bench.sqlite3"))
        cleanup: Callable[[], None] = dbmod.close_db
    else:
        schema = "bench_" + uuid.uuid4().hex[:10]
        admin = dbmod.make_database(dbmod.parse_url(PG_URL))
        admin.execute_sql(f'CREATE SCHEMA "{schema}"')
        dbmod.init_db(dbmod.url_with_query(PG_URL, options=f"-csearch_path={schema},public"))

        def cleanup() -> None:
            dbmod.close_db()
            admin.execute_sql(f'DROP SCHEMA "{schema}" CASCADE')
            admin.close()

    t0 = time.perf_counter()
    ticket_list.build(args.tickets // 5, args.tickets)
    Unit.update(name=Unit.name.concat(" (ซ่อม)")).execute()  # both loaders name 30 units alike
    staff, head, _searches = case_list.build(args.cases)
    print(f"[{backend}] loaded in {time.perf_counter() - t0:.1f} s", flush=True)

    t0 = time.perf_counter()
    service.statistics_page(head, YEAR)
    cold = (time.perf_counter() - t0) * 1000
    print(f"[{backend}] first page (builds the working-day table) {cold:.0f} ms", flush=True)
    start, end = fiscal_year_bounds(YEAR)
    bar = service.Pick(service.RECEIVED, start, end, end, "publication", fig.MONTH, 202603)
    checks: list[tuple[str, Callable[[int], object], int]] = [
        (
            "statistics page, one fiscal year (head: whole office)",
            lambda _n: service.statistics_page(head, YEAR, with_dimensions=False),
            args.repeat,
        ),
        (
            "statistics page, one fiscal year (a staff member)",
            lambda _n: service.statistics_page(staff, YEAR, with_dimensions=False),
            args.repeat,
        ),
        (
            "breakdowns (units, problem types, asset categories)",
            lambda _n: service.breakdowns(head, YEAR),
            args.repeat,
        ),
        (
            "the cases behind one bar (a month's publications)",
            lambda _n: service.case_lines(head, bar),
            args.repeat,
        ),
        (
            "management report PDF (tables and 3 charts)",
            lambda _n: report.render_management_report(head, YEAR),
            max(3, args.repeat // 2),
        ),
        (
            "workbook .xlsx (8+ sheets, native charts)",
            lambda _n: report.render_workbook(head, YEAR),
            max(3, args.repeat // 2),
        ),
    ]
    results = []
    for name, fn, repeat in checks:
        fn(0)
        median, p95 = case_list.timed(fn, repeat)
        results.append((name, median, p95))
        print(f"[{backend}] {name:<55} median {median:7.1f} ms   p95 {p95:7.1f} ms", flush=True)
    cleanup()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    table: dict[str, dict[str, tuple[float, float]]] = {}
    for backend in backends:
        for name, median, p95 in run(backend, args):
            table.setdefault(name, {})[backend] = (median, p95)
    print()
    print("| What | " + " | ".join(f"{b} median / p95" for b in backends) + " |")
    print("|---|" + "---|" * len(backends))
    for name, by_backend in table.items():
        cells = [f"{by_backend[b][0]:.0f} / {by_backend[b][1]:.0f} ms" for b in backends]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
