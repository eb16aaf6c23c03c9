"""Bad input to process 5's records is refused in the domain with a Thai message naming the
field, and nothing is saved."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.development import records
from models.errors import DomainError, ValidationError
from tests.unit.development.dev_office import D, at, make_dev_office, open_project


@pytest.fixture
def project(db: peewee.Database):  # type: ignore[no-untyped-def]
    o = make_dev_office()
    case = open_project(o)
    at(D(2026, 11, 2))
    return o, case


def test_more_attendees_than_invited_is_refused(project) -> None:  # type: ignore[no-untyped-def]
    o, case = project
    with pytest.raises(ValidationError) as caught:
        records.add_training(
            o["somchai"],
            case.id,
            held_on=D(2026, 11, 2),
            place="ห้อง 1",
            user_group="ก",
            invited=5,
            attended=6,
        )
    assert "attended" in caught.value.errors
    assert "มากกว่าจำนวนผู้ได้รับเชิญ" in caught.value.message
    assert records.trainings(case.id) == []


def test_a_milestone_before_the_project_start_is_refused(project) -> None:  # type: ignore[no-untyped-def]
    o, case = project
    with pytest.raises(ValidationError) as caught:
        records.add_milestone(o["somchai"], case.id, title="ต้นแบบ", planned_on=D(2026, 9, 30))
    assert "planned_on" in caught.value.errors
    assert "ก่อนวันที่เริ่มโครงการ" in caught.value.message
    assert records.milestones(case.id) == []


def test_scores_above_the_criterion_and_unregistered_vendors_are_refused(project) -> None:  # type: ignore[no-untyped-def]
    o, case = project
    names = [n for n, _p in records.criteria()]
    too_high = {n: 999 for n in names}
    with pytest.raises(ValidationError) as caught:
        records.add_presentation(
            o["somchai"],
            case.id,
            vendor_id=o.vendors[0].id,
            presented_on=D(2026, 11, 2),
            scores=too_high,
        )
    assert f"score:{names[0]}" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        records.add_presentation(
            o["somchai"],
            case.id,
            vendor_id=999_999,
            presented_on=D(2026, 11, 2),
            scores={n: 1 for n in names},
        )
    assert "vendor" in caught.value.errors
    assert records.presentations(case.id) == []


@pytest.mark.parametrize(
    ("rate", "field"),
    [("-5", "rate"), ("abc", "rate"), ("NaN", "rate"), ("1e40", "rate"), ("", "rate")],
)
def test_bad_amounts_in_the_median_price_are_refused(project, rate: str, field: str) -> None:  # type: ignore[no-untyped-def]
    o, case = project
    with pytest.raises(ValidationError) as caught:
        records.add_cost_item(
            o["somchai"], case.id, kind=records.CostKind.OTHER, description="x", rate=rate
        )
    assert field in caught.value.errors
    assert records.cost_items(case.id) == []


def test_criteria_come_from_the_setting(project) -> None:  # type: ignore[no-untyped-def]
    from models import settings as office_settings

    o, _case = project
    office_settings.put(o["sysadmin"], "development.criteria", "ผลงาน=40; ราคา=60; ผิดรูปแบบ")
    assert records.criteria() == [("ผลงาน", 40), ("ราคา", 60)]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.one_of(
        st.text(max_size=400),
        st.sampled_from(["=cmd|' /C calc'!A0", "a\x00b", "\ud800", "x" * 10_000_000]),
    ),
    number=st.one_of(
        st.text(max_size=30), st.integers(), st.floats(allow_nan=True, allow_infinity=True)
    ),
)
def test_hostile_input_gives_a_thai_message_or_a_record(project, text: str, number: object) -> None:  # type: ignore[no-untyped-def]
    o, case = project
    staff = o["somchai"]
    calls = [
        lambda: records.add_meeting(
            staff, case.id, met_on=D(2026, 11, 1), user_group=text, notes=text
        ),
        lambda: records.add_cost_item(
            staff, case.id, kind=records.CostKind.OTHER, description=text, rate=number
        ),
        lambda: records.add_training(
            staff, case.id, held_on=D(2026, 11, 1), place=text, user_group="ก", invited=number
        ),
        lambda: records.add_milestone(staff, case.id, title=text, planned_on=dt.date(2026, 12, 1)),
    ]
    for call in calls:
        try:
            call()
        except DomainError as exc:
            assert exc.message and any("\u0e00" <= ch <= "\u0e7f" for ch in exc.message)
