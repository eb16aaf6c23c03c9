"""Settings → ข้อมูลสำนักงาน: the agency's details printed on documents, its emblem image, and how
each kind of document is numbered (``models.numbering`` series: prefix, pattern, yearly reset)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models import attachments, clock, numbering, office
from models.i18n import N_, _
from models.numbering import NumberSeries
from models.org import organisation
from views.settings.common import (
    FieldSpec,
    ListPage,
    RecordDialog,
    editor_value,
    make_editor,
    set_editor_value,
)
from views.widgets import messages
from views.widgets.commands import mnemonic
from views.widgets.forms import FormErrors, handle_save_error
from views.widgets.paged_table import Column

if TYPE_CHECKING:
    from desktop.context import AppContext

ORG_FIELDS = (
    "name",
    "short_name",
    "division",
    "mission",
    "mission_short",
    "address",
    "phone",
    "fax",
    "email",
    "website",
)
EMBLEM_PREVIEW_PX = 96
RESET_LABELS = {
    "year": N_("เริ่มนับใหม่ทุกปี พ.ศ."),
    "fiscal_year": N_("เริ่มนับใหม่ทุกปีงบประมาณ"),
    "never": N_("นับต่อเนื่องไม่เริ่มใหม่"),
}


def org_fields() -> list[FieldSpec]:
    return [
        FieldSpec("name", _("ชื่อหน่วยงาน"), required=True),
        FieldSpec("short_name", _("ชื่อย่อหน่วยงาน"), placeholder=_("เช่น สมศ.")),
        FieldSpec("division", _("สำนัก/กอง")),
        FieldSpec("mission", _("ภารกิจ")),
        FieldSpec("mission_short", _("ชื่อย่อภารกิจ"), placeholder=_("เช่น ภทส.")),
        FieldSpec("address", _("ที่อยู่"), kind="multiline"),
        FieldSpec("phone", _("โทรศัพท์")),
        FieldSpec("fax", _("โทรสาร")),
        FieldSpec("email", _("อีเมล")),
        FieldSpec("website", _("เว็บไซต์")),
    ]


def load_office() -> dict[str, Any]:
    """Worker side: the organisation's values, version and emblem bytes."""
    org = organisation()
    values = {name: getattr(org, name) for name in ORG_FIELDS}
    emblem = None
    if org.emblem_attachment_id:
        try:
            emblem = attachments.content(org.emblem_attachment_id)
        except Exception:  # a missing attachment shows as "no emblem", it does not stop the page
            emblem = None
    return {
        "values": values,
        "version": org.version if org.id else None,
        "emblem": emblem,
        "is_demo": bool(org.is_demo),
    }


def series_rows() -> list[dict[str, Any]]:
    """Worker side: every document-number series (the defaults and the office's own)."""
    kinds = set(numbering.DEFAULT_SERIES) | {s.kind for s in NumberSeries.select(NumberSeries.kind)}
    today = clock.today()
    rows = []
    for kind in sorted(kinds):
        row = numbering.series(kind)
        rows.append(
            {
                "id": kind,
                "kind": kind,
                "label": row.label,
                "prefix": row.prefix,
                "pattern": row.pattern,
                "reset": row.reset,
                "width": row.width,
                "example": numbering.format_number(row, 12, today),
            }
        )
    return rows


def example_number(values: dict[str, Any], day: dt.date) -> str:
    """What number 12 would look like with the values typed so far ("" when the pattern is bad)."""
    try:
        numbering.validate_pattern(values.get("pattern", ""))
    except Exception:
        return ""
    row = NumberSeries(
        kind="example",
        label="",
        prefix=values.get("prefix", ""),
        pattern=values.get("pattern", ""),
        reset=values.get("reset", "year"),
        width=int(values.get("width") or 0),
    )
    return numbering.format_number(row, 12, day)


