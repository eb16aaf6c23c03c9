"""Forms built from a process's field declarations (``models.engine.Field``), and the dialog that
submits one: a move on a case, the registration of a new case, or a correction of its data.

The dialog gets a ``FormSpec`` (fields, starting values, choices) computed in the worker, and
submits through a domain function in the worker. A refusal marks the fields and keeps everything
typed; a conflict (someone moved the case meanwhile) says who and when and keeps the input too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.engine import Field, FieldKind, NewFile
from models.engine.screens import FormSpec, record_search
from models.errors import ConflictError, ValidationError
from models.i18n import _
from views.widgets import messages, qt_thai
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.combos import make_searchable
from views.widgets.commands import mnemonic
from views.widgets.dialogs import SubmitDialog

if TYPE_CHECKING:
    from desktop.context import AppContext

COMMENT = "comment"
LABEL_MAX_WIDTH = 220  # pixels: a field's label wraps beyond this


class FileListField(QWidget):
    """Files to attach with the action: the ones the case holds already (grey) and new ones."""

    def __init__(self, existing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: list[Path] = []
        self.list = QListWidget(self)
        self.list.setFixedHeight(80)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        for name in existing:
            item = QListWidgetItem(_("{name} (แนบไว้แล้ว)").format(name=name))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self.add_button = mnemonic(QPushButton(_("เพิ่มไฟล์…"), self), "A")
        self.remove_button = mnemonic(QPushButton(_("นำออก"), self), "R")
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def choose(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("เลือกไฟล์ที่จะแนบ"), qt_thai.in_documents()
        )
        for name in names:
            self.add_path(Path(name))

    def add_path(self, path: Path) -> None:
        self.paths.append(path)
        item = QListWidgetItem(path.name)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.list.addItem(item)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            value = item.data(Qt.ItemDataRole.UserRole)
            if value:
                self.paths = [p for p in self.paths if str(p) != value]
                self.list.takeItem(self.list.row(item))


class RecordPicker(QWidget):
    """Choose one record from a long list: type to search (in the worker), pick from the results."""

    def __init__(
        self,
        ctx: AppContext,
        source: str,
        initial: list[tuple[Any, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = source
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("พิมพ์เพื่อค้นหา"))
        self.combo = QComboBox(self)
        self.combo.addItem(_("— เลือก —"), None)
        for value, label in initial:
            self.combo.addItem(label, value)
        if initial:
            self.combo.setCurrentIndex(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._run_search)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.combo, 2)

    def _run_search(self) -> None:
        text, source = self.search.text().strip(), self.source
        self.ctx.run_in_background(
            lambda: record_search(source, text), self._show_results, owner=self
        )

    def _show_results(self, rows: list[tuple[int, str]]) -> None:
        current = self.combo.currentData()
        self.combo.clear()
        self.combo.addItem(_("— เลือก —"), None)
        for value, label in rows:
            self.combo.addItem(label, value)
        index = self.combo.findData(current)
        self.combo.setCurrentIndex(index if index >= 0 else (1 if rows else 0))

    def value(self) -> Any:
        return self.combo.currentData()


def wrapping_label(text: str, parent: QWidget) -> QLabel:
    """A form label on one line when it fits in ``LABEL_MAX_WIDTH``, else wrapped there."""
    label = QLabel(text, parent)
    natural = label.fontMetrics().horizontalAdvance(text) + 6
    label.setWordWrap(natural > LABEL_MAX_WIDTH)
    label.setMinimumWidth(min(natural, LABEL_MAX_WIDTH))
    label.setMaximumWidth(LABEL_MAX_WIDTH)
    return label


class FieldForm(QWidget):
    """Inputs for ``spec.fields`` (and the comment box), with ``values()`` and ``files()``."""

    def __init__(self, ctx: AppContext, spec: FormSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.widgets: dict[str, QWidget] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in spec.fields:
            widget = self._make(f)
            self.widgets[f.key] = widget
            text = "" if f.kind == FieldKind.BOOL else _(f.label) + (" *" if f.required else "")
            # a long label wraps onto two lines rather than pushing the form wider than its
            # dialog (the form never scrolls sideways)
            label = wrapping_label(text, self)
            if f.help:
                box = QWidget(self)
                inner = QVBoxLayout(box)
                inner.setContentsMargins(0, 0, 0, 0)
                inner.setSpacing(1)
                inner.addWidget(widget)
                hint = QLabel(_(f.help), box)
                hint.setStyleSheet("color: palette(mid);")
                hint.setWordWrap(True)
                inner.addWidget(hint)
                self.layout_.addRow(label, box)
            elif f.kind == FieldKind.BOOL:
                self.layout_.addRow(widget)  # a check box carries its own text: the whole row
            else:
                self.layout_.addRow(label, widget)
        self.comment: QPlainTextEdit | None = None
        if spec.show_comment:
            self.comment = QPlainTextEdit(self)
            self.comment.setMaximumHeight(80)
            comment_text = spec.comment_label or _("หมายเหตุ")
            comment_label = wrapping_label(
                comment_text + (" *" if spec.comment_required else ""), self
            )
            self.layout_.addRow(comment_label, self.comment)
            self.widgets[COMMENT] = self.comment

    # --- building -------------------------------------------------------------------------

    def _make(self, f: Field) -> QWidget:
        default = self.spec.defaults.get(f.key)
        kind = f.kind
        if kind == FieldKind.BOOL:
            box = QCheckBox(_(f.label) + (" *" if f.required else ""), self)
            box.setChecked(bool(default))
            return box
        if kind == FieldKind.LONG_TEXT:
            edit = QPlainTextEdit(self)
            edit.setMaximumHeight(90)
            edit.setPlainText(str(default or ""))
            return edit
        if kind == FieldKind.DATE:
            date_edit = BEDateEdit(_date(default), allow_empty=True, parent=self)
            if default is None:
                date_edit.clear_value()
            return date_edit
        if kind == FieldKind.FILES:
            return FileListField(self.spec.existing_files.get(f.key, []), self)
        if kind == FieldKind.RECORD and f.key not in self.spec.choices:
            return RecordPicker(self.ctx, f.source, [], self)
        if kind in {
            FieldKind.CHOICE,
            FieldKind.USER,
            FieldKind.UNIT,
            FieldKind.SIGNATORY,
            FieldKind.RECORD,
        }:
            combo = QComboBox(self)
            combo.addItem(_("— เลือก —"), None)
            for value, label in self.spec.choices.get(f.key, []):
                combo.addItem(label, value)
            if default is not None:
                index = combo.findData(default)
                if index >= 0:
                    combo.setCurrentIndex(index)
            if kind in {FieldKind.UNIT, FieldKind.USER, FieldKind.RECORD}:
                # type to find among many units/people, anywhere in the name or abbreviation
                make_searchable(combo, self.spec.hints.get(f.key))
            return combo
        line = QLineEdit(self)
        if default is not None:
            line.setText(str(default))
        if kind == FieldKind.URL:
            line.setPlaceholderText("https://")
        return line

    # --- reading --------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.spec.fields:
            widget = self.widgets[f.key]
            if isinstance(widget, FileListField):
                continue
            if isinstance(widget, QCheckBox):
                out[f.key] = widget.isChecked()
            elif isinstance(widget, QPlainTextEdit):
                out[f.key] = widget.toPlainText()
            elif isinstance(widget, (BEDateEdit, RecordPicker)):
                out[f.key] = widget.value()
            elif isinstance(widget, QComboBox):
                out[f.key] = _combo_value(widget)
            elif isinstance(widget, QLineEdit):
                out[f.key] = widget.text()
        return out

    def comment_text(self) -> str:
        return self.comment.toPlainText() if self.comment is not None else ""

    def file_paths(self) -> list[tuple[str, Path]]:
        out: list[tuple[str, Path]] = []
        for key, widget in self.widgets.items():
            if isinstance(widget, FileListField):
                out.extend((key, path) for path in widget.paths)
        return out

    # --- filling (tests and reloads) ------------------------------------------------------

    def set_value(self, key: str, value: Any) -> None:
        widget = self.widgets[key]
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, BEDateEdit):
            widget.set_value(value)
        elif isinstance(widget, FileListField):
            for path in value:
                widget.add_path(Path(path))
        elif isinstance(widget, RecordPicker):
            index = widget.combo.findData(value)
            if index < 0:
                widget.combo.addItem(str(value), value)
                index = widget.combo.count() - 1
            widget.combo.setCurrentIndex(index)
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0:
                raise KeyError(f"{key}: no choice {value!r}")
            widget.setCurrentIndex(index)
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))


def _combo_value(combo: QComboBox) -> Any:
    if combo.isEditable():
        # A typed name that matches no item means "nothing chosen", not the first match.
        index = combo.findText(combo.currentText(), Qt.MatchFlag.MatchFixedString)
        return combo.itemData(index) if index >= 0 else None
    return combo.currentData()


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def read_files(paths: list[tuple[str, Path]]) -> list[NewFile]:
    """The chosen files' bytes (in the worker); an unreadable file is a plain refusal."""
    out: list[NewFile] = []
    for purpose, path in paths:
        try:
            out.append(NewFile(purpose, path.name, path.read_bytes()))
        except OSError as exc:
            raise ValidationError(
                _("อ่านไฟล์ “{name}” ไม่ได้ ({detail})").format(name=path.name, detail=exc.strerror),
                {purpose: _("อ่านไฟล์ไม่ได้")},
            ) from exc
    return out


