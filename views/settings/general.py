"""Settings → ค่าทั่วไป: the office-wide settings declared in ``models.settings`` (attachment size
limit, Thai digits in documents, margins, backups kept...) and those processes declare, each with an
editor that fits its type and range."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models import settings
from models.i18n import _
from views.settings.common import editor_value, set_editor_value
from views.widgets import messages
from views.widgets.commands import mnemonic
from views.widgets.forms import FormErrors, handle_save_error

if TYPE_CHECKING:
    from desktop.context import AppContext


def load_settings() -> dict[str, Any]:
    """Worker side: every declared setting's current value."""
    return {key: settings.get(key) for key in sorted(settings.SETTINGS)}


def save_settings(actor: Any, values: dict[str, Any]) -> dict[str, Any]:
    settings.put_many(actor, values)
    try:
        from reports.fonts import set_prefer_system_font

        set_prefer_system_font(bool(settings.get("documents.prefer_th_sarabun")))
    except ImportError:
        pass
    return load_settings()


def editor_for(definition: settings.SettingDef) -> QWidget:
    default = definition.default
    if isinstance(default, bool):
        return QCheckBox(_(definition.label))
    if isinstance(default, int):
        spin = QSpinBox()
        spin.setRange(
            int(definition.minimum if definition.minimum is not None else -1_000_000),
            int(definition.maximum if definition.maximum is not None else 1_000_000),
        )
        return spin
    if isinstance(default, float):
        dspin = QDoubleSpinBox()
        dspin.setDecimals(2)
        dspin.setSingleStep(0.1)
        dspin.setRange(
            definition.minimum if definition.minimum is not None else -1e6,
            definition.maximum if definition.maximum is not None else 1e6,
        )
        return dspin
    return QLineEdit()


class GeneralPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        heading = QLabel(_("ค่าทั่วไปของสำนักงาน (ใช้กับทุกเครื่อง)"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        outer.addWidget(heading)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.form = QFormLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.editors: dict[str, QWidget] = {}
        for key in sorted(settings.SETTINGS):
            definition = settings.SETTINGS[key]
            editor = editor_for(definition)
            editor.setAccessibleName(_(definition.label))
            self.editors[key] = editor
            self.form.addRow("" if isinstance(editor, QCheckBox) else _(definition.label), editor)
        self.banner = QLabel()
        outer.addWidget(self.banner)
        self.errors = FormErrors(self.editors, banner=self.banner)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = mnemonic(QPushButton(_("บันทึก")), "S")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        self.loaded: dict[str, Any] = {}
        ctx.run_in_background(load_settings, self.show_values, owner=self)

    def show_values(self, values: dict[str, Any]) -> None:
        self.loaded = values
        for key, value in values.items():
            if key in self.editors:
                set_editor_value(self.editors[key], value)

    def changed_values(self) -> dict[str, Any]:
        out = {}
        for key, editor in self.editors.items():
            value = editor_value(editor)
            if value != self.loaded.get(key):
                out[key] = value
        return out

    def save(self) -> None:
        self.errors.clear()
        values = self.changed_values()
        if not values:
            messages.info(self, _("ไม่มีการเปลี่ยนแปลง"))
            return
        actor = self.ctx.user

        def saved(fresh: dict[str, Any]) -> None:
            self.show_values(fresh)
            messages.info(self, _("บันทึกแล้ว"))

        def failed(exc: BaseException) -> None:
            handle_save_error(self, exc, self.ctx.show_error, errors=self.errors)

        self.ctx.run_in_background(
            lambda: save_settings(actor, values),
            saved,
            failed,
            owner=self,
            disable=[self.save_button],
        )
