"""What a start must not pay for: the document engine (ReportLab, HarfBuzz), Babel's locale data,
the holidays package's other 249 countries, and the MySQL driver on an SQLite workstation. Each is
checked in a fresh interpreter that imports what the window imports before its first document."""

from __future__ import annotations

import decimal
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from reports import thaifmt

ROOT = Path(__file__).resolve().parents[2]

# Loaded only when a document is made, or never at start-up.
NOT_AT_START = ("reportlab", "uharfbuzz", "babel", "pymysql", "MySQLdb")


def _loaded_after(code: str) -> list[str]:
    script = (
        code + "\nimport json, sys\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{NOT_AT_START!r} or (m.startswith('holidays.countries.') "
        "and m != 'holidays.countries.thailand'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_window_path_imports_no_document_engine_nor_mysql_driver(tmp_path: Path) -> None:
    """The entry point, every model and view module, an SQLite database opened and the working
    days computed: none of the start-up-only-when-needed packages is imported."""
    url = "sqlite:///" + str(tmp_path / "start.sqlite3")
    code = (
        "import desktop.cli\n"
        "import datetime as dt\n"
        "from models import calendar, schema\n"
        "from models.db import init_db\n"
        "from models.engine.registry import PROCESS_MODULES\n"
        "import importlib\n"
        "for name in [*schema.MODEL_MODULES, *PROCESS_MODULES]:\n"
        "    importlib.import_module(name)\n"
        "from views.registry import load_views\n"
        "load_views()\n"
        "import desktop.main_window, desktop.startup, desktop.shell\n"
        f"init_db({url!r})\n"
        "calendar.add_working_days(dt.date(2026, 4, 10), 2)\n"
    )
    assert _loaded_after(code) == []


@pytest.mark.parametrize(
    "value",
    [
        0,
        -1,
        2.5,
        2.675,
        1234567.5,
        -1234.565,
        10**15,
        decimal.Decimal("1234.005"),
        decimal.Decimal("-0.004"),
        decimal.Decimal("-0.5"),
        99.995,
        1e-7,
        decimal.Decimal("1E+5"),
    ],
)
def test_numbers_are_grouped_and_rounded_as_babel_does(value: float | decimal.Decimal) -> None:
    from babel.numbers import format_decimal

    for decimals in range(4):
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        expected = format_decimal(value, format=pattern, locale="th_TH")
        assert thaifmt.number(value, decimals=decimals) == expected


def test_random_numbers_match_babel() -> None:
    from babel.numbers import format_decimal

    rng = random.Random(2569)
    for _ in range(3000):
        value: float | int | decimal.Decimal = rng.choice(
            [
                rng.randint(-(10**12), 10**12),
                rng.uniform(-1e8, 1e8),
                decimal.Decimal(rng.randint(-(10**9), 10**9)).scaleb(-rng.randint(0, 6)),
            ]
        )
        decimals = rng.randint(0, 3)
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        assert thaifmt.number(value, decimals=decimals) == format_decimal(
            value, format=pattern, locale="th_TH"
        ), value
