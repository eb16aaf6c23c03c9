"""Settings page "วันหยุดของสำนักงาน": a year's holidays (the government calendar from the holidays
package and the office's own entries), adding and removing the office's entries, importing a
year's list from CSV (all or nothing, with every bad line listed) and exporting it."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models import calendar, clock, office_days
from models.calendar import (
    OFFICE_DAY_KIND_LABELS,
    CalendarDay,
    CalendarImportError,
    OfficeDay,
    OfficeDayKind,
)
from models.errors import ValidationError
from models.i18n import N_, _
from reports.thaifmt import BE_OFFSET, date_long
from views.widgets import messages
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.commands import mnemonic
from views.widgets.dialogs import SubmitDialog
from views.widgets.tables import setup_table_widget

if TYPE_CHECKING:
    from desktop.context import AppContext

WEEKDAYS = (
    N_("จันทร์"),
    N_("อังคาร"),
    N_("พุธ"),
    N_("พฤหัสบดี"),
    N_("ศุกร์"),
    N_("เสาร์"),
    N_("อาทิตย์"),
)


class OfficeDayDialog(SubmitDialog):
    """Add one entry: a day the office closes, or a calendar holiday it works."""

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("เพิ่มวันในตารางวันหยุดของสำนักงาน"), _("บันทึก"), parent)
        self.saved_day: dt.date | None = None
        start = dt.date(year, 1, 2) if clock.today().year != year else clock.today()
        self.day = BEDateEdit(start, parent=self)
        self.kind = QComboBox(self)
        for kind in OfficeDayKind:
            self.kind.addItem(_(OFFICE_DAY_KIND_LABELS[kind]), str(kind))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(_("เช่น วันหยุดพิเศษตามมติคณะรัฐมนตรี"))
        form = self.add_form()
        form.addRow(_("วันที่ *"), self.day)
        form.addRow(_("ชนิด *"), self.kind)
        form.addRow(_("ชื่อวันหยุด/เหตุผล *"), self.name)
        self.save_button = self.ok_button
        self.errors.add_fields({"day": self.day, "kind": self.kind, "name": self.name})

    def send(self) -> None:
        day, kind, name, user = (
            self.day.value(),
            self.kind.currentData(),
            self.name.text(),
            self.ctx.user,
        )
        assert day is not None
        self.save(lambda: office_days.add_office_day(user, day, str(kind), name).day)

    def on_saved(self, result: Any) -> None:
        self.saved_day = result


class ImportErrorsDialog(QDialog):
    """Every bad line of a refused CSV file."""

    def __init__(self, error: CalendarImportError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("นำเข้าไม่สำเร็จ"))
        self.resize(560, 360)
        text = QTextBrowser(self)
        lines = [f"<p><b>{html.escape(error.message)}</b></p><ul>"]
        for row in error.rows:
            lines.append(
                "<li>{}</li>".format(
                    html.escape(
                        _("บรรทัดที่ {line}: {message}").format(line=row.line, message=row.message)
                    )
                )
            )
        lines.append("</ul>")
        text.setHtml("".join(lines))
        self.text = text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


class HolidaysPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.days: list[CalendarDay] = []
        intro = QLabel(
            _(
                "วันทำการคือวันจันทร์-ศุกร์ ยกเว้นวันหยุดราชการตามปฏิทิน (วันหยุดนักขัตฤกษ์และวันหยุด"
                "ของส่วนราชการ) และวันหยุดเพิ่มเติมของสำนักงาน เช่น วันหยุดพิเศษที่คณะรัฐมนตรีประกาศ "
                "การเพิ่มหรือลบวันในตารางนี้จะเลื่อนวันครบกำหนดของเรื่องที่ยังไม่เสร็จ และบันทึกเหตุผลไว้ในประวัติของเรื่อง"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.year = QSpinBox(self)
        self.year.setRange(2500, 2700)
        self.year.setValue(clock.today().year + BE_OFFSET)
        self.year.setPrefix(_("ปี พ.ศ. "))
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.add_button = mnemonic(QPushButton(_("เพิ่มวัน…"), self), "A")
        self.remove_button = mnemonic(QPushButton(_("ลบรายการของสำนักงาน"), self), "D")
        self.import_button = mnemonic(QPushButton(_("นำเข้า CSV…"), self), "I")
        self.export_button = mnemonic(QPushButton(_("ส่งออก CSV…"), self), "X")
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([_("วันที่"), _("วัน"), _("ชื่อวันหยุด"), _("ที่มา")])
        setup_table_widget(self.table, stretch=2)
        self.summary = QLabel(self)
        tools = QHBoxLayout()
        tools.addWidget(self.year)
        tools.addStretch(1)
        for button in (self.add_button, self.remove_button, self.import_button, self.export_button):
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.reload()

    @property
    def year_ce(self) -> int:
        return int(self.year.value()) - BE_OFFSET

    def reload(self) -> None:
        year = self.year_ce

        def load() -> tuple[list[CalendarDay], int]:
            calendar.reload()  # show another workstation's changes at once
            days = calendar.year_days(year)
            working = calendar.working_days_between(
                dt.date(year - 1, 12, 31), dt.date(year, 12, 31)
            )
            return days, working

        self.ctx.run_in_background(load, self._show, owner=self)

    def _show(self, result: tuple[list[CalendarDay], int]) -> None:
        days, working = result
        self.days = days
        self.table.setRowCount(len(days))
        for row, day in enumerate(days):
            source = (
                _("ปฏิทินราชการ")
                if day.source == "package"
                else _(OFFICE_DAY_KIND_LABELS[OfficeDayKind(day.office_kind or "closed")])
            )
            name = day.name
            if day.package_name and day.office_kind == OfficeDayKind.OPEN:
                name = _("{name} (ปฏิทิน: {package})").format(name=day.name, package=day.package_name)
            cells = [date_long(day.day, thai=False), _(WEEKDAYS[day.day.weekday()]), name, source]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if day.source == "office":
                    item.setForeground(QBrush(QColor("#0d47a1")))
                if not day.closed:
                    item.setForeground(QBrush(QColor("#757575")))
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            _("ปี พ.ศ. {year} มีวันทำการ {n} วัน").format(year=self.year.value(), n=working)
        )

    def selected_day(self) -> CalendarDay | None:
        row = self.table.currentRow()
        return self.days[row] if 0 <= row < len(self.days) else None

    def add(self) -> None:
        dialog = OfficeDayDialog(self.ctx, self.year_ce, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def remove(self) -> None:
        day = self.selected_day()
        if day is None or day.office_id is None:
            messages.info(self, _("กรุณาเลือกรายการของสำนักงาน (วันหยุดตามปฏิทินราชการลบไม่ได้)"))
            return
        if not messages.confirm(
            self,
            _("ลบ “{name}” วันที่ {day} ออกจากตารางวันหยุดของสำนักงานหรือไม่").format(
                name=day.name, day=date_long(day.day, thai=False)
            ),
            _("ลบ"),
            informative=_("วันครบกำหนดของเรื่องที่ยังไม่เสร็จจะถูกคำนวณใหม่"),
            dangerous=True,
        ):
            return
        user, office_id, version = self.ctx.user, day.office_id, day.office_version

        def work() -> None:
            entry = OfficeDay.get_or_none(OfficeDay.id == office_id)
            if entry is None:
                raise ValidationError(_("รายการนี้ถูกลบไปแล้ว"))
            office_days.remove_office_day(user, entry, expected_version=version)

        self.ctx.run_in_background(work, lambda _r: self.reload(), owner=self)

    def import_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("เลือกไฟล์ CSV วันหยุดของปี พ.ศ. {year}").format(year=self.year.value()),
            "",
            _("ไฟล์ CSV (*.csv);;ทุกไฟล์ (*)"),
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> None:
        if not messages.confirm(
            self,
            _("นำเข้าไฟล์ {name} แทนรายการของสำนักงานในปี พ.ศ. {year} ทั้งหมดหรือไม่").format(
                name=path.name, year=self.year.value()
            ),
            _("นำเข้า"),
            informative=_("ไฟล์ต้องมี 3 ช่อง: วันที่ (2026-05-13 หรือ 13/05/2569), ชนิด (หยุด/ทำงาน), ชื่อวัน"),
        ):
            return
        user, year = self.ctx.user, self.year_ce

        def work() -> calendar.ImportResult:
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise ValidationError(_("ไฟล์ต้องเป็น CSV แบบ UTF-8")) from exc
            except OSError as exc:
                raise ValidationError(
                    _("อ่านไฟล์ {name} ไม่ได้ ({detail})").format(name=path.name, detail=exc.strerror)
                ) from exc
            return office_days.import_csv(user, year, text)

        def done(result: calendar.ImportResult) -> None:
            self.reload()
            messages.info(
                self,
                _("นำเข้า {added} รายการแล้ว (แทนที่รายการเดิม {removed} รายการ)").format(
                    added=result.added, removed=result.removed
                ),
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CalendarImportError) and exc.rows:
                self.last_import_errors = ImportErrorsDialog(exc, self)
                self.last_import_errors.exec()
            else:
                self.ctx.show_error(exc, self)

        self.ctx.run_in_background(work, done, failed, owner=self)

    def export_file(self) -> None:
        suggested = f"holidays-{self.year.value()}.csv"
        name, _filter = QFileDialog.getSaveFileName(self, _("ส่งออกวันหยุดของสำนักงาน"), suggested)
        if not name:
            return
        year = self.year_ce

        def work() -> str:
            Path(name).write_text(calendar.export_csv(year), encoding="utf-8-sig")
            return name

        self.ctx.run_in_background(
            work,
            lambda path: messages.info(self, _("บันทึกไว้ที่ {path}").format(path=path)),
            owner=self,
        )
