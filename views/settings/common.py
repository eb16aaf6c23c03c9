"""Building blocks of the settings pages: a list page over a small reference table, and a record
dialog declared by its fields.

Reference lists (users, units, signatories, committees) are short, so a page loads all rows in the
worker and sorts/filters them in memory; long lists (registers) use ``PagedTableView`` instead.

A record dialog saves through a domain function in the worker; it stays open on a refusal with the
fields marked and the input kept, and goes through the conflict flow when someone else saved first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.i18n import N_, _
from views.widgets import messages
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.commands import mnemonic, run_list_command, with_shortcut
from views.widgets.dialogs import SubmitDialog
from views.widgets.tables import ID_ROLE, ROW_ROLE, Column, ColumnsModel, TableView, apply_columns

if TYPE_CHECKING:
    from desktop.context import AppContext

SORT_ROLE = Qt.ItemDataRole.UserRole + 10
AnyIndex = QModelIndex | QPersistentModelIndex


def record_dicts(
    rows: Iterable[Any], *names: str, **computed: Callable[[Any], Any]
) -> list[dict[str, Any]]:
    """Worker side: records as plain dicts for a list page: ``id``, ``version``, the attributes
    ``names`` and the ``computed`` values (``key=function(record)``)."""
    return [
        {
            "id": row.id,
            "version": row.version,
            **{name: getattr(row, name) for name in names},
            **{key: compute(row) for key, compute in computed.items()},
        }
        for row in rows
    ]


def active_text(active: Any) -> str:
    return _("ใช้งาน") if active else _("ปิดใช้งาน")


# The status of a reference record (unit, signatory, category...): in use or switched off.
STATUS_COLUMN = Column("active", N_("สถานะ"), format=active_text)


class RowsModel(ColumnsModel):
    """All rows of a short list (dicts), shown through ``Column`` definitions; sorted in memory
    by the raw values, inactive rows in grey."""

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def more_data(self, row: Any, column: Column, role: int) -> Any:
        if role == SORT_ROLE:
            raw = column.raw(row)
            if raw is None:
                return ""
            if isinstance(raw, (dt.date, dt.datetime)):
                return raw.isoformat()
            return raw
        if role == Qt.ItemDataRole.ForegroundRole and row.get("active") is False:
            return QColor("#9e9e9e")
        return None


class ListPage(QWidget):
    """A heading, a search box, the table and a row of buttons; rows come from ``load()``
    (run in the worker, returns a list of dicts with an ``id``). ``choices()``, when given, runs
    in the same worker job (e.g. the work groups a user may belong to) and its result reaches
    ``on_choices`` on the UI thread before the rows are shown."""

    loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        columns: Sequence[Column],
        load: Callable[[], list[dict[str, Any]]],
        *,
        choices: Callable[[], Any] | None = None,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.load = load
        self.choices = choices
        self.loading = False
        self.reload_again = False
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)
        if note:
            note_label = QLabel(note)
            note_label.setWordWrap(True)
            layout.addWidget(note_label)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("ค้นหา…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("ค้นหา"))
        layout.addWidget(self.search)
        self.model = RowsModel(columns, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(SORT_ROLE)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = TableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        apply_columns(self.table, columns)
        self.proxy.modelReset.connect(self._fit_columns)
        layout.addWidget(self.table, 1)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.count_label = QLabel()
        self.buttons.addWidget(self.count_label)
        self.buttons.addStretch(1)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.selection_changed())

    def add_button(
        self, text: str, slot: Callable[[], object], *, needs_row: bool = False
    ) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _c=False: slot())
        button.setProperty("needs_row", needs_row)
        if needs_row:
            button.setEnabled(False)
        self.buttons.addWidget(button)
        return button

    def run_command(self, key: str) -> bool:
        """Keyboard commands (``views.widgets.commands``): Ctrl+F the search box, F5 reload."""
        return run_list_command(key, search=self.search, handlers=self.command_handlers())

    def command_handlers(self) -> dict[str, Callable[[], object]]:
        return {"refresh": self.reload}

    def on_activate(self, slot: Callable[[], object]) -> None:
        """Double-click or Enter on a row (usually: edit it)."""
        self.table.activated.connect(lambda _i: slot())  # double-click and Enter

    def selection_changed(self) -> None:
        has_row = self.current_row() is not None
        for index in range(self.buttons.count()):
            item = self.buttons.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton) and widget.property("needs_row"):
                widget.setEnabled(has_row)

    def reload(self, select_id: Any = None) -> None:
        if self.loading:
            # asked again while loading (the period or the register changed): load once more
            # when this one ends, and do not show the stale rows meanwhile
            self.reload_again = True
            return
        self.loading = True
        self.reload_again = False
        keep = select_id if select_id is not None else self.current_id()

        load, choices = self.load, self.choices

        def work() -> tuple[list[dict[str, Any]], Any]:
            return load(), choices() if choices is not None else None

        def done(result: tuple[list[dict[str, Any]], Any]) -> None:
            rows, extra = result
            self.loading = False
            if self.reload_again:
                self.reload(keep)
                return
            if choices is not None:
                self.on_choices(extra)
            self.model.set_rows(rows)
            self.count_label.setText(_("{n} รายการ").format(n=len(rows)))
            if keep is not None:
                self.select_id(keep)
            self.selection_changed()
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            self.loading = False
            self.reload_again = False
            self.ctx.show_error(exc, self)

        self.ctx.run_in_background(work, done, failed, owner=self)

    def on_choices(self, choices: Any) -> None:
        """What ``choices()`` returned, on the UI thread."""

    def _fit_columns(self) -> None:
        """Short lists: each column as wide as its content (up to a third of the table), the
        ``stretch`` column (else the last) takes the rest."""
        header = self.table.horizontalHeader()
        most = max(120, self.table.viewport().width() // 3)
        for index, column in enumerate(self.model.columns):
            if column.stretch or index == len(self.model.columns) - 1:
                continue
            self.table.resizeColumnToContents(index)
            self.table.setColumnWidth(index, min(most, header.sectionSize(index)))

    def current_row(self) -> dict[str, Any] | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        row: dict[str, Any] = self.proxy.data(indexes[0], ROW_ROLE)
        return row

    def current_id(self) -> Any:
        row = self.current_row()
        return row.get("id") if row else None

    def select_id(self, row_id: Any) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ID_ROLE) == row_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def row_count(self) -> int:
        return self.proxy.rowCount()


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # already translated
    kind: str = "text"  # text | multiline | password | int | float | bool | choice | date
    required: bool = False
    choices: Sequence[tuple[Any, str]] = field(default_factory=list)
    minimum: float = 0
    maximum: float = 1_000_000
    placeholder: str = ""
    optional_date: bool = True


def required_label(label: str, required: bool) -> str:
    """A form row's label; a required field is marked with " *"."""
    return label + (" *" if required else "")