Submit = Callable[[dict[str, Any], list[NewFile], str], Any]


class FormDialog(SubmitDialog):
    """A form from a ``FormSpec``, submitted in the worker by ``submit(values, files, comment)``.

    ``result_value`` holds what ``submit`` returned once the dialog is accepted.
    """

    def __init__(
        self,
        ctx: AppContext,
        spec: FormSpec,
        submit: Submit,
        *,
        ok_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, spec.title, ok_text or spec.title, parent)
        self.spec = spec
        self.submit = submit
        self.draft_record = spec.case_id
        self.resize(640, 560)
        intro = QLabel(spec.intro, self)
        intro.setWordWrap(True)
        intro.setStyleSheet("font-weight: bold;")
        self.form = FieldForm(ctx, spec, self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # the form follows the dialog's width (long rows wrap): it scrolls down, never sideways
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll = scroll
        holder = QWidget(scroll)
        holder_layout = QVBoxLayout(holder)
        holder_layout.addWidget(self.form)
        holder_layout.addStretch(1)  # rows keep their height; the space goes below the form
        scroll.setWidget(holder)
        self.body.addWidget(intro)
        self.body.addWidget(scroll, 1)
        self.errors.add_fields(self.form.widgets)

    def send(self) -> None:
        self.errors.clear()
        if self.spec.confirm and not messages.confirm(self, self.spec.confirm, self.spec.title):
            return
        values = self.form.values()
        paths = self.form.file_paths()
        comment = self.form.comment_text()
        submit = self.submit
        self.save(lambda: submit(values, read_files(paths), comment))

    def save_failed(self, exc: BaseException, **_options: Any) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show(exc)  # marks the named fields; the banner says why
            return
        if isinstance(exc, ConflictError):
            # The case moved meanwhile: say who and when; what was typed stays in the form.
            self.banner.setText(exc.message)
            self.banner.setVisible(True)
            messages.warn(self, exc.message, title=_("เรื่องนี้ถูกดำเนินการไปแล้ว"))
            return
        self.ctx.show_error(exc, self)
