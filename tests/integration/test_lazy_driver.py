"""The MySQL/MariaDB driver is imported only when such a server is opened (``models.drivers``):
the program's own entry point, a fresh interpreter, a real MariaDB database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FreshDatabase

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.server
@pytest.mark.parametrize("fresh_database", ["mysql"], indirect=True)
def test_mysql_driver_loads_when_a_mysql_database_opens(fresh_database: FreshDatabase) -> None:
    code = (
        "import sys\n"
        "import desktop.cli\n"
        "assert 'pymysql' not in sys.modules, 'imported at start'\n"
        "import peewee\n"
        "assert peewee.mysql is None\n"
        "from models import db\n"
        f"db.init_db({fresh_database.url!r})\n"
        "assert 'pymysql' in sys.modules\n"
        "print(db.database.execute_sql('SELECT COUNT(*) FROM schema_migration').fetchone()[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 3
