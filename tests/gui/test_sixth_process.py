"""A sixth process is one definition plus one view module: the meeting-room process defined only
in the tests gets a working tab (list, case view, forms, dashboard links) with no other code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import peewee
import pytest

from models import clock, records
from models.org import Signatory
from models.permissions import Role
from models.users import User
from tests import sample_process
from tests.gui.conftest import MessageBoxes
from tests.gui.desk import Desk, accepted, context, patch_dialogs
from views import registry
from views.casework.dashboard import due_today_section, my_work_section
from views.registry import OpenRequest
from views.widgets.cases import ProcessTab

pytestmark = pytest.mark.gui


@pytest.fixture
def room_process(sqlite_db: peewee.Database) -> Iterator[None]:
    sample_process.install(sqlite_db)
    import tests.sample_process_view  # noqa: F401 - the view module registers the tab

    yield
    registry.unregister("rooms")
    sample_process.uninstall()


def test_the_sixth_process_needs_no_other_code(
    qtbot: Any,
    room_process: None,
    make_user: Any,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    forms, _printed = patch_dialogs(monkeypatch)
    staff: User = make_user(Role.STAFF, full_name="นายสมชาย ใจดี")
    head: User = make_user(Role.HEAD, full_name="นางสาวพรทิพย์ วงศ์สุวรรณ")
    director = records.create(
        None, Signatory, title="ผู้อำนวยการ", full_name="ดร.สมศักดิ์ วิทยาพัฒน์", position="ผอ."
    )
    clock.set_clock(lambda: dt.datetime(2026, 4, 10, 9))

    spec = registry.view_spec("rooms")
    assert spec is not None and spec.title == "ขอใช้ห้องประชุม"
    assert "rooms" in [v.key for v in registry.views_for(staff)]
    tab = spec.factory(context(staff))
    assert isinstance(tab, ProcessTab)

    desk = Desk(qtbot, staff, "room_request", forms)
    dialog = desk.register(
        {
            "title": "ขอใช้ห้องประชุมสัมมนา",
            "requester": "งานบริหารทั่วไป",
            "received_on": dt.date(2026, 4, 10),
            "people": "80",
        }
    )
    assert accepted(dialog) and desk.numbers() == ["ห.1/2569"]
    reviewer = Desk(qtbot, head, "room_request", forms)
    reviewer.open("ห.1/2569")
    assert reviewer.buttons() == ["approve", "to_requester", "refuse"]
    approve = reviewer.act("approve")
    assert not accepted(approve) and "ไม่เกิน 50 คน" in approve.banner.text(), "the guard's reason"
    approve.reject()
    reviewer.act("to_requester", comment="ลดจำนวนผู้เข้าประชุม")
    desk.open("ห.1/2569")
    correct = desk.panel
    correct.edit_details()
    desk.wait()
    fix = forms[-1]
    fix.form.set_value("people", "40")
    desk.submit(fix)
    assert accepted(fix)
    desk.act("resume")
    reviewer.open("ห.1/2569")
    reviewer.act("approve")
    # The dashboard links straight to the case in the sixth process's tab.
    (item,) = my_work_section(staff).items
    assert item.open == OpenRequest("rooms", "case", item.open.id if item.open else None)
    assert item.due == dt.date(2026, 4, 20) and "เตรียมห้อง" in item.detail
    assert due_today_section(staff).counts[0].value == 0
    tab2 = ProcessTab(context(staff), "room_request")
    qtbot.addWidget(tab2)
    assert item.open is not None
    tab2.open_request(item.open)
    desk.wait()
    assert tab2.panel.current is not None and tab2.panel.current.view.row.number == "ห.1/2569"
    desk.open("ห.1/2569")
    desk.act("done", {"room": "b"})
    desk.act("signed", {"signatory": director.id})
    desk.act("close", {"summary": "ใช้ห้องประชุม 2"})
    assert desk.panel.state_label.text() == "เสร็จภายในกำหนด"
    assert "ลดจำนวนผู้เข้าประชุม" in desk.timeline()
