"""The dialogs of the window, built one way: a red banner for what went wrong, the form, and the
buttons (OK is the default button, so Enter presses it; Esc cancels). The first input has the
focus when the dialog opens.

``SubmitDialog`` saves through a domain function in the worker: a refusal marks the fields and
keeps everything typed, a conflict goes through the conflict flow (``views.widgets.forms``)::

    class WaiverDialog(SubmitDialog):
        def __init__(self, ctx, ticket_id, parent=None):
            super().__init__(ctx, _("บันทึกเหตุผล"), _("บันทึก"), parent)
            self.reason = QPlainTextEdit(self)
            self.body.addWidget(self.reason)
            self.errors.add("reason", self.reason)

        def send(self) -> None:
            user, reason = self.ctx.user, self.reason.toPlainText()
            self.save(lambda: tickets.waive_loaner(user, ticket_id, reason).id)

``PeriodDialog`` asks for a period (and, optionally, which document) before printing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.i18n import _
from reports.thaifmt import datetime_short, fiscal_year, fiscal_year_bounds
from views.widgets import messages
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.drafts import DraftStore, Values, restore, snapshot, values_digest
from views.widgets.forms import FormErrors, handle_save_error

if TYPE_CHECKING:
    from desktop.context import AppContext

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QCheckBox)


def error_banner(parent: QWidget | None = None) -> QLabel:
    """The red line that says why a save was refused (hidden until then)."""
    banner = QLabel(parent)
    banner.setWordWrap(True)
    banner.setStyleSheet("color: #b71c1c;")
    banner.setVisible(False)
    return banner


def dialog_buttons(
    dialog: QDialog, ok_text: str, cancel_text: str = ""
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """OK (the default button: Enter) and Cancel (also Esc) for ``dialog``; OK is not connected
    (the caller decides what it does), Cancel rejects."""
    box = QDialogButtonBox(dialog)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = box.addButton(cancel_text or _("ยกเลิก"), QDialogButtonBox.ButtonRole.RejectRole)
    assert isinstance(ok, QPushButton) and isinstance(cancel, QPushButton)
    ok.setDefault(True)
    ok.setToolTip(f"{ok_text} (Enter, Ctrl+Enter)")
    cancel.setToolTip(f"{cancel.text()} (Esc)")
    box.rejected.connect(dialog.reject)
    # Enter in a box of several lines starts a new line: Ctrl+Enter presses OK from anywhere
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, ok.animateClick)
    return box, ok, cancel


def first_input(parent: QWidget) -> QWidget | None:
    """The first visible, enabled input of ``parent`` in the tab order."""
    widget = parent.nextInFocusChain()
    seen: set[int] = set()
    while widget is not None and id(widget) not in seen and widget is not parent:
        seen.add(id(widget))
        if (
            isinstance(widget, INPUTS)
            and widget.isVisibleTo(parent)
            and widget.isEnabled()
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not (isinstance(widget, QLineEdit) and widget.isReadOnly())
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


SCREEN_MARGIN = 40  # room left around a dialog for the task bar and the window frame


def fit_to_screen(dialog: QWidget) -> None:
    """Never larger than the screen it opens on (a 1366×768 laptop at 100 or 125 %): a form too
    tall scrolls inside, never sideways."""
    screen = dialog.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    width = min(dialog.width(), room.width() - SCREEN_MARGIN)
    height = min(dialog.height(), room.height() - SCREEN_MARGIN)
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(width, height)
    dialog.setMaximumSize(room.width(), room.height())


DRAFT_INTERVAL_MS = 1000  # how much typing a crash can cost at most


def open_suggestion_popup(dialog: QWidget) -> QWidget | None:
    """A suggestion list (a completer's or a combo box's) open inside ``dialog``, if any."""
    for completer in dialog.findChildren(QCompleter):
        popup = completer.popup()
        if popup is not None and popup.isVisible():
            return popup
    for combo in dialog.findChildren(QComboBox):
        view = combo.view()
        if view is not None and view.window().isVisible() and view.window() is not dialog:
            return view.window()
    return None


class BaseDialog(QDialog):
    """Banner, ``body`` (add the form here), OK and Cancel; the first input gets the focus.

    Nothing typed is lost: Escape, ยกเลิก or closing the window on a changed form asks first
    (Escape on an open suggestion list closes only the list), and what is typed is kept as a
    draft on disk (``views.widgets.drafts``) every second; the next time the same form opens for
    the same record, the draft comes back with a note saying so. A saved form drops its draft.
    Subclasses set ``draft_record`` (the record's id) when they edit one; ``guard_input = False``
    for dialogs whose input is not worth keeping (a print period).
    """

    guard_input = True

    def __init__(
        self,
        title: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        cancel_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.banner = error_banner(self)
        self.errors = FormErrors({}, banner=self.banner)
        self.body = QVBoxLayout()
        self.buttons, self.ok_button, self.cancel_button = dialog_buttons(
            self, ok_text, cancel_text
        )
        self.ok_button.clicked.connect(lambda _checked=False: self._ok_pressed())
        self.draft_record: object = None
        self.draft_note = QWidget(self)
        note_row = QHBoxLayout(self.draft_note)
        note_row.setContentsMargins(0, 0, 0, 0)
        self.draft_label = QLabel(self.draft_note)
        self.draft_label.setWordWrap(True)
        self.draft_label.setStyleSheet("color: #0d47a1;")
        self.draft_discard_button = QPushButton(_("เริ่มกรอกใหม่"), self.draft_note)
        self.draft_discard_button.setToolTip(_("ล้างข้อมูลที่กรอกค้างไว้ กลับไปใช้ข้อมูลเดิมของแบบฟอร์ม"))
        self.draft_discard_button.clicked.connect(lambda _checked=False: self.discard_draft())
        note_row.addWidget(self.draft_label, 1)
        note_row.addWidget(self.draft_discard_button)
        self.draft_note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.banner)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.buttons)
        self._focused = False
        self._initial: Values | None = None
        self._last_saved: Values | None = None
        self._drafts: DraftStore | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self.save_draft)

    def add_form(self, form: QFormLayout | None = None) -> QFormLayout:
        """A form layout in the body (a new one unless given)."""
        form = form or QFormLayout()
        self.body.addLayout(form)
        return form

    def send(self) -> None:
        """OK pressed: by default just accept."""
        self.accept()

    def _ok_pressed(self) -> None:
        """A date still waiting for a correction stops OK: saving would take the old value
        while the screen shows another text."""
        for edit in self.findChildren(BEDateEdit):
            if edit.isVisibleTo(self) and edit.isEnabled() and edit.has_pending_error():
                self.banner.setText(edit.error_text())
                self.banner.setVisible(True)
                edit.lineEdit().setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.send()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused:
            fit_to_screen(self)
            self._focused = True
            self._buttons_last_in_tab_order()
            widget = first_input(self)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.TabFocusReason)
            if self.guard_input:
                self._start_drafts()

    # --- nothing typed is lost ------------------------------------------------------------

    def draft_owner(self) -> str:
        """Whose draft (a subclass with a logged-in user names them)."""
        return ""

    def draft_key(self, initial: Values) -> str:
        """The form (class and title), the person and the record; a form that edits no known
        record is told apart by its starting values."""
        record = self.draft_record if self.draft_record is not None else values_digest(initial)
        kind = f"{type(self).__module__}.{type(self).__qualname__}"
        return f"{kind}|{self.windowTitle()}|{self.draft_owner()}|{record}"

    def _start_drafts(self) -> None:
        self._initial = snapshot(self)
        self._drafts = DraftStore(self.draft_key(self._initial))
        data = self._drafts.load()
        if data is not None and data.get("values") and data["values"] != self._initial:
            restore(self, data["values"])
            self._last_saved = snapshot(self)
            try:
                when = datetime_short(dt.datetime.fromisoformat(str(data.get("saved_at"))))
            except ValueError:
                when = "-"
            self.draft_label.setText(
                _("นำข้อมูลที่กรอกค้างไว้เมื่อ {when} กลับมาให้แล้ว ยังไม่ได้บันทึก").format(when=when)
            )
            self.draft_note.setVisible(True)
        self._draft_timer.start()

    def has_changes(self) -> bool:
        """Something differs from what the form showed when it opened."""
        return self._initial is not None and snapshot(self) != self._initial

    def save_draft(self) -> None:
        """Keep what is typed on disk (called every second while the dialog is open)."""
        if self._drafts is None or self._initial is None:
            return
        current = snapshot(self)
        if current == self._last_saved:
            return
        try:
            if current == self._initial:
                self._drafts.discard()
            else:
                self._drafts.save(current, self._initial)
        except OSError:
            return  # a full or read-only disk: the form itself still holds the input
        self._last_saved = current

    def discard_draft(self) -> None:
        """The "เริ่มกรอกใหม่" button: the form's starting values back, the draft gone."""
        if self._initial is not None:
            restore(self, self._initial)
        self._drop_draft()
        self.draft_note.setVisible(False)

    def _drop_draft(self) -> None:
        self._draft_timer.stop()
        if self._drafts is not None:
            self._drafts.discard()
            self._last_saved = None
        if self.isVisible():
            self._draft_timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            popup = open_suggestion_popup(self)
            if popup is not None:
                popup.hide()  # Escape closes the suggestion list only
                event.accept()
                return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.guard_input and self.has_changes():
            self.save_draft()
            if not messages.confirm(
                self,
                _("ข้อมูลที่กรอกในแบบฟอร์มนี้ยังไม่ได้บันทึก ต้องการทิ้งข้อมูลนี้หรือไม่"),
                _("ทิ้งข้อมูลที่กรอก"),
                _("กลับไปกรอกต่อ"),
                dangerous=True,
            ):
                return
        self._draft_timer.stop()
        if self._drafts is not None:
            self._drafts.discard()
        super().reject()

    def done(self, result: int) -> None:
        if result == int(QDialog.DialogCode.Accepted):
            self._draft_timer.stop()
            if self._drafts is not None:
                self._drafts.discard()  # saved: the draft has done its work
        super().done(result)

    def _buttons_last_in_tab_order(self) -> None:
        """The buttons were made before the form: Tab reaches them after the last input."""
        last: QWidget | None = None
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if widget not in (self.ok_button, self.cancel_button, self.buttons):
                last = widget
            widget = widget.nextInFocusChain()
        if last is not None:
            QWidget.setTabOrder(last, self.ok_button)
            QWidget.setTabOrder(self.ok_button, self.cancel_button)

    def refuse(self, errors: Mapping[str, str], message: str = "") -> None:
        """A check the dialog itself makes failed: mark the fields, say why, keep the input."""
        self.errors.mark(errors, message or " ".join(errors.values()))


class SubmitDialog(BaseDialog):
    """A ``BaseDialog`` whose OK saves in the worker (``save``)."""

    saved = Signal(object)  # what the save returned (e.g. the record's id), before closing

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        cancel_text: str = "",
    ) -> None:
        super().__init__(title, ok_text, parent, cancel_text=cancel_text)
        self.ctx = ctx
        self.result_value: Any = None

    def draft_owner(self) -> str:
        return str(self.ctx.user.username)

    def save(
        self,
        work: Callable[[], Any],
        *,
        mine: Mapping[str, Any] | None = None,
        labels: Mapping[str, str] | None = None,
        overwrite: Callable[[dict[str, Any]], None] | None = None,
        reload: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        """Run ``work`` in the worker; its result is kept (``on_saved``, the ``saved`` signal)
        and the dialog accepted. A refusal marks the fields; a conflict offers ``overwrite`` /
        ``reload``; either way the input stays."""
        self.errors.clear()
        self.ctx.run_in_background(
            work,
            self._saved,
            lambda exc: self.save_failed(
                exc, mine=mine, labels=labels, overwrite=overwrite, reload=reload
            ),
            owner=self,
            disable=[self.ok_button],
        )

    def save_failed(
        self,
        exc: BaseException,
        *,
        mine: Mapping[str, Any] | None = None,
        labels: Mapping[str, str] | None = None,
        overwrite: Callable[[dict[str, Any]], None] | None = None,
        reload: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        """The save was refused or failed: the standard treatment (the input is kept)."""
        handle_save_error(
            self,
            exc,
            self.ctx.show_error,
            errors=self.errors,
            mine=mine,
            labels=labels,
            overwrite=overwrite,
            reload=reload,
        )

    def _saved(self, result: Any) -> None:
        self.result_value = result
        self.on_saved(result)
        self.saved.emit(result)
        self.accept()

    def on_saved(self, result: Any) -> None:
        """Keep what the save returned (a subclass's hook)."""


class PeriodDialog(BaseDialog):
    """A period in B.E. dates before printing; optionally which document (``choices``) and
    "everything" (``allow_all``). A period that ends before it starts is refused here."""

    guard_input = False  # a print period is chosen again in a moment, not worth a question

    def __init__(
        self,
        title: str,
        start: dt.date | None = None,
        end: dt.date | None = None,
        choices: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
        *,
        allow_all: bool = False,
        excel: bool = False,
    ) -> None:
        """``excel``: a second button, "ส่งออก Excel…", for registers (``wants_excel`` after)."""
        super().__init__(title, _("พิมพ์"), parent)
        self.wants_excel = False
        self.excel_button: QPushButton | None = None
        if excel:
            self.excel_button = QPushButton(_("ส่งออก Excel…"), self)
            self.buttons.addButton(self.excel_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.excel_button.clicked.connect(lambda _checked=False: self._excel())
        default_start, default_end = fiscal_year_bounds(fiscal_year(clock.today()))
        form = self.add_form()
        self.kind: QComboBox | None = None
        if choices:
            self.kind = QComboBox(self)
            for key, label in choices:
                self.kind.addItem(label, key)
            form.addRow(_("เอกสาร"), self.kind)
        self.start = BEDateEdit(start or default_start, parent=self)
        self.end = BEDateEdit(end or default_end, parent=self)
        form.addRow(_("ตั้งแต่วันที่"), self.start)
        form.addRow(_("ถึงวันที่"), self.end)
        self.errors.add("start", self.start)
        self.errors.add("end", self.end)
        self.everything: QCheckBox | None = None
        if allow_all:
            self.everything = QCheckBox(_("ทั้งหมด ไม่จำกัดช่วงเวลา"), self)
            self.everything.toggled.connect(self._everything_toggled)
            self.everything.setChecked(start is None and end is None)
            form.addRow("", self.everything)

    def _excel(self) -> None:
        self.wants_excel = True
        self.send()
        if self.result() != int(QDialog.DialogCode.Accepted):
            self.wants_excel = False

    def _everything_toggled(self, on: bool) -> None:
        self.start.setEnabled(not on)
        self.end.setEnabled(not on)

    def send(self) -> None:
        start, end = self.optional_period()
        if start is not None and end is not None and start > end:
            self.refuse({"end": _("วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด")})
            return
        self.accept()

    def period(self) -> tuple[dt.date, dt.date]:
        start, end = self.start.value(), self.end.value()
        assert start is not None and end is not None
        return start, end

    def optional_period(self) -> tuple[dt.date | None, dt.date | None]:
        """The period, or (None, None) when "everything" is ticked."""
        if self.everything is not None and self.everything.isChecked():
            return None, None
        return self.period()

    def choice(self) -> str:
        return str(self.kind.currentData()) if self.kind is not None else ""

    def chosen(self) -> tuple[str, dt.date, dt.date]:
        return (self.choice(), *self.period())
