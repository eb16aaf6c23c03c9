"""The engine features process 2 added for every process, on a throwaway process defined here:
RECORD fields (records from a registered source: refused when the source does not know the id,
shown by label in the timeline), DECIMAL fields, the ``on_saved`` hook after every open, move and
registration edit, history notes outside steps (``record_event`` with a registered label), and
``case_where``/``case_order`` for a list joined to the process's own table."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterator
from typing import Any

import peewee
import pytest

from models import clock
from models.base import VersionedModel
from models.engine import (
    Case,
    CaseFilter,
    Deadline,
    Field,
    FieldKind,
    Outcome,
    OutcomeKind,
    ProcessDef,
    Step,
    act,
    case_view,
    get_case,
    open_case,
    queries,
    register_process,
    staff_roles,
    unregister_process,
    update_details,
)
from models.engine import core as engine_core
from models.engine.definition import RecordSource
from models.engine.registry import get_source, register_source
from models.errors import ValidationError
from models.i18n import N_
from models.permissions import Role

KEY = "parcel"
SHELVES = {1: "ชั้น A", 2: "ชั้น B"}


class Parcel(VersionedModel):
    case = peewee.ForeignKeyField(Case, unique=True, on_delete="CASCADE")
    shelf = peewee.IntegerField(null=True)
    postage = peewee.DecimalField(max_digits=10, decimal_places=2, null=True)
    saved_times = peewee.IntegerField(default=0)

    class Meta:
        table_name = "test_parcel"


def _count_saves(actor: Any, case: Case, parcel: Parcel | None) -> None:
    assert parcel is not None and parcel.id is not None  # the stored row, after the move
    Parcel.update(saved_times=Parcel.saved_times + 1).where(Parcel.id == parcel.id).execute()


register_source(
    RecordSource(
        "test_shelf",
        N_("ชั้นวาง"),
        lambda shelf_id: SHELVES.get(shelf_id),
        choices=lambda: list(SHELVES.items()),
    )
)
queries.register_event_label("weighed", N_("ชั่งน้ำหนักพัสดุ"))

DEFINITION = ProcessDef(
    key=KEY,
    label=N_("รับพัสดุ"),
    short_label=N_("พัสดุ"),
    deadline=Deadline(days=1),
    detail_model=Parcel,
    on_saved=_count_saves,
    steps=(
        Step(
            "register",
            N_("รับพัสดุ"),
            staff_roles(),
            outcomes=(Outcome("register", OutcomeKind.DONE, N_("ลงทะเบียน")),),
            fields=(
                Field("title", N_("เรื่อง"), required=True, store="case.title"),
                Field("shelf", N_("ชั้นวาง"), FieldKind.RECORD, store="shelf", source="test_shelf"),
            ),
        ),
        Step(
            "pay",
            N_("ชำระค่าส่ง"),
            staff_roles(),
            outcomes=(Outcome("paid", OutcomeKind.END, N_("ชำระแล้ว")),),
            fields=(
                Field(
                    "postage",
                    N_("ค่าส่ง (บาท)"),
                    FieldKind.DECIMAL,
                    required=True,
                    store="postage",
                    minimum=0,
                    maximum=5000,
                ),
            ),
        ),
    ),
)


@pytest.fixture
def parcel_process(sql_db: peewee.Database) -> Iterator[ProcessDef]:
    sql_db.create_tables([Parcel])
    clock.set_clock(lambda: dt.datetime(2026, 6, 1, 10, 0))
    yield register_process(DEFINITION)
    unregister_process(KEY)


def test_record_and_decimal_fields_and_the_saved_hook(parcel_process, make_user) -> None:
    clerk = make_user(Role.STAFF)
    with pytest.raises(ValidationError) as unknown:
        open_case(clerk, KEY, {"title": "กล่องเอกสาร", "shelf": 9})
    assert "shelf" in unknown.value.errors
    case = open_case(clerk, KEY, {"title": "กล่องเอกสาร", "shelf": 2})
    parcel = Parcel.get(Parcel.case == case.id)
    assert (parcel.shelf, parcel.saved_times) == (2, 1)
    update_details(clerk, case.id, {"title": "กล่องเอกสาร (ด่วน)", "shelf": 1})
    assert Parcel.get_by_id(parcel.id).saved_times == 2
    for bad in ("ฟรี", "-1", "5000.01", "NaN"):
        with pytest.raises(ValidationError) as refused:
            act(clerk, case.id, "paid", data={"postage": bad})
        assert "postage" in refused.value.errors
    assert Parcel.get_by_id(parcel.id).saved_times == 2  # refused moves save nothing
    act(clerk, case.id, "paid", data={"postage": "1,250.5"})
    stored = Parcel.get_by_id(parcel.id)
    assert stored.postage == decimal.Decimal("1250.50") and stored.saved_times == 3
    view = case_view(clerk, case.id)
    values = dict(v for e in view.timeline for v in e.values)
    assert values["ชั้นวาง"] == "ชั้น A" and values["ค่าส่ง (บาท)"] == "1,250.50"
    assert get_source("test_shelf").label(2) == "ชั้น B"


def test_history_notes_outside_steps(parcel_process, make_user) -> None:
    clerk = make_user(Role.STAFF)
    case = open_case(clerk, KEY, {"title": "กล่องเอกสาร"})
    engine_core.record_event(clerk, get_case(case.id), "weighed", "หนัก 2.4 กิโลกรัม", {"kg": 2.4})
    entry = case_view(clerk, case.id).timeline[-1]
    assert (entry.kind, entry.outcome_label, entry.comment) == (
        "event",
        "ชั่งน้ำหนักพัสดุ",
        "หนัก 2.4 กิโลกรัม",
    )
    assert get_case(case.id).current_step == "pay"  # a note does not move the case


def test_a_process_list_joined_to_its_own_table(parcel_process, make_user) -> None:
    clerk = make_user(Role.STAFF)
    for title, shelf in (("ก", 1), ("ข", 2), ("ค", 2)):
        open_case(clerk, KEY, {"title": title, "shelf": shelf})
    today = clock.today()
    where = queries.case_where(KEY, CaseFilter(open_only=True), today) & (Parcel.shelf == 2)
    rows = (
        Case.select(Case.title)
        .join(Parcel, on=(Parcel.case == Case.id))
        .where(where)
        .order_by(*queries.case_order("number", True, today))
    )
    assert [r.title for r in rows] == ["ค", "ข"]
