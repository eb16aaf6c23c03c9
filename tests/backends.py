"""Test parametrisations over the database backends beyond the fixtures' defaults."""

from __future__ import annotations

import pytest

# ``sql_db`` runs on SQLite and PostgreSQL; the walks through every step of a process run on
# MariaDB too (a few tests: a MariaDB database per test costs about a second).
EVERY_BACKEND = pytest.mark.parametrize(
    "sql_db",
    [
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.server),
        pytest.param("mysql", marks=pytest.mark.server),
    ],
    indirect=True,
)
