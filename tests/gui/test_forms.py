"""views.widgets.forms: invalid fields marked; the conflict dialog keeps the user's input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from models import office
from models.errors import ConflictError, ValidationError
from models.org import Unit
from views.widgets.forms import (
    ERROR_PROPERTY,
    ConflictChoice,
    ConflictDialog,
    FormErrors,
    display_value,
    handle_save_error,
)

pytestmark = pytest.mark.gui


def make_form(qtbot: Any) -> tuple[QWidget, QLineEdit, QLineEdit, QLabel, FormErrors]:
    host = QWidget()
    qtbot.addWidget(host)
    name, phone, banner = QLineEdit(host), QLineEdit(host), QLabel(host)
    phone.setToolTip("เบอร์ภายใน")
    errors = FormErrors({"name": name, "phone": phone}, banner=banner)
    return host, name, phone, banner, errors


def test_validation_error_marks_fields_and_clears(qtbot: Any) -> None:
    host, name, phone, banner, errors = make_form(qtbot)
    host.show()
    exc = ValidationError("กรุณากรอกชื่อหน่วยงาน", {"name": "กรุณากรอกชื่อหน่วยงาน", "code": "รหัสซ้ำ"})
    unknown = errors.show(exc)
    assert unknown == ["code"]
    assert name.property(ERROR_PROPERTY) is True
    assert name.toolTip() == "กรุณากรอกชื่อหน่วยงาน"
    assert not phone.property(ERROR_PROPERTY)
    assert "กรุณากรอกชื่อหน่วยงาน" in banner.text() and "รหัสซ้ำ" in banner.text()
    assert host.focusWidget() is name
    errors.clear()
    assert not name.property(ERROR_PROPERTY)
    assert name.styleSheet() == "" and phone.toolTip() == "เบอร์ภายใน"
    assert banner.isHidden()


def conflict_on_real_record() -> tuple[Unit, ConflictError]:
    unit = office.save_unit(None, None, name="งานพัสดุ", phone="1200")
    stale_version = unit.version
    office.save_unit(None, Unit.get_by_id(unit.id), phone="1299")  # someone else saves first
    try:
        office.save_unit(None, unit, expected_version=stale_version, phone="1250")
    except ConflictError as exc:
        return unit, exc
    raise AssertionError("the stale save was not refused")


def test_conflict_dialog_shows_both_sides(qtbot: Any, sqlite_db: Any) -> None:
    _unit, exc = conflict_on_real_record()
    dialog = ConflictDialog(
        exc, {"name": "งานพัสดุ", "phone": "1250"}, {"name": "ชื่อ", "phone": "โทรศัพท์"}
    )
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [table.item(1, c).text() for c in range(3)] == ["โทรศัพท์", "1299", "1250"]
    assert (
        table.item(0, 1).background().color().name() != table.item(1, 1).background().color().name()
    )
    assert dialog.overwrite_button is not None
    dialog.overwrite_button.click()
    assert dialog.choice is ConflictChoice.OVERWRITE


@pytest.mark.parametrize("choice", list(ConflictChoice))
def test_conflict_flow_keeps_input(
    qtbot: Any, sqlite_db: Any, monkeypatch: pytest.MonkeyPatch, choice: ConflictChoice
) -> None:
    host, name, phone, _banner, errors = make_form(qtbot)
    name.setText("งานพัสดุ")
    phone.setText("1250")
    unit, exc = conflict_on_real_record()
    monkeypatch.setattr(ConflictDialog, "ask", lambda self: choice)
    calls: list[tuple[str, dict[str, Any]]] = []
    result = handle_save_error(
        host,
        exc,
        lambda e, p: calls.append(("error", {})),
        errors=errors,
        mine={"name": name.text(), "phone": phone.text()},
        labels={"name": "ชื่อ", "phone": "โทรศัพท์"},
        overwrite=lambda current: calls.append(("overwrite", current)),
        reload=lambda current: calls.append(("reload", current)),
    )
    assert result is choice
    assert phone.text() == "1250"  # the input is never touched by the flow itself
    if choice is ConflictChoice.EDIT:
        assert calls == []
    else:
        kind, current = calls[0]
        assert kind == choice.value
        assert current["phone"] == "1299" and current["version"] == 2
    if choice is ConflictChoice.OVERWRITE:
        # Re-applying over the version the user has now seen succeeds.
        saved = office.save_unit(None, unit, expected_version=2, phone=phone.text())
        assert saved.phone == "1250" and saved.version == 3


def test_deleted_record_offers_only_going_back(qtbot: Any) -> None:
    exc = ConflictError(
        "ไม่พบรายการนี้แล้ว อาจถูกลบไปแล้ว", changed_by=None, changed_at=None, current=None
    )
    dialog = ConflictDialog(exc, {"name": "x"}, {"name": "ชื่อ"})
    qtbot.addWidget(dialog)
    assert dialog.overwrite_button is None and dialog.reload_button is None
    dialog.edit_button.click()
    assert dialog.choice is ConflictChoice.EDIT


def test_display_value() -> None:
    assert display_value("2026-11-23") == "23 พ.ย. 2569"
    assert display_value(dt.date(2026, 1, 2)) == "2 ม.ค. 2569"
    assert display_value(None) == "-"
    assert display_value(True) == "ใช่"
