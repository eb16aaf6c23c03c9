"""File → ค่าของฉัน…: what concerns only the person at this workstation (the interface language,
the text size), for every user, apart from the administrator's office-wide settings. Kept in the
workstation's own settings file (``desktop.config``); the text size applies at once, the language
at the next start (every window is built in it)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop.config import WorkstationConfig
from desktop.ui_font import apply_text_scale
from models.i18n import _, current_language
from views.widgets import messages
from views.widgets.dialogs import BaseDialog

LANGUAGES = (("th", "ไทย"), ("en", "English"))  # each in its own language
TEXT_SIZES = (0.9, 1.0, 1.15, 1.3, 1.5)


class PreferencesDialog(BaseDialog):
    guard_input = False  # two choices, nothing typed worth a question or a draft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("ค่าของฉัน"), _("บันทึก"), parent)
        self.config = WorkstationConfig.load()
        form = self.add_form()
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(self.config.language or current_language()))
        )
        self.text_size = QComboBox(self)
        for scale in TEXT_SIZES:
            self.text_size.addItem(f"{round(scale * 100)} %", scale)
        nearest = min(TEXT_SIZES, key=lambda s: abs(s - self.config.text_scale))
        self.text_size.setCurrentIndex(TEXT_SIZES.index(nearest))
        form.addRow(_("ภาษาของโปรแกรม"), self.language)
        form.addRow(_("ขนาดตัวอักษร"), self.text_size)
        note = QLabel(_("ค่าเหล่านี้ใช้กับเครื่องนี้เท่านั้น ค่าของสำนักงานอยู่ที่ ตั้งค่า (ผู้ดูแลระบบ)"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        self.body.addWidget(note)

    def send(self) -> None:
        language = str(self.language.currentData())
        scale = float(self.text_size.currentData())
        changed_language = language != (self.config.language or "th")
        config = WorkstationConfig.load()  # what other windows saved meanwhile stays
        config.language = language
        config.text_scale = scale
        try:
            config.save()
        except OSError as exc:
            self.refuse({}, _("บันทึกค่าไม่ได้ ({detail})").format(detail=exc.strerror or exc))
            return
        apply_text_scale(scale)
        if changed_language:
            messages.info(self, _("ภาษาที่เลือกจะใช้เมื่อเปิดโปรแกรมครั้งถัดไป"))
        self.accept()
