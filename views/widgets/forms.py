"""Forms: mark the fields a ``ValidationError`` names, and the conflict flow when someone else saved
the record meanwhile (``ConflictError``). A failed save never loses what the user typed.

Usage in an edit dialog::

    self.errors = FormErrors({"name": self.name_edit, "phone": self.phone_edit}, banner=self.banner)

    def save(self) -> None:
        self.errors.clear()
        values = {"name": self.name_edit.text(), "phone": self.phone_edit.text()}
        self.ctx.run_in_background(
            lambda: office.save_unit(self.ctx.user, self.unit, self.version, **values).version,
            on_success=self.saved,
            on_failure=lambda exc: handle_save_error(
                self, exc, self.ctx.show_error,
                errors=self.errors,
                mine=values,
                labels={"name": _("ชื่อหน่วยงาน"), "phone": _("โทรศัพท์")},
                overwrite=lambda current: self.save_over(current["version"]),
                reload=self.fill_from,          # gets the current values (a dict)
            ),
            owner=self, disable=[self.save_button],
        )

``handle_save_error``: a ``ValidationError`` marks its fields (red frame, the message as tooltip and
in the banner, focus on the first); a ``ConflictError`` opens ``ConflictDialog`` (who changed it and
when, their values beside the user's) and the user chooses: save mine over theirs (``overwrite``,
with the current version), take theirs (``reload``), or go back to the form (input kept, nothing
saved); anything else goes to ``show_error``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.errors import ConflictError, ValidationError
from models.i18n import _
from reports.thaifmt import date_short, datetime_short
from views.widgets.be_date_edit import BEDateEdit

ERROR_PROPERTY = "ictdeskError"
ERROR_BORDER = "border: 1px solid #c62828;"
ERROR_RULE = ERROR_BORDER + " background: #fff3f3;"
ERROR_STYLE = ERROR_RULE  # kept for callers that style a widget of their own


def error_target(widget: QWidget) -> QWidget:
    """The widget that shows the red frame: a date field's text box, not its whole row."""
    line = getattr(widget, "lineEdit", None)
    if isinstance(widget, BEDateEdit) and callable(line):
        target = line()
        if isinstance(target, QWidget):
            return target
    return widget


def error_style(widget: QWidget) -> str:
    """A rule for ``widget`` alone: a selector on the error property, so the red frame does not
    spread into its children or the popups it opens (calendar, list, file dialog)."""
    # the nearest Qt class names the selector (style sheets do not know Python subclasses)
    kind = next((c for c in type(widget).__mro__ if c.__module__.startswith("PySide6.")), QWidget)
    selector = f'{kind.__name__}[{ERROR_PROPERTY}="true"]'
    if issubclass(kind, QComboBox):
        # a combo box hands its background to its drop-down list (a palette, which no child
        # rule undoes): the frame alone marks it
        return f"{selector} {{ {ERROR_BORDER} }}"
    return f"{selector} {{ {ERROR_RULE} }}"


