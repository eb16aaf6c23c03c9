"""Start the window: ``run_gui(args)`` (``desktop/cli.py`` calls it when no task is given).

The order: QApplication with the bundled Thai fonts as the UI font, the language (workstation
setting or ``--lang``) with Qt's own catalog where one exists, the exception hook and its log file,
then the database (``desktop.startup``: retry / change connection / embedded database on failure),
the first start (set-up dialog, or the demo office with ``--demo-on-first-start``), a daily SQLite
backup in the background, the login dialog, and the main window. Logging out returns to the login.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop import APP_VERSION, ui_font
from desktop.config import WorkstationConfig, log_dir
from models.i18n import current_language, set_language
from resources import FONTS_DIR


def _cheaper_pyside_source_scan() -> None:
    """PySide6 reads the source of every module imported after it (``inspect.getsource``) to see
    whether it mentions "PySide6", for its opt-in ``__feature__`` switches, which ICT Desk does not
    use: 0.1 s of a start for our ~350 modules. The same test on the file's bytes costs a tenth.
    Modules without a ``.py`` file keep PySide's own test."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "ictdesk", False):
        return  # another PySide6 layout, or done already

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as fh:
                return b"PySide6" in fh.read()
        except OSError:
            return False

    uses_pyside.ictdesk = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_cheaper_pyside_source_scan()

log = logging.getLogger(__name__)

UI_FONT_SCALE = 1.3  # Sarabun-like Thai fonts draw small for their point size
_ui_family = ""
_translators: list[QTranslator] = []


def thai_font_files() -> list[Path]:
    """The files documents use (``reports.fonts``), so screen and paper match; the bundled
    folder when that module is missing."""
    try:
        from reports.fonts import font_files
    except ImportError:
        return sorted(FONTS_DIR.glob("*.ttf"))
    try:
        return list(dict.fromkeys(font_files().values()))
    except Exception:  # a broken system font must not stop the window
        log.exception("reports.fonts.font_files failed; using the bundled fonts")
        return sorted(FONTS_DIR.glob("*.ttf"))


def register_fonts() -> str:
    """Register the Thai fonts with Qt; returns their family name ("" when none loaded)."""
    global _ui_family
    family = ""
    for path in thai_font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load the font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families and not family:
            family = families[0]
    _ui_family = family
    ui_font.family = family
    return family


def ui_family() -> str:
    return _ui_family


def apply_ui_font(app: QGuiApplication, family: str, text_scale: float = 1.0) -> None:
    """The Thai UI font (``desktop.ui_font``) at the user's text size."""
    ui_font.apply(app, family, text_scale, UI_FONT_SCALE)


def install_translations(app: QGuiApplication, language: str) -> None:
    """Qt's own strings (file and print dialogs, context menus, standard buttons) in the chosen
    language: Qt's catalog when it ships one, else for Thai ``views.widgets.qt_thai``."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    from views.widgets import qt_thai  # Qt's catalog, else our Thai table and Qt's dialogs

    _translators.extend(qt_thai.install(app, language))
    locale = (
        QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
        if language == "th"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    QLocale.setDefault(locale)


def make_application(argv: list[str] | None = None, *, language: str | None = None) -> QApplication:
    """The QApplication with fonts, language and the exception hook (reused if one exists)."""
    from desktop import excepthook

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("ICT Desk")
    app.setOrganizationName("ICTDesk")
    app.setApplicationVersion(APP_VERSION)
    if language:
        set_language(language)
    install_translations(app, current_language())
    apply_ui_font(app, register_fonts(), WorkstationConfig.load().text_scale)
    excepthook.install(log_dir())
    return app


def run_gui(args: argparse.Namespace) -> int:
    from desktop.shell import Shell

    config = WorkstationConfig.load()
    language = getattr(args, "lang", None) or config.language
    app = make_application(language=language)
    shell = Shell(
        app,
        database_url=getattr(args, "database", None),
        demo_on_first_start=bool(getattr(args, "demo_on_first_start", False)),
    )
    if not shell.start():
        return 1
    return int(app.exec())