def make_editor(spec: FieldSpec) -> QWidget:
    if spec.kind == "multiline":
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(80)
        return edit
    if spec.kind == "int":
        spin = QSpinBox()
        spin.setRange(int(spec.minimum), int(spec.maximum))
        return spin
    if spec.kind == "float":
        dspin = QDoubleSpinBox()
        dspin.setRange(spec.minimum, spec.maximum)
        dspin.setDecimals(1)
        return dspin
    if spec.kind == "bool":
        return QCheckBox(spec.label)
    if spec.kind == "choice":
        combo = QComboBox()
        for value, label in spec.choices:
            combo.addItem(label, value)
        return combo
    if spec.kind == "date":
        return BEDateEdit(allow_empty=spec.optional_date)
    line = QLineEdit()
    if spec.kind == "password":
        line.setEchoMode(QLineEdit.EchoMode.Password)
    if spec.placeholder:
        line.setPlaceholderText(spec.placeholder)
    return line


def editor_value(widget: QWidget) -> Any:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, BEDateEdit):
        return widget.value()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(type(widget))


def set_editor_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, BEDateEdit):
        if isinstance(value, str) and value:
            value = dt.date.fromisoformat(value[:10])
        if value is None and not widget.allow_empty:
            return
        widget.set_value(value or None)
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value or 0))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value or 0))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))


SaveFn = Callable[[dict[str, Any], int | None], Any]


