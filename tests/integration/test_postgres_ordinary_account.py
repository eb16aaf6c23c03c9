"""An office's shared PostgreSQL server gives ICT Desk an ordinary account, not a superuser: the
migrations (0003/0004's pg_trgm side indexes included) must work with what that account may do,
and the lists must find the same rows either way. Two accounts on a fresh database each:

- one that may not create extensions: no side index, one clear log line, lists scan;
- one with CREATE on its database (PostgreSQL 13+ lets it install the trusted pg_trgm): the side
  indexes are made and used.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import peewee
import pytest

from models import clock, office, text_search
from models import db as dbmod
from models.engine import Case, CaseFilter, NewFile, list_cases, open_case
from models.permissions import Role
from models.support import assets, tickets
from models.support.assets import AssetKind
from models.users import User
from tests import sample_process
from tests.conftest import PG_URL, require_server

pytestmark = pytest.mark.server


@pytest.fixture
def ordinary_account() -> Iterator[Callable[[bool], str]]:
    """``make(may_create)``: a URL for a new non-superuser role on a new database, in a schema
    the role owns (PostgreSQL 15 gives ordinary roles no CREATE on ``public``)."""
    require_server("postgresql")
    admin = dbmod.make_database(dbmod.parse_url(PG_URL))
    made: list[tuple[str, str]] = []

    def make(may_create: bool) -> str:
        suffix = uuid.uuid4().hex[:12]
        role, name = f"ictdesk_{suffix}", f"ictdesk_{suffix}"
        admin.execute_sql(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE')
        admin.execute_sql(f'CREATE DATABASE "{name}"')
        made.append((role, name))
        owner = dbmod.make_database(dbmod.parse_url(PG_URL.rsplit("/", 1)[0] + f"/{name}"))
        owner.execute_sql(f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC')
        owner.execute_sql(f'GRANT CONNECT, TEMPORARY ON DATABASE "{name}" TO "{role}"')
        if may_create:
            owner.execute_sql(f'GRANT CREATE ON DATABASE "{name}" TO "{role}"')
        owner.execute_sql(f'CREATE SCHEMA app AUTHORIZATION "{role}"')
        owner.close()
        base = f"postgresql://{role}@127.0.0.1:{dbmod.parse_url(PG_URL).port or 5432}/{name}"
        return dbmod.url_with_query(base, options="-csearch_path=app")

    yield make
    dbmod.close_db()
    for role, name in made:
        admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute_sql(f'DROP ROLE IF EXISTS "{role}"')
    admin.close()


def _fill(make_user: Callable[..., User]) -> dict[str, Any]:
    clock.set_clock(lambda: dt.datetime(2026, 4, 10, 9))
    staff = make_user(Role.STAFF)
    unit_row = office.save_unit(staff, None, name="งานพัสดุ")
    pc = assets.save_asset(
        staff,
        None,
        {"kind": AssetKind.HARDWARE, "number": "7440-001-0001/65", "name": "คอมพิวเตอร์ห้องประชุม"},
    )
    category = next(c for c in tickets.categories() if c.days == 1)
    ticket = tickets.open_ticket(
        staff,
        title="จอภาพไม่ติด",
        paperless_no="พด ๐๑๐๕/๑๒๓",
        unit=unit_row.id,
        requester_name="นางสาวสุดา รักษ์ไทย",
        asset=pc.id,
        category=category.id,
    )
    case = open_case(
        staff,
        sample_process.KEY,
        {
            "title": "ขอใช้ห้องประชุมใหญ่ ครั้งที่ ๒",
            "requester": "งานบริหาร",
            "received_on": clock.today(),
            "people": 10,
            "assignee": staff.id,
        },
        [NewFile("request", "ขอ.pdf", b"%PDF-1")],
    )
    return {"pc": pc, "ticket": ticket, "case": case}


def _searches(found: dict[str, Any]) -> None:
    assert [a.id for a in assets.search_assets("ห้องประชุม")] == [found["pc"].id]
    page = tickets.ticket_page(None, tickets.TicketFilter(case=CaseFilter(text="0105/123")))
    assert [r.ticket_id for r in page.rows] == [found["ticket"].id]
    cases = list_cases(None, sample_process.KEY, CaseFilter(text="ครั้งที่ 2"))
    assert [r.id for r in cases.rows] == [found["case"].id]
    assert list_cases(None, sample_process.KEY, CaseFilter(text="ไม่มีคำนี้")).total == 0


def test_an_account_that_may_not_create_extensions(
    ordinary_account: Callable[[bool], str],
    make_user: Callable[..., User],
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = ordinary_account(False)
    with caplog.at_level(logging.INFO):
        database = dbmod.init_db(url)
    assert dbmod.schema_status(database).pending == []
    superuser = database.execute_sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    assert superuser.fetchone()[0] is False
    assert any("pg_trgm" in r.getMessage() and "scanning" in r.getMessage() for r in caplog.records)
    sample_process.install(database)
    try:
        text_search.forget()
        for table in ("asset", "repair_ticket", "work_case"):
            assert text_search._side_index(table) is None
        _searches(_fill(make_user))
    finally:
        sample_process.uninstall()
        text_search.forget()


def test_an_account_with_create_on_its_database_gets_the_indexes(
    ordinary_account: Callable[[bool], str], make_user: Callable[..., User]
) -> None:
    database = dbmod.init_db(ordinary_account(True))
    sample_process.install(database)
    try:
        text_search.forget()
        for table in ("asset", "repair_ticket", "work_case"):
            assert text_search._side_index(table) == "trgm"
        schema = database.execute_sql(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'pg_trgm'"
        ).fetchone()[0]
        assert schema in {"app", "public"}  # where PostgreSQL put the trusted extension
        _searches(_fill(make_user))
        assert Case.select().count() == 2
        assert isinstance(database, peewee.PostgresqlDatabase)
    finally:
        sample_process.uninstall()
        text_search.forget()
