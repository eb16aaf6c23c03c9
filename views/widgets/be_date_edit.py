"""A date input in Buddhist-Era years: shows ``23/11/2569`` and accepts what people type
(``23/11/2569``, ``2/12/69``, ``2 ธ.ค. 69``, ``๒๓/๑๑/๒๕๖๙``; ``views.widgets.date_text``), with a
calendar popup whose header shows the B.E. year.

What is typed is read when the person leaves the field (one Tab), presses Enter, or when the
form reads ``value()``; it is never replaced behind their back: a text that is not a date stays
as typed, marked red with the reason under the field, and a year that looks Christian Era
(``15/11/2026``) is named as such with a button offering the B.E. date (``15/11/2569``).

Usage::

    due = BEDateEdit()                       # today
    due.set_value(case.due_on)               # datetime.date
    due.value()                              # -> datetime.date
    due.value_changed.connect(...)           # emits datetime.date | None

    received = BEDateEdit(allow_empty=True)  # an optional date: empty shows "ไม่ระบุ"
    received.set_value(None)
    received.value()                         # -> None

Up/Down step the day, month or year under the cursor (on an empty field they start from today),
Alt+Down or F4 opens the calendar, and ``setMinimumDate``/``setMaximumDate`` bound what is accepted.
Forms ask ``has_pending_error()`` before saving (``BaseDialog`` does it for every dialog).
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.i18n import _, current_language
from reports.thaifmt import BE_OFFSET, MONTHS, arabic_digits
from views.widgets.date_text import be_numeric, read_typed_date

_FULL = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
MIN_BE_YEAR = 2400


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def be_text(day: QDate) -> str:
    return f"{day.day():02d}/{day.month():02d}/{day.year() + BE_OFFSET:04d}"


def parse_text(text: str) -> QDate | None:
    """``dd/mm/yyyy`` with a B.E. year (Thai or Arabic digits), else None."""
    match = _FULL.match(arabic_digits(text))
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if year < MIN_BE_YEAR:
        return None
    date = QDate(year - BE_OFFSET, month, day)
    return date if date.isValid() else None


def month_names() -> list[str]:
    if current_language() == "th":
        return list(MONTHS)
    english = QLocale(QLocale.Language.English)
    return [english.monthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13)]


class BECalendarWidget(QCalendarWidget):
    """A calendar whose header shows the month by name and the year in B.E."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if current_language() == "th":
            self.setLocale(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        self.setNavigationBarVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        header = QWidget(self)
        header.setObjectName("be_calendar_header")
        row = QHBoxLayout(header)
        row.setContentsMargins(4, 4, 4, 4)
        self.prev_button = QToolButton(header)
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setToolTip(_("เดือนก่อน"))
        self.prev_button.setAutoRaise(True)
        self.next_button = QToolButton(header)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(_("เดือนถัดไป"))
        self.next_button.setAutoRaise(True)
        self.month_combo = QComboBox(header)
        self.month_combo.addItems(month_names())
        self.month_combo.setAccessibleName(_("เดือน"))
        self.year_spin = QSpinBox(header)
        self.year_spin.setRange(MIN_BE_YEAR, 2800)
        self.year_spin.setAccessibleName(_("ปี พ.ศ."))
        self.year_spin.setPrefix(_("พ.ศ. "))
        row.addWidget(self.prev_button)
        row.addStretch(1)
        row.addWidget(self.month_combo)
        row.addWidget(self.year_spin)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout = self.layout()
        assert layout is not None
        layout.insertWidget(0, header)  # type: ignore[attr-defined]
        self.prev_button.clicked.connect(self.showPreviousMonth)
        self.next_button.clicked.connect(self.showNextMonth)
        self.month_combo.activated.connect(
            lambda index: self.setCurrentPage(self.yearShown(), index + 1)
        )
        self.year_spin.valueChanged.connect(
            lambda be: self.setCurrentPage(be - BE_OFFSET, self.monthShown())
        )
        self.currentPageChanged.connect(self._sync_header)
        self._sync_header(self.yearShown(), self.monthShown())
        # the month list shows whole names (พฤศจิกายน, not พฤศ…ายน)
        self.month_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        view = self.month_combo.view()
        if view is not None:
            view.setMinimumWidth(view.sizeHintForColumn(0) + 24)

    def minimumSizeHint(self) -> QSize:
        # Qt counts its own navigation bar, hidden here, not the header that replaces it: without
        # this the popup cut the last row of days (QCalendarWidget's sizeHint asks this too)
        base = super().minimumSizeHint()
        header = self.findChild(QWidget, "be_calendar_header")
        if header is None:
            return base
        hint = header.sizeHint()
        return QSize(max(base.width(), hint.width()), base.height() + hint.height())

    def _sync_header(self, year: int, month: int) -> None:
        self.month_combo.blockSignals(True)
        self.year_spin.blockSignals(True)
        self.month_combo.setCurrentIndex(month - 1)
        self.year_spin.setValue(year + BE_OFFSET)
        self.month_combo.blockSignals(False)
        self.year_spin.blockSignals(False)

    def header_text(self) -> str:
        return f"{self.month_combo.currentText()} {self.year_spin.value()}"


ERROR_STYLE = "QLineEdit { border: 1px solid #c62828; background: #fff3f3; }"


class _CalendarPopup(QFrame):
    """The calendar under the field, sized to show every row and the header whole."""

    def __init__(self, calendar: BECalendarWidget, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(calendar)
        self.calendar = calendar


class BEDateEdit(QWidget):
    value_changed = Signal(object)  # datetime.date | None

    def __init__(
        self,
        value: dt.date | None = None,
        *,
        allow_empty: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.allow_empty = allow_empty
        self._value: dt.date | None = None
        self._minimum = QDate(1943, 1, 1)
        self._maximum = QDate(2257, 12, 31)
        self._error = ""
        self._suggestion: dt.date | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.line = QLineEdit(self)
        self.line.setToolTip(_("วัน/เดือน/ปี พ.ศ. เช่น 23/11/2569 หรือ 23 พ.ย. 69"))
        self.line.setPlaceholderText(_("ไม่ระบุ") if allow_empty else _("วว/ดด/ปปปป"))
        self.line.setClearButtonEnabled(allow_empty)
        self.line.installEventFilter(self)
        self.line.returnPressed.connect(self.commit)
        self.line.editingFinished.connect(self.commit)
        self.setFocusProxy(self.line)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(_("เลือกจากปฏิทิน (Alt+ลูกศรลง)"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one Tab leaves the field
        self.calendar_button.clicked.connect(self.show_calendar)
        self._calendar = BECalendarWidget()
        self._popup = _CalendarPopup(self._calendar, self)
        self._calendar.clicked.connect(self._picked)
        self._calendar.activated.connect(self._picked)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.suggest_button = QPushButton(self)
        self.suggest_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.suggest_button.clicked.connect(lambda _checked=False: self.accept_suggestion())
        self.message_row = QWidget(self)
        message_layout = QHBoxLayout(self.message_row)
        message_layout.setContentsMargins(0, 0, 0, 0)
        message_layout.addWidget(self.message, 1)
        message_layout.addWidget(self.suggest_button)
        self.message_row.setVisible(False)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message_row)
        # wide enough for "23/11/2569" and the button, never cut
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("00/00/00000") + 24)

        if value is None and not allow_empty:
            value = clock.today()
        self.set_value(value)

    # --- Python values --------------------------------------------------------------------

    def value(self) -> dt.date | None:
        """The date shown. Text typed and not yet read is read now (Ctrl+Enter in a form saves
        what is on screen); text that is not a date leaves the last good value, and the form is
        told by ``has_pending_error()``."""
        self.commit()
        return self._value

    def set_value(self, value: dt.date | None) -> None:
        if value is None and not self.allow_empty:
            raise ValueError("this date field needs a date")
        self._clear_error()
        self.line.setText(be_numeric(value) if value is not None else "")
        self._store(value)

    def clear_value(self) -> None:
        if self.allow_empty:
            self.set_value(None)

    def text(self) -> str:
        return self.line.text()

    def lineEdit(self) -> QLineEdit:
        return self.line

    def calendarWidget(self) -> BECalendarWidget:
        return self._calendar

    def setMinimumDate(self, day: QDate) -> None:
        self._minimum = day

    def setMaximumDate(self, day: QDate) -> None:
        self._maximum = day

    def has_pending_error(self) -> bool:
        """The text on screen is not a date this field takes (the reason is shown under it)."""
        self.commit()
        return bool(self._error)

    def error_text(self) -> str:
        return self._error

    def suggestion(self) -> dt.date | None:
        return self._suggestion

    def _store(self, value: dt.date | None) -> None:
        if value != self._value:
            self._value = value
            self.value_changed.emit(value)

    # --- reading what was typed -----------------------------------------------------------

    def commit(self) -> None:
        """Read the text: a date is taken (and shown in the usual form), anything else is kept
        as typed with the reason beside it."""
        text = self.line.text()
        if not text.strip():
            if self.allow_empty:
                self._clear_error()
                self._store(None)
            else:
                self._show_error(_("กรุณากรอกวันที่"))
            return
        if self._value is not None and text == be_numeric(self._value) and not self._error:
            return
        typed = read_typed_date(text, clock.today())
        if typed.date is None:
            self._show_error(typed.error, typed.suggestion)
            return
        if not self._minimum <= to_qdate(typed.date) <= self._maximum:
            self._show_error(
                _("วันที่ต้องอยู่ระหว่าง {first} ถึง {last}").format(
                    first=be_text(self._minimum), last=be_text(self._maximum)
                )
            )
            return
        self._clear_error()
        self.line.setText(be_numeric(typed.date))
        self._store(typed.date)

    def accept_suggestion(self) -> None:
        """The B.E. date offered for a year that looked Christian Era."""
        if self._suggestion is not None:
            day = self._suggestion
            self.line.setText(be_numeric(day))
            self.commit()
            self.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_error(self, text: str, suggestion: dt.date | None = None) -> None:
        self._error = text
        self._suggestion = suggestion
        self.message.setText(text)
        self.suggest_button.setVisible(suggestion is not None)
        if suggestion is not None:
            self.suggest_button.setText(_("ใช้ {date}").format(date=be_numeric(suggestion)))
        self.message_row.setVisible(True)
        self.line.setStyleSheet(ERROR_STYLE)
        self.line.setToolTip(text)

    def _clear_error(self) -> None:
        if self._error:
            self._error = ""
            self._suggestion = None
            self.message_row.setVisible(False)
            self.line.setStyleSheet("")
            self.line.setToolTip(_("วัน/เดือน/ปี พ.ศ. เช่น 23/11/2569 หรือ 23 พ.ย. 69"))

    # --- keys and the calendar ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (
                key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
            ):
                self.show_calendar()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods & (
                Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
            ):
                self._step(1 if key == Qt.Key.Key_Up else -1)
                return True
        return super().eventFilter(watched, event)

    def _section_at_cursor(self) -> int:
        """0 day, 1 month, 2 year: the part of ``dd/mm/yyyy`` the cursor is in."""
        return min(self.line.text()[: self.line.cursorPosition()].count("/"), 2)

    def _step(self, steps: int) -> None:
        self.commit()
        if self._error:
            return  # the text waits for a correction; stepping would replace it unseen
        if self._value is None:
            day = clock.today()  # an empty field starts from today, never from 2443
        else:
            section = self._section_at_cursor()
            day = _stepped(self._value, section, steps)
        cursor = self.line.cursorPosition()
        if to_qdate(day) < self._minimum or to_qdate(day) > self._maximum:
            return
        self.line.setText(be_numeric(day))
        self.line.setCursorPosition(cursor)
        self._store(day)

    def show_calendar(self) -> None:
        self.commit()
        shown = self._value or clock.today()
        self._calendar.setSelectedDate(to_qdate(shown))
        self._calendar.setCurrentPage(shown.year, shown.month)
        self._calendar.setMinimumDate(self._minimum)
        self._calendar.setMaximumDate(self._maximum)
        self._popup.adjustSize()
        size = self._popup.sizeHint()
        below = self.mapToGlobal(QPoint(0, self.line.height()))
        screen = self.screen().availableGeometry() if self.screen() else None
        x, y = below.x(), below.y()
        if screen is not None:
            # whole on the screen: above the field when there is no room below
            if y + size.height() > screen.bottom():
                y = self.mapToGlobal(QPoint(0, 0)).y() - size.height()
            x = max(screen.left(), min(x, screen.right() - size.width()))
            y = max(screen.top(), y)
        self._popup.resize(size)
        self._popup.move(x, y)
        self._popup.show()
        self._calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, day: QDate) -> None:
        self._popup.hide()
        self.set_value(from_qdate(day))
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()


def _stepped(day: dt.date, section: int, steps: int) -> dt.date:
    """``day`` moved by whole days, months or years (the day kept within the month)."""
    if section == 0:
        return day + dt.timedelta(days=steps)
    months = day.year * 12 + day.month - 1 + (steps if section == 1 else 12 * steps)
    year, month = divmod(months, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))