class RecordDialog(SubmitDialog):
    """Edit one record. ``save(values, expected_version)`` runs in the worker and returns the
    saved record's id; ``version`` is the version the form was loaded with (None for a new one)."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        fields: Sequence[FieldSpec],
        save: SaveFn,
        *,
        values: dict[str, Any] | None = None,
        version: int | None = None,
        intro: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, title, _("บันทึก"), parent)
        self.save_fn = save
        self.version = version
        self.specs = list(fields)
        self.setMinimumWidth(520)
        if intro:
            intro_label = QLabel(intro, self)
            intro_label.setWordWrap(True)
            self.body.addWidget(intro_label)
        self.form = self.add_form()
        self.editors: dict[str, QWidget] = {}
        for spec in self.specs:
            editor = make_editor(spec)
            editor.setAccessibleName(spec.label)
            self.editors[spec.name] = editor
            label = "" if spec.kind == "bool" else required_label(spec.label, spec.required)
            self.form.addRow(label, editor)
        self.extra = QVBoxLayout()
        self.body.addLayout(self.extra)
        self.add_extra()
        self.errors.add_fields(self.editors)
        self.save_button = self.ok_button
        if values:
            self.set_values(values)

    def add_extra(self) -> None:
        """Inputs beyond the declared fields (a committee's members), into ``self.extra``."""

    def set_values(self, values: dict[str, Any]) -> None:
        for name, editor in self.editors.items():
            if name in values:
                set_editor_value(editor, values[name])

    def values(self) -> dict[str, Any]:
        return {name: editor_value(editor) for name, editor in self.editors.items()}

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        """Checks only the dialog can make (two password fields that differ); every rule about
        the record itself is the domain function's."""
        return {}

    def send(self) -> None:
        self.submit()

    def submit(self, expected_version: int | None = None) -> None:
        values = self.values()
        problems = self.check(values)
        if problems:
            self.refuse(problems)
            return
        version = expected_version if expected_version is not None else self.version
        save = self.save_fn
        self.save(
            lambda: save(values, version),
            mine=values,
            labels={s.name: s.label for s in self.specs if s.kind != "password"},
            overwrite=lambda current: self.submit(expected_version=current.get("version")),
            reload=self._take_current,
        )

    def _take_current(self, current: dict[str, Any]) -> None:
        self.set_values({k: v for k, v in current.items() if k in self.editors})
        self.version = current.get("version", self.version)


@dataclass(frozen=True)
class RecordTexts:
    """What a record list page says (already translated)."""

    add_button: str  # "เพิ่มหน่วยงาน…"
    add_title: str  # "เพิ่มหน่วยงาน"
    edit_title: str  # "แก้ไขหน่วยงาน"
    choose_first: str  # "กรุณาเลือกหน่วยงานก่อน"
    remove_question: str = ""  # "ลบหน่วยงาน “{name}”?" (``name``: the row's ``name_key``)


class RecordListPage(ListPage):
    """A list of records edited one at a time in a ``RecordDialog``: add, edit (also by
    double-click or Enter) and, when ``removable``, remove. A subclass gives the fields and the
    domain calls (``save_record``, ``remove_record``), which run in the worker."""

    name_key = "name"  # the row's key that names it in the remove question
    dialog_class: type[RecordDialog] = RecordDialog

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        columns: Sequence[Column],
        load: Callable[[], list[dict[str, Any]]],
        texts: RecordTexts,
        *,
        editable: bool = True,
        removable: bool = False,
        note: str = "",
        choices: Callable[[], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, title, columns, load, choices=choices, note=note, parent=parent)
        self.texts = texts
        self.add_record_button: QPushButton | None = None
        self.edit_button: QPushButton | None = None
        self.remove_button: QPushButton | None = None
        if editable:
            self.add_record_button = self.add_button(texts.add_button, self.add)
            self.edit_button = self.add_button(_("แก้ไข…"), self.edit, needs_row=True)
            self.add_record_button.setToolTip(with_shortcut(texts.add_button, "new"))
            self.edit_button.setToolTip(with_shortcut(_("แก้ไข…"), "edit"))
            mnemonic(self.add_record_button, "A")
            mnemonic(self.edit_button, "E")
            if removable:
                self.remove_button = self.add_button(_("ลบ"), self.remove, needs_row=True)
                mnemonic(self.remove_button, "D")
            self.on_activate(self.edit)

    def command_handlers(self) -> dict[str, Callable[[], object]]:
        handlers = super().command_handlers()
        if self.add_record_button is not None:
            handlers["new"] = self.add
            handlers["edit"] = self.edit
        return handlers

    # --- what a page declares ----------------------------------------------------------------

    def fields(self, row: dict[str, Any] | None) -> list[FieldSpec]:
        raise NotImplementedError

    def defaults(self) -> dict[str, Any]:
        """A new record's starting values."""
        return {}

    def save_record(
        self, actor: Any, row_id: Any, values: dict[str, Any], version: int | None
    ) -> Any:
        """Worker side: save (``row_id`` None: a new record); returns the record's id."""
        raise NotImplementedError

    def remove_record(self, actor: Any, row: dict[str, Any]) -> None:
        """Worker side: remove the record of ``row``."""
        raise NotImplementedError

    def dialog_options(self) -> dict[str, Any]:
        """More keyword arguments for ``dialog_class`` (e.g. the people to choose from)."""
        return {}

    # --- actions -----------------------------------------------------------------------------

    def open_dialog(self, row: dict[str, Any] | None) -> RecordDialog:
        actor = self.ctx.user
        row_id = row["id"] if row else None

        def save(values: dict[str, Any], version: int | None) -> Any:
            return self.save_record(actor, row_id, values, version)

        dialog = self.dialog_class(
            self.ctx,
            self.texts.edit_title if row else self.texts.add_title,
            self.fields(row),
            save,
            values=dict(row) if row else self.defaults(),
            version=row.get("version") if row else None,
            parent=self,
            **self.dialog_options(),
        )
        dialog.saved.connect(lambda new_id: self.reload(select_id=new_id))
        dialog.open()
        return dialog

    def add(self) -> RecordDialog:
        return self.open_dialog(None)

    def edit(self) -> RecordDialog | None:
        row = self.current_row()
        if row is None:
            messages.info(self, self.texts.choose_first)
            return None
        return self.open_dialog(row)

    def remove(self) -> None:
        row = self.current_row()
        if row is None:
            messages.info(self, self.texts.choose_first)
            return
        question = self.texts.remove_question.format(name=row.get(self.name_key, ""))
        if not messages.confirm(self, question, _("ลบ"), dangerous=True):
            return
        actor = self.ctx.user
        self.ctx.run_in_background(
            lambda: self.remove_record(actor, row), lambda _r: self.reload(), owner=self
        )
