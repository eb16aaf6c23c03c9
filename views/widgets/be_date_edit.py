"""A date input in Buddhist-Era years: shows ``23/11/2569`` and accepts what people type
(``23/11/2569``, ``๒๓/๑๑/๒๕๖๙``, ``23-11-2569``), with a calendar popup whose header shows the
B.E. year. A Christian-Era year typed by habit (``2026``) is refused, never shifted silently.

Usage::

    due = BEDateEdit()                       # today
    due.set_value(case.due_on)               # datetime.date
    due.value()                              # -> datetime.date
    due.value_changed.connect(...)           # emits datetime.date | None

    received = BEDateEdit(allow_empty=True)  # an optional date: empty shows "ไม่ระบุ"
    received.set_value(None)
    received.value()                         # -> None

It is a ``QDateEdit`` underneath: arrow keys step the day, month or year under the cursor, and
``setMinimumDate``/``setMaximumDate`` work as usual.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QSpinBox,
    QToolButton,
    QWidget,
)

from models import clock
from models.i18n import _, current_language
from reports.thaifmt import BE_OFFSET, MONTHS, arabic_digits

DISPLAY_FORMAT = "dd/MM/yyyy"
EMPTY_SENTINEL = QDate(1900, 1, 1)  # the minimum date stands for "no date" (Qt's specialValueText)
_PARTIAL = re.compile(r"^\s*\d{0,2}(\s*[/.-]\s*\d{0,2}(\s*[/.-]\s*\d{0,4})?)?\s*$")
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

    def _sync_header(self, year: int, month: int) -> None:
        self.month_combo.blockSignals(True)
        self.year_spin.blockSignals(True)
        self.month_combo.setCurrentIndex(month - 1)
        self.year_spin.setValue(year + BE_OFFSET)
        self.month_combo.blockSignals(False)
        self.year_spin.blockSignals(False)

    def header_text(self) -> str:
        return f"{self.month_combo.currentText()} {self.year_spin.value()}"


class BEDateEdit(QDateEdit):
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
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self.setCalendarWidget(BECalendarWidget(self))
        self.setToolTip(_("วัน/เดือน/ปี พ.ศ. เช่น 23/11/2569"))
        if allow_empty:
            self.setMinimumDate(EMPTY_SENTINEL)
            self.setSpecialValueText(_("ไม่ระบุ"))
        else:
            self.setMinimumDate(QDate(1943, 1, 1))
        self.setMaximumDate(QDate(2257, 12, 31))
        self.dateChanged.connect(lambda _d: self.value_changed.emit(self.value()))
        if value is None and not allow_empty:
            value = clock.today()
        self.set_value(value)

    # --- Python values --------------------------------------------------------------------

    def value(self) -> dt.date | None:
        date = self.date()
        if self.allow_empty and date == EMPTY_SENTINEL:
            return None
        return from_qdate(date)

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            if not self.allow_empty:
                raise ValueError("this date field needs a date")
            self.setDate(EMPTY_SENTINEL)
        else:
            self.setDate(to_qdate(value))

    def clear_value(self) -> None:
        if self.allow_empty:
            self.setDate(EMPTY_SENTINEL)

    # --- B.E. text ------------------------------------------------------------------------

    def textFromDateTime(self, value: QDateTime | dt.datetime) -> str:
        day = value.date() if isinstance(value, QDateTime) else to_qdate(value.date())
        if self.allow_empty and day == EMPTY_SENTINEL:
            return self.specialValueText()
        return be_text(day)

    def dateTimeFromText(self, text: str) -> QDateTime:
        if self.allow_empty and (not text.strip() or text == self.specialValueText()):
            return QDateTime(EMPTY_SENTINEL, QTime(0, 0))
        day = parse_text(text)
        if day is None:
            return QDateTime(self.date(), QTime(0, 0))
        return QDateTime(day, QTime(0, 0))

    def validate(self, text: str, pos: int) -> Any:
        if self.allow_empty and (not text.strip() or text == self.specialValueText()):
            return (QValidator.State.Acceptable, text, pos)
        plain = arabic_digits(text)
        day = parse_text(text)
        if day is not None and self.minimumDate() <= day <= self.maximumDate():
            return (QValidator.State.Acceptable, text, pos)
        if _PARTIAL.match(plain) or _FULL.match(plain):
            return (QValidator.State.Intermediate, text, pos)
        return (QValidator.State.Invalid, text, pos)

    def fixup(self, text: str) -> str:
        return self.textFromDateTime(QDateTime(self.date(), QTime(0, 0)))

    def keyPressEvent(self, event: Any) -> None:
        if (
            self.allow_empty
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.clear_value()
            return
        super().keyPressEvent(event)