class SeriesDialog(RecordDialog):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.example = QLabel()
        self.extra.addWidget(self.example)
        for name in ("prefix", "pattern", "reset", "width"):
            editor = self.editors[name]
            for signal in ("textChanged", "currentIndexChanged", "valueChanged"):
                if hasattr(editor, signal):
                    getattr(editor, signal).connect(lambda *_a: self.update_example())
        self.update_example()

    def update_example(self) -> None:
        text = example_number(self.values(), clock.today())
        self.example.setText(
            _("ตัวอย่างเลขที่ลำดับ 12: {text}").format(text=text) if text else _("รูปแบบยังไม่ถูกต้อง")
        )


class SeriesList(ListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            _("เลขที่หนังสือ"),
            [
                Column("label", N_("ชนิดเอกสาร"), format=lambda v: _(v) if v else ""),
                Column("prefix", N_("อักษรนำหน้า")),
                Column("pattern", N_("รูปแบบ")),
                Column("reset", N_("การเริ่มนับใหม่"), format=lambda v: _(RESET_LABELS.get(v, v))),
                Column("example", N_("ตัวอย่าง")),
            ],
            series_rows,
            note=_(
                "รูปแบบใช้ช่อง {prefix} อักษรนำหน้า, {number} ลำดับ (ต้องมี), {year} ปี พ.ศ., "
                "{fy} ปีงบประมาณ เช่น {prefix}/{number}"
            ),
            parent=parent,
        )
        self.search.setVisible(False)
        self.edit_button = self.add_button(_("แก้ไข…"), self.edit, needs_row=True)
        self.on_activate(self.edit)
        self.reload()

    def edit(self) -> RecordDialog | None:
        row = self.current_row()
        if row is None:
            return None
        actor = self.ctx.user
        kind = row["kind"]

        def save(values: dict[str, Any], _version: int | None) -> str:
            numbering.save_series(actor, kind, **values)
            return str(kind)

        dialog = SeriesDialog(
            self.ctx,
            _("เลขที่ของ {label}").format(label=_(row["label"])),
            [
                FieldSpec("prefix", _("อักษรนำหน้า")),
                FieldSpec("pattern", _("รูปแบบ"), required=True),
                FieldSpec(
                    "reset",
                    _("การเริ่มนับใหม่"),
                    kind="choice",
                    choices=[(k, _(v)) for k, v in RESET_LABELS.items()],
                ),
                FieldSpec("width", _("จำนวนหลัก (เติมศูนย์ข้างหน้า, 0 = ไม่เติม)"), kind="int", maximum=8),
            ],
            save,
            values=row,
            parent=self,
        )
        dialog.saved.connect(lambda saved: self.reload(select_id=saved))
        dialog.open()
        return dialog


class OfficePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.version: int | None = None
        self.specs = org_fields()
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        details = QGroupBox(_("ข้อมูลหน่วยงานที่พิมพ์ในหนังสือราชการ"))
        form = QFormLayout(details)
        self.editors: dict[str, QWidget] = {}
        for spec in self.specs:
            editor = make_editor(spec)
            editor.setAccessibleName(spec.label)
            self.editors[spec.name] = editor
            form.addRow(spec.label + (" *" if spec.required else ""), editor)
        self.banner = QLabel()
        form.addRow(self.banner)
        self.errors = FormErrors(self.editors, banner=self.banner)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = mnemonic(QPushButton(_("บันทึกข้อมูลสำนักงาน")), "S")
        self.save_button.clicked.connect(lambda: self.save())
        row.addWidget(self.save_button)
        form.addRow(row)
        layout.addWidget(details)

        emblem_box = QGroupBox(_("ตราสัญลักษณ์ของหน่วยงาน"))
        emblem_row = QHBoxLayout(emblem_box)
        self.emblem = QLabel()
        self.emblem.setFixedSize(EMBLEM_PREVIEW_PX + 8, EMBLEM_PREVIEW_PX + 8)
        self.emblem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emblem.setStyleSheet("border: 1px solid palette(mid);")
        emblem_row.addWidget(self.emblem)
        emblem_side = QVBoxLayout()
        self.emblem_note = QLabel()
        self.emblem_note.setWordWrap(True)
        emblem_side.addWidget(self.emblem_note)
        buttons = QHBoxLayout()
        self.emblem_button = mnemonic(QPushButton(_("เลือกไฟล์ตรา…")), "M")
        self.emblem_button.clicked.connect(lambda: self.choose_emblem())
        self.emblem_clear = mnemonic(QPushButton(_("ใช้ตราชั่วคราว")), "T")
        self.emblem_clear.clicked.connect(lambda: self.set_emblem(None))
        buttons.addWidget(self.emblem_button)
        buttons.addWidget(self.emblem_clear)
        buttons.addStretch(1)
        emblem_side.addLayout(buttons)
        emblem_row.addLayout(emblem_side, 1)
        layout.addWidget(emblem_box)

        self.series = SeriesList(ctx)
        self.series.setMinimumHeight(260)
        layout.addWidget(self.series)
        layout.addStretch(1)
        self.reload()

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.run_in_background(load_office, self.show_office, owner=self)

    def show_office(self, data: dict[str, Any]) -> None:
        self.version = data["version"]
        for name, editor in self.editors.items():
            set_editor_value(editor, data["values"].get(name))
        self.show_emblem(data["emblem"])

    def show_emblem(self, image: bytes | None) -> None:
        pixmap = QPixmap()
        if image and pixmap.loadFromData(image):
            self.emblem.setPixmap(
                pixmap.scaled(
                    EMBLEM_PREVIEW_PX,
                    EMBLEM_PREVIEW_PX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.emblem_note.setText(_("หนังสือราชการจะพิมพ์ตรานี้ที่หัวกระดาษ"))
            self.emblem_clear.setEnabled(True)
        else:
            self.emblem.clear()
            self.emblem.setText(_("ไม่มี"))
            self.emblem_note.setText(
                _(
                    "ยังไม่ได้กำหนดตราของหน่วยงาน หนังสือราชการจะพิมพ์ตราชั่วคราวของโปรแกรม "
                    "(ไม่ใช่ตราครุฑ) กรุณาเลือกไฟล์ภาพตราของหน่วยงาน (PNG หรือ JPEG)"
                )
            )
            self.emblem_clear.setEnabled(False)

    # --- saving ---------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {name: editor_value(editor) for name, editor in self.editors.items()}

    def save(self, expected_version: int | None = None) -> None:
        self.errors.clear()
        values = self.values()
        actor = self.ctx.user
        version = expected_version if expected_version is not None else self.version

        def work() -> dict[str, Any]:
            office.update_organisation(actor, expected_version=version, **values)
            return load_office()

        def failed(exc: BaseException) -> None:
            handle_save_error(
                self,
                exc,
                self.ctx.show_error,
                errors=self.errors,
                mine=values,
                labels={s.name: s.label for s in self.specs},
                overwrite=lambda current: self.save(expected_version=current.get("version")),
                reload=lambda current: self.reload(),
            )

        def saved(data: dict[str, Any]) -> None:
            self.show_office(data)
            messages.info(self, _("บันทึกข้อมูลสำนักงานแล้ว"))

        self.ctx.run_in_background(work, saved, failed, owner=self, disable=[self.save_button])

    def choose_emblem(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, _("เลือกไฟล์ตราสัญลักษณ์"), "", _("ภาพ (*.png *.jpg *.jpeg)")
            )
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            messages.warn(self, _("เปิดไฟล์ไม่ได้: {detail}").format(detail=exc.strerror or exc))
            return
        if QImage.fromData(data).isNull():
            messages.warn(self, _("ไฟล์นี้ไม่ใช่ภาพที่เปิดได้ กรุณาเลือกไฟล์ PNG หรือ JPEG"))
            return
        self.set_emblem((Path(path).name, data))

    def set_emblem(self, file: tuple[str, bytes] | None) -> None:
        actor = self.ctx.user
        version = self.version

        def work() -> dict[str, Any]:
            name, data = file if file is not None else (None, None)
            office.set_emblem(actor, name, data, expected_version=version)
            return load_office()

        self.ctx.run_in_background(
            work,
            self.show_office,
            owner=self,
            disable=[self.emblem_button, self.emblem_clear],
        )
