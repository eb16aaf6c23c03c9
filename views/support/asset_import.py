"""The import wizard: choose a file, map its columns to the register's fields, preview every row
(what will happen, and why a row is refused), then import with a progress bar. Nothing is written
until the user presses import, and then only if every row is valid or the user chose to import
the valid rows only (``models.support.asset_io`` enforces both)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.i18n import _
from models.spreadsheets import SourceTable
from models.support import asset_io
from models.support.asset_fields import FIELDS
from models.support.asset_io import ImportPreview, RowAction
from models.support.assets import KIND_LABELS, AssetKind
from reports.thaifmt import number
from views.widgets import messages
from views.widgets.commands import mnemonic
from views.widgets.dialogs import error_banner

if TYPE_CHECKING:
    from desktop.context import AppContext

ACTION_COLOURS = {
    RowAction.NEW: "#e3f4e5",
    RowAction.UPDATE: "#fff3cd",
    RowAction.UNCHANGED: "#f1f3f4",
    RowAction.ERROR: "#fde2e1",
}
PREVIEW_LIMIT = 2000  # rows drawn in the preview table (errors first); the counts cover all


class ProgressRelay(QObject):
    """Carries ``(done, total)`` from the import in the worker to the UI thread (queued)."""

    progress = Signal(int, int)

    def report(self, done: int, total: int) -> None:
        self.progress.emit(done, total)


class ImportDialog(QDialog):
    imported = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table: SourceTable | None = None
        self.preview: ImportPreview | None = None
        self.setWindowTitle(_("นำเข้าทะเบียนครุภัณฑ์จากไฟล์"))
        self.resize(980, 680)
        self.banner = error_banner(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.back_button = mnemonic(QPushButton(_("ย้อนกลับ"), self), "B")
        self.next_button = mnemonic(QPushButton(_("ถัดไป"), self), "N")
        self.import_button = mnemonic(QPushButton(_("นำเข้า"), self), "I")
        self.valid_only_button = mnemonic(QPushButton(_("นำเข้าเฉพาะแถวที่ถูกต้อง"), self), "V")
        self.close_button = QPushButton(_("ปิด"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(lambda: self.run(valid_only=False))
        self.valid_only_button.clicked.connect(lambda: self.run(valid_only=True))
        self.close_button.clicked.connect(self.reject)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.relay = ProgressRelay(self)
        self.relay.progress.connect(self._progress)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        for button in (
            self.back_button,
            self.next_button,
            self.valid_only_button,
            self.import_button,
            self.close_button,
        ):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        layout.addLayout(row)
        self._page_changed()

    # --- pages ----------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget(self)
        self.path_edit = QLineEdit(page)
        self.path_edit.setReadOnly(True)
        self.browse_button = mnemonic(QPushButton(_("เลือกไฟล์…"), page), "F")
        self.browse_button.clicked.connect(self.browse)
        self.sheet = QComboBox(page)
        self.sheet.currentIndexChanged.connect(lambda _i: self._sheet_changed())
        self.default_kind = QComboBox(page)
        for kind in AssetKind:
            self.default_kind.addItem(_(KIND_LABELS[kind]), str(kind))
        self.update_existing = QCheckBox(
            _("แก้ไขข้อมูลครุภัณฑ์ที่มีในทะเบียนแล้วตามไฟล์ (ถ้าไม่เลือก จะข้ามรายการที่มีแล้ว)"), page
        )
        pick = QHBoxLayout()
        pick.addWidget(self.path_edit, 1)
        pick.addWidget(self.browse_button)
        form = QFormLayout(page)
        intro = QLabel(
            _(
                "เลือกไฟล์ Excel (.xlsx) หรือ CSV ที่มีรายการครุภัณฑ์ แถวหัวตารางต้องมีชื่อคอลัมน์ "
                "เช่น เลขครุภัณฑ์ ชื่อครุภัณฑ์ หมวด ยี่ห้อ วันที่ได้มา (วว/ดด/ปปปป พ.ศ.) ราคา"
            ),
            page,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(_("ไฟล์"), pick)
        form.addRow(_("แผ่นงาน"), self.sheet)
        form.addRow(_("ประเภทเมื่อไฟล์ไม่ระบุ"), self.default_kind)
        form.addRow("", self.update_existing)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.mapping_table = QTableWidget(len(FIELDS), 3, page)
        self.mapping_table.setHorizontalHeaderLabels(
            [_("ข้อมูลในทะเบียน"), _("คอลัมน์ในไฟล์"), _("ตัวอย่างข้อมูล")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.mapping_combos: dict[str, QComboBox] = {}
        for index, f in enumerate(FIELDS):
            item = QTableWidgetItem(_(f.label) + (" *" if f.required else ""))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping_table.setItem(index, 0, item)
            combo = QComboBox(self.mapping_table)
            combo.currentIndexChanged.connect(lambda _i, row=index: self._sample(row))
            self.mapping_combos[f.key] = combo
            self.mapping_table.setCellWidget(index, 1, combo)
            self.mapping_table.setItem(index, 2, QTableWidgetItem(""))
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.setColumnWidth(1, 260)
        layout = QVBoxLayout(page)
        hint = QLabel(_("จับคู่คอลัมน์ของไฟล์กับข้อมูลในทะเบียน (ระบบเลือกให้จากชื่อหัวคอลัมน์แล้ว)"), page)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.mapping_table, 1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        self.only_errors = QCheckBox(_("แสดงเฉพาะแถวที่ข้อมูลไม่ถูกต้อง"), page)
        self.only_errors.toggled.connect(lambda _on: self._fill_preview())
        self.preview_table = QTableWidget(0, 5, page)
        self.preview_table.setHorizontalHeaderLabels(
            [_("แถวที่"), _("เลขครุภัณฑ์"), _("ชื่อครุภัณฑ์"), _("ผล"), _("เหตุผล/หมายเหตุ")]
        )
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch
        )
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_errors)
        layout.addWidget(self.preview_table, 1)
        return page

    # --- navigation -----------------------------------------------------------------------

    def _page_changed(self) -> None:
        page = self.pages.currentIndex()
        self.back_button.setEnabled(page > 0)
        self.next_button.setVisible(page < 2)
        self.next_button.setEnabled(page != 0 or self.table is not None)
        ready = page == 2 and self.preview is not None
        errors = len(self.preview.errors) if self.preview is not None else 0
        todo = (
            self.preview.count(RowAction.NEW) + self.preview.count(RowAction.UPDATE)
            if self.preview is not None
            else 0
        )
        self.import_button.setVisible(page == 2)
        self.import_button.setEnabled(ready and errors == 0 and todo > 0)
        self.valid_only_button.setVisible(page == 2 and errors > 0)
        self.valid_only_button.setEnabled(ready and todo > 0)

    def back(self) -> None:
        self.banner.setVisible(False)
        self.pages.setCurrentIndex(max(0, self.pages.currentIndex() - 1))
        self._page_changed()

    def next(self) -> None:
        self.banner.setVisible(False)
        page = self.pages.currentIndex()
        if page == 0 and self.table is not None:
            self.pages.setCurrentIndex(1)
        elif page == 1:
            self.make_preview()
            return
        self._page_changed()

    def _say(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(True)

    # --- step 1: the file -----------------------------------------------------------------

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("เลือกไฟล์ครุภัณฑ์"), "", _("ตาราง (*.xlsx *.csv);;ทุกไฟล์ (*)")
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path, sheet: str | None = None) -> None:
        self.path_edit.setText(str(path))

        def done(table: SourceTable) -> None:
            self.table = table
            self.preview = None
            self.sheet.blockSignals(True)
            self.sheet.clear()
            self.sheet.addItems(table.sheet_names or [_("(ไฟล์ CSV)")])
            if sheet:
                self.sheet.setCurrentText(sheet)
            self.sheet.setEnabled(bool(table.sheet_names))
            self.sheet.blockSignals(False)
            self._fill_mapping(table)
            self._page_changed()

        def failed(exc: BaseException) -> None:
            self.table = None
            self._page_changed()
            self.ctx.show_error(exc, self)

        self.ctx.run_in_background(
            lambda: asset_io.open_source(path, sheet=sheet), done, failed, owner=self
        )

    def _sheet_changed(self) -> None:
        if self.table is not None and self.table.sheet_names and self.path_edit.text():
            self.load(Path(self.path_edit.text()), self.sheet.currentText())

    # --- step 2: mapping ------------------------------------------------------------------

    def _fill_mapping(self, table: SourceTable) -> None:
        guessed = asset_io.guess_mapping(table)
        headers = table.headers
        for f in FIELDS:
            combo = self.mapping_combos[f.key]
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("— ไม่นำเข้า —"), None)
            for index, header in enumerate(headers):
                combo.addItem(header or _("คอลัมน์ {n}").format(n=index + 1), index)
            chosen = guessed.get(f.key)
            combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else 0)
            combo.blockSignals(False)
        for row in range(len(FIELDS)):
            self._sample(row)

    def _sample(self, row: int) -> None:
        if self.table is None:
            return
        combo = self.mapping_combos[FIELDS[row].key]
        column = combo.currentData()
        text = ""
        if column is not None:
            from models.spreadsheets import cell_text

            values = [
                cell_text(r.cells[column])
                for r in self.table.data_rows[:3]
                if column < len(r.cells)
            ]
            text = ", ".join(v for v in values if v)
        item = self.mapping_table.item(row, 2)
        if item is not None:
            item.setText(text)

    def mapping(self) -> dict[str, int]:
        return {
            key: int(combo.currentData())
            for key, combo in self.mapping_combos.items()
            if combo.currentData() is not None
        }

    # --- step 3: preview and import -------------------------------------------------------

    def options(self) -> dict[str, Any]:
        return {
            "default_kind": self.default_kind.currentData(),
            "update_existing": self.update_existing.isChecked(),
        }

    def make_preview(self) -> None:
        table, mapping, options = self.table, self.mapping(), self.options()
        if table is None:
            return

        def done(preview: ImportPreview) -> None:
            self.preview = preview
            self.pages.setCurrentIndex(2)
            self._fill_preview()
            self._page_changed()

        def failed(exc: BaseException) -> None:
            from models.errors import DomainError

            if isinstance(exc, DomainError):
                self._say(exc.message)
            else:
                self.ctx.show_error(exc, self)

        self.ctx.run_in_background(
            lambda: asset_io.preview_import(table, mapping, **options),
            done,
            failed,
            owner=self,
            disable=[self.next_button],
        )

    def _fill_preview(self) -> None:
        preview = self.preview
        if preview is None:
            return
        errors = len(preview.errors)
        parts = [
            _("ทั้งหมด {n} แถว").format(n=number(len(preview.rows))),
            _("เพิ่มใหม่ {n}").format(n=number(preview.count(RowAction.NEW))),
            _("ปรับปรุง {n}").format(n=number(preview.count(RowAction.UPDATE))),
            _("มีในทะเบียนแล้ว (ข้าม) {n}").format(n=number(preview.count(RowAction.UNCHANGED))),
            _("ข้อมูลไม่ถูกต้อง {n}").format(n=number(errors)),
        ]
        text = " · ".join(parts)
        if preview.new_categories:
            text += "<br>" + _("หมวดใหม่ที่จะเพิ่ม: {names}").format(
                names=", ".join(name for _kind, name in preview.new_categories)
            )
        if preview.new_vendors:
            text += "<br>" + _("ผู้ขายใหม่ที่จะเพิ่ม: {names}").format(
                names=", ".join(preview.new_vendors)
            )
        if errors:
            text += (
                "<br><span style='color:#b71c1c'><b>"
                + _(
                    "ยังนำเข้าไม่ได้จนกว่าทุกแถวจะถูกต้อง: แก้ไขไฟล์แล้วเลือกไฟล์ใหม่ "
                    "หรือเลือก “นำเข้าเฉพาะแถวที่ถูกต้อง”"
                )
                + "</b></span>"
            )
        self.summary.setText(text)
        rows = sorted(preview.rows, key=lambda r: (r.action != RowAction.ERROR, r.line))
        if self.only_errors.isChecked():
            rows = [r for r in rows if r.action == RowAction.ERROR]
        rows = rows[:PREVIEW_LIMIT]
        self.preview_table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = [
                str(row.line),
                row.number,
                row.name,
                row.action_label,
                " ".join(row.errors) if row.errors else " ".join(row.notes),
            ]
            brush = QBrush(QColor(ACTION_COLOURS[row.action]))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setBackground(brush)
                self.preview_table.setItem(index, column, item)
        self.preview_table.resizeColumnsToContents()

    def run(self, *, valid_only: bool) -> None:
        table, mapping, options = self.table, self.mapping(), self.options()
        if table is None or self.preview is None:
            return
        if valid_only and not messages.confirm(
            self,
            _("นำเข้าเฉพาะแถวที่ถูกต้อง และข้าม {n} แถวที่ข้อมูลไม่ถูกต้อง?").format(n=len(self.preview.errors)),
        ):
            return
        user, report = self.ctx.user, self.relay.report
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)

        def work() -> asset_io.ImportResult:
            return asset_io.run_import(
                user, table, mapping, valid_only=valid_only, progress=report, **options
            )

        self.ctx.run_in_background(
            work,
            self._done,
            self._failed,
            owner=self,
            disable=[self.import_button, self.valid_only_button, self.back_button],
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.ctx.show_error(exc, self)

    def _done(self, result: asset_io.ImportResult) -> None:
        self.progress.setVisible(False)
        self.imported.emit()
        messages.info(
            self,
            _(
                "นำเข้าเรียบร้อย: เพิ่มใหม่ {created} รายการ ปรับปรุง {updated} รายการ "
                "ข้ามรายการที่มีแล้ว {unchanged} รายการ ข้ามแถวที่ไม่ถูกต้อง {invalid} แถว"
            ).format(
                created=number(result.created),
                updated=number(result.updated),
                unchanged=number(result.unchanged),
                invalid=number(result.skipped_invalid),
            ),
        )
        self.accept()
