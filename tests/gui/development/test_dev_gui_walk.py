"""Process 5 walked through the window: the in-house branch from the requester's meeting to the
last training, the not-approved end, and the outsourced branch's own records (presentations,
selection with the F8 report printed, trainings); each step by the role that does it, the records
entered in their dialogs, bad input refused with the form kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from models.development import records
from models.development.process import project_for_case
from models.engine import CaseResult, get_case
from models.engine.tables import Case
from tests.gui.conftest import MessageBoxes
from tests.gui.desk import Desk, accepted, context, patch_dialogs
from tests.process_office import pdf_text, squash
from tests.unit.development.dev_office import (
    D,
    DevOffice,
    at,
    make_dev_office,
)
from views.development.records_panel import DevRecordsPanel
from views.widgets.dialogs import SubmitDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def office(sqlite_db: peewee.Database, message_boxes: MessageBoxes) -> Iterator[DevOffice]:
    # a closing move asks first; the walks answer with its first (go-ahead) button
    message_boxes.answer = lambda box: box.buttons[0]
    yield make_dev_office()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name in ("minutes", "flowchart", "manual", "signin", "tor"):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(b"%PDF-1.4 " + name.encode())
        out[name] = path
    return out


class Records:
    """One user's records panel for a project, with its dialogs opened without blocking."""

    def __init__(self, qtbot: Any, desk: Desk, case_id: int) -> None:
        self.qtbot = qtbot
        self.desk = desk
        self.panel = DevRecordsPanel(desk.ctx)
        qtbot.addWidget(self.panel)
        self.panel.show_case(case_id)
        desk.wait()

    def dialog(self, kind: str) -> SubmitDialog:
        dialog = self.panel.build(kind)
        assert dialog is not None
        dialog.show()
        return dialog

    def ok(self, dialog: QDialog) -> None:
        self.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        self.desk.wait()


def _project(desk: Desk) -> Case:
    return Case.select().where(Case.process == records.KEY).order_by(Case.id.desc()).get()


def register(desk: Desk, files: dict[str, Path], title: str) -> Case:
    dialog = desk.register(
        {
            "title": title,
            "requester": "สำนักประเมินคุณภาพการศึกษาขั้นพื้นฐาน",
            "received_on": D(2026, 10, 6),
            "idea": "ระบบติดตามข้อเสนอแนะ",
            "met_on": D(2026, 10, 6),
            "attendees": "รอง ผอ., หน.ภทส.",
        },
        {"minutes": [files["minutes"]]},
    )
    assert accepted(dialog), dialog.banner.text()
    return _project(desk)


