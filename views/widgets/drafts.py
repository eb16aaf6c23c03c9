"""What a person typed into a form, read from and written back to its inputs, and kept on disk as a
draft so that a crash, a power cut or a closed window loses nothing.

``snapshot(form)`` reads every input under ``form`` (line and text boxes, lists, check boxes,
numbers, B.E. dates) into plain JSON values keyed by the input's place in the form;
``restore(form, values)`` puts them back. ``DraftStore`` keeps one JSON file per form and record in
the user's data folder (``drafts/``); ``views.widgets.dialogs.BaseDialog`` uses both, so every
dialog gets drafts and the "discard what you typed?" question without code of its own.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from models import clock
from models.db import default_data_dir
from views.widgets.be_date_edit import BEDateEdit

# The same override as the workstation settings (desktop.config): tests and portable installs
# keep drafts beside their own settings instead of the user's data folder.
CONFIG_ENV = "ICTDESK_CONFIG_DIR"

Values = dict[str, Any]


def drafts_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    return (Path(override) if override else default_data_dir()) / "drafts"


def _inputs(form: QWidget) -> list[QWidget]:
    """The inputs a person types into, in a stable order (the order they were made)."""
    out: list[QWidget] = []
    for widget in form.findChildren(QWidget):
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not form:
            # a combo box's or spin box's own line edit, a calendar's inner widgets, a list's
            # editors: their owner is read instead
            if isinstance(
                parent, (QComboBox, QAbstractSpinBox, QCalendarWidget, QAbstractItemView)
            ):
                inner = True
                break
            parent = parent.parentWidget()
        if inner:
            continue
        if isinstance(
            widget,
            (
                QLineEdit,
                QPlainTextEdit,
                QTextEdit,
                QComboBox,
                QAbstractSpinBox,
                QCheckBox,
                BEDateEdit,
            ),
        ):
            if isinstance(widget, QLineEdit) and widget.isReadOnly():
                continue
            out.append(widget)
    return out


def _read(widget: QWidget) -> Any:
    if isinstance(widget, BEDateEdit):
        return widget.text()  # as typed, even a date still to be corrected
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return [widget.currentIndex(), widget.currentText()]
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    return None


def _write(widget: QWidget, value: Any) -> None:
    if isinstance(widget, BEDateEdit):
        widget.lineEdit().setText(str(value or ""))
        widget.commit()
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox):
        index, text = value
        found = widget.findText(text) if text else -1
        if found >= 0:
            widget.setCurrentIndex(found)
        elif widget.isEditable():
            widget.setEditText(text)
        elif 0 <= index < widget.count():
            widget.setCurrentIndex(index)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value))


def _key(index: int, widget: QWidget) -> str:
    return f"{index}:{type(widget).__name__}"


def snapshot(form: QWidget) -> Values:
    return {_key(i, w): _read(w) for i, w in enumerate(_inputs(form))}


def restore(form: QWidget, values: Values) -> None:
    """Put ``values`` back; an input the form no longer has (or of another kind) is skipped."""
    for i, widget in enumerate(_inputs(form)):
        key = _key(i, widget)
        if key in values:
            try:
                _write(widget, values[key])
            except (TypeError, ValueError):
                continue  # a draft from another version of the form: keep the form's value


def values_digest(values: Values) -> str:
    text = json.dumps(values, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class DraftStore:
    """One JSON file per form and record: what was typed, the form's starting values, and when."""

    def __init__(self, key: str, folder: Path | None = None) -> None:
        self.key = key
        self.folder = folder or drafts_dir()
        name = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        self.path = self.folder / f"{name}.json"

    def save(self, values: Values, initial: Values) -> None:
        data = {
            "key": self.key,
            "saved_at": clock.now().isoformat(timespec="seconds"),
            "initial": initial,
            "values": values,
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_suffix(".tmp")
        # written then renamed: a power cut leaves the old draft or the new one, never half a file
        with temp.open("w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        temp.replace(self.path)

    def load(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != self.key:
            return None
        return data

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
