"""Forms start where people usually are and say what must be filled: the repair ticket's document
kind starts at บันทึกข้อความ, and every registration form of every process marks its required
fields (and only those) with " *"."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from desktop.context import AppContext, DatabaseInfo
from models import db as dbmod
from models.engine import FieldKind
from models.engine.core import may_act
from models.engine.registry import all_processes
from models.engine.screens import registration_form
from models.permissions import Role
from models.support import tickets
from views.widgets.case_forms import FormDialog

pytestmark = pytest.mark.gui


def context(user: Any) -> AppContext:
    info = DatabaseInfo(
        url="test", display=dbmod.current_url_display(), backend="sqlite", is_embedded=True
    )
    return AppContext(user, info)


def form_for(qtbot: Any, user: Any, process_key: str) -> FormDialog:
    spec = registration_form(user, process_key)
    dialog = FormDialog(context(user), spec, lambda *_a: 0)
    qtbot.addWidget(dialog)
    return dialog


def label_of(dialog: FormDialog, widget: QWidget) -> str:
    layout = dialog.form.layout_
    assert isinstance(layout, QFormLayout)
    label = layout.labelForField(widget)
    if label is None:  # a field with a hint sits in a box with its hint under it
        parent = widget.parentWidget()
        label = layout.labelForField(parent) if parent is not None else None
    if isinstance(label, QLabel):
        return label.text()
    return widget.text() if isinstance(widget, QCheckBox) else ""


def test_a_repair_ticket_starts_as_a_memo(qtbot: Any, sqlite_db: Any, make_user: Any) -> None:
    staff = make_user(Role.STAFF)
    dialog = form_for(qtbot, staff, tickets.PROCESS_KEY)
    kind = dialog.form.widgets["doc_kind"]
    assert isinstance(kind, QComboBox)
    assert kind.currentData() == tickets.DocKind.MEMO
    assert kind.currentText() == "บันทึกข้อความ"
    assert dialog.form.values()["doc_kind"] == tickets.DocKind.MEMO


def test_every_registration_form_marks_what_is_required(
    qtbot: Any, sqlite_db: Any, make_user: Any
) -> None:
    people = [make_user(role) for role in (Role.STAFF, Role.GROUP_HEAD, Role.HEAD)]
    checked = 0
    for process in all_processes():
        registrar = next(p for p in people if may_act(p, process.first.roles))
        dialog = form_for(qtbot, registrar, process.key)
        assert dialog.ok_button.isDefault(), process.key  # Enter registers
        for field in process.first.fields:
            if field.kind == FieldKind.FILES:
                continue
            text = label_of(dialog, dialog.form.widgets[field.key])
            assert text.endswith(" *") == field.required, (process.key, field.key, text)
            checked += 1
    assert checked > 20
