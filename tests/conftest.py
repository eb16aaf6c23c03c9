"""Shared fixtures: a fresh database per test on SQLite, PostgreSQL and MariaDB, and users by role.

Server databases come from ``ICTDESK_TEST_POSTGRES`` / ``ICTDESK_TEST_MYSQL`` (defaults: the local
servers). Without a server those parameters skip and say why; under ``CI=true`` an unreachable
PostgreSQL fails the run instead, so CI can never pass by skipping it.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import peewee
import pytest

from models import clock, users
from models import db as dbmod
from models.i18n import set_language
from models.permissions import Role

PG_URL = os.environ.get("ICTDESK_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
MYSQL_URL = os.environ.get("ICTDESK_TEST_MYSQL", "mysql://root@127.0.0.1:3306/test")
IN_CI = os.environ.get("CI", "").lower() == "true"

users.use_fast_hashing_for_tests()


@pytest.fixture(autouse=True)
def _thai_and_real_clock() -> Iterator[None]:
    set_language("th")
    yield
    clock.set_clock(None)


@cache
def server_problem(backend: str) -> str | None:
    """Why a server backend cannot be used here, or None when it can."""
    url = PG_URL if backend == "postgresql" else MYSQL_URL
    try:
        db = dbmod.make_database(dbmod.parse_url(url))
        db.connect()
        db.close()
    except Exception as exc:  # any driver error means "no usable server"
        return f"{backend} server at {dbmod.parse_url(url).display} is unreachable: {exc}"
    return None


def require_server(backend: str) -> None:
    problem = server_problem(backend)
    if problem is None:
        return
    if IN_CI and backend == "postgresql":
        pytest.fail(f"CI=true requires PostgreSQL: {problem}")
    pytest.skip(problem)


@dataclass
class FreshDatabase:
    backend: str
    url: str  # a URL that opens this test's own database/schema (also from other processes)


def _fresh_sqlite(tmp_path: Path) -> Iterator[FreshDatabase]:
    yield FreshDatabase("sqlite", dbmod.sqlite_url(tmp_path / "test.sqlite3"))


def _fresh_postgres() -> Iterator[FreshDatabase]:
    require_server("postgresql")
    schema = "t_" + uuid.uuid4().hex[:16]
    admin = dbmod.make_database(dbmod.parse_url(PG_URL))
    admin.execute_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield FreshDatabase(
            "postgresql", dbmod.url_with_query(PG_URL, options=f"-csearch_path={schema}")
        )
    finally:
        dbmod.close_db()
        admin.execute_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


def _fresh_mysql() -> Iterator[FreshDatabase]:
    require_server("mysql")
    name = "t_" + uuid.uuid4().hex[:16]
    admin = dbmod.make_database(dbmod.parse_url(MYSQL_URL))
    admin.execute_sql(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    base = MYSQL_URL.rsplit("/", 1)[0]
    try:
        yield FreshDatabase("mysql", f"{base}/{name}")
    finally:
        dbmod.close_db()
        admin.execute_sql(f"DROP DATABASE `{name}`")
        admin.close()


@pytest.fixture
def fresh_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FreshDatabase]:
    """An empty database of the backend named by the test's parameter (default SQLite)."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        yield from _fresh_sqlite(tmp_path)
    elif backend == "postgresql":
        yield from _fresh_postgres()
    else:
        yield from _fresh_mysql()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.server),
        pytest.param("mysql", marks=pytest.mark.server),
    ]
)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db(backend: str, tmp_path: Path) -> Iterator[peewee.Database]:
    """A migrated, empty database on each backend (SQLite, PostgreSQL, MariaDB)."""
    yield from _open(backend, tmp_path)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[peewee.Database]:
    """A migrated, empty SQLite database (for tests where the backend does not matter)."""
    yield from _open("sqlite", tmp_path)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.server)])
def sql_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[peewee.Database]:
    """A migrated, empty database on SQLite and on PostgreSQL (the two supported defaults)."""
    yield from _open(str(request.param), tmp_path)


def _open(backend: str, tmp_path: Path) -> Iterator[peewee.Database]:
    source = {
        "sqlite": lambda: _fresh_sqlite(tmp_path),
        "postgresql": _fresh_postgres,
        "mysql": _fresh_mysql,
    }[backend]()
    test_db = next(source)
    database = dbmod.init_db(test_db.url)
    database.test_url = test_db.url  # type: ignore[attr-defined]
    try:
        yield database
    finally:
        dbmod.close_db()
        with contextlib.suppress(StopIteration):
            next(source)


@pytest.fixture
def make_user(request: pytest.FixtureRequest) -> Callable[..., users.User]:
    """Create an active user with a role: ``make_user("head")``; password is ``password123``."""
    counter = iter(range(1, 10_000))

    def factory(
        role: str = Role.STAFF, username: str | None = None, **details: object
    ) -> users.User:
        n = next(counter)
        return users.create_user(
            None,
            username or f"{role}{n}",
            str(details.pop("full_name", f"ผู้ใช้ทดสอบ {role} {n}")),
            role,
            "password123",
            **details,
        )

    return factory


@pytest.fixture
def admin(make_user: Callable[..., users.User]) -> users.User:
    return make_user(Role.ADMIN, username="admin")
