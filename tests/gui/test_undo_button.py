"""The case view's "ยกเลิกการดำเนินการล่าสุด" (issue 13, point 8): shown to the actor of the last
move while it may be taken back; asks, takes it back, and the history shows both entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import peewee
import pytest

from models import clock
from models.engine import act, open_case
from models.engine.tables import Case
from tests.gui.conftest import MessageBoxes
from tests.gui.desk import Desk, patch_dialogs
from tests.process_office import Office, make_office
from tests.unit.publication.test_publications import FILES, registration

pytestmark = pytest.mark.gui
START = dt.datetime(2026, 4, 10, 10, 0)


def at(moment: dt.datetime) -> None:
    clock.set_clock(lambda: moment)


@pytest.fixture
def office(sqlite_db: peewee.Database) -> Iterator[Office]:
    at(START)
    yield make_office()


def test_undo_button_takes_back_the_last_move(
    qtbot: Any, office: Office, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes
) -> None:
    case = open_case(office["somchai"], "publication", registration(office), FILES)
    act(office["support_head"], case, "to_requester", comment="ขาดลายมือชื่อ")
    forms, _printed = patch_dialogs(monkeypatch)
    other = Desk(qtbot, office["somchai"], "publication", forms)
    other.open(case.number)
    assert not other.panel.undo_button.isVisibleTo(other.panel)  # not somchai's move

    desk = Desk(qtbot, office["support_head"], "publication", forms)
    desk.open(case.number)
    button = desk.panel.undo_button
    assert button.isVisibleTo(desk.panel)
    assert "ได้ถึง" in button.toolTip()
    message_boxes.answer = "ไม่ยกเลิก"
    button.click()
    assert Case.get_by_id(case.id).current_step == "review"
    assert Case.get_by_id(case.id).paused_since is not None  # still with the requester
    message_boxes.answer = "ยกเลิกการดำเนินการ"
    button.click()
    desk.wait()
    assert Case.get_by_id(case.id).paused_since is None
    timeline = desk.panel.timeline.toPlainText()
    assert "ขาดลายมือชื่อ" in timeline and "ยกเลิกการดำเนินการ" in timeline
    assert not button.isVisibleTo(desk.panel)

    # after the time set, the button is gone
    act(office["head"], Case.get_by_id(case.id), "approve",
        data={"criteria_rules": True, "criteria_chain": True})  # fmt: skip
    desk2 = Desk(qtbot, office["head"], "publication", forms)
    desk2.open(case.number)
    assert desk2.panel.undo_button.isVisibleTo(desk2.panel)
    at(START + dt.timedelta(minutes=16))
    desk2.panel.reload()
    desk2.wait()
    assert not desk2.panel.undo_button.isVisibleTo(desk2.panel)