def _changed_signals(widget: QWidget) -> list[Any]:
    """The signals that say a person changed the value (to take the red frame away at once)."""
    if isinstance(widget, BEDateEdit):
        return [widget.lineEdit().textEdited, widget.value_changed]
    if isinstance(widget, QComboBox):
        signals = [widget.currentIndexChanged]
        if widget.isEditable():
            signals.append(widget.editTextChanged)
        return signals
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return [widget.textChanged]
    if isinstance(widget, QAbstractButton):
        return [widget.toggled]
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return [widget.valueChanged]
    return []


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` so it is on screen."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 20, 40)
        parent = parent.parentWidget()


class FormErrors:
    """Marks invalid fields and shows the messages in an optional banner label, one a line.

    A marked field loses its red frame as soon as it is changed; the first marked field is
    scrolled into view and gets the focus."""

    def __init__(self, fields: Mapping[str, QWidget], banner: QLabel | None = None) -> None:
        self.fields = dict(fields)
        self.banner = banner
        self._tooltips: dict[str, str] = {}
        self._styles: dict[str, str] = {}
        self._messages: dict[str, str] = {}
        self._general: list[str] = []
        self._watched: set[int] = set()
        if banner is not None:
            banner.setWordWrap(True)
            banner.setStyleSheet("color: #b71c1c;")
            banner.setVisible(False)

    def add(self, name: str, widget: QWidget) -> None:
        self.fields[name] = widget

    def add_fields(self, fields: Mapping[str, QWidget]) -> None:
        self.fields.update(fields)

    def marked(self) -> list[str]:
        return [n for n, w in self.fields.items() if error_target(w).property(ERROR_PROPERTY)]

    def _unmark(self, name: str) -> None:
        widget = self.fields.get(name)
        if widget is None:
            return
        target = error_target(widget)
        if target.property(ERROR_PROPERTY):
            target.setProperty(ERROR_PROPERTY, False)
            target.setStyleSheet(self._styles.pop(name, ""))
            widget.setToolTip(self._tooltips.pop(name, ""))

    def clear(self) -> None:
        for name in list(self.fields):
            self._unmark(name)
        self._messages.clear()
        self._general = []
        if self.banner is not None:
            self.banner.clear()
            self.banner.setVisible(False)

    def corrected(self, name: str) -> None:
        """The person changed a marked field: its frame and its line in the banner go."""
        if name not in self._messages:
            return
        self._unmark(name)
        del self._messages[name]
        self._show_banner()

    def _watch(self, name: str, widget: QWidget) -> None:
        if id(widget) in self._watched:
            return
        self._watched.add(id(widget))
        for signal in _changed_signals(widget):
            signal.connect(lambda *_args, n=name: self.corrected(n))

    def _show_banner(self) -> None:
        if self.banner is None:
            return
        lines = list(self._general)
        for text in self._messages.values():
            if text not in lines:
                lines.append(text)
        if len(lines) > 1:
            lines = [f"• {line}" for line in lines]
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def mark(self, errors: Mapping[str, str], message: str = "") -> list[str]:
        """Mark the named fields; returns the names no field was registered for."""
        self.clear()
        unknown: list[str] = []
        first: QWidget | None = None
        for name, text in errors.items():
            widget = self.fields.get(name)
            if widget is None:
                unknown.append(name)
                continue
            target = error_target(widget)
            self._styles[name] = target.styleSheet()
            self._tooltips[name] = widget.toolTip()
            target.setProperty(ERROR_PROPERTY, True)
            target.setStyleSheet(error_style(target))
            widget.setToolTip(text)
            self._messages[name] = text
            self._watch(name, widget)
            if first is None:
                first = widget
        # the summary line only when it says more than the fields' own messages put together
        joined = " ".join(errors.values())
        self._general = [message] if message and message != joined else []
        self._general += [errors[n] for n in unknown if errors[n] not in self._general]
        if not self._general and not self._messages:
            self._general = [message] if message else list(errors.values())
        self._show_banner()
        if first is not None:
            scroll_into_view(error_target(first))
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return unknown

    def show(self, exc: ValidationError) -> list[str]:
        return self.mark(exc.errors, exc.message)


class ConflictChoice(enum.Enum):
    OVERWRITE = "overwrite"  # save the user's input over the current version
    RELOAD = "reload"  # drop the input, take the current values
    EDIT = "edit"  # back to the form, input kept, nothing saved


def display_value(value: Any) -> str:
    """Values from a form or a record snapshot (ISO text) shown the way people read them."""
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return _("ใช่") if value else _("ไม่ใช่")
    if isinstance(value, dt.datetime):
        return datetime_short(value)
    if isinstance(value, dt.date):
        return date_short(value)
    if isinstance(value, str) and len(value) in (10, 19) and value[4:5] == "-":
        try:
            if len(value) == 10:
                return date_short(dt.date.fromisoformat(value))
            return datetime_short(dt.datetime.fromisoformat(value))
        except ValueError:
            pass
    return str(value)


def _same(a: Any, b: Any) -> bool:
    return display_value(a) == display_value(b)


class ConflictDialog(QDialog):
    """ "รายการนี้ถูกแก้ไขโดย ... เมื่อ ..." with the current values beside the user's input."""

    def __init__(
        self,
        exc: ConflictError,
        mine: Mapping[str, Any],
        labels: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choice = ConflictChoice.EDIT
        self.setWindowTitle(_("มีผู้อื่นแก้ไขรายการนี้"))
        layout = QVBoxLayout(self)
        message = QLabel(exc.message)
        message.setWordWrap(True)
        layout.addWidget(message)
        deleted = exc.current is None
        if not deleted:
            self.table = QTableWidget(len(labels), 3, self)
            self.table.setHorizontalHeaderLabels([_("ช่อง"), _("ข้อมูลล่าสุดในระบบ"), _("ข้อมูลที่ท่านกรอก")])
            self.table.verticalHeader().setVisible(False)
            self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            current = exc.current or {}
            highlight = QBrush(QColor("#fff59d"))
            for row, (name, label) in enumerate(labels.items()):
                cells = [label, display_value(current.get(name)), display_value(mine.get(name))]
                differs = not _same(current.get(name), mine.get(name))
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if differs:
                        item.setBackground(highlight)
                    self.table.setItem(row, column, item)
            self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            self.table.setMinimumSize(560, 60 + 30 * len(labels))
            layout.addWidget(self.table)
            note = QLabel(_("แถวที่มีพื้นสีเหลืองคือช่องที่ข้อมูลไม่ตรงกัน"))
            layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.overwrite_button: QAbstractButton | None = None
        self.reload_button: QAbstractButton | None = None
        if not deleted:
            self.overwrite_button = buttons.addButton(
                _("บันทึกข้อมูลของฉันทับ"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.reload_button = buttons.addButton(
                _("ใช้ข้อมูลล่าสุด"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
        self.edit_button = buttons.addButton(_("กลับไปแก้ไข"), QDialogButtonBox.ButtonRole.RejectRole)
        self.edit_button.setDefault(True)
        buttons.clicked.connect(self._clicked)
        layout.addWidget(buttons)

    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.overwrite_button:
            self.choice = ConflictChoice.OVERWRITE
            self.accept()
        elif button is self.reload_button:
            self.choice = ConflictChoice.RELOAD
            self.accept()
        else:
            self.choice = ConflictChoice.EDIT
            self.reject()

    def ask(self) -> ConflictChoice:
        self.exec()
        return self.choice


def handle_save_error(
    parent: QWidget | None,
    exc: BaseException,
    show_error: Callable[[BaseException, QWidget | None], None],
    *,
    errors: FormErrors | None = None,
    mine: Mapping[str, Any] | None = None,
    labels: Mapping[str, str] | None = None,
    overwrite: Callable[[dict[str, Any]], None] | None = None,
    reload: Callable[[dict[str, Any]], None] | None = None,
) -> ConflictChoice | None:
    """The standard reaction to a failed save; the form's input is never touched here."""
    if isinstance(exc, ValidationError) and errors is not None:
        unknown = errors.show(exc)
        if errors.banner is None or (unknown and not errors.fields):
            show_error(exc, parent)
        return None
    if isinstance(exc, ConflictError):
        dialog = ConflictDialog(exc, mine or {}, labels or {}, parent)
        choice = dialog.ask()
        current = dict(exc.current or {})
        if choice is ConflictChoice.OVERWRITE and overwrite is not None:
            overwrite(current)
        elif choice is ConflictChoice.RELOAD and reload is not None:
            reload(current)
        return choice
    show_error(exc, parent)
    return None
