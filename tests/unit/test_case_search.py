"""Free text on the process case lists: the cases' side index (migration 0004: SQLite FTS5
trigram, PostgreSQL pg_trgm) exists, follows inserts and edits, and finds exactly what a scan of
the normalised number, title and requester finds (Thai digits, wildcards, quotes, short text);
MariaDB searches by scanning with the same answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import peewee
import pytest

from models import clock, text_search
from models.engine import Case, CaseFilter, NewFile, list_cases, open_case, update_details
from models.permissions import Role
from models.users import User
from tests import sample_process

TITLES = [
    "ขอใช้ห้องประชุมใหญ่ ครั้งที่ ๒",
    "ขอใช้ห้อง Meeting 100% ชั้น 3",
    'สัมมนา "ผู้ประเมิน" รุ่น_2',
    "ประชุม  ไตรมาส   ที่ 4",
    "อบรม ICT Desk",
]
QUERIES = [
    "ห้อง",
    "ครั้งที่ 2",
    "ครั้งที่ ๒",
    "100%",
    "%",
    "_2",
    "รุ่น_",
    '"ผู้ประเมิน"',
    "meeting",
    "MEETING",
    "ไตรมาส ที่",
    "ict",
    "ic",
    "ก",
    "2",
    "ไม่มีคำนี้",
    "rr.1/",
]


@pytest.fixture
def cases(db: peewee.Database, make_user: Callable[..., User]) -> list[Case]:
    sample_process.install(db)
    clock.set_clock(lambda: dt.datetime(2026, 4, 10, 9))
    staff = make_user(Role.STAFF)
    out = []
    for index, title in enumerate(TITLES):
        data: dict[str, Any] = {
            "title": title,
            "requester": f"งานทดสอบ {index}",
            "received_on": clock.today(),
            "people": 10,
            "assignee": staff.id,
        }
        out.append(
            open_case(staff, sample_process.KEY, data, [NewFile("request", "ขอ.pdf", b"%PDF-1")])
        )
    yield out
    sample_process.uninstall()


def _scan(text: str) -> set[int]:
    wanted = text_search.normalise(text)
    return {
        c.id
        for c in Case.select().where(Case.process == sample_process.KEY)
        if wanted in text_search.normalise(f"{c.number} {c.title} {c.requester}")
    }


def _listed(text: str) -> set[int]:
    page = list_cases(None, sample_process.KEY, CaseFilter(text=text), "number", False, 0, 100)
    assert page.total == len(page.rows)
    return {r.id for r in page.rows}


def test_the_list_finds_what_a_scan_finds_on_every_backend(
    db: peewee.Database, cases: list[Case]
) -> None:
    text_search.forget()
    expected_index = {"sqlite": "fts", "postgresql": "trgm"}.get(_backend(db))
    assert text_search._side_index("work_case") == expected_index
    for query in QUERIES:
        assert _listed(query) == _scan(query), query
    assert _listed("ครั้งที่ ๒") == {cases[0].id}  # Thai digits typed, Arabic stored, or both
    assert _listed("100%") == {cases[1].id}  # % is a character, not a wildcard
    assert _listed("ไม่มีคำนี้") == set()
    assert len(_listed("ห้อง")) == 2


def test_the_side_index_follows_edits(
    db: peewee.Database, cases: list[Case], make_user: Callable[..., User]
) -> None:
    head = make_user(Role.HEAD)
    case = cases[4]
    update_details(
        head,
        case.id,
        {
            "title": "อบรมระบบสารบรรณอิเล็กทรอนิกส์",
            "requester": case.requester,
            "received_on": case.received_on,
            "people": 10,
            "assignee": case.assignee_id,
        },
    )
    assert _listed("ict desk") == set()
    assert _listed("สารบรรณอิเล็ก") == {case.id}
    assert _listed(case.number) == {case.id}
    text_search.forget()


def test_searches_are_normalised_when_stored() -> None:
    assert text_search.normalise("  ภทส. ๐๔๕/๒๕๖๙\tMeeting  ") == "ภทส. 045/2569 meeting"


def _backend(db: peewee.Database) -> str:
    if isinstance(db, peewee.PostgresqlDatabase):
        return "postgresql"
    if isinstance(db, peewee.MySQLDatabase):
        return "mysql"
    return "sqlite"
