"""The window's font at the user's text size: set at start (``desktop.app``) and again when the
user changes the size in ค่าของฉัน (``desktop.preferences``), without importing the start-up."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

family = ""  # the Thai UI font registered at start ("" = Qt's default)
family_scale = 1.3  # Sarabun-like Thai fonts draw small for their point size
_base_point_size = 0.0  # Qt's own default size, before any scaling


def apply(app: QGuiApplication, font_family: str, text_scale: float, scale: float) -> None:
    """``font_family`` at Qt's default size times ``scale`` (for a Thai font) and the user's
    ``text_scale`` (1.0 = 100 %)."""
    global _base_point_size, family_scale
    if not _base_point_size:
        base = app.font().pointSizeF()
        _base_point_size = base if base > 0 else 10.0
    family_scale = scale
    font = QFont(font_family) if font_family else app.font()
    factor = scale if font_family else 1.0
    font.setPointSizeF(round(_base_point_size * factor * text_scale, 1))
    app.setFont(font)


def apply_text_scale(text_scale: float) -> None:
    """The user's text size, at once, in every window."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply(app, family, text_scale, family_scale)
