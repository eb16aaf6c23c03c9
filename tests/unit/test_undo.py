"""Taking back the last move of a case (issue 13, point 8): its actor, within the time set
(``cases.undo_minutes``, default 15), while nobody has acted since; the history keeps both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import peewee
import pytest

from models import clock, engine, settings
from models.engine import CaseState, act, open_case, state_of
from models.engine.tables import Case, CaseStep
from models.errors import PermissionDenied, ValidationError
from models.publication.process import KEY, Publication
from tests.process_office import Office, make_office
from tests.unit.publication.test_publications import FILES, registration

START = dt.datetime(2026, 4, 10, 10, 0)


def at(moment: dt.datetime) -> None:
    clock.set_clock(lambda: moment)


@pytest.fixture
def office(sql_db: peewee.Database) -> Iterator[Office]:
    at(START)
    yield make_office()


def columns(case_id: int) -> dict[str, object]:
    case = Case.get_by_id(case_id)
    keep = ("current_step", "status", "holder_roles", "holder_user_id", "paused_since", "due_on")
    return {k: getattr(case, k) for k in keep}


def test_the_actor_takes_back_a_move(office: Office) -> None:
    somchai, support_head = office["somchai"], office["support_head"]
    case = open_case(somchai, KEY, registration(office), FILES)
    before = columns(case.id)
    assert engine.undo_offer(somchai, case.id) is None  # a registration is not a move
    at(START + dt.timedelta(minutes=5))
    case = act(support_head, case, "to_requester", comment="ยังไม่ผ่านการลงนาม")
    assert state_of(case).state == CaseState.WAITING
    offer = engine.undo_offer(support_head, case.id)
    assert offer is not None and offer.until == START + dt.timedelta(minutes=20)
    assert engine.undo_offer(somchai, case.id) is None  # not somchai's move
    with pytest.raises(PermissionDenied, match="เฉพาะผู้ที่ดำเนินการนั้นเอง"):
        engine.take_back(somchai, case.id)

    at(START + dt.timedelta(minutes=19))
    engine.take_back(support_head, case.id)
    assert columns(case.id) == before
    assert state_of(Case.get_by_id(case.id)).state != CaseState.WAITING
    entries = list(CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id))
    assert [e.outcome for e in entries] == ["register", "to_requester", "undone"]
    assert entries[1].comment == "ยังไม่ผ่านการลงนาม"  # the move stays in the history
    assert "ยกเลิก" in entries[2].comment and entries[2].actor_id == support_head.id
    # nothing left to take back; the case moves on as before
    assert engine.undo_offer(support_head, case.id) is None
    with pytest.raises(ValidationError):
        engine.take_back(support_head, case.id)
    timeline = engine.case_view(support_head, case.id).timeline
    assert [t.outcome_label for t in timeline][-1] == "ยกเลิกการดำเนินการ"
    case = act(
        office["head"],
        Case.get_by_id(case.id),
        "approve",
        data={"criteria_rules": True, "criteria_chain": True},
    )
    assert case.current_step == "publish"


def test_the_process_row_is_restored_too(office: Office) -> None:
    somchai, head = office["somchai"], office["head"]
    case = open_case(somchai, KEY, registration(office), FILES)
    case = act(head, case, "approve", data={"criteria_rules": True, "criteria_chain": True})
    at(START + dt.timedelta(minutes=1))
    publish = {
        "menu": "ข่าวประกาศ",
        "url": "https://www.example.go.th/news",
        "published_on": dt.date(2026, 4, 10),
    }
    case = act(somchai, case, "done", data=publish)
    row = Publication.get(Publication.case == case.id)
    assert row.url == publish["url"] and row.published_on == dt.date(2026, 4, 10)
    assert case.current_step == "verify"
    engine.take_back(somchai, case.id)
    row = Publication.get(Publication.case == case.id)
    assert row.url in ("", None) and row.published_on is None
    assert Case.get_by_id(case.id).current_step == "publish"


def test_too_late_or_someone_acted_since(office: Office) -> None:
    somchai, head = office["somchai"], office["head"]
    case = open_case(somchai, KEY, registration(office), FILES)
    case = act(head, case, "approve", data={"criteria_rules": True, "criteria_chain": True})
    at(START + dt.timedelta(minutes=16))
    assert engine.undo_offer(head, case.id) is None
    with pytest.raises(ValidationError, match="เลยเวลา"):
        engine.take_back(head, case.id)
    # a longer time set by the administrator
    settings.put(None, "cases.undo_minutes", 30)
    assert engine.undo_offer(head, case.id) is not None
    # somebody acts on the case: the move cannot be taken back any more
    engine.add_files(somchai, case.id, FILES)
    with pytest.raises(ValidationError):
        engine.take_back(head, case.id)
