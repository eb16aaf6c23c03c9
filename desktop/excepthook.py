"""Bugs: logged with their traceback to a rotating file in the user's log folder, and shown in a
dialog that says so plainly and offers "คัดลอกรายละเอียด" (copy the details for the ICT staff).

``install()`` sets up the log file and replaces ``sys.excepthook`` / ``threading.excepthook``.
``show_exception(exc)`` is what the worker's error path and ``AppContext.show_error`` call for
anything that is neither a ``DomainError`` nor an ``EnvironmentProblem``.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_VERSION
from models.i18n import _

log = logging.getLogger("ictdesk")
LOG_FILE_NAME = "ictdesk.log"
_log_file: Path | None = None
_showing = False  # one dialog at a time: a burst of errors does not stack dialogs
_suppressed = 0


def setup_logging(folder: Path) -> Path:
    """Log to ``folder/ictdesk.log`` (1 MB x 5 files). Returns the file's path."""
    global _log_file
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    root = logging.getLogger()
    if not any(
        isinstance(h, logging.handlers.RotatingFileHandler)
        and Path(h.baseFilename) == path.resolve()
        for h in root.handlers
    ):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
        )
        root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    _log_file = path
    return path


def log_file() -> Path | None:
    return _log_file


def install(folder: Path) -> Path:
    path = setup_logging(folder)
    sys.excepthook = _hook
    threading.excepthook = _thread_hook
    return path


def _hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    value.__traceback_text__ = "".join(traceback.format_exception(kind, value, tb))  # type: ignore[attr-defined]
    show_exception(value)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    # Never build widgets off the UI thread: log only.
    log.error(
        "uncaught exception in thread %s:\n%s",
        args.thread.name if args.thread else "?",
        "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
    )


def details_text(exc: BaseException) -> str:
    tb = getattr(exc, "__traceback_text__", "") or "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )
    where = f"\n{_('บันทึกไว้ที่')} {_log_file}" if _log_file else ""
    return (
        f"ICT Desk {APP_VERSION} / Python {platform.python_version()} / "
        f"{platform.system()} {platform.release()}{where}\n\n{tb}"
    )


class ErrorDialog(QDialog):
    """ "เกิดข้อผิดพลาดในโปรแกรม" with the details and a copy button."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("เกิดข้อผิดพลาดในโปรแกรม"))
        self.details = details_text(exc)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "ขออภัย โปรแกรมทำงานผิดพลาด รายการที่กำลังทำอาจยังไม่ได้บันทึก "
                "กรุณาคัดลอกรายละเอียดด้านล่างส่งให้ผู้ดูแลระบบ"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        summary = QLabel(f"{type(exc).__name__}: {exc}")
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(summary)
        self.text = QPlainTextEdit(self.details)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 220)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(_("คัดลอกรายละเอียด"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_("ปิด"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(_("คัดลอกแล้ว"))


def show_exception(exc: BaseException, parent: QWidget | None = None) -> None:
    """Log the bug and show the dialog (on the UI thread; elsewhere: log only)."""
    global _showing, _suppressed
    log.error("unexpected error:\n%s", details_text(exc))
    app = QApplication.instance()
    if app is None or threading.current_thread() is not threading.main_thread():
        return
    if _showing:
        _suppressed += 1
        return
    _showing = True
    try:
        dialog = ErrorDialog(exc, parent or QApplication.activeWindow())
        dialog.exec()
    finally:
        _showing = False
        if _suppressed:
            log.error("%d more errors while the error dialog was open", _suppressed)
            _suppressed = 0