def test_in_house_project_through_the_window(
    qtbot: Any, office: DevOffice, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    forms, _printed = patch_dialogs(monkeypatch)
    at(D(2026, 10, 6))
    staff = Desk(qtbot, office["somchai"], records.KEY, forms)
    case = register(staff, files, "ระบบติดตามข้อเสนอแนะของผู้ประเมินภายนอก")

    at(D(2026, 10, 8))
    head = Desk(qtbot, office["head"], records.KEY, forms)
    head.open(case.number)
    assert set(head.buttons()) >= {"approve", "refuse"}
    dialog = head.act(
        "approve",
        {"benefit": "ลดเวลาติดตาม", "weighing": "งบประมาณเหมาะสม", "decided_on": D(2026, 10, 8)},
    )
    assert accepted(dialog), dialog.banner.text()

    # step 4: without a requirement meeting the move is refused and says why
    at(D(2026, 10, 12))
    staff.open(case.number)
    dialog = staff.act("done")
    assert not accepted(dialog) and "ประชุมรับฟังความต้องการ" in dialog.banner.text()
    dialog.reject()
    panel = Records(qtbot, staff, case.id)
    meeting = panel.dialog("meeting")
    meeting.user_group.setText("")  # type: ignore[attr-defined]
    panel.ok(meeting)
    assert not accepted(meeting) and "user_group" in meeting.errors.marked()
    meeting.user_group.setText("ฝ่ายประเมิน")  # type: ignore[attr-defined]
    meeting.attendees.setPlainText("8 คน")  # type: ignore[attr-defined]
    panel.ok(meeting)
    assert accepted(meeting), meeting.banner.text()
    assert panel.panel.meetings.rowCount() == 1
    staff.open(case.number)
    assert accepted(staff.act("done"))

    at(D(2026, 10, 20))
    staff.open(case.number)
    dialog = staff.act(
        "done",
        {"functions": "บันทึก ติดตาม รายงาน", "scope": "ทุกสำนัก", "timeline": "6 เดือน"},
        files={"flowchart": [files["flowchart"]]},
    )
    assert accepted(dialog), dialog.banner.text()

    at(D(2026, 10, 22))
    staff.open(case.number)
    assert {"in_house", "outsource"} <= set(staff.buttons())
    assert accepted(staff.act("in_house", {"cost": "0", "mode_decided_on": D(2026, 10, 22)}))

    at(D(2026, 11, 2))
    panel = Records(qtbot, staff, case.id)
    rounds = panel.dialog("round")
    rounds.started_on.set_value(D(2026, 10, 23))  # type: ignore[attr-defined]
    rounds.finished_on.set_value(D(2026, 11, 2))  # type: ignore[attr-defined]
    rounds.tested.setPlainText("ผ่าน 40 กรณี")  # type: ignore[attr-defined]
    panel.ok(rounds)
    assert accepted(rounds), rounds.banner.text()
    milestone = panel.dialog("milestone")
    milestone.title.setText("ต้นแบบ")  # type: ignore[attr-defined]
    milestone.planned_on.set_value(D(2026, 9, 1))  # type: ignore[attr-defined]
    panel.ok(milestone)
    assert not accepted(milestone) and "planned_on" in milestone.errors.marked()
    assert milestone.title.text() == "ต้นแบบ"  # type: ignore[attr-defined]
    milestone.planned_on.set_value(D(2026, 10, 30))  # type: ignore[attr-defined]
    panel.ok(milestone)
    assert accepted(milestone)
    assert panel.panel.strip.span() is not None and panel.panel.milestones.rowCount() == 1
    staff.open(case.number)
    assert accepted(staff.act("live", {"server": "VM 4 vCPU", "live_on": D(2026, 11, 2)}))

    at(D(2026, 11, 5))
    panel = Records(qtbot, staff, case.id)
    training = panel.dialog("training")
    training.place.setText("ห้องประชุม 1")  # type: ignore[attr-defined]
    training.user_group.setText("ฝ่ายประเมิน")  # type: ignore[attr-defined]
    training.invited.setValue(10)  # type: ignore[attr-defined]
    training.attended.setValue(12)  # type: ignore[attr-defined]
    panel.ok(training)
    assert not accepted(training) and "attended" in training.errors.marked()
    training.attended.setValue(9)  # type: ignore[attr-defined]
    panel.ok(training)
    assert accepted(training), training.banner.text()
    # the sign-in sheet printed for the session, then its signed scan attached back
    panel.panel.trainings.selectRow(0)
    captured: list[tuple[bytes, str]] = []
    monkeypatch.setattr(
        "views.development.records_panel.show_pdf",
        lambda _parent, result, _title: captured.append(result),
    )
    panel.panel.print_sign_in()
    staff.wait()
    assert captured and "ใบลงชื่อผู้เข้ารับการอบรม" in squash(pdf_text(captured[-1][0]))
    staff.open(case.number)
    dialog = staff.act("close", files={"user_manual": [files["manual"]]})
    assert not accepted(dialog) and "ใบลงชื่อ" in dialog.banner.text()
    dialog.reject()
    panel.panel.trainings.selectRow(0)
    panel.panel.attach_sign_in(files["signin"])
    staff.wait()
    staff.open(case.number)
    dialog = staff.act("close", files={"user_manual": [files["manual"]]})
    assert accepted(dialog), dialog.banner.text()

    done = get_case(case.id)
    assert done.status == "closed" and done.result == CaseResult.COMPLETED
    project = project_for_case(done)
    assert project.mode == records.Mode.IN_HOUSE and project.completed_on == D(2026, 11, 5)


def test_not_approved_request_ends_with_the_reason(
    qtbot: Any,
    office: DevOffice,
    files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    forms, _printed = patch_dialogs(monkeypatch)
    at(D(2026, 10, 6))
    staff = Desk(qtbot, office["somchai"], records.KEY, forms)
    case = register(staff, files, "ระบบจองรถยนต์ส่วนกลาง")
    at(D(2026, 10, 8))
    head = Desk(qtbot, office["head"], records.KEY, forms)
    head.open(case.number)
    values = {"benefit": "ลดการจองซ้ำ", "weighing": "ซ้ำกับระบบกลาง", "decided_on": D(2026, 10, 8)}
    dialog = head.act("refuse", values)
    assert not accepted(dialog)  # the reason for the requester is required
    assert dialog.form.values()["benefit"] == "ลดการจองซ้ำ"
    dialog.form.comment.setPlainText("มีระบบกลางของหน่วยงานอยู่แล้ว")  # type: ignore[union-attr]
    head.submit(dialog)
    assert accepted(dialog), dialog.banner.text()
    assert "ไม่อนุมัติและปิดโครงการนี้" in message_boxes.last.text
    closed = get_case(case.id)
    assert closed.status == "closed" and closed.result == CaseResult.REFUSED
    head.open(case.number)
    assert "มีระบบกลางของหน่วยงานอยู่แล้ว" in head.timeline()
    assert head.buttons() == []


def test_records_panel_is_read_only_for_a_closed_project(
    qtbot: Any, office: DevOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.unit.development.dev_office import in_house

    case = in_house(office)
    panel = DevRecordsPanel(context(office["somchai"]))
    qtbot.addWidget(panel)
    panel.show_case(case.id)
    qtbot.waitUntil(lambda: panel.data is not None, timeout=10_000)
    assert panel.meetings.rowCount() == 2 and panel.trainings.rowCount() == 1
    assert not any(button.isEnabled() for button in panel.buttons)
    assert dt.date(2026, 11, 5) == panel.data.trainings[0]["held_on"]  # type: ignore[union-attr]
