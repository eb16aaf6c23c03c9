"""Placing one's own signature image from the case screen: the button shows only for the block
of a step the user did; the printed cover note then carries the image; withdrawing removes it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pdfplumber
import peewee
import pytest
from PySide6.QtCore import Qt

from models.signing import images
from tests.gui.desk import Desk, patch_dialogs
from tests.process_office import Office, make_office
from tests.unit.signing.images_for_tests import transparent_png
from tests.unit.signing.test_signature_images import _case_checked

pytestmark = pytest.mark.gui


@pytest.fixture
def office(sqlite_db: peewee.Database) -> Iterator[Office]:
    yield make_office()


def _images(pdf: bytes) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages[0].images)


def test_place_and_withdraw_from_the_case_screen(
    qtbot: Any, office: Office, monkeypatch: pytest.MonkeyPatch, message_boxes: Any
) -> None:
    case = _case_checked(office)
    images.upload_signature(office["somchai"], transparent_png())
    forms, printed = patch_dialogs(monkeypatch)

    admin = Desk(qtbot, office["sysadmin"], "data_request", forms)
    admin.open(case.number)
    assert not [k for k in admin.panel.print_buttons if k.startswith("sign:")]

    staff = Desk(qtbot, office["somchai"], "data_request", forms)
    staff.open(case.number)
    key = "sign:cover_note:signer"
    assert [k for k in staff.panel.print_buttons if k.startswith("sign:")] == [key]
    assert staff.panel.print_buttons[key].text().startswith("วางลายมือชื่อของฉันใน")
    qtbot.mouseClick(staff.panel.print_buttons[key], Qt.MouseButton.LeftButton)
    assert "วางลายมือชื่อของท่านแล้ว" in message_boxes.shown[-1].text
    assert staff.panel.print_buttons[key].text().startswith("ถอนลายมือชื่อจาก")
    staff.print("cover_note")
    assert _images(printed.last) == 1

    qtbot.mouseClick(staff.panel.print_buttons[key], Qt.MouseButton.LeftButton)
    staff.print("cover_note")
    assert _images(printed.last) == 0
