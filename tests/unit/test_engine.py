"""The process engine on a process defined only in the tests: every allowed and refused move, role
refusals, the clock pause, deadline recomputation, states in SQL and in Python, conflicts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import peewee
import pytest

from models import calendar, clock, engine, office_days, records
from models.audit import AuditEntry
from models.engine import (
    Case,
    CaseFilter,
    CaseState,
    CaseStep,
    NewFile,
    act,
    available_actions,
    list_cases,
    open_case,
    state_condition,
    state_of,
)
from models.errors import ConflictError, PermissionDenied, ValidationError
from models.org import Signatory
from models.permissions import Role
from models.users import User
from tests import sample_process
from tests.sample_process import RoomRequest

D = dt.date


def at(day: dt.date, hour: int = 9) -> None:
    moment = dt.datetime.combine(day, dt.time(hour))
    clock.set_clock(lambda: moment)


@pytest.fixture
def proc(sql_db: peewee.Database) -> Iterator[engine.ProcessDef]:
    yield sample_process.install(sql_db)
    sample_process.uninstall()


@pytest.fixture
def people(make_user: Callable[..., User]) -> dict[str, User]:
    return {
        "staff": make_user(Role.STAFF, full_name="นายสมชาย ใจดี"),
        "staff2": make_user(Role.STAFF, full_name="นางสาวสุดา รักษ์ไทย"),
        "head": make_user(Role.HEAD, full_name="นางสาวพรทิพย์ วงศ์สุวรรณ"),
        "group_head": make_user(Role.GROUP_HEAD),
        "viewer": make_user(Role.VIEWER),
        "admin": make_user(Role.ADMIN),
    }


@pytest.fixture
def signatory() -> Signatory:
    return records.create(
        None, Signatory, title="ผู้อำนวยการ", full_name="ดร.สมศักดิ์ วิทยาพัฒน์", position="ผู้อำนวยการ"
    )


def register(user: User, **over: Any) -> Case:
    data: dict[str, Any] = {
        "title": "ขอใช้ห้องประชุมสัมมนา",
        "requester": "งานบริหารทั่วไป",
        "received_on": clock.today(),
        "people": 10,
        "assignee": user.id,
    }
    data.update(over)
    return open_case(user, sample_process.KEY, data, [NewFile("request", "ขอใช้ห้อง.pdf", b"%PDF-1")])


def keys(user: User, case: Case) -> list[str]:
    return [a.key for a in available_actions(user, engine.get_case(case.id))]


# ---------------------------------------------------------------------------------------------
# Opening


def test_open_records_the_first_step(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    at(D(2026, 4, 10))
    case = register(people["staff"])
    assert case.number == "ห.1/2569"
    assert (case.current_step, case.status, case.received_on) == ("review", "open", D(2026, 4, 10))
    assert case.allowed_days == 2 and case.due_on == D(2026, 4, 17)  # Songkran in between
    assert case.holder_user_id is None and case.holder_roles == ",head,"
    (step,) = engine.history(case)
    assert (step.step, step.outcome, step.actor_name) == ("register", "register", "นายสมชาย ใจดี")
    assert step.values()["people"] == 10
    assert [f.filename for f in engine.case_files(case)] == ["ขอใช้ห้อง.pdf"]
    assert step.attachment_id_list() == [engine.case_files(case)[0].id]
    assert RoomRequest.get(RoomRequest.case == case.id).people == 10
    tables = {e.table_name for e in AuditEntry.select()}
    assert {"work_case", "test_room_request", "attachment"} <= tables
    second = register(people["staff"], people=30)
    assert second.number == "ห.2/2569"
    assert second.allowed_days == 3, "the deadline rule reads the case's own data"


def test_numbers_restart_with_the_fiscal_year(
    proc: engine.ProcessDef, people: dict[str, User]
) -> None:
    at(D(2026, 10, 2))
    first = register(people["staff"], received_on=D(2026, 9, 30))
    second = register(people["staff"])
    assert (first.number, second.number) == ("ห.1/2569", "ห.1/2570")


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"title": " "}, "title"),
        ({"people": "สิบ"}, "people"),
        ({"people": 0}, "people"),
        ({"received_on": D(2026, 4, 11)}, "received_on"),  # in the future
        ({"received_on": "31/02/2569"}, "received_on"),
        ({"assignee": 999999}, "assignee"),
    ],
)
def test_bad_registration_is_refused(
    proc: engine.ProcessDef, people: dict[str, User], over: dict[str, Any], field: str
) -> None:
    at(D(2026, 4, 10))
    with pytest.raises(ValidationError) as err:
        register(people["staff"], **over)
    assert field in err.value.errors
    assert Case.select().count() == 0 and CaseStep.select().count() == 0


def test_assignee_must_have_a_staff_role(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    at(D(2026, 4, 10))
    with pytest.raises(ValidationError, match="ไม่ได้มีบทบาท"):
        register(people["staff"], assignee=people["viewer"].id)


def test_who_may_register(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    at(D(2026, 4, 10))
    for name in ("viewer", "admin", "head"):
        with pytest.raises(PermissionDenied):
            register(people[name])
    register(people["group_head"], assignee=people["staff"].id)
    assert Case.select().count() == 1


# ---------------------------------------------------------------------------------------------
# Moving


def test_the_whole_way_with_a_send_back_loop(
    proc: engine.ProcessDef, people: dict[str, User], signatory: Signatory
) -> None:
    staff, head = people["staff"], people["head"]
    at(D(2026, 4, 10))
    case = register(staff)
    assert keys(staff, case) == [] and keys(head, case) == ["approve", "to_requester", "refuse"]
    case = act(head, case, "approve")
    assert case.current_step == "prepare" and case.holder_user_id == staff.id
    assert keys(head, case) == [] and keys(staff, case) == ["done"]
    assert keys(people["staff2"], case) == ["done"], "colleagues may stand in"
    case = act(staff, case, "done", data={"room": "a"})
    assert case.current_step == "sign"
    case = act(head, case, "back", comment="ระบุห้องผิด")
    assert case.current_step == "prepare"
    case = act(staff, case, "done", data={"room": "b"})
    case = act(staff, case, "signed", data={"signatory": signatory.id})
    assert case.current_step == "close"
    at(D(2026, 4, 16))
    case = act(staff, case, "close", data={"summary": "ใช้ห้องประชุม 2 เรียบร้อย"})
    assert (case.status, case.result, case.closed_on) == ("closed", "completed", D(2026, 4, 16))
    assert case.holder_roles == "" and case.holder_user_id is None
    assert state_of(case).state == CaseState.DONE_ON_TIME
    assert available_actions(staff, case) == []
    detail = RoomRequest.get(RoomRequest.case == case.id)
    assert (detail.room, detail.summary) == ("b", "ใช้ห้องประชุม 2 เรียบร้อย")
    steps = engine.history(case)
    assert [(s.step, s.outcome) for s in steps] == [
        ("register", "register"),
        ("review", "approve"),
        ("prepare", "done"),
        ("sign", "back"),
        ("prepare", "done"),
        ("sign", "signed"),
        ("close", "close"),
    ]
    assert steps[3].comment == "ระบุห้องผิด" and steps[3].to_step == "prepare"
    assert steps[5].signatory_name == "ดร.สมศักดิ์ วิทยาพัฒน์ (ผู้อำนวยการ)"
    view = engine.case_view(staff, case.id)
    assert [e.outcome_label for e in view.timeline][-1] == "ปิดเรื่อง"
    assert ("ห้อง", "ห้องประชุม 2") in view.timeline[4].values
    assert view.timeline[3].comment == "ระบุห้องผิด"


def test_refused_moves_say_why(
    proc: engine.ProcessDef, people: dict[str, User], signatory: Signatory
) -> None:
    staff, head = people["staff"], people["head"]
    at(D(2026, 4, 10))
    case = register(staff)
    with pytest.raises(PermissionDenied, match="พิจารณาคำขอ"):
        act(staff, case, "approve")
    with pytest.raises(PermissionDenied):
        act(people["viewer"], case, "approve")
    with pytest.raises(ValidationError, match="ไม่มีการดำเนินการ “done”"):
        act(head, case, "done")
    with pytest.raises(ValidationError, match="เหตุผล"):
        act(head, case, "refuse", comment="  ")
    case = act(head, case, "approve")
    with pytest.raises(ValidationError) as err:
        act(staff, case, "done", data={"room": "z"})
    assert "room" in err.value.errors
    with pytest.raises(ValidationError) as err:
        act(staff, case, "done")
    assert "room" in err.value.errors
    case = act(staff, case, "done", data={"room": "a"})
    with pytest.raises(ValidationError) as err:
        act(staff, case, "signed")
    assert "signatory" in err.value.errors
    records.update(None, signatory, active=False)
    with pytest.raises(ValidationError, match="ไม่พบผู้ลงนาม"):
        act(staff, case, "signed", data={"signatory": signatory.id})
    assert engine.get_case(case.id).current_step == "sign"
    assert len(engine.history(case)) == 3


def test_guard_refuses_with_its_reason(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    at(D(2026, 4, 10))
    case = register(people["staff"], people=80)
    with pytest.raises(ValidationError, match="ไม่เกิน 50 คน"):
        act(people["head"], case, "approve")
    assert engine.get_case(case.id).version == case.version


def test_not_approved_ends_the_case(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    at(D(2026, 4, 10))
    case = act(people["head"], register(people["staff"]), "refuse", comment="ไม่ใช่ภารกิจ")
    assert (case.status, case.result) == ("closed", "refused")
    with pytest.raises(ValidationError, match="ปิดแล้ว"):
        act(people["head"], case, "approve")


def test_clock_pauses_while_the_requester_corrects(
    proc: engine.ProcessDef, people: dict[str, User]
) -> None:
    staff, head = people["staff"], people["head"]
    at(D(2026, 4, 20))  # Monday
    case = register(staff)
    assert case.due_on == D(2026, 4, 22)
    case = act(head, case, "to_requester", comment="แนบไฟล์ไม่ครบ")
    assert case.paused_since == D(2026, 4, 20) and case.current_step == "review"
    assert case.holder_label == "ผู้ขอ: งานบริหารทั่วไป"
    assert state_of(case, D(2026, 4, 23)).state == CaseState.WAITING
    assert keys(head, case) == ["resume", "withdraw"] and keys(staff, case) == [
        "resume",
        "withdraw",
    ]
    with pytest.raises(ValidationError, match="รอผู้ขอแก้ไขอยู่"):
        act(head, case, "approve")
    at(D(2026, 4, 23))  # Thursday: Tue, Wed, Thu waited
    case = act(staff, case, "resume", files=[NewFile("request", "ฉบับแก้ไข.pdf", b"%PDF-2")])
    assert case.paused_since is None and case.paused_days == 3
    assert case.due_on == D(2026, 4, 27), "2 working days counted from Thursday"
    assert state_of(case, D(2026, 4, 24)).state == CaseState.ON_TIME
    assert len(engine.case_files(case)) == 2
    view = engine.case_view(staff, case.id)
    assert ("หยุดนับเวลา", "3 วันทำการ") in view.timeline[-1].values
    assert "รวมหยุดนับ 3 วันทำการ" in view.due_text
    assert engine.deadlines.paused_days_from_history(case) == (3, None)
    case = act(head, case, "approve")
    assert case.current_step == "prepare"


def test_withdraw_while_waiting(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    at(D(2026, 4, 20))
    case = act(people["head"], register(people["staff"]), "to_requester", comment="ขาดข้อมูล")
    at(D(2026, 4, 21))
    with pytest.raises(ValidationError):
        act(people["staff"], case, "withdraw")
    case = act(people["staff"], case, "withdraw", comment="ผู้ขอแจ้งยกเลิกทางโทรศัพท์")
    assert (case.status, case.result, case.paused_days) == ("closed", "withdrawn", 1)
    assert state_of(case).state == CaseState.CANCELLED


def test_stale_version_is_a_conflict(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    at(D(2026, 4, 10))
    case = register(people["staff"])
    loaded_version = case.version
    act(people["head"], case.id, "approve", expected_version=loaded_version)
    with pytest.raises(ConflictError, match="นางสาวพรทิพย์"):
        act(people["head"], case.id, "refuse", comment="ซ้ำ", expected_version=loaded_version)
    assert engine.get_case(case.id).current_step == "prepare"
    assert len(engine.history(case)) == 2


def test_details_can_be_corrected(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    at(D(2026, 4, 20))
    case = register(people["staff"])
    data = {
        "title": "ขอใช้ห้องประชุม (แก้ไข)",
        "requester": "งานพัสดุ",
        "received_on": D(2026, 4, 17),
        "people": 25,
        "assignee": people["staff2"].id,
    }
    case = engine.update_details(people["staff"], case, data)
    assert (case.title, case.requester, case.assignee_id) == (
        "ขอใช้ห้องประชุม (แก้ไข)",
        "งานพัสดุ",
        people["staff2"].id,
    )
    assert case.allowed_days == 3 and case.due_on == D(2026, 4, 22)
    assert engine.history(case)[-1].outcome == "edited"
    with pytest.raises(PermissionDenied):
        engine.update_details(people["viewer"], case, data)


# ---------------------------------------------------------------------------------------------
# Deadlines and states


def test_office_holiday_moves_open_deadlines(
    proc: engine.ProcessDef, people: dict[str, User]
) -> None:
    staff, head = people["staff"], people["head"]
    at(D(2026, 4, 10))
    moving = register(staff)  # due Fri 17 April
    closed = act(head, register(staff), "refuse", comment="ไม่อนุมัติ")
    at(D(2026, 4, 16))
    later = register(staff)  # received Thursday 16th: due Monday 20th
    assert later.due_on == D(2026, 4, 20)
    office_days.add_office_day(head, D(2026, 4, 17), "closed", "วันหยุดพิเศษตามมติคณะรัฐมนตรี")
    moving = engine.get_case(moving.id)
    assert moving.due_on == D(2026, 4, 20)
    note = engine.history(moving)[-1]
    assert note.kind == "event" and note.outcome == "deadline_changed"
    assert "วันหยุดพิเศษตามมติคณะรัฐมนตรี" in note.comment
    assert "17 เม.ย. 2569" in note.comment and "20 เม.ย. 2569" in note.comment
    assert engine.get_case(later.id).due_on == D(2026, 4, 21)
    assert engine.get_case(closed.id).due_on == D(2026, 4, 17), "closed cases keep their dates"
    assert len(engine.history(closed)) == 2
    entry = calendar.office_days(2026)[0]
    office_days.remove_office_day(head, entry)
    assert engine.get_case(moving.id).due_on == D(2026, 4, 17)


def test_holiday_during_a_pause_recounts_the_pause(
    proc: engine.ProcessDef, people: dict[str, User]
) -> None:
    at(D(2026, 4, 20))
    case = act(people["head"], register(people["staff"]), "to_requester", comment="แก้ไข")
    at(D(2026, 4, 23))
    case = act(people["staff"], case, "resume")
    assert (case.paused_days, case.due_on) == (3, D(2026, 4, 27))
    office_days.add_office_day(people["head"], D(2026, 4, 22), "closed", "หยุดพิเศษ")
    case = engine.get_case(case.id)
    assert case.paused_days == 2  # Tue and Thu; Wed became a holiday
    assert case.due_on == D(2026, 4, 27)  # Thu + 2 = Mon 27 either way
    last = engine.history(case)[-1]
    assert last.outcome == "resume", "the due date did not move: no history entry claims it did"


@pytest.mark.parametrize("today", [D(2026, 4, 14), D(2026, 4, 17), D(2026, 4, 20), D(2026, 4, 28)])
def test_states_in_sql_match_python(
    proc: engine.ProcessDef, people: dict[str, User], today: dt.date
) -> None:
    staff, head = people["staff"], people["head"]
    at(D(2026, 4, 10))
    register(staff)  # due 17 April
    paused = act(head, register(staff), "to_requester", comment="แก้")
    act(staff, paused, "withdraw", comment="ยกเลิก")
    act(head, register(staff), "to_requester", comment="แก้")  # waiting
    quick = act(head, register(staff), "refuse", comment="ไม่")  # closed on time
    assert quick.closed_on == D(2026, 4, 10)
    at(D(2026, 4, 22))
    slow = engine.get_case(register(staff, received_on=D(2026, 4, 10)).id)
    act(head, slow, "refuse", comment="ช้า")  # closed late
    at(today)
    cases = list(Case.select())
    for state in CaseState:
        in_sql = {c.id for c in Case.select().where(state_condition(state, today))}
        in_python = {c.id for c in cases if state_of(c, today).state == state}
        assert in_sql == in_python, state
    found = {state_of(c, today).state for c in cases}
    assert {
        CaseState.WAITING,
        CaseState.CANCELLED,
        CaseState.DONE_ON_TIME,
        CaseState.DONE_LATE,
    } <= found


def test_overdue_by_working_days(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    at(D(2026, 4, 10))
    case = register(people["staff"])  # due Fri 17 April
    info = state_of(case, D(2026, 4, 21))
    assert (info.state, info.days, info.text) == (CaseState.OVERDUE, 2, "เกินกำหนด 2 วันทำการ")
    assert state_of(case, D(2026, 4, 17)).state == CaseState.DUE_TODAY
    assert state_of(case, D(2026, 4, 16)).text == "อยู่ในกำหนด (เหลือ 1 วันทำการ)"


# ---------------------------------------------------------------------------------------------
# Lists


def test_list_filters_sorts_and_pages(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    staff, staff2, head = people["staff"], people["staff2"], people["head"]
    at(D(2026, 4, 1))
    for n in range(12):
        case = register(
            staff if n % 2 else staff2, title=f"เรื่องที่ {n:02d}", received_on=D(2026, 3, 20 + n % 10)
        )
        if n % 3 == 0:
            act(head, case, "approve")
    f = CaseFilter()
    page = list_cases(people["viewer"], sample_process.KEY, f, "number", False, 0, 5)
    assert page.total == 12 and [r.number for r in page.rows] == [
        f"ห.{i}/2569" for i in range(1, 6)
    ]
    page2 = list_cases(people["viewer"], sample_process.KEY, f, "number", False, 10, 5)
    assert [r.number for r in page2.rows] == ["ห.11/2569", "ห.12/2569"]
    by_step = list_cases(
        None, sample_process.KEY, CaseFilter(step="prepare"), "number", False, 0, 50
    )
    assert by_step.total == 4 and {r.step_label for r in by_step.rows} == {"เตรียมห้อง"}
    assert {r.holder for r in by_step.rows} <= {"นายสมชาย ใจดี", "นางสาวสุดา รักษ์ไทย"}
    mine = list_cases(
        None, sample_process.KEY, CaseFilter(person_id=staff.id), "number", False, 0, 50
    )
    assert mine.total == 6
    # The head holds the eight cases waiting for approval by role: they are the head's too.
    for_head = list_cases(None, sample_process.KEY, CaseFilter(person_id=head.id))
    assert for_head.total == 8 and {r.step for r in for_head.rows} == {"review"}
    text = list_cases(None, sample_process.KEY, CaseFilter(text="ที่ 07"), "number", False, 0, 50)
    assert [r.title for r in text.rows] == ["เรื่องที่ 07"]
    period = CaseFilter(received_from=D(2026, 3, 25), received_to=D(2026, 3, 27))
    assert list_cases(None, sample_process.KEY, period, "received_on", True, 0, 50).total == 3
    overdue = CaseFilter(states=frozenset({CaseState.OVERDUE}))
    rows = list_cases(None, sample_process.KEY, overdue, "due_on", False, 0, 50).rows
    assert rows and all(r.state == CaseState.OVERDUE for r in rows)
    assert [r.due_on for r in rows] == sorted(r.due_on for r in rows if r.due_on)
    titles = [r.title for r in list_cases(None, sample_process.KEY, f, "title", True, 0, 50).rows]
    assert titles == sorted(titles, reverse=True)
    with pytest.raises(PermissionDenied):
        list_cases(User(role="nobody", id=0, username="x", full_name="x"), sample_process.KEY, f)


def test_dashboard_lists(proc: engine.ProcessDef, people: dict[str, User]) -> None:
    staff, head = people["staff"], people["head"]
    at(D(2026, 4, 10))
    waiting_for_head = register(staff)
    mine = act(head, register(staff), "approve")
    at(D(2026, 4, 17))
    assert [r.id for r in engine.my_work(head)] == [waiting_for_head.id]
    assert [r.id for r in engine.my_work(staff)] == [mine.id]
    assert engine.my_work_counts(head) == engine.WorkCounts(total=1, due_today=1, overdue=0)
    assert {r.id for r in engine.due_today(staff)} == {waiting_for_head.id, mine.id}
    at(D(2026, 4, 20))
    # The counts cover every case, not only the ones a short list shows.
    assert engine.my_work(head, limit=1) and engine.my_work_counts(head).overdue == 1
    more = register(staff)
    assert [r.id for r in engine.my_work(head, limit=1)] == [waiting_for_head.id]
    assert engine.my_work_counts(head) == engine.WorkCounts(total=2, due_today=0, overdue=1)
    assert more.due_on is not None and more.due_on > D(2026, 4, 20)
    assert {r.id for r in engine.overdue(staff)} == {waiting_for_head.id, mine.id}
    assert engine.overdue(staff)[0].state_text == "เกินกำหนด 1 วันทำการ"
    counts = {c.process: c for c in engine.state_counts(staff)}
    assert counts[sample_process.KEY].counts[CaseState.OVERDUE] == 2


def test_definition_mistakes_are_caught() -> None:
    from dataclasses import replace

    bad = replace(
        sample_process.DEFINITION,
        key="broken",
        steps=(
            sample_process.DEFINITION.steps[0],
            replace(
                sample_process.DEFINITION.steps[1],
                outcomes=(engine.Outcome("x", engine.OutcomeKind.SEND_BACK, "x", target="close"),),
            ),
        ),
    )
    with pytest.raises(ValueError):
        bad.validate()


def test_engine_on_every_backend(db: peewee.Database, make_user: Callable[..., User]) -> None:
    """Open, move, list (every sort order, state and text filters), recompute: SQLite, PostgreSQL
    and MariaDB alike (NULLS ordering, substring search and the version check differ by backend)."""
    sample_process.install(db)
    try:
        staff, head = make_user(Role.STAFF), make_user(Role.HEAD, full_name="หัวหน้าทดสอบ")
        at(D(2026, 4, 10))
        first = register(staff, title="ขอใช้ห้องประชุมใหญ่")
        second = register(staff, title="ขอใช้ห้อง Meeting")
        act(head, second, "to_requester", comment="แก้จำนวน")
        third = act(head, register(staff, title="ห้องสัมมนา"), "refuse", comment="ไม่ว่าง")
        at(D(2026, 4, 20))
        for key in (
            "number",
            "title",
            "requester",
            "step",
            "holder",
            "received_on",
            "due_on",
            "state",
        ):
            for descending in (False, True):
                page = list_cases(None, sample_process.KEY, CaseFilter(), key, descending, 0, 2)
                assert page.total == 3 and len(page.rows) == 2
        urgent = list_cases(None, sample_process.KEY, CaseFilter(), "state", False, 0, 10).rows
        assert [r.id for r in urgent] == [first.id, second.id, third.id]
        assert urgent[0].state == CaseState.OVERDUE and urgent[1].state == CaseState.WAITING
        found = list_cases(
            None, sample_process.KEY, CaseFilter(text="meeting"), "number", False, 0, 10
        )
        assert [r.id for r in found.rows] == [second.id] and found.total == 1
        assert (
            list_cases(
                None, sample_process.KEY, CaseFilter(text="ห้อง"), "number", False, 0, 10
            ).total
            == 3
        )
        for state in CaseState:
            where = state_condition(state, D(2026, 4, 20))
            assert {c.id for c in Case.select().where(where)} == {
                c.id for c in Case.select() if state_of(c, D(2026, 4, 20)).state == state
            }
        office_days.add_office_day(head, D(2026, 4, 17), "closed", "วันหยุดพิเศษ")
        assert engine.get_case(first.id).due_on == D(2026, 4, 20)
        with pytest.raises(ConflictError, match="หัวหน้าทดสอบ"):
            act(staff, first.id, "approve", expected_version=1)
    finally:
        sample_process.uninstall()
